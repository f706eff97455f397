/*
 * report.c - the report as one XML tree (schemas/report.xsd).
 *
 * The tree is the single model of a run's result: the XML file is this tree
 * serialised, and the HTML page is rendered from it.  Every string that
 * came from an input (file names, sample names, IDs, FILTER values, header
 * text) is passed through text_sanitize() and set with xmlNewProp /
 * xmlNewTextChild, which escape on output: nothing from a VCF is ever
 * pasted into markup.  With --no-version the tool, library versions and the
 * command line are left out, so identical inputs give identical bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <htslib/hts.h>
#include <libxml/xmlversion.h>
#include "run.h"
#include "util.h"

static void attr(xmlNodePtr n, const char *key, const char *value)
{
    char *safe = text_sanitize_dup(value ? value : "");
    xmlNewProp(n, BAD_CAST key, BAD_CAST (safe ? safe : ""));
    free(safe);
}

static void attr_num(xmlNodePtr n, const char *key, double v)
{
    char buf[64];
    snprintf(buf, sizeof(buf), "%.6g", v);
    attr(n, key, buf);
}

static void attr_i64(xmlNodePtr n, const char *key, long long v)
{
    char buf[32];
    snprintf(buf, sizeof(buf), "%lld", v);
    attr(n, key, buf);
}

static xmlNodePtr text_child(xmlNodePtr parent, const char *name, const char *text)
{
    char *safe = text_sanitize_dup(text ? text : "");
    xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST (safe ? safe : ""));
    free(safe);
    return n;
}

static const char *direction_word(cn_direction_t d)
{
    switch (d) {
    case CN_DIR_GAIN: return "gain";
    case CN_DIR_LOSS: return "loss";
    case CN_DIR_NEUTRAL: return "neutral";
    default: return "unknown";
    }
}

static void add_thresholds(xmlNodePtr parent, const run_t *run)
{
    xmlNodePtr t = xmlNewChild(parent, NULL, BAD_CAST "thresholds", NULL);
    attr_num(t, "amp-cn", run->th.amp_cn);
    attr_num(t, "equivocal-cn", run->th.equivocal_cn);
    attr_num(t, "ploidy", run->cnp.ploidy);
    attr_num(t, "purity", run->cnp.purity);
    attr_num(t, "min-vaf", run->svp.min_vaf);
    attr_i64(t, "min-depth", run->svp.min_depth);
    attr(t, "include-filtered", run->svp.include_filtered ? "true" : "false");
    if (run->callable_fn) attr(t, "callable", run->callable_fn);
    if (run->fasta_fn) attr(t, "fasta", run->fasta_fn);
}

static void add_variants(xmlNodePtr b, const run_t *run, gene_id_t gene);
static void add_not_listed(xmlNodePtr b, const run_t *run, gene_id_t gene);

/* The gene's span on the run's build (none while the build is unknown). */
static const gene_span_t *add_gene_span(xmlNodePtr b, const run_t *run, gene_id_t gene)
{
    const gene_span_t *g = genes_span(&run->ref.genes, run->build, gene);
    if (g) {
        xmlNodePtr s = xmlNewChild(b, NULL, BAD_CAST "gene-span", NULL);
        attr(s, "build", build_name(run->build));
        attr(s, "chrom", g->chrom);
        attr_i64(s, "start", g->start);
        attr_i64(s, "end", g->end);
        attr(s, "transcript", g->transcript);
    }
    return g;
}

static void add_erbb2(xmlNodePtr root, run_t *run)
{
    const erbb2_call_t *c = &run->erbb2;
    xmlNodePtr b = xmlNewChild(root, NULL, BAD_CAST "biomarker", NULL);
    attr(b, "gene", "ERBB2");
    attr(b, "alteration", "amplification");
    attr(b, "status", status_word(c->status));
    attr(b, "basis", c->basis);
    attr(text_child(b, "reason", c->reason.s ? c->reason.s : ""), "code", c->code);
    const gene_span_t *g = add_gene_span(b, run, GENE_ERBB2);
    if (c->has_cn) {
        xmlNodePtr n = xmlNewChild(b, NULL, BAD_CAST "copy-number", NULL);
        attr_num(n, "min", c->cn_min);
        attr_num(n, "max", c->cn_max);
    }
    if (c->amp_start && c->status == STATUS_EQUIVOCAL && g) {
        xmlNodePtr n = xmlNewChild(b, NULL, BAD_CAST "amplified-part", NULL);
        attr(n, "chrom", g->chrom);
        attr_i64(n, "start", c->amp_start);
        attr_i64(n, "end", c->amp_end);
    }
    add_thresholds(b, run);
    for (int i = 0; i < run->nseg; i++) {
        const cn_segment_t *s = &run->segs[i];
        if (s->build != run->build) continue;
        xmlNodePtr e = xmlNewChild(b, NULL, BAD_CAST "evidence", NULL);
        attr_i64(e, "input", s->input);
        attr(e, "chrom", s->chrom);
        attr_i64(e, "pos", s->pos);
        attr_i64(e, "end", s->end);
        attr(e, "id", s->id);
        attr(e, "alt", s->alt);
        attr(e, "filter", s->filter);
        attr(e, "direction", direction_word(s->direction));
        if (s->gene_level) attr(e, "gene-field", s->gene_field);
        if (s->has_value) {
            attr(e, "field", s->field);
            attr(e, "value", s->raw);
            attr_num(e, "copy-number-observed", s->cn_observed);
            attr_num(e, "copy-number", s->cn);
        }
        attr(e, "used", s->used ? "true" : "false");
        attr(e, "note", s->note);
    }
    add_variants(b, run, GENE_ERBB2);
    add_not_listed(b, run, GENE_ERBB2);
}

/* Every small variant of the gene, used or set aside, with where its protein change came from. */
static void add_variants(xmlNodePtr b, const run_t *run, gene_id_t gene)
{
    const sv_state_t *s = &run->sv;
    for (int i = 0; i < s->nv; i++) {
        const sv_variant_t *v = &s->v[i];
        if (v->gene != gene) continue;
        xmlNodePtr e = xmlNewChild(b, NULL, BAD_CAST "variant", NULL);
        attr_i64(e, "input", v->input);
        attr(e, "chrom", v->chrom);
        attr_i64(e, "pos", v->pos);
        attr(e, "ref", v->ref);
        attr(e, "alt", v->alt);
        attr(e, "filter", v->filter);
        if (v->has_vaf) { attr_num(e, "vaf", v->vaf); attr(e, "vaf-field", v->vaf_field); }
        if (v->has_depth) { attr_i64(e, "depth", v->depth); attr(e, "depth-field", v->depth_field); }
        if (v->transcript[0]) attr(e, "transcript", v->transcript);
        if (v->hgvs_c[0]) attr(e, "coding", v->hgvs_c);
        if (v->hgvs_p[0]) attr(e, "protein", v->hgvs_p);
        attr(e, "consequence", v->consequence);
        attr(e, "source", v->source);
        if (v->annot_source[0]) {
            attr(e, "annotation", v->annot_source);
            attr(e, "annotation-transcript", v->annot_transcript);
            attr(e, "annotation-protein", v->annot_p);
        }
        if (v->our_p[0]) attr(e, "translation-protein", v->our_p);
        attr(e, "classification", sv_class_word(v->cls));
        attr(e, "used", v->used ? "true" : "false");
        attr(e, "note", v->note.s ? v->note.s : "");
    }
}

/* Alleles counted, not listed (small_variant.c says which), one element per input and kind. */
static void add_not_listed(xmlNodePtr b, const run_t *run, gene_id_t gene)
{
    const sv_state_t *s = &run->sv;
    for (int i = 0; i < s->nin; i++)
        for (int k = 0; k < SV_NOT_LISTED_KINDS; k++) {
            if (!s->in[i].not_listed[gene][k]) continue;
            xmlNodePtr e = xmlNewChild(b, NULL, BAD_CAST "not-listed", NULL);
            attr_i64(e, "input", i + 1);
            attr_i64(e, "count", s->in[i].not_listed[gene][k]);
            attr(e, "kind", sv_not_listed_word(k));
            attr(e, "note", s->not_listed_note[k].s ? s->not_listed_note[k].s : "");
        }
}

/* --alignments: the codon's filtered depth (the least of its bases, and each base in coding order)
 * and its commonest protein-changing reads. */
static void add_hotspot_reads(xmlNodePtr h, const sv_site_t *t)
{
    char bases[48];
    attr_i64(h, "reads-depth", t->aln_codon_depth);
    snprintf(bases, sizeof(bases), "%d,%d,%d", t->aln_depth[0], t->aln_depth[1], t->aln_depth[2]);
    attr(h, "reads-base-depths", bases);
    attr_i64(h, "reads-alt", t->aln_alt);
    if (t->aln_change[0]) attr(h, "reads-change", t->aln_change);
    attr(h, "reads-without-call", t->aln_uncalled ? "true" : "false");
}

static void add_small_variant_gene(xmlNodePtr root, const run_t *run, gene_id_t gene)
{
    const sv_call_t *c = &run->sv.call[gene];
    xmlNodePtr b = xmlNewChild(root, NULL, BAD_CAST "biomarker", NULL);
    attr(b, "gene", gene_name(gene));
    attr(b, "alteration", "mutation");
    attr(b, "status", status_word(c->status));
    attr(b, "basis", c->basis);
    attr(text_child(b, "reason", c->reason.s ? c->reason.s : ""), "code", c->code);
    add_gene_span(b, run, gene);
    for (int i = 0; i < run->sv.nsite; i++) {
        const sv_site_t *t = &run->sv.site[i];
        if (t->gene != gene) continue;
        xmlNodePtr h = xmlNewChild(b, NULL, BAD_CAST "hotspot", NULL);
        attr_i64(h, "codon", t->codon);
        attr(h, "class", sv_class_word(t->cls));
        attr(h, "covered", t->covered[0] && t->covered[1] && t->covered[2] ? "true" : "false");
        if (t->aln_read) add_hotspot_reads(h, t);
    }
    add_variants(b, run, gene);
    add_not_listed(b, run, gene);
}

/* The knowledge base's choice for these results: the rules that fired and a copy of each
 * block in the requested language, with its citations.  Block text was validated on load
 * (plain text only) and is copied node by node, never re-parsed. */
static int add_interpretation(xmlNodePtr root, run_t *run, const biomarker_status_t st[N_GENES])
{
    const kb_t *kb = &run->kb;
    const char **ids = calloc(kb->nblock + 1, sizeof(*ids)), **fired = calloc(kb->nrule + 1, sizeof(*fired));
    if (!ids || !fired) { free(ids); free(fired); return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory"); }
    int nids, nfired;
    /* the protein changes of each gene's used variants, as the report lists them (for change="p.G12C" rules) */
    enum { MAX_CH = 8 };
    const char *chv[N_GENES][MAX_CH + 1];
    const char *const *changes[N_GENES];
    xmlChar *owned[N_GENES * MAX_CH];
    int nowned = 0;
    for (int g = 0; g < N_GENES; g++) { chv[g][0] = NULL; changes[g] = chv[g]; }
    for (xmlNodePtr bm = root->children; bm; bm = bm->next) {
        if (bm->type != XML_ELEMENT_NODE || xmlStrcmp(bm->name, BAD_CAST "biomarker")) continue;
        xmlChar *gname = xmlGetProp(bm, BAD_CAST "gene");
        int g = gname ? gene_from_name((const char *)gname) : -1;
        xmlFree(gname);
        if (g < 0) continue;
        int n = 0;
        for (xmlNodePtr v = bm->children; v && n < MAX_CH; v = v->next) {
            if (v->type != XML_ELEMENT_NODE || xmlStrcmp(v->name, BAD_CAST "variant")) continue;
            xmlChar *used = xmlGetProp(v, BAD_CAST "used"), *prot = xmlGetProp(v, BAD_CAST "protein");
            int keep = used && !xmlStrcmp(used, BAD_CAST "true") && prot;
            xmlFree(used);
            if (keep) { chv[g][n++] = (const char *)prot; owned[nowned++] = prot; } else xmlFree(prot);
        }
        chv[g][n] = NULL;
    }
    kb_select_changes(kb, st, changes, ids, &nids, fired, &nfired);
    for (int i = 0; i < nowned; i++) xmlFree(owned[i]);
    xmlNodePtr in = xmlNewChild(root, NULL, BAD_CAST "interpretation", NULL);
    attr(in, "lang", run->lang);
    for (int i = 0; i < nfired; i++) {
        xmlNodePtr r = xmlNewChild(in, NULL, BAD_CAST "rule", NULL);
        attr(r, "id", fired[i]);
    }
    for (int i = 0; i < nids; i++) {
        const kb_block_t *b = kb_block(kb, ids[i], run->lang);
        if (!b) continue;   /* cannot happen: the loader checked every language */
        xmlNodePtr out = xmlNewChild(in, NULL, BAD_CAST "block", NULL);
        static const char *keep[] = { "id", "audience", "section", "version", "reviewed", NULL };
        for (int k = 0; keep[k]; k++) {
            xmlChar *v = xmlGetProp(b->node, BAD_CAST keep[k]);
            attr(out, keep[k], v ? (const char *)v : "");
            xmlFree(v);
        }
        for (xmlNodePtr c = b->node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            xmlNodePtr copy = xmlDocCopyNode(c, run->doc, 1);
            if (!copy) { free(ids); free(fired); return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory"); }
            xmlAddChild(out, copy);
        }
        xmlChar *src = xmlGetProp(b->node, BAD_CAST "source");
        for (char *p = (char *)src; p && *p; ) {
            size_t l = strcspn(p, " ");
            if (l) {
                char id[64];
                snprintf(id, sizeof(id), "%.*s", (int)(l < 63 ? l : 63), p);
                xmlNodePtr s = text_child(out, "source", kb_source_text(kb, id));
                attr(s, "id", id);
            }
            p += l;
            while (*p == ' ') p++;
        }
        xmlFree(src);
    }
    free(ids);
    free(fired);
    return 0;
}

/* A --segments table (segments.c) as an input of the provenance: kind="segments", its dialect as format. */
static void add_table_input(xmlNodePtr p, const run_t *run, const seg_table_t *tb)
{
    xmlNodePtr n = xmlNewChild(p, NULL, BAD_CAST "input", NULL);
    attr_i64(n, "id", tb->index);
    attr(n, "path", tb->label);
    attr(n, "kind", "segments");
    attr(n, "format", tb->d->name);
    attr(n, "compression", tb->compression);
    if (tb->size >= 0) attr_i64(n, "size", tb->size);
    if (tb->sha256[0]) attr(n, "sha256", tb->sha256);
    else attr(n, "sha256-skipped", "option");
    attr(n, "access", "stream");
    if (tb->sample.l) attr(n, "sample", tb->sample.s);
    attr(n, "sample-chosen-by", tb->sample_how);
    attr(n, "build", build_name(run->build));
    attr(n, "build-determined-by", tb->build_how);
    attr(n, "copy-number-fields", tb->facts.cn_fields);
    attr(n, "values", tb->d->kind == SEG_LOG2 ? "log2-ratio" : tb->d->kind == SEG_GENE ? "gene-min-max" : "absolute");
    attr(n, "purity-corrected", tb->d->adjusted ? "by-caller" : run->cnp.purity < 1 ? "by-this-run" : "no");
    attr_i64(n, "records-read", tb->nrows);
    attr_i64(n, "records-in-genes", tb->nrows_gene);
}

static void add_provenance(xmlNodePtr root, run_t *run)
{
    xmlNodePtr p = xmlNewChild(root, NULL, BAD_CAST "provenance", NULL);
    xmlNodePtr t = xmlNewChild(p, NULL, BAD_CAST "tool", NULL);
    attr(t, "name", "mcrc-report");
    if (!run->no_version) {
        attr(t, "version", MCRC_VERSION);
        xmlNodePtr l = xmlNewChild(p, NULL, BAD_CAST "library", NULL);
        attr(l, "name", "htslib");
        attr(l, "version", hts_version());
        l = xmlNewChild(p, NULL, BAD_CAST "library", NULL);
        attr(l, "name", "libxml2");
        attr(l, "version", LIBXML_DOTTED_VERSION);
        text_child(p, "command-line", run->cmdline);
    }
    char when[64];
    time_t now = run->source_date >= 0 ? (time_t)run->source_date : time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
    text_child(p, "time", when);
    xmlNodePtr g = xmlNewChild(p, NULL, BAD_CAST "genome", NULL);
    attr(g, "build", build_name(run->build));
    attr(g, "determined-by", run->build_how);
    for (int i = 0; i < run->ninputs; i++) {
        const input_t *in = &run->inputs[i];
        xmlNodePtr n = xmlNewChild(p, NULL, BAD_CAST "input", NULL);
        attr_i64(n, "id", in->index);
        attr(n, "path", in->label);
        attr(n, "format", in->format);
        attr(n, "compression", in->compression);
        if (in->size >= 0) attr_i64(n, "size", in->size);
        if (in->sha256[0]) attr(n, "sha256", in->sha256);
        else if (in->hash_skipped) attr(n, "sha256-skipped", in->hash_skipped);
        attr(n, "access", in->indexed ? "index" : "stream");
        if (in->sample_name) attr(n, "sample", in->sample_name);
        attr(n, "sample-chosen-by", in->sample_how);
        attr(n, "build", build_name(in->build));
        attr(n, "build-determined-by", in->build_how);
        attr(n, "copy-number-fields", in->facts.cn_fields);
        attr_i64(n, "records-read", in->nrec);
        attr_i64(n, "records-in-genes", in->nrec_gene);
    }
    for (int i = 0; i < run->nseg_fns; i++) add_table_input(p, run, &run->tables[i]);
    if (run->aln.fn) {
        xmlNodePtr a = xmlNewChild(p, NULL, BAD_CAST "alignments", NULL);
        attr(a, "path", run->aln.label);
        attr(a, "format", run->aln.format);
        if (run->aln.sample) attr(a, "sample", run->aln.sample);
        attr(a, "sample-checked", run->aln.skip_sample_check ? "false" : "true");
        attr_i64(a, "min-mapq", run->aln.min_mapq);
        attr_i64(a, "min-baseq", run->aln.min_baseq);
        attr(a, "skipped-flags", "UNMAP,SECONDARY,SUPPLEMENTARY,QCFAIL,DUP");
        attr_i64(a, "codons-read", run->aln.nsite_read);
    }
    add_thresholds(p, run);
    xmlNodePtr k = xmlNewChild(p, NULL, BAD_CAST "knowledge-base", NULL);
    attr(k, "version", run->kb.version);
    attr(k, "sha256", run->kb.sha256);
    attr(k, "source", run->kb.origin);
    attr(k, "data-sha256", run->data_sha256);
    attr(k, "reasons-version", run->kb.reasons.version);
    attr(k, "reasons-lang", run->sv.rc.lang >= 0 ? run->kb.reasons.langs[run->sv.rc.lang] : "");
}

int report_build(run_t *run)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    if (!doc) return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory");
    run->doc = doc;
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "mcrc-report");
    xmlDocSetRootElement(doc, root);
    attr(root, "schema-version", "1");
    attr(root, "lang", run->lang);
    add_erbb2(root, run);
    biomarker_status_t st[N_GENES];
    st[GENE_ERBB2] = run->erbb2.status;
    for (int g = 0; g < N_GENES; g++) {           /* every gene but ERBB2 is decided by its small variants */
        if (g == GENE_ERBB2) continue;
        add_small_variant_gene(root, run, g);
        st[g] = run->sv.call[g].status;
    }
    int r = add_interpretation(root, run, st);
    if (r < 0) return r;
    add_provenance(root, run);
    return 0;
}
