/* assembly.h - telling a VCF header's genome build (GRCh37 or GRCh38). */
#ifndef MCRC_ASSEMBLY_H
#define MCRC_ASSEMBLY_H

#include <stdint.h>
#include <htslib/vcf.h>
#include "mcrc.h"

typedef struct {
    genome_build_t build; char chrom[8]; int64_t length; char refseq[16];
} assembly_row_t;

typedef struct {
    assembly_row_t *row; int nrow;
    struct { int build; char word[32]; } *word; int nword;   /* build 0 = unsupported */
} assembly_t;

typedef struct {
    genome_build_t build;   /* BUILD_UNKNOWN when the header does not say */
    int unsupported;        /* the header names a build we do not support (NCBI36, T2T, ...) */
    char how[256];          /* e.g. "##contig length of chr17 (83257441)" */
    genome_build_t named;   /* the build a ##reference/##assembly line names, even when contig lengths decided */
    char named_how[200];    /* e.g. "##reference=file:///ref/hs37d5.fa (names hs37d5)" */
} build_evidence_t;

int assembly_load(assembly_t *a, const char *assemblies_tsv, const char *refnames_tsv, mcrc_err_t *err);
void assembly_destroy(assembly_t *a);

/* Build of a header.  A header whose contig lengths point to both builds is an error. */
int assembly_detect(const assembly_t *a, const bcf_hdr_t *hdr, build_evidence_t *out, mcrc_err_t *err);

/* The build a RefSeq accession such as NC_000017.11 belongs to, or BUILD_UNKNOWN. */
genome_build_t assembly_accession_build(const assembly_t *a, const char *name);

#endif
