/* strrep.h - test helper: s with the first occurrence of from replaced by to (malloc'd); NULL if absent. */
#ifndef MCRC_TEST_STRREP_H
#define MCRC_TEST_STRREP_H
#include <stdlib.h>
#include <string.h>

static inline char *str_replace_once(const char *s, const char *from, const char *to)
{
    const char *p = s ? strstr(s, from) : NULL;
    if (!p) return NULL;
    size_t a = (size_t)(p - s), lf = strlen(from), lt = strlen(to), ls = strlen(s);
    char *r = malloc(ls - lf + lt + 1);
    if (!r) return NULL;
    memcpy(r, s, a);
    memcpy(r + a, to, lt);
    memcpy(r + a + lt, p + lf, ls - a - lf + 1);
    return r;
}
#endif
