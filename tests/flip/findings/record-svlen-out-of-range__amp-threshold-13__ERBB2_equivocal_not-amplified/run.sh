#!/bin/sh
# flip ERBB2 equivocal -> not-amplified 
# case amp-threshold-13 (--amp-cn 13 testdata/cnv/cn-amp-grch38-chr.vcf), operator record-svlen-out-of-range SVLEN=-999999999, form bcf
# base statuses {"ERBB2": "equivocal", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --amp-cn 13 "$D/input.bcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
