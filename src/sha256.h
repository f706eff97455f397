/* sha256.h - SHA-256 (FIPS 180-4), for the input checksums in the report's provenance. */
#ifndef MCRC_SHA256_H
#define MCRC_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct { uint32_t h[8]; uint64_t len; unsigned char buf[64]; size_t nbuf; } sha256_t;

void sha256_init(sha256_t *s);
void sha256_update(sha256_t *s, const void *data, size_t n);
void sha256_hex(sha256_t *s, char out[65]);   /* finishes the digest */

/* Hash a whole file; returns 0 and sets *size, or -1 (errno set). */
int sha256_file(const char *fn, char out[65], int64_t *size);
#endif
