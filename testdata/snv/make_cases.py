#!/usr/bin/env python3
"""Write the hand-made KRAS/NRAS/BRAF small-variant test files in testdata/snv/.

Run from anywhere: python3 testdata/snv/make_cases.py (deterministic: re-running leaves git diff empty).
Positions and reference bases come from annotations/hotspots.tsv (checked against the gene models when
mcrc-report loads them); README.md in this folder says what each file tests and the expected statuses.
All three genes lie on the minus strand, so every change here is written on the plus strand as the
complement of the coding change (ERBB2, the plus-strand gene, has no hotspots).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
LEN = {
    "GRCh38": {"1": 248956422, "2": 242193529, "7": 159345973, "12": 133275309, "17": 83257441},
    "GRCh37": {"1": 249250621, "2": 243199373, "7": 159138663, "12": 133851895, "17": 81195210},
}
COMP = {"A": "T", "C": "G", "G": "C", "T": "A"}
TRANSITION = {"A": "G", "G": "A", "C": "T", "T": "C"}

# hotspots.tsv: (gene, codon, build) -> {genomic position: plus-strand base}
HOT = {}
with open(os.path.join(TOP, "annotations", "hotspots.tsv")) as fh:
    for line in fh:
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        gpos = [int(f[9]), int(f[10]), int(f[11])]
        asc = sorted(gpos)
        bases = dict(zip(asc, f[16]))
        HOT[(f[0], int(f[1]), f[3])] = (gpos, bases)


def base(gene, codon, build, k):
    """genomic position and plus-strand base of codon base k (1..3)"""
    gpos, bases = HOT[(gene, codon, build)]
    return gpos[k - 1], bases[gpos[k - 1]]


def chrom(c, build):
    return "chr" + c if build == "GRCh38" else c


def header(build, extra=(), samples=("TUMOR",), fmt=True):
    h = ["##fileformat=VCFv4.2", "##source=mcrc-report test data (testdata/snv/make_cases.py)",
         '##FILTER=<ID=PASS,Description="All filters passed">',
         '##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">']
    if fmt:
        h += ['##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
              '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
              '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">']
    h += list(extra)
    for c in ("1", "2", "7", "12", "17"):
        h.append("##contig=<ID=%s,length=%d>" % (chrom(c, build), LEN[build][c]))
    h.append("\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT"] + list(samples)))
    return h


def rec(build, c, pos, ref, alt, filt="PASS", info=".", fmt="GT:AD:DP", sample=None):
    if sample is None:
        sample = "0/1:100,100:200"
    return "\t".join([chrom(c, build), str(pos), ".", ref, alt, ".", filt, info, fmt, sample])


def snv(build, gene, codon, k, alt_plus=None, **kw):
    c = {"KRAS": "12", "NRAS": "1", "BRAF": "7"}[gene]
    p, b = base(gene, codon, build, k)
    return rec(build, c, p, b, alt_plus or TRANSITION[b], **kw)


def write(name, lines):
    with open(os.path.join(HERE, name), "w") as fh:
        fh.write("\n".join(lines) + "\n")


LISTED = [("KRAS", c) for c in (12, 13, 59, 61, 117, 146)] + [("NRAS", c) for c in (12, 13, 59, 61, 146)] + \
         [("BRAF", c) for c in (464, 466, 469, 581, 594, 597, 600, 601)]


def by_pos(lines, build):
    order = {"1": 1, "2": 2, "7": 7, "12": 12, "17": 17}
    return sorted(lines, key=lambda l: (order[l.split("\t")[0].replace("chr", "")], int(l.split("\t")[1])))


for build in ("GRCh38", "GRCh37"):
    tag = build.lower()
    # every listed codon: a transition at its middle base (always changes the amino acid here)
    write("hotspots-%s.vcf" % tag, header(build) + by_pos([snv(build, g, c, 2) for g, c in LISTED], build))

B = "GRCh38"
# synonymous at KRAS G12: c.36T>C (GGT>GGC), plus strand A>G
write("kras-g12-synonymous.vcf", header(B) + [snv(B, "KRAS", 12, 3, "G")])
# MNV KRAS c.34_35delinsTT (p.G12F): coding GG>TT is plus-strand CC>AA at c.35,c.34
p35, _ = base("KRAS", 12, B, 2)
write("kras-mnv-c34-35delinsTT.vcf", header(B) + [rec(B, "12", p35, "CC", "AA")])
# in-frame duplication of KRAS codon 13 (GRCh37, unnormalised: written at the 5' copy)
write("kras-g13dup-indel.vcf", header("GRCh37") + [rec("GRCh37", "12", 25398285, "C", "CACC")])
# filtered G12D (c.35G>A, plus C>T)
write("kras-g12d-filtered.vcf", header(B) + [snv(B, "KRAS", 12, 2, "T", filt="weak_evidence")])
# low allele fraction G12D: 10 of 1000 reads
write("kras-g12d-low-vaf.vcf", header(B) + [snv(B, "KRAS", 12, 2, "T", sample="0/1:990,10:1000")])
# multi-allelic G12D + G12V (c.35G>T, plus C>A) with a <NON_REF> allele
write("kras-g12-multiallelic.vcf",
      header(B, ['##ALT=<ID=NON_REF,Description="Any other allele">']) +
      [snv(B, "KRAS", 12, 2, "T,A,<NON_REF>", sample="0/1:100,60,40,0:200")])
# NRAS K117: the model does not know the codon's third base, so the change is not determined
write("nras-k117-undetermined.vcf", header(B) + [snv(B, "NRAS", 117, 2)])
# VEP annotation that agrees (G12D) and that disagrees (says G12V for the G12D allele); an ERBB2 VUS
CSQ = ('##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. '
       'Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|MANE_SELECT">')
def csq(p, c="missense_variant", sym="KRAS", tx="ENST00000311936.8", hgvsc="c.35G>A", mane="NM_004985.5"):
    return "CSQ=T|%s|MODERATE|%s|ENSG|Transcript|%s|protein_coding|%s:%s|ENSP:%s|YES|%s" % (c, sym, tx, tx, hgvsc, p, mane)
write("vep-kras-g12d-agrees.vcf", header(B, [CSQ]) + [
    snv(B, "KRAS", 12, 2, "T", info=csq("p.Gly12Asp")),
    rec(B, "17", 39711955, "C", "T", info=csq("p.Ser310Phe", sym="ERBB2", tx="ENST00000269571.10", hgvsc="c.929C>T", mane="NM_004448.4"))])
write("vep-kras-disagrees.vcf", header(B, [CSQ]) + [snv(B, "KRAS", 12, 2, "T", info=csq("p.Gly12Val", hgvsc="c.35G>T"))])
# a GRCh37 KRAS G12D written into a GRCh38 file: REF is not the GRCh38 base -> input error
write("wrong-build-ref.vcf", header(B) + [rec(B, "12", 25245350, "G", "A")])
# gVCF: reference blocks over every listed codon (and the rest of each gene's coding exons)
GV = ['##GVCFBlock0-100=minGQ=0(inclusive),maxGQ=100(exclusive)', '##ALT=<ID=NON_REF,Description="Any other allele">',
      '##INFO=<ID=END,Number=1,Type=Integer,Description="End of the reference block">',
      '##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum DP observed within the block">']
def blocks(build, min_dp):
    out = []
    for gene, c in (("NRAS", "1"), ("BRAF", "7"), ("KRAS", "12")):
        ps = sorted(p for (g, cd, b), (gp, _) in HOT.items() if g == gene and b == build for p in gp)
        lo, hi = ps[0] - 10, ps[-1] + 10
        out.append("\t".join([chrom(c, build), str(lo), ".", "N", "<NON_REF>", ".", ".", "END=%d" % hi,
                              "GT:DP:MIN_DP", "0/0:%d:%d" % (min_dp + 20, min_dp)]))
    return out
write("gvcf-covered.g.vcf", header(B, GV) + blocks(B, 150))
write("gvcf-shallow.g.vcf", header(B, GV) + blocks(B, 30))
# plain calls with no variant at a listed codon: a KRAS exon 5 synonymous change (p.D173=) and a call elsewhere
p, b = 25209843, None
vus = rec(B, "12", 25209843, "A", "G")
elsewhere = rec(B, "2", 1000000, "A", "G")
write("calls-no-hotspot.vcf", header(B) + [elsewhere, vus])
# the BED that says every listed codon was covered (GRCh38, chr names, 0-based starts)
with open(os.path.join(HERE, "callable-grch38.bed"), "w") as fh:
    for gene, c in (("NRAS", "1"), ("BRAF", "7"), ("KRAS", "12")):
        ps = sorted(p for (g, cd, b), (gp, _) in HOT.items() if g == gene and b == B for p in gp)
        fh.write("chr%s\t%d\t%d\tCALLABLE\n" % (c, ps[0] - 11, ps[-1] + 10))
