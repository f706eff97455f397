#!/bin/bash
# bench/alignments.sh - depth at every hotspot codon from an indexed whole-genome BAM (issue 17): mcrc-report
# --alignments against `samtools depth -b codons.bed` on the same regions, in the same run; run by `make bench`.
#
#   bench/alignments.sh        a Markdown table on stdout; the BAM is made once and kept in bench/work/ (not committed)
#
# The BAM (bench/gen-bam-sam.py): 3,000,000 filler reads of 100 bp over chr1..chr22 of GRCh38 plus 1,000 reads over
# each of the 20 hotspot codons.  The target is under 0.2 s and flat memory (peak resident set, GNU time).
set -euo pipefail
cd "$(dirname "$0")/.."
W=bench/work
mkdir -p "$W"
BIN=${MCRC_BIN:-./mcrc-report}
NFILL=${ALN_BENCH_READS:-3000000}
for t in /usr/bin/time samtools; do command -v "$t" > /dev/null || { echo "bench: $t is missing (tools/install-deps.sh bench)" >&2; exit 1; }; done
# the hotspot codons of GRCh38 (0-based BED), from the tool's own models
python3 - > "$W/aln-codons.bed" << 'PY'
import csv
ex = [r for r in csv.reader((l for l in open('annotations/cds_exons.tsv') if not l.startswith('#')), delimiter='\t') if r[1] == 'GRCh38']
hot = [r for r in csv.reader((l for l in open('annotations/hotspot-classes.tsv') if not l.startswith('#')), delimiter='\t') if r[2] == '*']
def c2g(gene, c):
    for r in ex:
        if r[0] == gene and int(r[9]) <= c <= int(r[10]):
            s, e, first = int(r[6]), int(r[7]), int(r[9])
            return (s + (c - first)) if r[4] == '+' else (e - (c - first)), r[3]
rows = []
for h in hot:                       # one line per base: a codon may straddle an exon junction (BRAF N581)
    for k in range(3):
        p, c = c2g(h[0], 3 * (int(h[1]) - 1) + 1 + k)
        rows.append(('chr' + c, p - 1, p))
for r in sorted(set(rows), key=lambda r: (int(r[0][3:]), r[1])):
    print('%s\t%d\t%d' % r)
PY
make_bam() {   # FILE NFILLER: made once
    if [ ! -s "$1.bai" ] || [ bench/gen-bam-sam.py -nt "$1" ]; then
        python3 bench/gen-bam-sam.py "$2" 1000 "$W/aln-codons.bed" | samtools view -@2 -b -o "$1.tmp" -
        mv "$1.tmp" "$1" && samtools index "$1"
    fi
}
B=$W/aln-big.bam S=$W/aln-small.bam
make_bam "$B" "$NFILL"
make_bam "$S" $((NFILL / 10))     # a tenth of the filler: memory follows the index htslib loads, not the reads
V=$W/aln-bench.vcf
{ printf '##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n'
  printf '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n'
  printf '##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr7,length=159345973>\n##contig=<ID=chr12,length=133275309>\n##contig=<ID=chr17,length=83257441>\n'
  printf '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBENCH\nchr17\t1000000\t.\tG\tA\t.\tPASS\t.\tGT:AD\t0/1:200,50\n'; } > "$V"
echo "BAM: $(samtools idxstats "$B" | awk '{ n += $3 } END { print n }') reads, $(du -h "$B" | cut -f1); $(( $(wc -l < "$W/aln-codons.bed") / 3 )) codons"
echo
echo "| run | time (best of N) | peak memory |"
echo "|---|---|---|"
best() {   # N label command...: the best wall time of N runs and the peak RSS of the last
    local n=$1 label=$2; shift 2
    local b=999
    for _ in $(seq "$n"); do
        /usr/bin/time -f '%e %M' -o "$W/aln.time" "$@" > "$W/aln.out" 2> /dev/null
        read -r secs kb < "$W/aln.time"
        b=$(echo "if ($secs < $b) $secs else $b" | bc -l)
    done
    printf '| %s | %.2f s (N=%d) | %.1f MiB |\n' "$label" "$b" "$n" "$(echo "$kb / 1024" | bc -l)"
    echo "$b" > "$W/aln.best"
}
best 5 "mcrc-report --alignments: every hotspot codon (depth, codon reads, report); .bai $(du -h "$B.bai" | cut -f1)" "$BIN" --no-version -o "$W/aln-bench.xml" --alignments "$B" "$V"
ours=$(cat "$W/aln.best")
best 5 "the same, a BAM of a tenth of the filler reads spread thinner; .bai $(du -h "$S.bai" | cut -f1)" "$BIN" --no-version -o "$W/aln-small.xml" --alignments "$S" "$V"
best 5 "no --alignments (the same run without the BAM)" "$BIN" --no-version -o "$W/aln-none.xml" "$V"
best 1 "samtools depth -a -Q 20 -q 20 -b codons.bed (streams the whole BAM)" samtools depth -a -Q 20 -q 20 -b "$W/aln-codons.bed" "$B"
# (with -b, samtools depth also prints positions outside the BED: count the BED's own bases only)
sam_total=$(awk 'NR == FNR { for (p = $2 + 1; p <= $3; p++) want[$1 ":" p] = 1; next } ($1 ":" $2) in want { s += $3 } END { print s }' "$W/aln-codons.bed" "$W/aln.out")
regions=$(awk '{ printf "%s%s:%d-%d", (NR > 1 ? " " : ""), $1, $2 + 1, $3 }' "$W/aln-codons.bed")
best 5 "samtools depth -a -Q 20 -q 20 -r, one run per codon (through the index)" \
    bash -c 'for r in $1; do samtools depth -a -Q 20 -q 20 -r "$r" "$2"; done' _ "$regions" "$B"
# the same depths: the sum over every codon base
our_total=$(grep -o 'reads-base-depths="[0-9,]*"' "$W/aln-bench.xml" | grep -o '[0-9][0-9,]*' | tr ',' '\n' | awk '{ s += $1 } END { print s }')
echo
echo "Depth summed over the $(wc -l < "$W/aln-codons.bed") codon bases: mcrc-report $our_total, samtools depth $sam_total"
[ "$our_total" = "$sam_total" ] || { echo "bench: the depths differ from samtools depth" >&2; exit 1; }
[ "$(echo "$ours < 0.2" | bc -l)" = 1 ] || { echo "bench: mcrc-report --alignments took $ours s (target 0.2 s)" >&2; exit 1; }
