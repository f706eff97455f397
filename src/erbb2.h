/* erbb2.h - the ERBB2 (HER2) amplification rule. */
#ifndef MCRC_ERBB2_H
#define MCRC_ERBB2_H

#include <htslib/kstring.h>
#include "copy_number.h"
#include "facts.h"
#include "genes.h"
#include "mcrc.h"
#include "reason.h"

typedef struct {
    double amp_cn;        /* --amp-cn: amplified at or above, over the whole gene [6] */
    double equivocal_cn;  /* --equivocal-cn: equivocal at or above [4] */
} erbb2_thresholds_t;


/* The segments over ERBB2 that one run keeps, a bound on memory and on the report: past it the input is
 * refused, not judged in part. */
#define ERBB2_MAX_SEGMENTS 2000

/*
 * Add s to segs[0..*nseg) (grown as needed, *mseg allocated): 1 added; 0 when an equal segment is there
 * already (a repeat adds nothing to the rule; the caller counts it); <0 past ERBB2_MAX_SEGMENTS or out of memory.
 */
int erbb2_segment_add(cn_segment_t **segs, int *nseg, int *mseg, const cn_segment_t *s, mcrc_err_t *err);

/* Keep only the segments matched against build's gene span; returns how many remain. */
int erbb2_segments_of_build(cn_segment_t *segs, int nseg, genome_build_t build);

typedef struct {
    biomarker_status_t status;
    char basis[32];       /* whole-gene, partial, no-call-in-cnv-input, conflict, no-magnitude,
                             filtered-gain, inputs-disagree, no-copy-number-input,
                             no-chr17-in-copy-number-input, gene-not-in-segments */
    kstring_t reason;     /* plain words for the clinician: why this status (never cut short; erbb2_call_destroy) */
    char code[32];        /* the reason's id in annotations/reasons.xml, the same in every language */
    int has_cn;
    double cn_min, cn_max;        /* over the parts of the gene that called segments cover */
    int64_t amp_start, amp_end;   /* the part at or above amp_cn, for a partial amplification */
    int ninputs_used;
} erbb2_call_t;

/*
 * Decide ERBB2 from the copy-number segments that overlap the gene span.
 * segs[i].input indexes inputs[] from 1 (reasons name them "Input N": the provenance maps numbers
 * to paths).  Sets segs[i].used / .note.  The reason is worded in rc's language.
 */
int erbb2_decide(const gene_span_t *gene, cn_segment_t *segs, int nseg,
                 const input_facts_t *inputs, int ninputs, const erbb2_thresholds_t *th,
                 const reason_ctx_t *rc, erbb2_call_t *out, mcrc_err_t *err);
void erbb2_call_destroy(erbb2_call_t *c);

#endif
