/*
 * outputs.c - one run, every format: the report's outputs checked before
 * anything is read, then written all or none.
 *
 * A run has one main output (-o FILE, or standard output; its type from -O,
 * else from the suffix: .html/.htm HTML, .json JSON, else XML) and may ask
 * for one more of each format (--xml FILE, --html FILE, --json FILE).  All
 * are views of the one report tree of the run (report.c): the XML is the
 * tree serialised, the HTML is rendered from it by XSLT (html.c), the JSON is
 * mapped from it (json.c).  --dump-records joins them in the same commit.
 *
 * Before any input is opened (outputs_check): no output may name a file the
 * run reads (an input, its index, --kb, --fasta, --callable, --segments,
 * --alignments and its index, --html-template: through any path or link; standard output too when it is
 * a regular file), and no two report outputs may be the same file or stream
 * (so standard output -- "-", /dev/stdout, or no -o at all -- takes at most
 * one).  Both are usage errors (exit 1), and nothing is written.
 *
 * Writing (outputs_write), all or none:
 *   1. every view is rendered in memory; a failure here writes nothing;
 *   2. every output is opened: a regular file as a nameless O_TMPFILE beside
 *      its target (safe_io.c), a stream in place;
 *   3. the files are written and staged (flushed, fsynced, closed, and linked
 *      as FILE if it did not exist, else as FILE.tmp.PID.N);
 *   4. only then is the one stream output (if any) written and flushed, so a
 *      failing file leaves the stream untouched;
 *   5. then each FILE.tmp.PID.N is renamed over its FILE.
 * A failure at any step removes every output of the run it had named, and
 * leaves files that were not yet replaced as they were (exit 3).  The window
 * that remains: a rename in step 5 that fails after an earlier one succeeded
 * (rare: the directory changed under us, an I/O error) removes the outputs
 * already renamed, and a FILE they replaced is then gone, not restored;
 * bytes already written to a stream cannot be taken back (a file failing in
 * step 5 after the stream was written); and kill -9 between steps 3 and 5
 * can leave some outputs new and others old or absent (TERM, INT and HUP
 * remove them).
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <htslib/kstring.h>
#include "html.h"
#include "json.h"
#include "run.h"

/* ---------------------------------------------------------------- checks */

/* What an output name points at, without opening it. */
typedef struct {
    const char *opt, *given, *fn;   /* "-o" ..., the name as given (NULL: no -o), the name of a file (else NULL) */
    int fd;                 /* a descriptor name ("-", /dev/stdout, /dev/fd/N): its number, else -1 */
    int have_id, regular;   /* the file or stream exists: id; 1 if a regular file */
    sio_id_t id;
    char *canon;            /* a file not there yet: its directory's real path and its own name */
} out_target_t;

static void target_of(const char *opt, const char *fn, out_target_t *t)
{
    struct stat st;
    memset(t, 0, sizeof(*t));
    t->opt = opt;
    t->given = fn;
    t->fn = fn && strcmp(fn, "-") ? fn : NULL;
    t->fd = sio_stream_fd(fn);
    if (t->fd >= 0 ? fstat(t->fd, &st) != 0 : stat(fn, &st) != 0) {
        /* r.xml and ./r.xml are one file even before it exists */
        if (t->fd >= 0) return;
        char *dir = strdup(fn), *slash = dir ? strrchr(dir, '/') : NULL;
        const char *base = slash ? fn + (slash - dir) + 1 : fn;
        if (slash == dir) slash[1] = 0;
        else if (slash) *slash = 0;
        char *real = dir ? realpath(slash ? dir : ".", NULL) : NULL;
        kstring_t k = { 0, 0, NULL };
        if (real && ksprintf(&k, "%s/%s", real, base) >= 0) t->canon = k.s;
        free(real);
        free(dir);
        return;
    }
    t->have_id = 1;
    t->regular = S_ISREG(st.st_mode);
    t->id.dev = st.st_dev;
    t->id.ino = st.st_ino;
}

static int same_target(const out_target_t *a, const out_target_t *b)
{
    if (a->fd >= 0 && a->fd == b->fd) return 1;
    if (a->fn && b->fn && !strcmp(a->fn, b->fn)) return 1;
    if (a->canon && b->canon && !strcmp(a->canon, b->canon)) return 1;
    return a->have_id && b->have_id && a->id.dev == b->id.dev && a->id.ino == b->id.ino;
}

/* "-o FILE", "--json -" or "standard output (no -o)" for messages */
static void describe(const out_target_t *t, kstring_t *k)
{
    if (t->given) ksprintf(k, "%s %s", t->opt, t->given);
    else kputs("standard output (no -o)", k);
}

/* The files the run reads, NUL-separated, each after the name of its option. */
static int files_read(const run_t *run, kstring_t *names)
{
    int e = 0;
#define READS(opt, fmt, ...) do { e |= kputs(opt, names) < 0 || kputc(0, names) < 0; \
                                  e |= ksprintf(names, fmt, __VA_ARGS__) < 0 || kputc(0, names) < 0; } while (0)
    for (int i = 0; i < run->ninputs; i++) {
        READS("input", "%s", run->input_fns[i]);
        READS("the index of input", "%s.tbi", run->input_fns[i]);
        READS("the index of input", "%s.csi", run->input_fns[i]);
    }
    if (run->kb_dir) READS("--kb", "%s/knowledge-base.xml", run->kb_dir);
    if (run->html_template) READS("--html-template", "%s", run->html_template);
    if (run->fasta_fn) { READS("--fasta", "%s", run->fasta_fn); READS("--fasta", "%s.fai", run->fasta_fn); READS("--fasta", "%s.gzi", run->fasta_fn); }
    if (run->callable_fn) READS("--callable", "%s", run->callable_fn);
    for (int i = 0; i < run->nseg_fns; i++) READS("--segments", "%s", run->seg_fns[i]);
    if (run->aln.fn) {
        static const char *const ext[] = { "bai", "csi", "crai" };
        READS("--alignments", "%s", run->aln.fn);
        for (int i = 0; i < 3; i++) READS("the index of --alignments", "%s.%s", run->aln.fn, ext[i]);
    }
#undef READS
    return e ? -1 : 0;
}

/* An output onto a file the run reads: it would be overwritten. */
static int clobbers_input(const out_target_t *t, const kstring_t *names, kstring_t *msg)
{
    /* standard output counts only as a regular file (mcrc-report x.vcf >> x.vcf) */
    if (!t->have_id || (t->fd >= 0 && !t->regular)) return 0;
    for (size_t p = 0; p < names->l; ) {
        const char *opt = names->s + p, *fn = opt + strlen(opt) + 1;
        sio_id_t rid;
        p = fn + strlen(fn) + 1 - names->s;
        if (sio_file_id(fn, &rid) == 0 && rid.dev == t->id.dev && rid.ino == t->id.ino) {
            if (t->fn) ksprintf(msg, "%s %s", t->opt, t->fn);
            else kputs("standard output", msg);     /* the words of the message before issue 16 */
            ksprintf(msg, " is the same file as %s %s; it would be overwritten, so nothing was done", opt, fn);
            return 1;
        }
    }
    return 0;
}

int outputs_check(run_t *run)
{
    out_target_t t[N_OUTS + 1];
    int n = 0, ret = 0;
    for (int i = 0; i < N_OUTS; i++)
        if (i == OUT_MAIN || run->out[i].fn) target_of(run->out[i].opt, run->out[i].fn, &t[n++]);
    int nreport = n;
    if (run->dump_fn) target_of("--dump-records", run->dump_fn, &t[n++]);
    kstring_t names = { 0, 0, NULL }, msg = { 0, 0, NULL };
    if (files_read(run, &names) < 0) { free(names.s); return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory"); }
    for (int i = 0; i < n && !ret; i++)
        ret = clobbers_input(&t[i], &names, &msg);
    /* two report outputs on one file or stream; --dump-records may share a stream (/dev/stderr) with one */
    for (int i = 0; i < n && !ret; i++)
        for (int j = i + 1; j < n && !ret; j++) {
            if (!same_target(&t[i], &t[j])) continue;
            if (j >= nreport && (t[j].fd >= 0 || (t[j].have_id && !t[j].regular))) continue;
            describe(&t[i], &msg);
            kputs(" and ", &msg);
            describe(&t[j], &msg);
            kputs(t[i].fd >= 0 && t[i].fd == t[j].fd ? " both write to the same stream; give each output a file of its own"
                                                     : " name the same file; give each output a file of its own", &msg);
            ret = 1;
        }
    if (ret) ret = mcrc_fail(&run->err, MCRC_E_USAGE, "%s", msg.s ? msg.s : "out of memory");
    for (int i = 0; i < n; i++) free(t[i].canon);
    free(names.s);
    free(msg.s);
    return ret;
}

/* ---------------------------------------------------------------- writing */

static int view_index(char type) { return type == 'h' ? 1 : type == 'j' ? 2 : 0; }

/* The report as XML, HTML or JSON into v (once per type). */
static int render(run_t *run, char type, kstring_t *v)
{
    if (v->s) return 0;
    if (type == 'j') return json_render(run->doc, v, &run->err);
    xmlChar *buf = NULL;
    int len = 0, r = 0;
    if (type == 'h') r = html_render(run->doc, run->html_template, run->fragment, &buf, &len, &run->err);
    else xmlDocDumpFormatMemoryEnc(run->doc, &buf, &len, "UTF-8", 1);
    if (r == 0 && !buf) r = mcrc_fail(&run->err, MCRC_E_INTERNAL, "could not serialise the report");
    if (r == 0 && kputsn((const char *)buf, len, v) < 0) r = mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory");
    xmlFree(buf);
    return r;
}

/* A message about an output other than -o starts with its option: "--json out.json: ..." */
static int name_option(int r, const char *opt, mcrc_err_t *err)
{
    char p[32];
    if (r < 0 && opt) {
        snprintf(p, sizeof(p), "%s ", opt);
        mcrc_prefix(err, p);
    }
    return r;
}

/* Write v (NULL: already written, --dump-records) and stage the output. */
static int write_stage(sio_out_t *o, const kstring_t *v, const char *opt, mcrc_err_t *err)
{
    int r = 0;
    if (v && v->l && fwrite(v->s, 1, v->l, o->fp) != v->l) r = sio_out_fail(o, errno, err);
    if (r == 0) r = sio_out_stage(o, err);
    return name_option(r, opt, err);
}

int outputs_write(run_t *run)
{
    mcrc_err_t *err = &run->err;
    kstring_t view[3] = { { 0, 0, NULL }, { 0, 0, NULL }, { 0, 0, NULL } };
    sio_out_t o[N_OUTS + 1];
    const kstring_t *data[N_OUTS + 1];
    const char *opt[N_OUTS + 1];
    int n = 0, r = 0;
    memset(o, 0, sizeof(o));
    for (int i = 0; i < N_OUTS && r == 0; i++)
        if (i == OUT_MAIN || run->out[i].fn) r = render(run, run->out[i].type, &view[view_index(run->out[i].type)]);
    for (int i = 0; i < N_OUTS && r == 0; i++) {
        if (i != OUT_MAIN && !run->out[i].fn) continue;
        data[n] = &view[view_index(run->out[i].type)];
        opt[n] = i == OUT_MAIN ? NULL : run->out[i].opt;
        r = sio_out_open(&o[n], run->out[i].fn, i == OUT_MAIN ? SIO_SLOT_REPORT : SIO_SLOT_EXTRA + i - 1, err);
        r = name_option(r, opt[n], err);
        n++;
    }
    if (run->dump_fn) { o[n] = run->dump; memset(&run->dump, 0, sizeof(run->dump)); data[n] = NULL; opt[n++] = "--dump-records"; }
    /* files first, the stream last: its bytes cannot be taken back */
    for (int pass = 0; pass < 2 && r == 0; pass++)
        for (int i = 0; i < n && r == 0; i++)
            if (o[i].stream == pass) r = write_stage(&o[i], data[i], opt[i], err);
    for (int i = 0; i < n && r == 0; i++)
        r = name_option(sio_out_publish(&o[i], err), opt[i], err);
    /* the outputs are let go together: a TERM between two releases would keep some and remove the rest */
    sigset_t held;
    sio_signals_hold(&held);
    for (int i = 0; i < n; i++)
        if (r < 0) sio_out_abort(&o[i]);
        else sio_out_done(&o[i]);
    sio_signals_restore(&held);
    for (int i = 0; i < 3; i++) free(view[i].s);
    return r;
}
