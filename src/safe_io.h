/* safe_io.h - files the tool writes and files it must not misread (design comment: safe_io.c). */
#ifndef MCRC_SAFE_IO_H
#define MCRC_SAFE_IO_H

#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <htslib/faidx.h>
#include <htslib/hts.h>
#include "mcrc.h"

/* ---- signals: TERM, INT and HUP remove our temporary files; SIGPIPE becomes a write error (EPIPE) */
void sio_signals_install(void);
/* hold TERM, INT and HUP while the directory and the handler's list change together; restore delivers them */
void sio_signals_hold(sigset_t *old);
void sio_signals_restore(const sigset_t *old);

/* ---- an output: a stream (standard output, /dev/fd/N, a FIFO or device) or a file replaced atomically */
/* slots of the temporary names the signal handler clears: the report, --dump-records, and the outputs of
 * --xml, --html and --json (SIO_SLOT_EXTRA + 0..2) */
enum { SIO_SLOT_REPORT = 0, SIO_SLOT_DUMP = 1, SIO_SLOT_EXTRA = 2, SIO_SLOTS = 5 };
typedef struct {
    FILE *fp;                 /* where to write, or NULL */
    int slot;                 /* which temporary-name slot the signal handler clears */
    int stream;               /* 1: written in place, nothing to rename */
    int tmpfile;              /* 1: O_TMPFILE, nameless until staged */
    int named_tmp;            /* 1: the data are at FILE.tmp.PID.N (the slot's name) */
    int created;              /* 1: staged straight as FILE, which did not exist */
    int published;            /* 1: renamed over FILE */
    char *final;              /* the regular file replaced on commit (symlinks resolved) */
    char *dir;                /* its directory */
    char label[512];          /* the name as given, safe for a message */
} sio_out_t;

/* The descriptor an output name means without opening anything: "-" (or NULL), /dev/stdout, /dev/stderr,
 * /dev/fd/N, /proc/self/fd/N; -1 for any other name. */
int sio_stream_fd(const char *fn);
/* What -o FILE does: see safe_io.c.  0, or MCRC_E_OUTPUT / MCRC_E_INTERNAL with a message. */
int sio_out_open(sio_out_t *o, const char *fn, int slot, mcrc_err_t *err);
/* One output: stage, publish, done (sio_out_abort on failure).  0 or MCRC_E_OUTPUT. */
int sio_out_commit(sio_out_t *o, mcrc_err_t *err);
/* Several outputs, all or none: stage each; when all are staged, publish each; then done each.  After a
 * failure, sio_out_abort each.
 *   stage:   flush, fsync, close; a nameless file is linked as FILE if FILE does not exist, else as
 *            FILE.tmp.PID.N; a stream is flushed (its bytes are gone: stage streams last).
 *   publish: rename FILE.tmp.PID.N over FILE (nothing to do for the others).
 *   done:    keep it (after this, abort is a no-op).
 * From the stage to done a TERM, INT or HUP removes FILE again.  0 or MCRC_E_OUTPUT. */
int sio_out_stage(sio_out_t *o, mcrc_err_t *err);
int sio_out_publish(sio_out_t *o, mcrc_err_t *err);
void sio_out_done(sio_out_t *o);
/* A write to o->fp failed with errno e: abort and say so (MCRC_E_OUTPUT). */
int sio_out_fail(sio_out_t *o, int e, mcrc_err_t *err);
/* Leave nothing behind: close, remove the temporary file, and FILE if this output staged or published it
 * (a replaced FILE's old contents are gone by then).  A no-op after done or on a never-opened output. */
void sio_out_abort(sio_out_t *o);

/* ---- files read */
/* The one-line form of a name for messages: control characters as \n, \t, \xNN; invalid UTF-8 as '?'. */
void sio_label(const char *s, char *out, size_t n);
char *sio_label_dup(const char *s);
/* A file named by the user, as messages and the report show it: a URL's credentials redacted (url_redact_dup), then
 * sio_label_dup.  NULL when out of memory. */
char *sio_name_dup(const char *fn);
/* Refuse a FIFO, device, socket or directory where a regular file is expected (what: "--kb", "index" ...).
 * 0; 1 if fn does not exist and missing_ok; MCRC_E_INPUT. */
int sio_need_regular(const char *fn, const char *what, int missing_ok, mcrc_err_t *err);
/* Open a regular file for reading without blocking on a FIFO: fd >= 0, or MCRC_E_INPUT. */
int sio_open_regular(const char *fn, const char *what, mcrc_err_t *err);
/* The name of a compression htslib detects but cannot read as text (xz, zstd, bzip2, ...), or NULL. */
const char *sio_unreadable_compression(const htsFormat *f);
/* Before an input is opened: an index beside a regular file that is not itself a regular file is refused. */
int sio_input_precheck(const char *fn, int no_index, mcrc_err_t *err);
/* Open an input (a path or "-"): xz/zstd/bzip2 and unknown formats are refused by name, for files and
 * pipes alike, from the bytes htslib peeks at; *out is the open file, or NULL and MCRC_E_INPUT. */
int sio_open_input(const char *fn, const char *label, htsFile **out, mcrc_err_t *err);
/* A VCF header's text: the same ##contig ID twice with different lengths is an error. */
int sio_header_contigs(const char *txt, const char *label, mcrc_err_t *err);
/* --fasta: FASTA and .fai must be regular files, the .fai must exist (it is never written beside the
 * user's FASTA) and be well formed; then faidx.  NULL with a message. */
faidx_t *sio_fai_load(const char *fasta, mcrc_err_t *err);

/* ---- the same file under two names */
typedef struct { dev_t dev; ino_t ino; } sio_id_t;
/* 0 and *id when fn names an existing file (through any link); -1 if not. */
int sio_file_id(const char *fn, sio_id_t *id);

#endif
