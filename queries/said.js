// name: said
// answers: what a person said (direct quotes and reported speech), with the article
// params: NAME — the person's name or alias, e.g. "Dmitry Peskov" or "Peskov"
var who = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0]));
who.Tag("speaker")
  .LabelContext(g.V(), "source").Out("<ng:said>").Tag("said")
  .All();
