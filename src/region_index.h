/* region_index.h - the part of a .tbi/.csi index that the gene regions need (design comment: region_index.c). */
#ifndef MCRC_REGION_INDEX_H
#define MCRC_REGION_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <htslib/bgzf.h>
#include "mcrc.h"

/* A run of the data file, as BGZF virtual offsets: records start in [beg, end). */
typedef struct { uint64_t beg, end; } ri_chunk_t;

/* Where a region's read starts, and so what the first record there may be:
 * AT: a record of this sequence that the index names (a chunk, a linear offset, a loffset): anything else
 *     means the index is not this file's;
 * AFTER: the end of this sequence's data before the region: the next sequence's record says the region is empty;
 * BLIND: the index has nothing for this sequence: the earlier sequences' records are stepped over. */
enum { RI_START_AT = 0, RI_START_AFTER, RI_START_BLIND };

/* One region to read: the caller fills tid (-1: not in the file), beg and end (0-based, half-open);
 * ri_read() fills the chunks to read, sorted and merged. */
typedef struct {
    int tid;
    int64_t beg, end;
    ri_chunk_t *c;
    int n, m;
    /* where the reader starts: no record that can overlap the region lies before it (see region_index.c) */
    uint64_t start;
    int start_kind;            /* RI_START_*: what the record at start may be */
    /* private: the lowest record offset the region can need (TBI linear index, CSI bin offsets) */
    uint64_t min_off;
    int64_t loff_span;         /* CSI: bases of the bin min_off came from (the deepest over beg wins) */
    uint64_t before_end;       /* the furthest chunk end of this sequence's bins that lie wholly before beg */
    /* earlier starts the reader falls back to when it cannot prove the region's start (input.c, read_region):
     * the start of that furthest chunk wholly before beg, and of the last chunk of the earlier sequences
     * (0: none) */
    uint64_t before_beg, prev_beg;
    int seen;                  /* the index holds anything (bins, linear offsets) for this sequence */
} ri_query_t;

typedef struct {
    char *path;                /* the index file */
    char *shown;               /* its name as messages show it (url_redact_dup) */
    BGZF *fp;                  /* open from ri_open() to ri_read() */
    int is_csi;
    int min_shift, n_lvls;
    int32_t n_ref;
    char *names;               /* TBI, or CSI of a text file: the sequence names, NUL-terminated, in tid order */
    int32_t l_names;
    int have_stats;            /* some sequence carried a record count */
    uint64_t n_records;        /* their sum */
} region_index_t;

/* The index of DATA: IDX_FN when the user named one (FILE##idx##INDEX), else DATA.csi (BCF) or DATA.tbi, then
 * DATA.csi (VCF.gz), beside a local file or a URL; read its header (a local index older than a local DATA is
 * refused).  1: found and opened; 0: no index; <0: an index that cannot be read (why says why). */
int ri_open(region_index_t *ri, const char *data_fn, const char *idx_fn, int is_bcf, mcrc_err_t *why);

/* Read the bins of the queries' sequences, fill each query's chunks and start, close the index file.
 * data_size: the data file's size in bytes (every offset must lie inside it); data_off: the virtual offset
 * of the first record (after the header); max_len[k]: the length query k's sequence must be addressable
 * to (its ##contig length, or at least the region's end).  0 ok, <0 damaged or unfit index (why). */
int ri_read(region_index_t *ri, ri_query_t *q, int nq, int64_t data_size, uint64_t data_off, const int64_t *max_len, mcrc_err_t *why);

void ri_destroy(region_index_t *ri);
void ri_query_free(ri_query_t *q);

#endif
