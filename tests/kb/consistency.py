#!/usr/bin/env python3
"""consistency.py KB.xml [--table]

One story per page.  Walks every result the report can give (5 ERBB2 x 5^3
KRAS/NRAS/BRAF statuses, and for a mutant KRAS or BRAF both a named change the
rules ask about - KRAS p.G12C, BRAF p.V600E - and another change), in every
language, selects the blocks as the tool does, and fails when:
  - two shown blocks claim different values for one topic (claims="topic:value");
    a clinician-summary block that disagrees with a patient block is reported as such;
  - a page has no anti-EGFR or no HER2-targeted claim from a patient block, from a
    bottom-line block, or from the clinician summary (no treatment statement);
  - the claims differ from EXPECTED below (the policy, written independently of the rules);
  - a HER2 drug is named, or a HER2 treatment is left open, without both safety blocks;
  - a question block asks about drugs that block EGFR on a page that does not offer them;
  - two patient blocks on one page are near-identical (difflib ratio >= 0.8);
  - an English page is above grade 8 (Flesch-Kincaid) or a Spanish page is below 70
    (Fernandez-Huerta), counting the patient blocks shown on it.
Sources and dates: every block with claims cites a source with a checked date;
every checked date is at most the KB's reviewed date and at most 365 days older,
and appears in the source's text; every block's reviewed date is the KB's.
--table prints, per result group, the bottom-line sentences a page gives (English).
Exit status: 0 all pass, 1 some check failed, 2 unreadable KB.
"""
import datetime
import difflib
import re
import sys

sys.dont_write_bytecode = True   # keep tests/kb free of __pycache__
sys.path.insert(0, __import__("os").path.dirname(__file__))
import kblib  # noqa: E402
import readability  # noqa: E402

SNV = ("KRAS", "NRAS", "BRAF")
TOPICS = {
    "anti-egfr": ("option", "not-preferred", "not-recommended", "with-g12c-drug", "with-braf-drug",
                  "depends-on-her2", "depends-on-tests", "uncertain"),
    "her2-targeted": ("option", "ihc3-only", "not-indicated", "depends-on-her2", "depends-on-tests"),
    "g12c-targeted": ("option",),
    "braf-targeted": ("option",),
}
HER2_DRUGS = re.compile(r"trastuzumab|pertuzumab|lapatinib|tucatinib|deruxtec", re.IGNORECASE)
EGFR_WORDS = re.compile(r"cetuximab|panitumumab|EGFR", re.IGNORECASE)


def group(calls, changes):
    """The RAS/BRAF group of a result (see the comment above the rules in the KB)."""
    kras, nras, braf = (calls[g] == "mutant" for g in SNV)
    if kras and "p.G12C" in changes.get("KRAS", ()) and not nras:
        return "g12c"
    if kras or nras:
        return "ras"
    if braf:
        return "v600e" if "p.V600E" in changes.get("BRAF", ()) else "braf"
    if all(calls[g] == "wild-type" for g in SNV):
        return "wt"
    return "inc"


def her2_class(calls):
    return {"amplified": "amp", "not-amplified": "notamp"}.get(calls["ERBB2"], "unknown")


def expected(calls, changes):
    """The policy: the claims every page must make, by HER2 class and RAS/BRAF group."""
    h, g = her2_class(calls), group(calls, changes)
    anti = {"ras": "not-recommended", "g12c": "with-g12c-drug", "v600e": "with-braf-drug", "braf": "uncertain"}.get(g)
    if g == "wt":
        anti = {"notamp": "option", "amp": "not-preferred", "unknown": "depends-on-her2"}[h]
    if g == "inc":
        anti = "not-preferred" if h == "amp" else "depends-on-tests"
    if h == "notamp":
        her2 = "not-indicated"
    elif h == "unknown":
        her2 = "depends-on-her2"
    else:
        her2 = {"wt": "option", "inc": "depends-on-tests"}.get(g, "ihc3-only")
    exp = {"anti-egfr": anti, "her2-targeted": her2}
    if g == "g12c":
        exp["g12c-targeted"] = "option"
    if g == "v600e":
        exp["braf-targeted"] = "option"
    return exp


def check_sources(kb, errors):
    try:
        reviewed = datetime.date.fromisoformat(kb.reviewed)
    except (TypeError, ValueError):
        errors.append(f"knowledge-base reviewed=\"{kb.reviewed}\" is not a date")
        return
    for sid, day in kb.checked.items():
        d = datetime.date.fromisoformat(day)
        if d > reviewed or (reviewed - d).days > 365:
            errors.append(f"source {sid}: checked {day} is not within the year before the KB review ({kb.reviewed})")
        if day not in kb.sources[sid]:
            errors.append(f"source {sid}: its text does not say the date it was checked ({day})")
    for b in kb.blocks:
        if b.reviewed != kb.reviewed:
            errors.append(f"block {b.id} ({b.lang}): reviewed {b.reviewed}, but the KB has one review date, {kb.reviewed}")
        for topic, value in b.claims.items():
            if topic not in TOPICS or value not in TOPICS[topic]:
                errors.append(f"block {b.id} ({b.lang}): unknown claim {topic}:{value}")
        if b.claims and not any(s in kb.checked for s in b.sources):
            errors.append(f"block {b.id} ({b.lang}): makes treatment claims but cites no source with a checked date")


def page_text_units(blocks):
    return [u for b in blocks for u in b.units()]


def main(argv):
    args = argv[1:]
    table = "--table" in args
    args = [a for a in args if a != "--table"]
    if len(args) != 1:
        print("usage: consistency.py KB.xml [--table]", file=sys.stderr)
        return 2
    kb = kblib.load_or_exit(args[0], "consistency.py")
    by = {(b.id, b.lang): b for b in kb.blocks}
    errors = []
    check_sources(kb, errors)
    n = 0
    worst_en, worst_es = 0.0, 1000.0
    sentences = {}
    similar, scored = {}, set()
    for calls, changes in kblib.all_results():
        n += 1
        label = " ".join(f"{g}={calls[g]}" + (f"({','.join(changes[g])})" if g in changes else "") for g in kblib.GENES)
        ids = kb.select(calls, changes)
        exp = expected(calls, changes)
        for lang in kb.langs():
            blocks = [by[(i, lang)] for i in ids if (i, lang) in by]
            patient = [b for b in blocks if b.audience == "patient"]
            said = {}
            for b in blocks:
                for topic, value in b.claims.items():
                    if topic in said and said[topic][1] != value:
                        other = said[topic][0]
                        who = "clinician summary contradicts patient block" if (b.audience != other.audience) else "two blocks disagree"
                        errors.append(f"{label} [{lang}]: {who}: {other.id} says {topic}:{said[topic][1]}, {b.id} says {topic}:{value}")
                    said.setdefault(topic, (b, value))
            for topic in ("anti-egfr", "her2-targeted"):
                for who, subset in (("patient", patient), ("bottom-line", [b for b in patient if b.section == "bottom-line"]),
                                    ("clinician", [b for b in blocks if b.section == "clinician-summary"])):
                    if not any(topic in b.claims for b in subset):
                        errors.append(f"{label} [{lang}]: no {who} block makes a {topic} statement")
            got = {t: v for t, (_, v) in said.items()}
            if got != exp:
                errors.append(f"{label} [{lang}]: claims {got}, policy expects {exp}")
            shown = set(ids)
            her2_open = got.get("her2-targeted") not in (None, "not-indicated")
            if (her2_open or any(HER2_DRUGS.search(b.text()) for b in patient)) \
                    and not {"her2-side-effects", "her2-drug-warnings"} <= shown:
                errors.append(f"{label} [{lang}]: HER2 treatment is mentioned but the safety blocks are not shown")
            if got.get("anti-egfr") != "option" and any(EGFR_WORDS.search(b.text()) for b in patient if b.section == "questions"):
                errors.append(f"{label} [{lang}]: a question asks about EGFR drugs on a page that does not offer them")
            if "next-msi" not in shown:
                errors.append(f"{label} [{lang}]: the page does not say MSI is tested separately")
            for i, a in enumerate(patient):
                for b in patient[i + 1:]:
                    pair = (a.id, b.id, lang)
                    if pair not in similar:
                        similar[pair] = difflib.SequenceMatcher(None, a.text(), b.text()).quick_ratio() >= 0.8 and \
                            difflib.SequenceMatcher(None, a.text(), b.text()).ratio() >= 0.8
                    if similar[pair]:
                        errors.append(f"{label} [{lang}]: blocks {a.id} and {b.id} are near-identical")
            page = tuple(b.id for b in patient)
            if (page, lang) in scored:
                continue
            scored.add((page, lang))
            units = page_text_units(patient)
            if lang == "en":
                grade = readability.fk_grade(units)[0]
                worst_en = max(worst_en, grade)
                if grade > 8.0:
                    errors.append(f"{label} [en]: page grade {grade:.2f} is above 8")
                key = (her2_class(calls), group(calls, changes))
                sentences.setdefault(key, " / ".join(f"{b.title}: {b.parts[0][1]}" for b in patient if b.section == "bottom-line"))
            elif lang == "es":
                fh = readability.fernandez_huerta(units)[0]
                worst_es = min(worst_es, fh)
                if fh < 70.0:
                    errors.append(f"{label} [es]: page Fernandez-Huerta {fh:.1f} is below 70")
    for e in errors[:80]:
        print("ERROR: " + e)
    if len(errors) > 80:
        print(f"ERROR: ... and {len(errors) - 80} more")
    if table:
        for (h, g), text in sorted(sentences.items()):
            print(f"table: HER2 {h:7s} RAS/BRAF {g:6s} | {text}")
    print(f"summary: {n} results x {len(kb.langs())} language(s) walked; worst English page grade {worst_en:.2f}, "
          f"worst Spanish page Fernandez-Huerta {worst_es:.1f}; {len(errors)} error(s)")
    if errors:
        print("FAIL")
        return 1
    print("OK: every page tells one story, with a treatment statement, safety where HER2 drugs come up, and dated sources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
