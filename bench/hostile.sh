#!/bin/bash
# bench/hostile.sh - peak memory and time on the small files that once took gigabytes (issue 13); run by `make bench`.
#
#   bench/hostile.sh            a Markdown table on stdout; the files go to bench/work/ (not committed)
#
# Shapes (bench/gen-hostile.py): ten records of 40,000 ALT alleles at KRAS G12; 200,000 copies of one KRAS
# record; ten records of 40,000 symbolic alleles at KRAS G12; 200,000 copies of one ERBB2 amplification.
# The bound is 64 MiB of peak resident memory (GNU time's maximum resident set size) whatever the input.
set -euo pipefail
cd "$(dirname "$0")/.."
W=bench/work
mkdir -p "$W"
BIN=${MCRC_BIN:-./mcrc-report}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing" >&2; exit 1; }
echo "| shape | input size | peak memory | time | report size | status |"
echo "|---|---|---|---|---|---|"
bad=0
for shape in "many-alleles 40000" "duplicates 200000" "symbolic 40000" "erbb2-copies 200000"; do
    set -- $shape
    f=$W/hostile-$1.vcf
    [ -s "$f" ] || python3 bench/gen-hostile.py "$1" "$2" > "$f"
    /usr/bin/time -f '%M %e' -o "$W/hostile.time" "$BIN" --no-version -o "$W/hostile-$1.xml" "$f" 2> /dev/null || true
    read -r kb secs < <(tail -1 "$W/hostile.time")
    st=$(grep -o '<biomarker gene="[A-Z0-9]*" [^>]*status="[a-z-]*"' "$W/hostile-$1.xml" 2> /dev/null \
         | sed 's/<biomarker gene="\([A-Z0-9]*\)".*status="\([a-z-]*\)"/\1 \2/' | grep -v 'not-assessed' | tr '\n' ',' | sed 's/,$//')
    printf '| %s %s | %s | %.1f MiB | %s s | %s | %s |\n' "$1" "$2" "$(du -h "$f" | cut -f1)" "$(echo "$kb / 1024" | bc -l)" "$secs" \
        "$(du -h "$W/hostile-$1.xml" 2> /dev/null | cut -f1)" "$st"
    [ "$kb" -lt 65536 ] || bad=1
done
[ $bad = 0 ] || { echo "bench: a shape went over 64 MiB" >&2; exit 1; }
