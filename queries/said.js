// name: said
// answers: what a person said — direct quotes and reported speech — with the article and its date
// params: NAME — the speaker's name or alias, e.g. "Dmitry Peskov" or "Peskov"
if (typeof args === "undefined" || args.length === 0) { var args = ["Dmitry Peskov"]; }
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
var who = fixed(g.V(args[0]).In("<rdfs:label>").Union(g.V(args[0]).In("<schema:alternateName>")));
fixed(who.In("<rdf:subject>")).Has("<rdf:predicate>", "<ng:said>")
  .Save("<rdf:subject>", "speaker").Save("<rdf:object>", "said").SaveOpt("<ng:rule>", "kind")
  .Out("<prov:wasDerivedFrom>").Tag("source").SaveOpt("<schema:datePublished>", "published")
  .All();
