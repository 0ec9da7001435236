package graph

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
)

// pathOut follows pred from an entity, or from every node when entity is "".
func pathOut(st *Store, entity, pred string) *path.Path {
	p := path.StartPath(st.QuadStore)
	if entity != "" {
		p = path.StartPath(st.QuadStore, EntityIRI(entity))
	}
	return p.Out(quad.IRI(pred))
}

// invalidQuads lists the stored quads that refer to a missing or empty value.
func invalidQuads(t *testing.T, st *Store) []string {
	t.Helper()
	qs := st.QuadStore
	it := qs.QuadsAllIterator()
	defer it.Close()
	var bad []string
	for it.Next(ctx) {
		if q := qs.Quad(it.Result()); checkQuad(q) != nil {
			bad = append(bad, checkQuad(q).Error())
		}
	}
	return bad
}

// exportAll writes every format and returns the errors.
func exportAll(t *testing.T, st *Store) []string {
	t.Helper()
	var errs []string
	for _, f := range Formats {
		if _, err := st.Export(ctx, &bytes.Buffer{}, f); err != nil {
			errs = append(errs, f+": "+err.Error())
		}
	}
	return errs
}

// The reported bug: an article replaced by a version that uses a value
// less often (one sentence fewer: fewer facts, fewer quads with its label)
// was written by Cayley's kv stores without that value, so exports failed
// ("invalid N-Quad") or panicked (Turtle).
func TestReplacementThatUsesValuesLessOftenKeepsEveryValue(t *testing.T) {
	shorter := strings.Replace(storyA, "\n\"We won a fair deal,\" Okafor told reporters on Tuesday.", "", 1)
	longer := storyA + "\nOkafor said the union would meet on Friday."
	for name, dsn := range stores(t) {
		for _, version := range []struct{ name, text string }{{"shorter", shorter}, {"longer", longer}} {
			t.Run(name+"/"+version.name, func(t *testing.T) {
				st := newStore(t, "mem")
				if name != "memstore" {
					st = newStore(t, strings.Replace(dsn, ".db", "-"+version.name+".db", 1))
				}
				load(t, st, results(t, map[string]string{"a.txt": storyA, "b.txt": storyB}))
				if got := load(t, st, results(t, map[string]string{"a.txt": version.text})); got[0] != Replaced {
					t.Fatalf("status %v", got)
				}
				if bad := invalidQuads(t, st); len(bad) > 0 {
					t.Fatalf("%d quads lost a value, e.g. %s", len(bad), bad[0])
				}
				if errs := exportAll(t, st); len(errs) > 0 {
					t.Fatalf("exports: %v", errs)
				}
				s, err := st.Stats(ctx)
				if err != nil || s.Facts == 0 {
					t.Fatalf("stats %+v, %v", s, err)
				}
			})
		}
	}
}

// An article given twice to one batch with different content keeps only
// the second version; a second version equal to the stored one undoes the
// first.
func TestSecondVersionInOneBatchReplacesTheFirst(t *testing.T) {
	changed := strings.Replace(storyA, "We won a fair deal", "We won a good deal", 1)
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			ld := NewLoader(st)
			first, second := results(t, map[string]string{"a.txt": storyA})[0], results(t, map[string]string{"a.txt": changed})[0]
			if s, _, err := ld.Add(ctx, first); err != nil || s != Added {
				t.Fatalf("first: %v %v", s, err)
			}
			if s, _, err := ld.Add(ctx, second); err != nil || s != Added {
				t.Fatalf("second: %v %v", s, err)
			}
			if err := ld.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			said := values(t, st, pathOut(st, "maria-okafor", "ng:said"))
			if !contains(said, "good deal") || contains(said, "fair deal") {
				t.Errorf("after two versions in one batch Okafor said %v", said)
			}
			if hashes := values(t, st, pathOut(st, "", string(ContentHashP))); len(hashes) != 1 {
				t.Errorf("content hashes %v, want one", hashes)
			}
			// stored: changed; a batch with storyA then changed again is unchanged
			ld = NewLoader(st)
			before := quadCount(t, st)
			if s, _, _ := ld.Add(ctx, results(t, map[string]string{"a.txt": storyA})[0]); s != Replaced {
				t.Fatalf("old version: %v", s)
			}
			if s, _, _ := ld.Add(ctx, results(t, map[string]string{"a.txt": changed})[0]); s != Unchanged {
				t.Fatalf("stored version again: %v", s)
			}
			if err := ld.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if after := quadCount(t, st); after != before || ld.Quads != 0 {
				t.Errorf("quads %d → %d, %d added", before, after, ld.Quads)
			}
		})
	}
}

// A replacement whose new version repeats quads of the old one (the same
// build time, the same facts) keeps them, whatever Go values the store
// reads them back as.
func TestReplacementKeepsRepeatedQuads(t *testing.T) {
	at := time.Date(2024, 3, 8, 9, 0, 0, 0, time.UTC)
	changed := strings.Replace(storyA, "We won a fair deal", "We won a good deal", 1)
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			for _, text := range []string{storyA, changed} {
				ld := NewLoader(st)
				ld.SetNow(func() time.Time { return at })
				for _, r := range results(t, map[string]string{"a.txt": text}) {
					if _, _, err := ld.Add(ctx, r); err != nil {
						t.Fatal(err)
					}
				}
				if err := ld.Flush(ctx); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range []quad.IRI{GeneratedAtP, TypeP, ContentHashP, SourceFileP} {
				n := 0
				st.eachQuad(ctx, quad.Label, ArticleIRI("a"), func(q quad.Quad) {
					if q.Subject == ArticleIRI("a") && q.Predicate == p {
						n++
					}
				})
				if n != 1 {
					t.Errorf("article has %d %s quads, want 1", n, p)
				}
			}
		})
	}
}

// Pruning removes an article whole; entities another article uses stay,
// entities nobody uses go with their nodes.
func TestPruneRemovesArticlesAndUnusedEntities(t *testing.T) {
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			load(t, st, results(t, map[string]string{"a.txt": storyA, "b.txt": storyB}))
			ld := NewLoader(st)
			n, err := ld.Prune(ctx, func(a quad.IRI) bool { return a != ArticleIRI("a") })
			if err != nil || n != 1 {
				t.Fatalf("prune: %d, %v", n, err)
			}
			qs := st.QuadStore
			if qs.ValueOf(ArticleIRI("a")) != nil {
				t.Errorf("the pruned article's node is still there")
			}
			if qs.ValueOf(EntityIRI("maria-okafor")) != nil || qs.ValueOf(quad.String("Maria Okafor")) != nil {
				t.Errorf("an entity only the pruned article used is still there")
			}
			if got := values(t, st, pathOut(st, "tom-reyes", string(LabelP))); len(got) != 1 {
				t.Errorf("an entity the other article uses lost its label: %v", got)
			}
			if bad := invalidQuads(t, st); len(bad) > 0 {
				t.Errorf("invalid quads: %v", bad)
			}
			// and what is left equals a load of the other article alone
			alone := newStore(t, "mem")
			load(t, alone, results(t, map[string]string{"b.txt": storyB}))
			if a, b := quadCount(t, st), quadCount(t, alone); a != b {
				t.Errorf("after pruning %d quads, a load of the rest %d", a, b)
			}
			if n, err := NewLoader(st).PruneUnseen(ctx); err != nil || n != 1 {
				t.Errorf("PruneUnseen on a load that saw nothing: %d, %v", n, err)
			}
			if s, _ := st.Stats(ctx); s.Articles != 0 || s.Entities != 0 {
				t.Errorf("after pruning everything: %+v", s)
			}
		})
	}
}

// A store built by the older naming scheme (articles, no marker) is
// refused for loading and still read by every reading command.
func TestStoresWithoutArticleIDMarker(t *testing.T) {
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			load(t, st, results(t, map[string]string{"a.txt": storyA}))
			n := 0
			st.eachQuad(ctx, quad.Subject, GraphNode, func(q quad.Quad) {
				if q == ArticleIDsMarker {
					n++
				}
			})
			if n != 1 {
				t.Fatalf("a new store has %d marker quads, want 1", n)
			}
			// the older newsgraph wrote no marker
			if err := st.QuadWriter.RemoveQuad(ArticleIDsMarker); err != nil {
				t.Fatal(err)
			}
			_, _, err := NewLoader(st).Add(ctx, results(t, map[string]string{"b.txt": storyB})[0])
			if !errors.Is(err, ErrOldArticleIDs) || !strings.Contains(err.Error(), "build into a new store (--db NEW) or delete") {
				t.Fatalf("load into an old store: %v", err)
			}
			if err := NewLoader(st).Start(ctx); !errors.Is(err, ErrOldArticleIDs) {
				t.Errorf("Start on an old store: %v", err)
			}
			if s, err := st.Stats(ctx); err != nil || s.Articles != 1 {
				t.Errorf("stats on an old store: %+v, %v", s, err)
			}
			if errs := exportAll(t, st); len(errs) > 0 {
				t.Errorf("exports of an old store: %v", errs)
			}
		})
	}
}

// An empty store takes a first load; a kv store has the marker from its
// creation.
func TestNewStoresGetTheMarker(t *testing.T) {
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			if err := NewLoader(st).Start(ctx); err != nil {
				t.Fatalf("Start on a new store: %v", err)
			}
			has := st.QuadStore.ValueOf(ArticleIDsScheme) != nil
			if isKV(st.Backend) != has {
				t.Errorf("%s: marker at creation %v", name, has)
			}
		})
	}
}

// An export of a store that lost a node names the quad instead of
// writing an invalid file or panicking (Turtle dereferenced the missing
// value).
func TestExportNamesQuadsItCannotWrite(t *testing.T) {
	bad := []quad.Quad{
		{Subject: quad.IRI("ent:x"), Predicate: quad.IRI("ng:invite"), Object: nil, Label: quad.IRI("art:a")},
		{Subject: nil, Predicate: LabelP, Object: quad.String("X")},
		{Subject: quad.IRI(""), Predicate: LabelP, Object: quad.String("X")},
		{Subject: quad.String("lit"), Predicate: LabelP, Object: quad.String("X")},
	}
	for _, q := range bad {
		var buf bytes.Buffer
		err := WriteTurtle(&buf, []quad.Quad{q}, Vocab{})
		if err == nil || !strings.Contains(err.Error(), "quad (subject") || !strings.Contains(err.Error(), "label") {
			t.Errorf("turtle of %v: %v", q, err)
		}
	}
	// a blank node (from an import) is written as one, not as a string
	var buf bytes.Buffer
	if err := WriteTurtle(&buf, []quad.Quad{{Subject: quad.BNode("b1"), Predicate: quad.IRI(RDFS + "label"), Object: quad.String("X")}}, Vocab{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n_:b1\n") {
		t.Errorf("blank node written as %q", buf.String())
	}
	if err := checkQuad(bad[0]); !strings.Contains(err.Error(), "ent:x") || !strings.Contains(err.Error(), "ng:invite") || !strings.Contains(err.Error(), "art:a") || !strings.Contains(err.Error(), "object has no value") {
		t.Errorf("error does not name the quad: %v", err)
	}
}
