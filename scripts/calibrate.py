#!/usr/bin/env python3
"""Fit the calibration of fact confidence (extract/calibration.txt) to
facts judged by reading, and choose the build threshold.

    go build -o /tmp/ng ./cmd/newsgraph
    (cd STORIES_A && /tmp/ng extract . | scripts/facts.py) > a.tsv   # judged set A's stories
    (cd STORIES_B && /tmp/ng extract . | scripts/facts.py) > b.tsv   # held-out set B's stories
    scripts/calibrate.py --fit scripts/judged/reuters20.tsv:a.tsv \\
        --test scripts/judged/reuters20-heldout.tsv:b.tsv \\
        --target 0.9 -o extract/calibration.txt

Facts are joined to judgments by (doc, subject, predicate, object, by);
unjudged facts are left out. The model is logistic regression with an L2
penalty, fitted by gradient descent from zero (deterministic):

    P(correct) = sigmoid(bias + a * logit(prior) + sum of cue weights)

The label is "correct" (incomplete and wrong facts are not). The
threshold is the lowest at which the facts reach the target precision:
with several --fit sets, as each set is scored by a model fitted on the
others (the shipped model is fitted on all); with one, in-sample. --test
sets report how well that carries over to facts never fitted on; when
no threshold reaches the target, the lowest one within two points of the
best precision among those keeping a fifth of the facts is written, with
the precision it reached.
"""
import argparse
import hashlib
import math
import signal
import sys

from judged_tsv import read, key


def examples(pair):
    judged_path, facts_path = pair.split(":")
    judged = {key(r): r["judgment"] for r in read(judged_path) if r.get("judgment")}
    out, seen = [], set()
    for f in read(facts_path):
        k = key(f)
        if k not in judged or k in seen:
            continue
        seen.add(k)
        p = min(max(float(f["prior"]), 0.01), 0.99)
        out.append((math.log(p / (1 - p)), f["cues"].split(), judged[k] == "correct"))
    return out


def sigmoid(z):
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def fit(data, l2, steps=4000, rate=0.5):
    cues = sorted({c for _, cs, _ in data for c in cs})
    w = {c: 0.0 for c in cues}
    bias, a = 0.0, 0.0
    n = len(data)
    for _ in range(steps):
        gb, ga, gw = 0.0, 0.0, {c: 0.0 for c in cues}
        for x, cs, y in data:
            err = sigmoid(bias + a * x + sum(w[c] for c in cs)) - (1.0 if y else 0.0)
            gb += err
            ga += err * x
            for c in cs:
                gw[c] += err
        bias -= rate * gb / n
        a -= rate * (ga / n + l2 * a)
        for c in cues:
            w[c] -= rate * (gw[c] / n + l2 * w[c])
    return bias, a, w


def predict(model, x, cs):
    bias, a, w = model
    return sigmoid(bias + a * x + sum(w.get(c, 0.0) for c in cs))


def at(scored, t):
    kept = [y for p, y in scored if round(p, 2) >= t]
    return len(kept), (sum(kept) / len(kept) if kept else 0.0)


def choose_threshold(scored, target, least=0.2, slack=0.02):
    """The lowest threshold reaching the target precision; failing that,
    the lowest one within `slack` of the best precision among those that
    keep at least `least` of the facts (near-equal precisions at very
    different thresholds would otherwise make the choice flip between
    fits)."""
    grid = [i / 100 for i in range(0, 100)]
    for t in grid:
        n, prec = at(scored, t)
        if n and prec >= target:
            return t
    kept = [(t, at(scored, t)) for t in grid]
    kept = [(t, prec) for t, (n, prec) in kept if n >= least * len(scored)]
    best = max(prec for _, prec in kept)
    return min(t for t, prec in kept if prec >= best - slack - 1e-9)


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="append", required=True, help="JUDGED.tsv:FACTS.tsv to fit on")
    ap.add_argument("--test", action="append", default=[], help="JUDGED.tsv:FACTS.tsv held out")
    ap.add_argument("--target", type=float, default=0.9)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("-o", "--out")
    a = ap.parse_args()
    sets = [examples(p) for p in a.fit]
    train = [e for s in sets for e in s]
    test = [e for p in a.test for e in examples(p)]
    model = fit(train, a.l2)
    st = [(predict(model, x, cs), y) for x, cs, y in train]
    sh = [(predict(model, x, cs), y) for x, cs, y in test]
    # with several judged sets, each set is scored by a model fitted on
    # the others, and the threshold is chosen on those held-out scores
    oof = []
    if len(sets) > 1:
        for i, s in enumerate(sets):
            m = fit([e for j, o in enumerate(sets) if j != i for e in o], a.l2)
            oof += [(predict(m, x, cs), y) for x, cs, y in s]
    t = choose_threshold(oof or st, a.target)
    for name, scored in (("fitted", st), ("each set held out", oof), ("held-out", sh)):
        if not scored:
            continue
        print("%s: %d judged facts, %d correct (%.3f)" % (name, len(scored), sum(y for _, y in scored),
                                                         sum(y for _, y in scored) / len(scored)))
        for th in sorted({0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, t}):
            n, prec = at(scored, th)
            print("  threshold %.2f: %3d kept, precision %.3f%s" % (th, n, prec, "  <- chosen" if th == t else ""))
        # calibration: mean predicted vs observed, by bins
        for lo in (0.0, 0.25, 0.5, 0.75):
            b = [(p, y) for p, y in scored if lo <= p < lo + 0.25 or lo == 0.75 and p == 1.0]
            if b:
                print("  predicted %.2f-%.2f: %3d facts, mean predicted %.2f, observed %.2f"
                      % (lo, lo + 0.25, len(b), sum(p for p, _ in b) / len(b), sum(y for _, y in b) / len(b)))
    if a.out:
        bias, pa, w = model
        with open(a.out, "w") as f:
            f.write("# Fact confidence calibration (see calibrate.go), written by scripts/calibrate.py.\n")
            f.write("# Fitted on %s; target precision %.2f at the threshold; L2 %.3f.\n"
                    % (", ".join("%s (sha256 %s)" % (p.split(":")[0], sha(p.split(":")[0])) for p in a.fit), a.target, a.l2))
            n, prec = at(oof or st, t)
            f.write("# At the threshold, %d of %d judged facts kept, %.3f of them correct (%s).\n"
                    % (n, len(oof or st), prec, "each set held out" if oof else "in-sample"))
            f.write("bias %.4f\nprior %.4f\nthreshold %.2f\nprecision %.3f\n" % (bias, pa, t, prec))
            for c in sorted(w):
                if abs(w[c]) >= 0.0005:
                    f.write("cue %s %.4f\n" % (c, w[c]))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under head
    sys.exit(main())
