/*
 * input.c - one VCF/BCF input, from path to the records that matter.
 *
 * Opening: htslib detects VCF, VCF.gz (BGZF or plain gzip) and BCF, from a
 * path or "-" (standard input).  A text header is read line by line here,
 * not by bcf_hdr_read(), so that every later message can give the true
 * 1-based line number; CRLF line ends are tolerated.
 * Access: with a .tbi/.csi index beside the file the reader jumps to each
 * gene span through the index (region_index.c reads only the bins over the
 * gene spans; a broken or stale index is warned about and the file streamed
 * instead; one that points at another contig's records is an input error);
 * otherwise it streams every record, and a record is handed on only if
 * [POS, END] overlaps a gene span of the input's candidate builds (both
 * while the build is unknown).  A stream takes a fast path: each VCF line or
 * BCF record is first looked at in place in BGZF's decompressed block, and
 * only one that can touch a gene is parsed (--parse-all parses them all).
 * Memory does not grow with the input: one line buffer, one record, reused.
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
 *   - an index is used only where region_index.c finds it fits the file, and
 *     a region is read on until a record past it is seen;
 *   - a NUL byte in a header line is an error (it cut the sample list short).
 * Anything else is an input error naming the file and the record.
 * Sample: -s names (any one of a comma-separated list must be present),
 * else the only sample, else ##tumor_sample= (Mutect2), else a column named
 * TUMOR/TUMOUR (Strelka2 and others), else the header's own words when they
 * are unambiguous (##SAMPLE lines, a Manta/Strelka ##cmdline --tumorBam named
 * for one column), else an error that lists the samples.
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

static int load_regions(input_t *in, const target_set_t *ts, char *msg, size_t n);

/* A contig's length: the header's ##contig length, else, for a human chromosome, its length on the input's
 * build (on either build while that is unknown: the longer), so that an END past a chromosome's end is caught
 * in headers that give no lengths (CNVkit writes none).  0 when neither is known. */
static int64_t contig_length(const input_t *in, int rid)
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

static size_t count_tabs(const char *s, size_t n)
{
    return scan_tabs(s, n, NULL, 0);
}

static void chomp_cr(kstring_t *s)
{
    if (s->l && s->s[s->l - 1] == '\r') s->s[--s->l] = 0;
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
        if (in->line.s[1] != '#') in->ntabs = count_tabs(in->line.s, in->line.l);
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

/* What a ##SAMPLE line's words say of its sample: 1 tumour, 0 normal or nothing, -1 both.  Words: tumour/tumor
 * and normal/germline anywhere in its values (Description, Genomes, File...), or a TCGA barcode's sample type
 * (TCGA-XX-XXXX-NN: 01-09 tumour, 10-19 normal). */
static int sample_line_says(const bcf_hrec_t *h)
{
    int tum = 0, nor = 0;
    for (int i = 0; i < h->nkeys; i++) {
        if (!strcmp(h->keys[i], "ID") || !h->vals[i]) continue;
        const char *v = h->vals[i];
        if (strcasestr(v, "tumor") || strcasestr(v, "tumour")) tum = 1;
        if (strcasestr(v, "normal") || strcasestr(v, "germline")) nor = 1;
        for (const char *p = v; (p = strstr(p, "TCGA-")); p++) {
            /* TCGA-AB-1234-01A: the fourth field's two digits */
            const char *q = p + 5;
            int dashes = 0;
            while (*q && dashes < 2) if (*q++ == '-') dashes++;
            if (dashes == 2 && isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1])) {
                int t = (q[0] - '0') * 10 + (q[1] - '0');
                if (t >= 1 && t <= 9) tum = 1;
                else if (t >= 10 && t <= 19) nor = 1;
            }
        }
    }
    return tum && nor ? -1 : tum;
}

/* The file name of path without directories and a .bam/.cram/.sam ending, into out. */
static void bam_stem(const char *path, size_t len, char *out, size_t n)
{
    const char *b = path;
    for (size_t i = 0; i < len; i++) if (path[i] == '/') b = path + i + 1;
    size_t l = (size_t)(path + len - b);
    if (l >= n) l = n - 1;
    memcpy(out, b, l);
    out[l] = 0;
    char *dot = strrchr(out, '.');
    if (dot && (!strcmp(dot, ".bam") || !strcmp(dot, ".cram") || !strcmp(dot, ".sam"))) *dot = 0;
}

/*
 * The tumour column from the header's own words, when they are unambiguous: ##SAMPLE lines that mark exactly
 * one column as the tumour (and none other), or a Manta/Strelka ##cmdline whose --tumorBam file is named for
 * exactly one column and whose --normalBam is not.  Returns the column, or -1 (then the caller's error).
 */
static int tumour_from_header(input_t *in, char *how, size_t nhow)
{
    int n = bcf_hdr_nsamples(in->hdr), found = -1, count = 0;
    for (int i = 0; i < n; i++) {
        bcf_hrec_t *h = bcf_hdr_get_hrec(in->hdr, BCF_HL_STR, "ID", in->hdr->samples[i], "SAMPLE");
        int says = h ? sample_line_says(h) : 0;
        if (says < 0) { count = 2; break; }     /* a line that says both: not unambiguous */
        if (says == 1) { found = i; count++; }
    }
    if (count == 1) {
        snprintf(how, nhow, "the ##SAMPLE line of %.40s names it the tumour", in->hdr->samples[found]);
        return found;
    }
    bcf_hrec_t *cmd = bcf_hdr_get_hrec(in->hdr, BCF_HL_GEN, "cmdline", NULL, NULL);
    if (!cmd || !cmd->value) return -1;
    const char *v = cmd->value, *t = NULL, *nb = NULL;
    static const char *tkeys[] = { "--tumorBam", "--tumourBam", "--tumorBamFile" };
    for (size_t k = 0; k < sizeof(tkeys) / sizeof(tkeys[0]) && !t; k++) if ((t = strstr(v, tkeys[k]))) t += strlen(tkeys[k]);
    if ((nb = strstr(v, "--normalBam"))) nb += strlen("--normalBam");
    if (!t) return -1;
    char tstem[256], nstem[256] = "";
    while (*t == '=' || *t == ' ') t++;
    bam_stem(t, strcspn(t, " \t"), tstem, sizeof(tstem));
    if (nb) {
        while (*nb == '=' || *nb == ' ') nb++;
        bam_stem(nb, strcspn(nb, " \t"), nstem, sizeof(nstem));
    }
    found = -1; count = 0;
    for (int i = 0; i < n; i++) {
        const char *name = in->hdr->samples[i];
        int in_t = tstem[0] && strstr(tstem, name) != NULL, in_n = nstem[0] && strstr(nstem, name) != NULL;
        if (in_t && !in_n) { found = i; count++; }
    }
    if (count != 1) return -1;
    snprintf(how, nhow, "##cmdline --tumorBam names %.40s", in->hdr->samples[found]);
    return found;
}

static int choose_sample(input_t *in, const char *want, mcrc_err_t *err)
{
    int n = bcf_hdr_nsamples(in->hdr);
    in->sample = -1;
    if (n == 0) { snprintf(in->sample_how, sizeof(in->sample_how), "no samples (sites-only file)"); return 0; }
    if (want) {
        char *copy = strdup(want), *save = NULL;
        if (!copy) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        for (char *s = strtok_r(copy, ",", &save); s && in->sample < 0; s = strtok_r(NULL, ",", &save)) {
            int i = bcf_hdr_id2int(in->hdr, BCF_DT_SAMPLE, s);
            if (i >= 0) in->sample = i;
        }
        free(copy);
        if (in->sample >= 0) snprintf(in->sample_how, sizeof(in->sample_how), "named with -s");
    }
    if (in->sample < 0 && !want && n == 1) {
        in->sample = 0;
        snprintf(in->sample_how, sizeof(in->sample_how), "the only sample");
    }
    if (in->sample < 0 && !want) {
        bcf_hrec_t *h = bcf_hdr_get_hrec(in->hdr, BCF_HL_GEN, "tumor_sample", NULL, NULL);
        if (h && h->value) {
            int i = bcf_hdr_id2int(in->hdr, BCF_DT_SAMPLE, h->value);
            if (i >= 0) { in->sample = i; snprintf(in->sample_how, sizeof(in->sample_how), "##tumor_sample header line"); }
        }
    }
    if (in->sample < 0 && !want) {
        for (int i = 0; i < n; i++)
            if (!strcasecmp(in->hdr->samples[i], "TUMOR") || !strcasecmp(in->hdr->samples[i], "TUMOUR")) {
                in->sample = i;
                snprintf(in->sample_how, sizeof(in->sample_how), "the column named %s", in->hdr->samples[i]);
                break;
            }
    }
    if (in->sample < 0 && !want && (in->sample = tumour_from_header(in, in->sample_how, sizeof(in->sample_how))) < 0) in->sample = -1;
    if (in->sample < 0) {
        char list[512];
        size_t o = 0;
        for (int i = 0; i < n && o < sizeof(list) - 32; i++) {
            if (i == 20) { o += snprintf(list + o, sizeof(list) - o, " ... and %d more", n - 20); break; }
            char name[64];
            text_sanitize(in->hdr->samples[i], name, sizeof(name));
            o += snprintf(list + o, sizeof(list) - o, "%s%s", i ? ", " : "", name);
        }
        if (want) {
            char w[128];
            text_sanitize(want, w, sizeof(w));
            return mcrc_fail(err, MCRC_E_INPUT, "%s: sample %s is not in this file; its samples are: %s", in->label, w, list);
        }
        return mcrc_fail(err, MCRC_E_INPUT, "%s: %d samples and none is marked as the tumour; choose one with -s NAME (samples: %s)", in->label, n, list);
    }
    in->sample_name = text_sanitize_dup(in->hdr->samples[in->sample]);
    if (!in->sample_name) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
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
    in->fn = strdup(fn);
    in->label = sio_label_dup(!strcmp(fn, "-") ? "(standard input)" : fn);
    if (!in->fn || !in->label) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");

    if (strcmp(fn, "-")) {
        struct stat st;
        if (stat(fn, &st) != 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", in->label, strerror(errno));
        if (S_ISDIR(st.st_mode)) return mcrc_fail(err, MCRC_E_INPUT, "%s: is a directory, not a VCF/BCF file", in->label);
        r = sio_input_precheck(fn, o->no_index, err);   /* an index that is a FIFO */
        if (r < 0) return r;
        if (S_ISREG(st.st_mode)) { in->size = st.st_size; in->hash_wanted = o->checksum != CHECKSUM_NONE; }   /* hashed by inputs_hash_start() */
        if (!in->hash_wanted) in->hash_skipped = S_ISREG(st.st_mode) ? "option" : "stream";
    } else {
        in->hash_skipped = "stream";
    }
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
    if (f->compression == bgzf && in->size >= 0 && bgzf_check_EOF(in->fp->fp.bgzf) == 0)
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
        char msg[512];
        int r = ri_open(&in->ri, fn, in->is_bcf, msg, sizeof(msg));
        int lr = r > 0 ? load_regions(in, o->targets, msg, sizeof(msg)) : 0;
        if (lr < 0) r = -1;
        if (lr > 0) { ri_destroy(&in->ri); r = 0; }      /* a gene's contig unnamed: streamed */
        if (r < 0) {
            /* as htslib would: a broken index is not a broken input; read the whole file */
            if (in->verbosity >= 1) {
                char m[512];
                text_sanitize(msg, m, sizeof(m));
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
    r = choose_sample(in, o->samples, err);
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
    free(in->label);
    free(in->sample_name);
    memset(in, 0, sizeof(*in));
}

int input_build_mask(const input_t *in)
{
    return in->build ? 1 << in->build : (1 << BUILD_GRCH37) | (1 << BUILD_GRCH38);
}

/* Targets on contig rid (bit set), computed once per contig and cached. */
static int rid_targets(input_t *in, const target_set_t *ts, int rid, uint8_t *out)
{
    if (rid >= in->nrid) {
        int n = in->hdr->n[BCF_DT_CTG] > rid + 1 ? in->hdr->n[BCF_DT_CTG] : rid + 1;
        uint8_t *m = realloc(in->rid_mask, n);
        if (!m) return -1;
        for (int i = in->nrid; i < n; i++) m[i] = 0xff;     /* 0xff: not computed yet */
        in->rid_mask = m;
        in->nrid = n;
    }
    if (in->rid_mask[rid] == 0xff) {
        char canon[8];
        uint8_t m = 0;
        if (!contig_canonical(bcf_hdr_id2name(in->hdr, rid), canon))
            for (int k = 0; k < ts->n && k < 8; k++)
                if (!strcmp(ts->t[k].chrom, canon)) m |= 1u << k;
        in->rid_mask[rid] = m;
    }
    *out = in->rid_mask[rid];
    return 0;
}

/* The bit set of targets of the candidate builds in m that [pos, end] overlaps. */
static uint32_t targets_hit(const input_t *in, const target_set_t *ts, uint8_t m, int64_t pos, int64_t end)
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
    uint8_t m;
    *mask = 0;
    if (rid_targets(in, ts, rec->rid, &m) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
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
    if (r == 0) r = record_extent(in->hdr, rec, in->is_bcf, reach, contig_length(in, rec->rid), &in->bufs, &x, err);
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
static void progress(input_t *in)
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
static int parse_text_line(input_t *in, bcf1_t *rec, mcrc_err_t *err)
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
    size_t tabs = count_tabs(in->line.s, in->line.l);
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
static int read_bcf(input_t *in, bcf1_t *rec, mcrc_err_t *err)
{
    int r = bcf_read(in->fp, in->hdr, rec);
    if (r == -1 && !stream_failed(in)) return 0;
    in->nrec++;
    if (!(in->nrec & 0xFFFFF)) progress(in);
    if (r < 0 || FATAL_ERRCODE(rec))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: record %lld: %s", in->label, (long long)in->nrec,
                         r < 0 ? "the BCF data is truncated or corrupt" : parse_problem(rec));
    if (rec->n_sample != (uint32_t)bcf_hdr_nsamples(in->hdr))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: record %lld: the record has %u samples but the header names %d",
                         in->label, (long long)in->nrec, rec->n_sample, bcf_hdr_nsamples(in->hdr));
    return 1;
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
static uint8_t chrom_mask_text(input_t *in, const target_set_t *ts, const char *chrom, size_t l)
{
    if (l == in->last_chrom_len && l < sizeof(in->last_chrom) && !memcmp(chrom, in->last_chrom, l)) return in->last_chrom_mask;
    char name[64], canon[8];
    uint8_t m = 0;
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
        in->last_chrom_bp = contig_length(in, bcf_hdr_name2id(in->hdr, name));
    } else {
        m = 0xff;   /* an odd, long name: let the full parser decide */
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
static int contig_genes_span(const input_t *in, const target_set_t *ts, uint8_t m, int64_t *min_start, int64_t *max_end)
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
 * whole number from POS to the contig's end.  Anything else goes to parse_text_line() and overlap(),
 * whose verdict (an error) is the same as --parse-all's.  INFO and FORMAT values are not decoded.
 */
static int line_may_touch(input_t *in, const target_set_t *ts, const char *s, size_t n)
{
    /* one pass: every tab counted, the first eight (columns 2 to 9) placed */
    size_t t[8];
    size_t tabs = scan_tabs(s, n, t, 8);
    if (tabs != in->ntabs || tabs < 7 || t[0] == 0) return 1;       /* wrong column count, or no CHROM */
    const char *e = s + n, *p = s + t[0] + 1;
    int64_t pos = 0;
    while (*p >= '0' && *p <= '9' && pos < INT64_MAX / 16) pos = pos * 10 + (*p++ - '0');
    if (p == s + t[0] + 1 || p != s + t[1]) return 1;   /* a bad POS: the parser reports it */
    uint8_t m = chrom_mask_text(in, ts, s, t[0]);
    const char *info = s + t[6] + 1, *info_end = tabs > 7 ? s + t[7] : e;
    if (end_suspect(in, info, (size_t)(info_end - info), pos)) return 1;
    if (m == 0xff) return 1;                                  /* an odd, long name: the parser decides */
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
static int read_text(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
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
        if (!(in->nrec & 0xFFFFF)) progress(in);
        if (in->fast && line[0] != '#' && !memchr(line, 0, n) && !line_may_touch(in, ts, line, n)) continue;
        /* a candidate: copy it and let htslib parse it, with every check */
        in->line.l = 0;
        if (kputsn(line, n, &in->line) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        return parse_text_line(in, rec, err);
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
 * and decided by the rules of line_may_touch(): CHROM, POS, rlen (which
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
    uint8_t m;
    int64_t min_start, max_end;
    if (rid_targets(in, ts, rid, &m) < 0) return 1;           /* out of memory: overlap() says so */
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
            int64_t ctg_len = contig_length(in, rid);
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
static int read_bcf_fast(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
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
            return read_bcf(in, rec, err);          /* bcf_read() reads it from here, checks and all */
        uint64_t left = 8 + (uint64_t)le32(b) + le32(b + 4);
        in->nrec++;
        if (!(in->nrec & 0xFFFFF)) progress(in);
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

/* Indexed access: find each target's contig in the file and read, from the index, the chunks
 * that can hold its records.  0 ok, <0 the index cannot be read (msg). */
/* 0: the regions' queries are ready; 1: stream the file instead (a gene's contig the index does not name);
 * -1: the index does not fit the file (msg says why) */
static int load_regions(input_t *in, const target_set_t *ts, char *msg, size_t n)
{
    /* the index belongs to this file only if every sequence it names is a contig of the header (where the
     * header lists contigs): a damaged or foreign names list would send a gene's query nowhere */
    if (!in->is_bcf && in->ri.names && in->hdr->n[BCF_DT_CTG] > 0) {
        const char *name = in->ri.names;
        for (int i = 0; i < in->ri.n_ref && name < in->ri.names + in->ri.l_names; i++, name += strlen(name) + 1)
            if (bcf_hdr_name2id(in->hdr, name) < 0) {
                char nm[64];
                text_sanitize(name, nm, sizeof(nm));
                snprintf(msg, n, "the index %s names a sequence the header does not list (%s)", in->ri.path, nm);
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
        int64_t l = in->is_bcf && in->q[k].tid >= 0 ? contig_length(in, in->q[k].tid)
                    : in->q[k].tid >= 0 ? contig_length(in, bcf_hdr_name2id(in->hdr, in->q_name[k])) : 0;
        max_len[k] = l > ts->t[k].end ? l : ts->t[k].end;
    }
    in->data_off = (uint64_t)bgzf_tell(in->fp->fp.bgzf);
    return ri_read(&in->ri, in->q, ts->n, in->size, in->data_off, max_len, msg, n);
}

/* A chunk of a contig's bins holds only that contig's records: anything else means the index was made
 * for another file (or another version of this one), and reading on could miss records in silence. */
static int index_mismatch(input_t *in, mcrc_err_t *err)
{
    char ix[512];
    text_sanitize(in->ri.path, ix, sizeof(ix));
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
static int read_region(input_t *in, const target_set_t *ts, bcf1_t *rec, mcrc_err_t *err)
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
            r = read_bcf(in, rec, err);      /* bcf_read() with its checks */
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
                if (!(in->nrec & 0xFFFFF)) progress(in);
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
        if (!memchr(in->line.s, 0, in->line.l) && !line_may_touch(in, ts, in->line.s, in->line.l)) continue;
        return parse_text_line(in, rec, err);
    }
}

int input_next(input_t *in, const target_set_t *ts, bcf1_t *rec, uint32_t *mask, int64_t *end, mcrc_err_t *err)
{
    if (!in->indexed) {
        for (;;) {
            int r = !in->is_bcf ? read_text(in, ts, rec, err) : in->fast ? read_bcf_fast(in, ts, rec, err) : read_bcf(in, rec, err);
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
        int r = read_region(in, ts, rec, err);
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

/*
 * Checksums.  Every regular input file that is read whole is hashed for the
 * provenance (--checksum full: indexed ones too; none: no file).  That is a
 * second read of the file, so it runs in one background thread while the
 * records are streamed: on two cores it costs no wall time.  An input read
 * through its index is not hashed by default: the hash would be the only
 * full read of it, and would make the run as slow as streaming.
 */
typedef struct { input_t *in; int n; int failed_index, failed_errno; } hash_job_t;

static void *hash_inputs(void *arg)
{
    hash_job_t *job = arg;
    for (int i = 0; i < job->n; i++) {
        input_t *in = &job->in[i];
        int64_t size;
        if (!in->hash_wanted) continue;
        if (sha256_file(in->fn, in->sha256, &size) != 0) { job->failed_index = i + 1; job->failed_errno = errno; break; }
        if (size != in->size) { job->failed_index = i + 1; job->failed_errno = 0; break; }
    }
    return NULL;
}

int inputs_hash_start(input_t *inputs, int n, input_hash_t *h, mcrc_err_t *err)
{
    hash_job_t *job = calloc(1, sizeof(*job));
    if (!job) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    job->in = inputs;
    job->n = n;
    h->job = job;
    h->running = pthread_create(&h->thread, NULL, hash_inputs, job) == 0;
    if (!h->running) hash_inputs(job);     /* no thread to be had: hash here */
    return 0;
}

int inputs_hash_join(input_hash_t *h, mcrc_err_t *err)
{
    hash_job_t *job = h->job;
    int ret = 0;
    if (!job) return 0;
    if (h->running) pthread_join(h->thread, NULL);
    h->running = 0;
    if (job->failed_index) {
        input_t *in = &job->in[job->failed_index - 1];
        ret = job->failed_errno
            ? mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read for its checksum: %s", in->label, strerror(job->failed_errno))
            : mcrc_fail(err, MCRC_E_INPUT, "%s: the file changed while it was being read", in->label);
    }
    free(job);
    h->job = NULL;
    return ret;
}
