/*
 * annot_parse.h - parse the consequence annotations that VEP (INFO/CSQ, or
 * VEP text under another tag such as ANN), SnpEff (INFO/ANN, old INFO/EFF),
 * bcftools csq (INFO/BCSQ) and Hartwig PAVE (INFO/PAVE_TI) write into a VCF,
 * select the entries for one ALT allele and choose one entry per gene.
 *
 * Pure C11 + libc: no htslib, no printing, no exit().  Negative ANNOT_E_*
 * codes on error, with the message in the caller's mcrc_err_t where there is
 * one.  Implemented in annot_format.c (the header's field list),
 * annot_parse.c (entries, alleles, choice) and annot_protein.c (protein
 * names); each has its design comment.
 */
#ifndef MCRC_ANNOT_PARSE_H
#define MCRC_ANNOT_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include "mcrc.h"
#include "genes.h"

#define ANNOT_E_ARG    (-1)   /* NULL argument */
#define ANNOT_E_NOMEM  (-2)
#define ANNOT_E_FORMAT (-3)   /* header description not recognised */
#define ANNOT_E_TOOBIG (-4)   /* output buffer too small / input too large */

typedef enum {
    ANNOT_UNKNOWN = 0,
    ANNOT_VEP,          /* Ensembl VEP, any tag name (CSQ, ANN, vep, ...) */
    ANNOT_SNPEFF_ANN,   /* SnpEff ANN standard */
    ANNOT_SNPEFF_EFF,   /* old SnpEff EFF: Effect(Impact|...) */
    ANNOT_BCSQ,         /* bcftools csq */
    ANNOT_PAVE          /* Hartwig PAVE_TI */
} annot_kind_t;

/* Field indices within one entry (-1 = absent).  For EFF, field 0 is the
 * effect name before '(' and the fields inside the parentheses follow. */
typedef struct {
    annot_kind_t kind;
    int n_fields;
    int i_allele, i_consequence, i_impact, i_symbol, i_gene, i_feature, i_biotype;
    int i_hgvsc, i_hgvsp, i_codons, i_amino_acids, i_protein_position;
    int i_canonical, i_mane_select, i_mane, i_pick, i_allele_num, i_strand, i_dna_change;
} annot_format_t;

/* One annotation entry.  Strings are never NULL ("" when absent) and point
 * into the annot_list_t buffer: valid until the next annot_parse() on that
 * list or annot_list_destroy(). */
typedef struct {
    const char *allele;        /* as written ("-", "T", SnpEff "G-C", EFF genotype) */
    const char *consequence;   /* '&'-separated terms; BCSQ '*' prefix removed */
    const char *impact;
    const char *symbol;        /* gene symbol */
    const char *gene_id;       /* Ensembl gene id (VEP Gene, SnpEff Gene_ID) */
    const char *transcript;    /* Feature / Feature_ID / transcript */
    const char *biotype;
    const char *hgvsc;         /* VEP HGVSc, SnpEff HGVS.c (BCSQ: see dna_change) */
    const char *hgvsp;         /* annotator style, URL escapes decoded: VEP HGVSp,
                                  SnpEff HGVS.p, EFF Amino_Acid_Change, BCSQ amino_acid_change */
    const char *codons, *amino_acids, *protein_position, *dna_change, *strand;
    int canonical;             /* VEP CANONICAL=YES */
    int mane_select;           /* VEP MANE_SELECT non-empty, or MANE containing "Select" */
    int pick;                  /* VEP PICK=1 */
    int allele_num;            /* VEP ALLELE_NUM / EFF Genotype_Number if numeric, else -1 */
    int downstream_of_stop;    /* BCSQ '*' prefix */
    int64_t backref_pos;       /* BCSQ "@POS" entry (other fields ""), else 0 */
    int allele_matched;        /* 1 = matched to the requested ALT, 0 = kept without allele info */
} annot_entry_t;

typedef struct {
    int n, m;                  /* entries used / allocated */
    annot_entry_t *a;
    size_t l_buf, m_buf;       /* private copy of the annotation value */
    char *buf;
    int n_f, m_f;              /* scratch field pointers */
    char **f;
} annot_list_t;

/* Which ALT of the VCF record to keep.  alts[0..n_alt) are the VCF ALT
 * strings, ialt is 0-based; ialt < 0 (or a NULL annot_allele_t) keeps all. */
typedef struct {
    const char *ref;
    const char *const *alts;
    int n_alt;
    int ialt;
} annot_allele_t;

typedef enum {
    ANNOT_CHOSE_NONE = 0,        /* no entry for the gene */
    ANNOT_CHOSE_MANE,            /* MANE Select flag or the named MANE transcript */
    ANNOT_CHOSE_CANONICAL,       /* CANONICAL=YES */
    ANNOT_CHOSE_PROTEIN_CODING,  /* first protein-coding entry */
    ANNOT_CHOSE_FIRST            /* first entry of the gene (no biotype information) */
} annot_choice_t;

void annot_format_init(annot_format_t *fmt);

/* Parse an INFO header Description (with or without the surrounding quotes,
 * or the whole ##INFO line).  Returns 0 or ANNOT_E_ARG / ANNOT_E_FORMAT. */
int annot_format_parse(const char *description, annot_format_t *fmt);

/* Standard layout of a kind, for files without a usable header line. */
int annot_format_default(annot_kind_t kind, annot_format_t *fmt);

void annot_list_init(annot_list_t *l);
void annot_list_destroy(annot_list_t *l);

/* Parse an INFO value (e.g. the text after "CSQ=") and keep the entries of
 * the requested allele.  Returns the number of entries kept (>= 0) or a
 * negative code.  An empty value or "." gives 0 entries. */
int annot_parse(const annot_format_t *fmt, const char *value, const annot_allele_t *allele,
                annot_list_t *out, mcrc_err_t *err);

/* Index of the preferred entry for gene (KRAS, NRAS, BRAF, ERBB2 or any
 * symbol) or -1; *why (may be NULL) says which rule chose it.  genes (may be
 * NULL) names the model transcripts (genes.tsv: MANE Select and its GRCh37
 * equivalent), known by their id whatever flags the entry carries. */
int annot_choose(const annot_list_t *l, const gene_table_t *genes, const char *gene, annot_choice_t *why);

/* Protein change in our short style: "ENSP..:p.Gly12Asp" -> "p.G12D",
 * "p.Ser60%3D" -> "p.S60=", "p.Gln61Ter" -> "p.Q61*", "p.G12D" unchanged,
 * BCSQ "12G>12D" -> "p.G12D", EFF "G12D" or "p.Gly12Asp/c.35G>A" -> "p.G12D".
 * Returns 0 (converted), 1 (not recognised: out gets the input unchanged,
 * or "" for empty input), ANNOT_E_ARG or ANNOT_E_TOOBIG. */
int annot_protein_short(const char *in, char *out, size_t outlen);

/* Does the '&'-separated consequence string contain term? */
int annot_has_term(const char *consequence, const char *term);

/* Decode %XX escapes in place (VEP writes %3D for '=', %3B ';', %2C ','). */
void annot_url_decode(char *s);

const char *annot_kind_name(annot_kind_t k);
const char *annot_strerror(int code);

#endif
