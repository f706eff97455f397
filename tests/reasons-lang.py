#!/usr/bin/env python3
"""reasons-lang.py EN.xml ES.xml - the same run's report in English and in Spanish: the reasons differ
only in their words.

Checks: both have the same <reason code> for each biomarker, in the same order; every Spanish reason
differs from the English one and has none of the English template words below; every listed variant's
note differs between the two (when it is not empty) and has none of them either.  Prints one line per
failure and exits 1 if any; 0 otherwise.
"""
import re
import sys
import xml.etree.ElementTree as ET

# words of the English templates (annotations/reasons.xml) that no Spanish template has
ENGLISH = re.compile(r"\b(the|was|were|given|calls?|over|below|above|assessed|is mutant|cannot|threshold|"
                     r"input|allele fraction|depth \d|listed|set aside|does not)\b")


def reasons(path):
    root = ET.parse(path).getroot()
    out = []
    for b in root.iter("biomarker"):
        r = b.find("reason")
        notes = [v.get("note", "") for v in b.findall("variant")]
        out.append((b.get("gene"), r.get("code"), r.text or "", notes))
    return out


def main(argv):
    en, es = reasons(argv[1]), reasons(argv[2])
    bad = []
    if [(g, c) for g, c, _, _ in en] != [(g, c) for g, c, _, _ in es]:
        bad.append("codes differ: %s / %s" % ([c for _, c, _, _ in en], [c for _, c, _, _ in es]))
    for (gene, code, t_en, n_en), (_, _, t_es, n_es) in zip(en, es):
        if t_en == t_es:
            bad.append("%s %s: the Spanish reason is the English one" % (gene, code))
        m = ENGLISH.search(t_es)
        if m:
            bad.append("%s %s: English word %r in the Spanish reason: %s" % (gene, code, m.group(0), t_es))
        for a, b in zip(n_en, n_es):
            if a and a == b:
                bad.append("%s: a variant note is the same in both languages: %s" % (gene, b))
            m = ENGLISH.search(b)
            if m:
                bad.append("%s: English word %r in a Spanish variant note: %s" % (gene, m.group(0), b))
    for b in bad:
        print("FAIL " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
