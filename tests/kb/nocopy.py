#!/usr/bin/env python3
"""nocopy.py KB.xml SHEET.txt [--n 6]

Fails if any run of N (default 6) consecutive words of the source sheet
appears in the text of any knowledge-base block (title, p and li, every
language; a block's units are joined, so a run across two list items counts
too).  Comparison ignores case and punctuation: both texts are lower-cased and
every run of non-letters/digits becomes one word break.  Web addresses are
removed from both texts first (a link has to be quoted exactly, and it is not
prose), and the break they leave splits runs.
Exit status: 0 no copied run, 1 copied runs found (each is printed), 2 bad input.
"""
import re
import sys

sys.dont_write_bytecode = True   # keep tests/kb free of __pycache__
sys.path.insert(0, __import__("os").path.dirname(__file__))
import kblib  # noqa: E402

BREAK = "\x00"


def normalise(text):
    """Lower-case word list; a removed URL leaves BREAK, which no run may cross."""
    text = kblib.strip_urls(text, " %s " % BREAK)
    text = text.lower().replace("\u2019", "'")
    return re.findall(r"[^\W_]+|\x00", text)


def runs(words, n):
    """Yield every n-word run that does not cross a BREAK."""
    for i in range(len(words) - n + 1):
        run = words[i:i + n]
        if BREAK not in run:
            yield tuple(run)


def main(argv):
    args = argv[1:]
    n = 6
    if "--n" in args:
        i = args.index("--n")
        n = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print("usage: nocopy.py KB.xml SHEET.txt [--n 6]", file=sys.stderr)
        return 2
    kb = kblib.load_or_exit(args[0], "nocopy.py")
    try:
        with open(args[1], encoding="utf-8") as f:
            sheet = f.read()
    except OSError as e:
        print(f"nocopy.py: error: {args[1]}: {e.strerror}", file=sys.stderr)
        return 2
    # The sheet wraps one link across lines ("colorectal-cancer- \ninformation/..."): re-join it.
    sheet = re.sub(r"-[ \t]*\n[ \t]*", "-", sheet)
    sheet_runs = set(runs(normalise(sheet), n))
    if not sheet_runs:
        print(f"nocopy.py: error: {args[1]}: fewer than {n} words", file=sys.stderr)
        return 2
    hits = 0
    for b in kb.blocks:
        words = normalise(" ".join(b.units()))
        for run in runs(words, n):
            if run in sheet_runs:
                hits += 1
                print(f"COPIED {b.lang} {b.id}: \"{' '.join(run)}\"")
    print(f"summary: {len(kb.blocks)} blocks checked against {len(sheet_runs)} distinct {n}-word runs of the sheet; "
          f"{hits} copied run(s)")
    if hits:
        print("FAIL: reword the passages above in our own words")
        return 1
    print("OK: no run of %d consecutive sheet words in the knowledge base" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
