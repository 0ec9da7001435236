// name: roles
// answers: people with their job titles and, from the same article, the organisations they work for
// params: none
var rows = g.V().Has("<rdf:type>", "<schema:Person>").Tag("person")
  .LabelContext(g.V(), "source").Out("<schema:jobTitle>").Tag("title")
  .Back("person").SaveOpt("<schema:worksFor>", "organisation")
  .TagArray();
var seen = {};
rows.forEach(function (r) {
  var key = [r.person, r.source, r.title, r.organisation].join("|");
  if (!seen[key]) { seen[key] = true; delete r.id; g.Emit(r); }
});
