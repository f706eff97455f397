/* copy_number.h - reading a copy-number segment out of a VCF record, in any caller's dialect. */
#ifndef MCRC_COPY_NUMBER_H
#define MCRC_COPY_NUMBER_H

#include <stdint.h>
#include <htslib/vcf.h>
#include "mcrc.h"

typedef enum { CN_KIND_ABSOLUTE = 0, CN_KIND_RATIO, CN_KIND_LOG2, CN_KIND_GENE } cn_kind_t;
typedef enum { CN_DIR_UNKNOWN = 0, CN_DIR_GAIN, CN_DIR_LOSS, CN_DIR_NEUTRAL } cn_direction_t;

typedef struct {
    int is_format;          /* FORMAT (per sample) or INFO */
    char id[32];
    cn_kind_t kind;
} cn_field_t;

/* The dialect table (annotations/copy-number-fields.tsv), in order of preference;
 * gene-name fields (kind CN_KIND_GENE) are kept apart in g. */
typedef struct { cn_field_t *f; int n; cn_field_t *g; int ng; } cn_fields_t;

int cn_fields_load(cn_fields_t *t, const char *tsv, mcrc_err_t *err);
void cn_fields_destroy(cn_fields_t *t);

typedef struct {
    double ploidy;   /* normal copy number, --ploidy */
    double purity;   /* tumour fraction, --purity; 1 = take values as given */
} cn_params_t;

/* One copy-number call, with everything the report needs to show for it. */
typedef struct {
    int input;              /* 1-based input number */
    genome_build_t build;   /* the build whose gene span it was matched against */
    int64_t line;           /* 1-based line in a text VCF; 0 when not known (BCF, index) */
    char chrom[64];
    int64_t pos, end;       /* 1-based, inclusive: the segment is [pos, end] */
    char id[64], alt[48], filter[64];
    int pass;               /* FILTER is PASS or '.' (not applied) */
    cn_direction_t direction;  /* from the ALT allele or SVTYPE */
    int gene_level;         /* the record names the gene (INFO/ANT=ERBB2): a call for the whole gene */
    char gene_field[40];
    int has_value;
    char field[40];         /* e.g. "FORMAT/CN" */
    char raw[32];           /* the value as read */
    double cn_observed;     /* before purity correction */
    double cn;              /* after purity correction */
    /* filled in by the ERBB2 rule */
    int used;               /* 1 if it took part in the call */
    char note[200];         /* why it was used or set aside */
} cn_segment_t;

/* Buffers reused across records (klib habit: n used, m allocated). */
typedef struct {
    int32_t *i32; int mi32;
    float *f; int mf;
    char *s; int ms;
    char **ss; int mss;
} cn_bufs_t;

void cn_bufs_destroy(cn_bufs_t *b);

/* Number of recognised magnitude fields the header declares (names in `names`, space-separated). */
int cn_header_fields(const cn_fields_t *t, const bcf_hdr_t *h, char *names, size_t n);

/*
 * If rec is a copy-number call, fill seg (not input/line) and return 1; return 0 if it is
 * not one (a small variant, a gVCF reference block, a breakend...); <0 with a message for
 * a value that is not a usable number (text, NaN, infinite, negative).
 * `sample` is the tumour column, or -1 for a file without samples; `end` is the record's last base,
 * as record_extent() (extent.c) read it.
 */
int cn_from_record(const cn_fields_t *t, const cn_params_t *p, const bcf_hdr_t *h, bcf1_t *rec, int sample,
                   int64_t end, cn_bufs_t *b, cn_segment_t *seg, mcrc_err_t *err);

/* Does a gene-name field of rec (INFO/ANT, INFO/Genes...) name gene? 1 yes (field name in `field`), 0 no. */
int cn_names_gene(const cn_fields_t *t, const bcf_hdr_t *h, bcf1_t *rec, const char *gene, cn_bufs_t *b, char *field, size_t n);

/* Purity correction: (cn - ploidy*(1-purity))/purity, never below 0. */
double cn_purity_correct(double cn_observed, double ploidy, double purity);

#endif
