/*
 * input_region.c - reading the gene regions through the file's index (the index itself: region_index.c).
 *
 * Each target's contig is found among the index's sequence names (text) or the header's contigs (BCF); the
 * index must name only the header's contigs.  A gene's contig the index does not name sends the whole file to
 * the stream: the index can only say "nothing there", which a foreign index would say too.  Then each region
 * is read from a start the file must prove (seek_region, read_region): no record of the region is used until
 * the file shows that nothing lies before the start, and the read goes on to a record past the region, never
 * stopping where the index's chunks end.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <pthread.h>
#include <htslib/bgzf.h>
#include <htslib/hfile.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "extent.h"
#include "input.h"
#include "sha256.h"
#include "safe_io.h"
#include "util.h"
#include "input_priv.h"

/* Indexed access: find each target's contig in the file and read, from the index, the chunks
 * that can hold its records.  0 ok, <0 the index cannot be read (why). */
/* 0: the regions' queries are ready; 1: stream the file instead (a gene's contig the index does not name);
 * -1: the index does not fit the file (why says why) */
int inp_load_regions(input_t *in, const target_set_t *ts, mcrc_err_t *why)
{
    /* the index belongs to this file only if every sequence it names is a contig of the header (where the
     * header lists contigs): a damaged or foreign names list would send a gene's query nowhere */
    if (!in->is_bcf && in->ri.names && in->hdr->n[BCF_DT_CTG] > 0) {
        const char *name = in->ri.names;
        for (int i = 0; i < in->ri.n_ref && name < in->ri.names + in->ri.l_names; i++, name += strlen(name) + 1)
            if (bcf_hdr_name2id(in->hdr, name) < 0) {
                char nm[64];
                text_sanitize(name, nm, sizeof(nm));
                mcrc_fail(why, MCRC_E_INPUT, "the index %s names a sequence the header does not list (%s)", in->ri.shown, nm);
                return -1;
            }
    }
    for (int k = 0; k < ts->n; k++) in->q[k].tid = -1;
    /* each target's contig: the first sequence whose name means it ("17", "chr17", "NC_000017.11", ...;
     * contig_canonical(), as for streamed records) */
    int nseq = in->is_bcf ? in->hdr->n[BCF_DT_CTG] : in->ri.n_ref;
    const char *name = in->is_bcf ? NULL : in->ri.names;
    for (int i = 0; i < nseq; i++) {
        if (in->is_bcf) name = bcf_hdr_id2name(in->hdr, i);
        else if (i > 0) name += strlen(name) + 1;
        if (!in->is_bcf && name >= in->ri.names + in->ri.l_names) break;
        char canon[8];
        if (!name || strlen(name) >= sizeof(in->q_name[0]) || contig_canonical(name, canon)) continue;
        for (int k = 0; k < ts->n; k++)
            if (in->q[k].tid < 0 && !strcmp(ts->t[k].chrom, canon)) {
                in->q[k].tid = i;
                snprintf(in->q_name[k], sizeof(in->q_name[k]), "%s", name);
            }
    }
    /* a gene's contig the index does not name: the index says it holds no record, which is all a foreign or
     * stale index would say too, and nothing here can check it -- so the file is streamed (quietly: a
     * copy-number file with no segment on chr1 is common, and small) */
    for (int k = 0; k < ts->n; k++)
        if (!in->is_bcf && in->q[k].tid < 0) return 1;
    for (int k = 0; k < ts->n; k++) {
        const target_t *t = &ts->t[k];
        ri_query_t *q = &in->q[k];
        /* ERBB2's contig is read from its start: a segment that starts long before the gene decides it, and an
         * index places a record by the END its maker could read (a BCF's rlen, tabix's END=); one whose
         * extent comes from SVLEN, an END of another type, or a broken END is indexed at its POS and would be
         * missed.  Read whole, every record before the gene is seen and judged as the stream judges it (at
         * about a thirtieth of a genome's records).  KRAS/NRAS/BRAF are read from the gene's start: only a
         * symbolic allele or a reference block can reach them by such an extent, and neither decides a
         * mutation (a block missed makes wild-type at most no-mutation-detected). */
        q->beg = t->gene == GENE_ERBB2 ? 0 : t->start - 1;
        q->end = t->end;
    }
    int64_t max_len[MAX_TARGETS];
    for (int k = 0; k < ts->n; k++) {
        int64_t l = in->is_bcf && in->q[k].tid >= 0 ? inp_contig_length(in, in->q[k].tid)
                    : in->q[k].tid >= 0 ? inp_contig_length(in, bcf_hdr_name2id(in->hdr, in->q_name[k])) : 0;
        max_len[k] = l > ts->t[k].end ? l : ts->t[k].end;
    }
    in->data_off = (uint64_t)bgzf_tell(in->fp->fp.bgzf);
    return ri_read(&in->ri, in->q, ts->n, in->size, in->data_off, max_len, why);
}

/* A chunk of a contig's bins holds only that contig's records: anything else means the index was made
 * for another file (or another version of this one), and reading on could miss records in silence. */
static int index_mismatch(input_t *in, mcrc_err_t *err)
{
    char ix[512];
    text_sanitize(in->ri.shown, ix, sizeof(ix));
    return mcrc_fail(err, MCRC_E_INPUT, "%s: the index %s does not match the file (it points at a record of another contig, or into the middle of one); rebuild the index, or use --no-index", in->label, ix);
}

/*
 * Where a region's read starts: attempt 0 is the index's start (region_index.c); when the file does not
 * prove it, earlier ones: the start of the chunk wholly before the region that ends last (1), of the
 * earlier sequences' last chunk (2), the first record (3).  Each must lie before the one that failed.
 * 0 and the seek done, or <0 (an error; also when no earlier start is left, which a correct reader never reaches).
 */
static int seek_region(input_t *in, const ri_query_t *q, mcrc_err_t *err)
{
    for (;;) {
        int a = in->rattempt++;
        uint64_t s = a == 0 ? q->start : a == 1 ? q->before_beg : a == 2 ? q->prev_beg : a == 3 ? in->data_off : 0;
        /* a read from the first record proves itself, so no fifth start is ever asked for: if one is, fail
         * rather than call the region empty */
        if (a > 3 || (a == 3 && in->rstart == in->data_off))
            return mcrc_fail(err, MCRC_E_INTERNAL, "%s: the read of a gene region could not be proven complete", in->label);
        if (a == 0 && s < in->data_off) return index_mismatch(in, err);   /* the index points into the header */
        if ((a == 1 || a == 2) && (s < in->data_off || s >= in->rstart)) continue;    /* none, or not earlier */
        in->rstart = s;
        in->rkind = a == 0 ? q->start_kind : a == 1 ? RI_START_AT : RI_START_BLIND;
        in->rproven = s == in->data_off;      /* from the first record, nothing can lie before */
        in->rcrossed = 0;
        if (bgzf_seek(in->fp->fp.bgzf, (int64_t)s, SEEK_SET) < 0)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: the file is truncated or corrupt (its index points past the data)", in->label);
        in->ichunk = 0;
        return 0;
    }
}

/*
 * The next record of target itarget, read through the index: seek to a start (seek_region), then read on
 * in file order until a record past the region, a record of the next contig, or the end of the file says
 * the region is over.  Chunk ends are not trusted to say so: a bin emptied or dropped from the index must
 * not hide a record.  Nor is the start trusted: no record of the region is returned until the file shows
 * that none lies before the start -- a record of the region's contig before the region's first base, or a
 * record of another contig just before the region's contig's first, or the start being the file's first
 * record.  A record of the region (or the end of the file) before that proof sends the read back to an
 * earlier start (a bin renumbered to a neighbour's would otherwise empty the region).  What a record of
 * another contig at the start means depends on where the start came from (RI_START_*): the index was made
 * for another file (an error), or a record to step over.
 * A text line that cannot touch a gene (line_may_touch) is not parsed.  1 a record, 0 done, <0 error.
 */
int inp_read_region(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
{
    BGZF *fp = in->fp->fp.bgzf;
    const ri_query_t *q = &in->q[in->itarget];
    int r;
    if (in->ichunk < 0) {
        in->rattempt = 0;
        in->rstart = UINT64_MAX;
        if ((r = seek_region(in, q, err)) != 0) return r;
    }
    if (in->ichunk > 1) return 0;
    /* the index's own chunks for the region run to here: another contig's record before it is a contradiction */
    uint64_t chunks_end = q->n ? q->c[q->n - 1].end : 0;
    for (;;) {
        uint64_t off = (uint64_t)bgzf_tell(fp);
        int64_t pos = -1;        /* the record's 0-based POS when it is of the region's contig */
        int other = 0, eof = 0;
        if (in->is_bcf) {
            r = inp_read_bcf(in, rec, err);      /* bcf_read() with its checks */
            if (r < 0 && off == in->rstart && in->rkind != RI_START_BLIND && !in->rproven) return index_mismatch(in, err);   /* the index sent us to no record's start */
            if (r < 0) return r;
            if (r == 0) eof = 1;
            else if (rec->rid != q->tid) other = 1;
            else pos = rec->pos;
        } else {
            r = bgzf_getline(fp, '\n', &in->line);
            if (r == -1 && !fp->errcode) eof = 1;
            else if (r < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: the file is truncated or corrupt (decompression failed)", in->label);
            else {
                chomp_cr(&in->line);
                if (!in->line.l || in->line.s[0] == '#') {
                    if (in->line.l && in->rkind != RI_START_BLIND && !in->rproven) return index_mismatch(in, err);   /* the index points into the header */
                    continue;
                }
                in->nrec++;
                if (!(in->nrec & 0xFFFFF)) inp_progress(in);
                const char *s = in->line.s, *t1 = memchr(s, '\t', in->line.l);
                size_t nl = strlen(in->q_name[in->itarget]);
                if (!t1) pos = INT64_MAX;            /* no columns: parse_text_line names the fault */
                else if ((size_t)(t1 - s) != nl || memcmp(s, in->q_name[in->itarget], nl)) other = 1;
                else {
                    const char *p = t1 + 1;
                    int64_t v = 0;
                    while (*p >= '0' && *p <= '9' && v < INT64_MAX / 16) v = v * 10 + (*p++ - '0');
                    pos = p > t1 + 1 && *p == '\t' ? v - 1 : INT64_MAX;   /* a bad POS: parse_text_line names it */
                }
            }
        }
        if (eof) {
            if (in->ichunk == 1 || in->rproven) { in->ichunk = 2; return 0; }
            if ((r = seek_region(in, q, err)) != 0) return r;
            continue;
        }
        if (other) {
            if (in->ichunk == 1) {
                if (off < chunks_end) return index_mismatch(in, err);
                in->ichunk = 2;
                return 0;
            }
            /* the index's own start (attempt 0) names a record of this contig there */
            if (in->rattempt == 1 && (off < chunks_end || in->rkind == RI_START_AT)) return index_mismatch(in, err);
            in->rcrossed = 1;         /* another contig's record: if this contig's come next, all of them are ahead */
            continue;
        }
        if (!in->rproven && in->ichunk == 0) {
            if (in->rcrossed || (pos >= 0 && pos < q->beg)) in->rproven = 1;   /* the region is ahead */
            else {
                if ((r = seek_region(in, q, err)) != 0) return r;
                continue;
            }
        }
        in->ichunk = 1;
        if (pos >= q->end && pos != INT64_MAX) { in->ichunk = 2; return 0; }
        if (in->is_bcf) return 1;
        if (!memchr(in->line.s, 0, in->line.l) && !inp_line_may_touch(in, ts, in->line.s, in->line.l)) continue;
        return inp_parse_text_line(in, rec, err);
    }
}

