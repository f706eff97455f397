#!/usr/bin/env python3
"""Pull the records that overlap the four genes, as a cyvcf2 user would write it.

usage: cyvcf2_genes.py FILE GENES.bed [--index]
Prints CHROM, POS, REF, ALT of each record (tab-separated).  Without --index every
record is read and tested (start <= gene end and end >= gene start); with --index
the file's .tbi/.csi is queried per gene, as a user with an index would.
"""
import sys
from cyvcf2 import VCF


def main(argv):
    fn, bed = argv[1], argv[2]
    genes = []
    with open(bed) as fh:
        for line in fh:
            chrom, start, end = line.split()[:3]
            genes.append((chrom, int(start) + 1, int(end)))  # BED is 0-based, half-open
    vcf = VCF(fn)
    out = sys.stdout
    if "--index" in argv:
        for chrom, start, end in genes:
            for v in vcf(f"{chrom}:{start}-{end}"):
                out.write(f"{v.CHROM}\t{v.POS}\t{v.REF}\t{','.join(v.ALT) or '.'}\n")
        return 0
    by_chrom = {}
    for chrom, start, end in genes:
        by_chrom.setdefault(chrom, []).append((start, end))
    for v in vcf:
        spans = by_chrom.get(v.CHROM)
        if not spans:
            continue
        vstart, vend = v.POS, v.end  # cyvcf2: end is 0-based exclusive = 1-based inclusive end
        if any(vstart <= e and vend >= s for s, e in spans):
            out.write(f"{v.CHROM}\t{v.POS}\t{v.REF}\t{','.join(v.ALT) or '.'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
