/*
 * segments.h - copy-number segment tables (--segments): CNVkit .cns, GATK .seg, IGV/TCGA SEG, PURPLE, FACETS,
 * ASCAT, Sequenza, PCGR.  The dialects are data (annotations/segment-dialects.tsv, seg_dialect.c); the reader
 * (segments.c) turns the rows over ERBB2 into the same cn_segment_t records the VCF path makes, and each table into
 * an input_facts_t, so the one ERBB2 rule (erbb2.c) decides from them.
 */
#ifndef MCRC_SEGMENTS_H
#define MCRC_SEGMENTS_H

#include <stdint.h>
#include <htslib/kstring.h>
#include "copy_number.h"
#include "facts.h"
#include "assembly.h"
#include "genes.h"
#include "input.h"
#include "mcrc.h"

#define SEG_MAX_COLS 2              /* a value is one column or two summed (nMajor+nMinor) */

typedef enum { SEG_LOG2 = 0, SEG_ABSOLUTE, SEG_GENE } seg_kind_t;

/* One row of annotations/segment-dialects.tsv. */
typedef struct {
    char *name;                     /* e.g. "cnvkit-cns": the report's format attribute */
    char *label;                    /* words for the "expected one of" message */
    char **identify; int nidentify; /* columns that must all be in the header */
    char *chrom, *start, *end;
    char *value[SEG_MAX_COLS]; int nvalue;  /* summed */
    char *value_raw;                /* as written in the table ("nMajor+nMinor"): the evidence's field */
    char *value_max;                /* gene tables: the maximum over the gene, or NULL */
    seg_kind_t kind;
    char *sample, *gene, *call;     /* columns, or NULL */
    int start_base;                 /* 0: 0-based half-open (BED-like); 1: 1-based inclusive */
    int adjusted;                   /* the caller fitted purity: --purity is not applied again */
} seg_dialect_t;

typedef struct { seg_dialect_t *d; int n; } seg_dialects_t;

int seg_dialects_load(seg_dialects_t *t, const char *tsv, mcrc_err_t *err);
void seg_dialects_destroy(seg_dialects_t *t);

/* The first dialect whose identifying columns are all among col[0..ncol), or NULL. */
const seg_dialect_t *seg_dialect_match(const seg_dialects_t *t, char *const *col, int ncol);

/* "expected one of: ..." (every dialect's label, once each) into k; 0 or -1 (memory). */
int seg_dialects_expected(const seg_dialects_t *t, kstring_t *k);

/* Split a table line in place: on tabs, or on runs of spaces when tabs is 0 (R write.table); surrounding double
 * quotes are dropped.  Returns the number of fields (at most max). */
int seg_split(char *line, int tabs, char **f, int max);

/* Is fn a segment table (its first line that is not a comment or SAM-style @ line is a known header)?  The dialect,
 * or NULL (also for a file that cannot be read: the caller's own error stands). */
const seg_dialect_t *seg_sniff(const seg_dialects_t *t, const char *fn);

/* One --segments table, as the run and the report see it. */
typedef struct {
    const char *fn;
    char *label;                    /* fn, made safe for messages and reports */
    int index;                      /* input number: after the VCF inputs */
    const seg_dialect_t *d;
    char compression[16];           /* "none", "gzip", "bgzf" */
    int64_t size;                   /* -1 unknown */
    char sha256[65];                /* "" when not hashed */
    kstring_t sample;               /* the sample whose rows were read; empty: the table has no sample column */
    char sample_how[64];
    int64_t nrows, nrows_gene;      /* data rows; rows in a gene span of the run's build */
    char build_how[512];            /* how the run's build applies to it (run.c) */
    input_facts_t facts;
} seg_table_t;

typedef struct {
    const seg_dialects_t *dialects;
    const target_set_t *targets;    /* the gene spans of both builds */
    genome_build_t build;           /* the run's build, or BUILD_UNKNOWN */
    const char *samples;            /* -s, or NULL */
    const cn_params_t *cnp;
    int checksum;                   /* CHECKSUM_* */
} seg_opts_t;

/* The build the table's SAM-style @SQ lines state (GATK), read as ##contig lines are (assembly_detect): ev->build,
 * BUILD_UNKNOWN without @SQ lines.  0, or an input error (lines that contradict each other, an unreadable file). */
int seg_table_build(const char *fn, const assembly_t *a, build_evidence_t *ev, mcrc_err_t *err);

/* Read table fn (input number index) whole: every row checked, the rows over ERBB2 added to segs (erbb2.c's
 * erbb2_segment_add), the facts set.  0, or MCRC_E_INPUT / MCRC_E_INTERNAL with a message naming fn and line. */
int seg_table_read(seg_table_t *tb, const char *fn, int index, const seg_opts_t *o,
                   cn_segment_t **segs, int *nseg, int *mseg, mcrc_err_t *err);
void seg_table_destroy(seg_table_t *tb);

#endif
