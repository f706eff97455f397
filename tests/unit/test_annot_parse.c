/*
 * test_annot_parse.c - unit tests for src/annot_parse.c.
 *
 * Build and run: make unit && build/test_annot_parse
 *
 * The header descriptions and INFO values below are copied verbatim from the
 * files under /work/shared/testdata named in the comment above each one
 * (long values cut to their first entries where noted).  Strings marked
 * "synthetic" were written for these tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_parse.h"
#include "embedded.h"

static gene_table_t GENES;   /* genes.tsv: the model transcripts */

static int n_pass, n_fail;

#define CHECK(cond, ...) do { \
    if (cond) n_pass++; \
    else { n_fail++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

/* ------------------------------------------------------------ real strings */

/* bcftools_tests/split-vep.vcf (##INFO CSQ Description) */
static const char VEP_DESC_SPLITVEP[] =
    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|B"
    "IOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variati"
    "on|ALLELE_NUM|DISTANCE|STRAND|FLAGS|VARIANT_CLASS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|TSL|APPRIS|CCDS|ENSP|SWISSPR"
    "OT|TREMBL|UNIPARC|SOURCE|GENE_PHENO|SIFT|PolyPhen|DOMAINS|miRNA|HGVS_OFFSET|AF|AFR_AF|AMR_AF|EAS_AF|EUR_AF|SAS"
    "_AF|AA_AF|EA_AF|gnomAD_AF|gnomAD_AFR_AF|gnomAD_AMR_AF|gnomAD_ASJ_AF|gnomAD_EAS_AF|gnomAD_FIN_AF|gnomAD_NFE_AF|"
    "gnomAD_OTH_AF|gnomAD_SAS_AF|MAX_AF|MAX_AF_POPS|CLIN_SIG|SOMATIC|PHENO|PUBMED|MOTIF_NAME|MOTIF_POS|HIGH_INF_POS"
    "|MOTIF_SCORE_CHANGE|LoF|LoF_filter|LoF_flags|LoF_info|CADD_PHRED|CADD_RAW|gnomAD2.1|gnomAD2.1_AF_raw|gnomAD2.1"
    "_AF_popmax|gnomAD2.1_AF_afr|gnomAD2.1_AF_amr|gnomAD2.1_AF_asj|gnomAD2.1_AF_eas|gnomAD2.1_AF_fin|gnomAD2.1_AF_n"
    "fe|gnomAD2.1_AF_oth|gnomAD2.1_AF_sas";

/* bcftools_tests/split-vep.vcf 1:69270 A>G INFO/CSQ */
static const char VEP_SYN_69270[] =
    "G|synonymous_variant|LOW|OR4F5|ENSG00000186092|Transcript|ENST00000335137|protein_coding|1/1||ENST00000335137."
    "3:c.180A>G|ENSP00000334393.3:p.Ser60%3D|180|180|60|S|tcA/tcG|rs201219564|1||1||SNV|HGNC|14825|YES|||CCDS30547."
    "1|ENSP00000334393|Q8NH21||UPI0000041BC1|||||hmmpanther:PTHR26451&hmmpanther:PTHR26451:SF72&Gene3D:1.20.1070.10"
    "&Superfamily_domains:SSF81321&Low_complexity_(Seg):seg&Transmembrane_helices:TMhelix&Prints_domain:PR00237&PRO"
    "SITE_profiles:PS50262|||||||||||0.8327|0.3603|0.7916|0.8434|0.9983|0.877|0.9112|0.8481|0.9018|0.9983|gnomAD_EA"
    "S|||||||||||||||rs201219564|7.81540e-01|9.98354e-01|3.59079e-01|7.93243e-01|8.48238e-01|9.98354e-01|8.82051e-0"
    "1|9.14571e-01|8.68043e-01|9.00541e-01,G|regulatory_region_variant|MODIFIER|||RegulatoryFeature|ENSR00000000012"
    "|open_chromatin_region||||||||||rs201219564|1||||SNV||||||||||||||||||||||||||0.8327|0.3603|0.7916|0.8434|0.99"
    "83|0.877|0.9112|0.8481|0.9018|0.9983|gnomAD_EAS|||||||||||||||rs201219564|7.81540e-01|9.98354e-01|3.59079e-01|"
    "7.93243e-01|8.48238e-01|9.98354e-01|8.82051e-01|9.14571e-01|8.68043e-01|9.00541e-01";

/* bcftools_tests/split-vep.vcf 1:14976 G>A,C INFO/CSQ */
static const char VEP_MULTI_14976[] =
    "A|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000423562|unprocessed_ps"
    "eudogene|9/10||ENST00000423562.1:n.1196C>T||1196|||||rs71252251|1||-1||SNV|HGNC|38034|||||||||||||||||||||||||"
    "||||||||||||||||||||||||||||||||||,C|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transc"
    "ript|ENST00000423562|unprocessed_pseudogene|9/10||ENST00000423562.1:n.1196C>G||1196||||||2||-1||SNV|HGNC|38034"
    "|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,A|non_coding_transcript_exon_variant|MODIFIER|WASH"
    "7P|ENSG00000227232|Transcript|ENST00000438504|unprocessed_pseudogene|11/12||ENST00000438504.2:n.1310C>T||1310|"
    "||||rs71252251|1||-1||SNV|HGNC|38034|YES||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,C|non_codin"
    "g_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000438504|unprocessed_pseudogene|11"
    "/12||ENST00000438504.2:n.1310C>G||1310||||||2||-1||SNV|HGNC|38034|YES|||||||||||||||||||||||||||||||||||||||||"
    "|||||||||||||||||,A|downstream_gene_variant|MODIFIER|DDX11L1|ENSG00000223972|Transcript|ENST00000456328|proces"
    "sed_transcript||||||||||rs71252251|1|567|1||SNV|HGNC|37102|YES||||||||||||||||||||||||||||||||||||||||||||||||"
    "||||||||||,C|downstream_gene_variant|MODIFIER|DDX11L1|ENSG00000223972|Transcript|ENST00000456328|processed_tra"
    "nscript|||||||||||2|567|1||SNV|HGNC|37102|YES||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,A|intr"
    "on_variant&non_coding_transcript_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000488147|unprocesse"
    "d_pseudogene||10/10|ENST00000488147.1:n.1253+29C>T|||||||rs71252251|1||-1||SNV|HGNC|38034|||||||||||||||||||||"
    "||||||||||||||||||||||||||||||||||||||,C|intron_variant&non_coding_transcript_variant|MODIFIER|WASH7P|ENSG0000"
    "0227232|Transcript|ENST00000488147|unprocessed_pseudogene||10/10|ENST00000488147.1:n.1253+29C>G||||||||2||-1||"
    "SNV|HGNC|38034|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,A|intron_variant&non_coding_transcri"
    "pt_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000538476|unprocessed_pseudogene||12/12|ENST000005"
    "38476.1:n.1491+24C>T|||||||rs71252251|1||-1||SNV|HGNC|38034|||||||||||||||||||||||||||||||||||||||||||||||||||"
    "||||||||,C|intron_variant&non_coding_transcript_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST0000053"
    "8476|unprocessed_pseudogene||12/12|ENST00000538476.1:n.1491+24C>G||||||||2||-1||SNV|HGNC|38034||||||||||||||||"
    "|||||||||||||||||||||||||||||||||||||||||||,A|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG000002272"
    "32|Transcript|ENST00000541675|unprocessed_pseudogene|8/9||ENST00000541675.1:n.943C>T||943|||||rs71252251|1||-1"
    "||SNV|HGNC|38034|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,C|non_coding_transcript_exon_varia"
    "nt|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000541675|unprocessed_pseudogene|8/9||ENST00000541675.1:n."
    "943C>G||943||||||2||-1||SNV|HGNC|38034|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||";

/* bcftools_tests/split-vep.vcf 1:17289 CCT>C INFO/CSQ */
static const char VEP_DEL_17289[] =
    "-|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000423562|unprocessed_ps"
    "eudogene|5/10||ENST00000423562.1:n.566_567del||566-567||||||1||-1||deletion|HGNC|38034||||||||||||||||||||||||"
    "|||||||||||||||||||||||||||||||||||,-|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Trans"
    "cript|ENST00000438504|unprocessed_pseudogene|6/12||ENST00000438504.2:n.678_679del||678-679||||||1||-1||deletio"
    "n|HGNC|38034|YES||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,-|downstream_gene_variant|MODIFIER|"
    "DDX11L1|ENSG00000223972|Transcript|ENST00000456328|processed_transcript|||||||||||1|2881|1||deletion|HGNC|3710"
    "2|YES||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,-|non_coding_transcript_exon_variant|MODIFIER|"
    "WASH7P|ENSG00000227232|Transcript|ENST00000488147|unprocessed_pseudogene|6/11||ENST00000488147.1:n.652_653del|"
    "|652-653||||||1||-1||deletion|HGNC|38034|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||,-|non_codi"
    "ng_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST00000538476|unprocessed_pseudogene|6"
    "/13||ENST00000538476.1:n.889_890del||889-890||||||1||-1||deletion|HGNC|38034||||||||||||||||||||||||||||||||||"
    "|||||||||||||||||||||||||,-|non_coding_transcript_exon_variant|MODIFIER|WASH7P|ENSG00000227232|Transcript|ENST"
    "00000541675|unprocessed_pseudogene|6/9||ENST00000541675.1:n.620_621del||620-621||||||1||-1||deletion|HGNC|3803"
    "4|||||||||||||||||||||||||||||||||||||||||||||||||||||||||||";

/* radiant_dragen/test_somatic_snv.vcf (##INFO CSQ Description) */
static const char RADIANT_DESC[] =
    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Feature_type|Gene|PICK|Feat"
    "ure|EXON|BIOTYPE|INTRON|HGVSc|HGVSp|STRAND|CDS_position|cDNA_position|Protein_position|Amino_acids|Codons|VARI"
    "ANT_CLASS|HGVSg|CANONICAL|RefSeq|MANE|MANE_SELECT|MANE_PLUS_CLINICAL";

/* radiant_dragen/test_somatic_snv.vcf chr4:113230514 C>CA INFO/CSQ (first 3 entries) */
static const char RADIANT_INS[] =
    "A|intron_variant|MODIFIER|ANK2|Transcript|ENSG00000145362||ENST00000264366||protein_coding|4/44|ENST0000026436"
    "6.10:c.385-1634dup||1||||||insertion|chr4:g.113230527dup|||||,A|intron_variant|MODIFIER|ANK2|Transcript|ENSG00"
    "000145362|1|ENST00000357077||protein_coding|4/45|ENST00000357077.9:c.385-1634dup||1||||||insertion|chr4:g.1132"
    "30527dup|YES|NM_001148.6||NM_001148.6|,A|intron_variant|MODIFIER|ANK2|Transcript|ENSG00000145362||ENST00000394"
    "537||protein_coding|4/44|ENST00000394537.7:c.385-1634dup||1||||||insertion|chr4:g.113230527dup||NM_020977.5&NM"
    "_001354265.2&NM_001354246.2&NM_001354225.2|||";

/* radiant_dragen/test_somatic_snv.vcf chr4:113231045 CT>C INFO/CSQ (first 3 entries) */
static const char RADIANT_DEL[] =
    "-|intron_variant|MODIFIER|ANK2|Transcript|ENSG00000145362||ENST00000264366||protein_coding|4/44|ENST0000026436"
    "6.10:c.385-1102del||1||||||deletion|chr4:g.113231059del|||||,-|intron_variant|MODIFIER|ANK2|Transcript|ENSG000"
    "00145362|1|ENST00000357077||protein_coding|4/45|ENST00000357077.9:c.385-1102del||1||||||deletion|chr4:g.113231"
    "059del|YES|NM_001148.6||NM_001148.6|,-|intron_variant|MODIFIER|ANK2|Transcript|ENSG00000145362||ENST0000039453"
    "7||protein_coding|4/44|ENST00000394537.7:c.385-1102del||1||||||deletion|chr4:g.113231059del||NM_020977.5&NM_00"
    "1354265.2&NM_001354246.2&NM_001354225.2|||";

/* bcftools_tests/split-vep.7.vcf (##INFO ANN Description: VEP text under ANN) */
static const char SV7_DESC[] =
    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|B"
    "IOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variati"
    "on|DISTANCE|STRAND|FLAGS|VARIANT_CLASS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE|TSL|APPRIS|CCDS|ENSP|SWISSPROT|TRE"
    "MBL|UNIPARC|GENE_PHENO|SIFT|PolyPhen|DOMAINS|miRNA|HGVS_OFFSET|AF|AFR_AF|AMR_AF|EAS_AF|EUR_AF|SAS_AF|AA_AF|EA_"
    "AF|gnomAD_AF|gnomAD_AFR_AF|gnomAD_AMR_AF|gnomAD_ASJ_AF|gnomAD_EAS_AF|gnomAD_FIN_AF|gnomAD_NFE_AF|gnomAD_OTH_AF"
    "|gnomAD_SAS_AF|MAX_AF|MAX_AF_POPS|CLIN_SIG|SOMATIC|PHENO|PUBMED|MOTIF_NAME|MOTIF_POS|HIGH_INF_POS|MOTIF_SCORE_"
    "CHANGE|LoFtool";

/* bcftools_tests/split-vep.7.vcf chr1:817186 G>A INFO/ANN */
static const char SV7_ANN[] =
    "A|upstream_gene_variant|MODIFIER|FAM87B|ENSG00000177757|Transcript|ENST00000326734|lncRNA||||||||||rs3094315|1"
    "85|1||SNV|HGNC|HGNC:32236|YES||2||||||||||||||0.3873|0.804|0.8839|0.84|0.8088||||||||||||0.8839|EAS||||2115973"
    "0&21492446&23664118&19096721|||||,A|intron_variant&non_coding_transcript_variant|MODIFIER|AL669831.4|ENSG00000"
    "230092|Transcript|ENST00000447500|processed_transcript||1/4|ENST00000447500.4:n.340+187C>T|||||||rs3094315||-1"
    "||SNV|Clone_based_ensembl_gene||YES||5||||||||||||||0.3873|0.804|0.8839|0.84|0.8088||||||||||||0.8839|EAS||||2"
    "1159730&21492446&23664118&19096721|||||,A|intron_variant&non_coding_transcript_variant|MODIFIER|AL669831.3|ENS"
    "G00000230021|Transcript|ENST00000634337|processed_transcript||1/4|ENST00000634337.2:n.127+10484C>T|||||||rs309"
    "4315||-1||SNV|Clone_based_ensembl_gene||||5||||||||||||||0.3873|0.804|0.8839|0.84|0.8088||||||||||||0.8839|EAS"
    "||||21159730&21492446&23664118&19096721|||||,A|intron_variant&non_coding_transcript_variant|MODIFIER|AL669831."
    "3|ENSG00000230021|Transcript|ENST00000635509|processed_transcript||1/3|ENST00000635509.2:n.100+10484C>T|||||||"
    "rs3094315||-1||SNV|Clone_based_ensembl_gene||||5||||||||||||||0.3873|0.804|0.8839|0.84|0.8088||||||||||||0.883"
    "9|EAS||||21159730&21492446&23664118&19096721|||||,A|regulatory_region_variant|MODIFIER|||RegulatoryFeature|ENS"
    "R00000000085|promoter||||||||||rs3094315||||SNV|||||||||||||||||||0.3873|0.804|0.8839|0.84|0.8088||||||||||||0"
    ".8839|EAS||||21159730&21492446&23664118&19096721|||||";

/* bcftools_tests/split-vep.broken-LoF.vcf (##INFO vep Description) */
static const char LOF_DESC[] =
    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|B"
    "IOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|ALLELE_NUM|DISTA"
    "NCE|STRAND|VARIANT_CLASS|MINIMISED|SYMBOL_SOURCE|HGNC_ID|CANONICAL|TSL|APPRIS|CCDS|ENSP|SWISSPROT|TREMBL|UNIPA"
    "RC|GENE_PHENO|SIFT|PolyPhen|DOMAINS|HGVS_OFFSET|MOTIF_NAME|MOTIF_POS|HIGH_INF_POS|MOTIF_SCORE_CHANGE|LoF|LoF_f"
    "ilter|LoF_flags|LoF_info";

/* bcftools_tests/split-vep.broken-LoF.vcf chr21:5032064 G>GGA INFO/vep (commas inside LoF_info) */
static const char LOF_INS[] =
    "GA|frameshift_variant|HIGH|FP565260.3|ENSG00000277117|Transcript|ENST00000612610|protein_coding|5/7||ENST00000"
    "612610.4:c.718_719dup|ENSP00000483732.1:p.Asp240GlufsTer35|896-897|709-710|237|G/GX|gga/gGAga|1||1|insertion||"
    "Clone_based_ensembl_gene|||1|A2||ENSP00000483732|||||||PANTHER:PTHR24100&PANTHER:PTHR24100|10|||||HC||PHYLOCSF"
    "_WEAK|PERCENTILE:0.773118279569892,GERP_DIST:-366.377766615897,BP_DIST:218,DIST_FROM_LAST_EXON:187,50_BP_RULE:"
    "PASS,ANN_ORF:-698.745,MAX_ORF:-698.745,GA|frameshift_variant|HIGH|FP565260.3|ENSG00000277117|Transcript|ENST00"
    "000620481|protein_coding|4/6||ENST00000620481.4:c.367_368dup|ENSP00000484302.1:p.Asp123GlufsTer35|545-546|358-"
    "359|120|G/GX|gga/gGAga|1||1|insertion||Clone_based_ensembl_gene|||5|||ENSP00000484302|||||||PANTHER:PTHR24100&"
    "PANTHER:PTHR24100|10|||||HC||PHYLOCSF_WEAK|PERCENTILE:0.635578583765112,GERP_DIST:-366.377766615897,BP_DIST:21"
    "8,DIST_FROM_LAST_EXON:187,50_BP_RULE:PASS,ANN_ORF:-698.745,MAX_ORF:-698.745,GA|frameshift_variant|HIGH|FP56526"
    "0.3|ENSG00000277117|Transcript|ENST00000623795|protein_coding|4/6||ENST00000623795.1:c.367_368dup|ENSP00000485"
    "649.1:p.Asp123GlufsTer35|505-506|358-359|120|G/GX|gga/gGAga|1||1|insertion||Clone_based_ensembl_gene|||2|||ENS"
    "P00000485649|||||||PANTHER:PTHR24100&PANTHER:PTHR24100|10|||||HC||PHYLOCSF_WEAK|PERCENTILE:0.659498207885305,G"
    "ERP_DIST:-372.525567065179,BP_DIST:197,DIST_FROM_LAST_EXON:187,50_BP_RULE:PASS,ANN_ORF:-698.745,MAX_ORF:-698.7"
    "45,GA|3_prime_UTR_variant&NMD_transcript_variant|MODIFIER|FP565260.3|ENSG00000277117|Transcript|ENST0000062390"
    "3|nonsense_mediated_decay|5/7||ENST00000623903.3:c.*332_*333dup||706-707|||||1||1|insertion||Clone_based_ensem"
    "bl_gene|||2|||ENSP00000485557||||||||||||||||,GA|frameshift_variant|HIGH|FP565260.3|ENSG00000277117|Transcript"
    "|ENST00000623960|protein_coding|5/7||ENST00000623960.4:c.718_719dup|ENSP00000485129.1:p.Asp240GlufsTer35|858-8"
    "59|709-710|237|G/GX|gga/gGAga|1||1|insertion||Clone_based_ensembl_gene||YES|1|P2|CCDS86973.1|ENSP00000485129||"
    "|||||PANTHER:PTHR24100&PANTHER:PTHR24100|10|||||HC||PHYLOCSF_WEAK|PERCENTILE:0.790979097909791,GERP_DIST:-372."
    "525567065179,BP_DIST:197,DIST_FROM_LAST_EXON:187,50_BP_RULE:PASS,ANN_ORF:-698.745,MAX_ORF:-698.745,GA|frameshi"
    "ft_variant|HIGH|LOC102723996|102723996|Transcript|NM_001363770.2|protein_coding|5/7||NM_001363770.2:c.718_719d"
    "up|NP_001350699.1:p.Asp240GlufsTer35|858-859|709-710|237|G/GX|gga/gGAga|1||1|insertion||EntrezGene||YES||||NP_"
    "001350699.1||||||||10|||||HC|||PERCENTILE:0.790979097909791,GERP_DIST:-372.525567065179,BP_DIST:197,DIST_FROM_"
    "LAST_EXON:187,50_BP_RULE:PASS,PHYLOCSF_TOO_SHORT,GA|frameshift_variant|HIGH|LOC102723996|102723996|Transcript|"
    "XM_006723899.2|protein_coding|5/6||XM_006723899.2:c.718_719dup|XP_006723962.1:p.Asp240GlufsTer35|1345-1346|709"
    "-710|237|G/GX|gga/gGAga|1||1|insertion||EntrezGene||||||XP_006723962.1||||||||10|||||HC|||PERCENTILE:0.4635718"
    "89103804,GERP_DIST:-1141.14512844086,BP_DIST:840,DIST_FROM_LAST_EXON:152,50_BP_RULE:PASS,PHYLOCSF_TOO_SHORT,GA"
    "|frameshift_variant|HIGH|LOC102723996|102723996|Transcript|XM_011546078.2|protein_coding|5/7||XM_011546078.2:c"
    ".718_719dup|XP_011544380.1:p.Asp240GlufsTer35|1345-1346|709-710|237|G/GX|gga/gGAga|1||1|insertion||EntrezGene|"
    "|||||XP_011544380.1||||||||10|||||HC|||PERCENTILE:0.662062615101289,GERP_DIST:-354.294564935565,BP_DIST:374,DI"
    "ST_FROM_LAST_EXON:187,50_BP_RULE:PASS,PHYLOCSF_TOO_SHORT,GA|frameshift_variant|HIGH|LOC102723996|102723996|Tra"
    "nscript|XM_011546079.1|protein_coding|5/7||XM_011546079.1:c.718_719dup|XP_011544381.1:p.Asp240GlufsTer35|1345-"
    "1346|709-710|237|G/GX|gga/gGAga|1||1|insertion||EntrezGene||||||XP_011544381.1||||||||10|||||HC|||PERCENTILE:0"
    ".785792349726776,GERP_DIST:-391.862466733158,BP_DIST:203,DIST_FROM_LAST_EXON:187,50_BP_RULE:PASS,PHYLOCSF_TOO_"
    "SHORT";

/* pvactools/annotated.expression.vcf.gz (##INFO CSQ Description) */
static const char PVAC_DESC[] =
    "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|B"
    "IOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|Codons|Existing_variati"
    "on|DISTANCE|STRAND|FLAGS|PICK|VARIANT_CLASS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE_SELECT|MANE_PLUS_CLINICAL|TSL"
    "|APPRIS|CCDS|ENSP|SWISSPROT|TREMBL|UNIPARC|UNIPROT_ISOFORM|SOURCE|GENE_PHENO|SIFT|PolyPhen|DOMAINS|miRNA|HGVS_"
    "OFFSET|AF|AFR_AF|AMR_AF|EAS_AF|EUR_AF|SAS_AF|AA_AF|EA_AF|gnomAD_AF|gnomAD_AFR_AF|gnomAD_AMR_AF|gnomAD_ASJ_AF|g"
    "nomAD_EAS_AF|gnomAD_FIN_AF|gnomAD_NFE_AF|gnomAD_OTH_AF|gnomAD_SAS_AF|MAX_AF|MAX_AF_POPS|CLIN_SIG|SOMATIC|PHENO"
    "|PUBMED|MOTIF_NAME|MOTIF_POS|HIGH_INF_POS|MOTIF_SCORE_CHANGE|TRANSCRIPTION_FACTORS|FrameshiftSequence|Wildtype"
    "Protein|gnomADe|gnomADe_AF|gnomADe_AF_AFR|gnomADe_AF_AMR|gnomADe_AF_ASJ|gnomADe_AF_EAS|gnomADe_AF_FIN|gnomADe_"
    "AF_NFE|gnomADe_AF_OTH|gnomADe_AF_SAS";

/* pvactools/annotated.expression.vcf.gz chr1:451649 A>AG INFO/CSQ (first entry) */
static const char PVAC_FS[] =
    "G|frameshift_variant|HIGH|OR4F29|ENSG00000284733|Transcript|ENST00000426406.4|protein_coding|1/1||ENST00000426"
    "406.4:c.29dup|ENSP00000409316.1:p.Glu11Ter|29-30|29-30|10|S/SX|tct/tcCt|||-1||1|insertion|HGNC|HGNC:31275|YES|"
    "NM_001005221.2|||P1|CCDS72675.1|ENSP00000409316|Q6IEY1.144|A0A126GV92.37|UPI0000041D3C||||||PANTHER:PTHR48002&"
    "PANTHER:PTHR48002:SF1&Superfamily:SSF81321|||||||||||||||||||||||||||||||MDGENHSVVS|MDGENHSVVSEFLFLGLTHSWEIQLL"
    "LLVFSSVLYVASITGNILIVFSVTTDPHLHSPMYFLLASLSFIDLGACSVTSPKMIYDLFRKRKVISFGGCIAQIFFIHVVGGVEMVLLIAMAFDRYVALCKPLHYLTIM"
    "SPRMCLSFLAVAWTLGVSHSLFQLAFLVNLAFCGPNVLDSFYCDLPRLLRLACTDTYRLQFMVTVNSGFICVGTFFILLISYVFILFTVWKHSSGGSSKALSTLSAHSTV"
    "VLLFFGPPMFVYTRPHPNSQMDKFLAIFDAVLTPFLNPVVYTFRNKEMKAAIKRVCKQLVIYKRIS||||||||||";

/* hydra_genetics/sample2_N.vep_annotated.vcf.gz (##INFO CSQ Description) */
static const char HYDRA_DESC[] =
    "Consequence annotations from Ensembl VEP. Format: SYMBOL|MAX_AF";

/* snpeff/variants_2.ann.vcf (##INFO ANN Description) */
static const char SNPEFF_ANN_DESC[] =
    "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Featur"
    "e_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / "
    "AA.length | Distance | ERRORS / WARNINGS / INFO' ";

/* snpeff/variants_2.ann.vcf 1:889455 G>A,T INFO/ANN */
static const char SNPEFF_ANN_889455[] =
    "A|stop_gained|HIGH|NOC2L|ENSG00000188976|transcript|ENST00000327044|protein_coding|7/19|c.706C>T|p.Gln236*|756"
    "/2790|706/2250|236/749||,T|missense_variant|MODERATE|NOC2L|ENSG00000188976|transcript|ENST00000327044|protein_"
    "coding|7/19|c.706C>A|p.Gln236Lys|756/2790|706/2250|236/749||,A|downstream_gene_variant|MODIFIER|NOC2L|ENSG0000"
    "0188976|transcript|ENST00000487214|processed_transcript||n.*865C>T|||||351|,T|downstream_gene_variant|MODIFIER"
    "|NOC2L|ENSG00000188976|transcript|ENST00000487214|processed_transcript||n.*865C>A|||||351|,A|downstream_gene_v"
    "ariant|MODIFIER|NOC2L|ENSG00000188976|transcript|ENST00000469563|retained_intron||n.*878C>T|||||4171|,T|downst"
    "ream_gene_variant|MODIFIER|NOC2L|ENSG00000188976|transcript|ENST00000469563|retained_intron||n.*878C>A|||||417"
    "1|,A|non_coding_exon_variant|MODIFIER|NOC2L|ENSG00000188976|transcript|ENST00000477976|retained_intron|5/17|n."
    "2153C>T||||||,T|non_coding_exon_variant|MODIFIER|NOC2L|ENSG00000188976|transcript|ENST00000477976|retained_int"
    "ron|5/17|n.2153C>A||||||";

/* snpeff/cancer.ann.vcf 1:69091 A>C,G INFO/ANN */
static const char SNPEFF_CANCER_69091[] =
    "G|start_lost|HIGH|OR4F5|ENSG00000186092|transcript|ENST00000335137|protein_coding|1/1|c.1A>G|p.Met1?|1/918|1/9"
    "18|1/305||,G-C|start_lost|HIGH|OR4F5|ENSG00000186092|transcript|ENST00000335137|protein_coding|1/1|c.1A>G|p.Le"
    "u1?|1/918|1/918|1/305||WARNING_REF_DOES_NOT_MATCH_GENOME,C|initiator_codon_variant|LOW|OR4F5|ENSG00000186092|t"
    "ranscript|ENST00000335137|protein_coding|1/1|c.1A>C|p.Met1?|1/918|1/918|1/305||";

/* snpeff/cancer.eff.vcf (##INFO EFF Description) */
static const char EFF_DESC[] =
    "Predicted effects for this variant.Format: 'Effect ( Effect_Impact | Functional_Class | Codon_Change | Amino_A"
    "cid_Change| Amino_Acid_length | Gene_Name | Transcript_BioType | Gene_Coding | Transcript_ID | Exon_Rank  | Ge"
    "notype_Number [ | ERRORS | WARNINGS ] )' ";

/* snpeff/cancer.eff.vcf 1:69091 A>C,G INFO/EFF */
static const char EFF_69091[] =
    "START_LOST(HIGH|MISSENSE|Atg/Gtg|M1V|305|OR4F5|protein_coding|CODING|ENST00000335137|1|G),START_LOST(HIGH|MISS"
    "ENSE|Ctg/Gtg|L1V|305|OR4F5|protein_coding|CODING|ENST00000335137|1|G-C|WARNING_REF_DOES_NOT_MATCH_GENOME),NON_"
    "SYNONYMOUS_START(LOW|MISSENSE|Atg/Ctg|M1L|305|OR4F5|protein_coding|CODING|ENST00000335137|1|C)";

/* snpeff/test.chr1.out.vcf.gz (##INFO EFF Description, old layout) */
static const char EFF_OLD_DESC[] =
    "Predicted effects for this variant.Format: 'Effect ( Effect_Impact | Functional_Class | Codon_Change | Amino_A"
    "cid_change | Gene_Name | Gene_BioType | Coding | Transcript | Exon [ | ERRORS | WARNINGS ] )' ";

/* snpeff/test.chr1.out.vcf.gz 1:865545 G>A INFO/EFF */
static const char EFF_OLD_865545[] =
    "NON_SYNONYMOUS_CODING(MODERATE|MISSENSE|cGg/cAg|R28Q|SAMD11|protein_coding|CODING|ENST00000342066|exon_1_86553"
    "5_865716),NON_SYNONYMOUS_CODING(MODERATE|MISSENSE|cGg/cAg|R28Q|SAMD11|protein_coding|CODING|ENST00000420190|ex"
    "on_1_865535_865716),NON_SYNONYMOUS_CODING(MODERATE|MISSENSE|cGg/cAg|R28Q|SAMD11|protein_coding|CODING|ENST0000"
    "0437963|exon_1_865535_865716)";

/* bcftools_tests/split-vep.4.vcf (##INFO BCSQ Description) */
static const char BCSQ_DESC[] =
    "Local consequence annotation from BCFtools/csq, see http://samtools.github.io/bcftools/howtos/csq-calling.html"
    " for details. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change";

/* bcftools_tests/split-vep.2.vcf (##INFO BCSQ Description) */
static const char BCSQ_DESC2[] =
    "Haplotype-aware consequence annotation from BCFtools/csq, see http://samtools.github.io/bcftools/howtos/csq-ca"
    "lling.html for details. Format: Consequence|gene|transcript|biotype|strand|amino_acid_change|dna_change";

/* hmftools/tumor_sample.purple.germline.vcf (##INFO PAVE_TI Description) */
static const char PAVE_DESC[] =
    "Transcript impact [Gene|GeneName|Transcript|Effects|SpliceRegion|HGVS.c|HGVS.p]";

/* hmftools/tumor_sample.purple.germline.vcf 1:2488153 A>G INFO/PAVE_TI */
static const char PAVE_2488153[] =
    "ENSG00000238164|TNFRSF14-AS1|ENST00000416860|intron_variant|false|n.36-18T>C|,ENSG00000238164|TNFRSF14-AS1|ENS"
    "T00000452793|intron_variant|false|n.56-18T>C|,ENSG00000157873|TNFRSF14|ENST00000426449|missense_variant|false|"
    "c.50A>G|p.Lys17Arg,ENSG00000157873|TNFRSF14|ENST00000434817|missense_variant|false|c.50A>G|p.Lys17Arg,ENSG0000"
    "0157873|TNFRSF14|ENST00000435221|missense_variant|false|c.50A>G|p.Lys17Arg,ENSG00000157873|TNFRSF14|ENST000004"
    "51778|missense_variant|false|c.50A>G|p.Lys17Arg,ENSG00000157873|TNFRSF14|ENST00000409119|missense_variant|fals"
    "e|c.50A>G|p.Lys17Arg,ENSG00000157873|TNFRSF14|ENST00000355716|missense_variant|false|c.50A>G|p.Lys17Arg,ENSG00"
    "000157873|TNFRSF14|ENST00000475523|intron_variant|false|n.70+259A>G|,ENSG00000157873|TNFRSF14|ENST00000442392|"
    "non_coding_transcript_exon_variant|false|n.310A>G|,ENSG00000157873|TNFRSF14|ENST00000482074|non_coding_transcr"
    "ipt_exon_variant|false|n.309A>G|,ENSG00000157873|TNFRSF14|ENST00000496064|non_coding_transcript_exon_variant|f"
    "alse|n.158A>G|,ENSG00000157873|TNFRSF14|ENST00000463471|non_coding_transcript_exon_variant|false|n.144A>G|,ENS"
    "G00000157873|TNFRSF14|NM_003820|missense_variant|false|c.50A>G|p.Lys17Arg";

/* hmftools/tumor_sample.purple.germline.vcf (##INFO IMPACT Description) */
static const char HMF_IMPACT_DESC[] =
    "Variant Impact [Gene, Transcript, CanonicalEffect, CanonicalCodingEffect, SpliceRegion, HgvsCodingImpact, Hgvs"
    "ProteinImpact, OtherReportableEffects, WorstCodingEffect, GenesAffected]";

/* ------------------------------------------------------- synthetic strings */

/* synthetic: the brief's BCSQ example plus bcftools csq '@POS' / '*' forms */
static const char BCSQ_KRAS[] = "missense|KRAS|ENST00000311936|protein_coding|-|12G>D|25245350C>T";
static const char BCSQ_COMPOUND[] =
    "@25245351,*missense|KRAS|ENST00000311936|protein_coding|-|13G>13D|25245347C>T,"
    "missense&inframe_altering|KRAS|ENST00000256078|protein_coding|-|12G>12F|25245350C>A+25245351C>A";
/* synthetic: KRAS under VEP with the non-MANE KRAS-4A transcript flagged CANONICAL first */
static const char VEP_KRAS_DESC[] = "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|"
    "Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|MANE_SELECT|PICK";
static const char VEP_KRAS[] =
    "T|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000256078.10|protein_coding|"
    "ENST00000256078.10:c.35G>A|ENSP00000256078.5:p.Gly12Asp|YES||1,"
    "T|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000311936.8|protein_coding|"
    "ENST00000311936.8:c.35G>A|ENSP00000308495.3:p.Gly12Asp|||,"
    "T|upstream_gene_variant|MODIFIER|LYRM5|ENSG00000205707|Transcript|ENST00000399090.6|protein_coding||||,"
    "T|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000557334.5|protein_coding|||||";

/* ------------------------------------------------------------------ tests */

static void test_formats(void)
{
    annot_format_t f;
    CHECK(annot_format_parse(VEP_DESC_SPLITVEP, &f) == 0 && f.kind == ANNOT_VEP, "split-vep CSQ is VEP");
    CHECK(f.i_allele == 0 && f.i_consequence == 1 && f.i_symbol == 3 && f.i_gene == 4 && f.i_feature == 6 &&
          f.i_biotype == 7 && f.i_hgvsc == 10 && f.i_hgvsp == 11 && f.i_protein_position == 14 &&
          f.i_amino_acids == 15 && f.i_allele_num == 18 && f.i_canonical == 25 && f.i_mane_select == -1 &&
          f.i_mane == -1 && f.i_pick == -1, "split-vep CSQ indices");
    CHECK(f.n_fields == 84, "split-vep n_fields %d", f.n_fields);

    CHECK(annot_format_parse(RADIANT_DESC, &f) == 0 && f.kind == ANNOT_VEP, "radiant is VEP");
    CHECK(f.i_symbol == 3 && f.i_gene == 5 && f.i_pick == 6 && f.i_feature == 7 && f.i_biotype == 9 && f.i_hgvsc == 11 &&
          f.i_hgvsp == 12 && f.i_canonical == 21 && f.i_mane == 23 && f.i_mane_select == 24 && f.i_allele_num == -1,
          "radiant indices (reordered VEP fields)");

    CHECK(annot_format_parse(SV7_DESC, &f) == 0 && f.kind == ANNOT_VEP && f.i_mane == 25 && f.i_canonical == 24,
          "VEP text under INFO/ANN is VEP, not SnpEff");
    CHECK(annot_format_parse(PVAC_DESC, &f) == 0 && f.kind == ANNOT_VEP && f.i_pick == 21 && f.i_mane_select == 26,
          "pvactools indices");
    CHECK(annot_format_parse(HYDRA_DESC, &f) == 0 && f.kind == ANNOT_VEP && f.i_symbol == 0 && f.i_allele == -1 &&
          f.i_consequence == -1 && f.n_fields == 2, "hydra SYMBOL|MAX_AF");
    CHECK(annot_format_parse(LOF_DESC, &f) == 0 && f.kind == ANNOT_VEP && f.n_fields == 45, "LoF n_fields %d", f.n_fields);

    CHECK(annot_format_parse(SNPEFF_ANN_DESC, &f) == 0 && f.kind == ANNOT_SNPEFF_ANN, "SnpEff ANN");
    CHECK(f.i_allele == 0 && f.i_consequence == 1 && f.i_impact == 2 && f.i_symbol == 3 && f.i_gene == 4 &&
          f.i_feature == 6 && f.i_biotype == 7 && f.i_hgvsc == 9 && f.i_hgvsp == 10 && f.n_fields == 16, "SnpEff ANN indices");

    CHECK(annot_format_parse(EFF_DESC, &f) == 0 && f.kind == ANNOT_SNPEFF_EFF, "EFF");
    CHECK(f.i_consequence == 0 && f.i_impact == 1 && f.i_codons == 3 && f.i_hgvsp == 4 && f.i_symbol == 6 &&
          f.i_biotype == 7 && f.i_feature == 9 && f.i_allele_num == 11, "EFF indices");
    CHECK(annot_format_parse(EFF_OLD_DESC, &f) == 0 && f.kind == ANNOT_SNPEFF_EFF && f.i_hgvsp == 4 && f.i_symbol == 5 &&
          f.i_biotype == 6 && f.i_feature == 8 && f.i_allele_num == -1, "old EFF indices");

    CHECK(annot_format_parse(BCSQ_DESC, &f) == 0 && f.kind == ANNOT_BCSQ && f.i_consequence == 0 && f.i_symbol == 1 &&
          f.i_feature == 2 && f.i_biotype == 3 && f.i_strand == 4 && f.i_hgvsp == 5 && f.i_dna_change == 6 &&
          f.i_allele == -1, "BCSQ indices");
    CHECK(annot_format_parse(BCSQ_DESC2, &f) == 0 && f.kind == ANNOT_BCSQ, "BCSQ haplotype-aware description");
    CHECK(annot_format_parse(PAVE_DESC, &f) == 0 && f.kind == ANNOT_PAVE && f.i_gene == 0 && f.i_symbol == 1 &&
          f.i_feature == 2 && f.i_consequence == 3 && f.i_hgvsc == 5 && f.i_hgvsp == 6, "PAVE indices");

    /* whole header line and bare list are accepted too */
    CHECK(annot_format_parse("##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
                             "Format: Allele|Consequence|SYMBOL\">", &f) == 0 && f.kind == ANNOT_VEP && f.n_fields == 3 &&
          f.i_symbol == 2, "whole ##INFO line");
    CHECK(annot_format_parse("Allele|Consequence|SYMBOL|Feature", &f) == 0 && f.kind == ANNOT_VEP && f.i_feature == 3, "bare list");

    /* not annotation formats */
    CHECK(annot_format_parse(HMF_IMPACT_DESC, &f) == ANNOT_E_FORMAT && f.kind == ANNOT_UNKNOWN, "hmftools IMPACT refused");
    CHECK(annot_format_parse("", &f) == ANNOT_E_FORMAT, "empty description");
    CHECK(annot_format_parse("Allele frequency", &f) == ANNOT_E_FORMAT, "AF description");
    CHECK(annot_format_parse("Format:", &f) == ANNOT_E_FORMAT, "empty Format:");
    CHECK(annot_format_parse("Functional annotations: '", &f) == ANNOT_E_FORMAT || f.n_fields <= 1, "unterminated quote");
    CHECK(annot_format_parse("Predicted effects Effect ( Effect_Impact | Gene_Name", &f) == 0 && f.kind == ANNOT_SNPEFF_EFF &&
          f.i_symbol == 2, "unterminated EFF description");
    CHECK(annot_format_parse(NULL, &f) == ANNOT_E_ARG && annot_format_parse("x", NULL) == ANNOT_E_ARG, "NULL");
    for (int k = ANNOT_VEP; k <= ANNOT_PAVE; k++)
        CHECK(annot_format_default((annot_kind_t)k, &f) == 0 && f.kind == (annot_kind_t)k, "default format %d", k);
    CHECK(annot_format_default(ANNOT_UNKNOWN, &f) == ANNOT_E_ARG, "default unknown");
}

static void test_vep(void)
{
    annot_format_t f;
    annot_list_t l;
    mcrc_err_t err = { "" };
    char p[64];
    annot_list_init(&l);

    /* synonymous with %3D, ALLELE_NUM present */
    annot_format_parse(VEP_DESC_SPLITVEP, &f);
    const char *alt_g[] = { "G" };
    annot_allele_t a = { "A", alt_g, 1, 0 };
    int n = annot_parse(&f, VEP_SYN_69270, &a, &l, &err);
    CHECK(n == 2, "69270 entries %d (%s)", n, err.msg);
    if (n >= 1) {
        CHECK(!strcmp(l.a[0].symbol, "OR4F5") && !strcmp(l.a[0].transcript, "ENST00000335137") && l.a[0].canonical &&
              !strcmp(l.a[0].consequence, "synonymous_variant") && l.a[0].allele_matched, "69270 entry 0");
        CHECK(!strcmp(l.a[0].hgvsp, "ENSP00000334393.3:p.Ser60="), "decoded %s", l.a[0].hgvsp);
        CHECK(!strcmp(l.a[0].hgvsc, "ENST00000335137.3:c.180A>G") && !strcmp(l.a[0].amino_acids, "S") &&
              !strcmp(l.a[0].protein_position, "60"), "69270 hgvsc/aa");
        CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.S60="), "short %s", p);
        annot_choice_t why;
        CHECK(annot_choose(&l, &GENES, "OR4F5", &why) == 0 && why == ANNOT_CHOSE_CANONICAL, "choose OR4F5 canonical (%d)", why);
    }

    /* multi-allelic G>A,C: ALLELE_NUM decides */
    const char *alt_ac[] = { "A", "C" };
    annot_allele_t m2 = { "G", alt_ac, 2, 1 };
    n = annot_parse(&f, VEP_MULTI_14976, &m2, &l, &err);
    int ok = n == 6;
    for (int i = 0; i < l.n; i++) ok &= !strcmp(l.a[i].allele, "C") && l.a[i].allele_num == 2 && l.a[i].allele_matched;
    CHECK(ok, "14976 ALT C: %d entries", n);
    m2.ialt = 0;
    n = annot_parse(&f, VEP_MULTI_14976, &m2, &l, &err);
    CHECK(n == 6 && !strcmp(l.a[0].allele, "A") && strstr(l.a[0].hgvsc, "n.1196C>T"), "14976 ALT A: %d", n);
    m2.ialt = -1;
    CHECK(annot_parse(&f, VEP_MULTI_14976, &m2, &l, &err) == 12 && !l.a[0].allele_matched, "14976 all");
    CHECK(annot_parse(&f, VEP_MULTI_14976, NULL, &l, &err) == 12, "14976 NULL allele");

    /* deletion: VEP allele "-" */
    const char *alt_c[] = { "C" };
    annot_allele_t d = { "CCT", alt_c, 1, 0 };
    n = annot_parse(&f, VEP_DEL_17289, &d, &l, &err);
    CHECK(n == 6 && !strcmp(l.a[0].allele, "-"), "17289 deletion %d", n);

    /* radiant: no ALLELE_NUM, VEP "-" / inserted base; MANE_SELECT, PICK */
    annot_format_parse(RADIANT_DESC, &f);
    const char *alt_ca[] = { "CA" };
    annot_allele_t ins = { "C", alt_ca, 1, 0 };
    n = annot_parse(&f, RADIANT_INS, &ins, &l, &err);
    CHECK(n == 3 && l.a[0].allele_matched && !strcmp(l.a[0].allele, "A"), "radiant insertion %d", n);
    if (n == 3) {
        CHECK(l.a[1].mane_select && l.a[1].canonical && l.a[1].pick && !l.a[0].mane_select && !l.a[2].mane_select,
              "radiant flags");
        annot_choice_t why;
        CHECK(annot_choose(&l, &GENES, "ANK2", &why) == 1 && why == ANNOT_CHOSE_MANE, "radiant choose ANK2");
    }
    const char *alt_c2[] = { "C" };
    annot_allele_t del = { "CT", alt_c2, 1, 0 };
    n = annot_parse(&f, RADIANT_DEL, &del, &l, &err);
    CHECK(n == 3 && !strcmp(l.a[0].allele, "-") && l.a[0].allele_matched, "radiant deletion %d", n);
    /* the same string asked for a different ALT keeps nothing */
    const char *alt_t[] = { "T" };
    annot_allele_t wrong = { "C", alt_t, 1, 0 };
    CHECK(annot_parse(&f, RADIANT_DEL, &wrong, &l, &err) == 0, "radiant wrong ALT");

    /* VEP under ANN */
    annot_format_parse(SV7_DESC, &f);
    const char *alt_a[] = { "A" };
    annot_allele_t sv7 = { "G", alt_a, 1, 0 };
    n = annot_parse(&f, SV7_ANN, &sv7, &l, &err);
    CHECK(n == 5 && !strcmp(l.a[0].symbol, "FAM87B") && l.a[0].canonical && !strcmp(l.a[4].transcript, "ENSR00000000085"),
          "split-vep.7 %d", n);
    annot_choice_t why;
    CHECK(annot_choose(&l, &GENES, "AL669831.3", &why) == 2 && why == ANNOT_CHOSE_FIRST, "non-coding gene: first entry (%d)", why);

    /* broken LoF: commas inside LoF_info */
    annot_format_parse(LOF_DESC, &f);
    const char *alt_gga[] = { "GGA" };
    annot_allele_t lof = { "G", alt_gga, 1, 0 };
    n = annot_parse(&f, LOF_INS, &lof, &l, &err);
    CHECK(n == 9, "broken LoF entries %d", n);
    if (n == 9) {
        CHECK(!strcmp(l.a[0].hgvsp, "ENSP00000483732.1:p.Asp240GlufsTer35") && !strcmp(l.a[5].transcript, "NM_001363770.2"),
              "broken LoF fields");
        CHECK(annot_choose(&l, &GENES, "FP565260.3", &why) == 4 && why == ANNOT_CHOSE_CANONICAL, "LoF choose canonical");
        CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.D240Efs*35"), "fs short %s", p);
    }

    /* pvactools frameshift with MANE_SELECT (RefSeq id) */
    annot_format_parse(PVAC_DESC, &f);
    const char *alt_ag[] = { "AG" };
    annot_allele_t pv = { "A", alt_ag, 1, 0 };
    n = annot_parse(&f, PVAC_FS, &pv, &l, &err);
    CHECK(n == 1 && l.a[0].mane_select && l.a[0].canonical && !strcmp(l.a[0].transcript, "ENST00000426406.4"), "pvactools %d", n);
    CHECK(n == 1 && annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.E11*"), "pvac short %s", p);

    /* hydra: SYMBOL|MAX_AF, no allele field */
    annot_format_parse(HYDRA_DESC, &f);
    n = annot_parse(&f, "KRAS|0.11", &sv7, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].symbol, "KRAS") && !l.a[0].allele_matched, "hydra");
    CHECK(annot_choose(&l, &GENES, "KRAS", &why) == 0 && why == ANNOT_CHOSE_FIRST, "hydra choose");
    CHECK(annot_choose(&l, &GENES, "NRAS", &why) == -1 && why == ANNOT_CHOSE_NONE, "hydra other gene");

    /* synthetic KRAS: MANE transcript wins over CANONICAL + PICK on KRAS-4A */
    annot_format_parse(VEP_KRAS_DESC, &f);
    const char *alt_tt[] = { "T" };
    annot_allele_t kr = { "C", alt_tt, 1, 0 };
    n = annot_parse(&f, VEP_KRAS, &kr, &l, &err);
    CHECK(n == 4, "synthetic KRAS %d", n);
    CHECK(annot_choose(&l, &GENES, "KRAS", &why) == 1 && why == ANNOT_CHOSE_MANE, "KRAS MANE by transcript id");
    CHECK(annot_choose(&l, &GENES, "LYRM5", &why) == 2 && why == ANNOT_CHOSE_PROTEIN_CODING, "LYRM5 protein coding");
    annot_list_destroy(&l);
}

static void test_snpeff(void)
{
    annot_format_t f;
    annot_list_t l;
    mcrc_err_t err = { "" };
    char p[64];
    annot_choice_t why;
    annot_list_init(&l);
    annot_format_parse(SNPEFF_ANN_DESC, &f);
    const char *alts[] = { "A", "T" };
    annot_allele_t a = { "G", alts, 2, 1 };
    int n = annot_parse(&f, SNPEFF_ANN_889455, &a, &l, &err);
    CHECK(n == 4 && !strcmp(l.a[0].consequence, "missense_variant") && !strcmp(l.a[0].hgvsp, "p.Gln236Lys") &&
          !strcmp(l.a[0].hgvsc, "c.706C>A") && !strcmp(l.a[0].symbol, "NOC2L") && !strcmp(l.a[0].gene_id, "ENSG00000188976"),
          "SnpEff ALT T: %d", n);
    CHECK(annot_choose(&l, &GENES, "NOC2L", &why) == 0 && why == ANNOT_CHOSE_PROTEIN_CODING, "SnpEff choose");
    CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.Q236K"), "short %s", p);
    a.ialt = 0;
    n = annot_parse(&f, SNPEFF_ANN_889455, &a, &l, &err);
    CHECK(n == 4 && !strcmp(l.a[0].consequence, "stop_gained") && annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 &&
          !strcmp(p, "p.Q236*"), "SnpEff ALT A: %d %s", n, p);

    /* cancer "G-C" entries never match */
    const char *alts2[] = { "C", "G" };
    annot_allele_t c = { "A", alts2, 2, 1 };
    n = annot_parse(&f, SNPEFF_CANCER_69091, &c, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].allele, "G") && !strcmp(l.a[0].hgvsp, "p.Met1?"), "cancer G: %d", n);
    c.ialt = 0;
    n = annot_parse(&f, SNPEFF_CANCER_69091, &c, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].consequence, "initiator_codon_variant"), "cancer C: %d", n);

    /* EFF with genotype written as allele */
    annot_format_parse(EFF_DESC, &f);
    c.ialt = 1;
    n = annot_parse(&f, EFF_69091, &c, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].consequence, "START_LOST") && !strcmp(l.a[0].hgvsp, "M1V") &&
          !strcmp(l.a[0].transcript, "ENST00000335137") && !strcmp(l.a[0].codons, "Atg/Gtg") && !strcmp(l.a[0].symbol, "OR4F5"),
          "EFF G: %d", n);
    CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.M1V"), "EFF short %s", p);
    c.ialt = 0;
    n = annot_parse(&f, EFF_69091, &c, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].consequence, "NON_SYNONYMOUS_START"), "EFF C: %d", n);

    /* old EFF without genotype: all kept, unmatched */
    annot_format_parse(EFF_OLD_DESC, &f);
    const char *alt_a[] = { "A" };
    annot_allele_t o = { "G", alt_a, 1, 0 };
    n = annot_parse(&f, EFF_OLD_865545, &o, &l, &err);
    CHECK(n == 3 && !l.a[0].allele_matched && !strcmp(l.a[2].transcript, "ENST00000437963") && !strcmp(l.a[1].hgvsp, "R28Q") &&
          !strcmp(l.a[0].biotype, "protein_coding"), "old EFF %d", n);
    CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.R28Q"), "old EFF short %s", p);
    annot_list_destroy(&l);
}

static void test_bcsq_pave(void)
{
    annot_format_t f;
    annot_list_t l;
    mcrc_err_t err = { "" };
    char p[64];
    annot_choice_t why;
    annot_list_init(&l);
    annot_format_parse(BCSQ_DESC, &f);
    const char *alt_t[] = { "T" };
    annot_allele_t a = { "C", alt_t, 1, 0 };
    int n = annot_parse(&f, BCSQ_KRAS, &a, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].consequence, "missense") && !strcmp(l.a[0].symbol, "KRAS") &&
          !strcmp(l.a[0].transcript, "ENST00000311936") && !strcmp(l.a[0].strand, "-") &&
          !strcmp(l.a[0].dna_change, "25245350C>T") && l.a[0].allele_matched, "BCSQ KRAS");
    CHECK(annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.G12D"), "BCSQ short %s", p);
    CHECK(annot_choose(&l, &GENES, "KRAS", &why) == 0 && why == ANNOT_CHOSE_MANE, "BCSQ KRAS MANE");

    /* real split-vep.4 strings */
    n = annot_parse(&f, "stop_gained|OR4F5|ENST00000335137|protein_coding|+|210S>210*|69719C>G", &a, &l, &err);
    CHECK(n == 1 && annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.S210*"), "BCSQ stop %s", p);
    n = annot_parse(&f, "missense|OR4F5|ENST00000335137|protein_coding|+|113F>113C|69428T>G", &a, &l, &err);
    CHECK(n == 1 && annot_protein_short(l.a[0].hgvsp, p, sizeof(p)) == 0 && !strcmp(p, "p.F113C"), "BCSQ missense %s", p);
    n = annot_parse(&f, "non_coding|WASH7P||unprocessed_pseudogene", &a, &l, &err);
    CHECK(n == 1 && !strcmp(l.a[0].biotype, "unprocessed_pseudogene") && !l.a[0].hgvsp[0] && !l.a[0].dna_change[0],
          "BCSQ trailing fields omitted");

    /* '@' back-reference, '*' prefix, compound dna_change, multi-allelic record */
    const char *alts[] = { "T", "A" };
    annot_allele_t m = { "C", alts, 2, 1 };
    n = annot_parse(&f, BCSQ_COMPOUND, &m, &l, &err);
    CHECK(n == 2 && l.a[0].backref_pos == 25245351 && !l.a[0].consequence[0] && !strcmp(l.a[1].transcript, "ENST00000256078") &&
          annot_has_term(l.a[1].consequence, "inframe_altering"), "BCSQ compound ALT A: %d", n);
    m.ialt = 0;
    n = annot_parse(&f, BCSQ_COMPOUND, &m, &l, &err);
    CHECK(n == 2 && l.a[1].downstream_of_stop && !strcmp(l.a[1].consequence, "missense"), "BCSQ '*' ALT T: %d", n);
    CHECK(annot_choose(&l, &GENES, "KRAS", &why) == 1 && why == ANNOT_CHOSE_MANE, "BCSQ choose skips @");
    n = annot_parse(&f, "@123,@x", &m, &l, &err);
    CHECK(n >= 1 && l.a[0].backref_pos == 123, "bad back-reference does not crash: %d", n);

    /* PAVE */
    annot_format_parse(PAVE_DESC, &f);
    const char *alt_g[] = { "G" };
    annot_allele_t pa = { "A", alt_g, 1, 0 };
    n = annot_parse(&f, PAVE_2488153, &pa, &l, &err);
    CHECK(n == 14 && !strcmp(l.a[2].symbol, "TNFRSF14") && !strcmp(l.a[2].hgvsp, "p.Lys17Arg") &&
          !strcmp(l.a[13].transcript, "NM_003820") && !l.a[0].allele_matched, "PAVE %d", n);
    CHECK(annot_choose(&l, &GENES, "TNFRSF14", &why) == 2 && why == ANNOT_CHOSE_FIRST, "PAVE choose first (no biotype)");
    annot_list_destroy(&l);
}

static void test_protein_short(void)
{
    static const struct { const char *in, *out; int rc; } t[] = {
        { "p.Gly12Asp", "p.G12D", 0 },
        { "ENSP00000308495.3:p.Gly12Asp", "p.G12D", 0 },
        { "p.G12D", "p.G12D", 0 },
        { "p.(Gly12Asp)", "p.G12D", 0 },
        { "p.Gly12=", "p.G12=", 0 },
        { "p.Gly12%3D", "p.G12=", 0 },
        { "NP_004976.2:p.(Gly12%3D)", "p.G12=", 0 },
        { "p.Gln61Ter", "p.Q61*", 0 },
        { "p.Gln61*", "p.Q61*", 0 },
        { "p.Q61*", "p.Q61*", 0 },
        { "p.Gly12fs", "p.G12fs", 0 },
        { "p.Gly12AlafsTer5", "p.G12Afs*5", 0 },
        { "p.Gly13del", "p.G13del", 0 },
        { "p.Gly12_Gly13delinsAspAsp", "p.G12_G13delinsDD", 0 },
        { "p.Val600_Lys601delinsGlu", "p.V600_K601delinsE", 0 },
        { "p.Met1?", "p.M1?", 0 },
        { "p.Ter189GlnextTer?", "p.*189Qext*?", 0 },
        { "p.G12G", "p.G12=", 0 },
        { "G12D", "p.G12D", 0 },
        { "L159", "p.L159=", 0 },
        { "p.Gly12Asp/c.35G>A", "p.G12D", 0 },
        { "12G>12D", "p.G12D", 0 },
        { "12G>D", "p.G12D", 0 },
        { "60S", "p.S60=", 0 },
        { "210S>210*", "p.S210*", 0 },
        { "12GG>12G", "12GG>12G", 1 },
        { "c.35G>A", "c.35G>A", 1 },
        { "", "", 1 },
        { "%", "%", 1 },
        { "p.", "p.", 1 },
    };
    char out[64];
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        int rc = annot_protein_short(t[i].in, out, sizeof(out));
        CHECK(rc == t[i].rc && !strcmp(out, t[i].out), "protein_short('%s') = '%s' rc %d, expected '%s' rc %d",
              t[i].in, out, rc, t[i].out, t[i].rc);
    }
    char small[5];
    CHECK(annot_protein_short("p.Gly12Asp", small, sizeof(small)) == ANNOT_E_TOOBIG && !small[0], "too small");
    CHECK(annot_protein_short(NULL, out, sizeof(out)) == ANNOT_E_ARG && annot_protein_short("x", NULL, 3) == ANNOT_E_ARG,
          "NULL");

    char u[32];
    snprintf(u, sizeof(u), "a%%3Db%%2c%%zz%%3%%00");
    annot_url_decode(u);
    CHECK(!strcmp(u, "a=b,%zz%3%00"), "url decode '%s'", u);
    annot_url_decode(NULL);
    CHECK(annot_has_term("missense_variant&splice_region_variant", "splice_region_variant") &&
          !annot_has_term("missense_variant", "missense") && !annot_has_term(NULL, "x") && !annot_has_term("", ""), "has_term");
    CHECK(genes_is_model_transcript(&GENES, "KRAS", "ENST00000311936.8") && genes_is_model_transcript(&GENES, "NRAS", "NM_002524.5") &&
          genes_is_model_transcript(&GENES, "BRAF", "ENST00000288602") && genes_is_model_transcript(&GENES, "ERBB2", "NM_004448.4") &&
          genes_is_model_transcript(&GENES, "BRAF", "ENST00000646891.1") && genes_is_model_transcript(&GENES, "KRAS", "NM_004985") &&
          genes_is_model_transcript(&GENES, "ERBB2", "ENST00000269571.5") &&
          !genes_is_model_transcript(&GENES, "KRAS", "ENST00000256078.10") && !genes_is_model_transcript(&GENES, "KRAS", "NM_0049851") &&
          !genes_is_model_transcript(&GENES, "NRAS", "NM_004985.5") && !genes_is_model_transcript(&GENES, "TP53", "NM_000546.6") &&
          !genes_is_model_transcript(&GENES, "KRAS", ".") && !genes_is_model_transcript(&GENES, NULL, "x") &&
          !genes_is_model_transcript(NULL, "KRAS", "NM_004985.5"), "MANE table");
}

static void test_hostile(void)
{
    annot_format_t f;
    annot_list_t l;
    mcrc_err_t err = { "" };
    annot_list_init(&l);
    annot_format_parse(VEP_DESC_SPLITVEP, &f);
    const char *alt_t[] = { "T" };
    annot_allele_t a = { "C", alt_t, 1, 0 };

    CHECK(annot_parse(&f, "", &a, &l, &err) == 0, "empty value");
    CHECK(annot_parse(&f, ".", &a, &l, &err) == 0, "missing value");
    char *s = malloc(1002);
    if (!s) { CHECK(0, "malloc"); return; }
    memset(s, ',', 1000); s[1000] = 0;
    CHECK(annot_parse(&f, s, &a, &l, &err) == 0, "1000 commas");
    memset(s, '|', 1000); s[1000] = 0;
    CHECK(annot_parse(&f, s, NULL, &l, &err) == 1 && !l.a[0].symbol[0], "1000 pipes");
    free(s);
    CHECK(annot_parse(&f, "T|missense_variant|MOD", &a, &l, &err) == 1 && !strcmp(l.a[0].impact, "MOD") &&
          !l.a[0].symbol[0] && !l.a[0].hgvsp[0], "unterminated entry");
    CHECK(annot_parse(&f, "T|missense_variant|MODERATE|KRAS,", &a, &l, &err) == 1, "trailing comma");
    CHECK(annot_parse(&f, ",,T|x|y|KRAS,,,", &a, &l, &err) == 1, "leading/trailing commas");
    CHECK(annot_parse(&f, "T|%|%3|%zz|%00", &a, &l, &err) == 1 && !strcmp(l.a[0].symbol, "%zz"), "bad escapes");

    /* very long field (1 MB) and many entries */
    size_t big = 1 << 20;
    s = malloc(big + 64);
    if (!s) { CHECK(0, "malloc"); return; }
    strcpy(s, "T|missense_variant|MODERATE|");
    size_t k = strlen(s);
    memset(s + k, 'K', big);
    strcpy(s + k + big, "|ENSG|Transcript|ENST1");
    CHECK(annot_parse(&f, s, &a, &l, &err) == 1 && strlen(l.a[0].symbol) == big &&
          !strcmp(l.a[0].transcript, "ENST1"), "1 MB field");
    free(s);
    size_t ne = 20000;
    s = malloc(ne * 4 + 1);
    if (!s) { CHECK(0, "malloc"); return; }
    for (size_t i = 0; i < ne; i++) memcpy(s + 4 * i, "T|x,", 4);
    s[4 * ne] = 0;
    CHECK(annot_parse(&f, s, &a, &l, &err) == (int)ne, "20000 entries");
    free(s);

    /* EFF oddities */
    annot_format_parse(EFF_DESC, &f);
    CHECK(annot_parse(&f, "NON_SYNONYMOUS_CODING(MODERATE|MISSENSE", NULL, &l, &err) == 1 &&
          !strcmp(l.a[0].consequence, "NON_SYNONYMOUS_CODING") && !strcmp(l.a[0].impact, "MODERATE"), "unterminated EFF");
    CHECK(annot_parse(&f, "INTERGENIC", NULL, &l, &err) == 1 && !strcmp(l.a[0].consequence, "INTERGENIC"), "EFF no parens");
    CHECK(annot_parse(&f, "))((||", NULL, &l, &err) == 1, "EFF junk");

    /* arguments */
    annot_allele_t bad = { "C", alt_t, 1, 3 };
    CHECK(annot_parse(&f, "x", &bad, &l, &err) == ANNOT_E_ARG && strstr(err.msg, "out of range"), "ialt out of range");
    const char *nul_alts[] = { NULL };
    annot_allele_t bad2 = { "C", nul_alts, 1, 0 };
    CHECK(annot_parse(&f, "x", &bad2, &l, &err) == ANNOT_E_ARG, "NULL ALT");
    CHECK(annot_parse(NULL, "x", NULL, &l, &err) == ANNOT_E_ARG, "NULL fmt");
    CHECK(annot_parse(&f, NULL, NULL, &l, &err) == ANNOT_E_ARG, "NULL value");
    CHECK(annot_parse(&f, "x", NULL, NULL, NULL) == ANNOT_E_ARG, "NULL list");
    annot_format_t u;
    annot_format_init(&u);
    CHECK(annot_parse(&u, "x", NULL, &l, &err) == ANNOT_E_FORMAT, "unknown format");
    annot_choice_t why;
    CHECK(annot_choose(NULL, &GENES, "KRAS", &why) == -1 && annot_choose(&l, &GENES, NULL, NULL) == -1 && annot_choose(&l, &GENES, "", &why) == -1,
          "choose NULL");
    CHECK(strcmp(annot_strerror(ANNOT_E_NOMEM), "ok") && !strcmp(annot_kind_name(ANNOT_BCSQ), "bcftools csq"), "names");
    annot_list_destroy(&l);
    annot_list_destroy(&l);
    annot_list_destroy(NULL);
}

int main(void)
{
    mcrc_err_t err;
    if (genes_load(&GENES, embedded_get("genes.tsv", NULL), &err) < 0) { printf("genes.tsv: %s\n", err.msg); return 1; }
    test_formats();
    test_vep();
    test_snpeff();
    test_bcsq_pave();
    test_protein_short();
    test_hostile();
    printf("%d passed, %d failed\n", n_pass, n_fail);
    return n_fail ? 1 : 0;
}
