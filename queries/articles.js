// name: articles
// answers: the articles in the graph with outlet, date, headline and number of facts
// params: none
var arts = g.V().Has("<rdf:type>", "<schema:NewsArticle>").Tag("article")
  .SaveOpt("<schema:publisher>", "outlet").SaveOpt("<schema:datePublished>", "published").SaveOpt("<schema:headline>", "headline")
  .TagArray();
arts.forEach(function (a) {
  a.facts = g.V().Has("<prov:wasDerivedFrom>", a.article).Count();
  g.Emit(a);
});
