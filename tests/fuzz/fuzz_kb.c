/* fuzz_kb.c - libFuzzer target: the knowledge-base loader on arbitrary bytes (as --kb would read them). */
#include <stddef.h>
#include <stdint.h>
#include <libxml/parser.h>
#include "kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kb_t kb;
    mcrc_err_t err;
    if (kb_load_memory(&kb, (const char *)data, size, "fuzz", &err) == 0) {
        biomarker_status_t st[N_GENES] = { STATUS_AMPLIFIED, STATUS_WILD_TYPE, STATUS_MUTANT, STATUS_NOT_ASSESSED };
        const char **ids = calloc(kb.nblock + 1, sizeof(*ids)), **fired = calloc(kb.nrule + 1, sizeof(*fired));
        int nids, nfired;
        if (ids && fired) kb_select(&kb, st, ids, &nids, fired, &nfired);
        free(ids);
        free(fired);
    }
    kb_destroy(&kb);
    return 0;
}
