/*
 * translate.h - name the effect of a small VCF variant on the KRAS, NRAS,
 * BRAF or ERBB2 coding sequence (HGVS c./p., codons, consequence class) and
 * check the VCF REF against the model's coding sequence.
 *
 * Pure C11 + libc, no htslib, no printing.  See the design comment at the top
 * of translate.c for the rules.
 */
#ifndef MCRC_TRANSLATE_H
#define MCRC_TRANSLATE_H

#include <stdint.h>
#include "cds_model.h"
#include "reason.h"

/* results of translate_variant (results, not errors, except TR_E_NOMEM: see translate.c's design comment) */
#define TR_OK            0   /* *out filled (consequence may be VE_NOT_DETERMINED, see reason) */
#define TR_REF_MISMATCH  1   /* *out filled; VCF REF disagrees with the model: stop the run */
#define TR_E_ARG       (-1)  /* NULL model/out/chrom/ref/alt, pos < 1, empty REF */
#define TR_E_NOMEM     (-2)

#define TR_MAX_INDEL   60    /* longest REF/ALT (after trimming) that is named */
#define VE_STR_LEN     192
#define VE_SPLICE_REGION_BP 8   /* intronic bases beside an exon that count as its splice region */

typedef enum {
    VE_NOT_DETERMINED = 0,
    VE_MISSENSE,
    VE_SYNONYMOUS,
    VE_NONSENSE,
    VE_INFRAME_DELETION,
    VE_INFRAME_INSERTION,
    VE_FRAMESHIFT,
    VE_START_LOST,
    VE_STOP_LOST,
    VE_SPLICE_REGION_OR_INTRONIC,
    VE_OUTSIDE_CDS
} ve_consequence_t;

typedef enum {
    VE_REF_NOT_CHECKED = 0,   /* no model sequence at the variant (intron, NRAS non-hotspot, ERBB2, ...) */
    VE_REF_MATCH,
    VE_REF_MISMATCH
} ve_ref_status_t;

typedef struct {
    char gene[16];                 /* "" if the variant is in none of the modelled genes */
    char transcript[64];           /* e.g. "NM_004985.5|ENST00000311936.8" */
    char tx_refseq[32], tx_ensembl[32];
    ve_consequence_t consequence;
    char hgvs_c[VE_STR_LEN];       /* "c.35G>A", "c.34_35delinsTT", "c.111+1G>A", "" if not named */
    char hgvs_p[VE_STR_LEN];       /* short: "p.G12D", "p.G12=", "p.Q61*", "p.G12fs", "p.G13del" */
    char hgvs_p3[VE_STR_LEN];      /* long:  "p.Gly12Asp", "p.Gly12=", "p.Gln61Ter", "p.Gly12fs" */
    int first_codon, last_codon;   /* affected codons (0 if none) */
    int c_start, c_end;            /* CDS positions of the (3'-shifted) change, 0 if not in the CDS */
    int exon;                      /* exon number of the coding segment hit (0 if none) */
    int intron;                    /* intron number (= exon number upstream of it) for intronic variants */
    int splice_distance;           /* intronic: distance in bp to the nearest coding exon */
    ve_ref_status_t ref_status;
    int64_t mismatch_pos;          /* first mismatching genomic position (plus strand) */
    char expected_ref, found_ref;  /* plus-strand bases at mismatch_pos */
    reason_ref_t why;              /* why not determined / REF mismatch / a note (id NULL: none); reason.h words it */
} variant_effect_t;

/* Translate one ALT allele of a VCF record.
 *   chrom: with or without "chr"; pos: VCF POS (1-based); ref/alt: VCF alleles.
 * Shared prefix/suffix bases (including the VCF anchor base) are trimmed
 * first; indels are shifted 3' in the transcript before naming (HGVS rule).
 * Returns TR_OK, TR_REF_MISMATCH or a negative TR_E_* code (then out->why
 * says why). */
int translate_variant(const cds_model_t *m, genome_build_t build, const char *chrom, int64_t pos,
                      const char *ref, const char *alt, variant_effect_t *out);

const char *ve_consequence_name(ve_consequence_t c);   /* "missense", "frameshift", ... */

#endif
