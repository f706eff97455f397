/*
 * safe_io.c - nothing of the user's lost, nothing misread.
 *
 * Writing (-o FILE, --dump-records FILE):
 *   - "-", /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N are the
 *     descriptor itself: written in place, never renamed over, never reopened
 *     (so a shell's `3>>log` keeps appending).
 *   - an existing FIFO, character device or socket (after following links)
 *     is a stream: opened for writing and written in place.
 *   - a regular file, or a name that does not exist yet, is replaced
 *     atomically: the data go to a nameless O_TMPFILE in the target's
 *     directory, which is given its name (linkat) only when complete and
 *     synced.  If the target exists, the file is linked as FILE.tmp.PID.N and
 *     renamed over it.  Where O_TMPFILE is not supported, FILE.tmp.PID.N is
 *     written directly.  A killed run (even kill -9) leaves no nameless file;
 *     the FILE.tmp.PID.N name exists only around the rename, or while a
 *     fallback file is written, and the handler of TERM, INT and HUP removes
 *     it (unlink is async-signal-safe) before the signal ends the run.
 *   - a symbolic link to a regular file: the target is replaced, atomically,
 *     in the target's directory; the link stays as it is.  That is what a
 *     shell's `>` does to a link, and the user named the link to reach that
 *     file.  A link to nothing is refused (exit 3): which file the user
 *     meant is not known.
 *   SIGPIPE is ignored, so a reader that goes away is a write error (EPIPE):
 *   exit 3 with one line, not a silent death by signal.
 *
 * Reading: a FIFO, device or directory where a file is expected (an index,
 * --kb, --callable, --fasta and its .fai, --html-template) is refused before
 * it is opened, and a file we open ourselves is opened O_NONBLOCK and checked
 * with fstat, so nothing waits forever for a writer.  Compressions htslib
 * detects but cannot read as text (xz, zstd, bzip2) are named and refused
 * before a byte is parsed (htslib 1.16 calls abort() on xz).  A .fai is never
 * written beside the user's FASTA, and one whose lines are not numbers, or
 * whose line length is zero (htslib divides by it), is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <htslib/hfile.h>
#include <htslib/khash.h>
#include <htslib/kstring.h>
#include "safe_io.h"
#include "util.h"

/* ---------------------------------------------------------------- signals */

#define SIO_PATH_MAX (PATH_MAX + 64)
static char tmp_name[SIO_SLOTS][SIO_PATH_MAX], final_name[SIO_SLOTS][SIO_PATH_MAX];
static volatile sig_atomic_t tmp_live[SIO_SLOTS], final_live[SIO_SLOTS];
static unsigned tmp_counter;

static void on_fatal_signal(int sig)
{
    for (int i = 0; i < SIO_SLOTS; i++)
        if (__atomic_load_n(&tmp_live[i], __ATOMIC_SEQ_CST)) unlink(tmp_name[i]);
    /* outputs already named whose companions are not yet (a run of several outputs): none is left */
    for (int i = 0; i < SIO_SLOTS; i++)
        if (__atomic_load_n(&final_live[i], __ATOMIC_SEQ_CST)) unlink(final_name[i]);
    signal(sig, SIG_DFL);
    raise(sig);     /* delivered when the handler returns: the run ends as the signal says */
}

void sio_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGHUP);
    static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction old;
        /* a signal the caller ignores (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(sigs[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
}

/* The handler's view and the directory must change together: a TERM between
 * linkat()/rename() giving FILE its name and the claim that marks FILE for
 * removal would leave FILE behind while its companions are removed (seen on
 * CI: one run of thirty in the outputs test left one output of four). */
void sio_signals_hold(sigset_t *old)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGTERM);
    sigaddset(&s, SIGINT);
    sigaddset(&s, SIGHUP);
    sigprocmask(SIG_BLOCK, &s, old);
}

void sio_signals_restore(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* Make slot's name FINAL.tmp.PID.N and mark it for removal by the handler (before it exists). */
static void tmp_claim(int slot, const char *final)
{
    __atomic_store_n(&tmp_live[slot], 0, __ATOMIC_SEQ_CST);
    snprintf(tmp_name[slot], sizeof(tmp_name[slot]), "%s.tmp.%ld.%u", final, (long)getpid(), tmp_counter++);
    __atomic_store_n(&tmp_live[slot], 1, __ATOMIC_SEQ_CST);
}

static void tmp_release(int slot, int remove)
{
    if (remove) unlink(tmp_name[slot]);
    __atomic_store_n(&tmp_live[slot], 0, __ATOMIC_SEQ_CST);
}

/* ---------------------------------------------------------------- names for messages */

void sio_label(const char *s, char *out, size_t n)
{
    kstring_t k = { 0, 0, NULL };
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && k.l < 4 * n; p++) {
        if (*p == '\n') kputs("\\n", &k);
        else if (*p == '\t') kputs("\\t", &k);
        else if (*p == '\r') kputs("\\r", &k);
        else if (*p < 0x20 || *p == 0x7f) ksprintf(&k, "\\x%02X", *p);
        else kputc(*p, &k);
    }
    text_sanitize(k.s ? k.s : "", out, n);      /* invalid UTF-8 becomes '?' */
    free(k.s);
}

char *sio_label_dup(const char *s)
{
    size_t n = 4 * strlen(s ? s : "") + 1;
    char *out = malloc(n);
    if (out) sio_label(s, out, n);
    return out;
}

char *sio_name_dup(const char *fn)
{
    char *shown = url_redact_dup(fn ? fn : "");
    char *out = shown ? sio_label_dup(shown) : NULL;
    free(shown);
    return out;
}

/* ---------------------------------------------------------------- outputs */

int sio_stream_fd(const char *fn)
{
    if (!fn || !strcmp(fn, "-")) return STDOUT_FILENO;
    if (!strcmp(fn, "/dev/stdout")) return STDOUT_FILENO;
    if (!strcmp(fn, "/dev/stderr")) return STDERR_FILENO;
    const char *p = NULL;
    if (!strncmp(fn, "/dev/fd/", 8)) p = fn + 8;
    else if (!strncmp(fn, "/proc/self/fd/", 14)) p = fn + 14;
    else if (!strncmp(fn, "/proc/thread-self/fd/", 21)) p = fn + 21;
    if (!p || !*p) return -1;
    int64_t v;
    if (parse_int64(p, &v) || v < 0 || v > INT_MAX) return -1;
    return (int)v;
}

static int out_fail(sio_out_t *o, int code, mcrc_err_t *err, const char *what, int e)
{
    if (e == EPIPE)
        return mcrc_fail(err, code, "%s: the reader went away before the report was written (broken pipe)", o->label);
    return mcrc_fail(err, code, "%s: %s: %s", o->label, what, strerror(e));
}

static int open_stream_fd(sio_out_t *o, int fd, mcrc_err_t *err)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return out_fail(o, MCRC_E_OUTPUT, err, "cannot write", errno);
    if ((fl & O_ACCMODE) == O_RDONLY) return mcrc_fail(err, MCRC_E_OUTPUT, "%s: the descriptor is open for reading only", o->label);
    int d = dup(fd);
    if (d < 0 || !(o->fp = fdopen(d, "w"))) {
        int e = errno;
        if (d >= 0) close(d);
        return out_fail(o, MCRC_E_OUTPUT, err, "cannot write", e);
    }
    o->stream = 1;
    return 0;
}

int sio_out_open(sio_out_t *o, const char *fn, int slot, mcrc_err_t *err)
{
    memset(o, 0, sizeof(*o));
    o->slot = slot;
    if (!fn || !strcmp(fn, "-")) {
        snprintf(o->label, sizeof(o->label), "standard output");
        return open_stream_fd(o, STDOUT_FILENO, err);
    }
    sio_label(fn, o->label, sizeof(o->label));
    int sfd = sio_stream_fd(fn);
    if (sfd >= 0) return open_stream_fd(o, sfd, err);

    struct stat lst, st;
    if (lstat(fn, &lst) == 0) {
        int is_link = S_ISLNK(lst.st_mode);
        if (is_link && stat(fn, &st) != 0)
            return mcrc_fail(err, MCRC_E_OUTPUT, "%s: a symbolic link to a file that cannot be reached (%s); name the file itself", o->label, strerror(errno));
        if (!is_link) st = lst;
        if (S_ISDIR(st.st_mode)) return mcrc_fail(err, MCRC_E_OUTPUT, "%s: is a directory", o->label);
        if (!S_ISREG(st.st_mode)) {
            /* a FIFO, a terminal, /dev/null: write in place; renaming over it would replace it */
            int fd = open(fn, O_WRONLY | O_NOCTTY | O_CLOEXEC);
            if (fd < 0) return out_fail(o, MCRC_E_OUTPUT, err, "cannot open", errno);
            if (!(o->fp = fdopen(fd, "w"))) { int e = errno; close(fd); return out_fail(o, MCRC_E_OUTPUT, err, "cannot open", e); }
            o->stream = 1;
            return 0;
        }
        o->final = is_link ? realpath(fn, NULL) : strdup(fn);
    } else if (errno == ENOENT) {
        o->final = strdup(fn);
    } else {
        return out_fail(o, MCRC_E_OUTPUT, err, "cannot create the report", errno);
    }
    if (!o->final) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    o->dir = strdup(o->final);
    if (!o->dir) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    char *slash = strrchr(o->dir, '/');
    if (!slash) strcpy(o->dir, ".");
    else if (slash == o->dir) slash[1] = 0;
    else *slash = 0;

    int fd = -1;
#ifdef O_TMPFILE
    if (access("/proc/self/fd", X_OK) == 0) {
        fd = open(o->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);   /* the umask applies */
        if (fd >= 0) o->tmpfile = 1;
        else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
            return out_fail(o, MCRC_E_OUTPUT, err, "cannot create the report", errno);
    }
#endif
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        tmp_claim(slot, o->final);
        fd = open(tmp_name[slot], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            int e = errno;
            tmp_release(slot, 0);
            if (e != EEXIST) return out_fail(o, MCRC_E_OUTPUT, err, "cannot create the report", e);
        }
    }
    if (fd < 0) return mcrc_fail(err, MCRC_E_OUTPUT, "%s: cannot create the report: no free temporary name", o->label);
    o->named_tmp = !o->tmpfile;     /* the fallback writes FILE.tmp.PID.N itself */
    if (!(o->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        if (o->named_tmp) tmp_release(slot, 1);
        o->named_tmp = 0;
        return out_fail(o, MCRC_E_OUTPUT, err, "cannot create the report", e);
    }
    return 0;
}

static void out_free(sio_out_t *o)
{
    free(o->final);
    free(o->dir);
    o->final = o->dir = NULL;
    o->fp = NULL;
    o->named_tmp = o->created = o->published = 0;
}

/* FILE now holds our data (linked or renamed there): until the run is done with it, a signal removes it */
static void final_claim(sio_out_t *o)
{
    __atomic_store_n(&final_live[o->slot], 0, __ATOMIC_SEQ_CST);
    snprintf(final_name[o->slot], sizeof(final_name[o->slot]), "%s", o->final);
    __atomic_store_n(&final_live[o->slot], 1, __ATOMIC_SEQ_CST);
}

static void final_release(sio_out_t *o, int remove)
{
    if (remove) unlink(o->final);
    __atomic_store_n(&final_live[o->slot], 0, __ATOMIC_SEQ_CST);
}

void sio_out_abort(sio_out_t *o)
{
    if (o->fp) fclose(o->fp);
    o->fp = NULL;
    if (o->named_tmp) tmp_release(o->slot, 1);
    if (o->created || o->published) final_release(o, 1);
    out_free(o);
}

int sio_out_fail(sio_out_t *o, int e, mcrc_err_t *err)
{
    int r = out_fail(o, MCRC_E_OUTPUT, err, "write failed", e ? e : EIO);
    sio_out_abort(o);
    return r;
}

/* A nameless file gets a name: FILE itself when FILE does not exist (o->created), else FILE.tmp.PID.N. */
static int name_tmpfile(sio_out_t *o, mcrc_err_t *err)
{
    char proc[64];
    int e = 0;
    sigset_t held;
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fileno(o->fp));
    sio_signals_hold(&held);
    int linked = linkat(AT_FDCWD, proc, AT_FDCWD, o->final, AT_SYMLINK_FOLLOW) == 0;
    e = errno;
    if (linked) {
        o->created = 1;
        final_claim(o);
    }
    sio_signals_restore(&held);
    if (linked) return 0;
    if (e != EEXIST) return out_fail(o, MCRC_E_OUTPUT, err, "cannot move the report into place", e);
    e = 0;
    for (int tries = 0; tries < 100; tries++) {
        tmp_claim(o->slot, o->final);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp_name[o->slot], AT_SYMLINK_FOLLOW) == 0) { o->named_tmp = 1; return 0; }
        e = errno;
        tmp_release(o->slot, 0);
        if (e != EEXIST) break;
    }
    return out_fail(o, MCRC_E_OUTPUT, err, "cannot move the report into place", e ? e : EEXIST);
}

int sio_out_stage(sio_out_t *o, mcrc_err_t *err)
{
    if (!o->fp) return mcrc_fail(err, MCRC_E_INTERNAL, "%s: staged twice", o->label);
    int ret = 0, e = 0;
    if (fflush(o->fp) != 0 || ferror(o->fp)) { e = errno ? errno : EIO; ret = out_fail(o, MCRC_E_OUTPUT, err, "write failed", e); }
    else if (!o->stream && fsync(fileno(o->fp)) != 0) { e = errno; ret = out_fail(o, MCRC_E_OUTPUT, err, "write failed", e); }
    if (ret == 0 && o->tmpfile) ret = name_tmpfile(o, err);
    int ce = fclose(o->fp) != 0 ? errno : 0;
    o->fp = NULL;
    if (ret == 0 && ce) ret = out_fail(o, MCRC_E_OUTPUT, err, "write failed on close", ce);
    return ret;
}

int sio_out_publish(sio_out_t *o, mcrc_err_t *err)
{
    if (!o->named_tmp) return 0;        /* a stream, or FILE created by the stage */
    sigset_t held;
    sio_signals_hold(&held);
    if (rename(tmp_name[o->slot], o->final) != 0) {
        int e = errno;
        sio_signals_restore(&held);
        return out_fail(o, MCRC_E_OUTPUT, err, "cannot move the report into place", e);
    }
    o->named_tmp = 0;
    o->published = 1;
    final_claim(o);
    tmp_release(o->slot, 0);
    sio_signals_restore(&held);
    return 0;
}

void sio_out_done(sio_out_t *o)
{
    if (o->created || o->published) final_release(o, 0);
    out_free(o);
}

int sio_out_commit(sio_out_t *o, mcrc_err_t *err)
{
    int r = sio_out_stage(o, err);
    if (r == 0) r = sio_out_publish(o, err);
    if (r < 0) sio_out_abort(o);
    else sio_out_done(o);
    return r;
}

/* ---------------------------------------------------------------- files read */

static const char *kind_of(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int sio_need_regular(const char *fn, const char *what, int missing_ok, mcrc_err_t *err)
{
    char label[512];
    struct stat st;
    if (stat(fn, &st) != 0) {
        if (errno == ENOENT && missing_ok) return 1;
        sio_label(fn, label, sizeof(label));
        return mcrc_fail(err, MCRC_E_INPUT, "%s %s: cannot open: %s", what, label, strerror(errno));
    }
    if (S_ISREG(st.st_mode)) return 0;
    sio_label(fn, label, sizeof(label));
    return mcrc_fail(err, MCRC_E_INPUT, "%s %s: is %s, not a regular file; refused", what, label, kind_of(st.st_mode));
}

int sio_open_regular(const char *fn, const char *what, mcrc_err_t *err)
{
    char label[512];
    int fd = open(fn, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    sio_label(fn, label, sizeof(label));
    if (fd < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s %s: cannot open: %s", what, label, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        int isdir = S_ISDIR(st.st_mode);
        mode_t m = st.st_mode;
        close(fd);
        return mcrc_fail(err, MCRC_E_INPUT, "%s %s: is %s, not a regular file; refused", what, label, isdir ? "a directory" : kind_of(m));
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

const char *sio_unreadable_compression(const htsFormat *f)
{
    switch (f->compression) {
    case bzip2_compression: return "bzip2";
    case xz_compression: return "xz";
    case zstd_compression: return "zstd";
    case razf_compression: return "RAZF";
    default: return NULL;
    }
}

int sio_open_input(const char *fn, const char *label, htsFile **out, mcrc_err_t *err)
{
    *out = NULL;
    errno = 0;
    hFILE *h = hopen(fn, "r");
    if (!h) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", label, errno ? strerror(errno) : "unknown error");
    htsFormat f;
    const char *c = hts_detect_format2(h, fn, &f) == 0 ? sio_unreadable_compression(&f) : NULL;
    if (c) {        /* detected on the peeked bytes, so a pipe is named as well as a file */
        hclose_abruptly(h);
        return mcrc_fail(err, MCRC_E_INPUT, "%s: compressed with %s, which mcrc-report does not read; decompress it, or compress with bgzip", label, c);
    }
    errno = 0;
    htsFile *fp = hts_hopen(h, fn, "r");
    if (!fp) {
        int e = errno;
        hclose_abruptly(h);
        if (e == ENOEXEC) return mcrc_fail(err, MCRC_E_INPUT, "%s: not a VCF or BCF file (unrecognised format)", label);
        return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", label, e ? strerror(e) : "unknown error");
    }
    *out = fp;
    return 0;
}

int sio_input_precheck(const char *fn, int no_index, mcrc_err_t *err)
{
    if (!strcmp(fn, "-")) return 0;
    struct stat st;
    if (stat(fn, &st) != 0 || !S_ISREG(st.st_mode)) return 0;   /* the caller reports these; a FIFO is read as a stream */
    if (no_index) return 0;
    static const char *ext[] = { ".tbi", ".csi", NULL };
    for (int i = 0; ext[i]; i++) {
        kstring_t ix = { 0, 0, NULL };
        if (ksprintf(&ix, "%s%s", fn, ext[i]) < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        int r = sio_need_regular(ix.s, "index", 1, err);
        free(ix.s);
        if (r < 0) return r;
    }
    return 0;
}

KHASH_MAP_INIT_STR(ctglen, int64_t)

/* the value of KEY= inside a structured header line's <...>, into out */
static int hrec_value(const char *line, size_t len, const char *key, kstring_t *out)
{
    size_t kl = strlen(key);
    const char *p = memchr(line, '<', len), *end = line + len;
    if (!p) return -1;
    p++;
    while (p < end) {
        const char *f = p;
        int q = 0;
        while (p < end && (q || (*p != ',' && *p != '>'))) { if (*p == '"') q = !q; p++; }
        if ((size_t)(p - f) > kl && !strncmp(f, key, kl) && f[kl] == '=') {
            out->l = 0;
            return kputsn(f + kl + 1, p - f - kl - 1, out) < 0 ? -1 : 0;
        }
        if (p < end && *p == '>') break;
        p++;
    }
    return -1;
}

int sio_header_contigs(const char *txt, const char *label, mcrc_err_t *err)
{
    khash_t(ctglen) *h = kh_init(ctglen);
    if (!h) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    kstring_t id = { 0, 0, NULL }, len = { 0, 0, NULL };
    int ret = 0;
    long lineno = 0;
    for (const char *p = txt; *p && ret == 0; ) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        int64_t v;
        if (l > 10 && !strncmp(p, "##contig=<", 10) && hrec_value(p, l, "ID", &id) == 0
            && hrec_value(p, l, "length", &len) == 0 && parse_int64(len.s, &v) == 0) {
            int absent;
            khint_t k = kh_put(ctglen, h, id.s, &absent);
            if (absent < 0) ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
            else if (absent) { kh_val(h, k) = v; id.s = NULL; id.l = id.m = 0; }   /* the key is kept */
            else if (kh_val(h, k) != v) {
                char name[128];
                sio_label(id.s, name, sizeof(name));
                ret = mcrc_fail(err, MCRC_E_INPUT, "%s: line %ld: ##contig %s is declared again with another length (%lld, first %lld); which is right cannot be told",
                                label, lineno, name, (long long)v, (long long)kh_val(h, k));
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
    for (khint_t k = kh_begin(h); k != kh_end(h); k++)
        if (kh_exist(h, k)) free((char *)kh_key(h, k));
    kh_destroy(ctglen, h);
    free(id.s);
    free(len.s);
    return ret;
}

/* A .fai line: NAME LENGTH OFFSET LINEBASES LINEWIDTH [QUALOFFSET], numbers that htslib can use. */
static int fai_line_ok(char *line)
{
    char *f[7];
    int n = split_tabs(line, f, 7);
    if (n != 5 && n != 6) return 0;
    int64_t v[5];
    for (int i = 1; i < n; i++) if (parse_int64(f[i], &v[i - 1]) || v[i - 1] < 0) return 0;
    int64_t len = v[0], bases = v[2], width = v[3];
    if (!*f[0]) return 0;
    if (len > 0 && (bases <= 0 || width < bases)) return 0;     /* htslib divides by LINEBASES */
    return 1;
}

faidx_t *sio_fai_load(const char *fasta, mcrc_err_t *err)
{
    char label[512];
    sio_label(fasta, label, sizeof(label));
    if (sio_need_regular(fasta, "--fasta", 0, err) < 0) return NULL;
    kstring_t fai = { 0, 0, NULL }, line = { 0, 0, NULL };
    faidx_t *fx = NULL;
    FILE *fp = NULL;
    if (ksprintf(&fai, "%s.fai", fasta) < 0) { mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    int r = sio_need_regular(fai.s, "--fasta", 1, err);
    if (r < 0) goto out;
    if (r == 1) {
        mcrc_fail(err, MCRC_E_INPUT, "--fasta %s: no index %s.fai beside it; make one with samtools faidx (mcrc-report does not write beside your files)", label, label);
        goto out;
    }
    kstring_t gzi = { 0, 0, NULL };
    r = ksprintf(&gzi, "%s.gzi", fasta) < 0 ? mcrc_fail(err, MCRC_E_INTERNAL, "out of memory") : sio_need_regular(gzi.s, "--fasta", 1, err);
    free(gzi.s);
    if (r < 0) goto out;
    int fd = sio_open_regular(fai.s, "--fasta index", err);
    if (fd < 0) goto out;
    if (!(fp = fdopen(fd, "r"))) { close(fd); mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    long lineno = 0;
    int c;
    do {
        line.l = 0;
        while ((c = getc(fp)) != EOF && c != '\n') if (kputc(c, &line) < 0) { mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        if (c == EOF && !line.l) break;
        lineno++;
        if (!fai_line_ok(line.s)) {
            mcrc_fail(err, MCRC_E_INPUT, "--fasta %s.fai: line %ld: not a FASTA index line (NAME, LENGTH, OFFSET, LINEBASES > 0, LINEWIDTH >= LINEBASES); rebuild it with samtools faidx", label, lineno);
            goto out;
        }
    } while (c != EOF);
    if (ferror(fp)) { mcrc_fail(err, MCRC_E_INPUT, "--fasta %s.fai: read error", label); goto out; }
    if (!lineno) { mcrc_fail(err, MCRC_E_INPUT, "--fasta %s.fai: the index is empty; rebuild it with samtools faidx", label); goto out; }
    fx = fai_load3(fasta, fai.s, NULL, 0);      /* no FAI_CREATE: nothing is written */
    if (!fx) mcrc_fail(err, MCRC_E_INPUT, "--fasta %s: cannot open the FASTA or its .fai index (make one with samtools faidx)", label);
out:
    if (fp) fclose(fp);
    free(fai.s);
    free(line.s);
    return fx;
}

int sio_file_id(const char *fn, sio_id_t *id)
{
    struct stat st;
    if (!fn || !strcmp(fn, "-") || stat(fn, &st) != 0) return -1;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    return 0;
}
