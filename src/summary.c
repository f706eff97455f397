/*
 * summary.c - mcrc-summary: one row per tumour from many mcrc-report XML reports.
 *
 * A cohort is run as one mcrc-report per tumour (in parallel, by Snakemake or
 * Nextflow); this program gathers the reports afterwards.  It writes:
 *   - the cohort TSV: two '#' comment lines with the cohort's counts (the
 *     HER2-amplification rate), a header line, then one row per report;
 *   - optionally a MultiQC custom-content table (FILE_mqc.tsv): a YAML header
 *     in '#' comments (id, section_name, description with the rate,
 *     plot_type: table, column headers), then the same rows.
 *
 * Columns: sample, erbb2_status, erbb2_cn_min, erbb2_cn_max, kras_status,
 * kras_protein, nras_status, nras_protein, braf_status, braf_protein, genome,
 * vcf_sample, report.
 *   - sample: the report's file name without its directory and a final ".xml"
 *     (pipelines name reports after the tumour).  Two reports with the same
 *     sample name are an error: the rows would be indistinguishable.
 *   - *_status: the biomarker's status word as the report gives it.
 *   - erbb2_cn_min/max: <copy-number min max> of ERBB2 (after purity
 *     correction; min is the one the amplification rule reads).
 *   - *_protein: protein changes of the variants that make the gene mutant
 *     (<variant used="true"> classed hotspot, class-2 or class-3), in report
 *     order, comma-separated, each once.
 *   - genome: <genome build>; vcf_sample: the distinct <input sample> names.
 *   - report: the path as given.
 *   An element or attribute the report does not have gives an empty field:
 *   reports without copy-number input or without variants are normal.
 *
 * HER2-amplification rate: amplified / tumours whose ERBB2 status is
 * amplified, equivocal or not-amplified.  Indeterminate and not-assessed
 * tumours have no ERBB2 result and are counted apart, never in the rate.
 *
 * Refused (input error, exit 2): a file that is not XML, has a DOCTYPE
 * (reports never do; no entity or DTD is ever loaded), whose root is not
 * <mcrc-report>, or whose schema-version is not 1; a biomarker without a
 * gene or status, or twice in one report.  Nothing is written then.
 *
 * Output is deterministic: rows sorted by sample name (bytewise), numbers
 * copied as the report wrote them, no time or version in the data; files
 * are written whole to FILE.tmp.XXXXXX and renamed (output.c).
 * Exit status as mcrc-report: 0 ok, 1 usage, 2 input, 3 output, 4 internal.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <htslib/kstring.h>
#include "mcrc.h"
#include "output.h"
#include "util.h"

enum { SG_ERBB2, SG_KRAS, SG_NRAS, SG_BRAF, N_SGENES };
static const char *gene_names[N_SGENES] = { "ERBB2", "KRAS", "NRAS", "BRAF" };

/* one report, one row */
typedef struct {
    char *sample, *path;
    char *status[N_SGENES];
    char *cn_min, *cn_max;
    kstring_t protein[N_SGENES];
    char *genome;
    kstring_t vcf_sample;
} row_t;

typedef struct {
    const char *fn_out, *fn_mqc;
    int verbosity;
    row_t *rows;
    int nrows, mrows;
    mcrc_err_t err;
} args_t;

static void usage(FILE *fp)
{
    fprintf(fp,
"\n"
"About:   Gather mcrc-report XML reports of a cohort into one table: one row per\n"
"         tumour (sample, ERBB2 status and copy number, KRAS/NRAS/BRAF status and\n"
"         protein changes, report path), the cohort's HER2-amplification rate, and\n"
"         optionally a MultiQC custom-content table.\n"
"Usage:   mcrc-summary [options] REPORT.xml [REPORT.xml ...]\n"
"\n"
"Options:\n"
"  -o, --output FILE      write the cohort TSV to FILE [standard output]\n"
"  -m, --multiqc FILE     also write a MultiQC table; name it *_mqc.tsv so that\n"
"                         MultiQC finds it [not written]\n"
"  -l, --list FILE        read report paths from FILE, one per line, after those\n"
"                         given as arguments ('-' for standard input) [none]\n"
"  -v, --verbosity INT    0 errors only, 1 warnings [1]\n"
"      --version          print the version and exit\n"
"  -h, --help             print this help and exit\n"
"\n"
"The sample name is the report's file name without directory and '.xml'.\n"
"Exit status: 0 written, 1 usage error, 2 input error (unreadable file, not an\n"
"             mcrc-report report, duplicate sample), 3 output error, 4 internal.\n"
"\n"
"Examples:\n"
"  mcrc-summary -o cohort.tsv -m mcrc_report_mqc.tsv reports/*.xml\n"
"  find reports -name '*.xml' | mcrc-summary -l - -o cohort.tsv\n"
"\n");
}

/* ------------------------------------------------------------- helpers */

/* TSV fields never hold a tab or a line break: replace them by a space */
static char *field_dup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) return NULL;
    for (char *p = d; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r') *p = ' ';
    return d;
}

static char *attr_dup(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (!v) return NULL;
    char *d = field_dup((const char *)v);
    xmlFree(v);
    return d;
}

static int is_element(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* append word to a comma-separated list unless it is there already */
static int list_add(kstring_t *ks, const char *word)
{
    size_t wl = strlen(word);
    const char *p = ks->s;
    while (p && *p) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == wl && !strncmp(p, word, wl)) return 0;
        p = e ? e + 1 : NULL;
    }
    if (ks->l && kputc(',', ks) < 0) return -1;
    return kputs(word, ks) < 0 ? -1 : 0;
}

static void row_destroy(row_t *r)
{
    free(r->sample); free(r->path); free(r->cn_min); free(r->cn_max); free(r->genome);
    for (int g = 0; g < N_SGENES; g++) { free(r->status[g]); free(r->protein[g].s); }
    free(r->vcf_sample.s);
}

static char *read_whole(const char *fn, size_t *len, mcrc_err_t *err, const char *label)
{
    FILE *fp = fopen(fn, "rb");
    if (!fp) { mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", label, strerror(errno)); return NULL; }
    kstring_t ks = KS_INITIALIZE;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        if (kputsn(buf, n, &ks) < 0) { fclose(fp); free(ks.s); mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); return NULL; }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) { free(ks.s); mcrc_fail(err, MCRC_E_INPUT, "%s: read failed", label); return NULL; }
    if (ks.l > (size_t)1 << 30) { free(ks.s); mcrc_fail(err, MCRC_E_INPUT, "%s: larger than 1 GiB: not a report", label); return NULL; }
    *len = ks.l;
    if (!ks.s && !(ks.s = calloc(1, 1))) { mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); return NULL; }
    return ks.s;
}

/* ------------------------------------------------------------- one report */

static int read_biomarker(xmlNodePtr bm, row_t *row, mcrc_err_t *err)
{
    xmlChar *gene = xmlGetProp(bm, (const xmlChar *)"gene");
    int g;
    for (g = 0; g < N_SGENES; g++)
        if (gene && !strcmp((const char *)gene, gene_names[g])) break;
    if (g == N_SGENES) {
        char label[64];
        text_sanitize(gene ? (const char *)gene : "", label, sizeof(label));
        int ret = mcrc_fail(err, MCRC_E_INPUT, "line %ld: <biomarker> %s%s%s: not one of ERBB2, KRAS, NRAS, BRAF",
                            (long)xmlGetLineNo(bm), gene ? "gene=\"" : "without a gene", gene ? label : "", gene ? "\"" : "");
        xmlFree(gene);
        return ret;
    }
    xmlFree(gene);
    if (row->status[g])
        return mcrc_fail(err, MCRC_E_INPUT, "line %ld: a second <biomarker gene=\"%s\">", (long)xmlGetLineNo(bm), gene_names[g]);
    if (!(row->status[g] = attr_dup(bm, "status")))
        return mcrc_fail(err, MCRC_E_INPUT, "line %ld: <biomarker gene=\"%s\"> has no status", (long)xmlGetLineNo(bm), gene_names[g]);
    for (xmlNodePtr c = bm->children; c; c = c->next) {
        if (g == SG_ERBB2 && is_element(c, "copy-number") && !row->cn_min) {
            row->cn_min = attr_dup(c, "min");
            row->cn_max = attr_dup(c, "max");
            double d;
            if ((row->cn_min && parse_double(row->cn_min, &d)) || (row->cn_max && parse_double(row->cn_max, &d)))
                return mcrc_fail(err, MCRC_E_INPUT, "line %ld: ERBB2 <copy-number> min or max is not a number", (long)xmlGetLineNo(c));
        } else if (is_element(c, "variant")) {
            xmlChar *used = xmlGetProp(c, (const xmlChar *)"used");
            xmlChar *cls = xmlGetProp(c, (const xmlChar *)"classification");
            int counts = used && !strcmp((const char *)used, "true") && cls
                && (!strcmp((const char *)cls, "hotspot") || !strcmp((const char *)cls, "class-2") || !strcmp((const char *)cls, "class-3"));
            xmlFree(used); xmlFree(cls);
            if (!counts) continue;
            /* the protein change; a counted variant always has one, but never write an empty item */
            char *p = attr_dup(c, "protein");
            if (!p) p = attr_dup(c, "coding");
            for (char *q = p; q && *q; q++) if (*q == ',') *q = ';';   /* the list separator */
            int r = list_add(&row->protein[g], p && *p ? p : "?");
            free(p);
            if (r < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        }
    }
    return 0;
}

static int read_provenance(xmlNodePtr prov, row_t *row, mcrc_err_t *err)
{
    for (xmlNodePtr c = prov->children; c; c = c->next) {
        if (is_element(c, "genome") && !row->genome) {
            row->genome = attr_dup(c, "build");
        } else if (is_element(c, "input")) {
            char *s = attr_dup(c, "sample");
            if (s) for (char *q = s; *q; q++) if (*q == ',') *q = ';';
            int r = s && *s ? list_add(&row->vcf_sample, s) : 0;
            free(s);
            if (r < 0) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
        }
    }
    return 0;
}

/* the sample name: file name without directory and a final ".xml" */
static char *sample_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t l = strlen(b);
    if (l > 4 && !strcasecmp(b + l - 4, ".xml")) l -= 4;
    char *s = strndup(b, l);
    if (s) for (char *p = s; *p; p++) if (*p == '\t' || *p == '\n' || *p == '\r') *p = ' ';
    return s;
}

static int read_report(args_t *args, const char *path)
{
    mcrc_err_t *err = &args->err;
    char label[512];
    text_sanitize(path, label, sizeof(label));
    int ret = 0;
    xmlDocPtr doc = NULL;
    size_t len = 0;
    char *buf = read_whole(path, &len, err, label);
    if (!buf) return MCRC_E_INPUT;
    if (len > (size_t)2147483647) { free(buf); return mcrc_fail(err, MCRC_E_INPUT, "%s: too large", label); }

    if (args->nrows == args->mrows) {
        int m = args->mrows ? 2 * args->mrows : 64;
        row_t *r = realloc(args->rows, (size_t)m * sizeof(*r));
        if (!r) { free(buf); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
        args->rows = r; args->mrows = m;
    }
    row_t *row = &args->rows[args->nrows];
    memset(row, 0, sizeof(*row));
    args->nrows++;   /* counted now, so that a failure below still frees it */

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) { free(buf); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    /* no XML_PARSE_NOENT / DTDLOAD: entities are never expanded, nothing is fetched */
    doc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(buf);
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[512];
        text_sanitize(e && e->message ? e->message : "malformed", msg, sizeof(msg));
        size_t l = strlen(msg);
        while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' ')) msg[--l] = 0;
        ret = mcrc_fail(err, MCRC_E_INPUT, "line %d: not well-formed XML: %s", e ? e->line : 0, msg);
        xmlFreeParserCtxt(ctxt);
        goto fail;
    }
    xmlFreeParserCtxt(ctxt);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (doc->intSubset || doc->extSubset) { ret = mcrc_fail(err, MCRC_E_INPUT, "has a DOCTYPE; an mcrc-report report never does"); goto fail; }
    if (root && root->ns && !strcmp((const char *)root->name, "mcrc-report")) {
        char ns[256];
        text_sanitize(root->ns->href ? (const char *)root->ns->href : "", ns, sizeof(ns));
        ret = mcrc_fail(err, MCRC_E_INPUT, "not an mcrc-report report: <mcrc-report> is in the namespace %s; reports use none", ns);
        goto fail;
    }
    if (!root || strcmp((const char *)root->name, "mcrc-report")) {
        char name[128];
        text_sanitize(root ? (const char *)root->name : "", name, sizeof(name));
        ret = mcrc_fail(err, MCRC_E_INPUT, "not an mcrc-report report: the root element is <%s>, not <mcrc-report>", name);
        goto fail;
    }
    xmlChar *sv = xmlGetProp(root, (const xmlChar *)"schema-version");
    if (!sv || strcmp((const char *)sv, "1")) {
        char v[64];
        text_sanitize(sv ? (const char *)sv : "", v, sizeof(v));
        ret = sv ? mcrc_fail(err, MCRC_E_INPUT, "report schema-version \"%s\" is not one this mcrc-summary reads (1)", v)
                 : mcrc_fail(err, MCRC_E_INPUT, "not an mcrc-report report: <mcrc-report> has no schema-version");
        xmlFree(sv);
        goto fail;
    }
    xmlFree(sv);
    if (!(row->path = field_dup(path)) || !(row->sample = sample_name(path))) { ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto fail; }
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (is_element(c, "biomarker")) ret = read_biomarker(c, row, err);
        else if (is_element(c, "provenance")) ret = read_provenance(c, row, err);
        if (ret) goto fail;
    }
    xmlFreeDoc(doc);
    return 0;

fail:
    if (doc) xmlFreeDoc(doc);
    {
        char prefix[560];
        snprintf(prefix, sizeof(prefix), "%s: ", label);
        mcrc_prefix(err, prefix);
    }
    return ret ? ret : MCRC_E_INPUT;
}

/* ------------------------------------------------------------- output */

static int cmp_row(const void *a, const void *b)
{
    const row_t *x = a, *y = b;
    int c = strcmp(x->sample, y->sample);
    return c ? c : strcmp(x->path, y->path);
}

/* the columns after "sample": name, MultiQC title, MultiQC description (put_rows writes them in this order) */
static const char *columns[][3] = {
    { "erbb2_status", "ERBB2", "ERBB2 (HER2) amplification status" },
    { "erbb2_cn_min", "ERBB2 CN min", "lowest ERBB2 copy number over the gene (purity-corrected)" },
    { "erbb2_cn_max", "ERBB2 CN max", "highest ERBB2 copy number over the gene (purity-corrected)" },
    { "kras_status", "KRAS", "KRAS mutation status" },
    { "kras_protein", "KRAS change", "KRAS protein changes that make it mutant" },
    { "nras_status", "NRAS", "NRAS mutation status" },
    { "nras_protein", "NRAS change", "NRAS protein changes that make it mutant" },
    { "braf_status", "BRAF", "BRAF mutation status" },
    { "braf_protein", "BRAF change", "BRAF protein changes that make it mutant" },
    { "genome", "Build", "genome build of the inputs" },
    { "vcf_sample", "VCF sample", "sample column(s) read from the VCFs" },
    { "report", "Report", "path of the mcrc-report XML report" },
};
#define N_COLUMNS ((int)(sizeof(columns) / sizeof(*columns)))

/* MultiQC: a background colour per status word, the HTML page's palette (schemas/report-html.xsl),
 * so that a cohort table reads like the patients' pages and no two words share a colour */
static const char *status_colours[][2] = {
    { "amplified", "#dce8f8" }, { "mutant", "#dce8f8" }, { "equivocal", "#fdf0d0" },
    { "not-amplified", "#eef1f4" }, { "wild-type", "#eef1f4" }, { "no-mutation-detected", "#e2eee0" },
    { "indeterminate", "#f1e9f8" }, { "not-assessed", "#f4f4f4" },
};

/* the header line: first column's name, then the others */
static int put_header(kstring_t *ks, const char *first)
{
    int r = kputs(first, ks) < 0;
    for (int j = 0; j < N_COLUMNS; j++) r |= ksprintf(ks, "\t%s", columns[j][0]) < 0;
    r |= kputc('\n', ks) < 0;
    return r ? -1 : 0;
}

static int put_rows(kstring_t *ks, const args_t *args)
{
    int r = 0;
    for (int i = 0; i < args->nrows; i++) {
        const row_t *w = &args->rows[i];
        const char *f[] = {
            w->sample, w->status[SG_ERBB2], w->cn_min, w->cn_max,
            w->status[SG_KRAS], w->protein[SG_KRAS].s, w->status[SG_NRAS], w->protein[SG_NRAS].s,
            w->status[SG_BRAF], w->protein[SG_BRAF].s, w->genome, w->vcf_sample.s, w->path
        };
        for (size_t j = 0; j < sizeof(f) / sizeof(*f); j++) {
            if (j) r |= kputc('\t', ks) < 0;
            if (f[j]) r |= kputs(f[j], ks) < 0;
        }
        r |= kputc('\n', ks) < 0;
    }
    return r ? -1 : 0;
}

typedef struct { int n, amp, eq, notamp, indet, notass, other, mutant[N_SGENES]; } counts_t;

static void count(const args_t *args, counts_t *c)
{
    memset(c, 0, sizeof(*c));
    for (int i = 0; i < args->nrows; i++) {
        const row_t *w = &args->rows[i];
        const char *s = w->status[SG_ERBB2] ? w->status[SG_ERBB2] : "";
        c->n++;
        if (!strcmp(s, "amplified")) c->amp++;
        else if (!strcmp(s, "equivocal")) c->eq++;
        else if (!strcmp(s, "not-amplified")) c->notamp++;
        else if (!strcmp(s, "indeterminate")) c->indet++;
        else if (!strcmp(s, "not-assessed")) c->notass++;
        else c->other++;
        for (int g = SG_KRAS; g < N_SGENES; g++)
            c->mutant[g] += w->status[g] && !strcmp(w->status[g], "mutant");
    }
}

/* "2 of 4 tumours with an ERBB2 result (50.0%)" */
static int put_rate(kstring_t *ks, const counts_t *c)
{
    int with = c->amp + c->eq + c->notamp;
    if (!with) return kputs("no tumour with an ERBB2 result (amplified, equivocal or not-amplified)", ks) < 0 ? -1 : 0;
    return ksprintf(ks, "%d of %d tumour%s with an ERBB2 result (%.1f%%)", c->amp, with, with == 1 ? "" : "s",
                    100.0 * c->amp / with) < 0 ? -1 : 0;
}

static int put_counts(kstring_t *ks, const counts_t *c)
{
    int r = ksprintf(ks, "equivocal %d, not-amplified %d, indeterminate %d, not-assessed %d", c->eq, c->notamp, c->indet, c->notass) < 0;
    if (c->other) r |= ksprintf(ks, ", other or missing %d", c->other) < 0;
    return r ? -1 : 0;
}

static int make_tsv(const args_t *args, const counts_t *c, kstring_t *ks)
{
    int r = ksprintf(ks, "# mcrc-summary: %d report%s\n# ERBB2 amplified: ", c->n, c->n == 1 ? "" : "s") < 0;
    r |= put_rate(ks, c);
    r |= kputs("; ", ks) < 0;
    r |= put_counts(ks, c);
    r |= ksprintf(ks, "\n# mutant: KRAS %d, NRAS %d, BRAF %d\n", c->mutant[SG_KRAS], c->mutant[SG_NRAS], c->mutant[SG_BRAF]) < 0;
    r |= put_header(ks, "sample");
    r |= put_rows(ks, args);
    return r ? -1 : 0;
}

/* MultiQC custom content: YAML in '#' lines (quoted with '', which YAML reads literally) */
static int make_mqc(const args_t *args, const counts_t *c, kstring_t *ks)
{
    int r = kputs("# id: 'mcrc-report'\n"
                  "# section_name: 'mCRC biomarkers (mcrc-report)'\n"
                  "# description: 'ERBB2 (HER2) amplification and KRAS, NRAS and BRAF status of each tumour. "
                  "HER2-amplification rate of the cohort: ", ks) < 0;
    r |= put_rate(ks, c);
    r |= kputs("; ", ks) < 0;
    r |= put_counts(ks, c);
    r |= kputs(".'\n# plot_type: 'table'\n# pconfig:\n#     id: 'mcrc-report-table'\n"
               "#     title: 'mcrc-report: mCRC biomarkers'\n#     namespace: 'mcrc-report'\n# headers:\n", ks) < 0;
    for (int j = 0; j < N_COLUMNS; j++) {
        const char *name = columns[j][0];
        /* placement keeps this order: without it MultiQC sorts the columns by title */
        r |= ksprintf(ks, "#     %s:\n#         title: '%s'\n#         description: '%s'\n#         placement: %d\n",
                      name, columns[j][1], columns[j][2], 100 + 10 * j) < 0;
        if (!strncmp(name, "erbb2_cn", 8)) r |= kputs("#         format: '{:,.2f}'\n#         min: 0\n", ks) < 0;
        else r |= kputs("#         scale: false\n", ks) < 0;   /* words: no bar drawn under them */
        if (strstr(name, "_status")) {
            r |= kputs("#         bgcols:\n", ks) < 0;
            for (size_t k = 0; k < sizeof(status_colours) / sizeof(*status_colours); k++)
                r |= ksprintf(ks, "#             %s: '%s'\n", status_colours[k][0], status_colours[k][1]) < 0;
        }
        if (!strcmp(name, "report") || !strcmp(name, "vcf_sample")) r |= kputs("#         hidden: true\n", ks) < 0;
    }
    r |= put_header(ks, "Sample");
    r |= put_rows(ks, args);
    return r ? -1 : 0;
}

/* ------------------------------------------------------------- main */

static int add_list(args_t *args, const char *fn)
{
    mcrc_err_t *err = &args->err;
    char label[512];
    text_sanitize(fn, label, sizeof(label));
    FILE *fp = strcmp(fn, "-") ? fopen(fn, "r") : stdin;
    if (!fp) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open: %s", label, strerror(errno));
    char *line = NULL;
    size_t m = 0;
    ssize_t n;
    int ret = 0;
    while (!ret && (n = getline(&line, &m, fp)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (!n || line[0] == '#') continue;
        ret = read_report(args, line);
    }
    if (!ret && ferror(fp)) ret = mcrc_fail(err, MCRC_E_INPUT, "%s: read failed", label);
    free(line);
    if (fp != stdin) fclose(fp);
    return ret;
}

static int run(args_t *args, int argc, char **argv)
{
    static const struct option lopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "multiqc", required_argument, NULL, 'm' },
        { "list", required_argument, NULL, 'l' },
        { "verbosity", required_argument, NULL, 'v' },
        { "version", no_argument, NULL, 1 },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    mcrc_err_t *err = &args->err;
    const char *fn_list = NULL;
    int c, ret;
    int64_t i64;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:m:l:v:h", lopts, NULL)) >= 0) {
        switch (c) {
        case 'o': args->fn_out = optarg; break;
        case 'm': args->fn_mqc = optarg; break;
        case 'l': fn_list = optarg; break;
        case 'v':
            if (parse_int64(optarg, &i64) || i64 < 0 || i64 > 9) return mcrc_fail(err, MCRC_E_USAGE, "-v/--verbosity: expected an integer from 0 to 9, got '%s'", optarg);
            args->verbosity = (int)i64;
            break;
        case 1: {
            char xml[40];   /* the library this run uses, not the headers it was built with */
            dotted_version(atoi(xmlParserVersion), xml);
            printf("mcrc-summary %s\nUsing libxml2 %s\n", MCRC_VERSION, xml);
            return 1;
        }
        case 'h': usage(stdout); return 1;
        case ':': return mcrc_fail(err, MCRC_E_USAGE, "option %s needs a value (see mcrc-summary --help)", argv[optind - 1]);
        default: return mcrc_fail(err, MCRC_E_USAGE, "unknown option %s (see mcrc-summary --help)", argv[optind - 1]);
        }
    }
    if (optind == argc && !fn_list) { usage(stderr); return mcrc_fail(err, MCRC_E_USAGE, "no reports given"); }
    if (args->fn_mqc) {
        size_t l = strlen(args->fn_mqc);
        if (args->verbosity > 0 && (l < 8 || strcmp(args->fn_mqc + l - 8, "_mqc.tsv")))
            fprintf(stderr, "mcrc-summary: warning: %s does not end in _mqc.tsv: MultiQC will not find it unless told to\n", args->fn_mqc);
        if (args->fn_out && !strcmp(args->fn_out, args->fn_mqc))
            return mcrc_fail(err, MCRC_E_USAGE, "-o and -m name the same file");
    }
    for (int i = optind; i < argc; i++)
        if ((ret = read_report(args, argv[i]))) return ret;
    if (fn_list && (ret = add_list(args, fn_list))) return ret;
    if (!args->nrows) return mcrc_fail(err, MCRC_E_INPUT, "%s: no report paths in it", fn_list);

    qsort(args->rows, (size_t)args->nrows, sizeof(*args->rows), cmp_row);
    for (int i = 1; i < args->nrows; i++)
        if (!strcmp(args->rows[i - 1].sample, args->rows[i].sample)) {
            char a[256], b[256], s[128];
            text_sanitize(args->rows[i - 1].path, a, sizeof(a));
            text_sanitize(args->rows[i].path, b, sizeof(b));
            text_sanitize(args->rows[i].sample, s, sizeof(s));
            return mcrc_fail(err, MCRC_E_INPUT, "two reports have the sample name '%s': %s and %s (name them apart)", s, a, b);
        }

    counts_t cnt;
    count(args, &cnt);
    kstring_t tsv = KS_INITIALIZE, mqc = KS_INITIALIZE;
    ret = 0;
    if (make_tsv(args, &cnt, &tsv) < 0 || (args->fn_mqc && make_mqc(args, &cnt, &mqc) < 0))
        ret = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    /* the MultiQC file first: standard output last, so a failure leaves no half-consumed stream */
    if (!ret && args->fn_mqc) ret = output_write(args->fn_mqc, mqc.s, mqc.l, err);
    if (!ret) ret = output_write(args->fn_out, tsv.s, tsv.l, err);
    free(tsv.s); free(mqc.s);
    return ret;
}

int main(int argc, char **argv)
{
    args_t *args = calloc(1, sizeof(*args));
    if (!args) { fprintf(stderr, "mcrc-summary: error: out of memory\n"); return MCRC_EXIT_INTERNAL; }
    args->verbosity = 1;
    LIBXML_TEST_VERSION
    int ret = run(args, argc, argv);
    int status = MCRC_EXIT_OK;
    if (ret == 1) status = MCRC_EXIT_OK;   /* --help, --version */
    else if (ret < 0) {
        fprintf(stderr, "mcrc-summary: error: %s\n", args->err.msg);
        status = ret == MCRC_E_USAGE ? MCRC_EXIT_USAGE : ret == MCRC_E_INPUT ? MCRC_EXIT_INPUT
               : ret == MCRC_E_OUTPUT ? MCRC_EXIT_OUTPUT : MCRC_EXIT_INTERNAL;
    }
    for (int i = 0; i < args->nrows; i++) row_destroy(&args->rows[i]);
    free(args->rows);
    free(args);
    xmlCleanupParser();
    return status;
}
