/*
 * kb.c - loading the knowledge base and choosing its blocks.
 *
 * The knowledge base (annotations/knowledge-base.xml, schema
 * schemas/annotations.xsd, documented in docs/knowledge-base.md) holds the
 * plain-language text as <block>s, one per id and language, and <rule>s
 * that pick block ids from the four biomarker statuses.  The default one is
 * compiled into the binary; --kb DIR reads DIR/knowledge-base.xml instead.
 *
 * Loading is defensive because a lab's file is input like any other:
 *   - any <!DOCTYPE> is refused before parsing, so no entity (external or
 *     "billion laughs") can be declared at all; then parsed with
 *     XML_PARSE_NONET and without entity substitution or DTD loading;
 *   - the format attribute must be KB_FORMAT; then the schema (compiled in)
 *     must validate it; then what XSD 1.0 cannot say is checked here: every
 *     source a block cites exists, every block a rule shows exists in every
 *     language the file has with the same audience and section, (id, lang)
 *     is unique, and every status word in a rule is one its genes can have.
 * The words of reasons and notes (annotations/reasons.xml, reason.c) are loaded with every knowledge
 * base, always the built-in ones: a missing or broken template is an internal error.
 * Rules: all <when> of a rule must hold and no <unless>; a condition lists genes
 * and allowed status words, match="all" (every gene) or "any" (at least one),
 * and optionally change="p.G12C ..." (the gene must also have one of these
 * protein changes among its used variants; see kb_select_changes).  Blocks
 * are shown in the order first selected; rules fire in document order.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include "embedded.h"
#include "kb.h"
#include "sha256.h"
#include "safe_io.h"
#include "util.h"

#define KB_MAX_BYTES (8 << 20)

/* libxml2 reports problems through a callback; keep the first one for our message. */
typedef struct { char msg[400]; int line; } xml_problem_t;

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    xml_problem_t *p = ctx;
    if (p->msg[0] || !e || !e->message) return;
    text_sanitize(e->message, p->msg, sizeof(p->msg));
    p->msg[strcspn(p->msg, "\n")] = 0;
    p->line = e->line;
}

static char *attr_dup(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v) return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

static int is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

const char *kb_source_text(const kb_t *kb, const char *id)
{
    xmlNodePtr root = xmlDocGetRootElement(kb->doc);
    for (xmlNodePtr s = root->children; s; s = s->next) {
        if (!is_elem(s, "sources")) continue;
        for (xmlNodePtr c = s->children; c; c = c->next) {
            if (!is_elem(c, "source")) continue;
            xmlChar *v = xmlGetProp(c, BAD_CAST "id");
            int same = v && !strcmp((const char *)v, id);
            xmlFree(v);
            if (same) return c->children && c->children->content ? (const char *)c->children->content : "";
        }
    }
    return NULL;
}

const kb_block_t *kb_block(const kb_t *kb, const char *id, const char *lang)
{
    for (int i = 0; i < kb->nblock; i++)
        if (!strcmp(kb->block[i].id, id) && !strcmp(kb->block[i].lang, lang)) return &kb->block[i];
    return NULL;
}

static int has_block_lang(const kb_t *kb, const char *lang)
{
    for (int i = 0; i < kb->nlang; i++) if (!strcmp(kb->langs[i], lang)) return 1;
    return 0;
}

int kb_has_lang(const kb_t *kb, const char *lang)
{
    return has_block_lang(kb, lang);
}

/* A lab's knowledge base may have a language the built-in reasons lack ("sv", "es-MX"): its reasons are
 * then in the primary language ("es"), else in English, as they all were before reasons.xml. */
reason_ctx_t kb_reason_ctx(const kb_t *kb, const char *lang)
{
    char primary[16];
    snprintf(primary, sizeof(primary), "%.*s", (int)strcspn(lang, "-_"), lang);
    int l = reasons_lang(&kb->reasons, lang);
    if (l < 0) l = reasons_lang(&kb->reasons, primary);
    if (l < 0) l = reasons_lang(&kb->reasons, "en");
    return (reason_ctx_t){ &kb->reasons, l };
}

void kb_destroy(kb_t *kb)
{
    for (int i = 0; i < kb->nblock; i++) { free(kb->block[i].id); free(kb->block[i].lang); }
    free(kb->block);
    for (int i = 0; i < kb->nrule; i++) {
        free(kb->rule[i].id);
        free(kb->rule[i].when);
        for (int k = 0; k < kb->rule[i].nshow; k++) free(kb->rule[i].show[k]);
        free(kb->rule[i].show);
    }
    free(kb->rule);
    reasons_destroy(&kb->reasons);
    if (kb->doc) xmlFreeDoc(kb->doc);
    memset(kb, 0, sizeof(*kb));
}

/* Split a space-separated attribute into words, calling fn on each; stops on fn < 0. */
static int each_word(const char *s, int (*fn)(const char *w, void *data), void *data)
{
    char w[64];
    while (s && *s) {
        while (*s == ' ') s++;
        size_t l = strcspn(s, " ");
        if (!l) break;
        if (l >= sizeof(w)) return -1;
        memcpy(w, s, l);
        w[l] = 0;
        if (fn(w, data) < 0) return -1;
        s += l;
    }
    return 0;
}

static int add_gene(const char *w, void *data)
{
    kb_when_t *wh = data;
    int g = gene_from_name(w);
    if (g < 0 || wh->ngenes >= N_GENES) return -1;
    wh->genes[wh->ngenes++] = g;
    return 0;
}

static int add_status(const char *w, void *data)
{
    kb_when_t *wh = data;
    int s = status_parse(w);
    if (s < 0) return -1;
    wh->status_mask |= 1u << s;
    return 0;
}

static int add_change(const char *w, void *data)
{
    kb_when_t *wh = data;
    if (wh->nchange >= KB_MAX_CHANGES || strlen(w) >= sizeof(wh->change[0])) return -1;
    snprintf(wh->change[wh->nchange++], sizeof(wh->change[0]), "%s", w);
    return 0;
}

static int source_exists(const char *w, void *data)
{
    return kb_source_text(data, w) ? 0 : -1;
}

static int parse_rules_and_blocks(kb_t *kb, const char *label, mcrc_err_t *err)
{
    xmlNodePtr root = xmlDocGetRootElement(kb->doc);
    int nb = 0, nr = 0;
    for (xmlNodePtr n = root->children; n; n = n->next) { nb += is_elem(n, "block"); nr += is_elem(n, "rule"); }
    kb->block = calloc(nb ? nb : 1, sizeof(*kb->block));
    kb->rule = calloc(nr ? nr : 1, sizeof(*kb->rule));
    if (!kb->block || !kb->rule) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (is_elem(n, "block")) {
            kb_block_t *b = &kb->block[kb->nblock++];
            b->id = attr_dup(n, "id");
            b->lang = attr_dup(n, "lang");
            b->node = n;
            if (!b->id || !b->lang) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
            for (int i = 0; i < kb->nblock - 1; i++)
                if (!strcmp(kb->block[i].id, b->id) && !strcmp(kb->block[i].lang, b->lang))
                    return mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: block %s (%s) is defined twice", label, xmlGetLineNo(n), b->id, b->lang);
            if (strlen(b->lang) >= sizeof(kb->langs[0]))
                return mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: language tag longer than %d characters", label, xmlGetLineNo(n), (int)sizeof(kb->langs[0]) - 1);
            if (!has_block_lang(kb, b->lang)) {
                if (kb->nlang >= 8) return mcrc_fail(err, MCRC_E_INPUT, "%s: more than 8 languages", label);
                snprintf(kb->langs[kb->nlang++], sizeof(kb->langs[0]), "%s", b->lang);
            }
            char *src = attr_dup(n, "source");
            int bad = each_word(src, source_exists, kb);
            free(src);
            if (bad) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: block %s cites a source that is not in <sources>", label, xmlGetLineNo(n), b->id);
        } else if (is_elem(n, "rule")) {
            kb_rule_t *r = &kb->rule[kb->nrule++];
            r->id = attr_dup(n, "id");
            int nw = 0, ns = 0;
            for (xmlNodePtr c = n->children; c; c = c->next) { nw += is_elem(c, "when") || is_elem(c, "unless"); ns += is_elem(c, "show"); }
            r->when = calloc(nw ? nw : 1, sizeof(*r->when));
            r->show = calloc(ns ? ns : 1, sizeof(*r->show));
            if (!r->id || !r->when || !r->show) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (is_elem(c, "when") || is_elem(c, "unless")) {
                    kb_when_t *w = &r->when[r->nwhen++];
                    char *genes = attr_dup(c, "genes"), *status = attr_dup(c, "status"), *match = attr_dup(c, "match"),
                         *change = attr_dup(c, "change");
                    int bad = each_word(genes, add_gene, w) < 0 || each_word(status, add_status, w) < 0 || !w->ngenes
                              || each_word(change, add_change, w) < 0;
                    w->match_any = match && !strcmp(match, "any");
                    w->negate = is_elem(c, "unless");
                    free(genes); free(status); free(match); free(change);
                    if (bad) return mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: rule %s has a condition with an unknown gene or status word", label, xmlGetLineNo(c), r->id);
                    /* a status word must be one the gene can have, or the rule would silently never fire */
                    const unsigned amp_words = 1u << STATUS_AMPLIFIED | 1u << STATUS_EQUIVOCAL | 1u << STATUS_NOT_AMPLIFIED,
                                   mut_words = 1u << STATUS_MUTANT | 1u << STATUS_WILD_TYPE | 1u << STATUS_NO_MUTATION_DETECTED;
                    for (int g = 0; g < w->ngenes; g++)
                        if (w->status_mask & (w->genes[g] == GENE_ERBB2 ? mut_words : amp_words))
                            return mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: rule %s asks for a status word %s cannot have", label, xmlGetLineNo(c), r->id, gene_name(w->genes[g]));
                } else if (is_elem(c, "show")) {
                    r->show[r->nshow] = attr_dup(c, "block");
                    if (!r->show[r->nshow++]) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
                }
            }
        }
    }
    /* the copies of a block in each language must agree on who reads it and where it goes */
    for (int i = 0; i < kb->nblock; i++)
        for (int j = 0; j < i; j++) {
            if (strcmp(kb->block[i].id, kb->block[j].id)) continue;
            static const char *same[] = { "audience", "section", NULL };
            for (int k = 0; same[k]; k++) {
                xmlChar *a = xmlGetProp(kb->block[i].node, BAD_CAST same[k]), *b = xmlGetProp(kb->block[j].node, BAD_CAST same[k]);
                int differ = !a || !b || strcmp((const char *)a, (const char *)b);
                xmlFree(a); xmlFree(b);
                if (differ) return mcrc_fail(err, MCRC_E_INPUT, "%s: block %s has a different %s in '%s' and '%s'", label, kb->block[i].id, same[k], kb->block[j].lang, kb->block[i].lang);
            }
        }
    /* every block a rule shows must exist in every language of the file */
    for (int i = 0; i < kb->nrule; i++)
        for (int k = 0; k < kb->rule[i].nshow; k++)
            for (int l = 0; l < kb->nlang; l++)
                if (!kb_block(kb, kb->rule[i].show[k], kb->langs[l]))
                    return mcrc_fail(err, MCRC_E_INPUT, "%s: rule %s shows block %s, which has no '%s' text", label, kb->rule[i].id, kb->rule[i].show[k], kb->langs[l]);
    return 0;
}

int kb_load_memory(kb_t *kb, const char *buf, size_t len, const char *label, mcrc_err_t *err)
{
    memset(kb, 0, sizeof(*kb));
    if (len > KB_MAX_BYTES) return mcrc_fail(err, MCRC_E_INPUT, "%s: larger than %d MiB; not a knowledge base", label, KB_MAX_BYTES >> 20);
    snprintf(kb->origin, sizeof(kb->origin), "%s", label);
    sha256_t h;
    sha256_init(&h);
    sha256_update(&h, buf, len);
    sha256_hex(&h, kb->sha256);

    /* refuse a DOCTYPE before libxml2 sees it, so no entity is ever declared, let alone expanded */
    for (size_t i = 0; i + 9 <= len; i++)
        if (buf[i] == '<' && !memcmp(buf + i, "<!DOCTYPE", 9))
            return mcrc_fail(err, MCRC_E_INPUT, "%s: a knowledge base must not have a <!DOCTYPE> (entities and external DTDs are refused)", label);
    xml_problem_t prob = { "", 0 };
    xmlSchemaParserCtxtPtr pctx = NULL;
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr vctx = NULL;
    int ret = 0;
    xmlSetStructuredErrorFunc(&prob, on_xml_error);
    /* no network, no DTD loading, no entity substitution */
    kb->doc = xmlReadMemory(buf, (int)len, "knowledge-base.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (!kb->doc) {
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: not well-formed XML (line %d: %s)", label, prob.line, prob.msg[0] ? prob.msg : "unreadable");
        goto out;
    }
    if (kb->doc->intSubset || kb->doc->extSubset) {
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: a knowledge base must not have a <!DOCTYPE> (entities and external DTDs are refused)", label);
        goto out;
    }
    xmlNodePtr root = xmlDocGetRootElement(kb->doc);
    if (!is_elem(root, "knowledge-base")) {
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: the root element is not <knowledge-base>", label);
        goto out;
    }
    char *format = attr_dup(root, "format");
    int ok = format && !strcmp(format, KB_FORMAT);
    if (!ok) {
        char f[32];
        text_sanitize(format ? format : "(none)", f, sizeof(f));
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: knowledge-base format %s is not supported by this mcrc-report (it reads format %s)", label, f, KB_FORMAT);
        free(format);
        goto out;
    }
    free(format);
    size_t xlen;
    const char *xsd = embedded_get("annotations.xsd", &xlen);
    prob.msg[0] = 0;
    if (!(pctx = xmlSchemaNewMemParserCtxt(xsd, (int)xlen)) || !(schema = xmlSchemaParse(pctx)) || !(vctx = xmlSchemaNewValidCtxt(schema))) {
        ret = mcrc_fail(err, MCRC_E_INTERNAL, "the built-in knowledge-base schema does not load: %s", prob.msg);
        goto out;
    }
    xmlSchemaSetValidStructuredErrors(vctx, on_xml_error, &prob);
    if (xmlSchemaValidateDoc(vctx, kb->doc) != 0) {
        ret = mcrc_fail(err, MCRC_E_INPUT, "%s: does not follow schemas/annotations.xsd (line %d: %s)", label, prob.line, prob.msg);
        goto out;
    }
    char *version = attr_dup(root, "version");
    snprintf(kb->version, sizeof(kb->version), "%s", version ? version : "");
    free(version);
    ret = parse_rules_and_blocks(kb, label, err);
    /* the reasons are the tool's own words, not the lab's: a fault in them is ours (fails closed, exit 4) */
    if (!ret) ret = reasons_load_builtin(&kb->reasons, err);
out:
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (vctx) xmlSchemaFreeValidCtxt(vctx);
    if (schema) xmlSchemaFree(schema);
    if (pctx) xmlSchemaFreeParserCtxt(pctx);
    if (ret) kb_destroy(kb);
    return ret;
}

int kb_load_builtin(kb_t *kb, mcrc_err_t *err)
{
    size_t len;
    const char *buf = embedded_get("knowledge-base.xml", &len);
    if (!buf) return mcrc_fail(err, MCRC_E_INTERNAL, "no built-in knowledge base");
    int r = kb_load_memory(kb, buf, len, "built-in knowledge base", err);
    if (!r) snprintf(kb->origin, sizeof(kb->origin), "built-in");
    return r == MCRC_E_INPUT ? MCRC_E_INTERNAL : r;
}

int kb_load_dir(kb_t *kb, const char *dir, mcrc_err_t *err)
{
    char fn[4096], label[600];
    memset(kb, 0, sizeof(*kb));
    snprintf(fn, sizeof(fn), "%s/knowledge-base.xml", dir);
    text_sanitize(fn, label, sizeof(label));
    int fd = sio_open_regular(fn, "--kb", err);     /* a FIFO or device is refused, not waited on */
    if (fd < 0) return fd;
    FILE *fp = fdopen(fd, "rb");
    if (!fp) { close(fd); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    char *buf = malloc(KB_MAX_BYTES + 1);
    if (!buf) { fclose(fp); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    size_t n = fread(buf, 1, KB_MAX_BYTES + 1, fp);
    int bad = ferror(fp);
    fclose(fp);
    int r = bad ? mcrc_fail(err, MCRC_E_INPUT, "%s: read error", label) : kb_load_memory(kb, buf, n, label, err);
    free(buf);
    return r;
}

/* does the gene have one of the condition's protein changes? (no change asked: yes) */
static int has_change(const kb_when_t *w, const char *const *changes)
{
    if (!w->nchange) return 1;
    for (int i = 0; changes && changes[i]; i++)
        for (int k = 0; k < w->nchange; k++)
            if (!strcmp(changes[i], w->change[k])) return 1;
    return 0;
}

static int when_holds(const kb_when_t *w, const biomarker_status_t st[N_GENES], const char *const *changes[N_GENES])
{
    int hits = 0;
    for (int i = 0; i < w->ngenes; i++)
        hits += ((w->status_mask >> st[w->genes[i]]) & 1) && has_change(w, changes ? changes[w->genes[i]] : NULL);
    int holds = w->match_any ? hits > 0 : hits == w->ngenes;
    return w->negate ? !holds : holds;
}

int kb_select(const kb_t *kb, const biomarker_status_t status[N_GENES],
              const char **ids, int *nids, const char **fired, int *nfired)
{
    return kb_select_changes(kb, status, NULL, ids, nids, fired, nfired);
}

int kb_select_changes(const kb_t *kb, const biomarker_status_t status[N_GENES],
                      const char *const *changes[N_GENES],
                      const char **ids, int *nids, const char **fired, int *nfired)
{
    *nids = *nfired = 0;
    for (int i = 0; i < kb->nrule; i++) {
        const kb_rule_t *r = &kb->rule[i];
        int ok = 1;
        for (int k = 0; k < r->nwhen && ok; k++) ok = when_holds(&r->when[k], status, changes);
        if (!ok) continue;
        fired[(*nfired)++] = r->id;
        for (int k = 0; k < r->nshow; k++) {
            int seen = 0;
            for (int j = 0; j < *nids && !seen; j++) seen = !strcmp(ids[j], r->show[k]);
            /* a block id appears once per language, so nblock bounds the list */
            if (!seen && *nids < kb->nblock) ids[(*nids)++] = r->show[k];
        }
    }
    return 0;
}
