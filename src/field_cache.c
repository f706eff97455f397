/*
 * field_cache.c - a record's INFO and FORMAT numbers, decoded once per record.
 *
 * Each ALT allele of a record asks for its depth and allele fraction, and
 * bcf_get_format_values() decodes the whole field for every sample each time
 * it is called.  A record with N alleles and a Number=R field (AD) asked once
 * per allele and value cost N^3: ten records of 40,000 alleles would not end.
 * Here each (INFO or FORMAT, tag) is decoded once per record into its own
 * buffer, and the sum over a sample's values (AD's depth) is kept with it, so
 * a record costs what its size is.  A few slots suffice: a record asks for
 * a handful of tags (DP, AF, VF, AD, MIN_DP...); the oldest slot is reused.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "field_cache.h"

void fc_next_record(field_cache_t *c)
{
    c->rec++;
}

static fc_entry_t *fetch(field_cache_t *c, const bcf_hdr_t *h, bcf1_t *rec, int is_info, const char *tag, int type)
{
    for (int i = 0; i < FC_SLOTS; i++) {
        fc_entry_t *e = &c->e[i];
        if (e->rec == c->rec && e->m && e->is_info == is_info && e->type == type && !strcmp(e->tag, tag)) return e;
    }
    if (strlen(tag) >= sizeof(c->e[0].tag)) return NULL;
    fc_entry_t *e = &c->e[c->next];
    c->next = (c->next + 1) % FC_SLOTS;
    e->rec = c->rec;
    e->is_info = is_info;
    e->type = type;
    strcpy(e->tag, tag);
    e->sum_count = -1;
    e->n = is_info ? bcf_get_info_values(h, rec, tag, &e->v, &e->m, type) : bcf_get_format_values(h, rec, tag, &e->v, &e->m, type);
    if (!e->m) e->rec = -1;     /* nothing allocated: not kept (and never matched) */
    return e;
}

/* value k of the fetched values: 1 and *out if present and finite */
static int value_at(const fc_entry_t *e, int k, double *out)
{
    if (e->type == BCF_HT_INT) {
        int32_t v = ((const int32_t *)e->v)[k];
        if (v == bcf_int32_missing || v == bcf_int32_vector_end) return 0;
        *out = v;
        return 1;
    }
    float v = ((const float *)e->v)[k];
    if (bcf_float_is_missing(v) || bcf_float_is_vector_end(v) || !isfinite(v)) return 0;
    *out = v;
    return 1;
}

int fc_number(field_cache_t *c, const bcf_hdr_t *h, bcf1_t *rec, int is_info, const char *tag, int type,
              int sample, int nsamples, int idx, double *out)
{
    if ((type != BCF_HT_INT && type != BCF_HT_REAL) || nsamples <= 0 || sample < 0 || idx < 0) return 0;
    fc_entry_t *e = fetch(c, h, rec, is_info, tag, type);
    if (!e || e->n <= 0) return 0;
    int per = e->n / nsamples;
    if (idx >= per || sample >= nsamples) return 0;
    return value_at(e, sample * per + idx, out);
}

int fc_sum(field_cache_t *c, const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int type,
           int sample, int nsamples, int count, double *sum)
{
    if ((type != BCF_HT_INT && type != BCF_HT_REAL) || nsamples <= 0 || sample < 0 || sample >= nsamples || count <= 0) return 0;
    fc_entry_t *e = fetch(c, h, rec, 0, tag, type);
    if (!e || e->n <= 0) return 0;
    if (e->sum_count != count || e->sum_sample != sample) {
        int per = e->n / nsamples, ok = count <= per;
        double s = 0, x;
        for (int k = 0; k < count && ok; k++) {
            if (!value_at(e, sample * per + k, &x)) ok = 0;
            else s += x;
        }
        e->sum_sample = sample;
        e->sum_count = count;
        e->sum_ok = ok;
        e->sum = s;
    }
    if (e->sum_ok) *sum = e->sum;
    return e->sum_ok;
}

void fc_destroy(field_cache_t *c)
{
    for (int i = 0; i < FC_SLOTS; i++) free(c->e[i].v);
    memset(c, 0, sizeof(*c));
}
