/*
 * test_json.c - unit tests of the JSON view (src/json.c, issue 16): RFC 8259 escaping of every control
 * character and of the characters that end a <script> block, arrays fixed by the table and not by the count,
 * refusal (never a guess) of what the mapping does not know, typed attributes (integer, number, boolean written
 * exactly as the XML text, or refused), and the table of typed attributes against schemas/report.xsd both ways.
 * Build with `make unit`, run ./build/test_json.
 */
#include <stdlib.h>
#include "json.h"
#include "unit.h"

/* A <mcrc-report> with one <biomarker> whose <reason> is text and gene attribute is attr. */
static xmlDocPtr doc_with(const char *text, const char *attr)
{
    xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "mcrc-report");
    xmlDocSetRootElement(d, root);
    xmlNodePtr b = xmlNewChild(root, NULL, BAD_CAST "biomarker", NULL);
    xmlNewProp(b, BAD_CAST "gene", BAD_CAST attr);
    xmlNodePtr r = xmlNewChild(b, NULL, BAD_CAST "reason", NULL);
    xmlAddChild(r, xmlNewText(BAD_CAST text));
    return d;
}

static int render(xmlDocPtr d, kstring_t *k)
{
    mcrc_err_t err = { "" };
    k->l = 0;
    int r = json_render(d, k, &err);
    xmlFreeDoc(d);
    return r;
}

static void test_escapes(void)
{
    char all[64];
    for (int i = 1; i < 32; i++) all[i - 1] = (char)i;
    all[31] = 0;
    kstring_t k = { 0, 0, NULL };
    CHECK_INT(render(doc_with(all, "\"\\</script>&\x7f\xe2\x80\xa8\xe2\x80\xa9\xc3\xa9"), &k), 0);
    CHECK(strstr(k.s, "\"reason\": {\n        \"text\": \"\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e") != NULL);
    CHECK(strstr(k.s, "\\u001e\\u001f\"") != NULL);
    CHECK(strstr(k.s, "\"gene\": \"\\\"\\\\\\u003c/script\\u003e\\u0026\\u007f\\u2028\\u2029\xc3\xa9\"") != NULL);
    for (size_t i = 0; i < k.l; i++) CHECK(k.s[i] == '\n' || (unsigned char)k.s[i] >= 0x20);
    /* arrays that the table names are there, empty, whether or not the tree has any */
    CHECK(strstr(k.s, "\"evidence\": []") != NULL && strstr(k.s, "\"not-listed\": []") != NULL);
    CHECK(strstr(k.s, "\"biomarker\": [\n    {") != NULL);
    CHECK(k.l && k.s[k.l - 1] == '\n');
    free(k.s);
}

static void test_refusals(void)
{
    kstring_t k = { 0, 0, NULL };
    CHECK_INT(render(doc_with("cut \xe2\x80", "KRAS"), &k), MCRC_E_INTERNAL);          /* invalid UTF-8 */
    CHECK_INT(render(doc_with("overlong \xc0\xaf", "KRAS"), &k), MCRC_E_INTERNAL);
    CHECK_INT(render(doc_with("ok", "surrogate \xed\xa0\x80"), &k), MCRC_E_INTERNAL);
    /* a single child twice: a new element the mapping does not know is never shaped by its count */
    xmlDocPtr d = doc_with("ok", "KRAS");
    xmlNodePtr b = xmlDocGetRootElement(d)->children;
    xmlNewChild(b, NULL, BAD_CAST "gene-span", NULL);
    xmlNewChild(b, NULL, BAD_CAST "gene-span", NULL);
    CHECK_INT(render(d, &k), MCRC_E_INTERNAL);
    /* an attribute and a child of one name */
    d = doc_with("ok", "KRAS");
    xmlNewProp(xmlDocGetRootElement(d)->children, BAD_CAST "reason", BAD_CAST "x");
    CHECK_INT(render(d, &k), MCRC_E_INTERNAL);
    /* text where elements belong; an element inside a text element */
    d = doc_with("ok", "KRAS");
    xmlAddChild(xmlDocGetRootElement(d), xmlNewText(BAD_CAST "stray"));
    CHECK_INT(render(d, &k), MCRC_E_INTERNAL);
    d = doc_with("ok", "KRAS");
    xmlNewChild(xmlDocGetRootElement(d)->children->children, NULL, BAD_CAST "b", NULL);
    CHECK_INT(render(d, &k), MCRC_E_INTERNAL);
    free(k.s);
}

/* A report whose first <biomarker> has a <gene-span> with attribute name=value. */
static xmlDocPtr doc_attr(const char *elem, const char *name, const char *value)
{
    xmlDocPtr d = doc_with("ok", "KRAS");
    xmlNodePtr e = xmlNewChild(xmlDocGetRootElement(d)->children, NULL, BAD_CAST elem, NULL);
    xmlNewProp(e, BAD_CAST name, BAD_CAST value);
    return d;
}

static void test_typed(void)
{
    kstring_t k = { 0, 0, NULL };
    /* the digits as they are, never reformatted */
    static const char *const numbers[] = { "0", "-0", "2", "-3.5", "0.314815", "1e-05", "1.5E+300", "2.25e2", "100000" };
    for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
        char want[64];
        snprintf(want, sizeof(want), "\"min\": %s\n", numbers[i]);
        CHECK_INT(render(doc_attr("copy-number", "min", numbers[i]), &k), 0);
        CHECK(strstr(k.s, want) != NULL);
    }
    CHECK_INT(render(doc_attr("gene-span", "start", "39687914"), &k), 0);
    CHECK(strstr(k.s, "\"start\": 39687914\n") != NULL);
    CHECK_INT(render(doc_attr("gene-span", "start", "-12"), &k), 0);
    CHECK_INT(render(doc_attr("hotspot", "covered", "true"), &k), 0);
    CHECK(strstr(k.s, "\"covered\": true\n") != NULL);
    CHECK_INT(render(doc_attr("hotspot", "covered", "false"), &k), 0);
    CHECK(strstr(k.s, "\"covered\": false\n") != NULL);
    /* an attribute the table does not name stays a string, digits or not */
    CHECK_INT(render(doc_attr("gene-span", "chrom", "17"), &k), 0);
    CHECK(strstr(k.s, "\"chrom\": \"17\"") != NULL);
    /* not a JSON number of its kind, or beyond a double: refused, not guessed */
    static const char *const bad_numbers[] = { "", "+1", "INF", "-INF", "NaN", "nan", "inf", "1e400", "-1e400",
                                               "1e-400", "01", ".5", "5.", "1e", "1e+", "0x10", " 1", "1 ", "1,5", "--1" };
    for (size_t i = 0; i < sizeof(bad_numbers) / sizeof(bad_numbers[0]); i++)
        CHECK_INT(render(doc_attr("copy-number", "min", bad_numbers[i]), &k), MCRC_E_INTERNAL);
    static const char *const bad_integers[] = { "1.0", "1e3", "+5", "007", "", "12a", "-" };
    for (size_t i = 0; i < sizeof(bad_integers) / sizeof(bad_integers[0]); i++)
        CHECK_INT(render(doc_attr("gene-span", "start", bad_integers[i]), &k), MCRC_E_INTERNAL);
    static const char *const bad_booleans[] = { "1", "0", "TRUE", "yes", "" };
    for (size_t i = 0; i < sizeof(bad_booleans) / sizeof(bad_booleans[0]); i++)
        CHECK_INT(render(doc_attr("hotspot", "covered", bad_booleans[i]), &k), MCRC_E_INTERNAL);
    /* <reason> is an object whether or not it has a code */
    xmlDocPtr d = doc_with("why", "KRAS");
    xmlNewProp(xmlDocGetRootElement(d)->children->children, BAD_CAST "code", BAD_CAST "erbb2-amp-whole");
    CHECK_INT(render(d, &k), 0);
    CHECK(strstr(k.s, "\"reason\": {\n        \"code\": \"erbb2-amp-whole\",\n        \"text\": \"why\"\n      }") != NULL);
    CHECK_INT(render(doc_with("why", "KRAS"), &k), 0);
    CHECK(strstr(k.s, "\"reason\": {\n        \"text\": \"why\"\n      }") != NULL);
    free(k.s);
}

/* ---- the table of typed attributes against schemas/report.xsd, both ways ---- */

#define XS "http://www.w3.org/2001/XMLSchema"

static int xs_named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, XS) && !strcmp((const char *)n->name, name);
}

static int prop_is(const xmlNode *n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    int r = v && !strcmp((const char *)v, value);
    xmlFree(v);
    return r;
}

/* the named xs:simpleType or xs:complexType `name` at the top of the schema */
static const xmlNode *top_type(const xmlNode *schema, const char *kind, const char *name)
{
    for (const xmlNode *c = schema->children; c; c = c->next)
        if (xs_named(c, kind) && prop_is(c, "name", name)) return c;
    return NULL;
}

static json_kind_t builtin_kind(const char *t)
{
    static const char *const ints[] = { "xs:integer", "xs:int", "xs:long", "xs:short", "xs:byte", "xs:nonNegativeInteger",
        "xs:positiveInteger", "xs:nonPositiveInteger", "xs:negativeInteger", "xs:unsignedLong", "xs:unsignedInt",
        "xs:unsignedShort", "xs:unsignedByte" };
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
        if (!strcmp(t, ints[i])) return JSON_INTEGER;
    if (!strcmp(t, "xs:double") || !strcmp(t, "xs:decimal") || !strcmp(t, "xs:float")) return JSON_NUMBER;
    if (!strcmp(t, "xs:boolean")) return JSON_BOOLEAN;
    return JSON_STRING;
}

/* the JSON kind of an xs:simpleType: its base's, or boolean for an enumeration of exactly "true" and "false" */
static json_kind_t simple_kind(const xmlNode *schema, const xmlNode *st);

static json_kind_t type_kind(const xmlNode *schema, const char *t)
{
    const xmlNode *st = top_type(schema, "simpleType", t);
    return st ? simple_kind(schema, st) : builtin_kind(t);
}

static json_kind_t simple_kind(const xmlNode *schema, const xmlNode *st)
{
    for (const xmlNode *r = st->children; r; r = r->next) {
        if (!xs_named(r, "restriction")) continue;
        int n = 0, tf = 0;
        for (const xmlNode *e = r->children; e; e = e->next)
            if (xs_named(e, "enumeration")) { n++; tf += prop_is(e, "value", "true") || prop_is(e, "value", "false"); }
        if (n == 2 && tf == 2) return JSON_BOOLEAN;
        xmlChar *base = xmlGetProp(r, BAD_CAST "base");
        json_kind_t k = base ? type_kind(schema, (const char *)base) : JSON_STRING;
        xmlFree(base);
        return k;
    }
    return JSON_STRING;
}

static json_kind_t attr_kind(const xmlNode *schema, const xmlNode *a)
{
    xmlChar *t = xmlGetProp(a, BAD_CAST "type");
    json_kind_t k = JSON_STRING;
    if (t) k = type_kind(schema, (const char *)t);
    else
        for (const xmlNode *c = a->children; c; c = c->next)
            if (xs_named(c, "simpleType")) k = simple_kind(schema, c);
    xmlFree(t);
    return k;
}

static size_t n_checked;
static int table_seen[256];

/* the attribute a of element `owner`: the table must give it the XSD's kind */
static void check_attr(const char *owner, const xmlNode *a, json_kind_t want)
{
    xmlChar *name = xmlGetProp(a, BAD_CAST "name");
    json_kind_t got = json_attr_kind(owner, (const char *)name);
    if (got != want) UNIT_FAILED("report.xsd: <%s %s>: JSON kind %d in src/json.c's table, %d by its XSD type", owner, (const char *)name, (int)got, (int)want);
    else unit_pass++;
    size_t n;
    const json_typed_attr_t *t = json_typed_attrs(&n);
    for (size_t i = 0; i < n && i < 256; i++)
        if (!strcmp(t[i].element, owner) && !strcmp(t[i].attribute, (const char *)name)) table_seen[i] = 1;
    n_checked++;
    xmlFree(name);
}

static void walk_attrs(const xmlNode *schema, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xs_named(c, "attribute")) {
            json_kind_t k = attr_kind(schema, c);
            /* the owner: the complexType's element, or every element of that named type */
            const xmlNode *ct = c->parent;
            while (ct && !xs_named(ct, "complexType")) ct = ct->parent;
            if (!ct) continue;
            xmlChar *tname = xmlGetProp(ct, BAD_CAST "name");
            if (!tname) {
                xmlChar *owner = xmlGetProp(ct->parent, BAD_CAST "name");
                if (owner) check_attr((const char *)owner, c, k);
                xmlFree(owner);
            } else {
                for (const xmlNode *e = xmlDocGetRootElement(schema->doc); e; ) {
                    if (xs_named(e, "element") && prop_is(e, "type", (const char *)tname)) {
                        xmlChar *owner = xmlGetProp(e, BAD_CAST "name");
                        check_attr((const char *)owner, c, k);
                        xmlFree(owner);
                    }
                    /* depth first through the whole schema */
                    if (e->children) e = e->children;
                    else {
                        while (e && !e->next) e = e->parent;
                        if (e) e = e->next;
                    }
                }
            }
            xmlFree(tname);
        }
        walk_attrs(schema, c);
    }
}

static void test_table_matches_xsd(void)
{
    xmlDocPtr d = xmlReadFile("schemas/report.xsd", NULL, XML_PARSE_NONET);
    CHECK(d != NULL);
    if (!d) return;
    const xmlNode *schema = xmlDocGetRootElement(d);
    walk_attrs(schema, schema);
    CHECK(n_checked > 100);             /* the walk found the report's attributes */
    size_t n;
    const json_typed_attr_t *t = json_typed_attrs(&n);
    CHECK(n <= 256);
    for (size_t i = 0; i < n && i < 256; i++)
        if (!table_seen[i]) UNIT_FAILED("src/json.c's table: <%s %s> is not an attribute of that element in report.xsd", t[i].element, t[i].attribute);
        else unit_pass++;
    xmlFreeDoc(d);
}

int main(void)
{
    test_escapes();
    test_refusals();
    test_typed();
    test_table_matches_xsd();
    return unit_finish();
}
