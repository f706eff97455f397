/* callable.h - --callable BED: intervals the lab states were sequenced at adequate depth. */
#ifndef MCRC_CALLABLE_H
#define MCRC_CALLABLE_H

#include <stdint.h>
#include "mcrc.h"

/* Read a BED file (plain or gzip/BGZF); call mark(ud, chrom, beg, end) with 1-based inclusive
 * coordinates for every interval.  Header lines (#, track, browser) are skipped.
 * Returns the number of intervals, or <0 with a message naming the file and line. */
int callable_read(const char *fn, void (*mark)(void *ud, const char *chrom, int64_t beg, int64_t end), void *ud,
                  mcrc_err_t *err);

#endif
