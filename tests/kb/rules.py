#!/usr/bin/env python3
"""rules.py KB.xml [--core-only]

Checks the references and the rules of a knowledge base.

Core checks (any KB, including a lab's own):
  - every source id named by a block is declared in <sources>;
  - every block id exists in every language, with the same audience, section,
    version, source and facts in each; clinician-summary blocks are for clinicians;
  - every rule id is unique; every <when> names known genes, a known match,
    and status words that fit its genes; every <show> names a block id that
    exists in every language;
  - for every result (ERBB2 x KRAS x NRAS x BRAF = 5^4 = 625 status combinations, and for a
    mutant KRAS or BRAF the changes the rules ask about, see kblib.all_results), in each
    language, the rules select at least one patient block and at least one clinician-summary block.
Policy checks (our default KB; skip with --core-only): no block is never shown.  What is shown
for which result, and that it tells one story, is checked by tests/kb/consistency.py.
Exit status: 0 all checks pass, 1 some check failed, 2 unreadable KB.
"""
import sys
from collections import Counter

sys.dont_write_bytecode = True   # keep tests/kb free of __pycache__
sys.path.insert(0, __import__("os").path.dirname(__file__))
import kblib  # noqa: E402

SNV = ("KRAS", "NRAS", "BRAF")


def ras_group(c):
    """wt: all wild-type; mut: any mutant; inc: none mutant but not all wild-type."""
    if any(c[g] == "mutant" for g in SNV):
        return "mut"
    if all(c[g] == "wild-type" for g in SNV):
        return "wt"
    return "inc"


def _any(c, genes, *statuses):
    return any(c[g] in statuses for g in genes)


# Which block is shown for which result is checked by tests/kb/consistency.py: it walks every result
# and compares what the shown blocks claim about treatments with its own policy table (EXPECTED).


def check_references(kb, errors):
    langs = kb.langs()
    by_id = {}
    for b in kb.blocks:
        for s in b.sources:
            if s not in kb.sources:
                errors.append(f"block {b.id} ({b.lang}): unknown source id '{s}'")
        if b.section == "clinician-summary" and b.audience != "clinician":
            errors.append(f"block {b.id} ({b.lang}): section clinician-summary needs audience=\"clinician\"")
        if b.id in by_id and b.lang in by_id[b.id]:
            errors.append(f"block {b.id}: two blocks for language '{b.lang}'")
        by_id.setdefault(b.id, {})[b.lang] = b
    for bid, per_lang in by_id.items():
        missing = [lang for lang in langs if lang not in per_lang]
        if missing:
            errors.append(f"block {bid}: missing in language(s) {' '.join(missing)}")
        first = next(iter(per_lang.values()))
        for b in per_lang.values():
            for attr in ("audience", "section", "version"):
                if getattr(b, attr) != getattr(first, attr):
                    errors.append(f"block {bid}: {attr} differs between {first.lang} and {b.lang}")
            for attr in ("sources", "facts"):
                if sorted(getattr(b, attr)) != sorted(getattr(first, attr)):
                    errors.append(f"block {bid}: {attr} differ between {first.lang} and {b.lang}")
    used = {s for b in kb.blocks for s in b.sources}
    unused = sorted(set(kb.sources) - used)
    return by_id, unused


def check_rules(kb, by_id, errors):
    seen = set()
    for r in kb.rules:
        if r.id in seen:
            errors.append(f"rule {r.id}: id used twice")
        seen.add(r.id)
        if not r.shows:
            errors.append(f"rule {r.id}: no <show>")
        for w in r.whens:
            if not w.genes or not w.statuses:
                errors.append(f"rule {r.id}: <when> needs genes and status")
            if w.match not in ("all", "any"):
                errors.append(f"rule {r.id}: match=\"{w.match}\" (use all or any)")
            for g in w.genes:
                if g not in kblib.STATUSES:
                    errors.append(f"rule {r.id}: unknown gene '{g}'")
                elif not any(s in kblib.STATUSES[g] for s in w.statuses):
                    errors.append(f"rule {r.id}: none of the status words {w.statuses} can apply to {g}")
            for s in w.statuses:
                if not any(s in kblib.STATUSES.get(g, ()) for g in w.genes):
                    errors.append(f"rule {r.id}: status '{s}' does not apply to any of {w.genes}")
        for s in r.shows:
            if s not in by_id:
                errors.append(f"rule {r.id}: <show block=\"{s}\"> names no block")
            else:
                for lang in kb.langs():
                    if lang not in by_id[s]:
                        errors.append(f"rule {r.id}: block '{s}' has no '{lang}' version")


def check_coverage(kb, by_id, policy, errors):
    n_patient = []
    shown_ever = set()
    n_combos = 0
    for calls, changes in kblib.all_results():
        n_combos += 1
        shown = kb.select(calls, changes)
        shown_ever.update(shown)
        label = " ".join(f"{g}={calls[g]}" for g in kblib.GENES)
        for lang in kb.langs():
            blocks = [by_id[s][lang] for s in shown if s in by_id and lang in by_id[s]]
            patient = [b for b in blocks if b.audience == "patient"]
            summaries = [b.id for b in blocks if b.section == "clinician-summary"]
            n_patient.append(len(patient))
            if not patient:
                errors.append(f"{label} [{lang}]: no patient block selected")
            if not summaries:
                errors.append(f"{label} [{lang}]: no clinician-summary block")
    never = sorted(set(by_id) - shown_ever)
    if policy:
        for bid in never:
            errors.append(f"policy: block '{bid}' is never shown")
    return n_combos, n_patient, never


def main(argv):
    args = argv[1:]
    policy = "--core-only" not in args
    args = [a for a in args if a != "--core-only"]
    if len(args) != 1:
        print("usage: rules.py KB.xml [--core-only]", file=sys.stderr)
        return 2
    kb = kblib.load_or_exit(args[0], "rules.py")
    errors = []
    by_id, unused = check_references(kb, errors)
    check_rules(kb, by_id, errors)
    n_combos, n_patient, never = check_coverage(kb, by_id, policy, errors)
    for e in errors[:200]:
        print("ERROR: " + e)
    if len(errors) > 200:
        print(f"ERROR: ... and {len(errors) - 200} more")
    for s in unused:
        print(f"warning: source '{s}' is declared but no block cites it")
    for bid in never:
        print(f"warning: block '{bid}' is never shown by any combination")
    sections = Counter(b.section for b in kb.blocks if b.lang == kb.langs()[0])
    print(f"summary: KB {kb.version}: {len(kb.sources)} sources, {len(by_id)} block ids x {len(kb.langs())} "
          f"language(s) ({' '.join(kb.langs())}), {len(kb.rules)} rules; "
          + ", ".join(f"{k} {v}" for k, v in sorted(sections.items())))
    print(f"summary: {n_combos} status combinations x {len(kb.langs())} language(s): patient blocks per page "
          f"min {min(n_patient)} max {max(n_patient)}; policy checks {'on' if policy else 'off'}; "
          f"{len(errors)} error(s)")
    if errors:
        print("FAIL")
        return 1
    print("OK: references resolve and every combination gets patient text and a clinician summary")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
