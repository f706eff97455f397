# hostile-users.sh - issue 13: nothing lost, nothing reached, bounded; sourced by hardening.sh (pass, fail, BIN, H).
# Each block is a class of docs/reliability.md's table: what a hostile or careless user tried, and what must happen.
U=$H/users
rm -rf "$U"; mkdir -p "$U"
CNV=testdata/cnv/cn-amp-grch38-chr.vcf
one_error() {   # one_error NAME WANT_EXIT PATTERN ERRFILE RC: exactly one line, the exit code, the pattern
    local name=$1 want=$2 pat=$3 ef=$4 rc=$5
    if [ "$rc" = "$want" ] && [ "$(wc -l < "$ef")" = 1 ] && grep -q -- "$pat" "$ef"; then pass
    else fail "users $name: exit $rc (want $want): $(head -c 300 "$ef")"; fi
}
VG=""
# valgrind cannot run a sanitizer build (ASan must be first in the library list): skip it there
command -v valgrind > /dev/null && ! ldd "$BIN" 2> /dev/null | grep -q 'libasan\|libubsan' && VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"

# ---- never lose the user's data: an output that names something read is a usage error, nothing is written
cp "$CNV" "$U/in.vcf"; bgzip -c "$CNV" > "$U/in.vcf.gz"; tabix -p vcf "$U/in.vcf.gz"
ln -s in.vcf "$U/link-to-in.vcf"; mkdir -p "$U/kb"; cp annotations/knowledge-base.xml "$U/kb/"; cp schemas/report-html.xsl "$U/lab.xsl"
cp testdata/snv/grch38-chr12-kras.fa.gz* "$U/"
sums() { md5sum "$U/in.vcf" "$U/in.vcf.gz" "$U/in.vcf.gz.tbi" "$U/kb/knowledge-base.xml" "$U/lab.xsl" "$U/grch38-chr12-kras.fa.gz.fai"; }
before=$(sums)
n=0
while IFS='|' read -r opt target; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    $BIN --no-version $opt "$target" --kb "$U/kb" --html-template "$U/lab.xsl" --fasta "$U/grch38-chr12-kras.fa.gz" "$U/in.vcf" "$U/in.vcf.gz" 2> "$U/clobber$n.err"; rc=$?
    one_error "clobber $opt $target" 1 "is the same file as" "$U/clobber$n.err" $rc
done <<LIST
-o|$U/in.vcf
-o|$U/link-to-in.vcf
-o|$U/../users/./in.vcf
-o|$U/in.vcf.gz.tbi
-o|$U/kb/knowledge-base.xml
-o|$U/lab.xsl
-o|$U/grch38-chr12-kras.fa.gz.fai
--dump-records|$U/in.vcf
--dump-records|$U/in.vcf.gz
LIST
cp "$U/in.vcf" "$U/append.vcf"
$BIN --no-version "$U/append.vcf" >> "$U/append.vcf" 2> "$U/append.err"; rc=$?
one_error "standard output appended to an input" 1 "standard output is the same file as input" "$U/append.err" $rc
cmp -s "$U/append.vcf" "$U/in.vcf" && pass || fail "users: standard output appended to its input"
[ "$(sums)" = "$before" ] && pass || fail "users clobber: an input changed"
$BIN --no-version -o "$U/same.out" --dump-records "$U/same.out" "$U/in.vcf" 2> "$U/same.err"; rc=$?
one_error "-o and --dump-records alike" 1 "name the same file" "$U/same.err" $rc
[ ! -e "$U/same.out" ] && pass || fail "users: -o = --dump-records wrote a file"

# ---- streams are written in place, never renamed over
$BIN --no-version -o /dev/stdout "$U/in.vcf" > "$U/stdout.xml" 2> "$U/stdout.err"; rc=$?
if [ $rc = 0 ] && grep -q '<mcrc-report' "$U/stdout.xml" && [ -L /dev/stdout ]; then pass; else fail "users -o /dev/stdout: exit $rc"; fi
$BIN --no-version -o /dev/null "$U/in.vcf" && [ -c /dev/null ] && pass || fail "users -o /dev/null: /dev/null is no longer a device"
: > "$U/fd3.xml"
$BIN --no-version -o /dev/fd/3 "$U/in.vcf" 3>> "$U/fd3.xml" && $BIN --no-version -o /proc/self/fd/3 "$U/in.vcf" 3>> "$U/fd3.xml"
[ "$(grep -c '<?xml' "$U/fd3.xml")" = 2 ] && pass || fail "users -o /dev/fd/3 3>>: expected two appended reports"
mkfifo "$U/fifo.xml"
timeout 20 cat "$U/fifo.xml" > "$U/from-fifo.xml" & cpid=$!
timeout 20 $BIN --no-version -o "$U/fifo.xml" "$U/in.vcf"; rc=$?; wait $cpid
if [ $rc = 0 ] && [ -p "$U/fifo.xml" ] && grep -q '</mcrc-report>' "$U/from-fifo.xml"; then pass; else fail "users -o FIFO: exit $rc"; fi
# a symbolic link to a regular file: the target is replaced atomically, the link stays; a dangling link is refused
mkdir -p "$U/results"; echo old > "$U/results/T1.xml"; ln -s results/T1.xml "$U/latest.xml"
$BIN --no-version -o "$U/latest.xml" "$U/in.vcf"; rc=$?
if [ $rc = 0 ] && [ -L "$U/latest.xml" ] && grep -q '<mcrc-report' "$U/results/T1.xml" && [ -z "$(ls "$U/results" | grep -v '^T1.xml$')" ]; then pass
else fail "users -o symlink: exit $rc, link $(readlink "$U/latest.xml")"; fi
ln -s nowhere/r.xml "$U/dangling.xml"
$BIN --no-version -o "$U/dangling.xml" "$U/in.vcf" 2> "$U/dangling.err"; rc=$?
one_error "-o dangling symlink" 3 "symbolic link to a file that cannot be reached" "$U/dangling.err" $rc

# ---- signals at any moment leave no FILE.tmp.* (nor a report, nor a dump); SIGPIPE is exit 3 and one line
if [ -n "${gen:-}" ] && [ -x "$gen" ]; then
    "$gen" 300000 1 annotations/cds_exons.tsv > "$U/big.vcf"
    for sig in TERM INT HUP; do
        for delay in 0.05 0.2 0.5; do
            $BIN --no-version --parse-all --dump-records "$U/sig.tsv" -o "$U/sig.xml" "$U/big.vcf" 2> /dev/null & pid=$!
            sleep $delay; kill -$sig $pid 2> /dev/null; wait $pid 2> /dev/null
        done
    done
    # small runs killed at random moments, the write and rename included
    for i in $(seq 1 30); do
        $BIN --no-version --dump-records "$U/sig.tsv" -o "$U/sig.xml" "$U/in.vcf" 2> /dev/null & pid=$!
        sleep "0.0$((RANDOM % 10))"; kill -TERM $pid 2> /dev/null; wait $pid 2> /dev/null
        rm -f "$U/sig.xml" "$U/sig.tsv"     # a run that finished first leaves both: fine
    done
    left=$(ls -a "$U" | grep -c '\.tmp\.')
    [ "$left" = 0 ] && pass || fail "users signals: $left temporary files left: $(ls "$U" | grep '\.tmp\.' | head -3)"
    $BIN --no-version --parse-all "$U/big.vcf" 2> "$U/pipe.err" | head -c 0; rc=${PIPESTATUS[0]}
    one_error "SIGPIPE" 3 "broken pipe" "$U/pipe.err" $rc
    rm -f "$U/big.vcf"
fi
# the records are listed, then the run fails (no build for records in a gene region)
grep -v '^##contig\|^##reference' "$CNV" > "$U/no-build.vcf"
$BIN --no-version --dump-records "$U/failed.tsv" -o "$U/failed.xml" "$U/no-build.vcf" 2> "$U/failed.err"; rc=$?
if [ $rc = 2 ] && [ ! -e "$U/failed.tsv" ] && [ ! -e "$U/failed.xml" ]; then pass; else fail "users: a failed run left a --dump-records file (exit $rc)"; fi

# ---- never crash, never hang: compressions htslib cannot read, whatever the name
xz -c "$CNV" > "$U/xz.vcf.gz"; zstd -qc "$CNV" > "$U/zstd.vcf" 2> /dev/null; bzip2 -c "$CNV" > "$U/bzip2.bcf"
for c in xz zstd bzip2; do
    f=$(ls "$U/$c".*)
    [ -s "$f" ] || continue
    $BIN --no-version -o "$U/c.xml" "$f" 2> "$U/$c.err"; rc=$?
    one_error "$c input" 2 "compressed with $c, which mcrc-report does not read" "$U/$c.err" $rc
done
printf 'chr12\t25245000\t25246000\n' | xz > "$U/callable.bed"
$BIN --no-version --callable "$U/callable.bed" -o "$U/c.xml" "$U/in.vcf" 2> "$U/xz-bed.err"; rc=$?
one_error "xz --callable BED" 2 "callable.bed: compressed with xz" "$U/xz-bed.err" $rc
for c in xz zstd bzip2; do    # through a real pipe: named from the bytes htslib peeks at, not "unrecognised format"
    case $c in xz) f=$U/xz.vcf.gz ;; zstd) f=$U/zstd.vcf ;; *) f=$U/bzip2.bcf ;; esac
    [ -s "$f" ] || continue
    rm -f "$U/c.xml"
    cat "$f" | $BIN --no-version -o "$U/c.xml" - 2> "$U/$c-pipe.err"; rc=$?
    one_error "$c through a pipe" 2 "^mcrc-report: error: (standard input): compressed with $c, which mcrc-report does not read" "$U/$c-pipe.err" $rc
    [ ! -e "$U/c.xml" ] && pass || fail "users: $c through a pipe left $U/c.xml"
done
# .fai: zero line length, nonsense, missing (and not written beside the FASTA)
mkdir -p "$U/fa"; cp testdata/snv/grch38-chr12-kras.fa.gz testdata/snv/grch38-chr12-kras.fa.gz.gzi "$U/fa/"
printf 'chr12\t25250000\t90\t0\t0\n' > "$U/fa/grch38-chr12-kras.fa.gz.fai"
$BIN --no-version --fasta "$U/fa/grch38-chr12-kras.fa.gz" -o "$U/f.xml" testdata/snv/kras-mnv-c34-35delinsTT.vcf 2> "$U/fai0.err"; rc=$?
one_error ".fai with line length 0" 2 "not a FASTA index line" "$U/fai0.err" $rc
printf 'hello world\n' > "$U/fa/grch38-chr12-kras.fa.gz.fai"
$BIN --no-version --fasta "$U/fa/grch38-chr12-kras.fa.gz" -o "$U/f.xml" testdata/snv/kras-mnv-c34-35delinsTT.vcf 2> "$U/faix.err"; rc=$?
one_error ".fai nonsense" 2 "line 1: not a FASTA index line" "$U/faix.err" $rc
rm "$U/fa/grch38-chr12-kras.fa.gz.fai"
$BIN --no-version --fasta "$U/fa/grch38-chr12-kras.fa.gz" -o "$U/f.xml" testdata/snv/kras-mnv-c34-35delinsTT.vcf 2> "$U/faim.err"; rc=$?
one_error ".fai missing" 2 "no index .* beside it" "$U/faim.err" $rc
[ ! -e "$U/fa/grch38-chr12-kras.fa.gz.fai" ] && pass || fail "users: a .fai was written beside the user's FASTA"
# a FIFO, a device or a directory where a file is expected: refused at once
mkfifo "$U/f.fifo"; mkdir -p "$U/fifo-kb" "$U/dir.fa"; mkfifo "$U/fifo-kb/knowledge-base.xml"
cp "$U/in.vcf.gz" "$U/fifo-index.vcf.gz"; mkfifo "$U/fifo-index.vcf.gz.tbi"
while IFS='|' read -r name pat args; do
    # shellcheck disable=SC2086
    timeout 20 $BIN --no-version $args -o "$U/ff.xml" 2> "$U/ff-$name.err"; rc=$?
    one_error "$name" 2 "$pat" "$U/ff-$name.err" $rc
done <<LIST
fifo-index|index .*: is a FIFO|$U/fifo-index.vcf.gz
fifo-kb|--kb .*: is a FIFO|--kb $U/fifo-kb $U/in.vcf
fifo-bed|--callable .*: is a FIFO|--callable $U/f.fifo $U/in.vcf
device-bed|--callable /dev/zero: is a character device|--callable /dev/zero $U/in.vcf
fifo-fasta|--fasta .*: is a FIFO|--fasta $U/f.fifo $U/in.vcf
dir-fasta|--fasta .*: is a directory|--fasta $U/dir.fa $U/in.vcf
fifo-template|--html-template .*: is a FIFO|--html-template $U/f.fifo -O h $U/in.vcf
device-template|--html-template /dev/zero: is a character device|--html-template /dev/zero -O h $U/in.vcf
LIST
# SOURCE_DATE_EPOCH beyond what the report's dateTime can say
SOURCE_DATE_EPOCH=253402300800 $BIN --no-version -o "$U/sde.xml" "$U/in.vcf" 2> "$U/sde.err"; rc=$?
one_error "SOURCE_DATE_EPOCH too large" 1 "SOURCE_DATE_EPOCH must be a number of seconds from 0 to 253402300799" "$U/sde.err" $rc
SOURCE_DATE_EPOCH=253402300799 $BIN --no-version -o "$U/sde.xml" "$U/in.vcf" && grep -q '9999-12-31T23:59:59Z' "$U/sde.xml" \
    && xmllint --noout --schema schemas/report.xsd "$U/sde.xml" 2> /dev/null && pass || fail "users: the largest SOURCE_DATE_EPOCH"

# ---- a lab's stylesheet runs with limits: runaway recursion, a doubling string, exponential work, a huge page
xsl() { printf '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n%s\n</xsl:stylesheet>\n' "$1"; }
xsl '<xsl:template name="r"><xsl:param name="n" select="0"/><xsl:call-template name="r"><xsl:with-param name="n" select="$n+1"/></xsl:call-template></xsl:template>
<xsl:template match="/"><html><xsl:call-template name="r"/></html></xsl:template>' > "$U/recursion.xsl"
xsl '<xsl:template name="d"><xsl:param name="s" select="'"'x'"'"/><xsl:param name="n" select="0"/><xsl:choose><xsl:when test="$n &lt; 40"><xsl:call-template name="d"><xsl:with-param name="s" select="concat($s,$s)"/><xsl:with-param name="n" select="$n+1"/></xsl:call-template></xsl:when><xsl:otherwise><xsl:value-of select="string-length($s)"/></xsl:otherwise></xsl:choose></xsl:template>
<xsl:template match="/"><html><xsl:call-template name="d"/></html></xsl:template>' > "$U/doubling.xsl"
xsl '<xsl:template name="e"><xsl:param name="n" select="0"/><xsl:if test="$n &lt; 60"><xsl:call-template name="e"><xsl:with-param name="n" select="$n+1"/></xsl:call-template><xsl:call-template name="e"><xsl:with-param name="n" select="$n+1"/></xsl:call-template></xsl:if></xsl:template>
<xsl:template match="/"><html><xsl:call-template name="e"/></html></xsl:template>' > "$U/exponential.xsl"
xsl '<xsl:template name="e"><xsl:param name="n" select="0"/><xsl:if test="$n &lt; 22"><xsl:call-template name="e"><xsl:with-param name="n" select="$n+1"/></xsl:call-template><xsl:call-template name="e"><xsl:with-param name="n" select="$n+1"/></xsl:call-template></xsl:if><xsl:if test="$n = 22">xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</xsl:if></xsl:template>
<xsl:template match="/"><html><xsl:call-template name="e"/></html></xsl:template>' > "$U/huge-page.xsl"
while IFS='|' read -r name pat; do
    t0=$(date +%s)
    timeout 60 $BIN --no-version --html-template "$U/$name.xsl" -o "$U/$name.html" "$U/in.vcf" 2> "$U/$name.err"; rc=$?
    secs=$(( $(date +%s) - t0 ))
    one_error "template $name" 2 "$pat" "$U/$name.err" $rc
    [ "$secs" -le 30 ] && [ ! -e "$U/$name.html" ] && pass || fail "users template $name: took ${secs}s or left a page"
done <<LIST
recursion|templates nested more than 1000 deep
doubling|needed more than 40 MiB of memory
exponential|ran longer than 5 s
huge-page|MiB\|ran longer than
LIST

# ---- reach only what the user named: a lab stylesheet's includes, imports and document() get no DTD, entity,
# network or file outside its directory; a local HTTP server must see no request
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$U/www" "$U/tpl/sub"
printf '<!ENTITY e SYSTEM "file:///etc/passwd">\n' > "$U/www/evil.dtd"
printf '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n' > "$U/www/remote.xsl"
(cd "$U/www" && exec timeout 120 python3 -m http.server "$PORT" --bind 127.0.0.1) > "$U/http.log" 2>&1 & http_pid=$!
for i in 1 2 3 4 5 6 7 8 9 10; do python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2> /dev/null && break; sleep 0.3; done
: > "$U/http.log.before"; cp "$U/http.log" "$U/http.log.before"
main_xsl() { xsl "$1
<xsl:template match=\"/\"><html><body><xsl:call-template name=\"leak\"/>${2:-}</body></html></xsl:template>"; }
printf '<?xml version="1.0"?>\n<!DOCTYPE xsl:stylesheet SYSTEM "http://127.0.0.1:%s/evil.dtd">\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template name="leak"><p>&e;</p></xsl:template></xsl:stylesheet>\n' "$PORT" > "$U/tpl/inc-dtd.xsl"
printf '<?xml version="1.0"?>\n<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template name="leak"><p>&e;</p></xsl:template></xsl:stylesheet>\n' > "$U/tpl/inc-entity.xsl"
printf '<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template name="leak"><p>included</p></xsl:template></xsl:stylesheet>\n' > "$U/tpl/sub/ok.xsl"
main_xsl '<xsl:include href="inc-dtd.xsl"/>' > "$U/tpl/include-dtd.xsl"
main_xsl '<xsl:import href="inc-entity.xsl"/>' > "$U/tpl/import-entity.xsl"
main_xsl "<xsl:import href=\"http://127.0.0.1:$PORT/remote.xsl\"/><xsl:template name=\"leak\"/>" > "$U/tpl/import-http.xsl"
main_xsl '<xsl:include href="/etc/passwd"/><xsl:template name="leak"/>' > "$U/tpl/include-passwd.xsl"
main_xsl '<xsl:include href="../in.vcf"/><xsl:template name="leak"/>' > "$U/tpl/include-parent.xsl"
main_xsl '<xsl:template name="leak"/>' "<xsl:copy-of select=\"document('http://127.0.0.1:$PORT/remote.xsl')\"/>" > "$U/tpl/document-http.xsl"
main_xsl '<xsl:template name="leak"/>' "<xsl:copy-of select=\"document('file:///etc/passwd')\"/>" > "$U/tpl/document-file.xsl"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/"><html>&e;</html></xsl:template></xsl:stylesheet>\n' > "$U/tpl/own-entity.xsl"
for t in include-dtd import-entity import-http include-passwd include-parent document-http document-file own-entity; do
    $BIN --no-version --html-template "$U/tpl/$t.xsl" -o "$U/$t.html" "$U/in.vcf" 2> "$U/$t.err"; rc=$?
    one_error "template $t" 2 "tpl/$t.xsl" "$U/$t.err" $rc
    if [ -e "$U/$t.html" ] && grep -q 'root:' "$U/$t.html"; then fail "users template $t: /etc/passwd is in the page"; else pass; fi
done
main_xsl '<xsl:include href="sub/ok.xsl"/>' > "$U/tpl/include-ok.xsl"
$BIN --no-version --html-template "$U/tpl/include-ok.xsl" -o "$U/include-ok.html" "$U/in.vcf" && grep -q included "$U/include-ok.html" && pass \
    || fail "users: a stylesheet in the template's own directory could not be included"
kill $http_pid 2> /dev/null; wait $http_pid 2> /dev/null
if grep -q 'GET\|HEAD\|POST' "$U/http.log"; then fail "users: the HTTP server saw a request: $(grep -m1 'GET\|HEAD\|POST' "$U/http.log")"; else pass; fi

# ---- bounded resources: peak memory under 64 MiB; the listing is capped, the status is not changed by it
python3 bench/gen-hostile.py many-alleles 40000 > "$U/many-alleles.vcf"
python3 bench/gen-hostile.py duplicates 200000 > "$U/duplicates.vcf"
python3 bench/gen-hostile.py erbb2-copies 200000 > "$U/erbb2-copies.vcf"
# (AddressSanitizer's shadow memory and quarantine are not the program's: the bound is checked on a plain build)
limit=65536
nm "$BIN" 2> /dev/null | grep -q __asan_init && limit=4194304
while IFS='|' read -r shape gene status opts; do
    # shellcheck disable=SC2086
    /usr/bin/time -f %M -o "$U/$shape.mem" $BIN --no-version $opts -o "$U/$shape.xml" "$U/$shape.vcf" 2> "$U/$shape.err"; rc=$?
    kb=$(tail -1 "$U/$shape.mem")
    if [ $rc = 0 ] && [ "$kb" -lt $limit ] && grep -q "<biomarker gene=\"$gene\"[^>]*status=\"$status\"" "$U/$shape.xml" \
       && xmllint --noout --schema schemas/report.xsd "$U/$shape.xml" 2> /dev/null && [ "$(wc -c < "$U/$shape.xml")" -lt 1000000 ]; then pass
    else fail "users $shape: exit $rc, peak ${kb} KB, $(wc -c < "$U/$shape.xml" 2> /dev/null) bytes ($(head -c 200 "$U/$shape.err"))"; fi
done <<LIST
many-alleles|KRAS|indeterminate|
many-alleles|KRAS|mutant|--min-vaf 0 --min-depth 0
duplicates|KRAS|mutant|
erbb2-copies|ERBB2|amplified|
LIST
grep -q 'kind="over-listing-cap"' "$U/many-alleles.xml" && grep -q 'kind="repeated-segment"' "$U/erbb2-copies.xml" && pass \
    || fail "users: the report does not say what was not listed"
# the decisive call comes after the cap: 300 uncertain KRAS variants first, then G12D (and a G12D set aside first)
python3 - "$U/late-hotspot.vcf" <<'PY'
import sys
out = open(sys.argv[1], "w")
out.write('##fileformat=VCFv4.2\n##contig=<ID=chr12,length=133275309>\n##FILTER=<ID=LowQual,Description="low">\n'
          '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="AD">\n##FORMAT=<ID=DP,Number=1,Type=Integer,Description="DP">\n'
          '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\n')
for i in range(300):     # a C>T in codon 20..120 of KRAS exon 2/3 is not at a listed codon
    out.write("chr12\t25245300\t.\tC\tT,A,G\t.\tPASS\t.\tAD:DP\t100,300,300,300:1000\n")
out.write("chr12\t25245350\t.\tC\tT\t.\tPASS\t.\tAD:DP\t700,300:1000\n")
PY
$BIN --no-version -o "$U/late-hotspot.xml" "$U/late-hotspot.vcf" 2> "$U/late-hotspot.err"; rc=$?
if [ $rc = 0 ] && grep -q '<biomarker gene="KRAS"[^>]*status="mutant"' "$U/late-hotspot.xml" && grep -q 'kind="over-listing-cap"' "$U/late-hotspot.xml"; then pass
else fail "users late-hotspot: exit $rc, $(grep -o '<biomarker gene="KRAS"[^>]*status="[a-z-]*"' "$U/late-hotspot.xml")"; fi

# ---- small ones: a name with a newline is one escaped line; ##contig repeated with another length; an input twice
nl_name="$U/$(printf 'new\nline\x01.vcf')"
cp "$CNV" "$nl_name"
$BIN --no-version -g GRCh37 -o "$U/nl.xml" "$nl_name" 2> "$U/nl.err"; rc=$?
one_error "newline in a file name" 2 'new\\nline\\x01.vcf: the header is GRCh38' "$U/nl.err" $rc
sed 's/^##contig=<ID=chr17,length=83257441>/&\n##contig=<ID=chr17,length=81195210>/' "$CNV" > "$U/contig-twice.vcf"
$BIN --no-version -o "$U/ct.xml" "$U/contig-twice.vcf" 2> "$U/ct.err"; rc=$?
one_error "##contig twice" 2 'contig-twice.vcf: line [0-9]*: ##contig chr17 is declared again with another length (81195210, first 83257441)' "$U/ct.err" $rc
$BIN --no-version -o "$U/twice.xml" "$U/in.vcf" "$U/link-to-in.vcf" "$U/in.vcf" 2> "$U/twice.err"; rc=$?
if [ $rc = 0 ] && [ "$(grep -c 'given more than once' "$U/twice.err")" = 2 ] && [ "$(grep -c '<input id=' "$U/twice.xml")" = 1 ]; then pass
else fail "users: an input given twice (exit $rc, $(grep -c '<input id=' "$U/twice.xml") inputs)"; fi

# ---- the same under valgrind: a few of the paths above (guard, stream, xz, .fai, template refusal, cap)
if [ -n "$VG" ] && [ -z "${MCRC_NO_VALGRIND:-}" ]; then
    for args in "-o $U/in.vcf $U/in.vcf" "-o /dev/stdout $U/in.vcf" "-o $U/vg.xml $U/xz.vcf.gz" \
                "--fasta $U/fa/grch38-chr12-kras.fa.gz -o $U/vg.xml $U/in.vcf" \
                "--html-template $U/tpl/include-passwd.xsl -o $U/vg.html $U/in.vcf" \
                "--html-template $U/recursion.xsl -o $U/vg.html $U/in.vcf" "--html-template $U/doubling.xsl -o $U/vg.html $U/in.vcf" \
                "--html-template $U/tpl/include-ok.xsl -o $U/vg.html $U/in.vcf" "-o $U/vg.html $U/in.vcf" "-o $U/vg.xml $U/late-hotspot.vcf"; do
        # shellcheck disable=SC2086
        $VG $BIN --no-version $args > /dev/null 2> "$U/vg.err"; rc=$?
        [ $rc != 99 ] && ! grep -q '==[0-9]*==' "$U/vg.err" && pass || fail "users valgrind: $args: $(grep -m3 '==' "$U/vg.err")"
    done
fi
rm -f "$U"/*.vcf "$U"/*.xml
