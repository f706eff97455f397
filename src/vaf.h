/* vaf.h - a call's allele fraction and depth, in the dialect its caller wrote (design comment: vaf.c). */
#ifndef MCRC_VAF_H
#define MCRC_VAF_H

#include <htslib/vcf.h>
#include "mcrc.h"
#include "reason.h"

/* What annotations/allele-fraction-fields.tsv says a row is for. */
typedef enum { VAF_USE_FRACTION = 0, VAF_USE_DEPTH, VAF_USE_BLOCK_DEPTH } vaf_use_t;

/* How a row's fields give the value (the table's method column). */
typedef enum {
    VAF_M_FRACTION = 0,   /* the field is the fraction, 0..1 */
    VAF_M_PERCENT,        /* the field is a percentage, 0..100, "12.5%" or 12.5 */
    VAF_M_ALT_SUM,        /* counts of every allele, REF first: ALT / sum */
    VAF_M_ALT_REF_ALTS,   /* a REF count and one count per ALT: ALT / (REF + all ALTs) */
    VAF_M_ALT_DEPTH,      /* an ALT count and a depth: ALT / depth */
    VAF_M_TIER1_BASES,    /* Strelka2 SNVs: tier-1 counts of A, C, G, T: ALT base / sum */
    VAF_M_TIER1_INDEL,    /* Strelka2 indels: tier-1 TIR / (TIR + TAR) */
    VAF_M_DP4,            /* ref-fwd, ref-rev, alt-fwd, alt-rev: (alt) / sum */
    VAF_M_COUNT,          /* depth: the value (one, or one per ALT) */
    VAF_M_SUM,            /* depth: the sum of the values */
    VAF_M_REF_ALTS        /* depth: REF count + every ALT count */
} vaf_method_t;

#define VAF_MAX_FIELDS 4

typedef struct {
    vaf_use_t use;
    int is_format;
    vaf_method_t method;
    int nf;
    char f[VAF_MAX_FIELDS][16];
    int nunless;
    struct { int is_format; char id[16]; } unless[2];
    char label[48];          /* "FORMAT/AO,RO": what the report names */
} vaf_rule_t;

typedef struct { vaf_rule_t *r; int n; } vaf_table_t;

/* Load the table's text (embedded annotations/allele-fraction-fields.tsv). 0, or <0 with a message. */
int vaf_table_load(vaf_table_t *t, const char *tsv, mcrc_err_t *err);
void vaf_table_destroy(vaf_table_t *t);

typedef enum { VAF_ABSENT = 0, VAF_OK, VAF_UNUSABLE } vaf_state_t;

typedef struct {
    vaf_state_t state;
    double value;            /* VAF_OK: the fraction (0..1) or the depth */
    double alt_count;        /* a fraction computed from counts: the ALT's reads; else -1 */
    char field[48];          /* the row's label (VAF_OK and VAF_UNUSABLE) */
    reason_ref_t why;        /* VAF_UNUSABLE: what is wrong (a reasons.xml id; worded in the report's language) */
} vaf_value_t;

/* One field decoded for the current record (vaf.c: a record of 40,000 alleles must not decode its AD once per
 * allele). */
#define VAF_MEMO 8
typedef struct {
    char tag[16];
    int is_format, sample, ret;  /* ret: get_field's answer (values, or GF_*) */
    double *v; int m;            /* the values, and the buffer's size */
    int summed, bad;             /* their sum is known; the first value that is not a count (-1: none) */
    double sum;
} vaf_memo_t;

/* Buffers reused across records (htslib habit: n used, m allocated). */
typedef struct {
    const vaf_table_t *t;
    int32_t *i32; int mi32;
    float *f32; int mf32;
    char **strs; int mstrs;
    vaf_memo_t memo[VAF_MEMO]; int nmemo;               /* this record's decoded fields */
    vaf_memo_t spill[VAF_MAX_FIELDS];                   /* field k of a row when memo[] is full: not kept */
    vaf_memo_t *pe[VAF_MAX_FIELDS];                     /* read_row's fields: entries of memo[] or spill[] */
} vaf_reader_t;

void vaf_reader_init(vaf_reader_t *r, const vaf_table_t *t);
/* A new record: the fields decoded for the last one are forgotten.  Call it before the first vaf_read() of
 * every record. */
void vaf_reader_next_record(vaf_reader_t *r);
void vaf_reader_destroy(vaf_reader_t *r);

/* The value of `use` for ALT ialt (0-based) of rec in sample (index; <0 none: sites-only): the first row of
 * the table that applies to the header and has a value on the record decides it -- OK, or UNUSABLE with the
 * reason; no later row is asked then (a broken value is never replaced by a guess).  ABSENT: no row had a
 * value.  nsamples: the file's sample count (INFO rows speak for the sample only when it is at most 1).
 * Returns 0, or -1 when memory ran out. */
int vaf_read(vaf_reader_t *r, const bcf_hdr_t *h, bcf1_t *rec, int sample, int nsamples, int ialt,
             vaf_use_t use, vaf_value_t *out);

/* Is this FORMAT field the first field of a fraction row (AF, AO, NV, AU...; not DP)?  A header that declares
 * one is a small-variant call set. */
int vaf_is_fraction_format_field(const vaf_table_t *t, const char *id);

#endif
