/*
 * cli.c - mcrc-report's command line: the usage screen and getopt_long into the run struct.
 *
 * Defaults are set by run_defaults() (run.c) before cli_parse(); the usage screen shows each in
 * [brackets].  A bad argument is MCRC_E_USAGE with one line naming it; --help and --version print
 * and return 1.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <htslib/hts.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include "run.h"
#include "util.h"

static void usage(FILE *fp)
{
    fprintf(fp,
"\n"
"About:   Decide the four mCRC treatment biomarkers (ERBB2 amplification; KRAS, NRAS,\n"
"         BRAF mutation status) from a tumour's VCF/BCF calls and write a report.\n"
"Usage:   mcrc-report [options] FILE [FILE ...]\n"
"         mcrc-report [options] --segments TABLE [FILE ...]\n"
"\n"
"         FILE is VCF, VCF.gz or BCF: a path, a URL htslib reads (https://,\n"
"         s3://, gs://...) or '-' for standard input. Copy-number and\n"
"         small-variant files of one tumour go in together; with a .tbi/.csi\n"
"         index (beside it, or named as FILE##idx##INDEX) the gene regions\n"
"         are read through the index.\n"
"\n"
"Options:\n"
"  -o, --output FILE          write the report to FILE [standard output]\n"
"  -O, --output-type x|h|j    x: XML, h: HTML page, j: JSON [from the -o suffix\n"
"                             (.html/.htm: h, .json: j), else x]\n"
"      --xml FILE             also write the XML report to FILE [none]\n"
"      --html FILE            also write the HTML page to FILE [none]\n"
"      --json FILE            also write the JSON view to FILE [none]; all outputs of\n"
"                             a run come from one report, and are written all or none\n"
"      --html-template FILE   XSLT stylesheet for the HTML view [built-in]\n"
"      --fragment             HTML: an embeddable <section> instead of a whole page\n"
"  -s, --sample NAME[,NAME]   the tumour sample in multi-sample files [the only sample,\n"
"                             else ##tumor_sample=, else the column TUMOR]\n"
"  -g, --genome GRCh37|GRCh38 genome build of the inputs [auto: ##contig lengths, ##reference]\n"
"      --amp-cn FLOAT         ERBB2 amplified at or above this copy number [6]\n"
"      --equivocal-cn FLOAT   ERBB2 equivocal at or above this copy number [4]\n"
"      --ploidy FLOAT         normal copy number; fold changes are multiplied by it [2]\n"
"      --purity FLOAT         tumour purity in (0,1]; below 1 corrects observed copy\n"
"                             numbers for normal-cell dilution [1: take values as given]\n"
"      --min-vaf FLOAT        KRAS/NRAS/BRAF: set aside calls with a lower allele fraction [0.05]\n"
"      --min-depth INT        set aside calls with lower depth; coverage of the hotspot\n"
"                             codons (for wild-type) needs this depth [100]\n"
"      --include-filtered     use small-variant calls whose FILTER is not PASS\n"
"      --callable FILE        BED of intervals sequenced at adequate depth: shows the\n"
"                             hotspot codons covered, so no call there means wild-type\n"
"      --segments FILE        a copy-number segment table (CNVkit .cns/.call.cns, GATK\n"
"                             .seg, IGV/TCGA SEG, PURPLE, FACETS, ASCAT, Sequenza, PCGR;\n"
"                             plain or gzip/bgzip), recognised by its header; may be\n"
"                             repeated; numbered as inputs after the VCFs. ERBB2 is\n"
"                             judged on absolute copy number (--amp-cn), not relative\n"
"                             to the sample ploidy as PURPLE calls amplification\n"
"      --fasta FILE           reference FASTA (with .fai): check every REF against it\n"
"                             [REF is checked against the built-in coding sequences]\n"
"      --alignments FILE      the tumour's BAM or CRAM (indexed: .bai/.csi/.crai, or\n"
"                             FILE##idx##INDEX; CRAM needs --fasta): depth and alt reads\n"
"                             at every hotspot codon, read through the index; a codon at\n"
"                             --min-depth counts as covered, and reads are checked against\n"
"                             the calls. Reads flagged unmapped, secondary, supplementary,\n"
"                             QC-fail or duplicate are skipped; overlapping mates count once\n"
"      --min-mapq INT         --alignments: skip reads of lower mapping quality [20]\n"
"      --min-baseq INT        --alignments: skip bases of lower base quality [20]\n"
"      --skip-sample-check    --alignments: use them even if their read groups' sample\n"
"                             (@RG SM) is not the tumour sample of the inputs\n"
"      --kb DIR               knowledge base DIR/knowledge-base.xml [built-in]\n"
"      --lang LANG            language of the explanations: en, es [en]\n"
"      --threads INT          extra decompression threads [0]\n"
"      --parse-all            decode every record, not only those near the genes\n"
"                             (slower; reports a malformed record anywhere in the file)\n"
"      --no-index             stream inputs even when a .tbi/.csi index exists\n"
"      --checksum auto|full|none  SHA-256 of inputs for the provenance [auto: every\n"
"                             input read whole; one read through its index is not\n"
"                             hashed, as that is a full read of it] (full: all; none: no hash)\n"
"      --dump-records FILE    diagnostic: list every record found in a gene region\n"
"                             (input, CHROM, POS, REF, ALT; tab-separated)\n"
"  -v, --verbosity INT        0 errors only, 1 warnings, 2 also htslib's messages [1]\n"
"      --no-version           leave versions and the command line out of the report\n"
"                             (with SOURCE_DATE_EPOCH set, output is byte-stable)\n"
"      --version              print the version and exit\n"
"  -h, --help                 print this help and exit\n"
"\n"
"Exit status: 0 report written, 1 usage error (also: two outputs on one file,\n"
"             an output onto an input), 2 input error, 3 output error, 4 internal\n"
"             error. On any error no output file is written or replaced.\n"
"\n"
"Examples:\n"
"  # CNVkit copy-number VCF on GRCh37, XML report\n"
"  mcrc-report -g GRCh37 -o tumour.xml tumour.cnvkit.vcf\n"
"  # DRAGEN CNV and Mutect2 SNV calls of one tumour, sample named in the header\n"
"  mcrc-report -o T1.xml T1.cnv.vcf.gz T1.mutect2.vcf.gz\n"
"  # TSO500 fold changes from a sample of 40%% tumour purity\n"
"  mcrc-report --purity 0.4 -o T2.xml T2_CopyNumberVariants.vcf\n"
"  # one run, every format: XML, HTML page and JSON from the same decision\n"
"  mcrc-report -o T3.xml --html T3.html --json T3.json T3.cnv.vcf.gz T3.snv.vcf.gz\n"
"\n");
}

static int parse_num_opt(const char *name, const char *arg, double lo, double hi, int lo_open, double *out, mcrc_err_t *err)
{
    double v;
    if (parse_double(arg, &v) || v > hi || v < lo || (lo_open && v == lo))
        return mcrc_fail(err, MCRC_E_USAGE, "--%s: expected a number %s %g and <= %g, got '%s'", name, lo_open ? ">" : ">=", lo, hi, arg);
    *out = v;
    return 0;
}

/* Single-quote an argument for the recorded command line when the shell would need it. */
static int append_arg(char **s, size_t *n, size_t *m, const char *a)
{
    int quote = !*a || strpbrk(a, " \t\n'\"\\$`*?[]{}()<>|&;#~") != NULL;
    size_t need = *n + strlen(a) * 4 + 4;
    if (need > *m) {
        size_t mm = need * 2;
        char *p = realloc(*s, mm);
        if (!p) return -1;
        *s = p; *m = mm;
    }
    char *o = *s + *n;
    if (*n) *o++ = ' ';
    if (quote) *o++ = '\'';
    for (const char *p = a; *p; p++) {
        if (*p == '\'' && quote) { memcpy(o, "'\\''", 4); o += 4; }
        else *o++ = *p;
    }
    if (quote) *o++ = '\'';
    *o = 0;
    *n = o - *s;
    return 0;
}

enum { OPT_AMP = 1000, OPT_EQ, OPT_PLOIDY, OPT_PURITY, OPT_THREADS, OPT_NOVER, OPT_VERSION, OPT_KB, OPT_LANG, OPT_TEMPLATE, OPT_FRAGMENT, OPT_PARSE_ALL, OPT_NO_INDEX,
       OPT_MIN_VAF, OPT_MIN_DEPTH, OPT_INCL_FILTERED, OPT_CALLABLE, OPT_FASTA, OPT_DUMP, OPT_CHECKSUM, OPT_XML, OPT_HTML, OPT_JSON,
       OPT_ALIGNMENTS, OPT_MIN_MAPQ, OPT_MIN_BASEQ, OPT_SKIP_SAMPLE, OPT_SEGMENTS };

/* the long options, in the order of the usage screen */
static const struct option lopts[] = {
    { "output", required_argument, NULL, 'o' },
    { "output-type", required_argument, NULL, 'O' },
    { "xml", required_argument, NULL, OPT_XML },
    { "html", required_argument, NULL, OPT_HTML },
    { "json", required_argument, NULL, OPT_JSON },
    { "sample", required_argument, NULL, 's' },
    { "samples", required_argument, NULL, 's' },
    { "genome", required_argument, NULL, 'g' },
    { "amp-cn", required_argument, NULL, OPT_AMP },
    { "equivocal-cn", required_argument, NULL, OPT_EQ },
    { "ploidy", required_argument, NULL, OPT_PLOIDY },
    { "purity", required_argument, NULL, OPT_PURITY },
    { "threads", required_argument, NULL, OPT_THREADS },
    { "kb", required_argument, NULL, OPT_KB },
    { "lang", required_argument, NULL, OPT_LANG },
    { "html-template", required_argument, NULL, OPT_TEMPLATE },
    { "fragment", no_argument, NULL, OPT_FRAGMENT },
    { "min-vaf", required_argument, NULL, OPT_MIN_VAF },
    { "min-depth", required_argument, NULL, OPT_MIN_DEPTH },
    { "include-filtered", no_argument, NULL, OPT_INCL_FILTERED },
    { "callable", required_argument, NULL, OPT_CALLABLE },
    { "fasta", required_argument, NULL, OPT_FASTA },
    { "segments", required_argument, NULL, OPT_SEGMENTS },
    { "alignments", required_argument, NULL, OPT_ALIGNMENTS },
    { "min-mapq", required_argument, NULL, OPT_MIN_MAPQ },
    { "min-baseq", required_argument, NULL, OPT_MIN_BASEQ },
    { "skip-sample-check", no_argument, NULL, OPT_SKIP_SAMPLE },
    { "parse-all", no_argument, NULL, OPT_PARSE_ALL },
    { "no-index", no_argument, NULL, OPT_NO_INDEX },
    { "dump-records", required_argument, NULL, OPT_DUMP },
    { "checksum", required_argument, NULL, OPT_CHECKSUM },
    { "verbosity", required_argument, NULL, 'v' },
    { "no-version", no_argument, NULL, OPT_NOVER },
    { "version", no_argument, NULL, OPT_VERSION },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

int cli_parse(run_t *run, int argc, char **argv)
{
    mcrc_err_t *err = &run->err;
    int c, r = 0;
    size_t n = 0, m = 0;
    for (int i = 0; i < argc; i++) {
        char *shown = url_redact_dup(argv[i]);      /* the recorded command line keeps no URL credentials */
        int bad = !shown || append_arg(&run->cmdline, &n, &m, shown) < 0;
        free(shown);
        if (bad) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    }
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:O:s:g:v:h", lopts, NULL)) >= 0) {
        double d;
        int64_t i64;
        switch (c) {
        case 'o': run->out[OUT_MAIN].fn = optarg; break;
        case 'O':
            if (!strcmp(optarg, "x") || !strcmp(optarg, "xml")) run->out[OUT_MAIN].type = 'x';
            else if (!strcmp(optarg, "h") || !strcmp(optarg, "html")) run->out[OUT_MAIN].type = 'h';
            else if (!strcmp(optarg, "j") || !strcmp(optarg, "json")) run->out[OUT_MAIN].type = 'j';
            else return mcrc_fail(err, MCRC_E_USAGE, "-O/--output-type: expected x, h or j, got '%s'", optarg);
            break;
        case OPT_XML: case OPT_HTML: case OPT_JSON: {
            out_spec_t *o = &run->out[c == OPT_XML ? OUT_XML : c == OPT_HTML ? OUT_HTML : OUT_JSON];
            if (o->fn) return mcrc_fail(err, MCRC_E_USAGE, "%s given twice: each format once (-o and -O give the main output)", o->opt);
            o->fn = optarg;
            break;
        }
        case 's': run->samples = optarg; break;
        case 'g':
            run->genome = build_parse(optarg);
            if (!run->genome) return mcrc_fail(err, MCRC_E_USAGE, "-g/--genome: expected GRCh37 or GRCh38, got '%s'", optarg);
            break;
        case OPT_AMP: if ((r = parse_num_opt("amp-cn", optarg, 0, 1000, 1, &run->th.amp_cn, err))) return r; break;
        case OPT_EQ: if ((r = parse_num_opt("equivocal-cn", optarg, 0, 1000, 1, &run->th.equivocal_cn, err))) return r; break;
        case OPT_PLOIDY: if ((r = parse_num_opt("ploidy", optarg, 0, 100, 1, &d, err))) return r; run->cnp.ploidy = d; break;
        case OPT_PURITY: if ((r = parse_num_opt("purity", optarg, 0, 1, 1, &run->cnp.purity, err))) return r; break;
        case OPT_THREADS:
            if (parse_int64(optarg, &i64) || i64 < 0 || i64 > 256) return mcrc_fail(err, MCRC_E_USAGE, "--threads: expected an integer from 0 to 256, got '%s'", optarg);
            run->threads = (int)i64;
            break;
        case 'v':
            if (parse_int64(optarg, &i64) || i64 < 0 || i64 > 9) return mcrc_fail(err, MCRC_E_USAGE, "-v/--verbosity: expected an integer from 0 to 9, got '%s'", optarg);
            run->verbosity = (int)i64;
            break;
        case OPT_NOVER: run->no_version = 1; break;
        case OPT_KB: run->kb_dir = optarg; break;
        case OPT_LANG: run->lang = optarg; break;
        case OPT_TEMPLATE: run->html_template = optarg; break;
        case OPT_FRAGMENT: run->fragment = 1; break;
        case OPT_MIN_VAF: if ((r = parse_num_opt("min-vaf", optarg, 0, 1, 0, &run->svp.min_vaf, err))) return r; break;
        case OPT_MIN_DEPTH:
            if (parse_int64(optarg, &i64) || i64 < 0 || i64 > 1000000000) return mcrc_fail(err, MCRC_E_USAGE, "--min-depth: expected an integer from 0 to 1000000000, got '%s'", optarg);
            run->svp.min_depth = (int)i64;
            break;
        case OPT_INCL_FILTERED: run->svp.include_filtered = 1; break;
        case OPT_CALLABLE: run->callable_fn = optarg; break;
        case OPT_FASTA: run->fasta_fn = optarg; break;
        case OPT_SEGMENTS:
            if (!strcmp(optarg, "-")) return mcrc_fail(err, MCRC_E_USAGE, "--segments: standard input is not read as a segment table; name the file");
            if (run->nseg_fns == run->mseg_fns) {
                int m = run->mseg_fns ? 2 * run->mseg_fns : 4;
                char **p = realloc(run->seg_fns, m * sizeof(*p));
                if (!p) return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
                run->seg_fns = p; run->mseg_fns = m;
            }
            run->seg_fns[run->nseg_fns++] = optarg;
            break;
        case OPT_ALIGNMENTS: run->aln.fn = optarg; break;
        case OPT_MIN_MAPQ: case OPT_MIN_BASEQ:
            if (parse_int64(optarg, &i64) || i64 < 0 || i64 > 255)
                return mcrc_fail(err, MCRC_E_USAGE, "--%s: expected an integer from 0 to 255, got '%s'", c == OPT_MIN_MAPQ ? "min-mapq" : "min-baseq", optarg);
            *(c == OPT_MIN_MAPQ ? &run->aln.min_mapq : &run->aln.min_baseq) = (int)i64;
            break;
        case OPT_SKIP_SAMPLE: run->aln.skip_sample_check = 1; break;
        case OPT_PARSE_ALL: run->parse_all = 1; break;
        case OPT_NO_INDEX: run->no_index = 1; break;
        case OPT_DUMP: run->dump_fn = optarg; break;
        case OPT_CHECKSUM:
            if (!strcmp(optarg, "auto")) run->checksum = CHECKSUM_AUTO;
            else if (!strcmp(optarg, "full") || !strcmp(optarg, "sha256")) run->checksum = CHECKSUM_FULL;
            else if (!strcmp(optarg, "none")) run->checksum = CHECKSUM_NONE;
            else return mcrc_fail(err, MCRC_E_USAGE, "--checksum: expected auto, full or none, got '%s'", optarg);
            break;
        case OPT_VERSION: {
            /* the libraries this run uses, not the headers it was built with */
            char xml[40], xslt[40];
            dotted_version(atoi(xmlParserVersion), xml);
            dotted_version(xsltLibxsltVersion, xslt);
            printf("mcrc-report %s\nUsing htslib %s, libxml2 %s and libxslt %s\n", MCRC_VERSION, hts_version(), xml, xslt);
            return 1;
        }
        case 'h': usage(stdout); return 1;
        case ':': return mcrc_fail(err, MCRC_E_USAGE, "option %s needs a value (see mcrc-report --help)", argv[optind - 1]);
        default: return mcrc_fail(err, MCRC_E_USAGE, "unknown option %s (see mcrc-report --help)", argv[optind - 1]);
        }
    }
    if (run->th.equivocal_cn > run->th.amp_cn)
        return mcrc_fail(err, MCRC_E_USAGE, "--equivocal-cn (%g) must not be above --amp-cn (%g)", run->th.equivocal_cn, run->th.amp_cn);
    if (!run->out[OUT_MAIN].type) {
        const char *o = run->out[OUT_MAIN].fn;
        size_t l = o ? strlen(o) : 0;
        run->out[OUT_MAIN].type = (l > 5 && !strcasecmp(o + l - 5, ".html")) || (l > 4 && !strcasecmp(o + l - 4, ".htm")) ? 'h'
                                : l > 5 && !strcasecmp(o + l - 5, ".json") ? 'j' : 'x';
    }
    run->input_fns = argv + optind;
    run->ninputs = argc - optind;
    if (!run->ninputs && !run->nseg_fns) {
        if (isatty(STDIN_FILENO)) { usage(stderr); return mcrc_fail(err, MCRC_E_USAGE, "no input files"); }
        static char *dash[] = { "-" };
        run->input_fns = dash;
        run->ninputs = 1;
    }
    int nstdin = 0;
    for (int i = 0; i < run->ninputs; i++) nstdin += !strcmp(run->input_fns[i], "-");
    if (nstdin > 1) return mcrc_fail(err, MCRC_E_USAGE, "standard input ('-') can be given only once");
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    run->source_date = -1;
    if (sde && *sde) {
        int64_t t;
        /* the report's xs:dateTime has a four-digit year: up to 9999-12-31T23:59:59Z */
        if (parse_int64(sde, &t) || t < 0 || t > INT64_C(253402300799))
            return mcrc_fail(err, MCRC_E_USAGE, "SOURCE_DATE_EPOCH must be a number of seconds from 0 to 253402300799 (9999-12-31T23:59:59Z), got '%s'", sde);
        run->source_date = t;
    }
    return 0;
}
