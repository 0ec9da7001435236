// name: who-did
// answers: who did PREDICATE to whom, and which articles say so
// params: PREDICATE — a verb lemma as extracted, e.g. invite, develop, tag
if (typeof args === "undefined" || args.length === 0) { var args = ["invite"]; }
var p = "<ng:" + args[0] + ">";
g.V().Has(p).Unique().Tag("subject")
  .LabelContext(g.V(), "source").Out(p).Tag("object")
  .All();
