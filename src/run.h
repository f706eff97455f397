/*
 * run.h - the one struct a run moves through (bcftools' args_t habit):
 * parse options (cli.c) -> init (data, inputs, build, sample) -> stream
 * records -> decide -> build the report tree -> write it -> destroy (run.c).
 */
#ifndef MCRC_RUN_H
#define MCRC_RUN_H

#include <stdio.h>
#include <libxml/tree.h>
#include "alignments.h"
#include "assembly.h"
#include "copy_number.h"
#include "erbb2.h"
#include "genes.h"
#include "input.h"
#include "kb.h"
#include "mcrc.h"
#include "refdata.h"
#include "safe_io.h"
#include "segments.h"
#include "small_variant.h"

/* The report's outputs (outputs.c): the main one (-o, -O) and one more of each format. */
enum { OUT_MAIN = 0, OUT_XML, OUT_HTML, OUT_JSON, N_OUTS };
typedef struct {
    const char *opt;          /* "-o", "--xml", "--html", "--json" */
    const char *fn;           /* the file; NULL: standard output (OUT_MAIN) or not asked for (the others) */
    char type;                /* 'x' XML, 'h' HTML, 'j' JSON */
} out_spec_t;

typedef struct {
    /* options */
    out_spec_t out[N_OUTS];   /* -o/-O, --xml, --html, --json */
    char *samples;            /* -s */
    genome_build_t genome;    /* -g, BUILD_UNKNOWN = auto */
    erbb2_thresholds_t th;    /* --amp-cn, --equivocal-cn */
    cn_params_t cnp;          /* --ploidy, --purity */
    int threads, verbosity, no_version;
    char *kb_dir;             /* --kb: NULL = built-in */
    char *lang;               /* --lang [en] */
    char *html_template;      /* --html-template FILE.xsl: NULL = built-in */
    int fragment;             /* --fragment: an embeddable <section> */
    int parse_all, no_index;  /* --parse-all, --no-index */
    int checksum;             /* --checksum: CHECKSUM_AUTO, _FULL, _NONE (input.h) */
    char *dump_fn;            /* --dump-records */
    FILE *dump_fp;            /* dump.fp while the records are listed */
    sio_out_t dump;           /* committed only when the report is written */
    sv_params_t svp;          /* --min-vaf, --min-depth, --include-filtered */
    char *callable_fn;        /* --callable BED, or NULL */
    char *fasta_fn;           /* --fasta, or NULL */
    aln_t aln;                /* --alignments, --min-mapq, --min-baseq, --skip-sample-check (alignments.c) */
    char **input_fns;
    int ninputs;
    char **seg_fns;           /* --segments, in order: inputs ninputs+1 ... */
    int nseg_fns, mseg_fns;
    char *cmdline;
    long long source_date;    /* SOURCE_DATE_EPOCH, or -1 */
    /* built-in data */
    refdata_t ref;            /* the built-in tables (refdata.c) */
    kb_t kb;
    char data_sha256[65];     /* the built-in gene and dialect tables */
    /* state */
    input_t *inputs;
    seg_table_t *tables;      /* one per --segments (segments.c), read after the VCF inputs */
    target_set_t targets;
    genome_build_t build;
    char build_how[512];
    cn_segment_t *segs;       /* copy-number segments over ERBB2 (any candidate build) */
    int nseg, mseg;
    erbb2_call_t erbb2;
    sv_state_t sv;            /* small variants over the four genes; KRAS/NRAS/BRAF calls */
    int sv_input[N_GENES];    /* SV_INPUT_*: is there a small-variant input that could hold the gene's calls? */
    xmlDocPtr doc;
    mcrc_err_t err;
} run_t;

/* run.c: the run's steps, each 0 or a negative MCRC_E_* code with the message in run->err. */
void run_defaults(run_t *run);     /* every option's default, into a zeroed run, before cli_parse() */
int run_init(run_t *run);          /* built-in data, knowledge base, inputs, genome build, --callable, --dump-records */
int run_stream(run_t *run);        /* every record over a gene, to its rule */
int run_decide(run_t *run);        /* ERBB2, KRAS, NRAS, BRAF */
int run_report(run_t *run);        /* the report tree */
int run_write(run_t *run);         /* every output asked for, all or none */
int run_execute(run_t *run);       /* init, stream, decide, report, write */
void run_destroy(run_t *run);      /* all the run holds (not run itself); safe after any step */

/* report.c: build the XML report tree from a finished run. */
int report_build(run_t *run);

/* cli.c: the options into run (defaults set before); 0, 1 after --help/--version, or MCRC_E_USAGE */
int cli_parse(run_t *run, int argc, char **argv);

/* outputs.c: refuse outputs that name an input or each other (MCRC_E_USAGE), before anything is read */
int outputs_check(run_t *run);
/* outputs.c: render every view asked for and write them all, or none (MCRC_E_OUTPUT) */
int outputs_write(run_t *run);

#endif
