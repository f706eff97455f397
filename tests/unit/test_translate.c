/*
 * test_translate.c - unit tests for src/cds_model.c, src/cds_load.c and src/translate.c.
 *
 * Build and run: make unit && build/test_translate (linked against the core
 * objects, so the gene models are the ones compiled into the binary).
 * Published coordinates come from annotations/facts.md (Genome Nexus, OncoKB
 * annotator, PCGR, pyvariant); synthetic cases were worked out by hand from
 * cds.fa and cds_exons.tsv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strrep.h"

#include "cds_model.h"
#include "translate.h"
#include "embedded.h"
#include "refdata.h"
#include "reason.h"

/* A variant's reason in English, as an error line or an English report words it (the built-in
 * templates, loaded once; "" when there is none). */
static reasons_t g_reasons;
static int g_reasons_loaded;
static const char *why_en(const variant_effect_t *e)
{
    static kstring_t k;
    mcrc_err_t err;
    if (!g_reasons_loaded && reasons_load_builtin(&g_reasons, &err) == 0) g_reasons_loaded = 1;
    reason_ctx_t en = { g_reasons_loaded ? &g_reasons : NULL, g_reasons_loaded ? reasons_lang(&g_reasons, "en") : -1 };
    k.l = 0;
    if (!e->why.id || reason_add_ref(&k, &en, &e->why) < 0) return "";
    return k.s;
}

static int n_pass, n_fail;

#define CHECK(cond, ...) do { \
    if (cond) n_pass++; \
    else { n_fail++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

/* ------------------------------------------------------------------ helpers */

typedef struct {
    const char *what;
    genome_build_t build;
    const char *chrom;
    long long pos;
    const char *ref, *alt;
    int rc;
    const char *gene;
    ve_consequence_t csq;
    const char *hgvs_c, *hgvs_p, *hgvs_p3;   /* NULL = not checked */
    int first_codon, last_codon;             /* -1 = not checked */
} tcase_t;

static void run_case(const cds_model_t *m, const tcase_t *t)
{
    variant_effect_t e;
    int rc = translate_variant(m, t->build, t->chrom, t->pos, t->ref, t->alt, &e);
    CHECK(rc == t->rc, "%s: rc %d, expected %d (%s)", t->what, rc, t->rc, why_en(&e));
    CHECK(!strcmp(e.gene, t->gene), "%s: gene '%s', expected '%s'", t->what, e.gene, t->gene);
    CHECK(e.consequence == t->csq, "%s: consequence %s, expected %s (%s)", t->what,
          ve_consequence_name(e.consequence), ve_consequence_name(t->csq), why_en(&e));
    if (t->hgvs_c) CHECK(!strcmp(e.hgvs_c, t->hgvs_c), "%s: hgvs_c '%s', expected '%s'", t->what, e.hgvs_c, t->hgvs_c);
    if (t->hgvs_p) CHECK(!strcmp(e.hgvs_p, t->hgvs_p), "%s: hgvs_p '%s', expected '%s'", t->what, e.hgvs_p, t->hgvs_p);
    if (t->hgvs_p3) CHECK(!strcmp(e.hgvs_p3, t->hgvs_p3), "%s: hgvs_p3 '%s', expected '%s'", t->what, e.hgvs_p3, t->hgvs_p3);
    if (t->first_codon >= 0) CHECK(e.first_codon == t->first_codon, "%s: first codon %d, expected %d", t->what, e.first_codon, t->first_codon);
    if (t->last_codon >= 0) CHECK(e.last_codon == t->last_codon, "%s: last codon %d, expected %d", t->what, e.last_codon, t->last_codon);
    if (t->csq != VE_NOT_DETERMINED && t->csq != VE_OUTSIDE_CDS && t->csq != VE_SPLICE_REGION_OR_INTRONIC)
        CHECK(e.ref_status == VE_REF_MATCH, "%s: ref_status %d, expected MATCH", t->what, e.ref_status);
}

#define B37 BUILD_GRCH37
#define B38 BUILD_GRCH38

static const tcase_t cases[] = {
    /* published calls (facts.md) */
    { "KRAS G12D 38", B38, "12", 25245350, "C", "T", TR_OK, "KRAS", VE_MISSENSE, "c.35G>A", "p.G12D", "p.Gly12Asp", 12, 12 },
    { "KRAS G12D 37", B37, "12", 25398284, "C", "T", TR_OK, "KRAS", VE_MISSENSE, "c.35G>A", "p.G12D", "p.Gly12Asp", 12, 12 },
    { "KRAS G12C 37", B37, "12", 25398285, "C", "A", TR_OK, "KRAS", VE_MISSENSE, "c.34G>T", "p.G12C", "p.Gly12Cys", 12, 12 },
    { "KRAS G12C 38", B38, "chr12", 25245351, "C", "A", TR_OK, "KRAS", VE_MISSENSE, "c.34G>T", "p.G12C", "p.Gly12Cys", 12, 12 },
    { "KRAS G12C 38 RefSeq contig", B38, "NC_000012.12", 25245351, "C", "A", TR_OK, "KRAS", VE_MISSENSE, "c.34G>T", "p.G12C", "p.Gly12Cys", 12, 12 },
    { "KRAS G12C 38 GenBank contig", B38, "CM000674.2", 25245351, "C", "A", TR_OK, "KRAS", VE_MISSENSE, "c.34G>T", "p.G12C", "p.Gly12Cys", 12, 12 },
    { "KRAS G13D 37", B37, "12", 25398281, "C", "T", TR_OK, "KRAS", VE_MISSENSE, "c.38G>A", "p.G13D", "p.Gly13Asp", 13, 13 },
    { "KRAS Q61H 37", B37, "12", 25380275, "T", "A", TR_OK, "KRAS", VE_MISSENSE, "c.183A>T", "p.Q61H", "p.Gln61His", 61, 61 },
    { "KRAS A146T 37", B37, "12", 25378562, "C", "T", TR_OK, "KRAS", VE_MISSENSE, "c.436G>A", "p.A146T", "p.Ala146Thr", 146, 146 },
    { "BRAF V600E 38", B38, "7", 140753336, "A", "T", TR_OK, "BRAF", VE_MISSENSE, "c.1799T>A", "p.V600E", "p.Val600Glu", 600, 600 },
    { "BRAF V600E 37", B37, "chr7", 140453136, "A", "T", TR_OK, "BRAF", VE_MISSENSE, "c.1799T>A", "p.V600E", "p.Val600Glu", 600, 600 },
    { "NRAS Q61K 37", B37, "1", 115256530, "G", "T", TR_OK, "NRAS", VE_MISSENSE, "c.181C>A", "p.Q61K", "p.Gln61Lys", 61, 61 },
    { "NRAS Q61K 38", B38, "1", 114713909, "G", "T", TR_OK, "NRAS", VE_MISSENSE, "c.181C>A", "p.Q61K", "p.Gln61Lys", 61, 61 },
    { "NRAS G12D 37 (GN 1_g.115258747C-T)", B37, "1", 115258747, "C", "T", TR_OK, "NRAS", VE_MISSENSE, "c.35G>A", "p.G12D", "p.Gly12Asp", 12, 12 },
    { "NRAS A146V 37 (GN 1_g.115252203G-A)", B37, "1", 115252203, "G", "A", TR_OK, "NRAS", VE_MISSENSE, "c.437C>T", "p.A146V", "p.Ala146Val", 146, 146 },
    /* MNV G12F: GGT->TTT, one record CC>AA on the plus strand */
    { "KRAS G12F MNV 37", B37, "12", 25398284, "CC", "AA", TR_OK, "KRAS", VE_MISSENSE, "c.34_35delinsTT", "p.G12F", "p.Gly12Phe", 12, 12 },
    { "KRAS G12F MNV 37 with shared flank", B37, "12", 25398283, "ACCA", "AAAA", TR_OK, "KRAS", VE_MISSENSE, "c.34_35delinsTT", "p.G12F", "p.Gly12Phe", 12, 12 },
    { "KRAS G12D+G13D MNV 37", B37, "12", 25398281, "CCAC", "TCAT", TR_OK, "KRAS", VE_MISSENSE, "c.35_38delinsATGA", "p.G12_G13delinsDD", "p.Gly12_Gly13delinsAspAsp", 12, 13 },
    /* synonymous, nonsense, start/stop */
    { "KRAS G12= c.36T>C", B37, "12", 25398283, "A", "G", TR_OK, "KRAS", VE_SYNONYMOUS, "c.36T>C", "p.G12=", "p.Gly12=", 12, 12 },
    { "KRAS Q61* c.181C>T", B37, "12", 25380277, "G", "A", TR_OK, "KRAS", VE_NONSENSE, "c.181C>T", "p.Q61*", "p.Gln61Ter", 61, 61 },
    { "KRAS start lost c.1A>G", B37, "12", 25398318, "T", "C", TR_OK, "KRAS", VE_START_LOST, "c.1A>G", "p.M1?", "p.Met1?", 1, 1 },
    { "KRAS stop lost c.565T>C", B37, "12", 25362731, "A", "G", TR_OK, "KRAS", VE_STOP_LOST, "c.565T>C", "p.*189Qext*?", "p.Ter189GlnextTer?", 189, 189 },
    { "KRAS stop retained c.567A>G", B37, "12", 25362729, "T", "C", TR_OK, "KRAS", VE_SYNONYMOUS, "c.567A>G", "p.*189=", "p.Ter189=", 189, 189 },
    /* indels */
    { "KRAS c.35del (anchor left)", B37, "12", 25398283, "AC", "A", TR_OK, "KRAS", VE_FRAMESHIFT, "c.35del", "p.G12fs", "p.Gly12fs", 12, 12 },
    { "KRAS c.35del (anchor right)", B37, "12", 25398284, "CC", "C", TR_OK, "KRAS", VE_FRAMESHIFT, "c.35del", "p.G12fs", "p.Gly12fs", 12, 12 },
    { "KRAS c.34_36del = c.36_38del p.G13del", B37, "12", 25398282, "CACC", "C", TR_OK, "KRAS", VE_INFRAME_DELETION, "c.36_38del", "p.G13del", "p.Gly13del", 12, 13 },
    { "KRAS in-frame del other anchor", B37, "12", 25398281, "CCAC", "C", TR_OK, "KRAS", VE_INFRAME_DELETION, "c.36_38del", "p.G13del", "p.Gly13del", 12, 13 },
    { "KRAS c.183_184insT", B37, "12", 25380274, "C", "CA", TR_OK, "KRAS", VE_FRAMESHIFT, "c.183_184insT", "p.E62fs", "p.Glu62fs", 61, 62 },
    { "KRAS c.183dup", B37, "12", 25380274, "C", "CT", TR_OK, "KRAS", VE_FRAMESHIFT, "c.183dup", "p.E62fs", "p.Glu62fs", 61, 61 },
    { "KRAS in-frame dup G13", B37, "12", 25398282, "C", "CACC", TR_OK, "KRAS", VE_INFRAME_INSERTION, "c.36_38dup", "p.G13dup", "p.Gly13dup", 12, 13 },
    { "KRAS in-frame dup G13 (38)", B38, "12", 25245348, "C", "CACC", TR_OK, "KRAS", VE_INFRAME_INSERTION, "c.36_38dup", "p.G13dup", "p.Gly13dup", 12, 13 },
    /* exon boundaries and introns */
    { "KRAS first base of exon 3 c.112G>A", B37, "12", 25380346, "C", "T", TR_OK, "KRAS", VE_MISSENSE, "c.112G>A", "p.D38N", "p.Asp38Asn", 38, 38 },
    { "KRAS last base of exon 2 c.111G>A", B37, "12", 25398208, "C", "T", TR_OK, "KRAS", VE_SYNONYMOUS, "c.111G>A", "p.E37=", "p.Glu37=", 37, 37 },
    { "KRAS c.112-1 splice acceptor", B37, "12", 25380347, "G", "A", TR_OK, "KRAS", VE_SPLICE_REGION_OR_INTRONIC, "c.112-1C>T", "", "", 0, 0 },
    { "KRAS c.111+2 splice donor", B37, "12", 25398206, "A", "G", TR_OK, "KRAS", VE_SPLICE_REGION_OR_INTRONIC, "c.111+2T>C", "", "", 0, 0 },
    { "KRAS deep intron 2", B37, "12", 25380367, "A", "G", TR_OK, "KRAS", VE_SPLICE_REGION_OR_INTRONIC, "c.112-21T>C", NULL, NULL, 0, 0 },
    { "KRAS MNV across exon 3 start", B37, "12", 25380346, "CG", "TA", TR_OK, "KRAS", VE_NOT_DETERMINED, "", NULL, NULL, -1, -1 },
    { "KRAS deletion across exon 3 start", B37, "12", 25380345, "TCG", "T", TR_OK, "KRAS", VE_NOT_DETERMINED, "", NULL, NULL, -1, -1 },
    { "KRAS 5' of CDS", B37, "12", 25398400, "A", "G", TR_OK, "KRAS", VE_OUTSIDE_CDS, "", NULL, NULL, 0, 0 },
    /* BRAF N581 split codon: c.1741 in exon 14, c.1742-1743 in exon 15 */
    { "BRAF N581D c.1741A>G (exon 14) 37", B37, "7", 140453987, "T", "C", TR_OK, "BRAF", VE_MISSENSE, "c.1741A>G", "p.N581D", "p.Asn581Asp", 581, 581 },
    { "BRAF N581S c.1742A>G (exon 15) 37", B37, "7", 140453193, "T", "C", TR_OK, "BRAF", VE_MISSENSE, "c.1742A>G", "p.N581S", "p.Asn581Ser", 581, 581 },
    { "BRAF N581= c.1743T>C 38", B38, "7", 140753392, "A", "G", TR_OK, "BRAF", VE_SYNONYMOUS, "c.1743T>C", "p.N581=", "p.Asn581=", 581, 581 },
    { "BRAF N581D 38", B38, "7", 140754187, "T", "C", TR_OK, "BRAF", VE_MISSENSE, "c.1741A>G", "p.N581D", "p.Asn581Asp", 581, 581 },
    /* REF mismatch */
    { "KRAS REF mismatch 38", B38, "12", 25245350, "G", "T", TR_REF_MISMATCH, "KRAS", VE_NOT_DETERMINED, "", "", "", 12, 12 },
    { "KRAS REF mismatch in anchor of insertion", B37, "12", 25380274, "G", "GA", TR_REF_MISMATCH, "KRAS", VE_NOT_DETERMINED, NULL, NULL, NULL, -1, -1 },
    /* NRAS without CDS */
    { "NRAS non-hotspot SNV c.100", B37, "1", 115258682, "A", "G", TR_OK, "NRAS", VE_NOT_DETERMINED, "", "", "", 34, 34 },
    { "NRAS K117 (AA?) base 1", B37, "1", 115252291, "T", "C", TR_OK, "NRAS", VE_NOT_DETERMINED, "", "", "", 117, 117 },
    { "NRAS indel in hotspot codon", B37, "1", 115256529, "TG", "T", TR_OK, "NRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
    { "NRAS intron", B37, "1", 115256610, "A", "G", TR_OK, "NRAS", VE_SPLICE_REGION_OR_INTRONIC, NULL, NULL, NULL, 0, 0 },
    /* ERBB2: no exon model */
    { "ERBB2 38", B38, "17", 39724000, "A", "G", TR_OK, "ERBB2", VE_NOT_DETERMINED, "", "", "", 0, 0 },
    { "ERBB2 37", B37, "chr17", 37880000, "A", "G", TR_OK, "ERBB2", VE_NOT_DETERMINED, "", "", "", 0, 0 },
    /* elsewhere / wrong build / odd input */
    { "not in a gene", B37, "12", 1000000, "A", "G", TR_OK, "", VE_OUTSIDE_CDS, "", "", "", 0, 0 },
    { "GRCh37 G12D asked on GRCh38", B38, "12", 25398284, "C", "T", TR_OK, "", VE_OUTSIDE_CDS, "", "", "", 0, 0 },
    { "lower-case alleles", B37, "12", 25398284, "c", "t", TR_OK, "KRAS", VE_MISSENSE, "c.35G>A", "p.G12D", "p.Gly12Asp", 12, 12 },
    { "symbolic ALT", B37, "12", 25398284, "C", "<DEL>", TR_OK, "KRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
    { "spanning deletion ALT", B37, "12", 25398284, "C", "*", TR_OK, "KRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
    { "ALT N", B37, "12", 25398284, "C", "N", TR_OK, "KRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
    { "REF junk", B37, "12", 25398284, "X", "T", TR_OK, "KRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
    { "ALT equals REF", B37, "12", 25398284, "C", "C", TR_OK, "KRAS", VE_NOT_DETERMINED, "", "", "", -1, -1 },
};

/* ------------------------------------------------ hotspot sweep (both builds) */

static int col_index(char **cols, int n, const char *name)
{
    for (int i = 0; i < n; i++) if (!strcmp(cols[i], name)) return i;
    return -1;
}

static int split(char *s, char **f, int max)
{
    int n = 0;
    while (n < max) {
        f[n++] = s;
        char *t = strchr(s, '\t');
        if (!t) break;
        *t = 0;
        s = t + 1;
    }
    return n;
}

static char comp(char b) { return b == 'A' ? 'T' : b == 'C' ? 'G' : b == 'G' ? 'C' : b == 'T' ? 'A' : '?'; }

static void hotspot_sweep(const cds_model_t *m)
{
    const char *text = embedded_get("hotspots.tsv", NULL);
    CHECK(text != NULL, "hotspots.tsv readable");
    if (!text) return;
    size_t tl = strlen(text);
    char *buf = malloc(tl + 1);
    if (!buf) { CHECK(0, "malloc"); return; }
    memcpy(buf, text, tl + 1);
    char *hdr[32], *f[32];
    int nh = 0, rows = 0, snvs = 0;
    int ig = -1, icod = -1, iaa = -1, ib = -1, ich = -1, ist = -1, icf = -1, ig1 = -1, ics = -1;
    for (char *line = buf, *nl; line && *line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = 0;
        if (!*line) continue;
        if (line[0] == '#') {
            nh = split(line + 1, hdr, 32);
            ig = col_index(hdr, nh, "gene"); icod = col_index(hdr, nh, "codon"); iaa = col_index(hdr, nh, "ref_aa");
            ib = col_index(hdr, nh, "build"); ich = col_index(hdr, nh, "chrom"); ist = col_index(hdr, nh, "strand");
            icf = col_index(hdr, nh, "c_first"); ig1 = col_index(hdr, nh, "gpos_codon_base1");
            ics = col_index(hdr, nh, "ref_codon_coding_strand");
            continue;
        }
        int n = split(line, f, 32);
        if (n < nh || ig < 0 || ics < 0) { CHECK(0, "hotspots.tsv row parse"); continue; }
        rows++;
        genome_build_t b = build_parse(f[ib]);
        int codon = atoi(f[icod]), cf = atoi(f[icf]);
        const char *cod = f[ics];
        int known = !strchr(cod, '?');
        for (int i = 0; i < 3; i++) {
            long long gp = atoll(f[ig1 + i]);
            char cb = cod[i];
            char plus_ref = cb == '?' ? 'A' : (f[ist][0] == '-' ? comp(cb) : cb);
            for (int k = 0; k < 3; k++) {
                static const char bases[] = "ACGT";
                char alts[3], na = 0;
                for (int j = 0; j < 4; j++) if (bases[j] != plus_ref) alts[(int)na++] = bases[j];
                char r[2] = { plus_ref, 0 }, a[2] = { alts[k], 0 };
                variant_effect_t e;
                int rc = translate_variant(m, b, f[ich], gp, r, a, &e);
                snvs++;
                CHECK(rc == TR_OK, "hotspot %s %s codon %d base %d: rc %d (%s)", f[ig], f[ib], codon, i + 1, rc, why_en(&e));
                CHECK(!strcmp(e.gene, f[ig]), "hotspot %s codon %d: gene %s", f[ig], codon, e.gene);
                CHECK(e.first_codon == codon && e.last_codon == codon, "hotspot %s %s codon %d base %d: codon %d-%d",
                      f[ig], f[ib], codon, i + 1, e.first_codon, e.last_codon);
                CHECK(e.c_start == cf + i && e.c_end == cf + i, "hotspot %s %s codon %d base %d: c.%d, expected c.%d",
                      f[ig], f[ib], codon, i + 1, e.c_start, cf + i);
                if (known) {
                    char mc[4] = { cod[0], cod[1], cod[2], 0 };
                    char coding_alt = f[ist][0] == '-' ? comp(alts[k]) : alts[k];
                    mc[i] = coding_alt;
                    char aa = cds_translate_codon(mc), ra = f[iaa][0];
                    char want[32];
                    if (aa == ra) snprintf(want, sizeof(want), "p.%c%d=", ra, codon);
                    else snprintf(want, sizeof(want), "p.%c%d%c", ra, codon, aa);
                    ve_consequence_t wc = aa == ra ? VE_SYNONYMOUS : aa == '*' ? VE_NONSENSE : VE_MISSENSE;
                    char wantc[32];
                    snprintf(wantc, sizeof(wantc), "c.%d%c>%c", cf + i, cod[i], coding_alt);
                    CHECK(!strcmp(e.hgvs_p, want), "hotspot %s %s codon %d base %d %c>%c: %s, expected %s",
                          f[ig], f[ib], codon, i + 1, plus_ref, alts[k], e.hgvs_p, want);
                    CHECK(!strcmp(e.hgvs_c, wantc), "hotspot %s %s: %s, expected %s", f[ig], f[ib], e.hgvs_c, wantc);
                    CHECK(e.consequence == wc, "hotspot %s %s codon %d: %s", f[ig], f[ib], codon, ve_consequence_name(e.consequence));
                    CHECK(e.ref_status == VE_REF_MATCH, "hotspot %s %s codon %d: REF not checked", f[ig], f[ib], codon);
                } else {
                    CHECK(e.consequence == VE_NOT_DETERMINED, "hotspot %s codon %d with unknown base: %s", f[ig], codon,
                          ve_consequence_name(e.consequence));
                }
            }
        }
    }
    CHECK(rows == 40, "hotspots.tsv rows: %d", rows);
    printf("hotspot sweep: %d rows, %d SNVs\n", rows, snvs);
    free(buf);
}

/* ------------------------------------------------------ other behaviours */

static void test_messages(const cds_model_t *m)
{
    variant_effect_t e;
    int rc = translate_variant(m, B38, "12", 25245350, "G", "T", &e);
    CHECK(rc == TR_REF_MISMATCH && e.ref_status == VE_REF_MISMATCH, "mismatch status");
    CHECK(e.mismatch_pos == 25245350 && e.expected_ref == 'C' && e.found_ref == 'G', "mismatch detail %lld %c %c",
          (long long)e.mismatch_pos, e.expected_ref, e.found_ref);
    CHECK(!strcmp(why_en(&e), "REF does not match the GRCh38 KRAS coding sequence at 12:25245350: expected C, found G \xe2\x80\x94 wrong genome build?"),
          "mismatch message: %s", why_en(&e));

    rc = translate_variant(m, B37, "12", 25380347, "G", "A", &e);
    CHECK(e.splice_distance == 1 && e.intron == 2 && strstr(why_en(&e), "splice site"), "splice site: d=%d intron=%d %s",
          e.splice_distance, e.intron, why_en(&e));
    rc = translate_variant(m, B37, "12", 25380360, "G", "A", &e);
    CHECK(e.splice_distance == 14 && strstr(why_en(&e), "intronic"), "intronic: d=%d %s", e.splice_distance, why_en(&e));
    rc = translate_variant(m, B37, "12", 25380351, "G", "A", &e);
    CHECK(e.splice_distance == 5 && strstr(why_en(&e), "splice region"), "splice region: d=%d %s", e.splice_distance, why_en(&e));

    rc = translate_variant(m, B37, "12", 25398284, "C", "T", &e);
    CHECK(!strcmp(e.transcript, "NM_004985.3|ENST00000311936.3") && !strcmp(e.tx_refseq, "NM_004985.3") &&
          !strcmp(e.tx_ensembl, "ENST00000311936.3") && e.exon == 2, "transcript fields %s %s %s exon %d",
          e.transcript, e.tx_refseq, e.tx_ensembl, e.exon);

    rc = translate_variant(m, B37, "12", 25258682, "A", "G", &e);
    CHECK(rc == TR_OK, "rc");
    rc = translate_variant(m, B37, "1", 115258682, "A", "G", &e);
    CHECK(e.c_start == 100 && e.ref_status == VE_REF_NOT_CHECKED && strstr(why_en(&e), "hotspot"), "NRAS non-hotspot: c.%d %s", e.c_start, why_en(&e));

    /* arguments */
    CHECK(translate_variant(NULL, B37, "12", 1, "A", "C", &e) == TR_E_ARG, "NULL model");
    CHECK(translate_variant(m, B37, NULL, 1, "A", "C", &e) == TR_E_ARG, "NULL chrom");
    CHECK(translate_variant(m, B37, "12", 1, NULL, "C", &e) == TR_E_ARG, "NULL ref");
    CHECK(translate_variant(m, B37, "12", 1, "A", NULL, &e) == TR_E_ARG, "NULL alt");
    CHECK(translate_variant(m, B37, "12", 1, "", "C", &e) == TR_E_ARG, "empty REF");
    CHECK(translate_variant(m, B37, "12", 0, "A", "C", &e) == TR_E_ARG, "pos 0");
    CHECK(translate_variant(m, B37, "12", 1, "A", "C", NULL) == TR_E_ARG, "NULL out");
    CHECK(translate_variant(m, BUILD_UNKNOWN, "12", 25398284, "C", "T", &e) == TR_OK && e.consequence == VE_OUTSIDE_CDS,
          "unknown build");

    /* long insertion: named only up to TR_MAX_INDEL */
    char alt[200];
    alt[0] = 'C';
    for (int i = 1; i < 150; i++) alt[i] = "ACGT"[i % 4];
    alt[150] = 0;
    rc = translate_variant(m, B37, "12", 25380274, "C", alt, &e);
    CHECK(rc == TR_OK && e.consequence == VE_NOT_DETERMINED && strstr(why_en(&e), "longer"), "long insertion: %s", why_en(&e));
    /* a long REF that matches the genome is only partly known: make a deletion of 70 bp inside exon 2 of KRAS */
    rc = translate_variant(m, B37, "12", 25398230, "CTCTTGACCTGCTGTGTCGAGAATATCCAAGAGACAGGTTTCTCCATCAATTACTACTTGCTTCCTGTAGG", "C", &e);
    CHECK(rc == TR_OK || rc == TR_REF_MISMATCH, "long deletion rc %d", rc);
    CHECK(e.consequence == VE_NOT_DETERMINED, "long deletion: %s", why_en(&e));
}

/* same event written with different anchors must give the same call */
static void test_equivalence(const cds_model_t *m)
{
    static const struct { long long pos; const char *ref, *alt; } reps[] = {
        { 25398282, "CACC", "C" },          /* c.34_36 deleted, left anchor */
        { 25398281, "CCAC", "C" },          /* c.35_37 deleted */
        { 25398280, "GCCA", "G" },          /* c.36_38 deleted */
        { 25398280, "GCCACC", "GCC" },      /* padded on both sides */
    };
    variant_effect_t e0, e;
    translate_variant(m, B37, "12", reps[0].pos, reps[0].ref, reps[0].alt, &e0);
    for (size_t i = 1; i < sizeof(reps) / sizeof(reps[0]); i++) {
        translate_variant(m, B37, "12", reps[i].pos, reps[i].ref, reps[i].alt, &e);
        CHECK(!strcmp(e.hgvs_c, e0.hgvs_c) && !strcmp(e.hgvs_p, e0.hgvs_p) && e.consequence == e0.consequence,
              "equivalent deletion %zu: %s %s vs %s %s (%s)", i, e.hgvs_c, e.hgvs_p, e0.hgvs_c, e0.hgvs_p, why_en(&e));
    }
}

/* ----------------------------------------------------------- loader checks */

static void expect_load_fail(const char *what, const char *ex, const char *cds, const char *prot,
                             const char *hot, const char *expect_in_msg)
{
    cds_model_t m;
    mcrc_err_t err = { "" };
    if (!ex) { CHECK(0, "%s: test input could not be built", what); return; }
    cds_model_init(&m);
    int rc = cds_model_load(&m, ex, cds, prot, &err);
    if (rc == 0 && hot) rc = cds_model_add_hotspots(&m, hot, &err);
    CHECK(rc < 0, "%s: load should fail", what);
    CHECK(rc >= 0 || (m.n_tx == 0 && m.n_gene == 0) || hot, "%s: failed load leaves a partial model", what);
    CHECK(!expect_in_msg || strstr(err.msg, expect_in_msg), "%s: message '%s' lacks '%s'", what, err.msg, expect_in_msg);
    cds_model_destroy(&m);
}

static void test_loader(void)
{
    const char *ex = embedded_get("cds_exons.tsv", NULL), *cds = embedded_get("cds.fa", NULL),
               *prot = embedded_get("proteins.fa", NULL), *hot = embedded_get("hotspots.tsv", NULL),
               *genes = embedded_get("genes.tsv", NULL);
    if (!ex || !cds || !prot || !hot || !genes) { CHECK(0, "annotation files readable"); return; }

    cds_model_t m;
    mcrc_err_t err = { "" };
    cds_model_init(&m);
    CHECK(cds_model_load(&m, ex, cds, prot, &err) == 0, "plain load: %s", err.msg);
    CHECK(cds_model_add_hotspots(&m, hot, &err) == 0, "hotspots: %s", err.msg);
    gene_table_t gt;
    mcrc_err_t gerr;
    CHECK(genes_load(&gt, genes, &gerr) == 0, "genes.tsv: %s", gerr.msg);
    CHECK(cds_model_add_genes(&m, &gt, &err) == 0, "genes: %s", err.msg);
    const cds_tx_t *t = cds_model_tx(&m, "BRAF", B38);
    CHECK(t && t->n == 18 && t->cds_len == 2301 && t->strand == '-' && t->seg[0].c_first == 1, "BRAF 38 model");
    CHECK(t && cds_tx_g2c(t, 140924703, NULL) == 1 && cds_tx_g2c(t, 140734597, NULL) == 2301, "BRAF first/last base");
    CHECK(t && cds_tx_c2g(t, 1799) == 140753336 && cds_tx_c2g(t, 0) == 0 && cds_tx_c2g(t, 2302) == 0, "BRAF c2g");
    const cds_gene_t *g = cds_model_gene(&m, "NRAS");
    CHECK(g && !g->cds_complete && g->cds_len == 570 && !strncmp(g->cds + 33, "GGTGGT", 6) && g->cds[350] == '?',
          "NRAS partial CDS from hotspots");
    g = cds_model_gene(&m, "KRAS");
    CHECK(g && g->cds_complete && g->prot_len == 188, "KRAS CDS + protein");
    CHECK(cds_model_gene(&m, "ERBB2") && !cds_model_tx(&m, "ERBB2", B38) && cds_model_span(&m, "ERBB2", B38), "ERBB2 span only");
    CHECK(m.n_hotspot_rows == 40, "hotspot rows %d", m.n_hotspot_rows);
    CHECK(cds_model_load(&m, ex, cds, prot, &err) == CDS_E_ARG, "second load refused");
    cds_model_destroy(&m);

    CHECK(build_parse("grch37") == B37 && build_parse("hg38") == B38 && build_parse("GRCh39") == BUILD_UNKNOWN &&
          build_parse(NULL) == BUILD_UNKNOWN && build_parse("b37") == B37 && build_parse("hs37d5") == B37 &&
          build_parse("GRCh38") == B38, "build names");
    CHECK(cds_translate_codon("ATG") == 'M' && cds_translate_codon("tga") == '*' && cds_translate_codon("ANG") == 0 &&
          cds_translate_codon("") == 0 && cds_translate_codon(NULL) == 0, "codon table");

    /* inconsistent data is refused */
    char *bad;
    bad = str_replace_once(ex, "25398208\t25398318\t111", "25398208\t25398318\t112");
    expect_load_fail("seg_len wrong", bad, cds, prot, NULL, "inconsistent"); free(bad);
    bad = str_replace_once(ex, "25245274\t25245384\t111\t1\t111", "25245275\t25245384\t110\t1\t110");
    expect_load_fail("segments not contiguous", bad, cds, prot, NULL, "not contiguous"); free(bad);
    bad = str_replace_once(cds, "GTGGTAGTTGGAGCTGGTGGC", "GTGGTAGTTGGAGCTGATGGC");
    expect_load_fail("CDS does not translate to protein", ex, bad, prot, NULL, "codon 12"); free(bad);
    bad = str_replace_once(cds, "ATGACTGAATAT", "ATGACTGAATA");
    expect_load_fail("CDS length", ex, bad, prot, NULL, "KRAS"); free(bad);
    expect_load_fail("CDS without protein", ex, cds, "", NULL, "no protein");
    bad = str_replace_once(prot, "MTEYKLVVVGAGGVGKSALT", "MTEYKLVVVGAGGVGKSAL");
    expect_load_fail("protein length vs model", ex, cds, bad, NULL, NULL); free(bad);
    bad = str_replace_once(hot, "GN 1_g.115258747C-T (c.35G>A gGt/gAt)", "x");
    char *bad2 = bad ? str_replace_once(bad, "no\tGGT\tACC", "no\tGAT\tATC") : NULL;
    expect_load_fail("hotspot codon disagrees with protein", ex, cds, prot, bad2, "does not encode"); free(bad); free(bad2);
    bad = str_replace_once(hot, "25398285\t25398284\t25398283", "25398286\t25398284\t25398283");
    expect_load_fail("hotspot position disagrees with exon model", ex, cds, prot, bad, "maps to"); free(bad);
    bad = str_replace_once(hot, "140453987\tyes", "140453987\tno");
    expect_load_fail("split_codon flag", ex, cds, prot, bad, "split_codon"); free(bad);
    expect_load_fail("empty exons", "", cds, prot, NULL, "header");
    expect_load_fail("header only", "#gene\tbuild\ttranscript\tchrom\tstrand\texon_number\tcds_seg_start\tcds_seg_end\tseg_len\tcds_pos_first\tcds_pos_last\tcum_cds_offset_before\n",
                     NULL, NULL, NULL, "no data rows");
    expect_load_fail("missing column", "#gene\tbuild\nKRAS\tGRCh38\n", NULL, NULL, NULL, "required column");
    {
        char wide[4000];
        size_t n = 0;
        wide[n++] = '#';
        for (int i = 0; i < 1000 && n + 4 < sizeof(wide); i++) { wide[n++] = 'x'; wide[n++] = '\t'; }
        wide[n] = 0;
        expect_load_fail("1000 columns", wide, NULL, NULL, NULL, "columns");
    }
    expect_load_fail("junk FASTA", ex, "ACGT\n", prot, NULL, "before the first");
    expect_load_fail("bad FASTA char", ex, ">KRAS\nAC-GT\n", prot, NULL, "unexpected character");
    expect_load_fail("short row", "#gene\tbuild\ttranscript\tchrom\tstrand\texon_number\tcds_seg_start\tcds_seg_end\tseg_len\tcds_pos_first\tcds_pos_last\tcum_cds_offset_before\nKRAS\tGRCh38\n",
                     NULL, NULL, NULL, "columns");
    expect_load_fail("negative number", "#gene\tbuild\ttranscript\tchrom\tstrand\texon_number\tcds_seg_start\tcds_seg_end\tseg_len\tcds_pos_first\tcds_pos_last\tcum_cds_offset_before\nKRAS\tGRCh38\tT\t12\t-\t2\t-5\t10\t16\t1\t16\t0\n",
                     NULL, NULL, NULL, "numeric");
    cds_model_init(&m);
    CHECK(cds_model_load(&m, NULL, NULL, NULL, &err) == CDS_E_ARG, "NULL exons");
    CHECK(cds_model_load(NULL, ex, NULL, NULL, NULL) == CDS_E_ARG, "NULL model, no err buffer");
    CHECK(cds_model_add_hotspots(&m, NULL, &err) == CDS_E_ARG, "NULL hotspots");
    cds_model_destroy(&m);
    cds_model_destroy(NULL);
}

/* the same insertion written with different anchors */
static void test_insertion_equivalence(const cds_model_t *m)
{
    variant_effect_t a, b, c;
    translate_variant(m, B37, "12", 25380274, "C", "CT", &a);      /* anchor c.184 */
    translate_variant(m, B37, "12", 25380275, "T", "TT", &b);      /* anchor c.183 */
    translate_variant(m, B37, "12", 25380274, "CT", "CTT", &c);    /* both anchors */
    CHECK(!strcmp(a.hgvs_c, "c.183dup") && !strcmp(b.hgvs_c, a.hgvs_c) && !strcmp(c.hgvs_c, a.hgvs_c) &&
          !strcmp(b.hgvs_p, a.hgvs_p) && !strcmp(c.hgvs_p, a.hgvs_p), "equivalent insertions: %s %s %s", a.hgvs_c, b.hgvs_c, c.hgvs_c);
    /* in-frame dup of codon 13 written at the 5' copy (after c.33) and at the 3' copy */
    translate_variant(m, B37, "12", 25398285, "C", "CACC", &a);    /* insert GGT after c.33 (5'-most) */
    translate_variant(m, B37, "12", 25398282, "C", "CACC", &b);
    CHECK(!strcmp(a.hgvs_c, b.hgvs_c) && !strcmp(a.hgvs_p, "p.G13dup") && !strcmp(b.hgvs_p, "p.G13dup"),
          "equivalent in-frame dups: %s %s / %s %s", a.hgvs_c, a.hgvs_p, b.hgvs_c, b.hgvs_p);
}

int main(void)
{
    refdata_t rd;
    mcrc_err_t e;
    int rc = refdata_load(&rd, &e);
    CHECK(rc == 0, "refdata_load: %s", e.msg);
    if (rc == 0) {
        const cds_model_t *m = &rd.model;
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) run_case(m, &cases[i]);
        hotspot_sweep(m);
        test_messages(m);
        test_equivalence(m);
        test_insertion_equivalence(m);
    }
    refdata_destroy(&rd);
    test_loader();
    if (g_reasons_loaded) reasons_destroy(&g_reasons);
    printf("%d passed, %d failed\n", n_pass, n_fail);
    return n_fail ? 1 : 0;
}
