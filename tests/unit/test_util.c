/*
 * test_util.c - unit tests of the helpers: number parsing, contig names,
 * XML-safe text, build names, status words, SHA-256 and error messages.
 * Build with `make unit`, run ./build/test_util.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mcrc.h"
#include "sha256.h"
#include "util.h"
#include "unit.h"

static void test_parse_double(void)
{
    double v;
    v = -1; CHECK_INT(parse_double("6", &v), 0); CHECK_DBL(v, 6);
    v = 0; CHECK_INT(parse_double("-3.5", &v), 0); CHECK_DBL(v, -3.5);
    v = 0; CHECK_INT(parse_double("1e3", &v), 0); CHECK_DBL(v, 1000);
    v = -1; CHECK_INT(parse_double("0", &v), 0); CHECK_DBL(v, 0);
    v = 0; CHECK_INT(parse_double("0.25", &v), 0); CHECK_DBL(v, 0.25);

    /* rejected, and *out left alone */
    static const char *bad[] = { "", " 6", "6 ", "6x", "x6", "nan", "NaN", "inf", "-inf", "Infinity",
                                 "1e999", "-1e999", ".", "-", "e3", "6,5", NULL };
    for (int i = 0; bad[i]; i++) {
        v = 42;
        int r = parse_double(bad[i], &v);
        if (r != -1) UNIT_FAILED("parse_double(\"%s\") returned %d, expected -1", bad[i], r);
        else unit_pass++;
        CHECK_DBL(v, 42);
    }
    v = 42;
    CHECK_INT(parse_double(NULL, &v), -1);
    CHECK_DBL(v, 42);
}

static void test_parse_int64(void)
{
    int64_t v;
    v = -1; CHECK_INT(parse_int64("6", &v), 0); CHECK_INT(v, 6);
    v = 0; CHECK_INT(parse_int64("-3", &v), 0); CHECK_INT(v, -3);
    v = -1; CHECK_INT(parse_int64("0", &v), 0); CHECK_INT(v, 0);
    v = 0; CHECK_INT(parse_int64("83257441", &v), 0); CHECK_INT(v, 83257441);
    v = 0; CHECK_INT(parse_int64("9223372036854775807", &v), 0); CHECK(v == INT64_MAX);
    v = 0; CHECK_INT(parse_int64("-9223372036854775808", &v), 0); CHECK(v == INT64_MIN);

    /* an integer parser: the decimal forms parse_double takes are refused */
    static const char *bad[] = { "", " 6", "6 ", "6x", "nan", "inf", "1e999", "-3.5", "1e3", "6.0",
                                 "9223372036854775808", "-9223372036854775809", "-", ".", NULL };
    for (int i = 0; bad[i]; i++) {
        v = 42;
        int r = parse_int64(bad[i], &v);
        if (r != -1) UNIT_FAILED("parse_int64(\"%s\") returned %d, expected -1", bad[i], r);
        else unit_pass++;
        CHECK_INT(v, 42);
    }
    v = 42;
    CHECK_INT(parse_int64(NULL, &v), -1);
    CHECK_INT(v, 42);
}

static void canon_ok(const char *in, const char *want, int line)
{
    char out[8] = "unset";
    int r = contig_canonical(in, out);
    if (r != 0 || strcmp(out, want)) {
        unit_fail++;
        printf("%s:%d: contig_canonical(\"%s\"): returned %d, \"%s\"; expected 0, \"%s\"\n", __FILE__, line, in, r, out, want);
    } else unit_pass++;
}

static void canon_bad(const char *in, int line)
{
    char out[8] = "unset";
    int r = contig_canonical(in, out);
    if (r != -1) {
        unit_fail++;
        printf("%s:%d: contig_canonical(\"%s\"): returned %d (\"%s\"), expected -1\n", __FILE__, line, in, r, out);
    } else unit_pass++;
}

static void test_contig_canonical(void)
{
    canon_ok("chr17", "17", __LINE__);
    canon_ok("Chr17", "17", __LINE__);
    canon_ok("CHR17", "17", __LINE__);
    canon_ok("17", "17", __LINE__);
    canon_ok("NC_000017.11", "17", __LINE__);
    canon_ok("NC_000017.10", "17", __LINE__);
    canon_ok("chr1", "1", __LINE__);
    canon_ok("1", "1", __LINE__);
    canon_ok("chr22", "22", __LINE__);
    canon_ok("NC_000001.11", "1", __LINE__);
    canon_ok("chrM", "MT", __LINE__);
    canon_ok("MT", "MT", __LINE__);
    canon_ok("M", "MT", __LINE__);
    canon_ok("chrMT", "MT", __LINE__);
    canon_ok("chrX", "X", __LINE__);
    canon_ok("X", "X", __LINE__);
    canon_ok("chrY", "Y", __LINE__);
    canon_ok("NC_000023.11", "X", __LINE__);
    canon_ok("NC_000024.10", "Y", __LINE__);
    canon_ok("CM000679.2", "17", __LINE__);      /* GenBank, GRCh38 */
    canon_ok("CM000679.1", "17", __LINE__);      /* GenBank, GRCh37 */
    canon_ok("CM000663.2", "1", __LINE__);
    canon_ok("CM000674.2", "12", __LINE__);
    canon_ok("CM000685.2", "X", __LINE__);
    canon_ok("CM000686.2", "Y", __LINE__);

    canon_bad("chr17_gl000205_random", __LINE__);
    canon_bad("chr17_KI270729v1_random", __LINE__);
    canon_bad("chrUn", __LINE__);
    canon_bad("chrUn_gl000220", __LINE__);
    canon_bad("0", __LINE__);
    canon_bad("chr0", __LINE__);
    canon_bad("01", __LINE__);
    canon_bad("23", __LINE__);
    canon_bad("100", __LINE__);
    canon_bad("CM000662.2", __LINE__);
    canon_bad("CM000687.2", __LINE__);
    canon_bad("CM000679", __LINE__);
    canon_bad("q", __LINE__);
    canon_bad("", __LINE__);
    canon_bad("chr", __LINE__);
    canon_bad("17 ", __LINE__);
    canon_bad("XY", __LINE__);
    canon_bad("NC_000025.1", __LINE__);
    canon_bad("NC_000000.1", __LINE__);
    canon_bad("NC_000017", __LINE__);
    canon_bad("NT_113889.1", __LINE__);
    canon_bad("HLA-A*01:01:01:01", __LINE__);
}

/* text_sanitize into a buffer of size n; the bytes after the terminator are checked untouched */
static void sanitize_is(const char *in, size_t n, const char *want, int line)
{
    char buf[64];
    memset(buf, 'Z', sizeof(buf));
    text_sanitize(in, buf, n);
    size_t wl = strlen(want);
    int ok = wl < n && !memcmp(buf, want, wl + 1);
    for (size_t i = n; i < sizeof(buf); i++) if (buf[i] != 'Z') ok = 0;   /* nothing written past n */
    if (ok) { unit_pass++; return; }
    unit_fail++;
    printf("%s:%d: text_sanitize(n=%zu): got \"", __FILE__, line, n);
    for (size_t i = 0; i < n && i < sizeof(buf) && buf[i]; i++)
        printf((unsigned char)buf[i] < 0x20 || (unsigned char)buf[i] >= 0x7f ? "\\x%02x" : "%c", (unsigned char)buf[i]);
    printf("\", expected \"");
    for (size_t i = 0; want[i]; i++)
        printf((unsigned char)want[i] < 0x20 || (unsigned char)want[i] >= 0x7f ? "\\x%02x" : "%c", (unsigned char)want[i]);
    printf("\"\n");
}

/* is s valid UTF-8 without any C0 control other than tab/newline/CR? */
static int valid_xml_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!n) return 0;
        if (n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 0;
        for (int i = 1; i < n; i++) if ((p[i] & 0xC0) != 0x80) return 0;
        p += n;
    }
    return 1;
}

static void test_text_sanitize(void)
{
    const char *e_acute = "\xc3\xa9";                 /* é, 2 bytes */
    const char *euro = "\xe2\x82\xac";                /* €, 3 bytes */
    const char *emoji = "\xf0\x9f\x98\x80";           /* U+1F600, 4 bytes */

    sanitize_is("ERBB2", 64, "ERBB2", __LINE__);
    sanitize_is("", 64, "", __LINE__);
    sanitize_is(NULL, 64, "", __LINE__);
    sanitize_is("caf\xc3\xa9", 64, "caf\xc3\xa9", __LINE__);
    sanitize_is("a\xe2\x82\xac" "b", 64, "a\xe2\x82\xac" "b", __LINE__);
    sanitize_is("x\xf0\x9f\x98\x80y", 64, "x\xf0\x9f\x98\x80y", __LINE__);
    sanitize_is("tab\there\nnl\rcr", 64, "tab\there\nnl\rcr", __LINE__);
    (void)e_acute; (void)euro; (void)emoji;

    /* invalid bytes and characters XML 1.0 forbids become '?' */
    sanitize_is("a\xff" "b", 64, "a?b", __LINE__);
    sanitize_is("a\xfe" "b", 64, "a?b", __LINE__);
    sanitize_is("a\xc0\xaf" "b", 64, "a??b", __LINE__);          /* overlong '/' */
    sanitize_is("a\xe0\x80\xaf" "b", 64, "a???b", __LINE__);     /* overlong, 3 bytes */
    sanitize_is("a\x80" "b", 64, "a?b", __LINE__);               /* lone continuation */
    sanitize_is("a\xed\xa0\x80" "b", 64, "a???b", __LINE__);     /* UTF-16 surrogate D800 */
    sanitize_is("a\x01" "b", 64, "a?b", __LINE__);               /* control */
    sanitize_is("a\x1b[0m", 64, "a?[0m", __LINE__);             /* escape */
    sanitize_is("a\xc3" "b", 64, "a?b", __LINE__);               /* truncated sequence */
    sanitize_is("a\xe2\x82", 64, "a??", __LINE__);               /* truncated at the end */
    sanitize_is("a\xef\xbf\xbe" "b", 64, "a???b", __LINE__);     /* U+FFFE */
    sanitize_is("a\xf4\x90\x80\x80" "b", 64, "a????b", __LINE__); /* above U+10FFFF */

    /* truncation: at a character boundary, always terminated, never beyond n */
    sanitize_is("abcdef", 4, "abc", __LINE__);
    sanitize_is("abcdef", 1, "", __LINE__);
    sanitize_is("a\xc3\xa9", 3, "a", __LINE__);                  /* é does not fit */
    sanitize_is("a\xc3\xa9", 4, "a\xc3\xa9", __LINE__);
    sanitize_is("\xe2\x82\xac", 3, "", __LINE__);
    sanitize_is("\xe2\x82\xac", 4, "\xe2\x82\xac", __LINE__);
    sanitize_is("\xf0\x9f\x98\x80", 4, "", __LINE__);
    sanitize_is("\xf0\x9f\x98\x80", 5, "\xf0\x9f\x98\x80", __LINE__);
    sanitize_is("ab\xf0\x9f\x98\x80", 5, "ab", __LINE__);
    sanitize_is("ab\xff\xff", 3, "ab", __LINE__);
    sanitize_is("ab\xff\xff", 4, "ab?", __LINE__);

    /* n = 0 writes nothing at all */
    {
        char buf[4] = "xyz";
        text_sanitize("abc", buf, 0);
        CHECK_STR(buf, "xyz");
    }

    /* every cut of a mixed string is valid UTF-8 and a prefix of the whole */
    {
        const char *mixed = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "a\xff\xc3\xa9";
        char whole[64], part[64];
        text_sanitize(mixed, whole, sizeof(whole));
        CHECK_STR(whole, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "a?\xc3\xa9");
        for (size_t n = 1; n <= strlen(whole) + 1; n++) {
            memset(part, 'Z', sizeof(part));
            text_sanitize(mixed, part, n);
            size_t l = strnlen(part, n);
            if (l >= n) { UNIT_FAILED("text_sanitize(n=%zu) not terminated", n); continue; }
            if (!valid_xml_utf8(part)) UNIT_FAILED("text_sanitize(n=%zu) split a character", n);
            else if (strncmp(part, whole, l)) UNIT_FAILED("text_sanitize(n=%zu) is not a prefix", n);
            else unit_pass++;
        }
    }

    /* the malloc'd variant */
    {
        char *d = text_sanitize_dup("x\xff\xc3\xa9y");
        CHECK(d != NULL);
        if (d) CHECK_STR(d, "x?\xc3\xa9y");
        free(d);
        d = text_sanitize_dup(NULL);
        CHECK(d != NULL);
        if (d) CHECK_STR(d, "");
        free(d);
    }
}

static void test_builds(void)
{
    CHECK_INT(build_parse("GRCh37"), BUILD_GRCH37);
    CHECK_INT(build_parse("grch37"), BUILD_GRCH37);
    CHECK_INT(build_parse("hg19"), BUILD_GRCH37);
    CHECK_INT(build_parse("HG19"), BUILD_GRCH37);
    CHECK_INT(build_parse("b37"), BUILD_GRCH37);
    CHECK_INT(build_parse("37"), BUILD_GRCH37);
    CHECK_INT(build_parse("hs37d5"), BUILD_GRCH37);
    CHECK_INT(build_parse("GRCh38"), BUILD_GRCH38);
    CHECK_INT(build_parse("GRCH38"), BUILD_GRCH38);
    CHECK_INT(build_parse("hg38"), BUILD_GRCH38);
    CHECK_INT(build_parse("38"), BUILD_GRCH38);
    CHECK_INT(build_parse(""), BUILD_UNKNOWN);
    CHECK_INT(build_parse("hg18"), BUILD_UNKNOWN);
    CHECK_INT(build_parse("NCBI36"), BUILD_UNKNOWN);
    CHECK_INT(build_parse("GRCh39"), BUILD_UNKNOWN);
    CHECK_INT(build_parse("GRCh38 "), BUILD_UNKNOWN);
    CHECK_INT(build_parse("T2T-CHM13"), BUILD_UNKNOWN);
    CHECK_INT(build_parse("unsupported"), BUILD_UNKNOWN);

    CHECK_STR(build_name(BUILD_GRCH37), "GRCh37");
    CHECK_STR(build_name(BUILD_GRCH38), "GRCh38");
    CHECK_STR(build_name(BUILD_UNKNOWN), "unknown");
    /* round trip */
    CHECK_INT(build_parse(build_name(BUILD_GRCH37)), BUILD_GRCH37);
    CHECK_INT(build_parse(build_name(BUILD_GRCH38)), BUILD_GRCH38);
}

static void test_status_word(void)
{
    CHECK_STR(status_word(STATUS_NOT_ASSESSED), "not-assessed");
    CHECK_STR(status_word(STATUS_INDETERMINATE), "indeterminate");
    CHECK_STR(status_word(STATUS_AMPLIFIED), "amplified");
    CHECK_STR(status_word(STATUS_EQUIVOCAL), "equivocal");
    CHECK_STR(status_word(STATUS_NOT_AMPLIFIED), "not-amplified");
    CHECK_STR(status_word(STATUS_MUTANT), "mutant");
    CHECK_STR(status_word(STATUS_WILD_TYPE), "wild-type");
    CHECK_STR(status_word(STATUS_NO_MUTATION_DETECTED), "no-mutation-detected");
    /* the words are distinct */
    for (int a = STATUS_NOT_ASSESSED; a <= STATUS_NO_MUTATION_DETECTED; a++)
        for (int b = a + 1; b <= STATUS_NO_MUTATION_DETECTED; b++)
            if (!strcmp(status_word((biomarker_status_t)a), status_word((biomarker_status_t)b)))
                UNIT_FAILED("status_word(%d) == status_word(%d) == \"%s\"", a, b, status_word((biomarker_status_t)a));
            else unit_pass++;
}

static void sha_of(const void *data, size_t n, char out[65])
{
    sha256_t s;
    sha256_init(&s);
    sha256_update(&s, data, n);
    sha256_hex(&s, out);
}

static void test_sha256(void)
{
    char hex[65];
    sha_of("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha_of("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* FIPS 180-2 two-block message (56 bytes: padding spills into a second block) */
    {
        const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        sha_of(m, strlen(m), hex);
        CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    size_t big = 1000000;
    unsigned char *a = malloc(big);
    CHECK(a != NULL);
    if (!a) return;
    memset(a, 'a', big);
    sha_of(a, big, hex);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

    /* incremental update in odd-sized chunks (and empty updates) gives the same digest */
    static const size_t chunks[] = { 1, 63, 0, 64, 65, 7, 127, 3, 1000, 55, 56, 57, 4093 };
    for (int round = 0; round < 2; round++) {
        sha256_t s;
        sha256_init(&s);
        size_t off = 0, k = 0;
        while (off < big) {
            size_t c = chunks[(k++ + round) % (sizeof(chunks) / sizeof(chunks[0]))];
            if (c > big - off) c = big - off;
            sha256_update(&s, a + off, c);
            off += c;
        }
        sha256_hex(&s, hex);
        CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    /* byte by byte, on a shorter input whose length crosses the 55/56/64 padding boundaries */
    for (size_t len = 50; len <= 130; len++) {
        char one[65], inc[65];
        sha_of(a, len, one);
        sha256_t s;
        sha256_init(&s);
        for (size_t i = 0; i < len; i++) sha256_update(&s, a + i, 1);
        sha256_hex(&s, inc);
        if (strcmp(one, inc)) UNIT_FAILED("sha256 of %zu bytes: one call %s, byte by byte %s", len, one, inc);
        else unit_pass++;
    }

    /* sha256_file on a temporary file holding "abc" */
    {
        char fn[] = "/tmp/mcrc-unit-sha-XXXXXX";
        int fd = mkstemp(fn);
        CHECK(fd >= 0);
        if (fd >= 0) {
            CHECK_INT(write(fd, "abc", 3), 3);
            close(fd);
            int64_t size = -1;
            CHECK_INT(sha256_file(fn, hex, &size), 0);
            CHECK_INT(size, 3);
            CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            unlink(fn);
            CHECK_INT(sha256_file(fn, hex, &size), -1);   /* gone */
        }
    }
    free(a);
}

static void test_errors(void)
{
    mcrc_err_t err;
    memset(&err, 0, sizeof(err));
    CHECK_INT(mcrc_fail(&err, MCRC_E_INPUT, "bad value %d in %s", 7, "CN"), MCRC_E_INPUT);
    CHECK_STR(err.msg, "bad value 7 in CN");
    CHECK_INT(mcrc_fail(NULL, MCRC_E_INTERNAL, "nowhere"), MCRC_E_INTERNAL);

    mcrc_prefix(&err, "a.vcf: line 3: ");
    CHECK_STR(err.msg, "a.vcf: line 3: bad value 7 in CN");

    /* empty message, empty prefix */
    err.msg[0] = 0;
    mcrc_prefix(&err, "P: ");
    CHECK_STR(err.msg, "P: ");
    mcrc_prefix(&err, "");
    CHECK_STR(err.msg, "P: ");

    /* a full message: the end is cut, the prefix kept, the result terminated */
    memset(err.msg, 'm', sizeof(err.msg) - 1);
    err.msg[sizeof(err.msg) - 1] = 0;
    mcrc_prefix(&err, "FILE: ");
    CHECK_INT(strlen(err.msg), sizeof(err.msg) - 1);
    CHECK(!strncmp(err.msg, "FILE: mmm", 9));
    CHECK(err.msg[sizeof(err.msg) - 2] == 'm');

    /* a message formatted past the buffer is truncated by mcrc_fail */
    {
        char longarg[3000];
        memset(longarg, 'x', sizeof(longarg) - 1);
        longarg[sizeof(longarg) - 1] = 0;
        mcrc_fail(&err, MCRC_E_INPUT, "%s", longarg);
        CHECK_INT(strlen(err.msg), sizeof(err.msg) - 1);
        mcrc_prefix(&err, "F: ");
        CHECK_INT(strlen(err.msg), sizeof(err.msg) - 1);
        CHECK(!strncmp(err.msg, "F: xxx", 6));
    }

    /* a prefix longer than the buffer: cut to fit, terminated */
    {
        char longp[2000];
        memset(longp, 'p', sizeof(longp) - 1);
        longp[sizeof(longp) - 1] = 0;
        strcpy(err.msg, "tail");
        mcrc_prefix(&err, longp);
        CHECK_INT(strlen(err.msg), sizeof(err.msg) - 1);
        CHECK(err.msg[0] == 'p' && err.msg[sizeof(err.msg) - 2] == 'p');
        CHECK_HASNT(err.msg, "tail");
    }
    /* a prefix of exactly the buffer size minus one */
    {
        char p[MCRC_ERRLEN];
        memset(p, 'q', sizeof(p) - 1);
        p[sizeof(p) - 1] = 0;
        strcpy(err.msg, "tail");
        mcrc_prefix(&err, p);
        CHECK_INT(strlen(err.msg), sizeof(err.msg) - 1);
        CHECK_HASNT(err.msg, "tail");
    }
}

/* url_redact_dup: credentials out of every URL part, other names unchanged */
static void check_redact(const char *in, const char *want)
{
    char *got = url_redact_dup(in);
    CHECK_STR(got, want);
    free(got);
}

static void test_url_redact(void)
{
    check_redact("tumour.vcf.gz", "tumour.vcf.gz");
    check_redact("dir/a?b.vcf", "dir/a?b.vcf");                  /* a local name with '?' is not a URL */
    check_redact("https://host/x.vcf.gz", "https://host/x.vcf.gz");
    check_redact("https://host/x.vcf.gz?X-Amz-Signature=abc&t=1", "https://host/x.vcf.gz?REDACTED");
    check_redact("https://user:pw@host:8080/x.vcf.gz", "https://REDACTED@host:8080/x.vcf.gz");
    check_redact("s3://key:secret@bucket/x.bcf?versionId=2", "s3://REDACTED@bucket/x.bcf?REDACTED");
    check_redact("https://host/a@b/x.vcf", "https://host/a@b/x.vcf");   /* '@' in the path is not user information */
    check_redact("https://host/x.vcf.gz?sig=1##idx##https://host/x.tbi?sig=2",
                 "https://host/x.vcf.gz?REDACTED##idx##https://host/x.tbi?REDACTED");
    check_redact("x.vcf.gz##idx##/data/x.csi", "x.vcf.gz##idx##/data/x.csi");
    check_redact("", "");
}

int main(void)
{
    test_url_redact();
    test_parse_double();
    test_parse_int64();
    test_contig_canonical();
    test_text_sanitize();
    test_builds();
    test_status_word();
    test_sha256();
    test_errors();
    return unit_finish();
}
