/*
 * annot_protein.c - an annotator's protein change in our short style.
 *
 * Design
 * ------
 * annot_protein_short() turns the annotator's protein string into p.G12D
 * style (3-letter codes to 1-letter, Ter to '*', "=" for synonymous, '='
 * decoded from %3D, transcript prefix and parentheses removed; bcftools
 * csq's "12G>12D" too).  Frameshifts keep the annotator's detail
 * (p.Gly12AlafsTer5 -> p.G12Afs*5).  The three-letter codes are read with
 * the one amino-acid table (cds_aa1, cds_model.c), the one translate.c
 * writes its names with.
 * Returns as annot_parse.h says; no globals; every allocation is checked.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_parse.h"
#include "translate.h"

static int is_aa1(char c) { return (c >= 'A' && c <= 'Z') || c == '*'; }

/* write s into out (NUL-terminated) or fail */
static int put(char *out, size_t outlen, const char *s)
{
    size_t l = strlen(s);
    if (l + 1 > outlen) { if (outlen) out[0] = 0; return ANNOT_E_TOOBIG; }
    memcpy(out, s, l + 1);
    return 0;
}

int annot_protein_short(const char *in, char *out, size_t outlen)
{
    int ret = 0;
    char *t = NULL, *r = NULL;
    if (!in || !out || !outlen) return ANNOT_E_ARG;
    size_t li = strlen(in);
    if (!li) { out[0] = 0; return 1; }
    if (!(t = malloc(li + 1)) || !(r = malloc(li + 4))) { ret = ANNOT_E_NOMEM; goto cleanup; }
    memcpy(t, in, li + 1);
    annot_url_decode(t);
    char *s = t;
    char *pp = strstr(s, ":p.");
    if (pp) s = pp + 1;
    char *slash = strchr(s, '/');            /* EFF -hgvs: "p.Gly12Asp/c.35G>A" */
    if (slash) *slash = 0;
    int had_p = !strncmp(s, "p.", 2);
    if (had_p) s += 2;
    if (*s == '(') {                         /* p.(Gly12Asp) */
        s++;
        size_t l = strlen(s);
        if (l && s[l - 1] == ')') s[l - 1] = 0;
    }
    if (!*s) { ret = 1; goto passthru; }

    /* bcftools csq: "12G>12D", "210S>210*", "60S" */
    if (!had_p && isdigit((unsigned char)s[0])) {
        char *q = s;
        long p1 = strtol(q, &q, 10);
        if (is_aa1(*q) && (q[1] == 0 || q[1] == '>')) {
            char a1 = *q, a2 = a1;
            q++;
            if (*q == '>') {
                q++;
                if (isdigit((unsigned char)*q) && strtol(q, &q, 10) != p1) { ret = 1; goto passthru; }
                if (!is_aa1(q[0]) || q[1]) { ret = 1; goto passthru; }
                a2 = q[0];
            }
            char buf[64];
            if (a1 == a2) snprintf(buf, sizeof(buf), "p.%c%ld=", a1, p1);
            else snprintf(buf, sizeof(buf), "p.%c%ld%c", a1, p1, a2);
            ret = put(out, outlen, buf);
            goto cleanup;
        }
        ret = 1;
        goto passthru;
    }

    /* general: 3-letter codes to 1-letter, keep everything else; r holds
     * "p." + at most li characters + a possible "=" + NUL = li + 4 bytes */
    size_t w = 0;
    r[w++] = 'p'; r[w++] = '.';
    for (size_t i = 0; s[i]; ) {
        char one = 0;
        if (isupper((unsigned char)s[i]) && islower((unsigned char)s[i + 1]) && s[i + 1] && islower((unsigned char)s[i + 2]) &&
            (one = cds_aa1(s + i)) != 0) {
            r[w++] = one;
            i += 3;
        } else r[w++] = s[i++];
    }
    r[w] = 0;
    /* sanity: must look like a protein change: start with a residue (or '=' / '?') */
    if (!(is_aa1(r[2]) || r[2] == '=' || r[2] == '?' || r[2] == '0')) { ret = 1; goto passthru; }
    /* X12X / X12 -> X12= */
    {
        size_t k = 3;
        while (isdigit((unsigned char)r[k])) k++;
        if (k > 3 && is_aa1(r[2])) {
            if (r[k] == 0 && !had_p) { r[k] = '='; r[k + 1] = 0; }
            else if (r[k] == r[2] && r[k + 1] == 0) r[k] = '=';
        }
    }
    ret = put(out, outlen, r);
    goto cleanup;
passthru:
    if (put(out, outlen, in) < 0) ret = ANNOT_E_TOOBIG;
cleanup:
    free(t);
    free(r);
    return ret;
}
