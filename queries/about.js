// name: about
// answers: everything the articles say about an entity (as subject or object), with the source of each fact
// params: NAME — an entity's name or alias, e.g. "Clubhouse"
if (typeof args === "undefined" || args.length === 0) { var args = ["Clubhouse"]; }
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
var e = fixed(g.V(args[0]).In("<rdfs:label>").Union(g.V(args[0]).In("<schema:alternateName>")));
fixed(e.In("<rdf:subject>").Union(e.In("<rdf:object>")))
  .Save("<rdf:subject>", "subject").Save("<rdf:predicate>", "predicate").Save("<rdf:object>", "object")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray()
  .forEach(function (r) { delete r.id; g.Emit(r); });
