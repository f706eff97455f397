/* small_variant.h - KRAS, NRAS and BRAF status from small-variant calls (design comment: small_variant.c;
 * set-up and per-gene state: small_variant.c, headers and records: sv_record.c, the rule and its words: sv_decide.c). */
#ifndef MCRC_SMALL_VARIANT_H
#define MCRC_SMALL_VARIANT_H

#include <stdint.h>
#include <htslib/faidx.h>
#include <htslib/vcf.h>
#include "annot_parse.h"
#include "cds_model.h"
#include "field_cache.h"
#include "genes.h"
#include "mcrc.h"
#include "reason.h"
#include "translate.h"
#include "vaf.h"

struct refdata;   /* refdata.h */

/* What a variant is, for the decision. */
typedef enum {
    SV_CLASS_NONE = 0,       /* determined, not protein-changing (synonymous, intronic, UTR) */
    SV_CLASS_HOTSPOT,        /* extended-RAS codon, BRAF V600 */
    SV_CLASS_2,              /* BRAF class 2 */
    SV_CLASS_3,              /* BRAF class 3 */
    SV_CLASS_UNCERTAIN,      /* protein-changing elsewhere: variant of uncertain significance */
    SV_CLASS_UNDETERMINED    /* the protein change could not be determined */
} sv_class_t;

const char *sv_class_word(sv_class_t c);   /* "hotspot", "class-2", ... as in the report schema */

/* annotations/hotspot-classes.tsv */
typedef struct { gene_id_t gene; int codon; char alt_aa; sv_class_t cls; } sv_hotspot_t;
typedef struct { sv_hotspot_t *h; int n, m; } sv_hotspots_t;

int sv_hotspots_load(sv_hotspots_t *t, const char *tsv, mcrc_err_t *err);
void sv_hotspots_destroy(sv_hotspots_t *t);
/* Class of a protein change at codon (alt_aa: one-letter new residue, 0 if not a simple substitution);
 * SV_CLASS_NONE if the codon is not listed. */
sv_class_t sv_hotspot_class(const sv_hotspots_t *t, gene_id_t gene, int codon, char alt_aa);

typedef struct {
    double min_vaf;           /* --min-vaf [0.05] */
    int min_depth;            /* --min-depth [100] */
    int include_filtered;     /* --include-filtered */
} sv_params_t;

/* One ALT allele of a record that touched a gene, used or set aside. */
typedef struct {
    int input;
    gene_id_t gene;
    char chrom[32];
    int64_t pos;
    char ref[52], alt[52];    /* longer alleles are cut, with "..." */
    char filter[64];
    int pass;                 /* FILTER PASS or '.' */
    int has_vaf, has_depth;   /* a usable value was read (vaf_state / depth_state VAF_OK) */
    vaf_state_t vaf_state, depth_state;
    double vaf;
    int depth;
    char vaf_field[48], depth_field[48];
    /* the effect as reported, and where it came from */
    char transcript[64], hgvs_c[VE_STR_LEN], hgvs_p[VE_STR_LEN], consequence[48];
    char source[48];          /* "translation" or the annotation, e.g. "VEP INFO/CSQ" */
    char our_p[VE_STR_LEN];           /* our translation's protein change ("" if not determined) */
    char annot_source[48], annot_transcript[64], annot_p[VE_STR_LEN];
    int determined, protein_changing, codon_first, codon_last;
    int overlaps_hotspot;     /* the REF span touches a listed codon */
    int disagree;             /* annotation and translation name different protein changes */
    char annot_unread[8];     /* an annotation the record carries but the tool cannot read (the INFO tag; "" none):
                               * a disagreement in it would go unseen, so it weighs as one */
    sv_class_t cls;
    int set_aside;            /* failed FILTER, --min-vaf or --min-depth */
    int used;                 /* counted in the decision */
    int symbolic;             /* a symbolic or structural allele: listed, not assessed */
    int reads_contradict;     /* a used call the alignments' reads do not support (alignments_compare.c) */
    kstring_t note;           /* why used or set aside, in the report's language (sv_destroy frees it) */
} sv_variant_t;

/* A hotspot codon of the resolved build and whether every base of it is shown covered. */
typedef struct {
    gene_id_t gene;
    int codon;
    sv_class_t cls;
    int64_t gpos[3];
    int covered[3];
    /* from --alignments (alignments.c); aln_read 0: not read */
    int aln_read;
    int aln_depth[3];         /* filtered depth of each base (gpos order) */
    int aln_codon_depth;      /* the least of the three */
    int aln_covered;          /* the alignments showed the codon covered at --min-depth */
    int aln_aa[27];           /* reads that cover the whole codon, by amino acid shown ('A'..'Z', 26: stop) */
    char ref_aa;              /* the reference amino acid */
    int aln_alt;              /* reads of the commonest protein-changing amino acid */
    char aln_change[16];      /* its protein change, "p.G12D" ("" if none) */
    int aln_indel;            /* reads with an insertion or deletion inside the codon (they give it no depth) */
    int aln_of;               /* the reads aln_alt is a fraction of: the codon depth, plus aln_indel when those are the change */
    int aln_uncalled;         /* >= 2 such reads at >= --min-vaf of aln_of and no call over the codon */
} sv_site_t;

typedef struct {
    biomarker_status_t status;
    char basis[32];
    kstring_t reason;         /* never cut short; zero it before the first sv_decide, sv_call_destroy frees it */
    char code[32];            /* the reason's id in annotations/reasons.xml, the same in every language */
} sv_call_t;

/* Alleles that cannot bear on any decision are counted per input and gene, not kept, so that
 * memory and the report do not grow with a whole genome's intronic calls (design: small_variant.c). */
typedef enum {
    SV_NL_OUTSIDE_CDS = 0,   /* shown not to change the protein: intronic beyond the splice region, UTR, flanking */
    SV_NL_NO_MODEL,          /* ERBB2 (no coding model) and the file names no protein change */
    SV_NL_COPY_NUMBER,       /* a copy-number segment over KRAS/NRAS/BRAF: not a small variant (main.c counts it) */
    SV_NL_OVER_CAP,          /* the gene lists SV_LIST_CAP variants and one with the same bearing on the status (sv_cap.c) */
    SV_NL_REPEATED_SEGMENT,  /* ERBB2: a copy-number segment repeated with the same bearing on the rule (main.c) */
    SV_NOT_LISTED_KINDS
} sv_not_listed_t;
const char *sv_not_listed_word(sv_not_listed_t k);   /* "outside-coding-sequence", ... as in the report schema */

/* What an input's header says about small variants. */
typedef struct {
    int declared;             /* header declares small-variant fields (see small_variant.c) */
    int seen;                 /* a small-variant allele fell in a gene */
    int nannot;
    char annot_tag[3][16];
    unsigned annot_unreadable;   /* bits of CSQ, ANN, BCSQ (sv_header's order) that a record may carry but that cannot be
                                  * read: not declared, or (CSQ, BCSQ) declared without a format this tool reads */
    annot_format_t annot[3];
    int nsamples;
    int64_t not_listed[N_GENES][SV_NOT_LISTED_KINDS];  /* alleles counted, not kept (see sv_not_listed_t) */
} sv_input_t;

typedef struct {
    sv_params_t p;
    const struct refdata *ref;   /* the built-in tables: hotspot classes, coding models, allele-fraction fields */
    genome_build_t build;
    faidx_t *fai;
    const char *fasta_fn;
    sv_input_t *in;
    int nin;
    sv_variant_t *v;
    int nv, mv;
    sv_site_t *site;
    int nsite;
    int callable_given;
    reason_ctx_t rc;          /* the templates and language of notes and reasons (set before the first record) */
    sv_call_t call[N_GENES];
    kstring_t not_listed_note[SV_NOT_LISTED_KINDS];   /* what each kind of <not-listed> count means, worded by sv_decide_all */
    field_cache_t fc;         /* FORMAT/INFO numbers of the current record, decoded once */
    /* buffers reused across records */
    int32_t *i32; int mi32;
    float *f32; int mf32;
    char *str; int mstr;
    char **strs; int mstrs;
    annot_list_t al;
    vaf_reader_t vr;
} sv_state_t;

/* Take the gene models, hotspot classes and allele-fraction fields from ref (refdata.h; it outlives s);
 * open --fasta (NULL: none). */
int sv_init(sv_state_t *s, const sv_params_t *p, const struct refdata *ref, const char *fasta_fn, int ninputs, mcrc_err_t *err);
void sv_destroy(sv_state_t *s);

/* Read an input's header (annotation formats, declared fields; sv_record.c). cn_declared: the input declares copy-number fields. */
int sv_header(sv_state_t *s, int input, const bcf_hdr_t *h, int cn_declared, mcrc_err_t *err);

/* The genome build is known: list the hotspot bases of that build. */
int sv_begin(sv_state_t *s, genome_build_t build, mcrc_err_t *err);

/* Mark [beg, end] (1-based, inclusive) of chrom as covered at adequate depth. */
void sv_mark_covered(sv_state_t *s, const char *chrom, int64_t beg, int64_t end);

/* One record that overlaps gene on the resolved build and is not a copy-number call (sv_record.c).
 * Returns 0, or <0 with a message (a REF that does not match: MCRC_E_INPUT). */
int sv_add_record(sv_state_t *s, int input, const bcf_hdr_t *h, bcf1_t *rec, int sample, gene_id_t gene,
                  int64_t end, mcrc_err_t *err);

/* Is there a small-variant input for a gene?  NONE: no small-variant input at all; YES: one that could hold
 * the gene's calls; NO_CONTIG: small-variant inputs whose ##contig lines all lack the gene's chromosome. */
enum { SV_INPUT_NONE = 0, SV_INPUT_YES, SV_INPUT_NO_CONTIG };

/* The rule: decide one gene from its variants and sites (sv_input: SV_INPUT_*), the reason worded in rc's
 * language; chrom is the gene's chromosome as the reason names it (genes.tsv: "12" for KRAS).  Pure: unit-tested.  Returns 0, or -1 if the reason could not be worded (an internal error). */
int sv_decide(gene_id_t gene, const char *chrom, const sv_variant_t *v, int nv, const sv_site_t *site, int nsite,
              int sv_input, int callable_given, const sv_params_t *p, const reason_ctx_t *rc, sv_call_t *out);
void sv_call_destroy(sv_call_t *c);


/* Word a variant's note (why used or set aside; sv_decide.c) and set v->set_aside for the filters and
 * thresholds it fails.  fv, dv: what the allele fraction and depth fields gave; ve: our translation;
 * ours: it named the change; comparable: the annotation is on the model transcript.  0, or -1. */
int sv_note_variant(const reason_ctx_t *rc, const sv_params_t *p, sv_variant_t *v, int pass, const vaf_value_t *fv,
                    const vaf_value_t *dv, const variant_effect_t *ve, int ours, int comparable);

/* Decide KRAS, NRAS and BRAF (ERBB2 keeps its amplification call; its variants are only listed), and word
 * the notes of the <not-listed> counts. */
int sv_decide_all(sv_state_t *s, const int sv_input[N_GENES], mcrc_err_t *err);

#endif
