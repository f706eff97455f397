/*
 * region_index.c - the part of a .tbi/.csi index that the gene regions need.
 *
 * Why not htslib's index API (hts_idx_load3() and hts_itr_query(), tried in
 * issue 15): on Debian 12's htslib 1.16 a truncated CSI makes hts_idx_load3()
 * abort (free(): invalid pointer, in hts_idx_destroy() on its error path),
 * and an index whose depth had bits flipped made hts_itr_query() loop past
 * 20 s; the flip property test found both within 1,500 damaged indexes.  An
 * input must never crash or hang the run, so the index is parsed here, where
 * every field is checked.  It is read through BGZF, so a local file, a URL
 * (DATA.tbi/DATA.csi beside it, read where it is, never saved) and an index
 * the user names (FILE##idx##INDEX) all work as in htslib's tools.  Measure
 * again with each htslib release (tests/flip, --ops index-*).
 *
 * htslib's hts_idx_load() builds the whole index in memory: every bin of
 * every sequence, in hash tables.  On a whole-genome file that is 12 MB and
 * 25 ms, most of an indexed run, for four gene regions.  Here the index is
 * read once, front to back, and only the chunks of the bins that overlap a
 * region are kept; everything else is skipped in place in the decompressed
 * block.  Memory is a few chunks per region, whatever the file's size.
 *
 * Formats (SAMv1/tabix specifications, little-endian, BGZF-compressed):
 *   TBI: "TBI\1", n_ref, format, col_seq, col_beg, col_end, meta, skip,
 *        l_nm, names; per sequence: n_bin, bins (bin, n_chunk, chunks of
 *        two virtual offsets), n_intv, linear offsets (one per 16 kb).
 *        min_shift 14, 5 levels.
 *   CSI: "CSI\1", min_shift, depth, l_aux, aux (for a text file the same
 *        fields as TBI's from format to the names), n_ref; per sequence:
 *        n_bin, bins (bin, loffset, n_chunk, chunks).  No linear index.
 *   Level l's bins are numbered from (8^l - 1) / 7; a bin of level l covers
 *   2^(min_shift + 3 (depth - l)) bases.  The bin after the last real one
 *   holds two pseudo-chunks: the sequence's offsets and its record counts.
 *
 * A region's chunks are those of every bin that overlaps it; the lowest
 * offset the region can need (the linear offset of its first 16 kb window,
 * or the loffset of the deepest bin over its start) bounds the start, but
 * does not drop chunks as hts_itr_query() does: the start is the lower of
 * the two, so one damaged offset cannot hide a record another still names.
 *
 * Trust: an index is used only where it can be checked to fit the file.
 * Every offset (chunks, linear offsets, loffsets) must lie inside the data
 * file; the names list must hold as many names as the index counts; bins
 * must be real bin numbers; min_shift and depth must address the whole of
 * each queried sequence.  Anything else is a damaged index: the caller warns
 * and streams the file.  And the reader (input.c) does not stop where the
 * chunks end: it reads on, from the query's start, until a record past the
 * region (or of the next sequence, or the end of the file) shows that the
 * region is over, so that a bin emptied or dropped from the index cannot
 * hide a record.  The start is the first chunk's, or where no chunk overlaps
 * the region, the lowest offset the index still vouches for: the linear
 * offset of the region's window (TBI; past the last window, the last one),
 * the loffset of the deepest bin over the region's start or the end of the
 * bins that lie wholly before it (CSI); with none of these, the end of the
 * earlier sequences' data.  start_kind tells the reader what may lie there
 * (region_index.h).  That start is still the index's word: the reader accepts
 * it only when the file proves it (a record of the sequence before the
 * region, or another sequence's record before the sequence's first), and
 * otherwise falls back to earlier starts (before_beg, prev_beg, the first
 * record of the file): a bin renumbered to a neighbour's must not empty a
 * region.
 */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <htslib/hfile.h>
#include "region_index.h"
#include "mcrc.h"
#include "util.h"

#define PSEUDO_BIN(lv) ((((1u << (3 * (lv) + 3)) - 1) / 7) + 1)

static uint64_t le64(const uint8_t *b) { return le32(b) | (uint64_t)le32(b + 4) << 32; }

/* n bytes from the index into out (NULL: skip them), in place in BGZF's block. 0 ok, -1 short. */
static int take(BGZF *fp, void *out, size_t n)
{
    uint8_t *o = out;
    while (n) {
        if (fp->block_offset >= fp->block_length) {
            if (bgzf_read_block(fp) < 0 || fp->block_length == 0) return -1;
        }
        size_t k = (size_t)(fp->block_length - fp->block_offset);
        if (k > n) k = n;
        if (o) { memcpy(o, (uint8_t *)fp->uncompressed_block + fp->block_offset, k); o += k; }
        fp->block_offset += (int)k;
        n -= k;
    }
    return 0;
}

static int take_i32(BGZF *fp, int32_t *v)
{
    uint8_t b[4];
    if (take(fp, b, 4)) return -1;
    *v = (int32_t)le32(b);
    return 0;
}

static int take_u64(BGZF *fp, uint64_t *v)
{
    uint8_t b[8];
    if (take(fp, b, 8)) return -1;
    *v = le64(b);
    return 0;
}

/* the tabix fields (format .. skip, l_nm, names) of a TBI header (avail < 0) or a text CSI's aux block
 * of avail bytes (the rest of it skipped) */
static int take_names(region_index_t *ri, int32_t avail)
{
    uint8_t h[28];
    if ((avail >= 0 && avail < 28) || take(ri->fp, h, 28)) return -1;
    ri->l_names = (int32_t)le32(h + 24);
    if (ri->l_names < 0 || ri->l_names > (1 << 30) || (avail >= 0 && ri->l_names > avail - 28)) return -1;
    ri->names = malloc((size_t)ri->l_names + 1);
    if (!ri->names || take(ri->fp, ri->names, (size_t)ri->l_names)) return -1;
    ri->names[ri->l_names] = 0;
    return avail < 0 ? 0 : take(ri->fp, NULL, (size_t)(avail - 28 - ri->l_names));
}

int ri_open(region_index_t *ri, const char *data_fn, const char *idx_fn, int is_bcf, mcrc_err_t *why)
{
    memset(ri, 0, sizeof(*ri));
    static const char *const ext[2][3] = { { "tbi", "csi", NULL }, { "csi", NULL, NULL } };   /* htslib's order */
    size_t l = strlen(data_fn);
    struct stat sd, si;
    int local = stat(data_fn, &sd) == 0, local_idx = 0;
    if (idx_fn) {                       /* FILE##idx##INDEX: the index the user named, and no other */
        if (!(ri->path = strdup(idx_fn))) { mcrc_fail(why, MCRC_E_INPUT, "out of memory"); return -1; }
        local_idx = !hisremote(idx_fn) && stat(idx_fn, &si) == 0;
    } else {
        if (!(ri->path = malloc(l + 5))) { mcrc_fail(why, MCRC_E_INPUT, "out of memory"); return -1; }
        for (int i = 0; ext[is_bcf][i]; i++) {
            snprintf(ri->path, l + 5, "%s.%s", data_fn, ext[is_bcf][i]);
            if (local) {
                if (stat(ri->path, &si) == 0) { local_idx = 1; break; }
            } else if ((ri->fp = bgzf_open(ri->path, "r"))) {
                break;                  /* a URL: the index beside it, read where it is (no copy is saved) */
            }
        }
        if (local ? !local_idx : !ri->fp) return 0;
    }
    if (!(ri->shown = url_redact_dup(ri->path))) { mcrc_fail(why, MCRC_E_INPUT, "out of memory"); return -1; }
    /* an index older than its data was made for another version of the file: its offsets cannot be trusted */
    if (local && local_idx && si.st_mtime < sd.st_mtime) {
        mcrc_fail(why, MCRC_E_INPUT, "the index %s is older than the file", ri->shown);
        return -1;
    }
    if (!ri->fp) ri->fp = bgzf_open(ri->path, "r");
    if (!ri->fp) { mcrc_fail(why, MCRC_E_INPUT, "cannot open the index %s: %s", ri->shown, strerror(errno)); return -1; }
    uint8_t magic[4];
    if (take(ri->fp, magic, 4)) goto bad;
    if (!memcmp(magic, "TBI\1", 4) && !is_bcf) {
        ri->min_shift = 14; ri->n_lvls = 5;
        if (take_i32(ri->fp, &ri->n_ref) || take_names(ri, -1)) goto bad;
    } else if (!memcmp(magic, "CSI\1", 4)) {
        ri->is_csi = 1;
        int32_t l_aux;
        if (take_i32(ri->fp, &ri->min_shift) || take_i32(ri->fp, &ri->n_lvls) || take_i32(ri->fp, &l_aux)) goto bad;
        if (ri->min_shift < 1 || ri->min_shift > 30 || ri->n_lvls < 1 || ri->n_lvls > 9 || l_aux < 0) goto bad;
        if (!is_bcf) { if (take_names(ri, l_aux)) goto bad; }
        else if (take(ri->fp, NULL, (size_t)l_aux)) goto bad;
        if (take_i32(ri->fp, &ri->n_ref)) goto bad;
    } else {
        mcrc_fail(why, MCRC_E_INPUT, "%s is not a %s index", ri->shown, is_bcf ? "CSI" : "tabix or CSI");
        return -1;
    }
    if (ri->n_ref < 0) goto bad;
    /* the names list must hold n_ref names (a short list would shift every sequence onto another's name) */
    if (ri->names) {
        int32_t count = 0;
        for (int32_t i = 0; i < ri->l_names; i++) if (!ri->names[i]) count++;
        if (count < ri->n_ref) goto bad;
    }
    return 1;
bad:
    mcrc_fail(why, MCRC_E_INPUT, "the index %s is truncated or damaged", ri->shown);
    return -1;
}

/* level of a bin and the bases it covers, [*b, *e) */
static void bin_span(const region_index_t *ri, uint32_t bin, int64_t *b, int64_t *e)
{
    int l = ri->n_lvls;
    while (l > 0 && bin < ((1u << (3 * l)) - 1) / 7) l--;
    uint32_t first = ((1u << (3 * l)) - 1) / 7;
    int s = ri->min_shift + 3 * (ri->n_lvls - l);
    *b = (int64_t)(bin - first) << s;
    *e = *b + ((int64_t)1 << s);
}

static int add_chunk(ri_query_t *q, uint64_t beg, uint64_t end)
{
    if (q->n == q->m) {
        int m = q->m ? 2 * q->m : 16;
        ri_chunk_t *c = realloc(q->c, (size_t)m * sizeof(*c));
        if (!c) return -1;
        q->c = c; q->m = m;
    }
    q->c[q->n].beg = beg;
    q->c[q->n].end = end;
    q->n++;
    return 0;
}

static int chunk_cmp(const void *a, const void *b)
{
    const ri_chunk_t *x = a, *y = b;
    return x->beg < y->beg ? -1 : x->beg > y->beg;
}

/* sort the chunks and merge the ones that touch.  Chunks that end before min_off are kept: the reader starts at
 * the lower of the first chunk and min_off, so a damaged loffset or linear offset cannot move the start past a
 * record that an intact chunk still names (hts_itr_query() drops them; this reader trusts the index less). */
static void finish_query(ri_query_t *q)
{
    int k = q->n;
    if (!k) return;
    qsort(q->c, (size_t)k, sizeof(*q->c), chunk_cmp);
    int o = 0;
    for (int i = 1; i < k; i++) {
        if (q->c[i].beg <= q->c[o].end) { if (q->c[i].end > q->c[o].end) q->c[o].end = q->c[i].end; }
        else q->c[++o] = q->c[i];
    }
    q->n = o + 1;
}

int ri_read(region_index_t *ri, ri_query_t *q, int nq, int64_t data_size, uint64_t data_off, const int64_t *max_len, mcrc_err_t *why)
{
    BGZF *fp = ri->fp;
    uint32_t pseudo = PSEUDO_BIN(ri->n_lvls);
    int ret = -1;
    /* an offset is inside the file when its block starts before the file's end, or is the end itself (a last chunk's end) */
    const uint64_t lim = data_size > 0 ? (uint64_t)data_size : UINT64_MAX;
#define INSIDE(voff) (((voff) >> 16) <= lim)
    uint64_t prev_end = data_off;          /* the end of the earlier sequences' chunks */
    uint64_t prev_beg = 0, prev_beg_end = 0; /* the start of the earlier sequences' last chunk (the one ending last) */
    for (int k = 0; k < nq; k++) {
        q[k].n = 0; q[k].min_off = 0;
        q[k].loff_span = 0; q[k].before_end = 0; q[k].before_beg = 0; q[k].prev_beg = 0; q[k].seen = 0;
        q[k].start = 0; q[k].start_kind = RI_START_AT;
        /* the bins must address the whole sequence */
        if (q[k].tid >= 0 && ri->min_shift + 3 * ri->n_lvls < 62 && max_len[k] > ((int64_t)1 << (ri->min_shift + 3 * ri->n_lvls))) {
            mcrc_fail(why, MCRC_E_INPUT, "the index %s cannot address the whole sequence (min_shift %d, depth %d)", ri->shown, ri->min_shift, ri->n_lvls);
            goto done;
        }
    }
    for (int32_t tid = 0; tid < ri->n_ref; tid++) {
        int mine = 0;
        uint64_t seq_end = 0;
        uint64_t seq_beg = 0, seq_beg_end = 0;
        for (int k = 0; k < nq; k++) if (q[k].tid == tid) { mine = 1; q[k].start = prev_end; q[k].prev_beg = prev_beg; }
        int32_t n_bin;
        if (take_i32(fp, &n_bin) || n_bin < 0) goto bad;
        for (int32_t i = 0; i < n_bin; i++) {
            uint8_t b[8];
            uint32_t bin;
            uint64_t loff = 0;
            int32_t n_chunk;
            if (take(fp, b, 4)) goto bad;
            bin = le32(b);
            if (bin > pseudo) goto bad;
            if (ri->is_csi && (take_u64(fp, &loff) || !INSIDE(loff))) goto bad;
            if (take_i32(fp, &n_chunk) || n_chunk < 0) goto bad;
            if (bin == pseudo) {
                uint64_t v[4];
                if (n_chunk != 2) goto bad;
                for (int j = 0; j < 4; j++) if (take_u64(fp, &v[j])) goto bad;
                ri->have_stats = 1;
                ri->n_records += v[2] + v[3];
                continue;
            }
            int64_t bb, be;
            bin_span(ri, bin, &bb, &be);
            uint32_t want = 0, before = 0;
            for (int k = 0; k < nq && mine; k++) {
                if (q[k].tid != tid) continue;
                q[k].seen = 1;
                if (bb < q[k].end && be > q[k].beg) want |= 1u << k;
                if (be <= q[k].beg) before |= 1u << k;
                /* CSI: the loffset of the deepest bin that holds the region's start */
                if (ri->is_csi && bb <= q[k].beg && q[k].beg < be && (!q[k].loff_span || be - bb < q[k].loff_span)) {
                    q[k].min_off = loff;
                    q[k].loff_span = be - bb;
                }
            }
            for (int32_t j = 0; j < n_chunk; j++) {
                uint8_t c[16];
                if (take(fp, c, 16)) goto bad;
                uint64_t cb = le64(c), ce = le64(c + 8);
                if (!INSIDE(cb) || !INSIDE(ce) || ce < cb) goto bad;
                if (ce > seq_end) seq_end = ce;
                if (ce > seq_beg_end) { seq_beg_end = ce; seq_beg = cb; }
                for (int k = 0; k < nq; k++) {
                    if ((before & (1u << k)) && ce > q[k].before_end) { q[k].before_end = ce; q[k].before_beg = cb; }
                    if ((want & (1u << k)) && add_chunk(&q[k], cb, ce) < 0) { mcrc_fail(why, MCRC_E_INPUT, "out of memory"); goto done; }
                }
            }
        }
        if (!ri->is_csi) {
            int32_t n_intv;
            if (take_i32(fp, &n_intv) || n_intv < 0) goto bad;
            for (int32_t i = 0; i < n_intv; i++) {
                uint64_t off;
                if (take_u64(fp, &off)) goto bad;
                if (!INSIDE(off)) goto bad;
                if (!mine) continue;
                for (int k = 0; k < nq; k++) {
                    if (q[k].tid != tid) continue;
                    q[k].seen = 1;
                    /* the region's window; a region past the last window starts from the last one */
                    if ((int64_t)i == q[k].beg >> ri->min_shift || (i == n_intv - 1 && (int64_t)i < q[k].beg >> ri->min_shift))
                        q[k].min_off = off;
                }
            }
        }
        for (int k = 0; k < nq; k++) {
            if (q[k].tid != tid) continue;
            finish_query(&q[k]);
            /* where the reader starts: see the design comment */
            uint64_t lb = q[k].min_off;
            int kind = RI_START_AT;
            if (q[k].before_end > lb) { lb = q[k].before_end; kind = RI_START_AFTER; }
            if (!q[k].seen || !lb) { lb = q[k].start; kind = RI_START_BLIND; }
            if (q[k].n && q[k].c[0].beg <= lb) { lb = q[k].c[0].beg; kind = RI_START_AT; }
            q[k].start = lb;
            q[k].start_kind = kind;
        }
        if (seq_end > prev_end) prev_end = seq_end;
        if (seq_beg_end > prev_beg_end) { prev_beg_end = seq_beg_end; prev_beg = seq_beg; }
    }
#undef INSIDE
    for (int k = 0; k < nq; k++)
        if (q[k].tid >= ri->n_ref) { q[k].start = prev_end; q[k].start_kind = RI_START_BLIND; }   /* a sequence the index does not list */
    ret = 0;
    goto done;
bad:
    mcrc_fail(why, MCRC_E_INPUT, "the index %s is truncated or damaged", ri->shown);
done:
    bgzf_close(ri->fp);
    ri->fp = NULL;
    return ret;
}

void ri_destroy(region_index_t *ri)
{
    if (ri->fp) bgzf_close(ri->fp);
    free(ri->path);
    free(ri->shown);
    free(ri->names);
    memset(ri, 0, sizeof(*ri));
}

void ri_query_free(ri_query_t *q)
{
    free(q->c);
    q->c = NULL;
    q->n = q->m = 0;
}
