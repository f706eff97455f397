/*
 * genes.c - gene spans of ERBB2, KRAS, NRAS and BRAF on GRCh37 and GRCh38.
 *
 * The spans are data (annotations/genes.tsv, compiled in, read once by
 * refdata.c through tsv.c); this module only parses and checks them: every
 * gene on both builds, once each, a known chromosome (contig_canonical), a
 * strand.  A span is the Ensembl/NCBI gene extent, used to decide which
 * records can touch a gene: a copy-number segment counts for ERBB2 when it
 * overlaps this span.  The same rows name each gene's chromosome (reasons
 * and contig checks) and its model transcripts (transcript_refseq,
 * transcript_ensembl: MANE Select on GRCh38 and its GRCh37 equivalent),
 * which an annotation's transcript is matched against, version ignored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "genes.h"
#include "tsv.h"
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
    static const char *const cols[] = { "gene", "build", "chrom", "gene_start", "gene_end", "strand",
                                        "transcript_refseq", "transcript_ensembl" };
    enum { C_GENE, C_BUILD, C_CHROM, C_START, C_END, C_STRAND, C_REFSEQ, C_ENS, C_N };
    int idx[C_N], ret, r;
    tsv_t tt;
    memset(t, 0, sizeof(*t));
    if ((ret = tsv_open(&tt, tsv, "genes.tsv", err)) < 0 || (ret = tsv_need(&tt, cols, idx, C_N, err)) < 0) goto out;
    while ((r = tsv_row(&tt, err)) == 1) {
        char **f = tt.f;
        int64_t s, e;
        int g = gene_from_name(f[idx[C_GENE]]);
        genome_build_t b = build_parse(f[idx[C_BUILD]]);
        const char *strand = f[idx[C_STRAND]];
        if (g < 0 || b == BUILD_UNKNOWN || tsv_count64(f[idx[C_START]], &s) || tsv_count64(f[idx[C_END]], &e) || s < 1 || e < s
            || (strcmp(strand, "+") && strcmp(strand, "-"))) {
            ret = tsv_fail(&tt, err, "malformed gene row");
            goto out;
        }
        if (t->have[b][g]) { ret = tsv_fail(&tt, err, "%s %s appears twice", names[g], build_name(b)); goto out; }
        gene_span_t *sp = &t->span[b][g];
        sp->gene = g; sp->build = b; sp->start = s; sp->end = e; sp->strand = strand[0];
        if (contig_canonical(f[idx[C_CHROM]], sp->chrom)) {
            ret = tsv_fail(&tt, err, "unknown chromosome %s", f[idx[C_CHROM]]);
            goto out;
        }
        /* keep the identifier, not the commentary that may follow it */
        const char *rs = f[idx[C_REFSEQ]], *en = f[idx[C_ENS]];
        snprintf(sp->transcript, sizeof(sp->transcript), "%.*s", (int)strcspn(rs, " ("), rs);
        snprintf(sp->transcript_ens, sizeof(sp->transcript_ens), "%.*s", (int)strcspn(en, " ("), en);
        t->have[b][g] = 1;
    }
    if ((ret = r) < 0) goto out;
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        for (int g = 0; g < N_GENES; g++)
            if (!t->have[b][g]) {
                ret = mcrc_fail(err, MCRC_E_INTERNAL, "genes.tsv: no span for %s on %s", names[g], build_name(b));
                goto out;
            }
out:
    tsv_close(&tt);
    return ret;
}

/* tx equal to want ignoring a ".version" suffix on either */
static int same_accession(const char *tx, const char *want)
{
    size_t lt = strcspn(tx, "."), lw = strcspn(want, ".");
    return lt == lw && lt > 0 && !strncmp(tx, want, lt);
}

int genes_is_model_transcript(const gene_table_t *t, const char *gene, const char *tx)
{
    int g = gene && tx ? gene_from_name(gene) : -1;
    if (!t || g < 0) return 0;
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        if (t->have[b][g] && (same_accession(tx, t->span[b][g].transcript) || same_accession(tx, t->span[b][g].transcript_ens)))
            return 1;
    return 0;
}
