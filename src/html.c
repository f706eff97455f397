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
 * The parameter `fragment` ('1' or '0') selects an embeddable <section>; a
 * fragment is written without a <!DOCTYPE>.  The stylesheet's own fixed
 * words are a lookup table inside it (docs/html-report.md), since document('')
 * would be a file read, which the security preferences forbid.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include "embedded.h"
#include "html.h"
#include "util.h"

/* what went wrong: libxml2's first structured error, and libxslt's messages (which come in pieces) */
static char first_problem[400];
static char xslt_said[400];

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (first_problem[0] || !e || !e->message) return;
    text_sanitize(e->message, first_problem, sizeof(first_problem));
    first_problem[strcspn(first_problem, "\n")] = 0;
}

static void on_generic_error(void *ctx, const char *msg, ...)
{
    (void)ctx;
    size_t used = strlen(xslt_said);
    if (!msg || used + 1 >= sizeof(xslt_said)) return;
    va_list ap;
    va_start(ap, msg);
    vsnprintf(xslt_said + used, sizeof(xslt_said) - used, msg, ap);
    va_end(ap);
}

/* one line for the error message: libxslt's own words if it said any, else libxml2's */
static const char *problem(void)
{
    static char line[sizeof(xslt_said)];
    if (!xslt_said[0]) return first_problem[0] ? first_problem : "no detail";
    char joined[sizeof(xslt_said)];
    size_t j = 0;
    for (const char *p = xslt_said; *p && j + 3 < sizeof(joined); p++) {
        if (*p != '\n') { joined[j++] = *p; continue; }
        while (j && joined[j - 1] == ' ') j--;
        if (p[1]) { joined[j++] = ';'; joined[j++] = ' '; }
    }
    joined[j] = 0;
    text_sanitize(joined, line, sizeof(line));
    return line;
}

int html_render(xmlDocPtr report, const char *xsl_path, int fragment, xmlChar **out, int *len, mcrc_err_t *err)
{
    int ret = 0;
    xmlDocPtr xsldoc = NULL, result = NULL;
    xsltStylesheetPtr style = NULL;
    xsltSecurityPrefsPtr sec = NULL;
    xsltTransformContextPtr ctxt = NULL;
    char label[512];
    *out = NULL;
    *len = 0;
    first_problem[0] = 0;
    xslt_said[0] = 0;
    xmlSetStructuredErrorFunc(NULL, on_xml_error);
    xsltSetGenericErrorFunc(NULL, on_generic_error);
    if (xsl_path) {
        text_sanitize(xsl_path, label, sizeof(label));
        xsldoc = xmlReadFile(xsl_path, NULL, XML_PARSE_NONET);
    } else {
        size_t n;
        const char *xsl = embedded_get("report-html.xsl", &n);
        snprintf(label, sizeof(label), "built-in stylesheet");
        xsldoc = xsl ? xmlReadMemory(xsl, (int)n, "report-html.xsl", NULL, XML_PARSE_NONET) : NULL;
    }
    if (!xsldoc) { ret = mcrc_fail(err, xsl_path ? MCRC_E_INPUT : MCRC_E_INTERNAL, "%s: not a readable XML stylesheet (%s)", label, problem()); goto out; }
    sec = xsltNewSecurityPrefs();
    if (!sec) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    /* compiling: xsl:include / xsl:import go through the default preferences (local files only) */
    xsltSecurityPrefsPtr saved = xsltGetDefaultSecurityPrefs();
    xsltSetDefaultSecurityPrefs(sec);
    style = xsltParseStylesheetDoc(xsldoc);
    xsltSetDefaultSecurityPrefs(saved);
    if (!style) { ret = mcrc_fail(err, xsl_path ? MCRC_E_INPUT : MCRC_E_INTERNAL, "%s: not a valid XSLT stylesheet (%s)", label, problem()); goto out; }
    xsldoc = NULL;   /* owned by style now */
    /* transforming: no file at all */
    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
    ctxt = xsltNewTransformContext(style, report);
    if (!ctxt || xsltSetCtxtSecurityPrefs(sec, ctxt) != 0) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    const char *params[] = { "fragment", fragment ? "'1'" : "'0'", NULL };
    result = xsltApplyStylesheetUser(style, report, params, NULL, NULL, ctxt);
    if (!result || ctxt->state != XSLT_STATE_OK) {
        ret = mcrc_fail(err, xsl_path ? MCRC_E_INPUT : MCRC_E_INTERNAL, "%s: the transformation failed (%s)", label, problem());
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
        ret = mcrc_fail(err, MCRC_E_INTERNAL, "could not serialise the HTML page");
        goto out;
    }
out:
    xmlSetStructuredErrorFunc(NULL, NULL);
    xsltSetGenericErrorFunc(NULL, NULL);
    if (result) xmlFreeDoc(result);
    if (ctxt) xsltFreeTransformContext(ctxt);
    if (sec) xsltFreeSecurityPrefs(sec);
    if (style) xsltFreeStylesheet(style);
    if (xsldoc) xmlFreeDoc(xsldoc);
    return ret;
}
