"""Snakemake wrapper for mcrc-report: one tumour's VCF/BCF calls -> XML report and/or HTML page.

Inputs: every input file is a VCF, VCF.gz or BCF of the tumour, except these named ones:
  callable=  BED of adequately covered intervals (--callable)
  fasta=     reference FASTA with .fai (--fasta)
  kb=        knowledge-base directory (--kb)
Index files (.tbi, .csi, .fai) may be listed as inputs so that Snakemake tracks them; they are not
passed on (mcrc-report finds an index beside its file).
Outputs: one or more of *.xml / *.html / *.htm / *.json; the type follows the suffix. One run writes them
all (the first as -o, each further one as --xml/--html/--json), all or none.
Params: extra (further options, e.g. "-g GRCh37 --purity 0.4").  Threads: threads - 1 extra
decompression threads.
"""

__author__ = "mcrc-report maintainers"

import shlex

from snakemake.shell import shell

# the option that writes one more output of each type (the first output is -o; its suffix sets its type)
FLAGS = {".xml": "--xml", ".html": "--html", ".htm": "--html", ".json": "--json"}
SUFFIXES = tuple(FLAGS)
NAMED = {"callable": "--callable", "fasta": "--fasta", "kb": "--kb"}
INDEX_SUFFIXES = (".tbi", ".csi", ".fai")

extra = snakemake.params.get("extra", "")
opts = []
named_files = set()
for key, flag in NAMED.items():
    value = snakemake.input.get(key)
    if value:
        if not isinstance(value, str):
            raise ValueError("mcrc-report wrapper: input '%s' must be one file" % key)
        opts.append("%s %s" % (flag, shlex.quote(value)))
        named_files.add(value)

calls = [
    f
    for f in snakemake.input
    if f not in named_files and not f.endswith(INDEX_SUFFIXES)
]
if not calls:
    raise ValueError("mcrc-report wrapper: no VCF/BCF input")
if not snakemake.output:
    raise ValueError("mcrc-report wrapper: no output")
for out in snakemake.output:
    if not out.lower().endswith(SUFFIXES):
        raise ValueError(
            "mcrc-report wrapper: output %s: name it *.xml, *.html or *.json" % out
        )

# one run, every format: the same decision and provenance in each, written all or none
first, *more = list(snakemake.output)
outs = ["-o %s" % shlex.quote(first)]
flags_used = set()
for out in more:
    flag = FLAGS[next(s for s in SUFFIXES if out.lower().endswith(s))]
    if flag in flags_used:
        raise ValueError(
            "mcrc-report wrapper: output %s: one further output per type (%s is taken)"
            % (out, flag)
        )
    flags_used.add(flag)
    outs.append("%s %s" % (flag, shlex.quote(out)))

threads = max(snakemake.threads - 1, 0)
inputs = " ".join(shlex.quote(f) for f in calls)
log = snakemake.log_fmt_shell(stdout=True, stderr=True)
shell(
    "mcrc-report {extra} {opts} --threads {threads} {outs} {inputs} {log}",
    opts=" ".join(opts),
    outs=" ".join(outs),
)
