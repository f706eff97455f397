#!/bin/sh
# flip KRAS indeterminate -> no-mutation-detected ; fail-open NRAS no-mutation-detected -> no-mutation-detected a definite status from a damaged input; fail-open BRAF no-mutation-detected -> no-mutation-detected a definite status from a damaged input
# case real-merged-kras-g12d (testdata/vcf2maf/test_merged.vcf), operator header-other-build ##reference=hg38.fa, form vcf
# base statuses {"ERBB2": "not-assessed", "KRAS": "indeterminate", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "no-mutation-detected", "NRAS": "no-mutation-detected", "BRAF": "no-mutation-detected"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
