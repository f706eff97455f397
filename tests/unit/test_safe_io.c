/*
 * test_safe_io.c - unit tests of issue 13's helpers: one-line names, repeated ##contig lines, the
 * listing cap (a variant past it is dropped only when a listed one bears on the status alike) and
 * atomic outputs (nothing named until commit; abort leaves nothing).
 * Build with `make unit`, run ./build/test_safe_io.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "safe_io.h"
#include "sv_cap.h"
#include "unit.h"

static void test_label(void)
{
    char out[64];
    sio_label("a\nb\tc\x01\x7f" "d", out, sizeof(out));
    CHECK_STR(out, "a\\nb\\tc\\x01\\x7Fd");
    sio_label("caf\xc3\xa9 \xff", out, sizeof(out));
    CHECK_STR(out, "caf\xc3\xa9 ?");
    sio_label(NULL, out, sizeof(out));
    CHECK_STR(out, "");
}

static void test_contigs(void)
{
    mcrc_err_t err = { "" };
    CHECK_INT(sio_header_contigs("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=10>\n##contig=<ID=chr1,length=10>\n#CHROM\n", "f", &err), 0);
    CHECK_INT(sio_header_contigs("##contig=<ID=chr1,length=10>\n##contig=<ID=chr2,length=10>\n", "f", &err), 0);
    CHECK_INT(sio_header_contigs("##contig=<ID=chr1,length=10>\n##contig=<length=11,ID=chr1>\n", "f", &err), MCRC_E_INPUT);
    CHECK(strstr(err.msg, "f: line 2: ##contig chr1 is declared again with another length (11, first 10)") != NULL);
    /* a quoted value with a comma does not end the field early */
    CHECK_INT(sio_header_contigs("##contig=<ID=c,desc=\"a,length=5\",length=10>\n##contig=<ID=c,length=10>\n", "f", &err), 0);
}

static void test_cap(void)
{
    int n = SV_LIST_CAP + 10;
    sv_variant_t *v = calloc(n + 2, sizeof(*v));
    for (int i = 0; i < SV_LIST_CAP; i++) { v[i].gene = GENE_KRAS; v[i].cls = SV_CLASS_UNCERTAIN; v[i].used = 1; }
    sv_variant_t c = v[0];
    CHECK_INT(sv_cap_keep(v, SV_LIST_CAP - 1, &c), 1);       /* under the cap: listed */
    CHECK_INT(sv_cap_keep(v, SV_LIST_CAP, &c), 0);           /* at the cap, nothing new: counted */
    c.cls = SV_CLASS_HOTSPOT;
    CHECK_INT(sv_cap_keep(v, SV_LIST_CAP, &c), 1);           /* a used hotspot: listed past the cap */
    c.used = 0; c.set_aside = 1;
    CHECK_INT(sv_cap_keep(v, SV_LIST_CAP, &c), 1);           /* a set-aside hotspot: also new */
    c = v[0]; c.gene = GENE_BRAF;
    CHECK_INT(sv_cap_keep(v, SV_LIST_CAP, &c), 1);           /* the cap is per gene */
    free(v);
}

static void test_out(void)
{
    char dir[] = "/tmp/test_safe_io.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fn[128];
    snprintf(fn, sizeof(fn), "%s/r.xml", dir);
    mcrc_err_t err = { "" };
    sio_out_t o;
    struct stat st;
    CHECK_INT(sio_out_open(&o, fn, SIO_SLOT_REPORT, &err), 0);
    CHECK(fputs("half", o.fp) >= 0);
    CHECK(stat(fn, &st) != 0);                               /* nothing named while writing */
    sio_out_abort(&o);
    CHECK(stat(fn, &st) != 0);
    CHECK_INT(sio_out_open(&o, fn, SIO_SLOT_REPORT, &err), 0);
    CHECK(fputs("one", o.fp) >= 0);
    CHECK_INT(sio_out_commit(&o, &err), 0);
    CHECK(stat(fn, &st) == 0 && st.st_size == 3);
    CHECK_INT(sio_out_open(&o, fn, SIO_SLOT_REPORT, &err), 0);  /* replace an existing file */
    CHECK(fputs("two!", o.fp) >= 0);
    CHECK(stat(fn, &st) == 0 && st.st_size == 3);            /* the old one until commit */
    CHECK_INT(sio_out_commit(&o, &err), 0);
    CHECK(stat(fn, &st) == 0 && st.st_size == 4);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "test \"$(ls -A %s)\" = r.xml", dir);
    CHECK_INT(system(cmd), 0);                               /* no temporary file left */
    unlink(fn);
    rmdir(dir);
}

/* Several outputs, all or none (issue 16): staged files are named only as far as can be undone. */
static void test_stage(void)
{
    char dir[] = "/tmp/test_safe_io.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char a[128], b[128], cmd[300];
    snprintf(a, sizeof(a), "%s/new.xml", dir);
    snprintf(b, sizeof(b), "%s/old.json", dir);
    FILE *fp = fopen(b, "w");
    CHECK(fp && fputs("old", fp) >= 0 && fclose(fp) == 0);
    mcrc_err_t err = { "" };
    sio_out_t o[2];
    struct stat st;
    /* staged, then abandoned: the new file is removed, the old one is as it was, no temporary is left */
    CHECK_INT(sio_out_open(&o[0], a, SIO_SLOT_REPORT, &err), 0);
    CHECK_INT(sio_out_open(&o[1], b, SIO_SLOT_EXTRA, &err), 0);
    CHECK(fputs("new", o[0].fp) >= 0 && fputs("newer", o[1].fp) >= 0);
    CHECK_INT(sio_out_stage(&o[0], &err), 0);
    CHECK_INT(sio_out_stage(&o[1], &err), 0);
    CHECK(o[0].created && !o[1].created && o[1].named_tmp);
    CHECK(stat(b, &st) == 0 && st.st_size == 3);                /* not replaced before publish */
    sio_out_abort(&o[0]);
    sio_out_abort(&o[1]);
    CHECK(stat(a, &st) != 0);
    CHECK(stat(b, &st) == 0 && st.st_size == 3);
    snprintf(cmd, sizeof(cmd), "test \"$(ls -A %s)\" = old.json", dir);
    CHECK_INT(system(cmd), 0);
    /* published, then abandoned (a later output failed): removed, the old contents are gone */
    CHECK_INT(sio_out_open(&o[1], b, SIO_SLOT_EXTRA, &err), 0);
    CHECK(fputs("newer", o[1].fp) >= 0);
    CHECK_INT(sio_out_stage(&o[1], &err), 0);
    CHECK_INT(sio_out_publish(&o[1], &err), 0);
    CHECK(stat(b, &st) == 0 && st.st_size == 5);
    sio_out_abort(&o[1]);
    CHECK(stat(b, &st) != 0);
    /* staged, published, done: both stay; abort after done is a no-op */
    CHECK_INT(sio_out_open(&o[0], a, SIO_SLOT_REPORT, &err), 0);
    CHECK_INT(sio_out_open(&o[1], b, SIO_SLOT_EXTRA, &err), 0);
    CHECK(fputs("new", o[0].fp) >= 0 && fputs("newer", o[1].fp) >= 0);
    for (int i = 0; i < 2; i++) CHECK_INT(sio_out_stage(&o[i], &err), 0);
    for (int i = 0; i < 2; i++) CHECK_INT(sio_out_publish(&o[i], &err), 0);
    for (int i = 0; i < 2; i++) { sio_out_done(&o[i]); sio_out_abort(&o[i]); }
    CHECK(stat(a, &st) == 0 && st.st_size == 3);
    CHECK(stat(b, &st) == 0 && st.st_size == 5);
    unlink(a);
    unlink(b);
    rmdir(dir);
}

int main(void)
{
    test_label();
    test_contigs();
    test_cap();
    test_out();
    test_stage();
    return unit_finish();
}
