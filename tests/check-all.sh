#!/bin/bash
# check-all.sh - what `make check` runs: the whole suite, then the sanitizer build, then valgrind.
#
#   1. tests/run-tests.sh on the normal build: everything (unit, cases on every input form, knowledge base,
#      robustness corpus, command line, browser, pipeline);
#   2. the same suite on build-san/ (AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer on):
#      unit tests, every case on every form, the corpus and the command line -- any sanitizer report makes
#      the run fail (UBSan does not recover; ASan and LSan exit non-zero);
#   3. valgrind memcheck around the first run of every end-to-end case (definite leaks and errors fail it).
#   4. a short run of every libFuzzer target (tests/fuzz/run.sh; `make fuzz` runs them for longer).
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
    grep -E '^(FAIL|  FAIL|PASS fuzz|Flesch|  en |  es |outputs kept)' "$log" | head -60
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -z "$line" ]; then echo "$name: no summary line (exit $rc); see $log"; tail -5 "$log"; tf=$((tf + 1)); return; fi
    echo "$name: $line"
    local p=${line%% passed*} f=${line#*passed, }
    f=${f%% failed*}
    tp=$((tp + p)); tf=$((tf + f))
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then tf=$((tf + 1)); echo "$name: exit $rc"; fi
}
part suite tests/run-tests.sh
if [ -x build-san/mcrc-report ]; then
    part sanitizers env ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
        MCRC_BIN="$PWD/build-san/mcrc-report" MCRC_BUILD=build-san MCRC_SKIP="kb browser pipeline" tests/run-tests.sh
else
    echo "sanitizers: build-san/mcrc-report is missing (make check builds it)"; tf=$((tf + 1))
fi
if command -v valgrind > /dev/null; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
    part valgrind env MCRC_WRAP="$vg" MCRC_SKIP="kb corpus hardening differential cli browser pipeline" MCRC_BUILD=/nonexistent tests/run-tests.sh
else
    echo "valgrind: not installed"; tf=$((tf + 1))
fi
if [ -x build-fuzz/fuzz_vcf ]; then
    part fuzz tests/fuzz/run.sh "${MCRC_FUZZ_SECONDS:-15}"
else
    echo "fuzz: build-fuzz/ is missing (make fuzz-build)"; tf=$((tf + 1))
fi
echo "$tp passed, $tf failed"
[ "$tf" = 0 ]
