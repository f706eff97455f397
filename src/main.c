/*
 * main.c - mcrc-report: the command line and the run's life cycle.
 *
 *   parse options (cli.c) -> init (built-in data, inputs, genome build, sample)
 *   -> stream the records that touch ERBB2/KRAS/NRAS/BRAF -> decide
 *   -> build the report tree -> render every format asked for and write
 *   them all or none (outputs.c) -> destroy.
 * Only main() exits; everything else returns a negative code and a message
 * in run->err.  Exit codes: 0 ok, 1 usage, 2 input, 3 output, 4 internal.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/kstring.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include "callable.h"
#include "html.h"
#include "run.h"
#include "util.h"

/* One line on stderr whatever a file name holds: control characters come out as \n, \t, \xNN. */
static void message_line(const char *kind, const char *fmt, va_list ap)
{
    kstring_t k = { 0, 0, NULL };
    char *line = kvsprintf(&k, fmt, ap) < 0 ? NULL : sio_label_dup(k.s);
    fprintf(stderr, "mcrc-report: %s: %s\n", kind, line ? line : "out of memory");
    free(line);
    free(k.s);
}

static void error_line(const char *fmt, ...) MCRC_PRINTF(1, 2);
static void error_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_line("error", fmt, ap);
    va_end(ap);
}

static void warning_line(const char *fmt, ...) MCRC_PRINTF(1, 2);
static void warning_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message_line("warning", fmt, ap);
    va_end(ap);
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
        run->build = strong->build;
        snprintf(run->build_how, sizeof(run->build_how), "%s in input %d", strong->build_how, strong->index);
        for (int i = 0; i < run->ninputs; i++) {
            input_t *in = &run->inputs[i];
            if (in->build) continue;
            in->build = strong->build;
            snprintf(in->build_how, sizeof(in->build_how), "taken from input %d (this header does not say)", strong->index);
        }
        return 0;
    }
    run->build = BUILD_UNKNOWN;
    snprintf(run->build_how, sizeof(run->build_how), "not stated by any input header");
    return 0;
}

/* Copy-number segments over ERBB2 that one run keeps: far more than any caller writes over a 40 kb gene, and a
 * bound on memory and on the report.  Past it the input is refused, not judged in part. */
#define MAX_ERBB2_SEGMENTS 2000

/* Same bearing on the ERBB2 rule (erbb2.c reads only these fields of a segment): a repeat adds nothing. */
static int same_segment(const cn_segment_t *a, const cn_segment_t *b)
{
    return a->input == b->input && a->build == b->build && a->pos == b->pos && a->end == b->end && a->pass == b->pass
        && a->direction == b->direction && a->gene_level == b->gene_level && a->has_value == b->has_value
        && a->cn == b->cn && a->cn_observed == b->cn_observed && !strcmp(a->chrom, b->chrom) && !strcmp(a->field, b->field);
}

static int push_segment(run_t *run, const cn_segment_t *s)
{
    for (int i = 0; i < run->nseg; i++)
        if (same_segment(&run->segs[i], s)) {
            /* counted, not listed (report: <not-listed kind="repeated-segment">) */
            run->sv.in[s->input - 1].not_listed[GENE_ERBB2][SV_NL_REPEATED_SEGMENT]++;
            return 0;
        }
    if (run->nseg >= MAX_ERBB2_SEGMENTS)
        return mcrc_fail(&run->err, MCRC_E_INPUT, "more than %d different copy-number segments over ERBB2; refused rather than judged on part of them", MAX_ERBB2_SEGMENTS);
    if (run->nseg == run->mseg) {
        int m = run->mseg ? 2 * run->mseg : 16;
        cn_segment_t *p = realloc(run->segs, m * sizeof(*p));
        if (!p) return mcrc_fail(&run->err, MCRC_E_INTERNAL, "out of memory");
        run->segs = p;
        run->mseg = m;
    }
    run->segs[run->nseg++] = *s;
    return 0;
}

static void mark_callable(void *ud, const char *chrom, int64_t beg, int64_t end)
{
    sv_mark_covered(ud, chrom, beg, end);
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
        if (!in->build) in->touched_unknown = 1;
        if (run->dump_fp) {
            bcf_unpack(rec, BCF_UN_STR);
            fprintf(run->dump_fp, "%d\t%s\t%lld\t%s\t", in->index, bcf_seqname_safe(in->hdr, rec), (long long)rec->pos + 1, rec->d.allele[0]);
            for (int a = 1; a < rec->n_allele; a++) fprintf(run->dump_fp, "%s%s", a > 1 ? "," : "", rec->d.allele[a]);
            fputs(rec->n_allele > 1 ? "\n" : ".\n", run->dump_fp);
        }
        for (int k = 0; k < run->targets.n; k++) {
            if (!(mask & (1u << k))) continue;
            const target_t *t = &run->targets.t[k];
            cn_segment_t seg;
            /* one definition of a copy-number record for every gene: cn_from_record() */
            r = cn_from_record(&run->ref.cn_fields, &run->cnp, in->hdr, rec, in->sample, end, &in->bufs, &seg, err);
            if (r < 0) goto fail;
            if (t->gene != GENE_ERBB2) {
                /* KRAS/NRAS/BRAF: small variants decide; a copy-number segment is counted, every other allele
                 * (symbolic ones too: <INV>, <INS>, breakends) is listed by sv_add_record(), never dropped */
                if (!run->build || t->build != run->build) continue;
                if (r == 1) { run->sv.in[in->index - 1].not_listed[t->gene][SV_NL_COPY_NUMBER]++; continue; }
                if ((r = sv_add_record(&run->sv, in->index, in->hdr, rec, in->sample, t->gene, end, err)) < 0) goto fail;
                continue;
            }
            if (r == 0) {
                /* ERBB2 small variants are listed (variants of uncertain significance) */
                if (run->build && t->build == run->build && (r = sv_add_record(&run->sv, in->index, in->hdr, rec, in->sample, t->gene, end, err)) < 0) goto fail;
                continue;
            }
            seg.input = in->index;
            seg.build = t->build;
            seg.gene_level = cn_names_gene(&run->ref.cn_fields, in->hdr, rec, "ERBB2", &in->bufs, seg.gene_field, sizeof(seg.gene_field));
            if (seg.has_value) in->cn_valued_seen = 1;
            if ((r = push_segment(run, &seg)) < 0) goto fail;
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

/* The same file given twice as input is read once (a warning names it): counting its calls twice
 * would double nothing in the decision, but it would list every call twice. */
static void drop_repeated_inputs(run_t *run)
{
    int k = 0;
    for (int i = 0; i < run->ninputs; i++) {
        sio_id_t a, b;
        int seen = -1;
        if (sio_file_id(run->input_fns[i], &a) == 0)
            for (int j = 0; j < k && seen < 0; j++)
                if (sio_file_id(run->input_fns[j], &b) == 0 && a.dev == b.dev && a.ino == b.ino) seen = j;
        if (seen >= 0) {
            if (run->verbosity >= 1)
                warning_line("%s: given more than once (the same file as %s); read once", run->input_fns[i], run->input_fns[seen]);
            continue;
        }
        run->input_fns[k++] = run->input_fns[i];
    }
    run->ninputs = k;
}

static int run_all(run_t *run)
{
    mcrc_err_t *err = &run->err;
    int r;
    drop_repeated_inputs(run);
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
    run->inputs = calloc(run->ninputs, sizeof(*run->inputs));
    if (!run->inputs) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    input_opts_t o = { run->samples, run->threads, run->parse_all, run->no_index, run->verbosity, run->checksum, &run->targets };
    for (int i = 0; i < run->ninputs; i++) {
        if ((r = input_open(&run->inputs[i], run->input_fns[i], i + 1, &o, &run->ref.assembly, err)) < 0) return r;
        input_t *in = &run->inputs[i];
        in->cn_declared = cn_header_fields(&run->ref.cn_fields, in->hdr, in->cn_fields, sizeof(in->cn_fields));
        /* the genes whose chromosome the file could hold: absence of a call over a gene means something
         * only then (no ##contig lines: any) */
        int nctg = in->hdr->n[BCF_DT_CTG];
        in->gene_contigs = nctg == 0 ? (1u << N_GENES) - 1 : 0;
        for (int c = 0; c < nctg; c++) {
            char canon[8];
            if (contig_canonical(bcf_hdr_id2name(in->hdr, c), canon)) continue;
            for (int g = 0; g < N_GENES; g++)
                if (!strcmp(canon, genes_span(&run->ref.genes, BUILD_GRCH38, g)->chrom)) in->gene_contigs |= 1u << g;
        }
        if ((r = sv_header(&run->sv, i + 1, in->hdr, in->cn_declared, err)) < 0) { mcrc_prefix(err, ": "); mcrc_prefix(err, in->label); return r; }
    }
    if ((r = resolve_builds(run)) < 0) return r;
    if ((r = sv_begin(&run->sv, run->build, err)) < 0) return r;
    if (run->callable_fn) {
        if ((r = callable_read(run->callable_fn, mark_callable, &run->sv, err)) < 0) return r;
        run->sv.callable_given = 1;
    }
    if (run->dump_fn) {
        if ((r = sio_out_open(&run->dump, run->dump_fn, SIO_SLOT_DUMP, err)) < 0) { mcrc_prefix(err, "--dump-records "); return r; }
        run->dump_fp = run->dump.fp;
    }
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
            if (!in->touched_unknown) continue;
            if (in->build_ev.unsupported)
                return mcrc_fail(err, MCRC_E_INPUT, "%s: %s; records fall where the four genes lie on GRCh37 or GRCh38, so pass -g GRCh37 or -g GRCh38 if the data are really on one of them", in->label, in->build_ev.how);
            return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot tell the genome build (no ##contig lengths or ##reference naming GRCh37/GRCh38) and records fall in a gene region; pass -g GRCh37 or -g GRCh38", in->label);
        }
    }

    /* ERBB2 */
    erbb2_input_t *ein = calloc(run->ninputs, sizeof(*ein));
    if (!ein) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    for (int i = 0; i < run->ninputs; i++) {
        /* a file with no records at all is more likely a failed run than a genome without changes */
        const input_t *in = &run->inputs[i];
        int cn_file = in->cn_declared > 0 && input_has_records(in), chr17 = (in->gene_contigs >> GENE_ERBB2) & 1;
        ein[i].cn_input = (cn_file && chr17) || in->cn_valued_seen;
        ein[i].cn_no_chr17 = cn_file && !chr17;
    }
    /* keep only the segments of the resolved build */
    int k = 0;
    for (int i = 0; i < run->nseg; i++)
        if (run->segs[i].build == run->build) run->segs[k++] = run->segs[i];
    run->nseg = k;
    const gene_span_t *g = genes_span(&run->ref.genes, run->build ? run->build : BUILD_GRCH38, GENE_ERBB2);
    r = erbb2_decide(g, run->segs, run->nseg, ein, run->ninputs, &run->th, &run->sv.rc, &run->erbb2, err);
    free(ein);
    if (r < 0) return r;

    /* KRAS, NRAS, BRAF */
    for (int i = 0; i < run->ninputs; i++) {
        if (!((run->sv.in[i].declared && input_has_records(&run->inputs[i])) || run->sv.in[i].seen)) continue;
        for (int g = 0; g < N_GENES; g++)
            if ((run->inputs[i].gene_contigs >> g) & 1) run->sv_input[g] = SV_INPUT_YES;
            else if (!run->sv_input[g]) run->sv_input[g] = SV_INPUT_NO_CONTIG;
    }
    if ((r = sv_decide_all(&run->sv, run->sv_input, err)) < 0) return r;

    /* the built-in tables, by checksum (the text knowledge base has its own) */
    refdata_sha256(run->data_sha256);

    if ((r = report_build(run)) < 0) return r;
    return outputs_write(run);      /* every format asked for, all or none; --dump-records with them */
}

static void destroy_run(run_t *run)
{
    if (run->inputs)
        for (int i = 0; i < run->ninputs; i++) input_close(&run->inputs[i]);
    sio_out_abort(&run->dump);      /* a no-op once committed */
    free(run->inputs);
    free(run->segs);
    free(run->cmdline);
    sv_destroy(&run->sv);
    erbb2_call_destroy(&run->erbb2);
    refdata_destroy(&run->ref);
    kb_destroy(&run->kb);
    if (run->doc) xmlFreeDoc(run->doc);
}

static int exit_code(int r)
{
    switch (r) {
    case MCRC_E_USAGE: return MCRC_EXIT_USAGE;
    case MCRC_E_INPUT: return MCRC_EXIT_INPUT;
    case MCRC_E_OUTPUT: return MCRC_EXIT_OUTPUT;
    default: return MCRC_EXIT_INTERNAL;
    }
}

int main(int argc, char **argv)
{
    run_t *run = calloc(1, sizeof(*run));
    if (!run) { error_line("out of memory"); return MCRC_EXIT_INTERNAL; }
    run->th.amp_cn = 6;
    run->th.equivocal_cn = 4;
    run->th.ploidy = run->cnp.ploidy = 2;
    run->cnp.purity = 1;
    run->verbosity = 1;
    run->lang = "en";
    run->svp.min_vaf = 0.05;
    run->svp.min_depth = 100;
    run->out[OUT_MAIN] = (out_spec_t){ "-o", NULL, 0 };
    run->out[OUT_XML] = (out_spec_t){ "--xml", NULL, 'x' };
    run->out[OUT_HTML] = (out_spec_t){ "--html", NULL, 'h' };
    run->out[OUT_JSON] = (out_spec_t){ "--json", NULL, 'j' };
    sio_signals_install();
    html_guard_install();
    LIBXML_TEST_VERSION
    int ret = MCRC_EXIT_OK;
    int r = cli_parse(run, argc, argv);
    if (r == 1) goto done;                  /* --help, --version */
    if (r < 0) { error_line("%s", run->err.msg); ret = exit_code(r); goto done; }
    hts_set_log_level(run->verbosity >= 3 ? HTS_LOG_INFO : run->verbosity == 2 ? HTS_LOG_WARNING : HTS_LOG_OFF);
    r = run_all(run);
    if (r < 0) { error_line("%s", run->err.msg); ret = exit_code(r); }
done:
    destroy_run(run);
    free(run);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return ret;
}
