/*
 * main.c - mcrc-report's command line: parse the options (cli.c), drop an
 * input named twice, run the pipeline (run.c: init -> stream -> decide ->
 * report -> write -> destroy), and turn its result into one error line on
 * stderr and an exit code.
 * Only main() exits; everything else returns a negative code and a message
 * in run->err.  Exit codes: 0 ok, 1 usage, 2 input, 3 output, 4 internal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <htslib/kstring.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include "html.h"
#include "run.h"
#include "util.h"

/* One line on stderr whatever a file name holds: control characters come out as \n, \t, \xNN. */
static void message_line(const char *kind, const char *fmt, va_list ap)
{
    kstring_t k = { 0, 0, NULL };
    char *line = kvsprintf(&k, fmt, ap) < 0 ? NULL : sio_label_dup(k.s);
    fprintf(stderr, "mcrc-report: %s: %s\n", kind, line ? line : "out of memory");
    free(line);
    free(k.s);
}

static void error_line(const char *fmt, ...) MCRC_PRINTF(1, 2);
static void error_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_line("error", fmt, ap);
    va_end(ap);
}

static void warning_line(const char *fmt, ...) MCRC_PRINTF(1, 2);
static void warning_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_line("warning", fmt, ap);
    va_end(ap);
}

/* The same file given twice as input is read once (a warning names it): counting its calls twice
 * would double nothing in the decision, but it would list every call twice. */
static void drop_repeated_inputs(run_t *run)
{
    int k = 0;
    for (int i = 0; i < run->ninputs; i++) {
        sio_id_t a, b;
        int seen = -1;
        if (sio_file_id(run->input_fns[i], &a) == 0)
            for (int j = 0; j < k && seen < 0; j++)
                if (sio_file_id(run->input_fns[j], &b) == 0 && a.dev == b.dev && a.ino == b.ino) seen = j;
        if (seen >= 0) {
            if (run->verbosity >= 1)
                warning_line("%s: given more than once (the same file as %s); read once", run->input_fns[i], run->input_fns[seen]);
            continue;
        }
        run->input_fns[k++] = run->input_fns[i];
    }
    run->ninputs = k;
}

static int exit_code(int r)
{
    switch (r) {
    case MCRC_E_USAGE: return MCRC_EXIT_USAGE;
    case MCRC_E_INPUT: return MCRC_EXIT_INPUT;
    case MCRC_E_OUTPUT: return MCRC_EXIT_OUTPUT;
    default: return MCRC_EXIT_INTERNAL;
    }
}

int main(int argc, char **argv)
{
    run_t *run = calloc(1, sizeof(*run));
    if (!run) { error_line("out of memory"); return MCRC_EXIT_INTERNAL; }
    run_defaults(run);
    sio_signals_install();
    html_guard_install();
    LIBXML_TEST_VERSION
    int ret = MCRC_EXIT_OK;
    int r = cli_parse(run, argc, argv);
    if (r == 1) goto done;                  /* --help, --version */
    if (r < 0) { error_line("%s", run->err.msg); ret = exit_code(r); goto done; }
    drop_repeated_inputs(run);
    r = run_execute(run);
    if (r < 0) { error_line("%s", run->err.msg); ret = exit_code(r); }
done:
    run_destroy(run);
    free(run);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return ret;
}
