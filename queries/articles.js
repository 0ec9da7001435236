// name: articles
// answers: the articles in the graph with outlet, date, headline and number of facts
// params: none
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
// facts per article, counted in one pass over the evidence
var counts = {};
fixed(g.V("<rdf:Statement>").In("<rdf:type>")).Save("<prov:wasDerivedFrom>", "a").TagArray()
  .forEach(function (r) { counts[r.a] = (counts[r.a] || 0) + 1; });
var arts = fixed(g.V("<schema:NewsArticle>").In("<rdf:type>")).Tag("article")
  .SaveOpt("<schema:publisher>", "outlet").SaveOpt("<schema:datePublished>", "published").SaveOpt("<schema:headline>", "headline")
  .TagArray();
arts.forEach(function (a) {
  a.facts = counts[a.article] || 0;
  g.Emit(a);
});
