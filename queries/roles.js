// name: roles
// answers: people with their job titles and the organisations named with the title in the same sentence, with sources
// params: none
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
function facts(p, tag) {
  return fixed(g.V(p).In("<rdf:predicate>"))
    .Save("<rdf:subject>", "person").Save("<rdf:object>", tag)
    .Save("<prov:wasDerivedFrom>", "source").Save("<ng:sentenceIndex>", "sentence")
    .TagArray();
}
var orgs = {};
facts("<schema:worksFor>", "organisation").forEach(function (r) {
  var k = [r.person, r.source, r.sentence].join("|");
  (orgs[k] = orgs[k] || []).push(r.organisation);
});
var seen = {};
facts("<schema:jobTitle>", "title").forEach(function (r) {
  var k = [r.person, r.source, r.sentence].join("|");
  var list = orgs[k] || [undefined];
  list.forEach(function (o) {
    var key = k + "|" + r.title + "|" + o;
    if (seen[key]) { return; }
    seen[key] = true;
    var row = { "person": r.person, "title": r.title, "source": r.source };
    if (o !== undefined) { row.organisation = o; }
    g.Emit(row);
  });
});
