#!/usr/bin/env python3
"""Write a coordinate-sorted SAM of a synthetic GRCh38 whole-genome BAM for bench/alignments.sh (not sequencing data).

  gen-bam-sam.py NFILLER DEPTH CODONS.BED > big.sam      (then samtools view -b, samtools index)

NFILLER 100-bp reads spread evenly over chr1..chr22 (every @SQ of GRCh38's primary assembly is in the header), plus
DEPTH reads over every codon of CODONS.BED (0-based BED of the hotspot codons).  Bases are N (the codon shows no amino
acid, so every codon counts as depth only); MAPQ 60, base quality 30.  Deterministic.
"""
import sys

def main():
    nfill, depth, bed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    lens = {}
    for line in open('annotations/assemblies.tsv'):
        if line.startswith('#'):
            continue
        f = line.rstrip('\n').split('\t')
        if f[0] == 'GRCh38':
            lens[f[1]] = int(f[2])
    names = [c for c in lens]
    codons = {}
    for line in open(bed):
        c, b, e = line.split()[:3]
        codons.setdefault(c[3:], []).append(int(b))
    auto = [c for c in names if c.isdigit()]
    total = sum(lens[c] for c in auto)
    out = sys.stdout
    out.write('@HD\tVN:1.6\tSO:coordinate\n')
    for c in names:
        out.write('@SQ\tSN:chr%s\tLN:%d\tAS:GRCh38\n' % (c, lens[c]))
    out.write('@RG\tID:bench\tSM:BENCH\n')
    seq, qual = 'N' * 100, '?' * 100
    n = 0
    for c in names:
        pos = []
        if c in auto:
            k = nfill * lens[c] // total
            step = max(1, (lens[c] - 200) // max(k, 1))
            pos = list(range(1, 1 + k * step, step))
        for b in codons.get(c, []):
            pos += [b - 97 + (i % 95) for i in range(depth)]      # reads starting 2..96 bases before the codon
        pos.sort()
        buf = []
        for p in pos:
            n += 1
            buf.append('r%d\t%d\tchr%s\t%d\t60\t100M\t*\t0\t0\t%s\t%s\tRG:Z:bench\n' % (n, 16 if n & 1 else 0, c, p, seq, qual))
            if len(buf) >= 10000:
                out.write(''.join(buf)); buf = []
        out.write(''.join(buf))

main()
