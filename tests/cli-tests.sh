# cli-tests.sh - command-line behaviour; sourced by run-tests.sh (uses pass/fail, BIN, OUT, TOP).
C=$OUT/cli
mkdir -p "$C"
AMP=testdata/cnv/cn-amp-grch38-chr.vcf

check() {   # check NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then pass; else fail "cli: $name"; fi
}

"$BIN" --help > "$C/help" 2>&1; rc=$?
check "--help exits 0" [ $rc = 0 ]
check "--help shows defaults" grep -q -- '--amp-cn FLOAT .*\[6\]' "$C/help"
check "--help has examples" grep -q '^Examples:' "$C/help"

"$BIN" --version > "$C/version"; rc=$?
check "--version exits 0" [ $rc = 0 ]
check "--version first line is 'mcrc-report X.Y.Z'" grep -qxE 'mcrc-report [0-9]+\.[0-9]+\.[0-9]+' <(head -1 "$C/version")
check "--version names htslib and libxml2" grep -q 'htslib .* libxml2 ' <(sed -n 2p "$C/version")
# the libraries in use, as xsltproc (linked to the same ones) reports them at run time: "Using libxml 20914,
# libxslt 10135 ..." is "libxml2 2.9.14 and libxslt 1.1.35"
libs=$(xsltproc --version | sed -n 's/^Using libxml \([0-9]*\), libxslt \([0-9]*\).*/\1 \2/p' \
    | awk '{ for (i = 1; i <= 2; i++) printf "%s%d.%d.%d", (i > 1 ? " and libxslt " : "libxml2 "), int($i / 10000), int($i / 100) % 100, $i % 100 }')
check "--version gives the run-time libxml2 and libxslt, dotted ($libs)" grep -qE ", $libs\$" <(sed -n 2p "$C/version")
"$TOP/mcrc-summary" --version > "$C/sversion" 2>&1
check "mcrc-summary --version gives the run-time libxml2, dotted" grep -qxF "Using ${libs% and *}" <(sed -n 2p "$C/sversion")

"$BIN" --bogus "$AMP" > /dev/null 2> "$C/bogus"; rc=$?
check "unknown option exits 1" [ $rc = 1 ]
check "unknown option: one line naming it" [ "$(cat "$C/bogus")" = "mcrc-report: error: unknown option --bogus (see mcrc-report --help)" ]

"$BIN" --amp-cn 3 --equivocal-cn 4 "$AMP" > /dev/null 2>&1; rc=$?
check "--equivocal-cn above --amp-cn exits 1" [ $rc = 1 ]

SOURCE_DATE_EPOCH=yesterday "$BIN" "$AMP" > /dev/null 2>&1; rc=$?
check "a malformed SOURCE_DATE_EPOCH exits 1" [ $rc = 1 ]

"$BIN" -o "$C/no/such/dir/report.xml" "$AMP" 2> "$C/nodir.err"; rc=$?
check "output into a missing directory exits 3" [ $rc = 3 ]
check "output into a missing directory leaves nothing" [ ! -e "$C/no" ]
grep -q "report.xml: cannot create the report" "$C/nodir.err"
check "output error names the file" [ $? = 0 ]

if [ -w /dev/full ]; then
    "$BIN" -o /dev/full "$AMP" 2> /dev/null; rc=$?
    check "writing to /dev/full exits 3" [ $rc = 3 ]
    "$BIN" "$AMP" > /dev/full 2> /dev/null; rc=$?
    check "standard output on /dev/full exits 3" [ $rc = 3 ]
fi

# an error never leaves or replaces a report
echo "previous report" > "$C/keep.xml"
"$BIN" -o "$C/keep.xml" testdata/bad/non-numeric-cn.vcf 2> /dev/null; rc=$?
check "bad input exits 2" [ $rc = 2 ]
check "bad input leaves the previous report untouched" [ "$(cat "$C/keep.xml")" = "previous report" ]
check "no temporary file left behind" [ -z "$(ls "$C" | grep '\.tmp')" ]

# same input, same bytes (also with threads and through the index)
"$BIN" --no-version -o "$C/a.xml" "$AMP"
"$BIN" --no-version -o "$C/b.xml" "$AMP"
check "identical runs give identical bytes" cmp -s "$C/a.xml" "$C/b.xml"
bgzip -c testdata/derived/wgs-chr17.cnvkit.vcf.gz > /dev/null 2>&1
"$BIN" --no-version -g GRCh37 -o "$C/t1.xml" testdata/derived/wgs-chr17.cnvkit.vcf.gz
"$BIN" --no-version -g GRCh37 --threads 2 -o "$C/t2.xml" testdata/derived/wgs-chr17.cnvkit.vcf.gz
check "--threads 2 gives identical bytes" cmp -s "$C/t1.xml" "$C/t2.xml"

# provenance without --no-version
"$BIN" -o "$C/prov.xml" "$AMP"
check "provenance has the tool version" grep -q '<tool name="mcrc-report" version="[0-9.]*"/>' "$C/prov.xml"
check "provenance has the command line" grep -q '<command-line>.*cn-amp-grch38-chr.vcf</command-line>' "$C/prov.xml"
check "provenance has the input's sha256" grep -q "sha256=\"$(sha256sum "$AMP" | cut -c1-64)\"" "$C/prov.xml"

# an index is read through only when it names the contigs of all four genes (one it does not name could hold
# records the index was made without: the file is streamed then); AMP4 is AMP with a segment on chr7 too
AMP4=$C/amp4.vcf
sed '/^chr12\t/i chr7\t1000001\t.\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=1100000;SVLEN=-100000\tGT:CN\t0/1:1' "$AMP" > "$AMP4"
bgzip -c "$AMP" > "$C/amp3.vcf.gz" && tabix -p vcf "$C/amp3.vcf.gz"
"$BIN" -o "$C/ck-amp3.xml" "$C/amp3.vcf.gz" 2> "$C/ck-amp3.err"
check "an index without chr7 (BRAF): the file is streamed, quietly" grep -q 'access="stream"' "$C/ck-amp3.xml" && [ ! -s "$C/ck-amp3.err" ]
# --checksum: auto hashes what is read whole, not an input read through its index
bgzip -c "$AMP4" > "$C/amp.vcf.gz" && tabix -p vcf "$C/amp.vcf.gz"
amp_gz_sha=$(sha256sum "$C/amp.vcf.gz" | cut -c1-64)
"$BIN" -o "$C/ck-auto.xml" "$C/amp.vcf.gz"
check "--checksum auto: an indexed input is not hashed, and the report says why" \
    grep -q "<input id=\"1\" [^>]* size=\"$(stat -c %s "$C/amp.vcf.gz")\" sha256-skipped=\"index\" access=\"index\"" "$C/ck-auto.xml"
check "--checksum auto: no sha256 attribute for the indexed input" [ "$(grep '<input ' "$C/ck-auto.xml" | grep -c ' sha256="')" = 0 ]
"$BIN" --checksum full -o "$C/ck-full.xml" "$C/amp.vcf.gz"
check "--checksum full hashes the indexed input" grep -q "sha256=\"$amp_gz_sha\" access=\"index\"" "$C/ck-full.xml"
"$BIN" --checksum sha256 -o "$C/ck-sha.xml" "$C/amp.vcf.gz"
check "--checksum sha256 is full" cmp -s <(grep -v '<command-line>' "$C/ck-full.xml") <(grep -v '<command-line>' "$C/ck-sha.xml")
"$BIN" --no-index -o "$C/ck-stream.xml" "$C/amp.vcf.gz"
check "--checksum auto hashes a streamed file" grep -q "sha256=\"$amp_gz_sha\" access=\"stream\"" "$C/ck-stream.xml"
"$BIN" --checksum none -o "$C/ck-none.xml" "$AMP"
check "--checksum none: size only, and says so" grep -q 'sha256-skipped="option"' "$C/ck-none.xml"
"$BIN" -o "$C/ck-pipe.xml" - < "$AMP"
check "standard input is not hashed, and the report says why" grep -q 'path="(standard input)" [^>]*sha256-skipped="stream"' "$C/ck-pipe.xml"
for f in ck-auto ck-full ck-none ck-pipe; do
    check "$f.xml validates" xmllint --noout --schema schemas/report.xsd "$C/$f.xml"
done
# the index: only the gene regions' bins are read (src/region_index.c); any index gives the stream's report
WGS=$C/wgs.vcf.gz     # testdata/derived/wgs-chr17.cnvkit.vcf.gz with a segment on chr1, chr7 and chr12 before it
{ zcat testdata/derived/wgs-chr17.cnvkit.vcf.gz | grep '^#'
  for c in chr1 chr7 chr12; do printf '%s\t1\t.\tN\t<DEL>\t.\t.\tSVTYPE=DEL;END=5000;SVLEN=-5000;FOLD_CHANGE=0.7;FOLD_CHANGE_LOG=-0.5;PROBES=10\tGT:GQ\t0/1:10\n' $c; done
  zcat testdata/derived/wgs-chr17.cnvkit.vcf.gz | grep -v '^#'; } | bgzip -c > "$WGS" && tabix -p vcf "$WGS"
strip_prov() { sed -e '/<provenance>/,/<\/provenance>/d' "$1"; }
"$BIN" --no-version -g GRCh37 --no-index -o "$C/ix-stream.xml" "$WGS"
cp "$WGS" "$C/ix.vcf.gz"
tabix -C -p vcf "$C/ix.vcf.gz"
"$BIN" --no-version -g GRCh37 -o "$C/ix-csi.xml" "$C/ix.vcf.gz"
check "a VCF.gz with a CSI index is read through it" grep -q 'access="index"' "$C/ix-csi.xml"
check "CSI-indexed VCF.gz: the stream's report" cmp -s <(strip_prov "$C/ix-stream.xml") <(strip_prov "$C/ix-csi.xml")
for damage in garbage truncated; do
    cp "$WGS" "$C/ix-$damage.vcf.gz"
    if [ $damage = garbage ]; then echo "not an index" | bgzip -c > "$C/ix-$damage.vcf.gz.tbi"
    else bgzip -dc "$WGS.tbi" | head -c 200 | bgzip -c > "$C/ix-$damage.vcf.gz.tbi"; fi
    "$BIN" --no-version -g GRCh37 -o "$C/ix-$damage.xml" "$C/ix-$damage.vcf.gz" 2> "$C/ix-$damage.err"; rc=$?
    check "a $damage index: exit 0, the whole file read" [ $rc = 0 ] && grep -q 'access="stream"' "$C/ix-$damage.xml"
    check "a $damage index: the stream's report" cmp -s <(strip_prov "$C/ix-stream.xml") <(strip_prov "$C/ix-$damage.xml")
    check "a $damage index: one warning naming the index" [ "$(wc -l < "$C/ix-$damage.err")" = 1 ] && grep -q "^mcrc-report: warning: .*ix-$damage.vcf.gz: .*ix-$damage.vcf.gz.tbi.*; reading the whole file instead$" "$C/ix-$damage.err"
    "$BIN" -v 0 --no-version -g GRCh37 -o /dev/null "$C/ix-$damage.vcf.gz" 2> "$C/ix-$damage.err0"
    check "a $damage index with -v 0: silent" [ ! -s "$C/ix-$damage.err0" ]
done

# an index older than its file: warned about, the file streamed
cp "$WGS" "$C/ix-old.vcf.gz"
tabix -p vcf "$C/ix-old.vcf.gz"
touch -d '1 hour ago' "$C/ix-old.vcf.gz.tbi"
"$BIN" --no-version -g GRCh37 -o "$C/ix-old.xml" "$C/ix-old.vcf.gz" 2> "$C/ix-old.err"; rc=$?
check "an index older than its file: exit 0, the whole file read" [ $rc = 0 ] && grep -q 'access="stream"' "$C/ix-old.xml"
check "an index older than its file: one warning saying so" [ "$(cat "$C/ix-old.err")" = "mcrc-report: warning: $C/ix-old.vcf.gz: the index $C/ix-old.vcf.gz.tbi is older than the file; reading the whole file instead" ]
check "an index older than its file: the stream's report" cmp -s <(strip_prov "$C/ix-stream.xml") <(strip_prov "$C/ix-old.xml")
# another file's index that lands on whole records of another contig (stored BGZF blocks, same sizes): an
# error, never a silent "no change over ERBB2"
bgzip -l 0 -c "$AMP4" > "$C/ix-a.vcf.gz" && tabix -p vcf "$C/ix-a.vcf.gz"
sed 's/^chr17\t39600001/chr12\t39600001/' "$AMP4" | bgzip -l 0 -c > "$C/ix-b.vcf.gz"
cp "$C/ix-a.vcf.gz.tbi" "$C/ix-b.vcf.gz.tbi"
"$BIN" --no-version -o "$C/ix-b.xml" "$C/ix-b.vcf.gz" 2> "$C/ix-b.err"; rc=$?
check "another file's index: exit 2, no report" [ $rc = 2 ] && [ ! -e "$C/ix-b.xml" ]
check "another file's index: one line naming the index" [ "$(cat "$C/ix-b.err")" = "mcrc-report: error: $C/ix-b.vcf.gz: the index $C/ix-b.vcf.gz.tbi does not match the file (it points at a record of another contig, or into the middle of one); rebuild the index, or use --no-index" ]
"$BIN" --no-version --no-index -o "$C/ix-b2.xml" "$C/ix-b.vcf.gz"
check "another file's index: --no-index reads the file" grep -q 'status="not-amplified"' "$C/ix-b2.xml"

# --fasta: a VCF on RefSeq accessions is checked against a FASTA that names the contig chr12
sed 's/^chr12\t/NC_000012.12\t/; s/ID=chr12,/ID=NC_000012.12,/' testdata/snv/kras-g12d-filtered.vcf > "$C/fa-acc.vcf"
"$BIN" --no-version --fasta testdata/snv/grch38-chr12-kras.fa.gz -o "$C/fa-acc.xml" "$C/fa-acc.vcf"; rc=$?
check "--fasta: an accession-named contig is found as chr12 in the FASTA" [ $rc = 0 ]
sed 's/^\(NC_000012.12\t25245350\t[^\t]*\t\)C\t/\1G\t/' "$C/fa-acc.vcf" > "$C/fa-acc-bad.vcf"
"$BIN" --no-version --fasta testdata/snv/grch38-chr12-kras.fa.gz -o "$C/fa-acc-bad.xml" "$C/fa-acc-bad.vcf" 2> "$C/fa-acc-bad.err"; rc=$?
check "--fasta: a wrong REF on an accession-named contig is caught" [ $rc = 2 ] && grep -q 'REF G does not match the reference FASTA' "$C/fa-acc-bad.err"

# an error names the record it is about, on every path (plain text, the BGZF fast path, an index)
{ printf '##fileformat=VCFv4.2\n##contig=<ID=chr17,length=83257441>\n##FORMAT=<ID=CN,Number=1,Type=Integer,Description="cn">\n'
  printf '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\nchr17\t100\t.\tA\tG\t.\tPASS\t.\tCN\t2\n'
  printf 'chr17\t39700000\t.\tA\tG\t.\tPASS\tX=a\000b\tCN\t2\n'; } > "$C/place-nul.vcf"
bgzip -c "$C/place-nul.vcf" > "$C/place-nul.vcf.gz"
for f in place-nul.vcf place-nul.vcf.gz; do
    "$BIN" -o "$C/place.xml" "$C/$f" 2> "$C/place.err"
    check "$f: the NUL byte's own line and place" [ "$(cat "$C/place.err")" = "mcrc-report: error: $C/$f: line 6: chr17:39700000: the line contains a NUL byte" ]
done
sed -e 's/X=a.b/./' -e '$s/CN\t2$/CN\tabc/' -e '/^##contig/a ##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr7,length=159345973>\n##contig=<ID=chr12,length=133275309>' -e '/^#CHROM/a chr1\t100\t.\tA\tG\t.\tPASS\t.\tCN\t2\nchr7\t100\t.\tA\tG\t.\tPASS\t.\tCN\t2\nchr12\t100\t.\tA\tG\t.\tPASS\t.\tCN\t2' \
    "$C/place-nul.vcf" | bgzip -c > "$C/place-bad.vcf.gz" && tabix -p vcf "$C/place-bad.vcf.gz"
"$BIN" -o "$C/place.xml" "$C/place-bad.vcf.gz" 2> "$C/place.err"
check "through an index: the record's place, no line number (none is known)" \
    [ "$(cat "$C/place.err")" = "mcrc-report: error: $C/place-bad.vcf.gz: chr17:39700000: the record contains an invalid character (text in a numeric field?)" ]

"$BIN" --checksum md5 "$AMP" > /dev/null 2> "$C/ck-bad.err"; rc=$?
check "--checksum md5 exits 1 with one line" [ $rc = 1 ] && [ "$(cat "$C/ck-bad.err")" = "mcrc-report: error: --checksum: expected auto, full or none, got 'md5'" ]
check "provenance time honours SOURCE_DATE_EPOCH" grep -q '<time>2026-01-01T00:00:00Z</time>' "$C/prov.xml"
check "full provenance validates" xmllint --noout --schema schemas/report.xsd "$C/prov.xml"

# standard input: '-' and no file at all
"$BIN" --no-version - < "$AMP" > "$C/dash.xml"
( cat "$AMP" | "$BIN" --no-version > "$C/nofile.xml" )
check "'-' reads standard input" grep -q 'status="amplified"' "$C/dash.xml"
check "no file and a pipe reads standard input" cmp -s "$C/dash.xml" "$C/nofile.xml"

# hostile strings: escaped, schema-valid, never markup
"$BIN" --no-version -o "$C/hostile.xml" testdata/hostile/hostile-strings.vcf; rc=$?
check "hostile strings: runs" [ $rc = 0 ]
check "hostile strings: validates" xmllint --noout --schema schemas/report.xsd "$C/hostile.xml"
check "hostile strings: no raw <script>" [ -z "$(grep '<script' "$C/hostile.xml")" ]
check "hostile strings: sample name kept as text" grep -q 'sample="&lt;script&gt;alert(1)&lt;/script&gt;' "$C/hostile.xml"

# output type from the suffix
"$BIN" -o "$C/r.html" "$AMP" 2> /dev/null; rc=$?
check "-o x.html selects HTML" [ $rc = 0 ]
check "-o x.html writes an HTML page" grep -qi '^<!DOCTYPE html>' "$C/r.html"
"$BIN" -O h "$AMP" > "$C/stdout.html" 2> /dev/null
check "-O h writes HTML to standard output" grep -qi '<html' "$C/stdout.html"
"$BIN" -O z "$AMP" 2> /dev/null; rc=$?
check "-O with a bad type exits 1" [ $rc = 1 ]

# the knowledge base: --kb, --lang, and refusal of hostile or invalid ones
"$BIN" --no-version --kb tests/kb/good-lab -o "$C/lab.xml" "$AMP"; rc=$?
check "--kb DIR: a lab's own knowledge base is used" [ $rc = 0 ]
check "--kb DIR: its text is in the report" grep -q 'Northfield Molecular Laboratory' "$C/lab.xml"
check "--kb DIR: its version is recorded" grep -q '<knowledge-base version="2.0.0"' "$C/lab.xml"
check "--kb DIR: report validates" xmllint --noout --schema schemas/report.xsd "$C/lab.xml"
for d in tests/kb/bad/*/; do
    "$BIN" --kb "$d" -o "$C/badkb.xml" "$AMP" 2> "$C/badkb.err"; rc=$?
    check "--kb $d is refused with exit 2" [ $rc = 2 ]
    check "--kb $d: one line naming the file, no report" [ "$(wc -l < "$C/badkb.err")" = 1 -a ! -e "$C/badkb.xml" ]
    grep -q "knowledge-base.xml" "$C/badkb.err"
    check "--kb $d: message names the file" [ $? = 0 ]
done
"$BIN" --kb tests/kb/no-such-dir "$AMP" > /dev/null 2>&1; rc=$?
check "--kb on a missing directory exits 2" [ $rc = 2 ]
"$BIN" --no-version --lang es -o "$C/es.xml" "$AMP"; rc=$?
check "--lang es runs" [ $rc = 0 ]
check "--lang es: Spanish text" grep -q '<title>¿Qué es HER2?</title>' "$C/es.xml"
check "--lang es: report says its language" grep -q '<mcrc-report schema-version="1" lang="es">' "$C/es.xml"
check "--lang es: validates" xmllint --noout --schema schemas/report.xsd "$C/es.xml"
# reasons and variant notes in Spanish: the same codes as in English, no English words (tests/reasons-lang.py)
for f in testdata/cnv/cn-amp-grch38-chr.vcf testdata/cnv/equivocal-partial.vcf testdata/cnv/filtered-amp.vcf \
         testdata/cnv/dup-no-magnitude.vcf testdata/cnv/conflict-overlap.vcf testdata/cnv/cn-no-chr17-contig.vcf \
         testdata/snv/hotspots-grch38.vcf testdata/snv/kras-g12d-filtered.vcf testdata/snv/kras-g12d-low-vaf.vcf \
         testdata/snv/vep-kras-disagrees.vcf testdata/snv/gvcf-covered.g.vcf testdata/snv/gvcf-shallow.g.vcf \
         testdata/snv/calls-chr17-only.vcf "testdata/cnv/cn-amp-grch38-chr.vcf testdata/cnv/not-amplified-cn3.vcf" \
         testdata/snv/nras-k117-undetermined.vcf testdata/snv/dialects/*-bad-*.vcf; do
    # shellcheck disable=SC2086
    "$BIN" --no-version --lang en -o "$C/reason-en.xml" $f 2> /dev/null
    # shellcheck disable=SC2086
    "$BIN" --no-version --lang es -o "$C/reason-es.xml" $f 2> /dev/null; rc=$?
    check "--lang es, $f: runs and validates" [ $rc = 0 ]
    check "--lang es, $f: Spanish reasons and notes with the English codes" python3 tests/reasons-lang.py "$C/reason-en.xml" "$C/reason-es.xml"
done
# a reason that quotes the file (a transcript name in a variant's note, inside the reason) stays text: escaped, not markup
sed 's/|ENST00000311936.8|protein_coding/|ENST0000<\&"x|protein_coding/; s/|YES|NM_004985.5/||/; s/\tPASS\tCSQ/\tweak_evidence\tCSQ/' \
    testdata/snv/vep-kras-disagrees.vcf > "$C/hostile-csq.vcf"
for lang in en es; do
    "$BIN" --no-version --lang $lang -o "$C/hostile-csq.xml" "$C/hostile-csq.vcf" 2> /dev/null; rc=$?
    check "--lang $lang: a reason quoting <&\" from the file: runs" [ $rc = 0 ]
    check "--lang $lang: a reason quoting <&\" from the file: validates" xmllint --noout --schema schemas/report.xsd "$C/hostile-csq.xml"
    check "--lang $lang: the quoted <&\" is the reason's text, not markup" python3 -c '
import sys, xml.etree.ElementTree as ET
r = [b.find("reason") for b in ET.parse(sys.argv[1]).getroot().iter("biomarker") if b.get("gene") == "KRAS"][0]
sys.exit(0 if r.get("code") == "sv-doubt" and "ENST0000<&\"x" in r.text else 1)' "$C/hostile-csq.xml"
done
"$BIN" --lang fr "$AMP" > /dev/null 2> "$C/fr.err"; rc=$?
check "--lang fr (not in the knowledge base) exits 1" [ $rc = 1 ]
check "--lang fr: says so" grep -q 'has no text in that language' "$C/fr.err"
check "every shown block carries its citation" [ "$(grep -c '<block ' "$C/a.xml")" -le "$(grep -c '<source id=' "$C/a.xml")" ]

# small-variant options: bad values are usage errors, a missing file is an input error
for bad in "--min-vaf 1.5" "--min-vaf x" "--min-depth -1" "--min-depth 2.5"; do
    # shellcheck disable=SC2086
    "$BIN" $bad "$AMP" > /dev/null 2> "$C/opt.err"; rc=$?
    check "$bad exits 1 with one line" [ $rc = 1 -a "$(wc -l < "$C/opt.err")" = 1 ]
done
"$BIN" --callable "$C/no-such.bed" "$AMP" > /dev/null 2> "$C/callable.err"; rc=$?
check "--callable on a missing file exits 2" [ $rc = 2 ]
check "--callable: message names the file" grep -q 'no-such.bed' "$C/callable.err"

# fast path, plain path, index and no index: one answer
"$BIN" --no-version -g GRCh37 -o "$C/idx.xml" testdata/derived/wgs-chr17.cnvkit.vcf.gz
"$BIN" --no-version -g GRCh37 --no-index -o "$C/noidx.xml" testdata/derived/wgs-chr17.cnvkit.vcf.gz
"$BIN" --no-version -g GRCh37 --no-index --parse-all -o "$C/plain.xml" testdata/derived/wgs-chr17.cnvkit.vcf.gz
check "--no-index reads the stream" grep -q 'access="stream"' "$C/noidx.xml"
check "index and stream agree" cmp -s <(grep -v '<input id=' "$C/idx.xml") <(grep -v '<input id=' "$C/noidx.xml")
check "--parse-all agrees with the fast path" cmp -s "$C/noidx.xml" "$C/plain.xml"
"$BIN" --no-version -g GRCh37 --dump-records "$C/records.tsv" -o /dev/null testdata/cnvkit/wgs-chr17.cnvkit.vcf
check "--dump-records lists the records in gene regions" [ "$(cut -f2,3 "$C/records.tsv" | tr '\t\n' '  ')" = "chr17 37716629 chr17 37870791 " ]
# --parse-all finds a malformed record far from the genes; the fast path does not decode it
printf '##fileformat=VCFv4.2\n##contig=<ID=chr2,length=242193529>\n##contig=<ID=chr17,length=83257441>\n##FORMAT=<ID=CN,Number=1,Type=Integer,Description="CN">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\nchr2\t100\t.\tN\t<DUP>\t.\tPASS\tEND=200\tCN\tnot-a-number\n' > "$C/far-bad.vcf"
bgzip -c "$C/far-bad.vcf" > "$C/far-bad.vcf.gz"
"$BIN" --no-version -o "$C/far.xml" "$C/far-bad.vcf.gz" 2> /dev/null; rc=$?
check "fast path (BGZF): a malformed record far from the genes is not decoded" [ $rc = 0 ]
"$BIN" --no-version --parse-all -o "$C/far2.xml" "$C/far-bad.vcf.gz" 2> "$C/far2.err"; rc=$?
check "--parse-all: the same record is an input error" [ $rc = 2 ]
check "--parse-all: the message names line 6" grep -q 'line 6: chr2:100' "$C/far2.err"
