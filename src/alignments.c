/*
 * alignments.c - the tumour's reads at the hotspot codons (--alignments FILE.bam|FILE.cram).
 *
 * What it reads: only the hotspot codons (sv_site_t, listed by sv_begin for the resolved build), through
 * the file's index (.bai/.csi/.crai beside it, or FILE##idx##INDEX; no index is an error: reading a
 * whole-genome file to find twenty codons is not what the user asked for).  The codons of one gene that
 * lie within MERGE_GAP bases of each other are read with one sam_itr_queryi and one pileup.
 *
 * Filters, as samtools mpileup -q/-Q users expect: reads flagged unmapped, secondary, supplementary,
 * QC-fail or duplicate are skipped, and those with mapping quality below --min-mapq [20]; a base counts
 * when its quality is at least --min-baseq [20].  Overlapping mates of one fragment count once: the
 * pileup's overlap detection (bam_plp_init_overlaps) sets the quality of one mate's base to 0 where they
 * overlap, so the base-quality filter drops it (with --min-baseq 0 both mates count, as in samtools).
 * Deletions and reference skips give no base, so no depth; but a read with an insertion or deletion inside a
 * codon is evidence of a change there (aln_indel), never passed over: a codon whose reads carry an uncalled
 * in-frame deletion must not read as covered and unchanged.
 *
 * What it gives, per codon: the filtered depth of each base, the codon depth (the least of the three),
 * and, for every read whose three bases all passed, the codon it shows on the gene's coding strand,
 * counted by the amino acid it codes (cds_translate_codon: the project's one genetic code).  The
 * commonest amino acid other than the reference one names the change ("p.G12D").  A codon whose three
 * bases reach --min-depth is shown covered (the same rule as gVCF blocks: small_variant.c).  The calls
 * are compared with these counts in alignments_compare.c.
 *
 * A file without its end-of-file block (BGZF's, CRAM's) is cut short: an error, never fewer reads.
 *
 * Identity: a BAM of another sample is the classic swapped-file error, so the read groups' SM must be
 * one name, the tumour sample of the VCF inputs (aln_check_sample).  The build: the @SQ length of each
 * gene's chromosome must be the resolved build's (a GRCh37 BAM with GRCh38 calls would read the wrong
 * bases).  A gene whose chromosome the file lacks gets depth 0 (not covered).
 *
 * No network, ever: a CRAM is decoded against --fasta only (hts_set_fai_filename), and REF_PATH is set
 * to a local path that does not exist before the file is opened, so htslib cannot fall back to its
 * default of fetching references by MD5 from the EBI service.  REF_CACHE is left alone (it is local).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <htslib/bgzf.h>
#include <htslib/cram.h>
#include <htslib/khash.h>
#include <htslib/kstring.h>
#include "alignments.h"
#include "refdata.h"
#include "safe_io.h"
#include "util.h"

#define MERGE_GAP 1000                     /* codons this close are read in one pass */
#define SKIP_FLAGS (BAM_FUNMAP | BAM_FSECONDARY | BAM_FSUPPLEMENTARY | BAM_FQCFAIL | BAM_FDUP)
#define NO_NETWORK_REF_PATH "/nonexistent/mcrc-report/no-network-reference"

/* one read at one codon: the bases seen so far (bit k of mask: base k of the codon) */
typedef struct { int64_t read_pos; char base[3]; uint8_t mask; uint8_t site; uint8_t indel; } codon_read_t;
/* keyed by the read's pileup record and the site: pointers share their low bits, so the key is mixed
 * (Fibonacci hashing) before khash takes its low bits -- khash's own int64 hash left them colliding */
static inline khint_t codon_hash(int64_t k) { return (khint_t)(((uint64_t)k * UINT64_C(0x9E3779B97F4A7C15)) >> 32); }
KHASH_INIT(codon, int64_t, codon_read_t, 1, codon_hash, kh_int64_hash_equal)

static int read_groups_sample(aln_t *a, mcrc_err_t *err)
{
    kstring_t sm = { 0, 0, NULL };
    int n = sam_hdr_count_lines(a->hdr, "RG"), r = 0;
    for (int i = 0; i < n && !r; i++) {
        sm.l = 0;
        if (sam_hdr_find_tag_pos(a->hdr, "RG", i, "SM", &sm) < 0) continue;
        char *s = text_sanitize_dup(sm.s);
        if (!s) { r = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); break; }
        if (a->sample && strcmp(a->sample, s))
            r = mcrc_fail(err, MCRC_E_INPUT, "%s: the read groups name two samples, '%s' and '%s'; one tumour sample is expected", a->label, a->sample, s);
        if (!a->sample) a->sample = s; else free(s);
    }
    free(sm.s);
    return r;
}

/* The index of another file hides reads without an error where its offsets happen to fall on this file's blocks:
 * the reads the region lacks would be uncovered codons (less definite) but also missing evidence against a call
 * (more definite).  So the first chunk of every BAM query must start at a whole read of the queried sequence (a
 * bin's chunks hold only its sequence's reads).  1 when it does not. */
static int index_points_elsewhere(aln_t *a, const hts_itr_t *itr, int tid)
{
    if (strcmp(a->format, "BAM") || itr->n_off == 0) return 0;
    bam1_t *b = bam_init1();
    int bad = !b || bgzf_seek(a->fp->fp.bgzf, itr->off[0].u, SEEK_SET) < 0 || bam_read1(a->fp->fp.bgzf, b) < 0
              || b->core.tid != tid;
    bam_destroy1(b);
    return bad;
}

/* Every sequence the index says holds reads must start, by the index, at a read of that sequence: an index of
 * another file -- the same references in another order, or another file's blocks -- fails this for some sequence
 * (where it gives a gene's chromosome no reads at all, the sequences whose reads it misplaces show it).  BAM only;
 * run once, and only when a codon region has no reads by the index (else that region's first read is the proof:
 * the check costs a query per sequence, 0.06 s on a sparse whole-genome index). */
static int index_matches(aln_t *a, mcrc_err_t *err)
{
    if (strcmp(a->format, "BAM") || a->index_checked) return 0;
    a->index_checked = 1;
    for (int tid = 0; tid < hts_idx_nseq(a->idx); tid++) {
        uint64_t mapped = 0, unmapped = 0;
        if (hts_idx_get_stat(a->idx, tid, &mapped, &unmapped) < 0 || mapped + unmapped == 0) continue;
        hts_itr_t *itr = sam_itr_queryi(a->idx, tid, 0, HTS_POS_MAX);
        int bad = !itr || itr->n_off == 0 || index_points_elsewhere(a, itr, tid);
        hts_itr_destroy(itr);
        if (bad)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: the index does not match the file (where it places the reads of %s there is no read of that sequence); rebuild it (samtools index)",
                             a->label, sam_hdr_tid2name(a->hdr, tid));
    }
    return 0;
}

int aln_open(aln_t *a, const char *fasta_fn, mcrc_err_t *err)
{
    /* before any CRAM is opened: no reference may come from the network (see the top comment) */
    if (setenv("REF_PATH", NO_NETWORK_REF_PATH, 1) != 0) return mcrc_fail(err, MCRC_E_INTERNAL, "cannot set REF_PATH");
    if (!(a->label = sio_name_dup(a->fn)))     /* how messages and the report name it: no URL credentials */ return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    if (!(a->fp = sam_open(a->fn, "r"))) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot open the alignments", a->label);
    const htsFormat *f = hts_get_format(a->fp);
    if (f->category != sequence_data || (f->format != bam && f->format != cram))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: not a BAM or CRAM file (--alignments)", a->label);
    snprintf(a->format, sizeof(a->format), "%s", f->format == bam ? "BAM" : "CRAM");
    if (f->format == cram) {
        if (!fasta_fn) return mcrc_fail(err, MCRC_E_INPUT, "%s: a CRAM needs its reference: pass --fasta FILE", a->label);
        if (hts_set_fai_filename(a->fp, fasta_fn) < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot use --fasta %s as the CRAM reference", a->label, fasta_fn);
    }
    /* a file cut short keeps its index's early offsets valid: without the end-of-file block, codons past the cut
     * would read as uncovered, or (with the index of the whole file) fail only where they fall */
    int eof = f->format == bam ? bgzf_check_EOF(a->fp->fp.bgzf) : cram_check_EOF(a->fp->fp.cram);
    if (eof == 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: the end-of-file block is missing: the file is cut short", a->label);
    if (eof < 0) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot check the end of the file", a->label);
    if (!(a->hdr = sam_hdr_read(a->fp))) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read the header", a->label);
    if (!(a->idx = sam_index_load3(a->fp, a->fn, NULL, 0)))      /* no HTS_IDX_SAVE_REMOTE: a URL's index is never saved */
        return mcrc_fail(err, MCRC_E_INPUT, "%s: no index (.bai, .csi or .crai beside it, or FILE##idx##INDEX); only the hotspot codons are read, through the index", a->label);
    if (f->format == bam && hts_idx_nseq(a->idx) > sam_hdr_nref(a->hdr))
        return mcrc_fail(err, MCRC_E_INPUT, "%s: the index lists %d sequences but the header %d: it was made for another file; rebuild it (samtools index)",
                         a->label, hts_idx_nseq(a->idx), sam_hdr_nref(a->hdr));
    return read_groups_sample(a, err);
}

int aln_check_sample(const aln_t *a, const input_t *in, int nin, const char *samples_opt, mcrc_err_t *err)
{
    static const char *const pass = "; pass --skip-sample-check if this is intended";
    if (a->skip_sample_check) return 0;
    if (!a->sample) return mcrc_fail(err, MCRC_E_INPUT, "%s: no read group names a sample (@RG SM), so it cannot be checked against the tumour sample%s", a->label, pass);
    int checked = 0;
    for (int i = 0; i < nin; i++) {
        if (!in[i].sample_name) continue;
        checked = 1;
        if (strcmp(in[i].sample_name, a->sample))
            return mcrc_fail(err, MCRC_E_INPUT, "%s: read group sample '%s' is not the tumour sample '%s' of input %d%s", a->label, a->sample, in[i].sample_name, in[i].index, pass);
    }
    if (checked) return 0;
    if (samples_opt) {
        /* -s NAME[,NAME]: one of the names */
        size_t l = strlen(a->sample);
        for (const char *p = samples_opt; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
            if (!strncmp(p, a->sample, l) && (p[l] == ',' || !p[l])) return 0;
        return mcrc_fail(err, MCRC_E_INPUT, "%s: read group sample '%s' is not the sample named with -s (%s)%s", a->label, a->sample, samples_opt, pass);
    }
    return mcrc_fail(err, MCRC_E_INPUT, "%s: no input names a tumour sample and -s is not given, so read group sample '%s' cannot be checked%s", a->label, a->sample, pass);
}

/* ---------------------------------------------------------------- the pileup */

typedef struct { aln_t *a; hts_itr_t *itr; } reader_t;

static int read_filtered(void *data, bam1_t *b)
{
    reader_t *u = data;
    int r;
    while ((r = sam_itr_next(u->a->fp, u->itr, b)) >= 0)
        if (!(b->core.flag & SKIP_FLAGS) && b->core.qual >= u->a->min_mapq) break;
    return r;
}

/* The BAM's tid of the gene's chromosome ("12" or "chr12"), -1 if absent; an error if its length is not the build's. */
static int gene_tid(const aln_t *a, const assembly_t *as, genome_build_t build, const char *chrom, mcrc_err_t *err)
{
    char name[16];
    int tid = sam_hdr_name2tid(a->hdr, chrom);
    if (tid < 0) {
        snprintf(name, sizeof(name), "chr%s", chrom);
        tid = sam_hdr_name2tid(a->hdr, name);
    }
    if (tid < 0) return tid == -1 ? -1 : mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read the header's @SQ lines", a->label);
    /* a CRAM's lengths are those of --fasta when it holds the contig (htslib): a FASTA of another build is caught too */
    hts_pos_t len = sam_hdr_tid2len(a->hdr, tid);
    for (int i = 0; i < as->nrow; i++)
        if (as->row[i].build == build && !strcmp(as->row[i].chrom, chrom) && as->row[i].length != len)
            return mcrc_fail(err, MCRC_E_INPUT, "%s: @SQ %s has length %lld, not the %s length %lld: the alignments are on another genome build than the calls",
                             a->label, sam_hdr_tid2name(a->hdr, tid), (long long)len, build_name(build), (long long)as->row[i].length);
    return tid;
}

/* One pileup column at a codon base: depth, and each read's base kept for its codon. */
static int column(const aln_t *a, sv_state_t *sv, khash_t(codon) *h, int si, int k, const bam_pileup1_t *plp, int n)
{
    sv_site_t *t = &sv->site[si];
    char strand = cds_model_tx(&sv->ref->model, gene_name(t->gene), sv->build)->strand;
    for (int j = 0; j < n; j++) {
        const bam_pileup1_t *p = &plp[j];
        if (p->is_refskip) continue;
        /* a deletion over a codon base, or an insertion or deletion starting inside the codon: evidence of a change
         * too (it gives no depth, and never counts toward wild-type), not a read to pass over */
        int64_t last = t->gpos[0] > t->gpos[2] ? t->gpos[0] : t->gpos[2];     /* the codon's last base on the plus strand */
        int indel = p->is_del || (p->indel != 0 && t->gpos[k] < last);
        if (!indel && bam_get_qual(p->b)[p->qpos] < a->min_baseq) continue;
        int absent;
        khint_t it = kh_put(codon, h, ((int64_t)(uintptr_t)p->b << 8) | si, &absent);
        if (absent < 0) return -1;
        codon_read_t *c = &kh_val(h, it);
        if (absent || c->read_pos != p->b->core.pos) { memset(c, 0, sizeof(*c)); c->read_pos = p->b->core.pos; c->site = si; }
        c->indel |= indel;
        if (p->is_del) continue;
        t->aln_depth[k]++;
        char b = seq_nt16_str[bam_seqi(bam_get_seq(p->b), p->qpos)];
        if (strand == '-') b = cds_complement(b);
        c->base[k] = b ? b : 'N';
        c->mask |= 1 << k;
    }
    return 0;
}

/* Sites [lo, hi) of ord, all on one gene: one query and one pileup over them. */
static int read_group(aln_t *a, sv_state_t *sv, int tid, const int *ord, int lo, int hi, khash_t(codon) *h, mcrc_err_t *err)
{
    int64_t beg = INT64_MAX, end = 0;
    for (int i = lo; i < hi; i++)
        for (int k = 0; k < 3; k++) {
            int64_t g = sv->site[ord[i]].gpos[k];
            if (g < beg) beg = g;
            if (g > end) end = g;
        }
    reader_t u = { a, sam_itr_queryi(a->idx, tid, beg - 1, end) };
    if (!u.itr) return mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read %s:%lld-%lld through the index", a->label, sam_hdr_tid2name(a->hdr, tid), (long long)beg, (long long)end);
    if (u.itr->n_off == 0 && index_matches(a, err) < 0) { hts_itr_destroy(u.itr); return MCRC_E_INPUT; }
    if (index_points_elsewhere(a, u.itr, tid)) {
        hts_itr_destroy(u.itr);
        return mcrc_fail(err, MCRC_E_INPUT, "%s: the index does not match the file (its offsets for %s:%lld-%lld do not lead to a read of that sequence); rebuild it (samtools index)",
                         a->label, sam_hdr_tid2name(a->hdr, tid), (long long)beg, (long long)end);
    }
    void *data[1] = { &u };
    bam_mplp_t plp = bam_mplp_init(1, read_filtered, data);   /* one file; the mplp API has the overlap detection */
    int r = 0, n = 0, ptid;
    hts_pos_t pos;
    const bam_pileup1_t *col;
    if (!plp) { hts_itr_destroy(u.itr); return mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); }
    if (bam_mplp_init_overlaps(plp) < 0) r = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    bam_mplp_set_maxcnt(plp, INT32_MAX);     /* no depth cap: the depth is what is reported */
    int got;
    while (r == 0 && (got = bam_mplp64_auto(plp, &ptid, &pos, &n, &col)) > 0) {
        if (ptid != tid || pos + 1 < beg) continue;
        if (pos + 1 > end) break;
        for (int i = lo; i < hi && r == 0; i++)
            for (int k = 0; k < 3; k++)
                if (sv->site[ord[i]].gpos[k] == pos + 1 && column(a, sv, h, ord[i], k, col, n) < 0) r = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory");
    }
    if (r == 0 && got < 0) r = mcrc_fail(err, MCRC_E_INPUT, "%s: cannot read the alignments at %s:%lld-%lld", a->label, sam_hdr_tid2name(a->hdr, tid), (long long)beg, (long long)end);
    bam_mplp_destroy(plp);
    hts_itr_destroy(u.itr);
    return r;
}

static int aa_index(char aa)
{
    return aa == '*' ? 26 : aa >= 'A' && aa <= 'Z' ? aa - 'A' : -1;
}

/* The reads of a group's codons, tallied by amino acid; the commonest change named. */
static void tally(sv_state_t *sv, khash_t(codon) *h)
{
    for (khint_t it = kh_begin(h); it != kh_end(h); it++) {
        if (!kh_exist(h, it)) continue;
        const codon_read_t *c = &kh_val(h, it);
        if (c->indel) { sv->site[c->site].aln_indel++; continue; }
        if (c->mask != 7) continue;
        char codon[4] = { c->base[0], c->base[1], c->base[2], 0 };
        int i = aa_index(cds_translate_codon(codon));
        if (i >= 0) sv->site[c->site].aln_aa[i]++;
    }
    kh_clear(codon, h);
}

static void finish_site(sv_site_t *t, int min_depth)
{
    int d = t->aln_depth[0];
    for (int k = 1; k < 3; k++) if (t->aln_depth[k] < d) d = t->aln_depth[k];
    t->aln_read = 1;
    t->aln_codon_depth = d;
    if (d >= min_depth && d > 0) {     /* no read is no coverage, even with --min-depth 0 */
        t->aln_covered = 1;
        t->covered[0] = t->covered[1] = t->covered[2] = 1;
    }
    int best = -1, ref = aa_index(t->ref_aa);
    for (int i = 0; i < 27; i++)
        if (i != ref && t->aln_aa[i] > 0 && (best < 0 || t->aln_aa[i] > t->aln_aa[best])) best = i;
    t->aln_of = d;
    if (best >= 0 && ref >= 0) {
        t->aln_alt = t->aln_aa[best];
        snprintf(t->aln_change, sizeof(t->aln_change), "p.%c%d%c", t->ref_aa, t->codon, best == 26 ? '*' : 'A' + best);
    }
    if (t->aln_indel > t->aln_alt && ref >= 0) {     /* reads with an indel at the codon outnumber any substitution */
        t->aln_alt = t->aln_indel;
        t->aln_of = d + t->aln_indel;
        snprintf(t->aln_change, sizeof(t->aln_change), "p.%c%d indel", t->ref_aa, t->codon);
    }
}

/* The reference amino acid of a site: the protein, else the translated coding sequence. */
static char site_ref_aa(const sv_state_t *sv, const sv_site_t *t)
{
    const cds_gene_t *g = cds_model_gene(&sv->ref->model, gene_name(t->gene));
    if (!g) return 0;
    if (g->protein && t->codon <= g->prot_len) return g->protein[t->codon - 1];
    if (g->cds && 3 * t->codon <= g->cds_len) {
        char codon[4];
        memcpy(codon, g->cds + 3 * (t->codon - 1), 3);
        codon[3] = 0;
        return cds_translate_codon(codon);
    }
    return 0;
}

static int64_t site_first(const sv_site_t *t) { return t->gpos[0] < t->gpos[2] ? t->gpos[0] : t->gpos[2]; }
static int64_t site_last(const sv_site_t *t) { return t->gpos[0] > t->gpos[2] ? t->gpos[0] : t->gpos[2]; }

/* The sites in gene, then position order (a few dozen: insertion sort). */
static void order_sites(const sv_site_t *s, int n, int *ord)
{
    for (int i = 0; i < n; i++) {
        int j = i, v = i;
        while (j > 0 && (s[ord[j - 1]].gene > s[v].gene || (s[ord[j - 1]].gene == s[v].gene && site_first(&s[ord[j - 1]]) > site_first(&s[v])))) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = v;
    }
}

int aln_read_sites(aln_t *a, sv_state_t *sv, const assembly_t *as, mcrc_err_t *err)
{
    if (!sv->build) return mcrc_fail(err, MCRC_E_INPUT, "%s: the genome build is not known from the inputs, so the hotspot codons cannot be placed; pass -g GRCh37 or -g GRCh38", a->label);
    int *ord = malloc((sv->nsite ? sv->nsite : 1) * sizeof(*ord)), r = 0;
    khash_t(codon) *h = kh_init(codon);
    if (!ord || !h) { r = mcrc_fail(err, MCRC_E_INTERNAL, "out of memory"); goto out; }
    for (int i = 0; i < sv->nsite; i++) sv->site[i].ref_aa = site_ref_aa(sv, &sv->site[i]);
    order_sites(sv->site, sv->nsite, ord);
    for (int lo = 0, hi; lo < sv->nsite && r == 0; lo = hi) {
        const sv_site_t *t = &sv->site[ord[lo]];
        int64_t last = site_last(t);
        for (hi = lo + 1; hi < sv->nsite; hi++) {
            const sv_site_t *u = &sv->site[ord[hi]];
            if (u->gene != t->gene || site_first(u) - last > MERGE_GAP) break;
            if (site_last(u) > last) last = site_last(u);
        }
        int tid = gene_tid(a, as, sv->build, genes_span(&sv->ref->genes, sv->build, t->gene)->chrom, err);
        if (tid < -1) { r = tid; break; }
        if (tid >= 0 && (r = read_group(a, sv, tid, ord, lo, hi, h, err)) < 0) break;
        tally(sv, h);
        for (int i = lo; i < hi; i++) finish_site(&sv->site[ord[i]], sv->p.min_depth);
        a->nsite_read += hi - lo;
    }
out:
    free(ord);
    if (h) kh_destroy(codon, h);
    return r;
}

void aln_close(aln_t *a)
{
    if (a->idx) hts_idx_destroy(a->idx);
    if (a->hdr) sam_hdr_destroy(a->hdr);
    if (a->fp) sam_close(a->fp);
    free(a->sample);
    free(a->label);
    a->idx = NULL; a->hdr = NULL; a->fp = NULL; a->sample = NULL; a->label = NULL;
}
