#!/usr/bin/env python3
"""damage_index.py - damaged and foreign .tbi/.csi indexes for the fail-closed tests (tests/failclosed-index.sh).

Usage: damage_index.py DIR
Writes into DIR a base file (base.vcf.gz with .tbi, base.bcf with .csi: many records on chr1, chr7, chr12 and
chr17, with CN=9 over ERBB2 that starts before the gene), and for each kind of damage a copy of the data file with
a damaged index beside it: NAME.vcf.gz + NAME.vcf.gz.tbi (or NAME.bcf + .csi).  Index damage that the reader must
detect (offsets past the file, a short names list, bins that cannot address the contig, a maximal loffset), damage
that it must survive (emptied bins), and another file's index (same contigs, other offsets).  The expected outcome
for every one: the streamed file's statuses, or an error; never another definite status."""
import gzip, os, random, shutil, struct, subprocess, sys

D = sys.argv[1]
os.makedirs(D, exist_ok=True)
rng = random.Random(7)
CONTIGS = [("chr1", 248956422), ("chr7", 159345973), ("chr12", 133275309), ("chr17", 83257441)]


def write_vcf(path, amp_cn, shift=0):
    with open(path, "w") as f:
        f.write("##fileformat=VCFv4.2\n")
        for c, l in CONTIGS:
            f.write("##contig=<ID=%s,length=%d>\n" % (c, l))
        f.write('##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n'
                '##ALT=<ID=DUP,Description="Duplication">\n##ALT=<ID=DEL,Description="Deletion">\n'
                '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n'
                '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">\n'
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n")
        for c, l in CONTIGS:
            pos = 100000 + shift
            while pos < 80000000:
                if c == "chr17" and pos >= 39400000 and pos < 39800000:
                    # the segment that starts before ERBB2 (39687914-39730426) and covers it
                    f.write("chr17\t39600000\tseg\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:%d\n" % amp_cn)
                    pos = 39800001
                    continue
                end = pos + rng.randrange(1000, 20000)
                f.write("%s\t%d\t.\tN\t<DEL>\t.\tPASS\tEND=%d\tGT:CN\t0/1:1\n" % (c, pos, end))
                pos = end + 1 + rng.randrange(10000, 60000)


def run(*a):
    subprocess.run(a, check=True)


write_vcf(D + "/base.vcf", 9)
run("bgzip", "-f", D + "/base.vcf")
run("tabix", "-f", "-p", "vcf", D + "/base.vcf.gz")
run("bcftools", "view", "-Ob", "-o", D + "/base.bcf", D + "/base.vcf.gz")
run("bcftools", "index", "-f", "-c", D + "/base.bcf")
# another file on the same contigs, records at other places: its index does not fit base's data
write_vcf(D + "/other.vcf", 2, shift=777)
run("bgzip", "-f", D + "/other.vcf")
run("tabix", "-f", "-p", "vcf", D + "/other.vcf.gz")
run("bcftools", "view", "-Ob", "-o", D + "/other.bcf", D + "/other.vcf.gz")
run("bcftools", "index", "-f", "-c", D + "/other.bcf")


def bgzf(data):
    p = subprocess.run(["bgzip", "-c"], input=bytes(data), stdout=subprocess.PIPE, check=True)
    return p.stdout


def parse_tbi(raw):
    """(prefix bytes up to the first sequence, [per sequence: list of (bin, [chunks]), [linear]])"""
    n_ref, = struct.unpack_from("<i", raw, 4)
    l_nm, = struct.unpack_from("<i", raw, 32)
    at = 36 + l_nm
    seqs = []
    for _ in range(n_ref):
        n_bin, = struct.unpack_from("<i", raw, at); at += 4
        bins = []
        for _ in range(n_bin):
            b, nc = struct.unpack_from("<Ii", raw, at); at += 8
            ch = [struct.unpack_from("<QQ", raw, at + 16 * j) for j in range(nc)]
            at += 16 * nc
            bins.append((b, ch))
        n_intv, = struct.unpack_from("<i", raw, at); at += 4
        lin = list(struct.unpack_from("<%dQ" % n_intv, raw, at)); at += 8 * n_intv
        seqs.append((bins, lin))
    return raw[:36 + l_nm], seqs, raw[at:]


def write_tbi(prefix, seqs, tail):
    out = bytearray(prefix)
    for bins, lin in seqs:
        out += struct.pack("<i", len(bins))
        for b, ch in bins:
            out += struct.pack("<Ii", b, len(ch))
            for c in ch:
                out += struct.pack("<QQ", *c)
        out += struct.pack("<i", len(lin))
        out += struct.pack("<%dQ" % len(lin), *lin)
    return out + tail


def parse_csi(raw):
    min_shift, depth, l_aux = struct.unpack_from("<iii", raw, 4)
    at = 16 + l_aux
    n_ref, = struct.unpack_from("<i", raw, at); at += 4
    seqs = []
    for _ in range(n_ref):
        n_bin, = struct.unpack_from("<i", raw, at); at += 4
        bins = []
        for _ in range(n_bin):
            b, loff, nc = struct.unpack_from("<IQi", raw, at); at += 16
            ch = [struct.unpack_from("<QQ", raw, at + 16 * j) for j in range(nc)]
            at += 16 * nc
            bins.append((b, loff, ch))
        seqs.append(bins)
    return raw[:16 + l_aux + 4], seqs, raw[at:]


def write_csi(prefix, seqs, tail):
    out = bytearray(prefix)
    for bins in seqs:
        out += struct.pack("<i", len(bins))
        for b, loff, ch in bins:
            out += struct.pack("<IQi", b, loff, len(ch))
            for c in ch:
                out += struct.pack("<QQ", *c)
    return out + tail


def emit(name, ext, data_src, index_bytes):
    data = D + "/" + name + ext
    shutil.copyfile(data_src, data)
    with open(data + (".tbi" if ext == ".vcf.gz" else ".csi"), "wb") as f:
        f.write(index_bytes)


tbi = gzip.decompress(open(D + "/base.vcf.gz.tbi", "rb").read())
csi = gzip.decompress(open(D + "/base.bcf.csi", "rb").read())
size_vcf = os.path.getsize(D + "/base.vcf.gz")
size_bcf = os.path.getsize(D + "/base.bcf")
PSEUDO = 37450

# TBI: every offset moved past the file's end
pre, seqs, tail = parse_tbi(tbi)
far = (size_vcf + 1000) << 16
moved = [([(b, [(c0 + far, c1 + far) for c0, c1 in ch] if b != PSEUDO else ch) for b, ch in bins], [x + far for x in lin]) for bins, lin in seqs]
emit("tbi-past-end", ".vcf.gz", D + "/base.vcf.gz", bgzf(write_tbi(pre, moved, tail)))
# TBI: the bins emptied (chunks dropped, the pseudo-bin kept), linear index kept
emptied = [([(b, ch if b == PSEUDO else []) for b, ch in bins], lin) for bins, lin in seqs]
emit("tbi-emptied-bins", ".vcf.gz", D + "/base.vcf.gz", bgzf(write_tbi(pre, emptied, tail)))
# TBI: the bins and the linear index of every sequence emptied
bare = [([(b, ch) for b, ch in bins if b == PSEUDO], []) for bins, lin in seqs]
emit("tbi-emptied-all", ".vcf.gz", D + "/base.vcf.gz", bgzf(write_tbi(pre, bare, tail)))
# TBI: a names list shorter than n_ref says (the last name cut off)
l_nm, = struct.unpack_from("<i", tbi, 32)
names = tbi[36:36 + l_nm]
cut = names[:names.rstrip(b"\0").rfind(b"\0") + 1]
short = bytearray(tbi[:32]) + struct.pack("<i", len(cut)) + cut + tbi[36 + l_nm:]
emit("tbi-short-names", ".vcf.gz", D + "/base.vcf.gz", bgzf(short))
# TBI of another file with the same contigs
emit("tbi-other-file", ".vcf.gz", D + "/base.vcf.gz", open(D + "/other.vcf.gz.tbi", "rb").read())

# CSI: min_shift and depth that cannot address the contigs
bad = bytearray(csi); struct.pack_into("<ii", bad, 4, 10, 2)
emit("csi-shallow", ".bcf", D + "/base.bcf", bgzf(bad))
# CSI: a maximal loffset on every bin
pre, seqs, tail = parse_csi(csi)
maxl = [[(b, 0xFFFFFFFFFFFFFFFF if b != PSEUDO else loff, ch) for b, loff, ch in bins] for bins in seqs]
emit("csi-max-loffset", ".bcf", D + "/base.bcf", bgzf(write_csi(pre, maxl, tail)))
# CSI: bins emptied (loffsets kept)
emptied = [[(b, loff, ch if b == PSEUDO else []) for b, loff, ch in bins] for bins in seqs]
emit("csi-emptied-bins", ".bcf", D + "/base.bcf", bgzf(write_csi(pre, emptied, tail)))
# CSI: every bin of every sequence dropped but the pseudo-bins
bare = [[x for x in bins if x[0] == PSEUDO] for bins in seqs]
emit("csi-emptied-all", ".bcf", D + "/base.bcf", bgzf(write_csi(pre, bare, tail)))
# CSI of another file
emit("csi-other-file", ".bcf", D + "/base.bcf", open(D + "/other.bcf.csi", "rb").read())


# every bin renumbered to its neighbour at the same level (one bit or one step of damage that keeps the index
# well-formed): the index then places each record in the window beside its own, so a region's bins come back
# empty or start late; the reader must find the records anyway (flip seed 424242 found this on a BCF)
def neighbour(b, step):
    first = 0
    for lv in range(6):
        nxt = first + (1 << (3 * lv))
        if first <= b < nxt:
            return b + step if first <= b + step < nxt else b - step if first <= b - step < nxt else b
        first = nxt
    return b


for step, tag in ((1, "up"), (-1, "down")):
    pre, seqs, tail = parse_tbi(tbi)
    moved = [([(b if b == PSEUDO else neighbour(b, step), ch) for b, ch in bins], lin) for bins, lin in seqs]
    emit("tbi-renumbered-" + tag, ".vcf.gz", D + "/base.vcf.gz", bgzf(write_tbi(pre, moved, tail)))
    pre, seqs, tail = parse_csi(csi)
    moved = [[(b if b == PSEUDO else neighbour(b, step), loff, ch) for b, loff, ch in bins] for bins in seqs]
    emit("csi-renumbered-" + tag, ".bcf", D + "/base.bcf", bgzf(write_csi(pre, moved, tail)))

# the index of this file made without its chr17 records (all of them, the ERBB2 segment too): it names no chr17, or
# (BCF, whose header lists the contigs) has nothing for it; ERBB2 is still read, never taken as an empty contig
with gzip.open(D + "/base.vcf.gz", "rt") as f, open(D + "/no17.vcf", "w") as g:
    g.writelines(ln for ln in f if not ln.startswith("chr17\t"))
run("bgzip", "-f", D + "/no17.vcf")
run("tabix", "-f", "-p", "vcf", D + "/no17.vcf.gz")
run("tabix", "-f", "-C", "-p", "vcf", D + "/no17.vcf.gz")
run("bcftools", "view", "-Ob", "-o", D + "/no17.bcf", D + "/no17.vcf.gz")
run("bcftools", "index", "-f", "-c", D + "/no17.bcf")
emit("tbi-without-chr17", ".vcf.gz", D + "/base.vcf.gz", open(D + "/no17.vcf.gz.tbi", "rb").read())
shutil.copyfile(D + "/base.vcf.gz", D + "/csi-text-without-chr17.vcf.gz")
shutil.copyfile(D + "/no17.vcf.gz.csi", D + "/csi-text-without-chr17.vcf.gz.csi")
emit("csi-without-chr17", ".bcf", D + "/base.bcf", open(D + "/no17.bcf.csi", "rb").read())

# a real small-variant file (Illumina Pisces, testdata/illumina_pisces, NRAS mutant): its point records sit in one
# 16 kb bin; renumbered, the NRAS region's bins are empty and the neighbour's chunk ends at the file's end
PISCES = os.path.join(os.path.dirname(__file__), "..", "..", "testdata", "illumina_pisces", "small_S14.genome.vcf")
run("bcftools", "view", "-Ob", "-o", D + "/pisces.bcf", PISCES)
run("bcftools", "index", "-f", "-c", D + "/pisces.bcf")
run("bcftools", "view", "-Oz", "-o", D + "/pisces.vcf.gz", PISCES)
run("tabix", "-f", "-p", "vcf", D + "/pisces.vcf.gz")
pcsi = gzip.decompress(open(D + "/pisces.bcf.csi", "rb").read())
ptbi = gzip.decompress(open(D + "/pisces.vcf.gz.tbi", "rb").read())
for step, tag in ((1, "up"), (-1, "down")):
    pre, seqs, tail = parse_csi(pcsi)
    moved = [[(b if b == PSEUDO else neighbour(b, step), loff, ch) for b, loff, ch in bins] for bins in seqs]
    emit("pisces-csi-renumbered-" + tag, ".bcf", D + "/pisces.bcf", bgzf(write_csi(pre, moved, tail)))
    pre, seqs, tail = parse_tbi(ptbi)
    moved = [([(b if b == PSEUDO else neighbour(b, step), ch) for b, ch in bins], lin) for bins, lin in seqs]
    emit("pisces-tbi-renumbered-" + tag, ".vcf.gz", D + "/pisces.vcf.gz", bgzf(write_tbi(pre, moved, tail)))
# the index of another file: the same MuSE records without the NRAS call, compressed by bgzip (header and records in
# one block), beside this file compressed by bcftools (the header in blocks of its own): its offsets fall in this
# file's header (flip seed 777 found the reader skipping every start and calling the region empty)
MUSE = os.path.join(os.path.dirname(__file__), "..", "..", "testdata", "vcf2maf", "test_muse.vcf")
with open(MUSE) as f, open(D + "/muse-no-nras.vcf", "w") as g:
    g.writelines(ln for ln in f if not ln.startswith("1\t115258745\t"))
run("bgzip", "-f", D + "/muse-no-nras.vcf")
run("tabix", "-f", "-p", "vcf", D + "/muse-no-nras.vcf.gz")
run("bcftools", "view", "-Oz", "-o", D + "/muse-other-index.vcf.gz", MUSE)
shutil.copyfile(D + "/muse-no-nras.vcf.gz.tbi", D + "/muse-other-index.vcf.gz.tbi")

# the index of the same records under a shorter header: every offset points into this file's header
with open(PISCES) as f:
    lines = f.readlines()
nh = sum(1 for ln in lines if ln.startswith("##"))
with open(D + "/pisces-long.vcf", "w") as g:
    g.writelines(lines[:nh] + ["##comment=padding %05d %s\n" % (i, "x" * 60) for i in range(1500)] + lines[nh:])
run("bgzip", "-f", D + "/pisces-long.vcf")
shutil.copyfile(D + "/pisces-long.vcf.gz", D + "/pisces-tbi-short-header.vcf.gz")
shutil.copyfile(D + "/pisces.vcf.gz.tbi", D + "/pisces-tbi-short-header.vcf.gz.tbi")
