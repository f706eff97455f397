/*
 * tsv.h - the one reader of the tab-separated tables compiled into the binary (annotations/ *.tsv).
 *
 * A table is NUL-terminated text.  Lines that are empty, or begin with '#' and hold no tab, are
 * comments.  The first other line is the header: the column names, tab-separated, a leading '#'
 * dropped ("#gene\tbuild..." and "gene\tbuild..." both name the columns).  After the header every
 * empty line and every line beginning with '#' is a comment; each other line is a row and has at
 * least as many fields as the header (at most TSV_MAX_COLS).  Columns are found by name, so their
 * order is free.  Every error names the table and, for a row, the line: "genes.tsv line 4: ...".
 */
#ifndef MCRC_TSV_H
#define MCRC_TSV_H

#include <stdint.h>
#include "mcrc.h"

#define TSV_MAX_COLS 64

typedef struct {
    const char *what;          /* the table's name in messages, e.g. "genes.tsv" */
    char *buf, *next;          /* private copy of the text, split in place; the next line */
    int line_no;               /* of the current line, from 1 */
    int n_col;
    char *col[TSV_MAX_COLS];   /* header names */
    char *f[TSV_MAX_COLS];     /* fields of the current row */
    int nf;
} tsv_t;

/* Copy text (NULL: the table is missing from the binary) and read its header.  0, or MCRC_E_INTERNAL
 * with a message; tsv_close is due either way. */
int tsv_open(tsv_t *t, const char *text, const char *what, mcrc_err_t *err);
void tsv_close(tsv_t *t);

/* idx[i] = the column named names[i]; MCRC_E_INTERNAL when one is missing. */
int tsv_need(const tsv_t *t, const char *const *names, int *idx, int n, mcrc_err_t *err);

/* The next row into t->f: 1, 0 at the end, MCRC_E_INTERNAL for a short or too wide row. */
int tsv_row(tsv_t *t, mcrc_err_t *err);

/* "<table> line <n>: " + the message; returns MCRC_E_INTERNAL (built-in data the tool cannot use). */
int tsv_fail(const tsv_t *t, mcrc_err_t *err, const char *fmt, ...) MCRC_PRINTF(3, 4);

/* A whole field as a count (decimal digits, a value >= 0 within int64 / int; util.c's parse_int64): 0, or -1. */
int tsv_count64(const char *s, int64_t *out);
int tsv_count(const char *s, int *out);

#endif
