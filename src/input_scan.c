/*
 * input_scan.c - the fast paths of a stream: each VCF line or BCF record is looked at in place, in BGZF's
 * decompressed block, and only one that can touch a gene (or one whose structure cannot be vouched for without
 * parsing) goes to the full parser (input.c).  --parse-all turns this off.
 *
 * Why hand-written: the goal is a stream no slower than 1.5x `bgzip -dc` (README).  With htslib's own reading
 * (hts_getline() for text, bcf_read() for BCF) a text stream measured 1.92x bgzip on htslib 1.16, so the text
 * scanner earns its place; the BCF decoder reads the typed record header in place for the same reason (bcf_read()
 * alone already beats `bcftools view -T`).  Both rely on BGZF's public fields (uncompressed_block, block_offset,
 * block_length, bgzf_read_block()), as in htslib 1.10 to 1.21.  Measure again (bench/run.sh, the rows
 * "streamed VCF.gz" and "streamed BCF") with each new htslib: once hts_getline() is within the target, delete
 * this file's text path, and its BCF path once bcf_read() is.
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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <htslib/hfile.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "extent.h"
#include "input.h"
#include "sha256.h"
#include "safe_io.h"
#include "util.h"
#include "input_priv.h"

/*
 * Tabs in s[0, n), and where the first `want` of them are (pos[], offsets into s).  Every line of a stream
 * is scanned once by this, so it is on the hot path: sixteen bytes at a time with SSE2 (every x86-64 has
 * it), whose compare gives a bit per tab; elsewhere a byte loop.  Measured with callgrind on bench/'s
 * 100,000-line VCF.gz: the byte loop and an eight-byte SWAR version cost 3 to 5 times these instructions.
 */
static size_t scan_tabs(const char *s, size_t n, size_t *pos, int want)
{
    size_t c = 0, i = 0;
    int got = 0;
#if defined(__SSE2__)
    const __m128i tab = _mm_set1_epi8('\t');
    for (; i + 16 <= n; i += 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), tab));
        for (; m; m &= m - 1, c++)
            if (got < want) pos[got++] = i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < n; i++)
        if (s[i] == '\t') {
            if (got < want) pos[got++] = i;
            c++;
        }
    return c;
}

size_t inp_count_tabs(const char *s, size_t n)
{
    return scan_tabs(s, n, NULL, 0);
}


/*
 * The fast path for text streams.  Decompressing is the floor; what costs on
 * top of it is copying each line and parsing it into a bcf1_t.  So lines are
 * found in place in BGZF's decompressed block, and only a line that can touch
 * a gene is copied and parsed: its CHROM must be one of a gene's chromosomes
 * and then POS, the length of REF, a symbolic ALT or an END=/SVLEN= in the
 * line decide.  Every other line costs a memchr() and a comparison.
 * (--parse-all turns this off: every line is parsed, and so validated.)
 */
static target_mask_t chrom_mask_text(input_t *in, const target_set_t *ts, const char *chrom, size_t l)
{
    if (l == in->last_chrom_len && l < sizeof(in->last_chrom) && !memcmp(chrom, in->last_chrom, l)) return in->last_chrom_mask;
    char name[64], canon[8];
    target_mask_t m = 0;
    if (l < sizeof(name)) {
        memcpy(name, chrom, l);
        name[l] = 0;
        if (!contig_canonical(name, canon))
            for (int k = 0; k < ts->n; k++)
                if (!strcmp(ts->t[k].chrom, canon)) m |= 1u << k;
        memcpy(in->last_chrom, name, l + 1);
        in->last_chrom_len = l;
        in->last_chrom_mask = m;
        in->last_chrom_bm = -1;          /* its gene span: computed by line_may_touch for the build mask in force */
        in->last_chrom_bp = inp_contig_length(in, bcf_hdr_name2id(in->hdr, name));
    } else {
        m = TARGET_MASK_UNKNOWN;   /* an odd, long name: let the full parser decide */
    }
    return m;
}

static int has_key(const char *s, size_t n, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = s; (p = memchr(p, key[0], n - (size_t)(p - s))) && (size_t)(s + n - p) >= k; p++)
        if (!memcmp(p, key, k) && (p[-1] == '\t' || p[-1] == ';')) return 1;
    return 0;
}

/* The INFO column info[0, n) of a line at pos: 1 if it has an END= that record_extent() could refuse or that
 * another reading of it could take differently (not a plain whole number from POS to the contig's end, or twice),
 * 0 if it has none or a plain one. */
static int end_suspect(const input_t *in, const char *info, size_t n, int64_t pos)
{
    int seen = 0;
    if (!memchr(info, 'E', n)) return 0;
    /* key by key (a memmem() per line costs more than the keys do) */
    for (const char *p = info, *e = info + n, *next; p < e; p = next + 1) {
        next = memchr(p, ';', (size_t)(e - p));
        if (!next) next = e;
        if (next - p < 4 || memcmp(p, "END=", 4)) continue;
        if (seen++) return 1;
        int64_t v = 0;
        const char *q = p + 4;
        while (q < next && *q >= '0' && *q <= '9' && v < ((int64_t)1 << 40)) v = v * 10 + (*q++ - '0');
        if (q == p + 4 || q != next || v < pos || v >= ((int64_t)1 << 31)) return 1;
        if (in->last_chrom_bp > 0 && v > in->last_chrom_bp) return 1;
    }
    return 0;
}

/* From the first gene start to the last gene end among targets m of the candidate builds; 0 if there is none. */
static int contig_genes_span(const input_t *in, const target_set_t *ts, target_mask_t m, int64_t *min_start, int64_t *max_end)
{
    int bm = input_build_mask(in);
    *min_start = INT64_MAX;
    *max_end = 0;
    for (int k = 0; k < ts->n; k++)
        if ((m & (1u << k)) && (bm & (1 << ts->t[k].build))) {
            if (ts->t[k].start < *min_start) *min_start = ts->t[k].start;
            if (ts->t[k].end > *max_end) *max_end = ts->t[k].end;
        }
    return *max_end > 0;
}

/*
 * Can this raw line touch a gene, or is it one the full parser must judge?  1 yes, 0 no.
 * A line is stepped over only when its structure is sound as far as it can be seen without parsing:
 * a CHROM, a whole-number POS, the #CHROM line's number of columns, and an END= (if any) that is a plain
 * whole number from POS to the contig's end.  Anything else goes to inp_parse_text_line() and overlap(),
 * whose verdict (an error) is the same as --parse-all's.  INFO and FORMAT values are not decoded.
 */
int inp_line_may_touch(input_t *in, const target_set_t *ts, const char *s, size_t n)
{
    /* one pass: every tab counted, the first eight (columns 2 to 9) placed */
    size_t t[8];
    size_t tabs = scan_tabs(s, n, t, 8);
    if (tabs != in->ntabs || tabs < 7 || t[0] == 0) return 1;       /* wrong column count, or no CHROM */
    const char *e = s + n, *p = s + t[0] + 1;
    int64_t pos = 0;
    while (*p >= '0' && *p <= '9' && pos < INT64_MAX / 16) pos = pos * 10 + (*p++ - '0');
    if (p == s + t[0] + 1 || p != s + t[1]) return 1;   /* a bad POS: the parser reports it */
    target_mask_t m = chrom_mask_text(in, ts, s, t[0]);
    const char *info = s + t[6] + 1, *info_end = tabs > 7 ? s + t[7] : e;
    if (end_suspect(in, info, (size_t)(info_end - info), pos)) return 1;
    if (m == TARGET_MASK_UNKNOWN) return 1;                   /* an odd, long name: the parser decides */
    int bm = input_build_mask(in);
    if (in->last_chrom_bm != bm) {
        in->last_chrom_genes = contig_genes_span(in, ts, m, &in->last_chrom_min, &in->last_chrom_max);
        in->last_chrom_bm = bm;
    }
    if (!in->last_chrom_genes) return 0;                      /* no gene on this chromosome */
    int64_t min_start = in->last_chrom_min, max_end = in->last_chrom_max;
    if (pos > max_end) return 0;             /* past every gene: END, checked above, cannot run backwards */
    const char *ref = s + t[2] + 1, *ref_end = s + t[3], *alt = ref_end + 1, *alt_end = s + t[4];
    if (pos + (ref_end - ref) - 1 >= min_start) return 1;
    if (memchr(alt, '<', (size_t)(alt_end - alt))) return 1;     /* a symbolic ALT */
    return has_key(info, (size_t)(info_end - info), "END=") || has_key(info, (size_t)(info_end - info), "SVLEN=");
}

/*
 * The next block of a text stream's bytes, where they already are: BGZF's decompressed block (BGZF and
 * plain gzip alike; a used-up block is left as bgzf_read() leaves it, as a plain gzip stream refills from
 * offset 0 only), or, uncompressed, our buffer filled by hread().  Sets in->blk/in->nblk/in->oblk.
 * 1 bytes, 0 the end of the stream, <0 a read or decompression error.
 */
static int text_fill(input_t *in)
{
    if (in->fp->is_bgzf) {
        BGZF *fp = in->fp->fp.bgzf;
        if (in->blk && fp->block_offset < fp->block_length) fp->block_offset = fp->block_length;
        if (!in->blk && fp->block_offset < fp->block_length) {      /* what the header read left */
            in->blk = (char *)fp->uncompressed_block;
            in->oblk = (size_t)fp->block_offset;
            in->nblk = (size_t)fp->block_length;
            fp->block_offset = fp->block_length;
            return 1;
        }
        fp->block_offset = fp->block_length = 0;
        if (bgzf_read_block(fp) < 0 || fp->errcode) return -1;
        if (fp->block_length == 0) return 0;
        in->blk = (char *)fp->uncompressed_block;
        in->oblk = 0;
        in->nblk = (size_t)fp->block_length;
        fp->block_offset = fp->block_length;
        return 1;
    }
    if (!in->rbuf && !(in->rbuf = malloc(TEXT_BUF))) return -2;
    ssize_t got = hread(in->fp->fp.hfile, in->rbuf, TEXT_BUF);
    if (got < 0) return -1;
    in->blk = in->rbuf;
    in->oblk = 0;
    in->nblk = (size_t)got;
    return got > 0;
}

/*
 * Next record of a text stream, every compression alike.  Lines are found in place in the stream's blocks;
 * on the fast path only a line that can touch a gene, or that the full parser must judge (line_may_touch),
 * is copied and parsed, and every other line costs a scan for its tabs; with --parse-all every line is
 * parsed.  The stream's end is accepted only when the reader reports no error, and a last line without
 * its newline is a file cut short.  1 ok, 0 end, <0 error.
 */
int inp_read_text(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
{
    for (;;) {
        const char *line;
        size_t n;
        if (in->oblk >= in->nblk) {
            int r = text_fill(in);
            if (r == -2) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
            if (r < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the file is truncated or corrupt (%s failed)", in->label,
                                        (long long)in->lineno + 1, in->fp->is_bgzf ? "decompression" : "reading");
            if (r == 0) {
                if (!in->carry.l) return 0;
                return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the last line has no end-of-line: the file is truncated", in->label, (long long)in->lineno + 1);
            }
        }
        {
            char *start = in->blk + in->oblk, *end = in->blk + in->nblk;
            char *nl = memchr(start, '\n', (size_t)(end - start));
            if (!nl) {
                if (kputsn(start, (size_t)(end - start), &in->carry) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
                in->oblk = in->nblk;
                continue;
            }
            in->oblk = (size_t)(nl + 1 - in->blk);
            if (in->carry.l) {
                if (kputsn(start, (size_t)(nl - start), &in->carry) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
                line = in->carry.s; n = in->carry.l;
                in->carry.l = 0;    /* the bytes stay valid until the next append */
            } else {
                line = start; n = (size_t)(nl - start);
            }
        }
        in->lineno++;
        if (n && line[n - 1] == '\r') n--;
        if (!n) continue;
        in->nrec++;
        if (!(in->nrec & 0xFFFFF)) inp_progress(in);
        if (in->fast && line[0] != '#' && !memchr(line, 0, n) && !inp_line_may_touch(in, ts, line, n)) continue;
        /* a candidate: copy it and let htslib parse it, with every check */
        in->line.l = 0;
        if (kputsn(line, n, &in->line) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        return inp_parse_text_line(in, rec, err);
    }
}

/*
 * The fast path for BCF streams.  bcf_read() copies each record out of
 * BGZF's block and checks all of it before its contig and position can be
 * looked at; on a whole genome that costs more than decompressing.  But a
 * BCF2 record starts with fixed-width fields (little-endian):
 *
 *   uint32 l_shared, uint32 l_indiv      the sizes of the two parts below
 *   shared part, l_shared bytes:
 *     int32 CHROM (a header contig id), int32 POS (0-based), int32 rlen,
 *     float QUAL, uint32 n_info | n_allele << 16, uint32 n_sample | n_fmt << 24,
 *     then typed values: ID, the n_allele alleles (REF first), the FILTER
 *     vector, and n_info pairs of an INFO key (a typed integer, the header
 *     id) and its typed vector
 *   FORMAT part, l_indiv bytes: never looked at here
 *
 * A typed value is a descriptor byte -- the type in the low nibble (1 int8,
 * 2 int16, 3 int32, 5 float, 7 char; 0 missing, with no data), the count in
 * the high one, 15 meaning the count follows as a typed integer -- and then
 * the values.  So a record is looked at in place in the decompressed block
 * and decided by the rules of inp_line_may_touch(): CHROM, POS, rlen (which
 * htslib sets from END when it writes the record), a symbolic ALT, an END or
 * SVLEN key.  One that cannot touch a gene is stepped over without a copy,
 * across blocks where its FORMAT part runs on.  bcf_read() takes every other
 * record, with all its checks: a candidate, a record whose shared part is
 * not in one block (there is nothing in place to look at), and anything not
 * followed here (an unknown contig id, a negative rlen, a malformed typed
 * value), so that the error is the plain path's.  Records stepped over are
 * not validated; --parse-all reads every record through bcf_read().
 */
/* The typed integer at p (before e): sets *v, returns the byte after it; NULL if there is none. */
static const uint8_t *bcf_typed_int(const uint8_t *p, const uint8_t *e, int64_t *v)
{
    if (p >= e) return NULL;
    int type = *p++ & 0xf;
    size_t left = (size_t)(e - p);
    if (type == BCF_BT_INT8 && left >= 1) { *v = (int8_t)p[0]; return p + 1; }
    if (type == BCF_BT_INT16 && left >= 2) { *v = (int16_t)(p[0] | p[1] << 8); return p + 2; }
    if (type == BCF_BT_INT32 && left >= 4) { *v = (int32_t)le32(p); return p + 4; }
    return NULL;
}

/* The typed vector at p (before e): sets its type and size in bytes, returns where its values
 * start; NULL if it is malformed or runs past e. */
static const uint8_t *bcf_typed_vector(const uint8_t *p, const uint8_t *e, int *type, size_t *bytes)
{
    if (p >= e) return NULL;
    int64_t n = *p >> 4;
    *type = *p++ & 0xf;
    if (n == 15 && (!(p = bcf_typed_int(p, e, &n)) || n < 0)) return NULL;
    uint64_t w = *type == BCF_BT_INT8 || *type == BCF_BT_CHAR ? 1 : *type == BCF_BT_INT16 ? 2
               : *type == BCF_BT_INT32 || *type == BCF_BT_FLOAT ? 4 : 0;
    if (!w && !(*type == BCF_BT_NULL && n == 0)) return NULL;
    if ((uint64_t)n * w > (uint64_t)(e - p)) return NULL;
    *bytes = (size_t)((uint64_t)n * w);
    return p;
}

/* Can the BCF record whose shared part is s[0, n) touch a gene, or must bcf_read() judge it?  1 yes, 0 no.
 * As for text (line_may_touch): a record is stepped over only when what can be seen in place is sound --
 * a known contig, a sample count equal to the header's, well-formed typed values for ID, the alleles,
 * FILTER and every INFO key, and an END (if any) that is one whole number from POS to the contig's end
 * that agrees with rlen -- and it cannot reach a gene.  FORMAT is not looked at. */
static int bcf_may_touch(input_t *in, const target_set_t *ts, const uint8_t *s, size_t n)
{
    if (n < 24) return 1;
    int32_t rid = (int32_t)le32(s), rlen = (int32_t)le32(s + 8);
    uint32_t pos0 = le32(s + 4), n_info = le32(s + 16) & 0xffff, n_allele = le32(s + 16) >> 16;
    if (rid < 0 || rid >= in->hdr->n[BCF_DT_CTG] || !in->hdr->id[BCF_DT_CTG][rid].key) return 1;
    if ((le32(s + 20) & 0xffffff) != (uint32_t)bcf_hdr_nsamples(in->hdr)) return 1;
    if (rlen < 0 || pos0 > INT32_MAX) return 1;               /* htslib repairs or refuses these */
    target_mask_t m;
    int64_t min_start, max_end;
    if (inp_rid_targets(in, ts, rid, &m) < 0) return 1;           /* out of memory: overlap() says so */
    int gene_contig = contig_genes_span(in, ts, m, &min_start, &max_end);
    int64_t pos = (int64_t)pos0 + 1;
    const uint8_t *p = s + 24, *e = s + n;
    int type, symbolic = 0, has_end = 0, has_svlen = 0;
    size_t bytes;
    if (!(p = bcf_typed_vector(p, e, &type, &bytes))) return 1;          /* ID */
    p += bytes;
    for (uint32_t i = 0; i < n_allele; i++) {
        if (!(p = bcf_typed_vector(p, e, &type, &bytes)) || type != BCF_BT_CHAR) return 1;
        if (i > 0 && bytes > 0 && p[0] == '<') symbolic = 1;
        p += bytes;
    }
    if (!(p = bcf_typed_vector(p, e, &type, &bytes))) return 1;          /* FILTER */
    p += bytes;
    for (uint32_t i = 0; i < n_info; i++) {
        int64_t key;
        if (!(p = bcf_typed_int(p, e, &key)) || !(p = bcf_typed_vector(p, e, &type, &bytes))) return 1;
        if (key >= 0 && key == in->id_end) {
            /* END must be one whole number from POS to the contig's end, and agree with rlen */
            int64_t v;
            if (has_end || (type != BCF_BT_INT8 && type != BCF_BT_INT16 && type != BCF_BT_INT32)) return 1;
            if (!bcf_typed_int(p - 1, p + bytes, &v) || (size_t)(type == BCF_BT_INT8 ? 1 : type == BCF_BT_INT16 ? 2 : 4) != bytes) return 1;
            int64_t ctg_len = inp_contig_length(in, rid);
            if (v < pos || (ctg_len > 0 && v > ctg_len) || v - pos + 1 != rlen) return 1;
            has_end = 1;
        }
        if (key >= 0 && key == in->id_svlen) has_svlen = 1;
        p += bytes;
    }
    if (!gene_contig || pos > max_end) return 0;
    if (pos + (rlen > 0 ? rlen : 1) - 1 >= min_start) return 1;
    return symbolic || has_end || has_svlen;
}

/* Next candidate record of a BCF stream, stepping over the others in BGZF's blocks. 1 ok, 0 end, <0 error. */
int inp_read_bcf_fast(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
{
    BGZF *fp = in->fp->fp.bgzf;
    for (;;) {
        if (fp->block_offset >= fp->block_length) {
            /* leave a used-up block as bgzf_read() does: a plain gzip stream refills from offset 0 only */
            fp->block_offset = fp->block_length = 0;
            if (bgzf_read_block(fp) < 0) { in->nrec++; goto broken; }
            if (fp->block_length == 0) return 0;
        }
        const uint8_t *b = (const uint8_t *)fp->uncompressed_block + fp->block_offset;
        size_t avail = (size_t)(fp->block_length - fp->block_offset);
        if (avail < 8 || le32(b) > avail - 8 || bcf_may_touch(in, ts, b + 8, le32(b)))
            return inp_read_bcf(in, rec, err);          /* bcf_read() reads it from here, checks and all */
        uint64_t left = 8 + (uint64_t)le32(b) + le32(b + 4);
        in->nrec++;
        if (!(in->nrec & 0xFFFFF)) inp_progress(in);
        while (left > avail) {                      /* its FORMAT part runs on into the next blocks */
            left -= avail;
            fp->block_offset = fp->block_length = 0;
            if (bgzf_read_block(fp) < 0 || fp->block_length == 0) goto broken;
            avail = (size_t)fp->block_length;
        }
        fp->block_offset += (int)left;
    }
broken:
    return mcrc_fail(err, MCRC_E_INPUT, "%s: record %lld: the BCF data is truncated or corrupt", in->label, (long long)in->nrec);
}
