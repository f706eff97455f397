#!/bin/sh
# fail-open KRAS wild-type -> wild-type wild-type from reference blocks that are not called, passing; fail-open NRAS wild-type -> wild-type wild-type from reference blocks that are not called, passing; fail-open BRAF wild-type -> wild-type wild-type from reference blocks that are not called, passing
# case snv-gvcf-covered (testdata/snv/gvcf-covered.g.vcf), operator record-gvcf-block-filtered 3 blocks LowGQX, form vcf.gz+tbi
# base statuses {"ERBB2": "not-assessed", "KRAS": "wild-type", "NRAS": "wild-type", "BRAF": "wild-type"}
# got exit 0 {"ERBB2": "not-assessed", "KRAS": "wild-type", "NRAS": "wild-type", "BRAF": "wild-type"}
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/../../../.." || exit 1
"${MCRC_BIN:-./mcrc-report}" --no-version  "$D/input.vcf.gz" | grep -o '<biomarker gene="[A-Z0-9]*"[^>]*status="[a-z-]*"'
