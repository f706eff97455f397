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
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Why a variant is not named (or a note on it): a reasons.xml id and its parameters, worded later in
 * the report's language (sv_decide.c) or in English for an error line (small_variant.c). */
#define WHY(o, id, ...) reason_ref_set(&(o)->why, id, ##__VA_ARGS__, NULL)
#define INT(x) int_text((char[24]){ 0 }, (long long)(x))

static const char *int_text(char b[24], long long x) { snprintf(b, 24, "%lld", x); return b; }

static void copy_str(char *dst, size_t len, const char *src)
{
    snprintf(dst, len, "%s", src ? src : "");
}

/* fixed-size string builder; trunc set on overflow */
typedef struct { char *s; size_t n, m; int trunc; } sbuf_t;

static void sb_init(sbuf_t *b, char *s, size_t m) { b->s = s; b->n = 0; b->m = m; b->trunc = 0; if (m) s[0] = 0; }

static void sb_printf(sbuf_t *b, const char *fmt, ...) MCRC_PRINTF(2, 3);
static void sb_printf(sbuf_t *b, const char *fmt, ...)
{
    if (b->trunc) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(b->s + b->n, b->m - b->n, fmt, ap);
    va_end(ap);
    if (k < 0 || (size_t)k >= b->m - b->n) { b->trunc = 1; b->s[b->n] = 0; return; }
    b->n += (size_t)k;
}

static void sb_aa(sbuf_t *b, char aa, int three)
{
    const char *t = cds_aa3(aa);
    if (three && t) sb_printf(b, "%s", t);
    else sb_printf(b, "%c", aa);
}

static void sb_aas(sbuf_t *b, const char *s, int len, int three)
{
    for (int i = 0; i < len; i++) sb_aa(b, s[i], three);
}

/* ------------------------------------------------------------ protein names */

typedef enum { PN_SUBST, PN_SYN, PN_DEL, PN_DUP, PN_INS, PN_DELINS, PN_FS, PN_START_LOST, PN_STOP_LOST } pn_kind_t;

typedef struct {
    pn_kind_t kind;
    char a1; int p1;        /* first residue */
    char a2; int p2;        /* last residue of a range (p2 > p1), 0 if none */
    char alt;               /* PN_SUBST / PN_STOP_LOST new residue */
    const char *seq; int seq_len;   /* inserted residues */
} pname_t;

static void pname_write(const pname_t *p, int three, sbuf_t *b)
{
    sb_printf(b, "p.");
    if (p->kind == PN_START_LOST) { sb_aa(b, 'M', three); sb_printf(b, "1?"); return; }
    sb_aa(b, p->a1, three);
    sb_printf(b, "%d", p->p1);
    if (p->p2 > p->p1) { sb_printf(b, "_"); sb_aa(b, p->a2, three); sb_printf(b, "%d", p->p2); }
    switch (p->kind) {
    case PN_SUBST: sb_aa(b, p->alt, three); break;
    case PN_SYN: sb_printf(b, "="); break;
    case PN_DEL: sb_printf(b, "del"); break;
    case PN_DUP: sb_printf(b, "dup"); break;
    case PN_INS: sb_printf(b, "ins"); sb_aas(b, p->seq, p->seq_len, three); break;
    case PN_DELINS: sb_printf(b, "delins"); sb_aas(b, p->seq, p->seq_len, three); break;
    case PN_FS: sb_printf(b, "fs"); break;
    case PN_STOP_LOST: sb_aa(b, p->alt, three); sb_printf(b, "ext"); sb_aa(b, '*', three); sb_printf(b, "?"); break;
    default: break;
    }
}

/* fill hgvs_p / hgvs_p3; -1 if a name does not fit */
static int set_pname(variant_effect_t *o, const pname_t *p)
{
    sbuf_t b;
    sb_init(&b, o->hgvs_p, sizeof(o->hgvs_p));
    pname_write(p, 0, &b);
    if (b.trunc) goto too_long;
    sb_init(&b, o->hgvs_p3, sizeof(o->hgvs_p3));
    pname_write(p, 1, &b);
    if (b.trunc) goto too_long;
    return 0;
too_long:
    o->hgvs_p[0] = o->hgvs_p3[0] = 0;
    o->consequence = VE_NOT_DETERMINED;
    WHY(o, "sv-tr-protein-too-long");
    return -1;
}

/* Name the change of residues R[p..p+rl) -> M[p..p+ml) (0-based p) with the
 * residue context from R.  Sets consequence and names; returns 0/-1. */
static int name_residue_change(variant_effect_t *o, const char *R, int lenR, int base, int p,
                               const char *Rpart, int rl, const char *Mpart, int ml, int net_nt)
{
    pname_t pn;
    memset(&pn, 0, sizeof(pn));
    /* a new stop: truncate the inserted residues after it */
    for (int i = 0; i < ml; i++)
        if (Mpart[i] == '*') { ml = i + 1; break; }
    int has_new_stop = ml > 0 && Mpart[ml - 1] == '*';
    int ref_has_stop = 0;
    for (int i = 0; i < rl; i++) if (Rpart[i] == '*') ref_has_stop = 1;

    if (rl == 0 && ml == 0) {           /* nothing changed */
        int q = p < lenR ? p : lenR - 1;
        o->consequence = VE_SYNONYMOUS;
        pn.kind = PN_SYN; pn.a1 = R[q]; pn.p1 = base + q + 1;
        return set_pname(o, &pn);
    }
    if (has_new_stop && Mpart[0] == '*' && p < lenR && R[p] != '*') {
        /* first changed residue becomes a stop */
        o->consequence = VE_NONSENSE;
        pn.kind = PN_SUBST; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.alt = '*';
        return set_pname(o, &pn);
    }
    if (ref_has_stop && !has_new_stop) {
        o->consequence = VE_STOP_LOST;
        if (rl == 1 && ml >= 1) {
            pn.kind = PN_STOP_LOST; pn.a1 = '*'; pn.p1 = base + p + 1; pn.alt = Mpart[0];
            return set_pname(o, &pn);
        }
        pn.kind = PN_DELINS; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl;
        pn.seq = Mpart; pn.seq_len = ml;
        return set_pname(o, &pn);
    }
    if (rl == 1 && ml == 1) {
        o->consequence = has_new_stop ? VE_NONSENSE : VE_MISSENSE;
        pn.kind = PN_SUBST; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.alt = Mpart[0];
        return set_pname(o, &pn);
    }
    if (ml == 0) {
        o->consequence = VE_INFRAME_DELETION;
        pn.kind = PN_DEL; pn.a1 = R[p]; pn.p1 = base + p + 1;
        if (rl > 1) { pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl; }
        return set_pname(o, &pn);
    }
    if (rl == 0) {
        if (p < 1 || p >= lenR) { o->consequence = VE_NOT_DETERMINED; WHY(o, "sv-tr-ins-outside-protein"); return -1; }
        o->consequence = has_new_stop ? VE_NONSENSE : VE_INFRAME_INSERTION;
        if (!has_new_stop && p >= ml && !memcmp(R + p - ml, Mpart, (size_t)ml)) {
            pn.kind = PN_DUP; pn.a1 = R[p - ml]; pn.p1 = base + p - ml + 1;
            if (ml > 1) { pn.a2 = R[p - 1]; pn.p2 = base + p; }
            return set_pname(o, &pn);
        }
        pn.kind = PN_INS; pn.a1 = R[p - 1]; pn.p1 = base + p; pn.a2 = R[p]; pn.p2 = base + p + 1;
        pn.seq = Mpart; pn.seq_len = ml;
        return set_pname(o, &pn);
    }
    /* general delins */
    if (has_new_stop) o->consequence = VE_NONSENSE;
    else if (net_nt < 0) o->consequence = VE_INFRAME_DELETION;
    else if (net_nt > 0) o->consequence = VE_INFRAME_INSERTION;
    else o->consequence = VE_MISSENSE;
    pn.kind = PN_DELINS; pn.a1 = R[p]; pn.p1 = base + p + 1;
    if (rl > 1) { pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl; }
    pn.seq = Mpart; pn.seq_len = ml;
    return set_pname(o, &pn);
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

/* ------------------------------------------------------------------- main */

int translate_variant(const cds_model_t *m, genome_build_t build, const char *chrom, int64_t pos,
                      const char *ref, const char *alt, variant_effect_t *out)
{
    char cref[TR_MAX_INDEL + 1], calt[TR_MAX_INDEL + 1], S[TR_MAX_INDEL + 1];
    char *mut = NULL, *R = NULL, *M = NULL;
    int ret = TR_OK;

    if (!out) return TR_E_ARG;
    memset(out, 0, sizeof(*out));
    if (!m || !chrom || !ref || !alt || pos < 1 || !*ref) {
        WHY(out, "sv-tr-bad-record");
        return TR_E_ARG;
    }
    char canon[8];      /* the models name contigs "12"; a VCF may say chr12, NC_000012.12, CM000674.2 */
    const char *ch = contig_canonical(chrom, canon) == 0 ? canon : chrom;
    size_t rl0 = strlen(ref), al0 = strlen(alt);

    /* ---- 3. locate the gene using the untrimmed REF span */
    const cds_tx_t *tx = NULL;
    const cds_span_t *sp = NULL;
    int64_t q0 = pos, q1 = pos + (int64_t)rl0 - 1;
    for (int i = 0; i < m->n_tx && !tx; i++) {
        const cds_tx_t *t = &m->tx[i];
        if (t->build != build || strcmp(t->chrom, ch)) continue;
        int64_t a = t->cds_min, b = t->cds_max;
        const cds_span_t *s = cds_model_span(m, t->gene, build);
        if (s) { if (s->start < a) a = s->start; if (s->end > b) b = s->end; }
        if (overlaps(q0, q1, a, b)) tx = t;
    }
    if (!tx) {
        for (int i = 0; i < m->n_span && !sp; i++) {
            const cds_span_t *s = &m->span[i];
            if (s->build == build && !strcmp(s->chrom, ch) && overlaps(q0, q1, s->start, s->end)) sp = s;
        }
        if (sp) {
            copy_str(out->gene, sizeof(out->gene), sp->gene);
            out->consequence = VE_NOT_DETERMINED;
            WHY(out, "sv-tr-no-model", "gene", sp->gene);
        } else {
            out->consequence = VE_OUTSIDE_CDS;
            WHY(out, "sv-tr-no-gene", "build", build_name(build));
        }
        return TR_OK;
    }
    copy_str(out->gene, sizeof(out->gene), tx->gene);
    copy_str(out->transcript, sizeof(out->transcript), tx->transcript);
    copy_str(out->tx_refseq, sizeof(out->tx_refseq), tx->tx_refseq);
    copy_str(out->tx_ensembl, sizeof(out->tx_ensembl), tx->tx_ensembl);
    const cds_gene_t *g = cds_model_gene(m, tx->gene);
    const char *seq = g && g->cds && g->cds_len == tx->cds_len ? g->cds : NULL;
    int complete = seq && g->cds_complete;

    /* ---- 1. alleles */
    for (size_t i = 0; i < rl0; i++)
        if (!is_base(ref[i])) { WHY(out, "sv-tr-ref-chars"); return TR_OK; }
    if (!al0 || !strcmp(alt, ".") || !strcmp(alt, "*") || strchr(alt, '<') || strchr(alt, '[') || strchr(alt, ']')) {
        WHY(out, "sv-tr-alt-symbolic");
        return TR_OK;
    }
    for (size_t i = 0; i < al0; i++)
        if (!is_base(alt[i]) || toupper((unsigned char)alt[i]) == 'N') {
            WHY(out, "sv-tr-alt-chars");
            return TR_OK;
        }

    /* ---- 4. REF check over the whole VCF REF */
    int checked = 0;
    for (size_t i = 0; i < rl0; i++) {
        int64_t gp = pos + (int64_t)i;
        int c = cds_tx_g2c(tx, gp, NULL);
        if (!c || !seq || seq[c - 1] == '?') continue;
        char want = tx->strand == '+' ? seq[c - 1] : cds_complement(seq[c - 1]);
        char have = (char)toupper((unsigned char)ref[i]);
        checked++;
        if (want != have) {
            out->ref_status = VE_REF_MISMATCH;
            out->mismatch_pos = gp;
            out->expected_ref = want;
            out->found_ref = have;
            out->c_start = out->c_end = c;
            out->first_codon = out->last_codon = (c - 1) / 3 + 1;
            WHY(out, "sv-tr-ref-mismatch", "build", build_name(build), "gene", tx->gene, "chrom", tx->chrom, "pos", INT(gp),
                "want", (char[2]){ want, 0 }, "have", (char[2]){ have, 0 });
            return TR_REF_MISMATCH;
        }
    }
    if (checked) out->ref_status = VE_REF_MATCH;

    /* ---- 2. trim shared suffix then prefix */
    size_t rl = rl0, al = al0, off = 0;
    while (rl && al && toupper((unsigned char)ref[rl - 1]) == toupper((unsigned char)alt[al - 1])) rl--, al--;
    while (off < rl && off < al && toupper((unsigned char)ref[off]) == toupper((unsigned char)alt[off])) off++;
    int nr = (int)(rl - off), na = (int)(al - off);
    int64_t p0 = pos + (int64_t)off;
    if (!nr && !na) { WHY(out, "sv-tr-alt-is-ref"); return TR_OK; }
    if (nr > TR_MAX_INDEL || na > TR_MAX_INDEL) {
        WHY(out, "sv-tr-too-long", "max", INT(TR_MAX_INDEL));
        return TR_OK;
    }

    /* ---- 5. where is it? */
    int iseg = -1, n_in = 0, cmin = 0, cmax = 0, same_seg = 1;
    int64_t lo, hi;
    if (nr) {
        lo = p0; hi = p0 + nr - 1;
        for (int64_t gp = lo; gp <= hi; gp++) {
            int s, c = cds_tx_g2c(tx, gp, &s);
            if (!c) continue;
            if (n_in && s != iseg) same_seg = 0;
            iseg = s;
            if (!n_in || c < cmin) cmin = c;
            if (!n_in || c > cmax) cmax = c;
            n_in++;
        }
    } else {
        lo = p0 - 1; hi = p0;   /* insertion between lo and hi */
        int s1, s2, c1 = cds_tx_g2c(tx, lo, &s1), c2 = cds_tx_g2c(tx, hi, &s2);
        n_in = (c1 > 0) + (c2 > 0);
        if (n_in == 2 && s1 == s2) { iseg = s1; cmin = c1 < c2 ? c1 : c2; cmax = cmin + 1; }
        else if (n_in == 2) same_seg = 0;
    }
    if (n_in == 0) {
        int snv = nr == 1 && na == 1;
        classify_noncoding(tx, lo, hi, snv, snv ? ref[off] : 0, snv ? alt[off] : 0, out);
        return TR_OK;
    }
    int whole = nr ? n_in == nr : n_in == 2;
    if (!whole || !same_seg) {
        WHY(out, "sv-tr-crosses-boundary", "gene", tx->gene);
        int c = cmin ? cmin : cmax;
        if (c) { out->c_start = cmin; out->c_end = cmax; out->first_codon = (cmin - 1) / 3 + 1; out->last_codon = (cmax - 1) / 3 + 1; }
        return TR_OK;
    }
    const cds_segment_t *sg = &tx->seg[iseg];
    out->exon = sg->exon;
    out->c_start = cmin; out->c_end = cmax;
    out->first_codon = (cmin - 1) / 3 + 1;
    out->last_codon = (cmax - 1) / 3 + 1;
    to_coding(tx->strand, ref + off, nr, cref);
    to_coding(tx->strand, alt + off, na, calt);
    int L = tx->cds_len;

    /* ---- 6/7. coding substitution (SNV/MNV): codon-local */
    if (nr == na) {
        int fc = out->first_codon, lc = out->last_codon, ncod = lc - fc + 1;
        char rc[3 * (TR_MAX_INDEL / 3 + 2) + 1], ac[sizeof(rc)], Rl[TR_MAX_INDEL / 3 + 3], Ml[sizeof(Rl)];
        if (!seq) { WHY(out, "sv-tr-no-cds", "gene", tx->gene); return TR_OK; }
        memcpy(rc, seq + 3 * (fc - 1), (size_t)(3 * ncod));
        rc[3 * ncod] = 0;
        const char *unk = strchr(rc, '?');
        if (unk) {
            WHY(out, "sv-tr-codon-unknown", "gene", tx->gene, "codon", INT(fc + (int)(unk - rc) / 3));
            return TR_OK;
        }
        memcpy(ac, rc, (size_t)(3 * ncod) + 1);
        memcpy(ac + (cmin - 1 - 3 * (fc - 1)), calt, (size_t)na);
        for (int i = 0; i < ncod; i++) { Rl[i] = cds_translate_codon(rc + 3 * i); Ml[i] = cds_translate_codon(ac + 3 * i); }
        if (nr == 1) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d%c>%c", cmin, cref[0], calt[0]);
        else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddelins%s", cmin, cmax, calt);
        if (fc == 1 && Ml[0] != 'M') {
            pname_t pn;
            memset(&pn, 0, sizeof(pn));
            pn.kind = PN_START_LOST;
            out->consequence = VE_START_LOST;
            set_pname(out, &pn);
        } else {
            int p = 0, s = 0;
            while (p < ncod && Rl[p] == Ml[p]) p++;
            while (s < ncod - p && Rl[ncod - 1 - s] == Ml[ncod - 1 - s]) s++;
            if (p == ncod) {   /* synonymous: name the affected codon range */
                pname_t pn;
                memset(&pn, 0, sizeof(pn));
                pn.kind = PN_SYN; pn.a1 = Rl[0]; pn.p1 = fc;
                if (ncod > 1) { pn.a2 = Rl[ncod - 1]; pn.p2 = lc; }
                out->consequence = VE_SYNONYMOUS;
                set_pname(out, &pn);
            } else {
                int n2 = ncod - s - p;
                name_residue_change(out, Rl, ncod, fc - 1, p, Rl + p, n2, Ml + p, n2, 0);
            }
        }
        goto notes;
    }

    /* ---- coding indel / delins: needs the complete CDS */
    if (!complete) {
        WHY(out, "sv-tr-indel-no-cds", "gene", tx->gene);
        return TR_OK;
    }
    int f = sg->c_first, l = sg->c_last;
    int a = cmin, b = cmax, mlen = 0, net;
    if (!na) {                                   /* deletion */
        while (b < l && seq[a - 1] == seq[b]) a++, b++;
        int a5 = cmin, b5 = cmax;
        while (a5 > f && seq[a5 - 2] == seq[b5 - 1]) a5--, b5--;
        if (a5 <= 3) { WHY(out, "sv-tr-del-start"); return TR_OK; }
        if (b >= L - 2) { WHY(out, "sv-tr-del-stop"); return TR_OK; }
        if (a5 == f || b == l) {
            WHY(out, "sv-tr-del-exon-edge", "exon", INT(sg->exon), "first", INT(f), "last", INT(l));
            return TR_OK;
        }
        if (a == b) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddel", a);
        else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddel", a, b);
        net = -(b - a + 1);
        if (!(mut = malloc((size_t)L + 1))) { ret = TR_E_NOMEM; goto nomem; }
        memcpy(mut, seq, (size_t)(a - 1));
        memcpy(mut + a - 1, seq + b, (size_t)(L - b));
        mlen = L - (b - a + 1);
        out->c_start = a; out->c_end = b;
    } else if (!nr) {                            /* insertion between c.k and c.k+1 */
        int k = cmin, n = na;
        memcpy(S, calt, (size_t)n + 1);
        while (k < l && S[0] == seq[k]) {
            memmove(S, S + 1, (size_t)n - 1);
            S[n - 1] = seq[k];
            k++;
        }
        int k5 = cmin;
        char S5[TR_MAX_INDEL + 1];
        memcpy(S5, calt, (size_t)n + 1);
        while (k5 >= f && S5[n - 1] == seq[k5 - 1]) {
            memmove(S5 + 1, S5, (size_t)n - 1);
            S5[0] = seq[k5 - 1];
            k5--;
        }
        if (k5 < 3) { WHY(out, "sv-tr-ins-start"); return TR_OK; }
        if (k >= L - 2) { WHY(out, "sv-tr-ins-stop"); return TR_OK; }
        if (k5 < f || k >= l) {
            WHY(out, "sv-tr-ins-exon-edge", "exon", INT(sg->exon), "first", INT(f), "last", INT(l));
            return TR_OK;
        }
        if (k - n + 1 >= f && !memcmp(seq + k - n, S, (size_t)n)) {
            if (n == 1) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddup", k);
            else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddup", k - n + 1, k);
            out->c_start = k - n + 1; out->c_end = k;
        } else {
            snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%dins%s", k, k + 1, S);
            out->c_start = k; out->c_end = k + 1;
        }
        net = n;
        if (!(mut = malloc((size_t)L + (size_t)n + 1))) { ret = TR_E_NOMEM; goto nomem; }
        memcpy(mut, seq, (size_t)k);
        memcpy(mut + k, S, (size_t)n);
        memcpy(mut + k + n, seq + k, (size_t)(L - k));
        mlen = L + n;
    } else {                                     /* deletion-insertion of unequal length */
        if (a <= 3) { WHY(out, "sv-tr-change-start"); return TR_OK; }
        if (b >= L - 2) { WHY(out, "sv-tr-change-stop"); return TR_OK; }
        if (a == b) snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%ddelins%s", a, calt);
        else snprintf(out->hgvs_c, sizeof(out->hgvs_c), "c.%d_%ddelins%s", a, b, calt);
        net = na - nr;
        if (!(mut = malloc((size_t)L + (size_t)na + 1))) { ret = TR_E_NOMEM; goto nomem; }
        memcpy(mut, seq, (size_t)(a - 1));
        memcpy(mut + a - 1, calt, (size_t)na);
        memcpy(mut + a - 1 + na, seq + b, (size_t)(L - b));
        mlen = L - nr + na;
    }
    out->first_codon = (out->c_start - 1) / 3 + 1;
    out->last_codon = (out->c_end - 1) / 3 + 1;

    /* translate reference and mutant */
    int lenR = L / 3, lenM = mlen / 3;
    if (!(R = malloc((size_t)lenR + 1)) || !(M = malloc((size_t)lenM + 1))) { ret = TR_E_NOMEM; goto nomem; }
    for (int i = 0; i < lenR; i++) R[i] = cds_translate_codon(seq + 3 * i);
    for (int i = 0; i < lenM; i++) M[i] = cds_translate_codon(mut + 3 * i);
    R[lenR] = M[lenM] = 0;
    if (net % 3) {
        int p = 0, lim = lenR < lenM ? lenR : lenM;
        while (p < lim && R[p] == M[p]) p++;
        if (p >= lim || R[p] == '*') {
            WHY(out, "sv-tr-fs-unchanged");
            out->hgvs_c[0] = 0;
            goto cleanup;
        }
        pname_t pn;
        memset(&pn, 0, sizeof(pn));
        pn.kind = PN_FS; pn.a1 = R[p]; pn.p1 = p + 1;
        out->consequence = VE_FRAMESHIFT;
        set_pname(out, &pn);
    } else {
        int p = 0, s = 0;
        while (p < lenR && p < lenM && R[p] == M[p]) p++;
        while (s < lenR - p && s < lenM - p && R[lenR - 1 - s] == M[lenM - 1 - s]) s++;
        name_residue_change(out, R, lenR, 0, p, R + p, lenR - s - p, M + p, lenM - s - p, net);
    }

notes:
    if (out->consequence != VE_NOT_DETERMINED && !out->why.id) {
        int first_seg = iseg == 0, last_seg = iseg == tx->n - 1;
        if ((!first_seg && out->c_start - sg->c_first < 3) || (!last_seg && sg->c_last - out->c_end < 3))
            WHY(out, "sv-tr-coding-splice-region");
    }
    goto cleanup;
nomem:
    WHY(out, "sv-tr-no-memory");
cleanup:
    free(mut);
    free(R);
    free(M);
    return ret;
}
