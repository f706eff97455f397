/*
 * fuzz_annot.c - libFuzzer target: annotation parsing.  The first line of the input is a header
 * Description (VEP "Format: a|b|..." or SnpEff/BCSQ), the rest an INFO value for ALT T over REF C.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "annot_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *value = strchr(buf, '\n');
    if (value) *value++ = 0;
    else value = "";
    annot_format_t fmt;
    annot_format_init(&fmt);
    if (annot_format_parse(buf, &fmt) == 0) {
        const char *alts[] = { "T", "CA" };
        annot_allele_t al = { "C", alts, 2, 0 };
        annot_list_t l;
        mcrc_err_t err;
        annot_list_init(&l);
        if (annot_parse(&fmt, value, &al, &l, &err) > 0) {
            annot_choice_t why;
            annot_choose(&l, NULL, "KRAS", &why);
        }
        annot_list_destroy(&l);
    }
    char out[64];
    annot_protein_short(value, out, sizeof(out));
    free(buf);
    return 0;
}
