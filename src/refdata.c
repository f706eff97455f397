/*
 * refdata.c - the built-in reference data, loaded once per run.
 *
 * Every table compiled into the binary (the Makefile's EMBED_TABLES, exposed by the generated
 * embedded.c as embedded_tables[]) is read here, once, through its module's loader; each loader reads
 * its table with the one TSV reader (tsv.c) and checks its values.  genes.tsv is read once: the coding
 * models take their gene spans from the gene table.  The same list, in the same order, makes the
 * report's data checksum (refdata_sha256), so a table cannot be used without being checksummed.
 * reasons.xml is checksummed here and read by reason.c; the knowledge base has its own checksum (kb.c).
 * Broken built-in data is an internal error (MCRC_E_INTERNAL): the binary was built wrong.
 */
#include <string.h>
#include "embedded.h"
#include "refdata.h"
#include "sha256.h"

static const char *table(const char *name) { return embedded_get(name, NULL); }

int refdata_load(refdata_t *rd, mcrc_err_t *err)
{
    int r;
    memset(rd, 0, sizeof(*rd));
    cds_model_init(&rd->model);
    if ((r = genes_load(&rd->genes, table("genes.tsv"), err)) < 0) return r;
    if ((r = assembly_load(&rd->assembly, table("assemblies.tsv"), table("reference-names.tsv"), err)) < 0) return r;
    if ((r = cn_fields_load(&rd->cn_fields, table("copy-number-fields.tsv"), err)) < 0) return r;
    if ((r = seg_dialects_load(&rd->seg_dialects, table("segment-dialects.tsv"), err)) < 0) return r;
    if ((r = vaf_table_load(&rd->vaf_fields, table("allele-fraction-fields.tsv"), err)) < 0) return r;
    if ((r = sv_hotspots_load(&rd->hot, table("hotspot-classes.tsv"), err)) < 0) return r;
    const char *ex = table("cds_exons.tsv"), *cds = table("cds.fa"), *prot = table("proteins.fa"), *hot = table("hotspots.tsv");
    if (!ex || !cds || !prot || !hot)
        return mcrc_fail(err, MCRC_E_INTERNAL, "built-in gene models: an annotation file is missing from the binary");
    if (cds_model_load(&rd->model, ex, cds, prot, err) < 0 || cds_model_add_hotspots(&rd->model, hot, err) < 0
        || cds_model_add_genes(&rd->model, &rd->genes, err) < 0) {
        mcrc_prefix(err, "built-in gene models: ");
        return MCRC_E_INTERNAL;
    }
    return 0;
}

void refdata_destroy(refdata_t *rd)
{
    assembly_destroy(&rd->assembly);
    cn_fields_destroy(&rd->cn_fields);
    seg_dialects_destroy(&rd->seg_dialects);
    vaf_table_destroy(&rd->vaf_fields);
    sv_hotspots_destroy(&rd->hot);
    cds_model_destroy(&rd->model);
    memset(rd, 0, sizeof(*rd));
}

int refdata_sha256(char out[65])
{
    sha256_t s;
    sha256_init(&s);
    for (int i = 0; embedded_tables[i]; i++) {
        size_t len;
        const char *d = embedded_get(embedded_tables[i], &len);
        sha256_update(&s, d, len);
    }
    return sha256_hex(&s, out);
}
