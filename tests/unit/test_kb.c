/*
 * test_kb.c - unit tests of the knowledge-base loader and rule engine (kb.c).
 *
 *   - the built-in KB loads (version, languages, checksum of
 *     annotations/knowledge-base.xml);
 *   - all 625 status combinations on the built-in KB: the blocks shown are
 *     exactly the ones the policy of docs/knowledge-base.md names, each once,
 *     with exactly one clinician summary in every language;
 *   - the rule engine's semantics (match all/any, AND of <when>s, rules with
 *     no <when>, order first shown) on a small KB held here;
 *   - refusals: every fixture under tests/kb/bad/, a missing directory, and
 *     defective KBs built here from tests/kb/tiny/knowledge-base.xml; each is
 *     MCRC_E_INPUT with a message naming the file, and leaves the kb_t zeroed;
 *   - a lab's KB (tests/kb/good-lab), kb_source_text and kb_block lookups.
 *
 * Run from the repository root (fixture paths are relative to it).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "genes.h"
#include "embedded.h"
#include "kb.h"
#include "reason.h"
#include "mcrc.h"
#include "sha256.h"
#include "unit.h"
#include "strrep.h"

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

/* the whole file as a NUL-terminated string, or NULL */
static char *slurp(const char *fn)
{
    FILE *fp = fopen(fn, "rb");
    if (!fp) return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); fclose(fp); return NULL; }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, 4096, fp);
        n += r;
        if (r < 4096) break;
    }
    fclose(fp);
    buf[n] = 0;
    return buf;
}

/* s with every occurrence of from replaced by to (malloc'd) */
static char *replace_all(const char *s, const char *from, const char *to)
{
    char *cur = strdup(s);
    size_t off = 0;
    while (cur) {
        char *p = strstr(cur + off, from);
        if (!p) break;
        size_t pos = (size_t)(p - cur);
        char *next = str_replace_once(cur + pos, from, to);
        if (!next) break;
        char *joined = malloc(pos + strlen(next) + 1);
        if (joined) { memcpy(joined, cur, pos); strcpy(joined + pos, next); }
        free(next);
        free(cur);
        cur = joined;
        off = pos + strlen(to);
    }
    return cur;
}

/* the tiny KB with its blocks (everything from the first <block> to the first <rule>) replaced */
static char *with_blocks(const char *tiny, const char *blocks)
{
    const char *start = strstr(tiny, "  <block "), *rule = strstr(tiny, "  <rule ");
    if (!start || !rule || rule < start) return NULL;
    size_t a = (size_t)(start - tiny);
    char *r = malloc(a + strlen(blocks) + strlen(rule) + 1);
    if (!r) return NULL;
    memcpy(r, tiny, a);
    strcpy(r + a, blocks);
    strcat(r, rule);
    return r;
}

static int is_zeroed(const kb_t *kb)
{
    static const kb_t zero;
    return !memcmp(kb, &zero, sizeof(zero));
}

static int is_hex64(const char *s)
{
    if (strlen(s) != 64) return 0;
    for (int i = 0; i < 64; i++) if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i])) return 0;
    return 1;
}

/* holds nothing kb_destroy would free, and no counts: safe to destroy or load into again */
static int is_released(const kb_t *kb)
{
    return !kb->doc && !kb->block && !kb->rule && !kb->nblock && !kb->nrule && !kb->nlang;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

/* the value of attribute name of a block's element ("" if absent), copied into out */
static const char *block_attr(const kb_block_t *b, const char *name, char *out, size_t n)
{
    out[0] = 0;
    if (!b || !b->node) return out;
    xmlChar *v = xmlGetProp(b->node, BAD_CAST name);
    if (v) { snprintf(out, n, "%s", (const char *)v); xmlFree(v); }
    return out;
}

static int index_of(const char **ids, int n, const char *id)
{
    for (int i = 0; i < n; i++) if (!strcmp(ids[i], id)) return i;
    return -1;
}

/* ------------------------------------------------------------------ */
/* the built-in KB                                                     */
/* ------------------------------------------------------------------ */

static void test_builtin(kb_t *kb)
{
    CHECK_STR(kb->version, "2.0.0");
    CHECK_STR(kb->origin, "built-in");
    CHECK(kb_has_lang(kb, "en"));
    CHECK(kb_has_lang(kb, "es"));
    CHECK(!kb_has_lang(kb, "fr"));
    CHECK(!kb_has_lang(kb, ""));
    CHECK_INT(kb->nlang, 2);
    CHECK(is_hex64(kb->sha256));
    char want[65] = "";
    int64_t size = 0;
    CHECK_INT(sha256_file("annotations/knowledge-base.xml", want, &size), 0);
    CHECK(size > 0);
    CHECK_STR(kb->sha256, want);
    CHECK(kb->nblock > 0 && kb->nblock % 2 == 0);   /* every block in en and es */
    CHECK(kb->nrule > 0);
    /* every block is in both languages with the same audience and section */
    for (int i = 0; i < kb->nblock; i++) {
        const kb_block_t *b = &kb->block[i];
        const kb_block_t *o = kb_block(kb, b->id, strcmp(b->lang, "en") ? "en" : "es");
        CHECK(o != NULL);
        char a1[64], a2[64];
        CHECK_STR(block_attr(b, "audience", a1, sizeof(a1)), block_attr(o, "audience", a2, sizeof(a2)));
        CHECK_STR(block_attr(b, "section", a1, sizeof(a1)), block_attr(o, "section", a2, sizeof(a2)));
        CHECK(kb_block(kb, b->id, b->lang) == b);
    }
}

static const biomarker_status_t ERBB2_WORDS[5] = {
    STATUS_AMPLIFIED, STATUS_EQUIVOCAL, STATUS_NOT_AMPLIFIED, STATUS_INDETERMINATE, STATUS_NOT_ASSESSED
};
static const biomarker_status_t MUT_WORDS[5] = {
    STATUS_MUTANT, STATUS_WILD_TYPE, STATUS_NO_MUTATION_DETECTED, STATUS_INDETERMINATE, STATUS_NOT_ASSESSED
};

/* The RAS/BRAF group of a result, as the default KB's rules define it (docs/knowledge-base.md):
 * g12c, ras, v600e, braf (another BRAF change), wt, inc.  k12c / v600e: the change found. */
static const char *ras_group(const biomarker_status_t st[N_GENES], int k12c, int v600e)
{
    int kras = st[GENE_KRAS] == STATUS_MUTANT, nras = st[GENE_NRAS] == STATUS_MUTANT, braf = st[GENE_BRAF] == STATUS_MUTANT;
    if (kras && k12c && !nras) return "g12c";
    if (kras || nras) return "ras";
    if (braf) return v600e ? "v600e" : "braf";
    int wt = 1;
    for (int g = GENE_KRAS; g <= GENE_BRAF; g++) wt &= st[g] == STATUS_WILD_TYPE;
    return wt ? "wt" : "inc";
}

/* The one bottom-line block about drugs that block EGFR that the policy expects, by HER2 and group. */
static const char *expected_egfr_block(biomarker_status_t her2, const char *grp)
{
    if (!strcmp(grp, "wt"))
        return her2 == STATUS_AMPLIFIED ? "bl-wt-amp" : her2 == STATUS_NOT_AMPLIFIED ? "bl-wt-notamp" : "bl-wt-her2unknown";
    if (!strcmp(grp, "inc")) return her2 == STATUS_AMPLIFIED ? "bl-her2-amp-inc" : "bl-inc";
    if (!strcmp(grp, "ras")) return "bl-ras-mutant";
    if (!strcmp(grp, "g12c")) return "bl-kras-g12c";
    if (!strcmp(grp, "v600e")) return "bl-braf-v600e";
    return "bl-braf-other";
}

/* run the rules on one combination, with the protein changes of KRAS and BRAF */
static int sel_ch(const kb_t *kb, biomarker_status_t e, biomarker_status_t k, biomarker_status_t n, biomarker_status_t b,
                  const char *kras_change, const char *braf_change, const char **ids, const char **fired, int *nfired)
{
    biomarker_status_t st[N_GENES];
    st[GENE_ERBB2] = e; st[GENE_KRAS] = k; st[GENE_NRAS] = n; st[GENE_BRAF] = b;
    const char *kc[2] = { kras_change, NULL }, *bc[2] = { braf_change, NULL };
    const char *const *changes[N_GENES] = { NULL, NULL, NULL, NULL };
    changes[GENE_KRAS] = kc;
    changes[GENE_BRAF] = bc;
    int nids = 0, nf = 0;
    kb_select_changes(kb, st, changes, ids, &nids, fired, &nf);
    if (nfired) *nfired = nf;
    return nids;
}

static int sel(const kb_t *kb, biomarker_status_t e, biomarker_status_t k, biomarker_status_t n, biomarker_status_t b,
               const char **ids, const char **fired, int *nfired)
{
    biomarker_status_t st[N_GENES];
    st[GENE_ERBB2] = e; st[GENE_KRAS] = k; st[GENE_NRAS] = n; st[GENE_BRAF] = b;
    int nids = 0, nf = 0;
    kb_select(kb, st, ids, &nids, fired, &nf);
    if (nfired) *nfired = nf;
    return nids;
}

static const char *BOTTOM_LINE_EGFR[] = { "bl-wt-notamp", "bl-wt-amp", "bl-wt-her2unknown", "bl-ras-mutant", "bl-kras-g12c",
                                          "bl-braf-v600e", "bl-braf-other", "bl-inc", "bl-her2-amp-inc", NULL };

static void test_all_combinations(const kb_t *kb)
{
    const char **ids = calloc(kb->nblock, sizeof(*ids));
    const char **fired = calloc(kb->nrule, sizeof(*fired));
    CHECK(ids && fired);
    if (!ids || !fired) { free(ids); free(fired); return; }
    static const char *langs[2] = { "en", "es" };
    int ncomb = 0, ndual = 0, bad_unique = 0, bad_summary = 0, bad_story = 0, bad_lang = 0, bad_safety = 0;
    biomarker_status_t st[N_GENES];
    for (int e = 0; e < 5; e++)
    for (int k = 0; k < 5; k++)
    for (int nr = 0; nr < 5; nr++)
    for (int b = 0; b < 5; b++)
    for (int k12c = 0; k12c < 2; k12c++)
    for (int v600e = 0; v600e < 2; v600e++) {
        st[GENE_ERBB2] = ERBB2_WORDS[e];
        st[GENE_KRAS] = MUT_WORDS[k];
        st[GENE_NRAS] = MUT_WORDS[nr];
        st[GENE_BRAF] = MUT_WORDS[b];
        /* a change only exists behind a mutant status */
        if ((k12c && st[GENE_KRAS] != STATUS_MUTANT) || (v600e && st[GENE_BRAF] != STATUS_MUTANT)) continue;
        ncomb++;
        int nids = -1, nfired = -1;
        nids = sel_ch(kb, st[0], st[1], st[2], st[3], k12c ? "p.G12C" : "p.G12D", v600e ? "p.V600E" : "p.D594G",
                      ids, fired, &nfired);
        char combo[160];
        snprintf(combo, sizeof(combo), "ERBB2=%s KRAS=%s%s NRAS=%s BRAF=%s%s", status_word(st[0]), status_word(st[1]),
                 k12c ? "(G12C)" : "", status_word(st[2]), status_word(st[3]), v600e ? "(V600E)" : "");

        for (int i = 0; i < nids; i++)
            for (int j = i + 1; j < nids; j++)
                if (!strcmp(ids[i], ids[j])) { bad_unique++; UNIT_FAILED("%s: block %s shown twice", combo, ids[i]); }

        /* a clinician summary in every language; every block resolves */
        for (int l = 0; l < 2; l++) {
            int nsum = 0;
            for (int i = 0; i < nids; i++) {
                const kb_block_t *blk = kb_block(kb, ids[i], langs[l]);
                if (!blk) { bad_lang++; UNIT_FAILED("%s: block %s has no %s text", combo, ids[i], langs[l]); continue; }
                char aud[32], sec[64];
                block_attr(blk, "audience", aud, sizeof(aud));
                block_attr(blk, "section", sec, sizeof(sec));
                nsum += !strcmp(aud, "clinician") && !strcmp(sec, "clinician-summary");
            }
            if (nsum < 1) { bad_summary++; UNIT_FAILED("%s (%s): no clinician summary", combo, langs[l]); }
        }

        /* one story: exactly one bottom line about EGFR drugs, the one the policy names */
        const char *want = expected_egfr_block(st[GENE_ERBB2], ras_group(st, k12c, v600e));
        int n_egfr = 0;
        for (int i = 0; BOTTOM_LINE_EGFR[i]; i++) n_egfr += index_of(ids, nids, BOTTOM_LINE_EGFR[i]) >= 0;
        if (n_egfr != 1 || index_of(ids, nids, want) < 0) {
            bad_story++;
            UNIT_FAILED("%s: %d bottom lines about EGFR drugs, %s expected", combo, n_egfr, want);
        }
        /* the old contradiction: "EGFR drugs can be a choice" only with HER2 not amplified */
        if (index_of(ids, nids, "tx-anti-egfr-option") >= 0 && st[GENE_ERBB2] != STATUS_NOT_AMPLIFIED) {
            bad_story++;
            UNIT_FAILED("%s: EGFR drugs offered although HER2 is %s", combo, status_word(st[GENE_ERBB2]));
        }
        /* safety wherever a HER2 drug may come up */
        int her2_safety = index_of(ids, nids, "her2-side-effects") >= 0 && index_of(ids, nids, "her2-drug-warnings") >= 0;
        if (her2_safety != (st[GENE_ERBB2] != STATUS_NOT_AMPLIFIED)) {
            bad_safety++;
            UNIT_FAILED("%s: HER2 safety blocks %sshown", combo, her2_safety ? "" : "not ");
        }
        CHECK(index_of(ids, nids, "next-msi") >= 0);

        /* order: background first, support last */
        if (nids >= 1) { CHECK_STR(ids[0], "her2-what"); }
        CHECK(nfired > 0 && nfired <= kb->nrule);
        CHECK_STR(fired[0], "always-background");
        CHECK_STR(fired[nfired - 1], "always-closing");

        int dual = index_of(ids, nids, "tx-her2-amp-wt") >= 0;
        ndual += dual;
        if (dual) {
            CHECK_INT(st[GENE_ERBB2], STATUS_AMPLIFIED);
            CHECK_INT(st[GENE_KRAS], STATUS_WILD_TYPE);
            CHECK_INT(st[GENE_NRAS], STATUS_WILD_TYPE);
            CHECK_INT(st[GENE_BRAF], STATUS_WILD_TYPE);
        }
    }
    CHECK_INT(ncomb, 900);
    CHECK_INT(ndual, 1);
    CHECK_INT(bad_unique, 0);
    CHECK_INT(bad_summary, 0);
    CHECK_INT(bad_story, 0);
    CHECK_INT(bad_safety, 0);
    CHECK_INT(bad_lang, 0);
    free(ids);
    free(fired);
}

#define HAS(id) (index_of(ids, nids, (id)) >= 0)

/* the specific paths of issue 14, spelt out */
static void test_paths(const kb_t *kb)
{
    const char **ids = calloc(kb->nblock, sizeof(*ids));
    const char **fired = calloc(kb->nrule, sizeof(*fired));
    if (!ids || !fired) { CHECK(0); free(ids); free(fired); return; }
    int nids, nf;
    const biomarker_status_t A = STATUS_AMPLIFIED, W = STATUS_WILD_TYPE, M = STATUS_MUTANT, E = STATUS_EQUIVOCAL,
        NMD = STATUS_NO_MUTATION_DETECTED, I = STATUS_INDETERMINATE, NA = STATUS_NOT_ASSESSED, N = STATUS_NOT_AMPLIFIED;

    /* amplified, all wild-type: HER2 drugs, EGFR drugs poor, never "EGFR drugs can be a choice" */
    nids = sel(kb, A, W, W, W, ids, fired, &nf);
    CHECK(HAS("bl-wt-amp") && HAS("tx-her2-amp-wt") && HAS("anti-egfr-poor") && HAS("cs-wt-amp"));
    CHECK(HAS("her2-side-effects") && HAS("her2-drug-warnings") && HAS("next-her2-ihc") && HAS("q-her2"));
    CHECK(!HAS("tx-anti-egfr-option") && !HAS("bl-wt-notamp") && !HAS("q-anti-egfr"));
    /* equivocal / indeterminate / not assessed with all wild-type: HER2 first, no "can be a choice" */
    for (int i = 0; i < 3; i++) {
        const biomarker_status_t h[3] = { E, I, NA };
        nids = sel(kb, h[i], W, W, W, ids, fired, &nf);
        CHECK(HAS("bl-wt-her2unknown") && HAS("tx-her2-unknown-wt") && HAS("cs-wt-her2unknown"));
        CHECK(!HAS("tx-anti-egfr-option") && !HAS("anti-egfr-poor") && !HAS("q-anti-egfr"));
    }
    CHECK(HAS("next-her2-test"));
    nids = sel(kb, E, W, W, W, ids, fired, &nf);
    CHECK(HAS("next-her2-confirm") && HAS("her2-equivocal"));
    /* not amplified, all wild-type: the one page that offers EGFR drugs */
    nids = sel(kb, N, W, W, W, ids, fired, &nf);
    CHECK(HAS("bl-wt-notamp") && HAS("tx-anti-egfr-option") && HAS("q-anti-egfr") && HAS("bl-her2-notamp"));
    CHECK(!HAS("her2-side-effects") && !HAS("her2-drug-warnings"));

    /* KRAS G12C is the exception; another KRAS change is not; with NRAS also changed, RAS wins */
    nids = sel_ch(kb, N, M, W, W, "p.G12C", NULL, ids, fired, &nf);
    CHECK(HAS("bl-kras-g12c") && HAS("tx-kras-g12c") && HAS("cs-kras-g12c") && HAS("q-g12c") && !HAS("bl-ras-mutant"));
    nids = sel_ch(kb, N, M, W, W, "p.G12D", NULL, ids, fired, &nf);
    CHECK(HAS("bl-ras-mutant") && !HAS("bl-kras-g12c"));
    nids = sel(kb, N, M, W, W, ids, fired, &nf);        /* no change known: not G12C */
    CHECK(HAS("bl-ras-mutant") && !HAS("bl-kras-g12c"));
    nids = sel_ch(kb, N, M, M, W, "p.G12C", NULL, ids, fired, &nf);
    CHECK(HAS("bl-ras-mutant") && !HAS("bl-kras-g12c"));
    /* BRAF V600E, another BRAF change, and BRAF behind a RAS change */
    nids = sel_ch(kb, N, W, W, M, NULL, "p.V600E", ids, fired, &nf);
    CHECK(HAS("bl-braf-v600e") && HAS("tx-braf-v600e") && HAS("q-v600e") && HAS("braf-mutant") && !HAS("bl-braf-other"));
    nids = sel_ch(kb, N, W, W, M, NULL, "p.D594G", ids, fired, &nf);
    CHECK(HAS("bl-braf-other") && !HAS("bl-braf-v600e"));
    nids = sel_ch(kb, N, M, W, M, "p.G12D", "p.V600E", ids, fired, &nf);
    CHECK(HAS("bl-ras-mutant") && !HAS("bl-braf-v600e") && !HAS("bl-braf-other"));

    /* amplified with a RAS change: trastuzumab deruxtecan only (IHC 3+), and the safety blocks */
    nids = sel_ch(kb, A, M, W, W, "p.G12D", NULL, ids, fired, &nf);
    CHECK(HAS("bl-her2-amp-mut") && HAS("tx-her2-amp-mut") && HAS("cs-her2-amp-mut") && HAS("bl-ras-mutant"));
    CHECK(HAS("her2-side-effects") && HAS("her2-drug-warnings") && !HAS("anti-egfr-poor"));
    /* amplified, RAS/BRAF incomplete */
    nids = sel(kb, A, NMD, W, W, ids, fired, &nf);
    CHECK(HAS("bl-her2-amp-inc") && HAS("tx-her2-amp-inc") && HAS("anti-egfr-poor") && !HAS("bl-inc"));
    CHECK(HAS("next-ras-complete") && HAS("ras-braf-no-conclusion") && HAS("q-confirm"));
    nids = sel(kb, N, NA, W, W, ids, fired, &nf);
    CHECK(HAS("bl-inc") && HAS("tx-incomplete") && HAS("next-ras-complete") && !HAS("ras-braf-no-conclusion"));

    free(ids);
    free(fired);
}

/* ------------------------------------------------------------------ */
/* rule semantics on a small KB                                        */
/* ------------------------------------------------------------------ */

#define BLK(id, aud, sec) \
    "  <block id=\"" id "\" lang=\"en\" audience=\"" aud "\" section=\"" sec "\" version=\"1\" source=\"s1\" reviewed=\"2026-11-24\">\n" \
    "    <title>T " id "</title>\n    <p>P " id "</p>\n  </block>\n"

static const char SEM_KB[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<knowledge-base format=\"1\" version=\"3.1.4\" reviewed=\"2026-11-24\">\n"
    "  <sources>\n    <source id=\"s1\">A source.</source>\n    <source id=\"s2\">Another source.</source>\n  </sources>\n"
    BLK("b-first", "patient", "about")
    BLK("b-all", "patient", "result")
    BLK("b-any", "patient", "result")
    BLK("b-and", "patient", "treatment")
    BLK("b-multi", "patient", "result")
    BLK("b-sum", "clinician", "clinician-summary")
    "  <rule id=\"r-all\">\n    <when genes=\"KRAS NRAS\" status=\"mutant\"/>\n    <show block=\"b-all\"/>\n  </rule>\n"
    "  <rule id=\"r-any\">\n    <when genes=\"KRAS NRAS\" match=\"any\" status=\"mutant\"/>\n    <show block=\"b-any\"/>\n    <show block=\"b-all\"/>\n  </rule>\n"
    "  <rule id=\"r-and\">\n    <when genes=\"ERBB2\" status=\"amplified\"/>\n    <when genes=\"BRAF\" match=\"all\" status=\"wild-type\"/>\n    <show block=\"b-and\"/>\n  </rule>\n"
    "  <rule id=\"r-multi\">\n    <when genes=\"KRAS\" status=\"mutant wild-type\"/>\n    <show block=\"b-multi\"/>\n  </rule>\n"
    "  <rule id=\"r-always\">\n    <show block=\"b-first\"/>\n    <show block=\"b-sum\"/>\n    <show block=\"b-any\"/>\n  </rule>\n"
    "</knowledge-base>\n";

static void test_semantics(void)
{
    kb_t kb;
    mcrc_err_t err = { "" };
    int r = kb_load_memory(&kb, SEM_KB, strlen(SEM_KB), "sem.xml", &err);
    CHECK_INT(r, 0);
    if (r) { printf("  (%s)\n", err.msg); return; }
    CHECK_STR(kb.version, "3.1.4");
    CHECK_STR(kb.origin, "sem.xml");
    CHECK_INT(kb.nblock, 6);
    CHECK_INT(kb.nrule, 5);
    CHECK_INT(kb.nlang, 1);
    CHECK(kb_has_lang(&kb, "en"));
    CHECK(!kb_has_lang(&kb, "es"));
    CHECK(is_hex64(kb.sha256));
    {
        sha256_t h;
        char want[65];
        sha256_init(&h);
        sha256_update(&h, SEM_KB, strlen(SEM_KB));
        sha256_hex(&h, want);
        CHECK_STR(kb.sha256, want);
    }
    CHECK_STR(kb_source_text(&kb, "s2"), "Another source.");

    const char *ids[6], *fired[5];
    int nids, nf;
    const biomarker_status_t A = STATUS_AMPLIFIED, W = STATUS_WILD_TYPE, M = STATUS_MUTANT, NA = STATUS_NOT_ASSESSED;

    /* nothing but the rule with no <when> */
    nids = sel(&kb, NA, NA, NA, NA, ids, fired, &nf);
    CHECK_INT(nids, 3);
    CHECK_INT(nf, 1);
    if (nf == 1) CHECK_STR(fired[0], "r-always");
    if (nids == 3) { CHECK_STR(ids[0], "b-first"); CHECK_STR(ids[1], "b-sum"); CHECK_STR(ids[2], "b-any"); }

    /* KRAS mutant only: "any" holds, "all" does not; r-multi holds; b-all comes via r-any */
    nids = sel(&kb, NA, M, W, NA, ids, fired, &nf);
    CHECK_INT(nf, 3);
    if (nf == 3) { CHECK_STR(fired[0], "r-any"); CHECK_STR(fired[1], "r-multi"); CHECK_STR(fired[2], "r-always"); }
    CHECK_INT(nids, 5);           /* b-any b-all b-multi b-first b-sum */
    if (nids == 5) {
        CHECK_STR(ids[0], "b-any");
        CHECK_STR(ids[1], "b-all");
        CHECK_STR(ids[2], "b-multi");
        CHECK_STR(ids[3], "b-first");
        CHECK_STR(ids[4], "b-sum");
    }

    /* KRAS and NRAS mutant: "all" holds too, and b-all is now first shown by r-all */
    nids = sel(&kb, NA, M, M, NA, ids, fired, &nf);
    CHECK_INT(nf, 4);
    if (nids >= 2) { CHECK_STR(ids[0], "b-all"); CHECK_STR(ids[1], "b-any"); }
    CHECK_INT(index_of(ids, nids, "b-and"), -1);

    /* AND of two <when>s: both must hold */
    nids = sel(&kb, A, NA, NA, W, ids, fired, &nf);
    CHECK(index_of(ids, nids, "b-and") >= 0);
    CHECK_INT(index_of(ids, nids, "b-multi"), -1);     /* KRAS not-assessed is neither mutant nor wild-type */
    nids = sel(&kb, A, NA, NA, M, ids, fired, &nf);
    CHECK_INT(index_of(ids, nids, "b-and"), -1);
    nids = sel(&kb, STATUS_EQUIVOCAL, NA, NA, W, ids, fired, &nf);
    CHECK_INT(index_of(ids, nids, "b-and"), -1);

    /* several status words in one <when> are an OR */
    nids = sel(&kb, NA, W, NA, NA, ids, fired, &nf);
    CHECK(index_of(ids, nids, "b-multi") >= 0);
    CHECK_INT(index_of(ids, nids, "b-any"), 3);        /* only via r-always, after b-multi b-first b-sum */

    /* lookups */
    CHECK(kb_block(&kb, "b-sum", "en") != NULL);
    CHECK(kb_block(&kb, "b-sum", "es") == NULL);
    CHECK(kb_block(&kb, "b-none", "en") == NULL);
    kb_destroy(&kb);
    CHECK(is_zeroed(&kb));
    kb_destroy(&kb);                                   /* twice is harmless */
    CHECK(is_zeroed(&kb));
}

/* <unless> and change="...": the conditions that let a rule read the whole result */
static const char CH_KB[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<knowledge-base format=\"1\" version=\"1.0.0\" reviewed=\"2026-11-24\">\n"
    "  <sources>\n    <source id=\"s1\" checked=\"2026-11-24\">A source. Checked 2026-11-24.</source>\n  </sources>\n"
    BLK("b-g12c", "patient", "treatment")
    BLK("b-other", "patient", "treatment")
    BLK("b-not-amp", "patient", "result")
    "  <rule id=\"r-g12c\">\n    <when genes=\"KRAS\" status=\"mutant\" change=\"p.G12C\"/>\n    <unless genes=\"NRAS\" status=\"mutant\"/>\n    <show block=\"b-g12c\"/>\n  </rule>\n"
    "  <rule id=\"r-other\">\n    <when genes=\"KRAS\" status=\"mutant\"/>\n    <unless genes=\"KRAS\" status=\"mutant\" change=\"p.G12C p.G12S\"/>\n    <show block=\"b-other\"/>\n  </rule>\n"
    "  <rule id=\"r-not-amp\">\n    <unless genes=\"ERBB2\" status=\"amplified\"/>\n    <show block=\"b-not-amp\"/>\n  </rule>\n"
    "</knowledge-base>\n";

static void test_unless_change(void)
{
    kb_t kb;
    mcrc_err_t err = { "" };
    int r = kb_load_memory(&kb, CH_KB, strlen(CH_KB), "ch.xml", &err);
    CHECK_INT(r, 0);
    if (r) { printf("  (%s)\n", err.msg); return; }
    CHECK_INT(kb.nrule, 3);
    const char *ids[3], *fired[3];
    int nids, nf;
    const biomarker_status_t A = STATUS_AMPLIFIED, W = STATUS_WILD_TYPE, M = STATUS_MUTANT, NA = STATUS_NOT_ASSESSED;
    /* G12C: the change rule fires, the <unless change> rule does not */
    nids = sel_ch(&kb, A, M, W, W, "p.G12C", NULL, ids, fired, &nf);
    CHECK_INT(nids, 1);
    if (nids == 1) CHECK_STR(ids[0], "b-g12c");
    /* another listed change (p.G12S) also blocks r-other, but is not G12C */
    nids = sel_ch(&kb, A, M, W, W, "p.G12S", NULL, ids, fired, &nf);
    CHECK_INT(nids, 0);
    /* G12D: only r-other */
    nids = sel_ch(&kb, A, M, W, W, "p.G12D", NULL, ids, fired, &nf);
    CHECK_INT(nids, 1);
    if (nids == 1) CHECK_STR(ids[0], "b-other");
    /* no changes given at all (kb_select): a change condition never holds */
    nids = sel(&kb, A, M, W, W, ids, fired, &nf);
    CHECK_INT(nids, 1);
    if (nids == 1) CHECK_STR(ids[0], "b-other");
    /* G12C but NRAS mutant too: the <unless> stops r-g12c */
    nids = sel_ch(&kb, A, M, M, W, "p.G12C", NULL, ids, fired, &nf);
    CHECK_INT(nids, 0);
    /* the change must sit behind the asked status: a G12C listed on a wild-type KRAS does not count */
    nids = sel_ch(&kb, A, W, W, W, "p.G12C", NULL, ids, fired, &nf);
    CHECK_INT(nids, 0);
    /* an <unless> alone: fires for everything but its condition */
    nids = sel(&kb, NA, NA, NA, NA, ids, fired, &nf);
    CHECK_INT(nids, 1);
    if (nids == 1) CHECK_STR(ids[0], "b-not-amp");
    kb_destroy(&kb);

    /* too many changes in one condition, or a malformed one, is refused */
    char *bad = str_replace_once(CH_KB, "change=\"p.G12C p.G12S\"", "change=\"p.G12C p.G12S p.G12D p.G12V p.G12A\"");
    CHECK(bad != NULL);
    if (bad) {
        CHECK_INT(kb_load_memory(&kb, bad, strlen(bad), "ch5.xml", &err), MCRC_E_INPUT);
        CHECK(is_zeroed(&kb));
        free(bad);
    }
    bad = str_replace_once(CH_KB, "change=\"p.G12C\"", "change=\"G12C\"");
    CHECK(bad != NULL);
    if (bad) {
        CHECK_INT(kb_load_memory(&kb, bad, strlen(bad), "chbad.xml", &err), MCRC_E_INPUT);
        CHECK(strstr(err.msg, "annotations.xsd") != NULL);
        free(bad);
    }
}

/* ------------------------------------------------------------------ */
/* refusals                                                            */
/* ------------------------------------------------------------------ */

/* the kb_t after a refusal holds nothing, kb_destroy is safe (and zeroes it), and it loads again */
static void check_reusable(kb_t *kb, int line)
{
    if (!is_released(kb)) {
        UNIT_FAILED("line %d: kb_t still holds pointers or counts after a refusal", line);
        memset(kb, 0, sizeof(*kb));     /* never kb_destroy what may be garbage */
    } else {
        unit_pass++;
        kb_destroy(kb);
    }
    if (!is_zeroed(kb)) UNIT_FAILED("line %d: kb_t not zeroed after kb_destroy", line);
    else unit_pass++;
    mcrc_err_t err = { "" };
    int r = kb_load_dir(kb, "tests/kb/tiny", &err);
    if (r) UNIT_FAILED("line %d: tiny KB does not load after a refusal: %s", line, err.msg);
    else unit_pass++;
    kb_destroy(kb);
}

static void test_bad_fixtures(void)
{
    static const struct { const char *dir, *frag; } bad[] = {
        { "schema-violation", "annotations.xsd" },
        { "external-entity", "<!DOCTYPE>" },
        { "network-dtd", "<!DOCTYPE>" },
        { "unknown-format", "format 99 is not supported" },
        { "not-xml", "not well-formed" },
        { "missing-block", "shows block" },
        /* the "billion laughs" fixture is refused by the loader's own <!DOCTYPE> check,
         * before libxml2 parses the internal subset: the protection does not rest on
         * libxml2's entity-amplification limits (kb.c's design comment). */
        { "entity-expansion", "<!DOCTYPE>" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char dir[256], file[300];
        snprintf(dir, sizeof(dir), "tests/kb/bad/%s", bad[i].dir);
        snprintf(file, sizeof(file), "%s/knowledge-base.xml", dir);
        kb_t kb;
        memset(&kb, 0, sizeof(kb));
        mcrc_err_t err = { "" };
        int r = kb_load_dir(&kb, dir, &err);
        if (r != MCRC_E_INPUT) UNIT_FAILED("%s: kb_load_dir returned %d, not MCRC_E_INPUT", bad[i].dir, r);
        else unit_pass++;
        CHECK_HAS(err.msg, file);
        CHECK_HAS(err.msg, bad[i].frag);
        check_reusable(&kb, __LINE__);
    }
    /* the specific details of a few */
    kb_t kb;
    mcrc_err_t err = { "" };
    memset(&kb, 0, sizeof(kb));
    CHECK_INT(kb_load_dir(&kb, "tests/kb/bad/missing-block", &err), MCRC_E_INPUT);
    CHECK_HAS(err.msg, "no-such-block");
    CHECK(is_zeroed(&kb));
    CHECK_INT(kb_load_dir(&kb, "tests/kb/bad/unknown-format", &err), MCRC_E_INPUT);
    CHECK_HAS(err.msg, "it reads format 1");
    CHECK_INT(kb_load_dir(&kb, "tests/kb/bad/schema-violation", &err), MCRC_E_INPUT);
    CHECK_HAS(err.msg, "robot");
    CHECK_INT(kb_load_dir(&kb, "tests/kb/bad/external-entity", &err), MCRC_E_INPUT);
    CHECK_HASNT(err.msg, "root:");          /* nothing of /etc/passwd leaks into the message */

    /* a missing directory */
    memset(&kb, 0, sizeof(kb));
    CHECK_INT(kb_load_dir(&kb, "tests/kb/no-such-dir", &err), MCRC_E_INPUT);
    CHECK_HAS(err.msg, "tests/kb/no-such-dir/knowledge-base.xml");
    CHECK_HAS(err.msg, "cannot open");
    check_reusable(&kb, __LINE__);

    /* a directory that holds no knowledge-base.xml */
    CHECK_INT(kb_load_dir(&kb, "tests/unit", &err), MCRC_E_INPUT);
    CHECK_HAS(err.msg, "cannot open");
    check_reusable(&kb, __LINE__);

    /* kb_load_dir leaves *kb released on every refusal, "cannot open" included, as
     * kb_load_memory does: a caller that did not zero its kb_t beforehand may still
     * kb_destroy it in its cleanup. */
    memset(&kb, 0x5a, sizeof(kb));
    CHECK_INT(kb_load_dir(&kb, "tests/kb/no-such-dir", &err), MCRC_E_INPUT);
    CHECK(is_released(&kb));
    if (!is_released(&kb)) memset(&kb, 0, sizeof(kb));   /* never kb_destroy garbage */
    kb_destroy(&kb);
}

/* refuse buf with MCRC_E_INPUT, a message naming label and containing frag; kb zeroed and reusable */
static void refuse_mem(const char *buf, size_t len, const char *frag, int line)
{
    kb_t kb;
    memset(&kb, 0x5a, sizeof(kb));     /* kb_load_memory must not depend on the kb_t it is given */
    mcrc_err_t err = { "" };
    if (!buf) { UNIT_FAILED("line %d: could not build the test KB", line); return; }
    int r = kb_load_memory(&kb, buf, len, "mem-kb.xml", &err);
    if (r != MCRC_E_INPUT) {
        UNIT_FAILED("line %d: kb_load_memory returned %d, not MCRC_E_INPUT (%s)", line, r, err.msg);
        if (r == 0) kb_destroy(&kb);
        return;
    }
    unit_pass++;
    if (!strstr(err.msg, "mem-kb.xml")) UNIT_FAILED("line %d: message does not name the file: %s", line, err.msg);
    else unit_pass++;
    if (!strstr(err.msg, frag)) UNIT_FAILED("line %d: message \"%s\" does not contain \"%s\"", line, err.msg, frag);
    else unit_pass++;
    check_reusable(&kb, line);
}

/* load buf; it must succeed */
static int accept_mem(kb_t *kb, const char *buf, int line)
{
    mcrc_err_t err = { "" };
    if (!buf) { UNIT_FAILED("line %d: could not build the test KB", line); memset(kb, 0, sizeof(*kb)); return -1; }
    int r = kb_load_memory(kb, buf, strlen(buf), "mem-kb.xml", &err);
    if (r) UNIT_FAILED("line %d: kb_load_memory returned %d: %s", line, r, err.msg);
    else unit_pass++;
    return r;
}

static void test_bad_memory(void)
{
    char *tiny = slurp("tests/kb/tiny/knowledge-base.xml");
    CHECK(tiny != NULL);
    if (!tiny) return;

    /* the tiny KB itself is fine */
    {
        kb_t kb;
        if (!accept_mem(&kb, tiny, __LINE__)) {
            CHECK_STR(kb.version, "0.0.1");
            CHECK_INT(kb.nblock, 2);
            CHECK_INT(kb.nrule, 1);
            kb_destroy(&kb);
        }
    }

    /* empty */
    refuse_mem("", 0, "not well-formed", __LINE__);
    /* 9 MiB of spaces: refused on size before parsing */
    {
        size_t n = (size_t)9 << 20;
        char *big = malloc(n);
        if (big) memset(big, ' ', n);
        refuse_mem(big, n, "larger than 8 MiB", __LINE__);
        free(big);
    }
    /* not a knowledge base at all */
    refuse_mem("<other/>", 8, "not <knowledge-base>", __LINE__);
    /* no format attribute */
    {
        char *t = str_replace_once(tiny, " format=\"1\"", "");
        refuse_mem(t, t ? strlen(t) : 0, "format (none) is not supported", __LINE__);
        free(t);
    }
    /* a (id, lang) block twice: the schema's xs:unique and the loader both refuse it */
    {
        const char *dup =
            "  <block id=\"tiny-note\" lang=\"en\" audience=\"patient\" section=\"about\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
            "    <title>Again</title>\n    <p>Again.</p>\n  </block>\n  <rule id=\"always\">";
        char *t = str_replace_once(tiny, "  <rule id=\"always\">", dup);
        kb_t kb;
        mcrc_err_t err = { "" };
        CHECK(t != NULL);
        if (t) {
            int r = kb_load_memory(&kb, t, strlen(t), "mem-kb.xml", &err);
            CHECK_INT(r, MCRC_E_INPUT);
            CHECK_HAS(err.msg, "mem-kb.xml");
            /* the schema (blockIdLangUnique) sees it first; the loader's own message is "defined twice" */
            CHECK(strstr(err.msg, "defined twice") || strstr(err.msg, "annotations.xsd"));
            CHECK(is_zeroed(&kb));
            kb_destroy(&kb);
        }
        free(t);
    }
    /* a block cites an undeclared source (libxml2 does not resolve xs:IDREFS) */
    {
        char *t = str_replace_once(tiny, "source=\"cca-her2\" reviewed", "source=\"cca-her2 no-such-source\" reviewed");
        refuse_mem(t, t ? strlen(t) : 0, "cites a source", __LINE__);
        free(t);
        t = str_replace_once(tiny, "source=\"cca-her2\" reviewed", "source=\"nope\" reviewed");
        refuse_mem(t, t ? strlen(t) : 0, "block tiny-note cites a source", __LINE__);
        free(t);
    }
    /* a rule with an unknown gene: the schema's enumeration refuses it */
    {
        char *t = str_replace_once(tiny, "  <rule id=\"always\">\n",
                           "  <rule id=\"always\">\n    <when genes=\"KRAS EGFR\" status=\"mutant\"/>\n");
        refuse_mem(t, t ? strlen(t) : 0, "annotations.xsd", __LINE__);
        free(t);
        t = str_replace_once(tiny, "  <rule id=\"always\">\n",
                     "  <rule id=\"always\">\n    <when genes=\"KRAS\" status=\"sideways\"/>\n");
        refuse_mem(t, t ? strlen(t) : 0, "annotations.xsd", __LINE__);
        free(t);
    }
    /* a shown block missing in one language */
    {
        const char *es =
            "  <block id=\"tiny-note\" lang=\"es\" audience=\"patient\" section=\"about\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
            "    <title>Sobre esta prueba</title>\n    <p>Una base diminuta.</p>\n  </block>\n  <rule id=\"always\">";
        char *t = str_replace_once(tiny, "  <rule id=\"always\">", es);
        refuse_mem(t, t ? strlen(t) : 0, "shows block tiny-summary, which has no 'es' text", __LINE__);
        free(t);
    }
    /* an internal DTD subset without entities is still a DOCTYPE */
    {
        char *t = str_replace_once(tiny, "<knowledge-base ", "<!DOCTYPE knowledge-base []>\n<knowledge-base ");
        refuse_mem(t, t ? strlen(t) : 0, "<!DOCTYPE>", __LINE__);
        free(t);
    }
    /* 8 languages load; a 9th is refused */
    {
        static const char *langs[9] = { "en", "es", "fr", "de", "it", "pt", "nl", "sv", "da" };
        char blocks[9 * 700] = "";
        for (int i = 0; i < 9; i++) {
            char one[700];
            snprintf(one, sizeof(one),
                     "  <block id=\"tiny-note\" lang=\"%s\" audience=\"patient\" section=\"about\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
                     "    <title>T</title>\n    <p>P</p>\n  </block>\n"
                     "  <block id=\"tiny-summary\" lang=\"%s\" audience=\"clinician\" section=\"clinician-summary\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
                     "    <title>T</title>\n    <p>P</p>\n  </block>\n", langs[i], langs[i]);
            strcat(blocks, one);
            if (i == 7) {
                char *t = with_blocks(tiny, blocks);
                kb_t kb;
                if (!accept_mem(&kb, t, __LINE__)) {
                    CHECK_INT(kb.nlang, 8);
                    CHECK(kb_has_lang(&kb, "sv"));
                    CHECK(kb_block(&kb, "tiny-summary", "nl") != NULL);
                    kb_destroy(&kb);
                }
                free(t);
            }
        }
        char *t = with_blocks(tiny, blocks);
        refuse_mem(t, t ? strlen(t) : 0, "more than 8 languages", __LINE__);
        free(t);
    }

    /* a status word that does not fit its gene is refused by the loader
     * (docs/knowledge-base.md: "A `when` may only use words that fit its genes"):
     * genes="ERBB2" status="mutant" would be a rule that silently never fires. */
    {
        char *t = str_replace_once(tiny, "  <rule id=\"always\">\n",
                           "  <rule id=\"always\">\n    <when genes=\"ERBB2\" status=\"mutant\"/>\n");
        refuse_mem(t, t ? strlen(t) : 0, "mem-kb.xml", __LINE__);
        free(t);
        t = str_replace_once(tiny, "  <rule id=\"always\">\n",
                     "  <rule id=\"always\">\n    <when genes=\"KRAS\" status=\"amplified\"/>\n");
        refuse_mem(t, t ? strlen(t) : 0, "mem-kb.xml", __LINE__);
        free(t);
    }

    /* the language copies of a block must have the same audience and section
     * (docs/knowledge-base.md; schemas/annotations.xsd): a KB whose Spanish clinician
     * summary is marked audience="patient" is refused, since its Spanish report
     * would have no clinician summary. */
    {
        const char *es =
            "  <block id=\"tiny-note\" lang=\"es\" audience=\"patient\" section=\"about\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
            "    <title>Sobre esta prueba</title>\n    <p>Una base diminuta.</p>\n  </block>\n"
            "  <block id=\"tiny-summary\" lang=\"es\" audience=\"patient\" section=\"about\" version=\"1\" source=\"cca-her2\" reviewed=\"2026-11-24\">\n"
            "    <title>Resumen</title>\n    <p>Resumen.</p>\n  </block>\n  <rule id=\"always\">";
        char *t = str_replace_once(tiny, "  <rule id=\"always\">", es);
        refuse_mem(t, t ? strlen(t) : 0, "mem-kb.xml", __LINE__);
        free(t);
    }

    /* a valid language tag longer than 15 characters (xs:language allows e.g.
     * "en-abcdefgh-abcdefgh") is kept whole: the KB loads and has that language. */
    {
        char *t = replace_all(tiny, "lang=\"en\"", "lang=\"en-abcdefgh-abcdefgh\"");
        kb_t kb;
        if (!accept_mem(&kb, t, __LINE__)) {
            CHECK(kb_has_lang(&kb, "en-abcdefgh-abcdefgh"));
            kb_destroy(&kb);
        }
        free(t);
    }
    free(tiny);
}

/* ------------------------------------------------------------------ */
/* a lab's KB; lookups                                                 */
/* ------------------------------------------------------------------ */

static void test_good_lab(void)
{
    kb_t kb;
    memset(&kb, 0, sizeof(kb));
    mcrc_err_t err = { "" };
    int r = kb_load_dir(&kb, "tests/kb/good-lab", &err);
    CHECK_INT(r, 0);
    if (r) { printf("  (%s)\n", err.msg); return; }
    CHECK_STR(kb.version, "2.0.0");
    CHECK(ends_with(kb.origin, "tests/kb/good-lab/knowledge-base.xml"));
    CHECK(kb_has_lang(&kb, "en"));
    CHECK(kb_has_lang(&kb, "es"));
    char want[65] = "";
    int64_t size;
    CHECK_INT(sha256_file("tests/kb/good-lab/knowledge-base.xml", want, &size), 0);
    CHECK_STR(kb.sha256, want);
    /* still exactly one clinician summary for every combination, in both languages */
    const char **ids = calloc(kb.nblock, sizeof(*ids));
    const char **fired = calloc(kb.nrule, sizeof(*fired));
    int bad = 0;
    if (ids && fired)
        for (int c = 0; c < 625; c++) {
            int nids = sel(&kb, ERBB2_WORDS[c / 125], MUT_WORDS[c / 25 % 5], MUT_WORDS[c / 5 % 5], MUT_WORDS[c % 5],
                           ids, fired, NULL);
            for (int l = 0; l < 2; l++) {
                int nsum = 0;
                for (int i = 0; i < nids; i++) {
                    char aud[32], sec[64];
                    const kb_block_t *b = kb_block(&kb, ids[i], l ? "es" : "en");
                    block_attr(b, "audience", aud, sizeof(aud));
                    block_attr(b, "section", sec, sizeof(sec));
                    nsum += b && !strcmp(aud, "clinician") && !strcmp(sec, "clinician-summary");
                }
                bad += nsum != 1;
            }
        }
    CHECK(ids && fired);
    CHECK_INT(bad, 0);
    free(ids);
    free(fired);
    kb_destroy(&kb);
}

static void test_lookups(const kb_t *kb)
{
    CHECK_HAS(kb_source_text(kb, "cca-her2"), "Colorectal Cancer Alliance");
    CHECK_HAS(kb_source_text(kb, "esmo-mcrc-2023"), "Cervantes");
    CHECK(kb_source_text(kb, "no-such-source") == NULL);
    CHECK(kb_source_text(kb, "") == NULL);
    const kb_block_t *b = kb_block(kb, "her2-what", "en");
    CHECK(b != NULL);
    if (b) {
        CHECK_STR(b->id, "her2-what");
        CHECK_STR(b->lang, "en");
        CHECK(b->node && !strcmp((const char *)b->node->name, "block"));
    }
    const kb_block_t *e = kb_block(kb, "her2-what", "es");
    CHECK(e != NULL && e != b);
    CHECK(kb_block(kb, "no-such-block", "en") == NULL);
    CHECK(kb_block(kb, "her2-what", "fr") == NULL);
    CHECK(kb_block(kb, "her2-what", "") == NULL);
    CHECK(kb_block(kb, "her2-what", "EN") == NULL);
}

/* The reasons' templates fail closed: each fault of the built-in file, made by hand, is refused at load
 * as an internal error (so the run stops with exit 4 before any work), never an empty reason later. */
static void test_reasons_fail_closed(void)
{
    size_t len;
    const char *good = embedded_get("reasons.xml", &len);
    reasons_t rs;
    mcrc_err_t err = { "" };
    CHECK(good != NULL);
    if (!good) return;
    CHECK_INT(reasons_load_memory(&rs, good, len, &err), 0);
    CHECK(reasons_lang(&rs, "en") >= 0 && reasons_lang(&rs, "es") >= 0);
    reason_ctx_t en = { &rs, reasons_lang(&rs, "en") };
    kstring_t k = { 0, 0, NULL };
    CHECK_INT(reason_add(&k, &en, "no-such-reason", NULL), -1);
    CHECK_INT(reason_add(&k, &en, "sv-no-input", NULL), -1);               /* {gene} has no value */
    k.l = 0;
    CHECK_INT(reason_add(&k, &en, "sv-no-input", "gene", "<KRAS&\"", NULL), 0);
    CHECK_STR(k.s, "No small-variant calls were given, so <KRAS&\" was not assessed.");  /* text stays text */
    free(k.s);
    reasons_destroy(&rs);
    static const char *const faults[][3] = {
        { "<reason id=\"sv-no-input\">", "<reason id=\"sv-no-input-x\">", "no template for reason sv-no-input" },
        { "<text lang=\"es\">No se dio ningún archivo de variantes pequeñas. Por eso no se evaluó {gene}.</text>", "", "has no 'es' text" },
        { "no se evaluó {gene}.</text>", "no se evaluó {gen}.</text>", "placeholders" },
        { "no se evaluó {gene}.</text>", "no se evaluó {gene.</text>", "brace" },
        { "<reason id=\"sv-no-input\">", "<reason id=\"sv-unused\"><text lang=\"en\">x</text><text lang=\"es\">x</text></reason><reason id=\"sv-no-input\">", "not used" },
        { "<reasons ", "<rasons ", "not a <reasons>" },
    };
    for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
        char *bad = str_replace_once(good, faults[i][0], faults[i][1]);
        CHECK(bad != NULL);
        if (!bad) continue;
        if (!strcmp(faults[i][2], "not a <reasons>")) {
            char *b2 = str_replace_once(bad, "</reasons>", "</rasons>");
            free(bad);
            bad = b2;
        }
        err.msg[0] = 0;
        CHECK_INT(reasons_load_memory(&rs, bad, strlen(bad), &err), MCRC_E_INTERNAL);
        CHECK(strstr(err.msg, faults[i][2]) != NULL);
        if (!strstr(err.msg, faults[i][2])) printf("  fault %zu: %s\n", i, err.msg);
        free(bad);
    }
}

int main(void)
{
    kb_t kb;
    memset(&kb, 0, sizeof(kb));
    mcrc_err_t err = { "" };
    int r = kb_load_builtin(&kb, &err);
    CHECK_INT(r, 0);
    if (r == 0) {
        test_builtin(&kb);
        test_all_combinations(&kb);
        test_paths(&kb);
        test_lookups(&kb);
    } else {
        printf("kb_load_builtin: %s\n", err.msg);
    }
    kb_destroy(&kb);
    CHECK(is_zeroed(&kb));

    test_semantics();
    test_unless_change();
    test_bad_fixtures();
    test_bad_memory();
    test_good_lab();
    test_reasons_fail_closed();

    xmlCleanupParser();
    return unit_finish();
}
