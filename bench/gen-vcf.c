/*
 * gen-vcf.c - synthetic whole-genome VCFs for mcrc-report's benchmark.
 *
 * Usage: gen-vcf N [SEED [CDS_EXONS.tsv]] > out.vcf
 * Writes N records over the GRCh38 primary chromosomes (spread by length,
 * sorted), two samples (TUMOR, NORMAL) with realistic INFO/FORMAT payloads,
 * plus planted calls: copy-number segments (one starting far before ERBB2
 * and ending after it), and hotspot SNVs in KRAS, NRAS and BRAF.  Random
 * records never fall inside a GRCh38 coding segment of annotations/cds_exons.tsv
 * (their random REF would not match the gene model, and mcrc-report rightly
 * stops on that), so gene regions get intronic records and the planted
 * hotspots.  The same N and SEED give the same bytes.  Benchmark tool only.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *chrom[] = { "chr1","chr2","chr3","chr4","chr5","chr6","chr7","chr8","chr9","chr10","chr11","chr12",
    "chr13","chr14","chr15","chr16","chr17","chr18","chr19","chr20","chr21","chr22","chrX","chrY" };
static const int64_t len[] = { 248956422,242193529,198295559,190214555,181538259,170805979,159345973,145138636,
    138394717,133797422,135086622,133275309,114364328,107043718,101991189,90338345,83257441,80373285,58617616,
    64444167,46709983,50818468,156040895,57227415 };

static uint64_t rng;

/* GRCh38 coding segments to keep random records out of */
typedef struct { char chrom[16]; int64_t start, end; } seg_t;
static seg_t segs[256];
static int nsegs;

static void load_segments(const char *fn)
{
    FILE *fp = fopen(fn, "r");
    char line[4096];
    if (!fp) { perror(fn); exit(1); }
    while (fgets(line, sizeof(line), fp) && nsegs < 256) {
        char gene[32], build[16], tx[128], chrom[8];
        long long a, b;
        if (line[0] == '#' || sscanf(line, "%31s %15s %127s %7s %*s %*s %lld %lld", gene, build, tx, chrom, &a, &b) != 6) continue;
        if (strcmp(build, "GRCh38")) continue;
        snprintf(segs[nsegs].chrom, sizeof(segs[0].chrom), "chr%s", chrom);
        segs[nsegs].start = a - 2;      /* and the bases either side, for splice sites */
        segs[nsegs].end = b + 2;
        nsegs++;
    }
    fclose(fp);
}

static int in_cds(const char *chrom, int64_t pos)
{
    for (int i = 0; i < nsegs; i++)
        if (pos >= segs[i].start && pos <= segs[i].end && !strcmp(chrom, segs[i].chrom)) return 1;
    return 0;
}
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

typedef struct { const char *chrom; int64_t pos; const char *line; } plant_t;

/* planted records (GRCh38), in contig order then position: CNV segments and hotspot SNVs */
static const plant_t plants[] = {
    { "chr1", 114716126, "chr1\t114716126\tplant_NRAS_G12D\tC\tT\t60\tPASS\tDP=412;MQ=60;AF=0.21;SOMATIC\tGT:AD:DP:AF\t0/1:325,87:412:0.211\t0/0:380,0:380:0" },
    { "chr7", 140753336, "chr7\t140753336\tplant_BRAF_V600E\tA\tT\t60\tPASS\tDP=388;MQ=60;AF=0.33;SOMATIC\tGT:AD:DP:AF\t0/1:260,128:388:0.33\t0/0:401,0:401:0" },
    { "chr12", 20000000, "chr12\t20000000\tplant_cnv_kras\tN\t<DEL>\t.\tPASS\tSVTYPE=DEL;END=30000000;SVLEN=-10000000\tGT:AD:DP:AF\t./.:.:.:.\t./.:.:.:." },
    { "chr12", 25245350, "chr12\t25245350\tplant_KRAS_G12D\tC\tT\t60\tPASS\tDP=502;MQ=60;AF=0.41;SOMATIC\tGT:AD:DP:AF\t0/1:296,206:502:0.41\t0/0:455,0:455:0" },
    { "chr17", 1000000, "chr17\t1000000\tplant_cnv_before\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=50000000;SVLEN=49000000\tGT:AD:DP:AF\t./.:.:.:.\t./.:.:.:." },
    { "chr17", 39700000, "chr17\t39700000\tplant_cnv_in\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39720000;SVLEN=20000\tGT:AD:DP:AF\t./.:.:.:.\t./.:.:.:." },
};

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: gen-vcf N [SEED]\n"); return 1; }
    int64_t n = atoll(argv[1]);
    rng = argc > 2 ? strtoull(argv[2], NULL, 10) * 2654435761u + 1 : 88172645463325252ull;
    if (argc > 3) load_segments(argv[3]);
    const int nchr = sizeof(len) / sizeof(len[0]);
    int64_t total = 0;
    for (int i = 0; i < nchr; i++) total += len[i];
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof(buf));
    printf("##fileformat=VCFv4.2\n##source=mcrc-report bench/gen-vcf\n##reference=GRCh38\n");
    for (int i = 0; i < nchr; i++) printf("##contig=<ID=%s,length=%" PRId64 ">\n", chrom[i], len[i]);
    printf("##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
           "##FILTER=<ID=LowQual,Description=\"Low quality\">\n"
           "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
           "##INFO=<ID=MQ,Number=1,Type=Float,Description=\"Mapping quality\">\n"
           "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">\n"
           "##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"Somatic\">\n"
           "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">\n"
           "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"SV type\">\n"
           "##INFO=<ID=SVLEN,Number=.,Type=Integer,Description=\"SV length\">\n"
           "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
           "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
           "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
           "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n"
           "##ALT=<ID=DUP,Description=\"Duplication\">\n##ALT=<ID=DEL,Description=\"Deletion\">\n"
           "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\tNORMAL\n");
    static const char bases[] = "ACGT";
    size_t nplant = sizeof(plants) / sizeof(plants[0]), ip = 0;
    for (int c = 0; c < nchr; c++) {
        int64_t k = n * len[c] / total;           /* records on this contig */
        if (k < 1) k = 1;
        int64_t step = len[c] / (k + 1), pos = 0;
        for (int64_t r = 0; r < k; r++) {
            pos += 1 + (int64_t)(next() % (uint64_t)(2 * step - 1));
            if (pos >= len[c]) break;
            for (; ip < nplant && !strcmp(plants[ip].chrom, chrom[c]) && plants[ip].pos <= pos; ip++) puts(plants[ip].line);
            uint64_t x = next();
            if (in_cds(chrom[c], pos)) continue;
            char ref = bases[x & 3], alt = bases[(x >> 2) & 3];
            if (alt == ref) alt = bases[((x >> 2) + 1) & 3];
            int dp = 20 + (int)((x >> 8) % 60), alt_n = (int)((x >> 16) % (unsigned)dp);
            int nd = 20 + (int)((x >> 24) % 60);
            const char *flt = (x >> 40) % 10 ? "PASS" : "LowQual";
            printf("%s\t%" PRId64 "\t.\t%c\t%c\t%d\t%s\tDP=%d;MQ=%d.%d;AF=%.3f\tGT:AD:DP:AF\t0/1:%d,%d:%d:%.3f\t0/0:%d,0:%d:0\n",
                   chrom[c], pos, ref, alt, (int)((x >> 32) % 200), flt, dp + nd, 40 + (int)((x >> 48) % 20), (int)((x >> 52) % 10),
                   (double)alt_n / dp, dp - alt_n, alt_n, dp, (double)alt_n / dp, nd, nd);
        }
        for (; ip < nplant && !strcmp(plants[ip].chrom, chrom[c]); ip++) puts(plants[ip].line);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
