/*
 * unit.h - minimal assertion macros for the C unit tests (tests/unit/).
 *
 * Every failed check prints one line "file:line: expression: values" to
 * stdout and is counted; a test program ends with unit_finish(), which
 * prints exactly "N passed, N failed" and returns the exit status
 * (1 if anything failed, 0 otherwise).
 */
#ifndef MCRC_UNIT_H
#define MCRC_UNIT_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define UNIT_FAILED(...) do { \
        unit_fail++; \
        printf("%s:%d: ", __FILE__, __LINE__); \
        printf(__VA_ARGS__); \
        printf("\n"); \
    } while (0)

/* a condition */
#define CHECK(c) do { \
        if (c) unit_pass++; \
        else UNIT_FAILED("CHECK(%s) is false", #c); \
    } while (0)

/* integers (any integer type, compared as long long) */
#define CHECK_INT(a, b) do { \
        long long unit_a_ = (long long)(a), unit_b_ = (long long)(b); \
        if (unit_a_ == unit_b_) unit_pass++; \
        else UNIT_FAILED("CHECK_INT(%s, %s): %lld != %lld", #a, #b, unit_a_, unit_b_); \
    } while (0)

/* doubles, within an absolute tolerance */
#define CHECK_NEAR(a, b, tol) do { \
        double unit_a_ = (double)(a), unit_b_ = (double)(b); \
        if (fabs(unit_a_ - unit_b_) <= (tol)) unit_pass++; \
        else UNIT_FAILED("CHECK_NEAR(%s, %s): %.17g != %.17g (tolerance %g)", #a, #b, unit_a_, unit_b_, (double)(tol)); \
    } while (0)

/* doubles, exactly equal */
#define CHECK_DBL(a, b) do { \
        double unit_a_ = (double)(a), unit_b_ = (double)(b); \
        if (unit_a_ == unit_b_) unit_pass++; \
        else UNIT_FAILED("CHECK_DBL(%s, %s): %.17g != %.17g", #a, #b, unit_a_, unit_b_); \
    } while (0)

/* NUL-terminated strings */
#define CHECK_STR(a, b) do { \
        const char *unit_a_ = (a), *unit_b_ = (b); \
        if (unit_a_ && unit_b_ && !strcmp(unit_a_, unit_b_)) unit_pass++; \
        else UNIT_FAILED("CHECK_STR(%s, %s): \"%s\" != \"%s\"", #a, #b, \
                         unit_a_ ? unit_a_ : "(null)", unit_b_ ? unit_b_ : "(null)"); \
    } while (0)

/* a contains b */
#define CHECK_HAS(a, b) do { \
        const char *unit_a_ = (a), *unit_b_ = (b); \
        if (unit_a_ && unit_b_ && strstr(unit_a_, unit_b_)) unit_pass++; \
        else UNIT_FAILED("CHECK_HAS(%s, %s): \"%s\" does not contain \"%s\"", #a, #b, \
                         unit_a_ ? unit_a_ : "(null)", unit_b_ ? unit_b_ : "(null)"); \
    } while (0)

/* a does not contain b */
#define CHECK_HASNT(a, b) do { \
        const char *unit_a_ = (a), *unit_b_ = (b); \
        if (unit_a_ && unit_b_ && !strstr(unit_a_, unit_b_)) unit_pass++; \
        else UNIT_FAILED("CHECK_HASNT(%s, %s): \"%s\" contains \"%s\"", #a, #b, \
                         unit_a_ ? unit_a_ : "(null)", unit_b_ ? unit_b_ : "(null)"); \
    } while (0)

static int unit_finish(void)
{
    printf("%d passed, %d failed\n", unit_pass, unit_fail);
    return unit_fail ? 1 : 0;
}

#endif
