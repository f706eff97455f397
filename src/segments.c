/*
 * segments.c - read one copy-number segment table (--segments) into the ERBB2 rule's records and facts.
 *
 * The table is read whole through htslib (hts_open + hts_getline: plain, gzip or BGZF; a tabix index beside it is
 * not used, the file is simply read whole).  Its header line picks the dialect (seg_dialect.c); every data row must
 * parse (a bad or missing number, NaN/inf, end before start, a negative copy number, a row with too few or too many
 * fields: an input error naming the file and line; a fitted copy number from -1 to 0, which PURPLE writes over deep
 * deletions, is taken as 0), whichever sample or chromosome it is on.  An R missing value
 * "NA" in the value column is a segment without a magnitude (the rule then cannot call it, as for a <CNV> without
 * CN), never a number.
 *
 * Rows are mapped like VCF records (copy_number.c): chromosome names through contig_canonical (chr17 and 17 are one);
 * a 0-based start (CNVkit) + 1; log2 ratios to ploidy x 2^log2 and then purity-corrected (cn_purity_correct);
 * absolute copy numbers of callers that fit purity themselves (PURPLE, ASCAT, FACETS, Sequenza, PCGR, CNVkit call)
 * are taken as written and --purity is not applied again.  A gene table (PURPLE cnv.gene) gives its ERBB2 row as a
 * call for the whole gene: its minimum and, when different, its maximum copy number are two records, so a gene whose
 * minimum and maximum fall in different categories is conflicting (indeterminate), never judged on one of them.
 *
 * Facts (facts.h), so that erbb2.c applies its honesty rules unchanged: cn_declared (a table always states copy
 * numbers), has_records (rows of the chosen sample), cn_valued_seen (a valued row over ERBB2), and the ERBB2 bit of
 * gene_contigs only when a row of the chosen sample covers part of ERBB2's span (for a gene table: a row names ERBB2).
 * Segment tables list every segment of what was measured, so a table with no row over ERBB2 did not measure it:
 * ERBB2 is then not-assessed, never not-amplified; and all_segments tells erbb2.c that a part of the gene no row
 * covers was not measured (in a copy-number VCF, which writes only changes, it is the normal copy number).
 *
 * Multi-sample tables (a sample column): -s names the sample; one sample is used as is; several without -s (or -s
 * naming none of them) is an error listing up to five.  That takes a first pass over the file for the names.
 * The build is the run's (-g, the VCF inputs' headers, or a GATK table's SAM-style @SQ lines, read as ##contig
 * lines by assembly.c: seg_table_build): a table alone with rows in a gene span of either build and no build is an
 * error, as for a VCF without ##contig lengths.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/bgzf.h>
#include <htslib/hts.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "erbb2.h"
#include "safe_io.h"
#include "segments.h"
#include "sha256.h"
#include "tsv.h"
#include "util.h"

/* One pass over a table: the open file, the header, the current row. */
typedef struct {
    htsFile *fp;
    const char *label;
    kstring_t line, hdr;
    int64_t line_no;
    int tabs, quoted, ncol, nf;
    char *col[TSV_MAX_COLS + 1];
    char *f[TSV_MAX_COLS + 2];
} seg_reader_t;

/* Columns of the dialect in this table's header. */
typedef struct { int chrom, start, end, val[SEG_MAX_COLS], vmax, sample, gene, call; } seg_cols_t;

static int find_col(const seg_reader_t *r, const char *name)
{
    if (!name) return -1;
    for (int c = 0; c < r->ncol; c++)
        if (!strcmp(r->col[c], name)) return c;
    return -1;
}

static void rd_close(seg_reader_t *r)
{
    if (r->fp) hts_close(r->fp);
    free(r->line.s); free(r->hdr.s);
    memset(r, 0, sizeof(*r));
}

/* "FILE: not a segment table this tool reads: the header line has <first columns>; expected one of: ..." */
static int not_a_table(const seg_reader_t *r, const seg_dialects_t *dia, mcrc_err_t *err)
{
    kstring_t had = { 0, 0, NULL }, exp = { 0, 0, NULL };
    int bad = 0;
    for (int c = 0; c < r->ncol && c < 6; c++) {
        char safe[64];
        text_sanitize(r->col[c], safe, sizeof(safe));
        bad |= ksprintf(&had, "%s%s", c ? " " : "", safe) < 0;
    }
    if (had.l > 100) { had.l = 100; had.s[had.l] = 0; }       /* the message names what was expected, in full */
    if (r->ncol > 6 || had.l == 100) bad |= kputs(" ...", &had) < 0;
    bad |= seg_dialects_expected(dia, &exp) < 0;
    int ret = bad ? mcrc_fail(err, MCRC_E_INTERNAL, "out of memory")
              : r->ncol ? mcrc_fail(err, MCRC_E_INPUT, "%s: not a segment table this tool reads: the header line (line %lld) has %s; expected one of: %s",
                                    r->label, (long long)r->line_no, had.s, exp.s)
              : mcrc_fail(err, MCRC_E_INPUT, "%s: not a segment table this tool reads: no header line; expected one of: %s", r->label, exp.s);
    free(had.s); free(exp.s);
    return ret;
}

/* Open the table and read up to its header; *d the dialect.  0, or an error. */
static int rd_open(seg_reader_t *r, const char *fn, const char *label, const seg_dialects_t *dia, const seg_dialect_t **d, mcrc_err_t *err)
{
    memset(r, 0, sizeof(*r));
    r->label = label;
    if (!(r->fp = hts_open(fn, "r"))) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", label, errno ? strerror(errno) : "unknown error");
    if (sio_unreadable_compression(hts_get_format(r->fp)))     /* hts_getline() would abort() */
        return mcrc_fail(err, MCRC_E_INPUT, "%s: compressed with %s, which mcrc-report does not read; decompress it, or compress with bgzip",
                         label, sio_unreadable_compression(hts_get_format(r->fp)));
    int n;
    while ((n = hts_getline(r->fp, KS_SEP_LINE, &r->hdr)) >= 0) {
        r->line_no++;
        if (r->hdr.l && r->hdr.s[r->hdr.l - 1] == '\r') r->hdr.s[--r->hdr.l] = 0;
        if (r->hdr.l && r->hdr.s[0] != '#' && r->hdr.s[0] != '@') break;
    }
    if (n < -1) return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: cannot read (a damaged compressed file?)", label, (long long)r->line_no + 1);
    if (n == -1) return not_a_table(r, dia, err);
    r->tabs = strchr(r->hdr.s, '\t') != NULL;
    r->quoted = r->hdr.s[0] == '"';
    r->ncol = seg_split(r->hdr.s, r->tabs, r->col, TSV_MAX_COLS + 1);
    if (!(*d = seg_dialect_match(dia, r->col, r->ncol))) return not_a_table(r, dia, err);
    if (r->ncol > TSV_MAX_COLS) return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: more than %d columns", label, (long long)r->line_no, TSV_MAX_COLS);
    return 0;
}

/* The next data row into r->f: 1, 0 at the end, or an error. */
static int rd_next(seg_reader_t *r, mcrc_err_t *err)
{
    int n;
    while ((n = hts_getline(r->fp, KS_SEP_LINE, &r->line)) >= 0) {
        r->line_no++;
        if (r->line.l && r->line.s[r->line.l - 1] == '\r') r->line.s[--r->line.l] = 0;
        if (!r->line.l || r->line.s[0] == '#') continue;
        r->nf = seg_split(r->line.s, r->tabs, r->f, TSV_MAX_COLS + 2);
        char **f = r->f;
        /* R's write.table writes a row name before the fields and no name for it in the quoted header */
        if (r->quoted && r->nf == r->ncol + 1) { memmove(f, f + 1, r->ncol * sizeof(*f)); r->nf--; }
        if (r->nf != r->ncol)
            return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %d fields, but the header has %d", r->label, (long long)r->line_no, r->nf, r->ncol);
        return 1;
    }
    if (n < -1) return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: cannot read (a damaged compressed file?)", r->label, (long long)r->line_no + 1);
    return 0;
}

/* After the last row: a table cut short must not pass as a shorter one.  BGZF without its end-of-file block, or a
 * last line without its newline (a copy or a download that stopped mid-row can leave a row that still parses,
 * with a number cut short), is an error.  hts_getline() does not say whether the last line ended, so the file's
 * last byte is read again (tables are small; BGZF, gzip and plain text alike through bgzf_open). */
static int rd_check_end(seg_reader_t *r, const char *fn, mcrc_err_t *err)
{
    if (r->fp->format.compression == bgzf && bgzf_check_EOF(r->fp->fp.bgzf) == 0)
        return mcrc_fail(err, MCRC_E_INPUT, "%s: the BGZF end-of-file block is missing: the file is cut short", r->label);
    BGZF *b = bgzf_open(fn, "r");
    if (!b) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read it again to check its end: %s", r->label, strerror(errno));
    char buf[65536], last = '\n';
    ssize_t n;
    while ((n = bgzf_read(b, buf, sizeof(buf))) > 0) last = buf[n - 1];
    bgzf_close(b);
    if (n < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read it again to check its end (a damaged compressed file?)", r->label);
    if (last != '\n')
        return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: the last line has no newline: the file may be cut short", r->label, (long long)r->line_no);
    return 0;
}

/* Does the comma-separated list (-s) hold name? */
static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p; ) {
        const char *q = strchr(p, ',');
        size_t l = q ? (size_t)(q - p) : strlen(p);
        if (l == n && !strncmp(p, name, n)) return 1;
        p = q ? q + 1 : NULL;
    }
    return 0;
}

/* First pass of a multi-sample table: choose the sample into tb->sample. */
static int choose_sample(seg_table_t *tb, const char *fn, const seg_opts_t *o, mcrc_err_t *err)
{
    seg_reader_t r;
    const seg_dialect_t *d;
    kstring_t names = { 0, 0, NULL };   /* distinct names, NUL-separated */
    int nnames = 0, r1, ret = 0;
    if ((ret = rd_open(&r, fn, tb->label, o->dialects, &d, err)) < 0) goto out;
    int sc = find_col(&r, d->sample);
    while ((r1 = rd_next(&r, err)) > 0) {
        const char *s = r.f[sc];
        int seen = 0;
        for (size_t p = 0; p < names.l && !seen; p += strlen(names.s + p) + 1) seen = !strcmp(names.s + p, s);
        if (seen) continue;
        if (kputsn(s, strlen(s) + 1, &names) < 0) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        nnames++;
        if (!tb->sample.l && o->samples && in_list(o->samples, s)) {
            if (kputs(s, &tb->sample) < 0) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
            snprintf(tb->sample_how, sizeof(tb->sample_how), "-s on the command line");
        }
    }
    if (r1 < 0) { ret = r1; goto out; }
    if (tb->sample.l || nnames == 0) goto out;
    if (nnames == 1 && !o->samples) {
        if (kputs(names.s, &tb->sample) < 0) ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        snprintf(tb->sample_how, sizeof(tb->sample_how), "the only sample");
        goto out;
    }
    kstring_t list = { 0, 0, NULL };
    int k = 0;
    for (size_t p = 0; p < names.l && k < 5; p += strlen(names.s + p) + 1, k++) {
        char safe[80];
        text_sanitize(names.s + p, safe, sizeof(safe));
        ksprintf(&list, "%s%s", k ? ", " : "", safe);
    }
    if (nnames > 5) ksprintf(&list, ", ...");
    ret = o->samples ? mcrc_fail(err, MCRC_E_INPUT, "%s: -s names none of its %d samples (%s)", tb->label, nnames, list.s ? list.s : "")
                     : mcrc_fail(err, MCRC_E_INPUT, "%s: %d samples (%s); choose one with -s", tb->label, nnames, list.s ? list.s : "");
    free(list.s);
out:
    free(names.s);
    rd_close(&r);
    return ret;
}

/* A number of the row: 0, 1 for "NA" (no value), or an input error. */
static int row_number(const seg_reader_t *r, int c, int allow_na, double *v, mcrc_err_t *err)
{
    const char *s = r->f[c];
    if (allow_na && !strcmp(s, "NA")) return 1;
    if (parse_double(s, v) == 0) return 0;
    char safe[48];
    text_sanitize(s, safe, sizeof(safe));
    return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %s is not a finite number: '%s'", r->label, (long long)r->line_no, r->col[c], safe);
}

/* The row's value (summed columns) into *v and its text into raw: 0, 1 no value, or an error. */
static int row_value(const seg_reader_t *r, const seg_dialect_t *d, const int *cols, int ncols, double *v, char *raw, size_t nraw, mcrc_err_t *err)
{
    int na = 0, ret;
    kstring_t k = { 0, 0, NULL };
    *v = 0;
    for (int i = 0; i < ncols; i++) {
        double x = 0;
        if ((ret = row_number(r, cols[i], 1, &x, err)) < 0) { free(k.s); return ret; }
        na |= ret;
        /* a fitted copy number may come out a hair below 0 over a deep deletion (PURPLE): taken as 0, as
         * cn_purity_correct floors; anything further below is not a copy number */
        if (!ret && d->kind != SEG_LOG2 && x < 0 && d->adjusted && x >= -1) x = 0;
        if (!ret && d->kind != SEG_LOG2 && x < 0) {
            free(k.s);
            return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %s is a negative copy number (%g)", r->label, (long long)r->line_no, r->col[cols[i]], x);
        }
        *v += x;
        ksprintf(&k, "%s%s", i ? "+" : "", r->f[cols[i]]);
    }
    text_sanitize(k.s ? k.s : "", raw, nraw);
    free(k.s);
    return na;
}

/* One record for the ERBB2 rule from a row over ERBB2. */
static int add_segment(seg_table_t *tb, const seg_reader_t *r, const seg_cols_t *c, const seg_opts_t *o, const target_t *t,
                       int64_t pos, int64_t end, int use_max, cn_segment_t **segs, int *nseg, int *mseg, mcrc_err_t *err)
{
    const seg_dialect_t *d = tb->d;
    cn_segment_t s;
    memset(&s, 0, sizeof(s));
    s.input = tb->index;
    s.build = t->build;
    s.line = r->line_no;
    text_sanitize(r->f[c->chrom], s.chrom, sizeof(s.chrom));
    s.pos = pos; s.end = end;
    if (tb->sample.l) text_sanitize(tb->sample.s, s.id, sizeof(s.id));
    snprintf(s.filter, sizeof(s.filter), ".");
    s.pass = 1;
    if (c->call >= 0) {
        const char *v = r->f[c->call];
        s.direction = !strcmp(v, "+") ? CN_DIR_GAIN : !strcmp(v, "-") ? CN_DIR_LOSS : !strcmp(v, "0") ? CN_DIR_NEUTRAL : CN_DIR_UNKNOWN;
    }
    if (d->kind == SEG_GENE) {
        s.gene_level = 1;
        text_sanitize(d->gene, s.gene_field, sizeof(s.gene_field));
    }
    double v;
    int na = row_value(r, d, use_max ? &c->vmax : c->val, use_max ? 1 : d->nvalue, &v, s.raw, sizeof(s.raw), err);
    if (na < 0) return na;
    text_sanitize(use_max ? d->value_max : d->value_raw, s.field, sizeof(s.field));
    if (!na) {
        s.has_value = 1;
        tb->facts.cn_valued_seen = 1;
        s.cn_observed = d->kind == SEG_LOG2 ? o->cnp->ploidy * pow(2.0, v) : v;
        s.cn = d->adjusted ? s.cn_observed : cn_purity_correct(s.cn_observed, o->cnp->ploidy, o->cnp->purity);
        if (!isfinite(s.cn)) return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %s %s is out of range", r->label, (long long)r->line_no, s.field, s.raw);
    }
    int ret = erbb2_segment_add(segs, nseg, mseg, &s, err);
    if (ret < 0) { mcrc_prefix(err, ": "); mcrc_prefix(err, tb->label); }
    return ret < 0 ? ret : 0;
}

/* One data row: checked, then matched against the gene spans. */
static int do_row(seg_table_t *tb, const seg_reader_t *r, const seg_cols_t *c, const seg_opts_t *o,
                  cn_segment_t **segs, int *nseg, int *mseg, mcrc_err_t *err)
{
    const seg_dialect_t *d = tb->d;
    int64_t start, end;
    double v;
    int ret;
    for (int i = 0; i < 2; i++) {
        int col = i ? c->end : c->start;
        int64_t *x = i ? &end : &start;
        if (parse_int64(r->f[col], x) || *x < 0) {
            char safe[48];
            text_sanitize(r->f[col], safe, sizeof(safe));
            return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %s is not a position: '%s'", r->label, (long long)r->line_no, r->col[col], safe);
        }
    }
    int64_t pos = d->start_base == 0 ? start + 1 : start ? start : 1;
    if (end < pos)
        return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: the end (%lld) is before the start (%lld)", r->label, (long long)r->line_no, (long long)end, (long long)start);
    char raw[32];
    if ((ret = row_value(r, d, c->val, d->nvalue, &v, raw, sizeof(raw), err)) < 0) return ret;
    if (c->vmax >= 0 && (ret = row_value(r, d, &c->vmax, 1, &v, raw, sizeof(raw), err)) < 0) return ret;
    if (c->call >= 0 && strcmp(r->f[c->call], "+") && strcmp(r->f[c->call], "-") && strcmp(r->f[c->call], "0"))
        return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: %s is not +, - or 0", r->label, (long long)r->line_no, r->col[c->call]);
    if (c->sample >= 0 && tb->sample.l && strcmp(r->f[c->sample], tb->sample.s)) return 0;
    tb->nrows++;
    tb->facts.has_records = 1;
    char canon[8];
    if (contig_canonical(r->f[c->chrom], canon)) return 0;
    int in_gene = 0;
    for (int k = 0; k < o->targets->n; k++) {
        const target_t *t = &o->targets->t[k];
        if (strcmp(canon, t->chrom) || pos > t->end || end < t->start) continue;
        if (!o->build) {
            tb->facts.touched_unknown = 1;
            return mcrc_fail(err, MCRC_E_INPUT, "%s line %lld: cannot tell the genome build (a segment table does not state it) and the row falls in a gene region; pass -g GRCh37 or -g GRCh38",
                             r->label, (long long)r->line_no);
        }
        if (t->build != o->build) continue;
        in_gene = 1;
        if (c->gene >= 0 && strcmp(r->f[c->gene], gene_name(t->gene))) continue;
        tb->facts.gene_contigs |= 1u << t->gene;
        if (t->gene != GENE_ERBB2) continue;
        if ((ret = add_segment(tb, r, c, o, t, pos, end, 0, segs, nseg, mseg, err)) < 0) return ret;
        if (c->vmax >= 0 && strcmp(r->f[c->vmax], r->f[c->val[0]]) && (ret = add_segment(tb, r, c, o, t, pos, end, 1, segs, nseg, mseg, err)) < 0) return ret;
    }
    tb->nrows_gene += in_gene;
    return 0;
}

int seg_table_read(seg_table_t *tb, const char *fn, int index, const seg_opts_t *o,
                   cn_segment_t **segs, int *nseg, int *mseg, mcrc_err_t *err)
{
    seg_reader_t r;
    memset(&r, 0, sizeof(r));
    memset(tb, 0, sizeof(*tb));
    tb->fn = fn;
    tb->index = index;
    tb->size = -1;
    if (!(tb->label = sio_name_dup(fn))) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    int ret, r1;
    if ((ret = rd_open(&r, fn, tb->label, o->dialects, &tb->d, err)) < 0) goto out;
    const seg_dialect_t *d = tb->d;
    const htsFormat *fmt = hts_get_format(r.fp);
    snprintf(tb->compression, sizeof(tb->compression), "%s", fmt->compression == bgzf ? "bgzf" : fmt->compression == gzip ? "gzip" : "none");
    seg_cols_t c = { find_col(&r, d->chrom), find_col(&r, d->start), find_col(&r, d->end), { find_col(&r, d->value[0]), find_col(&r, d->value[1]) },
                     find_col(&r, d->value_max), find_col(&r, d->sample), find_col(&r, d->gene), find_col(&r, d->call) };
    if (c.chrom < 0 || c.start < 0 || c.end < 0 || c.val[0] < 0 || (d->nvalue > 1 && c.val[1] < 0) || (d->value_max && c.vmax < 0)
        || (d->sample && c.sample < 0) || (d->gene && c.gene < 0) || (d->call && c.call < 0)) {
        ret = mcrc_fail(err, MCRC_E_INTERNAL, "segment-dialects.tsv: dialect %s names a column its identify list lacks", d->name);
        goto out;
    }
    snprintf(tb->sample_how, sizeof(tb->sample_how), "the table has no sample column");
    if (d->sample && (ret = choose_sample(tb, fn, o, err)) < 0) goto out;
    tb->facts.cn_declared = 1;
    tb->facts.is_table = 1;
    tb->facts.all_segments = 1;   /* a table lists every segment it measured: a part of the gene it leaves out was not measured */
    snprintf(tb->facts.cn_fields, sizeof(tb->facts.cn_fields), "%s", d->value_raw);
    while ((r1 = rd_next(&r, err)) > 0)
        if ((ret = do_row(tb, &r, &c, o, segs, nseg, mseg, err)) < 0) goto out;
    if ((ret = r1) < 0) goto out;
    if ((ret = rd_check_end(&r, fn, err)) < 0) goto out;
    if (o->checksum != CHECKSUM_NONE && sha256_file(fn, tb->sha256, &tb->size) < 0) {
        tb->sha256[0] = 0;
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read it again for its checksum: %s", tb->label, strerror(errno));
    }
out:
    rd_close(&r);
    return ret;
}

int seg_table_build(const char *fn, const assembly_t *a, build_evidence_t *ev, mcrc_err_t *err)
{
    memset(ev, 0, sizeof(*ev));
    htsFile *fp = hts_open(fn, "r");
    if (!fp) return 0;                        /* seg_table_read says why */
    if (sio_unreadable_compression(hts_get_format(fp))) { hts_close(fp); return 0; }   /* and why not this */
    bcf_hdr_t *h = bcf_hdr_init("w");
    kstring_t line = { 0, 0, NULL }, ctg = { 0, 0, NULL };
    int ret = h ? 0 : mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"), nsq = 0;
    while (ret == 0 && hts_getline(fp, KS_SEP_LINE, &line) >= 0) {
        if (line.l && line.s[0] != '@' && line.s[0] != '#') break;
        if (strncmp(line.s, "@SQ\t", 4)) continue;
        const char *sn = NULL, *ln = NULL;
        for (char *p = strtok(line.s + 4, "\t\r"); p; p = strtok(NULL, "\t\r"))
            if (!strncmp(p, "SN:", 3)) sn = p + 3;
            else if (!strncmp(p, "LN:", 3)) ln = p + 3;
        if (!sn || !ln || strpbrk(sn, ",<>=\"") || strspn(ln, "0123456789") != strlen(ln)) continue;
        ctg.l = 0;
        if (ksprintf(&ctg, "##contig=<ID=%s,length=%s>", sn, ln) < 0 || bcf_hdr_append(h, ctg.s) < 0) ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        nsq++;
    }
    if (ret == 0 && nsq && bcf_hdr_sync(h) < 0) ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    if (ret == 0 && nsq && (ret = assembly_detect(a, h, ev, err)) < 0) {
        char *label = sio_name_dup(fn);
        mcrc_prefix(err, ": @SQ lines: ");
        mcrc_prefix(err, label ? label : "segment table");
        free(label);
    }
    if (ret == 0 && ev->build) {
        char *p = strstr(ev->how, "##contig length of ");
        if (p) { memmove(p + 3, p + 8, strlen(p + 8) + 1); memcpy(p, "@SQ", 3); }     /* "@SQ length of 17 (...)" */
    }
    free(line.s); free(ctg.s);
    if (h) bcf_hdr_destroy(h);
    hts_close(fp);
    return ret;
}

void seg_table_destroy(seg_table_t *tb)
{
    free(tb->label);
    free(tb->sample.s);
    memset(tb, 0, sizeof(*tb));
}
