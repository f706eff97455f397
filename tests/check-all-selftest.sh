#!/bin/bash
# check-all-selftest.sh - tests/check-all.sh's summary names every failing test and its log, however
# many lines come before.  Runs a copy of check-all.sh in a scratch tree whose parts are stand-ins:
# a suite that prints many notes and then two failures, a sanitizer run that stops without its summary
# line, a valgrind run that exits non-zero with no failed test, and a fuzz run that passes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d "${TMPDIR:-/tmp}/check-all-selftest.XXXXXX")
trap 'rm -rf "$t"' EXIT
np=0; nf=0
ok() { if eval "$2"; then echo "PASS $1"; np=$((np + 1)); else echo "FAIL $1"; nf=$((nf + 1)); fi; }

mkdir -p "$t/tests/fuzz" "$t/build-san" "$t/build-fuzz" "$t/bin"
cp "$here/check-all.sh" "$t/tests/"
printf '#!/bin/sh\n' > "$t/build-san/mcrc-report"; cp "$t/build-san/mcrc-report" "$t/build-fuzz/fuzz_vcf"
printf '#!/bin/sh\nexit 0\n' > "$t/bin/valgrind"
cat > "$t/tests/run-tests.sh" <<'SUITE'
#!/bin/bash
case "${MCRC_SKIP:-}" in
    "kb browser pipeline") echo "FAIL: no-summary case"; exit 1 ;;          # the sanitizer part: dies early
    kb\ corpus*) echo "0 passed, 0 failed"; exit 3 ;;                         # valgrind: exit without a failure
esac
for i in $(seq 1 300); do echo "Flesch note $i"; done
echo "FAIL: first-failing-case"
for i in $(seq 1 300); do echo "  en note $i"; done
echo "FAIL: last-failing-case"
echo "outputs kept in tests/out/run.1"
echo "10 passed, 2 failed"
exit 1
SUITE
printf '#!/bin/sh\necho "PASS fuzz_vcf: 1s"\necho "1 passed, 0 failed"\n' > "$t/tests/fuzz/run.sh"
chmod +x "$t"/build-san/mcrc-report "$t"/build-fuzz/fuzz_vcf "$t"/bin/valgrind "$t"/tests/*.sh "$t"/tests/fuzz/run.sh

PATH="$t/bin:$PATH" "$t/tests/check-all.sh" > "$t/out.txt" 2>&1
rc=$?
summary=$(sed -n '/^== failing tests/,$p' "$t/out.txt")
ok "check-all exits non-zero when a part fails" '[ "$rc" != 0 ]'
ok "the last line sums the parts (11 passed; 2 failed + a missing summary + an exit)" \
    '[ "$(tail -1 "$t/out.txt")" = "11 passed, 4 failed" ]'
ok "notes are cut, and say where the rest are" \
    '[ "$(grep -c "^Flesch note\|^  en note" "$t/out.txt")" = 40 ] && grep -q "(560 more lines like these in tests/out/check-suite.log)" "$t/out.txt"'
ok "the closing summary names the failure before 300 notes, with its log" \
    'grep -qxF "FAIL: first-failing-case [suite, log tests/out/check-suite.log]" <<< "$summary"'
ok "the closing summary names the failure after 600 notes, with its log" \
    'grep -qxF "FAIL: last-failing-case [suite, log tests/out/check-suite.log]" <<< "$summary"'
ok "a part without its summary line is named, with its log" \
    'grep -qxF "FAIL: sanitizers: no summary line (exit 1) [log tests/out/check-sanitizers.log]" <<< "$summary"'
ok "a part that exits non-zero with no failed test is named, with its log" \
    'grep -qxF "FAIL: valgrind: exit 3 with no failed test [log tests/out/check-valgrind.log]" <<< "$summary"'
ok "where the failing suite kept its outputs is said" 'grep -qxF "outputs kept in tests/out/run.1" "$t/out.txt"'
ok "a passing part adds no failure" '! grep -q "fuzz.*FAIL\|FAIL.*fuzz" "$t/out.txt"'
[ "$nf" = 0 ] || { echo "--- check-all.sh said:"; cat "$t/out.txt"; }
echo "$np passed, $nf failed"
[ "$nf" = 0 ]
