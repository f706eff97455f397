/*
 * cds_model.h - coding-sequence models of KRAS, NRAS, BRAF and ERBB2 for
 * both genome builds, loaded from the text of annotations/ (cds_exons.tsv,
 * cds.fa, proteins.fa, hotspots.tsv) and the gene table (genes.c), and
 * validated on load (cds_load.c); lookups and the genetic code in cds_model.c.
 *
 * Pure C11 + libc: no htslib, no printing, no exit().  Functions return 0 on
 * success and a negative CDS_E_* code on failure, with a message in err
 * (mcrc_err_t; may be NULL).
 */
#ifndef MCRC_CDS_MODEL_H
#define MCRC_CDS_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "genes.h"
#include "mcrc.h"

/* error codes (all negative) */
#define CDS_E_NOMEM   (-1)   /* allocation failed */
#define CDS_E_PARSE   (-2)   /* malformed table / FASTA text */
#define CDS_E_INVALID (-3)   /* data parsed but fails a consistency check */
#define CDS_E_ARG     (-4)   /* bad argument (NULL pointer etc.) */
#define CDS_E_MISSING (-5)   /* an embedded file is missing */

/* One coding segment (the coding part of one exon), 1-based inclusive. */
typedef struct {
    int64_t start, end;      /* genomic, start <= end */
    int exon;                /* exon number as given in cds_exons.tsv */
    int c_first, c_last;     /* CDS positions c.c_first..c.c_last */
} cds_segment_t;

/* One transcript model: a gene on one build.  Segments in coding order. */
typedef struct {
    char *gene;              /* "KRAS" */
    genome_build_t build;
    char *chrom;             /* without "chr", e.g. "12" */
    char strand;             /* '+' or '-' */
    char *transcript;        /* as in the table, e.g. "NM_004985.5|ENST00000311936.8" */
    char *tx_refseq;         /* "NM_004985.5" (may be "" if absent) */
    char *tx_ensembl;        /* "ENST00000311936.8" (may be "" if absent) */
    int n, m;                /* used / allocated segments */
    cds_segment_t *seg;
    int cds_len;             /* sum of segment lengths */
    int64_t cds_min, cds_max;/* genomic extent of the coding segments */
} cds_tx_t;

/* Per-gene sequences (build independent). */
typedef struct {
    char *gene;
    char *cds;               /* coding strand, c.1..c.cds_len; '?' = unknown base */
    int cds_len;             /* 0 if no CDS and no partial CDS */
    int cds_complete;        /* 1 if the whole CDS came from cds.fa (validated) */
    char *protein;           /* without the terminal '*'; NULL if absent */
    int prot_len;
} cds_gene_t;

/* Gene span from the gene table (lets translate_variant name a gene that
 * has no exon model, e.g. ERBB2). */
typedef struct {
    char *gene;
    genome_build_t build;
    char *chrom;
    char strand;
    int64_t start, end;
} cds_span_t;

typedef struct {
    int n_tx, m_tx;     cds_tx_t   *tx;
    int n_gene, m_gene; cds_gene_t *gene;
    int n_span, m_span; cds_span_t *span;
    int n_hotspot_rows;  /* rows of hotspots.tsv accepted */
} cds_model_t;

void cds_model_init(cds_model_t *m);
void cds_model_destroy(cds_model_t *m);

/* Load exon model + CDS + protein text (NUL-terminated file contents).
 * cds_fa and proteins_fa may be NULL or "" (then no sequences).
 * Validates everything (see cds_load.c) and refuses inconsistent data. */
int cds_model_load(cds_model_t *m, const char *exons_tsv, const char *cds_fa,
                   const char *proteins_fa, mcrc_err_t *err);

/* Add hotspots.tsv: every row is checked against the exon model, the CDS and
 * the protein; reference codons of genes without a CDS (NRAS) are recorded as
 * a partial CDS.  Call after cds_model_load. */
int cds_model_add_hotspots(cds_model_t *m, const char *hotspots_tsv,
                           mcrc_err_t *err);

/* Add the gene table's spans (checked against the exon model). */
int cds_model_add_genes(cds_model_t *m, const gene_table_t *genes, mcrc_err_t *err);

/* Lookups (NULL if absent). */
const cds_tx_t   *cds_model_tx(const cds_model_t *m, const char *gene, genome_build_t build);
const cds_gene_t *cds_model_gene(const cds_model_t *m, const char *gene);
const cds_span_t *cds_model_span(const cds_model_t *m, const char *gene, genome_build_t build);
/* The same, writable: for the loader (cds_load.c). */
cds_gene_t *cds_model_find_gene(const cds_model_t *m, const char *gene);

/* Genomic position -> CDS position (1-based) on tx, or 0 if not in a coding
 * segment.  *iseg (may be NULL) gets the segment index or -1. */
int cds_tx_g2c(const cds_tx_t *tx, int64_t gpos, int *iseg);

/* CDS position (1-based) -> genomic position, or 0 if out of range. */
int64_t cds_tx_c2g(const cds_tx_t *tx, int cpos);

/* Standard genetic code: one-letter amino acid for a codon of ACGT (either
 * case), '*' for stop, 0 if the codon has any other character. */
char cds_translate_codon(const char *codon);

/* 0..3 for T, C, A, G (either case), -1 for any other character. */
int cds_base_index(char b);

/* The amino acids' names: one letter (or '*') -> three ("Gly", "Ter"), NULL if unknown; the three
 * letters at s ("Gly12Asp" -> 'G', "Ter" -> '*', case as written) -> one, 0 if none. */
const char *cds_aa3(char aa);
char cds_aa1(const char *s);

/* Complement of one base (ACGTN, either case, result upper case); 0 if not a base. */
char cds_complement(char b);

#endif
