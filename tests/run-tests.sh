#!/bin/bash
# run-tests.sh - mcrc-report's test suite (bcftools test.pl habits).
#
#   tests/run-tests.sh            run everything; the last line is "N passed, N failed"
#   tests/run-tests.sh --regen    rewrite tests/expected/ from the current binary (review the diff by hand!)
#   tests/run-tests.sh -k PATTERN run only cases whose name matches PATTERN
#
# End-to-end cases are the lines of tests/cases/*.tsv: name, expected status or exit:N, options, inputs. The expected
# status is ERBB2's, or GENE=status pairs separated by commas (KRAS=mutant,NRAS=wild-type) for any of the four genes.
# A successful case is run on every form of its input that can be made -- VCF, VCF.gz (BGZF), VCF.gz with a
# tabix index, BCF (with and without a CSI index) and through a pipe -- and every form must give the same report
# (the <input> lines of the provenance, which name the file, are the only lines allowed to differ). The report
# must validate against schemas/report.xsd, carry the expected statuses, and equal tests/expected/NAME.xml.
# A failing case must exit with N, leave no report file, and print exactly tests/expected/NAME.err.
set -u
cd "$(dirname "$0")/.."
TOP=$PWD
BIN=${MCRC_BIN:-$TOP/mcrc-report}    # MCRC_BIN: another build (tests/check-all.sh runs the sanitizer build)
WRAP=${MCRC_WRAP:-}                  # MCRC_WRAP: e.g. valgrind, around the first run of each case
SKIP=" ${MCRC_SKIP:-} "              # MCRC_SKIP: sections to leave out (kb corpus cli outputs json browser pipeline flip url alignments ...)
OUT=$TOP/tests/out/run.$$        # per run: parallel runs must not share files
REGEN=0
PATTERN=""
while [ $# -gt 0 ]; do
    case "$1" in
        --regen) REGEN=1 ;;
        -k) PATTERN=$2; shift ;;
        *) echo "usage: $0 [--regen] [-k PATTERN]" >&2; exit 1 ;;
    esac
    shift
done
export SOURCE_DATE_EPOCH=1767225600   # 2026-01-01: stable provenance time
export LC_ALL=C
mkdir -p "$OUT/forms" "$OUT/run"

npass=0; nfail=0; nskip=0
want() { [[ "$SKIP" != *" $1 "* ]] && { [ -z "$PATTERN" ] || [[ $1 == *$PATTERN* ]]; }; }
pass() { npass=$((npass + 1)); }
fail() { nfail=$((nfail + 1)); echo "FAIL: $*"; }

# ---- unit tests: each program ends with "N passed, N failed" ----
for t in "${MCRC_BUILD:-build}"/test_*; do
    [ -x "$t" ] || continue
    [ -n "$PATTERN" ] && [[ "$t" != *$PATTERN* ]] && continue
    log=$OUT/$(basename "$t").log
    "$t" > "$log" 2>&1
    rc=$?
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
    if [ -z "$line" ]; then fail "$t: no summary line (exit $rc)"; tail -5 "$log"; continue; fi
    npass=$((npass + p)); nfail=$((nfail + f))
    if [ "$rc" != 0 ] || [ "$f" != 0 ]; then echo "FAIL: $t"; grep -v '^ok' "$log" | tail -20; [ "$f" = 0 ] && nfail=$((nfail + 1)); fi
done

# ---- the knowledge base: schema, readability (grade <= 8), facts, rules, no copied sentences ----
if want kb; then
    echo "Flesch-Kincaid grade of each patient block (limit 8):"
    python3 tests/kb/readability.py annotations/knowledge-base.xml | sed 's/^/  /'
    sh tests/kb/check.sh > "$OUT/kb.log" 2>&1
    while read -r word rest; do
        case "$word" in
            PASS) pass ;;
            FAIL) fail "kb: $rest" ;;
        esac
    done < "$OUT/kb.log"
fi

# drop the lines that name the file (they differ between forms by design)
normalise() { grep -v '<input id=' "$1"; }

validate() {
    xmllint --noout --schema "$TOP/schemas/report.xsd" "$1" > "$OUT/xmllint.log" 2>&1
}

# make_forms INPUT NAME -> prints "form path" lines for every form that can be made
make_forms() {
    local in=$1 base=$OUT/forms/$2
    local vcf=$base.vcf
    case "$in" in
        *.vcf.gz|*.bcf) bcftools view --no-version -Ov -o "$vcf" "$in" 2>/dev/null || zcat -f "$in" > "$vcf" 2>/dev/null || return 0 ;;
        *) cp "$in" "$vcf" ;;
    esac
    echo "vcf $vcf"
    bgzip -c "$vcf" > "$base.vcf.gz" && echo "vcf.gz $base.vcf.gz"
    cp "$base.vcf.gz" "$base.idx.vcf.gz"
    tabix -p vcf "$base.idx.vcf.gz" 2>/dev/null && echo "vcf.gz+tbi $base.idx.vcf.gz"
    if bcftools view --no-version -Ob -o "$base.bcf" "$vcf" 2>/dev/null; then
        echo "bcf $base.bcf"
        cp "$base.bcf" "$base.idx.bcf"
        bcftools index "$base.idx.bcf" 2>/dev/null && echo "bcf+csi $base.idx.bcf"
    fi
    echo "pipe $vcf"
}

run_case() {
    local name=$1 expect=$2 opts=$3 inputs=$4
    [ "$opts" = "-" ] && opts=""
    local exp_xml=tests/expected/$name.xml exp_err=tests/expected/$name.err
    local out=$OUT/run/$name.xml err=$OUT/run/$name.err
    # shellcheck disable=SC2086
    $WRAP "$BIN" --no-version $opts -o "$out" $inputs 2> "$err"
    local rc=$?
    if [[ "$expect" == exit:* ]]; then
        local want=${expect#exit:}
        if [ "$rc" != "$want" ]; then fail "$name: exit $rc, expected $want ($(head -c 300 "$err"))"; return; fi
        if [ -e "$out" ] || compgen -G "$out.tmp*" > /dev/null; then fail "$name: a report file was left behind after an error"; return; fi
        if [ "$(wc -l < "$err")" != 1 ]; then fail "$name: expected one error line, got $(wc -l < "$err")"; return; fi
        if [ $REGEN = 1 ]; then cp "$err" "$exp_err"; fi
        if ! diff -u "$exp_err" "$err" > "$OUT/run/$name.diff" 2>&1; then fail "$name: message differs"; cat "$OUT/run/$name.diff"; return; fi
        pass; return
    fi
    if [ "$rc" != 0 ]; then fail "$name: exit $rc ($(head -c 300 "$err"))"; return; fi
    if ! validate "$out"; then fail "$name: report does not validate"; cat "$OUT/xmllint.log"; return; fi
    # expected: an ERBB2 status word, or GENE=status[,GENE=status...] for any of the four genes
    local got pair gene want bad=""
    [[ "$expect" == *=* ]] || expect="ERBB2=$expect"
    for pair in ${expect//,/ }; do
        gene=${pair%%=*}; want=${pair#*=}
        got=$(grep -o "<biomarker gene=\"$gene\"[^>]*" "$out" | grep -o 'status="[a-z-]*"' | cut -d'"' -f2)
        [ "$got" != "$want" ] && bad="$bad $gene is $got, expected $want;"
    done
    if [ -n "$bad" ]; then fail "$name:$bad"; return; fi
    if [ $REGEN = 1 ]; then cp "$out" "$exp_xml"; fi
    if ! diff -u "$exp_xml" "$out" > "$OUT/run/$name.diff" 2>&1; then fail "$name: report differs from $exp_xml"; head -40 "$OUT/run/$name.diff"; return; fi
    pass
    # the plain path (every record parsed) must give the same bytes as the fast path
    # shellcheck disable=SC2086
    "$BIN" --no-version --parse-all $opts -o "$OUT/run/$name.plain.xml" $inputs 2> /dev/null
    if cmp -s "$out" "$OUT/run/$name.plain.xml"; then pass; else fail "$name: --parse-all gives a different report"; diff "$out" "$OUT/run/$name.plain.xml" | head -10; fi
    # one run, every format (issue 16): the XML of -o alone, the HTML of -O h alone, and a JSON view that the
    # json section checks against the schema and this XML
    local all=$OUT/run/$name.all
    # shellcheck disable=SC2086
    "$BIN" --no-version $opts -o "$all.xml" --html "$all.html" --json "$all.json" $inputs 2> "$all.err"
    rc=$?
    # shellcheck disable=SC2086
    "$BIN" --no-version $opts -O h -o "$OUT/run/$name.page" $inputs 2> /dev/null
    if [ $rc != 0 ]; then fail "$name: --html and --json with -o: exit $rc ($(head -c 200 "$all.err"))"
    elif ! cmp -s "$out" "$all.xml"; then fail "$name: the XML of a run with --html and --json differs from -o alone"
    elif ! cmp -s "$OUT/run/$name.page" "$all.html"; then fail "$name: the HTML of a run with --html and --json differs from -O h alone"
    else pass; echo "$all.json $out" >> "$OUT/json.list"; fi
    # the same report from every form of a single input
    set -- $inputs
    [ $# = 1 ] || return
    normalise "$out" > "$OUT/run/$name.norm"
    while read -r form path; do
        local fout=$OUT/run/$name.$form.xml
        if [ "$form" = pipe ]; then
            # shellcheck disable=SC2086
            "$BIN" --no-version $opts - < "$path" > "$fout" 2> "$fout.err"
        else
            # shellcheck disable=SC2086
            "$BIN" --no-version $opts -o "$fout" "$path" 2> "$fout.err"
        fi
        rc=$?
        if [ "$rc" != 0 ]; then fail "$name [$form]: exit $rc ($(head -c 200 "$fout.err"))"; continue; fi
        if ! validate "$fout"; then fail "$name [$form]: report does not validate"; continue; fi
        if normalise "$fout" | diff -u "$OUT/run/$name.norm" - > "$fout.diff"; then pass; else fail "$name [$form]: report differs from the plain VCF's"; head -20 "$fout.diff"; fi
    done < <(make_forms "$1" "$name")
}

# ---- end-to-end cases ----
for tsv in tests/cases/*.tsv; do
    while IFS=$'\t' read -r name expect opts inputs; do
        [ -z "$name" ] && continue
        [[ "$name" == \#* ]] && continue
        [ -n "$PATTERN" ] && [[ "$name" != *$PATTERN* ]] && continue
        run_case "$name" "$expect" "$opts" "$inputs"
    done < "$tsv"
done

# ---- the JSON view of every successful case: strict JSON, valid against schemas/report.schema.json, the XML's
# content by an independent reading of the mapping, and the XSD's enumerations (tests/json/check.py)
if [[ "$SKIP" != *" json "* ]] && [ -s "$OUT/json.list" ]; then
    python3 tests/json/check.py --list "$OUT/json.list" > "$OUT/json.log" 2>&1
    while read -r word rest; do
        case "$word" in
            PASS) pass ;;
            FAIL) fail "json: $rest" ;;
        esac
    done < "$OUT/json.log"
    grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$OUT/json.log" || { fail "json: tests/json/check.py did not finish"; tail -5 "$OUT/json.log"; }
fi

# ---- robustness: every spec-suite and edge-case VCF ends in a report or in one clear error ----
if want corpus; then
    for f in testdata/hts-specs/test/vcf/*/*/*.vcf testdata/htslib_tests/* testdata/bcftools_tests/* testdata/cnvkit/edge_vcfs/*; do
        case "$f" in *.tbi|*.csi) continue ;; esac
        "$BIN" --no-version -g GRCh38 -s NA00001,TUMOR,SAMPLE1,sample -o "$OUT/corpus.xml" "$f" 2> "$OUT/corpus.err"
        rc=$?
        if [ $rc = 0 ]; then
            if validate "$OUT/corpus.xml"; then pass; else fail "corpus $f: report does not validate"; fi
        elif [ $rc = 2 ]; then
            if [ "$(wc -l < "$OUT/corpus.err")" = 1 ] && [ ! -e "$OUT/corpus.xml" ]; then pass; else fail "corpus $f: expected one error line and no report"; cat "$OUT/corpus.err"; fi
        else
            fail "corpus $f: exit $rc"; head -3 "$OUT/corpus.err"
        fi
        rm -f "$OUT/corpus.xml"
    done
fi

# ---- nothing lost: random VCFs, every input form, the same records as bcftools view -R ----
if want differential; then
    python3 tests/differential.py "$BIN" "$OUT/differential" 30 > "$OUT/differential.log" 2>&1
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$OUT/differential.log" | tail -1)
    if [ -z "$summary" ]; then fail "differential: no summary"; tail -5 "$OUT/differential.log"; fi
    grep '^FAIL' "$OUT/differential.log" | while read -r line; do echo "$line"; done
    npass=$((npass + ${summary%% passed*}))
    nfail=$((nfail + $(grep -c '^FAIL' "$OUT/differential.log")))
fi

# ---- flip (issue 12): damaged or meaning-preserving variants of every definite case never give a different or
# more definite status; and the caller dialect matrix (tests/flip/README.md). FLIP_COUNT/FLIP_SECONDS bound it.
if want flip && [ -z "$WRAP" ]; then
    flip_out=$TOP/tests/out/flip flip_secs=${FLIP_SECONDS:-180}
    # another build (the sanitizer one, ~20x slower): its own folder, the tests/cases bases only, 90 s
    flip_more=""
    [ -n "${MCRC_BIN:-}" ] && { flip_out=$flip_out-$(basename "$(dirname "$BIN")"); flip_secs=${FLIP_SECONDS:-90}; flip_more=--no-real; }
    python3 tests/flip/flip.py --bin "$BIN" --seed "${FLIP_SEED:-12}" --count "${FLIP_COUNT:-2000}" \
        --seconds "$flip_secs" --out "$flip_out" $flip_more > "$OUT/flip.log" 2>&1
    python3 tests/flip/dialects.py --bin "$BIN" --out "$flip_out/dialects" >> "$OUT/flip.log" 2>&1
    # the inputs beside VCF: segment tables and alignments (issue 17), bounded
    python3 tests/flip/flip_tables.py --bin "$BIN" --seed "${FLIP_SEED:-12}" --count "${FLIP_TABLES_COUNT:-300}" \
        --seconds "${FLIP_TABLES_SECONDS:-60}" --out "$flip_out-tables" >> "$OUT/flip.log" 2>&1
    python3 tests/flip/flip_alignments.py --bin "$BIN" --seed "${FLIP_SEED:-12}" --count "${FLIP_ALN_COUNT:-150}" \
        --seconds "${FLIP_ALN_SECONDS:-45}" --out "$flip_out-alignments" >> "$OUT/flip.log" 2>&1
    grep -E '^(FAIL|flip:)' "$OUT/flip.log" | head -40
    for s in $(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$OUT/flip.log" | tr ' ,' '__'); do
        p=${s%%_passed*}; f=${s#*passed__}; f=${f%%_failed*}
        npass=$((npass + p)); nfail=$((nfail + f))
    done
    [ "$(grep -cE '^[0-9]+ passed, [0-9]+ failed$' "$OUT/flip.log")" = 4 ] || { fail "flip: no summary"; tail -5 "$OUT/flip.log"; }
fi

# ---- generated hostile inputs: huge, many, broken, killed ----
if want hardening; then
    . tests/hardening.sh
fi

# ---- fail closed: damaged and foreign indexes never change a definite status ----
if want failclosed; then
    . tests/failclosed-index.sh
fi

# ---- inputs as URLs (a local HTTP server) and FILE##idx##INDEX ----
if want url; then
    . tests/url-tests.sh
fi

# ---- copy-number segment tables (--segments) ----
if want segments; then
    . tests/segments-tests.sh
fi

# ---- --alignments BAM/CRAM: per-codon depth and alt reads, statuses, sample/index/CRAM errors, flip ----
if want alignments; then
    . tests/alignments-tests.sh
fi

# ---- the command line itself ----
if want cli; then
    . tests/cli-tests.sh
fi

# ---- one run, every format: --xml/--html/--json, all or none, same-path and output-onto-input refusals ----
if want outputs; then
    . tests/outputs-tests.sh
fi

# ---- the HTML page in a real browser: headless Chromium, axe-core, print to PDF (tests/browser/run.mjs) ----
if want browser; then
    # a fresh clone, or a lockfile changed since the last install: install the locked playwright-core and
    # axe-core (npm ci); later runs need no network.  The stamp is the lockfile that was installed.
    stamp=tests/browser/node_modules/.mcrc-installed-lock
    if ! cmp -s tests/browser/package-lock.json "$stamp"; then
        if ( cd tests/browser && npm ci --no-audit --no-fund --loglevel=error ) > "$OUT/npm-ci.log" 2>&1; then
            cp tests/browser/package-lock.json "$stamp"
        else
            fail "browser: npm ci in tests/browser failed (log: $OUT/npm-ci.log)"; tail -5 "$OUT/npm-ci.log"
            rm -rf tests/browser/node_modules
        fi
    fi
    if [ -d tests/browser/node_modules ]; then
        MCRC_BIN="$BIN" BROWSER_OUT="$OUT/browser" timeout 600 node tests/browser/run.mjs > "$OUT/browser.log" 2>&1
        rc=$?
        while read -r word rest; do
            case "$word" in
                PASS) pass ;;
                FAIL) fail "browser: $rest" ;;
                INFO) echo "  browser: $rest" ;;
            esac
        done < "$OUT/browser.log"
        grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$OUT/browser.log" \
            || { fail "browser: tests/browser/run.mjs did not finish (exit $rc)"; tail -5 "$OUT/browser.log"; }
    fi
fi

# ---- the pipeline step: mcrc-summary, parallel runs, Snakemake for real, wrapper, nf-core/recipe lint, man page ----
if want pipeline; then
    tests/pipeline/run.sh > "$OUT/pipeline.log" 2>&1
    rc=$?
    while read -r word rest; do
        case "$word" in
            PASS) pass ;;
            FAIL) fail "pipeline: $rest" ;;
        esac
    done < "$OUT/pipeline.log"
    grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$OUT/pipeline.log" \
        || { fail "pipeline: tests/pipeline/run.sh did not finish (exit $rc)"; tail -5 "$OUT/pipeline.log"; }
fi

echo "$npass passed, $nfail failed"
if [ "$nfail" = 0 ]; then rm -rf "$OUT"; else echo "outputs kept in $OUT"; fi
[ "$nfail" = 0 ]
