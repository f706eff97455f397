/*
 * test_rules.c - unit tests of the ERBB2 rule (erbb2.c), of reading a
 * copy-number segment out of a VCF record (copy_number.c) and of telling
 * the genome build from a header (assembly.c).
 *
 * Segments for erbb2_decide are built by hand over the GRCh38 ERBB2 span
 * of the built-in genes.tsv (17:39687914-39730426, 42513 bp); records and
 * headers for cn_from_record / assembly_detect are parsed by htslib from
 * VCF text held here.  Build with `make unit`, run ./build/test_rules.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/hts.h>
#include <htslib/kstring.h>
#include <htslib/vcf.h>
#include "assembly.h"
#include "copy_number.h"
#include "extent.h"
#include "embedded.h"
#include "erbb2.h"
#include "genes.h"
#include "mcrc.h"
#include "util.h"
#include "unit.h"
#include "reasons_fixture.h"

/* ------------------------------------------------------------------ */
/* erbb2_decide                                                        */
/* ------------------------------------------------------------------ */

static const gene_span_t *G;      /* ERBB2 on GRCh38 */
static int64_t GS, GE, GLEN, MID; /* start, end, length, last base of the first half */

static const erbb2_thresholds_t TH = { 6, 4 };

/* a PASS segment with a copy number */
static cn_segment_t seg(int input, int64_t pos, int64_t end, double cn)
{
    cn_segment_t s;
    memset(&s, 0, sizeof(s));
    s.input = input;
    s.build = BUILD_GRCH38;
    snprintf(s.chrom, sizeof(s.chrom), "17");
    s.pos = pos;
    s.end = end;
    snprintf(s.filter, sizeof(s.filter), "PASS");
    s.pass = 1;
    s.has_value = 1;
    s.cn = s.cn_observed = cn;
    s.direction = cn > 2 ? CN_DIR_GAIN : cn < 2 ? CN_DIR_LOSS : CN_DIR_NEUTRAL;
    snprintf(s.field, sizeof(s.field), "FORMAT/CN");
    snprintf(s.raw, sizeof(s.raw), "%g", cn);
    snprintf(s.alt, sizeof(s.alt), "%s", cn > 2 ? "<DUP>" : cn < 2 ? "<DEL>" : ".");
    return s;
}

/* a PASS segment without a magnitude (<DUP>/<DEL>/<CNV> as Manta writes them) */
static cn_segment_t nomag(int input, int64_t pos, int64_t end, cn_direction_t dir)
{
    cn_segment_t s = seg(input, pos, end, 0);
    s.has_value = 0;
    s.cn = s.cn_observed = 0;
    s.raw[0] = s.field[0] = 0;
    s.direction = dir;
    snprintf(s.alt, sizeof(s.alt), "%s", dir == CN_DIR_GAIN ? "<DUP>" : dir == CN_DIR_LOSS ? "<DEL>" : "<CNV>");
    return s;
}

static cn_segment_t filtered(cn_segment_t s)
{
    s.pass = 0;
    snprintf(s.filter, sizeof(s.filter), "LowQual");
    return s;
}

/* copy-number inputs: the header declares a magnitude field, the file has records, its ##contig lines hold chr17 */
#define CN_FILE { .cn_declared = 1, .has_records = 1, .gene_contigs = 1u << GENE_ERBB2 }
static const input_facts_t CNV_IN[3] = { CN_FILE, CN_FILE, CN_FILE };
static const input_facts_t SV_IN[2] = {       /* files that report no copy numbers (Manta) */
    { .has_records = 1, .gene_contigs = 1u << GENE_ERBB2 }, { .has_records = 1, .gene_contigs = 1u << GENE_ERBB2 }
};


/* every call's reason, freed at the end (the tests read c.reason after decide_th returns) */
static char *decided[4096];
static int ndecided;

static erbb2_call_t decide_th(cn_segment_t *segs, int nseg, const input_facts_t *in, int nin, const erbb2_thresholds_t *th, int line)
{
    erbb2_call_t c;
    mcrc_err_t err = { "" };
    int r = erbb2_decide(G, segs, nseg, in, nin, th, &RC, &c, &err);
    if (r == 0 && ndecided < (int)(sizeof(decided) / sizeof(decided[0]))) decided[ndecided++] = c.reason.s;
    else if (r == 0) erbb2_call_destroy(&c);
    if (r != 0) {
        unit_fail++;
        printf("%s:%d: erbb2_decide returned %d (%s)\n", __FILE__, line, r, err.msg);
    } else unit_pass++;
    return c;
}
#define DECIDE(segs, nseg, in, nin) decide_th(segs, nseg, in, nin, &TH, __LINE__)
#define DECIDE_TH(segs, nseg, in, nin, th) decide_th(segs, nseg, in, nin, th, __LINE__)

#define EXPECT(c, st, ba) do { \
        CHECK_STR(status_word((c).status), status_word(st)); \
        CHECK_STR((c).basis, (ba)); \
    } while (0)

/* whole-gene copy number against the default thresholds */
static void test_whole_gene_levels(void)
{
    static const struct { double cn; biomarker_status_t st; } t[] = {
        { 12, STATUS_AMPLIFIED },
        { 6, STATUS_AMPLIFIED },          /* threshold inclusive */
        { 5.999, STATUS_EQUIVOCAL },
        { 4, STATUS_EQUIVOCAL },          /* threshold inclusive */
        { 3.99, STATUS_NOT_AMPLIFIED },
        { 2, STATUS_NOT_AMPLIFIED },
        { 0, STATUS_NOT_AMPLIFIED },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        cn_segment_t s[1] = { seg(1, GS - 100000, GE + 100000, t[i].cn) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        if (c.status != t[i].st || strcmp(c.basis, "whole-gene"))
            UNIT_FAILED("whole-gene CN %g: got %s/%s, expected %s/whole-gene", t[i].cn,
                        status_word(c.status), c.basis, status_word(t[i].st));
        else unit_pass++;
        CHECK_INT(c.has_cn, 1);
        CHECK_DBL(c.cn_min, t[i].cn);
        CHECK_DBL(c.cn_max, t[i].cn);
        CHECK_INT(c.ninputs_used, 1);
        CHECK_INT(s[0].used, 1);
        CHECK_STR(s[0].note, "used: covers the whole gene");
    }

    /* CN 12 in detail */
    cn_segment_t s[1] = { seg(1, GS - 100000, GE + 100000, 12) };
    erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
    EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
    CHECK_HAS(c.reason.s, "Input 1");
    CHECK_HAS(c.reason.s, "12");

    /* a segment exactly the gene */
    s[0] = seg(1, GS, GE, 6);
    c = DECIDE(s, 1, CNV_IN, 1);
    EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
    CHECK_STR(s[0].note, "used: covers the whole gene");

    /* a purity-corrected value a hair under 6 still counts as 6 */
    s[0] = seg(1, GS - 1, GE + 1, 6 - 1e-12);
    c = DECIDE(s, 1, CNV_IN, 1);
    EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
    s[0] = seg(1, GS - 1, GE + 1, 3.0 * 2);
    c = DECIDE(s, 1, CNV_IN, 1);
    EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
}

static void test_custom_thresholds(void)
{
    const erbb2_thresholds_t th = { 8, 5 };
    static const struct { double cn; biomarker_status_t st; } t[] = {
        { 12, STATUS_AMPLIFIED }, { 8, STATUS_AMPLIFIED }, { 7.9, STATUS_EQUIVOCAL }, { 6, STATUS_EQUIVOCAL },
        { 5, STATUS_EQUIVOCAL }, { 4.99, STATUS_NOT_AMPLIFIED }, { 4, STATUS_NOT_AMPLIFIED },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        cn_segment_t s[1] = { seg(1, GS - 10, GE + 10, t[i].cn) };
        erbb2_call_t c = DECIDE_TH(s, 1, CNV_IN, 1, &th);
        if (c.status != t[i].st) UNIT_FAILED("thresholds 8/5, CN %g: got %s, expected %s", t[i].cn, status_word(c.status), status_word(t[i].st));
        else unit_pass++;
    }
    /* the reason quotes the thresholds in force */
    cn_segment_t s[1] = { seg(1, GS - 10, GE + 10, 6) };
    erbb2_call_t c = DECIDE_TH(s, 1, CNV_IN, 1, &th);
    EXPECT(c, STATUS_EQUIVOCAL, "whole-gene");
    CHECK_HAS(c.reason.s, "threshold of 5");

    /* equal thresholds: no equivocal band */
    const erbb2_thresholds_t eq = { 5, 5 };
    s[0] = seg(1, GS - 10, GE + 10, 5);
    c = DECIDE_TH(s, 1, CNV_IN, 1, &eq);
    EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
    s[0] = seg(1, GS - 10, GE + 10, 4.9);
    c = DECIDE_TH(s, 1, CNV_IN, 1, &eq);
    EXPECT(c, STATUS_NOT_AMPLIFIED, "whole-gene");
}

static void test_partial(void)
{
    char want[64];
    /* first half CN 10, the rest not covered in a copy-number input (= ploidy) */
    {
        cn_segment_t s[1] = { seg(1, GS - 1000, MID, 10) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GS);
        CHECK_INT(c.amp_end, MID);
        CHECK_INT(c.has_cn, 1);
        CHECK_DBL(c.cn_min, 10);
        CHECK_DBL(c.cn_max, 10);
        snprintf(want, sizeof(want), "17:%lld-%lld", (long long)GS, (long long)MID);
        CHECK_HAS(c.reason.s, want);
        CHECK_HAS(c.reason.s, "50%");
        snprintf(want, sizeof(want), "used: covers part of the gene (%lld-%lld)", (long long)GS, (long long)MID);
        CHECK_STR(s[0].note, want);
        CHECK_INT(s[0].used, 1);
    }
    /* the second half only */
    {
        cn_segment_t s[1] = { seg(1, MID + 1, GE + 5000, 10) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, MID + 1);
        CHECK_INT(c.amp_end, GE);
    }
    /* two segments, both at or above 6 */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, MID, 8), seg(1, MID + 1, GE + 1000, 12) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_DBL(c.cn_min, 8);
        CHECK_DBL(c.cn_max, 12);
        CHECK_INT(s[0].used, 1);
        CHECK_INT(s[1].used, 1);
        snprintf(want, sizeof(want), "used: covers part of the gene (%lld-%lld)", (long long)MID + 1, (long long)GE);
        CHECK_STR(s[1].note, want);
    }
    /* 12 then 5 */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, MID, 12), seg(1, MID + 1, GE + 1000, 5) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GS);
        CHECK_INT(c.amp_end, MID);
        CHECK_DBL(c.cn_min, 5);
        CHECK_DBL(c.cn_max, 12);
    }
    /* 5 then 3: part equivocal */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, MID, 5), seg(1, MID + 1, GE + 1000, 3) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_DBL(c.cn_min, 3);
        CHECK_DBL(c.cn_max, 5);
    }
    /* an amplified island in the middle of the gene */
    {
        cn_segment_t s[1] = { seg(1, GS + 10000, GS + 19999, 10) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GS + 10000);
        CHECK_INT(c.amp_end, GS + 19999);
    }
    /* a segment touching the gene by one base at the start, CN 20 */
    {
        cn_segment_t s[1] = { seg(1, GS - 5000, GS, 20) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GS);
        CHECK_INT(c.amp_end, GS);
        CHECK_DBL(c.cn_max, 20);
        snprintf(want, sizeof(want), "used: covers part of the gene (%lld-%lld)", (long long)GS, (long long)GS);
        CHECK_STR(s[0].note, want);
    }
    /* ... and at the end */
    {
        cn_segment_t s[1] = { seg(1, GE, GE + 5000, 20) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GE);
        CHECK_INT(c.amp_end, GE);
    }
    /* a gene-level record (INFO/ANT=ERBB2) covering only the middle counts for the whole gene */
    {
        cn_segment_t s[1] = { seg(1, GS + 10000, GS + 20000, 8) };
        s[0].gene_level = 1;
        snprintf(s[0].gene_field, sizeof(s[0].gene_field), "INFO/ANT");
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_DBL(c.cn_min, 8);
        CHECK_INT(s[0].used, 1);
        CHECK_STR(s[0].note, "used: the caller's call for the whole gene (INFO/ANT names ERBB2)");
        /* the same record without the gene name is only part of the gene */
        s[0].gene_level = 0;
        s[0].note[0] = 0;
        s[0].used = 0;
        c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
    }
    /* gene-level records of a panel: one low -> not amplified over the whole gene */
    {
        cn_segment_t s[1] = { seg(1, GS + 10000, GS + 20000, 2.1) };
        s[0].gene_level = 1;
        snprintf(s[0].gene_field, sizeof(s[0].gene_field), "INFO/ANT");
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "whole-gene");
    }
}

static void test_gaps(void)
{
    /* a 5000 bp gap between two CN 12 segments: unmeasured, left out */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GS + 9999, 12), seg(1, GS + 15000, GE + 1000, 12) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_HAS(c.reason.s, "5000 bp");
        CHECK_DBL(c.cn_min, 12);
    }
    /* the same gap between CN 12 and CN 3 does not hide the low part */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GS + 9999, 12), seg(1, GS + 15000, GE + 1000, 3) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.amp_start, GS);
        CHECK_INT(c.amp_end, GS + 9999);
    }
    /* gaps over more than half the gene: not measured */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GS + 999, 12), seg(1, GE - 999, GE + 1000, 12) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "unmeasured");
        char want[80];
        snprintf(want, sizeof(want), "%lld of the %lld bases", (long long)(GLEN - 2000), (long long)GLEN);
        CHECK_HAS(c.reason.s, want);
    }
    /* the uncovered ends are not gaps: a segment in the middle leaves the ends at ploidy */
    {
        cn_segment_t s[1] = { seg(1, GS + 100, GE - 100, 3) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "whole-gene");
    }
}

static void test_absent(void)
{
    /* a copy-number input with no segment over ERBB2 */
    {
        erbb2_call_t c = DECIDE(NULL, 0, CNV_IN, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "no-call-in-cnv-input");
        CHECK_INT(c.has_cn, 0);
        CHECK_INT(c.ninputs_used, 1);
        CHECK_HAS(c.reason.s, "Input 1");
    }
    /* no copy-number input at all */
    {
        erbb2_call_t c = DECIDE(NULL, 0, CNV_IN, 0);
        EXPECT(c, STATUS_NOT_ASSESSED, "no-copy-number-input");
        CHECK_INT(c.ninputs_used, 0);
        CHECK_INT(c.has_cn, 0);
    }
    /* a file that reports no copy numbers and has nothing over ERBB2 says nothing */
    {
        erbb2_call_t c = DECIDE(NULL, 0, SV_IN, 1);
        EXPECT(c, STATUS_NOT_ASSESSED, "no-copy-number-input");
        CHECK_INT(c.ninputs_used, 0);
    }
    /* the facts decide what a file is to the rule: fields declared but no record is a failed run, not a genome
     * without changes; a valued segment seen over a gene makes a copy-number input whatever the header declares */
    {
        static const input_facts_t EMPTY[1] = { { .cn_declared = 1, .has_records = 0, .gene_contigs = 1u << GENE_ERBB2 } };
        erbb2_call_t c = DECIDE(NULL, 0, EMPTY, 1);
        CHECK_INT(c.status, STATUS_NOT_ASSESSED);
        CHECK_INT(c.ninputs_used, 0);
        static const input_facts_t VALUED[1] = { { .cn_valued_seen = 1 } };
        erbb2_call_t d = DECIDE(NULL, 0, VALUED, 1);
        CHECK_INT(d.status, STATUS_NOT_AMPLIFIED);
        CHECK_INT(d.ninputs_used, 1);
    }
    /* a copy-number file whose ##contig lines lack chromosome 17 says nothing either, and the reason says so */
    {
        static const input_facts_t NO17[2] = { { .has_records = 1 }, { .cn_declared = 1, .has_records = 1, .gene_contigs = 0 } };
        erbb2_call_t c = DECIDE(NULL, 0, NO17, 2);
        EXPECT(c, STATUS_NOT_ASSESSED, "no-chr17-in-copy-number-input");
        CHECK(strncmp(c.reason.s, "Input 2 reports copy numbers", 28) == 0);
        CHECK_INT(c.ninputs_used, 0);
    }
}

/* a segment table lists every segment it measured: what it does not cover was not measured, never "unchanged" */
static void test_all_segments(void)
{
    static const input_facts_t TABLE[1] = { { .cn_declared = 1, .has_records = 1, .gene_contigs = 1u << GENE_ERBB2,
                                              .cn_valued_seen = 1, .all_segments = 1 } };
    static const input_facts_t TABLE_NO_ROW[1] = { { .cn_declared = 1, .has_records = 1, .gene_contigs = 1u << GENE_ERBB2,
                                                     .all_segments = 1 } };
    int64_t mid = (GS + GE) / 2;
    {   /* the whole gene at 2 copies: not amplified, as from a VCF */
        cn_segment_t s[1] = { seg(1, GS - 1000, GE + 1000, 2) };
        erbb2_call_t c = DECIDE(s, 1, TABLE, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "whole-gene");
    }
    {   /* half the gene at 2 copies: the other half was not measured (from a VCF it would be not-amplified) */
        cn_segment_t s[1] = { seg(1, GS - 1000, mid, 2) };
        erbb2_call_t c = DECIDE(s, 1, TABLE, 1);
        EXPECT(c, STATUS_INDETERMINATE, "partial-coverage");
        erbb2_call_t v = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(v, STATUS_NOT_AMPLIFIED, "whole-gene");
    }
    {   /* half the gene at 10 copies: never amplified on half the evidence */
        cn_segment_t s[1] = { seg(1, mid, GE + 1000, 10) };
        erbb2_call_t c = DECIDE(s, 1, TABLE, 1);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
    }
    {   /* no segment over the gene (a PURPLE gene table without ERBB2's row): not assessed, and the reason says why */
        erbb2_call_t c = DECIDE(NULL, 0, TABLE_NO_ROW, 1);
        EXPECT(c, STATUS_NOT_ASSESSED, "gene-not-in-segments");
        CHECK(strstr(c.reason.s, "Input 1 lists every copy-number segment it measured, unchanged ones too, but none of them covers ERBB2") == c.reason.s);
        CHECK_STR(c.code, "erbb2-not-in-segments");
        /* beside a VCF that gives a verdict, the table adds nothing and takes nothing away */
        static const input_facts_t BOTH[2] = { CN_FILE, { .cn_declared = 1, .has_records = 1, .gene_contigs = 1u << GENE_ERBB2, .all_segments = 1 } };
        cn_segment_t s[1] = { seg(1, GS - 1000, GE + 1000, 9) };
        erbb2_call_t d = DECIDE(s, 1, BOTH, 2);
        EXPECT(d, STATUS_AMPLIFIED, "whole-gene");
        CHECK_INT(d.ninputs_used, 1);
    }
}

static void test_no_magnitude(void)
{
    /* <DUP> without a value over ERBB2 (Manta) */
    {
        cn_segment_t s[1] = { nomag(1, GS - 1000, GE + 1000, CN_DIR_GAIN) };
        erbb2_call_t c = DECIDE(s, 1, SV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "no-magnitude");
        CHECK_INT(c.has_cn, 0);
        CHECK_INT(s[0].used, 1);
        CHECK_STR(s[0].note, "used: a gain without a copy number");
    }
    /* the same in a copy-number input */
    {
        cn_segment_t s[1] = { nomag(1, GS - 1000, GE + 1000, CN_DIR_GAIN) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "no-magnitude");
    }
    /* <CNV> of unknown direction over part of the gene */
    {
        cn_segment_t s[1] = { nomag(1, GS + 100, GS + 5000, CN_DIR_UNKNOWN) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "no-magnitude");
        CHECK_STR(s[0].note, "used: a change without a copy number");
    }
    /* DUP without value over a gene that valued segments of the same file already show amplified */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), nomag(1, GS - 500, GE + 500, CN_DIR_GAIN) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_DBL(c.cn_max, 12);
    }
    /* ... but not where the valued segment is below the amplification threshold */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 3), nomag(1, GS - 500, GE + 500, CN_DIR_GAIN) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "no-magnitude");
    }
    /* <DEL> without value in a file that reports no copy numbers: set aside, the file says nothing */
    {
        cn_segment_t s[1] = { nomag(1, GS - 1000, GE + 1000, CN_DIR_LOSS) };
        erbb2_call_t c = DECIDE(s, 1, SV_IN, 1);
        /* a set-aside <DEL> is not one of the file's segments: the file has nothing to say, so the gene
           is not-assessed (not indeterminate for being all uncovered in a file without copy numbers) */
        EXPECT(c, STATUS_NOT_ASSESSED, "no-copy-number-input");
        CHECK_INT(c.ninputs_used, 0);
        CHECK_INT(s[0].used, 0);
        CHECK_HAS(s[0].note, "set aside");
    }
    /* ... and in a copy-number input it counts as low */
    {
        cn_segment_t s[1] = { nomag(1, GS - 1000, GE + 1000, CN_DIR_LOSS) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "whole-gene");
        CHECK_INT(s[0].used, 1);
        CHECK_STR(s[0].note, "used: a loss without a copy number");
    }
    /* a <DEL> without value from a Manta file next to an amplified CNVkit file: the Manta file says nothing */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), nomag(2, GS + 100, GS + 200, CN_DIR_LOSS) };
        input_facts_t in[2] = { CN_FILE, { .has_records = 1, .gene_contigs = 1u << GENE_ERBB2 } };
        erbb2_call_t c = DECIDE(s, 2, in, 2);
        /* Input 2's set-aside <DEL> gives it no verdict, so the inputs do not "disagree": Input 1 decides */
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_INT(c.ninputs_used, 1);
    }
}

static void test_filtered(void)
{
    /* filtered CN 15 alone */
    {
        cn_segment_t s[1] = { filtered(seg(1, GS - 1000, GE + 1000, 15)) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "filtered-gain");
        CHECK_INT(c.has_cn, 0);
        CHECK_INT(s[0].used, 0);
        CHECK_STR(s[0].note, "set aside: filtered (LowQual); it suggests a gain, so a negative call cannot be made");
        CHECK_HAS(c.reason.s, "filtered");
    }
    /* filtered CN 15 plus PASS CN 10 */
    {
        cn_segment_t s[2] = { filtered(seg(1, GS - 1000, GE + 1000, 15)), seg(1, GS - 2000, GE + 2000, 10) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_DBL(c.cn_min, 10);
        CHECK_DBL(c.cn_max, 10);   /* the filtered value is not part of the summary */
        CHECK_INT(s[0].used, 0);
        CHECK_INT(s[1].used, 1);
    }
    /* filtered CN 15 plus PASS CN 3: no negative call */
    {
        cn_segment_t s[2] = { filtered(seg(1, GS - 1000, GE + 1000, 15)), seg(1, GS - 2000, GE + 2000, 3) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "filtered-gain");
    }
    /* filtered CN 5 (>= equivocal) also suggests a gain */
    {
        cn_segment_t s[1] = { filtered(seg(1, GS - 1000, GE + 1000, 5)) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "filtered-gain");
    }
    /* filtered <DUP> without value */
    {
        cn_segment_t s[1] = { filtered(nomag(1, GS - 1000, GE + 1000, CN_DIR_GAIN)) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "filtered-gain");
    }
    /* a filtered <DEL> without value in a file that reports no copy numbers: the file says nothing */
    {
        cn_segment_t s[1] = { filtered(nomag(1, GS - 1000, GE + 1000, CN_DIR_LOSS)) };
        erbb2_call_t c = DECIDE(s, 1, SV_IN, 1);
        /* as for the PASS <DEL> in test_no_magnitude: a set-aside segment is not the file's, so a Manta
           file with only a filtered deletion leaves ERBB2 not-assessed (not indeterminate) */
        EXPECT(c, STATUS_NOT_ASSESSED, "no-copy-number-input");
        CHECK_INT(s[0].used, 0);
        CHECK_STR(s[0].note, "set aside: filtered (LowQual)");
    }
    /* filtered CN 1: not amplified (by absence of any call) */
    {
        cn_segment_t s[1] = { filtered(seg(1, GS - 1000, GE + 1000, 1)) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 1);
        EXPECT(c, STATUS_NOT_AMPLIFIED, "no-call-in-cnv-input");
        CHECK_INT(s[0].used, 0);
        CHECK_STR(s[0].note, "set aside: filtered (LowQual)");
    }
}

static void test_conflict(void)
{
    /* overlapping PASS segments CN 12 and CN 2 */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(1, GS - 500, GE + 500, 2) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "conflict");
        CHECK_DBL(c.cn_min, 2);
        CHECK_DBL(c.cn_max, 12);
    }
    /* overlapping only over part of the gene still conflicts */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(1, GS + 100, GS + 200, 2) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "conflict");
    }
    /* overlapping segments of the same category agree */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(1, GS - 500, GE + 500, 8) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
    }
    /* a valued amplification and a <DEL> without value over the same bases */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), nomag(1, GS - 500, GE + 500, CN_DIR_LOSS) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 1);
        EXPECT(c, STATUS_INDETERMINATE, "conflict");
    }
}

static void test_inputs(void)
{
    /* two inputs agreeing */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(2, GS - 50, GE + 50, 9) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 2);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_INT(c.ninputs_used, 2);
        CHECK_DBL(c.cn_min, 9);
        CHECK_DBL(c.cn_max, 12);
        CHECK_HAS(c.reason.s, "Input 1");
        CHECK_HAS(c.reason.s, "Input 2");
    }
    {
        cn_segment_t s[1] = { seg(2, GS - 50, GE + 50, 2.5) };   /* input 1 has nothing over ERBB2 */
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 2);
        CHECK_STR(status_word(c.status), "not-amplified");
        CHECK_INT(c.ninputs_used, 2);
    }
    /* two inputs disagreeing */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(2, GS - 50, GE + 50, 2) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 2);
        EXPECT(c, STATUS_INDETERMINATE, "inputs-disagree");
        CHECK_INT(c.ninputs_used, 2);
        CHECK(!strncmp(c.reason.s, "The copy-number inputs disagree about ERBB2. ", 45));
        CHECK_HAS(c.reason.s, "Input 2");
        CHECK_DBL(c.cn_min, 2);
        CHECK_DBL(c.cn_max, 12);
    }
    /* amplified vs absent in a second copy-number input */
    {
        cn_segment_t s[1] = { seg(1, GS - 1000, GE + 1000, 12) };
        erbb2_call_t c = DECIDE(s, 1, CNV_IN, 2);
        EXPECT(c, STATUS_INDETERMINATE, "inputs-disagree");
    }
    /* amplified vs equivocal */
    {
        cn_segment_t s[2] = { seg(1, GS - 1000, GE + 1000, 12), seg(2, GS - 50, GE + 50, 5) };
        erbb2_call_t c = DECIDE(s, 2, CNV_IN, 2);
        EXPECT(c, STATUS_INDETERMINATE, "inputs-disagree");
    }
    /* a second file that reports no copy numbers and nothing over ERBB2 does not take part */
    {
        cn_segment_t s[1] = { seg(1, GS - 1000, GE + 1000, 12) };
        input_facts_t in[2] = { CN_FILE, { .has_records = 1, .gene_contigs = 1u << GENE_ERBB2 } };
        erbb2_call_t c = DECIDE(s, 1, in, 2);
        EXPECT(c, STATUS_AMPLIFIED, "whole-gene");
        CHECK_INT(c.ninputs_used, 1);
    }
    /* three inputs: the partial amplification's span comes through when all agree */
    {
        cn_segment_t s[3] = { seg(1, GS - 1000, MID, 10), seg(2, GS - 1000, MID, 11), seg(3, GS - 10, MID, 9) };
        erbb2_call_t c = DECIDE(s, 3, CNV_IN, 3);
        EXPECT(c, STATUS_EQUIVOCAL, "partial");
        CHECK_INT(c.ninputs_used, 3);
        CHECK_INT(c.amp_start, GS);
        CHECK_INT(c.amp_end, MID);
    }
}

/* many inputs with long reasons: the summary holds every one of them whole */
static void test_long_reasons(void)
{
    enum { N = 12 };
    cn_segment_t s[N];
    input_facts_t in[N];
    for (int i = 0; i < N; i++) {
        s[i] = seg(i + 1, GS - 1000, i % 2 ? MID : GE + 1000, i % 2 ? 12 : 2);
        memset(&in[i], 0, sizeof(in[i]));
        in[i] = (input_facts_t)CN_FILE;
    }
    erbb2_call_t c = DECIDE(s, N, in, N);
    EXPECT(c, STATUS_INDETERMINATE, "inputs-disagree");
    CHECK(!strncmp(c.reason.s, "The copy-number inputs disagree about ERBB2. ", 45));
    /* never cut short: every input's own reason is there, the last one whole */
    CHECK_HAS(c.reason.s, "Input 1: ");
    CHECK_HAS(c.reason.s, "Input 12: only part of ERBB2 is amplified");
    CHECK(c.reason.l > 0 && c.reason.s[c.reason.l - 1] == '.');
}

/* the same decisions worded in Spanish: the code is the same, the words are not English */
static void test_reasons_es(void)
{
    mcrc_err_t err = { "" };
    erbb2_call_t c = { 0 };
    cn_segment_t s[1] = { seg(1, GS - 1000, GE + 1000, 12) };
    erbb2_thresholds_t th = { 6, 4 };
    CHECK_INT(erbb2_decide(G, s, 1, CNV_IN, 1, &th, &RC_ES, &c, &err), 0);
    CHECK_INT(c.status, STATUS_AMPLIFIED);
    CHECK_STR(c.code, "erbb2-amp-whole");
    CHECK_STR(c.reason.s, "Entrada 1: número de copias 12 en todo ERBB2, igual o por encima del umbral de amplificación de 6.");
    erbb2_call_destroy(&c);
    CHECK_INT(erbb2_decide(G, NULL, 0, CNV_IN, 0, &th, &RC_ES, &c, &err), 0);
    CHECK_STR(c.code, "erbb2-no-input");
    CHECK(strstr(c.reason.s, "No se dio") == c.reason.s);
    erbb2_call_destroy(&c);
    /* a language the templates do not have is refused, not left blank */
    reason_ctx_t none = { &RS, -1 };
    CHECK(erbb2_decide(G, s, 1, CNV_IN, 1, &th, &none, &c, &err) == MCRC_E_INTERNAL);
    erbb2_call_destroy(&c);
}

/* ------------------------------------------------------------------ */
/* cn_purity_correct                                                   */
/* ------------------------------------------------------------------ */

static void test_purity(void)
{
    CHECK_NEAR(cn_purity_correct(4.4, 2, 0.4), 8, 1e-9);
    CHECK_NEAR(cn_purity_correct(3, 2, 0.4), 4.5, 1e-9);
    CHECK_NEAR(cn_purity_correct(2, 2, 0.4), 2, 1e-9);        /* normal stays normal */
    CHECK_NEAR(cn_purity_correct(8.2, 2, 0.5), 14.4, 1e-9);
    CHECK_NEAR(cn_purity_correct(6, 4, 0.5), 8, 1e-9);        /* other ploidy */
    CHECK_DBL(cn_purity_correct(4.4, 2, 1), 4.4);
    CHECK_DBL(cn_purity_correct(0.37, 2, 1), 0.37);
    CHECK_DBL(cn_purity_correct(0.5, 2, 0.4), 0);             /* (0.5 - 1.2) / 0.4 < 0 */
    CHECK_DBL(cn_purity_correct(0, 2, 0.1), 0);
    CHECK(cn_purity_correct(1.2, 2, 0.4) >= 0);
}

/* ------------------------------------------------------------------ */
/* cn_from_record                                                      */
/* ------------------------------------------------------------------ */

static cn_fields_t FIELDS;
static const cn_params_t P2 = { 2, 1 };   /* ploidy 2, purity 1 */

#define HDR_BASE \
    "##contig=<ID=17,length=83257441>\n" \
    "##FILTER=<ID=PASS,Description=\"All filters passed\">\n" \
    "##FILTER=<ID=LowQual,Description=\"Low quality\">\n" \
    "##FILTER=<ID=LowDepth,Description=\"Low depth\">\n" \
    "##ALT=<ID=DUP,Description=\"Duplication\">\n" \
    "##ALT=<ID=DEL,Description=\"Deletion\">\n" \
    "##INFO=<ID=END,Number=1,Type=Integer,Description=\"End\">\n" \
    "##INFO=<ID=SVTYPE,Number=1,Type=String,Description=\"SV type\">\n" \
    "##INFO=<ID=SVLEN,Number=.,Type=Integer,Description=\"SV length\">\n" \
    "##INFO=<ID=FOLD_CHANGE,Number=1,Type=Float,Description=\"Fold change\">\n" \
    "##INFO=<ID=FOLD_CHANGE_LOG,Number=1,Type=Float,Description=\"log2 fold change\">\n" \
    "##INFO=<ID=ANT,Number=.,Type=String,Description=\"Gene\">\n" \
    "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n" \
    "##FORMAT=<ID=CN,Number=1,Type=Integer,Description=\"Copy number\">\n" \
    "##FORMAT=<ID=FC,Number=1,Type=Float,Description=\"Fold change\">\n" \
    "##FORMAT=<ID=SM,Number=1,Type=Float,Description=\"Segment mean ratio\">\n"

/* FORMAT/CN Integer; two samples NORMAL TUMOR */
static const char *HDR_FMT =
    "##fileformat=VCFv4.2\n" HDR_BASE
    "##INFO=<ID=CN,Number=1,Type=Float,Description=\"Copy number\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n";
/* one sample */
static const char *HDR_ONE =
    "##fileformat=VCFv4.2\n" HDR_BASE
    "##INFO=<ID=CN,Number=1,Type=Float,Description=\"Copy number\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";
/* sites only, INFO/CN Float */
static const char *HDR_SITES =
    "##fileformat=VCFv4.2\n" HDR_BASE
    "##INFO=<ID=CN,Number=1,Type=Float,Description=\"Copy number\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
/* sites only, INFO/CN not declared */
static const char *HDR_NOCN =
    "##fileformat=VCFv4.2\n" HDR_BASE
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
/* FORMAT/LOG2 declared as a String, one sample */
static const char *HDR_STR =
    "##fileformat=VCFv4.2\n" HDR_BASE
    "##FORMAT=<ID=LOG2,Number=1,Type=String,Description=\"log2 ratio\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";
/* VCF 4.4 with FORMAT/CN, one sample */
static const char *HDR_44 =
    "##fileformat=VCFv4.4\n" HDR_BASE
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR\n";

static bcf_hdr_t *hdr_from(const char *text)
{
    bcf_hdr_t *h = bcf_hdr_init("r");
    char *copy = strdup(text);
    if (!h || !copy || bcf_hdr_parse(h, copy) < 0) {
        printf("%s:%d: could not parse a test header\n", __FILE__, __LINE__);
        unit_fail++;
        free(copy);
        if (h) bcf_hdr_destroy(h);
        return NULL;
    }
    free(copy);
    return h;
}

/* Parse one VCF data line under header h and run cn_from_record on it.
 * Returns cn_from_record's result, or -100 if the line itself would not parse. */
static int cn_line(const char *hdr_text, const char *line, int sample, const cn_params_t *p,
                   cn_segment_t *seg, mcrc_err_t *err)
{
    bcf_hdr_t *h = hdr_from(hdr_text);
    if (!h) return -100;
    bcf1_t *rec = bcf_init();
    kstring_t ks = { 0, 0, NULL };
    kputs(line, &ks);
    int r = vcf_parse(&ks, h, rec);
    if (r < 0) {
        r = -100;
    } else {
        cn_bufs_t b;
        memset(&b, 0, sizeof(b));
        memset(seg, 0x55, sizeof(*seg));   /* stale contents must not leak into the result */
        err->msg[0] = 0;
        extent_t x;
        bcf_unpack(rec, BCF_UN_INFO);
        r = record_extent(h, rec, 0, 1, 0, &b, &x, err);
        if (r == 0) r = cn_from_record(&FIELDS, p, h, rec, sample, x.end, &b, seg, err);
        cn_bufs_destroy(&b);
    }
    free(ks.s);
    bcf_destroy(rec);
    bcf_hdr_destroy(h);
    return r;
}

#define CN_LINE(hdr, line, sample, seg, err) cn_line(hdr, line, sample, &P2, seg, err)

/* record_extent (extent.c) of one VCF line under header h: its return; *x filled. -100: the line would not parse. */
static int extent_line(const char *hdr_text, const char *line, int is_bcf, extent_t *x, mcrc_err_t *err)
{
    bcf_hdr_t *h = hdr_from(hdr_text);
    if (!h) return -100;
    bcf1_t *rec = bcf_init();
    kstring_t ks = { 0, 0, NULL };
    kputs(line, &ks);
    int r = vcf_parse(&ks, h, rec);
    if (r < 0) r = -100;
    else {
        cn_bufs_t b;
        memset(&b, 0, sizeof(b));
        err->msg[0] = 0;
        bcf_unpack(rec, BCF_UN_INFO);
        if (is_bcf > 1) rec->rlen = is_bcf;          /* a BCF whose stored length is is_bcf */
        r = record_extent(h, rec, is_bcf != 0, 1, extent_contig_length(h, rec->rid), &b, x, err);
        cn_bufs_destroy(&b);
    }
    free(ks.s);
    bcf_destroy(rec);
    bcf_hdr_destroy(h);
    return r;
}

static void test_record_extent(void)
{
    extent_t x;
    mcrc_err_t err;
    /* END, SVLEN, both agreeing (one base of slack either way) */
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=5000\tGT:CN\t0/1:9", 0, &x, &err), 0);
    CHECK_INT(x.end, 5000); CHECK_INT(x.end_min, 5000); CHECK_INT(x.end_max, 5000);
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tSVLEN=4900\tGT:CN\t0/1:9", 0, &x, &err), 0);
    CHECK_INT(x.end, 5000); CHECK_INT(x.end_min, 5000);
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DEL>\t.\tPASS\tEND=5000;SVLEN=-4901\tGT:CN\t0/1:1", 0, &x, &err), 0);
    CHECK_INT(x.end_min, 5000); CHECK_INT(x.end_max, 5000);
    /* END and SVLEN disagree: both ends kept for the reader to judge */
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=5000;SVLEN=90000\tGT:CN\t0/1:9", 0, &x, &err), 0);
    CHECK_INT(x.end, 5000); CHECK_INT(x.end_min, 5000); CHECK_INT(x.end_max, 90100);
    CHECK_HAS(x.how, "INFO/SVLEN=90000");
    /* an insertion's SVLEN is not a span */
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<INS>\t.\tPASS\tSVLEN=90000\tGT:CN\t0/1:9", 0, &x, &err), 0);
    CHECK_INT(x.end_max, 100);
    /* a breakend's END is on the mate's contig (Delly writes CHR2 and END) */
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t]15:80623247]N\t.\tPASS\tSVTYPE=BND;END=80623247\tGT:CN\t0/1:2", 0, &x, &err), 0);
    CHECK_INT(x.end_max, 100);
    /* not understood: END before POS, not a number, out of range, past the contig, several values */
    CHECK(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=99\tGT:CN\t0/1:9", 0, &x, &err) < 0);
    CHECK_HAS(err.msg, "before POS");
    CHECK(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=90000000\tGT:CN\t0/1:9", 0, &x, &err) < 0);
    CHECK_HAS(err.msg, "beyond the end of the contig");
    CHECK(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tSVLEN=90000000\tGT:CN\t0/1:9", 0, &x, &err) < 0);
    /* a BCF whose stored length contradicts an Integer END */
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=5000\tGT:CN\t0/1:9", 7, &x, &err), 0);
    CHECK_INT(x.end, 5000); CHECK_INT(x.end_min, 106); CHECK_INT(x.end_max, 5000);
    CHECK_INT(extent_line(HDR_ONE, "17\t100\t.\tN\t<DUP>\t.\tPASS\tEND=5000\tGT:CN\t0/1:9", 4901, &x, &err), 0);
    CHECK_INT(x.end_min, 5000);
}

static void test_cn_from_record(void)
{
    cn_segment_t s;
    mcrc_err_t err;

    /* FORMAT/CN Integer, <DUP> with END */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\tcnv1\tN\t<DUP>\t.\tPASS\tEND=39800000;SVTYPE=DUP\tGT:CN\t0/1:12", 0, &s, &err), 1);
    CHECK_INT(s.has_value, 1);
    CHECK_DBL(s.cn, 12);
    CHECK_DBL(s.cn_observed, 12);
    CHECK_STR(s.field, "FORMAT/CN");
    CHECK_STR(s.raw, "12");
    CHECK_INT(s.pos, 39600000);
    CHECK_INT(s.end, 39800000);
    CHECK_STR(s.chrom, "17");
    CHECK_STR(s.id, "cnv1");
    CHECK_STR(s.alt, "<DUP>");
    CHECK_INT(s.direction, CN_DIR_GAIN);
    CHECK_INT(s.pass, 1);
    CHECK_STR(s.filter, "PASS");
    CHECK_INT(s.used, 0);
    CHECK_INT(s.gene_level, 0);
    CHECK_STR(s.note, "");

    /* INFO/CN Float, sites-only file */
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<CNV>\t.\tPASS\tEND=39800000;CN=7.5", -1, &s, &err), 1);
    CHECK_INT(s.has_value, 1);
    CHECK_DBL(s.cn, 7.5);
    CHECK_STR(s.field, "INFO/CN");
    CHECK_STR(s.raw, "7.5");
    CHECK_INT(s.direction, CN_DIR_UNKNOWN);
    CHECK_STR(s.id, ".");

    /* FORMAT/FC: fold change x ploidy */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tFC\t4.1", 0, &s, &err), 1);
    CHECK_NEAR(s.cn, 8.2, 1e-5);
    CHECK_STR(s.field, "FORMAT/FC");
    CHECK_STR(s.raw, "4.1");
    {
        cn_params_t p4 = { 4, 1 };
        CHECK_INT(cn_line(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tFC\t1.03", 0, &p4, &s, &err), 1);
        CHECK_NEAR(s.cn, 4.12, 1e-5);
    }

    /* INFO/FOLD_CHANGE */
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;FOLD_CHANGE=3", -1, &s, &err), 1);
    CHECK_NEAR(s.cn, 6, 1e-9);
    CHECK_STR(s.field, "INFO/FOLD_CHANGE");

    /* FORMAT/SM */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tSM\t2.5", 0, &s, &err), 1);
    CHECK_NEAR(s.cn, 5, 1e-9);
    CHECK_STR(s.field, "FORMAT/SM");

    /* INFO/FOLD_CHANGE_LOG: 2^x x ploidy; negative log2 is fine */
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;FOLD_CHANGE_LOG=2", -1, &s, &err), 1);
    CHECK_NEAR(s.cn, 8, 1e-9);
    CHECK_STR(s.field, "INFO/FOLD_CHANGE_LOG");
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tEND=39800000;FOLD_CHANGE_LOG=-1", -1, &s, &err), 1);
    CHECK_NEAR(s.cn, 1, 1e-9);
    CHECK_INT(s.direction, CN_DIR_LOSS);
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;FOLD_CHANGE_LOG=1.585", -1, &s, &err), 1);
    CHECK_NEAR(s.cn, 2 * pow(2, 1.585), 1e-4);

    /* preference: FORMAT/CN beats FORMAT/SM and INFO/FOLD_CHANGE ... */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;FOLD_CHANGE=1.5\tCN:SM\t9:2.5", 0, &s, &err), 1);
    CHECK_DBL(s.cn, 9);
    CHECK_STR(s.field, "FORMAT/CN");
    /* ... and INFO/CN beats FORMAT/SM; a missing FORMAT/CN falls through to the next field */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=7\tCN:SM\t.:2.5", 0, &s, &err), 1);
    CHECK_DBL(s.cn, 7);
    CHECK_STR(s.field, "INFO/CN");
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tCN:SM\t.:2.5", 0, &s, &err), 1);
    CHECK_NEAR(s.cn, 5, 1e-9);
    CHECK_STR(s.field, "FORMAT/SM");

    /* missing value: a copy-number allele without magnitude */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:.", 0, &s, &err), 1);
    CHECK_INT(s.has_value, 0);
    CHECK_INT(s.direction, CN_DIR_GAIN);
    CHECK_STR(s.field, "");
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=.", -1, &s, &err), 1);
    CHECK_INT(s.has_value, 0);
    /* a reference segment with a missing value is no copy-number record */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t.\t.\tPASS\tEND=39800000\tGT:CN\t0/0:.", 0, &s, &err), 0);

    /* INFO/CN undeclared, so htslib takes it as a String: text is an error */
    {
        CHECK(CN_LINE(HDR_NOCN, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=abc", -1, &s, &err) < 0);
        CHECK_HAS(err.msg, "INFO/CN");
        CHECK_HAS(err.msg, "abc");
        /* ... while a number written in it is read */
        CHECK_INT(CN_LINE(HDR_NOCN, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=7", -1, &s, &err), 1);
        CHECK_DBL(s.cn, 7);
        CHECK_INT(CN_LINE(HDR_NOCN, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=nan", -1, &s, &err) < 0, 1);
    }
    /* a FORMAT field declared as String: a number in it is read, text is an error */
    CHECK_INT(CN_LINE(HDR_STR, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tLOG2\t1", 0, &s, &err), 1);
    CHECK_NEAR(s.cn, 4, 1e-9);
    CHECK_STR(s.field, "FORMAT/LOG2");
    CHECK(CN_LINE(HDR_STR, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tLOG2\thigh", 0, &s, &err) < 0);
    CHECK_HAS(err.msg, "FORMAT/LOG2");
    CHECK_INT(CN_LINE(HDR_STR, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tLOG2\t.", 0, &s, &err), 1);
    CHECK_INT(s.has_value, 0);

    /* NaN and infinity */
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=nan", -1, &s, &err) < 0);
    CHECK_HAS(err.msg, "INFO/CN");
    CHECK(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tFC\tNaN", 0, &s, &err) < 0);
    CHECK_HAS(err.msg, "FORMAT/FC");
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=inf", -1, &s, &err) < 0);

    /* negative copy number or ratio */
    CHECK(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:-1", 0, &s, &err) < 0);
    CHECK_HAS(err.msg, "negative");
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tEND=39800000;CN=-0.5", -1, &s, &err) < 0);
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tEND=39800000;FOLD_CHANGE=-0.5", -1, &s, &err) < 0);
    /* implausibly large */
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;CN=20000", -1, &s, &err) < 0);
    CHECK(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000;FOLD_CHANGE_LOG=20", -1, &s, &err) < 0);
    /* zero is a copy number (homozygous deletion) */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tEND=39800000\tGT:CN\t1/1:0", 0, &s, &err), 1);
    CHECK_INT(s.has_value, 1);
    CHECK_DBL(s.cn, 0);

    /* a breakend, an inversion, a small variant: not copy-number records, even with a CN */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tbnd1\tN\tN]17:123]\t.\tPASS\t.\tGT:CN\t0/1:5", 0, &s, &err), 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tbnd2\tN\t[13:123456[N\t.\tPASS\tSVTYPE=BND\tGT:CN\t0/1:5", 0, &s, &err), 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tinv\tN\t<INV>\t.\tPASS\tEND=39750000\tGT:CN\t0/1:5", 0, &s, &err), 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tsnv\tA\tG\t.\tPASS\t.\tGT:CN\t0/1:5", 0, &s, &err), 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tsnv\tA\tG\t.\tPASS\t.\tGT\t0/1", 0, &s, &err), 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39700000\tins\tA\tATTTG\t.\tPASS\t.\tGT\t0/1", 0, &s, &err), 0);

    /* ALT '.' with END and FORMAT/CN: a (neutral) copy-number segment */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t.\t.\tPASS\tEND=39800000\tGT:CN\t0/0:2", 0, &s, &err), 1);
    CHECK_INT(s.has_value, 1);
    CHECK_DBL(s.cn, 2);
    CHECK_INT(s.pos, 39600000);
    CHECK_INT(s.end, 39800000);
    CHECK_INT(s.direction, CN_DIR_NEUTRAL);
    CHECK_STR(s.alt, ".");
    /* ... and <NON_REF> likewise (gVCF-style) */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<NON_REF>\t.\tPASS\tEND=39800000\tGT:CN\t0/0:3", 0, &s, &err), 1);
    CHECK_DBL(s.cn, 3);
    /* a gVCF reference block without a copy number is not one */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<NON_REF>\t.\tPASS\tEND=39800000\tGT\t0/0", 0, &s, &err), 0);
    /* ALT '.' with SVTYPE=DUP and no value: a gain without magnitude */
    CHECK_INT(CN_LINE(HDR_SITES, "17\t39600000\t.\tN\t.\t.\tPASS\tEND=39800000;SVTYPE=DUP", -1, &s, &err), 1);
    CHECK_INT(s.has_value, 0);
    CHECK_INT(s.direction, CN_DIR_GAIN);

    /* <CNn> alleles: direction against the ploidy */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<CN8>\t.\tPASS\tEND=39800000\tGT:CN\t./1:8", 0, &s, &err), 1);
    CHECK_INT(s.direction, CN_DIR_GAIN);
    CHECK_DBL(s.cn, 8);
    CHECK_STR(s.alt, "<CN8>");
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<CN0>\t.\tPASS\tEND=39800000\tGT\t1/1", 0, &s, &err), 1);
    CHECK_INT(s.direction, CN_DIR_LOSS);
    CHECK_INT(s.has_value, 0);
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<CN2>\t.\tPASS\tEND=39800000\tGT\t0/0", 0, &s, &err), 1);
    CHECK_INT(s.direction, CN_DIR_NEUTRAL);
    /* <CN0>,<CN3>: loss and gain together -> unknown */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<CN0>,<CN3>\t.\tPASS\tEND=39800000\tGT\t1/2", 0, &s, &err), 1);
    CHECK_INT(s.direction, CN_DIR_UNKNOWN);
    CHECK_STR(s.alt, "<CN0>,<CN3>");
    {
        cn_params_t p4 = { 4, 1 };
        CHECK_INT(cn_line(HDR_ONE, "17\t39600000\t.\tN\t<CN3>\t.\tPASS\tEND=39800000\tGT\t0/1", 0, &p4, &s, &err), 1);
        CHECK_INT(s.direction, CN_DIR_LOSS);
    }
    /* <DUP:TANDEM> is a duplication too */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP:TANDEM>\t.\tPASS\tEND=39800000\tGT\t0/1", 0, &s, &err), 1);
    CHECK_INT(s.direction, CN_DIR_GAIN);

    /* SVLEN without END (VCF 4.4): end = POS + |SVLEN| */
    CHECK_INT(CN_LINE(HDR_44, "17\t39600000\t.\tN\t<DEL>\t.\tPASS\tSVLEN=-500\tGT:CN\t0/1:1", 0, &s, &err), 1);
    CHECK_INT(s.pos, 39600000);
    CHECK_INT(s.end, 39600500);
    CHECK_INT(CN_LINE(HDR_44, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tSVLEN=200000\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.end, 39800000);
    /* END wins over SVLEN */
    CHECK_INT(CN_LINE(HDR_44, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39700000;SVLEN=5\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.end, 39700000);
    /* END before POS is an input error */
    CHECK(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39500000\tGT:CN\t0/1:9", 0, &s, &err) < 0);
    CHECK_HAS(err.msg, "END");

    /* FILTER: PASS, a named filter, '.', several */
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.pass, 1);
    CHECK_STR(s.filter, "PASS");
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tLowQual\tEND=39800000\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.pass, 0);
    CHECK_STR(s.filter, "LowQual");
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\t.\tEND=39800000\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.pass, 1);
    CHECK_STR(s.filter, ".");
    CHECK_INT(CN_LINE(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tLowQual;LowDepth\tEND=39800000\tGT:CN\t0/1:9", 0, &s, &err), 1);
    CHECK_INT(s.pass, 0);
    CHECK_STR(s.filter, "LowQual;LowDepth");

    /* the tumour column: sample 1, not sample 0 */
    CHECK_INT(CN_LINE(HDR_FMT, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/0:2\t0/1:12", 1, &s, &err), 1);
    CHECK_DBL(s.cn, 12);
    CHECK_INT(CN_LINE(HDR_FMT, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/0:2\t0/1:12", 0, &s, &err), 1);
    CHECK_DBL(s.cn, 2);
    CHECK_INT(CN_LINE(HDR_FMT, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:FC\t0/0:1\t0/1:4.5", 1, &s, &err), 1);
    CHECK_NEAR(s.cn, 9, 1e-6);
    /* the tumour's value missing while the normal has one: no magnitude */
    CHECK_INT(CN_LINE(HDR_FMT, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/0:2\t0/1:.", 1, &s, &err), 1);
    CHECK_INT(s.has_value, 0);
    /* FORMAT fields are not read for a file without samples (sample -1) */
    CHECK_INT(CN_LINE(HDR_FMT, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/0:2\t0/1:12", -1, &s, &err), 1);
    CHECK_INT(s.has_value, 0);

    /* purity correction is applied to the value read */
    {
        cn_params_t p = { 2, 0.5 };
        CHECK_INT(cn_line(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tGT:CN\t0/1:5", 0, &p, &s, &err), 1);
        CHECK_DBL(s.cn_observed, 5);
        CHECK_NEAR(s.cn, 8, 1e-9);
        CHECK_INT(cn_line(HDR_ONE, "17\t39600000\t.\tN\t<DUP>\t.\tPASS\tEND=39800000\tFC\t2.2", 0, &p, &s, &err), 1);
        CHECK_NEAR(s.cn_observed, 4.4, 1e-5);
        CHECK_NEAR(s.cn, 6.8, 1e-5);
    }
}

/* cn_names_gene / cn_header_fields / cn_fields_load */
static void test_cn_misc(void)
{
    CHECK(FIELDS.n >= 13);
    CHECK(FIELDS.ng >= 4);
    if (FIELDS.n > 0) {
        CHECK_INT(FIELDS.f[0].is_format, 1);
        CHECK_STR(FIELDS.f[0].id, "CN");
        CHECK_INT(FIELDS.f[0].kind, CN_KIND_ABSOLUTE);
    }

    bcf_hdr_t *h = hdr_from(HDR_ONE);
    if (!h) return;
    char names[256];
    int n = cn_header_fields(&FIELDS, h, names, sizeof(names));
    CHECK_INT(n, 6);   /* FORMAT/CN INFO/CN FORMAT/FC INFO/FOLD_CHANGE FORMAT/SM INFO/FOLD_CHANGE_LOG */
    CHECK_STR(names, "FORMAT/CN INFO/CN FORMAT/FC INFO/FOLD_CHANGE FORMAT/SM INFO/FOLD_CHANGE_LOG");

    static const struct { const char *info; int want; const char *field; } t[] = {
        { "ANT=ERBB2", 1, "INFO/ANT" },
        { "ANT=GRB7,ERBB2", 1, "INFO/ANT" },
        { "ANT=ERBB2|PGAP3", 1, "INFO/ANT" },
        { "ANT=ERBB20", 0, "" },
        { "ANT=ERBB", 0, "" },
        { "ANT=xERBB2", 0, "" },
        { ".", 0, "" },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        char line[256], field[40] = "";
        snprintf(line, sizeof(line), "17\t39700000\t.\tN\t<DUP>\t.\tPASS\tEND=39710000%s%s\tFC\t3",
                 strcmp(t[i].info, ".") ? ";" : "", strcmp(t[i].info, ".") ? t[i].info : "");
        bcf1_t *rec = bcf_init();
        kstring_t ks = { 0, 0, NULL };
        kputs(line, &ks);
        CHECK_INT(vcf_parse(&ks, h, rec), 0);
        cn_bufs_t b;
        memset(&b, 0, sizeof(b));
        int r = cn_names_gene(&FIELDS, h, rec, "ERBB2", &b, field, sizeof(field));
        if (r != t[i].want || (r && strcmp(field, t[i].field)))
            UNIT_FAILED("cn_names_gene(%s): got %d \"%s\", expected %d \"%s\"", t[i].info, r, field, t[i].want, t[i].field);
        else unit_pass++;
        cn_bufs_destroy(&b);
        free(ks.s);
        bcf_destroy(rec);
    }
    bcf_hdr_destroy(h);

    /* a malformed table is refused */
    cn_fields_t bad;
    mcrc_err_t err;
    CHECK(cn_fields_load(&bad, "#where\tid\tkind\nFORMAT\tCN\tabsolute\n", &err) == 0 && bad.n == 1);   /* the control */
    cn_fields_destroy(&bad);
    CHECK(cn_fields_load(&bad, "#where\tid\tkind\nFORMAT\tCN\n", &err) < 0 && strstr(err.msg, "line 2"));
    CHECK(bad.f == NULL && bad.n == 0);
    CHECK(cn_fields_load(&bad, "FORMAT\tCN\tabsolute\n", &err) < 0 && strstr(err.msg, "required column"));
    CHECK(bad.f == NULL && bad.n == 0);
}

/* ------------------------------------------------------------------ */
/* assembly_detect                                                     */
/* ------------------------------------------------------------------ */

static assembly_t ASM;

/* detect the build of a header made of `lines` + a sites-only #CHROM line */
static int detect(const char *lines, build_evidence_t *ev, mcrc_err_t *err)
{
    char text[4096];
    snprintf(text, sizeof(text), "##fileformat=VCFv4.2\n%s#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n", lines);
    bcf_hdr_t *h = hdr_from(text);
    if (!h) return -100;
    err->msg[0] = 0;
    memset(ev, 0x55, sizeof(*ev));
    int r = assembly_detect(&ASM, h, ev, err);
    bcf_hdr_destroy(h);
    return r;
}

static void test_assembly(void)
{
    build_evidence_t ev;
    mcrc_err_t err;

    CHECK_INT(detect("##contig=<ID=chr17,length=83257441>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh38");
    CHECK_HAS(ev.how, "83257441");
    CHECK_HAS(ev.how, "chr17");
    CHECK_INT(ev.unsupported, 0);

    CHECK_INT(detect("##contig=<ID=17,length=81195210>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh37");
    CHECK_HAS(ev.how, "81195210");

    /* several contigs of one build; the chr17 line is the one quoted */
    CHECK_INT(detect("##contig=<ID=1,length=249250621>\n##contig=<ID=17,length=81195210>\n"
                     "##contig=<ID=GL000205.1,length=174588>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh37");
    CHECK_HAS(ev.how, "81195210");

    /* RefSeq accession */
    CHECK_INT(detect("##contig=<ID=NC_000017.11>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh38");
    CHECK_HAS(ev.how, "NC_000017.11");
    CHECK_INT(detect("##contig=<ID=NC_000017.10>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh37");

    /* ##reference naming a build */
    CHECK_INT(detect("##reference=file:///data/hg19/ucsc.hg19.fasta\n##contig=<ID=chr17>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh37");
    CHECK_HAS(ev.how, "hg19");
    CHECK_INT(detect("##reference=/refs/Homo_sapiens_assembly38.fasta\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh38");
    CHECK_INT(detect("##reference=/refs/GRCh38_full_analysis_set_plus_decoy_hla.fa\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh38");
    CHECK_INT(detect("##reference=/refs/hs37d5.fa\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh37");
    /* a word inside another word is no name */
    CHECK_INT(detect("##reference=file:///lab38/ref.fa\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "unknown");
    CHECK_INT(ev.unsupported, 0);
    CHECK_INT(detect("##reference=/data/myhg19x/ref.fa\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "unknown");

    /* contig lengths of one build beside a reference path of the other: the header contradicts itself */
    CHECK(detect("##reference=file:///data/hg19/ucsc.hg19.fasta\n##contig=<ID=chr17,length=83257441>\n", &ev, &err) < 0);
    CHECK_HAS(err.msg, "contradicts itself");
    /* a reference path that agrees with the contig lengths */
    CHECK_INT(detect("##reference=file:///data/hg38/Homo_sapiens_assembly38.fasta\n##contig=<ID=chr17,length=83257441>\n", &ev, &err), 0);
    CHECK_STR(build_name(ev.build), "GRCh38");
    /* two reference lines naming two builds */
    CHECK(detect("##reference=hg19.fa\n##reference=hg38.fa\n##contig=<ID=chr17,length=83257441>\n", &ev, &err) < 0);

    /* contradicting contig lengths */
    CHECK(detect("##contig=<ID=chr1,length=249250621>\n##contig=<ID=chr17,length=83257441>\n", &ev, &err) < 0);
    CHECK_HAS(err.msg, "GRCh37");
    CHECK_HAS(err.msg, "GRCh38");
    CHECK(detect("##contig=<ID=NC_000017.10>\n##contig=<ID=NC_000012.12>\n", &ev, &err) < 0);

    /* an unsupported build */
    CHECK_INT(detect("##reference=file:///refs/NCBI36/genome.fa\n", &ev, &err), 0);
    CHECK_INT(ev.build, BUILD_UNKNOWN);
    CHECK_INT(ev.unsupported, 1);
    CHECK_HAS(ev.how, "NCBI36");
    CHECK_INT(detect("##reference=/refs/chm13v2.0.fa\n", &ev, &err), 0);
    CHECK_INT(ev.build, BUILD_UNKNOWN);
    CHECK_INT(ev.unsupported, 0);   /* "chm13v2" is not the whole word "chm13" */
    CHECK_INT(detect("##assembly=T2T-CHM13\n", &ev, &err), 0);
    CHECK_INT(ev.unsupported, 1);

    /* nothing to go by */
    CHECK_INT(detect("", &ev, &err), 0);
    CHECK_INT(ev.build, BUILD_UNKNOWN);
    CHECK_INT(ev.unsupported, 0);
    CHECK_STR(ev.how, "");
    /* a chr17 length of neither build, contigs without length, a non-primary contig */
    CHECK_INT(detect("##contig=<ID=chr17,length=12345>\n##contig=<ID=chr12>\n##contig=<ID=chrUn_x,length=83257441>\n", &ev, &err), 0);
    CHECK_INT(ev.build, BUILD_UNKNOWN);
    CHECK_INT(ev.unsupported, 0);

    /* accession lookup */
    CHECK_INT(assembly_accession_build(&ASM, "NC_000017.11"), BUILD_GRCH38);
    CHECK_INT(assembly_accession_build(&ASM, "NC_000017.10"), BUILD_GRCH37);
    CHECK_INT(assembly_accession_build(&ASM, "NC_000017.9"), BUILD_UNKNOWN);
    CHECK_INT(assembly_accession_build(&ASM, "chr17"), BUILD_UNKNOWN);
}

/* ------------------------------------------------------------------ */

static void test_genes(void)
{
    gene_table_t t;
    mcrc_err_t err;
    CHECK_INT(genes_load(&t, "#gene\tbuild\n", &err) < 0, 1);   /* nothing: spans missing */
    CHECK(strstr(err.msg, "required column") != NULL);
    /* a gene twice on one build is refused, not overwritten */
    const char *txt = embedded_get("genes.tsv", NULL), *row = txt ? strchr(txt, '\n') : NULL;
    CHECK(row != NULL);
    if (row) {
        size_t rl = strcspn(++row, "\n") + 1, tl = strlen(txt);
        char *twice = malloc(tl + rl + 2);
        if (twice) {
            memcpy(twice, txt, tl);
            if (tl && txt[tl - 1] != '\n') twice[tl++] = '\n';
            memcpy(twice + tl, row, rl);
            twice[tl + rl] = 0;
            CHECK(genes_load(&t, twice, &err) < 0 && strstr(err.msg, "appears twice"));
            free(twice);
        }
    }
    CHECK_INT(gene_from_name("ERBB2"), GENE_ERBB2);
    CHECK_INT(gene_from_name("erbb2"), -1);
    CHECK_STR(gene_name(GENE_BRAF), "BRAF");
}

int main(void)
{
    mcrc_err_t err;
    hts_set_log_level(HTS_LOG_ERROR);   /* undeclared tags and END < POS are tested on purpose */
    static gene_table_t genes;
    const char *tsv = embedded_get("genes.tsv", NULL);
    if (!tsv || genes_load(&genes, tsv, &err) < 0 || !(G = genes_span(&genes, BUILD_GRCH38, GENE_ERBB2))) {
        printf("%s:%d: cannot load the built-in ERBB2 span\n", __FILE__, __LINE__);
        unit_fail++;
        return unit_finish();
    }
    GS = G->start; GE = G->end; GLEN = GE - GS + 1; MID = GS + GLEN / 2 - 1;
    if (reasons_fixture_load() < 0) return unit_finish();
    CHECK_INT(GS, 39687914);
    CHECK_INT(GE, 39730426);
    CHECK_STR(G->chrom, "17");
    CHECK(genes_span(&genes, BUILD_UNKNOWN, GENE_ERBB2) == NULL);
    {
        const gene_span_t *g37 = genes_span(&genes, BUILD_GRCH37, GENE_ERBB2);
        CHECK(g37 != NULL);
        if (g37) { CHECK_INT(g37->start, 37844167); CHECK_INT(g37->end, 37886679); }
    }

    if (cn_fields_load(&FIELDS, embedded_get("copy-number-fields.tsv", NULL), &err) < 0) {
        printf("%s:%d: cn_fields_load: %s\n", __FILE__, __LINE__, err.msg);
        unit_fail++;
    }
    if (assembly_load(&ASM, embedded_get("assemblies.tsv", NULL), embedded_get("reference-names.tsv", NULL), &err) < 0) {
        printf("%s:%d: assembly_load: %s\n", __FILE__, __LINE__, err.msg);
        unit_fail++;
    }

    test_whole_gene_levels();
    test_custom_thresholds();
    test_partial();
    test_gaps();
    test_absent();
    test_all_segments();
    test_no_magnitude();
    test_filtered();
    test_conflict();
    test_inputs();
    test_long_reasons();
    test_reasons_es();
    test_purity();
    test_cn_from_record();
    test_record_extent();
    test_cn_misc();
    test_assembly();
    test_genes();

    cn_fields_destroy(&FIELDS);
    assembly_destroy(&ASM);
    for (int i = 0; i < ndecided; i++) free(decided[i]);
    reasons_destroy(&RS);
    return unit_finish();
}
