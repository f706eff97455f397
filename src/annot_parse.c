/*
 * annot_parse.c - parse VEP / SnpEff / bcftools csq / PAVE annotation strings:
 * split a record's value into entries, keep the ALT's, choose one per gene.
 *
 * Design
 * ------
 * The field indices come from the header (annot_format.c); the protein
 * names are turned into our short style by annot_protein.c.
 *
 * 1. Entries.  annot_parse() copies the value into the list's buffer (reused
 *    between calls, klib-style n/m sizes), splits it in place on ',' and each
 *    entry on '|'.  Rules:
 *      - empty entries are skipped ("", ".", ",,,,");
 *      - VEP/ANN/PAVE: a ','-chunk without any '|' continues the previous
 *        entry (plugins such as LoF write commas inside LoF_info);
 *      - EFF: "EFFECT(a|b|c)" becomes the fields EFFECT, a, b, c;
 *      - BCSQ: "@POS" is a back-reference to the record at POS (compound
 *        variant annotated there), kept as an entry with backref_pos set;
 *        a leading '*' on the consequence (downstream of a stop) is removed
 *        and flagged;
 *      - %XX escapes are decoded in every field (VEP writes p.Ser60%3D);
 *      - missing trailing fields read as "".
 * 2. Allele.  With an annot_allele_t, entries are kept for one ALT:
 *      - VEP ALLELE_NUM or EFF Genotype_Number, when numeric, decide;
 *      - otherwise the Allele text is compared under the first convention
 *        that explains every entry of the record: VEP (the first base is
 *        removed when REF and all ALTs share it, "-" when nothing is left),
 *        the VCF ALT as written (SnpEff), or the minimal allele (shared
 *        prefix and suffix with REF removed, "-" if empty).  SnpEff cancer
 *        entries "ALT-OTHER" (e.g. "G-C") never match;
 *      - BCSQ has no allele field: with one ALT every entry is kept, with
 *        several the dna_change ("25245350C>T", "a+b") must name the ALT;
 *      - without any allele information entries are kept with
 *        allele_matched = 0.
 * 3. Choice.  annot_choose() takes the entries of one gene (symbol match, or
 *    a known transcript of the gene) and prefers: MANE Select flag or the
 *    gene's model transcript of genes.tsv (genes_is_model_transcript, version
 *    ignored) > CANONICAL=YES > protein-coding
 *    biotype > anything; within a level VEP PICK=1 first, then file order.
 * Limits: values up to INT32_MAX bytes; entries are counted in int.  No
 * globals other than const tables; every allocation is checked.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_parse.h"
#include "cds_model.h"
#include "util.h"

/* the message, where the caller gave room for one (err may be NULL); the return value stays an ANNOT_E_* code */
#define set_err(err, ...) do { if (err) mcrc_fail((err), MCRC_E_INPUT, __VA_ARGS__); } while (0)

const char *annot_strerror(int code)
{
    switch (code) {
    case ANNOT_E_ARG: return "invalid argument";
    case ANNOT_E_NOMEM: return "out of memory";
    case ANNOT_E_FORMAT: return "annotation header description not recognised";
    case ANNOT_E_TOOBIG: return "value too large";
    default: return code < 0 ? "error" : "ok";
    }
}

/* ------------------------------------------------------------------- lists */

void annot_list_init(annot_list_t *l)
{
    if (l) memset(l, 0, sizeof(*l));
}

void annot_list_destroy(annot_list_t *l)
{
    if (!l) return;
    free(l->a);
    free(l->buf);
    free(l->f);
    memset(l, 0, sizeof(*l));
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void annot_url_decode(char *s)
{
    if (!s) return;
    char *w = s;
    for (char *r = s; *r; ) {
        int h, l;
        if (r[0] == '%' && (h = hexval(r[1])) >= 0 && (l = hexval(r[2])) >= 0 && (h || l)) {
            *w++ = (char)(h * 16 + l);
            r += 3;
        } else *w++ = *r++;
    }
    *w = 0;
}

static int add_entry(annot_list_t *l, annot_entry_t **e)
{
    if (l->n == l->m) {
        if (l->m > INT32_MAX / 2 - 8) return ANNOT_E_TOOBIG;
        int nm = l->m ? l->m * 2 : 16;
        annot_entry_t *a = realloc(l->a, (size_t)nm * sizeof(*a));
        if (!a) return ANNOT_E_NOMEM;
        l->a = a;
        l->m = nm;
    }
    *e = &l->a[l->n++];
    memset(*e, 0, sizeof(**e));
    return 0;
}

static int parse_small_int(const char *s, int *out)
{
    if (!*s) return -1;
    long v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > 100000000) return -1;
        v = v * 10 + (*s - '0');
    }
    *out = (int)v;
    return 0;
}

/* split one entry (NUL-terminated) on '|' into l->f; fields beyond the end are "" */
static int split_entry(annot_list_t *l, char *s, int want)
{
    if (want < 1) want = 1;
    if (want > l->m_f) {
        char **f = realloc(l->f, (size_t)want * sizeof(char *));
        if (!f) return ANNOT_E_NOMEM;
        l->f = f;
        l->m_f = want;
    }
    int n = 0;
    for (;;) {
        char *bar = strchr(s, '|');
        if (bar) *bar = 0;
        if (n < want) l->f[n++] = s;
        if (!bar) break;
        s = bar + 1;
    }
    char *end = s + strlen(s);              /* an empty string inside the buffer */
    for (int i = n; i < want; i++) l->f[i] = end;
    l->n_f = want;
    for (int i = 0; i < n; i++) annot_url_decode(l->f[i]);
    return 0;
}

static const char *fld(const annot_list_t *l, int i) { return i >= 0 && i < l->n_f ? l->f[i] : ""; }

/* -------------------------------------------------------------- alleles */

enum { CONV_VEP, CONV_EXACT, CONV_MIN, N_CONV };

/* allele j written in convention c into buf (size bsz); returns buf or NULL */
static const char *allele_form(const annot_allele_t *al, int j, int c, char *buf, size_t bsz)
{
    const char *alt = al->alts[j], *ref = al->ref ? al->ref : "";
    size_t la = strlen(alt), lr = strlen(ref);
    if (c == CONV_EXACT) return alt;
    if (c == CONV_VEP) {
        int shared = lr > 0;
        for (int k = 0; k < al->n_alt && shared; k++)
            if (!al->alts[k] || !al->alts[k][0] || toupper((unsigned char)al->alts[k][0]) != toupper((unsigned char)ref[0]))
                shared = 0;
        if (!shared) return alt;
        if (la <= 1) return "-";
        return alt + 1;
    }
    /* minimal: drop shared suffix then prefix */
    size_t a0 = 0, a1 = la, r1 = lr;
    while (a1 > a0 && r1 > 0 && toupper((unsigned char)alt[a1 - 1]) == toupper((unsigned char)ref[r1 - 1])) a1--, r1--;
    while (a0 < a1 && a0 < r1 && toupper((unsigned char)alt[a0]) == toupper((unsigned char)ref[a0])) a0++;
    if (a1 == a0) return "-";
    if (a1 - a0 + 1 > bsz) return NULL;
    memcpy(buf, alt + a0, a1 - a0);
    buf[a1 - a0] = 0;
    return buf;
}

static int same_allele(const char *a, const char *b)
{
    if (!a || !b) return 0;
    while (*a && *b && toupper((unsigned char)*a) == toupper((unsigned char)*b)) a++, b++;
    return !*a && !*b;
}

/* SnpEff cancer comparison "ALT-OTHER" */
static int is_derived_allele(const char *a) { return strlen(a) > 1 && strchr(a, '-') != NULL; }

/* keep entries of the requested allele (entries have allele text in ->allele) */
static void filter_by_allele_text(annot_list_t *l, const annot_allele_t *al, int *keep)
{
    char b1[256], b2[256];
    int conv = -1;
    for (int c = 0; c < N_CONV && conv < 0; c++) {
        int ok = 1, any = 0;
        for (int i = 0; i < l->n && ok; i++) {
            const annot_entry_t *e = &l->a[i];
            if (keep[i] >= 0 || !e->allele[0] || is_derived_allele(e->allele)) continue;
            int hit = 0;
            for (int j = 0; j < al->n_alt && !hit; j++) {
                const char *f = allele_form(al, j, c, b1, sizeof(b1));
                if (f && same_allele(f, e->allele)) hit = 1;
            }
            if (!hit) ok = 0; else any = 1;
        }
        if (ok && any) conv = c;
    }
    for (int i = 0; i < l->n; i++) {
        if (keep[i] >= 0) continue;
        const annot_entry_t *e = &l->a[i];
        if (!e->allele[0]) { keep[i] = 2; continue; }   /* no allele text: keep, unmatched */
        int hit = 0;
        if (conv >= 0) {
            const char *f = allele_form(al, al->ialt, conv, b2, sizeof(b2));
            hit = f && same_allele(f, e->allele);
        } else {
            /* no convention explains the whole record: accept a form of this ALT
             * only if no other ALT has the same form */
            for (int c = 0; c < N_CONV && !hit; c++) {
                const char *f = allele_form(al, al->ialt, c, b2, sizeof(b2));
                if (!f || !same_allele(f, e->allele)) continue;
                hit = 1;
                for (int j = 0; j < al->n_alt; j++) {
                    if (j == al->ialt) continue;
                    const char *g = allele_form(al, j, c, b1, sizeof(b1));
                    if (g && same_allele(g, e->allele)) hit = 0;
                }
            }
        }
        keep[i] = hit;
    }
}

/* BCSQ: does dna_change ("pos REF>ALT" parts joined by '+') name this ALT? */
static int bcsq_names_alt(const char *dna, const char *alt)
{
    const char *p = dna;
    while (*p) {
        const char *e = strchr(p, '+');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        const char *gt = memchr(p, '>', l);
        if (gt) {
            size_t la = l - (size_t)(gt + 1 - p);
            if (la == strlen(alt)) {
                size_t k = 0;
                while (k < la && toupper((unsigned char)gt[1 + k]) == toupper((unsigned char)alt[k])) k++;
                if (k == la) return 1;
            }
        }
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* -------------------------------------------------------------- parsing */

static int parse_i64(const char *s, int64_t *out)
{
    if (!isdigit((unsigned char)*s)) return -1;
    int64_t v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > (INT64_MAX - 9) / 10) return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

static int contains_ci(const char *s, const char *w)
{
    size_t lw = strlen(w);
    for (; *s; s++) {
        size_t k = 0;
        while (k < lw && s[k] && tolower((unsigned char)s[k]) == tolower((unsigned char)w[k])) k++;
        if (k == lw) return 1;
    }
    return 0;
}

int annot_parse(const annot_format_t *fmt, const char *value, const annot_allele_t *al,
                annot_list_t *out, mcrc_err_t *err)
{
    int ret = 0;
    int *keep = NULL;
    if (!fmt || !value || !out) { set_err(err, "annot_parse: NULL argument"); return ANNOT_E_ARG; }
    if (fmt->kind == ANNOT_UNKNOWN) { set_err(err, "annot_parse: unknown annotation format"); return ANNOT_E_FORMAT; }
    if (al && al->ialt >= 0 && (!al->alts || al->ialt >= al->n_alt || !al->alts[al->ialt])) {
        set_err(err, "annot_parse: ALT index %d out of range (%d ALT alleles)", al->ialt, al->n_alt);
        return ANNOT_E_ARG;
    }
    if (al && al->ialt >= 0)
        for (int j = 0; j < al->n_alt; j++)
            if (!al->alts[j]) { set_err(err, "annot_parse: ALT %d is NULL", j); return ANNOT_E_ARG; }
    out->n = 0;
    size_t len = strlen(value);
    if (len >= (size_t)INT32_MAX) { set_err(err, "annot_parse: value too large"); return ANNOT_E_TOOBIG; }
    if (len + 1 > out->m_buf) {
        char *b = realloc(out->buf, len + 1);
        if (!b) { set_err(err, "annot_parse: out of memory"); return ANNOT_E_NOMEM; }
        out->buf = b;
        out->m_buf = len + 1;
    }
    memcpy(out->buf, value, len + 1);
    out->l_buf = len;
    if (!strcmp(out->buf, ".")) return 0;

    /* 1. cut entries on ',', merging pipe-less continuation chunks */
    int merge_ok = fmt->n_fields > 1 && (fmt->kind == ANNOT_VEP || fmt->kind == ANNOT_SNPEFF_ANN || fmt->kind == ANNOT_PAVE);
    char *s = out->buf;
    char *prev_end = NULL;        /* NUL that ended the previous entry, to restore a ',' */
    int n_chunks = 0;
    char **starts = NULL;
    int m_starts = 0;
    while (s) {
        char *c = strchr(s, ',');
        if (c) *c = 0;
        if (*s) {
            if (merge_ok && n_chunks && !strchr(s, '|') && prev_end) {
                /* continuation of the previous entry's last field: restore the commas */
                for (char *q = prev_end; q < s; q++) if (!*q) *q = ',';
            } else {
                if (n_chunks == m_starts) {
                    int nm = m_starts ? m_starts * 2 : 16;
                    char **t = realloc(starts, (size_t)nm * sizeof(char *));
                    if (!t) { ret = ANNOT_E_NOMEM; goto cleanup; }
                    starts = t;
                    m_starts = nm;
                }
                starts[n_chunks++] = s;
            }
            prev_end = c;
        }
        s = c ? c + 1 : NULL;
    }

    /* 2. fields of each entry */
    int want = fmt->n_fields > 0 ? fmt->n_fields : 1;
    for (int k = 0; k < n_chunks; k++) {
        char *ent = starts[k];
        annot_entry_t *e;
        if ((ret = add_entry(out, &e)) < 0) goto cleanup;
        e->allele_num = -1;
        if (fmt->kind == ANNOT_BCSQ && ent[0] == '@') {
            int64_t p;
            if (parse_i64(ent + 1, &p) == 0 && p > 0) {
                e->backref_pos = p;
                e->allele = e->consequence = e->impact = e->symbol = e->gene_id = e->transcript = e->biotype = "";
                e->hgvsc = e->hgvsp = e->codons = e->amino_acids = e->protein_position = e->dna_change = e->strand = "";
                continue;
            }
        }
        if (fmt->kind == ANNOT_SNPEFF_EFF) {
            char *o = strchr(ent, '(');
            if (o) {
                *o = '|';
                char *cl = strrchr(o, ')');
                if (cl) *cl = 0;
            }
        }
        if ((ret = split_entry(out, ent, want)) < 0) goto cleanup;
        e->allele = fld(out, fmt->i_allele);
        e->consequence = fld(out, fmt->i_consequence);
        e->impact = fld(out, fmt->i_impact);
        e->symbol = fld(out, fmt->i_symbol);
        e->gene_id = fld(out, fmt->i_gene);
        e->transcript = fld(out, fmt->i_feature);
        e->biotype = fld(out, fmt->i_biotype);
        e->hgvsc = fld(out, fmt->i_hgvsc);
        e->hgvsp = fld(out, fmt->i_hgvsp);
        e->codons = fld(out, fmt->i_codons);
        e->amino_acids = fld(out, fmt->i_amino_acids);
        e->protein_position = fld(out, fmt->i_protein_position);
        e->dna_change = fld(out, fmt->i_dna_change);
        e->strand = fld(out, fmt->i_strand);
        if (fmt->kind == ANNOT_BCSQ && e->consequence[0] == '*') { e->consequence++; e->downstream_of_stop = 1; }
        e->canonical = !strcmp(fld(out, fmt->i_canonical), "YES");
        e->mane_select = fld(out, fmt->i_mane_select)[0] != 0 || contains_ci(fld(out, fmt->i_mane), "select");
        e->pick = !strcmp(fld(out, fmt->i_pick), "1");
        int an;
        if (parse_small_int(fld(out, fmt->i_allele_num), &an) == 0) e->allele_num = an;
        if (fmt->kind == ANNOT_SNPEFF_EFF && fmt->i_allele_num >= 0 && e->allele_num < 0)
            e->allele = fld(out, fmt->i_allele_num);   /* EFF genotype written as the allele ("G", "G-C") */
    }

    /* 3. allele selection */
    if (!al || al->ialt < 0) {
        for (int i = 0; i < out->n; i++) out->a[i].allele_matched = 0;
        ret = out->n;
        goto cleanup;
    }
    if (out->n && !(keep = malloc((size_t)out->n * sizeof(int)))) { ret = ANNOT_E_NOMEM; goto cleanup; }
    int need_text = 0;
    for (int i = 0; i < out->n; i++) {
        annot_entry_t *e = &out->a[i];
        keep[i] = -1;
        if (e->backref_pos) { keep[i] = 2; continue; }
        if (fmt->kind == ANNOT_BCSQ) {
            if (al->n_alt <= 1 || !e->dna_change[0]) keep[i] = al->n_alt <= 1 ? 1 : 2;
            else keep[i] = bcsq_names_alt(e->dna_change, al->alts[al->ialt]);
            continue;
        }
        if (e->allele_num >= 0) { keep[i] = e->allele_num == al->ialt + 1; continue; }
        if (fmt->i_allele < 0 && !(fmt->kind == ANNOT_SNPEFF_EFF && fmt->i_allele_num >= 0)) { keep[i] = 2; continue; }
        need_text = 1;
    }
    if (need_text) filter_by_allele_text(out, al, keep);
    int w = 0;
    for (int i = 0; i < out->n; i++) {
        if (!keep[i]) continue;
        out->a[i].allele_matched = keep[i] == 1;
        if (w != i) out->a[w] = out->a[i];
        w++;
    }
    out->n = w;
    ret = w;
cleanup:
    free(starts);
    free(keep);
    if (ret < 0) {
        out->n = 0;
        set_err(err, "annot_parse: %s", annot_strerror(ret));
    }
    return ret;
}

/* ---------------------------------------------------------------- choose */

static int same_symbol(const char *a, const char *b)
{
    while (*a && *b && toupper((unsigned char)*a) == toupper((unsigned char)*b)) a++, b++;
    return !*a && !*b;
}

int annot_choose(const annot_list_t *l, const gene_table_t *genes, const char *gene, annot_choice_t *why)
{
    int best = -1, best_score = -1;
    if (why) *why = ANNOT_CHOSE_NONE;
    if (!l || !gene || !*gene) return -1;
    for (int i = 0; i < l->n; i++) {
        const annot_entry_t *e = &l->a[i];
        if (e->backref_pos) continue;
        int known_tx = genes_is_model_transcript(genes, gene, e->transcript);
        if (!same_symbol(e->symbol, gene) && !(known_tx && !e->symbol[0])) continue;
        int level = (e->mane_select || known_tx) ? 3 : e->canonical ? 2 :
                    (same_symbol(e->biotype, "protein_coding") || same_symbol(e->biotype, "Coding")) ? 1 : 0;
        int score = level * 2 + (e->pick ? 1 : 0);
        if (score > best_score) { best = i; best_score = score; }
    }
    if (best >= 0 && why) {
        int level = best_score / 2;
        *why = level == 3 ? ANNOT_CHOSE_MANE : level == 2 ? ANNOT_CHOSE_CANONICAL :
               level == 1 ? ANNOT_CHOSE_PROTEIN_CODING : ANNOT_CHOSE_FIRST;
    }
    return best;
}

/* a whole '&'- or ','-separated term, never a part of one ("missense" is not in "missense_variant") */
int annot_has_term(const char *csq, const char *term)
{
    if (!csq || !term || !*term) return 0;
    size_t lt = strlen(term);
    const char *p = csq;
    while (*p) {
        size_t l = strcspn(p, "&,");
        if (l == lt && !strncmp(p, term, lt)) return 1;
        p += l;
        if (*p) p++;
    }
    return 0;
}

