#!/bin/sh
# fail-open KRAS mutant -> mutant a definite status from a record whose value is unusable
# case snv-kras-mnv (testdata/snv/kras-mnv-c34-35delinsTT.vcf), operator record-ad-unusable AD negative at 25245350, form vcf.gz+csi
# base statuses {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
