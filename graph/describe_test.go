package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// mentionResult is an article that mentions entity "rahul-alvarez" with
// the given names and type (and quotes it, so that the entity is used).
func mentionResult(id string, typ extract.EntityType, names ...string) *extract.Result {
	e := &extract.Entity{ID: "rahul-alvarez", Name: "Rahul Alvarez", Type: typ}
	return &extract.Result{
		Doc:      &extract.Document{ID: id, Name: id + ".txt", Hash: id + strings.Join(names, ",") + string(typ)},
		Entities: []*extract.Entity{e},
		Facts: []extract.Fact{{
			Subject: e.ID, Predicate: "said",
			Object:   extract.Object{Literal: &extract.Literal{Kind: extract.Quote, Text: "words of " + id}},
			Evidence: extract.Evidence{DocID: id, Sentence: "words", Rule: "quote.after", Confidence: 1},
		}},
		Own: map[string]extract.OwnEntity{e.ID: {Names: names, Type: typ}},
	}
}

// The description of an entity several articles use follows the
// articles stored: alternate names are the names they use other than
// the label, the type the one most of them give (a tie to the type the
// resolver prefers), whatever articles came and went before.
func TestDescriptionFollowsTheStoredArticles(t *testing.T) {
	person, org := extract.Person, extract.Organization
	cases := []struct {
		name      string
		load      []*extract.Result
		prune     []string
		wantType  string
		wantAlias []string
	}{
		{"names pooled", []*extract.Result{mentionResult("a", person, "Alvarez", "Rahul Alvarez"), mentionResult("b", person, "Mr Alvarez", "Rahul Alvarez")}, nil, "schema:Person", []string{"Alvarez", "Mr Alvarez"}},
		{"a name goes with its only article", []*extract.Result{mentionResult("a", person, "Alvarez", "Rahul Alvarez"), mentionResult("b", person, "Rahul Alvarez")}, []string{"a"}, "schema:Person", nil},
		{"a name another article uses stays", []*extract.Result{mentionResult("a", person, "Alvarez", "Rahul Alvarez"), mentionResult("b", person, "Alvarez", "Rahul Alvarez")}, []string{"a"}, "schema:Person", []string{"Alvarez"}},
		{"replaced: the new version's names", []*extract.Result{mentionResult("a", person, "Alvarez", "Rahul Alvarez"), mentionResult("a", person, "Mr Alvarez", "Rahul Alvarez")}, nil, "schema:Person", []string{"Mr Alvarez"}},
		{"majority type", []*extract.Result{mentionResult("a", org, "Rahul Alvarez"), mentionResult("b", org, "Rahul Alvarez"), mentionResult("c", person, "Rahul Alvarez")}, nil, "schema:Organization", nil},
		{"a tie goes to the resolver's first type", []*extract.Result{mentionResult("a", org, "Rahul Alvarez"), mentionResult("b", org, "Rahul Alvarez"), mentionResult("c", person, "Rahul Alvarez")}, []string{"a"}, "schema:Person", nil},
	}
	for _, c := range cases {
		for name, dsn := range stores(t) {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				st := newStore(t, dsn)
				for _, r := range c.load {
					load(t, st, []*extract.Result{r})
				}
				if _, err := NewLoader(st).Prune(ctx, func(a quad.IRI) bool { return !slices.Contains(c.prune, strings.TrimPrefix(string(a), "art:")) }); err != nil {
					t.Fatal(err)
				}
				if got := values(t, st, pathOut(st, "rahul-alvarez", string(TypeP))); len(got) != 1 || got[0] != c.wantType {
					t.Errorf("types %v, want %s", got, c.wantType)
				}
				var got []string
				for _, v := range values(t, st, pathOut(st, "rahul-alvarez", string(AltNameP))) {
					got = append(got, strings.Trim(v, `"`))
				}
				slices.Sort(got)
				if !slices.Equal(got, c.wantAlias) {
					t.Errorf("alternate names %q, want %q", got, c.wantAlias)
				}
			})
		}
	}
}
