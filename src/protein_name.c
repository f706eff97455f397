/*
 * protein_name.c - a protein change as HGVS p. text, short ("p.G12D") and
 * with three-letter codes ("p.Gly12Asp", from the one amino-acid table,
 * cds_aa3() in cds_model.c, which annot_protein.c reads the annotators'
 * names with).
 *
 * Design
 * ------
 * translate.c decides what changed (residues R[p..p+rl) of the reference
 * protein become M[p..p+ml) of the mutant, step 6 of its design comment);
 * pn_name_change() says which kind of change that is (substitution,
 * synonymous, nonsense, stop lost, del, dup, ins, delins) and sets the
 * consequence; pn_set() writes both names into the variant_effect_t.  Names
 * are written with a bounded builder into the variant_effect_t's fields: a
 * name longer than VE_STR_LEN-1 is never cut, the variant becomes
 * VE_NOT_DETERMINED with the reason sv-tr-protein-too-long.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cds_model.h"
#include "mcrc.h"
#include "protein_name.h"

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
int pn_set(variant_effect_t *o, const pname_t *p)
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
int pn_name_change(variant_effect_t *o, const char *R, int lenR, int base, int p,
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
        return pn_set(o, &pn);
    }
    if (has_new_stop && Mpart[0] == '*' && p < lenR && R[p] != '*') {
        /* first changed residue becomes a stop */
        o->consequence = VE_NONSENSE;
        pn.kind = PN_SUBST; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.alt = '*';
        return pn_set(o, &pn);
    }
    if (ref_has_stop && !has_new_stop) {
        o->consequence = VE_STOP_LOST;
        if (rl == 1 && ml >= 1) {
            pn.kind = PN_STOP_LOST; pn.a1 = '*'; pn.p1 = base + p + 1; pn.alt = Mpart[0];
            return pn_set(o, &pn);
        }
        pn.kind = PN_DELINS; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl;
        pn.seq = Mpart; pn.seq_len = ml;
        return pn_set(o, &pn);
    }
    if (rl == 1 && ml == 1) {
        o->consequence = has_new_stop ? VE_NONSENSE : VE_MISSENSE;
        pn.kind = PN_SUBST; pn.a1 = R[p]; pn.p1 = base + p + 1; pn.alt = Mpart[0];
        return pn_set(o, &pn);
    }
    if (ml == 0) {
        o->consequence = VE_INFRAME_DELETION;
        pn.kind = PN_DEL; pn.a1 = R[p]; pn.p1 = base + p + 1;
        if (rl > 1) { pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl; }
        return pn_set(o, &pn);
    }
    if (rl == 0) {
        if (p < 1 || p >= lenR) { o->consequence = VE_NOT_DETERMINED; WHY(o, "sv-tr-ins-outside-protein"); return -1; }
        o->consequence = has_new_stop ? VE_NONSENSE : VE_INFRAME_INSERTION;
        if (!has_new_stop && p >= ml && !memcmp(R + p - ml, Mpart, (size_t)ml)) {
            pn.kind = PN_DUP; pn.a1 = R[p - ml]; pn.p1 = base + p - ml + 1;
            if (ml > 1) { pn.a2 = R[p - 1]; pn.p2 = base + p; }
            return pn_set(o, &pn);
        }
        pn.kind = PN_INS; pn.a1 = R[p - 1]; pn.p1 = base + p; pn.a2 = R[p]; pn.p2 = base + p + 1;
        pn.seq = Mpart; pn.seq_len = ml;
        return pn_set(o, &pn);
    }
    /* general delins */
    if (has_new_stop) o->consequence = VE_NONSENSE;
    else if (net_nt < 0) o->consequence = VE_INFRAME_DELETION;
    else if (net_nt > 0) o->consequence = VE_INFRAME_INSERTION;
    else o->consequence = VE_MISSENSE;
    pn.kind = PN_DELINS; pn.a1 = R[p]; pn.p1 = base + p + 1;
    if (rl > 1) { pn.a2 = R[p + rl - 1]; pn.p2 = base + p + rl; }
    pn.seq = Mpart; pn.seq_len = ml;
    return pn_set(o, &pn);
}
