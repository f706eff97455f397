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
 *     adequate depth).  Or by the tumour's reads (--alignments, alignments.c):
 *     a codon whose three bases reach --min-depth after the read filters.
 *   - The reads also check the calls (alignments_compare.c): a used SNV/MNV
 *     call at a codon the reads cover at --min-depth but do not show, or a
 *     change the reads show (2 reads or more, --min-vaf of them) that no
 *     call includes, makes the gene `indeterminate` (a call the reads
 *     contradict is checked before `mutant`; reads without a call after the
 *     doubtful calls; a gene mutant by its calls stays mutant, and its
 *     reason names the other change).
 *   - else `no-mutation-detected`, and the reason says that coverage of the
 *     named codons was not shown.
 * Limits: inputs are pooled (two SNV files of one tumour count together);
 * ERBB2 has no exon model, so its variants are named only from annotation;
 * NRAS has no full coding sequence, so only its fully known hotspot codons
 * are translated (K117 is not: its third base is unknown).
 * Shape: this file holds the set-up and the per-gene state -- the hotspot classes, the models, the
 * listed codons' bases of the resolved build (sv_begin) and whether each is shown covered
 * (sv_mark_covered).  sv_record.c reads the headers and records (the filter, effect, classify and
 * note steps of sv_add_record); sv_decide.c holds the decision itself and the words of reasons and
 * notes (templates from annotations/reasons.xml, in the report's language).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "refdata.h"
#include "tsv.h"
#include "safe_io.h"
#include "small_variant.h"
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

const char *sv_not_listed_word(sv_not_listed_t k)
{
    static const char *word[SV_NOT_LISTED_KINDS] = { "outside-coding-sequence", "effect-not-determined", "copy-number-segment", "over-listing-cap", "repeated-segment" };
    return k >= 0 && k < SV_NOT_LISTED_KINDS ? word[k] : "over-listing-cap";
}
