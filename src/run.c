/*
 * run.c - one run of mcrc-report, from parsed options to the written report
 * (the shape of bcftools' init_data -> record loop -> destroy_data):
 *
 *   run_defaults  every option's default, before cli_parse()
 *   run_init      built-in data and knowledge base, inputs opened, the genome
 *                 build settled, --callable read, --dump-records opened
 *   run_stream    every record that touches ERBB2/KRAS/NRAS/BRAF, routed:
 *                 a copy-number segment over ERBB2 to the ERBB2 segments
 *                 (erbb2.c), a copy-number segment over KRAS/NRAS/BRAF
 *                 counted, every other record to the small-variant rule
 *                 (small_variant.c), on the resolved build only
 *   run_decide    ERBB2 (erbb2.c), then KRAS, NRAS, BRAF (sv_decide.c)
 *   run_report    the built-in tables' checksum and the report tree (report.c)
 *   run_write     every format asked for, all or none (outputs.c)
 *   run_destroy   everything the run holds
 * run_execute() is the five steps in order.  The clinical rules live in their
 * modules (what counts as a copy-number input and the chromosome 17 check:
 * erbb2.c, from each input's facts.h); this file only routes records and
 * facts to them.  Every
 * step returns 0 or a negative MCRC_E_* code with the message in run->err;
 * only main() exits (main.c, the command line; tests/fuzz/fuzz_vcf.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/kstring.h>
#include "callable.h"
#include "run.h"
#include "util.h"

void run_defaults(run_t *run)
{
    run->th.amp_cn = 6;
    run->th.equivocal_cn = 4;
    run->cnp.ploidy = 2;
    run->cnp.purity = 1;
    run->verbosity = 1;
    run->lang = "en";
    run->svp.min_vaf = 0.05;
    run->svp.min_depth = 100;
    run->aln.min_mapq = 20;
    run->aln.min_baseq = 20;
    run->out[OUT_MAIN] = (out_spec_t){ "-o", NULL, 0 };
    run->out[OUT_XML] = (out_spec_t){ "--xml", NULL, 'x' };
    run->out[OUT_HTML] = (out_spec_t){ "--html", NULL, 'h' };
    run->out[OUT_JSON] = (out_spec_t){ "--json", NULL, 'j' };
}

static int load_builtin(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    if ((r = refdata_load(&run->ref, err)) < 0) return r;
    /* the targets: every gene on both builds */
    run->targets.n = 0;
    for (int b = BUILD_GRCH37; b <= BUILD_GRCH38; b++)
        for (int g = 0; g < N_GENES; g++) {
            const gene_span_t *s = genes_span(&run->ref.genes, b, g);
            target_t *t = &run->targets.t[run->targets.n++];
            t->gene = g; t->build = b; t->start = s->start; t->end = s->end;
            snprintf(t->chrom, sizeof(t->chrom), "%s", s->chrom);
        }
    return 0;
}

/* The run's build is the one input `from` states (how: its evidence); every input whose header does not say takes it. */
static void adopt_build(run_t *run, genome_build_t build, const char *how, int from)
{
    run->build = build;
    snprintf(run->build_how, sizeof(run->build_how), "%s in input %d", how, from);
    for (int i = 0; i < run->ninputs; i++) {
        input_t *in = &run->inputs[i];
        if (in->build) continue;
        in->build = build;
        snprintf(in->build_how, sizeof(in->build_how), "taken from input %d (this header does not say)", from);
    }
}

/* Settle each input's build and the run's: -g, then the headers; disagreement is an error. */
static int resolve_builds(run_t *run)
{
    mcrc_err_t *err = &run->err;
    const input_t *strong = NULL;   /* an input whose header states a build */
    for (int i = 0; i < run->ninputs; i++) {
        input_t *in = &run->inputs[i];
        build_evidence_t *ev = &in->build_ev;
        /* -g never overrides what a header says: a file on another build gives wrong coordinates for every gene */
        if (run->genome && ev->build && ev->build != run->genome)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: the header is %s (%s) but -g says %s", in->label, build_name(ev->build), ev->how, build_name(run->genome));
        if (run->genome && ev->named && ev->named != run->genome)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: the header is %s (%s) but -g says %s", in->label, build_name(ev->named), ev->named_how, build_name(run->genome));
        if (run->genome) {
            in->build = run->genome;
            snprintf(in->build_how, sizeof(in->build_how), "-g on the command line%s%s%s", ev->build ? "; agrees with " : "", ev->build ? ev->how : "", "");
            continue;
        }
        if (ev->build) {
            if (strong && strong->build != ev->build)
                return mcrc_fail(err, MCRC_E_INPUT, "the inputs are on different genome builds: %s is %s (%s) but %s is %s (%s)",
                                 strong->label, build_name(strong->build), strong->build_how, in->label, build_name(ev->build), ev->how);
            in->build = ev->build;
            snprintf(in->build_how, sizeof(in->build_how), "%s", ev->how);
            if (!strong) strong = in;
        }
    }
    if (run->genome) {
        run->build = run->genome;
        snprintf(run->build_how, sizeof(run->build_how), "-g on the command line");
        return 0;
    }
    if (strong) {
        adopt_build(run, strong->build, strong->build_how, strong->index);
        return 0;
    }
    run->build = BUILD_UNKNOWN;
    snprintf(run->build_how, sizeof(run->build_how), "not stated by any input header");
    return 0;
}

/* The genes whose chromosome the file could hold (bit g): absence of a call over a gene means something
 * only then.  No ##contig lines: any. */
static unsigned header_gene_contigs(const gene_table_t *genes, const bcf_hdr_t *hdr)
{
    int nctg = hdr->n[BCF_DT_CTG];
    unsigned bits = nctg == 0 ? (1u << N_GENES) - 1 : 0;
    for (int c = 0; c < nctg; c++) {
        char canon[8];
        if (contig_canonical(bcf_hdr_id2name(hdr, c), canon)) continue;
        for (int g = 0; g < N_GENES; g++)
            if (!strcmp(canon, genes_span(genes, BUILD_GRCH38, g)->chrom)) bits |= 1u << g;
    }
    return bits;
}

/* A positional FILE that failed to open as VCF/BCF but is a segment table: a usage error saying so; else r. */
static int positional_table(run_t *run, int i, int r)
{
    const char *fn = run->input_fns[i];     /* local files only: a URL is not fetched a second time */
    const seg_dialect_t *d = strcmp(fn, "-") && !strstr(fn, "://") ? seg_sniff(&run->ref.seg_dialects, fn) : NULL;
    if (!d) return r;
    char *label = sio_name_dup(fn);
    r = mcrc_fail(&run->err, MCRC_E_USAGE, "%s looks like a %s segment table; pass it with --segments", label ? label : "input", d->name);
    free(label);
    return r;
}

/* The builds GATK tables state in @SQ lines: one that contradicts the run's is an error; with no build yet, the
 * first one stated is the run's (and that of every input whose header does not say), as resolve_builds() does. */
static int table_builds(run_t *run)
{
    for (int i = 0; i < run->nseg_fns; i++) {
        build_evidence_t ev;
        int r = seg_table_build(run->seg_fns[i], &run->ref.assembly, &ev, &run->err);
        if (r < 0) return r;
        if (!ev.build) continue;
        if (run->build && ev.build != run->build) {
            char *label = sio_name_dup(run->seg_fns[i]);
            r = mcrc_fail(&run->err, MCRC_E_INPUT, "%s: the @SQ lines are %s (%s) but the run is %s (%s)", label ? label : "segment table",
                          build_name(ev.build), ev.how, build_name(run->build), run->build_how);
            free(label);
            return r;
        }
        if (!run->build) adopt_build(run, ev.build, ev.how, run->ninputs + i + 1);
    }
    return 0;
}

/* Every --segments table, numbered after the VCF inputs, on the run's build (segments.c). */
static int read_tables(run_t *run)
{
    if (!run->nseg_fns) return 0;
    if (!(run->tables = calloc(run->nseg_fns, sizeof(*run->tables)))) return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory");
    seg_opts_t o = { &run->ref.seg_dialects, &run->targets, run->build, run->samples, &run->cnp, run->checksum };
    for (int i = 0; i < run->nseg_fns; i++) {
        seg_table_t *tb = &run->tables[i];
        int r = seg_table_read(tb, run->seg_fns[i], run->ninputs + i + 1, &o, &run->segs, &run->nseg, &run->mseg, &run->err);
        if (r < 0) return r;
        snprintf(tb->build_how, sizeof(tb->build_how), "%s", run->genome ? "-g on the command line" : !run->build ? "not known"
                 : strstr(run->build_how, "@SQ") ? run->build_how : "taken from the run's other inputs (a segment table does not say)");
    }
    return 0;
}

static int open_inputs(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    run->inputs = calloc(run->ninputs ? run->ninputs : 1, sizeof(*run->inputs));   /* none: a run of --segments only */
    if (!run->inputs) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    input_opts_t o = { run->samples, run->threads, run->parse_all, run->no_index, run->verbosity, run->checksum, &run->targets };
    for (int i = 0; i < run->ninputs; i++) {
        if ((r = input_open(&run->inputs[i], run->input_fns[i], i + 1, &o, &run->ref.assembly, err)) < 0) return positional_table(run, i, r);
        input_t *in = &run->inputs[i];
        in->facts.cn_declared = cn_header_fields(&run->ref.cn_fields, in->hdr, in->facts.cn_fields, sizeof(in->facts.cn_fields));
        in->facts.gene_contigs = header_gene_contigs(&run->ref.genes, in->hdr);
        if ((r = sv_header(&run->sv, i + 1, in->hdr, in->facts.cn_declared, err)) < 0) { mcrc_prefix(err, ": "); mcrc_prefix(err, in->label); return r; }
    }
    return 0;
}

/* --alignments: the file, its sample against the inputs', and its reads at every hotspot codon. */
static int read_alignments(run_t *run)
{
    int r;
    if (!run->aln.fn) return 0;
    if ((r = aln_open(&run->aln, run->fasta_fn, &run->err)) < 0) return r;
    if ((r = aln_check_sample(&run->aln, run->inputs, run->ninputs, run->samples, &run->err)) < 0) return r;
    return aln_read_sites(&run->aln, &run->sv, &run->ref.assembly, &run->err);
}

static void mark_callable(void *ud, const char *chrom, int64_t beg, int64_t end)
{
    sv_mark_covered(ud, chrom, beg, end);
}

int run_init(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    hts_set_log_level(run->verbosity >= 3 ? HTS_LOG_INFO : run->verbosity == 2 ? HTS_LOG_WARNING : HTS_LOG_OFF);
    if ((r = outputs_check(run)) < 0) return r;
    if ((r = load_builtin(run)) < 0) return r;
    if ((r = sv_init(&run->sv, &run->svp, &run->ref, run->fasta_fn, run->ninputs, err)) < 0) return r;
    /* the knowledge base first: a refused one must stop the run before any work */
    r = run->kb_dir ? kb_load_dir(&run->kb, run->kb_dir, err) : kb_load_builtin(&run->kb, err);
    if (r < 0) return r;
    if (!kb_has_lang(&run->kb, run->lang)) {
        char l[32];
        text_sanitize(run->lang, l, sizeof(l));
        return mcrc_fail(err, MCRC_E_USAGE, "--lang %s: the knowledge base (%s) has no text in that language", l, run->kb.origin);
    }
    run->sv.rc = kb_reason_ctx(&run->kb, run->lang);    /* the words of reasons and notes */
    if ((r = open_inputs(run)) < 0) return r;
    if ((r = resolve_builds(run)) < 0) return r;
    if ((r = table_builds(run)) < 0) return r;
    if ((r = sv_begin(&run->sv, run->build, err)) < 0) return r;
    if (run->callable_fn) {
        if ((r = callable_read(run->callable_fn, mark_callable, &run->sv, err)) < 0) return r;
        run->sv.callable_given = 1;
    }
    if ((r = read_alignments(run)) < 0) return r;
    if (run->dump_fn) {
        if ((r = sio_out_open(&run->dump, run->dump_fn, SIO_SLOT_DUMP, err)) < 0) { mcrc_prefix(err, "--dump-records "); return r; }
        run->dump_fp = run->dump.fp;
    }
    return 0;
}

static void dump_record(FILE *fp, const input_t *in, bcf1_t *rec)
{
    bcf_unpack(rec, BCF_UN_STR);
    fprintf(fp, "%d\t%s\t%lld\t%s\t", in->index, bcf_seqname_safe(in->hdr, rec), (long long)rec->pos + 1, rec->d.allele[0]);
    for (int a = 1; a < rec->n_allele; a++) fprintf(fp, "%s%s", a > 1 ? "," : "", rec->d.allele[a]);
    fputs(rec->n_allele > 1 ? "\n" : ".\n", fp);
}

/*
 * One record over target t, where it goes.  is_cn: cn_from_record() read seg from it (one definition of a
 * copy-number record for every gene).  KRAS/NRAS/BRAF: small variants decide; a copy-number segment is
 * counted, every other allele (symbolic ones too: <INV>, <INS>, breakends) is listed by sv_add_record(),
 * never dropped.  ERBB2: a segment goes to the rule; small variants are listed (of uncertain significance).
 */
static int route_record(run_t *run, input_t *in, const target_t *t, bcf1_t *rec, int64_t end, cn_segment_t *seg, int is_cn)
{
    mcrc_err_t *err = &run->err;
    sv_input_t *svin = &run->sv.in[in->index - 1];
    int r;
    /* a neutral segment with its value (DRAGEN's REF segments, GATK's and Delly's copy-neutral calls, <CN2>) shows
     * a caller that writes every segment it measured: then a gene it leaves uncovered was not measured (erbb2.c) */
    if (is_cn && seg->has_value && (seg->direction == CN_DIR_NEUTRAL || seg->cn_observed == run->cnp.ploidy))
        in->facts.all_segments = 1;
    if (t->gene != GENE_ERBB2 || !is_cn) {
        if (!run->build || t->build != run->build) return 0;
        if (is_cn) { svin->not_listed[t->gene][SV_NL_COPY_NUMBER]++; return 0; }
        return sv_add_record(&run->sv, in->index, in->hdr, rec, in->sample, t->gene, end, err);
    }
    seg->input = in->index;
    seg->build = t->build;
    seg->gene_level = cn_names_gene(&run->ref.cn_fields, in->hdr, rec, "ERBB2", &in->bufs, seg->gene_field, sizeof(seg->gene_field));
    if (seg->has_value) in->facts.cn_valued_seen = 1;
    if ((r = erbb2_segment_add(&run->segs, &run->nseg, &run->mseg, seg, err)) < 0) return r;
    /* a repeat is counted, not listed (report: <not-listed kind="repeated-segment">) */
    if (r == 0) svin->not_listed[GENE_ERBB2][SV_NL_REPEATED_SEGMENT]++;
    return 0;
}

static int stream_input(run_t *run, input_t *in)
{
    mcrc_err_t *err = &run->err;
    bcf1_t *rec = bcf_init();
    if (!rec) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    int r;
    uint32_t mask;
    int64_t end;
    while ((r = input_next(in, &run->targets, rec, &mask, &end, err)) > 0) {
        if (!in->build) in->facts.touched_unknown = 1;
        if (run->dump_fp) dump_record(run->dump_fp, in, rec);
        for (int k = 0; k < run->targets.n; k++) {
            if (!(mask & (1u << k))) continue;
            cn_segment_t seg;
            r = cn_from_record(&run->ref.cn_fields, &run->cnp, in->hdr, rec, in->sample, end, &in->bufs, &seg, err);
            if (r < 0) goto fail;
            if ((r = route_record(run, in, &run->targets.t[k], rec, end, &seg, r)) < 0) goto fail;
        }
    }
out:
    bcf_destroy(rec);
    return r < 0 ? r : 0;
fail:
    {
        char where[512];
        input_where(in, rec, where, sizeof(where));
        mcrc_prefix(err, where);
    }
    goto out;
}

int run_stream(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    input_hash_t hash = { 0 };
    if ((r = inputs_hash_start(run->inputs, run->ninputs, &hash, err)) < 0) return r;
    for (int i = 0; i < run->ninputs && r >= 0; i++) r = stream_input(run, &run->inputs[i]);
    mcrc_err_t herr;
    int hr = inputs_hash_join(&hash, &herr);     /* always joined, even after an error */
    if (run->dump_fp) {
        /* checked now, committed with the report: a failed run leaves no --dump-records file */
        int bad = fflush(run->dump_fp) != 0 || ferror(run->dump_fp);
        run->dump_fp = NULL;
        if (bad && r >= 0) { r = sio_out_fail(&run->dump, errno, err); mcrc_prefix(err, "--dump-records "); return r; }
    }
    if (r < 0) return r;
    if (hr < 0) { run->err = herr; return hr; }

    /* an unknown build matters only if some record fell in a gene span of either build */
    if (!run->build) {
        for (int i = 0; i < run->ninputs; i++) {
            input_t *in = &run->inputs[i];
            if (!in->facts.touched_unknown) continue;
            if (in->build_ev.unsupported)
                return mcrc_fail(err, MCRC_E_INPUT, "%s: %s; records fall where the four genes lie on GRCh37 or GRCh38, so pass -g GRCh37 or -g GRCh38 if the data are really on one of them", in->label, in->build_ev.how);
            return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot tell the genome build (no ##contig lengths or ##reference naming GRCh37/GRCh38) and records fall in a gene region; pass -g GRCh37 or -g GRCh38", in->label);
        }
    }
    return read_tables(run);
}

int run_decide(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    /* ERBB2: each input's facts, and the segments of the resolved build */
    int nfacts = run->ninputs + run->nseg_fns;     /* the VCF inputs, then the --segments tables */
    input_facts_t *facts = calloc(nfacts ? nfacts : 1, sizeof(*facts));
    if (!facts) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    for (int i = 0; i < run->ninputs; i++) {
        input_t *in = &run->inputs[i];
        in->facts.has_records = input_has_records(in);
        facts[i] = in->facts;
    }
    for (int i = 0; i < run->nseg_fns; i++) facts[run->ninputs + i] = run->tables[i].facts;
    run->nseg = erbb2_segments_of_build(run->segs, run->nseg, run->build);
    const gene_span_t *g = genes_span(&run->ref.genes, run->build ? run->build : BUILD_GRCH38, GENE_ERBB2);
    r = erbb2_decide(g, run->segs, run->nseg, facts, nfacts, &run->th, &run->sv.rc, &run->erbb2, err);
    free(facts);
    if (r < 0) return r;

    /* KRAS, NRAS, BRAF: is there a small-variant input that could hold each gene's calls? */
    for (int i = 0; i < run->ninputs; i++) {
        if (!((run->sv.in[i].declared && input_has_records(&run->inputs[i])) || run->sv.in[i].seen)) continue;
        for (int g = 0; g < N_GENES; g++)
            if ((run->inputs[i].facts.gene_contigs >> g) & 1) run->sv_input[g] = SV_INPUT_YES;
            else if (!run->sv_input[g]) run->sv_input[g] = SV_INPUT_NO_CONTIG;
    }
    if (run->aln.fn && (r = aln_compare(&run->aln, &run->sv, err)) < 0) return r;
    return sv_decide_all(&run->sv, run->sv_input, err);
}

int run_report(run_t *run)
{
    /* the built-in tables, by checksum (the text knowledge base has its own) */
    refdata_sha256(run->data_sha256);
    return report_build(run);
}

int run_write(run_t *run)
{
    return outputs_write(run);      /* every format asked for, all or none; --dump-records with them */
}

int run_execute(run_t *run)
{
    int r;
    if ((r = run_init(run)) < 0) return r;
    if ((r = run_stream(run)) < 0) return r;
    if ((r = run_decide(run)) < 0) return r;
    if ((r = run_report(run)) < 0) return r;
    return run_write(run);
}

void run_destroy(run_t *run)
{
    if (run->inputs)
        for (int i = 0; i < run->ninputs; i++) input_close(&run->inputs[i]);
    sio_out_abort(&run->dump);      /* a no-op once committed */
    free(run->inputs);
    if (run->tables)
        for (int i = 0; i < run->nseg_fns; i++) seg_table_destroy(&run->tables[i]);
    free(run->tables);
    free(run->seg_fns);
    free(run->segs);
    free(run->cmdline);
    sv_destroy(&run->sv);
    aln_close(&run->aln);
    erbb2_call_destroy(&run->erbb2);
    refdata_destroy(&run->ref);
    kb_destroy(&run->kb);
    if (run->doc) xmlFreeDoc(run->doc);
}
