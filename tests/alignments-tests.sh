# alignments-tests.sh - --alignments BAM/CRAM (src/alignments.c): per-codon depth and alt reads equal to the
# generator's answers (testdata/alignments/expected.tsv, the mapq20/bq20 columns), the statuses and reasons the
# reads give, the sample, index and CRAM-reference errors, and the flip property (a wild-type never survives a
# swapped, unindexed or thinned BAM).  Sourced by run-tests.sh (uses pass/fail, BIN, OUT, TOP), or run alone:
#   MCRC_BIN=$PWD/build-h/mcrc-report bash tests/alignments-tests.sh
# No samtools is needed: the thinned BAM (filters_hg38.no_kras12.bam) is in testdata (testdata/alignments/SOURCES.md).
if [ -z "${OUT:-}" ]; then      # alone
    set -u
    cd "$(dirname "$0")/.."
    TOP=$PWD BIN=${MCRC_BIN:-$TOP/mcrc-report} OUT=$TOP/tests/out/aln.$$
    export SOURCE_DATE_EPOCH=1767225600 LC_ALL=C
    npass=0; nfail=0
    pass() { npass=$((npass + 1)); }
    fail() { nfail=$((nfail + 1)); echo "FAIL: $*"; }
    ALONE=1
fi
A=$OUT/aln
mkdir -p "$A"
T=$TOP/testdata/alignments
cp "$T"/*.bam "$T"/*.bai "$T"/*.cram "$T"/*.crai "$T"/*.vcf "$T"/decoy.fa "$T"/decoy.fa.fai "$A/"

# aln NAME ARGS...: a run in $A; exit code in $A/NAME.rc, report $A/NAME.xml, stderr $A/NAME.err
aln() {
    local n=$1; shift
    ( cd "$A" && "$BIN" --no-version -o "$n.xml" "$@" 2> "$n.err" ); echo $? > "$A/$n.rc"
}
status_of() { grep -o "<biomarker gene=\"$2\"[^>]*" "$A/$1.xml" | grep -o 'status="[a-z-]*"' | cut -d'"' -f2; }
reason_of() { sed -n "/<biomarker gene=\"$2\"/,/<\/biomarker>/p" "$A/$1.xml" | grep -o '<reason code="[^"]*">[^<]*' | head -1 | sed 's/^<reason code="[^"]*">//; s/&gt;/>/g; s/&lt;/</g; s/&amp;/\&/g'; }
expect_ok() {    # NAME GENE=status...: exit 0, valid report, the statuses
    local n=$1; shift
    if [ "$(cat "$A/$n.rc")" != 0 ]; then fail "alignments: $n: exit $(cat "$A/$n.rc") ($(head -c 300 "$A/$n.err"))"; return; fi
    xmllint --noout --schema "$TOP/schemas/report.xsd" "$A/$n.xml" 2> "$A/$n.xsd" && pass || fail "alignments: $n: not valid against report.xsd ($(head -c 300 "$A/$n.xsd"))"
    for gs in "$@"; do
        local got; got=$(status_of "$n" "${gs%%=*}")
        [ "$got" = "${gs#*=}" ] && pass || fail "alignments: $n: ${gs%%=*} is '$got', expected '${gs#*=}'"
    done
}
expect_err() {   # NAME MESSAGE: exit 2, no report, exactly one line
    local rc; rc=$(cat "$A/$1.rc")
    [ "$rc" = 2 ] && pass || fail "alignments: $1: exit $rc, expected 2"
    [ ! -e "$A/$1.xml" ] && pass || fail "alignments: $1: a report was written"
    [ "$(cat "$A/$1.err")" = "$2" ] && pass || fail "alignments: $1: message '$(cat "$A/$1.err")', expected '$2'"
}
expect_reason() {   # NAME GENE TEXT
    local got; got=$(reason_of "$1" "$2")
    [ "$got" = "$3" ] && pass || fail "alignments: $1: $2 reason '$got', expected '$3'"
}

# ---- per-codon depth and alt reads = expected.tsv (reads_bq20, alt_bq20), every scenario ----
aln kras_g12d --alignments kras_g12d_b37.bam kras_g12d_b37.vcf
aln braf_v600e --alignments braf_v600e_hg38.bam braf_nocall_hg38.vcf
aln nras_q61k --alignments nras_q61k_hg19.bam nras_g12d_hg19.vcf
aln multi --alignments multi_ensembl38.bam multi_ensembl38.vcf
aln lowdepth --alignments lowdepth_b37.bam lowdepth_nocall_b37.vcf
aln filters --alignments filters_hg38.bam filters_nocall_hg38.vcf
aln cram --fasta decoy.fa --alignments braf_v600e_hg38.cram braf_nocall_hg38.vcf
for run in kras_g12d:kras_g12d_b37 braf_v600e:braf_v600e_hg38 nras_q61k:nras_q61k_hg19 multi:multi_ensembl38 \
           lowdepth:lowdepth_b37 filters:filters_hg38 cram:braf_v600e_hg38; do
    n=${run%%:*} sc=${run#*:}
    [ "$(cat "$A/$n.rc")" = 0 ] || { fail "alignments: $n: exit $(cat "$A/$n.rc") ($(head -c 300 "$A/$n.err"))"; continue; }
    # gene codon depth alt change, ours from the report, theirs from expected.tsv
    python3 - "$A/$n.xml" "$T/expected.tsv" "$sc" > "$A/$n.cmp" << 'EOF'
import csv, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ours = {}
for b in root.iter('biomarker'):
    for h in b.iter('hotspot'):
        ours[(b.get('gene'), h.get('codon'))] = (h.get('reads-depth'), h.get('reads-alt'), h.get('reads-change', '.'))
n = bad = 0
for r in csv.DictReader(open(sys.argv[2]), delimiter='\t'):
    if r['scenario'] != sys.argv[3]:
        continue
    n += 1
    want = (r['reads_bq20'], r['alt_bq20'] if r['alt_codon'] != '.' else '0', r['protein_change'])
    got = ours.get((r['gene'], r['codon']))
    if got is None or got[0] != want[0] or got[1] != want[1] or (want[1] != '0' and got[2] != want[2]):
        bad += 1
        print('MISMATCH %s %s: ours %s, expected %s' % (r['gene'], r['codon'], got, want))
print('%d rows %d bad' % (n, bad))
EOF
    if tail -1 "$A/$n.cmp" | grep -q '^[1-9][0-9]* rows 0 bad$'; then pass; else fail "alignments: $n: per-codon numbers differ from expected.tsv: $(head -c 400 "$A/$n.cmp")"; fi
done

# ---- statuses and reasons ----
# G12D in the reads and in the call: mutant, the note says the reads support it
expect_ok kras_g12d KRAS=mutant NRAS=wild-type BRAF=no-mutation-detected
grep -q "the alignments' reads support p.G12D: 100 of 500 reads (20%)" "$A/kras_g12d.xml" && pass || fail "alignments: kras_g12d: the call's note does not give the reads"
expect_reason kras_g12d NRAS "Small-variant calls were given and none changes the protein at NRAS codons 12, 13, 59, 61, 117, 146; every base of these codons is shown covered by the alignments (or by gVCF reference blocks, calls or the --callable BED) at depth 100 or more."
# G12D in the reads, no call: indeterminate with the reads' numbers
aln kras_nocall --alignments kras_g12d_b37.bam kras_nocall_b37.vcf
expect_ok kras_nocall KRAS=indeterminate NRAS=wild-type
expect_reason kras_nocall KRAS "KRAS cannot be called: reads support p.G12D at 20% (100 of 500 reads); the variant calls do not include it. Check the variant calls before treatment decisions."
# the same in Spanish
aln kras_nocall_es --lang es --alignments kras_g12d_b37.bam kras_nocall_b37.vcf
expect_reason kras_nocall_es KRAS "No se puede dar un resultado de KRAS: las lecturas apoyan p.G12D en un 20% (100 de 500 lecturas); las variantes no lo incluyen. Revise las variantes antes de decidir el tratamiento."
# a G12D call, 500 reads and none shows it (G12V 4 reads): indeterminate; Q61K reads without a call: indeterminate
expect_ok nras_q61k KRAS=indeterminate NRAS=indeterminate BRAF=no-mutation-detected
expect_reason nras_q61k KRAS "KRAS cannot be called: the reads of the alignments do not support a call at a listed codon: KRAS p.G12D (chr12:25398284 C>T, input 1, allele fraction 0.2, depth 500) [a listed hotspot codon; the alignments' reads do not support p.G12D: 0 of 500 reads (0%), below --min-vaf 0.05]. Check the call and that the alignments are of the same tumour before treatment decisions."
expect_reason nras_q61k NRAS "NRAS cannot be called: reads support p.Q61K at 10% (80 of 800 reads); the variant calls do not include it. Check the variant calls before treatment decisions."
# G12V at 4 of 500 (0.8%) is below --min-vaf: not evidence; with --min-vaf 0.005 it is
grep -q 'codon="12" class="hotspot" covered="true" reads-depth="500" reads-base-depths="500,500,500" reads-alt="4" reads-change="p.G12V" reads-without-call="false"' "$A/nras_q61k.xml" && pass || fail "alignments: nras_q61k: KRAS codon 12 attributes"
# G13D, A146T and V600K (a two-base call) in calls and reads: mutant, no-chr GRCh38 names
expect_ok multi KRAS=mutant NRAS=wild-type BRAF=mutant
grep -q "the alignments' reads support p.V600K: 45 of 300 reads (15%)" "$A/multi.xml" && pass || fail "alignments: multi: the V600K MNV was not compared by codon"
# an in-frame deletion over codons 12-13 is not compared with the reads (said once); the G12D reads lie under a call
aln del12 --alignments kras_g12d_b37.bam kras_del12_b37.vcf
expect_ok del12 KRAS=mutant
grep -q "note=\"a listed hotspot codon; an insertion or deletion: not compared with the alignments' reads\"" "$A/del12.xml" && pass || fail "alignments: del12: the deletion's note"
# mutant by its calls, and the reads show a change no call includes: still mutant, the reason says it
aln multi_no_a146t --alignments multi_ensembl38.bam multi_no_a146t_ensembl38.vcf
expect_ok multi_no_a146t KRAS=mutant BRAF=mutant
expect_reason multi_no_a146t KRAS "KRAS is mutant: KRAS p.G13D (12:25245347 C>T, input 1, allele fraction 0.2, depth 300) is at a listed hotspot codon. Also: reads support p.A146T at 10% (30 of 300 reads); the variant calls do not include it."
# BRAF V600E in the reads only; KRAS and NRAS covered by 400 reads: wild-type (BAM and CRAM alike)
expect_ok braf_v600e KRAS=wild-type NRAS=wild-type BRAF=indeterminate
expect_ok cram KRAS=wild-type NRAS=wild-type BRAF=indeterminate
diff <(grep -v '<alignments \|<thresholds ' "$A/braf_v600e.xml") <(grep -v '<alignments \|<thresholds ' "$A/cram.xml") > /dev/null && pass || fail "alignments: the CRAM's report differs from the BAM's"
# reads with a deletion at KRAS codon 12 and no call: never wild-type (before, deleted reads were passed over and the
# 307 others showed the codon covered)
aln del_reads --alignments kras_del12_hg38.bam braf_v600e_hg38.vcf
expect_ok del_reads KRAS=indeterminate BRAF=mutant
expect_reason del_reads KRAS "KRAS cannot be called: reads support p.G12 indel at 23.2% (93 of 400 reads); the variant calls do not include it. Check the variant calls before treatment decisions."
aln braf_called --alignments braf_v600e_hg38.bam braf_v600e_hg38.vcf
expect_ok braf_called KRAS=wild-type NRAS=wild-type BRAF=mutant
# filtered reads (duplicates, MAPQ 0, secondary, QC-fail, low base quality) carry G12D: not counted, wild-type
expect_ok filters KRAS=wild-type NRAS=wild-type
aln filters_g12d --alignments filters_hg38.bam filters_g12d_hg38.vcf
expect_ok filters_g12d KRAS=indeterminate
# with every filter off, the G12D reads count (MAPQ 0 and BQ 10 reads: 25+30 more than mapq20/bq20)
aln filters_off --min-mapq 0 --min-baseq 0 --alignments filters_hg38.bam filters_nocall_hg38.vcf
expect_ok filters_off KRAS=indeterminate
grep -q 'codon="12" class="hotspot" covered="true" reads-depth="305" reads-base-depths="305,305,305" reads-alt="55"' "$A/filters_off.xml" && pass || fail "alignments: filters_off: KRAS codon 12 is not 305/55 (flag filters only)"
# 12 reads: KRAS G12C 6/12 without a call is evidence (indeterminate); BRAF has no reads: no-mutation-detected
expect_ok lowdepth KRAS=indeterminate NRAS=indeterminate BRAF=no-mutation-detected
aln lowdepth_vaf --min-vaf 0.6 --alignments lowdepth_b37.bam lowdepth_nocall_b37.vcf
expect_ok lowdepth_vaf KRAS=no-mutation-detected NRAS=no-mutation-detected BRAF=no-mutation-detected
aln lowdepth_call --alignments lowdepth_b37.bam lowdepth_g12c_b37.vcf
expect_ok lowdepth_call KRAS=mutant
grep -q "not compared with the alignments' reads: codon depth 12 is below --min-depth 100 (6 reads show p.G12C)" "$A/lowdepth_call.xml" && pass || fail "alignments: lowdepth_call: the call's note"
# --min-depth 0: a codon without reads is still not covered (BRAF has none in this BAM)
aln lowdepth_zero --min-depth 0 --min-vaf 0.6 --alignments lowdepth_b37.bam lowdepth_nocall_b37.vcf
expect_ok lowdepth_zero KRAS=wild-type BRAF=no-mutation-detected
# real reads, hg19 chr names, no @HD line, depth 1-2: no-mutation-detected
aln largemid --alignments LargeMid_56_L005.hotspots.bam largemid56_nocall_hg19.vcf
expect_ok largemid KRAS=no-mutation-detected NRAS=no-mutation-detected BRAF=no-mutation-detected
expect_reason largemid KRAS "Small-variant calls were given and none changes the protein at KRAS codons 12, 13, 59, 61, 117, 146, but neither the alignments nor the calls show that these positions were sequenced at depth 100 or more (not shown for codons 12, 13, 59, 61, 117, 146: fewer than 100 reads in the alignments after the filters, and no gVCF reference block or --callable BED over them), so a mutation there cannot be ruled out."
grep -q '<hotspot codon="61" class="hotspot" covered="false" reads-depth="2"' "$A/largemid.xml" && pass || fail "alignments: largemid: NRAS codon 61 depth is not 2"
# overlapping mates count once: KRAS codon 12 has 4 reads of 3 fragments (samtools depth 4, depth -s and mpileup 3)
aln largemid57 --alignments LargeMid_57_L005.hotspots.bam largemid57_nocall_hg19.vcf
expect_ok largemid57 KRAS=no-mutation-detected
grep -q '<hotspot codon="12" class="hotspot" covered="false" reads-depth="3" reads-base-depths="3,3,3"' "$A/largemid57.xml" && pass || fail "alignments: largemid57: overlapping mates were not counted once at KRAS codon 12"
# real amplicon reads: BRAF depth ~6,700 in exon 15 but 2 at V600 (the amplicon edge): not covered
aln argumentna --alignments ArgumentNA_Tumor.bam argumentna_nocall_hg19.vcf
expect_ok argumentna BRAF=no-mutation-detected
grep -q '<hotspot codon="600" class="hotspot" covered="false" reads-depth="2"' "$A/argumentna.xml" && pass || fail "alignments: argumentna: V600 depth is not 2"
# no small-variant input: not-assessed, the reads are still reported
aln no_sv --skip-sample-check -g GRCh37 --alignments kras_g12d_b37.bam sites_only_b37.vcf
expect_ok no_sv KRAS=not-assessed NRAS=not-assessed
grep -q 'reads-change="p.G12D"' "$A/no_sv.xml" && pass || fail "alignments: no_sv: the reads are not reported"
# JSON view validates
aln json_view --json json_view.json --alignments kras_g12d_b37.bam kras_nocall_b37.vcf
python3 -c "
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))" "$A/json_view.json" "$TOP/schemas/report.schema.json" 2> "$A/json.err" && pass || fail "alignments: JSON view not valid ($(tail -1 "$A/json.err"))"

# ---- errors: exit 2, one line, no report ----
aln cram_nofasta --alignments braf_v600e_hg38.cram braf_nocall_hg38.vcf
expect_err cram_nofasta "mcrc-report: error: braf_v600e_hg38.cram: a CRAM needs its reference: pass --fasta FILE"
mkdir -p "$A/noidx"; cp "$A/kras_g12d_b37.bam" "$A/noidx/"
aln noindex --alignments noidx/kras_g12d_b37.bam kras_g12d_b37.vcf
expect_err noindex "mcrc-report: error: noidx/kras_g12d_b37.bam: no index (.bai, .csi or .crai beside it, or FILE##idx##INDEX); only the hotspot codons are read, through the index"
aln idx_named --alignments "noidx/kras_g12d_b37.bam##idx##kras_g12d_b37.bam.bai" kras_g12d_b37.vcf
expect_ok idx_named KRAS=mutant
# cut short (no end-of-file block), BAM and CRAM, with the index of the whole file: refused, never fewer reads
head -c -28 "$A/kras_g12d_b37.bam" > "$A/cut.bam"; cp "$A/kras_g12d_b37.bam.bai" "$A/cut.bam.bai"
aln cut_bam --alignments cut.bam kras_g12d_b37.vcf
expect_err cut_bam "mcrc-report: error: cut.bam: the end-of-file block is missing: the file is cut short"
head -c -38 "$A/braf_v600e_hg38.cram" > "$A/cut.cram"; cp "$A/braf_v600e_hg38.cram.crai" "$A/cut.cram.crai"
aln cut_cram --fasta decoy.fa --alignments cut.cram braf_nocall_hg38.vcf
expect_err cut_cram "mcrc-report: error: cut.cram: the end-of-file block is missing: the file is cut short"
# the index of another BAM: refused, never read as "no reads here" (flip_alignments.py found both kinds hiding the
# reads that made a gene indeterminate): the same references in another order (b37 index on an hg19 BAM), and
# another file's blocks over the same references (hg38 on hg38)
mkdir -p "$A/swap"; cp "$A/nras_q61k_hg19.bam" "$A/swap/order.bam"; cp "$A/kras_g12d_b37.bam.bai" "$A/swap/order.bam.bai"
cp "$A/braf_v600e_hg38.bam" "$A/swap/blocks.bam"; cp "$A/filters_hg38.bam.bai" "$A/swap/blocks.bam.bai"
aln swap_order --alignments swap/order.bam nras_g12d_hg19.vcf
expect_err swap_order "mcrc-report: error: swap/order.bam: the index does not match the file (where it places the reads of chrM there is no read of that sequence); rebuild it (samtools index)"
aln swap_blocks --alignments swap/blocks.bam braf_nocall_hg38.vcf
expect_err swap_blocks "mcrc-report: error: swap/blocks.bam: the index does not match the file (its offsets for chr12:25225626-25225715 do not lead to a read of that sequence); rebuild it (samtools index)"
# -o onto the alignments or their index: refused before anything is read (exit 1), the file untouched
for target in kras_g12d_b37.bam kras_g12d_b37.bam.bai; do
    before=$(md5sum < "$A/$target")
    ( cd "$A" && "$BIN" --no-version -o "$target" --alignments kras_g12d_b37.bam kras_g12d_b37.vcf 2> "clobber.err" ); rc=$?
    [ $rc = 1 ] && [ "$(md5sum < "$A/$target")" = "$before" ] && grep -q "is the same file as .*--alignments" "$A/clobber.err" && pass \
        || fail "alignments: -o $target: exit $rc ($(head -c 200 "$A/clobber.err"))"
done
aln sm_mismatch --alignments braf_v600e_hg38.bam filters_nocall_hg38.vcf
expect_err sm_mismatch "mcrc-report: error: braf_v600e_hg38.bam: read group sample 'SYN_BRAF_V600E' is not the tumour sample 'SYN_FILTERS' of input 1; pass --skip-sample-check if this is intended"
aln sm_skip --skip-sample-check --alignments braf_v600e_hg38.bam filters_nocall_hg38.vcf
expect_ok sm_skip KRAS=wild-type NRAS=wild-type BRAF=indeterminate
grep -q 'sample-checked="false"' "$A/sm_skip.xml" && pass || fail "alignments: sm_skip: the provenance does not say the sample was not checked"
aln build_mismatch --skip-sample-check --alignments kras_g12d_b37.bam braf_nocall_hg38.vcf
expect_err build_mismatch "mcrc-report: error: kras_g12d_b37.bam: @SQ 12 has length 133851895, not the GRCh38 length 133275309: the alignments are on another genome build than the calls"
aln no_sample --alignments kras_g12d_b37.bam sites_only_b37.vcf
expect_err no_sample "mcrc-report: error: kras_g12d_b37.bam: no input names a tumour sample and -s is not given, so read group sample 'SYN_KRAS_G12D' cannot be checked; pass --skip-sample-check if this is intended"
aln sample_opt -s SYN_KRAS_G12D --alignments kras_g12d_b37.bam sites_only_b37.vcf     # no input sample: -s is compared
expect_ok sample_opt KRAS=not-assessed
aln sample_opt_bad -s OTHER --alignments kras_g12d_b37.bam sites_only_b37.vcf
expect_err sample_opt_bad "mcrc-report: error: kras_g12d_b37.bam: read group sample 'SYN_KRAS_G12D' is not the sample named with -s (OTHER); pass --skip-sample-check if this is intended"
aln no_rg --alignments lowdepth_b37.no_rg.bam lowdepth_nocall_b37.vcf
expect_err no_rg "mcrc-report: error: lowdepth_b37.no_rg.bam: no read group names a sample (@RG SM), so it cannot be checked against the tumour sample; pass --skip-sample-check if this is intended"
aln no_rg_skip --skip-sample-check --alignments lowdepth_b37.no_rg.bam lowdepth_nocall_b37.vcf
expect_ok no_rg_skip KRAS=indeterminate BRAF=no-mutation-detected
aln bad_mapq --min-mapq x --alignments kras_g12d_b37.bam kras_g12d_b37.vcf
[ "$(cat "$A/bad_mapq.rc")" = 1 ] && pass || fail "alignments: --min-mapq x: exit $(cat "$A/bad_mapq.rc"), expected 1"

# ---- flip property: a wild-type from VCF + BAM never stays definite on a swapped, unindexed or thinned BAM ----
expect_ok filters KRAS=wild-type
aln flip_swap --alignments braf_v600e_hg38.bam filters_nocall_hg38.vcf          # another sample
[ "$(cat "$A/flip_swap.rc")" = 2 ] && pass || fail "alignments: flip: a BAM of another sample was accepted"
mkdir -p "$A/flip"; cp "$A/filters_hg38.bam" "$A/flip/"
aln flip_noidx --alignments flip/filters_hg38.bam filters_nocall_hg38.vcf      # index removed
[ "$(cat "$A/flip_noidx.rc")" = 2 ] && pass || fail "alignments: flip: a BAM without its index was accepted"
aln flip_thin --alignments filters_hg38.no_kras12.bam filters_nocall_hg38.vcf  # reads over KRAS codon 12 removed
expect_ok flip_thin NRAS=wild-type
[ "$(status_of flip_thin KRAS)" != wild-type ] && pass || fail "alignments: flip: KRAS stayed wild-type without reads at codon 12"

if [ -n "${ALONE:-}" ]; then
    rm -rf "$OUT"
    echo "$npass passed, $nfail failed"
    [ "$nfail" = 0 ]
fi
