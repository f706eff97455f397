#!/bin/bash
# run.sh SECONDS - run every libFuzzer target (build-fuzz/, `make fuzz-build`) for SECONDS each.
#
# Seeds come from testdata/ and the knowledge bases; the corpus grows in tests/out/fuzz/ (not committed).
# Inputs under tests/fuzz/regressions/TARGET/ are replayed first: every crash found becomes one of them.
# Prints PASS/FAIL per target, exec counts, and "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}
out=tests/out/fuzz
mkdir -p "$out"
np=0; nf=0
seed_dirs() {
    case "$1" in
        fuzz_vcf) echo testdata/cnv testdata/snv testdata/bad testdata/hostile ;;
        fuzz_kb) echo annotations tests/kb/tiny tests/kb/good-lab tests/kb/bad/schema-violation tests/kb/bad/missing-block ;;
        fuzz_annot) echo tests/fuzz/seeds/annot ;;
        fuzz_index) echo tests/fuzz/seeds/index ;;
    esac
}
for t in fuzz_vcf fuzz_kb fuzz_annot fuzz_index; do
    bin=build-fuzz/$t
    if [ ! -x "$bin" ]; then echo "FAIL $t: $bin is missing (make fuzz-build)"; nf=$((nf + 1)); continue; fi
    corpus=$out/corpus-$t
    mkdir -p "$corpus" "$out/artifacts-$t"
    reg=tests/fuzz/regressions/$t
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
        if "$bin" -close_fd_mask=2 "$reg"/* > "$out/$t.regress.log" 2>&1; then echo "PASS $t: regressions replayed ($(ls "$reg" | wc -l))"; np=$((np + 1));
        else echo "FAIL $t: a regression input crashes again"; tail -20 "$out/$t.regress.log"; nf=$((nf + 1)); fi
    fi
    # shellcheck disable=SC2046
    mask=0; [ $t = fuzz_vcf ] && mask=2      # the tool's own error lines: one per input
    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -close_fd_mask=$mask \
        -artifact_prefix="$out/artifacts-$t/" "$corpus" $(seed_dirs $t) > "$out/$t.log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t.log" | grep -o '[0-9]*$')
    if [ $rc = 0 ]; then
        echo "PASS $t: ${secs}s, ${execs:-?} inputs, no crash, leak or sanitizer report"; np=$((np + 1))
    else
        echo "FAIL $t: exit $rc; artifacts in $out/artifacts-$t/"; grep -E 'ERROR|SUMMARY|==[0-9]+==' "$out/$t.log" | head -10; nf=$((nf + 1))
    fi
done
echo "$np passed, $nf failed"
[ "$nf" = 0 ]
