/* protein_name.h - a protein change as HGVS p. text (translate.c's naming step; design comment: protein_name.c).
 * The amino-acid table is cds_aa3()/cds_aa1() in cds_model.h. */
#ifndef MCRC_PROTEIN_NAME_H
#define MCRC_PROTEIN_NAME_H

#include "translate.h"

/* Why a variant is not named (or a note on it), for translate.c and protein_name.c: a reasons.xml id and its
 * parameters, worded later in the report's language (sv_decide.c) or in English for an error line (sv_record.c). */
#define WHY(o, id, ...) reason_ref_set(&(o)->why, id, ##__VA_ARGS__, NULL)

typedef enum { PN_SUBST, PN_SYN, PN_DEL, PN_DUP, PN_INS, PN_DELINS, PN_FS, PN_START_LOST, PN_STOP_LOST } pn_kind_t;

typedef struct {
    pn_kind_t kind;
    char a1; int p1;        /* first residue */
    char a2; int p2;        /* last residue of a range (p2 > p1), 0 if none */
    char alt;               /* PN_SUBST / PN_STOP_LOST new residue */
    const char *seq; int seq_len;   /* inserted residues */
} pname_t;

/* Fill o->hgvs_p and o->hgvs_p3 from p; 0, or -1 when a name does not fit (o is then VE_NOT_DETERMINED,
 * with the reason). */
int pn_set(variant_effect_t *o, const pname_t *p);

/* Name the change of residues R[p..p+rl) -> M[p..p+ml) (Rpart, Mpart; 0-based p) with the residue context
 * from R (lenR residues, numbered from base + 1); net_nt: the change in coding bases.  Sets the consequence
 * and the names; 0, or -1 as pn_set (or an insertion outside the protein). */
int pn_name_change(variant_effect_t *o, const char *R, int lenR, int base, int p,
                   const char *Rpart, int rl, const char *Mpart, int ml, int net_nt);

#endif
