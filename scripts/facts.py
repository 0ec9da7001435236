#!/usr/bin/env python3
"""Turn `newsgraph extract` output (JSON lines) into the TSV rows that the
judged regression set keys on: doc, sentence, subject, predicate, object,
by (who the article says makes the claim, when it only reports it), then
the rule, confidence, prior and cues (not part of the key; the last two
feed scripts/calibrate.py).

    newsgraph extract DIR | scripts/facts.py > facts.tsv
"""
import json
import signal
import sys


def clean(s):
    return " ".join(str(s).split())


def object_text(f):
    o = f["object"]
    if o.get("entity"):
        return f.get("object_name") or o["entity"]
    lit = o["literal"]
    text = lit.get("text", "")
    if lit.get("kind") in ("number", "money") and "value" in lit:
        text = "%s [%g %s]" % (text, lit["value"], lit.get("unit", ""))
    return text


def rows(lines):
    for line in lines:
        line = line.strip()
        if not line.startswith("{"):
            continue
        f = json.loads(line)
        ev = f["evidence"]
        pred = ("NOT " if f.get("negated") else "") + f["predicate"]
        args = " ".join("%s:%s" % (a.get("prep", ""), a.get("text", "")) for a in f.get("args") or [])
        by = f.get("attributed_name") or f.get("attributed_to") or ""
        yield [ev["doc"], clean(ev["sentence"]), clean(f.get("subject_name") or f["subject"]), pred,
               clean(object_text(f)), clean(args), clean(by), ev["rule"], "%.2f" % ev["confidence"],
               "%.2f" % ev.get("prior", ev["confidence"]), " ".join(ev.get("cues") or []), f.get("modality", "")]


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under head
    print("\t".join(["doc", "sentence", "subject", "predicate", "object", "args", "by", "rule", "confidence", "prior", "cues", "modality"]))
    for r in rows(sys.stdin):
        print("\t".join(r))
