// name: numbers
// answers: quantities reported (amounts, counts, capacities), with units, the words used and sources
// params: [NAME] — only quantities about this entity
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
var ev = g.V().Has("<ng:valueText>");
if (typeof args !== "undefined" && args.length > 0) {
  var who = fixed(g.V(args[0]).In("<rdfs:label>").Union(g.V(args[0]).In("<schema:alternateName>")));
  ev = fixed(who.In("<rdf:subject>")).Has("<ng:valueText>");
}
ev.Save("<rdf:subject>", "subject")
  .Save("<rdf:predicate>", "predicate")
  .Save("<rdf:object>", "value")
  .SaveOpt("<ng:unit>", "unit")
  .Save("<ng:valueText>", "as_written")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray()
  .forEach(function (r) { delete r.id; g.Emit(r); });
