/*
 * mcrc.h - shared vocabulary of mcrc-report: version, exit codes, genome
 * builds and the status words every module speaks.
 *
 * Exit codes are part of the command-line contract (documented in the man
 * page and README); pipelines test them, so they never change meaning.
 */
#ifndef MCRC_H
#define MCRC_H

#include <stddef.h>

#ifndef MCRC_VERSION
#define MCRC_VERSION "0.1.0"
#endif

enum mcrc_exit {
    MCRC_EXIT_OK = 0,       /* report written */
    MCRC_EXIT_USAGE = 1,    /* bad command line */
    MCRC_EXIT_INPUT = 2,    /* unreadable or invalid input, build/sample problems */
    MCRC_EXIT_OUTPUT = 3,   /* the report could not be written */
    MCRC_EXIT_INTERNAL = 4  /* out of memory, broken built-in data */
};

/* Every module reports failure as a negative code of this kind plus a message. */
enum mcrc_err {
    MCRC_E_INPUT = -2,
    MCRC_E_OUTPUT = -3,
    MCRC_E_INTERNAL = -4,
    MCRC_E_USAGE = -1
};

typedef enum { BUILD_UNKNOWN = 0, BUILD_GRCH37 = 1, BUILD_GRCH38 = 2 } genome_build_t;
#define N_BUILDS 3

const char *build_name(genome_build_t b);          /* "GRCh37", "GRCh38", "unknown" */
genome_build_t build_parse(const char *s);          /* GRCh37/hg19/b37/37/hs37d5, GRCh38/hg38/38 (any case); NULL: unknown */

/* Status of one biomarker.  The words are fixed by the report schema. */
typedef enum {
    STATUS_NOT_ASSESSED = 0,
    STATUS_INDETERMINATE,
    STATUS_AMPLIFIED,
    STATUS_EQUIVOCAL,
    STATUS_NOT_AMPLIFIED,
    STATUS_MUTANT,
    STATUS_WILD_TYPE,
    STATUS_NO_MUTATION_DETECTED
} biomarker_status_t;

const char *status_word(biomarker_status_t s);
int status_parse(const char *word);   /* biomarker_status_t, or -1 */

/* A message buffer that modules fill before returning a negative code. */
#define MCRC_ERRLEN 1024
typedef struct { char msg[MCRC_ERRLEN]; } mcrc_err_t;

#if defined(__GNUC__)
#define MCRC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MCRC_PRINTF(a, b)
#endif

/* Format into err->msg and return code (so: `return mcrc_fail(err, MCRC_E_INPUT, ...)`). */
int mcrc_fail(mcrc_err_t *err, int code, const char *fmt, ...) MCRC_PRINTF(3, 4);

/* Put prefix (e.g. "FILE: line 3: ") in front of err->msg, truncating the end if need be. */
void mcrc_prefix(mcrc_err_t *err, const char *prefix);

#endif
