// name: timeline
// answers: the dated facts about an entity, oldest first, with the date phrase and source
// params: NAME — an entity's name or alias, e.g. "Elon Musk"
if (typeof args === "undefined" || args.length === 0) { var args = ["Elon Musk"]; }
var e = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0])).Unique();
var rows = e.In("<rdf:subject>").Union(e.In("<rdf:object>"))
  .Save("<ng:date>", "date").SaveOpt("<ng:datePhrase>", "as_written")
  .Save("<rdf:subject>", "subject").Save("<rdf:predicate>", "predicate").Save("<rdf:object>", "object")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray();
rows.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
rows.forEach(function (r) { delete r.id; g.Emit(r); });
