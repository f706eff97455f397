/* input.h - one VCF/BCF input: open, check the header, choose the sample, hand out the records that touch a gene. */
#ifndef MCRC_INPUT_H
#define MCRC_INPUT_H

#include <pthread.h>
#include <stdint.h>
#include <htslib/hts.h>
#include <htslib/vcf.h>
#include "assembly.h"
#include "copy_number.h"
#include "facts.h"
#include "genes.h"
#include "mcrc.h"
#include "region_index.h"

/* A gene span on one build: what a record must overlap to be read in full. */
typedef struct {
    gene_id_t gene;
    genome_build_t build;
    char chrom[8];
    int64_t start, end;
} target_t;

#define TEXT_BUF (64 * 1024)   /* uncompressed text is read this much at a time */

#define MAX_TARGETS (2 * N_GENES)    /* every gene on both builds */
/* A bit set of targets (bit k: target k of a target_set_t). */
typedef uint32_t target_mask_t;
#define TARGET_MASK_UNKNOWN ((target_mask_t)~0u)   /* not computed yet, or a name the fast path leaves to the parser */
_Static_assert(MAX_TARGETS < 32, "target_mask_t holds a bit per target");

typedef struct {
    target_t t[MAX_TARGETS];
    int n;
} target_set_t;

typedef struct {
    /* identity */
    char *fn;                 /* the data file as given ("-" for standard input), without a ##idx## part */
    char *idx_fn;             /* the index the user named (FILE##idx##INDEX), or NULL */
    int remote;               /* a URL htslib reads (https://, s3://, ...) */
    char *label;              /* fn, made safe for messages and reports */
    int index;                /* 1-based */
    /* what it is */
    htsFile *fp;
    bcf_hdr_t *hdr;
    int is_bcf;
    char format[64];          /* "VCF", "BCF" */
    char compression[16];     /* "none", "bgzf", "gzip" */
    int64_t size;             /* bytes, -1 for a stream */
    char sha256[65];          /* "" when not hashed: see hash_skipped */
    int hash_wanted;          /* a regular file: hashed in the background */
    const char *hash_skipped; /* why not: "stream", "index", "option" (report schema words) */
    /* access */
    region_index_t ri;        /* the .tbi/.csi of the file: only the gene regions' bins (region_index.c) */
    int indexed;              /* regions are read through the index */
    int ri_loaded;            /* the regions' chunks have been read from it */
    ri_query_t q[MAX_TARGETS];
    char q_name[MAX_TARGETS][32];  /* the contig name each target matched in the file */
    /* the tumour sample */
    int sample;               /* column index, -1 for a sites-only file */
    char *sample_name;
    char sample_how[96];
    /* genome build */
    const assembly_t *asmb;   /* the built-in contig lengths (contig_length) */
    build_evidence_t build_ev;
    genome_build_t build;     /* resolved build (BUILD_UNKNOWN until known) */
    char build_how[320];
    /* what the rules need to know of the file (facts.h) */
    input_facts_t facts;
    /* reading state */
    kstring_t line;
    kstring_t carry;          /* text: a line that spans two blocks */
    char *blk; size_t nblk, oblk;   /* text: the block being scanned, its length and where we are in it */
    char *rbuf;               /* text, uncompressed: hread()'s buffer (TEXT_BUF bytes) */
    int fast;                 /* stream read by a fast path, text or BCF (see input.c) */
    int id_end, id_svlen;     /* header ids of END and SVLEN (-1: absent), for the BCF fast path */
    char last_chrom[64]; size_t last_chrom_len; target_mask_t last_chrom_mask; int64_t last_chrom_bp;
    int last_chrom_bm, last_chrom_genes; int64_t last_chrom_min, last_chrom_max;   /* its genes' span, for build mask bm */
    size_t ntabs;             /* text: tabs in the #CHROM line; every record must have as many */
    char bad_extent[64];      /* text: an END= or SVLEN= of the current line that is not a whole number ("" if none) */
    int bad_extent_range;     /* ... and it is one, but past 2^31 - 1 (htslib would store it as missing) */
    char raw_place[2][64];    /* CHROM and POS of the current text line, for messages */
    int64_t lineno;           /* text: 1-based line of the current record; 0 for BCF/index */
    int64_t nrec;             /* records read */
    int64_t nrec_gene;        /* records that touched a gene */
    int itarget;              /* indexed: which target is being read */
    int ichunk;               /* indexed: -1 not started, 0 reading toward the region, 1 in its contig, 2 done */
    int rattempt, rkind;      /* indexed: which start the read came from (read_region), and its RI_START_* */
    int rproven;              /* indexed: the file itself shows that no record of the region lies before */
    int rcrossed;             /* indexed: a record of another contig was read since that start */
    uint64_t rstart;          /* indexed: that start */
    uint64_t data_off;        /* indexed: the first record's offset (the end of the header) */
    target_mask_t *rid_mask;  /* contig id -> the targets on that contig */
    int nrid;
    cn_bufs_t bufs;           /* END/SVLEN look-ups */
    int verbosity;
    double t_start, t_last;   /* progress messages */
} input_t;

/* --checksum: which inputs get a SHA-256 in the provenance.  auto: those read whole (a stream is
 * read to its end anyway, and is hashed alongside); an input read through its index is not, as a
 * hash would be a full read of a file of which only the gene regions are needed. */
enum { CHECKSUM_AUTO = 0, CHECKSUM_FULL, CHECKSUM_NONE };

typedef struct {
    const char *samples;      /* -s: comma-separated names, or NULL */
    int threads;
    int parse_all;            /* --parse-all: decode every record (no fast path) */
    int no_index;             /* --no-index: stream even when an index exists */
    int verbosity;            /* -v: 1 and up prints progress on long inputs */
    int checksum;             /* --checksum: CHECKSUM_AUTO, _FULL or _NONE */
    const target_set_t *targets;   /* the gene regions: what an index is read for */
} input_opts_t;

int input_open(input_t *in, const char *fn, int index, const input_opts_t *o, const assembly_t *a, mcrc_err_t *err);
void input_close(input_t *in);

/* The builds this input's records are matched against: its own, or both while unknown. */
int input_build_mask(const input_t *in);

/*
 * Next record that overlaps a target of the input's candidate builds.
 * Returns 1 with *mask = bit set of the targets it overlaps, 0 at the end, <0 on error.
 * rec comes back unpacked up to BCF_UN_INFO; *end is its 1-based last base.
 */
int input_next(input_t *in, const target_set_t *ts, bcf1_t *rec, uint32_t *mask, int64_t *end, mcrc_err_t *err);

/* Hash every regular input in a background thread while the records are read; join before reporting. */
typedef struct { pthread_t thread; int running; void *job; } input_hash_t;
int inputs_hash_start(input_t *inputs, int n, input_hash_t *h, mcrc_err_t *err);
int inputs_hash_join(input_hash_t *h, mcrc_err_t *err);

/* Does the file hold any record? (streamed: counted; indexed: from the index statistics) */
int input_has_records(const input_t *in);

/* "FILE: line 12: chr17:39700001: " style prefix for a message about the current record. */
void input_where(const input_t *in, const bcf1_t *rec, char *buf, size_t n);

#endif
