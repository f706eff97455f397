/*
 * sv_cap.c - a bounded list of small variants, and the same status.
 *
 * A file can carry any number of alleles over a gene: ten records with
 * 40,000 ALT alleles each at KRAS G12, or 200,000 copies of one record.
 * Listed one by one they took gigabytes of memory and a report of
 * 147 MB that no one reads.  So each gene lists at most SV_LIST_CAP
 * variants (first come, in input order); past the cap a variant is still
 * listed when it bears on the decision in a way no listed variant of the
 * gene does, and otherwise it is counted (report: <not-listed
 * kind="over-listing-cap">).
 *
 * Why the status cannot change: sv_decide() (small_variant.c) asks only
 * whether some variant of the gene has a given combination of class, used,
 * set aside, over a listed codon, disagreeing annotation and symbolic
 * allele -- never how many there are.  A variant dropped here has the same
 * combination as one that is kept, so every question has the same answer.
 * What can change is text that counts: "N variants of uncertain
 * significance are listed" counts the listed ones, and the <not-listed>
 * element says how many more there were.  The combinations are few (six
 * classes, a few flags), so the list stays bounded whatever the input.
 */
#include <string.h>
#include "sv_cap.h"

static int same_evidence(const sv_variant_t *a, const sv_variant_t *b)
{
    return a->gene == b->gene && a->cls == b->cls && a->used == b->used && a->set_aside == b->set_aside
        && a->overlaps_hotspot == b->overlaps_hotspot && a->disagree == b->disagree && !strcmp(a->annot_unread, b->annot_unread) && a->determined == b->determined
        && a->protein_changing == b->protein_changing && a->symbolic == b->symbolic;
}

int sv_cap_keep(const sv_variant_t *kept, int nkept, const sv_variant_t *v)
{
    int n = 0;
    for (int i = 0; i < nkept; i++) n += kept[i].gene == v->gene;
    if (n < SV_LIST_CAP) return 1;
    for (int i = 0; i < nkept; i++)
        if (same_evidence(&kept[i], v)) return 0;
    return 1;
}
