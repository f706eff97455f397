#!/bin/sh
# flip BRAF indeterminate -> mutant 
# case snv-mutect2 (testdata/snv/mutect2-somatic.vcf), operator record-af-any-unusable FORMAT/AF=1.5, form vcf.gz --parse-all
# base statuses {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "indeterminate"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "mutant"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
