#!/bin/bash
# check-all.sh - what `make check` runs: the whole suite, then the sanitizer build, then valgrind.
#
#   1. tests/run-tests.sh on the normal build: everything (unit, cases on every input form, knowledge base,
#      robustness corpus, command line, browser, pipeline);
#   2. the same suite on build-san/ (AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer on):
#      unit tests, every case on every form, the corpus and the command line -- any sanitizer report makes
#      the run fail (UBSan does not recover; ASan and LSan exit non-zero);
#   3. valgrind memcheck around the first run of every end-to-end case (definite leaks and errors fail it).
#   4. a short run of every libFuzzer target (tests/fuzz/run.sh; `make fuzz` runs them for longer);
#   5. this script's own summary, on stand-in parts (tests/check-all-selftest.sh).
# Every failing test is named, with its part's log, as it comes and again at the end.
# Each part ends with "N passed, N failed"; the last line here is their sum.
set -u
cd "$(dirname "$0")/.."
mkdir -p tests/out
tp=0; tf=0
part() {
    local name=$1; shift
    local log=tests/out/check-$name.log
    echo "== $name"
    "$@" > "$log" 2>&1
    local rc=$?
    # notes are cut to 40 lines; failures never are: each is shown here and listed again at the end
    local notes
    notes=$(grep -E '^(PASS fuzz|Flesch|  en |  es )' "$log")
    if [ -n "$notes" ]; then
        printf '%s\n' "$notes" | head -40
        local more=$(($(printf '%s\n' "$notes" | wc -l) - 40))
        [ "$more" -gt 0 ] && echo "  ($more more lines like these in $log)"
    fi
    grep -E '^ *FAIL' "$log" | sed "s|\$| [$name, log $log]|" | tee -a "$failures"
    grep -E '^(INFO )?outputs kept' "$log"
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -z "$line" ]; then
        echo "FAIL: $name: no summary line (exit $rc) [log $log]" | tee -a "$failures"; tail -5 "$log"; tf=$((tf + 1)); return
    fi
    echo "$name: $line"
    local p=${line%% passed*} f=${line#*passed, }
    f=${f%% failed*}
    tp=$((tp + p)); tf=$((tf + f))
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        tf=$((tf + 1)); echo "FAIL: $name: exit $rc with no failed test [log $log]" | tee -a "$failures"
    fi
}
failures=tests/out/check-failures.txt
: > "$failures"
missing() { echo "FAIL: $*" | tee -a "$failures"; tf=$((tf + 1)); }
part suite tests/run-tests.sh
if [ -x build-san/mcrc-report ]; then
    part sanitizers env ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 MCRC_NO_VALGRIND=1 \
        MCRC_BIN="$PWD/build-san/mcrc-report" MCRC_BUILD=build-san MCRC_SKIP="kb browser pipeline" tests/run-tests.sh
else
    missing "sanitizers: build-san/mcrc-report is missing (make check builds it)"
fi
if command -v valgrind > /dev/null; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
    part valgrind env MCRC_WRAP="$vg" MCRC_SKIP="kb corpus hardening differential cli browser pipeline outputs json url" MCRC_BUILD=/nonexistent tests/run-tests.sh
else
    missing "valgrind: not installed"
fi
if [ -x build-fuzz/fuzz_vcf ]; then
    part fuzz tests/fuzz/run.sh "${MCRC_FUZZ_SECONDS:-15}"
else
    missing "fuzz: build-fuzz/ is missing (make fuzz-build)"
fi
# the self-test runs a copy of this script in a scratch tree, which has no self-test of its own
[ -f tests/check-all-selftest.sh ] && part check-all-selftest tests/check-all-selftest.sh
if [ -s "$failures" ]; then
    echo "== failing tests ($(wc -l < "$failures")), also in $failures"
    cat "$failures"
fi
echo "$tp passed, $tf failed"
[ "$tf" = 0 ]
