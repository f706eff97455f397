/* sha256.h - SHA-256 of inputs and data, for the report's provenance (OpenSSL's libcrypto underneath). */
#ifndef MCRC_SHA256_H
#define MCRC_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct { void *ctx; int failed; } sha256_t;

void sha256_init(sha256_t *s);
void sha256_update(sha256_t *s, const void *data, size_t n);
/* Finish the digest into 64 hex characters; returns 0, or -1 if anything failed (out says so). */
int sha256_hex(sha256_t *s, char out[65]);

/* Hash a whole file; returns 0 and sets *size, or -1 (errno set). */
int sha256_file(const char *fn, char out[65], int64_t *size);
#endif
