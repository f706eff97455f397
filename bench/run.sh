#!/bin/bash
# bench/run.sh - mcrc-report against its peers on synthetic whole-genome VCFs (run by `make bench`).
#
#   bench/run.sh [N ...]      sizes in records [100000 1000000 10000000]; BENCH_RUNS=5 runs each
#
# For each size it writes, under bench/work/ (not committed): N.vcf.gz (BGZF, no index), N.idx.vcf.gz
# (+ .tbi), N.bcf and N.idx.bcf (+ .csi).  Every command selects the same thing -- the records that
# overlap ERBB2, KRAS, NRAS or BRAF on GRCh38 -- and the script first checks that all of them found
# exactly the same records (a benchmark of a wrong answer is worthless).  Times are hyperfine medians
# of BENCH_RUNS runs; peak memory is GNU time's maximum resident set size.  Ratios are against the
# peer measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
TOP=$PWD
W=$TOP/bench/work
mkdir -p "$W"
RUNS=${BENCH_RUNS:-5}
SIZES=${*:-100000 1000000 10000000}
BIN=$TOP/mcrc-report
PY=/usr/bin/python3      # Debian's python, where python3-cyvcf2 lives
for t in hyperfine bcftools bgzip tabix /usr/bin/time; do command -v "$t" > /dev/null || { echo "bench: $t is missing (make bench installs it)" >&2; exit 1; }; done
$PY -c 'import cyvcf2' 2> /dev/null || { echo "bench: python3-cyvcf2 is missing" >&2; exit 1; }
cc -O2 -o "$W/gen-vcf" bench/gen-vcf.c

# the four genes on GRCh38, from the same data the tool uses (BED: 0-based start)
awk -F'\t' '$2 == "GRCh38" { printf "chr%s\t%d\t%d\n", $3, $4 - 1, $5 }' annotations/genes.tsv | sort -k1,1 -k2,2n > "$W/genes.bed"

ours() { "$BIN" --no-version -o /dev/null "$@"; }
median() { $PY -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.4f" % x["median"] for x in r))' "$1"; }
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -1; }

rm -f "$W/mem.txt"
echo "# mcrc-report benchmark, $(date -u +%Y-%m-%d)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(bcftools --version | head -1), htslib $(bcftools --version | sed -n 2p | awk '{print $3}'), $($BIN --version | head -1), $(hyperfine --version)."
echo
for n in $SIZES; do
    v=$W/$n.vcf.gz
    if [ ! -s "$v" ]; then
        "$W/gen-vcf" "$n" 1 annotations/cds_exons.tsv | bgzip -@ 2 -c > "$v"
        cp "$v" "$W/$n.idx.vcf.gz" && tabix -f -p vcf "$W/$n.idx.vcf.gz"
        bcftools view --no-version --threads 2 -Ob -o "$W/$n.bcf" "$v"
        cp "$W/$n.bcf" "$W/$n.idx.bcf" && bcftools index -f "$W/$n.idx.bcf"
    fi
    # the same records from every tool
    ours --dump-records "$W/ours.txt" "$v"; cut -f2- "$W/ours.txt" > "$W/ours.tsv"
    ours --dump-records "$W/ours.txt" "$W/$n.idx.vcf.gz"; cut -f2- "$W/ours.txt" > "$W/ours-idx.tsv"
    ours --dump-records "$W/ours.txt" "$W/$n.bcf"; cut -f2- "$W/ours.txt" > "$W/ours-bcf.tsv"
    bcftools view -H -T "$W/genes.bed" --targets-overlap 1 "$v" | cut -f1,2,4,5 > "$W/bcftools-T.tsv"
    bcftools view -H -R "$W/genes.bed" "$W/$n.idx.vcf.gz" | cut -f1,2,4,5 | sort -u -k1,1V -k2,2n > "$W/bcftools-R.tsv"
    $PY bench/cyvcf2_genes.py "$v" "$W/genes.bed" > "$W/cyvcf2.tsv"
    sort -u -k1,1V -k2,2n "$W/ours-idx.tsv" -o "$W/ours-idx.tsv"
    for f in ours-idx ours-bcf bcftools-T bcftools-R cyvcf2; do
        sort -k1,1V -k2,2n "$W/$f.tsv" | cmp -s - <(sort -k1,1V -k2,2n "$W/ours.tsv") \
            || { echo "bench: $f found different records from mcrc-report's stream on $n records" >&2; exit 1; }
    done
    found=$(wc -l < "$W/ours.tsv")

    hyperfine -N -w 1 -r "$RUNS" --export-json "$W/s.json" \
        "bgzip -dc $v" \
        "$BIN --no-version -o /dev/null $v" \
        "$BIN --no-version --parse-all -o /dev/null $v" \
        "bcftools view -H -T $W/genes.bed --targets-overlap 1 $v" \
        "$BIN --no-version -o /dev/null $W/$n.bcf" \
        "bcftools view -H -T $W/genes.bed --targets-overlap 1 $W/$n.bcf" \
        "$BIN --no-version -o /dev/null $W/$n.idx.vcf.gz" \
        "bcftools view -H -R $W/genes.bed $W/$n.idx.vcf.gz" \
        "$BIN --no-version -o /dev/null $W/$n.idx.bcf" \
        "bcftools view -H -R $W/genes.bed $W/$n.idx.bcf" \
        "$BIN --no-version --threads 1 -o /dev/null $v" \
        "$BIN --no-version --threads 2 -o /dev/null $v" \
        "bgzip -dc $W/$n.bcf" > /dev/null 2>&1
    read -r floor ours_s ours_p bcf_T ours_b bcf_Tb ours_i bcf_R ours_ib bcf_Rb t1 t2 floor_b <<< "$(median "$W/s.json")"
    # cyvcf2 is slow: fewer runs
    hyperfine -N -w 0 -r 2 --export-json "$W/c.json" "$PY bench/cyvcf2_genes.py $v $W/genes.bed" > /dev/null 2>&1
    cyv=$(median "$W/c.json")
    mem=$(peak_kb "$BIN" --no-version -o /dev/null "$v")
    mem_b=$(peak_kb "$BIN" --no-version -o /dev/null "$W/$n.bcf")
    mem_i=$(peak_kb "$BIN" --no-version -o /dev/null "$W/$n.idx.vcf.gz")
    mem_ib=$(peak_kb "$BIN" --no-version -o /dev/null "$W/$n.idx.bcf")
    mem_T=$(peak_kb bcftools view -H -T "$W/genes.bed" --targets-overlap 1 "$v")
    mem_R=$(peak_kb bcftools view -H -R "$W/genes.bed" "$W/$n.idx.vcf.gz")
    mem_Rb=$(peak_kb bcftools view -H -R "$W/genes.bed" "$W/$n.idx.bcf")
    echo "$n $mem $mem_b $mem_i $mem_ib" >> "$W/mem.txt"
    r() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
    echo "## $n records ($(du -h "$v" | cut -f1) VCF.gz; $found records in the four genes, the same from every tool)"
    echo
    echo "| command | median s | ratio |"
    echo "|---|---:|---|"
    echo "| \`bgzip -dc\` (decompression floor) | $floor | 1 |"
    echo "| mcrc-report, VCF.gz streamed | $ours_s | $(r "$ours_s" "$floor") x bgzip -dc; $(r "$bcf_T" "$ours_s") x faster than bcftools -T |"
    echo "| mcrc-report --parse-all (plain path) | $ours_p | $(r "$ours_p" "$floor") x bgzip -dc |"
    echo "| \`bcftools view -H -T genes.bed\` | $bcf_T | $(r "$bcf_T" "$floor") x bgzip -dc |"
    echo "| cyvcf2 script, every record | $cyv | $(r "$cyv" "$ours_s") x mcrc-report |"
    echo "| \`bgzip -dc\` on the BCF (its decompression floor) | $floor_b | 1 |"
    echo "| mcrc-report, BCF streamed | $ours_b | $(r "$ours_b" "$floor_b") x bgzip -dc; $(r "$bcf_Tb" "$ours_b") x faster than bcftools -T on the BCF |"
    echo "| \`bcftools view -H -T genes.bed\` on BCF | $bcf_Tb | |"
    echo "| mcrc-report, indexed VCF.gz | $ours_i | $(r "$ours_i" "$bcf_R") x bcftools -R |"
    echo "| \`bcftools view -H -R genes.bed\` | $bcf_R | |"
    echo "| mcrc-report, indexed BCF | $ours_ib | $(r "$ours_ib" "$bcf_Rb") x bcftools -R on the BCF |"
    echo "| \`bcftools view -H -R genes.bed\` on BCF | $bcf_Rb | |"
    echo "| mcrc-report --threads 1 / --threads 2 | $t1 / $t2 | $(r "$ours_s" "$t1") / $(r "$ours_s" "$t2") x speed-up |"
    echo
    echo "Peak memory (KiB): mcrc-report VCF.gz stream $mem, BCF stream $mem_b, indexed VCF.gz $mem_i, indexed BCF $mem_ib;"
    echo "bcftools -T $mem_T, -R $mem_R, -R on the BCF $mem_Rb."
    echo
done
# memory across sizes: the largest run against the smallest, per input form
if [ "$(wc -l < "$W/mem.txt")" -gt 1 ]; then
    read -r n0 a0 b0 c0 d0 < <(sort -n "$W/mem.txt" | head -1)
    read -r n1 a1 b1 c1 d1 < <(sort -n "$W/mem.txt" | tail -1)
    echo "Peak memory, $n1 records against $n0: VCF.gz stream $(r "$a1" "$a0") x, BCF stream $(r "$b1" "$b0") x, indexed VCF.gz $(r "$c1" "$c0") x, indexed BCF $(r "$d1" "$d0") x."
fi
