#!/usr/bin/env python3
"""Write the allele-fraction / depth dialect matrix and the coverage cases in testdata/snv/dialects/.

Run from anywhere: python3 testdata/snv/dialects/make_dialects.py (deterministic).  README.md in this folder
says where each caller's header lines come from and what each file tests; the expected statuses are the lines of
tests/cases/snv-cases.tsv that name these files.

Every caller file holds one KRAS G12D call (c.35G>A: plus-strand C>T at codon 12's middle base, from
annotations/hotspots.tsv: GRCh38 chr12:25245350, GRCh37 12:25398284) in that caller's own fields:
  *-low   10 of 400 reads (0.025, below --min-vaf 0.05)          -> KRAS indeterminate (call set aside)
  *-high  100 of 400 reads (0.25)                                 -> KRAS mutant
  *-bad-* a value that cannot be used (nan, inf, 5, negative, too few values, ALT count above the depth,
          text that is not a percentage)                          -> KRAS indeterminate
Strelka2 writes indels in another file with other fields: its indel files hold KRAS G13dup (GRCh37).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LEN = {
    "GRCh38": {"1": 248956422, "7": 159345973, "12": 133275309, "17": 83257441},
    "GRCh37": {"1": 249250621, "7": 159138663, "12": 133851895, "17": 81195210},
}
G12D = {"GRCh38": ("chr12", 25245350), "GRCh37": ("12", 25398284)}


def contigs(build):
    pre = "chr" if build == "GRCh38" else ""
    return ["##contig=<ID=%s%s,length=%d>" % (pre, c, LEN[build][c]) for c in ("1", "7", "12", "17")]


def write(name, lines):
    with open(os.path.join(HERE, name), "w") as fh:
        fh.write("\n".join(lines) + "\n")


def vcf(name, build, meta, samples, records):
    cols = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"] + (["FORMAT"] + samples if samples else [])
    write(name, ["##fileformat=VCFv4.2"] + meta + contigs(build) + ["\t".join(cols)] + records)


def rec(build, info, fmt=None, samples=(), ref="C", alt="T", pos=None, chrom=None, filt="PASS", qual="."):
    c, p = G12D[build]
    f = [chrom or c, str(pos or p), ".", ref, alt, qual, filt, info]
    if fmt:
        f += [fmt] + list(samples)
    return "\t".join(f)


# ---------------------------------------------------------------- the callers' header lines
# (copied from the files named in README.md; only the lines a caller writes for these fields and a few others)
MUTECT2 = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=F1R2,Number=R,Type=Integer,Description="Count of reads in F1R2 pair orientation supporting each allele">',
    '##FORMAT=<ID=F2R1,Number=R,Type=Integer,Description="Count of reads in F2R1 pair orientation supporting each allele">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">',
    '##GATKCommandLine=<ID=Mutect2,CommandLine="Mutect2 --tumor-sample TUMOR --normal-sample NORMAL",Version="4.1.0.0">',
    '##normal_sample=NORMAL', '##tumor_sample=TUMOR', '##source=Mutect2']
TNSCOPE = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction of the event in the tumor">',
    '##FORMAT=<ID=AFDP,Number=1,Type=Integer,Description="Depth used for calculation of AF">',
    '##FORMAT=<ID=ALT_F1R2,Number=1,Type=Integer,Description="Count of reads in F1R2 pair orientation supporting the alternate allele">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log odds ratio score for variant">',
    '##SentieonCommandLine.TNscope=<ID=TNscope,Version="sentieon-genomics-202112",Date="2022-01-01T00:00:00Z",CommandLine="driver --algo TNscope --tumor_sample TUMOR --normal_sample NORMAL">']
VARDICT = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=STATUS,Number=1,Type=String,Description="Somatic or germline status">',
    '##INFO=<ID=TYPE,Number=1,Type=String,Description="Variant Type: SNV Insertion Deletion Complex">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
    '##FORMAT=<ID=VD,Number=1,Type=Integer,Description="Variant Depth">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=AF,Number=1,Type=Float,Description="Allele Frequency">',
    '##FORMAT=<ID=RD,Number=2,Type=Integer,Description="Reference forward, reverse reads">',
    '##FORMAT=<ID=ALD,Number=2,Type=Integer,Description="Variant forward, reverse reads">']
FREEBAYES = [
    '##source=freeBayes v1.3.6',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total read depth at the locus">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Total number of alternate alleles in called genotypes">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Estimated allele frequency in the range (0,1]">',
    '##INFO=<ID=RO,Number=1,Type=Integer,Description="Count of full observations of the reference haplotype.">',
    '##INFO=<ID=AO,Number=A,Type=Integer,Description="Count of full observations of this alternate haplotype.">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Float,Description="Genotype Quality, the Phred-scaled marginal (or unconditional) probability of the called genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Number of observation for each allele">',
    '##FORMAT=<ID=RO,Number=1,Type=Integer,Description="Reference allele observation count">',
    '##FORMAT=<ID=QR,Number=1,Type=Integer,Description="Sum of quality of the reference observations">',
    '##FORMAT=<ID=AO,Number=A,Type=Integer,Description="Alternate allele observation count">',
    '##FORMAT=<ID=QA,Number=A,Type=Integer,Description="Sum of quality of the alternate observations">']
PLATYPUS = [
    '##source=Platypus_Version_0.8.1',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=FR,Number=.,Type=Float,Description="Estimated population frequency of variant">',
    '##INFO=<ID=TC,Number=1,Type=Integer,Description="Total coverage at this locus">',
    '##INFO=<ID=TR,Number=.,Type=Integer,Description="Total number of reads containing this variant">',
    '##INFO=<ID=NF,Number=.,Type=Integer,Description="Total number of forward reads containing this variant">',
    '##INFO=<ID=NR,Number=.,Type=Integer,Description="Total number of reverse reads containing this variant">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Unphased genotypes">',
    '##FORMAT=<ID=GQ,Number=.,Type=Integer,Description="Genotype quality as phred score">',
    '##FORMAT=<ID=GOF,Number=.,Type=Float,Description="Goodness of fit value">',
    '##FORMAT=<ID=NR,Number=.,Type=Integer,Description="Number of reads covering variant location in this sample">',
    '##FORMAT=<ID=GL,Number=.,Type=Float,Description="Genotype log10-likelihoods for AA,AB and BB genotypes, where A = ref and B = variant. Only applicable for bi-allelic sites">',
    '##FORMAT=<ID=NV,Number=.,Type=Integer,Description="Number of reads containing variant in this sample">']
LOFREQ = [
    '##source=lofreq call',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Raw Depth">',
    '##INFO=<ID=AF,Number=1,Type=Float,Description="Allele Frequency">',
    '##INFO=<ID=SB,Number=1,Type=Integer,Description="Phred-scaled strand bias at this position">',
    '##INFO=<ID=DP4,Number=4,Type=Integer,Description="Counts for ref-forward bases, ref-reverse, alt-forward and alt-reverse bases">',
    '##INFO=<ID=INDEL,Number=0,Type=Flag,Description="Indicates that the variant is an INDEL.">',
    '##INFO=<ID=HRUN,Number=1,Type=Integer,Description="Homopolymer length to the right of report indel position">']
STRELKA_SNV = [
    '##source=strelka', '##source_version=2.9.10',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
    '##INFO=<ID=QSS,Number=1,Type=Integer,Description="Quality score for any somatic snv, ie. for the ALT allele to be present at a significantly different frequency in the tumor and normal">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1 (used+filtered)">',
    '##FORMAT=<ID=FDP,Number=1,Type=Integer,Description="Number of basecalls filtered from original read depth for tier1">',
    '##FORMAT=<ID=SDP,Number=1,Type=Integer,Description="Number of reads with deletions spanning this site at tier1">',
    '##FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description="Number of reads below tier1 mapping quality threshold aligned across this site">',
    '##FORMAT=<ID=AU,Number=2,Type=Integer,Description="Number of \'A\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=CU,Number=2,Type=Integer,Description="Number of \'C\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=GU,Number=2,Type=Integer,Description="Number of \'G\' alleles used in tiers 1,2">',
    '##FORMAT=<ID=TU,Number=2,Type=Integer,Description="Number of \'T\' alleles used in tiers 1,2">']
STRELKA_INDEL = [
    '##source=strelka', '##source_version=2.9.10',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1">',
    '##FORMAT=<ID=DP2,Number=1,Type=Integer,Description="Read depth for tier2">',
    '##FORMAT=<ID=TAR,Number=2,Type=Integer,Description="Reads strongly supporting alternate allele for tiers 1,2">',
    '##FORMAT=<ID=TIR,Number=2,Type=Integer,Description="Reads strongly supporting indel allele for tiers 1,2">',
    '##FORMAT=<ID=TOR,Number=2,Type=Integer,Description="Other reads (weak support or insufficient indel breakpoint overlap) for tiers 1,2">']
VARSCAN = [
    '##source=VarScan2',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth of quality bases">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Indicates if record is a somatic mutation">',
    '##INFO=<ID=SS,Number=1,Type=String,Description="Somatic status of variant (0=Reference,1=Germline,2=Somatic,3=LOH, or 5=Unknown)">',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
    '##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Depth of reference-supporting bases (reads1)">',
    '##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases (reads2)">',
    '##FORMAT=<ID=FREQ,Number=1,Type=String,Description="Variant allele frequency">',
    '##FORMAT=<ID=DP4,Number=1,Type=String,Description="Strand read counts: ref/fwd, ref/rev, var/fwd, var/rev">']
PISCES = [
    '##Pisces_Version=5.2.10.49',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=AD,Number=.,Type=Integer,Description="Allele Depth">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Total Depth Used For Variant Calling">',
    '##FORMAT=<ID=VF,Number=.,Type=Float,Description="Variant Frequency">',
    '##FORMAT=<ID=NL,Number=1,Type=Integer,Description="Applied BaseCall Noise Level">',
    '##FORMAT=<ID=SB,Number=1,Type=Float,Description="StrandBias Score">']
DEEPVARIANT = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=RefCall,Description="Genotyping model thinks this site is reference.">',
    '##FILTER=<ID=LowQual,Description="Confidence in this variant being real is below calling threshold.">',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End position (for use with symbolic alleles)">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Conditional genotype quality">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum DP observed within the GVCF block.">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Read depth for each allele">',
    '##FORMAT=<ID=VAF,Number=A,Type=Float,Description="Variant allele fractions.">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Phred-scaled genotype likelihoods rounded to the closest integer">']
OCTOPUS = [
    '##octopus=<version=0.7.4,command="octopus -R ref.fa -I normal.bam tumour.bam --normal-sample NORMAL --annotations AD ADP AF">',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Indicates that the record is a somatic mutation, for cancer genomics">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Combined depth across samples">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Conditional genotype quality (phred-scaled)">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Number of read overlapping the position">',
    '##FORMAT=<ID=ADP,Number=1,Type=Integer,Description="Number of reads overlapping the position that could be assigned to an allele">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Empirical allele depth">',
    '##FORMAT=<ID=AF,Number=R,Type=Float,Description="Empirical allele frequency (AD / ADP)">',
    '##FORMAT=<ID=FT,Number=1,Type=String,Description="Sample genotype filter indicating if this genotype was called">']
HAPLOTYPECALLER = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Normalized, Phred-scaled likelihoods for genotypes as defined in the VCF specification">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes, for each ALT allele, in the same order as listed">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency, for each ALT allele, in the same order as listed">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    '##GATKCommandLine=<ID=HaplotypeCaller,CommandLine="HaplotypeCaller --input tumour.bam",Version="4.2.0.0">',
    '##source=HaplotypeCaller']
BCFTOOLS = [
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##bcftoolsVersion=1.17',
    '##bcftools_callCommand=call -mv',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Raw read depth">',
    '##INFO=<ID=DP4,Number=4,Type=Integer,Description="Number of high-quality ref-forward , ref-reverse, alt-forward and alt-reverse bases">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes for each ALT allele, in the same order as listed">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="List of Phred-scaled genotype likelihoods">']

B38, B37 = "GRCh38", "GRCh37"
TN = ["NORMAL", "TUMOR"]


def pair(normal, tumour):
    return [normal, tumour]


# (name, build, header, samples, {case: record})
CALLERS = []


def caller(name, build, meta, samples, cases):
    for case, r in cases.items():
        vcf("%s-%s.vcf" % (name, case), build, meta, samples, [r])


# Mutect2: FORMAT/AF (Number=A), tumour named by ##tumor_sample
def m2(af, ad, dp):
    return rec(B38, "DP=%d;TLOD=20.1" % (dp + 300), "GT:AD:AF:DP:F1R2:F2R1",
               ["0/0:300,0:0.003:300:150,0:150,0", "0/1:%s:%s:%d:.:." % (ad, af, dp)])
caller("mutect2", B38, MUTECT2, TN, {
    "low": m2("0.025", "390,10", 400), "high": m2("0.25", "300,100", 400),
    "bad-af-nan": m2("nan", "300,100", 400), "bad-af-inf": m2("inf", "300,100", 400),
    "bad-af-5": m2("5", "300,100", 400), "bad-af-negative": m2("-0.25", "300,100", 400)})

# Sentieon TNscope: FORMAT/AF (Number=A), AFDP; samples TUMOR, NORMAL (tumour first, as TNscope writes them)
def tns(af, ad, dp):
    return rec(B38, "TLOD=20.1", "GT:AD:AF:AFDP:ALT_F1R2:DP",
               ["0/1:%s:%s:%d:5:%d" % (ad, af, dp, dp), "0/0:300,0:0.003:300:0:300"])
caller("tnscope", B38, TNSCOPE, ["TUMOR", "NORMAL"], {"low": tns("0.025", "390,10", 400), "high": tns("0.25", "300,100", 400)})

# VarDict: FORMAT/AF (Number=1), VD and DP; tumour column first, as VarDict writes it
def vd(af, vdp, ad, dp):
    return rec(B37, "STATUS=StrongSomatic;TYPE=SNV", "GT:DP:VD:AD:AF:RD:ALD",
               ["0/1:%d:%d:%s:%s:200,190:5,5" % (dp, vdp, ad, af), "0/0:300:0:300,0:0:150,150:0,0"])
caller("vardict", B37, VARDICT, ["TUMOR", "NORMAL"], {
    "low": vd("0.025", 10, "390,10", 400), "high": vd("0.25", 100, "300,100", 400),
    "noaf-low": vd(".", 10, "390,10", 400)})   # AF missing: VD/DP (the AD row comes first and agrees)

# FreeBayes: INFO/AF is the genotypes' frequency (0.5 for a heterozygote), never the reads'
def fb(ro, ao, dp, ad=True):
    fmt = "GT:GQ:DP:AD:RO:QR:AO:QA" if ad else "GT:GQ:DP:RO:QR:AO:QA"
    s = "0/1:50:%d:%d,%d:%d:14000:%d:360" % (dp, ro, ao, ro, ao) if ad else "0/1:50:%d:%d:14000:%d:360" % (dp, ro, ao)
    return rec(B38, "AC=1;AF=0.5;AN=2;AO=%d;DP=%d;RO=%d" % (ao, dp, ro), fmt, [s], qual="80.5")
FB_NOAD = [l for l in FREEBAYES if "ID=AD," not in l]
caller("freebayes", B38, FREEBAYES, ["tumour"], {
    "low": fb(390, 10, 400), "high": fb(300, 100, 400), "bad-ao-above-dp": fb(0, 500, 400)})
caller("freebayes-noad", B38, FB_NOAD, ["tumour"], {"low": fb(390, 10, 400, ad=False), "high": fb(300, 100, 400, ad=False)})

# Platypus: FORMAT NR (reads over the site) and NV (reads with the variant); no FORMAT/DP; INFO/FR is a genotype frequency
def pl(nr, nv):
    return rec(B37, "FR=0.5;TC=%d;TR=%d;NF=%d;NR=%d" % (nr, nv, nv // 2, nv - nv // 2), "GT:GL:GOF:GQ:NR:NV",
               ["0/1:-10,0,-60:3:99:%s:%s" % (nr, nv)], qual="200")
caller("platypus", B37, PLATYPUS, ["tumour"], {"low": pl(400, 10), "high": pl(400, 100), "bad-nv-above-nr": pl(400, 500)})

# LoFreq: sites only, INFO/AF, DP, DP4
def lf(af, dp, dp4):
    return rec(B38, "DP=%d;AF=%s;SB=0;DP4=%s" % (dp, af, dp4), qual="120")
caller("lofreq", B38, LOFREQ, [], {
    "low": lf("0.025", 400, "195,195,5,5"), "high": lf("0.25", 400, "150,150,50,50"), "bad-af-nan": lf("nan", 400, "150,150,50,50")})
# without INFO/AF: DP4's counts
LOFREQ_NOAF = [l for l in LOFREQ if "ID=AF," not in l]
vcf("lofreq-dp4-low.vcf", B38, LOFREQ_NOAF, [], [rec(B38, "DP=400;SB=0;DP4=195,195,5,5", qual="120")])

# Strelka2 somatic SNVs: tier-1 base counts (first value of AU, CU, GU, TU); DP
def sk(c, t, dp):
    return rec(B37, "SOMATIC;QSS=60", "DP:FDP:SDP:SUBDP:AU:CU:GU:TU",
               ["300:0:0:0:0,0:300,300:0,0:0,0", "%d:0:0:0:0,0:%s,%s:0,0:%s,%s" % (dp, c, c, t, t)])
caller("strelka2-snv", B37, STRELKA_SNV, TN, {"low": sk(390, 10, 400), "high": sk(300, 100, 400), "bad-negative": sk(390, -10, 400)})

# Strelka2 somatic indels: KRAS G13dup (c.36_38dup), TIR / (TIR + TAR) tier 1
def ski(tar, tir):
    return rec(B37, "SOMATIC", "DP:DP2:TAR:TIR:TOR", ["300:300:300,300:0,0:0,0", "%d:%d:%d,%d:%d,%d:0,0" % (tar + tir, tar + tir, tar, tar, tir, tir)],
               ref="C", alt="CACC", pos=25398285)
caller("strelka2-indel", B37, STRELKA_INDEL, TN, {"low": ski(390, 10), "high": ski(300, 100)})

# VarScan2 somatic: FREQ is text ("2.5%"); RD/AD are REF/ALT counts (AD Number=1)
def vs(freq, rd, ad):
    return rec(B37, "DP=700;SOMATIC;SS=2", "GT:GQ:DP:RD:AD:FREQ:DP4",
               ["0/0:.:300:300:0:0%:150,150,0,0", "0/1:.:%d:%d:%d:%s:%d,%d,%d,%d" % (rd + ad, rd, ad, freq, rd // 2, rd - rd // 2, ad // 2, ad - ad // 2)])
caller("varscan2", B37, VARSCAN, TN, {"low": vs("2.5%", 390, 10), "high": vs("25%", 300, 100), "bad-freq-text": vs("25,0%", 300, 100)})

# Pisces: VF (Number=.), AD (Number=.), DP
def ps(vf, ad, dp):
    return rec(B38, "DP=%d" % dp, "GT:GQ:AD:DP:VF:NL:SB", ["0/1:100:%s:%d:%s:20:-100.0000" % (ad, dp, vf)], qual="100")
caller("pisces", B38, PISCES, ["tumour.bam"], {"low": ps("0.025", "390,10", 400), "high": ps("0.250", "300,100", 400), "bad-vf-inf": ps("inf", "300,100", 400)})

# DeepVariant / DeepSomatic: VAF (Number=A)
def dv(vaf, ad, dp):
    return rec(B38, ".", "GT:GQ:DP:AD:VAF:PL", ["0/1:40:%d:%s:%s:40,0,50" % (dp, ad, vaf)], qual="40.1")
caller("deepvariant", B38, DEEPVARIANT, ["tumour"], {"low": dv("0.025", "390,10", 400), "high": dv("0.25", "300,100", 400), "bad-vaf-5": dv("5", "300,100", 400)})
DEEPSOMATIC = DEEPVARIANT + ['##DeepSomatic_version=1.7.0']
caller("deepsomatic", B38, DEEPSOMATIC, ["tumour"], {"low": dv("0.025", "390,10", 400), "high": dv("0.25", "300,100", 400)})

# Octopus (--annotations AD ADP AF): AF is Number=R (REF first)
def oc(af, ad, dp, alt="T"):
    return rec(B38, "SOMATIC;DP=%d" % (dp + 300), "GT:GQ:DP:ADP:AD:AF:FT",
               ["0/0:50:300:300:300,0:1,0:PASS", "0/1:50:%d:%d:%s:%s:PASS" % (dp, dp, ad, af)], alt=alt)
caller("octopus", B38, OCTOPUS, TN, {
    "low": oc("0.975,0.025", "390,10", 400), "high": oc("0.75,0.25", "300,100", 400),
    # two ALTs (G12D, G12V) at 0.025 each: read by allele, both are below --min-vaf; read by ALT index one would be 0.95
    "multiallelic-low": rec(B38, "SOMATIC;DP=700", "GT:GQ:DP:ADP:AD:AF:FT",
                            ["0/0:50:300:300:300,0,0:1,0,0:PASS", "0/1/2:50:400:400:380,10,10:0.95,0.025,0.025:PASS"], alt="T,A")})

# GATK HaplotypeCaller (tumour-only use): AD; INFO/AF is the genotypes' (AN is declared)
def hc(ad, dp, info="AC=1;AF=0.5;AN=2"):
    return rec(B38, info + ";DP=%d" % dp, "GT:AD:DP:GQ:PL", ["0/1:%s:%d:99:200,0,900" % (ad, dp)], qual="200.6")
caller("haplotypecaller", B38, HAPLOTYPECALLER, ["tumour"], {
    "low": hc("390,10", 400), "high": hc("300,100", 400),
    "bad-ad-short": hc("300", 400), "bad-ad-negative": hc("300,-100", 400)})

# bcftools call: INFO/DP4 (no FORMAT/AD)
def bc(dp4):
    return rec(B38, "DP=400;DP4=%s;AC=1;AN=2" % dp4, "GT:PL", ["0/1:200,0,255"], qual="200")
caller("bcftools", B38, BCFTOOLS, ["tumour"], {"low": bc("195,195,5,5"), "high": bc("150,150,50,50")})

# no fraction and no depth at all (GT only): the thresholds cannot be applied
NOFRAC = ['##FILTER=<ID=PASS,Description="All filters passed">', '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
          '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">']
vcf("no-fraction.vcf", B38, NOFRAC, ["tumour"], [rec(B38, ".", "GT:DP", ["0/1:400"])])
vcf("no-depth.vcf", B38, MUTECT2[:2] + [MUTECT2[6]] + ['##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">'],
    ["tumour"], [rec(B38, ".", "GT:AF", ["0/1:0.25"])])
# a single AF for two ALT alleles (Number=A needs two): neither ALT's fraction is known
vcf("af-one-for-two-alts.vcf", B38, MUTECT2, TN,
    [rec(B38, "DP=700", "GT:AD:AF:DP", ["0/0:300,0,0:0:300", "0/1/2:300,50,50:0.125:400"], alt="T,A")])

# ---------------------------------------------------------------- gVCF reference blocks (coverage)
HOT = {}
with open(os.path.join(TOP, "annotations", "hotspots.tsv")) as fh:
    for line in fh:
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        HOT.setdefault((f[0], f[3]), []).extend(int(x) for x in f[9:12])
GV = ['##GVCFBlock0-100=minGQ=0(inclusive),maxGQ=100(exclusive)', '##ALT=<ID=NON_REF,Description="Represents any possible alternative allele at this location">',
      '##FILTER=<ID=PASS,Description="All filters passed">',
      '##FILTER=<ID=LowGQX,Description="Locus GQX is below threshold or not present">',
      '##INFO=<ID=END,Number=1,Type=Integer,Description="Stop position of the interval">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
      '##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description="Minimum DP observed within the GVCF block">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">']


def blocks(sample, filt=".", fmt="GT:GQ:DP:MIN_DP"):
    out = []
    for gene, c in (("NRAS", "1"), ("BRAF", "7"), ("KRAS", "12")):
        ps = sorted(HOT[(gene, B38)])
        out.append("\t".join(["chr" + c, str(ps[0] - 10), ".", "N", "<NON_REF>", ".", filt, "END=%d" % (ps[-1] + 10), fmt, sample]))
    return out


vcf("gvcf-called.g.vcf", B38, GV, ["tumour"], blocks("0/0:60:170:150"))                 # control: wild-type
vcf("gvcf-nocall.g.vcf", B38, GV, ["tumour"], blocks("./.:0:170:150"))                  # no-call, GQ 0
vcf("gvcf-gq0.g.vcf", B38, GV, ["tumour"], blocks("0/0:0:170:150"))                     # a called 0/0 of quality 0
vcf("gvcf-lowgqx.g.vcf", B38, GV, ["tumour"], blocks("0/0:60:170:150", filt="LowGQX"))  # the caller's own filter
vcf("gvcf-no-min-dp.g.vcf", B38, GV, ["tumour"], blocks("0/0:60:170", fmt="GT:GQ:DP"))  # a block's DP is not its minimum
vcf("gvcf-min-dp-negative.g.vcf", B38, GV, ["tumour"], blocks("0/0:60:170:-5"))
