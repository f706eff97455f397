/* sv_cap.h - how many small variants a gene lists (design comment: sv_cap.c). */
#ifndef MCRC_SV_CAP_H
#define MCRC_SV_CAP_H

#include "small_variant.h"

#define SV_LIST_CAP 200      /* variants listed per gene before only new kinds of evidence are */
#define SV_LIST_CAP_TEXT "200"

/* v has just been filled in (not yet among kept[0..nkept-1]): is it listed?  1 while its gene has fewer than
 * SV_LIST_CAP listed variants, or when no listed variant of its gene bears on the status as it does. */
int sv_cap_keep(const sv_variant_t *kept, int nkept, const sv_variant_t *v);

#endif
