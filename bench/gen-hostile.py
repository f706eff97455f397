#!/usr/bin/env python3
"""gen-hostile.py SHAPE [N] - the shapes that once made mcrc-report grow to gigabytes (issue 13), on stdout.

  many-alleles N    ten records at KRAS G12 (GRCh38 chr12:25245350), each with N distinct ALT alleles [40000]
  duplicates N      N copies of one KRAS G12D record [200000]
  symbolic N        ten records at KRAS G12, each with N symbolic ALT alleles (<DEL:ME:n>) [40000]
  erbb2-copies N    N copies of one ERBB2 amplification record (FORMAT/CN 12) [200000]
All but the last are small-variant files (FORMAT/AD and DP) of one tumour sample on GRCh38.
"""
import itertools, sys

def header(out, cn=False):
    out.write("##fileformat=VCFv4.2\n##contig=<ID=chr12,length=133275309>\n##contig=<ID=chr17,length=83257441>\n")
    if cn:
        out.write('##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n')
        out.write('##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">\n')
    out.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
    out.write('##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n')
    out.write('##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
    out.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n")

def main():
    shape = sys.argv[1]
    out = sys.stdout
    header(out, cn=shape == "erbb2-copies")
    if shape == "many-alleles":
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
        for r in range(10):
            alts = []
            for k in itertools.count(1):     # C followed by every base string of length 1, 2, ...
                for t in itertools.product("ACGT", repeat=k):
                    alts.append("C" + "".join(t))
                    if len(alts) == n - 3: break
                if len(alts) == n - 3: break
            alts = ["T", "A", "G"] + alts
            ad = ",".join(["1000"] + ["1"] * (len(alts) - 1) + ["300"])
            out.write("chr12\t25245350\t.\tC\t%s\t.\tPASS\t.\tGT:AD:DP\t0/1:%s:%d\n" % (",".join(alts[:-1] + [alts[-1]]), ad, 1000 + len(alts) + 300))
    elif shape == "duplicates":
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
        line = "chr12\t25245350\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:700,300:1000\n"
        for _ in range(n): out.write(line)
    elif shape == "symbolic":
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
        alts = ",".join("<DEL:ME:%d>" % k for k in range(n))
        for r in range(10):
            out.write("chr12\t25245350\t.\tC\t%s\t.\tPASS\t.\tGT:DP\t0/1:1000\n" % alts)
    elif shape == "erbb2-copies":
        n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
        line = "chr17\t39600001\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:12\n"
        for _ in range(n): out.write(line)
    else:
        sys.exit(__doc__)

main()
