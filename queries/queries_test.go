package queries_test

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queries"
)

var ctx = context.Background()

// sampleGraph builds the sample articles into a store.
func sampleGraph(t testing.TB, dsn string) *graph.Store {
	t.Helper()
	srcs, err := ingest.FSSources(data.Samples, "data")
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(ctx, dsn, graph.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := ingest.Build(ctx, st, x, slices.Values(srcs), ingest.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	return st
}

// run runs a shipped query and renders each row as "tag=value" pairs with
// names instead of IRIs.
func run(t *testing.T, st *graph.Store, name string, args ...string) []map[string]string {
	t.Helper()
	q, ok := queries.Get(name)
	if !ok {
		t.Fatalf("no query %s", name)
	}
	rows, err := queries.Run(ctx, st.QuadStore, q.Bind(args), queries.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("@%s: %v", name, err)
	}
	lab := queries.NewLabeler(st.QuadStore)
	var out []map[string]string
	for _, r := range rows {
		m := map[string]string{}
		for k, v := range r {
			m[k] = lab.Display(ctx, v)
		}
		out = append(out, m)
	}
	return out
}

func has(rows []map[string]string, want map[string]string) bool {
	for _, r := range rows {
		ok := true
		for k, v := range want {
			if !strings.Contains(r[k], v) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestShippedQueriesAnswerTheStory(t *testing.T) {
	st := sampleGraph(t, "mem")
	cases := []struct {
		query string
		args  []string
		want  []map[string]string
	}{
		{"about", []string{"Clubhouse"}, []map[string]string{
			{"subject": "Clubhouse", "predicate": "roomCapacity", "object": "5000"},
			{"subject": "Paul Davison", "predicate": "develop", "object": "Clubhouse", "source": "Republic World"},
		}},
		{"said", []string{"Peskov"}, []map[string]string{
			{"speaker": "Dmitry Peskov", "said": "Apparently there was some kind of misunderstanding", "source": "The Independent", "published": "2021-03-02"},
		}},
		{"who-did", []string{"invite"}, []map[string]string{
			{"subject": "Elon Musk", "object": "Vladimir Putin", "source": "Tesmanian"},
			{"subject": "Elon Musk", "object": "Kanye West"},
		}},
		{"sources", []string{"Elon Musk", "invite", "Vladimir Putin"}, []map[string]string{
			{"outlet": "Business Insider", "n": "5"}, {"outlet": "Gadgets 360", "n": "5"},
		}},
		{"timeline", []string{"Elon Musk"}, []map[string]string{
			{"date": "2021-02-13", "predicate": "ask", "source": "Tesmanian"},
			{"date": "2021-02-14", "predicate": "tag", "object": "Kremlin", "source": "Gadgets 360"},
		}},
		{"conflicts", nil, []map[string]string{
			{"subject": "Elon Musk", "claim": "2021-02-14", "source": "Gadgets 360", "other_claim": "2021-02-13", "other_source": "Tesmanian"},
		}},
		{"roles", nil, []map[string]string{
			{"person": "Jack Dorsey", "title": "CEO", "organisation": "Twitter"},
			{"person": "Elon Musk", "title": "CEO", "organisation": "SpaceX"},
		}},
		{"neighbourhood", []string{"Elon Musk"}, []map[string]string{
			{"source_label": "Elon Musk", "target_label": "Vladimir Putin"},
			{"source_label": "Tesla", "target_label": "Elon Musk"}, // an edge into Musk: Tesla's founder (the Kremlin's approach is Peskov's claim, no edge)
		}},
		{"numbers", []string{"Clubhouse"}, []map[string]string{
			{"subject": "Clubhouse", "predicate": "raise", "value": "110000000", "unit": "USD", "as_written": "$110 million"},
		}},
		{"articles", nil, []map[string]string{
			{"outlet": "Tesmanian", "published": "2021-03-02", "headline": "Kremlin"},
		}},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			rows := run(t, st, c.query, c.args...)
			if len(rows) == 0 {
				t.Fatalf("@%s %v: no results", c.query, c.args)
			}
			for _, w := range c.want {
				if !has(rows, w) {
					t.Errorf("@%s %v lacks %v; got %v", c.query, c.args, w, rows)
				}
			}
		})
	}
}

func TestEveryShippedQueryRunsAsPastedIntoTheUI(t *testing.T) {
	st := sampleGraph(t, "mem")
	for _, q := range queries.List() {
		rows, err := queries.Run(ctx, st.QuadStore, q.Source, queries.Options{Timeout: 10 * time.Second})
		if err != nil || len(rows) == 0 {
			t.Errorf("@%s without arguments: %d rows, %v", q.Name, len(rows), err)
		}
		if q.Answers == "" || q.Params == "" {
			t.Errorf("@%s: header lacks answers: or params:", q.Name)
		}
	}
	if n := len(queries.List()); n < 10 {
		t.Errorf("%d shipped queries", n)
	}
}

func TestSpecialColumnsAndArticleCounts(t *testing.T) {
	st := sampleGraph(t, "mem")
	arts := run(t, st, "articles")
	if len(arts) != 5 {
		t.Fatalf("@articles: %d rows", len(arts))
	}
	for _, a := range arts {
		if a["facts"] == "0" || a["facts"] == "" {
			t.Errorf("article without facts: %v", a)
		}
	}
	tl := run(t, st, "timeline", "Elon Musk")
	for i := 1; i < len(tl); i++ {
		if tl[i-1]["date"] > tl[i]["date"] {
			t.Errorf("timeline not in order: %s before %s", tl[i-1]["date"], tl[i]["date"])
		}
	}
}

// TestQueryLatency reports p50 and p95 per shipped query on the sample
// graph in a bolt store: go test ./queries -run TestQueryLatency -v
func TestQueryLatency(t *testing.T) {
	st := sampleGraph(t, "bolt:"+filepath.Join(t.TempDir(), "g.db"))
	for _, q := range queries.List() {
		src := q.Source
		var ds []time.Duration
		for i := 0; i < 30; i++ {
			start := time.Now()
			if _, err := queries.Run(ctx, st.QuadStore, src, queries.Options{}); err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(start))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		p50, p95 := ds[len(ds)/2], ds[len(ds)*95/100]
		t.Logf("%-14s p50 %8s  p95 %8s", "@"+q.Name, p50.Round(10*time.Microsecond), p95.Round(10*time.Microsecond))
		if p95 > 2*time.Second {
			t.Errorf("@%s p95 %s on a 5-article graph", q.Name, p95)
		}
	}
}

// @said answers with the words of the person asked only: every row's
// speaker is that person, whatever name the question uses, and the
// quotes of the other people in the articles are not among them.
func TestSaidReturnsOnlyThatSpeaker(t *testing.T) {
	st := sampleGraph(t, "mem")
	for _, c := range []struct {
		ask, speaker string
		notBy        []string // words of other speakers in the articles
	}{
		{"Peskov", "Dmitry Peskov", []string{"great honour", "great honor"}},
		{"Elon Musk", "Elon Musk", []string{"misunderstanding", "interesting proposal", "social networks"}},
	} {
		rows := run(t, st, "said", c.ask)
		if len(rows) < 2 {
			t.Fatalf("@said %s: %d rows", c.ask, len(rows))
		}
		for _, r := range rows {
			if r["speaker"] != c.speaker {
				t.Errorf("@said %s: a row by %q: %v", c.ask, r["speaker"], r)
			}
			for _, w := range c.notBy {
				if strings.Contains(r["said"], w) {
					t.Errorf("@said %s: %q is someone else's: %v", c.ask, w, r)
				}
			}
		}
	}
}
