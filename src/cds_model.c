/*
 * cds_model.c - load and validate the KRAS/NRAS/BRAF/ERBB2 coding models.
 *
 * Design
 * ------
 * Input is the NUL-terminated text of the annotation files (from
 * embedded_get() in the binary, from disk in the tests, from a fuzzer):
 *
 *   cds_exons.tsv  one row per coding segment: gene, build, transcript, chrom,
 *                  strand, exon_number, cds_seg_start, cds_seg_end, seg_len,
 *                  cds_pos_first, cds_pos_last, cum_cds_offset_before.
 *                  Columns are found by their header names (header line
 *                  starts with '#'), so column order does not matter.
 *   cds.fa         coding sequences; the first word of the header is the gene.
 *   proteins.fa    proteins (terminal '*' optional); first header word = gene.
 *   hotspots.tsv   hotspot codons with genomic positions and reference codons.
 *   genes.tsv      gene spans (only used to name a gene that has no exon model).
 *
 * Data structures: cds_model_t holds three klib-style arrays (n = used,
 * m = allocated): transcripts (cds_tx_t, one per gene and build, with its
 * coding segments sorted into coding order), genes (cds_gene_t: the coding
 * sequence and the protein, shared by both builds) and gene spans.  All
 * strings are owned by the model; cds_model_destroy() frees everything.
 *
 * Rules checked on load (any failure refuses the whole data set with a
 * message naming the gene/build/row):
 *   - every segment: start <= end, seg_len = end-start+1 = c_last-c_first+1,
 *     cum_cds_offset_before = c_first-1;
 *   - per transcript: one chrom, one strand, one transcript id; segments
 *     contiguous in CDS coordinates from c.1, non-overlapping and ordered
 *     along the strand (descending genomic positions on '-');
 *     total length a multiple of 3;
 *   - the same gene has the same CDS length in both builds;
 *   - a CDS in cds.fa uses only ACGT, starts with ATG, has the segment
 *     length, and translates (standard code) to exactly the protein in
 *     proteins.fa followed by one stop codon, with no internal stop;
 *   - a gene with an exon model and a protein: CDS length = 3*(aa+1);
 *   - hotspots.tsv rows: codon <-> c. positions, each genomic codon base maps
 *     back to its c. position through the exon model, split_codon agrees with
 *     the positions, ref_aa agrees with the protein, the reference codon
 *     agrees with the CDS (or fills the partial CDS, see below) and encodes
 *     ref_aa, and the plus-strand bases agree with the codon.
 *     Rows for genes without any exon model are skipped (not validated).
 *   - genes.tsv rows agree with the exon model (chrom, strand, CDS inside).
 *
 * Partial CDS: a gene with an exon model but no cds.fa entry (NRAS) gets a
 * CDS string of '?' of the model's length; hotspots.tsv reference codons are
 * written into it (conflicts are refused).  translate.c only translates
 * codons whose three bases are all known, so for NRAS only SNV/MNV calls in
 * fully known hotspot codons are possible.
 *
 * Limits: at most 64 tab-separated columns per row; positions are int64;
 * CDS length < 2^31.  Nothing here prints, exits or uses globals other than
 * const tables.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cds_model.h"
#include "embedded.h"
#include "util.h"

#define MAX_COLS 64

#define set_err errbuf_printf

/* ---------------------------------------------------------------- helpers */

static char *dup_str(const char *s)
{
    size_t l = strlen(s);
    char *d = malloc(l + 1);
    if (d) memcpy(d, s, l + 1);
    return d;
}

static char *dup_n(const char *s, size_t l)
{
    char *d = malloc(l + 1);
    if (!d) return NULL;
    memcpy(d, s, l);
    d[l] = 0;
    return d;
}

static const char *skip_chr(const char *c)
{
    if ((c[0] == 'c' || c[0] == 'C') && (c[1] == 'h' || c[1] == 'H') && (c[2] == 'r' || c[2] == 'R'))
        return c + 3;
    return c;
}

/* strict decimal integer: optional surrounding spaces, no sign, no junk */
static int parse_i64(const char *s, int64_t *out)
{
    while (*s == ' ') s++;
    if (!isdigit((unsigned char)*s)) return -1;
    int64_t v = 0;
    while (isdigit((unsigned char)*s)) {
        int d = *s - '0';
        if (v > (INT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
        s++;
    }
    while (*s == ' ') s++;
    if (*s) return -1;
    *out = v;
    return 0;
}

static int parse_int(const char *s, int *out)
{
    int64_t v;
    if (parse_i64(s, &v) < 0 || v > INT32_MAX) return -1;
    *out = (int)v;
    return 0;
}

char cds_complement(char b)
{
    switch (b) {
    case 'A': case 'a': return 'T';
    case 'C': case 'c': return 'G';
    case 'G': case 'g': return 'C';
    case 'T': case 't': return 'A';
    case 'N': case 'n': return 'N';
    default: return 0;
    }
}

static int base_index(char b)
{
    switch (b) {
    case 'T': case 't': return 0;
    case 'C': case 'c': return 1;
    case 'A': case 'a': return 2;
    case 'G': case 'g': return 3;
    default: return -1;
    }
}

/* standard genetic code, bases ordered T C A G */
static const char genetic_code[65] =
    "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

char cds_translate_codon(const char *codon)
{
    if (!codon) return 0;
    int a = base_index(codon[0]);
    if (a < 0) return 0;
    int b = base_index(codon[1]);
    if (b < 0) return 0;
    int c = base_index(codon[2]);
    if (c < 0) return 0;
    return genetic_code[a * 16 + b * 4 + c];
}

cds_build_t cds_build_parse(const char *s)
{
    if (!s) return CDS_BUILD_UNKNOWN;
    static const struct { const char *name; cds_build_t b; } names[] = {
        { "GRCh37", CDS_BUILD_GRCH37 }, { "hg19", CDS_BUILD_GRCH37 }, { "37", CDS_BUILD_GRCH37 },
        { "b37", CDS_BUILD_GRCH37 },
        { "GRCh38", CDS_BUILD_GRCH38 }, { "hg38", CDS_BUILD_GRCH38 }, { "38", CDS_BUILD_GRCH38 },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *a = names[i].name, *b = s;
        while (*a && *b && tolower((unsigned char)*a) == tolower((unsigned char)*b)) a++, b++;
        if (!*a && !*b) return names[i].b;
    }
    return CDS_BUILD_UNKNOWN;
}

const char *cds_build_name(cds_build_t b)
{
    switch (b) {
    case CDS_BUILD_GRCH37: return "GRCh37";
    case CDS_BUILD_GRCH38: return "GRCh38";
    default: return "unknown build";
    }
}

/* ------------------------------------------------------------ init/destroy */

void cds_model_init(cds_model_t *m)
{
    if (m) memset(m, 0, sizeof(*m));
}

static void tx_destroy(cds_tx_t *t)
{
    free(t->gene); free(t->chrom); free(t->transcript);
    free(t->tx_refseq); free(t->tx_ensembl); free(t->seg);
}

void cds_model_destroy(cds_model_t *m)
{
    if (!m) return;
    for (int i = 0; i < m->n_tx; i++) tx_destroy(&m->tx[i]);
    for (int i = 0; i < m->n_gene; i++) {
        free(m->gene[i].gene); free(m->gene[i].cds); free(m->gene[i].protein);
    }
    for (int i = 0; i < m->n_span; i++) { free(m->span[i].gene); free(m->span[i].chrom); }
    free(m->tx); free(m->gene); free(m->span);
    memset(m, 0, sizeof(*m));
}

/* grow a klib-style array: *a has *mm slots, need n+1 */
static int grow(void **a, int *mm, int n, size_t elem)
{
    if (n < *mm) return 0;
    int nm = *mm ? *mm * 2 : 8;
    if (nm <= n) return -1;
    void *p = realloc(*a, (size_t)nm * elem);
    if (!p) return -1;
    memset((char *)p + (size_t)*mm * elem, 0, (size_t)(nm - *mm) * elem);
    *a = p;
    *mm = nm;
    return 0;
}

/* ----------------------------------------------------------------- lookups */

const cds_tx_t *cds_model_tx(const cds_model_t *m, const char *gene, cds_build_t build)
{
    if (!m || !gene) return NULL;
    for (int i = 0; i < m->n_tx; i++)
        if (m->tx[i].build == build && !strcmp(m->tx[i].gene, gene)) return &m->tx[i];
    return NULL;
}

static cds_gene_t *find_gene(const cds_model_t *m, const char *gene)
{
    for (int i = 0; i < m->n_gene; i++)
        if (!strcmp(m->gene[i].gene, gene)) return &m->gene[i];
    return NULL;
}

const cds_gene_t *cds_model_gene(const cds_model_t *m, const char *gene)
{
    if (!m || !gene) return NULL;
    return find_gene(m, gene);
}

const cds_span_t *cds_model_span(const cds_model_t *m, const char *gene, cds_build_t build)
{
    if (!m || !gene) return NULL;
    for (int i = 0; i < m->n_span; i++)
        if (m->span[i].build == build && !strcmp(m->span[i].gene, gene)) return &m->span[i];
    return NULL;
}

static cds_gene_t *add_gene(cds_model_t *m, const char *gene)
{
    cds_gene_t *g = find_gene(m, gene);
    if (g) return g;
    if (grow((void **)&m->gene, &m->m_gene, m->n_gene, sizeof(cds_gene_t)) < 0) return NULL;
    g = &m->gene[m->n_gene];
    memset(g, 0, sizeof(*g));
    if (!(g->gene = dup_str(gene))) return NULL;
    m->n_gene++;
    return g;
}

int cds_tx_g2c(const cds_tx_t *tx, int64_t gpos, int *iseg)
{
    if (iseg) *iseg = -1;
    if (!tx) return 0;
    for (int i = 0; i < tx->n; i++) {
        const cds_segment_t *s = &tx->seg[i];
        if (gpos < s->start || gpos > s->end) continue;
        if (iseg) *iseg = i;
        if (tx->strand == '+') return s->c_first + (int)(gpos - s->start);
        return s->c_first + (int)(s->end - gpos);
    }
    return 0;
}

int64_t cds_tx_c2g(const cds_tx_t *tx, int cpos)
{
    if (!tx) return 0;
    for (int i = 0; i < tx->n; i++) {
        const cds_segment_t *s = &tx->seg[i];
        if (cpos < s->c_first || cpos > s->c_last) continue;
        if (tx->strand == '+') return s->start + (cpos - s->c_first);
        return s->end - (cpos - s->c_first);
    }
    return 0;
}

/* -------------------------------------------------------------- TSV reader */

/* A table is read from a private copy of the text, split in place. */
typedef struct {
    char *buf;          /* private copy */
    char *next;         /* start of the next line */
    int line_no;
    int n_col;
    char *col_name[MAX_COLS];
    char *f[MAX_COLS];  /* fields of the current row */
    int nf;
} tsv_t;

static int tsv_open(tsv_t *t, const char *text)
{
    memset(t, 0, sizeof(*t));
    if (!(t->buf = dup_str(text))) return CDS_E_NOMEM;
    t->next = t->buf;
    return 0;
}

static void tsv_close(tsv_t *t) { free(t->buf); t->buf = NULL; }

/* next raw line (without \r\n), NULL at end */
static char *tsv_line(tsv_t *t)
{
    if (!t->next || !*t->next) return NULL;
    char *s = t->next, *e = strchr(s, '\n');
    if (e) { *e = 0; t->next = e + 1; } else t->next = NULL;
    size_t l = strlen(s);
    if (l && s[l - 1] == '\r') s[--l] = 0;
    t->line_no++;
    return s;
}

/* Like split_tabs(), but -1 when the line has more than max fields. */
static int split_tabs_strict(char *s, char **f, int max)
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

/* read lines until the header ('#' first); returns 0 or error */
static int tsv_header(tsv_t *t, const char *what, char *err, size_t errlen)
{
    char *s;
    while ((s = tsv_line(t))) {
        if (!*s) continue;
        if (*s != '#') break;
        int n = split_tabs_strict(s + 1, t->col_name, MAX_COLS);
        if (n < 0) { set_err(err, errlen, "%s: header has more than %d columns", what, MAX_COLS); return CDS_E_PARSE; }
        t->n_col = n;
        return 0;
    }
    set_err(err, errlen, "%s: no header line starting with '#'", what);
    return CDS_E_PARSE;
}

static int tsv_col(const tsv_t *t, const char *name)
{
    for (int i = 0; i < t->n_col; i++)
        if (!strcmp(t->col_name[i], name)) return i;
    return -1;
}

/* next data row; 1 = got one, 0 = end, <0 = error */
static int tsv_row(tsv_t *t, const char *what, char *err, size_t errlen)
{
    char *s;
    while ((s = tsv_line(t))) {
        if (!*s || *s == '#') continue;
        int n = split_tabs_strict(s, t->f, MAX_COLS);
        if (n < t->n_col) {
            set_err(err, errlen, "%s line %d: %d columns, header has %d", what, t->line_no, n < 0 ? MAX_COLS : n, t->n_col);
            return CDS_E_PARSE;
        }
        t->nf = n;
        return 1;
    }
    return 0;
}

/* find required columns; idx[i] gets the index of names[i] */
static int tsv_need(const tsv_t *t, const char *what, const char *const *names, int *idx, int n,
                    char *err, size_t errlen)
{
    for (int i = 0; i < n; i++) {
        if ((idx[i] = tsv_col(t, names[i])) < 0) {
            set_err(err, errlen, "%s: required column '%s' missing from the header", what, names[i]);
            return CDS_E_PARSE;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ FASTA reader */

typedef int (*fasta_cb)(cds_model_t *m, const char *name, char *seq, int len, char *err, size_t errlen);

/* Calls cb for each record; cb takes ownership of seq (malloc'd). */
static int fasta_each(cds_model_t *m, const char *text, const char *what, fasta_cb cb,
                      char *err, size_t errlen)
{
    const char *p = text;
    int ret = 0, line_no = 0;
    char *name = NULL, *seq = NULL;
    size_t n = 0, mm = 0;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        line_no++;
        if (l && p[l - 1] == '\r') l--;
        if (l && p[0] == '>') {
            if (name) {
                ret = cb(m, name, seq, (int)n, err, errlen);
                seq = NULL; n = mm = 0;
                free(name); name = NULL;
                if (ret < 0) goto cleanup;
            }
            size_t k = 1;
            while (k < l && !isspace((unsigned char)p[k])) k++;
            if (k == 1) { set_err(err, errlen, "%s line %d: FASTA header without a name", what, line_no); ret = CDS_E_PARSE; goto cleanup; }
            if (!(name = dup_n(p + 1, k - 1))) { ret = CDS_E_NOMEM; goto cleanup; }
            if (!(seq = malloc(1))) { ret = CDS_E_NOMEM; goto cleanup; }
            seq[0] = 0; mm = 1;
        } else if (l) {
            if (!name) { set_err(err, errlen, "%s line %d: sequence before the first '>' header", what, line_no); ret = CDS_E_PARSE; goto cleanup; }
            for (size_t k = 0; k < l; k++) {
                char c = p[k];
                if (isspace((unsigned char)c)) continue;
                if (!isalpha((unsigned char)c) && c != '*') {
                    set_err(err, errlen, "%s line %d: unexpected character '%c' in sequence %s", what, line_no,
                            isprint((unsigned char)c) ? c : '?', name);
                    ret = CDS_E_PARSE; goto cleanup;
                }
                if (n + 2 > mm) {
                    if (mm > (size_t)INT32_MAX / 2) { set_err(err, errlen, "%s: sequence %s too long", what, name); ret = CDS_E_PARSE; goto cleanup; }
                    size_t nm = mm * 2 + 64;
                    char *q = realloc(seq, nm);
                    if (!q) { ret = CDS_E_NOMEM; goto cleanup; }
                    seq = q; mm = nm;
                }
                seq[n++] = (char)toupper((unsigned char)c);
                seq[n] = 0;
            }
        }
        p = e ? e + 1 : p + l + strlen(p + l);
    }
    if (name) {
        ret = cb(m, name, seq, (int)n, err, errlen);
        seq = NULL;
    }
cleanup:
    free(name);
    free(seq);
    return ret;
}

static int protein_cb(cds_model_t *m, const char *name, char *seq, int len, char *err, size_t errlen)
{
    int ret = 0;
    if (len > 0 && seq[len - 1] == '*') seq[--len] = 0;
    if (len == 0) { set_err(err, errlen, "proteins.fa: empty protein for %s", name); ret = CDS_E_PARSE; goto cleanup; }
    for (int i = 0; i < len; i++)
        if (seq[i] == '*') { set_err(err, errlen, "proteins.fa: %s has an internal stop at residue %d", name, i + 1); ret = CDS_E_INVALID; goto cleanup; }
    cds_gene_t *g = find_gene(m, name);
    if (g && g->protein) { set_err(err, errlen, "proteins.fa: %s appears twice", name); ret = CDS_E_INVALID; goto cleanup; }
    if (!g && !(g = add_gene(m, name))) { ret = CDS_E_NOMEM; goto cleanup; }
    g->protein = seq; seq = NULL;
    g->prot_len = len;
cleanup:
    free(seq);
    return ret;
}

static int cds_cb(cds_model_t *m, const char *name, char *seq, int len, char *err, size_t errlen)
{
    int ret = 0;
    cds_gene_t *g = find_gene(m, name);
    if (g && g->cds) { set_err(err, errlen, "cds.fa: %s appears twice", name); ret = CDS_E_INVALID; goto cleanup; }
    if (!g || !g->protein) {
        set_err(err, errlen, "cds.fa: %s has no protein in proteins.fa to validate the CDS against", name);
        ret = CDS_E_INVALID; goto cleanup;
    }
    for (int i = 0; i < len; i++)
        if (base_index(seq[i]) < 0) {
            set_err(err, errlen, "cds.fa: %s has non-ACGT base '%c' at c.%d", name, seq[i], i + 1);
            ret = CDS_E_INVALID; goto cleanup;
        }
    if (len % 3 || len < 6) { set_err(err, errlen, "cds.fa: %s CDS length %d is not a multiple of 3", name, len); ret = CDS_E_INVALID; goto cleanup; }
    if (len / 3 != g->prot_len + 1) {
        set_err(err, errlen, "cds.fa: %s CDS is %d nt but the protein has %d aa (expected %d nt = 3 x (aa + 1))",
                name, len, g->prot_len, 3 * (g->prot_len + 1));
        ret = CDS_E_INVALID; goto cleanup;
    }
    if (strncmp(seq, "ATG", 3)) { set_err(err, errlen, "cds.fa: %s CDS does not start with ATG", name); ret = CDS_E_INVALID; goto cleanup; }
    for (int i = 0; i < len / 3; i++) {
        char aa = cds_translate_codon(seq + 3 * i);
        char want = i < g->prot_len ? g->protein[i] : '*';
        if (aa != want) {
            set_err(err, errlen, "cds.fa: %s codon %d (%.3s) translates to %c but proteins.fa has %c",
                    name, i + 1, seq + 3 * i, aa, want);
            ret = CDS_E_INVALID; goto cleanup;
        }
    }
    g->cds = seq; seq = NULL;
    g->cds_len = len;
    g->cds_complete = 1;
cleanup:
    free(seq);
    return ret;
}

/* ------------------------------------------------------------ exon table */

static int seg_cmp(const void *a, const void *b)
{
    const cds_segment_t *x = a, *y = b;
    return (x->c_first > y->c_first) - (x->c_first < y->c_first);
}

/* split "NM_...|ENST..." into refseq / ensembl parts */
static int split_transcript(cds_tx_t *t)
{
    const char *s = t->transcript;
    const char *bar = strchr(s, '|');
    const char *a = s, *b = bar ? bar + 1 : "";
    size_t la = bar ? (size_t)(bar - s) : strlen(s);
    const char *ref = "", *ens = "";
    size_t lr = 0, le = 0;
    /* assign by prefix; anything else is kept as the RefSeq slot */
    if (!strncmp(a, "ENST", 4)) { ens = a; le = la; } else { ref = a; lr = la; }
    if (*b) {
        const char *b2 = strchr(b, '|');
        size_t lb = b2 ? (size_t)(b2 - b) : strlen(b);
        if (!strncmp(b, "ENST", 4) && !le) { ens = b; le = lb; }
        else if (!lr) { ref = b; lr = lb; }
    }
    if (!(t->tx_refseq = dup_n(ref, lr))) return CDS_E_NOMEM;
    if (!(t->tx_ensembl = dup_n(ens, le))) return CDS_E_NOMEM;
    return 0;
}

static int validate_tx(cds_model_t *m, cds_tx_t *t, char *err, size_t errlen)
{
    const char *bn = cds_build_name(t->build);
    qsort(t->seg, (size_t)t->n, sizeof(cds_segment_t), seg_cmp);
    int expect = 1;
    for (int i = 0; i < t->n; i++) {
        cds_segment_t *s = &t->seg[i];
        if (s->c_first != expect) {
            set_err(err, errlen, "cds_exons.tsv: %s %s coding segments are not contiguous: exon %d starts at c.%d, expected c.%d",
                    t->gene, bn, s->exon, s->c_first, expect);
            return CDS_E_INVALID;
        }
        expect = s->c_last + 1;
        if (i > 0) {
            const cds_segment_t *p = &t->seg[i - 1];
            int ok = t->strand == '+' ? s->start > p->end : s->end < p->start;
            if (!ok) {
                set_err(err, errlen, "cds_exons.tsv: %s %s exon %d (%lld-%lld) is not %s exon %d in genomic order for strand %c",
                        t->gene, bn, s->exon, (long long)s->start, (long long)s->end,
                        t->strand == '+' ? "after" : "before", p->exon, t->strand);
                return CDS_E_INVALID;
            }
        }
    }
    t->cds_len = expect - 1;
    if (t->cds_len % 3) {
        set_err(err, errlen, "cds_exons.tsv: %s %s coding segments sum to %d nt, not a multiple of 3", t->gene, bn, t->cds_len);
        return CDS_E_INVALID;
    }
    t->cds_min = t->seg[0].start; t->cds_max = t->seg[0].end;
    for (int i = 1; i < t->n; i++) {
        if (t->seg[i].start < t->cds_min) t->cds_min = t->seg[i].start;
        if (t->seg[i].end > t->cds_max) t->cds_max = t->seg[i].end;
    }
    cds_gene_t *g = find_gene(m, t->gene);
    if (g && g->cds_complete && g->cds_len != t->cds_len) {
        set_err(err, errlen, "%s %s: coding segments sum to %d nt but cds.fa has %d nt", t->gene, bn, t->cds_len, g->cds_len);
        return CDS_E_INVALID;
    }
    if (g && g->protein && t->cds_len != 3 * (g->prot_len + 1)) {
        set_err(err, errlen, "%s %s: coding segments sum to %d nt but the protein has %d aa (expected %d nt)",
                t->gene, bn, t->cds_len, g->prot_len, 3 * (g->prot_len + 1));
        return CDS_E_INVALID;
    }
    for (int i = 0; i < m->n_tx; i++) {
        cds_tx_t *o = &m->tx[i];
        if (o != t && o->cds_len && !strcmp(o->gene, t->gene) && o->cds_len != t->cds_len) {
            set_err(err, errlen, "%s: CDS length differs between builds (%d nt on %s, %d nt on %s)",
                    t->gene, o->cds_len, cds_build_name(o->build), t->cds_len, bn);
            return CDS_E_INVALID;
        }
    }
    if (!g && !(g = add_gene(m, t->gene))) return CDS_E_NOMEM;
    if (!g->cds) {   /* partial CDS: all unknown until hotspots.tsv fills codons */
        if (!(g->cds = malloc((size_t)t->cds_len + 1))) return CDS_E_NOMEM;
        memset(g->cds, '?', (size_t)t->cds_len);
        g->cds[t->cds_len] = 0;
        g->cds_len = t->cds_len;
        g->cds_complete = 0;
    }
    return 0;
}

static int load_exons(cds_model_t *m, const char *text, char *err, size_t errlen)
{
    static const char *const names[] = { "gene", "build", "transcript", "chrom", "strand", "exon_number",
        "cds_seg_start", "cds_seg_end", "seg_len", "cds_pos_first", "cds_pos_last", "cum_cds_offset_before" };
    enum { C_GENE, C_BUILD, C_TX, C_CHROM, C_STRAND, C_EXON, C_START, C_END, C_LEN, C_FIRST, C_LAST, C_CUM, C_N };
    const char *what = "cds_exons.tsv";
    int idx[C_N], ret, r, rows = 0;
    tsv_t t;
    if ((ret = tsv_open(&t, text)) < 0) return ret;
    if ((ret = tsv_header(&t, what, err, errlen)) < 0) goto cleanup;
    if ((ret = tsv_need(&t, what, names, idx, C_N, err, errlen)) < 0) goto cleanup;
    while ((r = tsv_row(&t, what, err, errlen)) == 1) {
        char **f = t.f;
        rows++;
        cds_build_t b = cds_build_parse(f[idx[C_BUILD]]);
        if (b == CDS_BUILD_UNKNOWN) { set_err(err, errlen, "%s line %d: unknown build '%s'", what, t.line_no, f[idx[C_BUILD]]); ret = CDS_E_PARSE; goto cleanup; }
        const char *gene = f[idx[C_GENE]], *chrom = skip_chr(f[idx[C_CHROM]]), *strand = f[idx[C_STRAND]];
        if (!*gene || !*chrom) { set_err(err, errlen, "%s line %d: empty gene or chrom", what, t.line_no); ret = CDS_E_PARSE; goto cleanup; }
        if (strcmp(strand, "+") && strcmp(strand, "-")) { set_err(err, errlen, "%s line %d: strand '%s' is not + or -", what, t.line_no, strand); ret = CDS_E_PARSE; goto cleanup; }
        cds_segment_t s;
        int64_t len, cum;
        if (parse_int(f[idx[C_EXON]], &s.exon) < 0 || parse_i64(f[idx[C_START]], &s.start) < 0 ||
            parse_i64(f[idx[C_END]], &s.end) < 0 || parse_i64(f[idx[C_LEN]], &len) < 0 ||
            parse_int(f[idx[C_FIRST]], &s.c_first) < 0 || parse_int(f[idx[C_LAST]], &s.c_last) < 0 ||
            parse_i64(f[idx[C_CUM]], &cum) < 0) {
            set_err(err, errlen, "%s line %d: a numeric column is not a non-negative integer", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        if (s.start < 1 || s.end < s.start || s.c_first < 1 || s.c_last < s.c_first ||
            len != s.end - s.start + 1 || len != (int64_t)s.c_last - s.c_first + 1 || cum != s.c_first - 1) {
            set_err(err, errlen, "%s line %d: %s exon %d is inconsistent (start %lld, end %lld, seg_len %lld, c.%d-%d, offset %lld)",
                    what, t.line_no, gene, s.exon, (long long)s.start, (long long)s.end, (long long)len, s.c_first, s.c_last, (long long)cum);
            ret = CDS_E_INVALID; goto cleanup;
        }
        cds_tx_t *tx = (cds_tx_t *)cds_model_tx(m, gene, b);
        if (!tx) {
            if (grow((void **)&m->tx, &m->m_tx, m->n_tx, sizeof(cds_tx_t)) < 0) { ret = CDS_E_NOMEM; goto cleanup; }
            tx = &m->tx[m->n_tx++];
            memset(tx, 0, sizeof(*tx));
            tx->build = b;
            tx->strand = strand[0];
            if (!(tx->gene = dup_str(gene)) || !(tx->chrom = dup_str(chrom)) ||
                !(tx->transcript = dup_str(f[idx[C_TX]]))) { ret = CDS_E_NOMEM; goto cleanup; }
            if ((ret = split_transcript(tx)) < 0) goto cleanup;
        } else if (strcmp(tx->chrom, chrom) || tx->strand != strand[0] || strcmp(tx->transcript, f[idx[C_TX]])) {
            set_err(err, errlen, "%s line %d: %s %s rows disagree on chrom, strand or transcript", what, t.line_no, gene, cds_build_name(b));
            ret = CDS_E_INVALID; goto cleanup;
        }
        if (grow((void **)&tx->seg, &tx->m, tx->n, sizeof(cds_segment_t)) < 0) { ret = CDS_E_NOMEM; goto cleanup; }
        tx->seg[tx->n++] = s;
    }
    if (r < 0) { ret = r; goto cleanup; }
    if (!rows) { set_err(err, errlen, "%s: no data rows", what); ret = CDS_E_PARSE; goto cleanup; }
    for (int i = 0; i < m->n_tx; i++)
        if ((ret = validate_tx(m, &m->tx[i], err, errlen)) < 0) goto cleanup;
    ret = 0;
cleanup:
    tsv_close(&t);
    return ret;
}

int cds_model_load(cds_model_t *m, const char *exons_tsv, const char *cds_fa,
                   const char *proteins_fa, char *err, size_t errlen)
{
    int ret;
    if (!m || !exons_tsv) { set_err(err, errlen, "cds_model_load: NULL argument"); return CDS_E_ARG; }
    if (m->n_tx || m->n_gene) { set_err(err, errlen, "cds_model_load: model already loaded"); return CDS_E_ARG; }
    if (proteins_fa && (ret = fasta_each(m, proteins_fa, "proteins.fa", protein_cb, err, errlen)) < 0) goto fail;
    if (cds_fa && (ret = fasta_each(m, cds_fa, "cds.fa", cds_cb, err, errlen)) < 0) goto fail;
    if ((ret = load_exons(m, exons_tsv, err, errlen)) < 0) goto fail;
    return 0;
fail:
    if (ret == CDS_E_NOMEM) set_err(err, errlen, "out of memory while loading the CDS model");
    cds_model_destroy(m);
    cds_model_init(m);
    return ret;
}

/* ---------------------------------------------------------------- hotspots */

int cds_model_add_hotspots(cds_model_t *m, const char *hotspots_tsv, char *err, size_t errlen)
{
    static const char *const names[] = { "gene", "codon", "ref_aa", "build", "chrom", "strand", "transcript",
        "c_first", "c_last", "gpos_codon_base1", "gpos_codon_base2", "gpos_codon_base3", "split_codon",
        "ref_codon_coding_strand", "ref_bases_plus_strand_asc" };
    enum { H_GENE, H_CODON, H_AA, H_BUILD, H_CHROM, H_STRAND, H_TX, H_CF, H_CL, H_G1, H_G2, H_G3, H_SPLIT,
           H_CODONSEQ, H_PLUS, H_N };
    const char *what = "hotspots.tsv";
    int idx[H_N], ret, r;
    tsv_t t;
    if (!m || !hotspots_tsv) { set_err(err, errlen, "cds_model_add_hotspots: NULL argument"); return CDS_E_ARG; }
    if ((ret = tsv_open(&t, hotspots_tsv)) < 0) return ret;
    if ((ret = tsv_header(&t, what, err, errlen)) < 0) goto cleanup;
    if ((ret = tsv_need(&t, what, names, idx, H_N, err, errlen)) < 0) goto cleanup;
    while ((r = tsv_row(&t, what, err, errlen)) == 1) {
        char **f = t.f;
        const char *gene = f[idx[H_GENE]];
        cds_build_t b = cds_build_parse(f[idx[H_BUILD]]);
        if (b == CDS_BUILD_UNKNOWN) { set_err(err, errlen, "%s line %d: unknown build '%s'", what, t.line_no, f[idx[H_BUILD]]); ret = CDS_E_PARSE; goto cleanup; }
        const cds_tx_t *tx = cds_model_tx(m, gene, b);
        if (!tx) {
            int any = 0;
            for (int i = 0; i < m->n_tx; i++) if (!strcmp(m->tx[i].gene, gene)) any = 1;
            if (!any) continue;   /* gene without any exon model: not checkable, skipped */
            set_err(err, errlen, "%s line %d: %s has no exon model on %s", what, t.line_no, gene, cds_build_name(b));
            ret = CDS_E_INVALID; goto cleanup;
        }
        cds_gene_t *g = find_gene(m, gene);
        int codon, cf, cl;
        int64_t gp[3];
        if (parse_int(f[idx[H_CODON]], &codon) < 0 || parse_int(f[idx[H_CF]], &cf) < 0 || parse_int(f[idx[H_CL]], &cl) < 0 ||
            parse_i64(f[idx[H_G1]], &gp[0]) < 0 || parse_i64(f[idx[H_G2]], &gp[1]) < 0 || parse_i64(f[idx[H_G3]], &gp[2]) < 0) {
            set_err(err, errlen, "%s line %d: a numeric column is not a non-negative integer", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        const char *bn = cds_build_name(b);
        if (strcmp(skip_chr(f[idx[H_CHROM]]), tx->chrom) || strlen(f[idx[H_STRAND]]) != 1 || f[idx[H_STRAND]][0] != tx->strand) {
            set_err(err, errlen, "%s line %d: %s %s chrom/strand disagree with cds_exons.tsv", what, t.line_no, gene, bn);
            ret = CDS_E_INVALID; goto cleanup;
        }
        const char *rt = f[idx[H_TX]];
        if (strcmp(rt, tx->tx_refseq) && strcmp(rt, tx->tx_ensembl) && strcmp(rt, tx->transcript)) {
            set_err(err, errlen, "%s line %d: %s %s transcript %s is not the modelled transcript %s", what, t.line_no, gene, bn, rt, tx->transcript);
            ret = CDS_E_INVALID; goto cleanup;
        }
        if (codon < 1 || cf != 3 * codon - 2 || cl != 3 * codon || cl > tx->cds_len) {
            set_err(err, errlen, "%s line %d: %s codon %d does not match c.%d-%d (CDS %d nt)", what, t.line_no, gene, codon, cf, cl, tx->cds_len);
            ret = CDS_E_INVALID; goto cleanup;
        }
        int split = 0;
        for (int i = 0; i < 3; i++) {
            int c = cds_tx_g2c(tx, gp[i], NULL);
            if (c != cf + i) {
                set_err(err, errlen, "%s line %d: %s %s codon %d base %d at %s:%lld maps to c.%d in the exon model, expected c.%d",
                        what, t.line_no, gene, bn, codon, i + 1, tx->chrom, (long long)gp[i], c, cf + i);
                ret = CDS_E_INVALID; goto cleanup;
            }
            if (i && llabs((long long)(gp[i] - gp[i - 1])) != 1) split = 1;
        }
        const char *sc = f[idx[H_SPLIT]];
        if ((split && strcmp(sc, "yes")) || (!split && strcmp(sc, "no"))) {
            set_err(err, errlen, "%s line %d: %s codon %d split_codon=%s but the positions say %s", what, t.line_no, gene, codon, sc, split ? "yes" : "no");
            ret = CDS_E_INVALID; goto cleanup;
        }
        const char *aa = f[idx[H_AA]], *cs = f[idx[H_CODONSEQ]], *ps = f[idx[H_PLUS]];
        if (strlen(aa) != 1 || strlen(cs) != 3 || strlen(ps) != 3) {
            set_err(err, errlen, "%s line %d: ref_aa must be 1 letter and codons 3 letters", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        if (g && g->protein && (codon > g->prot_len || g->protein[codon - 1] != aa[0])) {
            set_err(err, errlen, "%s line %d: %s codon %d ref_aa %c but proteins.fa has %c", what, t.line_no, gene, codon, aa[0],
                    codon > g->prot_len ? '-' : g->protein[codon - 1]);
            ret = CDS_E_INVALID; goto cleanup;
        }
        int known = 0;
        char up[3];
        for (int i = 0; i < 3; i++) {
            char c = (char)toupper((unsigned char)cs[i]);
            if (c != '?' && base_index(c) < 0) {
                set_err(err, errlen, "%s line %d: reference codon '%s' has a character other than ACGT?", what, t.line_no, cs);
                ret = CDS_E_PARSE; goto cleanup;
            }
            up[i] = c;
            if (c != '?') known++;
        }
        if (known == 3 && cds_translate_codon(up) != aa[0]) {
            set_err(err, errlen, "%s line %d: %s codon %d %.3s does not encode %c", what, t.line_no, gene, codon, up, aa[0]);
            ret = CDS_E_INVALID; goto cleanup;
        }
        /* plus-strand bases in ascending genomic order */
        for (int i = 0; i < 3; i++) {
            int j = tx->strand == '+' ? i : 2 - i;   /* codon base index at the i-th ascending position */
            char want = up[j] == '?' ? '?' : (tx->strand == '+' ? up[j] : cds_complement(up[j]));
            if (toupper((unsigned char)ps[i]) != want) {
                set_err(err, errlen, "%s line %d: %s codon %d plus-strand bases '%s' disagree with codon %.3s on strand %c",
                        what, t.line_no, gene, codon, ps, up, tx->strand);
                ret = CDS_E_INVALID; goto cleanup;
            }
        }
        if (g && g->cds && g->cds_len >= cl) {
            for (int i = 0; i < 3; i++) {
                char *have = &g->cds[cf - 1 + i];
                if (up[i] == '?') continue;
                if (*have == '?' && !g->cds_complete) *have = up[i];
                else if (*have != up[i]) {
                    set_err(err, errlen, "%s line %d: %s c.%d is %c in hotspots.tsv but %c in the %s", what, t.line_no, gene, cf + i,
                            up[i], *have, g->cds_complete ? "CDS (cds.fa)" : "codons of earlier rows");
                    ret = CDS_E_INVALID; goto cleanup;
                }
            }
        }
        m->n_hotspot_rows++;
    }
    if (r < 0) { ret = r; goto cleanup; }
    ret = 0;
cleanup:
    tsv_close(&t);
    return ret;
}

/* ------------------------------------------------------------------- genes */

int cds_model_add_genes(cds_model_t *m, const char *genes_tsv, char *err, size_t errlen)
{
    static const char *const names[] = { "gene", "build", "chrom", "gene_start", "gene_end", "strand" };
    enum { G_GENE, G_BUILD, G_CHROM, G_START, G_END, G_STRAND, G_N };
    const char *what = "genes.tsv";
    int idx[G_N], ret, r;
    tsv_t t;
    if (!m || !genes_tsv) { set_err(err, errlen, "cds_model_add_genes: NULL argument"); return CDS_E_ARG; }
    if ((ret = tsv_open(&t, genes_tsv)) < 0) return ret;
    if ((ret = tsv_header(&t, what, err, errlen)) < 0) goto cleanup;
    if ((ret = tsv_need(&t, what, names, idx, G_N, err, errlen)) < 0) goto cleanup;
    while ((r = tsv_row(&t, what, err, errlen)) == 1) {
        char **f = t.f;
        cds_span_t s;
        memset(&s, 0, sizeof(s));
        s.build = cds_build_parse(f[idx[G_BUILD]]);
        const char *gene = f[idx[G_GENE]], *chrom = skip_chr(f[idx[G_CHROM]]), *strand = f[idx[G_STRAND]];
        if (s.build == CDS_BUILD_UNKNOWN || !*gene || !*chrom || (strcmp(strand, "+") && strcmp(strand, "-")) ||
            parse_i64(f[idx[G_START]], &s.start) < 0 || parse_i64(f[idx[G_END]], &s.end) < 0 || s.start < 1 || s.end < s.start) {
            set_err(err, errlen, "%s line %d: bad gene, build, chrom, strand or span", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        s.strand = strand[0];
        if (cds_model_span(m, gene, s.build)) {
            set_err(err, errlen, "%s line %d: %s %s appears twice", what, t.line_no, gene, cds_build_name(s.build));
            ret = CDS_E_INVALID; goto cleanup;
        }
        const cds_tx_t *tx = cds_model_tx(m, gene, s.build);
        if (tx && (strcmp(tx->chrom, chrom) || tx->strand != s.strand || tx->cds_min < s.start || tx->cds_max > s.end)) {
            set_err(err, errlen, "%s line %d: %s %s span %s:%lld-%lld (%c) disagrees with the exon model %s:%lld-%lld (%c)",
                    what, t.line_no, gene, cds_build_name(s.build), chrom, (long long)s.start, (long long)s.end, s.strand,
                    tx->chrom, (long long)tx->cds_min, (long long)tx->cds_max, tx->strand);
            ret = CDS_E_INVALID; goto cleanup;
        }
        if (grow((void **)&m->span, &m->m_span, m->n_span, sizeof(cds_span_t)) < 0) { ret = CDS_E_NOMEM; goto cleanup; }
        if (!(s.gene = dup_str(gene))) { ret = CDS_E_NOMEM; goto cleanup; }
        if (!(s.chrom = dup_str(chrom))) { free(s.gene); ret = CDS_E_NOMEM; goto cleanup; }
        m->span[m->n_span++] = s;
    }
    if (r < 0) { ret = r; goto cleanup; }
    ret = 0;
cleanup:
    tsv_close(&t);
    return ret;
}

/* ------------------------------------------------------------ embedded data */

int cds_model_load_embedded(cds_model_t *m, char *err, size_t errlen)
{
    static const char *const files[] = { "cds_exons.tsv", "cds.fa", "proteins.fa", "hotspots.tsv", "genes.tsv" };
    const char *txt[5];
    int ret;
    for (int i = 0; i < 5; i++) {
        size_t len;
        if (!(txt[i] = embedded_get(files[i], &len))) {
            set_err(err, errlen, "embedded annotation file %s is missing from the binary", files[i]);
            return CDS_E_MISSING;
        }
    }
    if ((ret = cds_model_load(m, txt[0], txt[1], txt[2], err, errlen)) < 0) return ret;
    if ((ret = cds_model_add_hotspots(m, txt[3], err, errlen)) < 0) goto fail;
    if ((ret = cds_model_add_genes(m, txt[4], err, errlen)) < 0) goto fail;
    return 0;
fail:
    cds_model_destroy(m);
    cds_model_init(m);
    return ret;
}
