/*
 * output.c - writing the report so that a reader never sees half of it.
 *
 * The whole report is built in memory first; then safe_io.c writes it: a
 * stream (standard output, /dev/fd/N, a FIFO or device) in place, a regular
 * file through a nameless temporary file in the target's directory that is
 * flushed, fsync'd and closed with every return value checked, and only then
 * given FILE's name.  On any failure FILE is left as it was and no
 * temporary file remains (design comment: safe_io.c).
 */
#include <errno.h>
#include "output.h"
#include "safe_io.h"

int output_write(const char *fn, const char *data, size_t len, mcrc_err_t *err)
{
    sio_out_t o;
    int r = sio_out_open(&o, fn, SIO_SLOT_REPORT, err);
    if (r < 0) { sio_out_abort(&o); return r; }
    if (len && fwrite(data, 1, len, o.fp) != len) return sio_out_fail(&o, errno, err);
    return sio_out_commit(&o, err);
}
