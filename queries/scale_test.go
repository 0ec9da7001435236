package queries_test

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// TestLatencyOnLargeGraph measures query latency on a large store built
// beforehand, e.g.
//
//	newsgraph gen -n 10000 -o /tmp/corpus && newsgraph build --nosync --db /tmp/big.db /tmp/corpus
//	NEWSGRAPH_SCALE_DB=/tmp/big.db go test ./queries -run TestLatencyOnLargeGraph -v
//
// It reports p50/p95 of 1-hop, 2-hop, label-restricted and count queries
// and of the shipped queries (about an entity of the generated corpus).
func TestLatencyOnLargeGraph(t *testing.T) {
	db := os.Getenv("NEWSGRAPH_SCALE_DB")
	if db == "" {
		t.Skip("set NEWSGRAPH_SCALE_DB to a built store to measure")
	}
	st, err := graph.Open(context.Background(), db, graph.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, _ := st.QuadStore.Stats(ctx, false)
	t.Logf("store %s: about %d quads", db, stats.Quads.Size)
	cases := []struct{ name, src string }{
		{"1-hop", `g.V("<ent:lumen-group>").Out().All()`},
		{"2-hop", `g.V("<ent:lumen-group>").Out().Out().Limit(1000).All()`},
		{"label-restricted", `g.V("<ent:lumen-group>").LabelContext("<art:article-000001>").Out().All()`},
		{"count", `g.Emit(g.V().Has("<rdf:predicate>", "<ng:said>").Count())`},
	}
	for _, q := range []string{"about", "said", "timeline", "sources", "numbers", "roles", "who-did", "neighbourhood", "articles", "conflicts"} {
		sq, _ := queries.Get(q)
		args := map[string][]string{
			"about": {"Lumen Group"}, "said": {"Kenji Sato"}, "timeline": {"Kenji Sato"}, "numbers": {"Lumen Group"},
			"sources": {"Kenji Sato", "praise", "Ruth Okoye"}, "who-did": {"acquire"}, "neighbourhood": {"Kenji Sato"},
		}[q]
		cases = append(cases, struct{ name, src string }{"@" + q, sq.Bind(args)})
	}
	for _, c := range cases {
		var ds []time.Duration
		rows := 0
		for i := 0; i < 7; i++ {
			start := time.Now()
			r, err := queries.Run(ctx, st.QuadStore, c.src, queries.Options{Limit: 100000, Timeout: 5 * time.Minute})
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ds = append(ds, time.Since(start))
			rows = len(r)
			if ds[len(ds)-1] > 20*time.Second {
				break // slow: fewer runs
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-18s rows %7d  p50 %10s  p95 %10s", c.name, rows, ds[len(ds)/2].Round(100*time.Microsecond), ds[len(ds)-1].Round(100*time.Microsecond))
	}
}
