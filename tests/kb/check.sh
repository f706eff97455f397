#!/bin/sh
# check.sh [SHEET.txt] - run every knowledge-base check from the repository root.
#   1. the default KB: schema (xmllint), readability, facts, rules, consistency (every result
#      walked: one story per page, treatment statements, safety, dated sources), no-copy;
#      the reasons' templates (annotations/reasons.xml) against the ids the C code uses;
#   2. tests/kb/good-lab and tests/kb/tiny: schema, rules (core), readability;
#   3. tests/kb/bad/*: each fixture must be refused by xmllint or by kblib/rules.py
#      (a sanity check of the fixtures; the C loader has its own tests for them).
# SHEET defaults to testdata/source-sheet/cca-her2-erbb2.txt (a verbatim copy of the shared seed sheet).
# Needs xmllint and python3 (standard library only).  Exit 0 only if all pass.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
sheet=${1:-testdata/source-sheet/cca-her2-erbb2.txt}
xsd=schemas/annotations.xsd
kb=annotations/knowledge-base.xml
fail=0

run() {  # run NAME CMD...: print the command's last lines, count failures
    name=$1; shift
    if out=$("$@" 2>&1); then
        printf 'PASS  %s\n' "$name"
    else
        printf 'FAIL  %s\n' "$name"; fail=$((fail + 1))
    fi
    printf '%s\n' "$out" | grep -E '^(summary|OK|FAIL|ERROR|COPIED|warning|.*validates|.*fails)' | sed 's/^/      /' | head -40
}

run "schema: $kb" xmllint --noout --nonet --schema "$xsd" "$kb"
run "readability: $kb" python3 "$here/readability.py" --es-min 70 "$kb"
run "facts: $kb" python3 "$here/facts.py" "$kb"
run "rules: $kb" python3 "$here/rules.py" "$kb"
run "consistency (one story per page, every result): $kb" python3 "$here/consistency.py" "$kb"
run "reasons: annotations/reasons.xml against src/ (ids, languages, placeholders, Spanish readability)" \
    python3 "$here/reasons.py" --es-min 70 annotations/reasons.xml --src src
if [ -r "$sheet" ]; then
    run "nocopy: $kb vs $sheet" python3 "$here/nocopy.py" "$kb" "$sheet"
else
    printf 'FAIL  nocopy: sheet %s not found (pass its path as the first argument)\n' "$sheet"; fail=$((fail + 1))
fi

for dir in tests/kb/good-lab tests/kb/tiny; do
    run "schema: $dir" xmllint --noout --nonet --schema "$xsd" "$dir/knowledge-base.xml"
    run "rules (core): $dir" python3 "$here/rules.py" --core-only "$dir/knowledge-base.xml"
    run "readability: $dir" python3 "$here/readability.py" "$dir/knowledge-base.xml"
done

for dir in tests/kb/bad/*/; do
    f=${dir}knowledge-base.xml
    # Refused if xmllint (no network, no entity substitution) rejects it, or our loader/rules do.
    if xmllint --noout --nonet --schema "$xsd" "$f" >/dev/null 2>&1 \
       && python3 "$here/rules.py" --core-only "$f" >/dev/null 2>&1; then
        printf 'FAIL  bad fixture accepted: %s\n' "$f"; fail=$((fail + 1))
    else
        printf 'PASS  bad fixture refused: %s\n' "$f"
    fi
done

if [ "$fail" -ne 0 ]; then
    printf '%d check(s) failed\n' "$fail"; exit 1
fi
printf 'all knowledge-base checks passed\n'
