#!/bin/sh
# flip ERBB2 amplified -> not-amplified 
# case log2-only-amp (testdata/cnv/log2-only-amp.vcf), operator header-drop-decl ##INFO=<ID=END,Number=1,Type=Integer,Des, form vcf --parse-all
# base statuses {"ERBB2": "amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
# got exit 0 {"ERBB2": "not-amplified", "KRAS": "not-assessed", "NRAS": "not-assessed", "BRAF": "not-assessed"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --parse-all "$D/input.vcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
