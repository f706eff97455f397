"""kblib.py - read an mcrc-report knowledge base (KB) for the check scripts.

Only parsing and rule evaluation live here; each check script imports this
module and does one kind of check.  The schema (schemas/annotations.xsd) is
checked separately with xmllint; this loader trusts nothing and re-checks the
few things the scripts rely on.

Safety: a KB never needs a DOCTYPE, so any <!DOCTYPE or <!ENTITY is refused
before the XML parser sees the file (no entity expansion, no external fetch).
"""
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

GENES = ("ERBB2", "KRAS", "NRAS", "BRAF")
ERBB2_STATUSES = ("amplified", "equivocal", "not-amplified", "indeterminate", "not-assessed")
SNV_STATUSES = ("mutant", "wild-type", "no-mutation-detected", "indeterminate", "not-assessed")
STATUSES = {"ERBB2": ERBB2_STATUSES, "KRAS": SNV_STATUSES, "NRAS": SNV_STATUSES, "BRAF": SNV_STATUSES}
AUDIENCES = ("patient", "clinician")
SECTIONS = ("bottom-line", "next-steps", "about", "result", "testing", "treatment", "side-effects", "questions",
            "support", "status-words", "limits", "clinician-summary")
SUPPORTED_FORMAT = "1"

URL_RE = re.compile(r"\b(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|gov|edu)(?:/[A-Za-z0-9._~%/-]*[A-Za-z0-9/])?",
                    re.IGNORECASE)


class KBError(Exception):
    """The file is not a usable knowledge base."""


@dataclass
class Block:
    id: str
    lang: str
    audience: str
    section: str
    version: str
    sources: list
    reviewed: str
    facts: list
    title: str
    claims: dict = field(default_factory=dict)   # topic -> value
    parts: list = field(default_factory=list)   # [("p", text) | ("li", text)]

    def units(self):
        """Title, then each p and li, as separate text units (whitespace collapsed)."""
        return [self.title] + [t for _, t in self.parts]

    def text(self):
        return "\n".join(self.units())


@dataclass
class When:
    genes: list
    statuses: list
    match: str
    negate: bool = False          # an <unless>
    changes: list = field(default_factory=list)   # change="p.G12C ..."

    def holds(self, calls, changes=None):
        changes = changes or {}
        hits = [calls[g] in self.statuses and (not self.changes or any(c in self.changes for c in changes.get(g, ())))
                for g in self.genes]
        ok = all(hits) if self.match == "all" else any(hits)
        return not ok if self.negate else ok


@dataclass
class Rule:
    id: str
    whens: list
    shows: list

    def fires(self, calls, changes=None):
        return all(w.holds(calls, changes) for w in self.whens)


@dataclass
class KB:
    path: str
    format: str
    version: str
    reviewed: str
    sources: dict
    blocks: list
    rules: list
    checked: dict = field(default_factory=dict)   # source id -> date it was checked

    def langs(self):
        return sorted({b.lang for b in self.blocks})

    def block(self, block_id, lang):
        for b in self.blocks:
            if b.id == block_id and b.lang == lang:
                return b
        return None

    def select(self, calls, changes=None):
        """Block ids shown for CALLS (gene -> status) and CHANGES (gene -> protein changes of its
        used variants): union over firing rules, in first-shown order."""
        shown = []
        for r in self.rules:
            if r.fires(calls, changes):
                for s in r.shows:
                    if s not in shown:
                        shown.append(s)
        return shown


def _clean(text):
    return " ".join((text or "").split())


def _words(attr):
    return (attr or "").split()


def load(path):
    """Parse PATH into a KB or raise KBError."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise KBError(f"{path}: cannot read: {e.strerror}")
    if re.search(rb"<!(DOCTYPE|ENTITY)", raw):
        raise KBError(f"{path}: DOCTYPE/ENTITY declarations are not allowed in a knowledge base")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        raise KBError(f"{path}: not well-formed XML: {e}")
    if root.tag != "knowledge-base":
        raise KBError(f"{path}: root element is <{root.tag}>, expected <knowledge-base>")
    fmt = root.get("format")
    if fmt != SUPPORTED_FORMAT:
        raise KBError(f"{path}: format=\"{fmt}\" is not supported (only \"{SUPPORTED_FORMAT}\")")

    sources, blocks, rules, checked = {}, [], [], {}
    for el in root:
        if el.tag == "sources":
            for s in el:
                if s.tag != "source" or not s.get("id"):
                    raise KBError(f"{path}: <sources> may only hold <source id=...>")
                if s.get("id") in sources:
                    raise KBError(f"{path}: source id '{s.get('id')}' declared twice")
                sources[s.get("id")] = _clean(s.text)
                if s.get("checked"):
                    checked[s.get("id")] = s.get("checked")
        elif el.tag == "block":
            title = el.find("title")
            if title is None:
                raise KBError(f"{path}: block '{el.get('id')}' ({el.get('lang')}) has no <title>")
            parts = []
            for child in el:
                if child.tag == "title":
                    continue
                if child.tag == "p":
                    parts.append(("p", _clean(child.text)))
                elif child.tag == "ul":
                    for li in child:
                        if li.tag != "li":
                            raise KBError(f"{path}: block '{el.get('id')}': <ul> may only hold <li>")
                        parts.append(("li", _clean(li.text)))
                else:
                    raise KBError(f"{path}: block '{el.get('id')}': unexpected <{child.tag}>")
                if len(child) and child.tag == "p":
                    raise KBError(f"{path}: block '{el.get('id')}': markup inside <p>")
            blocks.append(Block(
                id=el.get("id"), lang=el.get("lang"), audience=el.get("audience"),
                section=el.get("section"), version=el.get("version"),
                sources=_words(el.get("source")), reviewed=el.get("reviewed"),
                facts=_words(el.get("facts")), title=_clean(title.text), parts=parts,
                claims=dict(c.split(":", 1) for c in _words(el.get("claims")) if ":" in c)))
        elif el.tag == "rule":
            whens, shows = [], []
            for c in el:
                if c.tag in ("when", "unless"):
                    whens.append(When(genes=_words(c.get("genes")), statuses=_words(c.get("status")),
                                      match=c.get("match", "all"), negate=c.tag == "unless",
                                      changes=_words(c.get("change"))))
                elif c.tag == "show":
                    shows.append(c.get("block"))
                else:
                    raise KBError(f"{path}: rule '{el.get('id')}': unexpected <{c.tag}>")
            rules.append(Rule(id=el.get("id"), whens=whens, shows=shows))
        else:
            raise KBError(f"{path}: unexpected element <{el.tag}>")
    return KB(path=path, format=fmt, version=root.get("version"), reviewed=root.get("reviewed"),
              sources=sources, blocks=blocks, rules=rules, checked=checked)


def all_calls():
    """Every combination of statuses: 5 (ERBB2) x 5 x 5 x 5 = 625 dicts gene -> status."""
    for combo in itertools.product(*(STATUSES[g] for g in GENES)):
        yield dict(zip(GENES, combo))


# The protein changes the default KB's rules ask about, and a stand-in for "some other change".
CHANGE_VARIANTS = {"KRAS": ("p.G12C", "p.G12D"), "BRAF": ("p.V600E", "p.D594G")}


def all_results():
    """Every combination of statuses, and for a mutant KRAS or BRAF each of CHANGE_VARIANTS:
    yields (calls, changes) with calls gene -> status and changes gene -> [protein change]."""
    for calls in all_calls():
        options = []
        for g in GENES:
            if calls[g] == "mutant" and g in CHANGE_VARIANTS:
                options.append([(g, c) for c in CHANGE_VARIANTS[g]])
            else:
                options.append([(g, None)])
        for pick in itertools.product(*options):
            yield calls, {g: [c] for g, c in pick if c}


def pop_option(args, name, convert=str, default=None):
    """Remove "name VALUE" from the argument list args and return convert(VALUE), or default if absent."""
    if name not in args:
        return default
    i = args.index(name)
    value = convert(args[i + 1])
    del args[i:i + 2]
    return value


def strip_urls(text, repl=" "):
    return URL_RE.sub(repl, text)


def load_or_exit(path, prog):
    try:
        return load(path)
    except KBError as e:
        print(f"{prog}: error: {e}", file=sys.stderr)
        sys.exit(2)
