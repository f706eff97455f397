/*
 * extent.c - where a record ends, by one rule that every reader shares.
 *
 * Why it matters: a copy-number segment that starts before ERBB2 reaches the
 * gene only through its extent.  If a reader takes the extent from a field it
 * half understands (END declared as a String or Float, as SVDB and others
 * write it; SVLEN without END; a BCF whose stored rlen says something else),
 * the segment is dropped and the gene looks untouched: a negative resting on
 * evidence that was not read.  So the extent is read here, from every source,
 * whatever its declared type, and a record whose extent cannot be read is not
 * understood (an input error, named by the caller with file and record).
 *
 * Sources, in the order they are believed:
 *   1. INFO/END: Integer, a whole-valued Float, or a String holding a whole
 *      number; undeclared END (htslib adds a String declaration for it) too.
 *   2. |SVLEN| of a symbolic allele that replaces bases: END = POS + |SVLEN|.
 *      Not for <INS...>, <*>, <NON_REF> or breakends, whose SVLEN (if any) is
 *      not a span on the reference.  Where every allele is written out as
 *      bases, SVLEN can only restate their lengths: one longer than every
 *      allele (SVLEN=999999999 on an SNV) is a record that contradicts itself.
 *   3. rlen: the length of REF, or for a BCF the length its writer stored
 *      (htslib stores END - POS + 1 when it writes an Integer END; a BCF
 *      whose rlen says otherwise beside an Integer END is contradicting it).
 * A breakend or translocation (ALT with [ or ], <BND>, <TRA>, SVTYPE=BND/TRA,
 * or CHR2 naming another contig) covers only its own base: its END, where a
 * caller writes one (Delly), is a position on the mate's contig.
 * x->end is the first source present; x->end_min and x->end_max are the
 * nearest and furthest that any source puts it.  Between END and SVLEN one base of slack is allowed (callers count
 * SVLEN as END - POS or END - POS + 1); beyond that the sources disagree and
 * the reader must decide whether the disagreement touches a gene.
 * Limits: an end at or beyond 2^31, or beyond the header's contig length, is
 * out of range; END before POS is malformed.  Both are errors wherever the
 * record is, so that every reading path refuses the same file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extent.h"
#include "util.h"

#define EXTENT_LIMIT ((int64_t)1 << 31)

int64_t extent_contig_length(const bcf_hdr_t *h, int rid)
{
    if (rid < 0 || rid >= h->n[BCF_DT_CTG]) return 0;
    const bcf_idinfo_t *info = h->id[BCF_DT_CTG][rid].val;
    return info && info->info[0] > 0 ? (int64_t)info->info[0] : 0;
}

/*
 * One INFO value as a whole number, whatever the declared type.
 * 1 with *v, 0 absent, -1 not a whole number (raw says what was read; a key with a missing value is one:
 * a record that names its END and does not give it is not understood), -2 several values.
 */
static int info_whole(const bcf_hdr_t *h, bcf1_t *rec, const char *tag, int all, cn_bufs_t *b, int64_t *v, char raw[48])
{
    int id = bcf_hdr_id2int(h, BCF_DT_ID, tag);
    if (id < 0 || !bcf_hdr_idinfo_exists(h, BCF_HL_INFO, id)) return 0;
    if (!bcf_get_info_id(rec, id)) return 0;
    raw[0] = 0;
    switch (bcf_hdr_id2type(h, BCF_HL_INFO, id)) {
    case BCF_HT_INT: {
        int n = bcf_get_info_int32(h, rec, tag, &b->i32, &b->mi32);
        if (n <= 0) return 0;
        /* the key is there but its value is not: '.' or -2147483648, which htslib cannot tell apart */
        if (b->i32[0] == bcf_int32_missing) { snprintf(raw, 48, "missing"); return -1; }
        if (n > 1 && !all) return -2;
        int64_t best = 0;
        for (int i = 0; i < n && b->i32[i] != bcf_int32_vector_end; i++) {
            if (b->i32[i] == bcf_int32_missing) continue;
            int64_t x = b->i32[i];
            if (i == 0 || llabs(x) > llabs(best)) best = x;
        }
        *v = best;
        snprintf(raw, 48, "%lld", (long long)best);
        return 1;
    }
    case BCF_HT_REAL: {
        int n = bcf_get_info_float(h, rec, tag, &b->f, &b->mf);
        if (n <= 0) return 0;
        if (bcf_float_is_missing(b->f[0])) { snprintf(raw, 48, "missing"); return -1; }
        if (n > 1 && !all) return -2;
        double best = 0;
        for (int i = 0; i < n && !bcf_float_is_vector_end(b->f[i]); i++) {
            if (bcf_float_is_missing(b->f[i])) continue;
            double x = b->f[i];
            snprintf(raw, 48, "%g", x);
            if (!isfinite(x) || x != floor(x) || fabs(x) >= (double)EXTENT_LIMIT * 4) return -1;
            if (i == 0 || fabs(x) > fabs(best)) best = x;
        }
        *v = (int64_t)best;
        return 1;
    }
    case BCF_HT_STR: {
        int n = bcf_get_info_string(h, rec, tag, &b->s, &b->ms);
        if (n <= 0) return 0;
        text_sanitize(b->s, raw, 48);
        if (!strcmp(b->s, ".") || !b->s[0]) { snprintf(raw, 48, "missing"); return -1; }
        if (strchr(b->s, ',') && !all) return -2;
        int64_t best = 0;
        int first = 1;
        for (char *p = b->s, *next; p; p = next) {
            next = strchr(p, ',');
            if (next) *next++ = 0;
            if (!strcmp(p, ".")) continue;
            double d;
            int64_t x;
            if (parse_int64(p, &x)) {
                if (parse_double(p, &d) || d != floor(d) || fabs(d) >= (double)EXTENT_LIMIT * 4) return -1;
                x = (int64_t)d;
            }
            if (first || llabs(x) > llabs(best)) best = x;
            first = 0;
        }
        if (first) return 0;
        *v = best;
        return 1;
    }
    default:
        return -1;   /* a Flag cannot say where a record ends */
    }
}

/* Is rec a breakend or translocation, whose END (Delly, with CHR2) is a position on the mate's contig? */
static int is_breakend(const bcf_hdr_t *h, bcf1_t *rec, cn_bufs_t *b)
{
    for (int i = 1; i < rec->n_allele; i++) {
        const char *a = rec->d.allele[i];
        if (strpbrk(a, "[]") || !strncasecmp(a, "<BND", 4) || !strncasecmp(a, "<TRA", 4)) return 1;
    }
    if (bcf_get_info_string(h, rec, "SVTYPE", &b->s, &b->ms) > 0 && (!strcmp(b->s, "BND") || !strcmp(b->s, "TRA"))) return 1;
    if (bcf_get_info_string(h, rec, "CHR2", &b->s, &b->ms) > 0 && strcmp(b->s, bcf_seqname_safe(h, rec))) return 1;
    return 0;
}

/* Is allele a a symbolic allele that replaces reference bases (so SVLEN is a span)? */
static int spans_reference(const char *a)
{
    if (a[0] != '<') return 0;
    if (!strcmp(a, "<*>") || !strcmp(a, "<NON_REF>") || !strcmp(a, "<X>")) return 0;
    return strncasecmp(a, "<INS", 4) != 0;
}

int record_extent(const bcf_hdr_t *h, bcf1_t *rec, int is_bcf, int with_svlen, int64_t ctg_len,
                  cn_bufs_t *b, extent_t *x, mcrc_err_t *err)
{
    int64_t pos = rec->pos + 1, v;
    char raw[48];
    int have_end = 0;
    size_t o = 0;
    x->how[0] = 0;
    x->end = x->end_min = x->end_max = pos + (rec->rlen > 0 ? rec->rlen : 1) - 1;
    if (is_breakend(h, rec, b)) {
        /* a junction, not a span: its END (if any) is on the mate's contig; it covers its own bases */
        x->end = x->end_min = x->end_max = pos;
        return 0;
    }

    int r = info_whole(h, rec, "END", 0, b, &v, raw);
    if (r == -2) return mcrc_fail(err, MCRC_E_INPUT, "INFO/END has more than one value (%s)", raw);
    if (r < 0) return mcrc_fail(err, MCRC_E_INPUT, "INFO/END is not a whole number (%s)", raw);
    if (r > 0) {
        if (v < pos) return mcrc_fail(err, MCRC_E_INPUT, "INFO/END (%lld) is before POS", (long long)v);
        if (v >= EXTENT_LIMIT) return mcrc_fail(err, MCRC_E_INPUT, "INFO/END (%lld) is out of range", (long long)v);
        if (ctg_len > 0 && v > ctg_len)
            return mcrc_fail(err, MCRC_E_INPUT, "INFO/END (%lld) is beyond the end of the contig (length %lld)", (long long)v, (long long)ctg_len);
        o += snprintf(x->how + o, sizeof(x->how) - o, "INFO/END=%lld", (long long)v);
        /* a BCF keeps rlen beside END: where END is an Integer htslib writes rlen = END - POS + 1, and a
         * different rlen is a second, contradicting opinion (beside END of another type, rlen is REF's length) */
        int64_t rl_end = x->end;
        x->end = x->end_min = x->end_max = v;
        if (is_bcf && bcf_hdr_id2type(h, BCF_HL_INFO, bcf_hdr_id2int(h, BCF_DT_ID, "END")) == BCF_HT_INT
            && rec->rlen != v - pos + 1) {
            o += snprintf(x->how + o, sizeof(x->how) - o, ", stored length %lld", (long long)rec->rlen);
            if (rl_end > x->end_max) x->end_max = rl_end;
            if (rl_end < x->end_min) x->end_min = rl_end;
        }
        have_end = 1;
    }
    if (!with_svlen) return 0;

    int span = 0, written = 1;      /* written: every ALT is a sequence, none symbolic */
    int64_t longest = (int64_t)strlen(rec->d.allele[0]);
    for (int i = 1; i < rec->n_allele; i++) {
        if (spans_reference(rec->d.allele[i])) span = 1;
        if (rec->d.allele[i][0] == '<') written = 0;
        else if ((int64_t)strlen(rec->d.allele[i]) > longest) longest = (int64_t)strlen(rec->d.allele[i]);
    }
    if (!span && !written) return 0;    /* <INS>, <*>, <NON_REF>: SVLEN is no span on the reference */
    r = info_whole(h, rec, "SVLEN", 1, b, &v, raw);
    if (r < 0 && !span && !strcmp(raw, "missing")) return 0;   /* varlociraptor: SVLEN=. on every SNV */
    if (r < 0) return mcrc_fail(err, MCRC_E_INPUT, "INFO/SVLEN is not a whole number (%s)", raw);
    if (r == 0) return 0;
    if (!span) {   /* written */
        /* alleles written out in full: SVLEN (Manta, Sniffles, varlociraptor write it) can only restate their
         * lengths, so one longer than every allele contradicts the record -- it is not understood */
        if (llabs(v) > longest)
            return mcrc_fail(err, MCRC_E_INPUT, "INFO/SVLEN (%lld) is longer than any of the record's alleles (the longest: %lld bp): the record contradicts itself",
                             (long long)v, (long long)longest);
        return 0;
    }
    int64_t sv_end = pos + llabs(v);
    if (sv_end >= EXTENT_LIMIT) return mcrc_fail(err, MCRC_E_INPUT, "INFO/SVLEN (%lld) is out of range", (long long)v);
    if (ctg_len > 0 && sv_end > ctg_len + 1)
        return mcrc_fail(err, MCRC_E_INPUT, "INFO/SVLEN (%lld) runs beyond the end of the contig (length %lld)", (long long)v, (long long)ctg_len);
    if (have_end) {
        /* one base of slack: SVLEN is END - POS (VCF 4.2) or the segment's length (END - POS + 1) */
        if (sv_end > x->end + 1 || sv_end < x->end - 1) {
            snprintf(x->how + o, sizeof(x->how) - o, ", INFO/SVLEN=%lld", (long long)v);
            if (sv_end > x->end_max) x->end_max = sv_end;
            if (sv_end < x->end_min) x->end_min = sv_end;
        }
        return 0;
    }
    /* no END: SVLEN is the extent (a text record's rlen is REF's length, not a second opinion) */
    if (sv_end > x->end) x->end = x->end_min = x->end_max = sv_end;
    return 0;
}
