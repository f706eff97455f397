/*
 * facts.h - what one input is, as the rules need it: gathered while it is opened and read (input.c, run.c), read
 * by the rules (erbb2.c decides from it whether the file is a copy-number input at all) and by the report.  The
 * small-variant facts of an input (its annotation formats, declared fields, what it left unlisted) are the
 * small-variant rule's own (sv_input_t in small_variant.h).
 */
#ifndef MCRC_FACTS_H
#define MCRC_FACTS_H

typedef struct {
    int has_records;          /* the file holds any record (one with none is more likely a failed run than a
                               * genome without changes); set when it has been read */
    int cn_declared;          /* the header declares copy-number magnitude fields of the dialect table */
    char cn_fields[256];      /* which, for the report ("FORMAT/CN,INFO/CN"...) */
    int cn_valued_seen;       /* a segment with a magnitude overlapped a gene */
    unsigned gene_contigs;    /* bit g: the header has no ##contig lines, or one of them is gene g's chromosome */
    int touched_unknown;      /* a record fell in a gene span while the build was unknown */
    int all_segments;         /* the input lists every segment it measured, neutral ones too (a segment table):
                               * a base of a gene that none of its segments covers was not measured, where a
                               * copy-number VCF, which holds only changes, shows it unchanged */
    int is_table;             /* a segment table (segments.c): its rows, not ##contig lines, say what it covers;
                               * gene_contigs has gene g's bit only when a row covers part of gene g */
} input_facts_t;

#endif
