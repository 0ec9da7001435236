#!/usr/bin/env python3
"""Precision of an extraction against the judged regression set.

    newsgraph extract STORIES... | scripts/facts.py > facts.tsv
    scripts/precision.py scripts/judged/reuters20.tsv facts.tsv [--threshold 0.6]

A fact is keyed by (doc, subject, predicate, object, by); a judged file
without the `by` column judged facts the article asserts (by empty). The report counts,
among the facts extracted now, those judged correct, incomplete and wrong,
and those not judged yet (judge them and add them to the set), overall
and at each confidence threshold; and lists the facts judged wrong that
came back.
"""
import argparse
import signal
import sys

from judged_tsv import read, key


def count(facts, judged, threshold):
    c = {"correct": 0, "incomplete": 0, "wrong": 0, "unjudged": 0}
    for f in facts:
        if float(f["confidence"]) < threshold:
            continue
        c[judged.get(key(f), "unjudged")] += 1
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("judged", help="judged sets, comma-separated")
    ap.add_argument("facts")
    ap.add_argument("--threshold", type=float, default=0.0)
    a = ap.parse_args()
    judged = {key(r): r["judgment"] for path in a.judged.split(",") for r in read(path) if r.get("judgment")}
    facts = read(a.facts)
    for t in sorted({0.0, 0.5, 0.6, 0.7, 0.8, a.threshold}):
        c = count(facts, judged, t)
        n = c["correct"] + c["incomplete"] + c["wrong"]
        p = c["correct"] / n if n else 0
        print("threshold %.2f: %d facts, judged %d: correct %d, incomplete %d, wrong %d (precision %.3f), unjudged %d"
              % (t, n + c["unjudged"], n, c["correct"], c["incomplete"], c["wrong"], p, c["unjudged"]))
    back = [f for f in facts if judged.get(key(f)) == "wrong" and float(f["confidence"]) >= a.threshold]
    for f in back:
        print("wrong, back:\t" + "\t".join([f["doc"], f["subject"], f["predicate"], f["object"], f["rule"]]))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under head
    sys.exit(main())
