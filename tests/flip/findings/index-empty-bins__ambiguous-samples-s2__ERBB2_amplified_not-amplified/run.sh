#!/bin/sh
# flip ERBB2 amplified -> not-amplified 
# case ambiguous-samples-s2 (-s S2 testdata/cnv/ambiguous-samples.vcf), operator index-empty-bins  empty-bins, form vcf.gz+tbi --parse-all
# base statuses {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version -s S2 --parse-all "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
