/*
 * reason.c - reasons and notes in the reader's language.
 *
 * The words a report uses to say why a status was given (<reason>) and why a listed variant was
 * used or set aside (its note) are data, not C: annotations/reasons.xml holds one <reason id>
 * per wording, with one <text lang> per language, compiled in like the other tables.  A decision
 * names an id and gives its parameters as text (numbers formatted by the caller, in the C
 * locale); reason_add() fills {name} placeholders in the chosen language.  Parameters are
 * inserted as plain text: markup is never built here, the XML writer escapes what it writes.
 *
 * Loading fails closed, as an internal error (the file is built in, so a fault is ours):
 * every id in reason_ids[] must have a text in every language of the file, the file must have no
 * id the code does not use, and the texts of one id must have the same set of placeholders in
 * every language.  So a missing template stops the run at start-up, never empties a reason.
 * tests/kb/reasons.py checks the same from outside, and that reason_ids[] is what src/ uses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "embedded.h"
#include "reason.h"

const char *const reason_ids[] = {
    /* ERBB2 (erbb2.c) */
    "erbb2-input", "erbb2-cn-range", "erbb2-cn-one", "erbb2-cn-none", "erbb2-gap-note",
    "erbb2-conflict", "erbb2-no-magnitude", "erbb2-unmeasured", "erbb2-amp-whole", "erbb2-amp-partial",
    "erbb2-eq-whole", "erbb2-eq-partial", "erbb2-partial-coverage", "erbb2-no-change-called",
    "erbb2-not-amp-whole", "erbb2-not-amp-part", "erbb2-filtered-gain", "erbb2-no-chr17", "erbb2-not-in-segments", "erbb2-table-no-gene", "erbb2-no-input",
    "erbb2-inputs-disagree",
    /* notes on copy-number segments (erbb2.c) */
    "erbb2-note-filtered", "erbb2-note-filtered-gain", "erbb2-note-loss-set-aside", "erbb2-note-set-aside",
    "erbb2-note-gain-no-cn", "erbb2-note-loss-no-cn", "erbb2-note-change-no-cn", "erbb2-note-gene-level",
    "erbb2-note-whole-gene", "erbb2-note-part-gene",
    /* KRAS, NRAS, BRAF (small_variant.c) */
    "sv-no-input", "sv-no-contig", "sv-mutant", "sv-mutant-hotspot", "sv-mutant-class2", "sv-mutant-class3",
    "sv-variant", "sv-variant-vaf", "sv-variant-depth", "sv-doubt", "sv-doubt-set-aside",
    "sv-doubt-undetermined", "sv-doubt-disagree", "sv-doubt-annot-unread", "sv-wild-type", "sv-wild-type-callable", "sv-nmd-no-build",
    "sv-nmd-not-covered", "sv-nmd-not-covered-callable", "sv-codon-one", "sv-codon-many", "sv-vus-one",
    "sv-vus-many",
    /* notes on listed variants (small_variant.c) */
    "sv-note-symbolic", "sv-note-filter", "sv-note-vaf-low", "sv-note-vaf-unusable", "sv-note-vaf-unusable-zero",
    "sv-note-vaf-absent", "sv-note-vaf-absent-zero", "sv-note-depth-low", "sv-note-depth-unusable",
    "sv-note-depth-unusable-zero", "sv-note-depth-absent", "sv-note-depth-absent-zero", "sv-note-disagree", "sv-note-annot-unread",
    "sv-note-not-compared", "sv-note-undetermined", "sv-note-undetermined-no-model", "sv-note-hotspot",
    "sv-note-class2", "sv-note-class3", "sv-note-vus", "sv-note-no-protein-change", "sv-note-over-codon",
    "sv-note-not-at-codon",
    /* what the <not-listed> counts are (sv_decide.c) */
    "sv-not-listed-outside-cds", "sv-not-listed-no-model", "sv-not-listed-copy-number", "sv-not-listed-over-cap",
    "sv-not-listed-repeated-segment",
    /* the alignments' reads (alignments_compare.c, sv_decide.c) */
    "sv-wild-type-alignments", "sv-nmd-not-covered-alignments", "sv-reads-contradict", "sv-reads-contradict-one", "sv-reads-uncalled",
    "sv-reads-uncalled-one", "sv-reads-uncalled-also", "sv-note-reads-support", "sv-note-reads-contradict",
    "sv-note-reads-low-depth", "sv-note-reads-indel", "sv-note-reads-not-compared",
    /* why an allele fraction or depth cannot be used (vaf.c, small_variant.c) */
    "sv-vaf-pct-one-for-alts", "sv-vaf-not-pct", "sv-vaf-no-pct-sign", "sv-vaf-pct-range", "sv-vaf-fraction-range",
    "sv-vaf-not-number", "sv-vaf-some-missing", "sv-vaf-values-for-alts", "sv-vaf-values-for-alleles",
    "sv-vaf-sub-values-for-alts", "sv-vaf-sub-not-one", "sv-vaf-not-finite", "sv-vaf-not-count", "sv-vaf-sub-not-count",
    "sv-vaf-sub-not-depth", "sv-vaf-not-counts", "sv-vaf-no-alt-base", "sv-vaf-one-alt-only", "sv-vaf-not-four",
    "sv-vaf-alts-together", "sv-vaf-alt-above-depth", "sv-vaf-counts-above-depth", "sv-vaf-no-reads", "sv-vaf-not-depth",
    "sv-vaf-depth-huge",
    /* why a variant is not named (translate.c) */
    "sv-tr-protein-too-long", "sv-tr-ins-outside-protein", "sv-tr-before-cds", "sv-tr-after-cds",
    "sv-tr-splice-site-donor", "sv-tr-splice-site-acceptor", "sv-tr-splice-region-donor",
    "sv-tr-splice-region-acceptor", "sv-tr-intronic-donor", "sv-tr-intronic-acceptor", "sv-tr-mixed",
    "sv-tr-bad-record", "sv-tr-no-model", "sv-tr-no-gene", "sv-tr-ref-chars", "sv-tr-alt-symbolic",
    "sv-tr-alt-chars", "sv-tr-ref-mismatch", "sv-tr-alt-is-ref", "sv-tr-too-long", "sv-tr-crosses-boundary",
    "sv-tr-no-cds", "sv-tr-codon-unknown", "sv-tr-indel-no-cds", "sv-tr-del-start", "sv-tr-del-stop",
    "sv-tr-del-exon-edge", "sv-tr-ins-start", "sv-tr-ins-stop", "sv-tr-ins-exon-edge", "sv-tr-change-start",
    "sv-tr-change-stop", "sv-tr-fs-unchanged", "sv-tr-coding-splice-region", "sv-tr-no-memory",
    NULL
};

void reasons_destroy(reasons_t *rs)
{
    for (int i = 0; i < rs->nt; i++) {
        free(rs->t[i].id);
        for (int l = 0; l < REASON_MAX_LANGS; l++) free(rs->t[i].text[l]);
    }
    free(rs->t);
    memset(rs, 0, sizeof(*rs));
}

int reasons_lang(const reasons_t *rs, const char *lang)
{
    for (int i = 0; i < rs->nlang; i++) if (!strcmp(rs->langs[i], lang)) return i;
    return -1;
}

static const reason_tmpl_t *find(const reasons_t *rs, const char *id)
{
    for (int i = 0; i < rs->nt; i++) if (!strcmp(rs->t[i].id, id)) return &rs->t[i];
    return NULL;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* The placeholder names of a template, sorted, space-separated, into out; -1 if a brace is stray. */
static int placeholders(const char *t, kstring_t *out)
{
    char *names[64];
    int n = 0, ret = 0;
    out->l = 0;
    for (const char *p = t; *p; p++) {
        if (*p == '}') return -1;
        if (*p != '{') continue;
        const char *e = p + 1;
        while (is_name_char(*e)) e++;
        if (e == p + 1 || *e != '}' || n == 64) { ret = -1; goto out; }
        if (!(names[n++] = strndup(p + 1, e - p - 1))) { ret = -1; goto out; }
        p = e;
    }
    for (int i = 1; i < n; i++)     /* a few names: insertion sort */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) { char *x = names[j]; names[j] = names[j - 1]; names[j - 1] = x; }
    for (int i = 0; i < n; i++)
        if ((!i || strcmp(names[i], names[i - 1])) && (ksprintf(out, "%s ", names[i]) < 0)) { ret = -1; goto out; }
out:
    for (int i = 0; i < n; i++) free(names[i]);
    return ret;
}

static int is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* One <reason>: its id and a text per language (languages are added as first seen). */
static int read_reason(reasons_t *rs, xmlNodePtr n, mcrc_err_t *err)
{
    reason_tmpl_t *t = &rs->t[rs->nt++];
    xmlChar *id = xmlGetProp(n, BAD_CAST "id");
    if (!id) return mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: line %ld: a <reason> without an id", xmlGetLineNo(n));
    t->id = strdup((const char *)id);
    xmlFree(id);
    if (!t->id) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    if (find(rs, t->id) != t) return mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: reason %s is defined twice", t->id);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (!is_elem(c, "text")) continue;
        xmlChar *lang = xmlGetProp(c, BAD_CAST "lang");
        int l = lang ? reasons_lang(rs, (const char *)lang) : -1;
        if (lang && l < 0 && rs->nlang < REASON_MAX_LANGS && strlen((const char *)lang) < sizeof(rs->langs[0])) {
            l = rs->nlang++;
            strcpy(rs->langs[l], (const char *)lang);
        }
        xmlFree(lang);
        if (l < 0 || t->text[l]) return mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: line %ld: reason %s: a text without a language, or twice in one", xmlGetLineNo(c), t->id);
        xmlChar *s = xmlNodeGetContent(c);
        t->text[l] = s ? strdup((const char *)s) : NULL;
        xmlFree(s);
        if (!t->text[l]) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    }
    return 0;
}

/* What the schema cannot say: every id used by the code is there, in every language, with the same placeholders. */
static int check_reasons(const reasons_t *rs, mcrc_err_t *err)
{
    kstring_t a = { 0, 0, NULL }, b = { 0, 0, NULL };
    int ret = reasons_lang(rs, "en") < 0 ? mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: no English texts (the fallback language)") : 0;
    for (int i = 0; reason_ids[i] && !ret; i++)
        if (!find(rs, reason_ids[i])) ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: no template for reason %s", reason_ids[i]);
    for (int i = 0; i < rs->nt && !ret; i++) {
        const reason_tmpl_t *t = &rs->t[i];
        int used = 0;
        for (int k = 0; reason_ids[k] && !used; k++) used = !strcmp(reason_ids[k], t->id);
        if (!used) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: reason %s is not used by this mcrc-report", t->id); break; }
        for (int l = 0; l < rs->nlang && !ret; l++) {
            if (!t->text[l]) ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: reason %s has no '%s' text", t->id, rs->langs[l]);
            else if (placeholders(t->text[l], l ? &b : &a) < 0) ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: reason %s (%s): a brace that is not a {placeholder}", t->id, rs->langs[l]);
            else if (l && strcmp(a.s ? a.s : "", b.s ? b.s : ""))
                ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: reason %s has placeholders {%s} in '%s' but {%s} in '%s'", t->id, b.s ? b.s : "", rs->langs[l], a.s ? a.s : "", rs->langs[0]);
        }
    }
    free(a.s);
    free(b.s);
    return ret;
}

int reasons_load_memory(reasons_t *rs, const char *buf, size_t len, mcrc_err_t *err)
{
    memset(rs, 0, sizeof(*rs));
    int ret = 0, n = 0;
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, "reasons.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!is_elem(root, "reasons") || doc->intSubset) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "reasons.xml: not a <reasons> document"); goto out; }
    xmlChar *v = xmlGetProp(root, BAD_CAST "version");
    snprintf(rs->version, sizeof(rs->version), "%s", v ? (const char *)v : "");
    xmlFree(v);
    for (xmlNodePtr c = root->children; c; c = c->next) n += is_elem(c, "reason");
    if (!(rs->t = calloc(n ? n : 1, sizeof(*rs->t)))) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    for (xmlNodePtr c = root->children; c && !ret; c = c->next)
        if (is_elem(c, "reason")) ret = read_reason(rs, c, err);
    if (!ret) ret = check_reasons(rs, err);
out:
    if (doc) xmlFreeDoc(doc);
    if (ret) reasons_destroy(rs);
    return ret;
}

int reasons_load_builtin(reasons_t *rs, mcrc_err_t *err)
{
    size_t len;
    const char *buf = embedded_get("reasons.xml", &len);
    if (!buf) { memset(rs, 0, sizeof(*rs)); return mcrc_fail(err, MCRC_E_INTERNAL, "no built-in reasons.xml"); }
    return reasons_load_memory(rs, buf, len, err);
}

/* Append template id with each {name} replaced by values[k] where names[k] is name. */
static int render(kstring_t *out, const reason_ctx_t *rc, const char *id, int n, const char *const *names, const char *const *values)
{
    const reason_tmpl_t *t = rc && rc->rs && rc->lang >= 0 && rc->lang < rc->rs->nlang && id ? find(rc->rs, id) : NULL;
    if (!t) return -1;
    for (const char *p = t->text[rc->lang]; *p; ) {
        const char *brace = strchr(p, '{');
        size_t lit = brace ? (size_t)(brace - p) : strlen(p);
        if (kputsn(p, lit, out) < 0) return -1;
        if (!brace) break;
        const char *end = strchr(brace, '}');      /* the loader checked every brace */
        int k = 0;
        while (k < n && (strlen(names[k]) != (size_t)(end - brace - 1) || strncmp(names[k], brace + 1, end - brace - 1))) k++;
        if (k == n || kputs(values[k] ? values[k] : "", out) < 0) return -1;
        p = end + 1;
    }
    if (!out->s && kputs("", out) < 0) return -1;
    return 0;
}

static int render_va(kstring_t *out, const reason_ctx_t *rc, const char *id, va_list ap)
{
    const char *names[32], *values[32], *name;
    int n = 0;
    while ((name = va_arg(ap, const char *))) {
        if (n == 32) return -1;
        names[n] = name;
        values[n++] = va_arg(ap, const char *);
    }
    return render(out, rc, id, n, names, values);
}

void reason_ref_set(reason_ref_t *r, const char *id, ...)
{
    va_list ap;
    const char *name;
    r->id = id;
    r->n = 0;
    va_start(ap, id);
    while ((name = va_arg(ap, const char *))) {
        const char *v = va_arg(ap, const char *);
        if (r->n == REASON_REF_ARGS) { r->id = NULL; break; }     /* a coding error: reason_add_ref fails */
        r->name[r->n] = name;
        snprintf(r->value[r->n++], sizeof(r->value[0]), "%s", v ? v : "");
    }
    va_end(ap);
}

int reason_add_ref(kstring_t *out, const reason_ctx_t *rc, const reason_ref_t *r)
{
    const char *values[REASON_REF_ARGS];
    for (int k = 0; k < r->n; k++) values[k] = r->value[k];
    return render(out, rc, r->id, r->n, r->name, values);
}

int reason_vadd(kstring_t *out, const reason_ctx_t *rc, const char *id, va_list ap)
{
    return render_va(out, rc, id, ap);
}

int reason_add(kstring_t *out, const reason_ctx_t *rc, const char *id, ...)
{
    va_list ap;
    va_start(ap, id);
    int r = render_va(out, rc, id, ap);
    va_end(ap);
    return r;
}

int reason_set(kstring_t *out, const reason_ctx_t *rc, const char *id, ...)
{
    va_list ap;
    out->l = 0;
    va_start(ap, id);
    int r = render_va(out, rc, id, ap);
    va_end(ap);
    return r;
}
