#!/bin/sh
# fail-open ERBB2 amplified -> amplified a definite status from a damaged input
# case fc-tso500-amp (testdata/cnv/fc-tso500-amp.vcf), operator stream-truncate , form pipe --parse-all
# base statuses {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all - < "$D/input.vcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
