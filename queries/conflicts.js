// name: conflicts
// answers: where sources disagree — different dates or numbers for the same fact, and different day-precise dates given within a week for the same actor
// params: none
// Cayley v0.7.7's optimizer scans every statement when a traversal goes on
// after In(); restarting from the nodes found keeps it to index lookups.
function fixed(path) { var ids = path.ToArray(); return ids.length ? g.V.apply(g, ids) : g.V("<urn:newsgraph:none>"); }
var facts = fixed(g.V().Has("<ng:date>").Union(g.V().Has("<ng:valueText>")))
  .Save("<rdf:subject>", "subject").Save("<rdf:predicate>", "predicate").Save("<rdf:object>", "object")
  .Save("<prov:wasDerivedFrom>", "source").SaveOpt("<ng:date>", "date").SaveOpt("<ng:valueText>", "value")
  .TagArray();
// Gizmo gives typed literals as "2021-02-14"^^<…#date>: keep the value
function val(s) { var m = /^"(.*)"/.exec(s || ""); return m ? m[1] : s; }
facts.forEach(function (f) { f.date = val(f.date); f.value = val(f.value); });
// a readable name: an entity's label, a term's local name, a literal's text
function name(v) {
  if (/^<ent:/.test(v)) { var l = g.V(v).Out("<rdfs:label>").ToValue(); if (l) { return l; } }
  var m = /^<[a-z]+:(.*)>$/.exec(v);
  return m ? m[1] : val(v);
}
function day(d) { return /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d) / 86400000 : null; }
// two dates disagree unless one is a coarser form of the other (2021-02 vs 2021-02-14)
function clash(a, b) { return a.indexOf(b) !== 0 && b.indexOf(a) !== 0; }
var seen = {};
function report(kind, a, b) {
  if (a.source > b.source) { var t = a; a = b; b = t; } // the same pair reads the same way on every store
  var what = kind === "date nearby"
    ? name(a.predicate) + " " + name(a.object) + " / " + name(b.predicate) + " " + name(b.object)
    : kind === "number" ? name(a.predicate) : name(a.predicate) + " " + name(a.object);
  var key = [kind, a.source, b.source, a.subject, what].sort().join("|");
  if (seen[key]) { return; }
  seen[key] = true;
  g.Emit({ "kind": kind, "subject": a.subject, "about": what, "claim": a.date || a.value, "source": a.source, "other_claim": b.date || b.value, "other_source": b.source });
}
// compare facts about the same subject only
var bySubject = {};
facts.forEach(function (f) {
  if (f.date || f.value) { (bySubject[f.subject] = bySubject[f.subject] || []).push(f); }
});
Object.keys(bySubject).forEach(function (subject) {
  var fs = bySubject[subject];
  for (var i = 0; i < fs.length; i++) {
    for (var j = i + 1; j < fs.length; j++) {
      var a = fs[i], b = fs[j];
      if (a.source === b.source) { continue; }
      var same = a.predicate === b.predicate && a.object === b.object;
      if (same && a.date && b.date && clash(a.date, b.date)) {
        report("date", a, b);
      } else if (a.predicate === b.predicate && a.value && b.value && a.object !== b.object) {
        report("number", a, b);
      } else if (!same && day(a.date) !== null && day(b.date) !== null && a.date !== b.date && Math.abs(day(a.date) - day(b.date)) <= 7) {
        report("date nearby", a, b);
      }
    }
  }
});
