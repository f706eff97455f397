# failclosed-index.sh - a damaged or foreign .tbi/.csi never changes a definite status (sourced by run-tests.sh;
# uses pass/fail, BIN, OUT).  tests/failclosed/damage_index.py makes one base file (ERBB2 amplified by a segment that
# starts before the gene) and, beside copies of it, indexes damaged in each way the reader must detect or survive.
# Each must give the streamed file's ERBB2 status (after a warning where the index is refused), or exit 2 with one
# line and no report; never another status.
F=$OUT/failclosed-index
mkdir -p "$F"
python3 tests/failclosed/damage_index.py "$F" > "$F/make.log" 2>&1 || fail "failclosed-index: damage_index.py failed ($(tail -1 "$F/make.log"))"
fi_status() { grep -o '<biomarker gene="ERBB2"[^>]*' "$1" | grep -o 'status="[a-z-]*"' | cut -d'"' -f2; }
for base in base.vcf.gz base.bcf; do
    "$BIN" --no-version --no-index -o "$F/$base.stream.xml" "$F/$base" 2> /dev/null
    [ "$(fi_status "$F/$base.stream.xml")" = amplified ] && pass || fail "failclosed-index: $base streamed is not amplified"
    "$BIN" --no-version -o "$F/$base.idx.xml" "$F/$base" 2> "$F/$base.idx.err"
    [ "$(fi_status "$F/$base.idx.xml")" = amplified ] && [ ! -s "$F/$base.idx.err" ] && pass || fail "failclosed-index: $base through its index: $(head -c 200 "$F/$base.idx.err")"
done
# name  how it must end: warn (the index refused, the file streamed), same (read through it, same status), error (exit 2),
# refused (warn or error: another file's index is caught by its offsets or by the records it points at)
while read -r name want; do
    f=$(ls "$F/$name".vcf.gz "$F/$name".bcf 2> /dev/null | head -1)
    [ -n "$f" ] || { fail "failclosed-index: $name was not made"; continue; }
    rm -f "$F/$name.xml"
    "$BIN" --no-version -o "$F/$name.xml" "$f" 2> "$F/$name.err"; rc=$?
    st=$(fi_status "$F/$name.xml" 2> /dev/null)
    case "$want" in
        warn) [ $rc = 0 ] && [ "$st" = amplified ] && grep -q 'warning: .*reading the whole file instead' "$F/$name.err" && pass \
                  || fail "failclosed-index: $name: exit $rc, ERBB2 '$st', expected a warning and amplified ($(head -c 200 "$F/$name.err"))" ;;
        same) [ $rc = 0 ] && [ "$st" = amplified ] && pass || fail "failclosed-index: $name: exit $rc, ERBB2 '$st', expected amplified ($(head -c 200 "$F/$name.err"))" ;;
        refused) { [ $rc = 0 ] && [ "$st" = amplified ] && grep -q 'warning: .*reading the whole file instead' "$F/$name.err"; } \
                  || { [ $rc = 2 ] && [ ! -e "$F/$name.xml" ] && [ "$(wc -l < "$F/$name.err")" = 1 ]; } && pass \
                  || fail "failclosed-index: $name: exit $rc, ERBB2 '$st', expected the index refused ($(head -c 200 "$F/$name.err"))" ;;
        error) [ $rc = 2 ] && [ ! -e "$F/$name.xml" ] && [ "$(wc -l < "$F/$name.err")" = 1 ] && pass \
                  || fail "failclosed-index: $name: exit $rc, ERBB2 '$st', expected exit 2 and no report ($(head -c 200 "$F/$name.err"))" ;;
    esac
    # never another definite status, whatever the outcome
    case "$st" in ""|amplified|indeterminate|not-assessed|equivocal) pass ;; *) fail "failclosed-index: $name gave ERBB2 $st" ;; esac
done <<'LIST'
tbi-past-end warn
tbi-emptied-bins same
tbi-emptied-all same
tbi-short-names warn
tbi-other-file refused
csi-shallow warn
csi-max-loffset warn
csi-emptied-bins same
csi-emptied-all same
csi-other-file refused
tbi-without-chr17 same
csi-text-without-chr17 same
csi-without-chr17 refused
tbi-renumbered-up same
tbi-renumbered-down same
csi-renumbered-up same
csi-renumbered-down same
LIST
# the same damage on a real small-variant file, and the index of the same records under a shorter header (flip seed
# 777): NRAS stays mutant (its streamed status), or the run errors
for name in pisces-csi-renumbered-up.bcf pisces-csi-renumbered-down.bcf pisces-tbi-renumbered-up.vcf.gz pisces-tbi-renumbered-down.vcf.gz \
            pisces-tbi-short-header.vcf.gz muse-other-index.vcf.gz; do
    "$BIN" --no-version --include-filtered -o "$F/$name.xml" "$F/$name" 2> "$F/$name.err"; rc=$?
    st=$(grep -o '<biomarker gene="NRAS"[^>]*' "$F/$name.xml" 2> /dev/null | grep -o 'status="[a-z-]*"' | cut -d'"' -f2)
    { [ $rc = 0 ] && [ "$st" = mutant ]; } || { [ $rc = 2 ] && [ ! -e "$F/$name.xml" ]; } && pass \
        || fail "failclosed-index: $name: exit $rc, NRAS '$st', expected mutant or an error ($(head -c 200 "$F/$name.err"))"
done
# flip seed 777's file: an index whose every offset falls in the file's header (testdata/failclosed/README.md)
"$BIN" --no-version --include-filtered -o "$F/muse-into-header.xml" testdata/failclosed/muse-index-into-header.vcf.gz 2> "$F/muse-into-header.err"; rc=$?
st=$(grep -o '<biomarker gene="NRAS"[^>]*' "$F/muse-into-header.xml" 2> /dev/null | grep -o 'status="[a-z-]*"' | cut -d'"' -f2)
{ [ $rc = 0 ] && [ "$st" = mutant ]; } || { [ $rc = 2 ] && [ ! -e "$F/muse-into-header.xml" ] && [ "$(wc -l < "$F/muse-into-header.err")" = 1 ]; } && pass \
    || fail "failclosed-index: muse-index-into-header: exit $rc, NRAS '$st', expected mutant or one error line"
