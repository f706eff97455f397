#!/usr/bin/env python3
"""reasons.py [REASONS.xml] [--src DIR] [--es-min SCORE]

Checks annotations/reasons.xml, the wording of the report's reasons and notes, against the code:
  - the ids of reason_ids[] in src/reason.c, the ids the C code names (string literals "erbb2-..." and
    "sv-..." in src/*.c) and the ids of the file are the same three sets: every id the code uses has
    a template, no template is unused, and the table the loader checks is complete;
  - every id has one text in each language of the file, and English among them;
  - the texts of one id have the same set of {placeholders} in every language, and no stray brace;
  - Spanish readability: the Fernandez-Huerta score of each Spanish text (placeholders left out; the
    same counting as readability.py) is printed, with the score of all of them together; with
    --es-min the combined score must reach it (single fragments such as "codon {codons}" are too
    short to score alone).
Exit status: 0 all pass, 1 a check failed, 2 unreadable file.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(__file__))
import kblib  # noqa: E402
import readability  # noqa: E402

PLACEHOLDER_RE = re.compile(r"\{([a-z0-9_]+)\}")
ID_LITERAL_RE = re.compile(r'"((?:erbb2|sv)-[a-z0-9]+(?:-[a-z0-9]+)*)"')


def load(path):
    raw = open(path, encoding="utf-8").read()
    if "<!DOCTYPE" in raw or "<!ENTITY" in raw:
        raise ValueError("a DOCTYPE or entity is not allowed")
    root = ET.fromstring(raw)
    if root.tag != "reasons":
        raise ValueError("the root element is not <reasons>")
    reasons = {}
    for r in root.findall("reason"):
        rid = r.get("id")
        if not rid or rid in reasons:
            raise ValueError("reason without an id, or defined twice: %r" % rid)
        texts = {}
        for t in r.findall("text"):
            lang = t.get("lang")
            if not lang or lang in texts:
                raise ValueError("reason %s: a text without a language, or twice in one" % rid)
            texts[lang] = t.text or ""
        reasons[rid] = texts
    return reasons


def code_ids(src):
    """(ids in reason_ids[] of reason.c, ids named anywhere else in src/*.c)"""
    table_src = open(os.path.join(src, "reason.c"), encoding="utf-8").read()
    m = re.search(r"reason_ids\[\]\s*=\s*\{(.*?)\};", table_src, re.S)
    table = set(ID_LITERAL_RE.findall(m.group(1))) if m else set()
    used = set()
    for fn in sorted(os.listdir(src)):
        if fn.endswith(".c") and fn != "reason.c":
            used |= set(ID_LITERAL_RE.findall(open(os.path.join(src, fn), encoding="utf-8").read()))
    return table, used


def main(argv):
    args = argv[1:]
    es_min = kblib.pop_option(args, "--es-min", float)
    src = kblib.pop_option(args, "--src", str, os.path.join(os.path.dirname(__file__), "..", "..", "src"))
    path = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..", "annotations", "reasons.xml")
    try:
        reasons = load(path)
    except (OSError, ValueError, ET.ParseError) as e:
        print("reasons.py: %s: %s" % (path, e), file=sys.stderr)
        return 2
    bad = []
    table, used = code_ids(src)
    ids = set(reasons)
    for rid in sorted(used - ids):
        bad.append("the code names %s, which has no template" % rid)
    for rid in sorted(ids - used):
        bad.append("template %s is not used by the code" % rid)
    for rid in sorted(table ^ ids):
        bad.append("%s is in %s but not in %s" % (rid, *(("reason_ids[]", "the file") if rid in table else ("the file", "reason_ids[]"))))
    langs = sorted({lang for texts in reasons.values() for lang in texts})
    if "en" not in langs:
        bad.append("no English texts")
    for rid, texts in sorted(reasons.items()):
        for lang in langs:
            if lang not in texts:
                bad.append("%s has no '%s' text" % (rid, lang))
        sets = {lang: set(PLACEHOLDER_RE.findall(t)) for lang, t in texts.items()}
        for lang, t in texts.items():
            if PLACEHOLDER_RE.sub("", t).count("{") or PLACEHOLDER_RE.sub("", t).count("}"):
                bad.append("%s (%s): a brace that is not a {placeholder}" % (rid, lang))
        if len({frozenset(s) for s in sets.values()}) > 1:
            bad.append("%s: placeholders differ between languages: %s" % (rid, "; ".join("%s {%s}" % (l, ", ".join(sorted(s))) for l, s in sorted(sets.items()))))
    # Spanish readability, placeholders left out
    units = []
    for rid, texts in sorted(reasons.items()):
        if "es" not in texts:
            continue
        unit = PLACEHOLDER_RE.sub(" ", texts["es"]).strip()
        if not readability.WORD_RE.findall(unit):
            continue
        units.append(unit)
        fh, w, s, y = readability.fernandez_huerta([unit])
        print("es %-32s Fernandez-Huerta %6.1f  (%d words, %d sentences, %d syllables)" % (rid, fh, w, s, y))
    if units:
        fh, w, s, y = readability.fernandez_huerta(units)
        print("summary: Spanish reasons together: Fernandez-Huerta %.1f (%d words, %d sentences, %d syllables)" % (fh, w, s, y))
        if es_min is not None and fh < es_min:
            bad.append("Spanish reasons together score %.1f, below %.0f" % (fh, es_min))
    for b in bad:
        print("FAIL " + b)
    if not bad:
        print("OK %d reasons, languages %s, every id used and worded" % (len(reasons), " ".join(langs)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
