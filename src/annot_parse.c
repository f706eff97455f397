/*
 * annot_parse.c - parse VEP / SnpEff / bcftools csq / PAVE annotation strings.
 *
 * Design
 * ------
 * 1. Format.  annot_format_parse() reads the INFO header Description and
 *    decides the kind from its wording, then finds the field list:
 *      bcftools csq  "...BCFtools/csq... Format: Consequence|gene|..."
 *      SnpEff ANN    "Functional annotations: 'Allele | Annotation | ...'"
 *      SnpEff EFF    "...Format: 'Effect ( Effect_Impact | ... [ | ERRORS ] )'"
 *      PAVE          "Transcript impact [Gene|GeneName|Transcript|...]"
 *      VEP           "... Format: Allele|Consequence|..." (any tag name; this is
 *                    how VEP text under INFO/ANN is told from SnpEff ANN)
 *    Field names are matched exactly (case-sensitive: VEP "Gene" is the gene
 *    id, bcftools "gene" is the symbol) against a const synonym table.
 *    Any field may be absent (index -1).
 * 2. Entries.  annot_parse() copies the value into the list's buffer (reused
 *    between calls, klib-style n/m sizes), splits it in place on ',' and each
 *    entry on '|'.  Rules:
 *      - empty entries are skipped ("", ".", ",,,,");
 *      - VEP/ANN/PAVE: a ','-chunk without any '|' continues the previous
 *        entry (plugins such as LoF write commas inside LoF_info);
 *      - EFF: "EFFECT(a|b|c)" becomes the fields EFFECT, a, b, c;
 *      - BCSQ: "@POS" is a back-reference to the record at POS (compound
 *        variant annotated there), kept as an entry with backref_pos set;
 *        a leading '*' on the consequence (downstream of a stop) is removed
 *        and flagged;
 *      - %XX escapes are decoded in every field (VEP writes p.Ser60%3D);
 *      - missing trailing fields read as "".
 * 3. Allele.  With an annot_allele_t, entries are kept for one ALT:
 *      - VEP ALLELE_NUM or EFF Genotype_Number, when numeric, decide;
 *      - otherwise the Allele text is compared under the first convention
 *        that explains every entry of the record: VEP (the first base is
 *        removed when REF and all ALTs share it, "-" when nothing is left),
 *        the VCF ALT as written (SnpEff), or the minimal allele (shared
 *        prefix and suffix with REF removed, "-" if empty).  SnpEff cancer
 *        entries "ALT-OTHER" (e.g. "G-C") never match;
 *      - BCSQ has no allele field: with one ALT every entry is kept, with
 *        several the dna_change ("25245350C>T", "a+b") must name the ALT;
 *      - without any allele information entries are kept with
 *        allele_matched = 0.
 * 4. Choice.  annot_choose() takes the entries of one gene (symbol match, or
 *    a known transcript of the gene) and prefers: MANE Select flag or the
 *    gene's model transcript of genes.tsv (genes_is_model_transcript, version
 *    ignored) > CANONICAL=YES > protein-coding
 *    biotype > anything; within a level VEP PICK=1 first, then file order.
 * 5. Protein names.  annot_protein_short() turns the annotator's protein
 *    string into p.G12D style (3-letter codes to 1-letter, Ter to '*',
 *    "=" for synonymous, '=' decoded from %3D, transcript prefix and
 *    parentheses removed).  Frameshifts keep the annotator's detail
 *    (p.Gly12AlafsTer5 -> p.G12Afs*5).
 *
 * Limits: values up to INT32_MAX bytes; entries are counted in int.  No
 * globals other than const tables; every allocation is checked.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_parse.h"
#include "cds_model.h"
#include "util.h"

#define set_err errbuf_printf

const char *annot_kind_name(annot_kind_t k)
{
    switch (k) {
    case ANNOT_VEP: return "VEP";
    case ANNOT_SNPEFF_ANN: return "SnpEff ANN";
    case ANNOT_SNPEFF_EFF: return "SnpEff EFF";
    case ANNOT_BCSQ: return "bcftools csq";
    case ANNOT_PAVE: return "PAVE";
    default: return "unknown";
    }
}

const char *annot_strerror(int code)
{
    switch (code) {
    case ANNOT_E_ARG: return "invalid argument";
    case ANNOT_E_NOMEM: return "out of memory";
    case ANNOT_E_FORMAT: return "annotation header description not recognised";
    case ANNOT_E_TOOBIG: return "value too large";
    default: return code < 0 ? "error" : "ok";
    }
}

/* ------------------------------------------------------------------ format */

void annot_format_init(annot_format_t *fmt)
{
    if (!fmt) return;
    fmt->kind = ANNOT_UNKNOWN;
    fmt->n_fields = 0;
    fmt->i_allele = fmt->i_consequence = fmt->i_impact = fmt->i_symbol = fmt->i_gene = -1;
    fmt->i_feature = fmt->i_biotype = fmt->i_hgvsc = fmt->i_hgvsp = fmt->i_codons = -1;
    fmt->i_amino_acids = fmt->i_protein_position = fmt->i_canonical = fmt->i_mane_select = -1;
    fmt->i_mane = fmt->i_pick = fmt->i_allele_num = fmt->i_strand = fmt->i_dna_change = -1;
}

/* synonyms: field name -> slot */
enum { S_ALLELE, S_CSQ, S_IMPACT, S_SYMBOL, S_GENE, S_FEATURE, S_BIOTYPE, S_HGVSC, S_HGVSP, S_CODONS,
       S_AA, S_PROTPOS, S_CANON, S_MANESEL, S_MANE, S_PICK, S_ALLELENUM, S_STRAND, S_DNA };

static const struct { const char *name; int slot; } field_names[] = {
    { "Allele", S_ALLELE },
    { "Consequence", S_CSQ }, { "Annotation", S_CSQ }, { "Effect", S_CSQ }, { "Effects", S_CSQ },
    { "IMPACT", S_IMPACT }, { "Annotation_Impact", S_IMPACT }, { "Effect_Impact", S_IMPACT },
    { "SYMBOL", S_SYMBOL }, { "Gene_Name", S_SYMBOL }, { "gene", S_SYMBOL }, { "GeneName", S_SYMBOL },
    { "Gene", S_GENE }, { "Gene_ID", S_GENE },
    { "Feature", S_FEATURE }, { "Feature_ID", S_FEATURE }, { "transcript", S_FEATURE },
    { "Transcript_ID", S_FEATURE }, { "Transcript", S_FEATURE },
    { "BIOTYPE", S_BIOTYPE }, { "Transcript_BioType", S_BIOTYPE }, { "biotype", S_BIOTYPE }, { "Gene_BioType", S_BIOTYPE },
    { "HGVSc", S_HGVSC }, { "HGVS.c", S_HGVSC },
    { "HGVSp", S_HGVSP }, { "HGVS.p", S_HGVSP }, { "Amino_Acid_Change", S_HGVSP }, { "Amino_Acid_change", S_HGVSP },
    { "amino_acid_change", S_HGVSP },
    { "Codons", S_CODONS }, { "Codon_Change", S_CODONS },
    { "Amino_acids", S_AA }, { "Protein_position", S_PROTPOS },
    { "CANONICAL", S_CANON }, { "MANE_SELECT", S_MANESEL }, { "MANE", S_MANE }, { "PICK", S_PICK },
    { "ALLELE_NUM", S_ALLELENUM }, { "Genotype_Number", S_ALLELENUM }, { "Genotype", S_ALLELENUM },
    { "STRAND", S_STRAND }, { "strand", S_STRAND }, { "dna_change", S_DNA },
};

static int *slot_ptr(annot_format_t *f, int slot)
{
    switch (slot) {
    case S_ALLELE: return &f->i_allele;
    case S_CSQ: return &f->i_consequence;
    case S_IMPACT: return &f->i_impact;
    case S_SYMBOL: return &f->i_symbol;
    case S_GENE: return &f->i_gene;
    case S_FEATURE: return &f->i_feature;
    case S_BIOTYPE: return &f->i_biotype;
    case S_HGVSC: return &f->i_hgvsc;
    case S_HGVSP: return &f->i_hgvsp;
    case S_CODONS: return &f->i_codons;
    case S_AA: return &f->i_amino_acids;
    case S_PROTPOS: return &f->i_protein_position;
    case S_CANON: return &f->i_canonical;
    case S_MANESEL: return &f->i_mane_select;
    case S_MANE: return &f->i_mane;
    case S_PICK: return &f->i_pick;
    case S_ALLELENUM: return &f->i_allele_num;
    case S_STRAND: return &f->i_strand;
    default: return &f->i_dna_change;
    }
}

static int is_trim(char c) { return c == ' ' || c == '\t' || c == '\'' || c == '"' || c == '[' || c == ']'; }

/* assign names in [s, e) separated by '|' to fmt; first occurrence wins */
static void assign_fields(annot_format_t *fmt, const char *s, const char *e, int first_index)
{
    int idx = first_index;
    while (s <= e) {
        const char *bar = memchr(s, '|', (size_t)(e - s));
        const char *fe = bar ? bar : e;
        const char *a = s, *b = fe;
        while (a < b && is_trim(*a)) a++;
        while (b > a && is_trim(b[-1])) b--;
        if (a == b && !bar) break;   /* empty last token: "Format:", trailing '|' or "[ | ERRORS ]" leftovers */
        for (size_t i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++) {
            size_t ln = strlen(field_names[i].name);
            if ((size_t)(b - a) == ln && !memcmp(a, field_names[i].name, ln)) {
                int *p = slot_ptr(fmt, field_names[i].slot);
                if (*p < 0) *p = idx;
                break;
            }
        }
        idx++;
        if (!bar) break;
        s = bar + 1;
    }
    fmt->n_fields = idx;
}

/* end of a quoted/unquoted description field list: stop at '"' or '>' */
static const char *list_end(const char *s)
{
    const char *e = s;
    while (*e && *e != '"' && *e != '\n') e++;
    if (e > s && e[-1] == '>') e--;
    return e;
}

int annot_format_parse(const char *d, annot_format_t *fmt)
{
    if (!d || !fmt) return ANNOT_E_ARG;
    annot_format_init(fmt);
    const char *p, *e;
    if (strstr(d, "BCFtools/csq") || strstr(d, "bcftools/csq") || strstr(d, "Consequence|gene|transcript")) {
        fmt->kind = ANNOT_BCSQ;
        p = strstr(d, "Format:");
        p = p ? p + 7 : strstr(d, "Consequence|gene");
        if (!p) goto unknown;
        assign_fields(fmt, p, list_end(p), 0);
    } else if (strstr(d, "Functional annotations") || strstr(d, "Allele | Annotation")) {
        fmt->kind = ANNOT_SNPEFF_ANN;
        p = strchr(d, '\'');
        if (p) { p++; e = strchr(p, '\''); if (!e) e = list_end(p); }
        else { p = strchr(d, ':'); if (!p) goto unknown; p++; e = list_end(p); }
        assign_fields(fmt, p, e, 0);
    } else if ((p = strstr(d, "Effect (")) || (p = strstr(d, "Effect("))) {
        fmt->kind = ANNOT_SNPEFF_EFF;
        const char *o = strchr(p, '(');
        e = strrchr(o, ')');
        if (!e) e = list_end(o + 1);
        fmt->i_consequence = 0;
        assign_fields(fmt, o + 1, e, 1);
    } else if ((p = strstr(d, "Transcript impact ["))) {
        fmt->kind = ANNOT_PAVE;
        p = strchr(p, '[') + 1;
        e = strchr(p, ']');
        if (!e) e = list_end(p);
        assign_fields(fmt, p, e, 0);
    } else if ((p = strstr(d, "Format:")) || (p = strstr(d, "format:"))) {
        fmt->kind = ANNOT_VEP;
        p += 7;
        while (*p == ' ' || *p == '\'') p++;
        e = list_end(p);
        while (e > p && (e[-1] == ' ' || e[-1] == '\'')) e--;
        assign_fields(fmt, p, e, 0);
    } else if (strchr(d, '|') && !strchr(d, ' ')) {
        fmt->kind = ANNOT_VEP;          /* a bare VEP field list "Allele|Consequence|..." */
        assign_fields(fmt, d, d + strlen(d), 0);
    } else goto unknown;
    if (fmt->n_fields < 1) goto unknown;
    return 0;
unknown:
    annot_format_init(fmt);
    return ANNOT_E_FORMAT;
}

int annot_format_default(annot_kind_t kind, annot_format_t *fmt)
{
    static const char *const desc[] = {
        [ANNOT_VEP] = "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|"
                      "Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|"
                      "Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS",
        [ANNOT_SNPEFF_ANN] = "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | "
                             "Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | "
                             "CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO'",
        [ANNOT_SNPEFF_EFF] = "Predicted effects for this variant.Format: 'Effect ( Effect_Impact | Functional_Class | "
                             "Codon_Change | Amino_Acid_Change| Amino_Acid_length | Gene_Name | Transcript_BioType | "
                             "Gene_Coding | Transcript_ID | Exon_Rank  | Genotype_Number [ | ERRORS | WARNINGS ] )'",
        [ANNOT_BCSQ] = "Local consequence annotation from BCFtools/csq. Format: "
                       "Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change",
        [ANNOT_PAVE] = "Transcript impact [Gene|GeneName|Transcript|Effects|SpliceRegion|HGVS.c|HGVS.p]",
    };
    if (!fmt || kind <= ANNOT_UNKNOWN || kind > ANNOT_PAVE) return ANNOT_E_ARG;
    return annot_format_parse(desc[kind], fmt);
}

/* ------------------------------------------------------------------- lists */

void annot_list_init(annot_list_t *l)
{
    if (l) memset(l, 0, sizeof(*l));
}

void annot_list_destroy(annot_list_t *l)
{
    if (!l) return;
    free(l->a);
    free(l->buf);
    free(l->f);
    memset(l, 0, sizeof(*l));
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void annot_url_decode(char *s)
{
    if (!s) return;
    char *w = s;
    for (char *r = s; *r; ) {
        int h, l;
        if (r[0] == '%' && (h = hexval(r[1])) >= 0 && (l = hexval(r[2])) >= 0 && (h || l)) {
            *w++ = (char)(h * 16 + l);
            r += 3;
        } else *w++ = *r++;
    }
    *w = 0;
}

static int add_entry(annot_list_t *l, annot_entry_t **e)
{
    if (l->n == l->m) {
        if (l->m > INT32_MAX / 2 - 8) return ANNOT_E_TOOBIG;
        int nm = l->m ? l->m * 2 : 16;
        annot_entry_t *a = realloc(l->a, (size_t)nm * sizeof(*a));
        if (!a) return ANNOT_E_NOMEM;
        l->a = a;
        l->m = nm;
    }
    *e = &l->a[l->n++];
    memset(*e, 0, sizeof(**e));
    return 0;
}

static int parse_small_int(const char *s, int *out)
{
    if (!*s) return -1;
    long v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > 100000000) return -1;
        v = v * 10 + (*s - '0');
    }
    *out = (int)v;
    return 0;
}

/* split one entry (NUL-terminated) on '|' into l->f; fields beyond the end are "" */
static int split_entry(annot_list_t *l, char *s, int want)
{
    if (want < 1) want = 1;
    if (want > l->m_f) {
        char **f = realloc(l->f, (size_t)want * sizeof(char *));
        if (!f) return ANNOT_E_NOMEM;
        l->f = f;
        l->m_f = want;
    }
    int n = 0;
    for (;;) {
        char *bar = strchr(s, '|');
        if (bar) *bar = 0;
        if (n < want) l->f[n++] = s;
        if (!bar) break;
        s = bar + 1;
    }
    char *end = s + strlen(s);              /* an empty string inside the buffer */
    for (int i = n; i < want; i++) l->f[i] = end;
    l->n_f = want;
    for (int i = 0; i < n; i++) annot_url_decode(l->f[i]);
    return 0;
}

static const char *fld(const annot_list_t *l, int i) { return i >= 0 && i < l->n_f ? l->f[i] : ""; }

/* -------------------------------------------------------------- alleles */

enum { CONV_VEP, CONV_EXACT, CONV_MIN, N_CONV };

/* allele j written in convention c into buf (size bsz); returns buf or NULL */
static const char *allele_form(const annot_allele_t *al, int j, int c, char *buf, size_t bsz)
{
    const char *alt = al->alts[j], *ref = al->ref ? al->ref : "";
    size_t la = strlen(alt), lr = strlen(ref);
    if (c == CONV_EXACT) return alt;
    if (c == CONV_VEP) {
        int shared = lr > 0;
        for (int k = 0; k < al->n_alt && shared; k++)
            if (!al->alts[k] || !al->alts[k][0] || toupper((unsigned char)al->alts[k][0]) != toupper((unsigned char)ref[0]))
                shared = 0;
        if (!shared) return alt;
        if (la <= 1) return "-";
        return alt + 1;
    }
    /* minimal: drop shared suffix then prefix */
    size_t a0 = 0, a1 = la, r1 = lr;
    while (a1 > a0 && r1 > 0 && toupper((unsigned char)alt[a1 - 1]) == toupper((unsigned char)ref[r1 - 1])) a1--, r1--;
    while (a0 < a1 && a0 < r1 && toupper((unsigned char)alt[a0]) == toupper((unsigned char)ref[a0])) a0++;
    if (a1 == a0) return "-";
    if (a1 - a0 + 1 > bsz) return NULL;
    memcpy(buf, alt + a0, a1 - a0);
    buf[a1 - a0] = 0;
    return buf;
}

static int same_allele(const char *a, const char *b)
{
    if (!a || !b) return 0;
    while (*a && *b && toupper((unsigned char)*a) == toupper((unsigned char)*b)) a++, b++;
    return !*a && !*b;
}

/* SnpEff cancer comparison "ALT-OTHER" */
static int is_derived_allele(const char *a) { return strlen(a) > 1 && strchr(a, '-') != NULL; }

/* keep entries of the requested allele (entries have allele text in ->allele) */
static void filter_by_allele_text(annot_list_t *l, const annot_allele_t *al, int *keep)
{
    char b1[256], b2[256];
    int conv = -1;
    for (int c = 0; c < N_CONV && conv < 0; c++) {
        int ok = 1, any = 0;
        for (int i = 0; i < l->n && ok; i++) {
            const annot_entry_t *e = &l->a[i];
            if (keep[i] >= 0 || !e->allele[0] || is_derived_allele(e->allele)) continue;
            int hit = 0;
            for (int j = 0; j < al->n_alt && !hit; j++) {
                const char *f = allele_form(al, j, c, b1, sizeof(b1));
                if (f && same_allele(f, e->allele)) hit = 1;
            }
            if (!hit) ok = 0; else any = 1;
        }
        if (ok && any) conv = c;
    }
    for (int i = 0; i < l->n; i++) {
        if (keep[i] >= 0) continue;
        const annot_entry_t *e = &l->a[i];
        if (!e->allele[0]) { keep[i] = 2; continue; }   /* no allele text: keep, unmatched */
        int hit = 0;
        if (conv >= 0) {
            const char *f = allele_form(al, al->ialt, conv, b2, sizeof(b2));
            hit = f && same_allele(f, e->allele);
        } else {
            /* no convention explains the whole record: accept a form of this ALT
             * only if no other ALT has the same form */
            for (int c = 0; c < N_CONV && !hit; c++) {
                const char *f = allele_form(al, al->ialt, c, b2, sizeof(b2));
                if (!f || !same_allele(f, e->allele)) continue;
                hit = 1;
                for (int j = 0; j < al->n_alt; j++) {
                    if (j == al->ialt) continue;
                    const char *g = allele_form(al, j, c, b1, sizeof(b1));
                    if (g && same_allele(g, e->allele)) hit = 0;
                }
            }
        }
        keep[i] = hit;
    }
}

/* BCSQ: does dna_change ("pos REF>ALT" parts joined by '+') name this ALT? */
static int bcsq_names_alt(const char *dna, const char *alt)
{
    const char *p = dna;
    while (*p) {
        const char *e = strchr(p, '+');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        const char *gt = memchr(p, '>', l);
        if (gt) {
            size_t la = l - (size_t)(gt + 1 - p);
            if (la == strlen(alt)) {
                size_t k = 0;
                while (k < la && toupper((unsigned char)gt[1 + k]) == toupper((unsigned char)alt[k])) k++;
                if (k == la) return 1;
            }
        }
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

/* -------------------------------------------------------------- parsing */

static int parse_i64(const char *s, int64_t *out)
{
    if (!isdigit((unsigned char)*s)) return -1;
    int64_t v = 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > (INT64_MAX - 9) / 10) return -1;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return 0;
}

static int contains_ci(const char *s, const char *w)
{
    size_t lw = strlen(w);
    for (; *s; s++) {
        size_t k = 0;
        while (k < lw && s[k] && tolower((unsigned char)s[k]) == tolower((unsigned char)w[k])) k++;
        if (k == lw) return 1;
    }
    return 0;
}

int annot_parse(const annot_format_t *fmt, const char *value, const annot_allele_t *al,
                annot_list_t *out, char *err, size_t errlen)
{
    int ret = 0;
    int *keep = NULL;
    if (!fmt || !value || !out) { set_err(err, errlen, "annot_parse: NULL argument"); return ANNOT_E_ARG; }
    if (fmt->kind == ANNOT_UNKNOWN) { set_err(err, errlen, "annot_parse: unknown annotation format"); return ANNOT_E_FORMAT; }
    if (al && al->ialt >= 0 && (!al->alts || al->ialt >= al->n_alt || !al->alts[al->ialt])) {
        set_err(err, errlen, "annot_parse: ALT index %d out of range (%d ALT alleles)", al->ialt, al->n_alt);
        return ANNOT_E_ARG;
    }
    if (al && al->ialt >= 0)
        for (int j = 0; j < al->n_alt; j++)
            if (!al->alts[j]) { set_err(err, errlen, "annot_parse: ALT %d is NULL", j); return ANNOT_E_ARG; }
    out->n = 0;
    size_t len = strlen(value);
    if (len >= (size_t)INT32_MAX) { set_err(err, errlen, "annot_parse: value too large"); return ANNOT_E_TOOBIG; }
    if (len + 1 > out->m_buf) {
        char *b = realloc(out->buf, len + 1);
        if (!b) { set_err(err, errlen, "annot_parse: out of memory"); return ANNOT_E_NOMEM; }
        out->buf = b;
        out->m_buf = len + 1;
    }
    memcpy(out->buf, value, len + 1);
    out->l_buf = len;
    if (!strcmp(out->buf, ".")) return 0;

    /* 1. cut entries on ',', merging pipe-less continuation chunks */
    int merge_ok = fmt->n_fields > 1 && (fmt->kind == ANNOT_VEP || fmt->kind == ANNOT_SNPEFF_ANN || fmt->kind == ANNOT_PAVE);
    char *s = out->buf;
    char *prev_end = NULL;        /* NUL that ended the previous entry, to restore a ',' */
    int n_chunks = 0;
    char **starts = NULL;
    int m_starts = 0;
    while (s) {
        char *c = strchr(s, ',');
        if (c) *c = 0;
        if (*s) {
            if (merge_ok && n_chunks && !strchr(s, '|') && prev_end) {
                /* continuation of the previous entry's last field: restore the commas */
                for (char *q = prev_end; q < s; q++) if (!*q) *q = ',';
            } else {
                if (n_chunks == m_starts) {
                    int nm = m_starts ? m_starts * 2 : 16;
                    char **t = realloc(starts, (size_t)nm * sizeof(char *));
                    if (!t) { ret = ANNOT_E_NOMEM; goto cleanup; }
                    starts = t;
                    m_starts = nm;
                }
                starts[n_chunks++] = s;
            }
            prev_end = c;
        }
        s = c ? c + 1 : NULL;
    }

    /* 2. fields of each entry */
    int want = fmt->n_fields > 0 ? fmt->n_fields : 1;
    for (int k = 0; k < n_chunks; k++) {
        char *ent = starts[k];
        annot_entry_t *e;
        if ((ret = add_entry(out, &e)) < 0) goto cleanup;
        e->allele_num = -1;
        if (fmt->kind == ANNOT_BCSQ && ent[0] == '@') {
            int64_t p;
            if (parse_i64(ent + 1, &p) == 0 && p > 0) {
                e->backref_pos = p;
                e->allele = e->consequence = e->impact = e->symbol = e->gene_id = e->transcript = e->biotype = "";
                e->hgvsc = e->hgvsp = e->codons = e->amino_acids = e->protein_position = e->dna_change = e->strand = "";
                continue;
            }
        }
        if (fmt->kind == ANNOT_SNPEFF_EFF) {
            char *o = strchr(ent, '(');
            if (o) {
                *o = '|';
                char *cl = strrchr(o, ')');
                if (cl) *cl = 0;
            }
        }
        if ((ret = split_entry(out, ent, want)) < 0) goto cleanup;
        e->allele = fld(out, fmt->i_allele);
        e->consequence = fld(out, fmt->i_consequence);
        e->impact = fld(out, fmt->i_impact);
        e->symbol = fld(out, fmt->i_symbol);
        e->gene_id = fld(out, fmt->i_gene);
        e->transcript = fld(out, fmt->i_feature);
        e->biotype = fld(out, fmt->i_biotype);
        e->hgvsc = fld(out, fmt->i_hgvsc);
        e->hgvsp = fld(out, fmt->i_hgvsp);
        e->codons = fld(out, fmt->i_codons);
        e->amino_acids = fld(out, fmt->i_amino_acids);
        e->protein_position = fld(out, fmt->i_protein_position);
        e->dna_change = fld(out, fmt->i_dna_change);
        e->strand = fld(out, fmt->i_strand);
        if (fmt->kind == ANNOT_BCSQ && e->consequence[0] == '*') { e->consequence++; e->downstream_of_stop = 1; }
        e->canonical = !strcmp(fld(out, fmt->i_canonical), "YES");
        e->mane_select = fld(out, fmt->i_mane_select)[0] != 0 || contains_ci(fld(out, fmt->i_mane), "select");
        e->pick = !strcmp(fld(out, fmt->i_pick), "1");
        int an;
        if (parse_small_int(fld(out, fmt->i_allele_num), &an) == 0) e->allele_num = an;
        if (fmt->kind == ANNOT_SNPEFF_EFF && fmt->i_allele_num >= 0 && e->allele_num < 0)
            e->allele = fld(out, fmt->i_allele_num);   /* EFF genotype written as the allele ("G", "G-C") */
    }

    /* 3. allele selection */
    if (!al || al->ialt < 0) {
        for (int i = 0; i < out->n; i++) out->a[i].allele_matched = 0;
        ret = out->n;
        goto cleanup;
    }
    if (out->n && !(keep = malloc((size_t)out->n * sizeof(int)))) { ret = ANNOT_E_NOMEM; goto cleanup; }
    int need_text = 0;
    for (int i = 0; i < out->n; i++) {
        annot_entry_t *e = &out->a[i];
        keep[i] = -1;
        if (e->backref_pos) { keep[i] = 2; continue; }
        if (fmt->kind == ANNOT_BCSQ) {
            if (al->n_alt <= 1 || !e->dna_change[0]) keep[i] = al->n_alt <= 1 ? 1 : 2;
            else keep[i] = bcsq_names_alt(e->dna_change, al->alts[al->ialt]);
            continue;
        }
        if (e->allele_num >= 0) { keep[i] = e->allele_num == al->ialt + 1; continue; }
        if (fmt->i_allele < 0 && !(fmt->kind == ANNOT_SNPEFF_EFF && fmt->i_allele_num >= 0)) { keep[i] = 2; continue; }
        need_text = 1;
    }
    if (need_text) filter_by_allele_text(out, al, keep);
    int w = 0;
    for (int i = 0; i < out->n; i++) {
        if (!keep[i]) continue;
        out->a[i].allele_matched = keep[i] == 1;
        if (w != i) out->a[w] = out->a[i];
        w++;
    }
    out->n = w;
    ret = w;
cleanup:
    free(starts);
    free(keep);
    if (ret < 0) {
        out->n = 0;
        set_err(err, errlen, "annot_parse: %s", annot_strerror(ret));
    }
    return ret;
}

/* ---------------------------------------------------------------- choose */

static int same_symbol(const char *a, const char *b)
{
    while (*a && *b && toupper((unsigned char)*a) == toupper((unsigned char)*b)) a++, b++;
    return !*a && !*b;
}

int annot_choose(const annot_list_t *l, const gene_table_t *genes, const char *gene, annot_choice_t *why)
{
    int best = -1, best_score = -1;
    if (why) *why = ANNOT_CHOSE_NONE;
    if (!l || !gene || !*gene) return -1;
    for (int i = 0; i < l->n; i++) {
        const annot_entry_t *e = &l->a[i];
        if (e->backref_pos) continue;
        int known_tx = genes_is_model_transcript(genes, gene, e->transcript);
        if (!same_symbol(e->symbol, gene) && !(known_tx && !e->symbol[0])) continue;
        int level = (e->mane_select || known_tx) ? 3 : e->canonical ? 2 :
                    (same_symbol(e->biotype, "protein_coding") || same_symbol(e->biotype, "Coding")) ? 1 : 0;
        int score = level * 2 + (e->pick ? 1 : 0);
        if (score > best_score) { best = i; best_score = score; }
    }
    if (best >= 0 && why) {
        int level = best_score / 2;
        *why = level == 3 ? ANNOT_CHOSE_MANE : level == 2 ? ANNOT_CHOSE_CANONICAL :
               level == 1 ? ANNOT_CHOSE_PROTEIN_CODING : ANNOT_CHOSE_FIRST;
    }
    return best;
}

/* ------------------------------------------------------------ protein names */

static int is_aa1(char c) { return (c >= 'A' && c <= 'Z') || c == '*'; }

int annot_has_term(const char *csq, const char *term)
{
    if (!csq || !term || !*term) return 0;
    size_t lt = strlen(term);
    const char *p = csq;
    while (*p) {
        size_t l = strcspn(p, "&,");
        if (l == lt && !strncmp(p, term, lt)) return 1;
        p += l;
        if (*p) p++;
    }
    return 0;
}

/* write s into out (NUL-terminated) or fail */
static int put(char *out, size_t outlen, const char *s)
{
    size_t l = strlen(s);
    if (l + 1 > outlen) { if (outlen) out[0] = 0; return ANNOT_E_TOOBIG; }
    memcpy(out, s, l + 1);
    return 0;
}

int annot_protein_short(const char *in, char *out, size_t outlen)
{
    int ret = 0;
    char *t = NULL, *r = NULL;
    if (!in || !out || !outlen) return ANNOT_E_ARG;
    size_t li = strlen(in);
    if (!li) { out[0] = 0; return 1; }
    if (!(t = malloc(li + 1)) || !(r = malloc(li + 4))) { ret = ANNOT_E_NOMEM; goto cleanup; }
    memcpy(t, in, li + 1);
    annot_url_decode(t);
    char *s = t;
    char *pp = strstr(s, ":p.");
    if (pp) s = pp + 1;
    char *slash = strchr(s, '/');            /* EFF -hgvs: "p.Gly12Asp/c.35G>A" */
    if (slash) *slash = 0;
    int had_p = !strncmp(s, "p.", 2);
    if (had_p) s += 2;
    if (*s == '(') {                         /* p.(Gly12Asp) */
        s++;
        size_t l = strlen(s);
        if (l && s[l - 1] == ')') s[l - 1] = 0;
    }
    if (!*s) { ret = 1; goto passthru; }

    /* bcftools csq: "12G>12D", "210S>210*", "60S" */
    if (!had_p && isdigit((unsigned char)s[0])) {
        char *q = s;
        long p1 = strtol(q, &q, 10);
        if (is_aa1(*q) && (q[1] == 0 || q[1] == '>')) {
            char a1 = *q, a2 = a1;
            q++;
            if (*q == '>') {
                q++;
                if (isdigit((unsigned char)*q) && strtol(q, &q, 10) != p1) { ret = 1; goto passthru; }
                if (!is_aa1(q[0]) || q[1]) { ret = 1; goto passthru; }
                a2 = q[0];
            }
            char buf[64];
            if (a1 == a2) snprintf(buf, sizeof(buf), "p.%c%ld=", a1, p1);
            else snprintf(buf, sizeof(buf), "p.%c%ld%c", a1, p1, a2);
            ret = put(out, outlen, buf);
            goto cleanup;
        }
        ret = 1;
        goto passthru;
    }

    /* general: 3-letter codes to 1-letter, keep everything else; r holds
     * "p." + at most li characters + a possible "=" + NUL = li + 4 bytes */
    size_t w = 0;
    r[w++] = 'p'; r[w++] = '.';
    for (size_t i = 0; s[i]; ) {
        char one = 0;
        if (isupper((unsigned char)s[i]) && islower((unsigned char)s[i + 1]) && s[i + 1] && islower((unsigned char)s[i + 2]) &&
            (one = cds_aa1(s + i)) != 0) {
            r[w++] = one;
            i += 3;
        } else r[w++] = s[i++];
    }
    r[w] = 0;
    /* sanity: must look like a protein change: start with a residue (or '=' / '?') */
    if (!(is_aa1(r[2]) || r[2] == '=' || r[2] == '?' || r[2] == '0')) { ret = 1; goto passthru; }
    /* X12X / X12 -> X12= */
    {
        size_t k = 3;
        while (isdigit((unsigned char)r[k])) k++;
        if (k > 3 && is_aa1(r[2])) {
            if (r[k] == 0 && !had_p) { r[k] = '='; r[k + 1] = 0; }
            else if (r[k] == r[2] && r[k + 1] == 0) r[k] = '=';
        }
    }
    ret = put(out, outlen, r);
    goto cleanup;
passthru:
    if (put(out, outlen, in) < 0) ret = ANNOT_E_TOOBIG;
cleanup:
    free(t);
    free(r);
    return ret;
}
