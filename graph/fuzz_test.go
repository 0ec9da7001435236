package graph

import (
	"bytes"
	"testing"
)

// FuzzImport feeds arbitrary bytes to Import as N-Quads and as JSON-LD: it
// must not panic, and an import that fails must leave the store as it was.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"<http://a.example/s> <http://a.example/p> <http://a.example/o> .\n",
		"<http://a.example/s> <http://a.example/p> \"x\"@en <http://a.example/g> .\n",
		"<http://newsgraph.example.org/entity/x> <http://schema.org/name> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
		`{"@context": {"s": "http://schema.org/"}, "@id": "http://a.example/x", "s:name": "X"}`,
		`[{"@id": "http://a.example/g", "@graph": [{"@id": "http://a.example/x", "http://a.example/p": [{"@value": "v"}]}]}]`,
		"_:b <http://a.example/p> _:c .\n# comment\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, format := range []string{"nquads", "jsonld"} {
			st, err := Open(ctx, "mem", OpenOptions{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			seed := "<http://newsgraph.example.org/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n"
			if _, err := st.Import(ctx, bytes.NewReader([]byte(seed)), "seed.nq", "nquads"); err != nil {
				t.Fatal(err)
			}
			before := quadCount(t, st)
			if _, err := st.Import(ctx, bytes.NewReader(raw), "fuzz", format); err != nil && quadCount(t, st) != before {
				t.Fatalf("%s import failed (%v) but changed the store", format, err)
			}
			st.Close()
		}
	})
}
