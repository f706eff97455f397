/*
 * erbb2.c - is ERBB2 (HER2) amplified?  The rule, as the report applies it.
 *
 * Input: every copy-number segment (copy_number.c) that overlaps the ERBB2
 * gene span of the genome build (annotations/genes.tsv), from every input.
 *
 * Each input file is judged on its own, over the whole gene span:
 *   - Only PASS (or unfiltered '.') segments decide.  Where segments of one
 *     file overlap inside the gene they must agree in category (below),
 *     else the file is `indeterminate` (conflicting calls).
 *   - Category of a base of the gene: AMP if copy number >= --amp-cn,
 *     EQUIVOCAL if >= --equivocal-cn, LOW otherwise.
 *   - A base no segment covers is LOW (copy number = ploidy) when the file is
 *     a copy-number input, because CNV callers only write changed segments;
 *     a file is a copy-number input (cn_input(), from its facts.h) when it has a valued
 *     segment, or when its header declares a magnitude field of
 *     annotations/copy-number-fields.tsv, it has records and its ##contig
 *     lines (if any) include chromosome 17.  One that declares the fields and
 *     has records but lacks chromosome 17 makes ERBB2 `not-assessed` with a
 *     reason naming it, when no file gives a verdict.
 *     Not so in an input that lists every segment it measured, neutral ones
 *     too (a segment table: facts.h all_segments): there a base no segment
 *     covers was not measured, and an input with no segment over the gene
 *     makes ERBB2 `not-assessed` (when no input gives a verdict), with a
 *     reason naming it.
 *     Except a gap *between* two segments of the file inside the gene: there
 *     the caller had no bins (CNVkit leaves such gaps), so it is unmeasured
 *     and left out of the decision; the reason says how many bases.  If gaps
 *     are more than half the gene, the file is `indeterminate`.
 *   - A segment without a magnitude: a gain (<DUP> without CN, as Manta
 *     writes) or an unknown change (<CNV>, <LOH>) makes the file
 *     `indeterminate`, unless valued segments already show amplification
 *     there; a loss (<DEL>) counts as LOW in a copy-number input and is set
 *     aside in any other file (a deletion can never show amplification).
 *   - Then: every base AMP -> `amplified`; some base AMP -> `equivocal`
 *     (partial amplification: the report names the part); some base
 *     EQUIVOCAL -> `equivocal`; all LOW -> `not-amplified`.
 *   - A filtered segment never makes a call, but one that suggests a gain
 *     (copy number >= --equivocal-cn, or a gain without magnitude) turns any
 *     verdict other than `amplified` into `indeterminate`.
 * Across files: no file with a verdict -> `not-assessed`; all verdicts equal
 * -> that verdict; `amplified` beside files that only report a gain without
 * magnitude -> `amplified` (they agree in direction); any other disagreement
 * -> `indeterminate` (be conservative).
 *   - A record that names the gene (INFO/ANT=ERBB2 of TSO500, INFO/Genes of
 *     hydra-genetics; annotations/copy-number-fields.tsv) is the caller's
 *     call for the whole gene: targeted panels probe only the exons, so its
 *     span is shorter than the gene, and it counts as covering all of it.
 * Segments are collected per run (erbb2_segment_add): an exact repeat is
 * kept once, and more than ERBB2_MAX_SEGMENTS refuses the input.
 * Limits: a segment is taken as [POS, END]; purity correction is applied
 * to every value (copy_number.c), so do not pass --purity for callers that
 * already corrected for it.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "erbb2.h"
#include "reason.h"

enum { CAT_NONE = 0, CAT_LOW = 1, CAT_EQ = 2, CAT_AMP = 3 };

static int category(double cn, const erbb2_thresholds_t *th)
{
    /* a hair of tolerance so that 3.0 x 2 or a purity-corrected 6 - 1e-12 counts as 6 */
    const double eps = 1e-9;
    return cn >= th->amp_cn - eps ? CAT_AMP : cn >= th->equivocal_cn - eps ? CAT_EQ : CAT_LOW;
}

/* Word a segment's note (why used or set aside) in rc's language.  The note is a fixed field of a
 * segment that is copied by value; a text that would not fit is an internal error, never cut short. */
static int seg_note(cn_segment_t *s, const reason_ctx_t *rc, const char *id, ...) __attribute__((sentinel));
static int seg_note(cn_segment_t *s, const reason_ctx_t *rc, const char *id, ...)
{
    kstring_t k = { 0, 0, NULL };
    va_list ap;
    va_start(ap, id);
    int r = reason_vadd(&k, rc, id, ap);
    va_end(ap);
    if (r == 0 && k.l >= sizeof(s->note)) r = -1;
    if (r == 0) memcpy(s->note, k.s, k.l + 1);
    free(k.s);
    return r;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static void fmt_cn(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.4g", v);
}

typedef struct {
    biomarker_status_t status;
    char basis[32];
    kstring_t reason;     /* the caller frees it */
    char code[32];        /* the reason's id in annotations/reasons.xml */
    int has_cn; double cn_min, cn_max;
    int64_t amp_start, amp_end;
} verdict_t;

/* What judge_input() measured over the gene, in bases. */
typedef struct {
    int conflict, nomag_gain, filtered_gain;
    int64_t covered, n_amp, n_eq, n_uncovered, n_gap, len;
} measure_t;

/* The status of one input from its measures, and its reason in rc's language ("Input N: ..."). 1, or -1. */
static int word_verdict(const gene_span_t *g, const measure_t *m, const erbb2_thresholds_t *th, const reason_ctx_t *rc,
                        int input, verdict_t *v)
{
    const int conflict = m->conflict, nomag_gain = m->nomag_gain, filtered_gain = m->filtered_gain;
    const int64_t covered = m->covered, n_amp = m->n_amp, n_eq = m->n_eq, n_uncovered = m->n_uncovered, n_gap = m->n_gap, len = m->len;
    char lo[32], hi[32], amp[32], eq[32], pcts[16], num[2][32];
    fmt_cn(lo, sizeof(lo), v->cn_min); fmt_cn(hi, sizeof(hi), v->cn_max);
    fmt_cn(amp, sizeof(amp), th->amp_cn); fmt_cn(eq, sizeof(eq), th->equivocal_cn);
    kstring_t cnr = { 0, 0, NULL }, gapnote = { 0, 0, NULL }, body = { 0, 0, NULL };
    int bad = 0;
    if (v->has_cn && v->cn_min != v->cn_max) bad |= reason_add(&cnr, rc, "erbb2-cn-range", "min", lo, "max", hi, NULL);
    else if (v->has_cn) bad |= reason_add(&cnr, rc, "erbb2-cn-one", "cn", lo, NULL);
    else bad |= reason_add(&cnr, rc, "erbb2-cn-none", NULL);
    int pct = (int)(100.0 * covered / len + 0.5);
    int64_t measured = len - n_gap;
    snprintf(num[0], sizeof(num[0]), "%lld", (long long)n_gap);
    if (n_gap) bad |= reason_add(&gapnote, rc, "erbb2-gap-note", "bp", num[0], NULL);
    else bad |= kputs("", &gapnote) < 0;

    const char *id;
    if (conflict) {
        v->status = STATUS_INDETERMINATE; strcpy(v->basis, "conflict");
        bad |= reason_add(&body, rc, id = "erbb2-conflict", "cn", cnr.s, NULL);
    } else if (nomag_gain) {
        v->status = STATUS_INDETERMINATE; strcpy(v->basis, "no-magnitude");
        bad |= reason_add(&body, rc, id = "erbb2-no-magnitude", NULL);
    } else if (2 * n_gap > len) {
        v->status = STATUS_INDETERMINATE; strcpy(v->basis, "unmeasured");
        snprintf(num[1], sizeof(num[1]), "%lld", (long long)len);
        bad |= reason_add(&body, rc, id = "erbb2-unmeasured", "gap", num[0], "len", num[1], NULL);
    } else if (n_amp == measured) {
        v->status = STATUS_AMPLIFIED; strcpy(v->basis, "whole-gene");
        bad |= reason_add(&body, rc, id = "erbb2-amp-whole", "cn", cnr.s, "gapnote", gapnote.s, "amp", amp, NULL);
    } else if (n_amp > 0) {
        v->status = STATUS_EQUIVOCAL; strcpy(v->basis, "partial");
        snprintf(num[0], sizeof(num[0]), "%lld", (long long)v->amp_start);
        snprintf(num[1], sizeof(num[1]), "%lld", (long long)v->amp_end);
        snprintf(pcts, sizeof(pcts), "%d", (int)(100.0 * n_amp / measured + 0.5));
        bad |= reason_add(&body, rc, id = "erbb2-amp-partial", "chrom", g->chrom, "start", num[0], "end", num[1], "pct", pcts, "amp", amp, NULL);
    } else if (n_eq == measured) {
        v->status = STATUS_EQUIVOCAL; strcpy(v->basis, "whole-gene");
        bad |= reason_add(&body, rc, id = "erbb2-eq-whole", "cn", cnr.s, "eq", eq, "amp", amp, NULL);
    } else if (n_eq > 0) {
        v->status = STATUS_EQUIVOCAL; strcpy(v->basis, "partial");
        snprintf(pcts, sizeof(pcts), "%d", (int)(100.0 * n_eq / measured + 0.5));
        bad |= reason_add(&body, rc, id = "erbb2-eq-partial", "cn", cnr.s, "pct", pcts, "eq", eq, NULL);
    } else if (n_uncovered > 0) {
        v->status = STATUS_INDETERMINATE; strcpy(v->basis, "partial-coverage");
        snprintf(pcts, sizeof(pcts), "%d", pct);
        bad |= reason_add(&body, rc, id = "erbb2-partial-coverage", "pct", pcts, NULL);
    } else if (covered == 0) {
        v->status = STATUS_NOT_AMPLIFIED; strcpy(v->basis, "no-call-in-cnv-input");
        bad |= reason_add(&body, rc, id = "erbb2-no-change-called", NULL);
    } else {
        v->status = STATUS_NOT_AMPLIFIED; strcpy(v->basis, "whole-gene");
        snprintf(pcts, sizeof(pcts), "%d", pct);
        if (covered == len) bad |= reason_add(&body, rc, id = "erbb2-not-amp-whole", "cn", cnr.s, "eq", eq, NULL);
        else bad |= reason_add(&body, rc, id = "erbb2-not-amp-part", "cn", cnr.s, "pct", pcts, "eq", eq, NULL);
    }
    if (filtered_gain && v->status != STATUS_AMPLIFIED) {
        v->status = STATUS_INDETERMINATE; strcpy(v->basis, "filtered-gain");
        kstring_t was = body;
        body = (kstring_t){ 0, 0, NULL };
        bad |= reason_add(&body, rc, id = "erbb2-filtered-gain", "reason", was.s, NULL);
        free(was.s);
    }
    snprintf(v->code, sizeof(v->code), "%s", id);
    snprintf(num[0], sizeof(num[0]), "%d", input);
    bad |= reason_add(&v->reason, rc, "erbb2-input", "input", num[0], "reason", body.s, NULL);
    free(cnr.s);
    free(gapnote.s);
    free(body.s);
    return bad ? -1 : 1;
}

/* Judge one input file. Returns 1 with a verdict, 0 if the file says nothing about ERBB2, -1 if the
 * reason could not be worded (out of memory, or a template missing: internal errors). */
/* A copy-number input: one with a valued segment over a gene, or whose header declares a magnitude field, that
 * holds records, and whose ##contig lines (if any) include chromosome 17. */
static int cn_file(const input_facts_t *f) { return f->cn_declared > 0 && f->has_records; }
static int cn_input(const input_facts_t *f)
{
    return (cn_file(f) && ((f->gene_contigs >> GENE_ERBB2) & 1)) || f->cn_valued_seen;
}
/* It declares copy-number fields and holds records, but its ##contig lines lack chromosome 17. */
static int cn_no_chr17(const input_facts_t *f) { return cn_file(f) && !((f->gene_contigs >> GENE_ERBB2) & 1); }
/* Uncovered bases of the gene are unchanged (a copy-number VCF holds only changes), not unmeasured (a table). */
static int uncovered_is_low(const input_facts_t *f) { return cn_input(f) && !f->all_segments; }

static int judge_input(const gene_span_t *g, cn_segment_t *segs, int nseg, int input,
                       const input_facts_t *in, const erbb2_thresholds_t *th, const reason_ctx_t *rc,
                       verdict_t *v, int64_t *bounds)
{
    kstring_t reason = v->reason;      /* the buffer is reused from input to input */
    memset(v, 0, sizeof(*v));
    v->reason = reason;
    v->reason.l = 0;
    v->cn_min = INFINITY; v->cn_max = -INFINITY;
    int nb = 0, nused = 0, filtered_gain = 0, nomag_gain = 0, conflict = 0;
    bounds[nb++] = g->start;
    bounds[nb++] = g->end + 1;
    for (int i = 0; i < nseg; i++) {
        cn_segment_t *s = &segs[i];
        if (s->input != input) continue;
        if (!s->pass) {
            int gain = s->has_value ? category(s->cn, th) >= CAT_EQ
                                    : (s->direction == CN_DIR_GAIN || s->direction == CN_DIR_UNKNOWN);
            filtered_gain |= gain;
            if (seg_note(s, rc, gain ? "erbb2-note-filtered-gain" : "erbb2-note-filtered", "filter", s->filter, NULL) < 0) return -1;
            continue;
        }
        if (!s->has_value && s->direction == CN_DIR_LOSS && !cn_input(in)) {
            if (seg_note(s, rc, "erbb2-note-loss-set-aside", NULL) < 0) return -1;
            continue;
        }
        s->used = 1;
        nused++;
        int64_t a = s->pos < g->start ? g->start : s->pos, b = s->end > g->end ? g->end : s->end;
        if (s->gene_level) { a = g->start; b = g->end; }
        bounds[nb++] = a;
        bounds[nb++] = b + 1;
    }
    /* a file that reports no copy numbers, or lists every segment but none over the gene, and had nothing usable
     * over the gene says nothing about it */
    if (!nused && (!cn_input(in) || in->all_segments)) return 0;

    qsort(bounds, nb, sizeof(*bounds), cmp_i64);
    int64_t covered = 0, n_amp = 0, n_eq = 0, n_uncovered = 0, n_gap = 0, len = g->end - g->start + 1;
    int any_valued = 0;
    v->amp_start = v->amp_end = 0;
    for (int k = 0; k + 1 < nb; k++) {
        int64_t a = bounds[k], b = bounds[k + 1] - 1;
        if (b < a || a < g->start || a > g->end) continue;
        int cat = CAT_NONE, gain_nomag = 0, loss_nomag = 0, valued = 0;
        for (int i = 0; i < nseg; i++) {
            cn_segment_t *s = &segs[i];
            if (s->input != input || !s->used) continue;
            if (!s->gene_level && (s->pos > a || s->end < b)) continue;
            if (s->has_value) {
                int c = category(s->cn, th);
                if (valued && c != cat) conflict = 1;
                if (!valued || c < cat) cat = c;       /* keep the lower for the record; conflict decides */
                valued = 1;
                if (s->cn < v->cn_min) v->cn_min = s->cn;
                if (s->cn > v->cn_max) v->cn_max = s->cn;
                v->has_cn = 1;
            } else if (s->direction == CN_DIR_LOSS || s->direction == CN_DIR_NEUTRAL) {
                loss_nomag = 1;
            } else {
                gain_nomag = 1;
            }
        }
        if (valued) any_valued = 1;
        if (gain_nomag && !(valued && cat == CAT_AMP)) nomag_gain = 1;
        if (loss_nomag && valued && cat == CAT_AMP) conflict = 1;
        if (!valued) cat = loss_nomag ? CAT_LOW : CAT_NONE;
        if (cat != CAT_NONE) covered += b - a + 1;
        if (cat == CAT_NONE && !gain_nomag) {
            int left = 0, right = 0;
            for (int i = 0; i < nseg; i++) {
                const cn_segment_t *s = &segs[i];
                if (s->input != input || !s->used) continue;
                if (s->gene_level) continue;
                if (s->end < a) left = 1;
                if (s->pos > b) right = 1;
            }
            if (left && right) { n_gap += b - a + 1; continue; }   /* between two segments: unmeasured */
        }
        if (cat == CAT_NONE) cat = uncovered_is_low(in) ? CAT_LOW : CAT_NONE;
        switch (cat) {
        case CAT_AMP:
            n_amp += b - a + 1;
            if (!v->amp_start) v->amp_start = a;
            v->amp_end = b;
            break;
        case CAT_EQ: n_eq += b - a + 1; break;
        case CAT_LOW: break;                       /* the rest of the gene: what is not AMP or EQ */
        default: n_uncovered += b - a + 1;
        }
    }
    (void)any_valued;
    measure_t m = { conflict, nomag_gain, filtered_gain, covered, n_amp, n_eq, n_uncovered, n_gap, len };
    return word_verdict(g, &m, th, rc, input, v);
}

int erbb2_decide(const gene_span_t *gene, cn_segment_t *segs, int nseg,
                 const input_facts_t *inputs, int ninputs, const erbb2_thresholds_t *th,
                 const reason_ctx_t *rc, erbb2_call_t *out, mcrc_err_t *err)
{
    memset(out, 0, sizeof(*out));
    int64_t *bounds = malloc((2 * (size_t)nseg + 2) * sizeof(*bounds));
    if (!bounds) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    int nv = 0, disagree = 0, n_amp_files = 0, n_nomag_files = 0, bad = 0;
    verdict_t v, first;
    memset(&v, 0, sizeof(v));
    memset(&first, 0, sizeof(first));
    kstring_t all = { 0, 0, NULL };
    char amp_code[32] = "";
    out->cn_min = INFINITY; out->cn_max = -INFINITY;
    for (int k = 1; k <= ninputs && !bad; k++) {
        int j = judge_input(gene, segs, nseg, k, &inputs[k - 1], th, rc, &v, bounds);
        if (j < 0) bad = 1;
        if (j <= 0) continue;
        if (!nv) { first = v; first.reason = (kstring_t){ 0, 0, NULL }; }
        else if (v.status != first.status) disagree = 1;
        if (v.status == STATUS_AMPLIFIED) { if (!n_amp_files++) strcpy(amp_code, v.code); }
        else if (!strcmp(v.basis, "no-magnitude")) n_nomag_files++;
        nv++;
        if (v.has_cn) {
            out->has_cn = 1;
            if (v.cn_min < out->cn_min) out->cn_min = v.cn_min;
            if (v.cn_max > out->cn_max) out->cn_max = v.cn_max;
        }
        if (all.l) bad |= kputc(' ', &all) < 0;
        bad |= kputs(v.reason.s ? v.reason.s : "", &all) < 0;
    }
    free(bounds);
    free(v.reason.s);
    out->reason = all;
    out->ninputs_used = nv;
    if (!out->has_cn) out->cn_min = out->cn_max = 0;
    int no17 = 0, unmeasured = 0;
    for (int k = 0; k < ninputs && !no17; k++) if (cn_no_chr17(&inputs[k])) no17 = k + 1;
    for (int k = 0; k < ninputs && !unmeasured; k++) if (inputs[k].all_segments && inputs[k].has_records) unmeasured = k + 1;
    const char *code = first.code;
    if (bad) {
        /* below: nothing more to word */
    } else if (!nv && no17) {
        out->status = STATUS_NOT_ASSESSED;
        strcpy(out->basis, inputs[no17 - 1].is_table ? "gene-not-in-segments" : "no-chr17-in-copy-number-input");
        char num[16];
        snprintf(num, sizeof(num), "%d", no17);
        code = inputs[no17 - 1].is_table ? "erbb2-table-no-gene" : "erbb2-no-chr17";
        bad |= reason_set(&out->reason, rc, code, "input", num, NULL);
    } else if (!nv && unmeasured) {
        /* a copy-number VCF that lists unchanged segments too, with none over the gene: it was not measured there */
        out->status = STATUS_NOT_ASSESSED;
        strcpy(out->basis, "gene-not-in-segments");
        char num[16];
        snprintf(num, sizeof(num), "%d", unmeasured);
        bad |= reason_set(&out->reason, rc, code = "erbb2-not-in-segments", "input", num, NULL);
    } else if (!nv) {
        out->status = STATUS_NOT_ASSESSED;
        strcpy(out->basis, "no-copy-number-input");
        bad |= reason_set(&out->reason, rc, code = "erbb2-no-input", NULL);
    } else if (disagree && n_amp_files > 0 && n_amp_files + n_nomag_files == nv) {
        /* a gain without magnitude (a Manta <DUP>) does not contradict a measured amplification */
        out->status = STATUS_AMPLIFIED;
        strcpy(out->basis, "whole-gene");
        out->amp_start = out->amp_end = 0;
        code = amp_code;
    } else if (disagree) {
        out->status = STATUS_INDETERMINATE;
        strcpy(out->basis, "inputs-disagree");
        kstring_t each = out->reason;
        out->reason = (kstring_t){ 0, 0, NULL };
        bad |= reason_add(&out->reason, rc, code = "erbb2-inputs-disagree", "reasons", each.s ? each.s : "", NULL);
        free(each.s);
    } else {
        out->status = first.status;
        snprintf(out->basis, sizeof(out->basis), "%s", first.basis);
        out->amp_start = first.amp_start;
        out->amp_end = first.amp_end;
    }
    if (bad) return mcrc_fail(err, MCRC_E_INTERNAL, "ERBB2: the reason could not be worded (out of memory, or a reason template is missing)");
    snprintf(out->code, sizeof(out->code), "%s", code);
    /* notes for the evidence table */
    for (int i = 0; i < nseg && !bad; i++) {
        cn_segment_t *s = &segs[i];
        char a[24], b[24];
        if (s->note[0]) continue;
        snprintf(a, sizeof(a), "%lld", (long long)(s->pos < gene->start ? gene->start : s->pos));
        snprintf(b, sizeof(b), "%lld", (long long)(s->end > gene->end ? gene->end : s->end));
        if (!s->used) bad = seg_note(s, rc, "erbb2-note-set-aside", NULL);
        else if (!s->has_value)
            bad = seg_note(s, rc, s->direction == CN_DIR_GAIN ? "erbb2-note-gain-no-cn" : s->direction == CN_DIR_LOSS ? "erbb2-note-loss-no-cn"
                                  : "erbb2-note-change-no-cn", NULL);
        else if (s->gene_level) bad = seg_note(s, rc, "erbb2-note-gene-level", "field", s->gene_field, NULL);
        else if (s->pos <= gene->start && s->end >= gene->end) bad = seg_note(s, rc, "erbb2-note-whole-gene", NULL);
        else bad = seg_note(s, rc, "erbb2-note-part-gene", "start", a, "end", b, NULL);
    }
    if (bad) return mcrc_fail(err, MCRC_E_INTERNAL, "ERBB2: a segment's note could not be worded (out of memory, a reason template is missing, or the note is too long)");
    return 0;
}


/* Same bearing on the rule (it reads only these fields of a segment). */
static int same_segment(const cn_segment_t *a, const cn_segment_t *b)
{
    return a->input == b->input && a->build == b->build && a->pos == b->pos && a->end == b->end && a->pass == b->pass
        && a->direction == b->direction && a->gene_level == b->gene_level && a->has_value == b->has_value
        && a->cn == b->cn && a->cn_observed == b->cn_observed && !strcmp(a->chrom, b->chrom) && !strcmp(a->field, b->field);
}

int erbb2_segment_add(cn_segment_t **segs, int *nseg, int *mseg, const cn_segment_t *s, mcrc_err_t *err)
{
    for (int i = 0; i < *nseg; i++)
        if (same_segment(&(*segs)[i], s)) return 0;
    if (*nseg >= ERBB2_MAX_SEGMENTS)
        return mcrc_fail(err, MCRC_E_INPUT, "more than %d different copy-number segments over ERBB2; refused rather than judged on part of them", ERBB2_MAX_SEGMENTS);
    if (*nseg == *mseg) {
        int m = *mseg ? 2 * *mseg : 16;
        cn_segment_t *p = realloc(*segs, m * sizeof(*p));
        if (!p) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        *segs = p;
        *mseg = m;
    }
    (*segs)[(*nseg)++] = *s;
    return 1;
}

int erbb2_segments_of_build(cn_segment_t *segs, int nseg, genome_build_t build)
{
    int k = 0;
    for (int i = 0; i < nseg; i++)
        if (segs[i].build == build) segs[k++] = segs[i];
    return k;
}

void erbb2_call_destroy(erbb2_call_t *c)
{
    free(c->reason.s);
    c->reason = (kstring_t){ 0, 0, NULL };
}
