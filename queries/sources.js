// name: sources
// answers: which articles report a fact, and how many (n)
// params: SUBJECT PREDICATE OBJECT — names and a verb lemma, e.g. "Elon Musk" invite "Vladimir Putin"
if (typeof args === "undefined" || args.length === 0) { var args = ["Elon Musk", "invite", "Vladimir Putin"]; }
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
function named(n) { return fixed(g.V(n).In("<rdfs:label>").Union(g.V(n).In("<schema:alternateName>"))); }
var rows = fixed(fixed(named(args[0]).In("<rdf:subject>")).Has("<rdf:predicate>", "<ng:" + args[1] + ">")
  .Intersect(fixed(named(args[2]).In("<rdf:object>"))))
  .Out("<prov:wasDerivedFrom>").Tag("source").SaveOpt("<schema:publisher>", "outlet").SaveOpt("<schema:datePublished>", "published")
  .TagArray();
var n = {};
rows.forEach(function (r) { n[r.source] = true; });
rows.forEach(function (r) { r.n = Object.keys(n).length; g.Emit(r); });
