#!/usr/bin/env python3
"""flip_alignments.py - the flip property test (flip.py) for --alignments: damaged BAM/CRAM files and indexes.

    python3 tests/flip/flip_alignments.py [--bin ./mcrc-report] [--seed 1] [--count 120] [--seconds 60] [--jobs 2]
                                          [--out tests/out/flip-alignments]

Bases: the BAM/CRAM and VCF pairs of tests/alignments-tests.sh whose run gives a report (testdata/alignments/);
their statuses are those the same binary gives on the undamaged files (metamorphic, as flip.py).  Operators, on the
alignments only (flip.py varies the VCFs):
  no-index (strict)           the index removed
  truncate (strict)           the file cut at a random byte, beside the index of the whole file
  other-index                 the index of another BAM of the test data (another file, same or other build)
  block-byte                  one bit flipped in one BGZF block's compressed data (its CRC no longer matches)
  index-byte                  one bit flipped in the index
Verdicts as flip.py: the same status, a less definite one on the same side, or an error (exit 2, one line, no
report); strict operators must leave no gene definite from the reads -- the run must stop.
Prints one line per failure and, last, "N passed, N failed".
"""
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import flip_driver  # noqa: E402
from flip import TOP, DEFINITE, allowed, run_bin, bgzf_blocks  # noqa: E402

T = os.path.join(TOP, 'testdata', 'alignments')
PAIRS = [  # (options, alignments, calls): the definite cases of tests/alignments-tests.sh
    ([], 'kras_g12d_b37.bam', 'kras_g12d_b37.vcf'),
    ([], 'braf_v600e_hg38.bam', 'braf_v600e_hg38.vcf'),
    ([], 'braf_v600e_hg38.bam', 'braf_nocall_hg38.vcf'),
    ([], 'multi_ensembl38.bam', 'multi_ensembl38.vcf'),
    ([], 'filters_hg38.bam', 'filters_nocall_hg38.vcf'),
    ([], 'nras_q61k_hg19.bam', 'nras_g12d_hg19.vcf'),
    (['--fasta', os.path.join(T, 'decoy.fa')], 'braf_v600e_hg38.cram', 'braf_nocall_hg38.vcf'),
]


def index_of(path):
    for ext in ('.bai', '.csi', '.crai'):
        if os.path.exists(path + ext):
            return path + ext
    return None


def flip_bit(data, lo, hi, rng):
    b = bytearray(data)
    k = rng.randrange(lo, max(lo + 1, hi))
    b[k] ^= 1 << rng.randrange(8)
    return bytes(b)


OPS = {}


def op(name, strict=False):
    def deco(fn):
        OPS[name] = (fn, strict)
        return fn
    return deco


@op('no-index', strict=True)
def _(aln, idx, wd, rng):
    return open(aln, 'rb').read(), None


@op('truncate', strict=True)
def _(aln, idx, wd, rng):
    data = open(aln, 'rb').read()
    return data[:rng.randrange(len(data) // 4, len(data) - 1)], open(idx, 'rb').read()


@op('other-index')
def _(aln, idx, wd, rng):
    ext = os.path.splitext(idx)[1]
    others = [index_of(os.path.join(T, a)) for _, a, _ in PAIRS]
    others = [o for o in others if o and o != idx and o.endswith(ext)]
    if not others:
        raise Skip
    return open(aln, 'rb').read(), open(rng.choice(others), 'rb').read()


@op('block-byte')
def _(aln, idx, wd, rng):
    data = open(aln, 'rb').read()
    blocks = bgzf_blocks(data)
    if len(blocks) < 2 or aln.endswith('.cram'):
        raise Skip
    off, size = rng.choice(blocks[:-1])
    return flip_bit(data, off + 18, off + size - 8, rng), open(idx, 'rb').read()


@op('index-byte')
def _(aln, idx, wd, rng):
    raw = open(idx, 'rb').read()
    return open(aln, 'rb').read(), flip_bit(raw, 0, len(raw), rng)


class Skip(Exception):
    pass


def prepare_bases(binary, wd):
    bases = []
    for opts, aln, vcf in PAIRS:
        res = run_bin(binary, opts + ['--alignments', os.path.join(T, aln)], [os.path.join(T, vcf)], wd)
        if res['rc'] == 0 and res['statuses']:
            bases.append({'opts': opts, 'aln': aln, 'vcf': vcf, 'statuses': res['statuses']})
    return bases


def run_variant(job):
    binary, i, seed, workroot = job
    rng = random.Random('%s:%d' % (seed, i))
    name = rng.choice(sorted(OPS))
    fn, strict = OPS[name]
    wd = flip_driver.scratch(workroot)
    try:
        for _ in range(50):
            base = flip_driver.BASES[rng.randrange(len(flip_driver.BASES))]
            src = os.path.join(T, base['aln'])
            idx = index_of(src)
            try:
                data, ixdata = fn(src, idx, wd, rng)
            except Skip:
                continue
            path = os.path.join(wd, base['aln'])
            with open(path, 'wb') as fh:
                fh.write(data)
            if ixdata is not None:
                with open(path + os.path.splitext(idx)[1], 'wb') as fh:
                    fh.write(ixdata)
            res = run_bin(binary, base['opts'] + ['--alignments', path], [os.path.join(T, base['vcf'])], wd)
            probs = list(res['problems'])
            if res['statuses']:
                for g, b in base['statuses'].items():
                    n = res['statuses'][g]
                    if not allowed(b, n):
                        probs.append('FLIP %s %s -> %s' % (g, b, n))
                    elif strict and g != 'ERBB2' and n in DEFINITE and n != 'mutant':
                        probs.append('FAIL-OPEN %s %s from damaged alignments' % (g, n))
            keep = flip_driver.keep_repro(wd, workroot, i) if probs else None
            return {'op': name, 'case': '%s + %s' % (base['aln'], base['vcf']), 'rc': res['rc'], 'probs': probs,
                    'repro': keep, 'err': res['err']}
        return {'skipped': True}
    finally:
        shutil.rmtree(wd, ignore_errors=True)



def main():
    a = flip_driver.args('flip-alignments', 120, 60)
    wd = flip_driver.scratch(a.out)
    bases = prepare_bases(a.bin, wd)
    shutil.rmtree(wd, ignore_errors=True)
    if bases:
        print('INFO %d bases; operators: %s' % (len(bases), ' '.join(sorted(OPS))))
    return flip_driver.drive(a, bases, run_variant, 'alignments base')


if __name__ == '__main__':
    sys.exit(main())
