/*
 * annot_format.c - read an annotation's INFO header Description into field
 * indices (annot_format_t), and the standard layouts of each annotator.
 *
 * Design
 * ------
 * annot_format_parse() reads the INFO header Description and
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
 *    annot_format_default() gives the standard layout of a kind, for files
 *    without a usable header line.  The entries themselves are annot_parse.c.
 */
#include <string.h>

#include "annot_parse.h"

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
