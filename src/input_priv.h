/* input_priv.h - what the input_*.c files share (input.c, input_scan.c, input_region.c, input_sample.c,
 * input_hash.c); not for other modules, which use input.h. */
#ifndef MCRC_INPUT_PRIV_H
#define MCRC_INPUT_PRIV_H
#include <htslib/kstring.h>
#include "input.h"

static inline void chomp_cr(kstring_t *s)
{
    if (s->l && s->s[s->l - 1] == '\r') s->s[--s->l] = 0;
}

/* input.c: the full parser's path, shared by every reader */
int inp_parse_text_line(input_t *in, bcf1_t *rec, mcrc_err_t *err);   /* in->line into rec, checked */
int inp_read_bcf(input_t *in, bcf1_t *rec, mcrc_err_t *err);          /* bcf_read() with its checks */
int64_t inp_contig_length(const input_t *in, int rid);
void inp_progress(input_t *in);
int inp_rid_targets(input_t *in, const target_set_t *ts, int rid, target_mask_t *out);

/* input_scan.c: the in-place fast paths of a stream */
size_t inp_count_tabs(const char *s, size_t n);
int inp_read_text(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err);
int inp_read_bcf_fast(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err);
int inp_line_may_touch(input_t *in, const target_set_t *ts, const char *s, size_t n);

/* input_region.c: reading the gene regions through the index */
int inp_load_regions(input_t *in, const target_set_t *ts, mcrc_err_t *why);
int inp_read_region(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err);

/* input_sample.c: which column is the tumour */
int inp_choose_sample(input_t *in, const char *want, mcrc_err_t *err);

#endif
