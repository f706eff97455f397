# outputs-tests.sh - issue 16, one run, every format: -o with --xml/--html/--json; sourced by run-tests.sh
# (uses pass/fail, BIN, OUT, TOP).  The per-case checks (every case's XML, HTML and JSON from one run) are in
# run-tests.sh's run_case and its json section.
W=$OUT/outputs
rm -rf "$W"; mkdir -p "$W"
AMP=testdata/cnv/cn-amp-grch38-chr.vcf
SNV=testdata/snv/kras-g12d-filtered.vcf
ok() {   # ok NAME CONDITION-COMMAND...
    local name=$1; shift
    if "$@"; then pass; else fail "outputs: $name"; fi
}
one_line() {    # one_line NAME WANT_EXIT RC ERRFILE PATTERN: the exit code, one line on stderr, the pattern in it
    if [ "$3" = "$2" ] && [ "$(wc -l < "$4")" = 1 ] && grep -q -- "$5" "$4"; then pass
    else fail "outputs: $1: exit $3 (want $2): $(head -c 300 "$4")"; fi
}
nothing_in() {  # nothing_in DIR: no file at all (no output, no temporary)
    [ -z "$(ls -A "$1")" ]
}

# ---- one run gives what separate runs give
"$BIN" --no-version -o "$W/one.xml" --html "$W/one.html" --json "$W/one.json" "$AMP" "$SNV"; rc=$?
ok "-o, --html and --json together exit 0" [ $rc = 0 ]
"$BIN" --no-version -o "$W/x.xml" "$AMP" "$SNV"
"$BIN" --no-version -O h -o "$W/h.out" "$AMP" "$SNV"
"$BIN" --no-version -O j "$AMP" "$SNV" > "$W/j.out"
"$BIN" --no-version -o "$W/suffix.json" "$AMP" "$SNV"
ok "one run: the XML of -o alone" cmp -s "$W/one.xml" "$W/x.xml"
ok "one run: the HTML of -O h alone" cmp -s "$W/one.html" "$W/h.out"
ok "one run: the JSON of -O j alone" cmp -s "$W/one.json" "$W/j.out"
ok "-o FILE.json selects JSON" cmp -s "$W/one.json" "$W/suffix.json"
"$BIN" --no-version -o "$W/main.html" --xml "$W/also.xml" --json "$W/also.json" "$AMP" "$SNV"
ok "-o x.html --xml --json: the same three" cmp -s "$W/main.html" "$W/h.out" && cmp -s "$W/also.xml" "$W/x.xml" && cmp -s "$W/also.json" "$W/j.out"
"$BIN" --no-version --json "$W/tostdout.json" "$AMP" "$SNV" > "$W/stdout.xml"
ok "no -o: XML on standard output beside --json" cmp -s "$W/stdout.xml" "$W/x.xml" && cmp -s "$W/tostdout.json" "$W/j.out"
"$BIN" --no-version --fragment -o "$W/frag.xml" --html "$W/frag.html" "$AMP"
"$BIN" --no-version --fragment -O h "$AMP" > "$W/frag-alone.html"
ok "--fragment applies to --html" cmp -s "$W/frag.html" "$W/frag-alone.html"
ok "-O j: JSON is the HTML page's sibling, not a copy" [ "$(head -c 1 "$W/one.json")" = "{" ]

# ---- provenance: the same run, so the same time and command line in every view
"$BIN" -o "$W/prov.xml" --json "$W/prov.json" "$AMP"
ok "full provenance: the JSON has the XML's command line" python3 -c '
import json, sys, xml.etree.ElementTree as ET
j = json.load(open(sys.argv[1])); x = ET.parse(sys.argv[2]).getroot()
sys.exit(0 if j["provenance"]["command-line"] == x.findtext("provenance/command-line") and "--json" in j["provenance"]["command-line"] else 1)' "$W/prov.json" "$W/prov.xml"

# ---- byte-stable
"$BIN" --no-version --json "$W/s1.json" -o /dev/null "$AMP" "$SNV"
"$BIN" --no-version --threads 2 --json "$W/s2.json" -o /dev/null "$AMP" "$SNV"
ok "identical runs give identical JSON bytes (also with --threads 2)" cmp -s "$W/s1.json" "$W/s2.json"
"$BIN" --no-version --json "$W/s3.json" -o /dev/null - < "$AMP" 2> /dev/null
"$BIN" --no-version --json "$W/s4.json" -o /dev/null "$AMP"
ok "JSON: only the input's path, size and hash differ between a file and a pipe" \
    cmp -s <(grep -v '"path"\|"sha256\|"size"' "$W/s3.json") <(grep -v '"path"\|"sha256\|"size"' "$W/s4.json")

# ---- typed values: integers, numbers (the XML's digits) and booleans, as jq and pandas expect; reason an object
ok "JSON: pos an integer, copy number a number with the XML's digits, used a boolean, reason {code?, text}" python3 -c '
import json, sys, xml.etree.ElementTree as ET
raw = open(sys.argv[1]).read()
j = json.loads(raw)
t = json.loads(raw, parse_float=lambda v: ("number", v), parse_int=lambda v: ("integer", v))
x = ET.parse(sys.argv[2]).getroot()
e, xe, te = j["biomarker"][0]["evidence"][0], x.find("biomarker/evidence"), t["biomarker"][0]["evidence"][0]
r = j["biomarker"][0]["reason"]
ok = (type(e["pos"]) is int and te["pos"] == ("integer", xe.get("pos")) and type(e["used"]) is bool
      and e["used"] == (xe.get("used") == "true") and type(j["provenance"]["input"][0]["records-read"]) is int
      and type(e["copy-number"]) in (int, float) and te["copy-number"][1] == xe.get("copy-number")
      and t["provenance"]["thresholds"]["purity"][1] == x.find("provenance/thresholds").get("purity")
      and set(r) <= {"code", "text"} and r["text"] == x.findtext("biomarker/reason"))
sys.exit(0 if ok else 1)' "$W/one.json" "$W/one.xml"

# ---- all or none: one output that cannot be written leaves none (exit 3), and replaces nothing
F=$W/fail; mkdir -p "$F"
"$BIN" --no-version -o "$F/r.xml" --html "$F/r.html" --json "$F/no/such/dir/r.json" "$AMP" 2> "$F/err"; rc=$?
one_line "--json into a missing directory" 3 $rc "$F/err" "^mcrc-report: error: --json .*/no/such/dir/r.json: cannot create the report"
rm -f "$F/err"
ok "--json into a missing directory: no XML, no HTML, no temporary file" nothing_in "$F"
echo "old xml" > "$F/keep.xml"; echo "old html" > "$F/keep.html"
mkdir -p "$F/a-directory"
"$BIN" --no-version -o "$F/keep.xml" --html "$F/keep.html" --json "$F/a-directory" "$AMP" 2> "$W/dir.err"; rc=$?
one_line "--json naming a directory" 3 $rc "$W/dir.err" "a-directory: is a directory"
ok "--json failing: the earlier XML and HTML are untouched" [ "$(cat "$F/keep.xml") $(cat "$F/keep.html")" = "old xml old html" ]
ok "--json failing: no temporary file" [ "$(ls -A "$F" | tr '\n' ' ')" = "a-directory keep.html keep.xml " ]
if [ -w /dev/full ]; then
    G=$W/full; mkdir -p "$G"
    "$BIN" --no-version -o "$G/r.xml" --html "$G/r.html" --json /dev/full "$AMP" 2> "$W/full.err"; rc=$?
    one_line "--json /dev/full (a stream, written after the files are staged)" 3 $rc "$W/full.err" "^mcrc-report: error: --json /dev/full: write failed"
    ok "--json /dev/full: the staged XML and HTML are removed" nothing_in "$G"
    "$BIN" --no-version -o /dev/full --json "$G/r.json" --xml "$G/r.xml" "$AMP" 2> "$W/full2.err"; rc=$?
    one_line "-o /dev/full with --json and --xml" 3 $rc "$W/full2.err" "/dev/full: write failed"
    ok "-o /dev/full: no JSON, no XML" nothing_in "$G"
fi
"$BIN" --no-version -o "$F/bad.xml" --json "$F/bad.json" testdata/bad/non-numeric-cn.vcf 2> /dev/null; rc=$?
ok "bad input with --json: exit 2, no output" [ $rc = 2 ] && [ ! -e "$F/bad.xml" ] && [ ! -e "$F/bad.json" ]
"$BIN" --no-version -o "$F/t.xml" --html "$F/t.html" --html-template "$W/no-such.xsl" "$AMP" 2> /dev/null; rc=$?
ok "an HTML page that cannot be rendered: no XML either (exit $rc)" [ $rc != 0 ] && [ ! -e "$F/t.xml" ] && [ ! -e "$F/t.html" ]
# --dump-records is part of the same commit
"$BIN" --no-version --dump-records "$F/d.tsv" -o "$F/d.xml" --json "$F/no/d.json" "$AMP" 2> /dev/null; rc=$?
ok "--json failing: no --dump-records file either" [ $rc = 3 ] && [ ! -e "$F/d.tsv" ] && [ ! -e "$F/d.xml" ]

# a TERM at any moment (the writes, the naming and the renames included) leaves all four outputs or none, and
# no temporary file
# no TERM between a rename and the claim that marks its output for removal (CI once kept one of four).  The
# kills aim at the second half of a run, where the naming happens: a run is timed first.
K=$W/kill; mkdir -p "$K"; mixed=0
t0=$(date +%s%N)
"$BIN" --no-version --dump-records "$K/d.tsv" -o "$K/r.xml" --html "$K/r.html" --json "$K/r.json" "$AMP" "$SNV" 2> /dev/null
run_us=$(( ($(date +%s%N) - t0) / 1000 )); rm -f "$K"/*
for i in $(seq 1 40); do
    "$BIN" --no-version --dump-records "$K/d.tsv" -o "$K/r.xml" --html "$K/r.html" --json "$K/r.json" "$AMP" "$SNV" 2> /dev/null & pid=$!
    us=$(( run_us / 2 + RANDOM % (run_us / 2 + 1) ))
    sleep "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))"; kill -TERM $pid 2> /dev/null; wait $pid 2> /dev/null
    n=$(ls "$K" | wc -l)
    [ "$n" = 0 ] || [ "$n" = 4 ] || { mixed=$((mixed + 1)); ls "$K" > "$W/kill.$i.ls"; }
    rm -f "$K"/*
done
ok "TERM at random moments: all four outputs or none ($mixed mixed)" [ $mixed = 0 ]

# ---- refused before anything is read: two outputs on one file or stream, an output onto an input
R=$W/refuse; mkdir -p "$R"
cp "$AMP" "$R/in.vcf"; before=$(md5sum "$R/in.vcf")
ln -s in.vcf "$R/link-to-in.vcf"
n=0
while IFS='|' read -r args pat; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    (cd "$R" && "$BIN" --no-version $args in.vcf > "$R/stdout.$n" 2> "$R/err.$n"); rc=$?
    one_line "refuse $args" 1 $rc "$R/err.$n" "$pat"
    ok "refuse $args: nothing written" [ ! -s "$R/stdout.$n" ] && [ -z "$(ls "$R" | grep -v '^in.vcf$\|^stdout\.\|^err\.\|^link')" ]
done <<LIST
-o r.xml --json r.xml|-o r.xml and --json r.xml name the same file
--xml r.xml --html r.xml|--xml r.xml and --html r.xml name the same file
-o r.xml --xml ./r.xml|name the same file
--json -|standard output (no -o) and --json - both write to the same stream
--json /dev/stdout|standard output (no -o) and --json /dev/stdout both write to the same stream
-o - --html /dev/fd/1|both write to the same stream
-o /dev/null --json /dev/null|-o /dev/null and --json /dev/null name the same file
--json in.vcf|--json in.vcf is the same file as input in.vcf
--html ./in.vcf -o r.xml|--html ./in.vcf is the same file as input in.vcf
--xml link-to-in.vcf -o r.json|--xml link-to-in.vcf is the same file as input in.vcf
--json r1.json --json r2.json|--json given twice
-O q|-O/--output-type: expected x, h or j, got 'q'
LIST
ok "refused runs: the input is untouched" [ "$(md5sum "$R/in.vcf")" = "$before" ]
echo "old" > "$R/exists.xml"; ln -s exists.xml "$R/link-exists.xml"
(cd "$R" && "$BIN" --no-version -o exists.xml --json link-exists.xml in.vcf 2> "$R/link.err"); rc=$?
one_line "two outputs on one file through a link" 1 $rc "$R/link.err" "name the same file"
ok "two outputs on one file through a link: the file is untouched" [ "$(cat "$R/exists.xml")" = "old" ]
"$BIN" --no-version --json "$W/ok.json" "$R/in.vcf" >> "$R/in.vcf" 2> "$R/append.err"; rc=$?
one_line "standard output appended to an input, with --json" 1 $rc "$R/append.err" "standard output is the same file as input"
ok "appended to an input: no JSON" [ ! -e "$W/ok.json" ]
# --dump-records may share a stream with a report output, as before; a regular file, never
"$BIN" --no-version -o "$W/dr.xml" --json /dev/stderr --dump-records /dev/stderr "$AMP" 2> /dev/null; rc=$?
ok "--dump-records and --json on /dev/stderr: allowed" [ $rc = 0 ]
"$BIN" --no-version -o "$W/dr2.xml" --json "$W/dr2.json" --dump-records "$W/dr2.json" "$AMP" 2> "$W/dr2.err"; rc=$?
one_line "--dump-records and --json on one file" 1 $rc "$W/dr2.err" "name the same file"

# ---- hostile strings: quotes, backslashes, control characters, </script>, U+2028 in a file name (the command
# line and input path of the provenance), the sample name, ID and FILTER
E=$W/esc; mkdir -p "$E"
# a '/' cannot be in a file name: the path's "</script>" is a directory "...<" and a file "script>..."
hostile=$(printf 'in"q\\b\t<'); mkdir -p "$E/$hostile"; hostile=$hostile/$(printf 'script>\xe2\x80\xa8.vcf')
{ printf '##fileformat=VCFv4.2\n##contig=<ID=chr17,length=83257441>\n##INFO=<ID=END,Number=1,Type=Integer,Description="End">\n'
  printf '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="CN">\n'
  printf '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts"\\</script>\xe2\x80\xa9\n'
  printf 'chr17\t39600001\tid"\\\x01\x1f</script>\tN\t<DUP>\t.\tPASS\tEND=39800000;NOTE="\\x"\tCN\t12\n'; } > "$E/$hostile"
(cd "$E" && "$BIN" -o r.xml --json r.json --html r.html "$hostile" 2> err); rc=$?
ok "hostile strings: exit 0 (stderr: $(head -c 200 "$E/err"))" [ $rc = 0 ]
ok "hostile strings: strict JSON, valid, the XML's content, no '</'" python3 tests/json/check.py "$E/r.json" "$E/r.xml" > "$E/check.log" 2>&1
ok "hostile strings: no raw control byte in the JSON" [ -z "$(tr -d '\n' < "$E/r.json" | LC_ALL=C grep -P '[\x00-\x1f\x7f]')" ]
ok "hostile strings: the file name's escapes" grep -qF 'in\"q\\b\t\u003c/script\u003e\u2028.vcf' "$E/r.json"
ok "hostile strings: the sample name's escapes" grep -qF '"sample": "s\"\\\u003c/script\u003e\u2029"' "$E/r.json"
ok "hostile strings: a record's ID (control characters made '?' by the report, as in the XML)" grep -qF '"id": "id\"\\??\u003c/script\u003e"' "$E/r.json"
ok "hostile strings: the HTML page has no raw </script> from the input" [ "$(grep -c '</script' "$E/r.html")" = 0 ]
