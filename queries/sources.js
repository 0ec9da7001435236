// name: sources
// answers: which articles report a fact, and how many (n)
// params: SUBJECT PREDICATE OBJECT — names and a verb lemma, e.g. "Elon Musk" invite "Vladimir Putin"
if (typeof args === "undefined" || args.length === 0) { var args = ["Elon Musk", "invite", "Vladimir Putin"]; }
function named(n) { return g.V().Has("<rdfs:label>", n).Union(g.V().Has("<schema:alternateName>", n)).Unique(); }
var rows = named(args[0]).In("<rdf:subject>").Has("<rdf:predicate>", "<ng:" + args[1] + ">")
  .Intersect(named(args[2]).In("<rdf:object>"))
  .Out("<prov:wasDerivedFrom>").Tag("source").SaveOpt("<schema:publisher>", "outlet").SaveOpt("<schema:datePublished>", "published")
  .TagArray();
var n = {};
rows.forEach(function (r) { n[r.source] = true; });
rows.forEach(function (r) { r.n = Object.keys(n).length; g.Emit(r); });
