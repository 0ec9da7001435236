// name: timeline
// answers: the dated facts about an entity, oldest first, with the date phrase and source
// params: NAME — an entity's name or alias, e.g. "Elon Musk"
if (typeof args === "undefined" || args.length === 0) { var args = ["Elon Musk"]; }
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
var e = fixed(g.V(args[0]).In("<rdfs:label>").Union(g.V(args[0]).In("<schema:alternateName>")));
var rows = fixed(e.In("<rdf:subject>").Union(e.In("<rdf:object>")))
  .Save("<ng:date>", "date").SaveOpt("<ng:datePhrase>", "as_written")
  .Save("<rdf:subject>", "subject").Save("<rdf:predicate>", "predicate").Save("<rdf:object>", "object")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray();
rows.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
rows.forEach(function (r) { delete r.id; g.Emit(r); });
