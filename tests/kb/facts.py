#!/usr/bin/env python3
"""facts.py KB.xml

Checks that the knowledge base carries every fact of the source sheet:
  1. every fact tag below is on at least one English and one Spanish block,
     and no block uses a tag that is not in the list (catches typos);
  2. every English block carrying a tag literally contains that fact's key
     words (each key is a list of alternatives; one must occur, case-insensitive,
     as a whole word or phrase);
  3. every Spanish block carrying a tag contains the fact's language-neutral
     keys (numbers, drug and gene names, web addresses);
  4. the sheet's three web addresses appear in at least one English and one
     Spanish patient block.
Exit status: 0 all facts carried, 1 something missing, 2 unreadable KB.
"""
import re
import sys

sys.dont_write_bytecode = True   # keep tests/kb free of __pycache__
sys.path.insert(0, __import__("os").path.dirname(__file__))
import kblib  # noqa: E402

# fact tag -> (keys checked in English text, language-neutral keys also checked in Spanish).
# A key is a tuple of alternatives; a trailing "*" allows any word ending (prefix match).
FACTS = {
    "her2-gene": ([("HER2",), ("ERBB2",), ("EGFR",), ("gene",), ("family",), ("every cell", "each cell", "cell in your body")],
                  [("HER2",), ("ERBB2",), ("EGFR",)]),
    "her2-receptor": ([("receptor",), ("signal*",), ("grow",), ("divide",), ("repair*",), ("alive", "survive")], []),
    "amplification-meaning": ([("amplification",), ("copies",), ("receptors",), ("out of control", "uncontrolled")], []),
    "frequency-3-4": ([("3",), ("4",), ("%", "percent", "out of every 100", "in 100")], [("3",), ("4",)]),
    "frequency-kras-wt-6-8": ([("6",), ("8",), ("KRAS",), ("wild type", "wild-type", "no change")],
                              [("6",), ("8",), ("KRAS",)]),
    "left-sided": ([("left",), ("right",), ("colon",)], []),
    "somatic-not-inherited": ([("somatic",), ("chance",), ("not inherited",), ("children",)], []),
    "test-stage-iv": ([("NCCN",), ("stage IV", "stage 4"), ("metastatic",), ("HER2 test",)], [("NCCN",), ("IV",)]),
    "test-before-anti-egfr": ([("before",), ("EGFR",), ("cetuximab",), ("panitumumab",)],
                              [("EGFR",), ("cetuximab",), ("panitumumab",)]),
    "retest-recurrence": ([("comes back", "come back", "recurrence", "returns"), ("new tumour", "new tumor"), ("test*",)], []),
    "anti-egfr-poor-response": ([("EGFR",), ("HER2 amplification",), ("poorly", "poor response", "not work well"),
                                 ("cetuximab",), ("panitumumab",)],
                                [("EGFR",), ("cetuximab",), ("panitumumab",)]),
    "treatment-dual-her2": ([("trastuzumab",), ("pertuzumab",), ("lapatinib",), ("chemotherapy",), ("KRAS",),
                             ("NRAS",), ("BRAF",), ("wild type", "wild-type"), ("two drugs", "dual")],
                            [("trastuzumab",), ("pertuzumab",), ("lapatinib",), ("KRAS",), ("NRAS",), ("BRAF",)]),
    "side-effects-general": ([("side effects",), ("some people", "people react", "different ways"),
                              ("more strongly", "more sensitive")], []),
    "side-effects-list": ([("sick", "nausea"), ("vomiting",), ("skin",), ("headache",), ("dizzy", "dizziness"),
                           ("tired", "fatigue"), ("diarrhoea", "diarrhea"), ("constipation",), ("joints", "joint"),
                           ("muscles", "muscle"), ("anaemia", "anemia"), ("red blood cells",)], []),
    "tell-care-team-medicines": ([("doctor",), ("pharmacist",), ("vitamins",), ("herbal",)], []),
    "report-severe-symptoms": ([("severe",), ("call your doctor",), ("right away", "at once", "straight away", "immediately")], []),
    "personalised-treatment": ([("biomarker*",), ("personalised", "personalized")], []),
    "support-helpline": ([("helpline",), ("ccalliance.org/patient-family-support/helpline",)],
                         [("ccalliance.org/patient-family-support/helpline",)]),
    "clinical-trial-finder": ([("Clinical Trial Finder",), ("ccalliance.org/ctf",)], [("ccalliance.org/ctf",)]),
}

SHEET_LINKS = ("ccalliance.org/patient-family-support/helpline", "ccalliance.org/ctf",
               "ccalliance.org/colorectal-cancer-information/treatments/side-effects")


def has(text, key):
    """True if TEXT contains one of the alternatives in KEY as a whole word/phrase."""
    for alt in key:
        prefix = alt.endswith("*")
        alt = alt.rstrip("*")
        pat = re.escape(alt)
        if alt[0].isalnum():
            pat = r"(?<![\w/])" + pat
        if alt[-1].isalnum() and not prefix:
            pat = pat + r"(?![\w/])"
        if re.search(pat, text, re.IGNORECASE):
            return True
    return False


def main(argv):
    if len(argv) != 2:
        print("usage: facts.py KB.xml", file=sys.stderr)
        return 2
    kb = kblib.load_or_exit(argv[1], "facts.py")
    errors = []
    carried = {}
    for b in kb.blocks:
        for tag in b.facts:
            if tag not in FACTS:
                errors.append(f"{b.lang} {b.id}: unknown fact tag '{tag}'")
                continue
            carried.setdefault(tag, {}).setdefault(b.lang, []).append(b.id)
            en_keys, neutral_keys = FACTS[tag]
            keys = en_keys if b.lang == "en" else neutral_keys
            for key in keys:
                if not has(b.text(), key):
                    errors.append(f"{b.lang} {b.id}: fact '{tag}' but none of {' / '.join(key)!r} in the text")
    for tag in FACTS:
        for lang in ("en", "es"):
            ids = carried.get(tag, {}).get(lang)
            if ids:
                print(f"{tag:26s} {lang}: {' '.join(ids)}")
            else:
                errors.append(f"fact '{tag}' is on no '{lang}' block")
    for link in SHEET_LINKS:
        for lang in ("en", "es"):
            if not any(b.lang == lang and b.audience == "patient" and link in b.text() for b in kb.blocks):
                errors.append(f"link {link} is in no '{lang}' patient block")
    for e in errors:
        print("ERROR: " + e)
    n_checks = sum(len(v) for v in carried.values())
    print(f"summary: {len(FACTS)} fact tags, {n_checks} tagged language groups, {len(SHEET_LINKS)} links; "
          f"{len(errors)} error(s)")
    if errors:
        print("FAIL")
        return 1
    print("OK: every fact is carried in en and es, with its key words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
