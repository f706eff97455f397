/*
 * test_json.c - unit tests of the JSON view (src/json.c, issue 16): RFC 8259 escaping of every control
 * character and of the characters that end a <script> block, arrays fixed by the table and not by the count,
 * and refusal (never a guess) of what the mapping does not know.
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
    CHECK(strstr(k.s, "\"reason\": \"\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e") != NULL);
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

int main(void)
{
    test_escapes();
    test_refusals();
    return unit_finish();
}
