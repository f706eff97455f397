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
