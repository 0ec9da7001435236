package queries_test

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/queries"
)

// TestPostgreSQLBulkEqualsCayleyWriter loads the samples twice, through
// COPY and through Cayley's writer, in the same batches, and compares
// Cayley's tables row by row (timestamps aside), the schema (the indexes a
// bulk load defers are back), and the answers to every shipped query. The
// load comes in two builds: three samples into the empty graph (indexes
// deferred), then all five with one of the three changed (indexes in
// place; the changed article's old quads deleted through Cayley's writer).
func TestPostgreSQLBulkEqualsCayleyWriter(t *testing.T) {
	first, err := ingest.FSSources(data.Samples, "data")
	if err != nil {
		t.Fatal(err)
	}
	first = first[:3]
	changed := fstest.MapFS{}
	fs.WalkDir(data.Samples, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			raw, _ := fs.ReadFile(data.Samples, path)
			changed[path] = &fstest.MapFile{Data: raw}
		}
		return nil
	})
	name := strings.TrimPrefix(first[0].Name, "data/")
	changed[name].Data = append(changed[name].Data, "\nThe chairman of Orbit Freight, Lars Henning, praised the decision on Monday.\n"...)
	second, err := ingest.FSSources(changed, "data")
	if err != nil {
		t.Fatal(err)
	}
	build := func(dsn string, writer bool) float64 {
		x, err := extract.New(extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for i, srcs := range [][]ingest.Source{first, second} {
			st, err := graph.Open(ctx, dsn, graph.OpenOptions{Create: true, CayleyWriter: writer})
			if err != nil {
				t.Fatal(err)
			}
			fixed := func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
			sum, err := ingest.Build(ctx, st, x, slices.Values(srcs), ingest.BuildOptions{BatchQuads: 500, Now: fixed})
			if err != nil {
				t.Fatal(err)
			}
			if i == 1 && (sum.Added != 2 || sum.Replaced != 1 || sum.Unchanged != 2) {
				t.Fatalf("second build: added %d, replaced %d, unchanged %d; want 2, 1, 2", sum.Added, sum.Replaced, sum.Unchanged)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
		}
		return time.Since(start).Seconds()
	}
	bulk, writer := pgtest.NewDatabase(t), pgtest.NewDatabase(t)
	tb := build(bulk, false)
	tw := build(writer, true)
	same := func(what, a, b string) {
		t.Helper()
		if a == b {
			return
		}
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range al {
			if i < len(bl) && al[i] != bl[i] {
				t.Fatalf("%s differ at line %d:\nbulk:   %s\nwriter: %s", what, i, al[i], bl[i])
			}
		}
		t.Fatalf("%s differ: %d vs %d lines", what, len(al), len(bl))
	}
	same("tables", pgtest.Tables(t, bulk), pgtest.Tables(t, writer))
	schema := pgtest.Schema(t, bulk)
	for _, want := range []string{"osp_index", "spol_unique", "subject_hash_fk"} {
		if !strings.Contains(schema, want) {
			t.Fatalf("schema after a bulk load has no %s:\n%s", want, schema)
		}
	}
	same("schemas", schema, pgtest.Schema(t, writer))
	open := func(dsn string) *graph.Store {
		st, err := graph.Open(ctx, dsn, graph.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b := answers(t, open(bulk)), answers(t, open(writer))
	for _, q := range queries.List() {
		same("@"+q.Name+" answers", strings.Join(a[q.Name], "\n"), strings.Join(b[q.Name], "\n"))
	}
	t.Logf("samples: COPY %.2fs, Cayley's writer %.2fs", tb, tw)
}

// TestPostgreSQLLoadRate measures quads/s into PostgreSQL for generated
// articles, COPY against Cayley's writer, and bolt for scale: first N
// articles into an empty graph, then N/10 more into the graph that holds
// them (the path of a daily build into a shared graph):
//
//	NEWSGRAPH_TEST_POSTGRES=postgres://… NEWSGRAPH_PG_RATE=200 go test ./queries -run TestPostgreSQLLoadRate -v
func TestPostgreSQLLoadRate(t *testing.T) {
	n := 0
	fmt.Sscan(os.Getenv("NEWSGRAPH_PG_RATE"), &n)
	if n == 0 {
		t.Skip("set NEWSGRAPH_PG_RATE=N (articles) and NEWSGRAPH_TEST_POSTGRES to measure")
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// extraction first, so that only loading is timed
	articles := func(seed int64, prefix string, n int) []*extract.Result {
		dir := t.TempDir()
		g := corpus.New(seed)
		for i := 0; i < n; i++ {
			os.WriteFile(fmt.Sprintf("%s/%s%05d.txt", dir, prefix, i), []byte(g.Article(i)), 0o644)
		}
		srcs, _ := ingest.Collect([]string{dir}, nil)
		rs, err := ingest.ExtractAll(ctx, x, srcs, ingest.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	first, more := articles(11, "a", n), articles(12, "b", n/10)
	for _, c := range []struct {
		name   string
		dsn    string
		writer bool
	}{
		{"postgres COPY", pgtest.NewDatabase(t), false},
		{"postgres Cayley writer", pgtest.NewDatabase(t), true},
		{"bolt", "bolt:" + t.TempDir() + "/g.db", false},
	} {
		if c.writer && n > 1000 {
			t.Logf("%-24s skipped above 1000 articles (about 2,000 quads/s)", c.name)
			continue
		}
		st, err := graph.Open(ctx, c.dsn, graph.OpenOptions{Create: true, CayleyWriter: c.writer, NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, phase := range []struct {
			name string
			rs   []*extract.Result
		}{{"into an empty graph", first}, {"into that graph", more}} {
			start := time.Now()
			ld := graph.NewLoader(st)
			for _, r := range phase.rs {
				if _, _, err := ld.Add(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if err := ld.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if err := st.EndLoad(ctx); err != nil {
				t.Fatal(err)
			}
			d := time.Since(start)
			t.Logf("%-24s %-20s %5d articles %8d quads in %6.2fs: %7.0f quads/s", c.name, phase.name, len(phase.rs), ld.Quads, d.Seconds(), float64(ld.Quads)/d.Seconds())
		}
		st.Close()
	}
}
