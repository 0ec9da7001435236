"""Reading the tab-separated files of scripts/judged/ and of scripts/facts.py:
no quoting (a field may hold quotation marks), a header line naming the
columns. A fact is keyed by doc, subject, predicate, object and by (who
the article says makes the claim; a file without that column judged only
what the article asserts)."""
import csv


def read(path):
    """The rows of a TSV file as dicts keyed by the header's names."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def key(r):
    """A fact's key in the judged sets."""
    return (r["doc"], r["subject"], r["predicate"], r["object"], r.get("by", ""))
