/* kb.h - the knowledge base: plain-language blocks and the rules that choose them. */
#ifndef MCRC_KB_H
#define MCRC_KB_H

#include <libxml/tree.h>
#include "genes.h"
#include "mcrc.h"
#include "reason.h"

#define KB_FORMAT "1"       /* the only knowledge-base format this binary reads */

typedef struct {
    char *id, *lang;
    xmlNodePtr node;        /* the <block> element in doc */
} kb_block_t;

#define KB_MAX_CHANGES 4     /* protein changes one condition may name */

typedef struct {
    int ngenes; gene_id_t genes[N_GENES];
    int match_any;
    int negate;             /* an <unless>: the rule needs this condition to be false */
    unsigned status_mask;   /* bit (1 << biomarker_status_t) per allowed status */
    int nchange;            /* change="p.G12C ...": a gene counts only if it has one of these */
    char change[KB_MAX_CHANGES][32];
} kb_when_t;

typedef struct {
    char *id;
    kb_when_t *when; int nwhen;
    char **show; int nshow;
} kb_rule_t;

typedef struct {
    xmlDocPtr doc;
    char version[32];
    char sha256[65];
    char origin[512];       /* "built-in" or the file it came from */
    kb_block_t *block; int nblock;
    kb_rule_t *rule; int nrule;
    char langs[8][40]; int nlang;
    reasons_t reasons;      /* the words of reasons and notes: always the built-in annotations/reasons.xml */
} kb_t;

/* Load from bytes (label names them in messages).  Refuses a DOCTYPE (so no entities),
 * never touches the network, validates against the schema, checks the format number,
 * that every source and block a rule or block names exists, in every language. */
int kb_load_memory(kb_t *kb, const char *buf, size_t len, const char *label, mcrc_err_t *err);
int kb_load_builtin(kb_t *kb, mcrc_err_t *err);
int kb_load_dir(kb_t *kb, const char *dir, mcrc_err_t *err);
void kb_destroy(kb_t *kb);

int kb_has_lang(const kb_t *kb, const char *lang);

/* The templates and language for wording reasons: lang, else its primary subtag, else English. */
reason_ctx_t kb_reason_ctx(const kb_t *kb, const char *lang);

/*
 * Run the rules on the four statuses (indexed by gene_id_t).  Fills ids with the block ids to
 * show, in the order first shown, and fired with the ids of the rules that fired (both
 * point into kb; arrays of at least kb->nblock / kb->nrule entries).
 */
int kb_select(const kb_t *kb, const biomarker_status_t status[N_GENES],
              const char **ids, int *nids, const char **fired, int *nfired);

/*
 * The same, with the protein changes behind each status: changes[gene] is a NULL-terminated list
 * of HGVS one-letter protein changes ("p.G12C") of the gene's used variants, or NULL for none.
 * A condition with change="..." holds for a gene only if one of its changes is listed.
 * kb_select() is this with no changes at all.
 */
int kb_select_changes(const kb_t *kb, const biomarker_status_t status[N_GENES],
                      const char *const *changes[N_GENES],
                      const char **ids, int *nids, const char **fired, int *nfired);

/* The block with this id in this language, or NULL. */
const kb_block_t *kb_block(const kb_t *kb, const char *id, const char *lang);

/* The citation text of a source id, or NULL. */
const char *kb_source_text(const kb_t *kb, const char *id);

#endif
