#!/usr/bin/env python3
"""Write the hand-made ERBB2 copy-number test VCFs in testdata/cnv/ and testdata/bad/.

Every file is plain VCF text spelled out below, record by record; this script only
saves typing (shared header lines, tabs) and makes the files reproducible.
Run from anywhere:  python3 testdata/cnv/make_cases.py
It needs bgzip (htslib) and gzip on PATH for the two compressed bad inputs.
The output is deterministic: re-running it must leave `git diff` empty.

Coordinates (1-based, inclusive; a record spans POS..END, as htslib's rlen does):
  ERBB2 GRCh38 17:39687914-39730426   ERBB2 GRCh37 17:37844167-37886679
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CNV = HERE
BAD = os.path.join(os.path.dirname(HERE), "bad")

G38 = (39687914, 39730426)
G37 = (37844167, 37886679)

LEN = {
    "GRCh38": {"1": 248956422, "7": 159345973, "12": 133275309, "17": 83257441},
    "GRCh37": {"1": 249250621, "7": 159138663, "12": 133851895, "17": 81195210},
}

# ---- header line helpers -------------------------------------------------

def contigs(build, prefix, lengths=True, which=("1", "7", "12", "17")):
    out = []
    for c in which:
        if lengths:
            out.append("##contig=<ID=%s%s,length=%d>" % (prefix, c, LEN[build][c]))
        else:
            out.append("##contig=<ID=%s%s>" % (prefix, c))
    return out

INFO = {
    "END": '##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant described in this record">',
    "SVTYPE": '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
    "SVLEN": '##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="Difference in length between REF and ALT alleles">',
    "SVLEN44": '##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length of structural variant">',
    "IMPRECISE": '##INFO=<ID=IMPRECISE,Number=0,Type=Flag,Description="Imprecise structural variation">',
    "CN": '##INFO=<ID=CN,Number=1,Type=Integer,Description="Copy number of the segment">',
    "CNfloat": '##INFO=<ID=CN,Number=1,Type=Float,Description="Copy number of the segment">',
    "FOLD_CHANGE": '##INFO=<ID=FOLD_CHANGE,Number=1,Type=Float,Description="Fold change">',
    "FOLD_CHANGE_LOG": '##INFO=<ID=FOLD_CHANGE_LOG,Number=1,Type=Float,Description="Log fold change">',
    "PROBES": '##INFO=<ID=PROBES,Number=1,Type=Integer,Description="Number of probes in CNV">',
    "ANT": '##INFO=<ID=ANT,Number=1,Type=String,Description="Gene associated with copy number variant">',
    "REFLEN": '##INFO=<ID=REFLEN,Number=1,Type=Integer,Description="Number of REF positions included in this record">',
    "SVCLAIM": '##INFO=<ID=SVCLAIM,Number=A,Type=String,Description="Claim made by the structural variant call. Valid values are D, J, DJ for abundance, adjacency and both respectively">',
}
FORMAT = {
    "GT": '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    "CN": '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">',
    "CNfloat": '##FORMAT=<ID=CN,Number=1,Type=Float,Description="Copy number (purity-unadjusted estimate)">',
    "FC": '##FORMAT=<ID=FC,Number=1,Type=Float,Description="Copy number variant fold change, calculated as ratio of sample to control">',
    "SM": '##FORMAT=<ID=SM,Number=1,Type=Float,Description="Linear copy ratio of the segment mean">',
    "BC": '##FORMAT=<ID=BC,Number=1,Type=Integer,Description="Number of bins in the region">',
    "PE": '##FORMAT=<ID=PE,Number=2,Type=Integer,Description="Number of improperly paired end reads at start and stop breakpoints">',
    "GQ": '##FORMAT=<ID=GQ,Number=1,Type=Float,Description="Genotype quality">',
    "CNQ": '##FORMAT=<ID=CNQ,Number=1,Type=Float,Description="Copy number genotype quality for imprecise events">',
    "PR": '##FORMAT=<ID=PR,Number=.,Type=Integer,Description="Spanning paired-read support for the ref and alt alleles in the order listed">',
    "SR": '##FORMAT=<ID=SR,Number=.,Type=Integer,Description="Split reads for the ref and alt alleles in the order listed">',
    "AD": '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    "DP": '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
}
ALT = {
    "DEL": '##ALT=<ID=DEL,Description="Deletion">',
    "DUP": '##ALT=<ID=DUP,Description="Duplication">',
    "CNV": '##ALT=<ID=CNV,Description="Copy number variable region">',
    "LOH": '##ALT=<ID=LOH,Description="Loss of heterozygosity">',
    "DUP:TANDEM": '##ALT=<ID=DUP:TANDEM,Description="Tandem duplication">',
}
LOWQUAL = '##FILTER=<ID=LowQual,Description="Low quality call">'
PASSF = '##FILTER=<ID=PASS,Description="All filters passed">'
SRC = "##source=mcrc-report test data (hand-written)"


def header(fmt="VCFv4.2", meta=(), samples=("TUMOR",)):
    lines = ["##fileformat=" + fmt]
    lines += list(meta)
    cols = ["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO"]
    if samples:
        cols += ["FORMAT"] + list(samples)
    lines.append("\t".join(cols))
    return lines


def rec(*fields):
    return "\t".join(str(f) for f in fields)


def write(path, lines, eol="\n"):
    with open(path, "w", newline="") as fh:
        fh.write(eol.join(lines) + eol)


def cn_meta(build, prefix, info=("END", "SVTYPE", "SVLEN"), fmt=("GT", "CN"),
            alts=("DEL", "DUP"), extra=(), with_contigs=True):
    m = [SRC]
    m += [PASSF]
    m += list(extra)
    m += [ALT[a] for a in alts]
    m += [INFO[i] for i in info]
    m += [FORMAT[f] for f in fmt]
    if with_contigs:
        m += contigs(build, prefix)
    return m


# Unrelated copy-number records placed away from ERBB2, KRAS, NRAS and BRAF in both builds.
def bg_before(p, fmt_cn=True):
    """records sorted before chr17 (chr1, chr7, chr12)"""
    if fmt_cn:
        return [
            rec(p + "1", 1000001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=2000000;SVLEN=1000000", "GT:CN", "0/1:3"),
            rec(p + "12", 60000001, ".", "N", "<DEL>", ".", "PASS", "SVTYPE=DEL;END=61000000;SVLEN=-1000000", "GT:CN", "0/1:1"),
        ]
    return []


def bg_chr17_before(p):
    return [rec(p + "17", 10000001, ".", "N", "<DEL>", ".", "PASS", "SVTYPE=DEL;END=11000000;SVLEN=-1000000", "GT:CN", "0/1:1")]


def bg_chr17_after(p):
    return [rec(p + "17", 60000001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=61000000;SVLEN=1000000", "GT:CN", "0/1:3")]


def span_info(kind, pos, end):
    if kind == "DEL":
        return "SVTYPE=DEL;END=%d;SVLEN=%d" % (end, -(end - pos + 1))
    return "SVTYPE=%s;END=%d;SVLEN=%d" % (kind, end, end - pos + 1)


def simple_fmt_cn_case(name, build, p, erbb2_recs):
    """standard single-sample FORMAT/CN file: background + the given ERBB2 records"""
    lines = header(meta=cn_meta(build, p, extra=[LOWQUAL] if any("LowQual" in r for r in erbb2_recs) else []))
    lines += bg_before(p) + bg_chr17_before(p) + erbb2_recs + bg_chr17_after(p)
    write(os.path.join(CNV, name), lines)


def dup(p, pos, end, cn, filt="PASS", gt="0/1"):
    return rec(p + "17", pos, ".", "N", "<DUP>", ".", filt, span_info("DUP", pos, end), "GT:CN", "%s:%s" % (gt, cn))


def make_cnv():
    # 1-2: FORMAT/CN over the whole gene, both builds and both namings
    simple_fmt_cn_case("cn-amp-grch38-chr.vcf", "GRCh38", "chr", [dup("chr", 39600001, 39800000, 12)])
    simple_fmt_cn_case("cn-amp-grch37-nochr.vcf", "GRCh37", "", [dup("", 37800001, 37950000, 12)])

    # 3: INFO/CN only, sites-only file, Canvas-like <CNV> alleles (REF segments as ALT ".")
    p = ""
    m = [SRC, PASSF, ALT["CNV"], INFO["END"], INFO["SVTYPE"], INFO["CN"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=())
    lines += [
        rec("1", 1000001, "Canvas:GAIN:1:1000001-2000000", "N", "<CNV>", ".", "PASS", "SVTYPE=CNV;END=2000000;CN=3"),
        rec("17", 10000001, "Canvas:REF:17:10000001-39000000", "N", ".", ".", "PASS", "END=39000000;CN=2"),
        rec("17", 39000001, "Canvas:GAIN:17:39000001-40000000", "N", "<CNV>", ".", "PASS", "SVTYPE=CNV;END=40000000;CN=8"),
        rec("17", 40000001, "Canvas:REF:17:40000001-60000000", "N", ".", ".", "PASS", "END=60000000;CN=2"),
    ]
    write(os.path.join(CNV, "info-cn-amp.vcf"), lines)

    # 4-6: TSO500 CopyNumberVariants.vcf style (hg19, chr, FORMAT/FC only, INFO/ANT gene name)
    def tso(name, erbb2_line):
        p = "chr"
        m = [SRC + " in the style of TSO500 CopyNumberVariants.vcf",
             '##reference=/opt/illumina/resources/hg19_decoy/genome.fa',
             PASSF, INFO["SVTYPE"], INFO["END"], INFO["ANT"], FORMAT["FC"],
             '##ALT=<ID=DEL,Description="Identified deletion in target gene">',
             '##ALT=<ID=DUP,Description="Identified duplication in target gene">'] + contigs("GRCh37", p)
        lines = header(meta=m, samples=("Tumor_DNA_1",))
        lines += [
            rec("chr1", 115245083, ".", "T", ".", "6", "PASS", "END=115261621;ANT=NRAS", "FC", "1.019"),
            rec("chr7", 92243231, ".", "A", "<DUP>", "157", "PASS", "SVTYPE=CNV;END=92462639;ANT=CDK6", "FC", "1.261"),
            rec("chr7", 140434394, ".", "G", ".", "18", "PASS", "END=140624505;ANT=BRAF", "FC", "0.983"),
            rec("chr12", 25359176, ".", "A", ".", "32", "PASS", "END=25401358;ANT=KRAS", "FC", "0.972"),
            erbb2_line,
            rec("chr17", 41197308, ".", "A", ".", "152", "PASS", "END=41276383;ANT=BRCA1", "FC", "1.078"),
        ]
        write(os.path.join(CNV, name), lines)
    tso("fc-tso500-amp.vcf",
        rec("chr17", 37844000, ".", "C", "<DUP>", "157", "PASS", "SVTYPE=CNV;END=37887000;ANT=ERBB2", "FC", "4.100"))
    tso("fc-tso500-neutral.vcf",
        rec("chr17", 37844000, ".", "C", ".", "33", "PASS", "END=37887000;ANT=ERBB2", "FC", "1.030"))
    # the real TSO500 ERBB2 target interval (from the tso500_ctdna file) covers only part of the gene span
    tso("fc-tso500-amp-target-only.vcf",
        rec("chr17", 37844989, ".", "C", "<DUP>", "157", "PASS", "SVTYPE=CNV;END=37884569;ANT=ERBB2", "FC", "4.100"))

    # 7: CNVkit export vcf style: FOLD_CHANGE + FOLD_CHANGE_LOG, FORMAT/CN declared but absent on the record
    p = "chr"
    m = ["##source=CNVkit-style (hand-written test data)", PASSF,
         '##INFO=<ID=CIEND,Number=2,Type=Integer,Description="Confidence interval around END for imprecise variants">',
         '##INFO=<ID=CIPOS,Number=2,Type=Integer,Description="Confidence interval around POS for imprecise variants">',
         INFO["END"], INFO["IMPRECISE"], INFO["SVLEN"], INFO["SVTYPE"], INFO["FOLD_CHANGE"], INFO["FOLD_CHANGE_LOG"], INFO["PROBES"],
         ALT["DEL"], ALT["DUP"], ALT["CNV"],
         FORMAT["GT"], FORMAT["GQ"],
         '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number genotype for imprecise events">',
         FORMAT["CNQ"]] + contigs("GRCh37", p)
    lines = header(meta=m, samples=("tumour-cnvkit",))
    lines += [
        rec("chr1", 1000001, ".", "N", "<DUP>", ".", ".", "IMPRECISE;SVTYPE=DUP;END=2000000;SVLEN=1000000;FOLD_CHANGE=1.414214;FOLD_CHANGE_LOG=0.500000;PROBES=400", "GT:GQ:CN:CNQ", "0/1:0:3:400"),
        rec("chr17", 10000001, ".", "N", "<DEL>", ".", ".", "IMPRECISE;SVTYPE=DEL;END=11000000;SVLEN=-1000000;FOLD_CHANGE=0.500000;FOLD_CHANGE_LOG=-1.000000;PROBES=380", "GT:GQ", "0/1:380"),
        rec("chr17", 37800001, ".", "N", "<DUP>", ".", ".", "IMPRECISE;SVTYPE=DUP;END=37950000;SVLEN=150000;FOLD_CHANGE=4.500000;FOLD_CHANGE_LOG=2.169925;PROBES=120", "GT:GQ", "0/1:120"),
    ]
    write(os.path.join(CNV, "cnvkit-fold-change-amp.vcf"), lines)

    # 8: only INFO/FOLD_CHANGE_LOG (log2 ratio); 2^2.0 x 2 = 8
    p = ""
    m = [SRC, PASSF, ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["FOLD_CHANGE_LOG"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=())
    lines += [
        rec("1", 1000001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=2000000;FOLD_CHANGE_LOG=0.585"),
        rec("17", 10000001, ".", "N", "<DEL>", ".", "PASS", "SVTYPE=DEL;END=11000000;FOLD_CHANGE_LOG=-1.000"),
        rec("17", 39600001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=39800000;FOLD_CHANGE_LOG=2.000"),
    ]
    write(os.path.join(CNV, "log2-only-amp.vcf"), lines)

    # 9-11: DRAGEN somatic CNV style (POS = base before the segment, ID DRAGEN:GAIN:chr:start-end)
    def dragen(name, fmt_keys, erbb2_fmt, erbb2_val, bg_vals):
        p = "chr"
        m = [SRC + " in the style of DRAGEN somatic CNV VCF",
             ALT["CNV"], ALT["DEL"], ALT["DUP"],
             INFO["REFLEN"], INFO["SVTYPE"], INFO["SVLEN"], INFO["END"],
             '##FILTER=<ID=cnvQual,Description="CNV with quality below threshold">',
             PASSF] + [FORMAT[k] for k in fmt_keys] + contigs("GRCh38", p)
        lines = header(meta=m, samples=("SAMPLE-T",))
        lines += [
            rec("chr1", 1000000, "DRAGEN:GAIN:chr1:1000001-2000000", "N", "<DUP>", "50", "PASS",
                "SVTYPE=CNV;SVLEN=1000000;END=2000000;REFLEN=1000000", erbb2_fmt, bg_vals[0]),
            rec("chr17", 10000000, "DRAGEN:LOSS:chr17:10000001-11000000", "N", "<DEL>", "50", "PASS",
                "SVTYPE=CNV;SVLEN=-1000000;END=11000000;REFLEN=1000000", erbb2_fmt, bg_vals[1]),
            rec("chr17", 39600000, "DRAGEN:GAIN:chr17:39600001-39800000", "N", "<DUP>", "150", "PASS",
                "SVTYPE=CNV;SVLEN=200000;END=39800000;REFLEN=200000", erbb2_fmt, erbb2_val),
        ]
        write(os.path.join(CNV, name), lines)
    dragen("dragen-sm-amp.vcf", ("GT", "SM", "BC", "PE"), "GT:SM:BC:PE", "0/1:3.5:180:10,12",
           ("0/1:1.5:900:3,4", "0/1:0.5:850:6,2"))
    dragen("dragen-cn-and-sm.vcf", ("GT", "SM", "CN", "BC", "PE"), "GT:SM:CN:BC:PE", "0/1:4.4:9:180:10,12",
           ("0/1:1.5:3:900:3,4", "0/1:0.5:1:850:6,2"))
    dragen("dragen-cn-wins.vcf", ("GT", "SM", "CN", "BC", "PE"), "GT:SM:CN:BC:PE", "0/1:3.5:3:180:10,12",
           ("0/1:1.5:3:900:3,4", "0/1:0.5:1:850:6,2"))

    # 12-17: status by magnitude and coverage, FORMAT/CN
    simple_fmt_cn_case("equivocal-cn5.vcf", "GRCh38", "chr", [dup("chr", 39600001, 39800000, 5)])
    simple_fmt_cn_case("equivocal-partial.vcf", "GRCh38", "", [dup("", 39600001, 39709000, 10)])
    simple_fmt_cn_case("partial-amp-two-segments.vcf", "GRCh37", "chr",
                       [dup("chr", 37800001, 37865000, 12), dup("chr", 37865001, 37950000, 8)])
    simple_fmt_cn_case("mixed-segments-equivocal.vcf", "GRCh38", "chr",
                       [dup("chr", 39600001, 39709000, 12), dup("chr", 39709001, 39800000, 5)])
    # 1064-bp hole between two amplified segments inside the gene, as in cnvkit/wgs-chr17.cnvkit.vcf
    simple_fmt_cn_case("gap-between-amp-segments.vcf", "GRCh38", "chr",
                       [dup("chr", 39600001, 39709000, 12), dup("chr", 39710065, 39800000, 12)])
    simple_fmt_cn_case("not-amplified-cn3.vcf", "GRCh38", "chr", [dup("chr", 39600001, 39800000, 3)])
    simple_fmt_cn_case("not-amplified-absent.vcf", "GRCh37", "", [])
    simple_fmt_cn_case("deletion-over-gene.vcf", "GRCh38", "",
                       [rec("17", 39600001, ".", "N", "<DEL>", ".", "PASS", span_info("DEL", 39600001, 39800000), "GT:CN", "0/1:1")])

    # 18: Manta-style <DUP> with no copy-number field anywhere in the file
    p = "chr"
    m = ["##source=Manta-style SV calls (hand-written test data)", PASSF,
         '##FILTER=<ID=MinQUAL,Description="QUAL score is less than 20">',
         ALT["DEL"], ALT["DUP"],
         INFO["IMPRECISE"], INFO["SVTYPE"], INFO["SVLEN"], INFO["END"],
         FORMAT["PR"], FORMAT["SR"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=("TUMOR",))
    lines += [
        rec("chr1", 1000001, "MantaDEL:1:0:1:0:0:0", "N", "<DEL>", "120", "PASS", "IMPRECISE;SVTYPE=DEL;SVLEN=-5000;END=1005000", "PR", "20,8"),
        rec("chr17", 39600001, "MantaDUP:TANDEM:2:0:1:0:0:0", "N", "<DUP>", "300", "PASS", "IMPRECISE;SVTYPE=DUP;SVLEN=200000;END=39800000", "PR:SR", "25,30:10,14"),
    ]
    write(os.path.join(CNV, "dup-no-magnitude.vcf"), lines)

    # 19: <CNV> with no magnitude (no CN-like field declared)
    p = "chr"
    m = [SRC, PASSF, ALT["CNV"], INFO["END"], INFO["SVTYPE"], FORMAT["GT"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=("TUMOR",))
    lines += [
        rec("chr1", 1000001, ".", "N", "<CNV>", ".", "PASS", "SVTYPE=CNV;END=2000000", "GT", "./1"),
        rec("chr17", 39600001, ".", "N", "<CNV>", ".", "PASS", "SVTYPE=CNV;END=39800000", "GT", "./1"),
    ]
    write(os.path.join(CNV, "cnv-no-magnitude.vcf"), lines)

    # 20-22: FILTER handling and overlaps
    simple_fmt_cn_case("filtered-amp.vcf", "GRCh38", "chr", [dup("chr", 39600001, 39800000, 15, filt="LowQual")])
    simple_fmt_cn_case("filtered-amp-pass-amp.vcf", "GRCh38", "chr",
                       [dup("chr", 39600001, 39800000, 10), dup("chr", 39650001, 39750000, 15, filt="LowQual")])
    simple_fmt_cn_case("conflict-overlap.vcf", "GRCh38", "chr",
                       [dup("chr", 39600001, 39800000, 12),
                        rec("chr17", 39650001, ".", "N", ".", ".", "PASS", "END=39750000", "GT:CN", "0/0:2")])

    # 23: purity. FORMAT/CN is declared Float here (4.4 observed copies).
    p = "chr"
    m = [SRC, PASSF, ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["SVLEN"], FORMAT["GT"], FORMAT["CNfloat"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=("TUMOR",))
    lines += [
        rec("chr1", 1000001, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", 1000001, 2000000), "GT:CN", "0/1:2.8"),
        rec("chr17", 10000001, ".", "N", "<DEL>", ".", "PASS", span_info("DEL", 10000001, 11000000), "GT:CN", "0/1:1.6"),
        rec("chr17", 39600001, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", 39600001, 39800000), "GT:CN", "0/1:4.4"),
    ]
    write(os.path.join(CNV, "purity-case.vcf"), lines)

    # 24: FORMAT/CN missing on the ERBB2 <DUP>
    simple_fmt_cn_case("cn-missing-value.vcf", "GRCh38", "chr", [dup("chr", 39600001, 39800000, ".")])

    # 25-27: sample selection
    def two_sample(name, samples, vals, extra_meta=()):
        p = "chr"
        m = [SRC] + list(extra_meta) + [PASSF, ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["SVLEN"],
                                         FORMAT["GT"], FORMAT["CN"]] + contigs("GRCh38", p)
        lines = header(meta=m, samples=samples)
        lines += [
            rec("chr1", 1000001, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", 1000001, 2000000), "GT:CN", "0/0:2", "0/1:3"),
            rec("chr17", 39600001, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", 39600001, 39800000), "GT:CN", *vals),
            rec("chr17", 60000001, ".", "N", "<DEL>", ".", "PASS", span_info("DEL", 60000001, 61000000), "GT:CN", "0/0:2", "0/1:1"),
        ]
        write(os.path.join(CNV, name), lines)
    two_sample("multi-sample-tumor-normal.vcf", ("NORMAL", "TUMOR"), ("0/0:2", "0/1:11"))
    two_sample("mutect-tumor-sample-header.vcf", ("N1", "T1"), ("0/0:2", "0/1:10"),
               extra_meta=("##normal_sample=N1", "##tumor_sample=T1"))
    two_sample("ambiguous-samples.vcf", ("S1", "S2"), ("0/0:2", "0/1:10"))

    # 28-31: genome build detection
    p = "chr"
    m = [SRC, "##reference=file:///data/refs/GRCh38/GRCh38_full_analysis_set_plus_decoy_hla.fa", PASSF,
         ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["SVLEN"], FORMAT["GT"], FORMAT["CN"]] + contigs("GRCh38", p, lengths=False)
    lines = header(meta=m)
    lines += bg_before(p) + [dup(p, 39600001, 39800000, 12)]
    write(os.path.join(CNV, "build-from-reference-line.vcf"), lines)

    p = "chr"
    m = [SRC, PASSF, ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["SVLEN"], FORMAT["GT"], FORMAT["CN"]]
    lines = header(meta=m)
    lines += bg_before(p) + [dup(p, 39600001, 39800000, 12)]
    write(os.path.join(CNV, "no-build-info.vcf"), lines)
    # same, but with ##contig lines that carry no length (so it converts to BCF)
    m = m + contigs("GRCh38", p, lengths=False)
    lines = header(meta=m)
    lines += bg_before(p) + [dup(p, 39600001, 39800000, 12)]
    write(os.path.join(CNV, "no-build-info-contigs-nolength.vcf"), lines)

    simple_fmt_cn_case("build-mismatch-a.vcf", "GRCh37", "", [dup("", 37800001, 37950000, 12)])
    simple_fmt_cn_case("build-mismatch-b.vcf", "GRCh38", "", [dup("", 39600001, 39800000, 12)])

    # 32: VCF 4.4 <DUP> with SVLEN and no END (interval POS+1..POS+SVLEN = 39600001..39800000)
    p = "chr"
    m = [SRC, PASSF, ALT["DEL"], ALT["DUP"], INFO["SVLEN44"], INFO["SVCLAIM"], FORMAT["GT"], FORMAT["CN"]] + contigs("GRCh38", p)
    lines = header(fmt="VCFv4.4", meta=m)
    lines += [
        rec("chr1", 1000000, ".", "N", "<DUP>", ".", "PASS", "SVLEN=1000000;SVCLAIM=D", "GT:CN", "0/1:3"),
        rec("chr17", 10000000, ".", "N", "<DEL>", ".", "PASS", "SVLEN=1000000;SVCLAIM=D", "GT:CN", "0/1:1"),
        rec("chr17", 39600000, ".", "N", "<DUP>", ".", "PASS", "SVLEN=200000;SVCLAIM=D", "GT:CN", "0/1:9"),
    ]
    write(os.path.join(CNV, "svlen-no-end.vcf"), lines)

    # 33-35: interval edges
    p = ""
    lines = header(meta=cn_meta("GRCh38", p))
    lines += bg_before(p) + [dup(p, 1000000, 50000000, 7)] + bg_chr17_after(p)
    write(os.path.join(CNV, "segment-starts-far-before.vcf"), lines)
    simple_fmt_cn_case("edge-touch-one-base.vcf", "GRCh38", "chr", [dup("chr", 39600001, G38[0], 20)])
    simple_fmt_cn_case("edge-just-outside.vcf", "GRCh38", "chr", [dup("chr", 39600001, G38[0] - 1, 20)])

    # 36: <CNn> symbolic alleles (1000 Genomes / Canvas style) with FORMAT/CN
    p = ""
    m = [SRC, PASSF,
         '##ALT=<ID=CN0,Description="Copy number allele: 0 copies">',
         '##ALT=<ID=CN3,Description="Copy number allele: 3 copies">',
         '##ALT=<ID=CN8,Description="Copy number allele: 8 copies">',
         INFO["END"], INFO["SVTYPE"], FORMAT["GT"], FORMAT["CN"]] + contigs("GRCh37", p)
    lines = header(meta=m)
    lines += [
        rec("1", 1000001, ".", "N", "<CN3>", ".", "PASS", "SVTYPE=CNV;END=2000000", "GT:CN", "0/1:3"),
        rec("17", 10000001, ".", "N", "<CN0>", ".", "PASS", "SVTYPE=CNV;END=11000000", "GT:CN", "1/1:0"),
        rec("17", 37800001, ".", "N", "<CN8>", ".", "PASS", "SVTYPE=CNV;END=37950000", "GT:CN", "0/1:8"),
    ]
    write(os.path.join(CNV, "symbolic-cn-allele.vcf"), lines)

    # 37: <LOH> copy-neutral over ERBB2
    p = "chr"
    lines = header(meta=cn_meta("GRCh38", p, alts=("DEL", "DUP", "LOH")))
    lines += bg_before(p) + [rec("chr17", 39600001, ".", "N", "<LOH>", ".", "PASS", span_info("LOH", 39600001, 39800000), "GT:CN", "1/1:2")]
    write(os.path.join(CNV, "loh-cn2.vcf"), lines)

    # 38: <DUP:TANDEM> with CN
    p = "chr"
    lines = header(meta=cn_meta("GRCh37", p, alts=("DEL", "DUP", "DUP:TANDEM")))
    lines += bg_before(p) + [rec("chr17", 37800001, ".", "N", "<DUP:TANDEM>", ".", "PASS", span_info("DUP", 37800001, 37950000), "GT:CN", "0/1:10")]
    write(os.path.join(CNV, "dup-tandem-amp.vcf"), lines)

    # 39: GATK gCNV segments style: ALT "." with END, FORMAT/CN
    p = ""
    m = [SRC + " in the style of GATK PostprocessGermlineCNVCalls segments", INFO["END"],
         '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Segment most-likely copy-number call">',
         '##FORMAT=<ID=GT,Number=1,Type=String,Description="Segment genotype">',
         '##FORMAT=<ID=NP,Number=1,Type=Integer,Description="Number of points (i.e. targets or bins) in the segment">',
         ] + contigs("GRCh37", p)
    lines = header(meta=m, samples=("SAMPLE_T",))
    lines += [
        rec("1", 1000001, "CNV_1_1000001_2000000", "N", ".", "3076.53", ".", "END=2000000", "GT:CN:NP", "0/0:2:102"),
        rec("17", 37000001, "CNV_17_37000001_37900000", "N", ".", "3076.53", ".", "END=37900000", "GT:CN:NP", "1:12:80"),
        rec("17", 37900001, "CNV_17_37900001_81000000", "N", ".", "3076.53", ".", "END=81000000", "GT:CN:NP", "0/0:2:640"),
    ]
    write(os.path.join(CNV, "dot-alt-end-amp.vcf"), lines)

    # 40: small-variant file only (no copy-number field, no copy-number record)
    p = "chr"
    m = [SRC, PASSF, FORMAT["GT"], FORMAT["AD"], FORMAT["DP"]] + contigs("GRCh38", p)
    lines = header(meta=m)
    lines += [
        rec("chr1", 1500000, ".", "C", "T", "60", "PASS", ".", "GT:AD:DP", "0/1:40,20:60"),
        rec("chr17", 39700000, ".", "G", "A", "60", "PASS", ".", "GT:AD:DP", "0/1:30,30:60"),
    ]
    write(os.path.join(CNV, "no-cnv-input.vcf"), lines)


def make_bad():
    os.makedirs(BAD, exist_ok=True)
    p = "chr"
    good = header(meta=cn_meta("GRCh38", p))
    good_body = bg_before(p) + bg_chr17_before(p) + [dup(p, 39600001, 39800000, 12)] + bg_chr17_after(p)

    open(os.path.join(BAD, "empty.vcf"), "w").close()

    write(os.path.join(BAD, "header-only.vcf"),
          header(meta=[SRC, PASSF, FORMAT["GT"]] + contigs("GRCh38", p)))
    write(os.path.join(BAD, "header-only-cn-declared.vcf"), good)

    write(os.path.join(BAD, "no-chrom-line.vcf"), good[:-1] + good_body)

    # source for the compressed cases: same as cn-amp-grch38-chr but more records so the cut lands mid-data
    # 2000 small chr1 segments (2,000,001..201,950,000, inside chr1) push the ERBB2 record into a later BGZF block
    many = []
    for i in range(2000):
        s = 2000001 + i * 100000
        many.append(rec("chr1", s, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", s, s + 49999), "GT:CN", "0/1:3"))
    bg = bg_before(p)
    src_lines = good + bg[:1] + many + bg[1:] + bg_chr17_before(p) + [dup(p, 39600001, 39800000, 12)] + bg_chr17_after(p)
    tmp = os.path.join(BAD, ".tmp-source.vcf")
    write(tmp, src_lines)
    bgz = subprocess.run(["bgzip", "-c", tmp], check=True, stdout=subprocess.PIPE).stdout
    # walk the BGZF blocks (BSIZE at bytes 16-17 of each block header) and cut in the middle of the
    # last data block: the header and the first blocks decode, then the stream breaks before the ERBB2 record
    starts, off = [], 0
    while off < len(bgz):
        starts.append(off)
        off += (bgz[off + 16] | (bgz[off + 17] << 8)) + 1
    assert len(starts) >= 3, "need at least two data blocks and the EOF block"
    last_data = starts[-2]
    cut = last_data + (starts[-1] - last_data) // 2
    with open(os.path.join(BAD, "truncated.vcf.gz"), "wb") as fh:
        fh.write(bgz[:cut])
    gz = subprocess.run(["gzip", "-n", "-c", tmp], check=True, stdout=subprocess.PIPE).stdout
    with open(os.path.join(BAD, "plain-gzip.vcf.gz"), "wb") as fh:
        fh.write(gz)
    os.remove(tmp)

    body = bg_before(p) + [dup(p, 39600001, 39800000, "abc")]
    write(os.path.join(BAD, "non-numeric-cn.vcf"), good + body)

    body = bg_before(p) + [rec("chr17", "pos39600001", ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=39800000", "GT:CN", "0/1:12")]
    write(os.path.join(BAD, "non-numeric-pos.vcf"), good + body)

    write(os.path.join(BAD, "crlf.vcf"), good + good_body, eol="\r\n")

    body = bg_before(p) + [rec("chr17", 39600001, ".", "N", "<DUP>", ".", "PASS", span_info("DUP", 39600001, 39800000), "GT:CN")]
    write(os.path.join(BAD, "wrong-column-count.vcf"), good + body)

    write(os.path.join(BAD, "unknown-sample.vcf"), good + good_body)

    m = [SRC, PASSF, ALT["DEL"], ALT["DUP"], INFO["END"], INFO["SVTYPE"], INFO["CNfloat"]] + contigs("GRCh38", p)
    lines = header(meta=m, samples=())
    lines += [rec("chr1", 1000001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=2000000;CN=3"),
              rec("chr17", 39600001, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=39800000;CN=nan")]
    write(os.path.join(BAD, "nan-cn.vcf"), lines)

    body = bg_before(p) + [dup(p, 39600001, 39800000, -3)]
    write(os.path.join(BAD, "negative-cn.vcf"), good + body)

    body = bg_before(p) + [rec("chr17", 39800000, ".", "N", "<DUP>", ".", "PASS", "SVTYPE=DUP;END=39600001", "GT:CN", "0/1:12")]
    write(os.path.join(BAD, "end-before-pos.vcf"), good + body)

    rnd = random.Random(20240501)
    junk = bytes(rnd.getrandbits(8) for _ in range(4096))
    with open(os.path.join(BAD, "binary-garbage.vcf"), "wb") as fh:
        fh.write(junk)

    with open(os.path.join(BAD, "lfs-pointer.vcf"), "w") as fh:
        fh.write("version https://git-lfs.github.com/spec/v1\n"
                 "oid sha256:9f2c3a1d0b7e4c6a8f5e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a\n"
                 "size 48213\n")


if __name__ == "__main__":
    make_cnv()
    make_bad()
    sys.exit(0)
