/*
 * sv_record.c - the small-variant records of an input, read into sv_variant_t (the rule they serve, the
 * filters and where the effect comes from: small_variant.c's design comment).
 *
 * Design
 * ------
 * sv_header() reads what an input's header declares (fraction fields, annotation formats, gVCF blocks).
 * sv_add_record() takes one record that overlaps a gene, in four steps:
 *   filter    (record_filter, for the whole record): the --fasta REF check, the FILTER column, and the
 *             coverage the record shows (a reference block or the span of a call, see covers());
 *   effect    (allele_effect, per ALT): our translation (translate.c, which also checks REF against the
 *             coding sequence), the file's own annotation (annot_parse.c), and which of them is reported;
 *   classify  (classify): hotspot, class 2 or 3, uncertain, not protein-changing, not determined;
 *   note      (note_allele): the note's words and the thresholds that set it aside (sv_decide.c), whether
 *             it is used, and whether it is counted rather than listed (sv_cap.c, sv_not_listed_t).
 * A symbolic allele is listed with a note and not assessed.  Errors go through mcrc_err_t: a REF that
 * contradicts the FASTA or the model is MCRC_E_INPUT, anything of ours MCRC_E_INTERNAL.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/kstring.h>
#include "refdata.h"
#include "small_variant.h"
#include "sv_cap.h"
#include "util.h"

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
    int n = 0;   /* small-variant fields declared */
    in->nsamples = bcf_hdr_nsamples(h);
    /* a FORMAT field the allele-fraction table reads a fraction from (AD, AF, VAF, FREQ, VF, RO, NV, AU, TIR, DP4...) */
    for (int i = 0; i < h->n[BCF_DT_ID]; i++) {
        const char *id = h->id[BCF_DT_ID][i].key;
        if (!id || !bcf_hdr_idinfo_exists(h, BCF_HL_FMT, i) || !vaf_is_fraction_format_field(&s->ref->vaf_fields, id)) continue;
        n++;
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
    }
    int gvcf = bcf_hdr_get_hrec(h, BCF_HL_GEN, "GVCFBlock", NULL, NULL) != NULL || hdr_has(h, BCF_HL_FMT, "MIN_DP");
    for (int i = 0; i < h->nhrec && !gvcf; i++)
        if (h->hrec[i]->type == BCF_HL_STR && h->hrec[i]->key && !strcmp(h->hrec[i]->key, "ALT"))
            for (int k = 0; k < h->hrec[i]->nkeys; k++)
                if (!strcmp(h->hrec[i]->keys[k], "ID") && !strcmp(h->hrec[i]->vals[k], "NON_REF")) gvcf = 1;
    if (gvcf) n++;
    /* a structural-variant file (INFO/SVTYPE) may declare FORMAT/AF or INFO/ANN too: it is not a small-variant call set */
    in->declared = n > 0 && !cn_declared && !hdr_has(h, BCF_HL_INFO, "SVTYPE");
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

/* ---------------------------------------------------------------- reading values */

/* A number of a FORMAT field (Integer or Float) for the sample at index idx; 1 found, 0 absent or missing. */
static int fmt_num(sv_state_t *s, const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int sample, int idx, double *out)
{
    if (sample < 0 || !hdr_has(h, BCF_HL_FMT, tag)) return 0;
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    /* decoded once per record, however many alleles ask (field_cache.c) */
    return fc_number(&s->fc, h, rec, 0, tag, bcf_hdr_id2type(h, BCF_HL_FMT, id), sample, bcf_hdr_nsamples(h), idx, out);
}

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

/* Compare REF with the --fasta reference.  0 match; else MCRC_E_INPUT with the message in err: a mismatch, a
 * FASTA without the contig (tried with and without "chr") or without this position.  All stop the run --
 * --fasta asks for every REF to be checked, and a REF that cannot be checked is not quietly passed. */
static int fasta_check(sv_state_t *s, const char *chrom, int64_t pos, const char *ref, mcrc_err_t *err)
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
        return mcrc_fail(err, MCRC_E_INPUT, "the reference FASTA %s has no sequence named %.40s%s%.40s or %.40s, so this REF cannot be checked \xe2\x80\x94 a FASTA of another genome, or one with some contigs only? (run without --fasta to skip the check)",
                         s->fasta_fn, own ? chrom : "", own ? ", " : "", with_chr, bare);
    }
    hts_pos_t len = 0, l = (hts_pos_t)strlen(ref), clen = faidx_seq_len(s->fai, name);
    if (pos < 1 || pos - 1 + l > clen)
        return mcrc_fail(err, MCRC_E_INPUT, "REF %.20s ends past the end of %.40s in the reference FASTA %s (length %lld) \xe2\x80\x94 wrong genome build, or a partial FASTA?",
                         ref, name, s->fasta_fn, (long long)clen);
    char *seq = faidx_fetch_seq64(s->fai, name, pos - 1, pos - 2 + l, &len);
    if (!seq) return mcrc_fail(err, MCRC_E_INPUT, "the reference FASTA %s could not be read at %.40s:%lld", s->fasta_fn, name, (long long)pos);
    int bad = len != l;
    for (hts_pos_t i = 0; !bad && i < l; i++) {
        char a = toupper((unsigned char)ref[i]), b = toupper((unsigned char)seq[i]);
        if (a != b && a != 'N' && b != 'N') bad = 1;
    }
    int ret = bad ? mcrc_fail(err, MCRC_E_INPUT, "REF %.20s does not match the reference FASTA %s (%.20s) \xe2\x80\x94 wrong genome build or a broken file?", ref, s->fasta_fn, seq) : 0;
    free(seq);
    return ret;
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

/* Look the allele up in the file's own annotation; fill the annot_* fields.  0, or MCRC_E_INTERNAL (out of memory:
 * an annotation that cannot be read for that reason is not the file's fault, and is not reported as unreadable). */
static int annotate(sv_state_t *s, int input, const bcf_hdr_t *h, bcf1_t *rec, int ialt, gene_id_t gene, sv_variant_t *v, char *annot_c, size_t nc,
                    mcrc_err_t *err)
{
    sv_input_t *in = &s->in[input - 1];
    for (int i = 0; ann_tags[i]; i++)
        if ((in->annot_unreadable & (1u << i)) && bcf_get_info(h, rec, ann_tags[i])) {
            snprintf(v->annot_unread, sizeof(v->annot_unread), "%s", ann_tags[i]);
            return 0;
        }
    for (int a = 0; a < in->nannot; a++) {
        if (bcf_get_info_string(h, rec, in->annot_tag[a], &s->str, &s->mstr) <= 0) continue;
        annot_allele_t al = { rec->d.allele[0], (const char *const *)rec->d.allele + 1, rec->n_allele - 1, ialt };
        int r = annot_parse(&in->annot[a], s->str, &al, &s->al, err);
        if (r == ANNOT_E_NOMEM) return MCRC_E_INTERNAL;
        if (r < 0) { snprintf(v->annot_unread, sizeof(v->annot_unread), "%s", in->annot_tag[a]); return 0; }
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
        return 0;
    }
    return 0;
}

static int note_fail(mcrc_err_t *err)
{
    return mcrc_fail(err, MCRC_E_INTERNAL, "a variant's note could not be worded (out of memory, or a reason template is missing)");
}

/* ---------------------------------------------------------------- a record, step by step */

/* What a record's alleles share. */
typedef struct {
    const bcf_hdr_t *h;
    bcf1_t *rec;
    int input, sample;
    gene_id_t gene;
    const char *chrom, *ref;
    int64_t pos;
    kstring_t filter;         /* the FILTER column as written ("." when empty) */
    int pass;                 /* FILTER PASS or '.' */
} sv_rec_t;

/* What the effect step found for an allele, for the classify and note steps. */
typedef struct {
    variant_effect_t ve;      /* our translation */
    int ours;                 /* it named the change */
    int comparable;           /* the annotation is on the model transcript */
    char alt_aa;              /* the new residue of a one-codon substitution, 0 if not one */
} sv_effect_t;

/* Filter step, for the whole record: the --fasta REF check, the FILTER column, and what the record shows
 * covered.  1 the record has alleles to list, 0 none, <0 an error (err says). */
static int record_filter(sv_state_t *s, sv_input_t *in, sv_rec_t *r, int64_t end, mcrc_err_t *err)
{
    bcf1_t *rec = r->rec;
    int nvar = 0, nsym = 0;
    for (int i = 1; i < rec->n_allele; i++) {
        if (is_bases(rec->d.allele[i])) nvar++;
        else if (!is_ref_like(rec->d.allele[i])) nsym++;
    }
    int ret;
    if (s->fai && is_bases(r->ref) && (ret = fasta_check(s, r->chrom, r->pos, r->ref, err)) != 0) return ret;
    if (rec->d.n_flt == 0 && kputc('.', &r->filter) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    for (int i = 0; i < rec->d.n_flt; i++) {
        const char *f = bcf_hdr_int2id(r->h, BCF_DT_ID, rec->d.flt[i]);
        if (strcmp(f, "PASS")) r->pass = 0;
        if ((i && kputc(';', &r->filter) < 0) || kputs(f, &r->filter) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    }
    /* coverage: a reference block, or the span of a call, called, passing, at adequate depth */
    if (nvar || !nsym) {
        int64_t cend = nvar ? r->pos + (int64_t)strlen(r->ref) - 1 : end;
        int c = covers(s, in, r->h, rec, r->sample, r->pass, nvar, r->pos, cend);
        if (c < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        if (c) sv_mark_covered(s, r->chrom, r->pos, cend);
    }
    return nvar || nsym;
}

/* Effect step: our translation (with the REF check against the coding sequence), the file's own annotation,
 * and which of them the report gives.  0, or <0 (a REF that contradicts the model: MCRC_E_INPUT). */
static int allele_effect(sv_state_t *s, const sv_rec_t *r, int i, sv_variant_t *v, sv_effect_t *e, mcrc_err_t *err)
{
    variant_effect_t *ve = &e->ve;
    int tr = translate_variant(&s->ref->model, s->build, r->chrom, r->pos, r->ref, r->rec->d.allele[i], ve);
    if (tr == TR_REF_MISMATCH || (tr < 0 && tr != TR_E_ARG)) return translate_error(s, tr, ve, err);
    e->ours = tr == TR_OK && ve->consequence != VE_NOT_DETERMINED;
    if (e->ours) snprintf(v->our_p, sizeof(v->our_p), "%s", ve->hgvs_p);
    char annot_c[VE_STR_LEN] = "";
    if (annotate(s, r->input, r->h, r->rec, i - 1, r->gene, v, annot_c, sizeof(annot_c), err) < 0) return MCRC_E_INTERNAL;
    int first, last;
    int annot_pc = v->annot_p[0] ? parse_short_p(v->annot_p, &first, &last, &e->alt_aa) : -1;
    e->comparable = v->annot_p[0] && genes_is_model_transcript(&s->ref->genes, gene_name(r->gene), v->annot_transcript);
    if (e->ours) {
        v->determined = 1;
        v->protein_changing = is_protein_changing(ve->consequence);
        v->codon_first = ve->first_codon;
        v->codon_last = ve->last_codon;
        snprintf(v->transcript, sizeof(v->transcript), "%s", ve->transcript);
        snprintf(v->hgvs_c, sizeof(v->hgvs_c), "%s", ve->hgvs_c);
        snprintf(v->hgvs_p, sizeof(v->hgvs_p), "%s", ve->hgvs_p);
        snprintf(v->consequence, sizeof(v->consequence), "%s", ve_consequence_name(ve->consequence));
        strcpy(v->source, "translation");
        e->alt_aa = 0;
        if (ve->consequence == VE_MISSENSE && ve->first_codon == ve->last_codon) {
            size_t l = strlen(ve->hgvs_p);
            e->alt_aa = l ? ve->hgvs_p[l - 1] : 0;
        }
        if (e->comparable && ve->hgvs_p[0] && !same_protein_change(ve->hgvs_p, v->annot_p)) v->disagree = 1;
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
        e->alt_aa = 0;
        snprintf(v->transcript, sizeof(v->transcript), "%s", ve->transcript);
        snprintf(v->hgvs_c, sizeof(v->hgvs_c), "%s", ve->hgvs_c);
        snprintf(v->consequence, sizeof(v->consequence), "%s", ve_consequence_name(ve->consequence));
        strcpy(v->source, "none");
    }
    return 0;
}

/* Classify step: not determined, not protein-changing, a listed codon's class (a hotspot wins), or uncertain. */
static void classify(const sv_state_t *s, gene_id_t gene, sv_variant_t *v, char alt_aa)
{
    if (!v->determined) v->cls = SV_CLASS_UNDETERMINED;
    else if (!v->protein_changing) v->cls = SV_CLASS_NONE;
    else {
        v->cls = SV_CLASS_UNCERTAIN;
        for (int c = v->codon_first; c <= v->codon_last && c > 0; c++) {
            sv_class_t k = sv_hotspot_class(&s->ref->hot, gene, c, v->codon_first == v->codon_last ? alt_aa : 0);
            if (k != SV_CLASS_NONE && (v->cls == SV_CLASS_UNCERTAIN || k == SV_CLASS_HOTSPOT)) v->cls = k;
        }
    }
}

/* Note step: word the note (filters and thresholds set it aside, sv_decide.c), decide whether it is used, and
 * give the slot back when the allele is counted, not listed.  0, or <0. */
static int note_allele(sv_state_t *s, sv_input_t *in, const sv_rec_t *r, sv_variant_t *v, const vaf_value_t *fv,
                       const vaf_value_t *dv, const sv_effect_t *e, mcrc_err_t *err)
{
    const variant_effect_t *ve = &e->ve;
    gene_id_t gene = r->gene;
    if (sv_note_variant(&s->rc, &s->p, v, r->pass, fv, dv, ve, e->ours, e->comparable) < 0) return note_fail(err);
    v->used = !v->set_aside && v->determined && !v->disagree && !v->annot_unread[0];
    /* counted, not listed: nothing the file or our model says ties it to the protein */
    int nl = -1;
    if (v->cls == SV_CLASS_NONE && !v->disagree && !v->annot_unread[0] && !v->annot_p[0] && e->ours
        && (ve->consequence == VE_OUTSIDE_CDS || (ve->consequence == VE_SPLICE_REGION_OR_INTRONIC && ve->splice_distance > VE_SPLICE_REGION_BP)))
        nl = SV_NL_OUTSIDE_CDS;
    else if (v->cls == SV_CLASS_UNDETERMINED && !v->annot_p[0] && !v->overlaps_hotspot && !cds_model_tx(&s->ref->model, gene_name(gene), s->build))
        nl = SV_NL_NO_MODEL;
    if (nl < 0 && !sv_cap_keep(s->v, s->nv - 1, v)) nl = SV_NL_OVER_CAP;      /* listed enough of these: sv_cap.c */
    if (nl >= 0) { in->not_listed[gene][nl]++; s->nv--; }
    return 0;
}

/* One ALT allele (i, 1-based) of the record: listed as read, then the effect, classify and note steps.
 * A symbolic allele is listed, not assessed.  0, or <0. */
static int add_allele(sv_state_t *s, sv_input_t *in, const sv_rec_t *r, int i, mcrc_err_t *err)
{
    const char *alt = r->rec->d.allele[i];
    sv_variant_t *v = new_variant(s, err);
    if (!v) return MCRC_E_INTERNAL;
    v->input = r->input;
    v->gene = r->gene;
    text_sanitize(r->chrom, v->chrom, sizeof(v->chrom));
    v->pos = r->pos;
    cut_allele(r->ref, v->ref, sizeof(v->ref));
    cut_allele(alt, v->alt, sizeof(v->alt));
    text_sanitize(r->filter.s, v->filter, sizeof(v->filter));
    v->pass = r->pass;
    if (!is_bases(alt) || !is_bases(r->ref)) {
        v->cls = SV_CLASS_UNDETERMINED;
        v->set_aside = 1;
        v->symbolic = 1;
        if (reason_set(&v->note, &s->rc, "sv-note-symbolic", NULL) < 0) return note_fail(err);
        if (!sv_cap_keep(s->v, s->nv - 1, v)) { in->not_listed[r->gene][SV_NL_OVER_CAP]++; s->nv--; }   /* sv_cap.c */
        return 0;
    }
    in->seen = 1;
    vaf_value_t fv, dv;
    if (read_vaf_depth(s, r->h, r->rec, r->sample, in->nsamples, i - 1, v, &fv, &dv) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    v->overlaps_hotspot = overlaps_site(s, r->gene, r->pos, r->pos + (int64_t)strlen(r->ref) - 1);
    sv_effect_t e;
    memset(&e, 0, sizeof(e));
    int ret = allele_effect(s, r, i, v, &e, err);
    if (ret < 0) return ret;
    classify(s, r->gene, v, e.alt_aa);
    return note_allele(s, in, r, v, &fv, &dv, &e, err);
}

int sv_add_record(sv_state_t *s, int input, const bcf_hdr_t *h, bcf1_t *rec, int sample, gene_id_t gene,
                  int64_t end, mcrc_err_t *err)
{
    sv_input_t *in = &s->in[input - 1];
    fc_next_record(&s->fc);
    vaf_reader_next_record(&s->vr);
    bcf_unpack(rec, BCF_UN_ALL);
    if (rec->n_allele < 1) return 0;
    sv_rec_t r = { h, rec, input, sample, gene, bcf_seqname_safe(h, rec), rec->d.allele[0], rec->pos + 1, { 0, 0, NULL }, 1 };
    int ret = record_filter(s, in, &r, end, err);
    for (int i = 1; ret > 0 && i < rec->n_allele; i++)
        if (!is_ref_like(rec->d.allele[i]) && (ret = add_allele(s, in, &r, i, err)) == 0) ret = 1;
    free(r.filter.s);
    return ret < 0 ? ret : 0;
}
