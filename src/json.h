/* json.h - the JSON view of the report, mapped from the same XML tree (design comment: json.c). */
#ifndef MCRC_JSON_H
#define MCRC_JSON_H

#include <htslib/kstring.h>
#include <libxml/tree.h>
#include "mcrc.h"

/*
 * Append the JSON form of report (schemas/report.schema.json) to *out, ending in a newline.
 * 0, or MCRC_E_INTERNAL with a message (an element the mapping does not know how to shape,
 * invalid UTF-8, out of memory): a JSON file is never written from a tree it cannot map.
 */
int json_render(xmlDocPtr report, kstring_t *out, mcrc_err_t *err);

#endif
