/*
 * small_variant.c - are KRAS, NRAS and BRAF mutant?  The rule, as the report applies it.
 *
 * What counts (the lists are data: annotations/hotspot-classes.tsv):
 *   - KRAS and NRAS: any protein-changing variant in codons 12, 13 (exon 2),
 *     59, 61 (exon 3), 117 or 146 (exon 4): the "extended RAS" test that
 *     decides anti-EGFR eligibility.  Class "hotspot".
 *   - BRAF: V600 (class 1, "hotspot"); the known non-V600 codons with their
 *     class (G464, G469, L597, K601 class 2; G466, N581, D594 and G469E
 *     class 3).  They make BRAF mutant; the report names the class.
 *   - Any other protein-changing variant of the four genes (ERBB2 included)
 *     is a variant of uncertain significance: listed, never makes a gene
 *     mutant.  Synonymous and splice-region variants are listed as not
 *     protein-changing.  Protein-changing = missense, nonsense, in-frame
 *     insertion or deletion, frameshift, start or stop lost.
 *   - Counted, not listed (per input and gene, sv_input_t.not_listed), so
 *     that a whole genome's calls neither fill the report nor memory:
 *     alleles our translation places outside the coding sequence and its
 *     splice regions (UTR, flanking, intronic more than 8 bp from an exon)
 *     with no annotated protein change; and alleles of a gene without a
 *     coding model (ERBB2) whose file names no protein change.  Neither can
 *     bear on a status.  --dump-records still lists every record.
 *
 * The protein change of each ALT allele (multi-allelic records are split):
 *   1. our translation from the gene models (translate.c: SNVs, MNVs and
 *      small indels, normalised or not, on either build, no FASTA needed);
 *   2. the file's own annotation when the header declares one: INFO/CSQ
 *      (VEP, field order from the header's Format: string), INFO/ANN
 *      (SnpEff, or VEP text under that tag), INFO/BCSQ (bcftools csq); the
 *      MANE/canonical entry of the gene (annot_parse.c).
 *   Our translation is reported when it determines the change; otherwise
 *   the annotation's; otherwise the change is "not determined" (never
 *   guessed).  Both are compared when the annotation's transcript is the
 *   model transcript (MANE/RefSeq equivalent): if they name different
 *   protein changes both are reported and the gene is indeterminate.
 *   3. REF check: with --fasta every REF of a record in a gene is compared
 *      with the reference (htslib faidx; N matches anything; contig names
 *      with or without "chr"); always, REF is compared with our coding
 *      sequence (translate.c).  A mismatch stops the run (input error):
 *      wrong build or a broken file.  So does a FASTA without the record's
 *      contig, or shorter than the REF's end: --fasta asks for the check,
 *      and a REF that cannot be checked is not passed in silence.
 *
 * A variant is set aside (listed, with the reason) when its FILTER is not
 * PASS or '.' (unless --include-filtered), its allele fraction is below
 * --min-vaf, or its depth is below --min-depth.  Fraction and depth are read
 * in the caller's own dialect by vaf.c from the table
 * annotations/allele-fraction-fields.tsv (Mutect2/TNscope/VarDict/Octopus AF,
 * DeepVariant VAF, VarScan FREQ, Pisces VF, AD, FreeBayes RO/AO, Platypus
 * NV/NR, Strelka2 tier-1 counts, DP4, INFO/AF and DP of single-sample files,
 * ...; the right allele of a multi-allelic record by the header's Number).
 * A threshold that cannot be applied is not passed: a call whose fraction
 * (or depth) is absent, or unusable -- not finite, negative, a fraction above
 * 1, counts that do not fit the record's alleles, an ALT count above the
 * depth -- is set aside with the reason, unless the user set that threshold
 * to 0.  So a hotspot call without a readable fraction makes its gene
 * indeterminate, never mutant by default.
 *
 * Status of KRAS, NRAS, BRAF, over all inputs together:
 *   - no small-variant input: `not-assessed`.  An input is a small-variant
 *     input when its header declares small-variant fields (a FORMAT field
 *     that begins a fraction row of allele-fraction-fields.tsv: AD, AF,
 *     VAF, FREQ, VF, RO, NV, AU, TIR, DP4...; INFO/CSQ, ANN, BCSQ;
 *     ##GVCFBlock or <NON_REF>), no
 *     copy-number field and no INFO/SVTYPE (an SV file), and it holds records; or when a small-variant
 *     allele of it fell in a gene.  Both are the same whether the file is
 *     streamed or read through an index.
 *   - a used hotspot/class-2/class-3 variant: `mutant`.
 *   - else a listed-codon variant set aside by FILTER or a threshold, a
 *     variant over a listed codon whose protein change is not determined,
 *     or a used variant whose annotation and translation disagree, or whose
 *     record carries an annotation that cannot be read (undeclared, no
 *     readable Format, an entry that does not parse): `indeterminate`.
 *   - else every base of every listed codon shown covered at --min-depth:
 *     `wild-type`.  Coverage comes only from a record that is called (its
 *     GT, when it has one, names every allele: not "./."; its GQ, when
 *     given, is above 0) and passed its filters (FILTER PASS or '.': a
 *     LowGQX or LowDP block is no coverage, whatever --include-filtered
 *     says), by its own depth: a gVCF reference block (ALT '.', <NON_REF>
 *     or <*>) by its minimum (MIN_DP; a one-base row by its depth, as
 *     Pisces writes them), a call over its REF bases by its depth (the
 *     table's depth rows).  An unusable depth is no coverage.  Or by a
 *     --callable BED (its intervals are taken as the lab's statement of
 *     adequate depth).
 *   - else `no-mutation-detected`, and the reason says that coverage of the
 *     named codons was not shown.
 * Limits: inputs are pooled (two SNV files of one tumour count together);
 * ERBB2 has no exon model, so its variants are named only from annotation;
 * NRAS has no full coding sequence, so only its fully known hotspot codons
 * are translated (K117 is not: its third base is unknown).
 * The decision itself and the words of reasons and notes are in sv_decide.c (templates from
 * annotations/reasons.xml, in the report's language); this file reads the records.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "refdata.h"
#include "safe_io.h"
#include "small_variant.h"
#include "sv_cap.h"
#include "tsv.h"
#include "util.h"

const char *sv_class_word(sv_class_t c)
{
    switch (c) {
    case SV_CLASS_HOTSPOT: return "hotspot";
    case SV_CLASS_2: return "class-2";
    case SV_CLASS_3: return "class-3";
    case SV_CLASS_UNCERTAIN: return "uncertain";
    case SV_CLASS_UNDETERMINED: return "not-determined";
    default: return "not-protein-changing";
    }
}

/* ---------------------------------------------------------------- hotspot classes */

int sv_hotspots_load(sv_hotspots_t *t, const char *tsv, mcrc_err_t *err)
{
    static const char *const cols[] = { "gene", "codon", "alt_aa", "class" };
    int idx[4], ret, r;
    tsv_t tt;
    memset(t, 0, sizeof(*t));
    if ((ret = tsv_open(&tt, tsv, "hotspot-classes.tsv", err)) < 0 || (ret = tsv_need(&tt, cols, idx, 4, err)) < 0) goto out;
    while ((r = tsv_row(&tt, err)) == 1) {
        const char *alt = tt.f[idx[2]], *cls = tt.f[idx[3]];
        int gene = gene_from_name(tt.f[idx[0]]), codon;
        if (gene < 0 || tsv_count(tt.f[idx[1]], &codon) || codon < 1 || strlen(alt) != 1) { ret = tsv_fail(&tt, err, "malformed row"); goto out; }
        sv_class_t c = !strcmp(cls, "hotspot") ? SV_CLASS_HOTSPOT : !strcmp(cls, "class-2") ? SV_CLASS_2 : !strcmp(cls, "class-3") ? SV_CLASS_3 : SV_CLASS_NONE;
        if (c == SV_CLASS_NONE) { ret = tsv_fail(&tt, err, "unknown class '%s'", cls); goto out; }
        if (t->n == t->m) {
            int m = t->m ? 2 * t->m : 32;
            sv_hotspot_t *h = realloc(t->h, m * sizeof(*h));
            if (!h) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
            t->h = h; t->m = m;
        }
        t->h[t->n++] = (sv_hotspot_t){ gene, codon, alt[0], c };
    }
    ret = r < 0 ? r : 0;
out:
    tsv_close(&tt);
    if (ret) sv_hotspots_destroy(t);
    return ret;
}

void sv_hotspots_destroy(sv_hotspots_t *t)
{
    free(t->h);
    memset(t, 0, sizeof(*t));
}

sv_class_t sv_hotspot_class(const sv_hotspots_t *t, gene_id_t gene, int codon, char alt_aa)
{
    sv_class_t any = SV_CLASS_NONE;
    for (int i = 0; i < t->n; i++) {
        const sv_hotspot_t *h = &t->h[i];
        if (h->gene != gene || h->codon != codon) continue;
        if (h->alt_aa == '*') any = h->cls;
        else if (alt_aa && toupper((unsigned char)alt_aa) == h->alt_aa) return h->cls;
    }
    return any;
}

/* ---------------------------------------------------------------- set-up */

int sv_init(sv_state_t *s, const sv_params_t *p, const refdata_t *ref, const char *fasta_fn, int ninputs, mcrc_err_t *err)
{
    s->p = *p;
    s->ref = ref;
    annot_list_init(&s->al);
    vaf_reader_init(&s->vr, &ref->vaf_fields);
    s->in = calloc(ninputs > 0 ? ninputs : 1, sizeof(*s->in));
    if (!s->in) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    s->nin = ninputs;
    if (fasta_fn) {
        s->fasta_fn = fasta_fn;
        s->fai = sio_fai_load(fasta_fn, err);    /* never writes a .fai; refuses a broken one */
        if (!s->fai) return MCRC_E_INPUT;
    }
    return 0;
}

void sv_destroy(sv_state_t *s)
{
    annot_list_destroy(&s->al);
    vaf_reader_destroy(&s->vr);
    if (s->fai) fai_destroy(s->fai);
    free(s->in);
    for (int i = 0; i < s->mv; i++) free(s->v[i].note.s);
    free(s->v);
    for (int g = 0; g < N_GENES; g++) sv_call_destroy(&s->call[g]);
    for (int k = 0; k < SV_NOT_LISTED_KINDS; k++) free(s->not_listed_note[k].s);
    free(s->site);
    free(s->i32);
    free(s->f32);
    fc_destroy(&s->fc);
    free(s->str);
    if (s->strs) { free(s->strs[0]); free(s->strs); }
}

static int hdr_has(const bcf_hdr_t *h, int type, const char *id)
{
    int i = bcf_hdr_id2int(h, BCF_DT_ID, id);
    return i >= 0 && bcf_hdr_idinfo_exists(h, type, i);
}

/* the INFO tags an annotation may come in (VEP, SnpEff, bcftools csq); bit i of annot_unreadable is tag i */
static const char *const ann_tags[] = { "CSQ", "ANN", "BCSQ", NULL };

int sv_header(sv_state_t *s, int input, const bcf_hdr_t *h, int cn_declared, mcrc_err_t *err)
{
    sv_input_t *in = &s->in[input - 1];
    size_t o = 0;
    int n = 0;
    in->nsamples = bcf_hdr_nsamples(h);
    /* a FORMAT field the allele-fraction table reads a fraction from (AD, AF, VAF, FREQ, VF, RO, NV, AU, TIR, DP4...) */
    for (int i = 0; i < h->n[BCF_DT_ID]; i++) {
        const char *id = h->id[BCF_DT_ID][i].key;
        if (!id || !bcf_hdr_idinfo_exists(h, BCF_HL_FMT, i) || !vaf_is_fraction_format_field(&s->ref->vaf_fields, id)) continue;
        n++;
        if (o < sizeof(in->fields)) o += snprintf(in->fields + o, sizeof(in->fields) - o, "%sFORMAT/%s", o ? " " : "", id);
    }
    in->annot_unreadable = 0;
    for (int i = 0; ann_tags[i]; i++) {
        if (!hdr_has(h, BCF_HL_INFO, ann_tags[i])) { in->annot_unreadable |= 1u << i; continue; }
        /* CSQ and BCSQ are VEP's and bcftools csq's names: one whose format cannot be read is not ignored (an
         * INFO/ANN may be another tool's field) */
        if (strcmp(ann_tags[i], "ANN")) in->annot_unreadable |= 1u << i;     /* cleared below once registered */
        /* declared as numbers (a second declaration first, say), the annotations could not be read, and a
         * disagreement they hold would go unseen: the header contradicts the records */
        int ty = bcf_hdr_id2type(h, BCF_HL_INFO, bcf_hdr_id2int(h, BCF_DT_ID, ann_tags[i]));
        if (ty != BCF_HT_STR)
            return mcrc_fail(err, MCRC_E_INPUT, "the header declares INFO/%s as Type=%s, but %s holds text annotations; fix its ##INFO line",
                             ann_tags[i], ty == BCF_HT_INT ? "Integer" : ty == BCF_HT_REAL ? "Float" : "Flag", ann_tags[i]);
        bcf_hrec_t *hr = bcf_hdr_get_hrec(h, BCF_HL_INFO, "ID", ann_tags[i], NULL);
        int k = hr ? bcf_hrec_find_key(hr, "Description") : -1;
        if (k < 0 || in->nannot == 3) continue;
        annot_format_t *f = &in->annot[in->nannot];
        annot_format_init(f);
        if (annot_format_parse(hr->vals[k], f) < 0) continue;   /* an INFO/ANN that is not an annotation */
        snprintf(in->annot_tag[in->nannot++], sizeof(in->annot_tag[0]), "%s", ann_tags[i]);
        in->annot_unreadable &= ~(1u << i);
        n++;
        if (o < sizeof(in->fields)) o += snprintf(in->fields + o, sizeof(in->fields) - o, "%sINFO/%s", o ? " " : "", ann_tags[i]);
    }
    int gvcf = bcf_hdr_get_hrec(h, BCF_HL_GEN, "GVCFBlock", NULL, NULL) != NULL || hdr_has(h, BCF_HL_FMT, "MIN_DP");
    for (int i = 0; i < h->nhrec && !gvcf; i++)
        if (h->hrec[i]->type == BCF_HL_STR && h->hrec[i]->key && !strcmp(h->hrec[i]->key, "ALT"))
            for (int k = 0; k < h->hrec[i]->nkeys; k++)
                if (!strcmp(h->hrec[i]->keys[k], "ID") && !strcmp(h->hrec[i]->vals[k], "NON_REF")) gvcf = 1;
    if (gvcf) { n++; if (o < sizeof(in->fields)) o += snprintf(in->fields + o, sizeof(in->fields) - o, "%sgVCF", o ? " " : ""); }
    if (o >= sizeof(in->fields)) in->fields[sizeof(in->fields) - 1] = 0;
    /* a structural-variant file (INFO/SVTYPE) may declare FORMAT/AF or INFO/ANN too: it is not a small-variant call set */
    in->declared = n > 0 && !cn_declared && !hdr_has(h, BCF_HL_INFO, "SVTYPE");
    return 0;
}

int sv_begin(sv_state_t *s, genome_build_t build, mcrc_err_t *err)
{
    s->build = build;
    s->nsite = 0;
    if (!build) return 0;
    free(s->site);
    s->site = calloc(s->ref->hot.n ? s->ref->hot.n : 1, sizeof(*s->site));
    if (!s->site) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    for (int i = 0; i < s->ref->hot.n; i++) {
        const sv_hotspot_t *h = &s->ref->hot.h[i];
        if (h->alt_aa != '*') continue;   /* one site per codon */
        const cds_tx_t *tx = cds_model_tx(&s->ref->model, gene_name(h->gene), build);
        if (!tx) return mcrc_fail(err, MCRC_E_INTERNAL, "no %s %s gene model for hotspot codon %d", gene_name(h->gene), build_name(build), h->codon);
        sv_site_t *t = &s->site[s->nsite++];
        t->gene = h->gene; t->codon = h->codon; t->cls = h->cls;
        for (int k = 0; k < 3; k++) t->gpos[k] = cds_tx_c2g(tx, 3 * (h->codon - 1) + 1 + k);
    }
    return 0;
}

void sv_mark_covered(sv_state_t *s, const char *chrom, int64_t beg, int64_t end)
{
    char canon[8];
    if (contig_canonical(chrom, canon) < 0) return;
    for (int i = 0; i < s->nsite; i++) {
        sv_site_t *t = &s->site[i];
        if (strcmp(genes_span(&s->ref->genes, s->build, t->gene)->chrom, canon)) continue;   /* sites exist once the build is known */
        for (int k = 0; k < 3; k++)
            if (t->gpos[k] >= beg && t->gpos[k] <= end) t->covered[k] = 1;
    }
}

/* ---------------------------------------------------------------- reading values */

/* A number of a FORMAT field (Integer or Float) for the sample at index idx; 1 found, 0 absent or missing. */
static int fmt_num(sv_state_t *s, const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int sample, int idx, double *out)
{
    if (sample < 0 || !hdr_has(h, BCF_HL_FMT, tag)) return 0;
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    /* decoded once per record, however many alleles ask (field_cache.c) */
    return fc_number(&s->fc, h, rec, 0, tag, bcf_hdr_id2type(h, BCF_HL_FMT, id), sample, bcf_hdr_nsamples(h), idx, out);
}

static int is_bases(const char *a);

/* A translation that stops the run: a REF that contradicts the coding sequence (the input's fault: a wrong
 * build) or a failure of ours.  Error lines are in English, whatever the report's language. */
static int translate_error(const sv_state_t *s, int tr, const variant_effect_t *ve, mcrc_err_t *err)
{
    reason_ctx_t en = { s->rc.rs, s->rc.rs ? reasons_lang(s->rc.rs, "en") : -1 };
    kstring_t why = { 0, 0, NULL };
    int ret = reason_add_ref(&why, &en, &ve->why) < 0 ? mcrc_fail(err, MCRC_E_INTERNAL, "out of memory or no reason template")
            : tr == TR_REF_MISMATCH ? mcrc_fail(err, MCRC_E_INPUT, "%s", why.s)
            : mcrc_fail(err, MCRC_E_INTERNAL, "translation failed: %s", why.s);
    free(why.s);
    return ret;
}

/* Allele fraction and depth of ALT ialt (0-based) in the tumour sample, in the dialect its caller wrote
 * (annotations/allele-fraction-fields.tsv, read by vaf.c).  0, or -1 when memory ran out. */
static int read_vaf_depth(sv_state_t *s, const bcf_hdr_t *h, bcf1_t *rec, int sample, int nsamples, int ialt, sv_variant_t *v,
                          vaf_value_t *fv, vaf_value_t *dv)
{
    if (vaf_read(&s->vr, h, rec, sample, nsamples, ialt, VAF_USE_FRACTION, fv) < 0
        || vaf_read(&s->vr, h, rec, sample, nsamples, ialt, VAF_USE_DEPTH, dv) < 0) return -1;
    /* counts and a stated depth that contradict each other: the fraction rests on neither */
    if (fv->state == VAF_OK && fv->alt_count >= 0 && dv->state == VAF_OK && fv->alt_count > dv->value) {
        fv->state = VAF_UNUSABLE;
        char alt[32], depth[32];
        snprintf(alt, sizeof(alt), "%g", fv->alt_count);
        snprintf(depth, sizeof(depth), "%g", dv->value);
        reason_ref_set(&fv->why, "sv-vaf-counts-above-depth", "field", fv->field, "alt", alt, "dfield", dv->field, "depth", depth, NULL);
    }
    v->vaf_state = fv->state;
    v->depth_state = dv->state;
    if (fv->state != VAF_ABSENT) snprintf(v->vaf_field, sizeof(v->vaf_field), "%s", fv->field);
    if (dv->state != VAF_ABSENT) snprintf(v->depth_field, sizeof(v->depth_field), "%s", dv->field);
    if (fv->state == VAF_OK) { v->has_vaf = 1; v->vaf = fv->value; }
    if (dv->state == VAF_OK) { v->has_depth = 1; v->depth = (int)dv->value; }
    return 0;
}

/* The sample's genotype is called: GT, when the record has one, names every allele (not "./."), and GQ, when
 * given, is above 0.  A sites-only record, or a reference block written without GT (FreeBayes), is the
 * caller's own statement. */
static int called(sv_state_t *s, const bcf_hdr_t *h, bcf1_t *rec, int sample)
{
    if (sample < 0) return 1;
    int n = bcf_get_genotypes(h, rec, &s->i32, &s->mi32), ns = bcf_hdr_nsamples(h);
    if (n > 0 && ns > 0) {
        int per = n / ns, k;
        const int32_t *g = s->i32 + (size_t)sample * per;
        for (k = 0; k < per && g[k] != bcf_int32_vector_end; k++)
            if (bcf_gt_is_missing(g[k])) return 0;
        if (k == 0) return 0;
    } else if (n != -3 && n != -1) return 0;   /* GT present but not readable */
    /* a GQ the record carries but that is not a number by its declaration (undeclared: htslib makes it a
     * String) cannot show the call: not called */
    int gq_id = bcf_hdr_id2int(h, BCF_DT_ID, "GQ");
    if (gq_id >= 0 && bcf_hdr_idinfo_exists(h, BCF_HL_FMT, gq_id) && bcf_get_fmt(h, rec, "GQ")) {
        int t = bcf_hdr_id2type(h, BCF_HL_FMT, gq_id);
        if (t != BCF_HT_INT && t != BCF_HT_REAL) return 0;
    }
    double gq;
    if (fmt_num(s, h, rec, "GQ", sample, 0, &gq) && gq <= 0) return 0;
    return 1;
}

/* Does this record show [pos, end] sequenced at --min-depth?  Only a called record that passed its filters, by
 * its own depth: a reference block's minimum (MIN_DP), a one-base row's or a call's depth (every ALT's, for
 * callers that write one per ALT).  1 yes, 0 no, -1 out of memory. */
static int covers(sv_state_t *s, const sv_input_t *in, const bcf_hdr_t *h, bcf1_t *rec, int sample, int pass, int nvar,
                  int64_t pos, int64_t end)
{
    if (!pass || !called(s, h, rec, sample)) return 0;
    if (s->p.min_depth <= 0) return 1;
    vaf_value_t d;
    if (!nvar) {
        if (vaf_read(&s->vr, h, rec, sample, in->nsamples, 0, VAF_USE_BLOCK_DEPTH, &d) < 0) return -1;
        if (d.state == VAF_ABSENT && end == pos && vaf_read(&s->vr, h, rec, sample, in->nsamples, 0, VAF_USE_DEPTH, &d) < 0) return -1;
        return d.state == VAF_OK && d.value >= s->p.min_depth;
    }
    for (int i = 1; i < rec->n_allele; i++) {
        if (!is_bases(rec->d.allele[i])) continue;
        if (vaf_read(&s->vr, h, rec, sample, in->nsamples, i - 1, VAF_USE_DEPTH, &d) < 0) return -1;
        if (d.state != VAF_OK || d.value < s->p.min_depth) return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- effect */

static int is_protein_changing(ve_consequence_t c)
{
    return c == VE_MISSENSE || c == VE_NONSENSE || c == VE_INFRAME_DELETION || c == VE_INFRAME_INSERTION
        || c == VE_FRAMESHIFT || c == VE_START_LOST || c == VE_STOP_LOST;
}

/* From a short protein name ("p.G12D", "p.G12_G13delinsVC", "p.G12="): first and last codon and
 * the new residue of a simple substitution.  Returns 1 protein-changing, 0 not (synonymous), -1 not a name. */
static int parse_short_p(const char *p, int *first, int *last, char *alt_aa)
{
    *first = *last = 0;
    *alt_aa = 0;
    if (strncmp(p, "p.", 2)) return -1;
    p += 2;
    if (*p == '(') p++;
    if (!isalpha((unsigned char)*p) && *p != '*') return -1;
    p++;
    if (!isdigit((unsigned char)*p)) return -1;
    *first = *last = (int)strtol(p, (char **)&p, 10);
    if (*p == '_' && (isalpha((unsigned char)p[1]) || p[1] == '*') && isdigit((unsigned char)p[2])) *last = (int)strtol(p + 2, NULL, 10);
    if (*p == '=' ) return 0;
    if ((isalpha((unsigned char)*p) || *p == '*') && (!p[1] || p[1] == ')')) *alt_aa = *p;
    return 1;
}

/* Do two short protein names mean the same change?  Frameshifts are compared up to "fs". */
static int same_protein_change(const char *a, const char *b)
{
    const char *fa = strstr(a, "fs"), *fb = strstr(b, "fs");
    if (fa && fb) {
        /* "p.G12Vfs*5" and "p.G12fs": the changed residue and its position */
        int na = 0, nb = 0;
        while (a[na] && (na < 3 || !isalpha((unsigned char)a[na]))) na++;
        while (b[nb] && (nb < 3 || !isalpha((unsigned char)b[nb]))) nb++;
        return na == nb && !strncmp(a, b, na);
    }
    return !strcmp(a, b);
}

static void cut_allele(const char *a, char *out, size_t n)
{
    size_t l = strlen(a);
    if (l < n) { text_sanitize(a, out, n); return; }
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%.*s...", (int)(n - 4), a);
    text_sanitize(tmp, out, n);
}

/* Compare REF with the --fasta reference.  0 match; 1 mismatch, or -1 the FASTA has no such contig (tried
 * with and without "chr") or not this position: both with the message in msg, and both stop the run --
 * --fasta asks for every REF to be checked, and a REF that cannot be checked is not quietly passed. */
static int fasta_check(sv_state_t *s, const char *chrom, int64_t pos, const char *ref, char *msg, size_t n)
{
    /* the FASTA may name the contig as the VCF does, or as its chromosome with or without "chr"
     * (a VCF on chr17, 17, NC_000017.11 or CM000679.2 is checked against a FASTA of chr17 or 17) */
    char canon[8], bare[64], with_chr[64];
    const char *c = contig_canonical(chrom, canon) == 0 ? canon : strncmp(chrom, "chr", 3) ? chrom : chrom + 3;
    snprintf(bare, sizeof(bare), "%s", c);
    snprintf(with_chr, sizeof(with_chr), "chr%s", c);
    const char *tries[3] = { chrom, with_chr, bare }, *name = NULL;
    for (int i = 0; i < 3 && !name; i++)
        if (faidx_has_seq(s->fai, tries[i])) name = tries[i];
    if (!name) {
        int own = strcmp(chrom, bare) && strcmp(chrom, with_chr);   /* an accession: name it too */
        snprintf(msg, n, "the reference FASTA %s has no sequence named %.40s%s%.40s or %.40s, so this REF cannot be checked \xe2\x80\x94 a FASTA of another genome, or one with some contigs only? (run without --fasta to skip the check)",
                 s->fasta_fn, own ? chrom : "", own ? ", " : "", with_chr, bare);
        return -1;
    }
    hts_pos_t len = 0, l = (hts_pos_t)strlen(ref), clen = faidx_seq_len(s->fai, name);
    if (pos < 1 || pos - 1 + l > clen) {
        snprintf(msg, n, "REF %.20s ends past the end of %.40s in the reference FASTA %s (length %lld) \xe2\x80\x94 wrong genome build, or a partial FASTA?", ref, name, s->fasta_fn, (long long)clen);
        return 1;
    }
    char *seq = faidx_fetch_seq64(s->fai, name, pos - 1, pos - 2 + l, &len);
    if (!seq) { snprintf(msg, n, "the reference FASTA %s could not be read at %.40s:%lld", s->fasta_fn, name, (long long)pos); return -1; }
    int bad = len != l;
    for (hts_pos_t i = 0; !bad && i < l; i++) {
        char a = toupper((unsigned char)ref[i]), b = toupper((unsigned char)seq[i]);
        if (a != b && a != 'N' && b != 'N') bad = 1;
    }
    if (bad) snprintf(msg, n, "REF %.20s does not match the reference FASTA %s (%.20s) \xe2\x80\x94 wrong genome build or a broken file?", ref, s->fasta_fn, seq);
    free(seq);
    return bad;
}

const char *sv_not_listed_word(sv_not_listed_t k)
{
    static const char *word[SV_NOT_LISTED_KINDS] = { "outside-coding-sequence", "effect-not-determined", "copy-number-segment", "over-listing-cap", "repeated-segment" };
    return k >= 0 && k < SV_NOT_LISTED_KINDS ? word[k] : "over-listing-cap";
}

static sv_variant_t *new_variant(sv_state_t *s, mcrc_err_t *err)
{
    if (s->nv == s->mv) {
        int m = s->mv ? 2 * s->mv : 16;
        sv_variant_t *p = realloc(s->v, m * sizeof(*p));
        if (!p) { mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); return NULL; }
        memset(p + s->mv, 0, (m - s->mv) * sizeof(*p));
        s->v = p; s->mv = m;
    }
    /* a slot given back (a variant counted, not listed) keeps its note's buffer for the next one */
    sv_variant_t *v = &s->v[s->nv++];
    kstring_t note = v->note;
    memset(v, 0, sizeof(*v));
    v->note = note;
    v->note.l = 0;
    if (note.s) note.s[0] = 0;
    return v;
}

static int overlaps_site(const sv_state_t *s, gene_id_t gene, int64_t beg, int64_t end)
{
    for (int i = 0; i < s->nsite; i++) {
        const sv_site_t *t = &s->site[i];
        if (t->gene != gene) continue;
        for (int k = 0; k < 3; k++)
            if (t->gpos[k] >= beg && t->gpos[k] <= end) return 1;
    }
    return 0;
}

static int is_ref_like(const char *a)
{
    return !strcmp(a, ".") || !strcmp(a, "<NON_REF>") || !strcmp(a, "<*>") || !strcmp(a, "*");
}

static int is_bases(const char *a)
{
    if (!*a) return 0;
    for (; *a; a++)
        if (!strchr("ACGTNacgtn", *a)) return 0;
    return 1;
}

/* Look the allele up in the file's own annotation; fill the annot_* fields. */
static void annotate(sv_state_t *s, int input, const bcf_hdr_t *h, bcf1_t *rec, int ialt, gene_id_t gene, sv_variant_t *v, char *annot_c, size_t nc)
{
    sv_input_t *in = &s->in[input - 1];
    for (int i = 0; ann_tags[i]; i++)
        if ((in->annot_unreadable & (1u << i)) && bcf_get_info(h, rec, ann_tags[i])) {
            snprintf(v->annot_unread, sizeof(v->annot_unread), "%s", ann_tags[i]);
            return;
        }
    for (int a = 0; a < in->nannot; a++) {
        if (bcf_get_info_string(h, rec, in->annot_tag[a], &s->str, &s->mstr) <= 0) continue;
        annot_allele_t al = { rec->d.allele[0], (const char *const *)rec->d.allele + 1, rec->n_allele - 1, ialt };
        char msg[128];
        int r = annot_parse(&in->annot[a], s->str, &al, &s->al, msg, sizeof(msg));
        if (r < 0) { snprintf(v->annot_unread, sizeof(v->annot_unread), "%s", in->annot_tag[a]); return; }
        if (r == 0) continue;
        annot_choice_t why;
        int k = annot_choose(&s->al, &s->ref->genes, gene_name(gene), &why);
        if (k < 0) continue;
        const annot_entry_t *e = &s->al.a[k];
        char p[VE_STR_LEN];
        annot_protein_short(e->hgvsp, p, sizeof(p));
        snprintf(v->annot_source, sizeof(v->annot_source), "%s INFO/%s", annot_kind_name(in->annot[a].kind), in->annot_tag[a]);
        text_sanitize(e->transcript, v->annot_transcript, sizeof(v->annot_transcript));
        text_sanitize(p, v->annot_p, sizeof(v->annot_p));
        const char *c = strchr(e->hgvsc, ':');
        text_sanitize(c ? c + 1 : e->hgvsc[0] ? e->hgvsc : e->dna_change, annot_c, nc);
        return;
    }
}

static int note_fail(mcrc_err_t *err)
{
    return mcrc_fail(err, MCRC_E_INTERNAL, "a variant's note could not be worded (out of memory, or a reason template is missing)");
}

int sv_add_record(sv_state_t *s, int input, const bcf_hdr_t *h, bcf1_t *rec, int sample, gene_id_t gene,
                  int64_t end, mcrc_err_t *err)
{
    sv_input_t *in = &s->in[input - 1];
    const char *chrom = bcf_seqname_safe(h, rec);
    int64_t pos = rec->pos + 1;
    fc_next_record(&s->fc);
    bcf_unpack(rec, BCF_UN_ALL);
    if (rec->n_allele < 1) return 0;
    const char *ref = rec->d.allele[0];
    int nvar = 0, nsym = 0;
    for (int i = 1; i < rec->n_allele; i++) {
        if (is_bases(rec->d.allele[i])) nvar++;
        else if (!is_ref_like(rec->d.allele[i])) nsym++;
    }
    if (s->fai && is_bases(ref)) {
        char msg[512];
        if (fasta_check(s, chrom, pos, ref, msg, sizeof(msg)) != 0) return mcrc_fail(err, MCRC_E_INPUT, "%s", msg);
    }
    char filter[64] = "";
    int pass = 1;
    {
        size_t o = 0;
        if (rec->d.n_flt == 0) strcpy(filter, ".");
        for (int i = 0; i < rec->d.n_flt; i++) {
            const char *f = bcf_hdr_int2id(h, BCF_DT_ID, rec->d.flt[i]);
            if (strcmp(f, "PASS")) pass = 0;
            if (o < sizeof(filter)) o += snprintf(filter + o, sizeof(filter) - o, "%s%s", i ? ";" : "", f);
        }
    }
    /* coverage: a reference block, or the span of a call, called, passing, at adequate depth */
    if (nvar || !nsym) {
        int64_t cend = nvar ? pos + (int64_t)strlen(ref) - 1 : end;
        int c = covers(s, in, h, rec, sample, pass, nvar, pos, cend);
        if (c < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        if (c) sv_mark_covered(s, chrom, pos, cend);
    }
    if (!nvar && !nsym) return 0;
    for (int i = 1; i < rec->n_allele; i++) {
        const char *alt = rec->d.allele[i];
        if (is_ref_like(alt)) continue;
        sv_variant_t *v = new_variant(s, err);
        if (!v) return MCRC_E_INTERNAL;
        v->input = input;
        v->gene = gene;
        text_sanitize(chrom, v->chrom, sizeof(v->chrom));
        v->pos = pos;
        cut_allele(ref, v->ref, sizeof(v->ref));
        cut_allele(alt, v->alt, sizeof(v->alt));
        text_sanitize(filter, v->filter, sizeof(v->filter));
        v->pass = pass;
        if (!is_bases(alt) || !is_bases(ref)) {
            v->cls = SV_CLASS_UNDETERMINED;
            v->set_aside = 1;
            v->symbolic = 1;
            if (reason_set(&v->note, &s->rc, "sv-note-symbolic", NULL) < 0) return note_fail(err);
            if (!sv_cap_keep(s->v, s->nv - 1, v)) { in->not_listed[gene][SV_NL_OVER_CAP]++; s->nv--; }   /* sv_cap.c */
            continue;
        }
        in->seen = 1;
        vaf_value_t fv, dv;
        if (read_vaf_depth(s, h, rec, sample, in->nsamples, i - 1, v, &fv, &dv) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        v->overlaps_hotspot = overlaps_site(s, gene, pos, pos + (int64_t)strlen(ref) - 1);

        /* 1. our translation (and the REF check against the coding sequence) */
        variant_effect_t ve;
        int tr = translate_variant(&s->ref->model, s->build, chrom, pos, ref, alt, &ve);
        if (tr == TR_REF_MISMATCH || (tr < 0 && tr != TR_E_ARG)) return translate_error(s, tr, &ve, err);
        int ours = tr == TR_OK && ve.consequence != VE_NOT_DETERMINED;
        if (ours) snprintf(v->our_p, sizeof(v->our_p), "%s", ve.hgvs_p);
        /* 2. the file's own annotation */
        char annot_c[VE_STR_LEN] = "";
        annotate(s, input, h, rec, i - 1, gene, v, annot_c, sizeof(annot_c));
        int first, last;
        char alt_aa;
        int annot_pc = v->annot_p[0] ? parse_short_p(v->annot_p, &first, &last, &alt_aa) : -1;
        int comparable = v->annot_p[0] && genes_is_model_transcript(&s->ref->genes, gene_name(gene), v->annot_transcript);
        if (ours) {
            v->determined = 1;
            v->protein_changing = is_protein_changing(ve.consequence);
            v->codon_first = ve.first_codon;
            v->codon_last = ve.last_codon;
            snprintf(v->transcript, sizeof(v->transcript), "%s", ve.transcript);
            snprintf(v->hgvs_c, sizeof(v->hgvs_c), "%s", ve.hgvs_c);
            snprintf(v->hgvs_p, sizeof(v->hgvs_p), "%s", ve.hgvs_p);
            snprintf(v->consequence, sizeof(v->consequence), "%s", ve_consequence_name(ve.consequence));
            strcpy(v->source, "translation");
            alt_aa = 0;
            if (ve.consequence == VE_MISSENSE && ve.first_codon == ve.last_codon) {
                size_t l = strlen(ve.hgvs_p);
                alt_aa = l ? ve.hgvs_p[l - 1] : 0;
            }
            if (comparable && ve.hgvs_p[0] && !same_protein_change(ve.hgvs_p, v->annot_p)) v->disagree = 1;
        } else if (annot_pc >= 0) {
            v->determined = 1;
            v->protein_changing = annot_pc;
            v->codon_first = first;
            v->codon_last = last;
            snprintf(v->transcript, sizeof(v->transcript), "%s", v->annot_transcript);
            snprintf(v->hgvs_c, sizeof(v->hgvs_c), "%s", annot_c);
            snprintf(v->hgvs_p, sizeof(v->hgvs_p), "%s", v->annot_p);
            snprintf(v->consequence, sizeof(v->consequence), "%s", annot_pc ? "protein_altering" : "synonymous");
            snprintf(v->source, sizeof(v->source), "%s", v->annot_source);
        } else {
            alt_aa = 0;
            snprintf(v->transcript, sizeof(v->transcript), "%s", ve.transcript);
            snprintf(v->hgvs_c, sizeof(v->hgvs_c), "%s", ve.hgvs_c);
            snprintf(v->consequence, sizeof(v->consequence), "%s", ve_consequence_name(ve.consequence));
            strcpy(v->source, "none");
        }
        /* classification */
        if (!v->determined) v->cls = SV_CLASS_UNDETERMINED;
        else if (!v->protein_changing) v->cls = SV_CLASS_NONE;
        else {
            v->cls = SV_CLASS_UNCERTAIN;
            for (int c = v->codon_first; c <= v->codon_last && c > 0; c++) {
                sv_class_t k = sv_hotspot_class(&s->ref->hot, gene, c, v->codon_first == v->codon_last ? alt_aa : 0);
                if (k != SV_CLASS_NONE && (v->cls == SV_CLASS_UNCERTAIN || k == SV_CLASS_HOTSPOT)) v->cls = k;
            }
        }
        /* filters and thresholds */
        if (sv_note_variant(&s->rc, &s->p, v, pass, &fv, &dv, &ve, ours, comparable) < 0) return note_fail(err);
        v->used = !v->set_aside && v->determined && !v->disagree && !v->annot_unread[0];
        /* counted, not listed: nothing the file or our model says ties it to the protein */
        int nl = -1;
        if (v->cls == SV_CLASS_NONE && !v->disagree && !v->annot_unread[0] && !v->annot_p[0] && ours
            && (ve.consequence == VE_OUTSIDE_CDS || (ve.consequence == VE_SPLICE_REGION_OR_INTRONIC && ve.splice_distance > VE_SPLICE_REGION_BP)))
            nl = SV_NL_OUTSIDE_CDS;
        else if (v->cls == SV_CLASS_UNDETERMINED && !v->annot_p[0] && !v->overlaps_hotspot && !cds_model_tx(&s->ref->model, gene_name(gene), s->build))
            nl = SV_NL_NO_MODEL;
        if (nl < 0 && !sv_cap_keep(s->v, s->nv - 1, v)) nl = SV_NL_OVER_CAP;      /* listed enough of these: sv_cap.c */
        if (nl >= 0) { in->not_listed[gene][nl]++; s->nv--; }
    }
    return 0;
}
