/* html.h - the HTML view of the report, rendered from the same XML tree by an XSLT stylesheet. */
#ifndef MCRC_HTML_H
#define MCRC_HTML_H

#include <libxml/tree.h>
#include "mcrc.h"

/*
 * Render report with the stylesheet at xsl_path, or the built-in schemas/report-html.xsl
 * when xsl_path is NULL.  fragment != 0 asks for an embeddable <section> instead of a page.
 * *out is malloc'd (free with xmlFree).
 */
int html_render(xmlDocPtr report, const char *xsl_path, int fragment, xmlChar **out, int *len, mcrc_err_t *err);

/* Before any other libxml2 call: count libxml2's memory (for the stylesheet's limits) and let no parse
 * reach the network or a file the user did not name (see html.c). */
void html_guard_install(void);

#endif
