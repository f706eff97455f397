/*
 * input_sample.c - which column of an input is the tumour: -s names (any one of a comma-separated list must be
 * present), else the only sample, else ##tumor_sample= (Mutect2), else a column named TUMOR/TUMOUR (Strelka2 and
 * others), else the header's own words when they are unambiguous (##SAMPLE lines, a Manta/Strelka ##cmdline
 * --tumorBam named for one column), else an error that lists the samples.
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

/* What a ##SAMPLE line's words say of its sample: 1 tumour, 0 normal or nothing, -1 both.  Words: tumour/tumor
 * and normal/germline anywhere in its values (Description, Genomes, File...), or a TCGA barcode's sample type
 * (TCGA-XX-XXXX-NN: 01-09 tumour, 10-19 normal). */
static int sample_line_says(const bcf_hrec_t *h)
{
    int tum = 0, nor = 0;
    for (int i = 0; i < h->nkeys; i++) {
        if (!strcmp(h->keys[i], "ID") || !h->vals[i]) continue;
        const char *v = h->vals[i];
        if (strcasestr(v, "tumor") || strcasestr(v, "tumour")) tum = 1;
        if (strcasestr(v, "normal") || strcasestr(v, "germline")) nor = 1;
        for (const char *p = v; (p = strstr(p, "TCGA-")); p++) {
            /* TCGA-AB-1234-01A: the fourth field's two digits */
            const char *q = p + 5;
            int dashes = 0;
            while (*q && dashes < 2) if (*q++ == '-') dashes++;
            if (dashes == 2 && isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1])) {
                int t = (q[0] - '0') * 10 + (q[1] - '0');
                if (t >= 1 && t <= 9) tum = 1;
                else if (t >= 10 && t <= 19) nor = 1;
            }
        }
    }
    return tum && nor ? -1 : tum;
}

/* The file name of path without directories and a .bam/.cram/.sam ending, into out. */
static void bam_stem(const char *path, size_t len, char *out, size_t n)
{
    const char *b = path;
    for (size_t i = 0; i < len; i++) if (path[i] == '/') b = path + i + 1;
    size_t l = (size_t)(path + len - b);
    if (l >= n) l = n - 1;
    memcpy(out, b, l);
    out[l] = 0;
    char *dot = strrchr(out, '.');
    if (dot && (!strcmp(dot, ".bam") || !strcmp(dot, ".cram") || !strcmp(dot, ".sam"))) *dot = 0;
}

/*
 * The tumour column from the header's own words, when they are unambiguous: ##SAMPLE lines that mark exactly
 * one column as the tumour (and none other), or a Manta/Strelka ##cmdline whose --tumorBam file is named for
 * exactly one column and whose --normalBam is not.  Returns the column, or -1 (then the caller's error).
 */
static int tumour_from_header(input_t *in, char *how, size_t nhow)
{
    int n = bcf_hdr_nsamples(in->hdr), found = -1, count = 0;
    for (int i = 0; i < n; i++) {
        bcf_hrec_t *h = bcf_hdr_get_hrec(in->hdr, BCF_HL_STR, "ID", in->hdr->samples[i], "SAMPLE");
        int says = h ? sample_line_says(h) : 0;
        if (says < 0) { count = 2; break; }     /* a line that says both: not unambiguous */
        if (says == 1) { found = i; count++; }
    }
    if (count == 1) {
        snprintf(how, nhow, "the ##SAMPLE line of %.40s names it the tumour", in->hdr->samples[found]);
        return found;
    }
    bcf_hrec_t *cmd = bcf_hdr_get_hrec(in->hdr, BCF_HL_GEN, "cmdline", NULL, NULL);
    if (!cmd || !cmd->value) return -1;
    const char *v = cmd->value, *t = NULL, *nb = NULL;
    static const char *tkeys[] = { "--tumorBam", "--tumourBam", "--tumorBamFile" };
    for (size_t k = 0; k < sizeof(tkeys) / sizeof(tkeys[0]) && !t; k++) if ((t = strstr(v, tkeys[k]))) t += strlen(tkeys[k]);
    if ((nb = strstr(v, "--normalBam"))) nb += strlen("--normalBam");
    if (!t) return -1;
    char tstem[256], nstem[256] = "";
    while (*t == '=' || *t == ' ') t++;
    bam_stem(t, strcspn(t, " \t"), tstem, sizeof(tstem));
    if (nb) {
        while (*nb == '=' || *nb == ' ') nb++;
        bam_stem(nb, strcspn(nb, " \t"), nstem, sizeof(nstem));
    }
    found = -1; count = 0;
    for (int i = 0; i < n; i++) {
        const char *name = in->hdr->samples[i];
        int in_t = tstem[0] && strstr(tstem, name) != NULL, in_n = nstem[0] && strstr(nstem, name) != NULL;
        if (in_t && !in_n) { found = i; count++; }
    }
    if (count != 1) return -1;
    snprintf(how, nhow, "##cmdline --tumorBam names %.40s", in->hdr->samples[found]);
    return found;
}

int inp_choose_sample(input_t *in, const char *want, mcrc_err_t *err)
{
    int n = bcf_hdr_nsamples(in->hdr);
    in->sample = -1;
    if (n == 0) { snprintf(in->sample_how, sizeof(in->sample_how), "no samples (sites-only file)"); return 0; }
    if (want) {
        char *copy = strdup(want), *save = NULL;
        if (!copy) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        for (char *s = strtok_r(copy, ",", &save); s && in->sample < 0; s = strtok_r(NULL, ",", &save)) {
            int i = bcf_hdr_id2int(in->hdr, BCF_DT_SAMPLE, s);
            if (i >= 0) in->sample = i;
        }
        free(copy);
        if (in->sample >= 0) snprintf(in->sample_how, sizeof(in->sample_how), "named with -s");
    }
    if (in->sample < 0 && !want && n == 1) {
        in->sample = 0;
        snprintf(in->sample_how, sizeof(in->sample_how), "the only sample");
    }
    if (in->sample < 0 && !want) {
        bcf_hrec_t *h = bcf_hdr_get_hrec(in->hdr, BCF_HL_GEN, "tumor_sample", NULL, NULL);
        if (h && h->value) {
            int i = bcf_hdr_id2int(in->hdr, BCF_DT_SAMPLE, h->value);
            if (i >= 0) { in->sample = i; snprintf(in->sample_how, sizeof(in->sample_how), "##tumor_sample header line"); }
        }
    }
    if (in->sample < 0 && !want) {
        for (int i = 0; i < n; i++)
            if (!strcasecmp(in->hdr->samples[i], "TUMOR") || !strcasecmp(in->hdr->samples[i], "TUMOUR")) {
                in->sample = i;
                snprintf(in->sample_how, sizeof(in->sample_how), "the column named %s", in->hdr->samples[i]);
                break;
            }
    }
    if (in->sample < 0 && !want && (in->sample = tumour_from_header(in, in->sample_how, sizeof(in->sample_how))) < 0) in->sample = -1;
    if (in->sample < 0) {
        char list[512];
        size_t o = 0;
        for (int i = 0; i < n && o < sizeof(list) - 32; i++) {
            if (i == 20) { o += snprintf(list + o, sizeof(list) - o, " ... and %d more", n - 20); break; }
            char name[64];
            text_sanitize(in->hdr->samples[i], name, sizeof(name));
            o += snprintf(list + o, sizeof(list) - o, "%s%s", i ? ", " : "", name);
        }
        if (want) {
            char w[128];
            text_sanitize(want, w, sizeof(w));
            return mcrc_fail(err, MCRC_E_INPUT, "%s: sample %s is not in this file; its samples are: %s", in->label, w, list);
        }
        return mcrc_fail(err, MCRC_E_INPUT, "%s: %d samples and none is marked as the tumour; choose one with -s NAME (samples: %s)", in->label, n, list);
    }
    in->sample_name = text_sanitize_dup(in->hdr->samples[in->sample]);
    if (!in->sample_name) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    return 0;
}

