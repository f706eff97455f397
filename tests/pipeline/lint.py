#!/usr/bin/env python3
"""lint.py - check what cannot be run here: the YAML of the wrapper, module, recipe and workflow, the
nf-core module's conventions and meta.yml schema, the recipe's requirements, the Dockerfile's packages,
and the man page's source against --help.  Python 3 with python3-yaml, python3-jinja2, python3-jsonschema
(Debian's, as snakemake brings them).

Usage: python3 tests/pipeline/lint.py TOP      prints "PASS name" / "FAIL name: why" lines
"""
import os
import re
import subprocess
import sys

import jinja2
import jsonschema
import yaml

TOP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
os.environ["PATH"] = TOP + os.pathsep + os.environ.get("PATH", "")   # the version command runs our binary
MODULE = os.path.join(TOP, "modules/nf-core/mcrcreport")
results = []


def check(name, cond, why=""):
    results.append((name, bool(cond), why))
    print(("PASS %s" % name) if cond else ("FAIL %s: %s" % (name, why)), flush=True)


def read(path):
    with open(os.path.join(TOP, path), encoding="utf-8") as f:
        return f.read()


def load_yaml(path, text=None):
    try:
        return yaml.safe_load(text if text is not None else read(path)), ""
    except (OSError, yaml.YAMLError) as e:
        return None, str(e).replace("\n", " ")


def makefile_version():
    m = re.search(r"^VERSION\s*=\s*(\S+)", read("Makefile"), re.M)
    return m.group(1) if m else None


VERSION = makefile_version()


def render_recipe():
    """conda-build's jinja, with stand-ins for its functions."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    tmpl = env.from_string(read("recipe/meta.yaml"))
    return tmpl.render(compiler=lambda lang: "%s_compiler_stub" % lang,
                       pin_subpackage=lambda name, **kw: "%s pinned" % name)


# ---- every YAML file parses ----
YAMLS = ["modules/nf-core/mcrcsummary/environment.yml", "bio/mcrc-report/meta.yaml", "bio/mcrc-report/environment.yaml", "workflows/snakemake/config.yaml",
         "modules/nf-core/mcrcreport/meta.yml", "modules/nf-core/mcrcreport/environment.yml"]
docs = {}
for p in YAMLS:
    docs[p], err = load_yaml(p)
    check("yaml %s" % p, isinstance(docs[p], dict), err or "not a mapping")
try:
    recipe_text = render_recipe()
    docs["recipe"], err = load_yaml("recipe/meta.yaml", recipe_text)
except (jinja2.TemplateError, OSError) as e:
    docs["recipe"], err = None, str(e)
check("yaml recipe/meta.yaml (jinja rendered)", isinstance(docs["recipe"], dict), err or "not a mapping")

# ---- nf-core meta.yml: the rules of nf-core's meta-schema (2024-25 form: output keyed by channel) ----
ELEMENT = {
    "type": "object",
    "minProperties": 1, "maxProperties": 1,
    "additionalProperties": {
        "type": "object",
        "required": ["type", "description"],
        "properties": {
            "type": {"enum": ["map", "file", "directory", "string", "integer", "float", "boolean", "list", "eval"]},
            "description": {"type": "string"},
            "pattern": {"type": "string"},
            "ontologies": {"type": "array", "uniqueItems": True,
                           "items": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^https?://"}}},
        },
    },
}
URL = {"type": "string", "pattern": "^(http|https|ftp)://"}
META_SCHEMA = {
    "type": "object",
    "required": ["name", "description", "keywords", "authors", "output", "tools", "topics"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "topics": {"type": "object", "required": ["versions"], "additionalProperties": {
            "type": "array", "items": {"anyOf": [{"type": "array", "items": ELEMENT}, ELEMENT]}}},
        "description": {"type": "string"},
        "keywords": {"type": "array", "minItems": 3, "uniqueItems": True,
                     "items": {"type": "string", "not": {"const": "example"}}},
        "authors": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "maintainers": {"type": "array", "items": {"type": "string"}},
        "input": {"type": "array", "items": {"anyOf": [{"type": "array", "items": ELEMENT}, ELEMENT]}},
        "output": {"type": "object", "additionalProperties": {
            "type": "array", "items": {"anyOf": [{"type": "array", "items": ELEMENT}, ELEMENT]}}},
        "tools": {"type": "array", "minItems": 1, "items": {
            "type": "object", "additionalProperties": {
                "type": "object", "required": ["description"],
                "properties": {
                    "description": {"type": "string"},
                    "homepage": URL, "documentation": URL, "tool_dev_url": URL,
                    "doi": {"anyOf": [{"type": "string", "pattern": r"^10\.\d{4,9}/[^,]+$"}, {"const": "no DOI available"}]},
                    "licence": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
                    "identifier": {"anyOf": [{"type": "string", "pattern": "^biotools:"}, {"type": "string", "maxLength": 0}]},
                },
                "anyOf": [{"required": ["homepage"]}, {"required": ["documentation"]},
                          {"required": ["tool_dev_url"]}, {"required": ["doi"]}],
            }}},
    },
}
meta = docs["modules/nf-core/mcrcreport/meta.yml"]
if meta is not None:
    errs = sorted(jsonschema.Draft7Validator(META_SCHEMA).iter_errors(meta), key=lambda e: list(e.path))
    check("nf-core meta.yml schema", not errs, "; ".join("%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errs[:3]))

# ---- nf-core main.nf: conventions, and agreement with meta.yml ----
main_nf = read("modules/nf-core/mcrcreport/main.nf")
check("nf-core main.nf process name", re.search(r"^process MCRCREPORT \{", main_nf, re.M) and meta and meta.get("name") == "mcrcreport",
      "process MCRCREPORT and meta.yml name mcrcreport expected (the tool's name without punctuation)")
script = main_nf[main_nf.find("script:"):main_nf.find("stub:")]
for what, pat in [("task.ext.args", r"def args\s*=\s*task\.ext\.args \?: ''"), ("task.ext.prefix", r"task\.ext\.prefix \?:"),
                  ("--threads $task.cpus", r"--threads \$task\.cpus"), ("$args passed", r"\$args"),
                  ("when: task.ext.when", r"task\.ext\.when == null \|\| task\.ext\.when"),
                  ("tag $meta.id", r'tag "\$meta\.id"'), ("process label", r"label 'process_(single|low|medium|high)'"),
                  ("conda environment.yml", r'conda "\$\{moduleDir\}/environment\.yml"'), ("container", r'container "')]:
    check("nf-core main.nf %s" % what, re.search(pat, script if what in ("task.ext.args", "--threads $task.cpus", "$args passed") else main_nf), "not found")
stub = main_nf[main_nf.find("stub:"):]
check("nf-core main.nf stub block", re.search(r"^\s*stub:\s*$", main_nf, re.M) and all("touch ${prefix}.%s" % x in stub for x in ("xml", "html", "json")),
      "no stub: touching the outputs")
# issue 16: one run writes every format (the module ran the tool twice before)
check("nf-core main.nf runs mcrc-report once for XML, HTML and JSON",
      len(re.findall(r"^\s*mcrc-report\b", script, re.M)) == 1
      and all(o in script for o in ("-o ${prefix}.xml", "--html ${prefix}.html", "--json ${prefix}.json")),
      "want one mcrc-report command with -o ${prefix}.xml --html ${prefix}.html --json ${prefix}.json")
check("nf-core versions by topic channel only", "versions.yml" not in main_nf and "END_VERSIONS" not in main_nf,
      "main.nf still writes versions.yml")
# staged inputs, never paths in ext.args: --callable, --fasta (with its .fai) and --kb come from input channels
for opt, var in (("--callable", "callable"), ("--fasta", "fasta"), ("--kb", "kb")):
    want = '%s ? "%s ${%s}" : ' % (var, opt, var)
    check("nf-core input %s is a staged file" % opt, want + "''" in script and ("$%s_arg" % var) in script,
          "no %s'' passed in the script" % want)
emits = re.findall(r"emit:\s*(\w+)", main_nf)
if meta:
    check("nf-core emits = meta.yml output", sorted(emits) == sorted(meta.get("output", {})), "main.nf %s, meta.yml %s" % (emits, list(meta.get("output", {}))))
    m = re.search(r"input:\s*\n(.*?)\n\s*\n", main_nf, re.S)
    nf_inputs = [re.findall(r"(?:val|path)\((\w+)", ln) for ln in m.group(1).split("\n")] if m else []
    meta_inputs = [[list(e)[0] for e in (ch if isinstance(ch, list) else [ch])] for ch in (meta.get("input") or [])]
    check("nf-core inputs = meta.yml input", nf_inputs == meta_inputs, "main.nf %s, meta.yml %s" % (nf_inputs, meta_inputs))
    tool = (meta.get("tools") or [{}])[0].get("mcrc-report", {})
    check("nf-core meta.yml homepage and documentation", tool.get("homepage") and tool.get("documentation"), "both needed")

# the version: a tuple on the versions topic, whose eval command is run for real against the binary
vm = re.search(r"""tuple val\("\$\{task\.process\}"\), val\('mcrc-report'\), eval\("(.*)"\), topic: versions, emit: versions_mcrcreport$""", main_nf, re.M)
if vm:
    cmd = vm.group(1)
    got = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True).stdout.strip()
    first = subprocess.run([os.path.join(TOP, "mcrc-report"), "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    check("nf-core version command", got and first == "mcrc-report " + got and re.fullmatch(r"\d+\.\d+\.\d+", got),
          "command %r gave %r; --version's first line is %r" % (cmd, got, first))
    for where, key in (("output", "versions_mcrcreport"), ("topics", "versions")):
        block = ((meta or {}).get(where) or {}).get(key) or [[{}, {}, {}]]
        keys = [list(e)[0] for e in block[0]]
        check("nf-core meta.yml %s: the version tuple" % where, keys == ["${task.process}", "mcrc-report", cmd]
              and list(block[0][2].values())[0].get("type") == "eval", "got %s" % keys)
else:
    check("nf-core version command", False, "no versions_mcrcreport tuple with eval(...) on the versions topic")

env = docs["modules/nf-core/mcrcreport/environment.yml"] or {}
check("nf-core environment.yml", env.get("channels") == ["conda-forge", "bioconda"]
      and env.get("dependencies") == ["bioconda::mcrc-report=%s" % VERSION], "want conda-forge, bioconda; bioconda::mcrc-report=%s" % VERSION)
check("nf-core container tag = version", 'container "mcrc-report:%s"' % VERSION in main_nf, "container tag is not %s" % VERSION)

# nf-test: the data it names exist (from the module directory, as nf-test's moduleDir)
nftest = read("modules/nf-core/mcrcreport/tests/main.nf.test")
files = re.findall(r'file\("\$\{moduleDir\}/([^"]+)"', nftest)
missing = [f for f in files if not os.path.exists(os.path.normpath(os.path.join(MODULE, f)))]
check("nf-test data files exist", files and not missing, "missing: %s" % missing)
check("nf-test snapshot left to a real run", not os.path.exists(os.path.join(MODULE, "tests/main.nf.test.snap")),
      "main.nf.test.snap exists: a snapshot is recorded where Nextflow runs, never written by hand")
check("nf-test names the process", 'process "MCRCREPORT"' in nftest and 'script "../main.nf"' in nftest and 'options "-stub"' in nftest,
      "process/script/stub test missing")

# ---- the nf-core module for mcrc-summary: the same conventions, fewer inputs ----
SUMMARY = os.path.join(TOP, "modules/nf-core/mcrcsummary")
smeta, err = load_yaml("modules/nf-core/mcrcsummary/meta.yml")
check("yaml modules/nf-core/mcrcsummary/meta.yml", isinstance(smeta, dict), err or "not a mapping")
smain = read("modules/nf-core/mcrcsummary/main.nf")
if isinstance(smeta, dict):
    errs = sorted(jsonschema.Draft7Validator(META_SCHEMA).iter_errors(smeta), key=lambda e: list(e.path))
    check("nf-core mcrcsummary meta.yml schema", not errs, "; ".join("%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errs[:3]))
    check("nf-core mcrcsummary name", re.search(r"^process MCRCSUMMARY \{", smain, re.M) and smeta.get("name") == "mcrcsummary", "process/name")
    semits = re.findall(r"emit:\s*(\w+)", smain)
    check("nf-core mcrcsummary emits = meta.yml output", sorted(semits) == sorted(smeta.get("output", {})), "%s vs %s" % (semits, list(smeta.get("output", {}))))
    for pat in (r"def args\s*=\s*task\.ext\.args \?: ''", r"\$args", r"task\.ext\.when == null \|\| task\.ext\.when", r'tag "\$meta\.id"',
                r'conda "\$\{moduleDir\}/environment\.yml"', r'container "mcrc-report:%s"' % re.escape(VERSION), r"^\s*stub:\s*$", r"-l \$\{prefix\}\.reports\.txt"):
        check("nf-core mcrcsummary main.nf /%s/" % pat, re.search(pat, smain, re.M), "not found")
    check("nf-core mcrcsummary versions by topic only", "versions.yml" not in smain, "writes versions.yml")
    sv = re.search(r"""tuple val\("\$\{task\.process\}"\), val\('mcrc-summary'\), eval\("(.*)"\), topic: versions, emit: versions_mcrcsummary$""", smain, re.M)
    got = subprocess.run(["bash", "-c", sv.group(1)], capture_output=True, text=True).stdout.strip() if sv else ""
    check("nf-core mcrcsummary version command", got == VERSION, "gave %r" % got)
    keys = [list(e)[0] for e in ((smeta.get("topics") or {}).get("versions") or [[{}]])[0]]
    check("nf-core mcrcsummary meta.yml topics: the version tuple", sv and keys == ["${task.process}", "mcrc-summary", sv.group(1)], "got %s" % keys)
stest = read("modules/nf-core/mcrcsummary/tests/main.nf.test")
sfiles = re.findall(r'file\("\$\{moduleDir\}/([^"]+)"', stest)
check("nf-test mcrcsummary data files exist", sfiles and all(os.path.exists(os.path.normpath(os.path.join(SUMMARY, f))) for f in sfiles), "missing files")
check("nf-test mcrcsummary: no hand-written snapshot", not os.path.exists(os.path.join(SUMMARY, "tests/main.nf.test.snap")), "main.nf.test.snap exists")

# ---- Snakemake wrapper ----
wmeta = docs["bio/mcrc-report/meta.yaml"] or {}
check("wrapper meta.yaml keys", all(k in wmeta for k in ("name", "description", "authors", "input", "output", "params")),
      "needs name, description, authors, input, output, params")
wenv = docs["bio/mcrc-report/environment.yaml"] or {}
check("wrapper environment.yaml", "bioconda" in (wenv.get("channels") or []) and "mcrc-report =%s" % VERSION in (wenv.get("dependencies") or []),
      "want channel bioconda and 'mcrc-report =%s'" % VERSION)
wpy = read("bio/mcrc-report/wrapper.py")
check("wrapper.py compiles", compile(wpy, "wrapper.py", "exec") is not None)
check("wrapper meta.yaml url", wmeta.get("url") == "https://mcrc-report.invalid", "url: the project's home (placeholder)")
pys = [os.path.join(TOP, p) for p in ("bio/mcrc-report/wrapper.py", "workflows/snakemake/scripts/report_list.py")]
try:
    r = subprocess.run(["black", "--check", "--quiet"] + pys, capture_output=True, text=True)
    check("wrapper.py and report_list.py are black-clean", r.returncode == 0, (r.stderr or r.stdout).strip()[:200])
except OSError as e:
    check("wrapper.py and report_list.py are black-clean", False, "black: %s (tools/install-deps.sh test installs it)" % e)

# ---- bioconda recipe ----
rec = docs["recipe"] or {}
req = rec.get("requirements") or {}
want = {"htslib", "zlib", "libxml2", "libxslt", "openssl"}
check("recipe version = Makefile", (rec.get("package") or {}).get("version") == VERSION, "recipe %s, Makefile %s" % ((rec.get("package") or {}).get("version"), VERSION))
check("recipe host/run", want <= set(req.get("host") or []) and want <= set(req.get("run") or []), "host and run need %s" % sorted(want))
check("recipe build compiler", "c_compiler_stub" in (req.get("build") or []), "{{ compiler('c') }} missing")
tcmds = " ".join((rec.get("test") or {}).get("commands") or [])
check("recipe tests", "--version" in tcmds and "--help" in tcmds and "-o T1.xml" in tcmds, "need --version, --help and one run")
check("recipe build.sh", "make install prefix=\"${PREFIX}\"" in read("recipe/build.sh"), "build.sh must run make install prefix=$PREFIX")
build_sh = read("recipe/build.sh")
check("recipe build.sh PKG_CONFIG_PATH and CC_FOR_BUILD", re.search(r'^export PKG_CONFIG_PATH="\$\{PREFIX\}/lib/pkgconfig', build_sh, re.M)
      and 'CC_FOR_BUILD="${CC_FOR_BUILD:-' in build_sh, "host libraries from $PREFIX/lib/pkgconfig; the embed helper with CC_FOR_BUILD")
about = rec.get("about") or {}
HOME = "https://mcrc-report.invalid"
check("recipe about: home, MIT, license_file", about.get("home") == HOME and about.get("license") == "MIT"
      and about.get("license_file") == "LICENSE" and os.path.isfile(os.path.join(TOP, "LICENSE"))
      and read("LICENSE").startswith("MIT License"), "about: %s" % about)
check("recipe url/sha256 placeholder documented", re.search(r"#\s+url: \{\{ home \}\}/.*\{\{ version \}\}\.tar\.gz", read("recipe/meta.yaml"))
      and "sha256" in read("recipe/meta.yaml") and "mcrc-report.invalid" in read("docs/pipelines.md"), "source comment or docs missing")

# ---- Dockerfile: Debian 12 slim; build packages cover install-deps.sh's; runtime packages provide every
#      library the binaries need (this machine is Debian 12 too, so dpkg -S answers for the image) ----
dockerfile = read("Dockerfile")
stages = re.split(r"^FROM ", dockerfile, flags=re.M)[1:]
labels = dict(re.findall(r'(org\.opencontainers\.image\.[a-z.]+)="([^"]*)"', dockerfile))
check("Dockerfile OCI labels", labels.get("org.opencontainers.image.version") == VERSION
      and labels.get("org.opencontainers.image.licenses") == "MIT"
      and all("org.opencontainers.image." + k in labels for k in ("title", "description", "source", "url", "documentation")),
      "labels %s" % sorted(labels))
users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
check("Dockerfile runs as a non-root user", users and users[-1] not in ("root", "0") and re.search(r"useradd .*\b%s\b" % re.escape(users[-1]), dockerfile),
      "last USER %s" % users)
check("Dockerfile on debian:12-slim", len(stages) == 2 and all(s.startswith("debian:12-slim") for s in stages), "two debian:12-slim stages expected")


def apt_packages(stage):
    m = re.search(r"apt-get install -y --no-install-recommends\s*\\?\s*\n?(.*?)(?:&&|$)", stage, re.S)
    return set(re.sub(r"\\\n", " ", m.group(1)).split()) if m else set()


if len(stages) == 2:
    build_pkgs, run_pkgs = apt_packages(stages[0]), apt_packages(stages[1])
    m = re.search(r'^build="([^"]*)"', read("tools/install-deps.sh"), re.M)
    deps = set(m.group(1).split()) if m else set()
    check("Dockerfile build packages", deps and deps <= build_pkgs, "missing %s" % sorted(deps - build_pkgs))
    needed = set()
    for b in ("mcrc-report", "mcrc-summary"):
        out = subprocess.run(["readelf", "-d", os.path.join(TOP, b)], capture_output=True, text=True).stdout
        needed |= set(re.findall(r"\(NEEDED\).*\[(.*)\]", out))
    pkgs, unknown = set(), []
    for lib in sorted(needed):
        ldd = subprocess.run(["bash", "-c", "ldd %s | awk '$1==\"%s\"{print $3}'" % (os.path.join(TOP, "mcrc-report"), lib)],
                             capture_output=True, text=True).stdout.strip() or lib
        real = os.path.realpath(ldd) if os.path.exists(ldd) else ldd
        owner = ""
        for cand in (ldd, real):
            r = subprocess.run(["dpkg", "-S", cand], capture_output=True, text=True)
            if r.returncode == 0:
                owner = r.stdout.split(":")[0]
                break
        if owner:
            pkgs.add(owner)
        else:
            unknown.append(lib)
    missing = sorted(p for p in pkgs - run_pkgs if p not in ("libc6",))
    check("Dockerfile runtime packages", needed and not unknown and not missing,
          "libraries %s from packages %s; not installed in the image: %s; no package for %s" % (sorted(needed), sorted(pkgs), missing, unknown))

# ---- the man page's source against --help ----
md = read("docs/mcrc-report.1.md")
check("man source is ASCII", all(ord(c) < 128 for c in md), "non-ASCII characters")
terms = []   # (offset in the source, term line, its text without backquotes)
lines = md.split("\n")
offset = 0
for i, ln in enumerate(lines[:-1]):
    if lines[i + 1].startswith(":   "):
        body = []
        for b in lines[i + 1:]:
            if b.startswith(":   ") or b.startswith("    "):
                body.append(b[4:])
            elif body:
                break
        terms.append((offset, ln, " ".join(body).replace("`", "")))
    offset += len(ln) + 1
for prog in ("mcrc-report", "mcrc-summary"):
    helptext = subprocess.run([os.path.join(TOP, prog), "--help"], capture_output=True, text=True).stdout
    # each option line of --help: its long name, and the [default] of its description (which may wrap)
    opts = []
    for ln in helptext.split("\n"):
        m = re.match(r"\s+(?:-\w, )?(--[\w-]+)", ln)
        if m:
            opts.append([m.group(1), ln])
        elif opts and re.match(r"\s{20,}\S", ln):
            opts[-1][1] += " " + ln.strip()
    for opt, text in opts:
        entries = [(t, b) for o, t, b in terms if re.search(r"`[^`]*%s\b(?!-)[^`]*`" % re.escape(opt), t)
                   and (o > md.find("# PIPELINES AND COHORTS")) == (prog == "mcrc-summary")
                   and (prog == "mcrc-summary" or o < md.find("# STATUS WORDS"))]
        parts = re.split(r"\s{2,}", text.strip(), maxsplit=1)   # the description, after the metavar
        desc = parts[1] if len(parts) == 2 else text[text.find(opt) + len(opt):]
        dm = re.search(r"\[([^\]]+)\]", desc)
        default = " ".join(re.split(r"[:,(]", dm.group(1))[0].split()[:4]) if dm else None
        ok = bool(entries) and (default is None or any(("[" + default) in b for _, b in entries))
        check("man %s %s%s" % (prog, opt, " [%s]" % default if default else ""), ok,
              "no entry" if not entries else "entry lacks the default [%s" % default)
xsd = read("schemas/report.xsd")
words = re.findall(r'<xs:enumeration value="([a-z-]+)"/>', xsd[xsd.find('name="status"'):xsd.find("</xs:simpleType>", xsd.find('name="status"'))])
status_section = md[md.find("# STATUS WORDS"):md.find("# HOW ERBB2")]
check("man status words = schema", words and all("`%s`\n:   " % w in status_section for w in words), "schema words %s" % words)
exit_section = md[md.find("# EXIT STATUS"):md.find("# DIAGNOSTICS")]
check("man exit codes 0-4", all("`%d`\n:   " % c in exit_section for c in range(5)), "codes 0-4 each need an entry")
examples = md[md.find("# EXAMPLES"):md.find("# PIPELINES")]
callers = ["CNVkit", "DRAGEN", "GATK gCNV", "TSO500", "Mutect2", "Strelka2", "VarDict", "VEP", "SnpEff", "bcftools csq"]
check("man examples for each caller", all(c in examples for c in callers), "missing %s" % [c for c in callers if c not in examples])
check("man copy-number rules", "# HOW ERBB2 IS CALLED" in md and "--amp-cn" in md[md.find("# HOW ERBB2"):], "section missing")
check("man title version = Makefile", md.startswith("%% MCRC-REPORT(1) mcrc-report %s |" % VERSION), "title line version")

nfail = sum(1 for r in results if not r[1])
print("%d passed, %d failed" % (len(results) - nfail, nfail))
sys.exit(1 if nfail else 0)
