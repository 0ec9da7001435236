package queries_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/queries"
)

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
	pg := sampleGraph(t, pgtest.NewDatabase(t))
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
