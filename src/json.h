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

/* The JSON type of an attribute, by its type in report.xsd: a string unless the table in json.c says otherwise. */
typedef enum { JSON_STRING = 0, JSON_INTEGER, JSON_NUMBER, JSON_BOOLEAN } json_kind_t;
typedef struct { const char *element, *attribute; json_kind_t kind; } json_typed_attr_t;

/* The table itself (its length in *n), for the test that compares it with report.xsd. */
const json_typed_attr_t *json_typed_attrs(size_t *n);
json_kind_t json_attr_kind(const char *element, const char *attribute);

#endif
