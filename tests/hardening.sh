# hardening.sh - generated hostile inputs; sourced by run-tests.sh (uses pass/fail, BIN, OUT).
H=$OUT/hardening
mkdir -p "$H"
hdr() {   # a GRCh38 header with FORMAT/CN and the given sample columns
    printf '##fileformat=VCFv4.2\n##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr17,length=83257441>\n'
    printf '##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n##INFO=<ID=NOTE,Number=1,Type=String,Description="Note">\n'
    printf '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT'
    for s in "$@"; do printf '\t%s' "$s"; done
    printf '\n'
}
expect_status() {  # expect_status NAME FILE STATUS [OPTIONS...]
    local name=$1 f=$2 st=$3; shift 3
    "$BIN" --no-version "$@" -o "$H/$name.xml" "$f" 2> "$H/$name.err"; local rc=$?
    if [ $rc = 0 ] && grep -q "<biomarker gene=\"ERBB2\"[^>]*status=\"$st\"" "$H/$name.xml" \
       && xmllint --noout --schema schemas/report.xsd "$H/$name.xml" 2> /dev/null; then pass
    else fail "hardening $name: exit $rc, expected ERBB2 $st ($(head -c 200 "$H/$name.err"))"; fi
}
expect_error() {   # expect_error NAME FILE EXIT PATTERN [OPTIONS...]
    local name=$1 f=$2 want=$3 pat=$4; shift 4
    "$BIN" --no-version "$@" -o "$H/$name.xml" "$f" 2> "$H/$name.err"; local rc=$?
    if [ $rc = "$want" ] && [ ! -e "$H/$name.xml" ] && [ "$(wc -l < "$H/$name.err")" = 1 ] && grep -q -- "$pat" "$H/$name.err"; then pass
    else fail "hardening $name: exit $rc (want $want), message: $(head -c 200 "$H/$name.err")"; fi
}
AMP_REC='chr17\t39600001\t.\tN\t<DUP>\t.\tPASS\tEND=39800000'

# 10,000 samples, the tumour chosen with -s
{ hdr $(seq -f 'S%g' 1 10000); printf "$AMP_REC\tCN"; for i in $(seq 1 9999); do printf '\t2'; done; printf '\t12\n'; } > "$H/many-samples.vcf"
expect_status many-samples "$H/many-samples.vcf" amplified -s S10000
# a 10 MB INFO value on the ERBB2 record
{ hdr T; printf "$AMP_REC;NOTE="; head -c 10000000 /dev/zero | tr '\0' 'x'; printf '\tCN\t12\n'; } > "$H/huge-info.vcf"
expect_status huge-info "$H/huge-info.vcf" amplified
# a thousand ALT alleles on a small-variant record beside the amplification
{ hdr T; printf "$AMP_REC\tCN\t12\n"; printf 'chr17\t39700000\t.\tA\t'; for i in $(seq 1 1000); do printf 'C%s,' $(printf '%04d' $i | tr '0-9' 'ACGTACGTAC'); done | sed 's/,$//'; printf '\t.\tPASS\t.\tCN\t.\n'; } > "$H/many-alleles.vcf"
expect_status many-alleles "$H/many-alleles.vcf" amplified
# a contig missing from the header (htslib adds it), unsorted records, a duplicated record
{ hdr T | sed '/chr17/d'; printf "chr1\t5000\t.\tN\t<DEL>\t.\tPASS\tEND=9000\tCN\t1\n$AMP_REC\tCN\t12\n$AMP_REC\tCN\t12\nchr1\t100\t.\tN\t<DEL>\t.\tPASS\tEND=900\tCN\t1\n"; } > "$H/unsorted-dup-undeclared.vcf"
expect_status unsorted-dup-undeclared "$H/unsorted-dup-undeclared.vcf" amplified -g GRCh38
# invalid UTF-8 and control bytes in the sample name and an ID: escaped, never fatal
{ hdr "$(printf 'T\xff\xfe\x01')" ; printf "chr17\t39600001\t$(printf 'id\xc3\x28')\tN\t<DUP>\t.\tPASS\tEND=39800000\tCN\t12\n"; } > "$H/bad-utf8.vcf"
expect_status bad-utf8 "$H/bad-utf8.vcf" amplified
# a NUL byte in a record
{ hdr T; printf "chr17\t39600001\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tCN\t1\0002\n"; } > "$H/nul-byte.vcf"
expect_error nul-byte "$H/nul-byte.vcf" 2 'NUL byte'
# a symlink loop as the input path
ln -sfn "$H/loop-b" "$H/loop-a"; ln -sfn "$H/loop-a" "$H/loop-b"
expect_error symlink-loop "$H/loop-a" 2 'loop-a: cannot open: Too many levels of symbolic links'
# an output path whose directory does not exist
"$BIN" -o "$H/no/such/dir/r.xml" testdata/cnv/cn-amp-grch38-chr.vcf 2> "$H/nodir.err"; rc=$?
if [ $rc = 3 ] && [ ! -e "$H/no" ] && grep -q 'cannot create the report' "$H/nodir.err"; then pass; else fail "hardening no-output-dir: exit $rc"; fi
# killed mid-run: no report appears (a 1M-record stream takes long enough to interrupt)
if [ -x bench/work/gen-vcf ] || cc -O2 -o "$H/gen-vcf" bench/gen-vcf.c 2> /dev/null; then
    gen=$H/gen-vcf; [ -x "$gen" ] || gen=bench/work/gen-vcf
    "$gen" 1000000 1 annotations/cds_exons.tsv > "$H/big.vcf"
    "$BIN" --parse-all -o "$H/killed.xml" "$H/big.vcf" 2> /dev/null & pid=$!
    sleep 0.3; kill -9 $pid 2> /dev/null; wait $pid 2> /dev/null
    if [ ! -e "$H/killed.xml" ]; then pass; else fail "hardening: a report appeared after kill -9"; fi
    "$BIN" --parse-all -o "$H/killed.xml" "$H/big.vcf" 2> /dev/null & pid=$!
    sleep 0.3; kill -TERM $pid 2> /dev/null; wait $pid 2> /dev/null
    if [ ! -e "$H/killed.xml" ]; then pass; else fail "hardening: a report appeared after SIGTERM"; fi
    rm -f "$H/big.vcf"
fi

# a BCF whose compressed data is damaged in the middle
bcftools view --no-version -Ob -o "$H/good.bcf" testdata/snv/hotspots-grch38.vcf 2> /dev/null
python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); n=len(d)
for i in range(n//2, n//2+40): d[i]^=0x5a
open(sys.argv[2],'wb').write(d)" "$H/good.bcf" "$H/corrupt-block.bcf"
expect_error corrupt-bcf-block "$H/corrupt-block.bcf" 2 'corrupt'
# absurd, infinite and non-numeric values on gene records
{ hdr T; printf "chr17\t39600001\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tCN\t1000000\n"; } > "$H/huge-cn.vcf"
expect_error huge-cn "$H/huge-cn.vcf" 2 'implausible copy number'
{ hdr T | sed "s/ID=NOTE,Number=1,Type=String/ID=CN,Number=1,Type=Float/"; printf "chr17\t39600001\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=inf\tCN\t.\n"; } > "$H/inf-cn.vcf"
expect_error inf-cn "$H/inf-cn.vcf" 2 'INFO/CN is not a number'
{ printf '##fileformat=VCFv4.2\n##contig=<ID=chr12,length=133275309>\n##FORMAT=<ID=AF,Number=A,Type=Float,Description="AF">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="AD">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\n'; printf 'chr12\t25245350\t.\tC\tT\t.\tPASS\t.\tAF:AD\tabc:10,x\n'; } > "$H/non-numeric-af-ad.vcf"
expect_error non-numeric-af-ad "$H/non-numeric-af-ad.vcf" 2 'chr12:25245350'
# contigs named in no way we know: nothing can be said about the genes
{ printf '##fileformat=VCFv4.2\n##contig=<ID=seqA,length=1000000>\n##FORMAT=<ID=CN,Number=1,Type=Integer,Description="CN">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\nseqA\t100\t.\tN\t<DUP>\t.\tPASS\tEND=900\tCN\t9\n'; } > "$H/unknown-naming.vcf"
expect_status unknown-naming "$H/unknown-naming.vcf" not-assessed
# a directory where a file should be
expect_error directory-input "$H" 2 'is a directory'

# ---- BCF streamed: the fast path (records looked at in place, only candidates decoded) against --parse-all ----
# Generated files: records on the genes' chromosomes before and after the genes, <DUP>/<DEL> with END starting far
# before ERBB2, SVLEN-only records (VCF 4.4), INFO and FORMAT values long enough that records cross BGZF's 64 KB
# blocks, then damaged copies.  Every run must give what --parse-all gives: the same report bytes, or the same
# one-line error and no report.
python3 - "$H" <<'PY'
import random, sys
h = sys.argv[1]
rng = random.Random(7)
CONTIGS = [("chr1", 248956422), ("chr2", 242193529), ("chr7", 159345973), ("chr12", 133275309), ("chr17", 83257441)]
def header(out, v44=False):
    out.write("##fileformat=VCFv4.%s\n" % ("4" if v44 else "2"))
    for c, l in CONTIGS:
        out.write("##contig=<ID=%s,length=%d>\n" % (c, l))
    if not v44:
        out.write('##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n')
    out.write('##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length">\n')
    out.write('##INFO=<ID=NOTE,Number=1,Type=String,Description="Note">\n##INFO=<ID=DB,Number=0,Type=Flag,Description="Flag">\n')
    out.write('##FILTER=<ID=q10,Description="Low quality">\n')
    out.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number">\n')
    out.write('##FORMAT=<ID=FT,Number=1,Type=String,Description="Free text">\n')
    out.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n")
def rec(out, chrom, pos, ref="A", alt="G", info=".", cn=".", ft=None, flt="PASS", ident="."):
    fmt, val = ("GT:CN", "0/1:%s" % cn) if ft is None else ("GT:CN:FT", "0/1:%s:%s" % (cn, ft))
    out.write("%s\t%d\t%s\t%s\t%s\t30\t%s\t%s\t%s\t%s\n" % (chrom, pos, ident, ref, alt, flt, info, fmt, val))
def note(n):
    return "".join(rng.choice("ACGT") for _ in range(n))
# around the genes: before, after, reaching in by END or by REF length, symbolic alleles far away
with open(h + "/bcf-around-genes.vcf", "w") as out:
    header(out)
    for p in range(1000, 2000000, 97331): rec(out, "chr1", p, flt=rng.choice(["PASS", "q10", "."]), info=rng.choice([".", "DB", "NOTE=x"]))
    rec(out, "chr1", 114700000); rec(out, "chr1", 114704460, ref="ACGTACGTACG", alt="A")   # REF reaches NRAS
    rec(out, "chr1", 114716895); rec(out, "chr1", 200000000, ref="N", alt="<DEL>", info="END=200500000", cn=1)
    for p in range(5000, 200000000, 3999999): rec(out, "chr2", p, alt="G,T", ident="rs%d" % p)
    rec(out, "chr2", 100000000, ref="N", alt="<DUP>", info="END=120000000", cn=5)
    rec(out, "chr7", 140000000); rec(out, "chr7", 140924930, ref="C", alt="<INS>")
    rec(out, "chr12", 25000000); rec(out, "chr12", 25250937); rec(out, "chr12", 60000001, ref="N", alt="<DEL>", info="END=61000000", cn=1)
    rec(out, "chr17", 10000001, ref="N", alt="<DEL>", info="END=11000000", cn=1)
    rec(out, "chr17", 30000001, ref="N", alt="<DUP>", info="END=39800000", cn=12)     # 9.7 Mb before ERBB2, into it
    rec(out, "chr17", 39687913); rec(out, "chr17", 39730427, alt="<DEL>", info="SVLEN=-5")
    rec(out, "chr17", 60000001, ref="N", alt="<DUP>", info="END=61000000", cn=3)
    for p in range(61000001, 83000000, 1999999): rec(out, "chr17", p, info="DB")
# VCF 4.4: SVLEN and no END, so the BCF record's rlen is 1 and only its symbolic ALT makes it a candidate
with open(h + "/bcf-svlen-only.vcf", "w") as out:
    header(out, v44=True)
    rec(out, "chr2", 1000000, ref="N", alt="<DEL>", info="SVLEN=1000", cn=1)
    rec(out, "chr17", 10000000, ref="N", alt="<DEL>", info="SVLEN=1000000", cn=1)
    rec(out, "chr17", 39000000, ref="N", alt="<DUP>", info="SVLEN=800000", cn=12)
    rec(out, "chr17", 41000000, ref="N", alt="<DUP>", info="SVLEN=1000", cn=3)
# long INFO and FORMAT values: shared parts that straddle blocks, FORMAT parts that span several
with open(h + "/bcf-long-records.vcf", "w") as out:
    header(out)
    pos = {"chr2": 1000, "chr17": 1000}
    for i in range(400):
        c = rng.choice(["chr2", "chr2", "chr17"])
        pos[c] += rng.randint(1, 90000)
        if c == "chr17" and 39000000 < pos[c] < 40000000: pos[c] = 40000001
        kind = rng.random()
        info = "NOTE=" + note(rng.randint(2000, 40000)) if kind < 0.4 else "DB"
        ft = note(rng.randint(70000, 150000)) if 0.4 <= kind < 0.5 else None
        rec(out, c, pos[c], info=info, ft=ft)
        if i == 200:
            rec(out, "chr17", 39600001, ref="N", alt="<DUP>", info="END=39800000;NOTE=" + note(50000), cn=12, ft=note(80000))
            pos["chr17"] = 40000001
PY
bcf_same() {   # bcf_same NAME FILE [OPTIONS...]: the fast path and --parse-all agree (status, message, report bytes)
    local name=$1 f=$2; shift 2
    rm -f "$H/$name.fast.xml" "$H/$name.plain.xml"
    "$BIN" --no-version "$@" -o "$H/$name.fast.xml" "$f" 2> "$H/$name.fast.err"; local rc=$?
    "$BIN" --no-version --parse-all "$@" -o "$H/$name.plain.xml" "$f" 2> "$H/$name.plain.err"; local rcp=$?
    if [ $rc != $rcp ]; then fail "hardening $name: exit $rc, --parse-all $rcp ($(head -c 200 "$H/$name.fast.err") / $(head -c 200 "$H/$name.plain.err"))"
    elif ! cmp -s "$H/$name.fast.err" "$H/$name.plain.err"; then fail "hardening $name: messages differ from --parse-all's"; diff "$H/$name.fast.err" "$H/$name.plain.err" | head -5
    elif [ $rc = 0 ] && ! cmp -s "$H/$name.fast.xml" "$H/$name.plain.xml"; then fail "hardening $name: report differs from --parse-all's"
    elif [ $rc != 0 ] && { [ -e "$H/$name.fast.xml" ] || [ "$(wc -l < "$H/$name.fast.err")" != 1 ]; }; then fail "hardening $name: expected one error line and no report"
    else pass; fi
}
bcf_like_vcf() {   # bcf_like_vcf NAME VCF BCF [OPTIONS...]: the BCF's report is the VCF's but for the <input> lines
    local name=$1 v=$2 b=$3; shift 3
    "$BIN" --no-version "$@" -o "$H/$name.vcf.xml" "$v" 2> /dev/null
    "$BIN" --no-version "$@" -o "$H/$name.bcf.xml" "$b" 2> "$H/$name.bcf.err"; local rc=$?
    if [ $rc = 0 ] && diff <(grep -v '<input id=' "$H/$name.vcf.xml") <(grep -v '<input id=' "$H/$name.bcf.xml") > /dev/null; then pass
    else fail "hardening $name: the BCF's report differs from the VCF's (exit $rc $(head -c 200 "$H/$name.bcf.err"))"; fi
}
for n in bcf-around-genes bcf-svlen-only bcf-long-records; do
    bcftools view --no-version -Ob -o "$H/$n.bcf" "$H/$n.vcf" 2> /dev/null
    expect_status "$n" "$H/$n.bcf" amplified
    bcf_same "$n" "$H/$n.bcf"
    bcf_same "$n-threads" "$H/$n.bcf" --threads 2
    bcf_like_vcf "$n" "$H/$n.vcf" "$H/$n.bcf"
done
grep -q '<biomarker gene="KRAS"' "$H/bcf-around-genes.xml" && pass || fail "hardening bcf-around-genes: no KRAS result"
# a record after ERBB2 whose END runs back over it: the error of the plain path, from the fast one
bcftools view --no-version -Ob -o "$H/end-before-pos.bcf" testdata/bad/end-before-pos.vcf 2> /dev/null
bcf_same end-before-pos "$H/end-before-pos.bcf"
grep -q 'end-before-pos.bcf: record 3: chr17:39800000: INFO/END (39600001) is before POS$' "$H/end-before-pos.fast.err" && pass \
    || fail "hardening end-before-pos.bcf: $(head -c 200 "$H/end-before-pos.fast.err")"
# the same records as uncompressed BCF, as plain gzip and through a pipe
bgzip -dc "$H/bcf-long-records.bcf" > "$H/long-u.bcf"      # bcftools -Ou writes BGZF, level 0
gzip -c "$H/long-u.bcf" > "$H/long-gz.bcf"
bcf_same long-uncompressed "$H/long-u.bcf"
bcf_same long-plain-gzip "$H/long-gz.bcf"
bcf_same long-plain-gzip-threads "$H/long-gz.bcf" --threads 2
bcf_like_vcf long-uncompressed "$H/bcf-long-records.vcf" "$H/long-u.bcf"
bcf_like_vcf long-plain-gzip "$H/bcf-long-records.vcf" "$H/long-gz.bcf"
"$BIN" --no-version - < "$H/bcf-long-records.bcf" > "$H/long-pipe.xml" 2> /dev/null
if diff <(grep -v '<input id=' "$H/long-pipe.xml") <(grep -v '<input id=' "$H/bcf-long-records.fast.xml") > /dev/null; then pass; else fail "hardening: BCF through a pipe differs"; fi

# a synthetic whole genome (bench/gen-vcf): the fast path finds exactly the records --parse-all finds
if [ -n "${gen:-}" ] && [ -x "$gen" ]; then
    "$gen" 300000 1 annotations/cds_exons.tsv | bcftools view --no-version -Ob -o "$H/genome.bcf" 2> /dev/null
    "$BIN" --no-version --dump-records "$H/genome.fast.tsv" -o /dev/null "$H/genome.bcf" 2> /dev/null
    "$BIN" --no-version --parse-all --dump-records "$H/genome.plain.tsv" -o /dev/null "$H/genome.bcf" 2> /dev/null
    if [ -s "$H/genome.plain.tsv" ] && cmp -s "$H/genome.fast.tsv" "$H/genome.plain.tsv"; then pass
    else fail "hardening genome.bcf: the fast path found other records than --parse-all"; fi
    rm -f "$H/genome.bcf"
fi

# damaged copies, made from the uncompressed BCF and compressed again
python3 - "$H" <<'PY'
import struct, subprocess, sys
h = sys.argv[1]
def records(raw):   # offsets of each record in an uncompressed BCF, and its two lengths
    at = 5 + 4 + struct.unpack_from("<I", raw, 5)[0]
    out = []
    while at < len(raw):
        ls, li = struct.unpack_from("<II", raw, at)
        out.append((at, ls, li))
        at += 8 + ls + li
    return out
def chrom_pos(raw, r):
    rid, pos = struct.unpack_from("<iI", raw, r[0] + 8)
    return rid, pos + 1
def bgzip(name, data):
    open(h + "/" + name + ".raw", "wb").write(data)
    subprocess.run("bgzip -c %s/%s.raw > %s/%s" % (h, name, h, name), shell=True, check=True)
def uncompressed(name):
    return bytearray(subprocess.run(["bgzip", "-dc", "%s/%s.bcf" % (h, name)], check=True, stdout=subprocess.PIPE).stdout)
raw = uncompressed("bcf-around-genes")
recs = records(raw)
# the ID's type byte made int8: htslib refuses the record (BCF_ERR_TAG_INVALID), the fast path steps over it
# when it is far from the genes (chr2, contig id 1) and hands it to bcf_read() when it is the ERBB2 record
far = next(r for r in recs if chrom_pos(raw, r)[0] == 1)
bad = bytearray(raw); bad[far[0] + 8 + 24] = 0x01; bgzip("bad-id-far.bcf", bad)
erbb2 = next(r for r in recs if chrom_pos(raw, r) == (4, 30000001))
bad = bytearray(raw); bad[erbb2[0] + 8 + 24] = 0x01; bgzip("bad-id-erbb2.bcf", bad)
bad = bytearray(raw); struct.pack_into("<i", bad, far[0] + 8, 99); bgzip("bad-contig-id.bcf", bad)
# cut short: inside a FORMAT part that spans blocks (a record stepped over), inside a shared part, inside
# the fixed fields; each recompressed with a BGZF end-of-file marker
raw = uncompressed("bcf-long-records")
recs = records(raw)
big_fmt = [r for r in recs if r[2] > 70000 and chrom_pos(raw, r)[0] == 1]
r = big_fmt[len(big_fmt) // 2]
bgzip("cut-format.bcf", raw[:r[0] + 8 + r[1] + r[2] // 2])
big_info = [r for r in recs if r[1] > 20000]
r = big_info[len(big_info) // 2]
bgzip("cut-shared.bcf", raw[:r[0] + 8 + r[1] // 2])
bgzip("cut-fixed.bcf", raw[:recs[-1][0] + 12])
PY
# a damaged record far from the genes: the fast path looks at every record's typed values in place (its
# structure), so it refuses the record as --parse-all does -- a record that was not understood never stands
# under a report (the old fast path stepped over it and reported the undamaged file's statuses)
bcf_same bad-id-far "$H/bad-id-far.bcf"
expect_error bad-id-far-parse-all "$H/bad-id-far.bcf" 2 'bad-id-far.bcf: record [0-9]*: the BCF data is truncated or corrupt$' --parse-all
# the same damage on the record that reaches ERBB2, an unknown contig id, and data cut short: both paths fail alike
for n in bad-id-erbb2 bad-contig-id cut-format cut-shared cut-fixed; do
    bcf_same "$n" "$H/$n.bcf"
    grep -q "$n.bcf: record [0-9]*: the BCF data is truncated or corrupt$" "$H/$n.fast.err" && pass || fail "hardening $n: $(head -c 200 "$H/$n.fast.err")"
done
# cut short with no BGZF end-of-file marker: refused up front as a file, read until it breaks through a pipe
head -c "$(( $(wc -c < "$H/bcf-long-records.bcf") / 2 ))" "$H/bcf-long-records.bcf" > "$H/cut-noeof.bcf"
bcf_same cut-noeof "$H/cut-noeof.bcf"
grep -q 'end-of-file marker is missing' "$H/cut-noeof.fast.err" && pass || fail "hardening cut-noeof: $(head -c 200 "$H/cut-noeof.fast.err")"
for o in "" --parse-all; do
    rm -f "$H/cut-pipe.xml"
    "$BIN" --no-version $o -o "$H/cut-pipe.xml" - < "$H/cut-noeof.bcf" 2> "$H/cut-pipe$o.err"; rc=$?
    if [ $rc = 2 ] && [ ! -e "$H/cut-pipe.xml" ] && [ "$(wc -l < "$H/cut-pipe$o.err")" = 1 ] \
       && grep -q '(standard input): record [0-9]*: the BCF data is truncated or corrupt$' "$H/cut-pipe$o.err"; then pass
    else fail "hardening cut-noeof through a pipe $o: exit $rc, $(head -c 200 "$H/cut-pipe$o.err")"; fi
done
cmp -s "$H/cut-pipe.err" "$H/cut-pipe--parse-all.err" && pass || fail "hardening cut-noeof through a pipe: messages differ from --parse-all's"
. tests/hostile-users.sh
