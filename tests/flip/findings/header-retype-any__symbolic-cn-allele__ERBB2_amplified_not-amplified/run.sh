#!/bin/sh
# flip ERBB2 amplified -> not-amplified 
# case symbolic-cn-allele (testdata/cnv/symbolic-cn-allele.vcf), operator header-retype-any ##INFO=<ID=END,Number=1,Type=Integer,Des, form vcf.gz
# base statuses {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
