#!/usr/bin/env python3
"""flip.py - the flip property test of issue 12: damaged or meaning-preserving variants of every input whose
status is definite must never come out with a *different* definite status.

    python3 tests/flip/flip.py [--bin ./mcrc-report] [--seed 1] [--count 3000] [--seconds 240] [--jobs 2]
                               [--out tests/out/flip] [--ops op1,op2] [--cases PATTERN] [--no-real] [--no-strict]

Bases: every case of tests/cases/*.tsv that ends in a report (its options and inputs), and every caller file under
testdata/ that gives a report with no option (or with -g GRCh37 / -g GRCh38 when it needs one). The base statuses
are those the same binary gives on the unmodified input (as plain VCF text): the test is a metamorphic one.

A variant = one base, one named operator (header / record / stream / index damage, or a meaning-preserving
change), one input form (VCF, VCF.gz, VCF.gz+TBI, VCF.gz+CSI, BCF, BCF+CSI, pipe), with or without --parse-all.
Each variant is one run of the binary (timeout 20 s).  Verdict for each gene (order in README.md here):

  definiteness:  amplified = not-amplified = mutant = wild-type  (4, definite)
                 no-mutation-detected (3, a definite negative weaker than wild-type)
                 equivocal (2)
                 indeterminate = not-assessed (1)
  allowed:  the base's status; or any status of lower definiteness on the same side (amplified -> equivocal,
            wild-type -> no-mutation-detected, anything -> indeterminate/not-assessed); or an error (exit 2, one
            line on stderr, no report).  Anything else is a FLIP (a different or more definite status).
  strict:   operators that damage the file itself (truncation, a corrupt block, a malformed record, a NUL in
            the header, an END out of range, an unusable allele fraction the call's own vaf-field used...) must
            give an error or a non-definite status for the genes they touch: a definite status there is FAIL-OPEN
            (issue 12: a definite status only from a file read whole and understood). --no-strict turns that off.
  always:   exit 0/2 only (1, 3, 4 are failures), no crash (signal, sanitizer report), no hang (20 s), exit 0 leaves
            a whole report with the four biomarkers, exit 2 leaves no report and one stderr line.

Prints one line per failure (FAIL op=... case=... form=... gene=... base -> new repro=DIR) and, last,
"N passed, N failed".  The first failure of each (operator, case, gene, transition) is minimised and saved under
OUT/repro/.
"""
import argparse
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
GENES = ('ERBB2', 'KRAS', 'NRAS', 'BRAF')
GENE_CHROM = {'ERBB2': '17', 'KRAS': '12', 'NRAS': '1', 'BRAF': '7'}
CHROM_GENE = {v: k for k, v in GENE_CHROM.items()}
# gene spans, both builds (annotations/genes.tsv), used to keep "far" records far
SPANS = {'GRCh38': {'ERBB2': (39687914, 39730426), 'KRAS': (25205246, 25250936), 'NRAS': (114704469, 114716894),
                    'BRAF': (140719327, 140924929)},
         'GRCh37': {'ERBB2': (37844167, 37886679), 'KRAS': (25357723, 25403870), 'NRAS': (115247085, 115259515),
                    'BRAF': (140433812, 140624564)}}
MIN_LEN = {'1': 248956422, '7': 159138663, '12': 133275309, '17': 81195210}   # the shorter of the two builds
OTHER_BUILD = {'GRCh38': 'GRCh37', 'GRCh37': 'GRCh38'}
BUILD_REF = {'GRCh37': ['##reference=file:///data/refs/GRCh37/human_g1k_v37.fasta', '##assembly=GRCh37',
                        '##reference=hg19.fa'],
             'GRCh38': ['##reference=file:///data/refs/GRCh38/GRCh38_full_analysis_set_plus_decoy_hla.fa',
                        '##assembly=GRCh38', '##reference=hg38.fa']}
TIMEOUT = 20

# ---------------------------------------------------------------- the order of statuses
RANK = {'amplified': 4, 'not-amplified': 4, 'mutant': 4, 'wild-type': 4, 'no-mutation-detected': 3,
        'equivocal': 2, 'indeterminate': 1, 'not-assessed': 1}
SIDE = {'amplified': '+', 'mutant': '+', 'not-amplified': '-', 'wild-type': '-', 'no-mutation-detected': '-',
        'equivocal': '0', 'indeterminate': '', 'not-assessed': ''}
DEFINITE = {'amplified', 'not-amplified', 'mutant', 'wild-type', 'no-mutation-detected'}


def allowed(base, new):
    """True when NEW is the base status or a less definite one on the same side (see the module comment)."""
    if new == base:
        return True
    if RANK[new] == 1:
        return True
    if RANK[new] >= RANK[base]:
        return False
    # lower rank: must not cross sides (amplified -> not-amplified is not "less definite")
    if new == 'equivocal':
        return base in ('amplified', 'not-amplified')
    if new == 'no-mutation-detected':
        return base == 'wild-type'
    return False


# ---------------------------------------------------------------- VCF text helpers
class Vcf:
    """A VCF as lines: meta (## lines), the #CHROM line, records (bytes, no newline)."""

    def __init__(self, data):
        lines = data.split(b'\n')
        if lines and lines[-1] == b'':
            lines.pop()
        self.meta, self.chrom_line, self.records = [], None, []
        for ln in lines:
            if self.chrom_line is None and ln.startswith(b'##'):
                self.meta.append(ln)
            elif self.chrom_line is None and ln.startswith(b'#'):
                self.chrom_line = ln
            else:
                self.records.append(ln)

    def copy(self):
        v = Vcf.__new__(Vcf)
        v.meta, v.chrom_line, v.records = list(self.meta), self.chrom_line, list(self.records)
        return v

    def bytes(self):
        out = self.meta + ([self.chrom_line] if self.chrom_line is not None else []) + self.records
        return b'\n'.join(out) + b'\n'

    def samples(self):
        return self.chrom_line.split(b'\t')[9:] if self.chrom_line else []


def norm_chrom(c):
    c = c.decode('latin-1') if isinstance(c, bytes) else c
    m = re.match(r'^(?:chr)?([0-9]+|X|Y|M|MT)$', c, re.I)
    if m:
        return m.group(1).upper()
    m = re.match(r'^NC_0000(\d\d)\.\d+$', c)
    if m:
        return str(int(m.group(1)))
    m = re.match(r'^CM0006(\d\d)\.\d+$', c)          # GenBank: CM000663.x = chr1 ... CM000679.x = chr17 (both builds)
    if m:
        return str(int(m.group(1)) - 62)
    return c


def info_get(info, key):
    for kv in info.split(b';'):
        k, _, v = kv.partition(b'=')
        if k == key:
            return v if _ else b''
    return None


def info_set(info, key, val):
    """Set (val bytes), or remove (val None) an INFO key."""
    parts = [] if info in (b'.', b'') else info.split(b';')
    out, done = [], False
    for kv in parts:
        k = kv.partition(b'=')[0]
        if k == key:
            if val is not None and not done:
                out.append(key + b'=' + val)
                done = True
            continue
        out.append(kv)
    if val is not None and not done:
        out.append(key + b'=' + val)
    return b';'.join(out) if out else b'.'


def fmt_index(cols, key):
    if len(cols) < 10:
        return -1
    keys = cols[8].split(b':')
    return keys.index(key) if key in keys else -1


def set_sample_field(cols, key, fn, samples=None):
    """Apply fn(old_value_bytes) -> new bytes to FORMAT/key of the sample columns (all, or the given indexes)."""
    i = fmt_index(cols, key)
    if i < 0:
        return False
    for s in range(9, len(cols)):
        if samples is not None and (s - 9) not in samples:
            continue
        vals = cols[s].split(b':')
        while len(vals) <= i:
            vals.append(b'.')
        vals[i] = fn(vals[i])
        cols[s] = b':'.join(vals)
    return True


def declared(v, kind, key):
    pre = b'##' + kind + b'=<ID=' + key + b','
    return [i for i, m in enumerate(v.meta) if m.startswith(pre)]


# ---------------------------------------------------------------- BGZF and the index formats
BGZF_EOF = bytes.fromhex('1f8b08040000000000ff0600424302001b0003000000000000000000')


def bgzf_block(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    comp = c.compress(data) + c.flush()
    bsize = 18 + len(comp) + 8 - 1
    return (b'\x1f\x8b\x08\x04\x00\x00\x00\x00\x00\xff\x06\x00BC\x02\x00' + struct.pack('<H', bsize) + comp +
            struct.pack('<II', zlib.crc32(data) & 0xffffffff, len(data)))


def bgzf(data, block=0xff00, eof=True):
    out = [bgzf_block(data[i:i + block]) for i in range(0, len(data), block)] or [bgzf_block(b'')]
    if eof:
        out.append(BGZF_EOF)
    return b''.join(out)


def bgzf_blocks(data):
    """(offset, size) of each BGZF block."""
    out, off = [], 0
    while off + 18 <= len(data):
        if data[off:off + 4] != b'\x1f\x8b\x08\x04':
            break
        bsize = struct.unpack('<H', data[off + 16:off + 18])[0] + 1
        out.append((off, bsize))
        off += bsize
    return out


def bgzf_decompress(data):
    out = []
    for off, size in bgzf_blocks(data):
        out.append(zlib.decompress(data[off + 18:off + size - 8], -15))
    return b''.join(out)


def bgzf_block_ok(block, original):
    """True when a (changed) block still inflates, with a matching CRC32 and ISIZE, to the original's data: a
    flipped padding bit at the end of the deflate stream is no damage at all."""
    try:
        d = zlib.decompressobj(-15)
        data = d.decompress(block[18:-8])
        if not d.eof or d.unused_data:
            return False
        crc, isize = struct.unpack('<II', block[-8:])
        return crc == zlib.crc32(data) & 0xffffffff and isize == len(data) and \
            data == zlib.decompress(original[18:-8], -15)
    except zlib.error:
        return False


def parse_tbi(raw):
    """-> dict with header fields and refs [(bins {bin: [(beg,end)]}, intervals [off])]"""
    if raw[:4] == b'TBI\x01':
        n_ref, fmt, cs, cb, ce, meta, skip, l_nm = struct.unpack('<8i', raw[4:36])
        p = 36 + l_nm
        refs = []
        for _ in range(n_ref):
            n_bin, = struct.unpack('<i', raw[p:p + 4]); p += 4
            bins = []
            for _ in range(n_bin):
                b, n_chunk = struct.unpack('<Ii', raw[p:p + 8]); p += 8
                ch = [struct.unpack('<QQ', raw[p + 16 * k:p + 16 * k + 16]) for k in range(n_chunk)]
                p += 16 * n_chunk
                bins.append([b, 0, ch])
            n_intv, = struct.unpack('<i', raw[p:p + 4]); p += 4
            iv = list(struct.unpack('<%dQ' % n_intv, raw[p:p + 8 * n_intv])); p += 8 * n_intv
            refs.append([bins, iv])
        return {'kind': 'tbi', 'head': raw[4:36 + l_nm], 'refs': refs, 'tail': raw[p:]}
    if raw[:4] == b'CSI\x01':
        min_shift, depth, l_aux = struct.unpack('<3i', raw[4:16])
        p = 16 + l_aux
        n_ref, = struct.unpack('<i', raw[p:p + 4]); p += 4
        refs = []
        for _ in range(n_ref):
            n_bin, = struct.unpack('<i', raw[p:p + 4]); p += 4
            bins = []
            for _ in range(n_bin):
                b, lo, n_chunk = struct.unpack('<IQi', raw[p:p + 16]); p += 16
                ch = [struct.unpack('<QQ', raw[p + 16 * k:p + 16 * k + 16]) for k in range(n_chunk)]
                p += 16 * n_chunk
                bins.append([b, lo, ch])
            refs.append([bins, None])
        return {'kind': 'csi', 'head': raw[4:16 + l_aux], 'refs': refs, 'tail': raw[p:]}
    return None


def write_index(ix):
    out = [b'TBI\x01' if ix['kind'] == 'tbi' else b'CSI\x01', ix['head']]
    if ix['kind'] == 'csi':
        out.append(struct.pack('<i', len(ix['refs'])))
    for bins, iv in ix['refs']:
        out.append(struct.pack('<i', len(bins)))
        for b, lo, ch in bins:
            out.append(struct.pack('<Ii', b, len(ch)) if ix['kind'] == 'tbi' else struct.pack('<IQi', b, lo, len(ch)))
            for beg, end in ch:
                out.append(struct.pack('<QQ', beg, end))
        if ix['kind'] == 'tbi':
            out.append(struct.pack('<i', len(iv)))
            out.append(struct.pack('<%dQ' % len(iv), *iv))
    out.append(ix['tail'])
    return b''.join(out)


# ---------------------------------------------------------------- running the binary
def run_bin(binary, opts, inputs, workdir, stdin_data=None, env=None):
    """-> dict(rc, err, statuses or None, problems [str])"""
    out = os.path.join(workdir, 'report.xml')
    if os.path.exists(out):
        os.unlink(out)
    args = [binary, '--no-version'] + opts
    if stdin_data is None:
        args += ['-o', out] + inputs
    else:
        args += inputs
    e = dict(os.environ, SOURCE_DATE_EPOCH='1767225600', LC_ALL='C')
    try:
        p = subprocess.run(args, input=stdin_data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, cwd=TOP, env=e)
    except subprocess.TimeoutExpired:
        return {'rc': 'timeout', 'err': '', 'statuses': None, 'problems': ['hang: no exit in %d s' % TIMEOUT]}
    rc, err = p.returncode, p.stderr.decode('utf-8', 'replace')
    probs = []
    if stdin_data is not None:
        xml = p.stdout
        left = bool(p.stdout)
    else:
        xml = open(out, 'rb').read() if os.path.exists(out) else None
        left = xml is not None or any(f.startswith('report.xml') and f != 'report.xml' for f in os.listdir(workdir))
    if rc < 0 or rc >= 128:
        probs.append('crash: signal/exit %d' % rc)
    if 'AddressSanitizer' in err or 'runtime error:' in err or 'LeakSanitizer' in err:
        probs.append('sanitizer report')
    statuses = None
    if rc == 0:
        statuses = parse_statuses(xml or b'')
        if statuses is None:
            probs.append('exit 0 but no whole report (partial output)')
    elif rc == 2:
        if left:
            probs.append('exit 2 but a report was left')
        nl = len([ln for ln in err.split('\n') if ln.strip()])
        if nl != 1:
            probs.append('exit 2 with %d stderr lines' % nl)
    elif rc in (1, 3, 4):
        probs.append('exit %d (%s)' % (rc, {1: 'usage', 3: 'output error', 4: 'internal error'}[rc]))
    elif not probs:
        probs.append('exit %d' % rc)
    return {'rc': rc, 'err': err.strip().split('\n')[-1][:300] if err.strip() else '', 'statuses': statuses,
            'problems': probs, 'xml': xml if rc == 0 else None}


BIOMARKER = re.compile(rb'<biomarker gene="([A-Z0-9]+)"[^>]*?status="([a-z-]+)"')


def parse_statuses(xml):
    if not xml.rstrip().endswith(b'</mcrc-report>'):
        return None
    st = {g.decode(): s.decode() for g, s in BIOMARKER.findall(xml)}
    if set(st) != set(GENES) or any(s not in RANK for s in st.values()):
        return None
    return st


# ---------------------------------------------------------------- bases
def read_cases():
    out = []
    for tsv in sorted(os.listdir(os.path.join(TOP, 'tests', 'cases'))):
        if not tsv.endswith('.tsv'):
            continue
        for line in open(os.path.join(TOP, 'tests', 'cases', tsv)):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            f = line.split('\t')
            if len(f) < 4 or f[1].startswith('exit:'):
                continue
            opts = [] if f[2] == '-' else f[2].split()
            out.append({'name': f[0], 'opts': opts, 'inputs': f[3].split()})
    return out


SKIP_DIRS = ('testdata/bad/', 'testdata/hostile/', 'testdata/hts-specs/test/', 'testdata/htslib_tests/',
             'testdata/bcftools_tests/', 'testdata/cnvkit/edge_vcfs/')


def real_files(cases):
    used = {i for c in cases for i in c['inputs']}
    out = []
    for root, _, files in os.walk(os.path.join(TOP, 'testdata')):
        for fn in sorted(files):
            path = os.path.relpath(os.path.join(root, fn), TOP)
            if not (fn.endswith('.vcf') or fn.endswith('.vcf.gz') or fn.endswith('.bcf')):
                continue
            if path in used or any(path.startswith(d) for d in SKIP_DIRS):
                continue
            if os.path.getsize(os.path.join(TOP, path)) > 1_500_000:
                continue
            out.append(path)
    return sorted(out)


def load_text(path):
    full = os.path.join(TOP, path)
    raw = open(full, 'rb').read()
    if raw[:2] == b'\x1f\x8b':
        try:
            data = zlib.decompress(raw, 31) if not bgzf_blocks(raw) else bgzf_decompress(raw)
        except Exception:
            p = subprocess.run(['bcftools', 'view', '--no-version', full], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            data = p.stdout
        if data[:3] == b'BCF':
            p = subprocess.run(['bcftools', 'view', '--no-version', full], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
            data = p.stdout
        return data
    return raw


def prepare_base(args):
    """Run one candidate base; -> base dict or None."""
    binary, case, workroot = args
    wd = tempfile.mkdtemp(dir=workroot)
    try:
        texts = {}
        for i, inp in enumerate(case['inputs']):
            if not os.path.exists(os.path.join(TOP, inp)):
                return None
            texts[i] = load_text(inp)
            if not texts[i].startswith(b'##fileformat') and b'\n#CHROM' not in texts[i][:200000]:
                return None
        # the base is the case run on its inputs as plain VCF text (the forms must agree: tests/run-tests.sh)
        paths = []
        for i in range(len(case['inputs'])):
            p = os.path.join(wd, 'in%d.vcf' % i)
            open(p, 'wb').write(texts[i])
            paths.append(p)
        tries = [case['opts']] if not case.get('real') else [[], ['-g', 'GRCh37'], ['-g', 'GRCh38']]
        for opts in tries:
            dump = os.path.join(wd, 'dump.tsv')
            r = run_bin(binary, opts + ['--dump-records', dump], paths, wd)
            if r['rc'] != 0 or r['statuses'] is None:
                continue
            if not any(s in DEFINITE or s == 'equivocal' for s in r['statuses'].values()):
                return None
            in_gene = set()
            for ln in open(dump, 'rb').read().split(b'\n') if os.path.exists(dump) else []:
                f = ln.split(b'\t')
                if len(f) >= 5:
                    in_gene.add((int(f[0]) - 1, f[1], f[2], f[3], f[4]))
            xml = r['xml']
            build = re.search(rb'<gene-span build="(GRCh3[78])"', xml)
            variants = []
            for blk in re.finditer(rb'<biomarker gene="([A-Z0-9]+)".*?</biomarker>', xml, re.S):
                for m in re.finditer(rb'<variant ([^>]*)/>', blk.group(0)):
                    a = {k.decode(): v.decode() for k, v in re.findall(rb'([a-z-]+)="([^"]*)"', m.group(1))}
                    a['gene'] = blk.group(1).decode()
                    variants.append(a)
            return {'name': case['name'], 'opts': opts, 'inputs': case['inputs'], 'texts': texts,
                    'statuses': r['statuses'], 'in_gene': in_gene, 'build': build.group(1).decode() if build else None,
                    'variants': variants}
        return None
    finally:
        shutil.rmtree(wd, ignore_errors=True)


# ---------------------------------------------------------------- operators
class Skip(Exception):
    pass


def rec_cols(line):
    return line.split(b'\t')


def gene_records(v, base, idx):
    """indexes of v.records that --dump-records found in a gene region (input idx)"""
    out = []
    for i, ln in enumerate(v.records):
        c = rec_cols(ln)
        if len(c) >= 5 and (idx, c[0], c[1], c[3], c[4]) in base['in_gene']:
            out.append(i)
    return out


def gene_of(line):
    return CHROM_GENE.get(norm_chrom(rec_cols(line)[0]))


class Op:
    """An operator: fn(vcf, rng, ctx) changes the VCF in place (or marks ctx for make_form) and may raise Skip.
    forms: the forms it applies to (None: all). strict (fail-open verdicts): None; 'all' (every gene);
    'touched' (the genes in ctx['touched']); 'no-wild-type' (those genes may not be wild-type); strict_forms:
    the forms where strictness applies (None: all). sets_aside: bases that are not definite are not judged."""
    def __init__(self, name, fn, strict=None, forms=None, sets_aside=False, strict_forms=None):
        self.name, self.fn, self.strict, self.forms, self.sets_aside = name, fn, strict, forms, sets_aside
        self.strict_forms = strict_forms


OPS = []
STREAMED = ('vcf', 'vcf.gz', 'bcf', 'pipe')     # forms read whole (no index)
# damage written into the text survives as itself only in text forms: bcftools view -Ob rewrites it (END=1e30
# becomes END=1 or missing, extra columns are dropped), so strict verdicts on text damage skip the BCF forms
TEXT_STREAMED = ('vcf', 'vcf.gz', 'pipe')
TEXT_FORMS = ('vcf', 'vcf.gz', 'vcf.gz+tbi', 'vcf.gz+csi', 'pipe')


def op(name, strict=None, forms=None, sets_aside=False, strict_forms=None):
    def deco(fn):
        OPS.append(Op(name, fn, strict, forms, sets_aside, strict_forms))
        return fn
    return deco


# --- header
def _retype(v, rng, kind, key, types):
    ix = declared(v, kind, key)
    if not ix:
        raise Skip
    i = rng.choice(ix)
    m = v.meta[i]
    t = re.search(rb'Type=(\w+)', m)
    if not t or t.group(1) not in (b'Integer', b'Float'):
        raise Skip
    choices = [x for x in types if x != t.group(1)]
    if t.group(1) == b'Float':
        choices = [b'String']             # Float -> Integer would round values: a change of meaning
    v.meta[i] = m[:t.start(1)] + rng.choice(choices) + m[t.end(1):]
    return {}


@op('header-retype-END')
def _(v, rng, ctx):
    return _retype(v, rng, b'INFO', b'END', [b'String', b'Float'])


@op('header-retype-SVLEN')
def _(v, rng, ctx):
    return _retype(v, rng, b'INFO', b'SVLEN', [b'String', b'Float'])


@op('header-retype-CN')
def _(v, rng, ctx):
    return _retype(v, rng, rng.choice([b'FORMAT', b'INFO']), b'CN', [b'String', b'Float'])


@op('header-retype-any')
def _(v, rng, ctx):
    cand = [i for i, m in enumerate(v.meta) if re.match(rb'##(INFO|FORMAT)=<ID=[^,]+,.*Type=(Integer|Float)', m)]
    if not cand:
        raise Skip
    i = rng.choice(cand)
    m = v.meta[i]
    t = re.search(rb'Type=(\w+)', m)
    new = rng.choice([b'String', b'Float']) if t.group(1) == b'Integer' else b'String'
    v.meta[i] = m[:t.start(1)] + new + m[t.end(1):]
    return {'detail': m[:40].decode('latin-1')}


def _pick_decl(v, rng):
    cand = [i for i, m in enumerate(v.meta) if re.match(rb'##(INFO|FORMAT)=<ID=', m)]
    if not cand:
        raise Skip
    return rng.choice(cand)


@op('header-drop-decl')
def _(v, rng, ctx):
    d = v.meta.pop(_pick_decl(v, rng))
    return {'detail': d[:40].decode('latin-1')}


@op('header-dup-decl')
def _(v, rng, ctx):
    i = _pick_decl(v, rng)
    m = v.meta[i]
    new = re.sub(rb'Number=[^,>]+', b'Number=' + rng.choice([b'.', b'2', b'A', b'R', b'1']), m)
    # never Float -> Integer: the duplicate may win, and rounding would change values
    types = [b'String', b'Float'] if b'Type=Float' in m else [b'String', b'Integer', b'Float']
    new = re.sub(rb'Type=\w+', b'Type=' + rng.choice(types), new)
    if new == m:
        new = m.replace(b'Description="', b'Description="duplicate: ')
    v.meta.insert(i + rng.choice([0, 1]), new)     # before: htslib keeps the first, so the new one wins
    return {'detail': new[:60].decode('latin-1')}


@op('header-unknown-fields')
def _(v, rng, ctx):
    v.meta.append(b'##INFO=<ID=XFLIPI,Number=1,Type=Integer,Description="flip test: unknown">')
    v.meta.append(b'##FORMAT=<ID=XFLIPF,Number=2,Type=Float,Description="flip test: unknown">')
    for i, ln in enumerate(v.records):
        c = rec_cols(ln)
        if len(c) < 8:
            continue
        c[7] = info_set(c[7], b'XFLIPI', b'%d' % rng.randint(0, 999))
        if len(c) >= 10:
            nkeys = len(c[8].split(b':'))
            c[8] += b':XFLIPF'
            for s in range(9, len(c)):
                # trailing fields may be left out: fill them with '.' so no value moves to another key
                have = len(c[s].split(b':'))
                c[s] += b':.' * max(0, nkeys - have) + b':0.5,1.5'
        v.records[i] = b'\t'.join(c)
    return {}


@op('header-reorder')
def _(v, rng, ctx):
    if len(v.meta) < 3:
        raise Skip
    ids = [re.match(rb'##(\w+)=<ID=([^,>]+)', m) for m in v.meta[1:]]
    keys = [(x.group(1), x.group(2)) for x in ids if x]
    if len(keys) != len(set(keys)):
        raise Skip                      # duplicate declarations: order decides which one wins
    plain = [m.split(b'=')[0] for m in v.meta[1:] if not m.startswith(b'##') or b'=<' not in m]
    if len(plain) != len(set(plain)) and any(p in (b'##reference', b'##assembly', b'##tumor_sample') for p in plain):
        raise Skip
    rest = v.meta[1:]
    rng.shuffle(rest)
    v.meta = v.meta[:1] + rest
    return {}


@op('header-nul-byte', strict='all', strict_forms=TEXT_FORMS)
def _(v, rng, ctx):
    if rng.random() < 0.3 and v.chrom_line:
        ln = v.chrom_line
        p = rng.randrange(1, len(ln))
        v.chrom_line = ln[:p] + b'\x00' + ln[p:]
        return {'detail': '#CHROM line'}
    i = rng.randrange(1, len(v.meta)) if len(v.meta) > 1 else 0
    ln = v.meta[i]
    p = rng.randrange(2, max(3, len(ln)))
    v.meta[i] = ln[:p] + b'\x00' + ln[p:]
    return {'detail': ln[:30].decode('latin-1')}


@op('header-contig-length')
def _(v, rng, ctx):
    cand = [i for i, m in enumerate(v.meta) if m.startswith(b'##contig=') and re.search(rb'length=\d+', m)]
    if not cand:
        raise Skip
    # prefer the gene chromosomes
    gc = [i for i in cand if norm_chrom(re.search(rb'ID=([^,>]+)', v.meta[i]).group(1)) in CHROM_GENE] or cand
    i = rng.choice(gc)
    m = v.meta[i]
    ln = int(re.search(rb'length=(\d+)', m).group(1))
    new = ln + rng.choice([1, -1, 7, 1000, 123457, -123457]) if rng.random() < 0.8 else ln * 2
    v.meta[i] = re.sub(rb'length=\d+', b'length=%d' % new, m)
    return {'detail': '%d -> %d' % (ln, new)}


@op('header-other-build', strict='all', strict_forms=TEXT_FORMS)
def _(v, rng, ctx):
    b = ctx['base']['build']
    if not b:
        raise Skip
    line = rng.choice(BUILD_REF[OTHER_BUILD[b]]).encode()
    v.meta.insert(rng.randrange(1, len(v.meta) + 1), line)
    return {'detail': line.decode()}


@op('header-drop-tumour-marker')
def _(v, rng, ctx):
    if '-s' in ctx['base']['opts'] or len(v.samples()) < 2:
        raise Skip
    n = len(v.meta)
    v.meta = [m for m in v.meta if not m.lower().startswith((b'##tumor_sample', b'##tumour_sample'))]
    cols = v.chrom_line.split(b'\t')
    renamed = False
    for k in range(9, len(cols)):
        if cols[k].upper() in (b'TUMOR', b'TUMOUR'):
            cols[k] = b'SAMPLE_%d' % k
            renamed = True
    v.chrom_line = b'\t'.join(cols)
    if n == len(v.meta) and not renamed:
        raise Skip
    return {}


# --- records far from the genes (structure)
def far_insert(v, rng, ctx, make):
    """Insert a record built by make(chrom, pos, template_cols) where no gene is near."""
    if not v.records:
        raise Skip
    first = rec_cols(v.records[0])
    if len(first) < 8:
        raise Skip
    if rng.random() < 0.5:
        line = make(first[0], 1 + rng.randrange(1000), first)
        v.records.insert(0, line)
        return {'detail': 'before the first record'}
    last = rec_cols(v.records[-1])
    if len(last) < 8 or not last[1].isdigit():
        raise Skip
    g = gene_of(v.records[-1])
    pos = int(last[1]) + 5_000_000
    if g:
        for b in SPANS.values():
            s, e = b[g]
            if s - 3_000_000 < pos < e + 3_000_000:
                pos = e + 5_000_000
    length = MIN_LEN.get(norm_chrom(last[0]))
    for m in v.meta:
        mm = re.match(rb'##contig=<ID=([^,>]+),.*length=(\d+)', m)
        if mm and mm.group(1) == last[0]:
            length = int(mm.group(2))
    if length is not None and pos > length - 1000:
        line = make(first[0], 1 + rng.randrange(1000), first)
        v.records.insert(0, line)
        return {'detail': 'before the first record'}
    line = make(last[0], pos, last)
    v.records.append(line)
    return {'detail': 'after the last record'}


def _tmpl(chrom, pos, t):
    c = list(t)
    c[0], c[1] = chrom, b'%d' % pos
    c[2] = b'.'
    c[7] = info_set(c[7], b'END', None)
    if c[4].startswith(b'<'):
        c[7] = info_set(c[7], b'END', b'%d' % (pos + 100))
    return c


@op('record-far-too-few-columns', strict='all', strict_forms=TEXT_STREAMED)
def _(v, rng, ctx):
    return far_insert(v, rng, ctx, lambda ch, p, t: b'\t'.join(_tmpl(ch, p, t)[:rng.choice([2, 4, 5, 7])]))


@op('record-far-nonnumeric-pos', strict='all', strict_forms=TEXT_STREAMED)
def _(v, rng, ctx):
    def mk(ch, p, t):
        c = _tmpl(ch, p, t)
        c[1] = rng.choice([b'12a', b'x', b'1e5', b'-', b'1.5'])
        return b'\t'.join(c)
    return far_insert(v, rng, ctx, mk)


@op('record-far-end-before-pos', strict='all', strict_forms=TEXT_STREAMED)
def _(v, rng, ctx):
    def mk(ch, p, t):
        c = _tmpl(ch, p, t)
        c[1] = b'%d' % (p + 1000)
        if b'[' in c[4] or b']' in c[4]:
            # a breakend's END is its mate's position (Delly: CHR2 and END), often before POS in a real file: not
            # damage there, so the record made is a deletion
            c[4] = b'<DEL>'
            c[7] = info_set(info_set(c[7], b'CHR2', None), b'SVTYPE', b'DEL')
        c[7] = info_set(c[7], b'END', b'%d' % (p + 10))
        return b'\t'.join(c)
    return far_insert(v, rng, ctx, mk)      # END is reserved: no declaration is added (that is header-declare-end)


@op('header-declare-end')
def _(v, rng, ctx):
    """declare the reserved INFO/END where the file does not (records with SVLEN and no END keep their extent)"""
    if declared(v, b'INFO', b'END'):
        raise Skip
    v.meta.insert(rng.randrange(1, len(v.meta) + 1),
                  b'##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant">')
    return {}


@op('record-far-extra-samples', strict='all', strict_forms=TEXT_STREAMED)
def _(v, rng, ctx):
    def mk(ch, p, t):
        c = _tmpl(ch, p, t)
        if len(c) < 10:
            c = c[:8] + [b'GT', b'0/1']
        c = c + [c[-1]] * rng.choice([1, 2])
        return b'\t'.join(c)
    return far_insert(v, rng, ctx, mk)


@op('record-far-undeclared-chrom')
def _(v, rng, ctx):
    def mk(ch, p, t):
        c = _tmpl(rng.choice([b'chrUn_flip', b'flip_contig', b'HLA-Z*99']), p, t)
        return b'\t'.join(c)
    return far_insert(v, rng, ctx, mk)


# --- records in the gene regions (values)
def pick_gene_records(v, ctx, rng, pred=lambda c: True, allrecs=False):
    ix = [i for i in gene_records(v, ctx['base'], ctx['idx']) if pred(rec_cols(v.records[i]))]
    if not ix:
        raise Skip
    chosen = ix if allrecs else [rng.choice(ix)]
    ctx['touched'] |= {gene_of(v.records[i]) for i in chosen}
    return chosen


BAD_END = [b'1e30', b'2147483648', b'2147483653', b'4294967297', b'9223372036854775807', b'-5', b'-2147483648',
           b'99999999999']


@op('record-end-out-of-range', strict='touched', strict_forms=TEXT_FORMS)
def _(v, rng, ctx):
    i = pick_gene_records(v, ctx, rng, lambda c: len(c) >= 8 and (info_get(c[7], b'END') is not None or
                                                                  c[4].startswith(b'<')))[0]
    c = rec_cols(v.records[i])
    val = rng.choice(BAD_END + [b'beyond-contig'])
    if val == b'beyond-contig':
        chrom = norm_chrom(c[0])
        val = b'%d' % (250_000_000 + rng.randrange(10 ** 6))     # longer than any chromosome 1, 7, 12, 17
        if chrom not in CHROM_GENE:
            raise Skip
    c[7] = info_set(c[7], b'END', val)
    v.records[i] = b'\t'.join(c)
    _sole_record(ctx)
    return {'detail': 'END=' + val.decode()}


def _svlen_out_of_range(values):
    def fn(v, rng, ctx):
        return _set_svlen_out_of_range(v, rng, ctx, values)
    return fn


# values a BCF cannot hold (bcftools view -Ob stores 1e30 as 1 and clips past 2^31: another file with another
# meaning) are text damage only; values an int32 holds are damage in every form
OPS.append(Op('record-svlen-out-of-range', _svlen_out_of_range([b'1e30', b'2147483648', b'4294967297']),
              'touched', TEXT_FORMS, False, TEXT_FORMS))
OPS.append(Op('record-svlen-past-contig', _svlen_out_of_range([b'999999999', b'-999999999', b'2147483647']),
              'touched', None, False, None))


def _set_svlen_out_of_range(v, rng, ctx, values):
    i = pick_gene_records(v, ctx, rng, lambda c: len(c) >= 8 and info_get(c[7], b'SVLEN') is not None)[0]
    c = rec_cols(v.records[i])
    val = rng.choice(values)
    c[7] = info_set(c[7], b'SVLEN', val)
    if rng.random() < 0.5:
        c[7] = info_set(c[7], b'END', None)
    v.records[i] = b'\t'.join(c)
    _sole_record(ctx)
    return {'detail': 'SVLEN=' + val.decode()}


def _drop_one_of_end_svlen(drop):
    """a record in a gene with both END and SVLEN keeps one of them (either gives the extent)"""
    def fn(v, rng, ctx):
        i = pick_gene_records(v, ctx, rng, lambda c: len(c) >= 8 and info_get(c[7], b'END') is not None and
                              info_get(c[7], b'SVLEN') is not None)[0]
        c = rec_cols(v.records[i])
        c[7] = info_set(c[7], drop, None)
        v.records[i] = b'\t'.join(c)
        return {}
    return fn


OPS.append(Op('record-end-removed-svlen-kept', _drop_one_of_end_svlen(b'END')))
OPS.append(Op('record-svlen-removed-end-kept', _drop_one_of_end_svlen(b'SVLEN')))


@op('record-end-to-svlen')
def _(v, rng, ctx):
    """END replaced by the SVLEN it implies (VCF 4.4: END = POS + |SVLEN| for a symbolic allele)"""
    def ok(c):
        e = info_get(c[7], b'END') if len(c) >= 8 else None
        return e is not None and e.isdigit() and c[4].startswith(b'<') and b',' not in c[4] and \
            info_get(c[7], b'SVLEN') is None
    i = pick_gene_records(v, ctx, rng, ok)[0]
    c = rec_cols(v.records[i])
    ln = int(info_get(c[7], b'END')) - int(c[1])
    if ln <= 0:
        raise Skip
    if not declared(v, b'INFO', b'SVLEN'):
        v.meta.append(b'##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length of the SV">')
    sign = -1 if c[4] == b'<DEL>' and rng.random() < 0.5 else 1
    c[7] = info_set(info_set(c[7], b'END', None), b'SVLEN', b'%d' % (sign * ln))
    v.records[i] = b'\t'.join(c)
    return {}


def _sole_record(ctx):
    """Strict (fail-open) only where the damaged record is the only one in its gene's region, in every input:
    where others are there, they may lawfully carry the status on their own."""
    for g in list(ctx['touched']):
        n = sum(1 for r in ctx['base']['in_gene'] if norm_chrom(r[1]) == GENE_CHROM.get(g))
        if n != 1:
            ctx['touched'].discard(g)


def _sole_call(ctx, var):
    """Strict only where the damaged call is the only call the base used for its gene, and that gene is mutant (a
    call's fraction is what makes a gene mutant; it proves no negative)."""
    used = [x for x in ctx['base']['variants'] if x.get('gene') == var.get('gene') and x.get('used') == 'true']
    if len(used) != 1 or used[0] is not var or ctx['base']['statuses'].get(var.get('gene')) != 'mutant':
        ctx['touched'].discard(var.get('gene'))


def _vaf_records(v, ctx):
    """(record index, the report's variant attributes) for the calls the base used, matched by pos/ref/alt"""
    out = []
    gr = gene_records(v, ctx['base'], ctx['idx'])
    for var in ctx['base']['variants']:
        if var.get('input') != str(ctx['idx'] + 1):
            continue
        for i in gr:
            c = rec_cols(v.records[i])
            if c[1].decode() == var.get('pos') and c[3].decode() == var.get('ref') and \
                    var.get('alt', '') in c[4].decode().split(','):
                out.append((i, var))
    return out


BAD_AF = [b'nan', b'NaN', b'inf', b'-inf', b'Infinity', b'-0.3', b'5', b'1.5', b'1e10', b'-1']


@op('record-af-unusable', strict='touched', strict_forms=TEXT_FORMS)
def _(v, rng, ctx):
    cand = [(i, var) for i, var in _vaf_records(v, ctx) if var.get('vaf-field', '') not in ('', 'FORMAT/AD')
            ]
    if not cand:
        raise Skip
    i, var = rng.choice(cand)
    field = var['vaf-field']
    where, _, key = field.partition('/')
    key = key.encode()
    c = rec_cols(v.records[i])
    bad = rng.choice(BAD_AF)
    if where == 'INFO':
        if info_get(c[7], key) is None:
            raise Skip
        c[7] = info_set(c[7], key, bad)
    elif where == 'FORMAT':
        if not set_sample_field(c, key, lambda old: b','.join([bad] * max(1, len(old.split(b','))))):
            raise Skip
    else:
        raise Skip
    ctx['touched'].add(gene_of(v.records[i]))
    _sole_call(ctx, var)
    ctx['min_vaf_zero'] = _min_vaf_zero(ctx)
    v.records[i] = b'\t'.join(c)
    return {'detail': '%s=%s at %s' % (field, bad.decode(), var.get('pos'))}


def _min_vaf_zero(ctx):
    o = ctx['base']['opts']
    return '--min-vaf' in o and float(o[o.index('--min-vaf') + 1]) == 0


@op('record-ad-unusable', strict='touched', strict_forms=TEXT_FORMS)
def _(v, rng, ctx):
    cand = [(i, var) for i, var in _vaf_records(v, ctx) if var.get('vaf-field') == 'FORMAT/AD']
    if not cand:
        raise Skip
    i, var = rng.choice(cand)
    c = rec_cols(v.records[i])
    how = rng.choice(['negative', 'short', 'nan'])

    def f(old):
        vals = old.split(b',')
        if how == 'negative':
            vals[-1] = b'-%d' % rng.randint(1, 50)
        elif how == 'short':
            vals = vals[:max(1, len(vals) - 1)]
            if len(vals) == len(old.split(b',')):
                vals = [b'.']
        else:
            vals = [b'nan' for _ in vals]
        return b','.join(vals)
    if not set_sample_field(c, b'AD', f):
        raise Skip
    ctx['touched'].add(gene_of(v.records[i]))
    _sole_call(ctx, var)
    ctx['min_vaf_zero'] = _min_vaf_zero(ctx)
    v.records[i] = b'\t'.join(c)
    return {'detail': 'AD %s at %s' % (how, var.get('pos'))}


@op('record-af-any-unusable')
def _(v, rng, ctx):
    """an AF-like field the call may or may not have used: property only"""
    keys = [b'AF', b'VAF', b'FREQ', b'VF', b'AO', b'NV', b'FA', b'ALT_F1R2']
    idx = pick_gene_records(v, ctx, rng)
    c = rec_cols(v.records[idx[0]])
    present = [(b'INFO', k) for k in keys if len(c) >= 8 and info_get(c[7], k) is not None] + \
              [(b'FORMAT', k) for k in keys if fmt_index(c, k) >= 0]
    if not present:
        raise Skip
    where, k = rng.choice(present)
    bad = rng.choice(BAD_AF)
    if where == b'INFO':
        c[7] = info_set(c[7], k, bad)
    else:
        set_sample_field(c, k, lambda old: b','.join([bad] * max(1, len(old.split(b',')))))
    v.records[idx[0]] = b'\t'.join(c)
    return {'detail': '%s/%s=%s' % (where.decode(), k.decode(), bad.decode())}


DEPTH_KEYS = [b'DP', b'AD', b'AO', b'RO', b'NR', b'NV', b'DP4', b'FREQ', b'VF', b'VAF', b'AF', b'TAR', b'TIR',
              b'AU', b'CU', b'GU', b'TU', b'MIN_DP', b'RD', b'RDF', b'RDR', b'ADF', b'ADR', b'FA', b'TC', b'TR']


FRACTION_KEYS = {b'AF', b'VAF', b'FREQ', b'VF', b'FA', b'AD', b'AO', b'RO', b'NV', b'NR', b'DP4', b'TIR', b'TAR',
                 b'AU', b'CU', b'GU', b'TU'}


@op('record-rename-depth-field')
def _(v, rng, ctx):
    """rename a depth or fraction field (header and records) to a name no caller uses"""
    used = set()
    for i in gene_records(v, ctx['base'], ctx['idx']):
        c = rec_cols(v.records[i])
        if len(c) >= 8:
            used |= {(b'INFO', kv.partition(b'=')[0]) for kv in c[7].split(b';')}
        if len(c) >= 9:
            used |= {(b'FORMAT', k) for k in c[8].split(b':')}
    # a fraction field renamed while another source of the fraction stays (AD beside AF, say) is not hidden:
    # the tool rightly reads the other one, so only a key that is the records' one fraction source is renamed
    # likewise a depth key (DP) beside allele counts that give the depth too (AO+RO, AD, ...): hiding DP also hides
    # a DP that contradicted the counts (AO above DP), and the counts alone then rightly make a call
    names = {u[1] for u in used}
    counts = {b'AD', b'AO', b'RO', b'NR', b'NV', b'DP4', b'TAR', b'TIR', b'AU', b'CU', b'GU', b'TU', b'RD'}
    cand = [u for u in used if u[1] in DEPTH_KEYS
            and not (u[1] in FRACTION_KEYS and (names & FRACTION_KEYS) - {u[1]})
            and not (u[1] not in FRACTION_KEYS and names & counts)]
    if not cand:
        raise Skip
    where, key = rng.choice(sorted(cand))
    new = b'XQ' + key
    for i, m in enumerate(v.meta):
        if m.startswith(b'##' + where + b'=<ID=' + key + b','):
            v.meta[i] = m.replace(b'ID=' + key + b',', b'ID=' + new + b',', 1)
    for i, ln in enumerate(v.records):
        c = rec_cols(ln)
        if where == b'INFO' and len(c) >= 8:
            c[7] = b';'.join((new + kv[len(key):]) if kv.partition(b'=')[0] == key else kv for kv in c[7].split(b';'))
        elif where == b'FORMAT' and len(c) >= 9:
            c[8] = b':'.join(new if k == key else k for k in c[8].split(b':'))
        v.records[i] = b'\t'.join(c)
    ctx['touched'] |= {g for g in GENES}
    return {'detail': '%s/%s -> %s' % (where.decode(), key.decode(), new.decode())}


@op('record-unknown-symbolic-over-gene')
def _(v, rng, ctx):
    b = ctx['base']['build']
    if not b:
        raise Skip
    gene = rng.choice(GENES)
    s, e = SPANS[b][gene]
    # the contig name in the file's own style
    names = [re.search(rb'ID=([^,>]+)', m).group(1) for m in v.meta if m.startswith(b'##contig=<ID=')]
    names += [rec_cols(r)[0] for r in v.records]
    chrom = next((n for n in names if norm_chrom(n) == GENE_CHROM[gene]), None)
    if chrom is None:
        raise Skip
    pos = s + rng.randrange(0, (e - s) // 2)
    end = min(e - 1, pos + rng.choice([1, 500, 20000]))
    alt = rng.choice([b'<INV>', b'<FOO>', b'<CPX>', b'<INS:ME:ALU>'])
    # END is reserved: it is not declared here where the file does not (that would change the extent of the
    # file's SVLEN-only records: header-declare-end)
    ns = len(v.samples())
    cols = [chrom, b'%d' % pos, b'flip_sym', b'N', alt, b'.', b'PASS', b'END=%d' % end]
    if ns:
        cols += [b'GT'] + [b'0/1'] * ns
    line = b'\t'.join(cols)
    # keep sorted: after the last record of that contig before pos, else at the end
    at = len(v.records)
    seen = False
    for i, r in enumerate(v.records):
        c = rec_cols(r)
        if c[0] == chrom:
            seen = True
            if c[1].isdigit() and int(c[1]) > pos:
                at = i
                break
        elif seen:
            at = i
            break
    v.records.insert(at, line)
    ctx['touched'].add(gene)
    return {'detail': '%s over %s' % (alt.decode(), gene)}


@op('record-filter-non-pass', sets_aside=True)
def _(v, rng, ctx):
    idx = pick_gene_records(v, ctx, rng, lambda c: len(c) >= 8, allrecs=rng.random() < 0.5)
    flt = rng.choice([b'LowQual', b'LowGQX', b'q10;LowDP', b'FAIL'])
    if not [m for m in v.meta if m.startswith(b'##FILTER=<ID=' + flt.split(b';')[0] + b',')]:
        for f in flt.split(b';'):
            v.meta.append(b'##FILTER=<ID=' + f + b',Description="flip test">')
    for i in idx:
        c = rec_cols(v.records[i])
        c[6] = flt
        v.records[i] = b'\t'.join(c)
    return {'detail': flt.decode()}


def _is_block(c):
    """a gVCF reference block: END, a reference-only ALT, a sample; not a copy-number record (ALT '.' with END)"""
    if len(c) < 10 or info_get(c[7], b'END') is None or c[4] not in (b'.', b'<NON_REF>', b'<*>', b'<X>'):
        return False
    keys = set(c[8].split(b':')) | {kv.partition(b'=')[0] for kv in c[7].split(b';')}
    return not keys & {b'CN', b'FC', b'SM', b'LOG2', b'SVTYPE', b'FOLD_CHANGE', b'CNQ', b'BAF'}


def _blocks_only(v, ctx, idx):
    """Genes whose every record in the region is one of the changed blocks: wild-type there may not stand (issue
    12, class 6: coverage only from a called, passing record), unless --callable shows it another way."""
    if '--callable' in ctx['base']['opts']:
        return set()
    changed = {(rec_cols(v.records[i])[0], rec_cols(v.records[i])[1]) for i in idx}
    out = set()
    for g in GENES:
        recs = [(r[1], r[2]) for r in ctx['base']['in_gene'] if norm_chrom(r[1]) == GENE_CHROM[g]]
        if recs and all(r in changed for r in recs) and len(ctx['base']['inputs']) == 1:
            out.add(g)
    return out


@op('record-gvcf-nocall', strict='no-wild-type')
def _(v, rng, ctx):
    idx = pick_gene_records(v, ctx, rng, _is_block, allrecs=True)
    for i in idx:
        c = rec_cols(v.records[i])
        set_sample_field(c, b'GT', lambda old: b'./.' if b'/' in old or len(old) != 1 else b'.')
        if fmt_index(c, b'GQ') >= 0 and rng.random() < 0.5:
            set_sample_field(c, b'GQ', lambda old: b'0')
        v.records[i] = b'\t'.join(c)
    ctx['touched'] = _blocks_only(v, ctx, idx)
    return {'detail': '%d blocks' % len(idx)}


@op('record-gvcf-block-filtered', strict='no-wild-type')
def _(v, rng, ctx):
    idx = pick_gene_records(v, ctx, rng, _is_block, allrecs=True)
    flt = rng.choice([b'LowGQX', b'LowDP', b'q10'])
    v.meta.append(b'##FILTER=<ID=' + flt + b',Description="flip test">')
    for i in idx:
        c = rec_cols(v.records[i])
        c[6] = flt
        v.records[i] = b'\t'.join(c)
    ctx['touched'] = _blocks_only(v, ctx, idx)
    return {'detail': '%d blocks %s' % (len(idx), flt.decode())}


# --- stream and index damage: the operator only marks the variant; make_form does the damage to the form's bytes
IX_FORMS = ('vcf.gz+tbi', 'vcf.gz+csi', 'bcf+csi')


def _marker(key, value, needs_records=False):
    def fn(v, rng, ctx):
        if needs_records and (not v.records or len(v.records[-1]) < 4):
            raise Skip
        ctx[key] = value
        return {}
    return fn


for _name, _key, _value, _forms, _strict, _strict_forms in [
        ('stream-truncate', 'stream', 'truncate', STREAMED, 'all', None),
        ('stream-cut-last-line', 'stream', 'cut-last-line', ('vcf', 'vcf.gz', 'pipe'), 'all', ('vcf', 'pipe')),
        ('stream-corrupt-bgzf', 'stream', 'corrupt', ('vcf.gz', 'bcf'), 'all', None),
        ('stream-drop-eof', 'stream', 'drop-eof', ('vcf.gz', 'bcf', 'vcf.gz+tbi', 'bcf+csi'), None, None),
        ('index-flip-bytes', 'index', 'flip', IX_FORMS, None, None),
        ('index-truncate', 'index', 'truncate', IX_FORMS, None, None),
        ('index-empty-bins', 'index', 'empty-bins', IX_FORMS, None, None),
        ('index-offsets-past-eof', 'index', 'past-eof', IX_FORMS, None, None),
        ('index-max-loffset', 'index', 'max-loffset', ('vcf.gz+csi', 'bcf+csi'), None, None),
        # the index of another file with the same contigs: this one without its gene records, or with a longer header
        ('index-other-file', 'index', 'other-file', IX_FORMS, None, None),
        ('index-older-or-newer', 'index', 'mtime', IX_FORMS, None, None),
        # a whole index, then the data file truncated under it
        ('index-data-truncated', 'index', 'data-truncated', IX_FORMS, None, None)]:
    OPS.append(Op(_name, _marker(_key, _value, _value == 'cut-last-line'), _strict, _forms, False, _strict_forms))


# --- meaning-preserving changes
@op('preserve-identity')
def _(v, rng, ctx):
    return {}


@op('preserve-crlf', forms=TEXT_FORMS)
def _(v, rng, ctx):
    ctx['crlf'] = True
    return {}


FORMS = ('vcf', 'vcf.gz', 'vcf.gz+tbi', 'vcf.gz+csi', 'bcf', 'bcf+csi', 'pipe')


# ---------------------------------------------------------------- making a form
def sh(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60, **kw).returncode == 0


def make_form(text, form, wd, rng, ctx):
    """Write TEXT in FORM under wd; apply ctx's stream/index damage. -> (path, stdin bytes or None) or None."""
    stream, index = ctx.get('stream'), ctx.get('index')
    if ctx.get('crlf'):
        text = text.replace(b'\n', b'\r\n')
    block = ctx.setdefault('block', rng.choice([0xff00, 0xff00, 4096, 1024]))
    vcf = os.path.join(wd, 'v.vcf')
    if stream == 'cut-last-line':
        body = text.rstrip(b'\n')
        text = body[:len(body) - rng.randint(1, min(20, len(body.split(b'\n')[-1]) - 1))]
    if form in ('vcf', 'pipe'):
        data = text
        if stream == 'truncate':
            # cut inside a line (a cut just after a newline is a shorter whole file, indistinguishable)
            cuts = [k for k in range(1, len(data)) if data[k - 1] != 0x0a]
            if not cuts:
                return None
            data = data[:rng.choice(cuts)]
        open(vcf, 'wb').write(data)
        return (vcf, data) if form == 'pipe' else (vcf, None)
    if form.startswith('vcf.gz'):
        path = os.path.join(wd, 'v.vcf.gz')
        open(path, 'wb').write(bgzf(text, block))
    else:
        open(vcf, 'wb').write(text)
        path = os.path.join(wd, 'v.bcf')
        if not sh(['bcftools', 'view', '--no-version', '-Ob', '-o', path, vcf]):
            return None
        # bcftools drops a record it cannot encode (SVLEN=1e30 declared Integer) with only a warning: that BCF
        # is another file with another meaning, not this variant, so it cannot be made
        n_text = sum(1 for ln in text.split(b'\n') if ln and not ln.startswith(b'#'))
        p = subprocess.run(['bcftools', 'view', '-H', path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if p.returncode != 0 or p.stdout.count(b'\n') != n_text:
            return None
    if form.endswith('+tbi') or form.endswith('+csi'):
        if form == 'vcf.gz+tbi':
            ok = sh(['tabix', '-f', '-p', 'vcf', path])
            ixp = path + '.tbi'
        elif form == 'vcf.gz+csi':
            ok = sh(['tabix', '-f', '-C', '-p', 'vcf', path])
            ixp = path + '.csi'
        else:
            ok = sh(['bcftools', 'index', '-f', path])
            ixp = path + '.csi'
        if not ok:
            return None
        if index:
            if not damage_index(index, path, ixp, text, form, wd, rng, ctx):
                return None
    raw = open(path, 'rb').read()
    blocks = bgzf_blocks(raw)
    if stream == 'truncate':
        # inside a block, never at a block boundary (that is a file without its EOF block: stream-drop-eof)
        cuts = [o + k for o, s in blocks if raw[o:o + s] != BGZF_EOF for k in (1, s // 2, s - 1)]
        if not cuts:
            return None
        cut = rng.choice(cuts) if rng.random() < 0.3 else rng.randrange(1, blocks[-1][0] if blocks[-1][0] > 1 else 2)
        if any(cut == o for o, s in blocks):
            cut += 1
        raw = raw[:cut]
    elif stream == 'corrupt':
        data_blocks = [(o, s) for o, s in blocks if raw[o:o + s] != BGZF_EOF]
        if not data_blocks:
            return None
        for _try in range(20):
            o, s = rng.choice(data_blocks)
            # deflate data or CRC32; not the gzip header's MTIME/OS, nor ISIZE: htslib checks none of them, and the
            # data read is the same
            k = o + rng.randrange(18, s - 4)
            bad = raw[:k] + bytes([raw[k] ^ (1 << rng.randrange(8))]) + raw[k + 1:]
            if not bgzf_block_ok(bad[o:o + s], raw[o:o + s]):
                raw = bad
                break
        else:
            return None
    elif stream == 'drop-eof':
        if not raw.endswith(BGZF_EOF):
            return None
        raw = raw[:-len(BGZF_EOF)]
    if index == 'data-truncated':
        end = len(raw) - len(BGZF_EOF)
        raw = raw[:rng.randrange(max(1, end // 2), end)] if end > 2 else raw
    if stream or index == 'data-truncated':
        ixs = [path + '.tbi', path + '.csi']
        st = {x: os.stat(x) for x in ixs if os.path.exists(x)}
        open(path, 'wb').write(raw)
        for x, s in st.items():                       # keep the index no older than the data
            os.utime(x, (s.st_atime + 10, s.st_mtime + 10))
    return (path, None)


def damage_index(how, path, ixp, text, form, wd, rng, ctx):
    comp = open(ixp, 'rb').read()
    raw = bgzf_decompress(comp)
    ctx['index_detail'] = how
    if how == 'mtime':
        st = os.stat(path)
        delta = rng.choice([-86400, -5, 86400 * 365])
        os.utime(ixp, (st.st_atime + delta, st.st_mtime + delta))
        ctx['index_detail'] = 'mtime %+d s' % delta
        return True
    if how == 'other-file':
        v = Vcf(text)
        gr = set(gene_records(v, ctx['base'], ctx['idx']))
        if gr and rng.random() < 0.7:
            v.records = [r for i, r in enumerate(v.records) if i not in gr]
            ctx['index_detail'] = 'index of the file without its %d gene records' % len(gr)
        else:
            v.meta.append(b'##flip_padding=' + b'x' * rng.randint(100, 200000))
            ctx['index_detail'] = 'index of the file with a longer header'
        other = os.path.join(wd, 'other' + ('.vcf.gz' if form.startswith('vcf.gz') else '.bcf'))
        if form.startswith('vcf.gz'):
            open(other, 'wb').write(bgzf(v.bytes()))
            ok = sh(['tabix', '-f', '-p', 'vcf'] + (['-C'] if form.endswith('csi') else []) + [other])
        else:
            ov = os.path.join(wd, 'other.vcf')
            open(ov, 'wb').write(v.bytes())
            ok = sh(['bcftools', 'view', '--no-version', '-Ob', '-o', other, ov]) and sh(['bcftools', 'index', '-f', other])
        oix = other + ('.tbi' if form.endswith('tbi') else '.csi')
        if not ok or not os.path.exists(oix):
            return False
        shutil.copyfile(oix, ixp)
        os.utime(ixp, (time.time() + 5, time.time() + 5))
        return True
    if how == 'flip':
        n = rng.randint(1, 4)
        b = bytearray(raw)
        for _ in range(n):
            k = rng.randrange(4, len(b))
            b[k] ^= 1 << rng.randrange(8)
        raw = bytes(b)
        ctx['index_detail'] = 'flip %d bits' % n
    elif how == 'truncate':
        raw = raw[:rng.randrange(4, len(raw))]
    else:
        ix = parse_tbi(raw)
        if ix is None:
            return False
        dlen = os.path.getsize(path)
        if how == 'empty-bins':
            for r in ix['refs']:
                if rng.random() < 0.5:
                    r[0] = []
                    if r[1] is not None:
                        r[1] = []
                else:
                    for bn in r[0]:
                        bn[2] = [(0, 0)] * len(bn[2])
        elif how == 'past-eof':
            for r in ix['refs']:
                for bn in r[0]:
                    bn[2] = [((dlen + 1000) << 16, (dlen + 2000) << 16) for _ in bn[2]]
                    bn[1] = (dlen + 1000) << 16 if bn[1] else 0
                if r[1] is not None:
                    r[1] = [(dlen + 1000) << 16 for _ in r[1]]
        elif how == 'max-loffset':
            for r in ix['refs']:
                for bn in r[0]:
                    bn[1] = 0xffffffffffffffff
        raw = write_index(ix)
    open(ixp, 'wb').write(bgzf(raw))
    st = os.stat(path)
    os.utime(ixp, (st.st_atime + 5, st.st_mtime + 5))
    return True


# ---------------------------------------------------------------- one variant
def judge(base, res, opname, ctx, form, strict=True):
    """-> list of (kind, gene, base status, new status, detail)"""
    probs = [('error', '-', '-', '-', p) for p in res['problems']]
    st = res['statuses']
    if st is None:
        return probs
    o = next(x for x in OPS if x.name == opname)
    for g in GENES:
        b, n = base['statuses'][g], st[g]
        if o.sets_aside and RANK[b] <= 2:
            continue                       # setting a record aside may resolve what made it indeterminate
        if not allowed(b, n):
            probs.append(('flip', g, b, n, ''))
            continue
        if strict and o.strict and n in DEFINITE and (o.strict_forms is None or form in o.strict_forms):
            if o.strict == 'all':
                probs.append(('fail-open', g, b, n, 'a definite status from a damaged input'))
            elif o.strict == 'touched' and g in ctx['touched'] and not ctx.get('min_vaf_zero'):
                probs.append(('fail-open', g, b, n, 'a definite status from a record whose value is unusable'))
            elif o.strict == 'no-wild-type' and g in ctx['touched'] and n == 'wild-type':
                probs.append(('fail-open', g, b, n, 'wild-type from reference blocks that are not called, passing'))
    return probs


_BASES = None


def _init_worker(bases):
    global _BASES
    _BASES = bases


def run_variant(job):
    """Variant I: an operator drawn evenly, then bases drawn until one it applies to (so rare operators run too)."""
    binary, i, seed, opnames, workroot, strict = job
    ops_allowed = [o for o in OPS if o.name in opnames]
    rng = random.Random('%s:%d' % (seed, i))
    wd = tempfile.mkdtemp(dir=workroot)
    o = rng.choice(ops_allowed)
    try:
        for _attempt in range(150):
            base = _BASES[rng.randrange(len(_BASES))]
            idx = rng.randrange(len(base['inputs']))
            v = Vcf(base['texts'][idx])
            ctx = {'base': base, 'idx': idx, 'touched': set()}
            try:
                info = o.fn(v, rng, ctx) or {}
            except Skip:
                continue
            forms = o.forms or FORMS
            form = rng.choice(forms)
            text = v.bytes()
            made = make_form(text, form, wd, rng, ctx)
            if made is None:
                if o.forms:
                    continue
                form = 'vcf'
                made = make_form(text, form, wd, rng, ctx)
                if made is None:
                    continue
            path, stdin = made
            opts = list(base['opts'])
            parse_all = rng.random() < 0.4
            if parse_all:
                opts.append('--parse-all')
            inputs = [os.path.join(TOP, x) for x in base['inputs']]
            inputs[idx] = '-' if stdin is not None else path
            res = run_bin(binary, opts, inputs, wd, stdin_data=stdin)
            probs = judge(base, res, o.name, ctx, form, strict)
            rec = {'i': i, 'op': o.name, 'case': base['name'], 'form': form + (' --parse-all' if parse_all else ''),
                   'detail': info.get('detail', '') + ((' ' + ctx['index_detail']) if ctx.get('index_detail') else ''),
                   'rc': res['rc'], 'err': res['err'], 'statuses': res['statuses'], 'probs': probs}
            if probs:
                rec['repro'] = save_repro(wd, base, o.name, rec, text, form, opts, inputs, idx, stdin, path, binary,
                                          rng, ctx, probs)
            return rec
        return None
    finally:
        shutil.rmtree(wd, ignore_errors=True)


def failure_key(p):
    return (p[0], p[1], p[2], p[3], p[4][:20])


def save_repro(wd, base, opname, rec, text, form, opts, inputs, idx, stdin, path, binary, rng, ctx, probs):
    """Keep the failing input (minimised when the damage is in the text) in OUT/repro/NAME/, and a run.sh."""
    out = os.environ['FLIP_OUT']
    key = probs[0]
    name = '%s__%s__%s_%s_%s' % (opname, base['name'], key[1], key[2], key[3])
    name = re.sub(r'[^A-Za-z0-9_.+-]', '_', name)[:150]
    d = os.path.join(out, 'repro', name)
    try:
        os.makedirs(d)
    except FileExistsError:
        return os.path.relpath(d, TOP)            # one reproducer per class: the first one found
    suffix = {'vcf': '.vcf', 'pipe': '.vcf'}.get(form, '.vcf.gz' if form.startswith('vcf.gz') else '.bcf')
    text_level = not ctx.get('stream') and not ctx.get('index')
    if text_level and form in ('vcf', 'pipe'):
        text = minimise(text, base, opname, ctx, form, opts, inputs, idx, binary, wd, key, rng)
        fn = os.path.join(d, 'input.vcf')
        open(fn, 'wb').write(text.replace(b'\n', b'\r\n') if ctx.get('crlf') else text)
    else:
        if text_level:
            text = minimise(text, base, opname, ctx, form, opts, inputs, idx, binary, wd, key, rng)
            made = make_form(text, form, wd, rng, ctx)
            path = made[0]
        fn = os.path.join(d, 'input' + suffix)
        shutil.copyfile(path, fn)
        for ext in ('.tbi', '.csi'):
            if os.path.exists(path + ext):
                shutil.copyfile(path + ext, fn + ext)
                st = os.stat(path + ext)
                os.utime(fn + ext, (st.st_atime, st.st_mtime))
        st = os.stat(path)
        os.utime(fn, (st.st_atime, st.st_mtime))
        if text_level is False:
            open(os.path.join(d, 'undamaged.vcf'), 'wb').write(text)
    ins = [('"$D/' + os.path.basename(fn) + '"') if k == idx else os.path.relpath(x, TOP) for k, x in enumerate(inputs)]
    if stdin is not None:
        ins[idx] = '-'
    cmd = '"${MCRC_BIN:-./mcrc-report}" --no-version %s %s%s' % (
        ' '.join(opts), ' '.join(ins), (' < "$D/%s"' % os.path.basename(fn)) if stdin is not None else '')
    open(os.path.join(d, 'run.sh'), 'w').write(
        '#!/bin/sh\n# %s\n# case %s (%s), operator %s %s, form %s\n# base statuses %s\n# got exit %s %s\n'
        'D=$(cd "$(dirname "$0")" && pwd)\ncd "$D/%s" || exit 1\n'
        '%s | grep -o \'<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"\'\n'
        % ('; '.join('%s %s %s -> %s %s' % p for p in probs), base['name'], ' '.join(base['opts'] + base['inputs']),
           opname, rec['detail'], rec['form'], json.dumps(base['statuses']), rec['rc'], json.dumps(rec['statuses']),
           os.path.relpath(TOP, d), cmd))
    os.chmod(os.path.join(d, 'run.sh'), 0o755)
    return os.path.relpath(d, TOP)


def minimise(text, base, opname, ctx, form, opts, inputs, idx, binary, wd, key, rng, budget=24):
    """Drop records (chunks, then one by one) while the same failure remains (text-level damage only)."""
    v = Vcf(text)
    if len(v.records) <= 3:
        return text
    mwd = os.path.join(wd, 'min')
    os.makedirs(mwd, exist_ok=True)

    def still(recs):
        w = v.copy()
        w.records = recs
        made = make_form(w.bytes(), form, mwd, rng, ctx)
        if made is None:
            return False
        ins = list(inputs)
        ins[idx] = '-' if made[1] is not None else made[0]
        r = run_bin(binary, opts, ins, mwd, stdin_data=made[1])
        return any(failure_key(q) == failure_key(key) for q in judge(base, r, opname, ctx, form))
    recs = list(v.records)
    n = 2
    while len(recs) >= 2 and budget > 0:
        chunk = max(1, len(recs) // n)
        reduced = False
        for s in range(0, len(recs), chunk):
            if budget <= 0:
                break
            trial = recs[:s] + recs[s + chunk:]
            budget -= 1
            if still(trial):
                recs = trial
                n = max(n - 1, 2)
                reduced = True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(n * 2, len(recs))
    v.records = recs
    return v.bytes()


# ---------------------------------------------------------------- replaying saved reproducers
def replay(folder, binary):
    """A reproducer still fails when, for a gene its run.sh names, the status is not allowed (flip) or is still
    definite (fail-open); an error (exit 2, one stderr line) fixes it. Prints STILL/FIXED a reproducer."""
    npass = nfail = 0
    for d in sorted(os.listdir(folder)):
        sh_path = os.path.join(folder, d, 'run.sh')
        if not os.path.exists(sh_path):
            continue
        head = open(sh_path).read().split('\n')
        claims = re.findall(r'(flip|fail-open) ([A-Z0-9]+) ([a-z-]+) -> ([a-z-]+)', head[1])
        cmd = open(sh_path).read().replace(" | grep -o '<biomarker gene=\"[A-Z0-9]*\"[^>]*status=\"[a-z-]*\"'", '')
        p = subprocess.run(['sh', '-c', cmd, sh_path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                           env=dict(os.environ, MCRC_BIN=binary, SOURCE_DATE_EPOCH='1767225600'))
        err = p.stderr.decode('utf-8', 'replace').strip()
        st = parse_statuses(p.stdout) if p.returncode == 0 else None
        if p.returncode == 2 and not p.stdout and len(err.split('\n')) == 1:
            still = []
        elif st is None:
            still = ['exit %d' % p.returncode]
        else:
            still = ['%s %s -> %s' % (g, b, st[g]) for kind, g, b, _n in claims
                     if not allowed(b, st[g]) or (kind == 'fail-open' and st[g] in DEFINITE)]
        print('%s %s%s' % ('STILL' if still else 'FIXED', d, (': ' + '; '.join(still)) if still else
                           (' (exit 2: %s)' % err[:120] if p.returncode == 2 else '')))
        if still:
            nfail += 1
        else:
            npass += 1
    print('%d passed, %d failed' % (npass, nfail))
    return 0 if nfail == 0 else 1


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default=os.path.join(TOP, 'mcrc-report'))
    ap.add_argument('--seed', default='1')
    ap.add_argument('--count', type=int, default=3000)
    ap.add_argument('--seconds', type=float, default=240)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default=os.path.join(TOP, 'tests', 'out', 'flip'))
    ap.add_argument('--ops', default='', help='comma-separated operator names or prefixes')
    ap.add_argument('--cases', default='', help='only bases whose name contains this')
    ap.add_argument('--no-real', action='store_true', help='only tests/cases, not the other testdata/ files')
    ap.add_argument('--no-strict', action='store_true')
    ap.add_argument('--list-ops', action='store_true')
    ap.add_argument('--log', default='', help='write every variant as a JSON line here')
    ap.add_argument('--replay', default='', metavar='DIR',
                    help='run every saved reproducer DIR/*/run.sh again (e.g. tests/flip/findings) and say which '
                         'still fail')
    a = ap.parse_args()
    if a.replay:
        return replay(a.replay, os.path.abspath(a.bin))
    if a.list_ops:
        for o in OPS:
            print(o.name, 'strict=%s' % o.strict if o.strict else '', 'forms=%s' % ','.join(o.forms) if o.forms else '')
        return 0
    jobs = max(1, min(2, a.jobs))
    t0 = time.time()
    binary = os.path.abspath(a.bin)
    if not os.access(binary, os.X_OK):
        print('flip: %s is not an executable' % binary, file=sys.stderr)
        print('0 passed, 1 failed')
        return 1
    os.makedirs(a.out, exist_ok=True)
    shutil.rmtree(os.path.join(a.out, 'repro'), ignore_errors=True)
    os.environ['FLIP_OUT'] = os.path.abspath(a.out)
    workroot = tempfile.mkdtemp(prefix='work.', dir=a.out)
    cases = read_cases()
    cands = list(cases)
    if not a.no_real:
        cands += [{'name': 'real:' + p[len('testdata/'):], 'opts': [], 'inputs': [p], 'real': True}
                  for p in real_files(cases)]
    if a.cases:
        cands = [c for c in cands if a.cases in c['name']]
    ops = [o for o in OPS if not a.ops or any(o.name.startswith(x) for x in a.ops.split(','))]
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        bases = [b for b in ex.map(prepare_base, [(binary, c, workroot) for c in cands]) if b]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(bases,)) as ex:
        print('flip: %d bases (of %d candidates) in %.0f s; %d operators; seed %s' %
              (len(bases), len(cands), time.time() - t0, len(ops), a.seed), flush=True)
        if not bases:
            print('0 passed, 1 failed')
            return 1
        npass = nfail = nskip = 0
        byclass = {}
        deadline = time.time() + a.seconds          # the variants' time; the bases took their own before
        log = open(a.log, 'w') if a.log else None
        pending = []
        it = iter(range(a.count))
        done = False
        while True:
            while not done and len(pending) < jobs * 4 and time.time() < deadline:
                try:
                    k = next(it)
                except StopIteration:
                    done = True
                    break
                pending.append(ex.submit(run_variant, (binary, k, a.seed, [o.name for o in ops], workroot,
                                                       not a.no_strict)))
            if not pending:
                break
            f = pending.pop(0)
            rec = f.result()
            if rec is None:
                nskip += 1
                continue
            if log:
                log.write(json.dumps(rec, default=str) + '\n')
            if rec['probs']:
                nfail += 1
                for p in rec['probs']:
                    byclass.setdefault((rec['op'], p[0]), 0)
                    byclass[(rec['op'], p[0])] += 1
                p = rec['probs'][0]
                print('FAIL %s op=%s case=%s form=%s gene=%s %s -> %s (exit %s%s) detail=%s repro=%s' % (
                    p[0], rec['op'], rec['case'], rec['form'], p[1], p[2], p[3], rec['rc'],
                    ('; ' + p[4]) if p[4] else '', rec['detail'] or '-', rec.get('repro', '-')), flush=True)
            else:
                npass += 1
            if time.time() >= deadline:
                done = True
    shutil.rmtree(workroot, ignore_errors=True)
    if byclass:
        print('failures by operator and kind:')
        for (opn, kind), n in sorted(byclass.items(), key=lambda x: -x[1]):
            print('  %5d  %-36s %s' % (n, opn, kind))
    print('flip: %d variants in %.0f s (%d could not be made)' % (npass + nfail, time.time() - t0, nskip))
    print('%d passed, %d failed' % (npass, nfail))
    return 0 if nfail == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
