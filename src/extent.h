/* extent.h - where a VCF/BCF record ends: one rule for every reader (fast path, --parse-all, index). */
#ifndef MCRC_EXTENT_H
#define MCRC_EXTENT_H

#include <stdint.h>
#include <htslib/vcf.h>
#include "copy_number.h"
#include "mcrc.h"

/* The last base a record covers, by each source that speaks for it. */
typedef struct {
    int64_t end;        /* the extent used: END, else |SVLEN| for a symbolic allele, else REF (rlen) */
    int64_t end_min, end_max;   /* the nearest and furthest any source puts it; == end when they agree */
    char how[160];      /* the sources, for a message when they disagree: "INFO/END=5000, INFO/SVLEN=200" */
} extent_t;

/*
 * Where does rec end?  Sources: INFO/END of any declared type (Integer, Float with a whole value,
 * String holding a whole number) or undeclared; |SVLEN| of a symbolic allele that replaces bases
 * (<DEL>, <DUP>, <CNV>, <INV>...; not <INS> or a breakend, whose SVLEN is not a span); and rlen,
 * which a BCF stores on its own.  rec must be unpacked to BCF_UN_INFO.
 * with_svlen: also read SVLEN (a reader asks only when the record could reach a gene: SVLEN only
 * extends forward).  ctg_len: the contig's ##contig length, or 0 when the header gives none.
 * Returns 0 with x set; <0 with a message (no place prefix) when the record's extent is not
 * understood: END or SVLEN not a whole number or with several values, END before POS, an end
 * at or beyond 2^31 or beyond the contig.  Sources that merely disagree are not an error here:
 * x->end_min and x->end_max differ and the caller decides whether that changes anything.
 */
int record_extent(const bcf_hdr_t *h, bcf1_t *rec, int is_bcf, int with_svlen, int64_t ctg_len,
                  cn_bufs_t *b, extent_t *x, mcrc_err_t *err);

/* The header's length of contig rid (##contig length=), 0 if it gives none. */
int64_t extent_contig_length(const bcf_hdr_t *h, int rid);

#endif
