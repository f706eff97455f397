#!/bin/sh
# flip KRAS mutant -> no-mutation-detected 
# case snv-kras-g13dup (testdata/snv/kras-g13dup-indel.vcf), operator index-empty-bins  empty-bins, form vcf.gz+tbi
# base statuses {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "no-mutation-detected", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
