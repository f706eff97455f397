/*
 * fuzz_index.c - libFuzzer target: the .tbi/.csi reader (src/region_index.c).  The input is the
 * uncompressed index; it is written BGZF-compressed beside a made-up data file name and read as a
 * tabix index (for VCF.gz) and as a CSI index (for BCF), with regions on the first few sequences
 * -- a whole contig, a gene-sized span, a span past 2^31, an empty one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <htslib/bgzf.h>
#include "region_index.h"

static void read_as(const char *data, const char *index, const uint8_t *d, size_t n, int is_bcf)
{
    BGZF *w = bgzf_open(index, "w");
    if (!w) return;
    int ok = bgzf_write(w, d, n) == (ssize_t)n;
    if (bgzf_close(w) < 0 || !ok) return;
    region_index_t ri;
    mcrc_err_t why;
    if (ri_open(&ri, data, NULL, is_bcf, &why) > 0) {
        ri_query_t q[5];
        memset(q, 0, sizeof(q));
        static const int64_t span[5][2] = { { 0, INT64_C(1) << 40 }, { 39687913, 39730426 }, { INT64_C(3) << 31, INT64_C(7) << 31 }, { 5, 5 }, { 0, 1 } };
        for (int k = 0; k < 5; k++) {
            q[k].tid = k;
            q[k].beg = span[k][0];
            q[k].end = span[k][1];
        }
        /* a data file of 1 MB whose records start at virtual offset 100 << 16; sequences up to 2^31 long */
        static const int64_t max_len[5] = { INT64_C(1) << 31, 83257441, INT64_C(1) << 31, 10, 1 };
        if (ri_read(&ri, q, 5, 1 << 20, (uint64_t)100 << 16, max_len, &why) == 0)
            for (int k = 0; k < 5; k++) {
                for (int i = 1; i < q[k].n; i++)
                    if (q[k].c[i].beg <= q[k].c[i - 1].end) abort();   /* chunks must come sorted and merged */
                /* every offset the reader will seek to lies inside the data file */
                if ((q[k].start >> 16) > (1 << 20)) abort();
                for (int i = 0; i < q[k].n; i++)
                    if ((q[k].c[i].beg >> 16) > (1 << 20) || (q[k].c[i].end >> 16) > (1 << 20)) abort();
            }
        for (int k = 0; k < 5; k++) ri_query_free(&q[k]);
    }
    ri_destroy(&ri);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char base[64], idx[80];
    snprintf(base, sizeof(base), "/tmp/mcrc-fuzz-index.%d", (int)getpid());
    snprintf(idx, sizeof(idx), "%s.tbi", base);
    read_as(base, idx, data, size, 0);
    unlink(idx);
    snprintf(idx, sizeof(idx), "%s.csi", base);
    read_as(base, idx, data, size, 1);
    unlink(idx);
    return 0;
}
