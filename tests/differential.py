#!/usr/bin/env python3
"""differential.py - nothing lost: mcrc-report finds exactly the records bcftools finds.

usage: differential.py BIN WORKDIR [N_FILES]
Writes N random VCFs (seeded, so the same every run): GRCh37 or GRCh38, "chr17" or "17" naming, copy-number
segments (<DUP>/<DEL> with END, some starting far before a gene and ending inside or after it) and small
variants, many within a few bases of a gene's edges.  Each file is run through mcrc-report --dump-records as
VCF, VCF.gz, indexed VCF.gz, BCF, indexed BCF and through a pipe, and compared with
`bcftools view -H -R genes.bed` (record overlap) on the indexed VCF.gz.  Prints PASS/FAIL lines and
"N passed, N failed".  Small variants avoid the coding bases (their random REF would rightly be refused).
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
LEN = {"GRCh37": {"1": 249250621, "7": 159138663, "12": 133851895, "17": 81195210},
       "GRCh38": {"1": 248956422, "7": 159345973, "12": 133275309, "17": 83257441}}
ORDER = ["1", "7", "12", "17"]


def read_tsv(name):
    with open(os.path.join(TOP, "annotations", name)) as fh:
        return [l.rstrip("\n").split("\t") for l in fh if not l.startswith("#")]


GENES = {}
for f in read_tsv("genes.tsv"):
    GENES.setdefault(f[1], []).append((f[0], f[2], int(f[3]), int(f[4])))
CDS = {}
for f in read_tsv("cds_exons.tsv"):
    CDS.setdefault(f[1], []).append((f[3], int(f[6]) - 2, int(f[7]) + 2))


def in_cds(build, chrom, pos, ref_len):
    return any(c == chrom and pos <= e and pos + ref_len - 1 >= s for c, s, e in CDS.get(build, []))


def make_vcf(rng, path):
    build = rng.choice(["GRCh37", "GRCh38"])
    pre = rng.choice(["chr", ""])
    recs = []
    for gene, chrom, start, end in GENES[build]:
        edges = [start, end]
        for _ in range(rng.randint(3, 12)):            # small variants near and inside the gene
            anchor = rng.choice(edges + [rng.randint(start, end)])
            pos = max(1, anchor + rng.randint(-6, 6))
            ref = "".join(rng.choice("ACGT") for _ in range(rng.choice([1, 1, 1, 2, 5])))
            if in_cds(build, chrom, pos, len(ref)):
                continue
            alt = rng.choice("ACGT") if len(ref) == 1 else ref[0]
            if alt == ref:
                alt = "T" if ref != "T" else "G"
            recs.append((chrom, pos, ref, alt, "."))
        for _ in range(rng.randint(0, 3)):             # copy-number segments around the gene
            s = rng.choice([start - rng.randint(1, 5_000_000), start + rng.randint(-3, 3), rng.randint(start, end)])
            e = rng.choice([s + rng.randint(1, 1000), end + rng.randint(-3, 3), start - 1, end + rng.randint(1, 5_000_000)])
            s = max(1, s)
            if e < s:
                e = s
            recs.append((chrom, s, "N", rng.choice(["<DUP>", "<DEL>"]), f"END={e}"))
    for _ in range(rng.randint(5, 20)):                # noise elsewhere on the same chromosomes
        chrom = rng.choice(ORDER)
        pos = rng.randint(1, LEN[build][chrom] - 10)
        ref = rng.choice("ACGT")
        if not in_cds(build, chrom, pos, 1):
            recs.append((chrom, pos, ref, "T" if ref != "T" else "C", "."))
    recs.sort(key=lambda r: (ORDER.index(r[0]), r[1]))
    with open(path, "w") as fh:
        fh.write("##fileformat=VCFv4.2\n")
        for c in ORDER:
            fh.write(f"##contig=<ID={pre}{c},length={LEN[build][c]}>\n")
        fh.write('##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n')
        fh.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n')
        fh.write('##ALT=<ID=DUP,Description="Duplication">\n##ALT=<ID=DEL,Description="Deletion">\n')
        fh.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n")
        for c, p, ref, alt, info in recs:
            fh.write(f"{pre}{c}\t{p}\t.\t{ref}\t{alt}\t.\tPASS\t{info}\tGT\t0/1\n")
    with open(path + ".genes.bed", "w") as fh:
        for gene, chrom, start, end in sorted(GENES[build], key=lambda g: (ORDER.index(g[1]), g[2])):
            fh.write(f"{pre}{chrom}\t{start - 1}\t{end}\n")
    return build


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def records(dump):
    with open(dump) as fh:
        return sorted(tuple(l.rstrip("\n").split("\t")[1:]) for l in fh)


def main(argv):
    binary, work = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 30
    os.makedirs(work, exist_ok=True)
    rng = random.Random(20261124)
    npass = nfail = 0
    for i in range(n):
        v = os.path.join(work, f"diff{i}.vcf")
        make_vcf(rng, v)
        gz, bcf = v + ".gz", v + ".bcf"
        idx_gz, idx_bcf = v + ".idx.vcf.gz", v + ".idx.bcf"
        with open(gz, "wb") as out:
            subprocess.run(["bgzip", "-c", v], stdout=out, check=True)
        subprocess.run(["cp", gz, idx_gz], check=True)
        subprocess.run(["tabix", "-f", "-p", "vcf", idx_gz], check=True)
        subprocess.run(["bcftools", "view", "--no-version", "-Ob", "-o", bcf, v], check=True)
        subprocess.run(["cp", bcf, idx_bcf], check=True)
        subprocess.run(["bcftools", "index", "-f", idx_bcf], check=True)
        want = sorted(tuple([l.split("\t")[0], l.split("\t")[1], l.split("\t")[3], l.split("\t")[4]])
                      for l in run(["bcftools", "view", "-H", "-R", v + ".genes.bed", idx_gz]).stdout.splitlines())
        want = sorted(set(want))
        forms = [("vcf", v), ("vcf.gz", gz), ("vcf.gz+tbi", idx_gz), ("bcf", bcf), ("bcf+csi", idx_bcf), ("pipe", "-")]
        for form, path in forms:
            dump = v + f".{form}.dump"
            cmd = [binary, "--no-version", "--dump-records", dump, "-o", "/dev/null", path]
            r = run(cmd, stdin=open(v)) if form == "pipe" else run(cmd)
            if r.returncode != 0:
                print(f"FAIL differential {i} [{form}]: exit {r.returncode}: {r.stderr.strip()[:200]}")
                nfail += 1
                continue
            got = sorted(set(records(dump)))
            if got == want:
                npass += 1
            else:
                print(f"FAIL differential {i} [{form}]: {len(got)} records, bcftools -R {len(want)}; "
                      f"only ours: {sorted(set(got) - set(want))[:3]} only bcftools: {sorted(set(want) - set(got))[:3]}")
                nfail += 1
    print(f"{npass} passed, {nfail} failed")
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
