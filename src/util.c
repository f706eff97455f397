/* util.c - number parsing, contig-name canonicalisation and XML-safe text. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/kstring.h>
#include "mcrc.h"
#include "util.h"

int mcrc_fail(mcrc_err_t *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
    }
    return code;
}

void mcrc_prefix(mcrc_err_t *err, const char *prefix)
{
    size_t k = strlen(prefix), l = strlen(err->msg);
    if (k >= sizeof(err->msg)) k = sizeof(err->msg) - 1;
    if (k + l >= sizeof(err->msg)) l = sizeof(err->msg) - k - 1;
    memmove(err->msg + k, err->msg, l);
    memcpy(err->msg, prefix, k);
    err->msg[k + l] = 0;
}

const char *build_name(genome_build_t b)
{
    switch (b) {
    case BUILD_GRCH37: return "GRCh37";
    case BUILD_GRCH38: return "GRCh38";
    default: return "unknown";
    }
}

genome_build_t build_parse(const char *s)
{
    static const char *b37[] = { "GRCh37", "hg19", "b37", "37", "hs37d5", NULL };
    static const char *b38[] = { "GRCh38", "hg38", "38", NULL };
    if (!s) return BUILD_UNKNOWN;
    for (int i = 0; b37[i]; i++) if (!strcasecmp(s, b37[i])) return BUILD_GRCH37;
    for (int i = 0; b38[i]; i++) if (!strcasecmp(s, b38[i])) return BUILD_GRCH38;
    return BUILD_UNKNOWN;
}

const char *status_word(biomarker_status_t s)
{
    switch (s) {
    case STATUS_NOT_ASSESSED: return "not-assessed";
    case STATUS_INDETERMINATE: return "indeterminate";
    case STATUS_AMPLIFIED: return "amplified";
    case STATUS_EQUIVOCAL: return "equivocal";
    case STATUS_NOT_AMPLIFIED: return "not-amplified";
    case STATUS_MUTANT: return "mutant";
    case STATUS_WILD_TYPE: return "wild-type";
    case STATUS_NO_MUTATION_DETECTED: return "no-mutation-detected";
    }
    return "not-assessed";
}

int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = 0; f[n++] = p + 1; }
    return n;
}

int status_parse(const char *word)
{
    for (int s = STATUS_NOT_ASSESSED; s <= STATUS_NO_MUTATION_DETECTED; s++)
        if (!strcmp(word, status_word(s))) return s;
    return -1;
}

int parse_double(const char *s, double *out)
{
    if (!s || !*s || isspace((unsigned char)*s) || strpbrk(s, "xXpP")) return -1;   /* decimal only: no hex floats */
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(v)) return -1;
    *out = v;
    return 0;
}

int parse_int64(const char *s, int64_t *out)
{
    if (!s || !*s || isspace((unsigned char)*s)) return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || errno == ERANGE) return -1;
    *out = v;
    return 0;
}

int contig_canonical(const char *name, char out[8])
{
    if (!name) return -1;       /* a header may leave holes in its contig dictionary */
    const char *p = name;
    if (!strncasecmp(p, "chr", 3)) p += 3;
    else if (!strncmp(p, "CM000", 5) && isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) && isdigit((unsigned char)p[7]) && p[8] == '.') {
        /* GenBank: CM000663 (chromosome 1) to CM000686 (Y), version .1 on GRCh37 and .2 on GRCh38 */
        int n = (p[5] - '0') * 100 + (p[6] - '0') * 10 + (p[7] - '0') - 662;
        if (n >= 1 && n <= 22) { snprintf(out, 8, "%d", n); return 0; }
        if (n == 23) { strcpy(out, "X"); return 0; }
        if (n == 24) { strcpy(out, "Y"); return 0; }
        return -1;
    }
    else if (!strncmp(p, "NC_0000", 7) && isdigit((unsigned char)p[7]) && isdigit((unsigned char)p[8]) && p[9] == '.') {
        int n = (p[7] - '0') * 10 + (p[8] - '0');
        if (n >= 1 && n <= 22) { snprintf(out, 8, "%d", n); return 0; }
        if (n == 23) { strcpy(out, "X"); return 0; }
        if (n == 24) { strcpy(out, "Y"); return 0; }
        return -1;
    }
    if (!strcmp(p, "M") || !strcmp(p, "MT")) { strcpy(out, "MT"); return 0; }
    if ((p[0] == 'X' || p[0] == 'Y') && !p[1]) { out[0] = p[0]; out[1] = 0; return 0; }
    if (isdigit((unsigned char)p[0]) && p[0] != '0') {
        if (!p[1] || (isdigit((unsigned char)p[1]) && !p[2])) {
            int n = atoi(p);
            if (n >= 1 && n <= 22) { snprintf(out, 8, "%d", n); return 0; }
        }
    }
    return -1;
}

int utf8_char_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80) return c ? 1 : 0;
    int n; unsigned cp;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0; /* overlong */
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

/* Length of the valid UTF-8 sequence at s that XML 1.0 allows, or 0. */
static int xml_char_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
    int n = utf8_char_len(s);
    /* U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters */
    if (n == 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF)) return 0;
    return n;
}

void text_sanitize(const char *s, char *out, size_t n)
{
    size_t o = 0;
    if (!n) return;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        int len = xml_char_len(p);
        if (!len) { if (o + 1 >= n) break; out[o++] = '?'; p++; continue; }
        if (o + len >= n) break;
        memcpy(out + o, p, len);
        o += len; p += len;
    }
    out[o] = 0;
}

char *text_sanitize_dup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *out = malloc(n);
    if (out) text_sanitize(s, out, n);
    return out;
}

void dotted_version(int v, char out[40])
{
    snprintf(out, 40, "%d.%d.%d", v / 10000, v / 100 % 100, v % 100);
}

/* One URL part [p, e): the user-information before '@' and the query after '?' are not copied. */
static int redact_part(const char *p, const char *e, kstring_t *k)
{
    const char *sep = strstr(p, "://");
    if (!sep || sep >= e) return kputsn(p, e - p, k) < 0 ? -1 : 0;
    const char *host = sep + 3, *path = host + strcspn(host, "/?#");
    if (path > e) path = e;
    const char *at = memchr(host, '@', path - host);
    int bad = kputsn(p, host - p, k) < 0;
    if (at) { bad |= kputs("REDACTED@", k) < 0; host = at + 1; }
    const char *q = memchr(host, '?', e - host);
    bad |= kputsn(host, (q ? q : e) - host, k) < 0;
    if (q) bad |= kputs("?REDACTED", k) < 0;
    return bad ? -1 : 0;
}

char *url_redact_dup(const char *s)
{
    kstring_t k = { 0, 0, NULL };
    const char *delim = "##idx##";
    int bad = kputs("", &k) < 0;
    for (const char *p = s; !bad; ) {
        const char *m = strstr(p, delim), *e = m ? m : p + strlen(p);
        bad |= redact_part(p, e, &k) < 0;
        if (!m) break;
        bad |= kputs(delim, &k) < 0;
        p = m + strlen(delim);
    }
    if (bad) { free(k.s); return NULL; }
    return k.s;
}
