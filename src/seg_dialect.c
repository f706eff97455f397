/*
 * seg_dialect.c - which segment table is this?  The dialects of annotations/segment-dialects.tsv, loaded once
 * (refdata.c), and the recognition of a table by its header line.
 *
 * A dialect is a row of the table: the columns that identify it (all must be in the header; other columns may be
 * there too, in any order, so a column added by a newer caller version or by a user does not break reading), and
 * which columns give the chromosome, start, end and value.  Rows are tried in the table's order, the most specific
 * first (a GATK .called.seg also has every column of a .cr.seg).  Lines before the header that begin with '#' or
 * '@' (GATK's SAM-style @HD/@SQ/@RG) are skipped; any other line before a recognised header (an R warning, say)
 * makes the file not a table this tool reads.
 */
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "safe_io.h"
#include "segments.h"
#include "tsv.h"

#define SEG_MAX_IDENTIFY 16

static char *dup_col(const char *s)
{
    return !strcmp(s, "-") ? NULL : strdup(s);
}

static void dialect_free(seg_dialect_t *d)
{
    if (d->identify) free(d->identify[0]);
    free(d->identify);
    free(d->name); free(d->label); free(d->chrom); free(d->start); free(d->end);
    free(d->value[0]); free(d->value_raw); free(d->value_max);
    free(d->sample); free(d->gene); free(d->call);
}

/* "a,b,c" into d->identify; "A+B" into d->value.  0, or -1 (memory or too many). */
static int split_list(const char *s, char sep, char ***out, int *n, int max)
{
    char *c = strdup(s);
    char **v = calloc(max, sizeof(*v));
    if (!c || !v) { free(c); free(v); return -1; }
    int k = 0;
    for (char *p = c; p; ) {
        if (k == max) { free(c); free(v); return -1; }
        v[k++] = p;
        char *q = strchr(p, sep);
        if (q) *q++ = 0;
        p = q;
    }
    *out = v; *n = k;
    return 0;
}

static int dialect_row(tsv_t *tt, const int *idx, seg_dialect_t *d, mcrc_err_t *err)
{
    char **const f = tt->f;
    memset(d, 0, sizeof(*d));
    const char *kind = f[idx[8]], *base = f[idx[12]], *adj = f[idx[13]];
    if (split_list(f[idx[2]], ',', &d->identify, &d->nidentify, SEG_MAX_IDENTIFY) < 0) return tsv_fail(tt, err, "identify: too many columns");
    char **vals; int nv;
    if (split_list(f[idx[6]], '+', &vals, &nv, SEG_MAX_COLS) < 0) return tsv_fail(tt, err, "value: one column or two summed");
    d->value[0] = vals[0]; d->value[1] = nv > 1 ? vals[1] : NULL; d->nvalue = nv;
    free(vals);
    d->name = strdup(f[idx[0]]); d->label = strdup(f[idx[1]]);
    d->chrom = strdup(f[idx[3]]); d->start = strdup(f[idx[4]]); d->end = strdup(f[idx[5]]);
    d->value_raw = strdup(f[idx[6]]); d->value_max = dup_col(f[idx[7]]);
    d->sample = dup_col(f[idx[9]]); d->gene = dup_col(f[idx[10]]); d->call = dup_col(f[idx[11]]);
    if (!d->name || !d->label || !d->chrom || !d->start || !d->end || !d->value_raw) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    d->kind = !strcmp(kind, "log2") ? SEG_LOG2 : !strcmp(kind, "absolute") ? SEG_ABSOLUTE : !strcmp(kind, "gene") ? SEG_GENE : -1;
    if ((int)d->kind < 0) return tsv_fail(tt, err, "kind: expected log2, absolute or gene, got '%s'", kind);
    if (d->kind == SEG_GENE && (!d->gene || !d->value_max)) return tsv_fail(tt, err, "a gene table needs gene and value_max columns");
    if (strcmp(base, "0") && strcmp(base, "1")) return tsv_fail(tt, err, "start_base: expected 0 or 1");
    d->start_base = base[0] - '0';
    if (strcmp(adj, "yes") && strcmp(adj, "no")) return tsv_fail(tt, err, "adjusted: expected yes or no");
    d->adjusted = !strcmp(adj, "yes");
    return 0;
}

int seg_dialects_load(seg_dialects_t *t, const char *tsv, mcrc_err_t *err)
{
    static const char *const cols[] = { "name", "label", "identify", "chrom", "start", "end", "value", "value_max",
                                         "kind", "sample", "gene", "call", "start_base", "adjusted" };
    int idx[14], ret, r;
    tsv_t tt;
    memset(t, 0, sizeof(*t));
    if ((ret = tsv_open(&tt, tsv, "segment-dialects.tsv", err)) < 0 || (ret = tsv_need(&tt, cols, idx, 14, err)) < 0) goto out;
    while ((r = tsv_row(&tt, err)) == 1) {
        seg_dialect_t *d = realloc(t->d, (t->n + 1) * sizeof(*d));   /* a short table: one slot at a time */
        if (!d) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        t->d = d;
        if ((ret = dialect_row(&tt, idx, &t->d[t->n++], err)) < 0) goto out;
    }
    ret = r < 0 ? r : 0;
out:
    tsv_close(&tt);
    if (ret) seg_dialects_destroy(t);
    return ret;
}

void seg_dialects_destroy(seg_dialects_t *t)
{
    for (int i = 0; i < t->n; i++) dialect_free(&t->d[i]);
    free(t->d);
    memset(t, 0, sizeof(*t));
}

const seg_dialect_t *seg_dialect_match(const seg_dialects_t *t, char *const *col, int ncol)
{
    for (int i = 0; i < t->n; i++) {
        const seg_dialect_t *d = &t->d[i];
        int ok = 1;
        for (int j = 0; j < d->nidentify && ok; j++) {
            ok = 0;
            for (int c = 0; c < ncol && !ok; c++) ok = !strcmp(col[c], d->identify[j]);
        }
        if (ok) return d;
    }
    return NULL;
}

int seg_dialects_expected(const seg_dialects_t *t, kstring_t *k)
{
    int bad = 0;
    for (int i = 0; i < t->n; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++) seen = !strcmp(t->d[j].label, t->d[i].label);
        if (seen) continue;
        bad |= ksprintf(k, "%s%s", k->l ? ", " : "", t->d[i].label) < 0;
    }
    return bad ? -1 : 0;
}

int seg_split(char *line, int tabs, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        if (!tabs) while (*p == ' ') p++;
        if (!tabs && !*p) break;
        char *s = p;
        while (*p && *p != (tabs ? '\t' : ' ')) p++;
        char *e = p;
        int more = *p != 0;
        if (more) *p++ = 0;
        if (e - s >= 2 && *s == '"' && e[-1] == '"') { s++; e[-1] = 0; }
        f[n++] = s;
        if (!more) break;
    }
    return n;
}

const seg_dialect_t *seg_sniff(const seg_dialects_t *t, const char *fn)
{
    htsFile *fp = hts_open(fn, "r");
    if (!fp) return NULL;
    if (sio_unreadable_compression(hts_get_format(fp))) { hts_close(fp); return NULL; }    /* hts_getline() would abort() */
    kstring_t s = { 0, 0, NULL };
    const seg_dialect_t *d = NULL;
    char *f[TSV_MAX_COLS];
    while (hts_getline(fp, KS_SEP_LINE, &s) >= 0) {
        if (s.l && s.s[s.l - 1] == '\r') s.s[--s.l] = 0;
        if (!s.l || s.s[0] == '#' || s.s[0] == '@') continue;
        d = seg_dialect_match(t, f, seg_split(s.s, strchr(s.s, '\t') != NULL, f, TSV_MAX_COLS));
        break;
    }
    free(s.s);
    hts_close(fp);
    return d;
}
