package queries_test

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// tableDump returns Cayley's nodes and quads tables as text: every node
// with its reference count and values, every quad in insertion order.
func tableDump(t *testing.T, dsn string) string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range []string{
		`SELECT encode(hash,'hex'), refs, coalesce(encode(value,'hex'),''), coalesce(value_string,''), coalesce(datatype,''), coalesce(language,''),
		        coalesce(iri,false), coalesce(bnode,false), coalesce(value_int,0), coalesce(value_bool,false), coalesce(value_float,0), coalesce(value_time::text,'') FROM nodes ORDER BY hash`,
		`SELECT encode(subject_hash,'hex'), encode(predicate_hash,'hex'), encode(object_hash,'hex'), coalesce(encode(label_hash,'hex'),'') FROM quads ORDER BY horizon`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]interface{}, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

// TestPostgreSQLBulkEqualsCayleyWriter loads the samples twice, through
// COPY and through Cayley's writer, in the same batches, and compares
// Cayley's tables row by row (timestamps aside).
func TestPostgreSQLBulkEqualsCayleyWriter(t *testing.T) {
	build := func(dsn string, writer bool) float64 {
		srcs, _ := ingest.FSSources(data.Samples, "data")
		x, err := extract.New(extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := graph.Open(ctx, dsn, graph.OpenOptions{Create: true, CayleyWriter: writer})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		start := time.Now()
		fixed := func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
		if _, err := ingest.Build(ctx, st, x, srcs, ingest.BuildOptions{BatchQuads: 500, Now: fixed}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start).Seconds()
	}
	bulk, writer := postgresDSN(t), postgresDSN(t)
	tb := build(bulk, false)
	tw := build(writer, true)
	if os.Getenv("NG_DUMP") != "" {
		os.WriteFile("/tmp/dump_bulk.txt", []byte(tableDump(t, bulk)), 0o644)
		os.WriteFile("/tmp/dump_writer.txt", []byte(tableDump(t, writer)), 0o644)
	}
	if a, b := tableDump(t, bulk), tableDump(t, writer); a != b {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		for i := range al {
			if i < len(bl) && al[i] != bl[i] {
				t.Fatalf("tables differ at row %d:\nbulk:   %s\nwriter: %s", i, al[i], bl[i])
			}
		}
		t.Fatalf("tables differ: %d vs %d rows", len(al), len(bl))
	}
	if os.Getenv("NG_DUMP") != "" {
		os.WriteFile("/tmp/dump_bulk.txt", []byte(tableDump(t, bulk)), 0o644)
		os.WriteFile("/tmp/dump_writer.txt", []byte(tableDump(t, writer)), 0o644)
	}
	t.Logf("samples: COPY %.2fs, Cayley's writer %.2fs", tb, tw)
}

// TestPostgreSQLLoadRate measures quads/s into PostgreSQL for generated
// articles, COPY against Cayley's writer, and bolt for scale:
//
//	NEWSGRAPH_TEST_POSTGRES=postgres://… NEWSGRAPH_PG_RATE=200 go test ./queries -run TestPostgreSQLLoadRate -v
func TestPostgreSQLLoadRate(t *testing.T) {
	n := 0
	fmt.Sscan(os.Getenv("NEWSGRAPH_PG_RATE"), &n)
	if n == 0 {
		t.Skip("set NEWSGRAPH_PG_RATE=N (articles) and NEWSGRAPH_TEST_POSTGRES to measure")
	}
	dir := t.TempDir()
	g := corpus.New(11)
	for i := 0; i < n; i++ {
		os.WriteFile(fmt.Sprintf("%s/a%05d.txt", dir, i), []byte(g.Article(i)), 0o644)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		dsn    string
		writer bool
	}{
		{"postgres COPY", postgresDSN(t), false},
		{"postgres Cayley writer", postgresDSN(t), true},
		{"bolt", "bolt:" + dir + "/g.db", false},
	} {
		srcs, _ := ingest.Collect([]string{dir}, nil)
		st, err := graph.Open(ctx, c.dsn, graph.OpenOptions{Create: true, CayleyWriter: c.writer, NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		// extraction first, so that only loading is timed
		rs, err := ingest.ExtractAll(ctx, x, srcs, 0, func(ingest.Problem) {}, nil)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		ld := graph.NewLoader(st)
		for _, r := range rs {
			if _, _, err := ld.Add(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := ld.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		t.Logf("%-24s %7d quads in %6.2fs: %8.0f quads/s", c.name, ld.Quads, d.Seconds(), float64(ld.Quads)/d.Seconds())
		st.Close()
	}
}
