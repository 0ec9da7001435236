// name: said
// answers: what a person said — direct quotes and reported speech — with the article and its date
// params: NAME — the speaker's name or alias, e.g. "Dmitry Peskov" or "Peskov"
if (typeof args === "undefined" || args.length === 0) { var args = ["Dmitry Peskov"]; }
var who = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0])).Unique();
who.Tag("speaker").In("<rdf:subject>").Has("<rdf:predicate>", "<ng:said>")
  .Save("<rdf:object>", "said").SaveOpt("<ng:rule>", "kind")
  .Out("<prov:wasDerivedFrom>").Tag("source").SaveOpt("<schema:datePublished>", "published")
  .All();
