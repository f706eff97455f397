#!/bin/sh
# fail-open ERBB2 not-amplified -> not-amplified a definite status from a damaged input
# case not-amplified-cn3 (testdata/cnv/not-amplified-cn3.vcf), operator stream-truncate , form vcf
# base statuses {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
