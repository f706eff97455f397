/* embedded.h - data files compiled into the binary (see tools/embed.c and the Makefile's EMBED_TABLES and
 * EMBED_OTHER lists; refdata.c reads the tables). */
#ifndef MCRC_EMBEDDED_H
#define MCRC_EMBEDDED_H
#include <stddef.h>
/* NUL-terminated contents of the embedded file NAME (e.g. "genes.tsv"), or NULL; *len gets its size. */
const char *embedded_get(const char *name, size_t *len);
/* The built-in tables (the Makefile's EMBED_TABLES), in the order the report's data checksum reads them;
 * NULL-terminated. */
extern const char *const embedded_tables[];
#endif
