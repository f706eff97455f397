/*
 * refdata.h - the built-in reference data of a run, loaded once: the gene table, the assembly table,
 * the copy-number and allele-fraction field tables, the hotspot classes and the coding models
 * (design comment: refdata.c).
 */
#ifndef MCRC_REFDATA_H
#define MCRC_REFDATA_H

#include "assembly.h"
#include "cds_model.h"
#include "copy_number.h"
#include "genes.h"
#include "mcrc.h"
#include "segments.h"
#include "small_variant.h"
#include "vaf.h"

typedef struct refdata {
    gene_table_t genes;         /* annotations/genes.tsv */
    assembly_t assembly;        /* assemblies.tsv, reference-names.tsv */
    cn_fields_t cn_fields;      /* copy-number-fields.tsv */
    vaf_table_t vaf_fields;     /* allele-fraction-fields.tsv */
    sv_hotspots_t hot;          /* hotspot-classes.tsv */
    seg_dialects_t seg_dialects; /* segment-dialects.tsv */
    cds_model_t model;          /* cds_exons.tsv, cds.fa, proteins.fa, hotspots.tsv, and the gene table's spans */
} refdata_t;

/* Load every built-in table (embedded_get); 0, or MCRC_E_INTERNAL with a message naming the table.
 * refdata_destroy is due either way. */
int refdata_load(refdata_t *rd, mcrc_err_t *err);
void refdata_destroy(refdata_t *rd);

/* SHA-256 (hex) of the built-in tables (embedded_tables[], in order): the report's data checksum.
 * 0, or -1 if the digest failed. */
int refdata_sha256(char out[65]);

#endif
