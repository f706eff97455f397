/*
 * json.c - the JSON view of the report (schemas/report.schema.json).
 *
 * The JSON is not built from the run: it is mapped from the finished XML
 * report tree (report.c), the same tree the XML file and the HTML page come
 * from, so the three views of one run cannot disagree.  The mapping is small,
 * fixed and follows the schema, never the data:
 *
 *   - The document is one object: the root element <mcrc-report>.
 *   - An element is an object.  Each attribute is a member, typed by its type
 *     in report.xsd through the table `typed` below (element, attribute):
 *       xs:long, xs:nonNegativeInteger, xs:positiveInteger  -> integer
 *       xs:double                                           -> number
 *       yesno ("true"/"false")                              -> true/false
 *     and every other attribute (enumerations, xs:string, sha256, dates) a
 *     string.  A number is the XML text itself, digit for digit ("0.314815",
 *     "1e-05"), never reformatted; text that is not a JSON number of its kind
 *     (a sign '+', "INF", "NaN", leading zeros, an integer with a fraction, a
 *     value beyond a double's range such as "1e400") and a yesno other than
 *     "true"/"false" are refused, like any other surprise below.  The unit
 *     test (tests/unit/test_json.c) walks report.xsd and checks the table
 *     against it both ways, so the two cannot drift apart.
 *   - A child element that report.xsd allows at most once is a member named
 *     after it (absent when the element is absent).
 *   - A child element that report.xsd allows more than once is ALWAYS an array
 *     member named after it (singular, as in the XML: "biomarker", "evidence",
 *     "variant", "input", ...), present and empty ([]) when there is none.
 *     Which children are arrays is the table `arrays` below: a consumer never
 *     sees an object one day and an array the next.
 *   - An element of text only (command-line, time, title, p, li) is a
 *     string.  <source> and <reason>, text with attributes, are objects: the
 *     attributes, then "text": {"id": ..., "text": ...}, {"code": ..., "text":
 *     ...} (report.xsd requires the code; the schema too), so their shape
 *     never changes.
 *   - <block>'s paragraphs and lists, whose order matters, are one array
 *     "content" of one-member objects in document order: {"p": "..."} or
 *     {"ul": {"li": ["...", ...]}}.
 *   - Members come in a fixed order: attributes in document order, then the
 *     children in document order (an array where its first element is), then
 *     the arrays that are empty, in the table's order.
 *
 * Anything the mapping does not expect -- the same single child twice, an
 * attribute and a child of one name, text where elements belong, an element
 * inside a text element, invalid UTF-8 -- is an internal error, never a
 * guess: a new element in report.xsd must be added here (and to the JSON
 * Schema) on purpose.
 *
 * Strings are escaped per RFC 8259: '"' and '\' with a backslash, control
 * characters as \n, \t, \r, \b, \f or \u00XX, DEL as \u007f; also '<', '>',
 * '&' (\u003c, \u003e, \u0026) and U+2028/U+2029 (\u2028, \u2029), so the
 * text can be pasted into a <script> block or a JavaScript string without
 * ending it.  All else is UTF-8 as is.  Output: two-space indentation, one
 * member or array element per line, a final newline; identical trees give
 * identical bytes.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "util.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* the children that are arrays (report.xsd: maxOccurs > 1), per parent, in the order they are written */
static const struct { const char *parent, *child; } arrays[] = {
    { "mcrc-report", "biomarker" },
    { "biomarker", "evidence" }, { "biomarker", "hotspot" }, { "biomarker", "variant" }, { "biomarker", "not-listed" },
    { "interpretation", "rule" }, { "interpretation", "block" },
    { "block", "source" },
    { "ul", "li" },
    { "provenance", "library" }, { "provenance", "input" },
};
/* children kept in document order in one "content" array of one-member objects */
static const struct { const char *parent, *child; } ordered[] = {
    { "block", "p" }, { "block", "ul" },
};
/* elements of text only: a string */
static const char *const text_only[] = { "command-line", "time", "title", "p", "li" };
/* elements of text with attributes: an object with a "text" member */
static const char *const text_attr[] = { "source", "reason" };
/* the attributes that are not strings, by their type in report.xsd (tests/unit/test_json.c checks this
 * table against report.xsd both ways); an element name means the same type wherever it appears */
static const json_typed_attr_t typed[] = {
    { "thresholds", "amp-cn", JSON_NUMBER }, { "thresholds", "equivocal-cn", JSON_NUMBER },
    { "thresholds", "ploidy", JSON_NUMBER }, { "thresholds", "purity", JSON_NUMBER },
    { "thresholds", "min-vaf", JSON_NUMBER }, { "thresholds", "min-depth", JSON_INTEGER },
    { "thresholds", "include-filtered", JSON_BOOLEAN },
    { "variant", "input", JSON_INTEGER }, { "variant", "pos", JSON_INTEGER }, { "variant", "vaf", JSON_NUMBER },
    { "variant", "depth", JSON_INTEGER }, { "variant", "used", JSON_BOOLEAN },
    { "evidence", "input", JSON_INTEGER }, { "evidence", "pos", JSON_INTEGER }, { "evidence", "end", JSON_INTEGER },
    { "evidence", "copy-number-observed", JSON_NUMBER }, { "evidence", "copy-number", JSON_NUMBER },
    { "evidence", "used", JSON_BOOLEAN },
    { "gene-span", "start", JSON_INTEGER }, { "gene-span", "end", JSON_INTEGER },
    { "copy-number", "min", JSON_NUMBER }, { "copy-number", "max", JSON_NUMBER },
    { "amplified-part", "start", JSON_INTEGER }, { "amplified-part", "end", JSON_INTEGER },
    { "hotspot", "codon", JSON_INTEGER }, { "hotspot", "covered", JSON_BOOLEAN },
    { "hotspot", "reads-depth", JSON_INTEGER }, { "hotspot", "reads-alt", JSON_INTEGER },
    { "hotspot", "reads-without-call", JSON_BOOLEAN },
    { "alignments", "sample-checked", JSON_BOOLEAN }, { "alignments", "min-mapq", JSON_INTEGER },
    { "alignments", "min-baseq", JSON_INTEGER }, { "alignments", "codons-read", JSON_INTEGER },
    { "not-listed", "input", JSON_INTEGER }, { "not-listed", "count", JSON_INTEGER },
    { "input", "id", JSON_INTEGER }, { "input", "size", JSON_INTEGER },
    { "input", "records-read", JSON_INTEGER }, { "input", "records-in-genes", JSON_INTEGER },
};

#define MAX_MEMBERS 64      /* more members than any report element has */

typedef struct {
    kstring_t *o;
    int bad;                /* a kputs failed (out of memory) */
    mcrc_err_t *err;
} jw_t;

static int named(const xmlNode *n, const char *name) { return !strcmp((const char *)n->name, name); }

static int in_list(const char *const *list, size_t n, const xmlNode *e)
{
    for (size_t i = 0; i < n; i++)
        if (named(e, list[i])) return 1;
    return 0;
}

const json_typed_attr_t *json_typed_attrs(size_t *n)
{
    *n = N_OF(typed);
    return typed;
}

json_kind_t json_attr_kind(const char *element, const char *attribute)
{
    for (size_t i = 0; i < N_OF(typed); i++)
        if (!strcmp(typed[i].element, element) && !strcmp(typed[i].attribute, attribute)) return typed[i].kind;
    return JSON_STRING;
}

static int is_array(const xmlNode *parent, const xmlNode *child)
{
    for (size_t i = 0; i < N_OF(arrays); i++)
        if (named(parent, arrays[i].parent) && named(child, arrays[i].child)) return 1;
    return 0;
}

static int is_ordered(const xmlNode *parent, const xmlNode *child)
{
    for (size_t i = 0; i < N_OF(ordered); i++)
        if (named(parent, ordered[i].parent) && named(child, ordered[i].child)) return 1;
    return 0;
}

static int has_ordered(const xmlNode *parent)
{
    for (size_t i = 0; i < N_OF(ordered); i++)
        if (named(parent, ordered[i].parent)) return 1;
    return 0;
}

static int fail_at(jw_t *w, const xmlNode *n, const char *what)
{
    const char *parent = n->parent && n->parent->type == XML_ELEMENT_NODE ? (const char *)n->parent->name : "";
    return mcrc_fail(w->err, MCRC_E_INTERNAL, "JSON view: <%s> in <%s>: %s; the report tree and src/json.c disagree", (const char *)n->name, parent, what);
}

static void put(jw_t *w, const char *s) { w->bad |= kputs(s, w->o) < 0; }

static void newline(jw_t *w, int depth)
{
    w->bad |= kputc('\n', w->o) < 0;
    for (int i = 0; i < depth; i++) put(w, "  ");
}

/* A JSON string (RFC 8259); -1 on invalid UTF-8. */
static int put_string(jw_t *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put(w, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; ) {
        int len = utf8_char_len(p);
        if (!len) return -1;
        unsigned c = *p;
        char esc[8] = { 0 };
        if (c == '"' || c == '\\') { esc[0] = '\\'; esc[1] = (char)c; }
        else if (c == '\n') strcpy(esc, "\\n");
        else if (c == '\t') strcpy(esc, "\\t");
        else if (c == '\r') strcpy(esc, "\\r");
        else if (c == '\b') strcpy(esc, "\\b");
        else if (c == '\f') strcpy(esc, "\\f");
        else if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
        } else if (len == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
            strcpy(esc, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
        }
        if (esc[0]) put(w, esc);
        else w->bad |= kputsn((const char *)p, len, w->o) < 0;
        p += len;
    }
    put(w, "\"");
    return 0;
}

static size_t skip_digits(const char **q)
{
    const char *p = *q;
    while (**q >= '0' && **q <= '9') (*q)++;
    return (size_t)(*q - p);
}

/* Is s a JSON number (RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?), an integer one
 * (no fraction, no exponent) when integer is set, and within a double's range (no "1e400", no "1e-400"
 * that a reader would take as 0)? */
static int json_number(const char *s, int integer)
{
    const char *q = s + (*s == '-'), *first = q;
    size_t n = skip_digits(&q);
    if (!n || (*first == '0' && n > 1)) return 0;
    if (*q == '.') {
        q++;
        if (integer || !skip_digits(&q)) return 0;
    }
    if (*q == 'e' || *q == 'E') {
        q++;
        if (*q == '+' || *q == '-') q++;
        if (integer || !skip_digits(&q)) return 0;
    }
    if (*q) return 0;
    if (integer) return 1;
    errno = 0;
    double v = strtod(s, NULL);     /* the range only: the text is written as it is */
    return errno != ERANGE && isfinite(v);
}

/* An attribute's value: a string, or by the table a number, integer or boolean exactly as its text reads. */
static int put_attr_value(jw_t *w, const xmlNode *e, const xmlAttr *a, const char *v)
{
    json_kind_t kind = json_attr_kind((const char *)e->name, (const char *)a->name);
    if (kind == JSON_STRING)
        return put_string(w, v) < 0 ? fail_at(w, e, "an attribute that is not valid UTF-8") : 0;
    char what[160];
    if (kind == JSON_BOOLEAN ? strcmp(v, "true") && strcmp(v, "false") : !json_number(v, kind == JSON_INTEGER)) {
        snprintf(what, sizeof(what), "attribute %.40s is not a JSON %s", (const char *)a->name,
                 kind == JSON_BOOLEAN ? "boolean (true or false)" : kind == JSON_INTEGER ? "integer" : "number");
        return fail_at(w, e, what);
    }
    put(w, v);
    return 0;
}

static int was_seen(const char **seen, int nseen, const char *name)
{
    for (int i = 0; i < nseen; i++)
        if (!strcmp(seen[i], name)) return 1;
    return 0;
}

/* Start member `name` of an object: a comma after the previous one, the indentation, the name.  The names
 * written so far are in seen[]: a repeat is an error (a JSON object's names must be unique). */
static int member(jw_t *w, const xmlNode *at, const char **seen, int *nseen, const char *name, int depth)
{
    if (was_seen(seen, *nseen, name)) return fail_at(w, at, "two members of one name (an element the mapping does not know?)");
    if (*nseen == MAX_MEMBERS) return fail_at(w, at, "too many members");
    if (*nseen) put(w, ",");
    seen[(*nseen)++] = name;
    newline(w, depth);
    put_string(w, name);        /* element and attribute names are ASCII */
    put(w, ": ");
    return 0;
}

/* Element children only: whitespace between them is formatting; any other text is not expected. */
static int check_no_text(jw_t *w, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) continue;
        for (const xmlChar *p = c->content; p && *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return fail_at(w, e, "text where only elements belong");
    }
    return 0;
}

static int put_text_of(jw_t *w, const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return fail_at(w, e, "an element inside a text element");
    xmlChar *t = xmlNodeGetContent(e);
    int r = put_string(w, t ? (const char *)t : "");
    xmlFree(t);
    return r < 0 ? fail_at(w, e, "text that is not valid UTF-8") : 0;
}

static int put_value(jw_t *w, const xmlNode *e, int depth);

/* The array of parent's children named child, in document order ([] when none); child NULL: the
 * "content" array, each ordered child as a one-member object {"p": ...} or {"ul": ...}. */
static int put_array(jw_t *w, const xmlNode *parent, const char *child, int depth)
{
    int n = 0, r;
    put(w, "[");
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !(child ? named(c, child) : is_ordered(parent, c))) continue;
        put(w, n++ ? "," : "");
        newline(w, depth + 1);
        if (!child) {
            put(w, "{ ");
            put_string(w, (const char *)c->name);
            put(w, ": ");
        }
        if ((r = put_value(w, c, depth + 1)) < 0) return r;
        if (!child) put(w, " }");
    }
    if (n) newline(w, depth);
    put(w, "]");
    return 0;
}

static int put_object(jw_t *w, const xmlNode *e, int depth)
{
    const char *seen[MAX_MEMBERS];
    int nseen = 0, r, text = in_list(text_attr, N_OF(text_attr), e);
    put(w, "{");
    for (const xmlAttr *a = e->properties; a; a = a->next) {
        if ((r = member(w, e, seen, &nseen, (const char *)a->name, depth + 1)) < 0) return r;
        xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
        r = put_attr_value(w, e, a, v ? (const char *)v : "");
        xmlFree(v);
        if (r < 0) return r;
    }
    if (text) {
        if ((r = member(w, e, seen, &nseen, "text", depth + 1)) < 0 || (r = put_text_of(w, e)) < 0) return r;
    } else {
        if ((r = check_no_text(w, e)) < 0) return r;
        /* each member where its first element is; then the arrays that have none, empty */
        for (const xmlNode *c = e->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is_ordered(e, c)) {
                if (was_seen(seen, nseen, "content")) continue;
                if ((r = member(w, c, seen, &nseen, "content", depth + 1)) < 0 || (r = put_array(w, e, NULL, depth + 1)) < 0) return r;
            } else if (is_array(e, c)) {
                if (was_seen(seen, nseen, (const char *)c->name)) continue;
                if ((r = member(w, c, seen, &nseen, (const char *)c->name, depth + 1)) < 0) return r;
                if ((r = put_array(w, e, (const char *)c->name, depth + 1)) < 0) return r;
            } else {
                if ((r = member(w, c, seen, &nseen, (const char *)c->name, depth + 1)) < 0) return r;
                if ((r = put_value(w, c, depth + 1)) < 0) return r;
            }
        }
        for (size_t i = 0; i < N_OF(arrays); i++) {
            if (!named(e, arrays[i].parent) || was_seen(seen, nseen, arrays[i].child)) continue;
            if ((r = member(w, e, seen, &nseen, arrays[i].child, depth + 1)) < 0) return r;
            put(w, "[]");
        }
        if (has_ordered(e) && !was_seen(seen, nseen, "content")) {
            if ((r = member(w, e, seen, &nseen, "content", depth + 1)) < 0) return r;
            put(w, "[]");
        }
    }
    if (nseen) newline(w, depth);
    put(w, "}");
    return 0;
}

static int put_value(jw_t *w, const xmlNode *e, int depth)
{
    if (!in_list(text_only, N_OF(text_only), e)) return put_object(w, e, depth);
    if (e->properties) return fail_at(w, e, "an attribute on a text-only element");
    return put_text_of(w, e);
}

int json_render(xmlDocPtr report, kstring_t *out, mcrc_err_t *err)
{
    jw_t w = { out, 0, err };
    const xmlNode *root = report ? xmlDocGetRootElement(report) : NULL;
    if (!root) return mcrc_fail(err, MCRC_E_INTERNAL, "JSON view: the report tree is empty");
    int r = put_object(&w, root, 0);
    if (r < 0) return r;
    put(&w, "\n");
    if (w.bad) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    return 0;
}
