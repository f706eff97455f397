#!/usr/bin/env python3
"""flip_tables.py - the flip property test (flip.py) for the inputs beside VCF: segment tables (--segments).

    python3 tests/flip/flip_tables.py [--bin ./mcrc-report] [--seed 1] [--count 400] [--seconds 90] [--jobs 2]
                                      [--out tests/out/flip-tables]

Bases: every segment table under testdata/ (segments/, cnvkit/*.cns, pcgr/*.cna.tsv) run as
`--segments TABLE -g BUILD` for each build that gives a report; the base statuses are those the same binary gives
on the unmodified table (a metamorphic test, as flip.py).  A variant = one base, one operator.  Verdicts as in
flip.py (allowed(): the same status, a less definite one on the same side, or an error: exit 2, one stderr line, no
report); operators that damage what the rule needs are strict: ERBB2 must then not be definite.

Prints one line per failure and, last, "N passed, N failed".
"""
import glob
import gzip
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flip_driver  # noqa: E402
from flip import TOP, SPANS, DEFINITE, allowed, run_bin, norm_chrom  # noqa: E402

START = {'start', 'loc.start', 'startpos', 'start.pos', 'start.bp', 'start_position'}
END = {'end', 'loc.end', 'endpos', 'end.pos', 'end.bp', 'end_position'}
CHROM = {'chromosome', 'chrom', 'chr', 'contig', 'chromosome_name'}


class Table:
    """A segment table as lines: preamble (@ and # lines, anything before the header), header, rows (bytes)."""

    def __init__(self, data):
        lines = data.replace(b'\r\n', b'\n').split(b'\n')
        if lines and lines[-1] == b'':
            lines.pop()
        k = 0
        while k < len(lines) and (lines[k].startswith((b'@', b'#')) or not lines[k].strip()):
            k += 1
        self.pre, self.header, self.rows = lines[:k], lines[k] if k < len(lines) else b'', lines[k + 1:]
        self.sep = b'\t' if b'\t' in self.header else b' '

    def bytes(self):
        return b'\n'.join(self.pre + [self.header] + self.rows) + b'\n'

    def names(self):
        return [c.strip(b'"').decode('latin-1').lower() for c in self.header.split(self.sep)]

    def col(self, wanted):
        n = self.names()
        for i, c in enumerate(n):
            if c in wanted:
                # R's write.table with row names: the header has one name fewer than the rows
                short = self.rows and len(self.rows[0].split(self.sep)) == len(n) + 1
                return i + 1 if short else i
        return None


def overlaps_erbb2(t, row):
    ci, si, ei = t.col(CHROM), t.col(START), t.col(END)
    if None in (ci, si, ei):
        return False
    f = row.split(t.sep)
    try:
        c, s, e = norm_chrom(f[ci].strip(b'"')), int(float(f[si])), int(float(f[ei]))
    except (ValueError, IndexError):
        return False
    return c == '17' and any(s <= b and e >= a for a, b in (SPANS['GRCh37']['ERBB2'], SPANS['GRCh38']['ERBB2']))


class Skip(Exception):
    pass


OPS = {}


def op(name, strict=False, form=None):
    def deco(fn):
        OPS[name] = (fn, strict, form)
        return fn
    return deco


def _chrom_of(t, row):
    ci = t.col(CHROM)
    f = row.split(t.sep)
    return norm_chrom(f[ci].strip(b'"')) if ci is not None and ci < len(f) else None


@op('drop-chr17', strict=True)
def _(t, rng):
    keep = [r for r in t.rows if _chrom_of(t, r) != '17']
    if len(keep) == len(t.rows):
        raise Skip
    t.rows = keep


@op('extra-column')
def _(t, rng):
    pos = rng.randrange(len(t.header.split(t.sep)) + 1)
    def ins(line, val):
        f = line.split(t.sep)
        f.insert(min(pos, len(f)), val)
        return t.sep.join(f)
    if t.col(CHROM) is not None and t.rows and len(t.rows[0].split(t.sep)) != len(t.header.split(t.sep)):
        raise Skip                       # row-named tables: positions differ between header and rows
    t.header = ins(t.header, b'zz_unknown')
    t.rows = [ins(r, str(rng.randrange(100)).encode()) for r in t.rows]


@op('reorder-columns')
def _(t, rng):
    hn = t.header.split(t.sep)
    if not t.rows or len(t.rows[0].split(t.sep)) != len(hn):
        raise Skip
    perm = list(range(len(hn)))
    rng.shuffle(perm)
    t.header = t.sep.join(hn[i] for i in perm)
    t.rows = [t.sep.join(r.split(t.sep)[i] for i in perm) if len(r.split(t.sep)) == len(hn) else r for r in t.rows]


@op('damage-erbb2-coordinate', strict=True)
def _(t, rng):
    hits = [i for i, r in enumerate(t.rows) if overlaps_erbb2(t, r)]
    if not hits:
        raise Skip
    i = rng.choice(hits)
    f = t.rows[i].split(t.sep)
    k = rng.choice([t.col(START), t.col(END)])
    f[k] = rng.choice([b'NaN', b'x', b'', b'1e999', b'12.5.3', b'-'])
    t.rows[i] = t.sep.join(f)


@op('chr-toggle')
def _(t, rng):
    ci = t.col(CHROM)
    if ci is None:
        raise Skip
    def tog(r):
        f = r.split(t.sep)
        if ci < len(f):
            v = f[ci]
            q = v.startswith(b'"')
            v = v.strip(b'"')
            v = v[3:] if v.lower().startswith(b'chr') else b'chr' + v
            f[ci] = b'"' + v + b'"' if q else v
        return t.sep.join(f)
    t.rows = [tog(r) for r in t.rows]


@op('crlf', form='crlf')
def _(t, rng):
    pass


@op('duplicate-erbb2-rows')
def _(t, rng):
    hits = [r for r in t.rows if overlaps_erbb2(t, r)]
    if not hits:
        raise Skip
    t.rows = t.rows + hits


@op('drop-one-erbb2-row')
def _(t, rng):
    hits = [i for i, r in enumerate(t.rows) if overlaps_erbb2(t, r)]
    if not hits:
        raise Skip
    del t.rows[rng.choice(hits)]


@op('comment-lines')
def _(t, rng):
    t.pre = [b'# a comment line added by flip_tables.py'] + t.pre


@op('truncate-mid-line', strict=True, form='cut')
def _(t, rng):
    if not t.rows:
        raise Skip


@op('gzip', form='gzip')
def _(t, rng):
    pass


@op('bgzip', form='bgzip')
def _(t, rng):
    pass


@op('bgzip-tabix', form='tabix')
def _(t, rng):
    pass


@op('bgzip-truncated', strict=True, form='bgzip-cut')
def _(t, rng):
    pass


@op('bgzip-corrupt-byte', strict=True, form='bgzip-flip')
def _(t, rng):
    pass


def make_form(t, form, wd, rng, name):
    data = t.bytes()
    path = os.path.join(wd, name)
    if form == 'crlf':
        data = data.replace(b'\n', b'\r\n')
    if form == 'cut':
        body = len(data) - len(t.rows[-1]) - 1          # cut inside the last row, never at its end
        data = data[:rng.randrange(body + 1, len(data) - 1)] if len(t.rows[-1]) > 1 else data[:-1]
    if form == 'gzip':
        path += '.gz'
        data = gzip.compress(data, mtime=0)
    if form in ('bgzip', 'tabix', 'bgzip-cut', 'bgzip-flip'):
        path += '.gz'
        p = subprocess.run(['bgzip', '-c'], input=data, stdout=subprocess.PIPE, check=True)
        data = p.stdout
        if form == 'bgzip-cut':
            data = data[:rng.randrange(20, max(21, len(data) - 28))]
        if form == 'bgzip-flip':
            b = bytearray(data)
            k = rng.randrange(18, max(19, len(b) - 28))
            b[k] ^= 1 << rng.randrange(8)
            data = bytes(b)
    with open(path, 'wb') as fh:
        fh.write(data)
    if form == 'tabix':
        ci, si, ei = t.col(CHROM), t.col(START), t.col(END)
        if None in (ci, si, ei) or t.sep != b'\t':
            raise Skip
        skip = len(t.pre) + 1
        r = subprocess.run(['tabix', '-f', '-s', str(ci + 1), '-b', str(si + 1), '-e', str(ei + 1), '-S', str(skip), path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            raise Skip                    # unsorted tables cannot be indexed
    return path


def find_tables():
    pats = ['testdata/segments/*', 'testdata/segments/*/*', 'testdata/cnvkit/*.cns', 'testdata/pcgr/*.cna.tsv']
    out = []
    for p in pats:
        for f in sorted(glob.glob(os.path.join(TOP, p))):
            if os.path.isfile(f) and not f.endswith(('.md', '.gz', '.tbi', '.csi')) and os.path.getsize(f) < 2_000_000:
                out.append(os.path.relpath(f, TOP))
    return out


def prepare_bases(binary, wd):
    bases = []
    for f in find_tables():
        for build in ('GRCh37', 'GRCh38'):
            opts = ['--segments', os.path.join(TOP, f), '-g', build]
            res = run_bin(binary, opts, [], wd)
            if res['rc'] == 0 and res['statuses']:
                bases.append({'name': f, 'build': build, 'statuses': res['statuses'],
                              'text': open(os.path.join(TOP, f), 'rb').read()})
    return bases


def judge(base, res, strict):
    probs = list(res['problems'])
    st = res['statuses']
    if st is None:
        return probs
    for g, b in base['statuses'].items():
        n = st[g]
        if not allowed(b, n):
            probs.append('FLIP %s %s -> %s' % (g, b, n))
        elif strict and g == 'ERBB2' and n in DEFINITE:
            probs.append('FAIL-OPEN %s %s from a damaged table' % (g, n))
    return probs


def run_variant(job):
    binary, i, seed, workroot = job
    rng = random.Random('%s:%d' % (seed, i))
    name = rng.choice(sorted(OPS))
    fn, strict, form = OPS[name]
    wd = flip_driver.scratch(workroot)
    try:
        for _ in range(100):
            base = flip_driver.BASES[rng.randrange(len(flip_driver.BASES))]
            t = Table(base['text'])
            try:
                fn(t, rng)
                path = make_form(t, form, wd, rng, 'table.' + os.path.basename(base['name']))
            except Skip:
                continue
            res = run_bin(binary, ['--segments', path, '-g', base['build']], [], wd)
            probs = judge(base, res, strict)
            keep = flip_driver.keep_repro(wd, workroot, i) if probs else None
            return {'op': name, 'case': '%s -g %s' % (base['name'], base['build']), 'rc': res['rc'], 'probs': probs,
                    'repro': keep, 'err': res['err']}
        return {'op': name, 'case': '-', 'rc': None, 'probs': [], 'skipped': True}
    finally:
        shutil.rmtree(wd, ignore_errors=True)



def main():
    a = flip_driver.args('flip-tables', 400, 90)
    wd = flip_driver.scratch(a.out)
    bases = prepare_bases(a.bin, wd)
    shutil.rmtree(wd, ignore_errors=True)
    if bases:
        print('INFO %d bases from %d tables; operators: %s' % (len(bases), len({b['name'] for b in bases}), ' '.join(sorted(OPS))))
    return flip_driver.drive(a, bases, run_variant, 'segment table')


if __name__ == '__main__':
    sys.exit(main())
