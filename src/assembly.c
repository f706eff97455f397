/*
 * assembly.c - which genome build a VCF's coordinates are on.
 *
 * Rules, strongest first:
 *   1. ##contig lines with a length: a primary chromosome whose length equals
 *      the GRCh37 or GRCh38 length (annotations/assemblies.tsv) votes for
 *      that build; a RefSeq accession (NC_000017.11) votes by its version.
 *      Votes for both builds make the header contradictory: an error.
 *   2. Otherwise the ##reference / ##assembly lines (and contig assembly=
 *      attributes), matched against annotations/reference-names.tsv.
 *   3. Otherwise unknown.  Whether an unknown build matters is decided by
 *      the caller (run.c): only when some record lies in a gene span of
 *      either build.
 * Contig lengths describe the coordinates themselves, but a header whose
 * ##reference/##assembly names the other build contradicts itself (a
 * lifted-over file with a stale ##reference, or a damaged one): an error,
 * as no gene span can be trusted.  The name's build is kept beside (named):
 * a -g that contradicts either is an error (run.c), never an override.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assembly.h"
#include "tsv.h"
#include "util.h"

/* grow *arr (n used, *m allocated) to hold one more of size sz */
static int grow_one(void **arr, int n, int *m, size_t sz)
{
    if (n < *m) return 0;
    int nm = *m ? 2 * *m : 32;
    void *p = realloc(*arr, nm * sz);
    if (!p) return -1;
    *arr = p; *m = nm;
    return 0;
}

int assembly_load(assembly_t *a, const char *assemblies_tsv, const char *refnames_tsv, mcrc_err_t *err)
{
    static const char *const acols[] = { "build", "chrom", "length", "refseq" }, *const wcols[] = { "build", "word" };
    int ret, r, m = 0, idx[4];
    tsv_t t;
    memset(a, 0, sizeof(*a));
    if ((ret = tsv_open(&t, assemblies_tsv, "assemblies.tsv", err)) < 0 || (ret = tsv_need(&t, acols, idx, 4, err)) < 0) goto out;
    while ((r = tsv_row(&t, err)) == 1) {
        int64_t len;
        if (tsv_count64(t.f[idx[2]], &len)) { ret = tsv_fail(&t, err, "malformed row"); goto out; }
        if (grow_one((void **)&a->row, a->nrow, &m, sizeof(*a->row))) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        assembly_row_t *row = &a->row[a->nrow++];
        row->build = build_parse(t.f[idx[0]]);
        row->length = len;
        snprintf(row->chrom, sizeof(row->chrom), "%s", t.f[idx[1]]);
        snprintf(row->refseq, sizeof(row->refseq), "%s", t.f[idx[3]]);
    }
    if ((ret = r) < 0) goto out;
    tsv_close(&t);
    m = 0;
    if ((ret = tsv_open(&t, refnames_tsv, "reference-names.tsv", err)) < 0 || (ret = tsv_need(&t, wcols, idx, 2, err)) < 0) goto out;
    while ((r = tsv_row(&t, err)) == 1) {
        if (grow_one((void **)&a->word, a->nword, &m, sizeof(*a->word))) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
        a->word[a->nword].build = build_parse(t.f[idx[0]]);
        snprintf(a->word[a->nword].word, sizeof(a->word[0].word), "%s", t.f[idx[1]]);
        a->nword++;
    }
    ret = r < 0 ? r : 0;
out:
    tsv_close(&t);
    if (ret) assembly_destroy(a);
    return ret;
}

void assembly_destroy(assembly_t *a)
{
    free(a->row);
    free(a->word);
    memset(a, 0, sizeof(*a));
}

genome_build_t assembly_accession_build(const assembly_t *a, const char *name)
{
    if (strncmp(name, "NC_", 3)) return BUILD_UNKNOWN;
    for (int i = 0; i < a->nrow; i++)
        if (!strcmp(a->row[i].refseq, name)) return a->row[i].build;
    return BUILD_UNKNOWN;
}

/* needle occurs in hay as a word: not preceded or followed by a letter or digit
 * ("b38" in "ref/b38.fa" but not in "lab38/ref.fa"). */
static int word_found(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, n) && (p == hay || !isalnum((unsigned char)p[-1]))
            && !isalnum((unsigned char)p[n])) return 1;
    return 0;
}

/* Which build a free-text name (a path, "hg19", "GRCh38_full_analysis_set") points to: 0 none,
 * BUILD_* for one, -1 for an unsupported build, -2 when it names both. */
static int build_from_words(const assembly_t *a, const char *text, const char **word)
{
    int found = 0;
    for (int i = 0; i < a->nword; i++) {
        if (!word_found(text, a->word[i].word)) continue;
        int b = a->word[i].build ? (int)a->word[i].build : -1;
        if (found && found != b) return -2;
        found = b;
        *word = a->word[i].word;
    }
    return found;
}

int assembly_detect(const assembly_t *a, const bcf_hdr_t *hdr, build_evidence_t *out, mcrc_err_t *err)
{
    memset(out, 0, sizeof(*out));
    int votes[N_BUILDS] = { 0 };
    char first[N_BUILDS][96] = { { 0 } };
    int name_build = 0; const char *name_word = NULL; char name_text[320] = "";

    for (int i = 0; i < hdr->nhrec; i++) {
        bcf_hrec_t *h = hdr->hrec[i];
        if (h->type == BCF_HL_CTG) {
            int iid = bcf_hrec_find_key(h, "ID"), ilen = bcf_hrec_find_key(h, "length");
            int iasm = bcf_hrec_find_key(h, "assembly");
            if (iid < 0) continue;
            const char *id = h->vals[iid];
            genome_build_t acc = assembly_accession_build(a, id);
            if (acc) {
                votes[acc]++;
                if (!first[acc][0]) snprintf(first[acc], sizeof(first[0]), "##contig accession %.40s", id);
                continue;
            }
            char canon[8];
            int64_t len;
            if (ilen >= 0 && !contig_canonical(id, canon) && !parse_int64(h->vals[ilen], &len)) {
                for (int r = 0; r < a->nrow; r++) {
                    if (strcmp(a->row[r].chrom, canon) || a->row[r].length != len) continue;
                    genome_build_t b = a->row[r].build;
                    votes[b]++;
                    if (!first[b][0] || !strcmp(canon, "17"))
                        snprintf(first[b], sizeof(first[0]), "##contig length of %.30s (%lld)", id, (long long)len);
                }
            }
            if (iasm >= 0) {
                const char *w = NULL;
                int b = build_from_words(a, h->vals[iasm], &w);
                if (b && !name_build) {
                    name_build = b; name_word = w;
                    snprintf(name_text, sizeof(name_text), "##contig assembly=%.60s", h->vals[iasm]);
                } else if (b && b != name_build) {
                    name_build = -2;      /* two names for two builds: the header contradicts itself */
                }
            }
        } else if (h->type == BCF_HL_GEN && h->key && h->value
                   && (!strcmp(h->key, "reference") || !strcmp(h->key, "assembly"))) {
            const char *w = NULL;
            int b = build_from_words(a, h->value, &w);
            if (b && !name_build) {
                name_build = b; name_word = w;
                snprintf(name_text, sizeof(name_text), "##%s=%.140s", h->key, h->value);
            } else if (b && b != name_build) {
                if (name_build != -2) snprintf(name_text + strlen(name_text), sizeof(name_text) - strlen(name_text), " and ##%s=%.140s", h->key, h->value);
                name_build = -2;          /* two lines naming two builds (or one naming both) */
            }
        }
    }
    if (name_build > 0) {
        out->named = name_build;
        snprintf(out->named_how, sizeof(out->named_how), "%.170s (names %.16s)", name_text, name_word);
    }
    if (votes[BUILD_GRCH37] && votes[BUILD_GRCH38])
        return mcrc_fail(err, MCRC_E_INPUT, "the ##contig lines contradict each other: %s is GRCh37 but %s is GRCh38",
                         first[BUILD_GRCH37], first[BUILD_GRCH38]);
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        if (votes[b]) {
            out->build = b;
            snprintf(out->how, sizeof(out->how), "%s", first[b]);
            /* a header that names the other build beside its contig lengths contradicts itself: which of the
             * two its coordinates follow cannot be told, so no gene span can be trusted */
            if (name_build > 0 && name_build != b)
                return mcrc_fail(err, MCRC_E_INPUT, "the header contradicts itself: %s is %s but %s names %s",
                                 first[b], build_name(b), out->named_how, build_name(name_build));
            if (name_build == -2)
                return mcrc_fail(err, MCRC_E_INPUT, "the header contradicts itself: %s names more than one build", name_text);
            return 0;
        }
    if (name_build > 0) {
        out->build = name_build;
        snprintf(out->how, sizeof(out->how), "%.200s (names %.16s)", name_text, name_word);
    } else if (name_build == -1) {
        out->unsupported = 1;
        snprintf(out->how, sizeof(out->how), "%.200s names an unsupported build (%.16s)", name_text, name_word);
    } else if (name_build == -2) {
        /* as beside contig lengths: which build the coordinates follow cannot be told, and a -g that agrees
         * with one of the names would only pick one of two contradicting statements */
        return mcrc_fail(err, MCRC_E_INPUT, "the header contradicts itself: %s names more than one build", name_text);
    }
    return 0;
}
