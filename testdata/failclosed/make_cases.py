#!/usr/bin/env python3
"""make_cases.py - the fail-closed cases of tests/cases/failclosed-cases.tsv (issue: a definite status only
from evidence read whole and understood).  Hand-written, GRCh38, chr17 contigs; run it to rewrite the files.

Each file is one way a copy-number segment that starts BEFORE ERBB2 (chr17:39687914-39730426) and covers it
with CN=9 can be written, or one way the file around it can be damaged.  The segment must never be dropped
(that gave not-amplified): it is read as amplified, or the file is refused."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CONTIGS = "".join("##contig=<ID=%s,length=%d>\n" % c for c in
                  [("chr1", 248956422), ("chr7", 159345973), ("chr12", 133275309), ("chr17", 83257441)])


def header(info, fmt="##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                     "##FORMAT=<ID=CN,Number=1,Type=Integer,Description=\"Copy number\">\n",
           extra="", samples="TUMOR"):
    return ("##fileformat=VCFv4.2\n##source=mcrc-report test data (testdata/failclosed/make_cases.py)\n"
            "##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
            "##ALT=<ID=DUP,Description=\"Duplication\">\n##ALT=<ID=DEL,Description=\"Deletion\">\n"
            + CONTIGS + extra + info + fmt
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + samples + "\n")


END_INT = "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">\n"
END_STR = "##INFO=<ID=END,Number=1,Type=String,Description=\"End (as SVDB declares it)\">\n"
END_FLT = "##INFO=<ID=END,Number=1,Type=Float,Description=\"End\">\n"
SVLEN = "##INFO=<ID=SVLEN,Number=.,Type=Integer,Description=\"Length\">\n"
FAR = "chr1\t1000000\t.\tN\t<DEL>\t.\tPASS\tEND=1100000\tGT:CN\t0/1:1\n"
SEG = "chr17\t39600000\t.\tN\t<DUP>\t.\tPASS\t%s\tGT:CN\t0/1:9\n"

cases = {
    # class 1: the extent, from END of any type, SVLEN, or both
    "end-string": header(END_STR) + FAR.replace("END=1100000", "END=1100000") + SEG % "END=39800000",
    "end-float": header(END_FLT) + FAR + SEG % "END=39800000.0",
    "end-undeclared": header("") + FAR + SEG % "END=39800000",
    "svlen-end-declared": header(END_INT + SVLEN) + FAR + SEG % "SVLEN=200000",
    "end-svlen-agree": header(END_INT + SVLEN) + FAR + SEG % "END=39800000;SVLEN=200000",
    "end-svlen-disagree": header(END_INT + SVLEN) + FAR + SEG % "END=39650000;SVLEN=200000",
    "end-huge": header(END_STR) + FAR + SEG % "END=1e30",
    "end-past-2-31": header(END_STR) + FAR + SEG % "END=3000000000",
    "end-past-contig": header(END_INT) + FAR + SEG % "END=90000000",
    "svlen-past-contig": header(SVLEN) + FAR + SEG % "SVLEN=90000000",
    "end-not-number": header(END_STR) + FAR + SEG % "END=39,800,000",
    # class 2: a malformed record far from the genes, with an amplified ERBB2 beside it
    "far-end-before-pos": header(END_INT) + "chr1\t1000000\t.\tN\t<DEL>\t.\tPASS\tEND=900000\tGT:CN\t0/1:1\n" + SEG % "END=39800000",
    "far-too-few-columns": header(END_INT) + "chr1\t1000000\t.\tN\t<DEL>\t.\tPASS\tEND=1100000\n" + SEG % "END=39800000",
    "far-extra-sample": header(END_INT) + "chr1\t1000000\t.\tN\t<DEL>\t.\tPASS\tEND=1100000\tGT:CN\t0/1:1\t0/1:1\n" + SEG % "END=39800000",
    "far-empty-chrom": header(END_INT) + "\t1000000\t.\tN\t<DEL>\t.\tPASS\tEND=1100000\tGT:CN\t0/1:1\n" + SEG % "END=39800000",
    # class 3: a text file whose last line is cut short
    "no-final-newline": (header(END_INT) + FAR + SEG % "END=39800000")[:-1],
    # class 5: -g against the header's ##reference
    "reference-grch38": header(END_INT, extra="##reference=file:///ref/GRCh38_full_analysis_set.fa\n").replace(CONTIGS, "") + SEG % "END=39800000",
    # ... and a header that names both builds (a stale ##reference beside the right one): no -g can settle it
    "reference-both": header(END_INT, extra="##reference=file:///data/refs/GRCh37/human_g1k_v37.fasta\n"
                                            "##reference=file:///ref/GRCh38_full_analysis_set.fa\n").replace(CONTIGS, "") + SEG % "END=39800000",
}

for name, text in cases.items():
    with open(os.path.join(HERE, name + ".vcf"), "w") as f:
        f.write(text)

# class 10: the tumour column from the header's own words (normal first, with CN 2; the tumour with CN 9)
TWO = SEG.replace("0/1:9", "0/0:2\t0/1:9") % "END=39800000"
with open(os.path.join(HERE, "manta-cmdline.vcf"), "w") as f:
    f.write(header(END_INT, samples="P1-N\tP1-T",
                   extra="##cmdline=/opt/manta/bin/configManta.py --normalBam /data/P1-N.bam --tumorBam=/data/P1-T.bam --referenceFasta /ref/GRCh38.fa\n") + TWO)
with open(os.path.join(HERE, "sample-lines-tcga.vcf"), "w") as f:
    f.write(header(END_INT, samples="S1\tS2",
                   extra="##SAMPLE=<ID=S1,SampleTCGABarcode=TCGA-AA-3511-10A-01D-1520-10>\n"
                         "##SAMPLE=<ID=S2,SampleTCGABarcode=TCGA-AA-3511-01A-21D-1520-10>\n") + TWO)
# both columns marked as tumours: not unambiguous, an error that lists the samples
with open(os.path.join(HERE, "sample-lines-two-tumours.vcf"), "w") as f:
    f.write(header(END_INT, samples="S1\tS2",
                   extra="##SAMPLE=<ID=S1,Description=\"Tumor DNA\">\n##SAMPLE=<ID=S2,Description=\"Tumor RNA\">\n") + TWO)

# class 1 on written alleles: SVLEN can only restate their lengths (Manta, Sniffles, varlociraptor write it; varlociraptor
# writes SVLEN=. on every SNV).  KRAS G12V (chr12:25245350 C>A) with AD 100,100.
SNV_HDR = header(SVLEN, fmt="##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                            "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
                            "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth\">\n")
G12V = "chr12\t25245350\t.\tC\tA\t.\tPASS\t%s\tGT:AD:DP\t0/1:100,100:200\n"
for name, info in [("snv-svlen-missing", "SVLEN=."), ("snv-svlen-absurd", "SVLEN=999999999"),
                   ("snv-svlen-past-2-31", "SVLEN=2147483648")]:
    with open(os.path.join(HERE, name + ".vcf"), "w") as f:
        f.write(SNV_HDR + "chr1\t6660354\t.\tG\tA\t.\tPASS\tSVLEN=.\tGT:AD:DP\t0/1:100,100:200\n" + G12V % info)

# a second ##INFO line for ANN declaring it Integer, put first (htslib keeps the first): the annotation that
# disagrees with the call could not be read, so the header is refused rather than the disagreement missed
src = open(os.path.join(HERE, "..", "snv", "snpeff-kras-disagrees.vcf")).read()
with open(os.path.join(HERE, "ann-declared-integer.vcf"), "w") as f:
    f.write(src.replace("##INFO=<ID=ANN,", '##INFO=<ID=ANN,Number=2,Type=Integer,Description="Counts">\n##INFO=<ID=ANN,', 1))

# a NUL byte in a header line (it used to change which sample was read)
with open(os.path.join(HERE, "nul-in-header.vcf"), "wb") as f:
    f.write(header(END_INT, samples="NORMAL\tTUMOR").replace("##source=", "##sou\0rce=").encode()
            + (SEG % "END=39800000").replace("0/1:9", "0/1:2\t0/1:9").encode())
