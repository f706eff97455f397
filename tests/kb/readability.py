#!/usr/bin/env python3
"""readability.py KB.xml [--max GRADE] [--es-min SCORE]

Prints the Flesch-Kincaid grade of every patient-audience English block and
exits 1 if any is above the limit (default 8).  Spanish patient blocks get the
Fernandez-Huerta score (higher = easier; 70-80 is "fairly easy"); with --es-min
(tests/kb/check.sh gives 70 for the default KB) a Spanish block below it fails too.  Clinician blocks are not scored.

How text is counted (the same for both languages):
  - the title and each <p> and <li> are separate units; each unit is at least
    one sentence, and . ! ? followed by a space also end a sentence;
  - web addresses (ccalliance.org/...) are removed first: they are links, not prose;
  - a word is a run of letters/digits, with inner hyphens or apostrophes.
English syllables: vowel groups (a e i o u y), minus a silent final -e (but
consonant + "le" keeps its syllable), minus -ed / -es that add no syllable
(not after t/d, resp. s/x/z/ch/sh/ce/ge); hyphenated words are summed; numbers
count one syllable per digit; acronyms use the table below (letters spelled out
otherwise); every word has at least one syllable.
Spanish syllables: one per vowel group, plus one for each hiatus (two strong
vowels a/e/o, or an accented i/u, next to each other); final -y is a vowel.
Exit status: 0 all within the limit, 1 some block over it, 2 unreadable KB.
"""
import re
import sys

sys.dont_write_bytecode = True   # keep tests/kb free of __pycache__
sys.path.insert(0, __import__("os").path.dirname(__file__))
import kblib  # noqa: E402

WORD_RE = re.compile(r"[A-Za-z0-9\u00C0-\u017F]+(?:['\u2019-][A-Za-z0-9\u00C0-\u017F]+)*")
SENT_END_RE = re.compile(r"[.!?]+(?=\s)")

# How the acronyms we use are said aloud (syllables).
ACRONYMS = {"HER2": 2, "ERBB2": 5, "EGFR": 4, "KRAS": 2, "NRAS": 2, "BRAF": 2, "RAS": 1,
            "NCCN": 4, "DNA": 3, "IHC": 3, "ISH": 3, "IV": 1, "US": 2, "V600E": 5,
            "ESMO": 2, "ASCO": 2, "FISH": 1, "NGS": 3, "OK": 2}


def syllables_en(word):
    if word in ACRONYMS:
        return ACRONYMS[word]
    if word.isupper() and len(word) > 1 and any(c.isalpha() for c in word):
        return len(word)                          # unknown acronym: spelled out
    total = 0
    for part in re.split(r"[-'\u2019]", word.lower()):
        if not part:
            continue
        if part.isdigit():
            total += len(part)
            continue
        part = re.sub(r"[^a-z]", "", part)
        if not part:
            total += 1
            continue
        n = len(re.findall(r"[aeiouy]+", part))
        vowels = "aeiouy"
        if n > 1 and part.endswith("e"):
            if not (part.endswith("le") and len(part) > 2 and part[-3] not in vowels):
                n -= 1                            # silent e ("make"), but "table" keeps -le
        elif n > 1 and part.endswith("ed") and len(part) > 3 and part[-3] not in vowels + "td":
            n -= 1                                # "called", not "tested"
        elif n > 1 and part.endswith("es") and len(part) > 3 and part[-3] not in vowels + "sxz" \
                and not part.endswith(("ches", "shes", "ces", "ges")):
            n -= 1                                # "makes", not "changes"
        total += max(1, n)
    return max(1, total)


ES_STRONG = set("aeoáéóíú")
ES_VOWELS = set("aeiouáéíóúü")


def syllables_es(word):
    w = word.lower()
    if w.isdigit():
        return len(w)
    if w.endswith("y") and len(w) > 1 and w[-2] in ES_VOWELS:
        w = w[:-1] + "i"
    if w == "y":
        return 1
    n = 0
    for group in re.findall(r"[aeiouáéíóúü]+", w):
        strong = sum(1 for c in group if c in ES_STRONG)
        n += max(1, strong)
    return max(1, n)


def counts(units, syll):
    words = sentences = syllables = 0
    for unit in units:
        unit = kblib.strip_urls(unit)
        ws = WORD_RE.findall(unit)
        if not ws:
            continue
        words += len(ws)
        syllables += sum(syll(w) for w in ws)
        body = unit.rstrip()
        sentences += len(SENT_END_RE.findall(body + " ")) or 1
    return words, sentences, syllables


def fk_grade(units):
    w, s, y = counts(units, syllables_en)
    return 0.39 * w / s + 11.8 * y / w - 15.59, w, s, y


def fernandez_huerta(units):
    w, s, y = counts(units, syllables_es)
    return 206.84 - 0.60 * (100.0 * y / w) - 1.02 * (100.0 * s / w), w, s, y


def main(argv):
    args = argv[1:]
    es_min = kblib.pop_option(args, "--es-min", float)
    limit = kblib.pop_option(args, "--max", float, 8.0)
    if len(args) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    kb = kblib.load_or_exit(args[0], "readability.py")
    grades, over = [], []
    for b in kb.blocks:
        if b.audience != "patient" or b.lang != "en":
            continue
        g, w, s, y = fk_grade(b.units())
        grades.append(g)
        flag = "" if g <= limit else "   <-- above %.1f" % limit
        if g > limit:
            over.append(b.id)
        print("en %-32s FK grade %5.2f  (%d words, %d sentences, %d syllables)%s" % (b.id, g, w, s, y, flag))
    es_scores, es_low = [], []
    for b in kb.blocks:
        if b.audience != "patient" or b.lang != "es":
            continue
        fh, w, s, y = fernandez_huerta(b.units())
        es_scores.append(fh)
        low = es_min is not None and fh < es_min
        if low:
            es_low.append(b.id)
        print("es %-32s Fernandez-Huerta %6.1f  (%d words, %d sentences, %d syllables)%s"
              % (b.id, fh, w, s, y, "   <-- below %.0f" % es_min if low else ""))
    if not grades:
        print("readability.py: no English patient blocks found", file=sys.stderr)
        return 1
    print("summary: %d English patient blocks, FK grade min %.2f max %.2f (limit %.1f)"
          % (len(grades), min(grades), max(grades), limit))
    if es_scores:
        print("summary: %d Spanish patient blocks, Fernandez-Huerta min %.1f max %.1f (%s)"
              % (len(es_scores), min(es_scores), max(es_scores),
                 "limit %.0f" % es_min if es_min is not None else "information only"))
    if es_low:
        print("FAIL: Spanish below Fernandez-Huerta %.0f: %s" % (es_min, " ".join(es_low)))
        return 1
    if over:
        print("FAIL: above grade %.1f: %s" % (limit, " ".join(over)))
        return 1
    print("OK: every English patient block is at grade %.1f or below" % limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
