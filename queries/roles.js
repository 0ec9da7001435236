// name: roles
// answers: people with their job titles and the organisations they work for, with sources
// params: none
g.V().Has("<rdf:type>", "<schema:Person>").Tag("person")
  .LabelContext(g.V(), "source").Out("<schema:jobTitle>").Tag("title")
  .All();
