// name: about
// answers: everything the articles say about an entity (as subject or object), with the source of each fact
// params: NAME — an entity's name or alias, e.g. "Clubhouse"
if (typeof args === "undefined" || args.length === 0) { var args = ["Clubhouse"]; }
var e = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0])).Unique();
e.In("<rdf:subject>").Union(e.In("<rdf:object>"))
  .Save("<rdf:subject>", "subject").Save("<rdf:predicate>", "predicate").Save("<rdf:object>", "object")
  .Save("<prov:wasDerivedFrom>", "source")
  .TagArray()
  .forEach(function (r) { delete r.id; g.Emit(r); });
