/* field_cache.h - a record's INFO and FORMAT numbers decoded once per record (design comment: field_cache.c). */
#ifndef MCRC_FIELD_CACHE_H
#define MCRC_FIELD_CACHE_H

#include <stdint.h>
#include <htslib/vcf.h>

#define FC_SLOTS 8
typedef struct {
    int64_t rec;              /* the record it holds (field_cache_t.rec), or -1 */
    int is_info, type;        /* INFO or FORMAT; BCF_HT_INT or BCF_HT_REAL */
    char tag[16];
    int n;                    /* what bcf_get_*_values returned */
    void *v; int m;           /* the values, and their buffer's size in bytes */
    int sum_sample, sum_count, sum_ok;  /* the last sum asked for, and its answer */
    double sum;
} fc_entry_t;

typedef struct {
    fc_entry_t e[FC_SLOTS];
    int next;                 /* the slot to reuse next */
    int64_t rec;              /* counts records: a new value forgets every slot */
} field_cache_t;

/* A new record: whatever was decoded belongs to the last one. */
void fc_next_record(field_cache_t *c);
/* Value idx of sample (0 for INFO, nsamples 1) of tag (type BCF_HT_INT or BCF_HT_REAL): 1 and *out when
 * present and finite, 0 when absent, missing or past the values. */
int fc_number(field_cache_t *c, const bcf_hdr_t *h, bcf1_t *rec, int is_info, const char *tag, int type,
              int sample, int nsamples, int idx, double *out);
/* The sum of the first count values of sample's FORMAT tag: 1 and *sum when every one is present, else 0. */
int fc_sum(field_cache_t *c, const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int type,
           int sample, int nsamples, int count, double *sum);
void fc_destroy(field_cache_t *c);

#endif
