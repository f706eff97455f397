/*
 * translate.c - small-variant effect on the KRAS/NRAS/BRAF/ERBB2 CDS.
 *
 * Design
 * ------
 * translate_variant() takes one VCF ALT allele and the cds_model_t (see
 * cds_model.c) and fills a variant_effect_t.  It allocates only for indel
 * translation (one mutant CDS and two protein strings, freed before return)
 * and never prints.  Rules, in order:
 *
 *  1. Alleles: REF/ALT must be ACGTN (any case).  Symbolic (<DEL>), '*',
 *     '.', breakends and ALT=N are not translated (VE_NOT_DETERMINED).
 *  2. Normalisation: the shared suffix, then the shared prefix (this removes
 *     the VCF anchor base) are trimmed.  Left/right-aligned representations
 *     of the same event therefore give the same call (see 6).
 *  3. Gene: the model transcript of the requested build whose gene span
 *     (genes.tsv, else the CDS extent) overlaps the trimmed variant; a gene
 *     with a span but no exon model (ERBB2) gives VE_NOT_DETERMINED; no gene
 *     gives VE_OUTSIDE_CDS with gene "".
 *  4. REF check: every base of the untrimmed VCF REF that falls in a coding
 *     segment and whose model base is known is compared with the model CDS
 *     (reverse-complemented on '-').  Any difference returns TR_REF_MISMATCH
 *     with the first mismatching plus-strand position, the expected and found
 *     bases and the message "REF does not match the GRCh38 KRAS coding
 *     sequence at 12:25245350: expected C, found G \u2014 wrong genome build?"
 *     (UTF-8 em dash, as in the caller's message).
 *  5. Location: all changed bases in one coding segment -> coding; none ->
 *     intronic (between two coding segments: VE_SPLICE_REGION_OR_INTRONIC,
 *     "splice site" within 2 bp of the exon, "splice region" within 8 bp,
 *     else "intronic"; HGVS c.N+d / c.N-d for SNVs) or VE_OUTSIDE_CDS (5'/3'
 *     of the CDS, UTRs are not modelled).  Anything crossing an exon/intron or
 *     CDS boundary, and an insertion exactly at a boundary, is
 *     VE_NOT_DETERMINED.
 *  6. Coding SNV/MNV (equal length after trimming): the affected codons are
 *     translated before/after (codons split by an intron, like BRAF N581,
 *     work because positions go through the exon model).  c.35G>A,
 *     c.34_35delinsTT; p.G12D, p.G12= (synonymous), p.Q61* (nonsense),
 *     p.M1? (start_lost), p.*189Kext*? (stop_lost), delins for several codons.
 *     Coding indels/delins need the complete CDS: deletions and insertions
 *     are shifted 3' in the transcript within their segment (HGVS 3' rule;
 *     insertions that copy the preceding bases are named dup).  If the shifted
 *     indel can reach the end of its coding segment the equivalent placement
 *     may be intronic or UTR (sequence not modelled) -> VE_NOT_DETERMINED.
 *     Indels touching the start or stop codon -> VE_NOT_DETERMINED.
 *     The protein consequence comes from translating the whole mutant CDS:
 *     frameshift -> p.G12fs at the first changed residue; in-frame -> the
 *     changed residues between the longest common prefix and suffix (this
 *     puts deletions/insertions at the most C-terminal position, HGVS 3'
 *     rule) named del / dup / ins / delins; a new stop gives nonsense.
 *  7. Genes without a CDS in cds.fa (NRAS): the exon model still gives the
 *     c. position, exon and codon numbers.  SNV/MNV protein calls are made
 *     only when every base of the affected codons is known from
 *     hotspots.tsv (fully known reference hotspot codons, checked against
 *     the protein on load); everything else is VE_NOT_DETERMINED with a
 *     reason.  NRAS K117 ("AA?") is therefore never translated.
 *
 * Limits: trimmed REF/ALT up to TR_MAX_INDEL (60) bases are named; names
 * longer than VE_STR_LEN-1 characters give VE_NOT_DETERMINED.
 *
 * Shape: translate_variant() runs the steps above as static functions over
 * one tr_ctx_t (find_gene 3, alleles_ok 1, check_ref 4, trim 2, locate 5,
 * name_substitution 6/7, name_indel 6 with make_deletion / make_insertion /
 * make_delins and name_mutant_protein, coding_notes).  The protein names
 * themselves (p.G12D, p.Gly12Asp; the amino-acid table) are protein_name.c.
 *
 * Return codes: the TR_* codes are results for the one caller
 * (sv_record.c), not a third error convention.  TR_OK: out is filled,
 * named or not (out->why says why not).  TR_REF_MISMATCH: out is filled and
 * the input contradicts the model, which the caller makes an input error
 * (MCRC_E_INPUT, worded from out->why).  TR_E_ARG: a record that gives
 * nothing to translate (no REF, POS < 1), which the caller lists as not
 * determined.  TR_E_NOMEM is the one failure of ours; the caller routes it
 * through mcrc_err_t as MCRC_E_INTERNAL.  This file has no message buffer:
 * every reason is a reasons.xml id with its parameters (out->why).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "protein_name.h"
#include "translate.h"
#include "util.h"

const char *ve_consequence_name(ve_consequence_t c)
{
    switch (c) {
    case VE_MISSENSE: return "missense";
    case VE_SYNONYMOUS: return "synonymous";
    case VE_NONSENSE: return "nonsense";
    case VE_INFRAME_DELETION: return "inframe_deletion";
    case VE_INFRAME_INSERTION: return "inframe_insertion";
    case VE_FRAMESHIFT: return "frameshift";
    case VE_START_LOST: return "start_lost";
    case VE_STOP_LOST: return "stop_lost";
    case VE_SPLICE_REGION_OR_INTRONIC: return "splice_region_or_intronic";
    case VE_OUTSIDE_CDS: return "outside_cds";
    default: return "not_determined";
    }
}

/* ------------------------------------------------------------ small helpers */

/* WHY (protein_name.h) sets out->why; INT gives a number as a reason parameter */
#define INT(x) int_text((char[24]){ 0 }, (long long)(x))

static const char *int_text(char b[24], long long x) { snprintf(b, 24, "%lld", x); return b; }

static void copy_str(char *dst, size_t len, const char *src)
{
    snprintf(dst, len, "%s", src ? src : "");
}

/* --------------------------------------------------------------- locating */

static int overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1) { return a0 <= b1 && b0 <= a1; }

/* revcomp (strand '-') or copy into dst (len n); upper case */
static void to_coding(char strand, const char *src, int n, char *dst)
{
    for (int i = 0; i < n; i++)
        dst[i] = strand == '+' ? (char)toupper((unsigned char)src[i]) : cds_complement(src[n - 1 - i]);
    dst[n] = 0;
}

static int is_base(char c)
{
    switch (c) { case 'A': case 'C': case 'G': case 'T': case 'N':
                 case 'a': case 'c': case 'g': case 't': case 'n': return 1; }
    return 0;
}

/* intronic / outside classification for [lo,hi] with no coding base */
static void classify_noncoding(const cds_tx_t *tx, int64_t lo, int64_t hi, int is_snv,
                               char ref_plus, char alt_plus, variant_effect_t *o)
{
    int minus = tx->strand == '-';
    if (hi < tx->cds_min || lo > tx->cds_max) {
        int five = minus ? lo > tx->cds_max : hi < tx->cds_min;
        o->consequence = VE_OUTSIDE_CDS;
        WHY(o, five ? "sv-tr-before-cds" : "sv-tr-after-cds", "gene", tx->gene);
        return;
    }
    for (int i = 0; i + 1 < tx->n; i++) {
        const cds_segment_t *a = &tx->seg[i], *b = &tx->seg[i + 1];
        int64_t i0 = minus ? b->end + 1 : a->end + 1;
        int64_t i1 = minus ? a->start - 1 : b->start - 1;
        if (lo < i0 || hi > i1) continue;
        int64_t d_don = minus ? a->start - hi : lo - a->end;   /* distance from exon a (donor side) */
        int64_t d_acc = minus ? lo - b->end : b->start - hi;   /* distance to exon b (acceptor side) */
        int64_t d = d_don < d_acc ? d_don : d_acc;
        o->consequence = VE_SPLICE_REGION_OR_INTRONIC;
        o->intron = a->exon;
        o->splice_distance = (int)(d > 1000000000 ? 1000000000 : d);
        static const char *const ids[3][2] = { { "sv-tr-splice-site-donor", "sv-tr-splice-site-acceptor" },
                                               { "sv-tr-splice-region-donor", "sv-tr-splice-region-acceptor" },
                                               { "sv-tr-intronic-donor", "sv-tr-intronic-acceptor" } };
        WHY(o, ids[d <= 2 ? 0 : d <= VE_SPLICE_REGION_BP ? 1 : 2][d_don > d_acc], "intron", INT(a->exon), "gene", tx->gene,
            "bp", INT(d), "exon", INT(d_don <= d_acc ? a->exon : b->exon));
        if (is_snv && ref_plus && alt_plus) {
            char r = minus ? cds_complement(ref_plus) : (char)toupper((unsigned char)ref_plus);
            char x = minus ? cds_complement(alt_plus) : (char)toupper((unsigned char)alt_plus);
            if (d_don <= d_acc) snprintf(o->hgvs_c, sizeof(o->hgvs_c), "c.%d+%lld%c>%c", a->c_last, (long long)d_don, r, x);
            else snprintf(o->hgvs_c, sizeof(o->hgvs_c), "c.%d-%lld%c>%c", b->c_first, (long long)d_acc, r, x);
        }
        return;
    }
    o->consequence = VE_NOT_DETERMINED;
    WHY(o, "sv-tr-mixed", "gene", tx->gene);
}

/* ----------------------------------------------------------- the steps */

/* One translation, filled step by step (the numbers are the design comment's). */
typedef struct {
    const cds_model_t *m;
    genome_build_t build;
    int64_t pos;                 /* VCF POS */
    const char *ref, *alt;       /* VCF alleles, untrimmed */
    size_t rl0, al0;             /* their lengths */
    const cds_tx_t *tx;          /* 3. the model transcript hit */
    const char *seq;             /* its coding sequence (NULL: not in cds.fa) */
    int complete;                /* seq has no unknown base */
    size_t off;                  /* 2. bases trimmed in front */
    int nr, na;                  /* trimmed REF, ALT lengths */
    int iseg, cmin, cmax;        /* 5. the coding segment hit and the CDS positions of the change */
    const cds_segment_t *sg;
    char cref[TR_MAX_INDEL + 1], calt[TR_MAX_INDEL + 1];   /* trimmed REF, ALT on the coding strand */
    variant_effect_t *out;
} tr_ctx_t;

/* 3. The model transcript whose gene span (or CDS extent) overlaps the untrimmed REF.  0 when there is none
 * (out says why: a gene without an exon model, or no gene), else 1. */
static int find_gene(tr_ctx_t *c, const char *ch)
{
    const cds_model_t *m = c->m;
    variant_effect_t *out = c->out;
    int64_t q0 = c->pos, q1 = c->pos + (int64_t)c->rl0 - 1;
    for (int i = 0; i < m->n_tx && !c->tx; i++) {
        const cds_tx_t *t = &m->tx[i];
        if (t->build != c->build || strcmp(t->chrom, ch)) continue;
        int64_t a = t->cds_min, b = t->cds_max;
        const cds_span_t *s = cds_model_span(m, t->gene, c->build);
        if (s) { if (s->start < a) a = s->start; if (s->end > b) b = s->end; }
        if (overlaps(q0, q1, a, b)) c->tx = t;
    }
    if (!c->tx) {
        const cds_span_t *sp = NULL;
        for (int i = 0; i < m->n_span && !sp; i++) {
            const cds_span_t *s = &m->span[i];
            if (s->build == c->build && !strcmp(s->chrom, ch) && overlaps(q0, q1, s->start, s->end)) sp = s;
        }
        if (sp) {
            copy_str(out->gene, sizeof(out->gene), sp->gene);
            out->consequence = VE_NOT_DETERMINED;
            WHY(out, "sv-tr-no-model", "gene", sp->gene);
        } else {
            out->consequence = VE_OUTSIDE_CDS;
            WHY(out, "sv-tr-no-gene", "build", build_name(c->build));
        }
        return 0;
    }
    const cds_tx_t *tx = c->tx;
    copy_str(out->gene, sizeof(out->gene), tx->gene);
    copy_str(out->transcript, sizeof(out->transcript), tx->transcript);
    copy_str(out->tx_refseq, sizeof(out->tx_refseq), tx->tx_refseq);
    copy_str(out->tx_ensembl, sizeof(out->tx_ensembl), tx->tx_ensembl);
    const cds_gene_t *g = cds_model_gene(m, tx->gene);
    c->seq = g && g->cds && g->cds_len == tx->cds_len ? g->cds : NULL;
    c->complete = c->seq && g->cds_complete;
    return 1;
}

/* 1. Alleles that can be translated: bases only, no symbolic, '*', '.', breakend or N ALT.  1 yes, 0 no (why set). */
static int alleles_ok(tr_ctx_t *c)
{
    const char *ref = c->ref, *alt = c->alt;
    for (size_t i = 0; i < c->rl0; i++)
        if (!is_base(ref[i])) { WHY(c->out, "sv-tr-ref-chars"); return 0; }
    if (!c->al0 || !strcmp(alt, ".") || !strcmp(alt, "*") || strchr(alt, '<') || strchr(alt, '[') || strchr(alt, ']')) {
        WHY(c->out, "sv-tr-alt-symbolic");
        return 0;
    }
    for (size_t i = 0; i < c->al0; i++)
        if (!is_base(alt[i]) || toupper((unsigned char)alt[i]) == 'N') {
            WHY(c->out, "sv-tr-alt-chars");
            return 0;
        }
    return 1;
}

/* 4. The whole VCF REF against the model's coding sequence: TR_OK or TR_REF_MISMATCH (out says where). */
static int check_ref(tr_ctx_t *c)
{
    const cds_tx_t *tx = c->tx;
    variant_effect_t *out = c->out;
    int checked = 0;
    for (size_t i = 0; i < c->rl0; i++) {
        int64_t gp = c->pos + (int64_t)i;
        int k = cds_tx_g2c(tx, gp, NULL);
        if (!k || !c->seq || c->seq[k - 1] == '?') continue;
        char want = tx->strand == '+' ? c->seq[k - 1] : cds_complement(c->seq[k - 1]);
        char have = (char)toupper((unsigned char)c->ref[i]);
        checked++;
        if (want != have) {
            out->ref_status = VE_REF_MISMATCH;
            out->mismatch_pos = gp;
            out->expected_ref = want;
            out->found_ref = have;
            out->c_start = out->c_end = k;
            out->first_codon = out->last_codon = (k - 1) / 3 + 1;
            WHY(out, "sv-tr-ref-mismatch", "build", build_name(c->build), "gene", tx->gene, "chrom", tx->chrom, "pos", INT(gp),
                "want", (char[2]){ want, 0 }, "have", (char[2]){ have, 0 });
            return TR_REF_MISMATCH;
        }
    }
    if (checked) out->ref_status = VE_REF_MATCH;
    return TR_OK;
}

/* 2. Trim the shared suffix, then the shared prefix.  1 something is left to name, 0 not (why set). */
static int trim(tr_ctx_t *c)
{
    const char *ref = c->ref, *alt = c->alt;
    size_t rl = c->rl0, al = c->al0, off = 0;
    while (rl && al && toupper((unsigned char)ref[rl - 1]) == toupper((unsigned char)alt[al - 1])) rl--, al--;
    while (off < rl && off < al && toupper((unsigned char)ref[off]) == toupper((unsigned char)alt[off])) off++;
    c->off = off;
    c->nr = (int)(rl - off);
    c->na = (int)(al - off);
    if (!c->nr && !c->na) { WHY(c->out, "sv-tr-alt-is-ref"); return 0; }
    if (c->nr > TR_MAX_INDEL || c->na > TR_MAX_INDEL) {
        WHY(c->out, "sv-tr-too-long", "max", INT(TR_MAX_INDEL));
        return 0;
    }
    return 1;
}

/* 5. Where is the trimmed change?  1 inside one coding segment (the c. positions, exon and codons are set),
 * 0 elsewhere (intronic, outside the CDS or across a boundary: out says which). */
static int locate(tr_ctx_t *c)
{
    const cds_tx_t *tx = c->tx;
    variant_effect_t *out = c->out;
    int nr = c->nr, na = c->na, n_in = 0, same_seg = 1;
    int64_t p0 = c->pos + (int64_t)c->off, lo, hi;
    c->iseg = -1;
    c->cmin = c->cmax = 0;
    if (nr) {
        lo = p0; hi = p0 + nr - 1;
        for (int64_t gp = lo; gp <= hi; gp++) {
            int s, k = cds_tx_g2c(tx, gp, &s);
            if (!k) continue;
            if (n_in && s != c->iseg) same_seg = 0;
            c->iseg = s;
            if (!n_in || k < c->cmin) c->cmin = k;
            if (!n_in || k > c->cmax) c->cmax = k;
            n_in++;
        }
    } else {
        lo = p0 - 1; hi = p0;   /* insertion between lo and hi */
        int s1, s2, c1 = cds_tx_g2c(tx, lo, &s1), c2 = cds_tx_g2c(tx, hi, &s2);
        n_in = (c1 > 0) + (c2 > 0);
        if (n_in == 2 && s1 == s2) { c->iseg = s1; c->cmin = c1 < c2 ? c1 : c2; c->cmax = c->cmin + 1; }
        else if (n_in == 2) same_seg = 0;
    }
    if (n_in == 0) {
        int snv = nr == 1 && na == 1;
        classify_noncoding(tx, lo, hi, snv, snv ? c->ref[c->off] : 0, snv ? c->alt[c->off] : 0, out);
        return 0;
    }
    int cmin = c->cmin, cmax = c->cmax;
    int whole = nr ? n_in == nr : n_in == 2;
    if (!whole || !same_seg) {
        WHY(out, "sv-tr-crosses-boundary", "gene", tx->gene);
        if (cmin ? cmin : cmax) { out->c_start = cmin; out->c_end = cmax; out->first_codon = (cmin - 1) / 3 + 1; out->last_codon = (cmax - 1) / 3 + 1; }
        return 0;
    }
    c->sg = &tx->seg[c->iseg];
    out->exon = c->sg->exon;
    out->c_start = cmin; out->c_end = cmax;
    out->first_codon = (cmin - 1) / 3 + 1;
    out->last_codon = (cmax - 1) / 3 + 1;
    to_coding(tx->strand, c->ref + c->off, nr, c->cref);
    to_coding(tx->strand, c->alt + c->off, na, c->calt);
    return 1;
}

/* 6/7. A coding substitution (SNV/MNV): the affected codons before and after, from the model's sequence
 * (a gene without the whole CDS: only codons it knows every base of). */
static void name_substitution(tr_ctx_t *c)
{
    variant_effect_t *out = c->out;
    const char *seq = c->seq;
    int fc = out->first_codon, lc = out->last_codon, ncod = lc - fc + 1, cmin = c->cmin;
    char rc[3 * (TR_MAX_INDEL / 3 + 2) + 1], ac[sizeof(rc)], Rl[TR_MAX_INDEL / 3 + 3], Ml[sizeof(Rl)];
    pname_t pn;
    memset(&pn, 0, sizeof(pn));
    if (!seq) { WHY(out, "sv-tr-no-cds", "gene", c->tx->gene); return; }
    memcpy(rc, seq + 3 * (fc - 1), (size_t)(3 * ncod));
    rc[3 * ncod] = 0;
    const char *unk = strchr(rc, '?');
    if (unk) {
        WHY(out, "sv-tr-codon-unknown", "gene", c->tx->gene, "codon", INT(fc + (int)(unk - rc) / 3));
        return;
    }
    memcpy(ac, rc, (size_t)(3 * ncod) + 1);
    memcpy(ac + (cmin - 1 - 3 * (fc - 1)), c->calt, (size_t)c->na);
    for (int i = 0; i < ncod; i++) { Rl[i] = cds_translate_codon(rc + 3 * i); Ml[i] = cds_translate_codon(ac + 3 * i); }
    if (c->nr == 1) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d%c>%c", cmin, c->cref[0], c->calt[0]);
    else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddelins%s", cmin, c->cmax, c->calt);
    if (fc == 1 && Ml[0] != 'M') {
        pn.kind = PN_START_LOST;
        out->consequence = VE_START_LOST;
        pn_set(out, &pn);
        return;
    }
    int p = 0, s = 0;
    while (p < ncod && Rl[p] == Ml[p]) p++;
    while (s < ncod - p && Rl[ncod - 1 - s] == Ml[ncod - 1 - s]) s++;
    if (p == ncod) {   /* synonymous: name the affected codon range */
        pn.kind = PN_SYN; pn.a1 = Rl[0]; pn.p1 = fc;
        if (ncod > 1) { pn.a2 = Rl[ncod - 1]; pn.p2 = lc; }
        out->consequence = VE_SYNONYMOUS;
        pn_set(out, &pn);
    } else {
        int n2 = ncod - s - p;
        pn_name_change(out, Rl, ncod, fc - 1, p, Rl + p, n2, Ml + p, n2, 0);
    }
}

/* The mutant coding sequence of an indel, shifted 3' (HGVS rule) and named in c.: *mut (malloc'd, *mlen
 * bases), *net the change in length.  1 done, 0 not named (why set), -1 out of memory. */
static int make_deletion(tr_ctx_t *c, char **mut, int *mlen, int *net)
{
    variant_effect_t *out = c->out;
    const char *seq = c->seq;
    int f = c->sg->c_first, l = c->sg->c_last, L = c->tx->cds_len;
    int a = c->cmin, b = c->cmax, a5 = c->cmin, b5 = c->cmax;
    while (b < l && seq[a - 1] == seq[b]) a++, b++;
    while (a5 > f && seq[a5 - 2] == seq[b5 - 1]) a5--, b5--;
    if (a5 <= 3) { WHY(out, "sv-tr-del-start"); return 0; }
    if (b >= L - 2) { WHY(out, "sv-tr-del-stop"); return 0; }
    if (a5 == f || b == l) {
        WHY(out, "sv-tr-del-exon-edge", "exon", INT(c->sg->exon), "first", INT(f), "last", INT(l));
        return 0;
    }
    if (a == b) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddel", a);
    else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddel", a, b);
    *net = -(b - a + 1);
    if (!(*mut = malloc((size_t)L + 1))) return -1;
    memcpy(*mut, seq, (size_t)(a - 1));
    memcpy(*mut + a - 1, seq + b, (size_t)(L - b));
    *mlen = L - (b - a + 1);
    out->c_start = a; out->c_end = b;
    return 1;
}

/* as make_deletion, for an insertion between c.k and c.k+1; one that copies the bases before it is a dup */
static int make_insertion(tr_ctx_t *c, char **mut, int *mlen, int *net)
{
    variant_effect_t *out = c->out;
    const char *seq = c->seq;
    int f = c->sg->c_first, l = c->sg->c_last, L = c->tx->cds_len;
    int k = c->cmin, k5 = c->cmin, n = c->na;
    char S[TR_MAX_INDEL + 1], S5[TR_MAX_INDEL + 1];
    memcpy(S, c->calt, (size_t)n + 1);
    while (k < l && S[0] == seq[k]) {
        memmove(S, S + 1, (size_t)n - 1);
        S[n - 1] = seq[k];
        k++;
    }
    memcpy(S5, c->calt, (size_t)n + 1);
    while (k5 >= f && S5[n - 1] == seq[k5 - 1]) {
        memmove(S5 + 1, S5, (size_t)n - 1);
        S5[0] = seq[k5 - 1];
        k5--;
    }
    if (k5 < 3) { WHY(out, "sv-tr-ins-start"); return 0; }
    if (k >= L - 2) { WHY(out, "sv-tr-ins-stop"); return 0; }
    if (k5 < f || k >= l) {
        WHY(out, "sv-tr-ins-exon-edge", "exon", INT(c->sg->exon), "first", INT(f), "last", INT(l));
        return 0;
    }
    if (k - n + 1 >= f && !memcmp(seq + k - n, S, (size_t)n)) {
        if (n == 1) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddup", k);
        else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddup", k - n + 1, k);
        out->c_start = k - n + 1; out->c_end = k;
    } else {
        snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%dins%s", k, k + 1, S);
        out->c_start = k; out->c_end = k + 1;
    }
    *net = n;
    if (!(*mut = malloc((size_t)L + (size_t)n + 1))) return -1;
    memcpy(*mut, seq, (size_t)k);
    memcpy(*mut + k, S, (size_t)n);
    memcpy(*mut + k + n, seq + k, (size_t)(L - k));
    *mlen = L + n;
    return 1;
}

/* as make_deletion, for a deletion-insertion of unequal length (not shifted) */
static int make_delins(tr_ctx_t *c, char **mut, int *mlen, int *net)
{
    variant_effect_t *out = c->out;
    const char *seq = c->seq;
    int L = c->tx->cds_len, a = c->cmin, b = c->cmax, nr = c->nr, na = c->na;
    if (a <= 3) { WHY(out, "sv-tr-change-start"); return 0; }
    if (b >= L - 2) { WHY(out, "sv-tr-change-stop"); return 0; }
    if (a == b) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddelins%s", a, c->calt);
    else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddelins%s", a, b, c->calt);
    *net = na - nr;
    if (!(*mut = malloc((size_t)L + (size_t)na + 1))) return -1;
    memcpy(*mut, seq, (size_t)(a - 1));
    memcpy(*mut + a - 1, c->calt, (size_t)na);
    memcpy(*mut + a - 1 + na, seq + b, (size_t)(L - b));
    *mlen = L - nr + na;
    return 1;
}

/* The protein change of a coding indel: translate the reference and the mutant CDS (mlen bases, net the change
 * in length) whole; a frameshift at its first changed residue, else the changed residues between the longest
 * common prefix and suffix.  0, or -1 out of memory. */
static int name_mutant_protein(tr_ctx_t *c, const char *mut, int mlen, int net)
{
    variant_effect_t *out = c->out;
    int L = c->tx->cds_len, lenR = L / 3, lenM = mlen / 3;
    char *R = malloc((size_t)lenR + 1), *M = malloc((size_t)lenM + 1);
    if (!R || !M) { free(R); free(M); return -1; }
    for (int i = 0; i < lenR; i++) R[i] = cds_translate_codon(c->seq + 3 * i);
    for (int i = 0; i < lenM; i++) M[i] = cds_translate_codon(mut + 3 * i);
    R[lenR] = M[lenM] = 0;
    if (net % 3) {
        int p = 0, lim = lenR < lenM ? lenR : lenM;
        while (p < lim && R[p] == M[p]) p++;
        if (p >= lim || R[p] == '*') {
            WHY(out, "sv-tr-fs-unchanged");
            out->hgvs_c[0] = 0;
        } else {
            pname_t pn;
            memset(&pn, 0, sizeof(pn));
            pn.kind = PN_FS; pn.a1 = R[p]; pn.p1 = p + 1;
            out->consequence = VE_FRAMESHIFT;
            pn_set(out, &pn);
        }
    } else {
        int p = 0, s = 0;
        while (p < lenR && p < lenM && R[p] == M[p]) p++;
        while (s < lenR - p && s < lenM - p && R[lenR - 1 - s] == M[lenM - 1 - s]) s++;
        pn_name_change(out, R, lenR, 0, p, R + p, lenR - s - p, M + p, lenM - s - p, net);
    }
    free(R);
    free(M);
    return 0;
}

/* 6. A coding indel or unequal delins: needs the complete CDS.  TR_OK (named or why set) or TR_E_NOMEM. */
static int name_indel(tr_ctx_t *c)
{
    variant_effect_t *out = c->out;
    char *mut = NULL;
    int mlen = 0, net = 0, r;
    if (!c->complete) {
        WHY(out, "sv-tr-indel-no-cds", "gene", c->tx->gene);
        return TR_OK;
    }
    r = !c->na ? make_deletion(c, &mut, &mlen, &net) : !c->nr ? make_insertion(c, &mut, &mlen, &net)
      : make_delins(c, &mut, &mlen, &net);
    if (r > 0) {
        out->first_codon = (out->c_start - 1) / 3 + 1;
        out->last_codon = (out->c_end - 1) / 3 + 1;
        r = name_mutant_protein(c, mut, mlen, net);
    }
    free(mut);
    if (r < 0) { WHY(out, "sv-tr-no-memory"); return TR_E_NOMEM; }
    return TR_OK;
}

/* A named coding change within 3 bases of an exon's inner edge: a note that it is in the splice region. */
static void coding_notes(const tr_ctx_t *c)
{
    variant_effect_t *out = c->out;
    const cds_segment_t *sg = c->sg;
    if (out->consequence == VE_NOT_DETERMINED || out->why.id) return;
    int first_seg = c->iseg == 0, last_seg = c->iseg == c->tx->n - 1;
    if ((!first_seg && out->c_start - sg->c_first < 3) || (!last_seg && sg->c_last - out->c_end < 3))
        WHY(out, "sv-tr-coding-splice-region");
}

/* ------------------------------------------------------------------- main */

int translate_variant(const cds_model_t *m, genome_build_t build, const char *chrom, int64_t pos,
                      const char *ref, const char *alt, variant_effect_t *out)
{
    if (!out) return TR_E_ARG;
    memset(out, 0, sizeof(*out));
    if (!m || !chrom || !ref || !alt || pos < 1 || !*ref) {
        WHY(out, "sv-tr-bad-record");
        return TR_E_ARG;
    }
    char canon[8];      /* the models name contigs "12"; a VCF may say chr12, NC_000012.12, CM000674.2 */
    const char *ch = contig_canonical(chrom, canon) == 0 ? canon : chrom;
    tr_ctx_t c = { .m = m, .build = build, .pos = pos, .ref = ref, .alt = alt, .rl0 = strlen(ref), .al0 = strlen(alt), .out = out };
    /* the steps in the order that lets each rely on the one before (the gene first: it names the gene of
     * every allele that is not translated) */
    if (!find_gene(&c, ch) || !alleles_ok(&c)) return TR_OK;
    int r = check_ref(&c);
    if (r != TR_OK) return r;
    if (!trim(&c) || !locate(&c)) return TR_OK;
    if (c.nr == c.na) name_substitution(&c);
    else if ((r = name_indel(&c)) != TR_OK) return r;
    coding_notes(&c);
    return TR_OK;
}
