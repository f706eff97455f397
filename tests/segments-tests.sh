# segments-tests.sh - copy-number segment tables (--segments; src/segments.c, seg_dialect.c): every dialect of
# annotations/segment-dialects.tsv on real files (testdata/segments/SOURCES.md), both builds, chr and no-chr,
# plain/gzip/bgzip+tabix, multi-sample choice, the build from -g or from a VCF of the same run, --purity on log2
# and on purity-fitted tables, refusals (exit 2, one line naming file and line; a positional table: exit 1), and a
# flip property: a definite ERBB2 status stays or becomes less definite when the table is damaged or reshaped.
# Sourced by run-tests.sh (uses pass/fail, BIN, OUT, TOP); alone: MCRC_BIN=build-h/mcrc-report bash tests/segments-tests.sh
if ! declare -F pass > /dev/null; then
    set -u
    cd "$(dirname "$0")/.."
    TOP=$PWD; BIN=${MCRC_BIN:-$TOP/mcrc-report}; OUT=$TOP/tests/out/segments.$$
    export SOURCE_DATE_EPOCH=1767225600 LC_ALL=C
    npass=0; nfail=0
    pass() { npass=$((npass + 1)); }
    fail() { nfail=$((nfail + 1)); echo "FAIL: $*"; }
    SEG_ALONE=1
fi
S=$OUT/segments
D=testdata/segments
mkdir -p "$S"

seg_status() { grep -o "<biomarker gene=\"$2\"[^>]*" "$1" | grep -o 'status="[a-z-]*"' | cut -d'"' -f2; }
# seg_ok NAME STATUS [GREP...] -- OPTIONS: exit 0, a valid report, ERBB2 STATUS, and each GREP (fixed text) in it
seg_ok() {
    local name=$1 want=$2; shift 2
    local greps=()
    while [ "$1" != "--" ]; do greps+=("$1"); shift; done
    shift
    "$BIN" --no-version -o "$S/$name.xml" "$@" 2> "$S/$name.err"
    local rc=$?
    if [ $rc != 0 ]; then fail "segments $name: exit $rc ($(head -c 300 "$S/$name.err"))"; return; fi
    if ! xmllint --noout --schema "$TOP/schemas/report.xsd" "$S/$name.xml" > "$S/$name.xmllint" 2>&1; then fail "segments $name: report does not validate"; return; fi
    local got
    got=$(seg_status "$S/$name.xml" ERBB2)
    if [ "$got" != "$want" ]; then fail "segments $name: ERBB2 is $got, expected $want"; return; fi
    local g
    for g in "${greps[@]}"; do
        grep -qF -- "$g" "$S/$name.xml" || { fail "segments $name: the report lacks: $g"; return; }
    done
    pass
}
# seg_err NAME EXIT MESSAGE -- OPTIONS: exit EXIT, no report, exactly one line: "mcrc-report: error: MESSAGE"
seg_err() {
    local name=$1 want=$2 msg=$3; shift 4
    rm -f "$S/$name.xml"
    "$BIN" --no-version -o "$S/$name.xml" "$@" 2> "$S/$name.err"
    local rc=$?
    if [ $rc != "$want" ]; then fail "segments $name: exit $rc, expected $want ($(head -c 300 "$S/$name.err"))"; return; fi
    if [ -e "$S/$name.xml" ]; then fail "segments $name: a report was written after an error"; return; fi
    if [ "$(wc -l < "$S/$name.err")" != 1 ]; then fail "segments $name: expected one error line"; cat "$S/$name.err"; return; fi
    if [ "$(cat "$S/$name.err")" != "mcrc-report: error: $msg" ]; then fail "segments $name: message differs: $(cat "$S/$name.err") -- expected: $msg"; return; fi
    pass
}

# ---- every dialect, on real files ----
seg_ok cnvkit-cns amplified 'kind="segments" format="cnvkit-cns"' 'value="3.65498" copy-number-observed="25.1935" copy-number="25.1935"' 'values="log2-ratio" purity-corrected="no"' -- -g GRCh37 --segments $D/wgs-chr17.cns
seg_ok cnvkit-call-cns amplified 'format="cnvkit-call-cns"' 'field="cn"' 'purity-corrected="by-caller"' -- -g GRCh37 --segments $D/wgs-chr17.call.cns
seg_ok cnvkit-seg amplified 'format="igv-seg"' 'sample="wgs-chr17" sample-chosen-by="the only sample"' -- -g GRCh37 --segments $D/wgs-chr17.seg
seg_ok cnvkit-f-on-f not-amplified 'chrom="chr17" pos="501" end="81194710"' 'field="log2" value="0.0132405"' -- -g GRCh37 --segments $D/f-on-f.cns
seg_ok gatk-called not-amplified 'format="gatk-called-seg"' 'pos="37761453" end="37949438"' 'direction="neutral" field="MEAN_LOG2_COPY_RATIO" value="0.168893"' -- -g GRCh37 --segments $D/SM-74NF5.called.seg
seg_ok gatk-model not-assessed 'format="gatk-model-seg"' 'code="erbb2-table-no-gene"' -- -g GRCh37 --segments $D/single-sample-cr-ac-nac.modelFinal.seg
seg_ok gatk-cr not-assessed 'format="gatk-cr-seg"' -- -g GRCh37 --segments $D/single-sample-cr-ac-nac.cr.seg
seg_ok purple-gene not-amplified 'format="purple-cnv-gene"' 'gene-field="gene" field="minCopyNumber" value="2.2256"' 'values="gene-min-max" purity-corrected="by-caller"' -- -g GRCh38 --segments $D/RNAsum_TEST.purple.cnv.gene.chr17.tsv
seg_ok purple-gene-no-erbb2 not-assessed 'code="erbb2-table-no-gene"' -- -g GRCh38 --segments $D/gpgr_purple.cnv.gene.tsv
seg_ok purple-somatic not-amplified 'format="purple-cnv-somatic"' 'field="copyNumber" value="1.9924"' -- -g GRCh38 --segments $D/gpgr_purple.cnv.somatic.tsv
seg_ok facets-s97 amplified 'format="facets-cncf"' 'id="s_97"' 'value="11"' -- -g GRCh37 -s s_97 --segments $D/example.s_67_70_97.cncf
seg_ok facets-s70 amplified 'value="7"' -- -g GRCh37 -s s_70 --segments $D/example.s_67_70_97.cncf
seg_ok facets-s67 not-amplified -- -g GRCh37 -s s_67 --segments $D/example.s_67_70_97.cncf
seg_ok ascat-t1 not-amplified 'format="ascat-segments"' 'field="nMajor+nMinor" value="2+1"' -- -g GRCh37 -s A32C-0019_CRUK_PC_0019_T1 --segments $D/A32.fast.segments.txt
seg_ok ascat-m1 amplified 'value="3+3"' -- -g GRCh37 -s A32A-0019_CRUK_PC_0019_M1 --segments $D/A32.fast.segments.txt
seg_ok sequenza not-amplified 'format="sequenza-segments"' 'field="CNt" value="3"' -- -g GRCh37 --segments $D/05_144HH1_BONE.copynumber_calls.txt
seg_ok pcgr-37 amplified 'format="pcgr-cna"' 'value="8+1" copy-number-observed="9" copy-number="9"' -- -g GRCh37 --segments $D/T001-BRCA.grch37.cna.tsv
seg_ok pcgr-38 amplified 'build="GRCh38"' 'value="8+1"' -- -g GRCh38 --segments $D/T001-BRCA.grch38.cna.tsv
seg_ok oncotator-no-chr17 not-assessed 'code="erbb2-table-no-gene"' -- -g GRCh37 --segments $D/Patient0.seg.txt
seg_ok cbioportal-valid not-amplified 'value="0"' -- -g GRCh37 -s TCGA-A1-A0SB-01 --segments $D/data_seg_valid.seg
# a table alone: KRAS/NRAS/BRAF not assessed, as with no small-variant input
seg_ok table-alone-sv amplified 'code="sv-no-input"' -- -g GRCh37 --segments $D/T001-BRCA.grch37.cna.tsv
[ "$(seg_status "$S/table-alone-sv.xml" KRAS)" = not-assessed ] && pass || fail "segments: a table alone: KRAS is not not-assessed"

# a gene table whose minimum and maximum over ERBB2 fall in different categories: conflicting, never one of them
awk 'BEGIN { FS = OFS = "\t" } $4 == "ERBB2" { $6 = 7.5 } 1' $D/RNAsum_TEST.purple.cnv.gene.chr17.tsv > "$S/minmax.tsv"
seg_ok purple-gene-min-max indeterminate 'code="erbb2-conflict"' 'field="maxCopyNumber" value="7.5"' -- -g GRCh38 --segments "$S/minmax.tsv"
# R's NA as the value over ERBB2: a segment without a magnitude, so no call
awk 'BEGIN { FS = OFS = "\t" } $1 == "s_97" && $2 == 17 && $3 <= 37856254 && $4 >= 37884915 { $5 = "NA" } 1' $D/example.s_67_70_97.cncf > "$S/na.cncf"
seg_ok facets-na indeterminate 'code="erbb2-no-magnitude"' -- -g GRCh37 -s s_97 --segments "$S/na.cncf"

# ---- refusals ----
seg_err end-before-start 2 "$D/data_seg_end_before_start.seg line 11: the end (0) is before the start (141213431)" -- -g GRCh37 -s TCGA-A1-A0SB-01 --segments $D/data_seg_end_before_start.seg
seg_err nonsense-values 2 "$D/data_seg_nonsense_values.seg line 28: loc.start is not a position: '3.5'" -- -g GRCh37 -s TCGA-A1-A0SB-01 --segments $D/data_seg_nonsense_values.seg
seg_err out-of-bounds 2 "$D/data_seg_out_of_bounds.seg line 36: loc.start is not a position: '-1'" -- -g GRCh37 -s TCGA-A1-A0SB-01 --segments $D/data_seg_out_of_bounds.seg
expected="expected one of: GATK .called.seg (CONTIG START END MEAN_LOG2_COPY_RATIO CALL), GATK .modelFinal.seg (CONTIG START END LOG2_COPY_RATIO_POSTERIOR_50), GATK .cr.seg (CONTIG START END MEAN_LOG2_COPY_RATIO), CNVkit .call.cns (chromosome start end gene log2 cn probes), CNVkit .cns (chromosome start end gene log2 probes), PURPLE cnv.gene.tsv (chromosome start end gene minCopyNumber maxCopyNumber), PURPLE cnv.somatic.tsv (chromosome start end copyNumber), FACETS cncf (ID or sid, chrom loc.start loc.end tcn.em), ASCAT (sample chr startpos endpos nMajor nMinor), Sequenza (chromosome start.pos end.pos CNt), PCGR CNA (Chromosome Start End nMajor nMinor), SEG (ID chrom loc.start loc.end seg.mean; or Sample Chromosome Start End Segment_Mean, or Start.bp End.bp Log2.Ratio)"
# a compression htslib reads but whose lines it cannot give (xz): one line, never an abort (CI found the positional
# check for a table aborting on an xz input)
xz -c $D/f-on-f.cns > "$S/xz.cns.xz"
seg_err xz 2 "$S/xz.cns.xz: compressed with xz, which mcrc-report does not read; decompress it, or compress with bgzip" -- -g GRCh37 --segments "$S/xz.cns.xz"
seg_err xz-positional 2 "$S/xz.cns.xz: compressed with xz, which mcrc-report does not read; decompress it, or compress with bgzip" -- -g GRCh37 "$S/xz.cns.xz"
# an R warning before the header is not skipped: the file is not a table this tool reads
seg_err r-warning 2 "$D/warning.seg: not a segment table this tool reads: the header line (line 1) has WARNING: ignoring environment value of R_HOME; $expected" -- -g GRCh37 --segments $D/warning.seg
# CNVkit bins (.cnr) are not segments: single bins over-call
seg_err cnvkit-cnr 2 "$D/amplicon.head40.cnr: not a segment table this tool reads: the header line (line 1) has chromosome start end gene log2 depth ...; $expected" -- -g GRCh37 --segments $D/amplicon.head40.cnr
seg_err no-build 2 "$D/wgs-chr17.cns line 18: cannot tell the genome build (a segment table does not state it) and the row falls in a gene region; pass -g GRCh37 or -g GRCh38" -- --segments $D/wgs-chr17.cns
seg_err positional 1 "$D/wgs-chr17.cns looks like a cnvkit-cns segment table; pass it with --segments" -- -g GRCh37 $D/wgs-chr17.cns
seg_err multi-no-s 2 "$D/example.s_67_70_97.cncf: 3 samples (s_67, s_97, s_70); choose one with -s" -- -g GRCh37 --segments $D/example.s_67_70_97.cncf
seg_err multi-many 2 "$D/chr_17_only.seg: 73 samples (BRISK_p_STY37_Mapping250K_Sty_A09_147618, BRISK_p_STY37_Mapping250K_Sty_B12_147668, BRISK_p_STY37_Mapping250K_Sty_D02_147512, BRISK_p_STY37_Mapping250K_Sty_E08_147610, BRISK_p_STY37_Mapping250K_Sty_F07_147596, ...); choose one with -s" -- -g GRCh37 --segments $D/chr_17_only.seg
seg_err multi-wrong-s 2 "$D/A32.fast.segments.txt: -s names none of its 2 samples (A32C-0019_CRUK_PC_0019_T1, A32A-0019_CRUK_PC_0019_M1)" -- -g GRCh37 -s nobody --segments $D/A32.fast.segments.txt
seg_err stdin 1 "--segments: standard input is not read as a segment table; name the file" -- -g GRCh37 --segments -
cp $D/f-on-f.cns "$S/own.cns"
seg_err onto-table 1 "-o $S/own.cns is the same file as --segments $S/own.cns; it would be overwritten, so nothing was done" -- -g GRCh37 --segments "$S/own.cns" -o "$S/own.cns"
cmp -s $D/f-on-f.cns "$S/own.cns" && pass || fail "segments: -o onto a --segments table changed it"
seg_err missing 2 "$S/none.cns: cannot open: No such file or directory" -- -g GRCh37 --segments $S/none.cns

# ---- the build from a VCF of the same run; the table numbered after it ----
seg_ok with-vcf amplified '<evidence input="2" chrom="chr17"' 'id="2" path="testdata/segments/wgs-chr17.cns" kind="segments"' "build-determined-by=\"taken from the run's other inputs" -- --segments $D/wgs-chr17.cns testdata/snv/hotspots-grch37.vcf
[ "$(seg_status "$S/with-vcf.xml" KRAS)" = mutant ] && pass || fail "segments with-vcf: KRAS from the VCF is not mutant"
"$BIN" --no-version -o "$S/with-vcf.json" --segments $D/wgs-chr17.cns testdata/snv/hotspots-grch37.vcf 2> /dev/null
python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))' "$S/with-vcf.json" "$TOP/schemas/report.schema.json" 2> "$S/json.err" \
    && grep -q '"kind": "segments"' "$S/with-vcf.json" && pass || fail "segments: the JSON view of a run with a table does not validate ($(tail -1 "$S/json.err"))"

# GATK's @SQ lines state the build: no -g needed; a contradicting -g or VCF is an error
seg_ok gatk-sq-build not-amplified '<genome build="GRCh37" determined-by="@SQ length of 17 (81195210) in input 1"/>' -- --segments $D/SM-74NF5.called.seg
seg_err gatk-sq-vs-g 2 "$D/SM-74NF5.called.seg: the @SQ lines are GRCh37 (@SQ length of 17 (81195210)) but the run is GRCh38 (-g on the command line)" -- -g GRCh38 --segments $D/SM-74NF5.called.seg
seg_err gatk-sq-vs-vcf 2 "$D/SM-74NF5.called.seg: the @SQ lines are GRCh37 (@SQ length of 17 (81195210)) but the run is GRCh38 (##contig length of chr17 (83257441) in input 1)" -- --segments $D/SM-74NF5.called.seg testdata/snv/bcsq-kras-disagrees.vcf

# ---- --purity: log2 values corrected, purity-fitted ones not again ----
seg_ok purity-log2 amplified 'copy-number-observed="25.1935" copy-number="48.387"' 'purity-corrected="by-this-run"' -- -g GRCh37 --purity 0.5 --segments $D/wgs-chr17.cns
seg_ok purity-fitted amplified 'copy-number-observed="9" copy-number="9"' 'purity-corrected="by-caller"' -- -g GRCh37 --purity 0.5 --segments $D/T001-BRCA.grch37.cna.tsv

# ---- chr and no-chr; plain, gzip, bgzip with a tabix index ----
sed 's/^chr17/17/' $D/wgs-chr17.cns > "$S/nochr.cns"
seg_ok no-chr amplified 'chrom="17" pos="37716630" end="37869726"' -- -g GRCh37 --segments "$S/nochr.cns"
awk 'BEGIN { FS = OFS = "\t" } NR > 1 { $1 = "chr" $1 } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/chr.cna.tsv"
seg_ok chr amplified 'chrom="chr17"' -- -g GRCh37 --segments "$S/chr.cna.tsv"
gzip -c $D/wgs-chr17.cns > "$S/gz.cns.gz"
seg_ok gzip amplified 'compression="gzip"' 'copy-number="25.1935"' -- -g GRCh37 --segments "$S/gz.cns.gz"
bgzip -c $D/wgs-chr17.cns > "$S/bgz.cns.gz" && tabix -f -0 -s 1 -b 2 -e 3 -S 1 "$S/bgz.cns.gz"
[ -s "$S/bgz.cns.gz.tbi" ] && pass || fail "segments: tabix did not index the bgzipped table"
seg_ok bgzip-tabix amplified 'compression="bgzf"' 'copy-number="25.1935"' -- -g GRCh37 --segments "$S/bgz.cns.gz"
bgzip -c $D/T001-BRCA.grch38.cna.tsv > "$S/pcgr38.tsv.gz" && tabix -f -s 1 -b 2 -e 3 -S 1 "$S/pcgr38.tsv.gz"
seg_ok bgzip-tabix-38 amplified 'compression="bgzf"' 'value="8+1"' -- -g GRCh38 --segments "$S/pcgr38.tsv.gz"
# GATK's @ header and CRLF line ends
sed 's/$/\r/' $D/SM-74NF5.called.seg > "$S/crlf.seg"
seg_ok crlf not-amplified 'value="0.168893"' -- -g GRCh37 --segments "$S/crlf.seg"

# ---- flip property: from a definite status, each change keeps it or makes it less definite ----
# (a) the rows on chromosome 17 deleted
awk -F'\t' '$1 != "17"' $D/T001-BRCA.grch37.cna.tsv > "$S/no17.cna.tsv"
seg_ok flip-a-amp not-assessed 'code="erbb2-table-no-gene"' -- -g GRCh37 --segments "$S/no17.cna.tsv"
grep -v '^chr17' $D/f-on-f.cns > "$S/no17.cns"
seg_ok flip-a-notamp not-assessed -- -g GRCh37 --segments "$S/no17.cns"
# (b) an unknown extra column
awk 'BEGIN { FS = OFS = "\t" } { print $0, (NR == 1 ? "extra_column" : "x" NR) }' $D/T001-BRCA.grch37.cna.tsv > "$S/extra.cna.tsv"
seg_ok flip-b-amp amplified 'value="8+1"' -- -g GRCh37 --segments "$S/extra.cna.tsv"
awk 'BEGIN { FS = OFS = "\t" } { print "first", $0 }' $D/f-on-f.cns > "$S/extra.cns"
seg_ok flip-b-notamp not-amplified -- -g GRCh37 --segments "$S/extra.cns"
# (e) the row over ERBB2 cut short inside the gene: the rest was not measured (in a copy-number VCF, which writes only
#     changes, it would be the normal copy number), so not-amplified becomes indeterminate, never stays definite
awk 'BEGIN { FS = OFS = "\t" } $1 == "chr17" { $3 = 37860000 } 1' $D/f-on-f.cns > "$S/half.cns"
seg_ok flip-e-notamp indeterminate 'code="erbb2-partial-coverage"' -- -g GRCh37 --segments "$S/half.cns"
# (f) cut short: a last row without its newline may hold a number cut short (2.5 -> 2), and BGZF without its
#     end-of-file block lost blocks: both refused, never read as a shorter table
head -c -2 $D/f-on-f.cns > "$S/cut.cns"
seg_err flip-f-cut 2 "$S/cut.cns line 25: the last line has no newline: the file may be cut short" -- -g GRCh37 --segments "$S/cut.cns"
bgzip -c $D/f-on-f.cns | head -c -28 > "$S/noeof.cns.gz"
seg_err flip-f-noeof 2 "$S/noeof.cns.gz: the BGZF end-of-file block is missing: the file is cut short" -- -g GRCh37 --segments "$S/noeof.cns.gz"
# (c) one number on the ERBB2 row damaged: refused
awk 'BEGIN { FS = OFS = "\t" } $1 == "17" && $2 <= 37856254 && $3 >= 37884915 { $4 = $4 "x" } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/damaged.cna.tsv"
line=$(grep -n 'x	' "$S/damaged.cna.tsv" | cut -d: -f1)
seg_err flip-c-amp 2 "$S/damaged.cna.tsv line $line: nMajor is not a finite number: '8x'" -- -g GRCh37 --segments "$S/damaged.cna.tsv"
awk 'BEGIN { FS = OFS = "\t" } $1 == "chr17" { $5 = "nan" } 1' $D/f-on-f.cns > "$S/nan.cns"
line=$(grep -n '^chr17' "$S/nan.cns" | cut -d: -f1)
seg_err flip-c-nan 2 "$S/nan.cns line $line: log2 is not a finite number: 'nan'" -- -g GRCh37 --segments "$S/nan.cns"
awk 'BEGIN { FS = OFS = "\t" } $1 == "17" && $2 <= 37856254 && $3 >= 37884915 { $2 = $3 + 10 } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/reversed.cna.tsv"
line=$(awk -F'\t' 'NR > 1 && $2 > $3 { print NR; exit }' "$S/reversed.cna.tsv")
seg_err flip-c-end 2 "$S/reversed.cna.tsv line $line: the end (38156253) is before the start (38156263)" -- -g GRCh37 --segments "$S/reversed.cna.tsv"
awk 'BEGIN { FS = OFS = "\t" } $1 == "17" && $2 <= 37856254 && $3 >= 37884915 { $4 = -3 } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/negative.cna.tsv"
line=$(grep -n '	-3	' "$S/negative.cna.tsv" | cut -d: -f1)
seg_err flip-c-negative 2 "$S/negative.cna.tsv line $line: nMajor is a negative copy number (-3)" -- -g GRCh37 --segments "$S/negative.cna.tsv"
awk 'BEGIN { FS = OFS = "\t" } $1 == "17" && $2 <= 37856254 && $3 >= 37884915 { NF = 4 } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/short.cna.tsv"
line=$(awk -F'\t' 'NF == 4 { print NR; exit }' "$S/short.cna.tsv")
seg_err flip-c-short 2 "$S/short.cna.tsv line $line: 4 fields, but the header has 5" -- -g GRCh37 --segments "$S/short.cna.tsv"
# (d) the columns in another order: read the same; a renamed value column: refused
awk 'BEGIN { FS = OFS = "\t" } { print $5, $3, $1, $4, $2 }' $D/T001-BRCA.grch37.cna.tsv > "$S/reordered.cna.tsv"
seg_ok flip-d-amp amplified 'value="8+1" copy-number-observed="9"' -- -g GRCh37 --segments "$S/reordered.cna.tsv"
if diff <(grep '<evidence' "$S/pcgr-37.xml") <(grep '<evidence' "$S/flip-d-amp.xml") > /dev/null; then pass; else fail "segments flip-d: reordered columns give other evidence"; fi
awk 'BEGIN { FS = OFS = "\t" } { print $6, $5, $4, $3, $2, $1 }' $D/f-on-f.cns > "$S/reordered.cns"
seg_ok flip-d-notamp not-amplified -- -g GRCh37 --segments "$S/reordered.cns"
sed '1s/log2/log2_ratio/' $D/f-on-f.cns > "$S/renamed.cns"
if "$BIN" --no-version -g GRCh37 -o "$S/renamed.xml" --segments "$S/renamed.cns" 2> "$S/renamed.err"; then fail "segments flip-d: a renamed value column was read"
elif grep -q "not a segment table this tool reads: the header line (line 1) has chromosome start end gene log2_ratio probes" "$S/renamed.err"; then pass
else fail "segments flip-d: $(cat "$S/renamed.err")"; fi
# the header's names swapped but not the data: either refused or read as labelled (start/end swapped -> refused)
awk 'BEGIN { FS = OFS = "\t" } NR == 1 { t = $2; $2 = $3; $3 = t } 1' $D/T001-BRCA.grch37.cna.tsv > "$S/swapped.cna.tsv"
if "$BIN" --no-version -g GRCh37 -o "$S/swapped.xml" --segments "$S/swapped.cna.tsv" 2> "$S/swapped.err"; then fail "segments flip-d: start/end labels swapped was read"
elif grep -q "is before the start" "$S/swapped.err"; then pass
else fail "segments flip-d swapped: $(cat "$S/swapped.err")"; fi

if [ -n "${SEG_ALONE:-}" ]; then
    echo "segments: $npass passed, $nfail failed"
    [ "$nfail" = 0 ]
fi
