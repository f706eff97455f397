/*
 * vaf.c - a small-variant call's allele fraction and depth, read in its caller's own dialect.
 *
 * Which fields, how each gives a fraction or a depth, and in which order they are tried is data:
 * annotations/allele-fraction-fields.tsv (one row a field set: use, where, fields, method, unless).
 * This file knows only the methods (vaf.h: vaf_method_t), never a caller's field names.
 *
 * The rule (fail closed):
 *   - A row applies when the header declares each of its fields (FORMAT or INFO, a number or, for a
 *     percentage, text), declares none of its `unless` fields (INFO/AF of a file that also declares
 *     INFO/AN is the genotypes' allele frequency, not the reads'), its shape fits the method (a
 *     VarScan AD of Number=1 is an ALT count, not a list of allele counts), and, for INFO rows, the
 *     file has at most one sample (INFO describes the sample only then).
 *   - The first row that applies and has a value for the sample on the record decides: its value is
 *     used, or it is unusable and the reason is given.  A later row is not asked then: a broken value
 *     is never replaced by another field's reading (that could turn a doubtful call into a definite one).
 *     A value written as missing ('.') is no value: the next row is asked.
 *   - Unusable: not a number, partly missing, not finite (nan, inf), negative, a fraction above 1 or a
 *     percentage above 100, counts that do not match the record's alleles (Number=R with too few or too
 *     many values, Number=A not one per ALT, one value for several ALTs), no reads at all, an ALT count
 *     above the depth it is a part of, a depth beyond 2^31.
 *   - The right allele of a multi-allelic record: Number=A values are indexed by ALT, Number=R values
 *     by allele (REF first); Number=. values are read as one per ALT or one per allele by their count;
 *     a single value (Number=1) speaks for a single-ALT record only.
 * Limits: a count-derived fraction is only as good as the counts the caller kept (Pisces' split
 * multi-allelic records carry an AD of REF and one ALT; its VF row comes first for that reason).
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsv.h"
#include "util.h"
#include "vaf.h"

/* ---------------------------------------------------------------- the table */

static const struct { const char *name; vaf_method_t m; int nf; } methods[] = {
    { "fraction", VAF_M_FRACTION, 1 }, { "percent", VAF_M_PERCENT, 1 }, { "alt/sum", VAF_M_ALT_SUM, 1 },
    { "alt/ref+alts", VAF_M_ALT_REF_ALTS, 2 }, { "alt/depth", VAF_M_ALT_DEPTH, 2 },
    { "tier1-bases", VAF_M_TIER1_BASES, 4 }, { "tier1-indel", VAF_M_TIER1_INDEL, 2 }, { "dp4", VAF_M_DP4, 1 },
    { "count", VAF_M_COUNT, 1 }, { "sum", VAF_M_SUM, 1 }, { "ref+alts", VAF_M_REF_ALTS, 2 },
};

/* "FORMAT/AN" or "INFO/AN" -> where and id; 0 ok */
static int parse_where_id(const char *s, int *is_format, char *id, size_t n)
{
    const char *slash = strchr(s, '/');
    if (!slash) return -1;
    if (!strncmp(s, "FORMAT/", 7)) *is_format = 1;
    else if (!strncmp(s, "INFO/", 5)) *is_format = 0;
    else return -1;
    if (!slash[1] || strlen(slash + 1) >= n) return -1;
    snprintf(id, n, "%s", slash + 1);
    return 0;
}

int vaf_table_load(vaf_table_t *t, const char *tsv, mcrc_err_t *err)
{
    static const char *const cols[] = { "use", "where", "fields", "method", "unless" };
    int idx[5], ret, row;
    tsv_t tt;
    memset(t, 0, sizeof(*t));
    if ((ret = tsv_open(&tt, tsv, "allele-fraction-fields.tsv", err)) < 0 || (ret = tsv_need(&tt, cols, idx, 5, err)) < 0) goto out;
    while ((row = tsv_row(&tt, err)) == 1) {
        char *f[5];
        for (int k = 0; k < 5; k++) f[k] = tt.f[idx[k]];
        vaf_rule_t r;
        memset(&r, 0, sizeof(r));
        r.use = !strcmp(f[0], "fraction") ? VAF_USE_FRACTION : !strcmp(f[0], "depth") ? VAF_USE_DEPTH : VAF_USE_BLOCK_DEPTH;
        int bad = strcmp(f[0], "fraction") && strcmp(f[0], "depth") && strcmp(f[0], "block-depth");
        r.is_format = !strcmp(f[1], "FORMAT");
        bad |= !r.is_format && strcmp(f[1], "INFO");
        int m = -1;
        for (size_t k = 0; k < sizeof(methods) / sizeof(methods[0]); k++)
            if (!strcmp(f[3], methods[k].name)) m = (int)k;
        bad |= m < 0;
        if (m >= 0) {
            r.method = methods[m].m;
            for (char *p = f[2], *q; p && !bad; p = q) {
                q = strchr(p, ',');
                if (q) *q++ = 0;
                if (r.nf == VAF_MAX_FIELDS || !*p || strlen(p) >= sizeof(r.f[0])) bad = 1;
                else snprintf(r.f[r.nf++], sizeof(r.f[0]), "%s", p);
            }
            bad |= r.nf != methods[m].nf;
            /* a fraction row gives a fraction; a depth row a depth (DP4's sum is both) */
            if (r.use == VAF_USE_FRACTION) bad |= r.method > VAF_M_DP4;
            else bad |= r.method < VAF_M_DP4;
        }
        if (!bad && strcmp(f[4], "-")) {
            for (char *p = f[4], *q; p && !bad; p = q) {
                q = strchr(p, ',');
                if (q) *q++ = 0;
                if (r.nunless == 2 || parse_where_id(p, &r.unless[r.nunless].is_format, r.unless[r.nunless].id, sizeof(r.unless[0].id))) bad = 1;
                else r.nunless++;
            }
        }
        if (bad) {
            ret = tsv_fail(&tt, err, "malformed row");
            goto out;
        }
        size_t o = (size_t)snprintf(r.label, sizeof(r.label), "%s/", r.is_format ? "FORMAT" : "INFO");
        for (int k = 0; k < r.nf; k++) o += (size_t)snprintf(r.label + o, sizeof(r.label) - o, "%s%s", k ? "," : "", r.f[k]);
        if (r.method == VAF_M_TIER1_BASES || r.method == VAF_M_TIER1_INDEL) snprintf(r.label + o, sizeof(r.label) - o, " tier 1");
        else if (r.method == VAF_M_SUM || r.method == VAF_M_REF_ALTS) snprintf(r.label + o, sizeof(r.label) - o, " (sum)");
        vaf_rule_t *p = realloc(t->r, (t->n + 1) * sizeof(*p));
        if (!p) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        t->r = p;
        t->r[t->n++] = r;
    }
    ret = row < 0 ? row : 0;
out:
    tsv_close(&tt);
    if (ret) vaf_table_destroy(t);
    return ret;
}

void vaf_table_destroy(vaf_table_t *t)
{
    free(t->r);
    memset(t, 0, sizeof(*t));
}

int vaf_is_fraction_format_field(const vaf_table_t *t, const char *id)
{
    for (int i = 0; i < t->n; i++)
        if (t->r[i].use == VAF_USE_FRACTION && t->r[i].is_format && !strcmp(t->r[i].f[0], id)) return 1;
    return 0;
}

void vaf_reader_init(vaf_reader_t *r, const vaf_table_t *t)
{
    memset(r, 0, sizeof(*r));
    r->t = t;
}

void vaf_reader_destroy(vaf_reader_t *r)
{
    free(r->i32);
    free(r->f32);
    if (r->strs) { free(r->strs[0]); free(r->strs); }
    for (int k = 0; k < VAF_MEMO; k++) free(r->memo[k].v);
    for (int k = 0; k < VAF_MAX_FIELDS; k++) free(r->spill[k].v);
    memset(r, 0, sizeof(*r));
}

void vaf_reader_next_record(vaf_reader_t *r)
{
    r->nmemo = 0;
}

/* ---------------------------------------------------------------- reading one field */

static int hl(int is_format) { return is_format ? BCF_HL_FMT : BCF_HL_INFO; }

/* the field's header id if declared for that kind of line, else -1 */
static int declared(const bcf_hdr_t *h, int is_format, const char *id)
{
    int i = bcf_hdr_id2int(h, BCF_DT_ID, id);
    return i >= 0 && bcf_hdr_idinfo_exists(h, hl(is_format), i) ? i : -1;
}

enum { GF_ABSENT = 0, GF_UNREADABLE = -1, GF_NOMEM = -2 };

static int decode_field(vaf_reader_t *r, vaf_memo_t *e, const bcf_hdr_t *h, bcf1_t *rec, int is_format, const char *tag, int sample);

/* The numeric values of one field for the sample (FORMAT) or the record (INFO), at r->pv[k]: decoded once per
 * record (vaf_reader_next_record forgets them), whichever allele or row asks.
 * Returns the number of values (>0); GF_ABSENT when not on the record or written as missing ('.');
 * GF_UNREADABLE when partly missing or not stored as a number; GF_NOMEM. */
static int get_field(vaf_reader_t *r, const bcf_hdr_t *h, bcf1_t *rec, int is_format, const char *tag, int sample, int k)
{
    vaf_memo_t *e = NULL;
    for (int i = 0; i < r->nmemo && !e; i++)
        if (r->memo[i].is_format == is_format && r->memo[i].sample == sample && !strcmp(r->memo[i].tag, tag)) e = &r->memo[i];
    if (!e) {
        if (strlen(tag) >= sizeof(e->tag)) return GF_UNREADABLE;    /* no table row names such a tag */
        e = r->nmemo < VAF_MEMO ? &r->memo[r->nmemo++] : &r->spill[k];   /* spilled: decoded for this row only */
        snprintf(e->tag, sizeof(e->tag), "%s", e == &r->spill[k] ? "" : tag);
        e->is_format = is_format;
        e->sample = sample;
        e->summed = 0;
        e->ret = decode_field(r, e, h, rec, is_format, tag, sample);
        if (e->ret == GF_NOMEM) e->tag[0] = 0;                      /* not remembered */
    }
    r->pe[k] = e;
    return e->ret;
}

static int decode_field(vaf_reader_t *r, vaf_memo_t *e, const bcf_hdr_t *h, bcf1_t *rec, int is_format, const char *tag, int sample)
{
    int id = declared(h, is_format, tag);
    if (id < 0 || (is_format && sample < 0)) return GF_ABSENT;
    int type = bcf_hdr_id2type(h, hl(is_format), id);
    int ns = is_format ? bcf_hdr_nsamples(h) : 1;
    int n, per, isint = type == BCF_HT_INT;
    if (!isint && type != BCF_HT_REAL) return GF_UNREADABLE;
    if (is_format)
        n = isint ? bcf_get_format_int32(h, rec, tag, &r->i32, &r->mi32) : bcf_get_format_float(h, rec, tag, &r->f32, &r->mf32);
    else
        n = isint ? bcf_get_info_int32(h, rec, tag, &r->i32, &r->mi32) : bcf_get_info_float(h, rec, tag, &r->f32, &r->mf32);
    if (n == -4) return GF_NOMEM;
    if (n == -3 || n == 0) return GF_ABSENT;        /* not on this record */
    if (n < 0) return GF_UNREADABLE;                  /* -2: stored as another type than declared */
    if (ns <= 0 || n % ns) return GF_UNREADABLE;
    per = n / ns;
    if (per > e->m) {
        double *p = realloc(e->v, per * sizeof(*p));
        if (!p) return GF_NOMEM;
        e->v = p; e->m = per;
    }
    int got = 0, missing = 0, base = is_format ? sample * per : 0;
    for (int i = 0; i < per; i++) {
        if (isint) {
            int32_t v = r->i32[base + i];
            if (v == bcf_int32_vector_end) break;
            if (v == bcf_int32_missing) { missing++; e->v[got++] = NAN; continue; }
            e->v[got++] = v;
        } else {
            float v = r->f32[base + i];
            if (bcf_float_is_vector_end(v)) break;
            if (bcf_float_is_missing(v)) { missing++; e->v[got++] = NAN; continue; }
            e->v[got++] = v;   /* a NaN or inf written in the file stays one: the caller's check says so */
        }
    }
    if (got == 0 || missing == got) return GF_ABSENT;
    if (missing) return GF_UNREADABLE;
    return got;
}

/* Which of n values belongs to ALT ialt, by the header's Number; -1 when they cannot be matched. */
static int alt_index(const bcf_hdr_t *h, int is_format, const char *tag, int n, int nalt, int ialt)
{
    int id = declared(h, is_format, tag);
    int len = bcf_hdr_id2length(h, hl(is_format), id);
    switch (len) {
    case BCF_VL_A: return n == nalt ? ialt : -1;
    case BCF_VL_R: return n == nalt + 1 ? ialt + 1 : -1;
    case BCF_VL_FIXED: return n == 1 && nalt == 1 ? 0 : -1;
    case BCF_VL_VAR: return n == nalt ? ialt : n == nalt + 1 ? ialt + 1 : -1;
    default: return -1;
    }
}

/* ---------------------------------------------------------------- rows */

static int applies(const vaf_rule_t *u, const bcf_hdr_t *h, int sample, int nsamples)
{
    if (u->is_format ? sample < 0 : nsamples > 1) return 0;
    for (int k = 0; k < u->nf; k++) {
        int id = declared(h, u->is_format, u->f[k]);
        if (id < 0) return 0;
        int len = bcf_hdr_id2length(h, hl(u->is_format), id), num = bcf_hdr_id2number(h, hl(u->is_format), id);
        /* the shape the method needs: a list of every allele's count is Number=R (or .); a REF count is one value */
        if ((u->method == VAF_M_ALT_SUM || u->method == VAF_M_SUM) && len != BCF_VL_R && len != BCF_VL_VAR) return 0;
        if ((u->method == VAF_M_ALT_REF_ALTS || u->method == VAF_M_REF_ALTS) && k == 0 && !(len == BCF_VL_FIXED && num == 1)) return 0;
        if ((u->method == VAF_M_ALT_REF_ALTS || u->method == VAF_M_REF_ALTS) && k == 1 && len == BCF_VL_R) return 0;
    }
    for (int k = 0; k < u->nunless; k++)
        if (declared(h, u->unless[k].is_format, u->unless[k].id) >= 0) return 0;
    return 1;
}

/* Unusable, with a reason id from annotations/reasons.xml and its parameters (field: the row's label) */
#define UNUSABLE(id, ...) do { out->state = VAF_UNUSABLE; reason_ref_set(&out->why, id, "field", L, ##__VA_ARGS__, NULL); return 0; } while (0)
#define NUM(x) num_text((char[32]){ 0 }, (x))
#define INT(x) int_text((char[16]){ 0 }, (x))

static const char *num_text(char b[32], double x) { snprintf(b, 32, "%g", x); return b; }
static const char *int_text(char b[16], int x) { snprintf(b, 16, "%d", x); return b; }

/* a count or depth value: finite, not negative */
static int bad_count(double x) { return !isfinite(x) || x < 0; }

/* The sum of a field's n values, once per record whichever allele asks; returns the index of the first value
 * that is not a count (the sum is then not to be used), or -1. */
static int field_sum(vaf_memo_t *e, int n, double *sum)
{
    if (!e->summed) {
        e->sum = 0;
        e->bad = -1;
        for (int k = 0; k < n && e->bad < 0; k++) {
            if (bad_count(e->v[k])) e->bad = k;
            else e->sum += e->v[k];
        }
        e->summed = 1;
    }
    *sum = e->sum;
    return e->bad;
}

/* One row on one record: 0 with out->state set (ABSENT: the row has no value here), or GF_NOMEM. */
static int read_row(vaf_reader_t *r, const vaf_rule_t *u, const bcf_hdr_t *h, bcf1_t *rec, int sample, int ialt, vaf_value_t *out)
{
    int nalt = rec->n_allele - 1, n[VAF_MAX_FIELDS] = { 0 }, npresent = 0;
    memset(out, 0, sizeof(*out));
    out->alt_count = -1;
    snprintf(out->field, sizeof(out->field), "%s", u->label);
    const char *L = u->label;
    if (u->method == VAF_M_PERCENT && bcf_hdr_id2type(h, hl(u->is_format), declared(h, u->is_format, u->f[0])) == BCF_HT_STR) {
        /* VarScan: FREQ is text, "12.5%" */
        int m = u->is_format ? bcf_get_format_string(h, rec, u->f[0], &r->strs, &r->mstrs) : -3;
        if (m == -4) return GF_NOMEM;
        if (m <= 0 || !r->strs[sample] || !strcmp(r->strs[sample], ".") || !r->strs[sample][0]) return 0;
        if (nalt != 1) UNUSABLE("sv-vaf-pct-one-for-alts", "nalt", INT(nalt));
        char buf[64];
        const char *s = r->strs[sample];
        size_t l = strlen(s);
        double x;
        if (l >= sizeof(buf)) UNUSABLE("sv-vaf-not-pct");
        memcpy(buf, s, l + 1);
        /* VarScan always writes the '%': a bare "5" could be 5% or a fraction someone rewrote, so it is not read */
        if (!l || buf[l - 1] != '%') UNUSABLE("sv-vaf-no-pct-sign");
        buf[--l] = 0;
        if (parse_double(buf, &x)) UNUSABLE("sv-vaf-not-pct");
        if (x < 0 || x > 100) UNUSABLE("sv-vaf-pct-range", "value", NUM(x));
        out->state = VAF_OK;
        out->value = x / 100;
        return 0;
    }
    for (int k = 0; k < u->nf; k++) {
        n[k] = get_field(r, h, rec, u->is_format, u->f[k], sample, k);
        if (n[k] == GF_NOMEM) return GF_NOMEM;
        if (n[k] == GF_UNREADABLE) UNUSABLE("sv-vaf-not-number", "sub", u->f[k]);
        if (n[k] > 0) npresent++;
    }
    if (!npresent) return 0;
    if (npresent < u->nf) UNUSABLE("sv-vaf-some-missing");
    const double *v0 = r->pe[0]->v, *v1 = u->nf > 1 ? r->pe[1]->v : NULL;
    double alt = -1, sum = 0, x;
    int i, b;
    switch (u->method) {
    case VAF_M_FRACTION:
    case VAF_M_PERCENT: {
        double top = u->method == VAF_M_PERCENT ? 100 : 1;
        if ((i = alt_index(h, u->is_format, u->f[0], n[0], nalt, ialt)) < 0) UNUSABLE("sv-vaf-values-for-alts", "n", INT(n[0]), "nalt", INT(nalt));
        x = v0[i];
        if (!isfinite(x)) UNUSABLE("sv-vaf-not-finite", "value", NUM(x));
        if (x < 0 || x > top) UNUSABLE(top > 1 ? "sv-vaf-pct-range" : "sv-vaf-fraction-range", "value", NUM(x));
        out->state = VAF_OK;
        out->value = x / top;
        return 0;
    }
    case VAF_M_ALT_SUM:
    case VAF_M_SUM:
        if (n[0] != nalt + 1) UNUSABLE("sv-vaf-values-for-alleles", "n", INT(n[0]), "nall", INT(nalt + 1));
        if ((b = field_sum(r->pe[0], n[0], &sum)) >= 0) UNUSABLE("sv-vaf-not-count", "value", NUM(v0[b]));
        alt = ialt + 1 < n[0] ? v0[ialt + 1] : 0;
        break;
    case VAF_M_ALT_REF_ALTS:
    case VAF_M_REF_ALTS:
        if (n[0] != 1) UNUSABLE("sv-vaf-sub-not-one", "sub", u->f[0], "n", INT(n[0]));
        if ((i = alt_index(h, u->is_format, u->f[1], n[1], nalt, ialt)) < 0 || n[1] != nalt) UNUSABLE("sv-vaf-sub-values-for-alts", "sub", u->f[1], "n", INT(n[1]), "nalt", INT(nalt));
        if (bad_count(v0[0])) UNUSABLE("sv-vaf-sub-not-count", "sub", u->f[0], "value", NUM(v0[0]));
        if ((b = field_sum(r->pe[1], n[1], &sum)) >= 0) UNUSABLE("sv-vaf-sub-not-count", "sub", u->f[1], "value", NUM(v1[b]));
        sum += v0[0];
        alt = v1[i];
        break;
    case VAF_M_ALT_DEPTH: {
        if ((i = alt_index(h, u->is_format, u->f[0], n[0], nalt, ialt)) < 0) UNUSABLE("sv-vaf-sub-values-for-alts", "sub", u->f[0], "n", INT(n[0]), "nalt", INT(nalt));
        int j = n[1] == 1 ? 0 : alt_index(h, u->is_format, u->f[1], n[1], nalt, ialt);
        if (j < 0) UNUSABLE("sv-vaf-sub-values-for-alts", "sub", u->f[1], "n", INT(n[1]), "nalt", INT(nalt));
        alt = v0[i];
        sum = v1[j];
        if (bad_count(alt)) UNUSABLE("sv-vaf-sub-not-count", "sub", u->f[0], "value", NUM(alt));
        if (bad_count(sum)) UNUSABLE("sv-vaf-sub-not-depth", "sub", u->f[1], "value", NUM(sum));
        break;
    }
    case VAF_M_TIER1_BASES: {
        const char *ra = rec->d.allele[0], *aa = nalt >= 1 ? rec->d.allele[ialt + 1] : "";
        if (nalt != 1 || strlen(ra) != 1 || strlen(aa) != 1) return 0;   /* tier-1 base counts describe SNVs only */
        for (int k = 0; k < 4; k++) {
            x = r->pe[k]->v[0];   /* tier 1 is the first value */
            if (bad_count(x)) UNUSABLE("sv-vaf-sub-not-count", "sub", u->f[k], "value", NUM(x));
            sum += x;
            if (toupper((unsigned char)aa[0]) == toupper((unsigned char)u->f[k][0])) alt = x;
        }
        if (alt < 0) UNUSABLE("sv-vaf-no-alt-base", "base", aa);
        break;
    }
    case VAF_M_TIER1_INDEL:
        if (nalt != 1) UNUSABLE("sv-vaf-one-alt-only", "nalt", INT(nalt));
        alt = v0[0];
        x = v1[0];
        if (bad_count(alt) || bad_count(x)) UNUSABLE("sv-vaf-not-counts", "a", NUM(alt), "b", NUM(x));
        sum = alt + x;
        break;
    case VAF_M_DP4:
        if (n[0] != 4) UNUSABLE("sv-vaf-not-four", "n", INT(n[0]));
        if (nalt != 1 && u->use == VAF_USE_FRACTION) UNUSABLE("sv-vaf-alts-together", "nalt", INT(nalt));
        for (int k = 0; k < 4; k++) {
            if (bad_count(v0[k])) UNUSABLE("sv-vaf-not-count", "value", NUM(v0[k]));
            sum += v0[k];
        }
        alt = v0[2] + v0[3];
        break;
    case VAF_M_COUNT:
        i = n[0] == 1 ? 0 : alt_index(h, u->is_format, u->f[0], n[0], nalt, ialt);
        if (i < 0) UNUSABLE("sv-vaf-values-for-alts", "n", INT(n[0]), "nalt", INT(nalt));
        sum = v0[i];
        goto depth;
    }
    if (u->use != VAF_USE_FRACTION) goto depth;
    /* a fraction from counts */
    if (alt > sum) UNUSABLE("sv-vaf-alt-above-depth", "alt", NUM(alt), "depth", NUM(sum));
    if (sum <= 0) UNUSABLE("sv-vaf-no-reads");
    out->state = VAF_OK;
    out->alt_count = alt;
    out->value = alt / sum;
    return 0;
depth:
    if (!isfinite(sum)) UNUSABLE("sv-vaf-not-finite", "value", NUM(sum));
    if (sum < 0) UNUSABLE("sv-vaf-not-depth", "value", NUM(sum));
    if (sum > INT_MAX) UNUSABLE("sv-vaf-depth-huge", "value", NUM(sum));
    out->state = VAF_OK;
    out->value = floor(sum);
    return 0;
}
#undef UNUSABLE
#undef NUM
#undef INT

int vaf_read(vaf_reader_t *r, const bcf_hdr_t *h, bcf1_t *rec, int sample, int nsamples, int ialt,
             vaf_use_t use, vaf_value_t *out)
{
    memset(out, 0, sizeof(*out));
    out->alt_count = -1;
    if (rec->n_allele < 1 || bcf_unpack(rec, BCF_UN_ALL) < 0) return 0;
    for (int i = 0; i < r->t->n; i++) {
        const vaf_rule_t *u = &r->t->r[i];
        if (u->use != use || !applies(u, h, sample, nsamples)) continue;
        if (read_row(r, u, h, rec, sample, ialt, out) < 0) return -1;
        if (out->state != VAF_ABSENT) return 0;
    }
    memset(out, 0, sizeof(*out));
    out->alt_count = -1;
    return 0;
}
