/*
 * fuzz_vcf.c - libFuzzer target: the whole path from VCF bytes to a report.  The input is written to
 * a temporary file and mcrc-report's own main() (compiled as mcrc_main) runs on it, once as XML and
 * once as HTML, so parsing, the rules, the knowledge base, the XML tree and the stylesheet all see it.
 * Run it with -close_fd_mask=2 (tests/fuzz/run.sh does) to silence the tool's one error line per input.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int mcrc_main(int argc, char **argv);

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    snprintf(path, sizeof(path), "/tmp/mcrc-fuzz-%d.vcf", (int)getpid());
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *fp = fopen(path, "wb");
    if (!fp) return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    char *xml[] = { "mcrc-report", "--no-version", "-g", "GRCh38", "-o", "/dev/null", path, NULL };
    char *html[] = { "mcrc-report", "--no-version", "-O", "h", "-o", "/dev/null", path, NULL };
    optind = 0;
    mcrc_main(7, xml);
    optind = 0;
    mcrc_main(7, html);
    unlink(path);
    return 0;
}
