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

# the same GRCh38 calls on contigs named by RefSeq and by GenBank accession, as NCBI-based pipelines write them
ACCS = {"refseq": {"1": "NC_000001.11", "2": "NC_000002.12", "7": "NC_000007.14", "12": "NC_000012.12", "17": "NC_000017.11"},
        "genbank": {"1": "CM000663.2", "2": "CM000664.2", "7": "CM000669.2", "12": "CM000674.2", "17": "CM000679.2"}}
with open(os.path.join(HERE, "hotspots-grch38.vcf")) as fh:
    plain = fh.read().splitlines()
for kind, names in ACCS.items():
    acc = []
    for l in plain:
        for c, a in names.items():
            l = l.replace("##contig=<ID=chr%s," % c, "##contig=<ID=%s," % a)
            if l.startswith("chr%s\t" % c):
                l = a + l[len("chr" + c):]
        acc.append(l)
    write("hotspots-grch38-%s.vcf" % kind, acc)
# a small-variant file whose ##contig lines hold chromosome 17 only: it says nothing about KRAS, NRAS or BRAF
write("calls-chr17-only.vcf", [l for l in header("GRCh38") if not l.startswith("##contig") or "ID=chr17," in l]
      + [rec("GRCh38", "17", 39700000, "G", "A", sample="0/1:300,200:500")])

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

# ---- allele fraction and depth in each caller's dialect (header lines copied from the callers' real files:
# testdata/umccr_vcf_stuff/test-strelka2.vcf.gz, testdata/vcf2maf/test_varscan.vcf, testdata/gatk/M2.vcf,
# testdata/illumina_pisces/GRCH37_S30.bam.genome.vcf; LoFreq's from its own documentation)
def caller_header(build, lines, samples, version="VCFv4.2"):
    h = ["##fileformat=" + version] + list(lines)
    for c in ("1", "2", "7", "12", "17"):
        h.append("##contig=<ID=%s,length=%d>" % (chrom(c, build), LEN[build][c]))
    cols = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]
    if samples:
        cols += ["FORMAT"] + list(samples)
    h.append("\t".join(cols))
    return h


def line(build, c, pos, ref, alt, qual=".", filt="PASS", info=".", fmt=None, samples=()):
    f = [chrom(c, build), str(pos), ".", ref, alt, qual, filt, info]
    if fmt:
        f += [fmt] + list(samples)
    return "\t".join(f)


STRELKA_SNV = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowEVS,Description="Somatic Empirical Variant Score (SomaticEVS) is below threshold">',
    '##FORMAT=<ID=AU,Number=2,Type=Integer,Description="Number of \'A\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=CU,Number=2,Type=Integer,Description="Number of \'C\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1 (used+filtered)">',
    '##FORMAT=<ID=FDP,Number=1,Type=Integer,Description="Number of basecalls filtered from original read depth for tier1">',
    '##FORMAT=<ID=GU,Number=2,Type=Integer,Description="Number of \'G\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=SDP,Number=1,Type=Integer,Description="Number of reads with deletions spanning this site at tier1">',
    '##FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description="Number of reads below tier1 mapping quality threshold aligned across this site">',
    '##FORMAT=<ID=TU,Number=2,Type=Integer,Description="Number of \'T\' alleles used in tiers 1,2">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Combined depth across samples">',
    '##INFO=<ID=NT,Number=1,Type=String,Description="Genotype of the normal in all data tiers, as used to classify somatic variants. One of {ref,het,hom,conflict}.">',
    '##INFO=<ID=QSS,Number=1,Type=Integer,Description="Quality score for any somatic snv, ie. for the ALT allele to be present at a significantly different frequency in the tumor and normal">',
    '##INFO=<ID=SGT,Number=1,Type=String,Description="Most likely somatic genotype excluding normal noise states">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
    '##INFO=<ID=SomaticEVS,Number=1,Type=Float,Description="Somatic Empirical Variant Score (EVS) expressing the phred-scaled probability of the call being a false positive observation.">',
    '##source=strelka', '##source_version=2.9.10']
STRELKA_INDEL = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowEVS,Description="Somatic Empirical Variant Score (SomaticEVS) is below threshold">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1">',
    '##FORMAT=<ID=DP2,Number=1,Type=Integer,Description="Read depth for tier2">',
    '##FORMAT=<ID=TAR,Number=2,Type=Integer,Description="Reads strongly supporting alternate allele for tiers 1,2">',
    '##FORMAT=<ID=TIR,Number=2,Type=Integer,Description="Reads strongly supporting indel allele for tiers 1,2">',
    '##FORMAT=<ID=TOR,Number=2,Type=Integer,Description="Other reads (weak support or insufficient indel breakpoint overlap) for tiers 1,2">',
    '##INFO=<ID=IC,Number=1,Type=Integer,Description="Number of times RU repeats in the indel allele">',
    '##INFO=<ID=QSI,Number=1,Type=Integer,Description="Quality score for any somatic variant, ie. for the ALT haplotype to be present at a significantly different frequency in the tumor and normal">',
    '##INFO=<ID=RC,Number=1,Type=Integer,Description="Number of times RU repeats in the reference allele">',
    '##INFO=<ID=RU,Number=1,Type=String,Description="Smallest repeating sequence unit in inserted or deleted sequence">',
    '##INFO=<ID=SGT,Number=1,Type=String,Description="Most likely somatic genotype excluding normal noise states">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
    '##source=strelka', '##source_version=2.9.10']
G37 = "GRCh37"
SNV_FMT = "DP:FDP:SDP:SUBDP:AU:CU:GU:TU"
def tiers(dp, counts):
    """Strelka SNV sample: counts {base: tier-1 count}; tier 2 a few more"""
    return "%d:%d:0:0:%s" % (dp, dp - sum(counts.values()), ":".join("%d,%d" % (counts.get(b, 0), counts.get(b, 0) + 2 * (counts.get(b, 0) > 0)) for b in "ACGT"))
pb, rb = base("BRAF", 600, G37, 2)   # c.1799T>A: plus strand A>T
pk, rk = base("KRAS", 12, G37, 2)    # c.35G>A: plus strand C>T
write("strelka2-somatic-snvs.vcf", caller_header(G37, STRELKA_SNV, ("NORMAL", "TUMOR")) + [
    # BRAF V600E: 60 of 240 tier-1 reads -> 0.25, depth 244
    line(G37, "7", pb, rb, "T", info="DP=402;NT=ref;QSS=180;SGT=AA->AT;SOMATIC;SomaticEVS=19.84", fmt=SNV_FMT,
         samples=(tiers(158, {"A": 158}), tiers(244, {"A": 180, "T": 60}))),
    # KRAS G12D: 9 of 450 tier-1 reads -> 0.02, below --min-vaf 0.05
    line(G37, "12", pk, rk, "T", info="DP=640;NT=ref;QSS=31;SGT=CC->CT;SOMATIC;SomaticEVS=11.07", fmt=SNV_FMT,
         samples=(tiers(190, {"C": 190}), tiers(452, {"C": 441, "T": 9})))])
# KRAS G13 duplication c.37_39dup (unnormalised, as in kras-g13dup-indel.vcf): 24 of 240 tier-1 reads -> 0.1
write("strelka2-somatic-indels.vcf", caller_header(G37, STRELKA_INDEL, ("NORMAL", "TUMOR")) + [
    line(G37, "12", 25398285, "C", "CACC", info="IC=1;QSI=64;RC=0;RU=ACC;SGT=ref->het;SOMATIC", fmt="DP:DP2:TAR:TIR:TOR",
         samples=("171:171:170,172:0,0:1,1", "246:246:216,221:24,25:6,6"))])

VARSCAN = [
    '##source=VarScan2',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth of quality bases">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Indicates if record is a somatic mutation">',
    '##INFO=<ID=SS,Number=1,Type=String,Description="Somatic status of variant (0=Reference,1=Germline,2=Somatic,3=LOH, or 5=Unknown)">',
    '##INFO=<ID=SSC,Number=1,Type=String,Description="Somatic score in Phred scale (0-255) derived from somatic p-value">',
    '##INFO=<ID=GPV,Number=1,Type=Float,Description="Fisher\'s Exact Test P-value of tumor+normal versus no variant for Germline calls">',
    '##INFO=<ID=SPV,Number=1,Type=Float,Description="Fisher\'s Exact Test P-value of tumor versus normal for Somatic/LOH calls">',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=str10,Description="Less than 10% or more than 90% of variant supporting reads on one strand">',
    '##FILTER=<ID=indelError,Description="Likely artifact due to indel reads at this position">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
    '##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Depth of reference-supporting bases (reads1)">',
    '##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases (reads2)">',
    '##FORMAT=<ID=FREQ,Number=1,Type=String,Description="Variant allele frequency">',
    '##FORMAT=<ID=DP4,Number=1,Type=String,Description="Strand read counts: ref/fwd, ref/rev, var/fwd, var/rev">']
VS_FMT = "GT:GQ:DP:RD:AD:FREQ:DP4"
# KRAS G12D: 47 of 200 reads, FREQ 23.5%; BRAF V600E at 12 of 64 reads (18.75%, depth below --min-depth 100)
write("varscan2-somatic.snp.vcf", caller_header(G37, VARSCAN, ("NORMAL", "TUMOR")) + [
    line(G37, "7", pb, rb, "T", info="DP=150;SOMATIC;SS=2;SSC=24;GPV=1E0;SPV=3.7431E-3", fmt=VS_FMT,
         samples=("0/0:.:86:86:0:0%:44,42,0,0", "0/1:.:64:52:12:18.75%:27,25,6,6")),
    line(G37, "12", pk, rk, "T", info="DP=391;SOMATIC;SS=2;SSC=120;GPV=1E0;SPV=8.6514E-13", fmt=VS_FMT,
         samples=("0/0:.:191:191:0:0%:96,95,0,0", "0/1:.:200:153:47:23.5%:77,76,24,23"))])

M2 = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=germline,Description="Evidence indicates this site is germline, not somatic">',
    '##FILTER=<ID=weak_evidence,Description="Mutation does not meet likelihood threshold">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=F1R2,Number=R,Type=Integer,Description="Count of reads in F1R2 pair orientation supporting each allele">',
    '##FORMAT=<ID=F2R1,Number=R,Type=Integer,Description="Count of reads in F2R1 pair orientation supporting each allele">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">',
    '##normal_sample=CRC01_N',
    '##source=FilterMutectCalls', '##source=Mutect2',
    '##tumor_sample=CRC01_T']
M2_FMT = "GT:AD:AF:DP:F1R2:F2R1"
p38b, r38b = base("BRAF", 600, B, 2)
p38k, r38k = base("KRAS", 12, B, 2)
# the normal column comes first, as Mutect2 writes it; the tumour is found by ##tumor_sample.
# KRAS G12D AF 0.245 (AD 150,50: Mutect2's AF is its own estimate, not AD's ratio), DP 205;
# BRAF V600E AF 0.027 (AD 192,5), below --min-vaf 0.05
write("mutect2-somatic.vcf", caller_header(B, M2, ("CRC01_N", "CRC01_T")) + [
    line(B, "7", p38b, r38b, "T", info="DP=330;TLOD=9.87", fmt=M2_FMT,
         samples=("0/0:121,0:0.008:123:60,0:61,0", "0/1:192,5:0.027:201:95,3:97,2")),
    line(B, "12", p38k, r38k, "T", info="DP=310;TLOD=152.31", fmt=M2_FMT,
         samples=("0/0:99,0:0.010:101:50,0:49,0", "0/1:150,50:0.245:205:74,26:76,24"))])

LOFREQ = [
    '##fileDate=20260101', '##source=lofreq call', '##reference=GRCh38.fa',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Raw Depth">',
    '##INFO=<ID=AF,Number=1,Type=Float,Description="Allele Frequency">',
    '##INFO=<ID=SB,Number=1,Type=Integer,Description="Phred-scaled strand bias at this position">',
    '##INFO=<ID=DP4,Number=4,Type=Integer,Description="Counts for ref-forward bases, ref-reverse, alt-forward and alt-reverse bases">',
    '##INFO=<ID=INDEL,Number=0,Type=Flag,Description="Indicates that the variant is an INDEL.">',
    '##INFO=<ID=CONSVAR,Number=0,Type=Flag,Description="Indicates that the variant is a consensus variant (as opposed to a low frequency variant).">',
    '##INFO=<ID=HRUN,Number=1,Type=Integer,Description="Homopolymer length to the right of report indel position">',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=min_dp_10,Description="Minimum Coverage 10">',
    '##FILTER=<ID=sb_fdr,Description="Strand-Bias Multiple Testing Correction: fdr corr. pvalue > 0.001000">']
# tumour-only, sites only: KRAS G12D AF 0.18 at depth 540; BRAF V600E AF 0.31 at depth 45 (below --min-depth 100)
write("lofreq-tumour-only.vcf", caller_header(B, LOFREQ, ()) + [
    line(B, "7", p38b, r38b, "T", qual="312", info="DP=45;AF=0.311111;SB=0;DP4=16,15,7,7"),
    line(B, "12", p38k, r38k, "T", qual="3138", info="DP=540;AF=0.180000;SB=2;DP4=221,222,49,48")])

PISCES = [
    '##fileDate=20260101', '##source=Pisces 5.2.5.20',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
    '##FILTER=<ID=q30,Description="Quality score less than 30">',
    '##FILTER=<ID=SB,Description="Variant strand bias too high">',
    '##FILTER=<ID=R5x9,Description="Repeats of part or all of the variant allele (max repeat length 5) in the reference greater than or equal to 9">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=AD,Number=.,Type=Integer,Description="Allele Depth">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Total Depth Used For Variant Calling">',
    '##FORMAT=<ID=VF,Number=.,Type=Float,Description="Variant Frequency">',
    '##FORMAT=<ID=NL,Number=1,Type=Integer,Description="Applied BaseCall Noise Level">',
    '##FORMAT=<ID=SB,Number=1,Type=Float,Description="StrandBias Score">']
PI_FMT = "GT:GQ:AD:DP:VF:NL:SB"
# BRAF V600E: VF 0.120 (AD 440,60, DP 500)
write("pisces-braf-v600e.vcf", caller_header(B, PISCES, ("CRC01-T_S3",), "VCFv4.1") + [
    line(B, "7", p38b, r38b, "T", qual="100", info="DP=500", fmt=PI_FMT, samples=("0/1:100:440,60:500:0.120:20:-45.3012",))])
# a split multi-allelic site at KRAS c.35 in a tumour that has lost the wild-type allele: G12D in 380 of 400
# reads, G12V (plus C>A) in 10.  Pisces writes one record per ALT whose AD is REF and that ALT only, so the
# G12V record's AD 10,10 says 0.5 while VF says 0.025 (below --min-vaf): G12V must be set aside
write("pisces-kras-g12-split.vcf", caller_header(B, PISCES, ("CRC01-T_S3",), "VCFv4.1") + [
    line(B, "12", p38k, r38k, "A", qual="100", info="DP=400", fmt=PI_FMT, samples=("0/1:100:10,10:400:0.025:20:-31.0084",)),
    line(B, "12", p38k, r38k, "T", qual="100", info="DP=400", fmt=PI_FMT, samples=("1/1:100:10,380:400:0.950:20:-100.0000",))])

# ---- SnpEff ANN and bcftools csq BCSQ on KRAS G12D: one agreeing with our translation, one not (says G12V).
# Header Descriptions as the tools write them (SnpEff: testdata/umccr_vcf_stuff/test-strelka2.vcf.gz;
# bcftools csq: testdata/bcftools_tests/split-vep.4.vcf).  BCSQ values as bcftools csq writes a minus-strand
# missense: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change, "12G>12D", "25245350C>T".
ANN_H = ('##INFO=<ID=ANN,Number=.,Type=String,Description="Functional annotations: \'Allele | Annotation | '
         'Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | '
         'HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO\' ">')
BCSQ_H = ('##INFO=<ID=BCSQ,Number=.,Type=String,Description="Local consequence annotation from BCFtools/csq, see '
          'http://samtools.github.io/bcftools/howtos/csq-calling.html for details. Format: '
          'Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change">')
def ann(p3, c="c.35G>A"):
    # KRAS-4A (ENST00000256078) first, then the MANE transcript: the MANE entry must be the one chosen
    return ("ANN=T|missense_variant|MODERATE|KRAS|ENSG00000133703|transcript|ENST00000256078.10|protein_coding|2/6|%s|%s|"
            "226/5306|35/570|12/189||,T|missense_variant|MODERATE|KRAS|ENSG00000133703|transcript|ENST00000311936.8|"
            "protein_coding|2/5|%s|%s|225/5430|35/567|12/188||" % (c, p3, c, p3))
def bcsq(p1):
    return "BCSQ=missense|KRAS|ENST00000256078|protein_coding|-|%s|25245350C>T,missense|KRAS|ENST00000311936|protein_coding|-|%s|25245350C>T" % (p1, p1)
write("snpeff-kras-g12d-agrees.vcf", header(B, [ANN_H]) + [snv(B, "KRAS", 12, 2, "T", info=ann("p.Gly12Asp"))])
write("snpeff-kras-disagrees.vcf", header(B, [ANN_H]) + [snv(B, "KRAS", 12, 2, "T", info=ann("p.Gly12Val", "c.35G>T"))])
write("bcsq-kras-g12d-agrees.vcf", header(B, [BCSQ_H]) + [snv(B, "KRAS", 12, 2, "T", info=bcsq("12G>12D"))])
write("bcsq-kras-disagrees.vcf", header(B, [BCSQ_H]) + [snv(B, "KRAS", 12, 2, "T", info=bcsq("12G>12V"))])

# ---- a --fasta reference: GRCh38 chr12 from base 1 to 25,250,000, N except KRAS exon 2's coding bases
# (c.1-c.111 at chr12:25245274-25245384, the reverse complement of annotations/cds.fa), BGZF-compressed with
# its .gzi (bgzip -i) and a .fai written here.  It holds no chr1 or chr7: NRAS and BRAF records meet a FASTA
# without their contig.
import subprocess
def kras_cds():
    seq, on = [], False
    with open(os.path.join(TOP, "annotations", "cds.fa")) as fh:
        for l in fh:
            if l.startswith(">"):
                on = l[1:].split()[0] == "KRAS"
            elif on:
                seq.append(l.strip())
    return "".join(seq).upper()
exon2 = "".join(COMP[b] for b in reversed(kras_cds()[:111]))
EX2_LO, FA_LEN, WIDTH = 25245274, 25250000, 60
for k in (1, 2, 3):   # the codon-12 bases must be hotspots.tsv's plus-strand bases
    gp, b = base("KRAS", 12, B, k)
    assert exon2[gp - EX2_LO] == b, (gp, b)
fa_seq = "N" * (EX2_LO - 1) + exon2 + "N" * (FA_LEN - (EX2_LO - 1) - len(exon2))
fa = os.path.join(HERE, "grch38-chr12-kras.fa")
with open(fa, "w") as fh:
    fh.write(">chr12 GRCh38 chr12:1-25250000, N except KRAS exon 2 coding bases (mcrc-report test data)\n")
    for i in range(0, FA_LEN, WIDTH):
        fh.write(fa_seq[i:i + WIDTH] + "\n")
with open(fa + ".gz.fai", "w") as fh:
    off = len(">chr12 GRCh38 chr12:1-25250000, N except KRAS exon 2 coding bases (mcrc-report test data)\n")
    fh.write("chr12\t%d\t%d\t%d\t%d\n" % (FA_LEN, off, WIDTH, WIDTH + 1))
for old in (fa + ".gz", fa + ".gz.gzi"):
    if os.path.exists(old):
        os.remove(old)
subprocess.run(["bgzip", "-i", "-l", "9", fa], check=True)   # writes .fa.gz and .fa.gz.gzi, removes .fa
# a record in KRAS exon 2 whose REF is not the reference base (the FASTA check names it first), and one in
# KRAS's 5' UTR past the FASTA's last base (chr12:25250500: the FASTA is too short to check it)
write("fasta-ref-mismatch.vcf", header(B) + [rec(B, "12", EX2_LO + 10, "T" if exon2[10] != "T" else "A", "G")])
write("fasta-past-end.vcf", header(B) + [rec(B, "12", 25250500, "A", "G")])
