#!/bin/sh
# flip ERBB2 amplified -> not-amplified 
# case gap-between-amp-segments (testdata/cnv/gap-between-amp-segments.vcf), operator index-flip-bytes  flip 2 bits, form vcf.gz+csi --parse-all
# base statuses {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
