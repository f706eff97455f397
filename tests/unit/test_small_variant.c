/*
 * test_small_variant.c - unit tests of the KRAS/NRAS/BRAF decision rule (src/small_variant.c):
 * the hotspot/class table, and sv_decide() on hand-built variant lists and coverage.
 */
#include <stdio.h>
#include <string.h>
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
    return unit_finish();
}
