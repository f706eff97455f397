/* util.h - small helpers shared by the modules: numbers, contig names, text safety. */
#ifndef MCRC_UTIL_H
#define MCRC_UTIL_H

#include <stdint.h>
#include "mcrc.h"

/* Split a line on tabs in place; returns the number of fields (at most max). */
int split_tabs(char *line, char **f, int max);

/* Strict number parsing: the whole string must be a finite number. 0 ok, -1 not. */
int parse_double(const char *s, double *out);
int parse_int64(const char *s, int64_t *out);

/*
 * Canonical chromosome name for matching gene models: "chr17", "Chr17", "17"
 * and the RefSeq accession "NC_000017.11" all give "17"; "chrM"/"M" give "MT".
 * Returns 0, or -1 if the name is not a human primary chromosome
 * (1-22, X, Y, MT).  Which build an accession's version belongs to is data
 * (annotations/assemblies.tsv), looked up by assembly.c.
 */
int contig_canonical(const char *name, char out[8]);

/* Length of the valid UTF-8 sequence at s (1 to 4 bytes: no overlong form, surrogate or code point past
 * U+10FFFF), or 0 for an invalid one and for the terminating NUL. */
int utf8_char_len(const unsigned char *s);

/* Copy s into a buffer of size n, replacing bytes that are not valid UTF-8 or
 * not allowed in XML 1.0 by '?', and truncating (at a character boundary). */
void text_sanitize(const char *s, char *out, size_t n);

/* Same, into a malloc'd string (NULL on allocation failure). */
char *text_sanitize_dup(const char *s);

/* A name as it may be shown in a report, a message or the recorded command line: in each URL (scheme://...;
 * each side of ##idx## alone) a user:password@ and a ?query -- where pre-signed S3, GCS and Azure URLs carry
 * their credentials -- become "REDACTED".  Other text is returned unchanged.  malloc'd; NULL when out of memory. */
char *url_redact_dup(const char *s);

/* A library version as the libraries report it at run time (libxml2's xmlParserVersion "20914",
 * libxslt's xsltLibxsltVersion 10135: major * 10000 + minor * 100 + patch) written as "2.9.14". */
void dotted_version(int v, char out[40]);

/* The little-endian 32-bit value at p (BCF records, .tbi/.csi indexes), whatever the host. */
static inline uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
