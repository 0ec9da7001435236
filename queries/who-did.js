// name: who-did
// answers: who did PREDICATE to whom, and which articles say so
// params: PREDICATE — a verb lemma as extracted, e.g. invite, develop, tag
var p = "<ng:" + args[0] + ">";
g.V().Has(p).Tag("subject")
  .LabelContext(g.V(), "source").Out(p).Tag("object")
  .All();
