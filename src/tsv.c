/*
 * tsv.c - the one reader of the built-in tab-separated tables (rules: tsv.h).
 *
 * The text is copied once and split in place; fields point into the copy until tsv_close.  Nothing
 * here knows a table's meaning: the loaders (genes.c, assembly.c, copy_number.c, vaf.c, small_variant.c,
 * cds_load.c) ask for their columns by name and check their values.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsv.h"
#include "util.h"

/* the next line (without \r\n), NULL at the end */
static char *next_line(tsv_t *t)
{
    if (!t->next || !*t->next) return NULL;
    char *s = t->next, *e = strchr(s, '\n');
    if (e) { *e = 0; t->next = e + 1; } else t->next = NULL;
    size_t l = strlen(s);
    if (l && s[l - 1] == '\r') s[--l] = 0;
    t->line_no++;
    return s;
}

/* split on tabs in place; -1 when the line has more than max fields */
static int split_fields(char *s, char **f, int max)
{
    int n = 0;
    for (;;) {
        if (n == max) return -1;
        f[n++] = s;
        char *tab = strchr(s, '\t');
        if (!tab) break;
        *tab = 0;
        s = tab + 1;
    }
    return n;
}

int tsv_fail(const tsv_t *t, mcrc_err_t *err, const char *fmt, ...)
{
    if (!err) return MCRC_E_INTERNAL;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    char prefix[96];
    snprintf(prefix, sizeof(prefix), "%.60s line %d: ", t->what, t->line_no);
    mcrc_prefix(err, prefix);
    return MCRC_E_INTERNAL;
}

int tsv_open(tsv_t *t, const char *text, const char *what, mcrc_err_t *err)
{
    memset(t, 0, sizeof(*t));
    t->what = what;
    if (!text) return mcrc_fail(err, MCRC_E_INTERNAL, "%s is missing from the binary", what);
    if (!(t->buf = strdup(text))) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    t->next = t->buf;
    char *s;
    while ((s = next_line(t))) {
        if (!*s || (*s == '#' && !strchr(s, '\t'))) continue;
        int n = split_fields(s + (*s == '#'), t->col, TSV_MAX_COLS);
        if (n < 0) return tsv_fail(t, err, "the header has more than %d columns", TSV_MAX_COLS);
        t->n_col = n;
        return 0;
    }
    return mcrc_fail(err, MCRC_E_INTERNAL, "%s: no header line (column names separated by tabs)", what);
}

void tsv_close(tsv_t *t)
{
    free(t->buf);
    t->buf = t->next = NULL;
}

int tsv_need(const tsv_t *t, const char *const *names, int *idx, int n, mcrc_err_t *err)
{
    for (int i = 0; i < n; i++) {
        idx[i] = -1;
        for (int k = 0; k < t->n_col && idx[i] < 0; k++)
            if (!strcmp(t->col[k], names[i])) idx[i] = k;
        if (idx[i] < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "%s: required column '%s' missing from the header", t->what, names[i]);
    }
    return 0;
}

int tsv_row(tsv_t *t, mcrc_err_t *err)
{
    char *s;
    while ((s = next_line(t))) {
        if (!*s || *s == '#') continue;
        int n = split_fields(s, t->f, TSV_MAX_COLS);
        if (n < t->n_col)
            return tsv_fail(t, err, "%d columns, the header has %d", n < 0 ? TSV_MAX_COLS : n, t->n_col);
        t->nf = n;
        return 1;
    }
    return 0;
}

int tsv_count64(const char *s, int64_t *out)
{
    int64_t v;
    if (!s || *s < '0' || *s > '9' || parse_int64(s, &v) < 0) return -1;
    *out = v;
    return 0;
}

int tsv_count(const char *s, int *out)
{
    int64_t v;
    if (tsv_count64(s, &v) < 0 || v > INT32_MAX) return -1;
    *out = (int)v;
    return 0;
}
