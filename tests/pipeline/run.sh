#!/bin/bash
# tests/pipeline/run.sh - mcrc-report as a pipeline step (issue 6):
#   - mcrc-summary against expected outputs (tests/pipeline/expected/), its refusals and exit codes;
#   - many mcrc-report runs in parallel into one directory (no shared temporary names);
#   - the example Snakemake workflow run for real with Debian's snakemake (-j 2), then again: nothing rebuilt;
#   - the Snakemake wrapper's own test, as snakemake-wrappers runs it (--wrapper-prefix);
#   - lint.py: YAML of wrapper/module/recipe/workflow, nf-core conventions and version command, Dockerfile
#     packages, man page source against --help;
#   - the man page: regenerated from its source it is unchanged, and man -l renders it without warnings;
#   - the bioconda build.sh into a prefix, then the recipe's own test commands; make install DESTDIR;
#   - the Docker image, only where a Docker engine runs.
# Needs the binaries built (make all). Prints "PASS name" / "FAIL name: why" / "INFO ..." lines and
# ends with "N passed, N failed".  REGEN=1 tests/pipeline/run.sh rewrites the expected files.
set -u
cd "$(dirname "$0")/../.."
TOP=$PWD
OUT=$(mktemp -d "${TMPDIR:-/tmp}/mcrc-pipeline.XXXXXX")
export PATH="$TOP:$PATH" LC_ALL=C SOURCE_DATE_EPOCH=1767225600
EXP=tests/pipeline/expected
np=0; nf=0
ok() { np=$((np + 1)); echo "PASS $1"; }
ko() { nf=$((nf + 1)); echo "FAIL $1"; }
# same NAME EXPECTED GOT: compare with an expected file; on a mismatch keep GOT as EXPECTED.new and show the diff
same() {
    if [ "${REGEN:-0}" = 1 ]; then cp "$3" "$2"; fi
    if cmp -s "$2" "$3"; then ok "$1"; else cp "$3" "$2.new"; ko "$1: differs from $2 (see $2.new)"; diff "$2" "$3" | head -10; fi
}

# ---------------------------------------------------------------- mcrc-summary
S=$OUT/summary; mkdir -p "$S"
R=tests/pipeline/reports
mcrc-summary -o "$S/cohort.tsv" -m "$S/cohort_mqc.tsv" $R/*.xml 2> "$S/err"
rc=$?
if [ $rc = 0 ] && [ ! -s "$S/err" ]; then ok "summary: exit 0, nothing on stderr"; else ko "summary: exit $rc: $(head -2 "$S/err")"; fi
same "summary: cohort TSV" $EXP/cohort.tsv "$S/cohort.tsv"
same "summary: MultiQC table" $EXP/cohort_mqc.tsv "$S/cohort_mqc.tsv"
ls $R/*.xml | sort -r | xargs mcrc-summary > "$S/reversed.tsv" 2>&1
cmp -s "$S/cohort.tsv" "$S/reversed.tsv" && ok "summary: same rows whatever the argument order" || ko "summary: argument order changes the output"
printf '# a comment\n\n%s\n' $R/*.xml | mcrc-summary -l - > "$S/list.tsv" 2>&1
cmp -s "$S/cohort.tsv" "$S/list.tsv" && ok "summary: -l - (paths on standard input)" || ko "summary: -l - differs from arguments"
python3 - "$S/cohort_mqc.tsv" "$S/cohort.tsv" > "$S/mqc.log" 2>&1 <<'EOF'
import sys, yaml
mqc = open(sys.argv[1]).read().split("\n")
head = yaml.safe_load("\n".join(l[2:] for l in mqc if l.startswith("# ")))
assert head["id"] and head["section_name"] and head["plot_type"] == "table", head
assert "2 of 5 tumours with an ERBB2 result (40.0%)" in head["description"], head["description"]
cols = [l for l in mqc if l and not l.startswith("#")][0].split("\t")
tsv_cols = [l for l in open(sys.argv[2]).read().split("\n") if l and not l.startswith("#")][0].split("\t")
assert cols[0] == "Sample" and cols[1:] == tsv_cols[1:], (cols, tsv_cols)
assert set(head["headers"]) == set(cols[1:]), "every column has a header"
EOF
[ $? = 0 ] && ok "summary: MultiQC YAML header (id, section_name, plot_type table, rate, headers)" || ko "summary: MultiQC header: $(tail -1 "$S/mqc.log")"
# MultiQC itself (Debian's 1.14) on the cohort: the table keeps the TSV's column order (without `placement`
# it sorts them by title), and each status cell has its word's background colour, drawn as a plain cell
# (a bar under a word made the words overlap)
M=$OUT/multiqc; mkdir -p "$M/in"; cp "$S/cohort_mqc.tsv" "$M/in/mcrc_report_mqc.tsv"
if command -v multiqc > /dev/null && multiqc -q --no-ansi -o "$M/out" "$M/in" > "$M/log" 2>&1; then
    python3 - "$M/out" "$S/cohort.tsv" > "$M/check.log" 2>&1 <<'EOF'
import csv, re, sys
out, tsv = sys.argv[1], sys.argv[2]
page = open(out + "/multiqc_report.html").read()
rows = list(csv.reader((l for l in open(tsv) if not l.startswith("#")), delimiter="\t"))
cols, want = rows[0][1:], {r[0]: dict(zip(rows[0][1:], r[1:])) for r in rows[1:]}
shown = re.findall(r'<th id="header_([a-z0-9_]+)"[^>]*data-namespace="mcrc-report"', page)
assert shown == cols, ("column order", shown)
assert [c.split("_")[0] for c in shown if c.endswith("_status")] == ["erbb2", "kras", "nras", "braf"], shown
colour = {"amplified": "#dce8f8", "mutant": "#dce8f8", "equivocal": "#fdf0d0", "not-amplified": "#eef1f4",
          "wild-type": "#eef1f4", "no-mutation-detected": "#e2eee0", "indeterminate": "#f1e9f8", "not-assessed": "#f4f4f4"}
cells = re.findall(r'<td class="([a-z0-9]+_status) ?[^"]*"( style="background-color:(#[0-9a-f]{6}) !important;")?>([^<]*)</td>', page)
seen = set()
for col, _, bg, word in cells:
    # an empty cell (CRC-08's report names no NRAS or BRAF status) has no colour
    assert (word in colour and bg == colour[word]) or (word == bg == ""), ("colour", col, word, bg)
    seen.add((col, word))
expect = {(c, w[c]) for w in want.values() for c in cols if c.endswith("_status")}
assert seen == expect, ("status cells", sorted(expect - seen), sorted(seen - expect))
assert len({w for _, w in seen}) >= 5, "the cohort shows at least five different words"
# the data MultiQC writes beside the page: every tumour, every status as in the cohort table
data = list(csv.reader(open(out + "/multiqc_data/multiqc_mcrc-report-table.txt"), delimiter="\t"))
got = {r[0]: dict(zip(data[0][1:], r[1:])) for r in data[1:]}
status = lambda t: {s: {c: v for c, v in d.items() if c.endswith("_status")} for s, d in t.items()}
assert status(got) == status(want), "multiqc_data differs from the cohort table"
print("ok", len(seen), "status cells")
EOF
    [ $? = 0 ] && ok "summary: MultiQC 1.14 shows the columns in ERBB2, KRAS, NRAS, BRAF order, each status word in its colour" \
        || ko "summary: MultiQC table: $(tail -1 "$M/check.log")"
else
    ko "summary: multiqc did not run: $(tail -2 "$M/log" 2>/dev/null)"
fi
grep -qx '# ERBB2 amplified: 2 of 5 tumours with an ERBB2 result (40.0%); equivocal 1, not-amplified 2, indeterminate 1, not-assessed 2' "$S/cohort.tsv" \
    && ok "summary: HER2-amplification rate line" || ko "summary: HER2-amplification rate line missing"

# refusals: each bad file gives exit 2, exactly the expected line, and no output file
while IFS=$'\t' read -r file want; do
    [ -z "$file" ] || [[ "$file" == \#* ]] && continue
    rm -f "$S/bad.tsv"
    mcrc-summary -o "$S/bad.tsv" $R/CRC-01.xml "$file" > /dev/null 2> "$S/bad.err"
    rc=$?
    if [ $rc = 2 ] && [ "$(cat "$S/bad.err")" = "$want" ] && [ ! -e "$S/bad.tsv" ]; then ok "summary refuses $file"
    else ko "summary refuses $file: exit $rc, said: $(head -1 "$S/bad.err")"; fi
done < $EXP/summary-errors.tsv
mkdir -p "$S/other"; cp $R/CRC-01.xml "$S/other/"
mcrc-summary $R/CRC-01.xml "$S/other/CRC-01.xml" > /dev/null 2> "$S/dup.err"
rc=$?
[ $rc = 2 ] && grep -q "two reports have the sample name 'CRC-01'" "$S/dup.err" && ok "summary: duplicate sample name is an error" || ko "summary: duplicate sample: exit $rc"
mcrc-summary > /dev/null 2>&1; rc1=$?
mcrc-summary --bogus $R/CRC-01.xml > /dev/null 2>&1; rc2=$?
[ $rc1 = 1 ] && [ $rc2 = 1 ] && ok "summary: usage errors exit 1" || ko "summary: usage errors exit $rc1/$rc2"
mcrc-summary -o "$S/no/such/dir/x.tsv" $R/CRC-01.xml > /dev/null 2>&1; rc=$?
[ $rc = 3 ] && ok "summary: unwritable output exits 3" || ko "summary: unwritable output exit $rc"
cp "$S/cohort.tsv" "$S/keep.tsv"
mcrc-summary -o "$S/keep.tsv" $R/CRC-01.xml tests/pipeline/bad/truncated.xml 2> /dev/null
cmp -s "$S/cohort.tsv" "$S/keep.tsv" && [ -z "$(ls "$S" | grep '\.tmp\.')" ] && ok "summary: an error leaves the existing output as it was" || ko "summary: output touched on error"
[ "$(mcrc-summary --version | head -1)" = "mcrc-summary $(./mcrc-report --version | head -1 | sed 's/^mcrc-report //')" ] \
    && mcrc-summary --help | grep -q '^Usage:' && ok "summary: --version and --help" || ko "summary: --version/--help"
if command -v valgrind > /dev/null; then
    valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite mcrc-summary -m "$S/vg_mqc.tsv" $R/*.xml > /dev/null 2> "$S/vg.log"; a=$?
    valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite mcrc-summary $R/CRC-01.xml tests/pipeline/bad/two-erbb2.xml > /dev/null 2>> "$S/vg.log"; b=$?
    [ $a = 0 ] && [ $b = 2 ] && ok "summary: valgrind clean, on success and on error" || ko "summary: valgrind exit $a/$b: $(grep -m1 '==' "$S/vg.log")"
fi

# ---------------------------------------------------------------- parallel runs into one directory
P=$OUT/parallel; mkdir -p "$P/serial" "$P/shared"
IN=(testdata/cnv/cn-amp-grch38-chr.vcf testdata/cnv/equivocal-cn5.vcf testdata/snv/hotspots-grch38.vcf testdata/cnv/fc-tso500-amp.vcf
    testdata/snv/gvcf-covered.g.vcf testdata/cnv/deletion-over-gene.vcf testdata/snv/kras-g12d-filtered.vcf testdata/cnv/dup-tandem-amp.vcf)
for i in "${!IN[@]}"; do mcrc-report --no-version -v 0 -o "$P/serial/r$i.xml" "${IN[$i]}"; done
pids=()
for round in 1 2; do
    for i in "${!IN[@]}"; do
        mcrc-report --no-version -v 0 -o "$P/shared/r$i.xml" "${IN[$i]}" & pids+=($!)
        mcrc-report --no-version -v 0 -o "$P/shared/same.xml" "${IN[2]}" & pids+=($!)   # 16 writers of one file
        mcrc-report --no-version -v 0 -o "$P/shared/r$i.html" "${IN[$i]}" & pids+=($!)
    done
done
bad=0; for p in "${pids[@]}"; do wait "$p" || bad=$((bad + 1)); done
[ $bad = 0 ] && ok "parallel: 48 runs into one directory all exit 0" || ko "parallel: $bad of 48 runs failed"
leftover=$(ls "$P/shared" | grep -c '\.tmp\.')
[ "$leftover" = 0 ] && ok "parallel: no temporary file left behind" || ko "parallel: $leftover temporary files left"
diffs=0; for i in "${!IN[@]}"; do cmp -s "$P/serial/r$i.xml" "$P/shared/r$i.xml" || diffs=$((diffs + 1)); done
cmp -s "$P/serial/r2.xml" "$P/shared/same.xml" || diffs=$((diffs + 1))
[ $diffs = 0 ] && ok "parallel: every report equals its serial run (16 writers of one file too)" || ko "parallel: $diffs reports differ from the serial run"
xmllint --noout --schema schemas/report.xsd "$P"/shared/*.xml > "$P/xmllint.log" 2>&1 && ok "parallel: reports validate" || ko "parallel: $(head -1 "$P/xmllint.log")"
cp "$P/shared/r0.xml" "$P/keep.xml"
mcrc-report -v 0 -o "$P/shared/r0.xml" testdata/bad/truncated.vcf.gz 2> /dev/null; rc=$?
[ $rc = 2 ] && cmp -s "$P/keep.xml" "$P/shared/r0.xml" && [ "$(ls "$P/shared" | grep -c '\.tmp\.')" = 0 ] \
    && ok "parallel: a failed run leaves the existing report and no temporary file" || ko "parallel: failed run: exit $rc or report touched"

# ---------------------------------------------------------------- the example Snakemake workflow, for real
W=$OUT/workflow; mkdir -p "$W"
smk() { (cd "$W" && snakemake -s "$TOP/workflows/snakemake/Snakefile" -j 2 \
            --config samples="$TOP/workflows/snakemake/samples.tsv" outdir="$W/results" extra=--no-version "$@"); }
nsamples=$(($(grep -vc '^#' workflows/snakemake/samples.tsv) - 1))
if ! command -v snakemake > /dev/null; then
    ko "snakemake: not installed (tools/install-deps.sh test installs it)"
else
    start=$(date +%s)
    smk > "$W/run1.log" 2>&1; rc=$?
    [ $rc = 0 ] && ok "snakemake: example workflow, $nsamples samples, -j 2 ($(($(date +%s) - start)) s)" || { ko "snakemake: exit $rc"; tail -15 "$W/run1.log"; }
    n_xml=$(ls "$W"/results/reports/*.xml 2> /dev/null | wc -l); n_html=$(ls "$W"/results/reports/*.html 2> /dev/null | wc -l)
    [ "$n_xml" = "$nsamples" ] && [ "$n_html" = "$nsamples" ] && ok "snakemake: one XML and one HTML report per tumour" || ko "snakemake: $n_xml XML, $n_html HTML for $nsamples samples"
    xmllint --noout --schema schemas/report.xsd "$W"/results/reports/*.xml > "$W/xmllint.log" 2>&1 && ok "snakemake: reports validate against report.xsd" || ko "snakemake: $(head -1 "$W/xmllint.log")"
    nhtml=0; for h in "$W"/results/reports/*.html; do head -1 "$h" | grep -q '^<!DOCTYPE html>' && nhtml=$((nhtml + 1)); done
    [ "$nhtml" = "$nsamples" ] && ok "snakemake: HTML pages" || ko "snakemake: $nhtml of $nsamples HTML pages start with <!DOCTYPE html>"
    # the JSON of each tumour, from the same run as its XML (issue 16)
    pairs=(); for x in "$W"/results/reports/*.xml; do pairs+=("${x%.xml}.json" "$x"); done
    python3 tests/json/check.py "${pairs[@]}" > "$W/json.log" 2>&1 \
        && ok "snakemake: one JSON per tumour, valid, with its XML's content" || ko "snakemake: JSON: $(grep -m1 '^FAIL' "$W/json.log")"
    # the cohort table without its last column (paths of this run's directory)
    cut -f 1-12 "$W/results/cohort.tsv" > "$W/cohort.cut.tsv" 2> /dev/null
    same "snakemake: cohort summary" $EXP/snakemake-cohort.tsv "$W/cohort.cut.tsv"
    [ -s "$W/results/multiqc/mcrc_report_mqc.tsv" ] && [ "$(grep -vc '^#' "$W/results/multiqc/mcrc_report_mqc.tsv")" = $((nsamples + 1)) ] \
        && ok "snakemake: MultiQC table" || ko "snakemake: MultiQC table missing or incomplete"
    find "$W/results" -type f -printf '%p %T@\n' | sort > "$W/before"
    smk > "$W/run2.log" 2>&1; rc=$?
    find "$W/results" -type f -printf '%p %T@\n' | sort > "$W/after"
    [ $rc = 0 ] && grep -q 'Nothing to be done' "$W/run2.log" && cmp -s "$W/before" "$W/after" \
        && ok "snakemake: second run rebuilds nothing" || { ko "snakemake: second run: exit $rc, or files rewritten"; diff "$W/before" "$W/after" | head -5; }
    smk -n > "$W/dry.log" 2>&1
    grep -q 'Nothing to be done' "$W/dry.log" && ok "snakemake: dry run after it: nothing to do" || ko "snakemake: dry run wants to run jobs"

    # snakemake --lint has nothing to say about the example workflow; a missing sample sheet is one clear line
    (cd workflows/snakemake && snakemake --lint) > "$W/lint.log" 2>&1; rc=$?
    [ $rc = 0 ] && grep -q 'your workflow is in a good condition' "$W/lint.log" && ! grep -q '^Lints for' "$W/lint.log" \
        && ok "snakemake: --lint is clean" || { ko "snakemake: --lint: $(grep -A1 '^Lints for' "$W/lint.log" | head -2 | tr '\n' ' ')"; }
    (cd "$W" && snakemake -s "$TOP/workflows/snakemake/Snakefile" -n --config samples=no-such-sheet.tsv) > "$W/nosheet.log" 2>&1; rc=$?
    [ $rc != 0 ] && grep -q "sample sheet no-such-sheet.tsv not found (set it with --config samples=PATH" "$W/nosheet.log" \
        && ok "snakemake: a missing sample sheet is named" || ko "snakemake: missing sample sheet: exit $rc: $(head -2 "$W/nosheet.log")"

    # the wrapper's own test, laid out as snakemake-wrappers does: DIR/master/bio/mcrc-report + DIR/test
    T=$OUT/wrapper; mkdir -p "$T/master/bio/mcrc-report"
    cp bio/mcrc-report/wrapper.py bio/mcrc-report/environment.yaml "$T/master/bio/mcrc-report/"
    cp -r bio/mcrc-report/test "$T/test"
    (cd "$T/test" && snakemake -j 2 --wrapper-prefix "file://$T/") > "$T/run.log" 2>&1; rc=$?
    if [ $rc = 0 ] && grep -q 'gene="ERBB2" alteration="amplification" status="amplified"' "$T/test/reports/T1.xml" \
        && head -1 "$T/test/reports/T1.html" | grep -q '^<!DOCTYPE html>' \
        && python3 tests/json/check.py "$T/test/reports/T1.json" "$T/test/reports/T1.xml" > "$T/json.log" 2>&1 \
        && grep -q 'gene="KRAS" alteration="mutation" status="wild-type"' "$T/test/reports/T2.xml"; then
        ok "wrapper: test/Snakefile (XML, HTML and JSON outputs from one run; --callable as a named input)"
    else ko "wrapper: test/Snakefile: exit $rc"; tail -10 "$T/run.log"; fi
fi

# ---------------------------------------------------------------- lint (what cannot run here)
python3 tests/pipeline/lint.py "$TOP" > "$OUT/lint.log" 2>&1
while read -r word rest; do
    case "$word" in PASS) ok "lint: $rest" ;; FAIL) ko "lint: $rest" ;; esac
done < "$OUT/lint.log"
grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$OUT/lint.log" || { ko "lint: lint.py did not finish"; tail -5 "$OUT/lint.log"; }

# ---------------------------------------------------------------- the man page
python3 tools/mkman.py docs/mcrc-report.1.md > "$OUT/mcrc-report.1" 2> "$OUT/mkman.err"
cmp -s "$OUT/mcrc-report.1" docs/mcrc-report.1 && ok "man: docs/mcrc-report.1 is up to date with its source" \
    || ko "man: docs/mcrc-report.1 differs from tools/mkman.py docs/mcrc-report.1.md (run make man)"
MANWIDTH=80 man --warnings -l docs/mcrc-report.1 > "$OUT/man.txt" 2> "$OUT/man.err"; rc=$?
[ $rc = 0 ] && [ ! -s "$OUT/man.err" ] && grep -q 'EXIT STATUS' "$OUT/man.txt" && grep -q -- '--amp-cn FLOAT' "$OUT/man.txt" \
    && ok "man: man -l renders it without warnings" || ko "man: man -l: exit $rc: $(head -2 "$OUT/man.err")"

# ---------------------------------------------------------------- packaging
D=$OUT/destdir
make -s install DESTDIR="$D" prefix=/usr > "$OUT/install.log" 2>&1
[ -x "$D/usr/bin/mcrc-report" ] && [ -x "$D/usr/bin/mcrc-summary" ] && [ -f "$D/usr/share/man/man1/mcrc-report.1" ] \
    && man -l "$D/usr/share/man/man1/mcrc-report.1" > /dev/null 2>&1 \
    && ok "make install DESTDIR: both programs and the man page" || ko "make install DESTDIR: $(tail -2 "$OUT/install.log")"
S=$D/usr/share/mcrc-report/schemas
cmp -s "$S/report.xsd" schemas/report.xsd && cmp -s "$S/annotations.xsd" schemas/annotations.xsd \
    && cmp -s "$S/report-html.xsl" schemas/report-html.xsl \
    && "$D/usr/bin/mcrc-report" --no-version -o "$OUT/installed.xml" testdata/cnv/cn-amp-grch38-chr.vcf \
    && xmllint --noout --schema "$S/report.xsd" "$OUT/installed.xml" 2> /dev/null \
    && ok "make install DESTDIR: the schemas in share/mcrc-report/schemas, and a report validates against the installed one" \
    || ko "make install DESTDIR: schemas missing or different in $S"
# the embed helper is built with CC_FOR_BUILD (a compiler for the build machine, when cross-compiling)
CB=$OUT/cc-for-build; mkdir -p "$CB"
printf '#!/bin/sh\necho "$@" >> "%s/called"\nexec cc "$@"\n' "$CB" > "$CB/cc"; chmod +x "$CB/cc"
make -s B="$CB/b" CC_FOR_BUILD="$CB/cc" "$CB/b/embedded.c" > "$CB/log" 2>&1 && grep -q 'tools/embed.c' "$CB/called" 2>/dev/null \
    && ok "make: the embed helper is built with CC_FOR_BUILD" || ko "make: CC_FOR_BUILD was not used for the embed helper"
PFX=$OUT/conda-prefix
PREFIX=$PFX CC=${CC:-cc} CFLAGS="-O2 -g" CPU_COUNT=2 bash recipe/build.sh > "$OUT/build.log" 2>&1; rc=$?
[ $rc = 0 ] && [ -x "$PFX/bin/mcrc-report" ] && ok "recipe: build.sh installs into PREFIX" || ko "recipe: build.sh exit $rc"
# the recipe's test commands, rendered as conda-build would, run against the installed prefix only
python3 - > "$OUT/recipe-tests.sh" 2> "$OUT/recipe.err" <<'EOF'
import jinja2, yaml
t = jinja2.Environment().from_string(open("recipe/meta.yaml").read())
m = yaml.safe_load(t.render(compiler=lambda l: l, pin_subpackage=lambda n, **k: n))
print("set -e")
for c in m["test"]["commands"]:
    print(c)
EOF
mkdir -p "$OUT/recipe-test"
(cd "$OUT/recipe-test" && env PATH="$PFX/bin:/usr/bin:/bin" PREFIX="$PFX" bash "$OUT/recipe-tests.sh") > "$OUT/recipe-test.log" 2>&1; rc=$?
[ $rc = 0 ] && ok "recipe: its test commands pass (--version, --help, one tiny run, mcrc-summary)" || ko "recipe: test commands exit $rc: $(tail -2 "$OUT/recipe-test.log")"
if timeout 20 docker info > /dev/null 2>&1; then
    if timeout 900 docker build -q -t mcrc-report:test . > "$OUT/docker.log" 2>&1 \
        && docker run --rm -v "$TOP/testdata/cnv:/data:ro" mcrc-report:test mcrc-report /data/cn-amp-grch38-chr.vcf | grep -q 'status="amplified"'; then
        ok "docker: image builds and runs"
    else ko "docker: $(tail -2 "$OUT/docker.log")"; fi
else
    echo "INFO docker: no Docker engine runs here, so the image was not built (lint checked its packages)"
fi

echo "$np passed, $nf failed"
if [ "$nf" = 0 ]; then rm -rf "$OUT"; else echo "INFO outputs kept in $OUT"; fi
[ "$nf" = 0 ]
