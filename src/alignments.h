/* alignments.h - read depth and alt reads at the hotspot codons from the tumour's BAM/CRAM (--alignments;
 * design comment: alignments.c). */
#ifndef MCRC_ALIGNMENTS_H
#define MCRC_ALIGNMENTS_H

#include <htslib/sam.h>
#include "assembly.h"
#include "input.h"
#include "mcrc.h"
#include "small_variant.h"

typedef struct {
    /* options */
    const char *fn;           /* --alignments FILE (FILE##idx##INDEX allowed), NULL: none */
    char *label;              /* FILE as messages and the report show it (sio_name_dup), once opened */
    int min_mapq, min_baseq;  /* --min-mapq [20], --min-baseq [20] */
    int skip_sample_check;    /* --skip-sample-check */
    /* state */
    samFile *fp;
    sam_hdr_t *hdr;
    hts_idx_t *idx;
    char *sample;             /* the read groups' one SM (sanitised), NULL if none */
    char format[8];           /* "BAM" or "CRAM" */
    int index_checked;        /* the index was checked against the file's reads (alignments.c: index_matches) */
    int nsite_read;           /* hotspot codons read */
} aln_t;

/* Open the file, its header and its index (a missing index is an error); a CRAM needs fasta_fn
 * (--fasta) and never reaches the network for its reference.  Reads the read groups' SM. */
int aln_open(aln_t *a, const char *fasta_fn, mcrc_err_t *err);

/* The read groups' sample must be the tumour sample of every input that has one (else -s, else the
 * check cannot be made): an error unless --skip-sample-check. */
int aln_check_sample(const aln_t *a, const input_t *in, int nin, const char *samples_opt, mcrc_err_t *err);

/* Depth per base and reads per codon at every hotspot codon of sv (the build is resolved); a codon
 * whose three bases reach --min-depth is marked covered.  as: the build's contig lengths (the @SQ
 * length of each gene's chromosome must be the build's). */
int aln_read_sites(aln_t *a, sv_state_t *sv, const assembly_t *as, mcrc_err_t *err);

/* After the calls are read: flag reads that show a change no call includes, and used calls the reads
 * do not support, with a note on each compared call (alignments_compare.c). */
int aln_compare(const aln_t *a, sv_state_t *sv, mcrc_err_t *err);

void aln_close(aln_t *a);

#endif
