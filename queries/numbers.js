// name: numbers
// answers: quantities reported (amounts, counts, capacities), with units, the words used and sources
// params: [NAME] — only quantities about this entity
var ev = g.V().Has("<ng:valueText>");
if (typeof args !== "undefined" && args.length > 0) {
  var who = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0])).Unique();
  ev = who.In("<rdf:subject>").Has("<ng:valueText>");
}
ev.Save("<rdf:subject>", "subject")
  .Save("<rdf:predicate>", "predicate")
  .Save("<rdf:object>", "value")
  .SaveOpt("<ng:unit>", "unit")
  .Save("<ng:valueText>", "as_written")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray()
  .forEach(function (r) { delete r.id; g.Emit(r); });
