/*
 * copy_number.c - one copy-number segment out of one VCF record.
 *
 * What is a copy-number record:
 *   - an ALT allele naming a copy-number event: <DUP...>, <DEL...>, <CNV...>,
 *     <CNn>, <GAIN>, <LOSS>, <AMP>, <LOH>, <COPY_NORMAL> (or SVTYPE=CNV/DUP/DEL);
 *   - or a reference segment (ALT "." / <NON_REF> / <*>) that carries a
 *     copy-number value (GATK gCNV, TSO500 and DRAGEN write neutral segments so).
 *   Breakends, <INV>, <INS> and plain small variants never are.
 * The magnitude comes from the first field of the dialect table
 * (annotations/copy-number-fields.tsv) that has a value on the record:
 *   absolute: CN as is; ratio: CN = value x ploidy; log2: CN = 2^value x ploidy;
 *   then, with purity p < 1: CN = (CN_obs - ploidy x (1 - p)) / p, floored at 0.
 * A value that is present but not a usable number (text, NaN, infinite,
 * negative copy number or ratio, above 10000 copies) is an input error: a
 * report must never rest on a number we could not read.  A missing value
 * ('.') is not an error: the segment simply has no magnitude.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "copy_number.h"
#include "tsv.h"
#include "util.h"

#define CN_IMPLAUSIBLE 10000.0

int cn_fields_load(cn_fields_t *t, const char *tsv, mcrc_err_t *err)
{
    static const char *const cols[] = { "where", "id", "kind" };
    int idx[3], ret, r;
    tsv_t tt;
    memset(t, 0, sizeof(*t));
    if ((ret = tsv_open(&tt, tsv, "copy-number-fields.tsv", err)) < 0 || (ret = tsv_need(&tt, cols, idx, 3, err)) < 0) goto out;
    while ((r = tsv_row(&tt, err)) == 1) {
        const char *where = tt.f[idx[0]], *id = tt.f[idx[1]], *kind = tt.f[idx[2]];
        if (!*where || !*id || !*kind || strlen(id) >= sizeof(t->f[0].id)) { ret = tsv_fail(&tt, err, "malformed row"); goto out; }
        int gene = !strcmp(kind, "gene");
        cn_field_t **arr = gene ? &t->g : &t->f;
        int *cnt = gene ? &t->ng : &t->n;
        /* both lists are short: grow one slot at a time */
        cn_field_t *f = realloc(*arr, (*cnt + 1) * sizeof(*f));
        if (!f) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        *arr = f;
        f = &f[(*cnt)++];
        f->is_format = !strcmp(where, "FORMAT");
        snprintf(f->id, sizeof(f->id), "%s", id);
        f->kind = gene ? CN_KIND_GENE : !strcmp(kind, "ratio") ? CN_KIND_RATIO : !strcmp(kind, "log2") ? CN_KIND_LOG2 : CN_KIND_ABSOLUTE;
    }
    ret = r < 0 ? r : 0;
out:
    tsv_close(&tt);
    if (ret) cn_fields_destroy(t);
    return ret;
}

void cn_fields_destroy(cn_fields_t *t)
{
    free(t->f);
    free(t->g);
    memset(t, 0, sizeof(*t));
}

void cn_bufs_destroy(cn_bufs_t *b)
{
    free(b->i32); free(b->f); free(b->s);
    if (b->ss) free(b->ss[0]);
    free(b->ss);
    memset(b, 0, sizeof(*b));
}

double cn_purity_correct(double cn_observed, double ploidy, double purity)
{
    if (purity >= 1.0) return cn_observed;
    double cn = (cn_observed - ploidy * (1.0 - purity)) / purity;
    return cn < 0 ? 0 : cn;
}

int cn_header_fields(const cn_fields_t *t, const bcf_hdr_t *h, char *names, size_t n)
{
    int count = 0;
    size_t o = 0;
    if (n) names[0] = 0;
    for (int i = 0; i < t->n; i++) {
        int hl = t->f[i].is_format ? BCF_HL_FMT : BCF_HL_INFO;
        int id = bcf_hdr_id2int(h, BCF_DT_ID, t->f[i].id);
        if (id < 0 || !bcf_hdr_idinfo_exists(h, hl, id)) continue;
        count++;
        if (o < n) o += snprintf(names + o, n - o, "%s%s/%s", o ? " " : "", t->f[i].is_format ? "FORMAT" : "INFO", t->f[i].id);
    }
    return count;
}

/* Read one number-or-text INFO value as a string/number pair. 1 value, 0 absent or missing, <0 not a number. */
static int info_value(const bcf_hdr_t *h, bcf1_t *rec, const char *tag, cn_bufs_t *b, double *v, char raw[32])
{
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    if (id < 0 || !bcf_hdr_idinfo_exists(h, BCF_HL_INFO, id)) return 0;
    switch (bcf_hdr_id2type(h, BCF_HL_INFO, id)) {
    case BCF_HT_INT: {
        int n = bcf_get_info_int32(h, rec, tag, &b->i32, &b->mi32);
        if (n <= 0 || b->i32[0] == bcf_int32_missing || b->i32[0] == bcf_int32_vector_end) return 0;
        *v = b->i32[0];
        snprintf(raw, 32, "%d", b->i32[0]);
        return 1;
    }
    case BCF_HT_REAL: {
        int n = bcf_get_info_float(h, rec, tag, &b->f, &b->mf);
        if (n <= 0 || bcf_float_is_missing(b->f[0]) || bcf_float_is_vector_end(b->f[0])) return 0;
        *v = b->f[0];
        snprintf(raw, 32, "%g", b->f[0]);
        return isfinite(*v) ? 1 : -1;
    }
    case BCF_HT_STR: {
        int n = bcf_get_info_string(h, rec, tag, &b->s, &b->ms);
        if (n <= 0) return 0;
        b->s[strcspn(b->s, ",")] = 0;
        text_sanitize(b->s, raw, 32);
        if (!strcmp(b->s, ".") || !b->s[0]) return 0;
        return parse_double(b->s, v) ? -1 : 1;
    }
    default:
        return 0;
    }
}

static int format_value(const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int sample, cn_bufs_t *b, double *v, char raw[32])
{
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    int nsmpl = bcf_hdr_nsamples(h);
    if (sample < 0 || sample >= nsmpl || id < 0 || !bcf_hdr_idinfo_exists(h, BCF_HL_FMT, id)) return 0;
    switch (bcf_hdr_id2type(h, BCF_HL_FMT, id)) {
    case BCF_HT_INT: {
        int n = bcf_get_format_int32(h, rec, tag, &b->i32, &b->mi32);
        if (n <= 0) return 0;
        int32_t x = b->i32[sample * (n / nsmpl)];
        if (x == bcf_int32_missing || x == bcf_int32_vector_end) return 0;
        *v = x;
        snprintf(raw, 32, "%d", x);
        return 1;
    }
    case BCF_HT_REAL: {
        int n = bcf_get_format_float(h, rec, tag, &b->f, &b->mf);
        if (n <= 0) return 0;
        float x = b->f[sample * (n / nsmpl)];
        if (bcf_float_is_missing(x) || bcf_float_is_vector_end(x)) return 0;
        *v = x;
        snprintf(raw, 32, "%g", x);
        return isfinite(*v) ? 1 : -1;
    }
    case BCF_HT_STR: {
        int n = bcf_get_format_string(h, rec, tag, &b->ss, &b->mss);
        if (n <= 0) return 0;
        char *s = b->ss[sample];
        s[strcspn(s, ",")] = 0;
        text_sanitize(s, raw, 32);
        if (!strcmp(s, ".") || !s[0]) return 0;
        return parse_double(s, v) ? -1 : 1;
    }
    default:
        return 0;
    }
}

/* Classify one ALT allele: 1 copy-number allele (direction set), 0 reference-like, -1 other (SV, small variant). */
static int alt_class(const char *alt, double ploidy, cn_direction_t *dir)
{
    if (!strcmp(alt, ".") || !strcmp(alt, "<NON_REF>") || !strcmp(alt, "<*>") || !strcmp(alt, "<X>")) return 0;
    if (alt[0] != '<') return -1;
    static const struct { const char *prefix; cn_direction_t dir; } sym[] = {
        { "<DUP", CN_DIR_GAIN }, { "<GAIN", CN_DIR_GAIN }, { "<AMP", CN_DIR_GAIN },
        { "<DEL", CN_DIR_LOSS }, { "<LOSS", CN_DIR_LOSS },
        { "<COPY_NORMAL", CN_DIR_NEUTRAL }, { "<NEUTRAL", CN_DIR_NEUTRAL },
        { "<CNV", CN_DIR_UNKNOWN }, { "<LOH", CN_DIR_UNKNOWN },
    };
    for (size_t i = 0; i < sizeof(sym) / sizeof(sym[0]); i++)
        if (!strncasecmp(alt, sym[i].prefix, strlen(sym[i].prefix))) { *dir = sym[i].dir; return 1; }
    if (!strncmp(alt, "<CN", 3) && isdigit((unsigned char)alt[3])) {
        double n = atof(alt + 3);
        *dir = n > ploidy ? CN_DIR_GAIN : n < ploidy ? CN_DIR_LOSS : CN_DIR_NEUTRAL;
        return 1;
    }
    return -1;
}

int cn_names_gene(const cn_fields_t *t, const bcf_hdr_t *h, bcf1_t *rec, const char *gene, cn_bufs_t *b, char *field, size_t n)
{
    for (int i = 0; i < t->ng; i++) {
        int id = bcf_hdr_id2int(h, BCF_DT_ID, t->g[i].id);
        if (id < 0 || !bcf_hdr_idinfo_exists(h, BCF_HL_INFO, id) || bcf_hdr_id2type(h, BCF_HL_INFO, id) != BCF_HT_STR) continue;
        if (bcf_get_info_string(h, rec, t->g[i].id, &b->s, &b->ms) <= 0) continue;
        size_t gl = strlen(gene);
        for (char *p = b->s; *p; ) {
            size_t l = strcspn(p, ",|&;");
            if (l == gl && !strncmp(p, gene, gl)) {
                snprintf(field, n, "INFO/%s", t->g[i].id);
                return 1;
            }
            p += l;
            if (*p) p++;
        }
    }
    return 0;
}

int cn_from_record(const cn_fields_t *t, const cn_params_t *p, const bcf_hdr_t *h, bcf1_t *rec, int sample,
                   int64_t end, cn_bufs_t *b, cn_segment_t *seg, mcrc_err_t *err)
{
    int cn_allele = 0, other = 0, first = 1;
    cn_direction_t dir = CN_DIR_UNKNOWN;
    bcf_unpack(rec, BCF_UN_INFO | BCF_UN_FLT);
    for (int i = 1; i < rec->n_allele; i++) {
        cn_direction_t d = CN_DIR_UNKNOWN;
        int c = alt_class(rec->d.allele[i], p->ploidy, &d);
        if (c < 0) other = 1;
        if (c == 1) {
            cn_allele = 1;
            dir = first ? d : (dir == d ? d : CN_DIR_UNKNOWN);
            first = 0;
        }
    }
    if (other && !cn_allele) return 0;            /* small variant, breakend, inversion... */
    if (!cn_allele) {                              /* reference-like: SVTYPE may still say CNV */
        int n = bcf_get_info_string(h, rec, "SVTYPE", &b->s, &b->ms);
        dir = CN_DIR_NEUTRAL;
        if (n > 0 && (!strcmp(b->s, "CNV") || !strcmp(b->s, "DUP") || !strcmp(b->s, "DEL"))) {
            cn_allele = 1;
            dir = !strcmp(b->s, "DUP") ? CN_DIR_GAIN : !strcmp(b->s, "DEL") ? CN_DIR_LOSS : CN_DIR_UNKNOWN;
        }
    }

    memset(seg, 0, sizeof(*seg));
    seg->direction = dir;
    /* the magnitude */
    for (int i = 0; i < t->n; i++) {
        double v;
        char raw[32] = "";
        const cn_field_t *f = &t->f[i];
        int r = f->is_format ? format_value(h, rec, f->id, sample, b, &v, raw) : info_value(h, rec, f->id, b, &v, raw);
        if (r == 0) continue;
        if (r < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s/%s is not a number (%s)", f->is_format ? "FORMAT" : "INFO", f->id, raw);
        double cn = f->kind == CN_KIND_RATIO ? v * p->ploidy : f->kind == CN_KIND_LOG2 ? pow(2.0, v) * p->ploidy : v;
        if (f->kind != CN_KIND_LOG2 && v < 0)
            return mcrc_fail(err, MCRC_E_INPUT, "%s/%s is negative (%s)", f->is_format ? "FORMAT" : "INFO", f->id, raw);
        if (!isfinite(cn) || cn > CN_IMPLAUSIBLE)
            return mcrc_fail(err, MCRC_E_INPUT, "%s/%s gives an implausible copy number (%s)", f->is_format ? "FORMAT" : "INFO", f->id, raw);
        seg->has_value = 1;
        snprintf(seg->field, sizeof(seg->field), "%s/%s", f->is_format ? "FORMAT" : "INFO", f->id);
        snprintf(seg->raw, sizeof(seg->raw), "%s", raw);
        seg->cn_observed = cn;
        seg->cn = cn_purity_correct(cn, p->ploidy, p->purity);
        break;
    }
    if (!cn_allele && !seg->has_value) return 0;   /* gVCF reference block or a plain site */

    seg->pos = rec->pos + 1;
    seg->end = end;
    text_sanitize(bcf_seqname_safe(h, rec), seg->chrom, sizeof(seg->chrom));
    text_sanitize(rec->d.id ? rec->d.id : ".", seg->id, sizeof(seg->id));
    {
        char alts[256] = "";
        size_t o = 0;
        for (int i = 1; i < rec->n_allele && o < sizeof(alts); i++)
            o += snprintf(alts + o, sizeof(alts) - o, "%s%s", i > 1 ? "," : "", rec->d.allele[i]);
        text_sanitize(rec->n_allele > 1 ? alts : ".", seg->alt, sizeof(seg->alt));
    }
    if (rec->d.n_flt == 0) { strcpy(seg->filter, "."); seg->pass = 1; }
    else {
        size_t o = 0;
        char flt[256] = "";
        seg->pass = 1;
        for (int i = 0; i < rec->d.n_flt && o < sizeof(flt); i++) {
            const char *f = bcf_hdr_int2id(h, BCF_DT_ID, rec->d.flt[i]);
            if (strcmp(f, "PASS")) seg->pass = 0;
            o += snprintf(flt + o, sizeof(flt) - o, "%s%s", i ? ";" : "", f);
        }
        text_sanitize(flt, seg->filter, sizeof(seg->filter));
    }
    return 1;
}
