/* region_index.h - the part of a .tbi/.csi index that the gene regions need (design comment: region_index.c). */
#ifndef MCRC_REGION_INDEX_H
#define MCRC_REGION_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <htslib/bgzf.h>

/* A run of the data file, as BGZF virtual offsets: records start in [beg, end). */
typedef struct { uint64_t beg, end; } ri_chunk_t;

/* One region to read: the caller fills tid (-1: not in the file), beg and end (0-based, half-open);
 * ri_read() fills the chunks to read, sorted and merged. */
typedef struct {
    int tid;
    int64_t beg, end;
    ri_chunk_t *c;
    int n, m;
    /* private: the lowest record offset the region can need (TBI linear index, CSI bin offsets) */
    uint64_t min_off;
    int64_t loff_span;         /* CSI: bases of the bin min_off came from (the deepest over beg wins) */
} ri_query_t;

typedef struct {
    char *path;                /* the index file */
    BGZF *fp;                  /* open from ri_open() to ri_read() */
    int is_csi;
    int min_shift, n_lvls;
    int32_t n_ref;
    char *names;               /* TBI, or CSI of a text file: the sequence names, NUL-terminated, in tid order */
    int32_t l_names;
    int have_stats;            /* some sequence carried a record count */
    uint64_t n_records;        /* their sum */
} region_index_t;

/* Look for DATA.csi (BCF) or DATA.tbi, then DATA.csi (VCF.gz), and read its header (an index older than
 * DATA is refused).  1: found and opened; 0: no index; <0: an index that cannot be read (msg says why). */
int ri_open(region_index_t *ri, const char *data_fn, int is_bcf, char *msg, size_t n);

/* Read the bins of the queries' sequences, fill each query's chunks, close the index file.
 * 0 ok, <0 damaged index (msg). */
int ri_read(region_index_t *ri, ri_query_t *q, int nq, char *msg, size_t n);

void ri_destroy(region_index_t *ri);
void ri_query_free(ri_query_t *q);

#endif
