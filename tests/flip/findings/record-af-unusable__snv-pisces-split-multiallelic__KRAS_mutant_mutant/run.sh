#!/bin/sh
# fail-open KRAS mutant -> mutant a definite status from a record whose value is unusable
# case snv-pisces-split-multiallelic (testdata/snv/pisces-kras-g12-split.vcf), operator record-af-unusable FORMAT/VF=inf at 25245350, form vcf.gz --parse-all
# base statuses {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
