// name: neighbourhood
// answers: an entity and the entities it is linked to, for the Visualize page (tags source/target, labels source_label/target_label)
// params: NAME — an entity's name or alias, e.g. "Elon Musk"
if (typeof args === "undefined" || args.length === 0) { var args = ["Elon Musk"]; }
var e = g.V().Has("<rdfs:label>", args[0]).Union(g.V().Has("<schema:alternateName>", args[0])).Unique();
e.Tag("source").Save("<rdfs:label>", "source_label")
  .Out().Filter(regex("^ent:", true)).Unique().Tag("target").Save("<rdfs:label>", "target_label")
  .All();
e.Tag("target").Save("<rdfs:label>", "target_label")
  .In().Filter(regex("^ent:", true)).Unique().Tag("source").Save("<rdfs:label>", "source_label")
  .All();
