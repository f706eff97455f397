/*
 * input.c - one VCF/BCF input, from path to the records that matter.
 *
 * Opening: htslib detects VCF, VCF.gz (BGZF or plain gzip) and BCF, from a
 * path, a URL htslib reads (https://, s3://, gs://...), FILE##idx##INDEX, or
 * "-" (standard input).  A text header is read line by line here, not by
 * bcf_hdr_read(), so that every later message can give the true 1-based line
 * number; CRLF line ends are tolerated.
 * Access: with an index (region_index.c reads only the bins over the gene
 * spans), the reader jumps to each gene span (input_region.c); a broken or stale index is warned about and the
 * file streamed instead; one that points at another contig's records is an
 * input error.  Otherwise it streams every record, and a record is handed on
 * only if [POS, END] overlaps a gene span of the input's candidate builds
 * (both while the build is unknown).  A stream takes a fast path
 * (input_scan.c): each VCF line or BCF record is first looked at in place in
 * BGZF's decompressed block, and only one that can touch a gene is parsed
 * (--parse-all parses them all).  The sample: input_sample.c; checksums:
 * input_hash.c.  Memory does not grow with the input: one line buffer, one
 * record, reused.
 *
 * Fail closed.  A report may rest only on a file read to its end without
 * error whose every record was understood.  So, on every path:
 *   - every record's structure is checked, skipped or not: a CHROM, a
 *     whole-number POS, the #CHROM line's column count (BCF: the header's
 *     sample count, well-formed typed values), an END that extent.c accepts;
 *     a record the fast path cannot vouch for goes to the full parser, whose
 *     verdict is --parse-all's;
 *   - a record's extent is record_extent()'s, the same rule everywhere;
 *   - the end of a stream counts only when the reader reports no error, and
 *     a text file whose last line has no newline is a file cut short;
 *   - an index is used only where region_index.c finds it fits the file, its
 *     start is proven from the file, and a region is read on until a record
 *     past it is seen;
 *   - a NUL byte in a header line is an error (it cut the sample list short).
 * Anything else is an input error naming the file and the record.
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

/* A contig's length: the header's ##contig length, else, for a human chromosome, its length on the input's
 * build (on either build while that is unknown: the longer), so that an END past a chromosome's end is caught
 * in headers that give no lengths (CNVkit writes none).  0 when neither is known. */
int64_t inp_contig_length(const input_t *in, int rid)
{
    int64_t l = extent_contig_length(in->hdr, rid);
    if (l > 0 || !in->asmb || rid < 0 || rid >= in->hdr->n[BCF_DT_CTG]) return l;
    char canon[8];
    if (contig_canonical(bcf_hdr_id2name(in->hdr, rid), canon)) return 0;
    for (int r = 0; r < in->asmb->nrow; r++) {
        const assembly_row_t *row = &in->asmb->row[r];
        if (strcmp(row->chrom, canon) || (in->build && row->build != in->build)) continue;
        if (row->length > l) l = row->length;
    }
    return l;
}

void input_where(const input_t *in, const bcf1_t *rec, char *buf, size_t n)
{
    size_t o = snprintf(buf, n, "%s: ", in->label);
    if (o < n && in->lineno > 0) o += snprintf(buf + o, n - o, "line %lld: ", (long long)in->lineno);
    else if (o < n && in->nrec > 0 && !in->indexed) o += snprintf(buf + o, n - o, "record %lld: ", (long long)in->nrec);
    if (o < n && rec && rec->rid >= 0 && in->hdr && rec->rid < in->hdr->n[BCF_DT_CTG]) {
        char chrom[64];
        const char *name = bcf_hdr_id2name(in->hdr, rec->rid);
        text_sanitize(name ? name : "?", chrom, sizeof(chrom));
        snprintf(buf + o, n - o, "%s:%lld: ", chrom, (long long)rec->pos + 1);
    }
}

/* Remember CHROM and POS of the raw line: vcf_parse() cuts the line up, and a message
 * about a line that did not parse still has to say where it was. */
static void note_raw_place(input_t *in)
{
    const char *s = in->line.s;
    for (int i = 0; i < 2; i++) {
        size_t l = strcspn(s, "\t");
        size_t k = l < sizeof(in->raw_place[i]) - 1 ? l : sizeof(in->raw_place[i]) - 1;
        memcpy(in->raw_place[i], s, k);
        in->raw_place[i][k] = 0;
        s += l;
        if (*s == '\t') s++;
    }
}

/* "FILE: line N: CHROM:POS: " for a raw text line (see note_raw_place); no "line N" through an index,
 * where line numbers are not known. */
static void where_raw(const input_t *in, char *buf, size_t n)
{
    char chrom[64], pos[32], line[40] = "";
    text_sanitize(in->raw_place[0], chrom, sizeof(chrom));
    text_sanitize(in->raw_place[1], pos, sizeof(pos));
    if (in->lineno > 0) snprintf(line, sizeof(line), "line %lld: ", (long long)in->lineno);
    if (chrom[0] && pos[0]) snprintf(buf, n, "%s: %s%s:%s: ", in->label, line, chrom, pos);
    else snprintf(buf, n, "%s: %s", in->label, line);
}

/* After a line failed to parse: was it cut short by broken compressed data? */
static int stream_broken(const input_t *in)
{
    const htsFormat *f = hts_get_format(in->fp);
    return (f->compression == bgzf || f->compression == gzip) && in->fp->fp.bgzf && in->fp->fp.bgzf->errcode;
}


/* Read a text header line by line (as vcf_hdr_read does) so line numbers stay exact. */
static int read_text_header(input_t *in, mcrc_err_t *err)
{
    kstring_t txt = { 0, 0, NULL };
    int ret, e = 0, saw_chrom = 0;
    while ((ret = hts_getline(in->fp, KS_SEP_LINE, &in->line)) >= 0) {
        in->lineno++;
        chomp_cr(&in->line);
        if (in->line.l == 0) continue;
        if (in->line.s[0] != '#') break;
        if (memchr(in->line.s, 0, in->line.l)) {
            free(txt.s);
            return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the header line contains a NUL byte", in->label, (long long)in->lineno);
        }
        if (in->line.s[1] != '#') in->ntabs = inp_count_tabs(in->line.s, in->line.l);
        e |= kputsn(in->line.s, in->line.l, &txt) < 0;
        e |= kputc('\n', &txt) < 0;
        if (in->line.s[1] != '#') { saw_chrom = 1; break; }
    }
    if (e) { free(txt.s); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    if (ret < -1) { free(txt.s); return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the file is truncated or corrupt (decompression failed in the header)", in->label, (long long)in->lineno + 1); }
    if (!txt.l) { free(txt.s); return mcrc_fail(err, MCRC_E_INPUT, "%s: no VCF header: the file is empty or does not start with '##' lines", in->label); }
    if (!saw_chrom) { free(txt.s); return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the header has no #CHROM line", in->label, (long long)in->lineno); }
    if (strncmp(txt.s, "##fileformat=VCF", 16)) { free(txt.s); return mcrc_fail(err, MCRC_E_INPUT, "%s: line 1: the header does not start with ##fileformat=VCF", in->label); }
    if ((ret = sio_header_contigs(txt.s, in->label, err)) < 0) { free(txt.s); return ret; }   /* htslib keeps the first silently */
    in->hdr = bcf_hdr_init("r");
    if (!in->hdr) { free(txt.s); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    ret = bcf_hdr_parse(in->hdr, txt.s);
    free(txt.s);
    if (ret < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: the VCF header could not be parsed (check the ## lines and the #CHROM line)", in->label);
    in->line.l = 0;      /* the line after #CHROM has not been read yet */
    return 0;
}

int input_open(input_t *in, const char *fn, int index, const input_opts_t *o, const assembly_t *a, mcrc_err_t *err)
{
    memset(in, 0, sizeof(*in));
    in->index = index;
    in->sample = -1;
    in->size = -1;
    in->verbosity = o->verbosity;
    in->asmb = a;
    int r;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    in->t_start = in->t_last = now.tv_sec + now.tv_nsec * 1e-9;
    /* FILE##idx##INDEX names the index, as in every htslib tool: the data is the part before the mark */
    const char *mark = strstr(fn, HTS_IDX_DELIM);
    in->fn = mark ? strndup(fn, (size_t)(mark - fn)) : strdup(fn);
    in->idx_fn = mark ? strdup(mark + strlen(HTS_IDX_DELIM)) : NULL;
    in->label = sio_name_dup(!strcmp(fn, "-") ? "(standard input)" : fn);     /* a pre-signed URL's credentials stay out */
    if (!in->fn || !in->label || (mark && !in->idx_fn)) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    fn = in->fn;

    struct stat st;
    int is_stdin = !strcmp(fn, "-"), found = !is_stdin && stat(fn, &st) == 0, stat_errno = errno;
    if (!is_stdin && !found && hisremote(fn)) {
        /* a URL (https://, s3://, gs://, ...): htslib reads it; it is not hashed (that would be a second download) */
        in->remote = 1;
        in->hash_skipped = "stream";
    } else if (!is_stdin) {
        if (!found) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", in->label, strerror(stat_errno));
        if (S_ISDIR(st.st_mode)) return mcrc_fail(err, MCRC_E_INPUT, "%s: is a directory, not a VCF/BCF file", in->label);
        r = sio_input_precheck(fn, o->no_index, err);   /* an index that is a FIFO */
        if (r < 0) return r;
        if (S_ISREG(st.st_mode)) { in->size = st.st_size; in->hash_wanted = o->checksum != CHECKSUM_NONE; }   /* hashed by inputs_hash_start() */
        if (!in->hash_wanted) in->hash_skipped = S_ISREG(st.st_mode) ? "option" : "stream";
    } else {
        in->hash_skipped = "stream";
    }
    /* an index the user names must be there (and not a FIFO): a named index that cannot be read is an error */
    if (in->idx_fn && !o->no_index && !hisremote(in->idx_fn) && (r = sio_need_regular(in->idx_fn, "index", 0, err)) < 0) return r;
    r = sio_open_input(fn, in->label, &in->fp, err);   /* xz/zstd/bzip2 are named, not abort()ed on */
    if (r < 0) return r;
    const htsFormat *f = hts_get_format(in->fp);
    snprintf(in->compression, sizeof(in->compression), "%s",
             f->compression == bgzf ? "bgzf" : f->compression == gzip ? "gzip" : f->compression == no_compression ? "none" : "other");
    if (f->format == bcf) {
        in->is_bcf = 1;
        snprintf(in->format, sizeof(in->format), "BCF");
    } else if (f->format == vcf) {
        snprintf(in->format, sizeof(in->format), "VCF");
    } else if (f->format == unknown_format || f->format == text_format || f->format == empty_format) {
        /* htslib calls text without ##fileformat "text": read it as VCF and let the header check speak */
        snprintf(in->format, sizeof(in->format), "VCF");
        if (f->format == empty_format) return mcrc_fail(err, MCRC_E_INPUT, "%s: the file is empty", in->label);
    } else {
        char *d = hts_format_description(f);
        int r = mcrc_fail(err, MCRC_E_INPUT, "%s: not a VCF or BCF file (it looks like %s)", in->label, d ? d : "another format");
        free(d);
        return r;
    }
    /* htslib only warns about a missing BGZF end-of-file marker; a cut-off file must not pass */
    if (f->compression == bgzf && (in->size >= 0 || in->remote) && bgzf_check_EOF(in->fp->fp.bgzf) == 0)
        return mcrc_fail(err, MCRC_E_INPUT, "%s: the file is truncated (the BGZF end-of-file marker is missing)", in->label);
    if (o->threads > 0 && hts_set_threads(in->fp, o->threads) != 0)
        return mcrc_fail(err, MCRC_E_INTERNAL, "%s: could not start %d decompression threads", in->label, o->threads);

    if (in->is_bcf) {
        in->hdr = bcf_hdr_read(in->fp);
        if (!in->hdr) return mcrc_fail(err, MCRC_E_INPUT, "%s: the BCF header is missing or corrupt", in->label);
    } else {
        if (f->format != vcf && f->format != text_format && f->format != unknown_format)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: not a VCF file", in->label);
        int r = read_text_header(in, err);
        if (r < 0) return r;
    }

    int id_svlen = bcf_hdr_id2int(in->hdr, BCF_DT_ID, "SVLEN"), id_end = bcf_hdr_id2int(in->hdr, BCF_DT_ID, "END");
    /* an index beside the file lets us jump to the genes */
    in->ichunk = -1;
    if (strcmp(fn, "-") && !o->no_index && f->compression == bgzf) {
        mcrc_err_t why = { "" };       /* why the index is refused: a warning, not an error */
        int r = ri_open(&in->ri, fn, in->idx_fn, in->is_bcf, &why);
        int lr = r > 0 ? inp_load_regions(in, o->targets, &why) : 0;
        if (lr < 0) r = -1;
        if (lr > 0) { ri_destroy(&in->ri); r = 0; }      /* a gene's contig unnamed: streamed */
        if (r < 0) {
            /* as htslib would: a broken index is not a broken input; read the whole file */
            if (in->verbosity >= 1) {
                char m[512];
                text_sanitize(why.msg, m, sizeof(m));
                fprintf(stderr, "mcrc-report: warning: %s: %s; reading the whole file instead\n", in->label, m);
            }
            ri_destroy(&in->ri);
        }
        in->indexed = r > 0;
        if (in->indexed) in->lineno = 0;      /* through an index, line numbers are not known */
        if (in->indexed && in->hash_wanted && o->checksum == CHECKSUM_AUTO) { in->hash_wanted = 0; in->hash_skipped = "index"; }
    }

    in->id_end = id_end;
    in->id_svlen = id_svlen;
    /* the fast paths read the stream's blocks in place: text of every compression (read_text), and BCF,
     * which htslib reads through BGZF whatever its compression (read_bcf_fast) */
    in->fast = !o->parse_all && (!in->is_bcf || in->fp->is_bgzf);
    r = inp_choose_sample(in, o->samples, err);
    if (r < 0) return r;
    r = assembly_detect(a, in->hdr, &in->build_ev, err);
    if (r < 0) {
        char where[512];
        snprintf(where, sizeof(where), "%s: ", in->label);
        mcrc_prefix(err, where);
        return r;
    }
    return 0;
}

void input_close(input_t *in)
{
    ri_destroy(&in->ri);
    for (int k = 0; k < MAX_TARGETS; k++) ri_query_free(&in->q[k]);
    if (in->hdr) bcf_hdr_destroy(in->hdr);
    if (in->fp) hts_close(in->fp);
    cn_bufs_destroy(&in->bufs);
    free(in->line.s);
    free(in->carry.s);
    free(in->rbuf);
    free(in->rid_mask);
    free(in->fn);
    free(in->idx_fn);
    free(in->label);
    free(in->sample_name);
    memset(in, 0, sizeof(*in));
}

int input_build_mask(const input_t *in)
{
    return in->build ? 1 << in->build : (1 << BUILD_GRCH37) | (1 << BUILD_GRCH38);
}

/* Targets on contig rid (bit set), computed once per contig and cached. */
int inp_rid_targets(input_t *in, const target_set_t *ts, int rid, target_mask_t *out)
{
    if (rid >= in->nrid) {
        int n = in->hdr->n[BCF_DT_CTG] > rid + 1 ? in->hdr->n[BCF_DT_CTG] : rid + 1;
        target_mask_t *m = realloc(in->rid_mask, (size_t)n * sizeof(*m));
        if (!m) return -1;
        for (int i = in->nrid; i < n; i++) m[i] = TARGET_MASK_UNKNOWN;
        in->rid_mask = m;
        in->nrid = n;
    }
    if (in->rid_mask[rid] == TARGET_MASK_UNKNOWN) {
        char canon[8];
        target_mask_t m = 0;
        if (!contig_canonical(bcf_hdr_id2name(in->hdr, rid), canon))
            for (int k = 0; k < ts->n && k < MAX_TARGETS; k++)
                if (!strcmp(ts->t[k].chrom, canon)) m |= 1u << k;
        in->rid_mask[rid] = m;
    }
    *out = in->rid_mask[rid];
    return 0;
}

/* The bit set of targets of the candidate builds in m that [pos, end] overlaps. */
static uint32_t targets_hit(const input_t *in, const target_set_t *ts, target_mask_t m, int64_t pos, int64_t end)
{
    int bm = input_build_mask(in);
    uint32_t hit = 0;
    for (int k = 0; k < ts->n; k++)
        if ((m & (1u << k)) && (bm & (1 << ts->t[k].build)) && pos <= ts->t[k].end && end >= ts->t[k].start)
            hit |= 1u << k;
    return hit;
}

/*
 * Which targets does rec overlap?  Sets *end.  The extent comes from record_extent() (extent.c), the
 * one rule of every reading path: END of any type, SVLEN, a BCF's rlen.  END is checked on every
 * record, wherever it lies (END before POS, not a number, out of range: an input error), because the
 * fast paths check it on every line too.  Where the sources disagree about the end and the
 * disagreement decides whether the record reaches a gene, the record is not understood: an error.
 */
static int overlap(input_t *in, const target_set_t *ts, bcf1_t *rec, uint32_t *mask, int64_t *end, mcrc_err_t *err)
{
    target_mask_t m;
    *mask = 0;
    if (inp_rid_targets(in, ts, rec->rid, &m) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    int bm = input_build_mask(in), reach = 0;
    int64_t pos = rec->pos + 1;
    for (int k = 0; k < ts->n; k++)
        if ((m & (1u << k)) && (bm & (1 << ts->t[k].build)) && pos <= ts->t[k].end) reach = 1;
    bcf_unpack(rec, BCF_UN_INFO);
    extent_t x;
    int r = 0;
    if (!in->is_bcf && in->bad_extent[0] && (reach || !strncmp(in->bad_extent, "END=", 4))) {
        char v[80];
        text_sanitize(in->bad_extent, v, sizeof(v));
        r = mcrc_fail(err, MCRC_E_INPUT, "INFO/%.*s is not a whole number%s (%s)", (int)strcspn(v, "="), v,
                      in->bad_extent_range ? " below 2^31" : "", v + strcspn(v, "=") + 1);
    }
    if (r == 0) r = record_extent(in->hdr, rec, in->is_bcf, reach, inp_contig_length(in, rec->rid), &in->bufs, &x, err);
    if (r == 0 && reach) {
        *mask = targets_hit(in, ts, m, pos, x.end);
        if ((x.end_min != x.end || x.end_max != x.end)
            && (targets_hit(in, ts, m, pos, x.end_min) != *mask || targets_hit(in, ts, m, pos, x.end_max) != *mask))
            r = mcrc_fail(err, MCRC_E_INPUT, "the record's own fields disagree about where it ends (%s), and that decides whether it reaches a gene", x.how);
    }
    if (r < 0) {
        char where[512];
        input_where(in, rec, where, sizeof(where));
        mcrc_prefix(err, where);
        *mask = 0;
        return r;
    }
    *end = x.end;
    return 0;
}

/* Long inputs: every 2^20 records, at most every 10 s, say how far we are (-v 1 and up). */
void inp_progress(input_t *in)
{
    if (in->verbosity < 1) return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double t = now.tv_sec + now.tv_nsec * 1e-9;
    if (t - in->t_last < 10) return;
    in->t_last = t;
    fprintf(stderr, "mcrc-report: %s: %lld records read (%.0f records/s)\n", in->label, (long long)in->nrec, in->nrec / (t - in->t_start));
}

/* Why htslib refused a line, in words. */
static const char *parse_problem(const bcf1_t *rec)
{
    int e = rec->errcode;
    if (e & BCF_ERR_NCOLS) return "the record has the wrong number of columns";
    if (e & BCF_ERR_CHAR) return "the record contains an invalid character (text in a numeric field?)";
    if (e & BCF_ERR_LIMITS) return "a value in the record is out of range";
    if (e & BCF_ERR_CTG_INVALID) return "the chromosome name is invalid";
    if (e & BCF_ERR_TAG_INVALID) return "a value does not fit the type its header line declares";
    return "the record does not parse as VCF (check the column count, POS and values against their declared types)";
}

/* Undeclared contigs and tags are tolerated (htslib adds them); anything else is fatal. */
#define FATAL_ERRCODE(rec) ((rec)->errcode & ~(BCF_ERR_CTG_UNDEF | BCF_ERR_TAG_UNDEF))

/* htslib reads a POS such as "pos123" as 0 without complaint: check the text ourselves. */
static int check_pos_text(input_t *in, mcrc_err_t *err)
{
    note_raw_place(in);
    const char *p = memchr(in->line.s, '\t', in->line.l);
    if (p) {
        const char *q = ++p;
        while (*q >= '0' && *q <= '9') q++;
        if (q > p && (*q == '\t' || !*q)) return 0;
    }
    char where[512];
    where_raw(in, where, sizeof(where));
    if (stream_broken(in)) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the file is truncated or corrupt (decompression failed)", in->label, (long long)in->lineno);
    return mcrc_fail(err, MCRC_E_INPUT, "%sPOS is not a whole number", where);
}

/* htslib reads an Integer INFO value leniently ("1e30" as 1, "12abc" as 12).  The values that set a record's
 * extent must be whole numbers as written: END= and SVLEN= of the raw line are checked here, before vcf_parse()
 * (every item "." or [-+]digits, ".0" allowed for a Float declaration); a bad one is kept in in->bad_extent for
 * overlap(), which refuses END anywhere and SVLEN where the record could reach a gene. */
static void check_extent_text(input_t *in)
{
    in->bad_extent[0] = 0;
    in->bad_extent_range = 0;
    const char *s = in->line.s, *e = s + in->line.l;
    for (int col = 0; col < 7 && s < e; col++) {
        const char *t = memchr(s, '\t', (size_t)(e - s));
        if (!t) return;
        s = t + 1;
    }
    const char *info_end = memchr(s, '\t', (size_t)(e - s));
    if (!info_end) info_end = e;
    for (const char *p = s, *next; p < info_end; p = next + 1) {
        next = memchr(p, ';', (size_t)(info_end - p));
        if (!next) next = info_end;
        size_t k = (size_t)(next - p);
        const char *v = NULL;
        if (k > 4 && !memcmp(p, "END=", 4)) v = p + 4;
        else if (k > 6 && !memcmp(p, "SVLEN=", 6)) v = p + 6;
        if (!v) continue;
        for (const char *q = v; q < next; ) {
            const char *c = q;
            if (*c == '.' && (c + 1 == next || c[1] == ',')) { q = c + 1; if (q < next) q++; continue; }
            if (*c == '-' || *c == '+') c++;
            const char *d = c;
            int64_t val = 0;
            while (c < next && *c >= '0' && *c <= '9') { if (val <= INT32_MAX) val = val * 10 + (*c - '0'); c++; }
            int ok = c > d;
            if (ok && c < next && *c == '.') { c++; while (c < next && *c == '0') c++; }
            in->bad_extent_range = ok && val > INT32_MAX;   /* htslib stores it as missing, as if "." */
            if (!ok || (c < next && *c != ',') || in->bad_extent_range) {
                size_t l = (size_t)(next - p) < sizeof(in->bad_extent) - 1 ? (size_t)(next - p) : sizeof(in->bad_extent) - 1;
                memcpy(in->bad_extent, p, l);
                in->bad_extent[l] = 0;
                return;
            }
            q = c < next ? c + 1 : c;
        }
    }
}

/* Parse the text record in in->line (CR stripped, not empty) with every check of the plain path:
 * no NUL byte, not a header line, a numeric POS, then vcf_parse().  1 ok, <0 error. */
int inp_parse_text_line(input_t *in, bcf1_t *rec, mcrc_err_t *err)
{
    char where[512];
    note_raw_place(in);
    if (memchr(in->line.s, 0, in->line.l)) {
        where_raw(in, where, sizeof(where));
        return mcrc_fail(err, MCRC_E_INPUT, "%sthe line contains a NUL byte", where);
    }
    if (in->line.s[0] == '#')
        return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: a header line after the #CHROM line", in->label, (long long)in->lineno);
    if (in->line.s[0] == '\t') {
        where_raw(in, where, sizeof(where));
        return mcrc_fail(err, MCRC_E_INPUT, "%sCHROM is empty", where);
    }
    if (check_pos_text(in, err) < 0) return MCRC_E_INPUT;
    size_t tabs = inp_count_tabs(in->line.s, in->line.l);
    if (tabs != in->ntabs) {
        if (stream_broken(in)) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the file is truncated or corrupt (decompression failed)", in->label, (long long)in->lineno);
        where_raw(in, where, sizeof(where));
        return mcrc_fail(err, MCRC_E_INPUT, "%sthe record has %zu columns but the #CHROM line names %zu", where, tabs + 1, in->ntabs + 1);
    }
    check_extent_text(in);
    if (vcf_parse(&in->line, in->hdr, rec) < 0 || FATAL_ERRCODE(rec)) {
        if (stream_broken(in)) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %lld: the file is truncated or corrupt (decompression failed)", in->label, (long long)in->lineno);
        where_raw(in, where, sizeof(where));
        return mcrc_fail(err, MCRC_E_INPUT, "%s%s", where, parse_problem(rec));
    }
    return 1;
}

/* Did the stream end on an error rather than at its end?  htslib's readers return -1 for both. */
static int stream_failed(const input_t *in)
{
    if (in->fp->is_bgzf) return in->fp->fp.bgzf->errcode != 0;
    return in->fp->fp.hfile && herrno(in->fp->fp.hfile) != 0;
}

/* Read the next BCF record with bcf_read() and all its checks. 1 ok, 0 end, <0 error. */
int inp_read_bcf(input_t *in, bcf1_t *rec, mcrc_err_t *err)
{
    int r = bcf_read(in->fp, in->hdr, rec);
    if (r == -1 && !stream_failed(in)) return 0;
    in->nrec++;
    if (!(in->nrec & 0xFFFFF)) inp_progress(in);
    if (r < 0 || FATAL_ERRCODE(rec))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: record %lld: %s", in->label, (long long)in->nrec,
                         r < 0 ? "the BCF data is truncated or corrupt" : parse_problem(rec));
    if (rec->n_sample != (uint32_t)bcf_hdr_nsamples(in->hdr))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: record %lld: the record has %u samples but the header names %d",
                         in->label, (long long)in->nrec, rec->n_sample, bcf_hdr_nsamples(in->hdr));
    return 1;
}

int input_next(input_t *in, const target_set_t *ts, bcf1_t *rec, uint32_t *mask, int64_t *end, mcrc_err_t *err)
{
    if (!in->indexed) {
        for (;;) {
            int r = !in->is_bcf ? inp_read_text(in, ts, rec, err) : in->fast ? inp_read_bcf_fast(in, ts, rec, err) : inp_read_bcf(in, rec, err);
            if (r <= 0) return r;
            r = overlap(in, ts, rec, mask, end, err);
            if (r < 0) return r;
            if (*mask) { in->nrec_gene++; return 1; }
        }
    }
    int bm = input_build_mask(in);
    while (in->itarget < ts->n) {
        const target_t *t = &ts->t[in->itarget];
        if (!(bm & (1 << t->build)) || in->q[in->itarget].tid < 0) { in->itarget++; in->ichunk = -1; continue; }
        int r = inp_read_region(in, ts, rec, err);
        if (r < 0) return r;
        if (r == 0) { in->itarget++; in->ichunk = -1; continue; }
        r = overlap(in, ts, rec, mask, end, err);
        if (r < 0) return r;
        /* a record overlapping an earlier target was already handed out by that target's query */
        uint32_t earlier = 0;
        for (int k = 0; k < in->itarget; k++) earlier |= 1u << k;
        if (!*mask || (*mask & earlier)) continue;
        in->nrec_gene++;
        return 1;
    }
    return 0;
}

int input_has_records(const input_t *in)
{
    if (!in->indexed || in->nrec > 0) return in->nrec > 0;
    if (in->ri.have_stats) return in->ri.n_records > 0;
    /* without statistics: a tabix index lists only sequences that hold records */
    return !in->is_bcf && in->ri.n_ref > 0;
}

