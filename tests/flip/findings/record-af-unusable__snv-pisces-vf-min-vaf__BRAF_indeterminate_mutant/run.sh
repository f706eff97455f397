#!/bin/sh
# flip BRAF indeterminate -> mutant 
# case snv-pisces-vf-min-vaf (--min-vaf 0.15 testdata/snv/pisces-braf-v600e.vcf), operator record-af-unusable FORMAT/VF=5 at 140753336, form vcf.gz --parse-all
# base statuses {"ERBB2": "not-assessed", "KRAS": "no-mutation-detected", "NRAS": "no-mutation-detected", "BRAF": "indeterminate"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "no-mutation-detected", "NRAS": "no-mutation-detected", "BRAF": "mutant"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --min-vaf 0.15 --parse-all "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
