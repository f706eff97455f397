/*
 * test_segments.c - unit tests of the segment-table dialects (seg_dialect.c): the built-in table loads, each
 * caller's header is recognised as its dialect whatever the column order and with extra columns, near misses
 * (CNVkit bins, a renamed column, an R warning line) are not, and table lines split as the callers write them.
 * Build with `make unit`, run ./build/test_segments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
#include "mcrc.h"
#include "segments.h"
#include "tsv.h"
#include "unit.h"

static seg_dialects_t dia;

/* The dialect a header line is recognised as, or "none". */
static const char *match(const char *header)
{
    static char buf[1024];
    char *f[TSV_MAX_COLS];
    snprintf(buf, sizeof(buf), "%s", header);
    const seg_dialect_t *d = seg_dialect_match(&dia, f, seg_split(buf, strchr(buf, '\t') != NULL, f, TSV_MAX_COLS));
    return d ? d->name : "none";
}

static void test_match(void)
{
    CHECK_STR(match("chromosome\tstart\tend\tgene\tlog2\tdepth\tprobes\tweight"), "cnvkit-cns");
    CHECK_STR(match("chromosome\tstart\tend\tgene\tlog2\tcn\tdepth\tprobes\tweight"), "cnvkit-call-cns");
    CHECK_STR(match("chromosome\tstart\tend\tgene\tlog2\tdepth\tweight"), "none");          /* .cnr: bins */
    CHECK_STR(match("CONTIG\tSTART\tEND\tNUM_POINTS_COPY_RATIO\tMEAN_LOG2_COPY_RATIO\tCALL"), "gatk-called-seg");
    CHECK_STR(match("CONTIG\tSTART\tEND\tNUM_POINTS_COPY_RATIO\tMEAN_LOG2_COPY_RATIO"), "gatk-cr-seg");
    CHECK_STR(match("ID\tchrom\tloc.start\tloc.end\tnum.mark\tseg.mean"), "igv-seg");
    CHECK_STR(match("Sample\tChromosome\tStart\tEnd\tNum_Probes\tSegment_Mean"), "igv-seg");
    CHECK_STR(match("sid\tchrom\tloc.start\tloc.end\ttcn.em\tlcn.em"), "facets-cncf");
    CHECK_STR(match("sample\tchr\tstartpos\tendpos\tnMajor\tnMinor"), "ascat-segments");
    CHECK_STR(match("Chromosome\tStart\tEnd\tnMajor\tnMinor"), "pcgr-cna");
    CHECK_STR(match("\"chromosome\" \"start.pos\" \"end.pos\" \"Bf\" \"N.BAF\" \"CNt\" \"A\" \"B\""), "sequenza-segments");
    CHECK_STR(match("chromosome\tstart\tend\tgene\tminCopyNumber\tmaxCopyNumber\tunused"), "purple-cnv-gene");
    CHECK_STR(match("chromosome\tstart\tend\tcopyNumber\tbafCount\tminorAlleleCopyNumber\tmajorAlleleCopyNumber"), "purple-cnv-somatic");
    /* order free, extra columns allowed; a renamed column or a warning line is not a header */
    CHECK_STR(match("nMinor\tEnd\tChromosome\textra\tnMajor\tStart"), "pcgr-cna");
    CHECK_STR(match("chromosome\tstart\tend\tgene\tlog2_ratio\tprobes"), "none");
    CHECK_STR(match("WARNING: ignoring environment value of R_HOME"), "none");
    kstring_t k = { 0, 0, NULL };
    CHECK_INT(seg_dialects_expected(&dia, &k), 0);
    CHECK(k.s && strstr(k.s, "CNVkit .cns (") && strstr(k.s, "PCGR CNA ("));
    free(k.s);
}

static void test_split(void)
{
    char line[256], *f[8];
    snprintf(line, sizeof(line), "chr17\t\t5\t\"x\"");
    CHECK_INT(seg_split(line, 1, f, 8), 4);
    CHECK_STR(f[0], "chr17"); CHECK_STR(f[1], ""); CHECK_STR(f[2], "5"); CHECK_STR(f[3], "x");
    snprintf(line, sizeof(line), "\"chr17.4\"  \"chr17\" 25909816 81043039 ");
    CHECK_INT(seg_split(line, 0, f, 8), 4);
    CHECK_STR(f[0], "chr17.4"); CHECK_STR(f[1], "chr17"); CHECK_STR(f[3], "81043039");
    snprintf(line, sizeof(line), "a\tb\tc");
    CHECK_INT(seg_split(line, 1, f, 2), 2);          /* at most max */
}

int main(void)
{
    mcrc_err_t err;
    if (seg_dialects_load(&dia, embedded_get("segment-dialects.tsv", NULL), &err) < 0) {
        UNIT_FAILED("segment-dialects.tsv: %s", err.msg);
        return unit_finish();
    }
    unit_pass++;
    test_match();
    test_split();
    seg_dialects_destroy(&dia);
    return unit_finish();
}
