/*
 * cds_load.c - load and validate the KRAS/NRAS/BRAF/ERBB2 coding models (cds_model.h).
 *
 * Input is the NUL-terminated text of the annotation files (from
 * embedded_get() through refdata.c in the binary, from the tests, from a fuzzer):
 *
 *   cds_exons.tsv  one row per coding segment: gene, build, transcript, chrom,
 *                  strand, exon_number, cds_seg_start, cds_seg_end, seg_len,
 *                  cds_pos_first, cds_pos_last, cum_cds_offset_before.
 *                  Columns are found by their header names (tsv.c), so
 *                  column order does not matter.
 *   cds.fa         coding sequences; the first word of the header is the gene.
 *   proteins.fa    proteins (terminal '*' optional); first header word = gene.
 *   hotspots.tsv   hotspot codons with genomic positions and reference codons.
 * and the gene table already read from genes.tsv (genes.c): its spans name
 * a gene that has no exon model.
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
 *   - gene spans agree with the exon model (chrom, strand, CDS inside).
 * Chromosome names are canonicalised by contig_canonical (util.c): "chr12" and "12" are one.
 *
 * Partial CDS: a gene with an exon model but no cds.fa entry (NRAS) gets a
 * CDS string of '?' of the model's length; hotspots.tsv reference codons are
 * written into it (conflicts are refused).  translate.c only translates
 * codons whose three bases are all known, so for NRAS only SNV/MNV calls in
 * fully known hotspot codons are possible.
 *
 * Limits: at most TSV_MAX_COLS tab-separated columns per row; positions are
 * int64; CDS length < 2^31.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cds_model.h"
#include "tsv.h"
#include "util.h"

/* the message of a refusal (err may be NULL); the CDS_E_* code is set beside it */
#define set_err(err, ...) ((void)mcrc_fail((err), 0, __VA_ARGS__))

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

static cds_gene_t *add_gene(cds_model_t *m, const char *gene)
{
    cds_gene_t *g = cds_model_find_gene(m, gene);
    if (g) return g;
    if (grow((void **)&m->gene, &m->m_gene, m->n_gene, sizeof(cds_gene_t)) < 0) return NULL;
    g = &m->gene[m->n_gene];
    memset(g, 0, sizeof(*g));
    if (!(g->gene = strdup(gene))) return NULL;
    m->n_gene++;
    return g;
}

/* ------------------------------------------------------------ FASTA reader */

typedef int (*fasta_cb)(cds_model_t *m, const char *name, char *seq, int len, mcrc_err_t *err);

/* Calls cb for each record; cb takes ownership of seq (malloc'd). */
static int fasta_each(cds_model_t *m, const char *text, const char *what, fasta_cb cb,
                      mcrc_err_t *err)
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
                ret = cb(m, name, seq, (int)n, err);
                seq = NULL; n = mm = 0;
                free(name); name = NULL;
                if (ret < 0) goto cleanup;
            }
            size_t k = 1;
            while (k < l && !isspace((unsigned char)p[k])) k++;
            if (k == 1) { set_err(err, "%s line %d: FASTA header without a name", what, line_no); ret = CDS_E_PARSE; goto cleanup; }
            if (!(name = strndup(p + 1, k - 1))) { ret = CDS_E_NOMEM; goto cleanup; }
            if (!(seq = malloc(1))) { ret = CDS_E_NOMEM; goto cleanup; }
            seq[0] = 0; mm = 1;
        } else if (l) {
            if (!name) { set_err(err, "%s line %d: sequence before the first '>' header", what, line_no); ret = CDS_E_PARSE; goto cleanup; }
            for (size_t k = 0; k < l; k++) {
                char c = p[k];
                if (isspace((unsigned char)c)) continue;
                if (!isalpha((unsigned char)c) && c != '*') {
                    set_err(err, "%s line %d: unexpected character '%c' in sequence %s", what, line_no,
                            isprint((unsigned char)c) ? c : '?', name);
                    ret = CDS_E_PARSE; goto cleanup;
                }
                if (n + 2 > mm) {
                    if (mm > (size_t)INT32_MAX / 2) { set_err(err, "%s: sequence %s too long", what, name); ret = CDS_E_PARSE; goto cleanup; }
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
        ret = cb(m, name, seq, (int)n, err);
        seq = NULL;
    }
cleanup:
    free(name);
    free(seq);
    return ret;
}

static int protein_cb(cds_model_t *m, const char *name, char *seq, int len, mcrc_err_t *err)
{
    int ret = 0;
    if (len > 0 && seq[len - 1] == '*') seq[--len] = 0;
    if (len == 0) { set_err(err, "proteins.fa: empty protein for %s", name); ret = CDS_E_PARSE; goto cleanup; }
    for (int i = 0; i < len; i++)
        if (seq[i] == '*') { set_err(err, "proteins.fa: %s has an internal stop at residue %d", name, i + 1); ret = CDS_E_INVALID; goto cleanup; }
    cds_gene_t *g = cds_model_find_gene(m, name);
    if (g && g->protein) { set_err(err, "proteins.fa: %s appears twice", name); ret = CDS_E_INVALID; goto cleanup; }
    if (!g && !(g = add_gene(m, name))) { ret = CDS_E_NOMEM; goto cleanup; }
    g->protein = seq; seq = NULL;
    g->prot_len = len;
cleanup:
    free(seq);
    return ret;
}

static int cds_cb(cds_model_t *m, const char *name, char *seq, int len, mcrc_err_t *err)
{
    int ret = 0;
    cds_gene_t *g = cds_model_find_gene(m, name);
    if (g && g->cds) { set_err(err, "cds.fa: %s appears twice", name); ret = CDS_E_INVALID; goto cleanup; }
    if (!g || !g->protein) {
        set_err(err, "cds.fa: %s has no protein in proteins.fa to validate the CDS against", name);
        ret = CDS_E_INVALID; goto cleanup;
    }
    for (int i = 0; i < len; i++)
        if (cds_base_index(seq[i]) < 0) {
            set_err(err, "cds.fa: %s has non-ACGT base '%c' at c.%d", name, seq[i], i + 1);
            ret = CDS_E_INVALID; goto cleanup;
        }
    if (len % 3 || len < 6) { set_err(err, "cds.fa: %s CDS length %d is not a multiple of 3", name, len); ret = CDS_E_INVALID; goto cleanup; }
    if (len / 3 != g->prot_len + 1) {
        set_err(err, "cds.fa: %s CDS is %d nt but the protein has %d aa (expected %d nt = 3 x (aa + 1))",
                name, len, g->prot_len, 3 * (g->prot_len + 1));
        ret = CDS_E_INVALID; goto cleanup;
    }
    if (strncmp(seq, "ATG", 3)) { set_err(err, "cds.fa: %s CDS does not start with ATG", name); ret = CDS_E_INVALID; goto cleanup; }
    for (int i = 0; i < len / 3; i++) {
        char aa = cds_translate_codon(seq + 3 * i);
        char want = i < g->prot_len ? g->protein[i] : '*';
        if (aa != want) {
            set_err(err, "cds.fa: %s codon %d (%.3s) translates to %c but proteins.fa has %c",
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
    if (!(t->tx_refseq = strndup(ref, lr))) return CDS_E_NOMEM;
    if (!(t->tx_ensembl = strndup(ens, le))) return CDS_E_NOMEM;
    return 0;
}

static int validate_tx(cds_model_t *m, cds_tx_t *t, mcrc_err_t *err)
{
    const char *bn = build_name(t->build);
    qsort(t->seg, (size_t)t->n, sizeof(cds_segment_t), seg_cmp);
    int expect = 1;
    for (int i = 0; i < t->n; i++) {
        cds_segment_t *s = &t->seg[i];
        if (s->c_first != expect) {
            set_err(err, "cds_exons.tsv: %s %s coding segments are not contiguous: exon %d starts at c.%d, expected c.%d",
                    t->gene, bn, s->exon, s->c_first, expect);
            return CDS_E_INVALID;
        }
        expect = s->c_last + 1;
        if (i > 0) {
            const cds_segment_t *p = &t->seg[i - 1];
            int ok = t->strand == '+' ? s->start > p->end : s->end < p->start;
            if (!ok) {
                set_err(err, "cds_exons.tsv: %s %s exon %d (%lld-%lld) is not %s exon %d in genomic order for strand %c",
                        t->gene, bn, s->exon, (long long)s->start, (long long)s->end,
                        t->strand == '+' ? "after" : "before", p->exon, t->strand);
                return CDS_E_INVALID;
            }
        }
    }
    t->cds_len = expect - 1;
    if (t->cds_len % 3) {
        set_err(err, "cds_exons.tsv: %s %s coding segments sum to %d nt, not a multiple of 3", t->gene, bn, t->cds_len);
        return CDS_E_INVALID;
    }
    t->cds_min = t->seg[0].start; t->cds_max = t->seg[0].end;
    for (int i = 1; i < t->n; i++) {
        if (t->seg[i].start < t->cds_min) t->cds_min = t->seg[i].start;
        if (t->seg[i].end > t->cds_max) t->cds_max = t->seg[i].end;
    }
    cds_gene_t *g = cds_model_find_gene(m, t->gene);
    if (g && g->cds_complete && g->cds_len != t->cds_len) {
        set_err(err, "%s %s: coding segments sum to %d nt but cds.fa has %d nt", t->gene, bn, t->cds_len, g->cds_len);
        return CDS_E_INVALID;
    }
    if (g && g->protein && t->cds_len != 3 * (g->prot_len + 1)) {
        set_err(err, "%s %s: coding segments sum to %d nt but the protein has %d aa (expected %d nt)",
                t->gene, bn, t->cds_len, g->prot_len, 3 * (g->prot_len + 1));
        return CDS_E_INVALID;
    }
    for (int i = 0; i < m->n_tx; i++) {
        cds_tx_t *o = &m->tx[i];
        if (o != t && o->cds_len && !strcmp(o->gene, t->gene) && o->cds_len != t->cds_len) {
            set_err(err, "%s: CDS length differs between builds (%d nt on %s, %d nt on %s)",
                    t->gene, o->cds_len, build_name(o->build), t->cds_len, bn);
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

static int load_exons(cds_model_t *m, const char *text, mcrc_err_t *err)
{
    static const char *const names[] = { "gene", "build", "transcript", "chrom", "strand", "exon_number",
        "cds_seg_start", "cds_seg_end", "seg_len", "cds_pos_first", "cds_pos_last", "cum_cds_offset_before" };
    enum { C_GENE, C_BUILD, C_TX, C_CHROM, C_STRAND, C_EXON, C_START, C_END, C_LEN, C_FIRST, C_LAST, C_CUM, C_N };
    const char *what = "cds_exons.tsv";
    int idx[C_N], ret, r, rows = 0;
    tsv_t t;
    if (tsv_open(&t, text, what, err) < 0 || tsv_need(&t, names, idx, C_N, err) < 0) { ret = CDS_E_PARSE; goto cleanup; }
    while ((r = tsv_row(&t, err)) == 1) {
        char **f = t.f;
        rows++;
        genome_build_t b = build_parse(f[idx[C_BUILD]]);
        if (b == BUILD_UNKNOWN) { set_err(err, "%s line %d: unknown build '%s'", what, t.line_no, f[idx[C_BUILD]]); ret = CDS_E_PARSE; goto cleanup; }
        const char *gene = f[idx[C_GENE]], *strand = f[idx[C_STRAND]];
        char chrom[8];
        if (!*gene || contig_canonical(f[idx[C_CHROM]], chrom)) {
            set_err(err, "%s line %d: empty gene or unknown chrom '%s'", what, t.line_no, f[idx[C_CHROM]]);
            ret = CDS_E_PARSE; goto cleanup;
        }
        if (strcmp(strand, "+") && strcmp(strand, "-")) { set_err(err, "%s line %d: strand '%s' is not + or -", what, t.line_no, strand); ret = CDS_E_PARSE; goto cleanup; }
        cds_segment_t s;
        int64_t len, cum;
        if (tsv_count(f[idx[C_EXON]], &s.exon) < 0 || tsv_count64(f[idx[C_START]], &s.start) < 0 ||
            tsv_count64(f[idx[C_END]], &s.end) < 0 || tsv_count64(f[idx[C_LEN]], &len) < 0 ||
            tsv_count(f[idx[C_FIRST]], &s.c_first) < 0 || tsv_count(f[idx[C_LAST]], &s.c_last) < 0 ||
            tsv_count64(f[idx[C_CUM]], &cum) < 0) {
            set_err(err, "%s line %d: a numeric column is not a non-negative integer", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        if (s.start < 1 || s.end < s.start || s.c_first < 1 || s.c_last < s.c_first ||
            len != s.end - s.start + 1 || len != (int64_t)s.c_last - s.c_first + 1 || cum != s.c_first - 1) {
            set_err(err, "%s line %d: %s exon %d is inconsistent (start %lld, end %lld, seg_len %lld, c.%d-%d, offset %lld)",
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
            if (!(tx->gene = strdup(gene)) || !(tx->chrom = strdup(chrom)) ||
                !(tx->transcript = strdup(f[idx[C_TX]]))) { ret = CDS_E_NOMEM; goto cleanup; }
            if ((ret = split_transcript(tx)) < 0) goto cleanup;
        } else if (strcmp(tx->chrom, chrom) || tx->strand != strand[0] || strcmp(tx->transcript, f[idx[C_TX]])) {
            set_err(err, "%s line %d: %s %s rows disagree on chrom, strand or transcript", what, t.line_no, gene, build_name(b));
            ret = CDS_E_INVALID; goto cleanup;
        }
        if (grow((void **)&tx->seg, &tx->m, tx->n, sizeof(cds_segment_t)) < 0) { ret = CDS_E_NOMEM; goto cleanup; }
        tx->seg[tx->n++] = s;
    }
    if (r < 0) { ret = CDS_E_PARSE; goto cleanup; }
    if (!rows) { set_err(err, "%s: no data rows", what); ret = CDS_E_PARSE; goto cleanup; }
    for (int i = 0; i < m->n_tx; i++)
        if ((ret = validate_tx(m, &m->tx[i], err)) < 0) goto cleanup;
    ret = 0;
cleanup:
    tsv_close(&t);
    return ret;
}

int cds_model_load(cds_model_t *m, const char *exons_tsv, const char *cds_fa,
                   const char *proteins_fa, mcrc_err_t *err)
{
    int ret;
    if (!m || !exons_tsv) { set_err(err, "cds_model_load: NULL argument"); return CDS_E_ARG; }
    if (m->n_tx || m->n_gene) { set_err(err, "cds_model_load: model already loaded"); return CDS_E_ARG; }
    if (proteins_fa && (ret = fasta_each(m, proteins_fa, "proteins.fa", protein_cb, err)) < 0) goto fail;
    if (cds_fa && (ret = fasta_each(m, cds_fa, "cds.fa", cds_cb, err)) < 0) goto fail;
    if ((ret = load_exons(m, exons_tsv, err)) < 0) goto fail;
    return 0;
fail:
    if (ret == CDS_E_NOMEM) set_err(err, "out of memory while loading the CDS model");
    cds_model_destroy(m);
    cds_model_init(m);
    return ret;
}

/* ---------------------------------------------------------------- hotspots */

int cds_model_add_hotspots(cds_model_t *m, const char *hotspots_tsv, mcrc_err_t *err)
{
    static const char *const names[] = { "gene", "codon", "ref_aa", "build", "chrom", "strand", "transcript",
        "c_first", "c_last", "gpos_codon_base1", "gpos_codon_base2", "gpos_codon_base3", "split_codon",
        "ref_codon_coding_strand", "ref_bases_plus_strand_asc" };
    enum { H_GENE, H_CODON, H_AA, H_BUILD, H_CHROM, H_STRAND, H_TX, H_CF, H_CL, H_G1, H_G2, H_G3, H_SPLIT,
           H_CODONSEQ, H_PLUS, H_N };
    const char *what = "hotspots.tsv";
    int idx[H_N], ret, r;
    tsv_t t;
    if (!m || !hotspots_tsv) { set_err(err, "cds_model_add_hotspots: NULL argument"); return CDS_E_ARG; }
    if (tsv_open(&t, hotspots_tsv, what, err) < 0 || tsv_need(&t, names, idx, H_N, err) < 0) { ret = CDS_E_PARSE; goto cleanup; }
    while ((r = tsv_row(&t, err)) == 1) {
        char **f = t.f;
        const char *gene = f[idx[H_GENE]];
        genome_build_t b = build_parse(f[idx[H_BUILD]]);
        if (b == BUILD_UNKNOWN) { set_err(err, "%s line %d: unknown build '%s'", what, t.line_no, f[idx[H_BUILD]]); ret = CDS_E_PARSE; goto cleanup; }
        const cds_tx_t *tx = cds_model_tx(m, gene, b);
        if (!tx) {
            int any = 0;
            for (int i = 0; i < m->n_tx; i++) if (!strcmp(m->tx[i].gene, gene)) any = 1;
            if (!any) continue;   /* gene without any exon model: not checkable, skipped */
            set_err(err, "%s line %d: %s has no exon model on %s", what, t.line_no, gene, build_name(b));
            ret = CDS_E_INVALID; goto cleanup;
        }
        cds_gene_t *g = cds_model_find_gene(m, gene);
        int codon, cf, cl;
        int64_t gp[3];
        if (tsv_count(f[idx[H_CODON]], &codon) < 0 || tsv_count(f[idx[H_CF]], &cf) < 0 || tsv_count(f[idx[H_CL]], &cl) < 0 ||
            tsv_count64(f[idx[H_G1]], &gp[0]) < 0 || tsv_count64(f[idx[H_G2]], &gp[1]) < 0 || tsv_count64(f[idx[H_G3]], &gp[2]) < 0) {
            set_err(err, "%s line %d: a numeric column is not a non-negative integer", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        const char *bn = build_name(b);
        char chrom[8];
        if (contig_canonical(f[idx[H_CHROM]], chrom) || strcmp(chrom, tx->chrom) || strlen(f[idx[H_STRAND]]) != 1 || f[idx[H_STRAND]][0] != tx->strand) {
            set_err(err, "%s line %d: %s %s chrom/strand disagree with cds_exons.tsv", what, t.line_no, gene, bn);
            ret = CDS_E_INVALID; goto cleanup;
        }
        const char *rt = f[idx[H_TX]];
        if (strcmp(rt, tx->tx_refseq) && strcmp(rt, tx->tx_ensembl) && strcmp(rt, tx->transcript)) {
            set_err(err, "%s line %d: %s %s transcript %s is not the modelled transcript %s", what, t.line_no, gene, bn, rt, tx->transcript);
            ret = CDS_E_INVALID; goto cleanup;
        }
        if (codon < 1 || cf != 3 * codon - 2 || cl != 3 * codon || cl > tx->cds_len) {
            set_err(err, "%s line %d: %s codon %d does not match c.%d-%d (CDS %d nt)", what, t.line_no, gene, codon, cf, cl, tx->cds_len);
            ret = CDS_E_INVALID; goto cleanup;
        }
        int split = 0;
        for (int i = 0; i < 3; i++) {
            int c = cds_tx_g2c(tx, gp[i], NULL);
            if (c != cf + i) {
                set_err(err, "%s line %d: %s %s codon %d base %d at %s:%lld maps to c.%d in the exon model, expected c.%d",
                        what, t.line_no, gene, bn, codon, i + 1, tx->chrom, (long long)gp[i], c, cf + i);
                ret = CDS_E_INVALID; goto cleanup;
            }
            if (i && llabs((long long)(gp[i] - gp[i - 1])) != 1) split = 1;
        }
        const char *sc = f[idx[H_SPLIT]];
        if ((split && strcmp(sc, "yes")) || (!split && strcmp(sc, "no"))) {
            set_err(err, "%s line %d: %s codon %d split_codon=%s but the positions say %s", what, t.line_no, gene, codon, sc, split ? "yes" : "no");
            ret = CDS_E_INVALID; goto cleanup;
        }
        const char *aa = f[idx[H_AA]], *cs = f[idx[H_CODONSEQ]], *ps = f[idx[H_PLUS]];
        if (strlen(aa) != 1 || strlen(cs) != 3 || strlen(ps) != 3) {
            set_err(err, "%s line %d: ref_aa must be 1 letter and codons 3 letters", what, t.line_no);
            ret = CDS_E_PARSE; goto cleanup;
        }
        if (g && g->protein && (codon > g->prot_len || g->protein[codon - 1] != aa[0])) {
            set_err(err, "%s line %d: %s codon %d ref_aa %c but proteins.fa has %c", what, t.line_no, gene, codon, aa[0],
                    codon > g->prot_len ? '-' : g->protein[codon - 1]);
            ret = CDS_E_INVALID; goto cleanup;
        }
        int known = 0;
        char up[3];
        for (int i = 0; i < 3; i++) {
            char c = (char)toupper((unsigned char)cs[i]);
            if (c != '?' && cds_base_index(c) < 0) {
                set_err(err, "%s line %d: reference codon '%s' has a character other than ACGT?", what, t.line_no, cs);
                ret = CDS_E_PARSE; goto cleanup;
            }
            up[i] = c;
            if (c != '?') known++;
        }
        if (known == 3 && cds_translate_codon(up) != aa[0]) {
            set_err(err, "%s line %d: %s codon %d %.3s does not encode %c", what, t.line_no, gene, codon, up, aa[0]);
            ret = CDS_E_INVALID; goto cleanup;
        }
        /* plus-strand bases in ascending genomic order */
        for (int i = 0; i < 3; i++) {
            int j = tx->strand == '+' ? i : 2 - i;   /* codon base index at the i-th ascending position */
            char want = up[j] == '?' ? '?' : (tx->strand == '+' ? up[j] : cds_complement(up[j]));
            if (toupper((unsigned char)ps[i]) != want) {
                set_err(err, "%s line %d: %s codon %d plus-strand bases '%s' disagree with codon %.3s on strand %c",
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
                    set_err(err, "%s line %d: %s c.%d is %c in hotspots.tsv but %c in the %s", what, t.line_no, gene, cf + i,
                            up[i], *have, g->cds_complete ? "CDS (cds.fa)" : "codons of earlier rows");
                    ret = CDS_E_INVALID; goto cleanup;
                }
            }
        }
        m->n_hotspot_rows++;
    }
    if (r < 0) { ret = CDS_E_PARSE; goto cleanup; }
    ret = 0;
cleanup:
    tsv_close(&t);
    return ret;
}

/* ------------------------------------------------------------------- genes */

int cds_model_add_genes(cds_model_t *m, const gene_table_t *genes, mcrc_err_t *err)
{
    if (!m || !genes) { set_err(err, "cds_model_add_genes: NULL argument"); return CDS_E_ARG; }
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        for (int g = 0; g < N_GENES; g++) {
            const gene_span_t *gs = genes_span(genes, b, g);
            if (!gs) continue;
            const char *gene = gene_name(g);
            const cds_tx_t *tx = cds_model_tx(m, gene, b);
            if (tx && (strcmp(tx->chrom, gs->chrom) || tx->strand != gs->strand || tx->cds_min < gs->start || tx->cds_max > gs->end)) {
                set_err(err, "genes.tsv: %s %s span %s:%lld-%lld (%c) disagrees with the exon model %s:%lld-%lld (%c)",
                        gene, build_name(b), gs->chrom, (long long)gs->start, (long long)gs->end, gs->strand,
                        tx->chrom, (long long)tx->cds_min, (long long)tx->cds_max, tx->strand);
                return CDS_E_INVALID;
            }
            if (grow((void **)&m->span, &m->m_span, m->n_span, sizeof(cds_span_t)) < 0) return CDS_E_NOMEM;
            cds_span_t *s = &m->span[m->n_span];
            memset(s, 0, sizeof(*s));
            if (!(s->gene = strdup(gene)) || !(s->chrom = strdup(gs->chrom))) { free(s->gene); return CDS_E_NOMEM; }
            s->build = b; s->strand = gs->strand; s->start = gs->start; s->end = gs->end;
            m->n_span++;
        }
    return 0;
}
