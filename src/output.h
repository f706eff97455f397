/* output.h - writing one finished report file (output.c); mcrc-report and mcrc-summary both use it. */
#ifndef MCRC_OUTPUT_H
#define MCRC_OUTPUT_H

#include <stddef.h>
#include "mcrc.h"

/* Write bytes to a file atomically (FILE.tmp.XXXXXX then rename) or to standard output. */
int output_write(const char *fn, const char *data, size_t len, mcrc_err_t *err);

#endif
