# The cohort's report paths, one per line, for mcrc-summary -l (run by the rule report_list):
# a file, since thousands of paths would not fit one command line.  `snakemake` is given by the
# script directive.
paths = snakemake.input  # noqa: F821
with open(snakemake.output[0], "w") as f:  # noqa: F821
    f.writelines(f"{p}\n" for p in paths)
