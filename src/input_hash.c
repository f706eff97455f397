/*
 * input_hash.c - the inputs' SHA-256 for the report's provenance, computed in one background thread while the
 * records are streamed (see below).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <pthread.h>
#include <htslib/bgzf.h>
#include <htslib/hfile.h>
#include <htslib/kseq.h>
#include <htslib/kstring.h>
#include "extent.h"
#include "input.h"
#include "sha256.h"
#include "safe_io.h"
#include "util.h"
#include "input_priv.h"

/*
 * Checksums.  Every regular input file that is read whole is hashed for the
 * provenance (--checksum full: indexed ones too; none: no file).  That is a
 * second read of the file, so it runs in one background thread while the
 * records are streamed: on two cores it costs no wall time.  An input read
 * through its index is not hashed by default: the hash would be the only
 * full read of it, and would make the run as slow as streaming.
 */
typedef struct { input_t *in; int n; int failed_index, failed_errno; } hash_job_t;

static void *hash_inputs(void *arg)
{
    hash_job_t *job = arg;
    for (int i = 0; i < job->n; i++) {
        input_t *in = &job->in[i];
        int64_t size;
        if (!in->hash_wanted) continue;
        if (sha256_file(in->fn, in->sha256, &size) != 0) { job->failed_index = i + 1; job->failed_errno = errno; break; }
        if (size != in->size) { job->failed_index = i + 1; job->failed_errno = 0; break; }
    }
    return NULL;
}

int inputs_hash_start(input_t *inputs, int n, input_hash_t *h, mcrc_err_t *err)
{
    hash_job_t *job = calloc(1, sizeof(*job));
    if (!job) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    job->in = inputs;
    job->n = n;
    h->job = job;
    h->running = pthread_create(&h->thread, NULL, hash_inputs, job) == 0;
    if (!h->running) hash_inputs(job);     /* no thread to be had: hash here */
    return 0;
}

int inputs_hash_join(input_hash_t *h, mcrc_err_t *err)
{
    hash_job_t *job = h->job;
    int ret = 0;
    if (!job) return 0;
    if (h->running) pthread_join(h->thread, NULL);
    h->running = 0;
    if (job->failed_index) {
        input_t *in = &job->in[job->failed_index - 1];
        ret = job->failed_errno
            ? mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read for its checksum: %s", in->label, strerror(job->failed_errno))
            : mcrc_fail(err, MCRC_E_INPUT, "%s: the file changed while it was being read", in->label);
    }
    free(job);
    h->job = NULL;
    return ret;
}
