/*
 * fuzz_vcf.c - libFuzzer target: the whole path from VCF bytes to a report.  The input is written to
 * a temporary file and mcrc-report's own pipeline (cli_parse, then run.c's run_execute) runs on it, once
 * as XML and once as HTML, so parsing, the rules, the knowledge base, the XML tree and the stylesheet all
 * see it.  Run it with -close_fd_mask=2 (tests/fuzz/run.sh does) to silence any warning line.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "html.h"
#include "run.h"

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    snprintf(path, sizeof(path), "/tmp/mcrc-fuzz-%d.vcf", (int)getpid());
    sio_signals_install();
    html_guard_install();
    LIBXML_TEST_VERSION
    return 0;
}

/* as main() does, without its error line and exit code */
static void run_once(int argc, char **argv)
{
    run_t *run = calloc(1, sizeof(*run));
    if (!run) return;
    run_defaults(run);
    optind = 0;
    if (cli_parse(run, argc, argv) == 0) run_execute(run);
    run_destroy(run);
    free(run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    char *xml[] = { "mcrc-report", "--no-version", "-g", "GRCh38", "-o", "/dev/null", path, NULL };
    char *html[] = { "mcrc-report", "--no-version", "-O", "h", "-o", "/dev/null", path, NULL };
    run_once(7, xml);
    run_once(7, html);
    unlink(path);
    return 0;
}
