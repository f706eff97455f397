#!/bin/sh
# flip KRAS indeterminate -> mutant ; fail-open NRAS no-mutation-detected -> no-mutation-detected a definite status from a damaged input; fail-open BRAF no-mutation-detected -> no-mutation-detected a definite status from a damaged input
# case snv-strelka2-indels-min-vaf (--min-vaf 0.15 testdata/snv/strelka2-somatic-indels.vcf), operator stream-cut-last-line , form vcf --parse-all
# base statuses {"ERBB2": "not-assessed", "KRAS": "indeterminate", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "mutant", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version --min-vaf 0.15 --parse-all "$D/input.vcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
