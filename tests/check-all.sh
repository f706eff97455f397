#!/bin/bash
# check-all.sh - what `make check` runs: the whole suite, then the sanitizer build, then valgrind.
#
#   1. tests/run-tests.sh on the normal build: everything (unit, cases on every input form, knowledge base,
#      robustness corpus, command line, browser, pipeline);
#   2. the same suite on build-san/ (AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer on):
#      unit tests, every case on every form, the corpus and the command line -- any sanitizer report makes
#      the run fail (UBSan does not recover; ASan and LSan exit non-zero);
#   3. valgrind memcheck around the first run of every end-to-end case (definite leaks and errors fail it);
#      parts 2 and 3 run side by side (each runs one test at a time, and the machine has two cores).
#   4. a short run of every libFuzzer target (tests/fuzz/run.sh; `make fuzz` runs them for longer);
#   5. this script's own summary, on stand-in parts (tests/check-all-selftest.sh).
# Every failing test is named, with its part's log, as it comes and again at the end.
# Each part ends with "N passed, N failed"; the last line here is their sum.
set -u
cd "$(dirname "$0")/.."
mkdir -p tests/out
tp=0; tf=0
# a part: its command's output goes to tests/out/check-NAME.log, its exit code to check-NAME.rc
run_part() {
    local name=$1; shift
    "$@" > "tests/out/check-$name.log" 2>&1
    echo $? > "tests/out/check-$name.rc"
}
# what a part said: its notes, its failures, its summary line, added to the totals
report_part() {
    local name=$1
    local log=tests/out/check-$name.log
    local rc
    rc=$(cat "tests/out/check-$name.rc" 2> /dev/null || echo 127)
    echo "== $name"
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
part() { run_part "$@"; report_part "$1"; }
failures=tests/out/check-failures.txt
: > "$failures"
missing() { echo "FAIL: $*" | tee -a "$failures"; tf=$((tf + 1)); }
part suite tests/run-tests.sh
# the sanitizer and valgrind parts each run one test at a time: on two cores they run side by side (their
# outputs are apart: each run-tests.sh has its own tests/out/run.PID), which keeps make check under CI's 45 minutes
san=0; vg=""
if [ -x build-san/mcrc-report ]; then
    san=1
    run_part sanitizers env ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 MCRC_NO_VALGRIND=1 \
        MCRC_BIN="$PWD/build-san/mcrc-report" MCRC_BUILD=build-san MCRC_SKIP="kb browser pipeline" tests/run-tests.sh &
fi
if command -v valgrind > /dev/null; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
    run_part valgrind env MCRC_WRAP="$vg" MCRC_SKIP="kb corpus hardening differential cli browser pipeline outputs json url" MCRC_BUILD=/nonexistent tests/run-tests.sh &
fi
wait
if [ $san = 1 ]; then report_part sanitizers; else missing "sanitizers: build-san/mcrc-report is missing (make check builds it)"; fi
if [ -n "$vg" ]; then report_part valgrind; else missing "valgrind: not installed"; fi
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
