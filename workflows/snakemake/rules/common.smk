# Helpers of the example workflow (included by ../Snakefile): the sample sheet and output paths.
import csv
import os
import re

from snakemake.exceptions import WorkflowError


def read_sheet(path):
    """sample -> {"cnv": [...], "snv": [...], "extra": str}; errors name the line."""
    base = os.path.dirname(os.path.abspath(path))
    with open(path, newline="") as f:
        rows = [(n, r) for n, r in enumerate(csv.reader(f, delimiter="\t"), 1) if r and not r[0].startswith("#")]
    if not rows:
        raise ValueError("%s: empty sample sheet" % path)
    header = [h.strip() for h in rows[0][1]]
    for col in ("sample", "cnv", "snv"):
        if col not in header:
            raise ValueError("%s: the header needs the columns sample, cnv, snv (and optionally extra)" % path)
    samples = {}
    for n, r in rows[1:]:
        rec = dict(zip(header, (v.strip() for v in r)))
        name = rec.get("sample", "")
        if not re.fullmatch(r"[A-Za-z0-9._-]+", name):
            raise ValueError("%s: line %d: sample name %r: use letters, digits, '.', '_' and '-'" % (path, n, name))
        if name in samples:
            raise ValueError("%s: line %d: sample %s is listed twice" % (path, n, name))
        files = {}
        for col in ("cnv", "snv"):
            paths = [p.strip() for p in rec.get(col, "").split(",") if p.strip()]
            files[col] = [p if os.path.isabs(p) else os.path.normpath(os.path.join(base, p)) for p in paths]
        if not files["cnv"] and not files["snv"]:
            raise ValueError("%s: line %d: sample %s has neither a cnv nor an snv file" % (path, n, name))
        samples[name] = dict(files, extra=rec.get("extra", ""))
    return samples


def load_samples(path):
    """the sample sheet, or one clear line when it is missing"""
    if not os.path.isfile(path):
        raise WorkflowError(f"sample sheet {path} not found (set it with --config samples=PATH; "
                            f"a relative path is read from {os.getcwd()})")
    return read_sheet(path)


def out(*parts):
    """a path under the output directory (config outdir)"""
    return os.path.join(config["outdir"], *parts)


def wrapper_path():
    """config wrapper, or the wrapper in bio/mcrc-report of this source tree"""
    here = os.path.normpath(os.path.join(workflow.basedir, "..", "..", "bio", "mcrc-report"))
    return config.get("wrapper") or f"file:{here}"
