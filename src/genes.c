/*
 * genes.c - gene spans of ERBB2, KRAS, NRAS and BRAF on GRCh37 and GRCh38.
 *
 * The spans are data (annotations/genes.tsv, compiled in); this module only
 * parses and checks them.  A span is the Ensembl/NCBI gene extent, used to
 * decide which records can touch a gene: a copy-number segment counts for
 * ERBB2 when it overlaps this span.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "genes.h"
#include "util.h"

static const char *names[N_GENES] = { "ERBB2", "KRAS", "NRAS", "BRAF" };

const char *gene_name(gene_id_t g) { return g < N_GENES ? names[g] : "?"; }

int gene_from_name(const char *name)
{
    for (int i = 0; i < N_GENES; i++) if (!strcmp(name, names[i])) return i;
    return -1;
}

const gene_span_t *genes_span(const gene_table_t *t, genome_build_t b, gene_id_t g)
{
    return (b > BUILD_UNKNOWN && b < N_BUILDS && g < N_GENES && t->have[b][g]) ? &t->span[b][g] : NULL;
}

int genes_load(gene_table_t *t, const char *tsv, mcrc_err_t *err)
{
    memset(t, 0, sizeof(*t));
    char *copy = strdup(tsv ? tsv : "");
    if (!copy) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    int ret = 0, lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        if (line[0] == '#' || !line[0]) continue;
        char *f[16];
        int nf = split_tabs(line, f, 16);
        int64_t s, e;
        int g = nf >= 9 ? gene_from_name(f[0]) : -1;
        genome_build_t b = nf >= 9 ? build_parse(f[1]) : BUILD_UNKNOWN;
        if (g < 0 || b == BUILD_UNKNOWN || parse_int64(f[3], &s) || parse_int64(f[4], &e) || s < 1 || e < s
            || (f[5][0] != '+' && f[5][0] != '-')) {
            ret = mcrc_fail(err, MCRC_E_INTERNAL, "genes.tsv line %d: malformed gene row", lineno);
            goto out;
        }
        gene_span_t *sp = &t->span[b][g];
        sp->gene = g; sp->build = b; sp->start = s; sp->end = e; sp->strand = f[5][0];
        if (contig_canonical(f[2], sp->chrom)) {
            ret = mcrc_fail(err, MCRC_E_INTERNAL, "genes.tsv line %d: unknown chromosome %s", lineno, f[2]);
            goto out;
        }
        /* keep the identifier, not the commentary that may follow it */
        snprintf(sp->transcript, sizeof(sp->transcript), "%.*s", (int)strcspn(f[7], " ("), f[7]);
        snprintf(sp->transcript_ens, sizeof(sp->transcript_ens), "%.*s", (int)strcspn(f[8], " ("), f[8]);
        t->have[b][g] = 1;
    }
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        for (int g = 0; g < N_GENES; g++)
            if (!t->have[b][g]) {
                ret = mcrc_fail(err, MCRC_E_INTERNAL, "genes.tsv: no span for %s on %s", names[g], build_name(b));
                goto out;
            }
out:
    free(copy);
    return ret;
}
