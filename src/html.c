/*
 * html.c - the report as a page a patient can read.
 *
 * One model, two views: the HTML is the XML report tree transformed by an
 * XSLT 1.0 stylesheet (schemas/report-html.xsl, compiled in), so a lab can
 * restyle the page with --html-template FILE.xsl without recompiling.  The
 * stylesheet sees only the report tree; everything in it is text nodes and
 * attributes, which XSLT output escapes, so no string from a VCF or a
 * knowledge base can become markup.  A user's stylesheet is read with the
 * network off; while it is compiled, its xsl:include and xsl:import may read
 * local files but not the network, and at transform time libxslt's security
 * preferences forbid it to read or write files or to reach the network.
 * Every document the stylesheet machinery parses -- the lab's template and
 * whatever it includes or imports -- is read by our loader: no DTD, no
 * entity substitution, no network, no XInclude, and a document with a
 * <!DOCTYPE> is refused.  The only files it may name are regular files in
 * the template's own directory or below it (a lab keeps its stylesheet set
 * together; /etc/passwd or ../x are refused); a URL is refused.  libxml2's
 * external-entity loader is replaced for the whole run (html_guard_install)
 * so no other parse can reach the network or a file either.  What one
 * rendering may read and what went wrong in it live in an html_ctx_t, never
 * in static buffers; libxml2's allocator counts (below) are the only state
 * that outlives a call, since libxml2's allocator is the process's.
 * A lab's stylesheet is a program, so it runs with limits: template depth
 * (HTML_MAX_DEPTH), variables (HTML_MAX_VARS), memory held by libxml2 and
 * libxslt while it runs (HTML_MAX_MEM, counted by our allocator), wall time
 * (HTML_MAX_SECONDS) and the page's size (HTML_MAX_OUTPUT).  Runaway recursion
 * or a doubling string ends in exit 2 within seconds.
 * The parameter `fragment` ('1' or '0') selects an embeddable <section>; a
 * fragment is written without a <!DOCTYPE>.  The stylesheet's own fixed
 * words are a lookup table inside it (docs/html-report.md), since document('')
 * would be a file read, which the security preferences forbid.
 */
#include <limits.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include "embedded.h"
#include "html.h"
#include "safe_io.h"
#include "util.h"

#define HTML_MAX_DEPTH 1000              /* nested template calls */
#define HTML_MAX_VARS 20000              /* live variables and parameters */
#define HTML_MAX_MEM ((size_t)40 << 20)  /* bytes libxml2/libxslt may add while the page is made */
#define HTML_MAX_SECONDS 5.0             /* a lab's stylesheet */
#define HTML_MAX_OUTPUT (16 << 20)       /* the page */

/* ---------------------------------------------------------------- limits: libxml2's allocator, counted */
static size_t xml_live;                  /* bytes held through xmlMalloc & co. (malloc_usable_size) */
static size_t xml_cap = SIZE_MAX;        /* refuse an allocation that would pass this */
static double xml_deadline;              /* CLOCK_MONOTONIC seconds; 0: none */
static int xml_over;                     /* 1: memory, 2: time */
static unsigned xml_ticks;
static xsltTransformContextPtr xml_running;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void over(int why)
{
    if (!xml_over) xml_over = why;
    if (xml_running) xml_running->state = XSLT_STATE_STOPPED;   /* libxslt checks it in its loops */
}

static void tick(void)
{
    if (xml_deadline > 0 && !(++xml_ticks & 1023) && now_s() > xml_deadline) over(2);
}

static void *acct_malloc(size_t n)
{
    tick();
    if (n > xml_cap || xml_live > xml_cap - n) { over(1); return NULL; }
    void *p = malloc(n);
    if (p) xml_live += malloc_usable_size(p);
    return p;
}

static void *acct_realloc(void *p, size_t n)
{
    tick();
    size_t old = p ? malloc_usable_size(p) : 0, base = xml_live > old ? xml_live - old : 0;
    if (n > old && (n > xml_cap || base > xml_cap - n)) { over(1); return NULL; }
    void *q = realloc(p, n);
    if (q) xml_live = base + malloc_usable_size(q);
    return q;
}

static void acct_free(void *p)
{
    if (!p) return;
    size_t n = malloc_usable_size(p);
    xml_live = xml_live > n ? xml_live - n : 0;     /* memory from before the counting began */
    free(p);
}

static char *acct_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = acct_malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

/* ---------------------------------------------------------------- one rendering's context */
/* What one html_render() may read and what went wrong in it.  libxml2's and libxslt's error callbacks are
 * given it as their context (as kb.c does); the loaders, which libxml2 and libxslt call without one, reach it
 * through `rendering`, set only while html_render() runs (outside it every read is refused). */
typedef struct {
    char allowed_dir[PATH_MAX];   /* while a lab's stylesheet is compiled: its directory; else "" */
    char refused[400];            /* the first thing refused, for the message */
    char first_problem[400];      /* libxml2's first structured error */
    char xslt_said[400];          /* libxslt's messages (which come in pieces) */
    char line[400];               /* problem(): the one line the message quotes */
} html_ctx_t;

static html_ctx_t *rendering;

/* ---------------------------------------------------------------- what a parse may read */
static void refuse(const char *what, const char *url)
{
    html_ctx_t *c = rendering;
    if (!c || c->refused[0]) return;
    char l[300];
    sio_label(url ? url : "(none)", l, sizeof(l));
    snprintf(c->refused, sizeof(c->refused), "%s %s was refused", what, l);
}

/* The path a URL or file name names, if it is a local file: malloc'd, or NULL. */
static char *local_path(const char *url)
{
    xmlURIPtr u = xmlParseURI(url);
    char *path = NULL;
    if (u) {
        int local = !u->scheme || !strcmp(u->scheme, "file");
        int no_host = !u->server || !*u->server || !strcmp(u->server, "localhost");
        if (local && no_host && u->path && !u->query && !u->fragment) path = xmlURIUnescapeString(u->path, 0, NULL);
        xmlFreeURI(u);
    } else if (!strstr(url, "://")) {
        path = strdup(url);
    }
    return path;
}

/* Every external entity, DTD and document libxml2 is asked to load comes here. */
static xmlParserInputPtr guarded_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    const char *allowed_dir = rendering ? rendering->allowed_dir : "";
    char *path = url ? local_path(url) : NULL, real[PATH_MAX];
    size_t dl = strlen(allowed_dir);
    struct stat st;
    int ok = path && allowed_dir[0] && realpath(path, real) && !strncmp(real, allowed_dir, dl)
             && (real[dl] == '/' || (dl == 1 && allowed_dir[0] == '/')) && stat(real, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    if (!ok) {
        refuse("reading", url);
        return NULL;
    }
    return xmlNoNetExternalEntityLoader(real, id, ctxt);
}

void html_guard_install(void)
{
    xmlGcMemSetup(acct_free, acct_malloc, acct_malloc, acct_realloc, acct_strdup);
    xmlSetExternalEntityLoader(guarded_entity_loader);
    xsltSetXIncludeDefault(0);
}

/* libxslt's document loader for xsl:include, xsl:import and document(): as its default, with the parse
 * options of every other document we read instead of XSLT_PARSE_OPTIONS (entities, DTD loading). */
static xmlDocPtr guarded_doc_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
    (void)options; (void)ctxt; (void)type;
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (!pc) return NULL;
    if (dict) {     /* share the stylesheet's dictionary, as libxslt expects */
        if (pc->dict) xmlDictFree(pc->dict);
        pc->dict = dict;
        xmlDictReference(dict);
    }
    xmlCtxtUseOptions(pc, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xmlParserInputPtr in = xmlLoadExternalEntity((const char *)uri, NULL, pc);
    xmlDocPtr doc = NULL;
    if (in && inputPush(pc, in) >= 0) {
        if (!pc->directory) pc->directory = xmlParserGetDirectory((const char *)uri);
        xmlParseDocument(pc);
        doc = pc->myDoc;
        pc->myDoc = NULL;
        if (doc && (!pc->wellFormed || doc->intSubset || doc->extSubset)) {
            if (pc->wellFormed) refuse("a <!DOCTYPE> in", (const char *)uri);
            xmlFreeDoc(doc);
            doc = NULL;
        }
    }       /* (inputPush frees the input when it fails) */
    xmlFreeParserCtxt(pc);
    return doc;
}

/* what went wrong: libxml2's first structured error, and libxslt's messages (which come in pieces) */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    html_ctx_t *c = ctx;
    if (!c || c->first_problem[0] || !e || !e->message) return;
    text_sanitize(e->message, c->first_problem, sizeof(c->first_problem));
    c->first_problem[strcspn(c->first_problem, "\n")] = 0;
}

static void on_generic_error(void *ctx, const char *msg, ...)
{
    html_ctx_t *c = ctx;
    if (!c) return;
    size_t used = strlen(c->xslt_said);
    if (!msg || used + 1 >= sizeof(c->xslt_said)) return;
    va_list ap;
    va_start(ap, msg);
    vsnprintf(c->xslt_said + used, sizeof(c->xslt_said) - used, msg, ap);
    va_end(ap);
}

/* one line for the error message: what was refused, else libxslt's own words if it said any, else libxml2's */
static const char *problem(html_ctx_t *c)
{
    if (!c->xslt_said[0]) return c->first_problem[0] ? c->first_problem : "no detail";
    char joined[sizeof(c->xslt_said)];
    size_t j = 0;
    for (const char *p = c->xslt_said; *p && j + 3 < sizeof(joined); p++) {
        if (*p != '\n') { joined[j++] = *p; continue; }
        while (j && joined[j - 1] == ' ') j--;
        if (p[1]) { joined[j++] = ';'; joined[j++] = ' '; }
    }
    joined[j] = 0;
    text_sanitize(joined, c->line, sizeof(c->line));
    return c->line;
}

/* the message's detail: what was refused, if anything was, else problem() */
static const char *why(html_ctx_t *c)
{
    return c->refused[0] ? c->refused : problem(c);
}

int html_render(xmlDocPtr report, const char *xsl_path, int fragment, xmlChar **out, int *len, mcrc_err_t *err)
{
    int ret = 0, fd = -1;
    xmlDocPtr xsldoc = NULL, result = NULL;
    xsltStylesheetPtr style = NULL;
    xsltSecurityPrefsPtr sec = NULL;
    xsltTransformContextPtr ctxt = NULL;
    char label[512];
    int code = xsl_path ? MCRC_E_INPUT : MCRC_E_INTERNAL;
    html_ctx_t *c = calloc(1, sizeof(*c));
    *out = NULL;
    *len = 0;
    if (!c) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    rendering = c;
    xml_over = 0;
    xml_cap = xml_live + HTML_MAX_MEM;
    xml_deadline = xsl_path ? now_s() + HTML_MAX_SECONDS : 0;
    xmlSetStructuredErrorFunc(c, on_xml_error);
    xsltSetGenericErrorFunc(c, on_generic_error);
    xsltSetLoaderFunc(guarded_doc_loader);
    if (xsl_path) {
        sio_label(xsl_path, label, sizeof(label));
        if ((fd = sio_open_regular(xsl_path, "--html-template", err)) < 0) { ret = fd; goto out; }
        /* what it may include: files in its own directory and below */
        char *dir = strdup(xsl_path), real[PATH_MAX];
        if (!dir) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        char *slash = strrchr(dir, '/');
        if (slash) slash[slash == dir] = 0;
        if (realpath(slash ? dir : ".", real)) snprintf(c->allowed_dir, sizeof(c->allowed_dir), "%s", real);
        free(dir);
        xsldoc = xmlReadFd(fd, xsl_path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    } else {
        size_t n;
        const char *xsl = embedded_get("report-html.xsl", &n);
        snprintf(label, sizeof(label), "built-in stylesheet");
        xsldoc = xsl ? xmlReadMemory(xsl, (int)n, "report-html.xsl", NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA) : NULL;
    }
    if (!xsldoc) { ret = mcrc_fail(err, code, "%s: not a readable XML stylesheet (%s)", label, why(c)); goto out; }
    if (xsldoc->intSubset || xsldoc->extSubset) {
        ret = mcrc_fail(err, code, "%s: a stylesheet must not have a <!DOCTYPE> (entities and external DTDs are refused)", label);
        goto out;
    }
    sec = xsltNewSecurityPrefs();
    if (!sec) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    /* compiling: xsl:include / xsl:import go through guarded_doc_loader (the template's directory only) */
    xsltSecurityPrefsPtr saved = xsltGetDefaultSecurityPrefs();
    xsltSetDefaultSecurityPrefs(sec);
    style = xsltParseStylesheetDoc(xsldoc);
    xsltSetDefaultSecurityPrefs(saved);
    if (!style || style->errors || c->refused[0]) {
        if (style) xsldoc = NULL;       /* owned by style */
        ret = mcrc_fail(err, code, "%s: not a valid XSLT stylesheet (%s)", label, why(c));
        goto out;
    }
    xsldoc = NULL;   /* owned by style now */
    c->allowed_dir[0] = 0;     /* transforming: no file at all */
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
    ctxt = xsltNewTransformContext(style, report);
    if (!ctxt || xsltSetCtxtSecurityPrefs(sec, ctxt) != 0) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    ctxt->maxTemplateDepth = HTML_MAX_DEPTH;
    ctxt->maxTemplateVars = HTML_MAX_VARS;
    const char *params[] = { "fragment", fragment ? "'1'" : "'0'", NULL };
    xml_running = ctxt;
    result = xsltApplyStylesheetUser(style, report, params, NULL, NULL, ctxt);
    xml_running = NULL;
    if (xml_over) {
        ret = xml_over == 1
            ? mcrc_fail(err, code, "%s: the transformation needed more than %d MiB of memory; stopped", label, (int)(HTML_MAX_MEM >> 20))
            : mcrc_fail(err, code, "%s: the transformation ran longer than %g s; stopped", label, HTML_MAX_SECONDS);
        goto out;
    }
    if (!result || ctxt->state != XSLT_STATE_OK) {
        if (strstr(problem(c), "infinite template recursion"))
            ret = mcrc_fail(err, code, "%s: templates nested more than %d deep, or more than %d variables; stopped", label, HTML_MAX_DEPTH, HTML_MAX_VARS);
        else ret = mcrc_fail(err, code, "%s: the transformation failed (%s)", label, why(c));
        goto out;
    }
    if (fragment && result->intSubset) {
        /* a fragment goes inside someone else's page: no <!DOCTYPE>, whatever xsl:output says */
        xmlDtdPtr dtd = result->intSubset;
        xmlUnlinkNode((xmlNodePtr)dtd);
        result->intSubset = NULL;
        xmlFreeDtd(dtd);
    }
    if (xsltSaveResultToString(out, len, result, style) != 0 || !*out) {
        ret = xml_over ? mcrc_fail(err, code, "%s: the page would need more than %d MiB of memory; stopped", label, (int)(HTML_MAX_MEM >> 20))
                       : mcrc_fail(err, MCRC_E_INTERNAL, "could not serialise the HTML page");
        goto out;
    }
    if (*len > HTML_MAX_OUTPUT) {
        ret = mcrc_fail(err, code, "%s: the page is larger than %d MiB; refused", label, HTML_MAX_OUTPUT >> 20);
        goto out;
    }
out:
    if (ret && *out) { xmlFree(*out); *out = NULL; *len = 0; }
    xmlSetStructuredErrorFunc(NULL, NULL);
    xsltSetGenericErrorFunc(NULL, NULL);
    xsltSetLoaderFunc(NULL);
    if (result) xmlFreeDoc(result);
    if (ctxt) xsltFreeTransformContext(ctxt);
    if (sec) xsltFreeSecurityPrefs(sec);
    if (style) xsltFreeStylesheet(style);
    if (xsldoc) xmlFreeDoc(xsldoc);
    if (fd >= 0) close(fd);
    xml_cap = SIZE_MAX;
    xml_deadline = 0;
    rendering = NULL;
    free(c);
    return ret;
}
