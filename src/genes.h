/* genes.h - the four genes' spans on each build, read from annotations/genes.tsv. */
#ifndef MCRC_GENES_H
#define MCRC_GENES_H

#include <stdint.h>
#include "mcrc.h"

typedef enum { GENE_ERBB2 = 0, GENE_KRAS, GENE_NRAS, GENE_BRAF, N_GENES } gene_id_t;

typedef struct {
    gene_id_t gene;
    genome_build_t build;
    char chrom[8];          /* canonical, without "chr" */
    int64_t start, end;     /* 1-based, inclusive */
    char strand;
    char transcript[64];    /* RefSeq MANE (or GRCh37 equivalent) */
    char transcript_ens[64];
} gene_span_t;

typedef struct {
    gene_span_t span[N_BUILDS][N_GENES];
    int have[N_BUILDS][N_GENES];
} gene_table_t;

const char *gene_name(gene_id_t g);
int gene_from_name(const char *name);     /* -1 if not one of ours */

/* Parse genes.tsv text; every gene must be present on both builds. */
int genes_load(gene_table_t *t, const char *tsv, mcrc_err_t *err);
const gene_span_t *genes_span(const gene_table_t *t, genome_build_t b, gene_id_t g);

/* Is tx (version ignored) the gene's model transcript (MANE Select or its GRCh37 equivalent, RefSeq or
 * Ensembl) on either build?  The transcripts are genes.tsv's transcript_refseq and transcript_ensembl. */
int genes_is_model_transcript(const gene_table_t *t, const char *gene, const char *tx);

#endif
