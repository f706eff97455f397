# url-tests.sh - inputs named as htslib tools name them (sourced by run-tests.sh; uses pass/fail, BIN, OUT, TOP):
# a VCF.gz and its index served over HTTP by tests/url/serve.py on 127.0.0.1 must give the local file's report,
# fetching the index and the gene regions' blocks, not the file; FILE##idx##INDEX names the index, locally and
# remotely; a URL with no index is streamed; one that does not answer is an input error (exit 2, one line).
U=$OUT/url
mkdir -p "$U/run"
# the data: a synthetic whole-genome VCF.gz (bench/gen-vcf.c, 600,000 records, 14 MB), made once per tree
D=$TOP/tests/out/url-data
if [ ! -s "$D/big.vcf.gz.tbi" ] || [ bench/gen-vcf.c -nt "$D/big.vcf.gz" ]; then
    mkdir -p "$D" && rm -f "$D"/big*
    { cc -O2 -o "$D/gen-vcf" bench/gen-vcf.c && "$D/gen-vcf" 600000 7 annotations/cds_exons.tsv | bgzip -c > "$D/big.vcf.gz.tmp" \
      && mv "$D/big.vcf.gz.tmp" "$D/big.vcf.gz" && tabix -p vcf "$D/big.vcf.gz"; } > "$U/make.log" 2>&1 \
      || fail "url: making the test file failed ($(tail -1 "$U/make.log"))"
fi
cp "$D/big.vcf.gz" "$D/big.vcf.gz.tbi" "$U/"
small=testdata/umccr_vcf_stuff/test-varlociraptor-tumoronly.vcf.gz    # origin: testdata/SOURCES.md
cp "$small" "$U/noindex.vcf.gz"
cp "$D/big.vcf.gz.tbi" "$U/renamed.tbi"
touch "$U/renamed.tbi"
python3 tests/url/serve.py "$U" "$U/port" "$U/served.log" 2> "$U/serve.err" &
srv=$!
for _ in $(seq 50); do [ -s "$U/port" ] && break; sleep 0.1; done
P=$(cat "$U/port" 2> /dev/null)
url_same() {   # name xml [local xml]: the local report, but for the input's own line (path, size, checksum) and the time
    if diff <(grep -v '<input \|<time>' "${3:-$U/local.xml}") <(grep -v '<input \|<time>' "$2") > "$U/$1.diff"; then pass
    else fail "url: $1: the report differs from the local file's ($(head -c 300 "$U/$1.diff"))"; fi
}
url_access() { grep -o '<input [^>]*' "$1" | grep -o 'access="[a-z]*"' | cut -d'"' -f2; }
served() { awk -v f="$1" '$1 == f { s += $3 } END { print s + 0 }' "$U/served.log"; }
if [ -z "$P" ]; then
    fail "url: the test server did not start ($(head -c 200 "$U/serve.err"))"
else
    "$BIN" --no-version -o "$U/local.xml" "$U/big.vcf.gz" 2> "$U/local.err"
    [ "$(url_access "$U/local.xml")" = index ] && pass || fail "url: the local file was not read through its index"
    # 1. over HTTP, from a directory that holds no copy of the index (htslib must not look for one there)
    : > "$U/served.log"
    ( cd "$U/run" && "$BIN" --no-version -o "$U/http.xml" "http://127.0.0.1:$P/big.vcf.gz" ) 2> "$U/http.err"; rc=$?
    [ $rc = 0 ] && pass || fail "url: http: exit $rc ($(head -c 300 "$U/http.err"))"
    url_same http "$U/http.xml"
    [ "$(url_access "$U/http.xml")" = index ] && pass || fail "url: http: not read through the index"
    grep -q "path=\"http://127.0.0.1:$P/big.vcf.gz\"" "$U/http.xml" && pass || fail "url: http: the report does not name the URL"
    sleep 0.3   # the server logs a request when its connection closes
    size=$(stat -c %s "$U/big.vcf.gz"); got=$(served big.vcf.gz); gotidx=$(served big.vcf.gz.tbi)
    echo "INFO url: http: served $got of the data's $size bytes, and $gotidx bytes of the index"
    [ "$got" -gt 0 ] && [ "$got" -lt $((size / 4)) ] && pass || fail "url: http: $got of $size bytes of the data fetched (expected under a quarter: the index and the genes' blocks)"
    [ "$gotidx" -ge "$(stat -c %s "$U/big.vcf.gz.tbi")" ] && pass || fail "url: http: the index was not fetched ($gotidx bytes)"
    [ ! -e "$U/run/big.vcf.gz.tbi" ] && pass || fail "url: http: a copy of the index was saved in the working directory"
    # 2. FILE##idx##INDEX, local and remote
    "$BIN" --no-version -o "$U/idx-local.xml" "$U/big.vcf.gz##idx##$U/renamed.tbi" 2> "$U/idx-local.err"; rc=$?
    [ $rc = 0 ] && [ "$(url_access "$U/idx-local.xml")" = index ] && pass || fail "url: ##idx## local: exit $rc, access $(url_access "$U/idx-local.xml")"
    url_same idx-local "$U/idx-local.xml"
    ( cd "$U/run" && "$BIN" --no-version -o "$U/idx-http.xml" "http://127.0.0.1:$P/big.vcf.gz##idx##http://127.0.0.1:$P/renamed.tbi" ) 2> "$U/idx-http.err"; rc=$?
    [ $rc = 0 ] && [ "$(url_access "$U/idx-http.xml")" = index ] && pass || fail "url: ##idx## http: exit $rc, access $(url_access "$U/idx-http.xml") ($(head -c 200 "$U/idx-http.err"))"
    url_same idx-http "$U/idx-http.xml"
    "$BIN" --no-version -o "$U/idx-missing.xml" "$U/big.vcf.gz##idx##$U/nothere.tbi" 2> "$U/idx-missing.err"; rc=$?
    [ $rc = 2 ] && [ ! -e "$U/idx-missing.xml" ] && [ "$(wc -l < "$U/idx-missing.err")" = 1 ] && grep -q 'nothere.tbi' "$U/idx-missing.err" && pass \
        || fail "url: ##idx## naming a missing index: exit $rc ($(head -c 200 "$U/idx-missing.err"))"
    # 3. a URL with no index beside it is streamed, with the same result as the local file (a real Varlociraptor file)
    "$BIN" --no-version -o "$U/noidx-local.xml" "$U/noindex.vcf.gz" 2> /dev/null
    ( cd "$U/run" && "$BIN" --no-version -o "$U/noidx.xml" "http://127.0.0.1:$P/noindex.vcf.gz" ) 2> "$U/noidx.err"; rc=$?
    [ $rc = 0 ] && [ "$(url_access "$U/noidx.xml")" = stream ] && pass || fail "url: no index: exit $rc, access $(url_access "$U/noidx.xml")"
    url_same noidx "$U/noidx.xml" "$U/noidx-local.xml"
    # 4. a URL that is not there: exit 2, one line naming it, no report
    "$BIN" --no-version -o "$U/missing.xml" "http://127.0.0.1:$P/missing.vcf.gz" 2> "$U/missing.err"; rc=$?
    [ $rc = 2 ] && [ ! -e "$U/missing.xml" ] && [ "$(wc -l < "$U/missing.err")" = 1 ] && grep -q 'missing.vcf.gz' "$U/missing.err" && pass \
        || fail "url: missing: exit $rc ($(head -c 200 "$U/missing.err"))"
    # 5. a pre-signed URL's credentials (user:password@, ?query) reach neither the report, its command line, nor
    #    an error line; the file is still read (the server ignores the query)
    sec="http://reader:pw-SECRET1@127.0.0.1:$P/noindex.vcf.gz?X-Amz-Signature=SECRET2&X-Amz-Credential=SECRET3"
    ( cd "$U/run" && "$BIN" -o "$U/signed.xml" "$sec" ) 2> "$U/signed.err"; rc=$?
    [ $rc = 0 ] && grep -q 'path="http://REDACTED@127.0.0.1:[0-9]*/noindex.vcf.gz?REDACTED"' "$U/signed.xml" && grep -q '<command-line>' "$U/signed.xml" \
        && ! grep -q SECRET "$U/signed.xml" "$U/signed.err" && pass \
        || fail "url: pre-signed: exit $rc, $(grep -o 'SECRET[0-9]' "$U/signed.xml" "$U/signed.err" | sort -u | tr '\n' ' ')"
    "$BIN" --no-version -o "$U/signed-missing.xml" "${sec/noindex/missing}##idx##${sec/noindex.vcf.gz/missing.tbi}" 2> "$U/signed-missing.err"; rc=$?
    [ $rc = 2 ] && [ "$(wc -l < "$U/signed-missing.err")" = 1 ] && grep -q 'REDACTED' "$U/signed-missing.err" && ! grep -q SECRET "$U/signed-missing.err" && pass \
        || fail "url: pre-signed, missing: exit $rc ($(head -c 300 "$U/signed-missing.err"))"
    # 6. the same for --alignments (read over HTTP through its named index) and --segments (a table that is not there)
    cp testdata/alignments/kras_g12d_b37.bam "$U/k.bam"; cp testdata/alignments/kras_g12d_b37.bam.bai "$U/k.bam.bai"
    bam="http://reader:pw-SECRET1@127.0.0.1:$P/k.bam?X-Amz-Signature=SECRET2"
    ( cd "$U/run" && "$BIN" --no-version -o "$U/signed-bam.xml" --alignments "$bam##idx##${bam/k.bam/k.bam.bai}" "$TOP/testdata/alignments/kras_g12d_b37.vcf" ) 2> "$U/signed-bam.err"; rc=$?
    [ ! -e "$U/run/k.bam.bai" ] && pass || fail "url: --alignments over http: a copy of the index was saved in the working directory"
    [ $rc = 0 ] && grep -q '<alignments path="http://REDACTED@127.0.0.1:[0-9]*/k.bam?REDACTED##idx##http://REDACTED@' "$U/signed-bam.xml" \
        && ! grep -q SECRET "$U/signed-bam.xml" "$U/signed-bam.err" && pass \
        || fail "url: pre-signed --alignments: exit $rc ($(head -c 300 "$U/signed-bam.err"))"
    "$BIN" --no-version -g GRCh37 -o "$U/signed-seg.xml" --segments "${sec/noindex.vcf.gz/missing.cns}" 2> "$U/signed-seg.err"; rc=$?
    [ $rc = 2 ] && [ "$(wc -l < "$U/signed-seg.err")" = 1 ] && grep -q REDACTED "$U/signed-seg.err" && ! grep -q SECRET "$U/signed-seg.err" && pass \
        || fail "url: pre-signed --segments, missing: exit $rc ($(head -c 300 "$U/signed-seg.err"))"
fi
kill $srv 2> /dev/null; wait $srv 2> /dev/null
