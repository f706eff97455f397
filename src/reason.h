/* reason.h - the wording of reasons and notes, as templates from annotations/reasons.xml. */
#ifndef MCRC_REASON_H
#define MCRC_REASON_H

#include <stdarg.h>
#include <htslib/kstring.h>
#include "mcrc.h"

#define REASON_MAX_LANGS 8

typedef struct {
    char *id;
    char *text[REASON_MAX_LANGS];     /* by language index; every one set after loading */
} reason_tmpl_t;

typedef struct {
    reason_tmpl_t *t; int nt;
    char langs[REASON_MAX_LANGS][16]; int nlang;
    char version[32];
} reasons_t;

/* What a decision needs to word its reasons: the templates and the chosen language. */
typedef struct {
    const reasons_t *rs;
    int lang;                 /* index into rs->langs */
} reason_ctx_t;

/* Load the built-in templates (fail closed: any fault, a missing id or language, a placeholder
 * that differs between languages, an id no code uses, is MCRC_E_INTERNAL). */
int reasons_load_builtin(reasons_t *rs, mcrc_err_t *err);
int reasons_load_memory(reasons_t *rs, const char *buf, size_t len, mcrc_err_t *err);
void reasons_destroy(reasons_t *rs);
int reasons_lang(const reasons_t *rs, const char *lang);   /* index, or -1 */

/* The ids the code words reasons with (the table the loader checks the file against). */
extern const char *const reason_ids[];

/*
 * Append the template id in rc's language to out, each {name} replaced by the value that follows
 * name in the NULL-terminated list of name, value pairs (values are plain text: the XML writer
 * escapes them).  reason_set() replaces out's text.  Returns 0, or -1 (out of memory, unknown id,
 * a placeholder with no value: an internal error).
 */
int reason_add(kstring_t *out, const reason_ctx_t *rc, const char *id, ...) __attribute__((sentinel));
int reason_set(kstring_t *out, const reason_ctx_t *rc, const char *id, ...) __attribute__((sentinel));
int reason_vadd(kstring_t *out, const reason_ctx_t *rc, const char *id, va_list ap);

/*
 * A reason worded later, once the report's language is chosen: a module that does not know the
 * language (vaf.c, translate.c) keeps the template id and its parameters as text.  Values are
 * field labels (at most 47 characters, vaf.h), gene and build names and numbers printed by the
 * caller, so REASON_REF_VALUE is never reached; a longer value would be cut, never overrun.
 * id NULL: no reason.
 */
#define REASON_REF_ARGS 6
#define REASON_REF_VALUE 64
typedef struct {
    const char *id;
    int n;
    const char *name[REASON_REF_ARGS];          /* string literals */
    char value[REASON_REF_ARGS][REASON_REF_VALUE];
} reason_ref_t;

/* Set r to id with the NULL-terminated name, value pairs (more than REASON_REF_ARGS: r->id = NULL). */
void reason_ref_set(reason_ref_t *r, const char *id, ...) __attribute__((sentinel));
/* Append r worded in rc's language; -1 as reason_add (also when r->id is NULL). */
int reason_add_ref(kstring_t *out, const reason_ctx_t *rc, const reason_ref_t *r);

#endif
