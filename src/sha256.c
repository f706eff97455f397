/*
 * sha256.c - SHA-256 through OpenSSL's EVP interface.
 *
 * Every input is hashed for the provenance, so hashing sits on the hot path
 * of a run: libcrypto uses the CPU's SHA extensions where present (several
 * GB/s), where a portable implementation manages a few hundred MB/s.
 */
#include <errno.h>
#include <stdio.h>
#include <openssl/evp.h>
#include "sha256.h"

void sha256_init(sha256_t *s)
{
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    s->ctx = c;
    s->failed = !c || EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1;
}

void sha256_update(sha256_t *s, const void *data, size_t n)
{
    if (!s->failed && n && EVP_DigestUpdate(s->ctx, data, n) != 1) s->failed = 1;
}

int sha256_hex(sha256_t *s, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!s->failed && EVP_DigestFinal_ex(s->ctx, md, &n) != 1) s->failed = 1;
    EVP_MD_CTX_free(s->ctx);
    s->ctx = NULL;
    if (s->failed || n != 32) {
        snprintf(out, 65, "%064d", 0);
        return -1;
    }
    for (int i = 0; i < 32; i++) snprintf(out + 2 * i, 3, "%02x", md[i]);
    return 0;
}

int sha256_file(const char *fn, char out[65], int64_t *size)
{
    FILE *fp = fopen(fn, "rb");
    if (!fp) return -1;
    static unsigned char buf[1 << 18];
    size_t n;
    int64_t total = 0;
    sha256_t s;
    sha256_init(&s);
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) { sha256_update(&s, buf, n); total += (int64_t)n; }
    int err = ferror(fp);
    fclose(fp);
    if (sha256_hex(&s, out) != 0) { errno = ENOMEM; return -1; }
    if (err) { errno = EIO; return -1; }
    *size = total;
    return 0;
}
