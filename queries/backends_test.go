package queries_test

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq" // PostgreSQL driver (Cayley's own)

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// postgresDSN creates a fresh database on the server named by
// NEWSGRAPH_TEST_POSTGRES (a postgres:// URL; .ci/run starts a throwaway
// server and sets it) and returns its DSN, or skips saying why.
func postgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if base == "" {
		t.Skip("no PostgreSQL: set NEWSGRAPH_TEST_POSTGRES=postgres://user@host:port/db?sslmode=disable (.ci/run starts one)")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("newsgraph_test_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("PostgreSQL at %s: %v", base, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("postgres", base)
		if err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name)
			a.Close()
		}
	})
	u, _ := url.Parse(base)
	u.Path = "/" + name
	return u.String()
}

// answers runs every shipped query (with its example arguments) and
// returns the sorted JSON rows per query.
func answers(t *testing.T, st *graph.Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, q := range queries.List() {
		rows, err := queries.Run(ctx, st.QuadStore, q.Source, queries.Options{Timeout: 30 * time.Second})
		if err != nil {
			t.Fatalf("@%s: %v", q.Name, err)
		}
		for _, r := range rows {
			delete(r, "id") // evidence node order differs by backend
			b, _ := json.Marshal(r)
			out[q.Name] = append(out[q.Name], string(b))
		}
		sort.Strings(out[q.Name])
	}
	return out
}

func exportLines(t *testing.T, st *graph.Store) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := st.Export(ctx, &buf, "nquads"); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if !strings.Contains(l, "prov#generatedAtTime") {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestPostgreSQLAnswersAsBolt builds the samples into Cayley's SQL
// backend on PostgreSQL and into bolt, and checks that every shipped query
// answers the same and the exports are identical.
func TestPostgreSQLAnswersAsBolt(t *testing.T) {
	pg := sampleGraph(t, postgresDSN(t))
	bolt := sampleGraph(t, "bolt:"+filepath.Join(t.TempDir(), "g.db"))
	a, b := answers(t, bolt), answers(t, pg)
	for _, q := range queries.List() {
		if strings.Join(a[q.Name], "\n") != strings.Join(b[q.Name], "\n") {
			t.Errorf("@%s differs: bolt %d rows, postgres %d rows", q.Name, len(a[q.Name]), len(b[q.Name]))
		}
		if len(a[q.Name]) == 0 {
			t.Errorf("@%s: no rows", q.Name)
		}
	}
	if exportLines(t, bolt) != exportLines(t, pg) {
		t.Errorf("exports differ between bolt and PostgreSQL")
	}
}
