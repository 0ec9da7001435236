// name: numbers
// answers: quantities reported (amounts, counts, capacities), with units and sources
// params: NAME (optional) — only quantities about this entity
var ev = g.V().Has("<ng:valueText>");
if (args.length > 0) {
  var who = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0]));
  ev = ev.Has("<rdf:subject>", who);
}
ev.Save("<rdf:subject>", "subject")
  .Save("<rdf:predicate>", "predicate")
  .Save("<rdf:object>", "value")
  .Save("<ng:valueText>", "as_written")
  .SaveOpt("<ng:unit>", "unit")
  .Save("<prov:wasDerivedFrom>", "source")
  .All();
