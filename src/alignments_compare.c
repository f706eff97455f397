/*
 * alignments_compare.c - the calls and the reads, side by side (after alignments.c has read the codons
 * and every record is in; the rule that uses the result is in sv_decide.c).
 *
 *   - Reads without a call: at a codon read from the alignments, the commonest protein-changing amino
 *     acid has at least READS_MIN reads (a fixed floor: one read is an error as often as a variant) and
 *     at least --min-vaf of the codon depth, and no call of any input (used or set aside) lies over the
 *     codon: sv_site_t.aln_uncalled, and the gene is indeterminate ("reads support p.G12D at 7% ...").
 *   - A call without reads: a used SNV or MNV of a listed class over a codon whose depth reaches
 *     --min-depth, and fewer than --min-vaf of the codon's reads show the amino acid the call makes
 *     (the reference codon with the call's ALT bases put in, on the coding strand): reads_contradict,
 *     and the gene is indeterminate -- a call the reads contradict proves nothing.
 *   Every compared call gets a note saying what the reads show; an insertion or deletion is not
 *   compared (a read's codon cannot show it) and its note says so.
 */
#include <stdio.h>
#include <string.h>
#include "alignments.h"
#include "refdata.h"

#define READS_MIN 2     /* reads that must show a change before it is taken as evidence */

/* The site's codon is under [pos, pos + len). */
static int over_site(const sv_site_t *t, int64_t pos, int64_t len)
{
    for (int k = 0; k < 3; k++)
        if (t->gpos[k] >= pos && t->gpos[k] < pos + len) return 1;
    return 0;
}

/* The amino acid the call makes at the site: the reference codon with the ALT bases in; 0 if unknown. */
static char call_aa(const sv_state_t *sv, const sv_site_t *t, const sv_variant_t *v)
{
    const cds_gene_t *g = cds_model_gene(&sv->ref->model, gene_name(t->gene));
    const cds_tx_t *tx = cds_model_tx(&sv->ref->model, gene_name(t->gene), sv->build);
    if (!g || !tx || !g->cds || 3 * t->codon > g->cds_len) return 0;
    char codon[4];
    memcpy(codon, g->cds + 3 * (t->codon - 1), 3);
    codon[3] = 0;
    for (int k = 0; k < 3; k++) {
        int64_t off = t->gpos[k] - v->pos;
        if (off < 0 || off >= (int64_t)strlen(v->alt)) continue;
        char b = v->alt[off];
        codon[k] = tx->strand == '-' ? cds_complement(b) : b;
        if (!codon[k]) return 0;
    }
    return cds_translate_codon(codon);
}

static int add_note(sv_variant_t *v, const reason_ctx_t *rc, const char *id, const char *change, int alt, int depth, double min)
{
    char a[16], d[16], pct[32], m[32];
    snprintf(a, sizeof(a), "%d", alt);
    snprintf(d, sizeof(d), "%d", depth);
    snprintf(pct, sizeof(pct), "%.3g", depth > 0 ? 100.0 * alt / depth : 0.0);
    snprintf(m, sizeof(m), "%g", min);
    if (v->note.l && kputs("; ", &v->note) < 0) return -1;
    return reason_add(&v->note, rc, id, "change", change, "alt", a, "depth", d, "pct", pct, "min", m, NULL);
}

/* One used call of a listed class over a site that was read. */
static int compare_call(sv_state_t *sv, const sv_site_t *t, sv_variant_t *v)
{
    const sv_params_t *p = &sv->p;
    size_t lr = strlen(v->ref), la = strlen(v->alt);
    char aa = lr == la && !strstr(v->ref, "...") ? call_aa(sv, t, v) : 0;
    if (lr != la) return add_note(v, &sv->rc, "sv-note-reads-indel", "", 0, 0, 0);
    int i = aa == '*' ? 26 : aa >= 'A' && aa <= 'Z' ? aa - 'A' : -1;
    if (i < 0) return add_note(v, &sv->rc, "sv-note-reads-not-compared", "", 0, 0, 0);
    char change[16];
    snprintf(change, sizeof(change), "p.%c%d%c", t->ref_aa, t->codon, aa);
    int alt = t->aln_aa[i], depth = t->aln_codon_depth;
    if (depth < p->min_depth) return add_note(v, &sv->rc, "sv-note-reads-low-depth", change, alt, depth, p->min_depth);
    if (depth == 0 || (double)alt / depth < p->min_vaf) {
        v->reads_contradict = 1;
        return add_note(v, &sv->rc, "sv-note-reads-contradict", change, alt, depth, p->min_vaf);
    }
    return add_note(v, &sv->rc, "sv-note-reads-support", change, alt, depth, p->min_vaf);
}

static int64_t ref_len(const sv_variant_t *v)
{
    size_t l = strlen(v->ref);
    return l ? (int64_t)l : 1;
}

int aln_compare(const aln_t *a, sv_state_t *sv, mcrc_err_t *err)
{
    (void)a;
    /* each used call of a listed class, against the first codon read under it (once: a call over two codons is one call) */
    for (int i = 0; i < sv->nv; i++) {
        sv_variant_t *v = &sv->v[i];
        if (!v->used || v->symbolic || (v->cls != SV_CLASS_HOTSPOT && v->cls != SV_CLASS_2 && v->cls != SV_CLASS_3)) continue;
        for (int s = 0; s < sv->nsite; s++) {
            const sv_site_t *t = &sv->site[s];
            if (!t->aln_read || v->gene != t->gene || !over_site(t, v->pos, ref_len(v))) continue;
            if (compare_call(sv, t, v) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "the note on the reads could not be worded (out of memory, or a reason template is missing)");
            break;
        }
    }
    /* reads without a call: no call of any input, used or set aside, over the codon */
    for (int s = 0; s < sv->nsite; s++) {
        sv_site_t *t = &sv->site[s];
        if (!t->aln_read) continue;
        int called = 0;
        for (int i = 0; i < sv->nv && !called; i++)
            called = sv->v[i].gene == t->gene && over_site(t, sv->v[i].pos, ref_len(&sv->v[i]));
        t->aln_uncalled = !called && t->aln_alt >= READS_MIN && t->aln_of > 0 && (double)t->aln_alt / t->aln_of >= sv->p.min_vaf;
    }
    return 0;
}
