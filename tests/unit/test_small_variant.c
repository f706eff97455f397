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
#include "refdata.h"
#include "small_variant.h"
#include "unit.h"
#include "reasons_fixture.h"

static sv_params_t P = { 0.05, 100, 0 };
static refdata_t REF;   /* the built-in tables (loaded in main) */
#define CHROM(g) (genes_span(&REF.genes, BUILD_GRCH38, (g))->chrom)   /* as genes.tsv names it: "12" for KRAS */


/* notes taken from variants that read1() returns, freed at the end */
static char *notes[512];
static int nnotes;

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
    if ((r = sv_init(&s, &P, &REF, NULL, 1, &err)) < 0 || (r = sv_header(&s, 1, h, 0, &err)) < 0 || (r = (s.rc = RC, sv_begin(&s, BUILD_GRCH38, &err))) < 0) goto done;
    if ((r = sv_add_record(&s, 1, h, rec, sample, GENE_KRAS, rec->pos + 1, &err)) < 0) goto done;
    r = s.nv ? 0 : -102;
    if (s.nv) {
        *out = s.v[0];
        s.v[0].note = (kstring_t){ 0, 0, NULL };     /* the caller reads it after sv_destroy */
        if (nnotes < 512) notes[nnotes++] = out->note.s;
        else free(out->note.s);
    }
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

/* a fraction present but unusable: named, not used, and the call set aside (--min-vaf 0.05 cannot be applied) */
#define CHECK_UNUSABLE(v, vff) do { \
        CHECK_INT((v).vaf_state, VAF_UNUSABLE); CHECK_INT((v).has_vaf, 0); \
        CHECK(!strcmp((v).vaf_field, vff)); if (strcmp((v).vaf_field, vff)) printf("  vaf_field is '%s'\n", (v).vaf_field); \
        CHECK(strstr((v).note.s, "cannot be used") != NULL); CHECK((v).set_aside); \
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
    /* AD with a missing value: unusable (fraction and depth), so the call cannot pass --min-vaf: set aside */
    CHECK_INT(read1(M2, "TUMOR", G12D ".\tGT:AD:AF:DP\t0/1:150,.:.:.", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/AD");
    CHECK_INT(v.depth_state, VAF_UNUSABLE);
    /* AF, AD and DP all missing: nothing, the note says so, and the call is set aside (thresholds not applied) */
    CHECK_INT(read1(M2, "TUMOR", G12D ".\tGT:AD:AF:DP\t0/1:.:.:.", 0, &v), 0);
    CHECK_READ(v, 0, "", 0, "");
    CHECK(strstr(v.note.s, "no allele fraction") != NULL);
    CHECK(strstr(v.note.s, "--min-vaf 0.05 cannot be applied") != NULL);
    CHECK(strstr(v.note.s, "--min-depth 100 cannot be applied") != NULL);
    CHECK(v.set_aside);
    /* a single-sample file that writes FORMAT fields: INFO/DP is not needed */
    CHECK_INT(read1(M2, "TUMOR", G12D "DP=999\tGT:AD\t0/1:150,50", 0, &v), 0);
    CHECK_READ(v, 0.25, "FORMAT/AD", 200, "FORMAT/AD (sum)");

    /* Strelka2 SNV: tier-1 counts (the first of each pair), tumour column */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G12D "AF=0.25;DP=400\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:40,42", 1, &v), 0);
    CHECK_READ(v, 0.2, "FORMAT/AU,CU,GU,TU tier 1", 220, "FORMAT/DP");
    /* a missing count among the four: unusable, not replaced by INFO/AF (never read in a two-sample file anyway) */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G12D "AF=0.25;DP=400\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:.", 1, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/AU,CU,GU,TU tier 1");
    CHECK_INT(v.depth, 220);
    /* Strelka2 indel: TIR / (TIR + TAR), tier 1; the SNV counts are not looked at */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP "DP=400\tDP:TAR:TIR\t190:190,195:0,0\t210:180,186:20,21", 1, &v), 0);
    CHECK_READ(v, 0.1, "FORMAT/TIR,TAR tier 1", 210, "FORMAT/DP");
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP "DP=400\tDP:TAR:TIR\t190:190,195:0,0\t.:.:20,21", 1, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/TIR,TAR tier 1");
    /* an indel record never reads the SNV base counts */
    CHECK_INT(read1(STRELKA, "NORMAL\tTUMOR", G13DUP ".\tDP:AU:CU:GU:TU\t180:0,0:180,181:0,0:0,0\t220:0,0:160,170:0,0:40,42", 1, &v), 0);
    CHECK_READ(v, 0, "", 220, "FORMAT/DP");

    /* VarScan2: FREQ is a percent string; its AD is the ALT count only (Number=1), not used */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:23.5%", 1, &v), 0);
    CHECK_READ(v, 0.235, "FORMAT/FREQ", 200, "FORMAT/DP");
    /* without the '%' the unit is unknown (VarScan always writes it; a bare 5 may be 5% or a
     * rewritten fraction): unusable, and not replaced by RD/AD */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0\t0/1:200:153:47:23.5", 1, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/FREQ");
    /* FREQ missing: its RD and AD (REF and ALT counts, Number=1) */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:.", 1, &v), 0);
    CHECK_READ(v, 0.235, "FORMAT/RD,AD", 200, "FORMAT/DP");
    /* FREQ that is not a percentage: unusable, not replaced by RD/AD */
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:abc%", 1, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/FREQ");
    CHECK_INT(read1(VARSCAN, "NORMAL\tTUMOR", G12D "DP=400\tGT:DP:RD:AD:FREQ\t0/0:190:190:0:0%\t0/1:200:153:47:150%", 1, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/FREQ");

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
    CHECK_INT(sv_init(&s, &P, &REF, NULL, 1, &err), 0);
    CHECK_INT(sv_header(&s, 1, h, 0, &err), 0);
    CHECK_INT((s.rc = RC, sv_begin(&s, BUILD_GRCH38, &err)), 0);
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

/* the dialects of annotations/allele-fraction-fields.tsv beyond the ones above, and the values that cannot be used */
static const char *FREEBAYES =
    "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Estimated allele frequency in the range (0,1]\">\n"
    "##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles in called genotypes\">\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total read depth at the locus\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read Depth\">\n"
    "##FORMAT=<ID=RO,Number=1,Type=Integer,Description=\"Reference allele observation count\">\n"
    "##FORMAT=<ID=AO,Number=A,Type=Integer,Description=\"Alternate allele observation count\">\n";
static const char *PLATYPUS =
    "##INFO=<ID=TC,Number=1,Type=Integer,Description=\"Total coverage at this locus\">\n"
    "##INFO=<ID=TR,Number=.,Type=Integer,Description=\"Total number of reads containing this variant\">\n"
    "##INFO=<ID=NR,Number=.,Type=Integer,Description=\"Total number of reverse reads containing this variant\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Unphased genotypes\">\n"
    "##FORMAT=<ID=NR,Number=.,Type=Integer,Description=\"Number of reads covering variant location in this sample\">\n"
    "##FORMAT=<ID=NV,Number=.,Type=Integer,Description=\"Number of reads containing variant in this sample\">\n";
static const char *OCTOPUS =
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Number of read overlapping the position\">\n"
    "##FORMAT=<ID=AF,Number=R,Type=Float,Description=\"Empirical allele frequency (AD / ADP)\">\n";
static const char *DEEPVARIANT =
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
    "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Read depth\">\n"
    "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Read depth for each allele\">\n"
    "##FORMAT=<ID=VAF,Number=A,Type=Float,Description=\"Variant allele fractions.\">\n";
static const char *BCFTOOLS =
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Raw read depth\">\n"
    "##INFO=<ID=DP4,Number=4,Type=Integer,Description=\"Number of high-quality ref-forward , ref-reverse, alt-forward and alt-reverse bases\">\n"
    "##INFO=<ID=AN,Number=1,Type=Integer,Description=\"Total number of alleles in called genotypes\">\n"
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n";

static void test_dialects(void)
{
    sv_variant_t v;
    /* FreeBayes: RO/AO (10 of 400), never INFO/AF (0.5, the genotypes' frequency: AN is declared) */
    CHECK_INT(read1(FREEBAYES, "tumour", G12D "AF=0.5;AN=2;DP=400\tGT:DP:RO:AO\t0/1:400:390:10", 0, &v), 0);
    CHECK_READ(v, 0.025, "FORMAT/RO,AO", 400, "FORMAT/DP");
    CHECK(v.set_aside);
    /* multi-allelic AO (Number=A): the second ALT's count */
    CHECK_INT(read1(FREEBAYES, "tumour", G12 "T,A\t.\tPASS\tAN=2\tGT:DP:RO:AO\t1/2:400:200:150,50", 0, &v), 0);
    CHECK_READ(v, 0.375, "FORMAT/RO,AO", 400, "FORMAT/DP");
    /* an ALT count above the stated depth: the counts and the depth disagree */
    CHECK_INT(read1(FREEBAYES, "tumour", G12D "AN=2\tGT:DP:RO:AO\t0/1:100:0:150", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/RO,AO");
    /* FreeBayes sites without FORMAT counts: INFO/AF is not a read fraction, so none */
    CHECK_INT(read1(FREEBAYES, "tumour", G12D "AF=0.5;AN=2;DP=400\tGT\t0/1", 0, &v), 0);
    CHECK_INT(v.vaf_state, VAF_ABSENT);
    CHECK(v.set_aside);
    /* Platypus: NV / NR, one per ALT; its INFO/NR (reverse reads) is never a depth */
    CHECK_INT(read1(PLATYPUS, "tumour", G12D "TC=400;TR=10;NR=5\tGT:NR:NV\t0/1:400:10", 0, &v), 0);
    CHECK_READ(v, 0.025, "FORMAT/NV,NR", 400, "FORMAT/NR");
    CHECK_INT(read1(PLATYPUS, "tumour", G12 "T,A\t.\tPASS\tTC=400\tGT:NR:NV\t1/2:400,400:20,100", 0, &v), 0);
    CHECK_READ(v, 0.05, "FORMAT/NV,NR", 400, "FORMAT/NR");
    CHECK_INT(read1(PLATYPUS, "tumour", G12D "TC=400\tGT:NR:NV\t0/1:400:500", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/NV,NR");
    /* Octopus AF Number=R: REF first, so the first ALT is the second value */
    CHECK_INT(read1(OCTOPUS, "tumour", G12 "T,A\t.\tPASS\t.\tGT:DP:AF\t1/2:400:0.7,0.025,0.275", 0, &v), 0);
    CHECK_READ(v, 0.025, "FORMAT/AF", 400, "FORMAT/DP");
    /* DeepVariant VAF; the values that cannot be used */
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD:VAF\t0/1:400:300,100:0.25", 0, &v), 0);
    CHECK_READ(v, 0.25, "FORMAT/VAF", 400, "FORMAT/DP");
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD:VAF\t0/1:400:300,100:nan", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/VAF");   /* not replaced by AD's 0.25 */
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD:VAF\t0/1:400:300,100:inf", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/VAF");
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD:VAF\t0/1:400:300,100:5", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/VAF");
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD:VAF\t0/1:400:300,100:-0.1", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/VAF");
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD\t0/1:400:300", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/AD");    /* too few values for Number=R */
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD\t0/1:400:300,-100", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/AD");
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:AD\t0/1:400:0,0", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/AD");    /* no reads at all */
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12 "T,A\t.\tPASS\t.\tGT:DP:VAF\t1/2:400:0.3", 0, &v), 0);
    CHECK_UNUSABLE(v, "FORMAT/VAF");   /* one value for two ALTs */
    CHECK_INT(read1(DEEPVARIANT, "tumour", G12D ".\tGT:DP:VAF\t0/1:-5:0.25", 0, &v), 0);
    CHECK_INT(v.depth_state, VAF_UNUSABLE);
    CHECK(v.set_aside);
    CHECK(strstr(v.note.s, "read depth cannot be used") != NULL);
    /* VarDict tumour-only (sites in INFO): INFO/AF, else VD / DP */
    static const char *VARDICT_TO =
        "##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele Frequency, for each ALT allele, in the same order as listed\">\n"
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Total Depth\">\n"
        "##INFO=<ID=VD,Number=1,Type=Integer,Description=\"Variant Depth\">\n";
    CHECK_INT(read1(VARDICT_TO, "", G12D "AF=0.25;DP=400;VD=100", -1, &v), 0);
    CHECK_READ(v, 0.25, "INFO/AF", 400, "INFO/DP");
    CHECK_INT(read1(VARDICT_TO, "", G12D "AF=.;DP=400;VD=10", -1, &v), 0);
    CHECK_READ(v, 0.025, "INFO/VD,DP", 400, "INFO/DP");
    /* bcftools: DP4 (INFO/AF is not there; AN is) */
    CHECK_INT(read1(BCFTOOLS, "tumour", G12D "DP=400;DP4=150,150,50,50;AN=2\tGT\t0/1", 0, &v), 0);
    CHECK_READ(v, 0.25, "INFO/DP4", 400, "INFO/DP");
    CHECK_INT(read1(BCFTOOLS, "tumour", G12 "T,A\t.\tPASS\tDP=400;DP4=150,150,50,50;AN=2\tGT\t1/2", 0, &v), 0);
    CHECK_UNUSABLE(v, "INFO/DP4");     /* DP4 counts both ALTs together */

    /* the table: malformed rows are refused */
    vaf_table_t t;
    mcrc_err_t err;
    CHECK_INT(vaf_table_load(&t, embedded_get("allele-fraction-fields.tsv", NULL), &err), 0);
    CHECK(t.n > 20);
    CHECK(vaf_is_fraction_format_field(&t, "RO") && vaf_is_fraction_format_field(&t, "NV") && vaf_is_fraction_format_field(&t, "VAF"));
    CHECK(!vaf_is_fraction_format_field(&t, "DP"));
    vaf_table_destroy(&t);
#define VAF_HEADER "#use\twhere\tfields\tmethod\tunless\twritten by\n"
    CHECK_INT(vaf_table_load(&t, VAF_HEADER "fraction\tFORMAT\tAF\tfraction\t-\tx\n", &err), 0);   /* the control */
    CHECK(t.n == 1);
    vaf_table_destroy(&t);
    CHECK(vaf_table_load(&t, VAF_HEADER "fraction\tFORMAT\tAF\tguess\t-\tx\n", &err) < 0 && strstr(err.msg, "line 2: malformed row"));
    CHECK(vaf_table_load(&t, VAF_HEADER "fraction\tFORMAT\tAF,DP\tfraction\t-\tx\n", &err) < 0 && strstr(err.msg, "line 2: malformed row"));
    CHECK(vaf_table_load(&t, VAF_HEADER "depth\tFORMAT\tAF\tfraction\t-\tx\n", &err) < 0 && strstr(err.msg, "line 2: malformed row"));
    CHECK(vaf_table_load(&t, VAF_HEADER "fraction\tINFO\tAF\tfraction\tAN\tx\n", &err) < 0 && strstr(err.msg, "line 2: malformed row"));
    CHECK(vaf_table_load(&t, VAF_HEADER "fraction\tFORMAT\tAF\n", &err) < 0 && strstr(err.msg, "columns"));
    CHECK(vaf_table_load(&t, "fraction\tFORMAT\tAF\tfraction\t-\tx\n", &err) < 0 && strstr(err.msg, "required column"));
    CHECK(t.r == NULL && t.n == 0);
}

/* Does one gVCF record over KRAS codon 12 (GRCh38 chr12:25245349-25245351) show it covered at --min-depth 100? */
static int block_covers(const char *fmt, const char *filter, const char *sample)
{
    mcrc_err_t err;
    kstring_t ks = { 0, 0, NULL };
    bcf_hdr_t *h = bcf_hdr_init("r");
    bcf1_t *rec = bcf_init();
    sv_state_t s;
    int r = -1;
    memset(&s, 0, sizeof(s));
    if (bcf_hdr_parse(h, "##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n"
                         "##FILTER=<ID=LowGQX,Description=\"Locus GQX is below threshold\">\n##ALT=<ID=NON_REF,Description=\"Any\">\n"
                         "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">\n"
                         "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                         "##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype Quality\">\n"
                         "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
                         "##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description=\"Minimum DP observed within the GVCF block\">\n"
                         "##contig=<ID=chr12,length=133275309>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ttumour\n") < 0) goto done;
    ksprintf(&ks, "chr12\t25245300\t.\tN\t<NON_REF>\t.\t%s\tEND=25245400\t%s\t%s", filter, fmt, sample);
    if (vcf_parse(&ks, h, rec) < 0) goto done;
    if (sv_init(&s, &P, &REF, NULL, 1, &err) < 0 || sv_header(&s, 1, h, 0, &err) < 0 || (s.rc = RC, sv_begin(&s, BUILD_GRCH38, &err)) < 0) goto done;
    if (sv_add_record(&s, 1, h, rec, 0, GENE_KRAS, 25245400, &err) < 0) goto done;
    r = 0;
    for (int i = 0; i < s.nsite; i++)
        if (s.site[i].gene == GENE_KRAS && s.site[i].codon == 12) r = s.site[i].covered[0] && s.site[i].covered[1] && s.site[i].covered[2];
done:
    sv_destroy(&s);
    bcf_destroy(rec);
    bcf_hdr_destroy(h);
    free(ks.s);
    return r;
}

static void test_coverage(void)
{
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "0/0:60:170:150"), 1);
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", "PASS", "0/0:60:170:150"), 1);
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", "LowGQX", "0/0:60:170:150"), 0);   /* the caller's own filter */
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "./.:0:170:150"), 0);        /* no-call */
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "0/.:60:170:150"), 0);       /* half a call */
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "0/0:0:170:150"), 0);        /* GQ 0 */
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "0/0:60:170:50"), 0);        /* its minimum is below --min-depth */
    CHECK_INT(block_covers("GT:GQ:DP:MIN_DP", ".", "0/0:60:170:-1"), 0);        /* unusable */
    CHECK_INT(block_covers("GT:GQ:DP", ".", "0/0:60:170"), 0);                  /* a block's DP is not its minimum */
    CHECK_INT(block_covers("GQ:DP:MIN_DP", ".", "60:170:150"), 1);              /* FreeBayes writes blocks without GT */
}

int main(void)
{
    mcrc_err_t err;
    sv_hotspots_t h;
    if (reasons_fixture_load() < 0) return unit_finish();
    if (refdata_load(&REF, &err) < 0) { printf("%s:%d: refdata_load: %s\n", __FILE__, __LINE__, err.msg); unit_fail++; return unit_finish(); }
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
    CHECK(sv_hotspots_load(&bad, "gene\tcodon\talt_aa\tclass\tnote\nKRAS\t12\t*\tclass-9\tx\n", &err) < 0 && strstr(err.msg, "line 2: unknown class"));
    CHECK(bad.h == NULL && bad.n == 0);
    CHECK(sv_hotspots_load(&bad, "gene\tcodon\talt_aa\tclass\tnote\nKRAS\t12x\t*\thotspot\tx\n", &err) < 0 && strstr(err.msg, "malformed"));
    CHECK(sv_hotspots_load(&bad, "gene\tcodon\talt_aa\tclass\tnote\nKRAS\t12\t*\thotspot\tx\n", &err) == 0 && bad.n == 1);   /* the control */
    sv_hotspots_destroy(&bad);
    sv_hotspots_destroy(&bad);

    sv_call_t c = { 0 };
    sv_site_t s[6];
    sites(s, 6, GENE_KRAS, 0);
    /* no small-variant input */
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, 0, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_NOT_ASSESSED);
    /* small-variant inputs whose ##contig lines lack chromosome 12: not assessed, and says why */
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, SV_INPUT_NO_CONTIG, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_NOT_ASSESSED);
    CHECK(!strcmp(c.basis, "no-contig-for-gene"));
    CHECK(strstr(c.reason.s, "chromosome 12") != NULL);
    /* calls given, nothing at the codons, coverage not shown */
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_NO_MUTATION_DETECTED);
    CHECK(strstr(c.reason.s, "cannot be ruled out") != NULL);
    /* one codon uncovered is still not shown */
    sites(s, 6, GENE_KRAS, 1);
    s[3].covered[1] = 0;
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_NO_MUTATION_DETECTED);
    CHECK(strstr(c.reason.s, "codon 15") != NULL);
    /* all covered: wild-type, even with a VUS, which is mentioned */
    sites(s, 6, GENE_KRAS, 1);
    sv_variant_t v[3];
    v[0] = var(GENE_KRAS, SV_CLASS_UNCERTAIN, 1, 0);
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 1, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    CHECK(strstr(c.reason.s, "uncertain significance") != NULL);
    /* a used hotspot call: mutant, whatever else */
    v[0] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 1, 0);
    v[1] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 0, 1);
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 2, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_MUTANT);
    /* only a set-aside hotspot call: indeterminate, even if covered */
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v + 1, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    /* another gene's call does not count */
    sv_decide(GENE_NRAS, CHROM(GENE_NRAS), v, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK(c.status != STATUS_MUTANT);
    /* undetermined over a listed codon: indeterminate; elsewhere: no effect */
    v[0] = var(GENE_KRAS, SV_CLASS_UNDETERMINED, 0, 0);
    v[0].overlaps_hotspot = 1;
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    v[0].overlaps_hotspot = 0;
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    /* annotation and translation disagree on a passing call: indeterminate */
    v[0] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 0, 0);
    v[0].disagree = 1;
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_INDETERMINATE);
    /* BRAF class 3 makes BRAF mutant and says so */
    v[0] = var(GENE_BRAF, SV_CLASS_3, 1, 0);
    sv_decide(GENE_BRAF, CHROM(GENE_BRAF), v, 1, NULL, 0, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_MUTANT);
    CHECK(strstr(c.reason.s, "class 3") != NULL);
    /* not protein-changing (synonymous at G12) never makes the gene mutant */
    v[0] = var(GENE_KRAS, SV_CLASS_NONE, 1, 0);
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_WILD_TYPE);
    /* no codon positions (the build was never determined): not wild-type, and the reason says why in words */
    sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 0, NULL, 0, 1, 0, &P, &RC, &c);
    CHECK_INT(c.status, STATUS_NO_MUTATION_DETECTED);
    CHECK(strstr(c.reason.s, "build of the input was not determined") != NULL);
    test_reading();
    test_dialects();
    test_coverage();
    test_not_listed();
    /* the same decisions in Spanish: the same code, Spanish words, no English sentence */
    v[0] = var(GENE_BRAF, SV_CLASS_3, 1, 0);
    CHECK_INT(sv_decide(GENE_BRAF, CHROM(GENE_BRAF), v, 1, NULL, 0, 1, 0, &P, &RC_ES, &c), 0);
    CHECK_STR(c.code, "sv-mutant");
    CHECK(strstr(c.reason.s, "BRAF tiene una mutación: BRAF p.G12D (12:25245350 C>T, entrada 1) es una mutación de BRAF de clase 3") == c.reason.s);
    sites(s, 6, GENE_KRAS, 0);
    CHECK_INT(sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, 1, 0, &P, &RC_ES, &c), 0);
    CHECK_STR(c.code, "sv-nmd-not-covered");
    CHECK(strstr(c.reason.s, "los codones 12, 13, 14, 15, 16, 17") != NULL);
    CHECK(strstr(c.reason.s, "ruled out") == NULL && strstr(c.reason.s, "calls") == NULL);
    CHECK_INT(sv_decide(GENE_KRAS, CHROM(GENE_KRAS), NULL, 0, s, 6, SV_INPUT_NONE, 0, &P, &RC_ES, &c), 0);
    CHECK_STR(c.code, "sv-no-input");
    CHECK_STR(c.reason.s, "No se dio ningún archivo de variantes pequeñas. Por eso no se evaluó KRAS.");
    /* text from the file goes in as text, whatever it holds (the XML writer escapes it) */
    v[0] = var(GENE_KRAS, SV_CLASS_HOTSPOT, 0, 1);
    strcpy(v[0].hgvs_p, "p.<&\"x");
    CHECK_INT(sv_decide(GENE_KRAS, CHROM(GENE_KRAS), v, 1, s, 6, 1, 0, &P, &RC, &c), 0);
    CHECK_STR(c.code, "sv-doubt");
    CHECK(strstr(c.reason.s, "KRAS p.<&\"x (12:25245350") != NULL);
    sv_call_destroy(&c);
    for (int i = 0; i < nnotes; i++) free(notes[i]);
    reasons_destroy(&RS);
    refdata_destroy(&REF);
    return unit_finish();
}
