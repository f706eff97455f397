#!/bin/sh
# flip BRAF indeterminate -> mutant 
# case snv-lofreq-tumour-only (testdata/snv/lofreq-tumour-only.vcf), operator record-rename-depth-field INFO/DP -> XQDP, form bcf --parse-all
# base statuses {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "indeterminate"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "mutant"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all "$D/input.bcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
