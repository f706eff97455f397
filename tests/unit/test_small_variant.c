/*
 * test_small_variant.c - unit tests of the KRAS/NRAS/BRAF decision rule (src/small_variant.c):
 * the hotspot/class table, sv_decide() on hand-built variant lists and coverage, and the allele fraction
 * and depth that sv_add_record() reads from each caller's dialect (records parsed by htslib from text).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/kstring.h>
#include "embedded.h"
#include "small_variant.h"
#include "unit.h"

static sv_params_t P = { 0.05, 100, 0 };

static sv_variant_t var(gene_id_t g, sv_class_t cls, int used, int set_aside)
{
    sv_variant_t v;
    memset(&v, 0, sizeof(v));
    v.gene = g; v.cls = cls; v.used = used; v.set_aside = set_aside; v.determined = cls != SV_CLASS_UNDETERMINED;
    v.input = 1; v.pos = 25245350;
    strcpy(v.chrom, "12"); strcpy(v.ref, "C"); strcpy(v.alt, "T"); strcpy(v.hgvs_p, "p.G12D");
    return v;
}

static void sites(sv_site_t *s, int n, gene_id_t g, int covered)
{
    for (int i = 0; i < n; i++) {
        memset(&s[i], 0, sizeof(s[i]));
        s[i].gene = g; s[i].codon = 12 + i; s[i].cls = SV_CLASS_HOTSPOT;
        for (int k = 0; k < 3; k++) { s[i].gpos[k] = 100 + 3 * i + k; s[i].covered[k] = covered; }
    }
}


/* Parse a header (the caller's ##FORMAT/##INFO lines, then the sample names) and one GRCh38 KRAS record,
 * run it through sv_add_record() for sample `sample`, and return the first variant (or exit code <0). */
static int read1(const char *hdr_lines, const char *samples, const char *line, int sample, sv_variant_t *out)
{
    mcrc_err_t err;
    kstring_t ht = { 0, 0, NULL }, ks = { 0, 0, NULL };
    ksprintf(&ht, "##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
                  "##contig=<ID=chr12,length=133275309>\n%s#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO%s%s\n",
             hdr_lines, samples[0] ? "\tFORMAT\t" : "", samples);
    bcf_hdr_t *h = bcf_hdr_init("r");
    bcf1_t *rec = bcf_init();
    int r = -100;
    sv_state_t s;
    memset(&s, 0, sizeof(s));
    memset(out, 0, sizeof(*out));
    if (bcf_hdr_parse(h, ht.s) < 0) goto done;
    kputs(line, &ks);
    if (vcf_parse(&ks, h, rec) < 0) { r = -101; goto done; }
    if ((r = sv_init(&s, &P, NULL, 1, &err)) < 0 || (r = sv_header(&s, 1, h, 0, &err)) < 0 || (r = sv_begin(&s, BUILD_GRCH38, &err)) < 0) goto done;
    if ((r = sv_add_record(&s, 1, h, rec, sample, GENE_KRAS, rec->pos + 1, &err)) < 0) goto done;
    r = s.nv ? 0 : -102;
    if (s.nv) *out = s.v[0];
done:
    sv_destroy(&s);
    bcf_destroy(rec);
    bcf_hdr_destroy(h);
    free(ht.s);
    free(ks.s);
    return r;
}

/* the fraction, its field, the depth, its field */
#define CHECK_READ(v, vf, vff, dp, dpf) do { \
        CHECK_INT((v).has_vaf, (vff)[0] != 0); if ((v).has_vaf) CHECK_NEAR((v).vaf, vf, 1e-6); \
        CHECK(!strcmp((v).vaf_field, vff)); if (strcmp((v).vaf_field, vff)) printf("  vaf_field is '%s'\n", (v).vaf_field); \
        CHECK_INT((v).has_depth, (dpf)[0] != 0); if ((v).has_depth) CHECK_INT((v).depth, dp); \
        CHECK(!strcmp((v).depth_field, dpf)); if (strcmp((v).depth_field, dpf)) printf("  depth_field is '%s'\n", (v).depth_field); \
    } while (0)

/* KRAS G12D (c.35G>A) and a G13 duplication on GRCh38 */
#define G12D "chr12\t25245350\t.\tC\tT\t.\tPASS\t"
#define G12 "chr12\t25245350\t.\tC\t"
#define G13DUP "chr12\t25245347\t.\tC\tCACC\t.\tPASS\t"

static const char *M2 =
    "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths for the ref and alt alleles in the order listed\">\n"
    "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fractions of alternate alleles in the tumor\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth (reads with MQ=255 or with bad mates are filtered)\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Approximate read depth; some reads may have been filtered\">\n";
static const char *STRELKA =
    "##FORMAT=<ID=AU,Number=2,Type=Integer,Description=\"Number of 'A' alleles used in tiers 1,2\">\n"
    "##FORMAT=<ID=CU,Number=2,Type=Integer,Description=\"Number of 'C' alleles used in tiers 1,2\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth for tier1 (used+filtered)\">\n"
    "##FORMAT=<ID=GU,Number=2,Type=Integer,Description=\"Number of 'G' alleles used in tiers 1,2\">\n"
    "##FORMAT=<ID=TU,Number=2,Type=Integer,Description=\"Number of 'T' alleles used in tiers 1,2\">\n"
    "##FORMAT=<ID=TAR,Number=2,Type=Integer,Description=\"Reads strongly supporting alternate allele for tiers 1,2\">\n"
    "##FORMAT=<ID=TIR,Number=2,Type=Integer,Description=\"Reads strongly supporting indel allele for tiers 1,2\">\n"
    "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele Frequency, for each ALT allele, in the same order as listed\">\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Combined depth across samples\">\n";
static const char *VARSCAN =
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total depth of quality bases\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read Depth\">\n"
    "##FORMAT=<ID=RD,Number=1,Type=Integer,Description=\"Depth of reference-supporting bases (reads1)\">\n"
    "##FORMAT=<ID=AD,Number=1,Type=Integer,Description=\"Depth of variant-supporting bases (reads2)\">\n"
    "##FORMAT=<ID=FREQ,Number=1,Type=String,Description=\"Variant allele frequency\">\n";
static const char *PISCES =
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total Depth\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=AD,Number=.,Type=Integer,Description=\"Allele Depth\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Total Depth Used For Variant Calling\">\n"
    "##FORMAT=<ID=VF,Number=.,Type=Float,Description=\"Variant Frequency\">\n";
static const char *PISCES3 =   /* CallSomaticVariants 3.x: no FORMAT/DP */
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total Depth\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=AD,Number=.,Type=Integer,Description=\"Allele Depth\">\n"
    "##FORMAT=<ID=VF,Number=1,Type=Float,Description=\"Variant Frequency\">\n";
static const char *LOFREQ =
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Raw Depth\">\n"
    "##INFO=<ID=AF,Number=1,Type=Float,Description=\"Allele Frequency\">\n";

static void test_reading(void)
{
    sv_variant_t v;
    /* Mutect2: FORMAT/AF first (not AD's ratio), FORMAT/DP; the tumour is column 1 here */
    CHECK_INT(read1(M2, "NORMAL\tTUMOR", G12D "DP=300\tGT:AD:AF:DP\t0/0:99,0:0.010:99\t0/1:150,50:0.245:205", 1, &v), 0);
    CHECK_READ(v, 0.245, "FORMAT/AF", 205, "FORMAT/DP");
    /* the normal column is not read */
    CHECK_INT(read1(M2, "NORMAL\tTUMOR", G12D "DP=300\tGT:AD:AF:DP\t0/0:99,0:0.010:99\t0/1:150,50:0.245:205", 0, &v), 0);
    CHECK_READ(v, 0.010, "FORMAT/AF", 99, "FORMAT/DP");
    /* Mutect2 multi-allelic: AF of the first ALT; AD over all alleles */
    CHECK_INT(read1(M2, "TUMOR", G12 "T,A\t.\tPASS\t.\tGT:AD:AF:DP\t0/1/2:100,60,40:0.3,0.2:200", 0, &v), 0);
    CHECK_READ(v, 0.3, "FORMAT/AF", 200, "FORMAT/DP");
    /* AF missing: AD's ratio; DP missing: AD's sum */
    CHECK_INT(read1(M2, "TUMOR", G12D ".\tGT:AD:AF:DP\t0/1:150,50:.:.", 0, &v), 0);
    CHECK_READ(v, 0.25, "FORMAT/AD", 200, "FORMAT/AD (sum)");
    /* multi-allelic AD: the second ALT's share of all alleles */
    CHECK_INT(read1(M2, "TUMOR", G12 "T,A\t.\tPASS\t.\tGT:AD:DP\t0/1/2:100,60,40:210", 0, &v), 0);
    CHECK_READ(v, 0.3, "FORMAT/AD", 210, "FORMAT/DP");
    /* AD with a missing value: no fraction from it; AF and DP both missing: nothing, and the note says so */
    CHECK_INT(read1(M2, "TUMOR", G12D ".\tGT:AD:AF:DP\t0/1:150,.:.:.", 0, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
    CHECK(strstr(v.note, "no allele fraction") != NULL);
    CHECK(!v.set_aside);
    CHECK_INT(read1(M2, "TUMOR", G12D ".\tGT:AD:AF:DP\t0/1:.:.:.", 0, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
    /* a single-sample file that writes FORMAT fields: INFO/DP is not needed */
    CHECK_INT(read1(M2, "TUMOR", G12D "DP=999\tGT:AD\t0/1:150,50", 0, &v), 0);
    CHECK_READ(v, 0.25, "FORMAT/AD", 200, "FORMAT/AD (sum)");

    /* Strelka2 SNV: tier-1 counts (the first of each pair), tumour column */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G12D "AF=0.25;DP=400\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:40,42", 1, &v), 0);
    CHECK_READ(v, 0.2, "FORMAT/AU,CU,GU,TU tier 1", 220, "FORMAT/DP");
    /* a missing count: no fraction (INFO/AF of a two-sample file is never read) */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G12D "AF=0.25;DP=400\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:.", 1, &v), 0);
    CHECK_READ(v, 0, "", 220, "FORMAT/DP");
    /* Strelka2 indel: TIR / (TIR + TAR), tier 1; the SNV counts are not looked at */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP "DP=400\tDP:TAR:TIR\t190:190,195:0,0\t210:180,186:20,21", 1, &v), 0);
    CHECK_READ(v, 0.1, "FORMAT/TIR,TAR tier 1", 210, "FORMAT/DP");
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP "DP=400\tDP:TAR:TIR\t190:190,195:0,0\t.:.:20,21", 1, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
    /* an indel record never reads the SNV base counts */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP ".\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:40,42", 1, &v), 0);
    CHECK_READ(v, 0, "", 220, "FORMAT/DP");

    /* VarScan2: FREQ is a percent string; its AD is the ALT count only (Number=1), not used */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:23.5%", 1, &v), 0);
    CHECK_READ(v, 0.235, "FORMAT/FREQ", 200, "FORMAT/DP");
    /* without the '%' it is still a percent (VarScan's unit): 23.5 -> 0.235 */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0\t0/1:200:153:47:23.5", 1, &v), 0);
    CHECK_READ(v, 0.235, "FORMAT/FREQ", 200, "FORMAT/DP");
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:.", 1, &v), 0);
    CHECK_READ(v, 0, "", 200, "FORMAT/DP");
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:abc%", 1, &v), 0);
    CHECK_READ(v, 0, "", 200, "FORMAT/DP");
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:150%", 1, &v), 0);
    CHECK_READ(v, 0, "", 200, "FORMAT/DP");

    /* Pisces: VF is the caller's fraction of all reads (DP).  In a split multi-allelic site its AD holds the
     * REF and this ALT only, so AD's ratio overstates the fraction: 10 of 400 reads is 0.025, not 10/20 */
    CHECK_INT(read1(PISCES, "S1", G12 "A\t100\tPASS\tDP=400\tGT:AD:DP:VF\t0/1:10,10:400:0.025", 0, &v), 0);
    CHECK_READ(v, 0.025, "FORMAT/VF", 400, "FORMAT/DP");
    CHECK(v.set_aside);
    CHECK_INT(read1(PISCES, "S1", G12D "DP=500\tGT:AD:DP:VF\t0/1:440,60:500:0.120", 0, &v), 0);
    CHECK_READ(v, 0.12, "FORMAT/VF", 500, "FORMAT/DP");
    /* VF missing: AD's ratio */
    CHECK_INT(read1(PISCES, "S1", G12D "DP=500\tGT:AD:DP:VF\t0/1:440,60:500:.", 0, &v), 0);
    CHECK_READ(v, 0.12, "FORMAT/AD", 500, "FORMAT/DP");
    /* CallSomaticVariants 3.x: no FORMAT/DP, depth from AD */
    CHECK_INT(read1(PISCES3, "S1", G12D "DP=500\tGT:AD:VF\t0/1:440,60:0.1200", 0, &v), 0);
    CHECK_READ(v, 0.12, "FORMAT/VF", 500, "FORMAT/AD (sum)");

    /* tumour-only, sites only (LoFreq): INFO/AF and INFO/DP */
    CHECK_INT(read1(LOFREQ, "", G12D "DP=540;AF=0.180000", -1, &v), 0);
    CHECK_READ(v, 0.18, "INFO/AF", 540, "INFO/DP");
    CHECK_INT(read1(LOFREQ, "", G12D "DP=540;AF=.", -1, &v), 0);
    CHECK_READ(v, 0, "", 540, "INFO/DP");
    CHECK_INT(read1(LOFREQ, "", G12D ".", -1, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
    /* INFO values of a two-sample file describe neither sample: not read */
    CHECK_INT(read1(LOFREQ, "NORMAL\tTUMOR", G12D "DP=540;AF=0.18\tGT\t0/0\t0/1", 1, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
}

/* Alleles that cannot bear on a status are counted, not kept: intronic beyond the splice region, outside
 * the CDS, and ERBB2 alleles with no named protein change.  Splice-region and coding alleles stay listed. */
static void test_not_listed(void)
{
    static const char *lines[] = {
        "chr12\t25240000\t.\tA\tG\t.\tPASS\t.",      /* KRAS intron 2, far from both exons: counted */
        "chr12\t25209000\t.\tA\tG\t.\tPASS\t.",      /* 3' of the KRAS CDS (minus strand): counted */
        "chr12\t25250000\t.\tA\tG\t.\tPASS\t.",      /* 5' of the KRAS CDS: counted */
        "chr12\t25245270\t.\tA\tG\t.\tPASS\t.",      /* 4 bp into intron 2 from exon 2: splice region, listed */
        G12D ".",                                        /* coding: listed */
        "chr17\t39700000\t.\tG\tA\t.\tPASS\t.",      /* ERBB2 small variant, no model, no annotation: counted */
    };
    static const gene_id_t genes[] = { GENE_KRAS, GENE_KRAS, GENE_KRAS, GENE_KRAS, GENE_KRAS, GENE_ERBB2 };
    mcrc_err_t err;
    bcf_hdr_t *h = bcf_hdr_init("r");
    bcf1_t *rec = bcf_init();
    kstring_t ks = { 0, 0, NULL };
    sv_state_t s;
    memset(&s, 0, sizeof(s));
    CHECK(bcf_hdr_parse(h, "##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
                           "##contig=<ID=chr12,length=133275309>\n##contig=<ID=chr17,length=83257441>\n"
                           "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n") == 0);
    CHECK_INT(sv_init(&s, &P, NULL, 1, &err), 0);
    CHECK_INT(sv_header(&s, 1, h, 0, &err), 0);
    CHECK_INT(sv_begin(&s, BUILD_GRCH38, &err), 0);
    for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
        ks.l = 0;
        kputs(lines[i], &ks);
        CHECK_INT(vcf_parse(&ks, h, rec), 0);
        CHECK_INT(sv_add_record(&s, 1, h, rec, -1, genes[i], rec->pos + 1, &err), 0);
    }
    CHECK_INT(s.nv, 2);
    if (s.nv == 2) {
        CHECK_INT(s.v[0].pos, 25245270);
        CHECK(!strcmp(s.v[0].consequence, "splice_region_or_intronic"));
        CHECK_INT(s.v[1].pos, 25245350);
        CHECK_INT(s.v[1].cls, SV_CLASS_HOTSPOT);
    }
    CHECK_INT(s.in[0].not_listed[GENE_KRAS][SV_NL_OUTSIDE_CDS], 3);
    CHECK_INT(s.in[0].not_listed[GENE_KRAS][SV_NL_NO_MODEL], 0);
    CHECK_INT(s.in[0].not_listed[GENE_ERBB2][SV_NL_NO_MODEL], 1);
    CHECK_INT(s.in[0].seen, 1);
    CHECK(!strcmp(sv_not_listed_word(SV_NL_OUTSIDE_CDS), "outside-coding-sequence"));
    CHECK(!strcmp(sv_not_listed_word(SV_NL_NO_MODEL), "effect-not-determined"));
    sv_destroy(&s);
    bcf_destroy(rec);
    bcf_hdr_destroy(h);
    free(ks.s);
}

int main(void)
{
    mcrc_err_t err;
    sv_hotspots_t h;
    CHECK_INT(sv_hotspots_load(&h, embedded_get("hotspot-classes.tsv", NULL), &err), 0);
    CHECK_INT(sv_hotspot_class(&h, GENE_KRAS, 12, 'D'), SV_CLASS_HOTSPOT);
    CHECK_INT(sv_hotspot_class(&h, GENE_KRAS, 146, 0), SV_CLASS_HOTSPOT);
    CHECK_INT(sv_hotspot_class(&h, GENE_KRAS, 14, 'A'), SV_CLASS_NONE);
    CHECK_INT(sv_hotspot_class(&h, GENE_NRAS, 117, 'N'), SV_CLASS_HOTSPOT);
    CHECK_INT(sv_hotspot_class(&h, GENE_BRAF, 600, 'E'), SV_CLASS_HOTSPOT);
    CHECK_INT(sv_hotspot_class(&h, GENE_BRAF, 469, 'A'), SV_CLASS_2);
    CHECK_INT(sv_hotspot_class(&h, GENE_BRAF, 469, 'E'), SV_CLASS_3);   /* the one per-residue row */
    CHECK_INT(sv_hotspot_class(&h, GENE_BRAF, 594, 'G'), SV_CLASS_3);
    CHECK_INT(sv_hotspot_class(&h, GENE_BRAF, 601, 'E'), SV_CLASS_2);
    CHECK_INT(sv_hotspot_class(&h, GENE_ERBB2, 310, 'F'), SV_CLASS_NONE);
    sv_hotspots_destroy(&h);
    sv_hotspots_t bad;
    CHECK(sv_hotspots_load(&bad, "gene\tcodon\talt_aa\tclass\tnote\nKRAS\t12\t*\tclass-9\tx\n", &err) < 0);
    sv_hotspots_destroy(&bad);

    sv_call_t c;
    sv_site_t s[6];
    sites(s, 6, GENE_KRAS, 0);
    /* no small-variant input */
    sv_decide(GENE_KRAS, NULL, 0, s, 6, 0, 0, &P, &c);
    CHECK_INT(c.status, STATUS_NOT_ASSESSED);
    /* small-variant inputs whose ##contig lines lack chromosome 12: not assessed, and says why */
    sv_decide(GENE_KRAS, NULL, 0, s, 6, SV_INPUT_NO_CONTIG, 0, &P, &c);
    CHECK_INT(c.status, STATUS_NOT_ASSESSED);
    CHECK(!strcmp(c.basis, "no-contig-for-gene"));
    CHECK(strstr(c.reason, "chromosome 12") != NULL);
    /* calls given, nothing at the codons, coverage not shown */
    sv_decide(GENE_KRAS, NULL, 0, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_NO_MUTATION_DETECTED);
    CHECK(strstr(c.reason, "cannot be ruled out") != NULL);
    /* one codon uncovered is still not shown */
    sites(s, 6, GENE_KRAS, 1);
    s[3].covered[1] = 0;
    sv_decide(GENE_KRAS, NULL, 0, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_NO_MUTATION_DETECTED);
    CHECK(strstr(c.reason, "codon 15") != NULL);
    /* all covered: wild-type, even with a VUS, which is mentioned */
    sites(s, 6, GENE_KRAS, 1);
    sv_variant_t v[3];
    v[0] = var(GENE_KRAS, SV_CLASS_UNCERTAIN, 1, 0);
    sv_decide(GENE_KRAS, v, 1, s, 6, 1, 1, &P, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    CHECK(strstr(c.reason, "uncertain significance") != NULL);
    /* a used hotspot call: mutant, whatever else */
    v[0] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 1, 0);
    v[1] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 0, 1);
    sv_decide(GENE_KRAS, v, 2, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_MUTANT);
    /* only a set-aside hotspot call: indeterminate, even if covered */
    sv_decide(GENE_KRAS, v + 1, 1, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    /* another gene's call does not count */
    sv_decide(GENE_NRAS, v, 1, s, 6, 1, 0, &P, &c);
    CHECK(c.status != STATUS_MUTANT);
    /* undetermined over a listed codon: indeterminate; elsewhere: no effect */
    v[0] = var(GENE_KRAS, SV_CLASS_UNDETERMINED, 0, 0);
    v[0].overlaps_hotspot = 1;
    sv_decide(GENE_KRAS, v, 1, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    v[0].overlaps_hotspot = 0;
    sv_decide(GENE_KRAS, v, 1, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    /* annotation and translation disagree on a passing call: indeterminate */
    v[0] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 0, 0);
    v[0].disagree = 1;
    sv_decide(GENE_KRAS, v, 1, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    /* BRAF class 3 makes BRAF mutant and says so */
    v[0] = var(GENE_BRAF, SV_CLASS_3, 1, 0);
    sv_decide(GENE_BRAF, v, 1, NULL, 0, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_MUTANT);
    CHECK(strstr(c.reason, "class 3") != NULL);
    /* not protein-changing (synonymous at G12) never makes the gene mutant */
    v[0] = var(GENE_KRAS, SV_CLASS_NONE, 1, 0);
    sv_decide(GENE_KRAS, v, 1, s, 6, 1, 0, &P, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    test_reading();
    test_not_listed();
    return unit_finish();
}
