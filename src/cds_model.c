/*
 * cds_model.c - the KRAS/NRAS/BRAF/ERBB2 coding models: lookups and the genetic code.
 *
 * Design
 * ------
 * cds_model_t holds three klib-style arrays (n = used, m = allocated):
 * transcripts (cds_tx_t, one per gene and build, with its coding segments
 * sorted into coding order), genes (cds_gene_t: the coding sequence and the
 * protein, shared by both builds) and gene spans (cds_span_t, from the gene
 * table of genes.c: they let translate.c name a gene that has no exon model).
 * All strings are owned by the model; cds_model_destroy() frees everything.
 * The model is filled and checked by cds_load.c (the rules are there); this
 * file only answers questions about it: which transcript of a gene on a
 * build, genomic <-> CDS positions, a codon's amino acid, the amino acids'
 * one- and three-letter names.
 *
 * Nothing here prints, exits or uses globals other than const tables.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cds_model.h"

char cds_complement(char b)
{
    switch (b) {
    case 'A': case 'a': return 'T';
    case 'C': case 'c': return 'G';
    case 'G': case 'g': return 'C';
    case 'T': case 't': return 'A';
    case 'N': case 'n': return 'N';
    default: return 0;
    }
}

int cds_base_index(char b)
{
    switch (b) {
    case 'T': case 't': return 0;
    case 'C': case 'c': return 1;
    case 'A': case 'a': return 2;
    case 'G': case 'g': return 3;
    default: return -1;
    }
}

/* the amino acids' one- and three-letter names (HGVS), the one table of them */
static const struct { char one; const char *three; } aa_names[] = {
    { 'A', "Ala" }, { 'R', "Arg" }, { 'N', "Asn" }, { 'D', "Asp" }, { 'C', "Cys" },
    { 'Q', "Gln" }, { 'E', "Glu" }, { 'G', "Gly" }, { 'H', "His" }, { 'I', "Ile" },
    { 'L', "Leu" }, { 'K', "Lys" }, { 'M', "Met" }, { 'F', "Phe" }, { 'P', "Pro" },
    { 'S', "Ser" }, { 'T', "Thr" }, { 'W', "Trp" }, { 'Y', "Tyr" }, { 'V', "Val" },
    { 'U', "Sec" }, { 'O', "Pyl" }, { 'X', "Xaa" }, { '*', "Ter" },
};

const char *cds_aa3(char aa)
{
    for (size_t i = 0; i < sizeof(aa_names) / sizeof(aa_names[0]); i++)
        if (aa_names[i].one == aa) return aa_names[i].three;
    return NULL;
}

char cds_aa1(const char *s)
{
    for (size_t i = 0; s && i < sizeof(aa_names) / sizeof(aa_names[0]); i++)
        if (!strncmp(s, aa_names[i].three, 3)) return aa_names[i].one;
    return 0;
}

/* standard genetic code, bases ordered T C A G */
static const char genetic_code[65] =
    "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

char cds_translate_codon(const char *codon)
{
    if (!codon) return 0;
    int a = cds_base_index(codon[0]);
    if (a < 0) return 0;
    int b = cds_base_index(codon[1]);
    if (b < 0) return 0;
    int c = cds_base_index(codon[2]);
    if (c < 0) return 0;
    return genetic_code[a * 16 + b * 4 + c];
}

/* ------------------------------------------------------------ init/destroy */

void cds_model_init(cds_model_t *m)
{
    if (m) memset(m, 0, sizeof(*m));
}

static void tx_destroy(cds_tx_t *t)
{
    free(t->gene); free(t->chrom); free(t->transcript);
    free(t->tx_refseq); free(t->tx_ensembl); free(t->seg);
}

void cds_model_destroy(cds_model_t *m)
{
    if (!m) return;
    for (int i = 0; i < m->n_tx; i++) tx_destroy(&m->tx[i]);
    for (int i = 0; i < m->n_gene; i++) {
        free(m->gene[i].gene); free(m->gene[i].cds); free(m->gene[i].protein);
    }
    for (int i = 0; i < m->n_span; i++) { free(m->span[i].gene); free(m->span[i].chrom); }
    free(m->tx); free(m->gene); free(m->span);
    memset(m, 0, sizeof(*m));
}

/* ----------------------------------------------------------------- lookups */

const cds_tx_t *cds_model_tx(const cds_model_t *m, const char *gene, genome_build_t build)
{
    if (!m || !gene) return NULL;
    for (int i = 0; i < m->n_tx; i++)
        if (m->tx[i].build == build && !strcmp(m->tx[i].gene, gene)) return &m->tx[i];
    return NULL;
}

cds_gene_t *cds_model_find_gene(const cds_model_t *m, const char *gene)
{
    for (int i = 0; i < m->n_gene; i++)
        if (!strcmp(m->gene[i].gene, gene)) return &m->gene[i];
    return NULL;
}

const cds_gene_t *cds_model_gene(const cds_model_t *m, const char *gene)
{
    if (!m || !gene) return NULL;
    return cds_model_find_gene(m, gene);
}

const cds_span_t *cds_model_span(const cds_model_t *m, const char *gene, genome_build_t build)
{
    if (!m || !gene) return NULL;
    for (int i = 0; i < m->n_span; i++)
        if (m->span[i].build == build && !strcmp(m->span[i].gene, gene)) return &m->span[i];
    return NULL;
}

int cds_tx_g2c(const cds_tx_t *tx, int64_t gpos, int *iseg)
{
    if (iseg) *iseg = -1;
    if (!tx) return 0;
    for (int i = 0; i < tx->n; i++) {
        const cds_segment_t *s = &tx->seg[i];
        if (gpos < s->start || gpos > s->end) continue;
        if (iseg) *iseg = i;
        if (tx->strand == '+') return s->c_first + (int)(gpos - s->start);
        return s->c_first + (int)(s->end - gpos);
    }
    return 0;
}

int64_t cds_tx_c2g(const cds_tx_t *tx, int cpos)
{
    if (!tx) return 0;
    for (int i = 0; i < tx->n; i++) {
        const cds_segment_t *s = &tx->seg[i];
        if (cpos < s->c_first || cpos > s->c_last) continue;
        if (tx->strand == '+') return s->start + (cpos - s->c_first);
        return s->end - (cpos - s->c_first);
    }
    return 0;
}

