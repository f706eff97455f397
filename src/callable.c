/*
 * callable.c - the --callable BED.
 *
 * A callable-regions BED (GATK CallableLoci, mosdepth --quantize, a panel's
 * "covered at >= N reads" file) is the lab's statement that each interval
 * was sequenced at adequate depth.  It is how a plain (non-gVCF) call set
 * shows coverage of the hotspot codons, which `wild-type` requires
 * (small_variant.c).  Coordinates are BED: 0-based start, end exclusive;
 * chr/no-chr names are matched by the caller.  Columns after the third (a
 * CallableLoci state, say) are not read: list only callable intervals.
 * The file is streamed; nothing is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "callable.h"
#include "safe_io.h"
#include "util.h"

int callable_read(const char *fn, void (*mark)(void *ud, const char *chrom, int64_t beg, int64_t end), void *ud,
                  mcrc_err_t *err)
{
    char label[256];
    text_sanitize(fn, label, sizeof(label));
    int r0 = sio_need_regular(fn, "--callable", 0, err);   /* a FIFO or device would be read forever */
    if (r0 < 0) return r0;
    htsFile *fp = hts_open(fn, "r");
    if (!fp) return mcrc_fail(err, MCRC_E_INPUT, "--callable %s: cannot open the file", label);
    if (sio_unreadable_compression(hts_get_format(fp))) {     /* hts_getline() would abort() */
        int r = mcrc_fail(err, MCRC_E_INPUT, "--callable %s: compressed with %s, which mcrc-report does not read; decompress it, or compress with bgzip",
                          label, sio_unreadable_compression(hts_get_format(fp)));
        hts_close(fp);
        return r;
    }
    kstring_t s = { 0, 0, NULL };
    int n = 0, ret = 0;
    long lineno = 0;
    int r;
    while ((r = hts_getline(fp, KS_SEP_LINE, &s)) >= 0) {
        lineno++;
        if (s.l && s.s[s.l - 1] == '\r') s.s[--s.l] = 0;
        if (!s.l || s.s[0] == '#' || !strncmp(s.s, "track", 5) || !strncmp(s.s, "browser", 7)) continue;
        char *f[3], *p = s.s;
        int k;
        for (k = 0; k < 3 && p; k++) {
            f[k] = p;
            p = strchr(p, '\t');
            if (p) *p++ = 0;
        }
        int64_t beg, end;
        if (k < 3 || parse_int64(f[1], &beg) || parse_int64(f[2], &end) || beg < 0 || end < beg) {
            ret = mcrc_fail(err, MCRC_E_INPUT, "--callable %s: line %ld: expected CHROM, START and END (BED, 0-based, END >= START)", label, lineno);
            goto out;
        }
        if (end > beg) mark(ud, f[0], beg + 1, end);
        n++;
    }
    if (r < -1) ret = mcrc_fail(err, MCRC_E_INPUT, "--callable %s: read error after line %ld", label, lineno);
out:
    free(s.s);
    if (hts_close(fp) < 0 && ret >= 0) ret = mcrc_fail(err, MCRC_E_INPUT, "--callable %s: read error", label);
    return ret < 0 ? ret : n;
}
