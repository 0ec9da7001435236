#!/usr/bin/env python3
"""Score quote attribution against quotations whose speakers were read by
hand (scripts/judged/quotes20.tsv: doc, quote, speaker, kind, note).

    newsgraph extract STORIES... | scripts/facts.py > facts.tsv
    scripts/quotes.py scripts/judged/quotes20.tsv facts.tsv [-v]

A gold quotation of speech (kind direct or partial, with a speaker) is
found when some `said` fact holds its words: a quotation fact, or
reported speech that quotes part of it. It is attributed right when that
fact's subject names the gold speaker (the same name, or one name part of
the other: "Mikulic" for "Branko Mikulic"), wrong when every fact holding
it names someone else, and unattributed when no fact holds it. Quotation
marks that mark no speech (kind scare, or speaker "-") count as wrong when
a quotation fact claims them as someone's words.
"""
import argparse
import re
import signal
import sys

from judged_tsv import read

STOP = {"the", "a", "an", "mr", "mrs", "ms", "dr", "of", "and"}


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def name_parts(s):
    return {w for w in words(s) if w not in STOP}


def same_speaker(ours, gold):
    a, b = name_parts(ours), name_parts(gold)
    if not a or not b:
        return False
    return a <= b or b <= a


def holds(fact_text, quote):
    """Whether a fact's literal holds the quotation's words."""
    f, q = " ".join(words(fact_text)), " ".join(words(quote))
    if not q:
        return False
    if q in f:
        return True
    # a quotation fact may stop short of a long quote (a sentence split
    # inside it): count it when it holds most of the quote
    return len(f.split()) >= 4 and f in q and len(f) >= 0.6 * len(q)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("facts")
    ap.add_argument("-v", action="store_true", help="list every gold quotation with its outcome")
    a = ap.parse_args()
    said = [f for f in read(a.facts) if f["predicate"] == "said"]
    by_doc = {}
    for f in said:
        by_doc.setdefault(f["doc"], []).append(f)
    c = {"speech": 0, "right": 0, "wrong": 0, "unattributed": 0, "non-speech claimed": 0, "non-speech": 0}
    for g in read(a.gold):
        facts = [f for f in by_doc.get(g["doc"], []) if holds(f["object"], g["quote"])]
        speech = g["kind"] in ("direct", "partial") and g["speaker"] != "-"
        if not speech:
            c["non-speech"] += 1
            claimed = [f for f in facts if f["rule"].startswith("quote.") and " ".join(words(f["object"])) == " ".join(words(g["quote"]))]
            if claimed:
                c["non-speech claimed"] += 1
            outcome = "claimed by " + claimed[0]["subject"] if claimed else "ok"
        else:
            c["speech"] += 1
            if not facts:
                outcome = "unattributed"
            elif any(same_speaker(f["subject"], g["speaker"]) for f in facts):
                outcome = "right"
            else:
                outcome = "wrong (" + "; ".join(sorted({f["subject"] for f in facts})) + ")"
            c[outcome.split()[0]] += 1
        if a.v:
            print("%s\t%s\t%s\t%s\t%s" % (g["doc"], g["kind"], g["speaker"], outcome, g["quote"][:70]))
    attributed = c["right"] + c["wrong"]
    print("speech quotations %d: attributed right %d, wrong %d, unattributed %d; "
          "right among attributed %.3f, unattributed share %.3f; non-speech %d, claimed as quotes %d"
          % (c["speech"], c["right"], c["wrong"], c["unattributed"],
             c["right"] / attributed if attributed else 0, c["unattributed"] / c["speech"] if c["speech"] else 0,
             c["non-speech"], c["non-speech claimed"]))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under head
    sys.exit(main())
