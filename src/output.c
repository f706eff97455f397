/*
 * output.c - writing the report so that a reader never sees half of it.
 *
 * The whole report is built in memory first; then it goes to a temporary
 * file beside the target (FILE.tmp.XXXXXX, unique per process, so parallel
 * runs never share a name), is flushed, fsync'd and closed with every
 * return value checked, and only then renamed over FILE.  On any failure
 * the temporary file is removed and FILE is left as it was.
 * An existing FILE that is not a regular file (/dev/stdout, /dev/full, a
 * FIFO) is written in place: renaming over a device would replace it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "run.h"
#include "util.h"

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        p += w; n -= (size_t)w;
    }
    return 0;
}

int output_write(const char *fn, const char *data, size_t len, mcrc_err_t *err)
{
    char label[512];
    if (!fn || !strcmp(fn, "-")) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0 || ferror(stdout))
            return mcrc_fail(err, MCRC_E_OUTPUT, "standard output: write failed: %s", strerror(errno));
        return 0;
    }
    text_sanitize(fn, label, sizeof(label));
    struct stat st;
    if (stat(fn, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *fp = fopen(fn, "w");
        if (!fp) return mcrc_fail(err, MCRC_E_OUTPUT, "%s: cannot open: %s", label, strerror(errno));
        int bad = fwrite(data, 1, len, fp) != len || fflush(fp) != 0;
        int e = errno;
        if (fclose(fp) != 0 && !bad) { bad = 1; e = errno; }
        if (bad) return mcrc_fail(err, MCRC_E_OUTPUT, "%s: write failed: %s", label, strerror(e));
        return 0;
    }
    size_t n = strlen(fn) + 16;
    char *tmp = malloc(n);
    if (!tmp) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    snprintf(tmp, n, "%s.tmp.XXXXXX", fn);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return mcrc_fail(err, MCRC_E_OUTPUT, "%s: cannot create the report: %s", label, strerror(e));
    }
    mode_t um = umask(0);
    umask(um);
    int ret = 0;
    if (fchmod(fd, 0666 & ~um) != 0 || write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        int e = errno;
        ret = mcrc_fail(err, MCRC_E_OUTPUT, "%s: write failed: %s", label, strerror(e));
        close(fd);
    } else if (close(fd) != 0) {
        ret = mcrc_fail(err, MCRC_E_OUTPUT, "%s: write failed on close: %s", label, strerror(errno));
    } else if (rename(tmp, fn) != 0) {
        ret = mcrc_fail(err, MCRC_E_OUTPUT, "%s: cannot move the report into place: %s", label, strerror(errno));
    }
    if (ret) unlink(tmp);
    free(tmp);
    return ret;
}
