/*
 * sv_decide.c - the KRAS/NRAS/BRAF rule, and the words of its reasons and notes.
 *
 * The rule (designed in small_variant.c's top comment): a used call of a listed class (hotspot codon,
 * BRAF class 2 or 3) makes the gene mutant; else a call at a listed codon that was set aside, a change
 * over a listed codon that could not be determined, or an annotation that disagrees with our
 * translation makes it indeterminate; else wild-type only if every base of every hotspot codon is
 * shown covered, otherwise no-mutation-detected.  With --alignments (alignments_compare.c), a used call the
 * reads contradict makes the gene indeterminate before anything else, and a change the reads show that no
 * call includes makes it indeterminate after the doubtful calls.  Variants of uncertain significance are mentioned,
 * never counted.
 *
 * Every word comes from annotations/reasons.xml (reason.c) in the report's language: the code picks a
 * reason id and gives its parameters as text, numbers formatted here in the C locale.  A variant's
 * note is its reasons joined with "; " (the class last); the biomarker reason's id is kept in
 * sv_call_t.code, so the report can name it whatever the language.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "refdata.h"
#include "small_variant.h"
#include "sv_cap.h"

/* Append a note part: "; " between parts. */
#define NOTE(...) do { if (v->note.l) bad |= kputs("; ", &v->note) < 0; \
                       bad |= reason_add(&v->note, rc, __VA_ARGS__, NULL) < 0; } while (0)

/* The note on one threshold (--min-vaf or --min-depth): the value is below it (ids[0]), or it cannot
 * be applied because the field is unusable (ids[1], ids[2] if the threshold is 0) or absent (ids[3],
 * ids[4] if 0).  Returns 1 if the call is set aside for it, 0 if not, -1 if the note cannot be worded. */
static int threshold_note(kstring_t *note, const reason_ctx_t *rc, const char *const ids[5], const char *name, int has, double value,
                          const char *shown, double min, const char *min_shown, const vaf_value_t *field)
{
    int unusable = field->state == VAF_UNUSABLE, needed = min > 0, aside;
    const char *id;
    if (has && !(value < min)) return 0;       /* as the rule reads it: a NaN is not below */
    if (has) { id = ids[0]; aside = 1; }
    else { id = ids[(unusable ? 1 : 3) + !needed]; aside = needed; }
    kstring_t why = { 0, 0, NULL };
    int r = unusable && reason_add_ref(&why, rc, &field->why) < 0 ? -1 : 0;
    if (!r && note->l && kputs("; ", note) < 0) r = -1;
    if (!r) r = reason_add(note, rc, id, name, shown, "min", min_shown, "why", why.s ? why.s : "", NULL);
    free(why.s);
    return r < 0 ? -1 : aside;
}

int sv_note_variant(const reason_ctx_t *rc, const sv_params_t *p, sv_variant_t *v, int pass, const vaf_value_t *fv,
                    const vaf_value_t *dv, const variant_effect_t *ve, int ours, int comparable)
{
    static const char *const vaf_ids[5] = { "sv-note-vaf-low", "sv-note-vaf-unusable", "sv-note-vaf-unusable-zero",
                                            "sv-note-vaf-absent", "sv-note-vaf-absent-zero" },
                             *depth_ids[5] = { "sv-note-depth-low", "sv-note-depth-unusable", "sv-note-depth-unusable-zero",
                                               "sv-note-depth-absent", "sv-note-depth-absent-zero" };
    char value[32], min[32];
    int bad = 0, aside;
    v->note.l = 0;
    if (!pass && !p->include_filtered) { v->set_aside = 1; NOTE("sv-note-filter", "filter", v->filter); }
    /* a threshold that cannot be applied is not passed (unless the user set it to 0) */
    snprintf(value, sizeof(value), "%.4g", v->vaf);
    snprintf(min, sizeof(min), "%g", p->min_vaf);
    if ((aside = threshold_note(&v->note, rc, vaf_ids, "vaf", v->has_vaf, v->vaf, value, p->min_vaf, min, fv)) < 0) bad = 1;
    v->set_aside |= aside > 0;
    snprintf(value, sizeof(value), "%d", v->depth);
    snprintf(min, sizeof(min), "%d", p->min_depth);
    if ((aside = threshold_note(&v->note, rc, depth_ids, "depth", v->has_depth, v->depth, value, p->min_depth, min, dv)) < 0) bad = 1;
    v->set_aside |= aside > 0;
    if (v->disagree)
        NOTE("sv-note-disagree", "source", v->annot_source, "transcript", v->annot_transcript, "annotation", v->annot_p, "translation", v->our_p);
    else if (v->annot_unread[0])
        NOTE("sv-note-annot-unread", "tag", v->annot_unread);
    else if (v->annot_p[0] && ours && !comparable)
        NOTE("sv-note-not-compared", "annotation", v->annot_p, "transcript", v->annot_transcript);
    if (!v->determined) {
        if (ve->why.id) {
            kstring_t why = { 0, 0, NULL };
            bad |= reason_add_ref(&why, rc, &ve->why) < 0;
            NOTE("sv-note-undetermined", "why", why.s ? why.s : "");
            free(why.s);
        } else NOTE("sv-note-undetermined-no-model");
    }
    switch (v->cls) {
    case SV_CLASS_HOTSPOT: NOTE("sv-note-hotspot"); break;
    case SV_CLASS_2: NOTE("sv-note-class2"); break;
    case SV_CLASS_3: NOTE("sv-note-class3"); break;
    case SV_CLASS_UNCERTAIN: NOTE("sv-note-vus"); break;
    case SV_CLASS_NONE: NOTE("sv-note-no-protein-change"); break;
    default: NOTE(v->overlaps_hotspot ? "sv-note-over-codon" : "sv-note-not-at-codon"); break;
    }
    return bad ? -1 : 0;
}
#undef NOTE

/* " KRAS p.G12D (chr12:25245350 C>T, input 1, allele fraction 0.3, depth 250)", appended */
static int describe(kstring_t *out, const reason_ctx_t *rc, const sv_variant_t *v)
{
    char pos[24], input[16], vaf[32], depth[24];
    kstring_t fv = { 0, 0, NULL }, fd = { 0, 0, NULL };
    int bad = kputs("", &fv) < 0 || kputs("", &fd) < 0;
    snprintf(pos, sizeof(pos), "%lld", (long long)v->pos);
    snprintf(input, sizeof(input), "%d", v->input);
    snprintf(vaf, sizeof(vaf), "%.3g", v->vaf);
    snprintf(depth, sizeof(depth), "%d", v->depth);
    if (v->has_vaf) bad |= reason_add(&fv, rc, "sv-variant-vaf", "vaf", vaf, NULL);
    if (v->has_depth) bad |= reason_add(&fd, rc, "sv-variant-depth", "depth", depth, NULL);
    bad |= reason_add(out, rc, "sv-variant", "gene", gene_name(v->gene), "change", v->hgvs_p[0] ? v->hgvs_p : v->hgvs_c,
                      "chrom", v->chrom, "pos", pos, "ref", v->ref, "alt", v->alt, "input", input,
                      "vaf", fv.s, "depth", fd.s, NULL);
    free(fv.s);
    free(fd.s);
    return bad ? -1 : 0;
}

static int is_listed(sv_class_t c)
{
    return c == SV_CLASS_HOTSPOT || c == SV_CLASS_2 || c == SV_CLASS_3;
}

/* The used calls of listed classes, each "<variant> is ...", joined with ";". */
static int list_mutant(kstring_t *out, const reason_ctx_t *rc, gene_id_t gene, const sv_variant_t *v, int nv)
{
    kstring_t d = { 0, 0, NULL };
    int bad = 0, k = 0;
    for (int i = 0; i < nv && !bad; i++) {
        if (v[i].gene != gene || !v[i].used || !is_listed(v[i].cls)) continue;
        if (k++) bad |= kputc(';', out) < 0;
        d.l = 0;
        bad |= describe(&d, rc, &v[i]);
        bad |= reason_add(out, rc, v[i].cls == SV_CLASS_HOTSPOT ? "sv-mutant-hotspot" : v[i].cls == SV_CLASS_2 ? "sv-mutant-class2" : "sv-mutant-class3",
                          "variant", d.s, NULL);
    }
    free(d.s);
    return bad ? -1 : k;
}

/* The calls that make the gene doubtful, each "<why>: <variant> [<note>]", joined with "; ". */
static int list_doubts(kstring_t *out, const reason_ctx_t *rc, gene_id_t gene, const sv_variant_t *v, int nv)
{
    kstring_t d = { 0, 0, NULL };
    int bad = 0, n = 0;
    for (int i = 0; i < nv && !bad; i++) {
        if (v[i].gene != gene) continue;
        const char *why = NULL;
        if (is_listed(v[i].cls) && v[i].set_aside) why = "sv-doubt-set-aside";
        else if (v[i].cls == SV_CLASS_UNDETERMINED && v[i].overlaps_hotspot && !v[i].symbolic) why = "sv-doubt-undetermined";
        else if (v[i].disagree && !v[i].set_aside) why = "sv-doubt-disagree";
        else if (v[i].annot_unread[0] && !v[i].set_aside) why = "sv-doubt-annot-unread";
        if (!why) continue;
        if (n++) bad |= kputs("; ", out) < 0;
        d.l = 0;
        bad |= describe(&d, rc, &v[i]);
        bad |= reason_add(out, rc, why, "variant", d.s, "note", v[i].note.s ? v[i].note.s : "", NULL);
    }
    free(d.s);
    return bad ? -1 : n;
}

/* Used calls the alignments' reads do not support (alignments_compare.c), each "<variant> [<note>]", joined with "; ". */
static int list_contradicted(kstring_t *out, const reason_ctx_t *rc, gene_id_t gene, const sv_variant_t *v, int nv)
{
    kstring_t d = { 0, 0, NULL };
    int bad = 0, n = 0;
    for (int i = 0; i < nv && !bad; i++) {
        if (v[i].gene != gene || !v[i].reads_contradict) continue;
        if (n++) bad |= kputs("; ", out) < 0;
        d.l = 0;
        bad |= describe(&d, rc, &v[i]);
        bad |= reason_add(out, rc, "sv-reads-contradict-one", "variant", d.s, "note", v[i].note.s ? v[i].note.s : "", NULL);
    }
    free(d.s);
    return bad ? -1 : n;
}

/* Codons where the alignments' reads show a change that no call includes, joined with "; ". */
static int list_uncalled(kstring_t *out, const reason_ctx_t *rc, gene_id_t gene, const sv_site_t *site, int nsite)
{
    int bad = 0, n = 0;
    for (int i = 0; i < nsite && !bad; i++) {
        const sv_site_t *t = &site[i];
        if (t->gene != gene || !t->aln_uncalled) continue;
        char alt[16], depth[16], pct[32];
        snprintf(alt, sizeof(alt), "%d", t->aln_alt);
        snprintf(depth, sizeof(depth), "%d", t->aln_of);
        snprintf(pct, sizeof(pct), "%.3g", 100.0 * t->aln_alt / t->aln_of);
        if (n++) bad |= kputs("; ", out) < 0;
        bad |= reason_add(out, rc, "sv-reads-uncalled-one", "change", t->aln_change, "pct", pct, "alt", alt, "depth", depth, NULL) < 0;
    }
    return bad ? -1 : n;
}

/* No call changes the protein at a listed codon: wild-type if every codon is shown covered. */
static int negative(kstring_t *r, const reason_ctx_t *rc, gene_id_t gene, const sv_site_t *site, int nsite,
                    int callable_given, const sv_params_t *p, sv_call_t *out)
{
    kstring_t codons = { 0, 0, NULL }, missing = { 0, 0, NULL }, miss = { 0, 0, NULL };
    int nsites = 0, ncov = 0, nmiss = 0, bad = 0;
    char depth[16];
    snprintf(depth, sizeof(depth), "%d", p->min_depth);
    for (int i = 0; i < nsite; i++) {
        if (site[i].gene != gene) continue;
        bad |= ksprintf(&codons, "%s%d", nsites++ ? ", " : "", site[i].codon) < 0;
        if (site[i].covered[0] && site[i].covered[1] && site[i].covered[2]) ncov++;
        else bad |= ksprintf(&missing, "%s%d", nmiss++ ? ", " : "", site[i].codon) < 0;
    }
    const char *g = gene_name(gene), *id;
    if (nsites && ncov == nsites) {
        out->status = STATUS_WILD_TYPE;
        strcpy(out->basis, "covered-no-call");
        int by_reads = 0;
        for (int i = 0; i < nsite; i++) by_reads |= site[i].gene == gene && site[i].aln_covered;
        id = by_reads ? "sv-wild-type-alignments" : callable_given ? "sv-wild-type-callable" : "sv-wild-type";
        bad |= reason_add(r, rc, id, "gene", g, "codons", codons.s, "depth", depth, NULL);
    } else if (!nsites) {
        /* the genome build was never determined (no record fell in a gene on either build): no codon positions */
        out->status = STATUS_NO_MUTATION_DETECTED;
        strcpy(out->basis, "no-call-coverage-not-shown");
        bad |= reason_add(r, rc, id = "sv-nmd-no-build", "gene", g, NULL);
    } else {
        out->status = STATUS_NO_MUTATION_DETECTED;
        strcpy(out->basis, "no-call-coverage-not-shown");
        bad |= reason_add(&miss, rc, nmiss > 1 ? "sv-codon-many" : "sv-codon-one", "codons", missing.s, NULL);
        int read = 0;
        for (int i = 0; i < nsite; i++) read |= site[i].gene == gene && site[i].aln_read;
        id = read ? "sv-nmd-not-covered-alignments" : callable_given ? "sv-nmd-not-covered-callable" : "sv-nmd-not-covered";
        bad |= reason_add(r, rc, id,
                          "gene", g, "codons", codons.s, "depth", depth, "missing", miss.s, NULL);
    }
    snprintf(out->code, sizeof(out->code), "%s", id);
    free(codons.s);
    free(missing.s);
    free(miss.s);
    return bad ? -1 : 0;
}

int sv_decide(gene_id_t gene, const char *chrom, const sv_variant_t *v, int nv, const sv_site_t *site, int nsite,
              int sv_input, int callable_given, const sv_params_t *p, const reason_ctx_t *rc, sv_call_t *out)
{
    kstring_t *r = &out->reason, list = { 0, 0, NULL };
    kstring_t keep = out->reason;      /* the buffer is reused from call to call */
    memset(out, 0, sizeof(*out));
    *r = keep;
    r->l = 0;
    const char *g = gene_name(gene);
    int bad = 0, nmut, ndoubt, nvus = 0;
    if (sv_input == SV_INPUT_NONE) {
        out->status = STATUS_NOT_ASSESSED;
        strcpy(out->basis, "no-small-variant-input");
        strcpy(out->code, "sv-no-input");
        bad = reason_add(r, rc, out->code, "gene", g, NULL);
    } else if (sv_input == SV_INPUT_NO_CONTIG) {
        /* a file that cannot hold the gene's chromosome says nothing about the gene */
        out->status = STATUS_NOT_ASSESSED;
        strcpy(out->basis, "no-contig-for-gene");
        strcpy(out->code, "sv-no-contig");
        bad = reason_add(r, rc, out->code, "gene", g, "chrom", chrom, NULL);
    } else if ((nmut = list_contradicted(&list, rc, gene, v, nv)) != 0) {
        /* a call the reads contradict proves nothing (alignments_compare.c) */
        out->status = STATUS_INDETERMINATE;
        strcpy(out->basis, "call-not-in-reads");
        strcpy(out->code, "sv-reads-contradict");
        bad = nmut < 0 || reason_add(r, rc, out->code, "gene", g, "variants", list.s, NULL) < 0;
    } else if ((nmut = list_mutant(&list, rc, gene, v, nv)) != 0) {
        out->status = STATUS_MUTANT;
        strcpy(out->basis, "listed-codon-variant");
        strcpy(out->code, "sv-mutant");
        bad = nmut < 0 || reason_add(r, rc, out->code, "gene", g, "variants", list.s, NULL) < 0;
        /* the gene is mutant by its calls whatever else the reads show; what they show is said */
        list.l = 0;
        if (!bad && (nmut = list_uncalled(&list, rc, gene, site, nsite)) != 0)
            bad = nmut < 0 || reason_add(r, rc, "sv-reads-uncalled-also", "codons", list.s, NULL) < 0;
    } else if ((ndoubt = list_doubts(&list, rc, gene, v, nv)) != 0) {
        out->status = STATUS_INDETERMINATE;
        strcpy(out->basis, "doubtful-call");
        strcpy(out->code, "sv-doubt");
        bad = ndoubt < 0 || reason_add(r, rc, out->code, "gene", g, "doubts", list.s, NULL) < 0;
    } else if ((ndoubt = list_uncalled(&list, rc, gene, site, nsite)) != 0) {
        /* the reads show a change no call includes: never wild-type, never no-mutation-detected */
        out->status = STATUS_INDETERMINATE;
        strcpy(out->basis, "reads-without-call");
        strcpy(out->code, "sv-reads-uncalled");
        bad = ndoubt < 0 || reason_add(r, rc, out->code, "gene", g, "codons", list.s, NULL) < 0;
    } else {
        bad = negative(r, rc, gene, site, nsite, callable_given, p, out) < 0;
        for (int i = 0; i < nv; i++) nvus += v[i].gene == gene && v[i].cls == SV_CLASS_UNCERTAIN && v[i].used;
        char n[16];
        snprintf(n, sizeof(n), "%d", nvus);
        if (nvus) bad |= reason_add(r, rc, nvus > 1 ? "sv-vus-many" : "sv-vus-one", "n", n, NULL) < 0;
    }
    free(list.s);
    return bad ? -1 : 0;
}

void sv_call_destroy(sv_call_t *c)
{
    free(c->reason.s);
    c->reason = (kstring_t){ 0, 0, NULL };
}

int sv_decide_all(sv_state_t *s, const int sv_input[N_GENES], mcrc_err_t *err)
{
    static const char *const not_listed[SV_NOT_LISTED_KINDS] = {
        [SV_NL_OUTSIDE_CDS] = "sv-not-listed-outside-cds", [SV_NL_NO_MODEL] = "sv-not-listed-no-model",
        [SV_NL_COPY_NUMBER] = "sv-not-listed-copy-number", [SV_NL_OVER_CAP] = "sv-not-listed-over-cap",
        [SV_NL_REPEATED_SEGMENT] = "sv-not-listed-repeated-segment"
    };
    for (int g = 0; g < N_GENES; g++)             /* every gene but ERBB2 is decided by its small variants */
        if (g != GENE_ERBB2 && sv_decide(g, genes_span(&s->ref->genes, s->build ? s->build : BUILD_GRCH38, g)->chrom, s->v, s->nv, s->site, s->nsite,
                      sv_input[g], s->callable_given, &s->p, &s->rc, &s->call[g]) < 0)
            return mcrc_fail(err, MCRC_E_INTERNAL, "%s: the reason could not be worded (out of memory, or a reason template is missing)", gene_name(g));
    for (int k = 0; k < SV_NOT_LISTED_KINDS; k++)
        if (reason_set(&s->not_listed_note[k], &s->rc, not_listed[k], "cap", SV_LIST_CAP_TEXT, NULL) < 0)
            return mcrc_fail(err, MCRC_E_INTERNAL, "the note on records not listed could not be worded (out of memory, or a reason template is missing)");
    return 0;
}
