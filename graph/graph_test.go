package graph

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
)

var ctx = context.Background()

const storyA = `Harbour strike ends
Union leader Maria Okafor said the strike at Port Vale was over.
Port Vale Terminals chief executive Tom Reyes welcomed the deal.
"We won a fair deal," Okafor told reporters on Tuesday.`

const storyB = `Port Vale reopens
Port Vale Terminals chief executive Tom Reyes thanked the workers on Wednesday.`

func results(t *testing.T, texts map[string]string) []*extract.Result {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)
	var docs []*extract.Document
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		text, ok := texts[name]
		if !ok {
			continue
		}
		d, err := extract.NewDocument(name, []byte(text), &extract.Metadata{Outlet: "Coast News " + name, Published: pub}, extract.DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return extractAll(t, x, docs)
}

// extractAll extracts documents and resolves entities across them.
func extractAll(t *testing.T, x *extract.Extractor, docs []*extract.Document) []*extract.Result {
	t.Helper()
	var rs []*extract.Result
	for _, d := range docs {
		r, err := x.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	extract.Resolve(rs)
	return rs
}

func load(t *testing.T, st *Store, rs []*extract.Result) []ArticleStatus {
	t.Helper()
	ld := NewLoader(st)
	var out []ArticleStatus
	for _, r := range rs {
		s, _, err := ld.Add(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := ld.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	return out
}

func quadCount(t *testing.T, st *Store) int64 {
	t.Helper()
	s, err := st.QuadStore.Stats(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads.Size
}

// newStore creates the store dsn names, closed when the test ends.
func newStore(t *testing.T, dsn string) *Store {
	t.Helper()
	st, err := Open(ctx, dsn, OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func stores(t *testing.T) map[string]string {
	return map[string]string{"memstore": "mem", "bolt": "bolt:" + filepath.Join(t.TempDir(), "g.db"), "leveldb": "leveldb:" + filepath.Join(t.TempDir(), "l.db")}
}

func TestLoadIsIdempotentAndReplacesChangedArticles(t *testing.T) {
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			rs := results(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
			if got := load(t, st, rs); got[0] != Added || got[1] != Added {
				t.Fatalf("first load: %v", got)
			}
			n1 := quadCount(t, st)
			if got := load(t, st, results(t, map[string]string{"a.txt": storyA, "b.txt": storyB})); got[0] != Unchanged || got[1] != Unchanged {
				t.Fatalf("second load: %v", got)
			}
			if n2 := quadCount(t, st); n2 != n1 {
				t.Fatalf("rebuilding added quads: %d → %d", n1, n2)
			}
			// a changed article replaces its own quads and no others
			changed := strings.Replace(storyA, "We won a fair deal", "We won a good deal", 1)
			if got := load(t, st, results(t, map[string]string{"a.txt": changed})); got[0] != Replaced {
				t.Fatalf("changed load: %v", got)
			}
			said := values(t, st, path.StartPath(st.QuadStore, EntityIRI("maria-okafor")).Out(quad.IRI("ng:said")))
			if !contains(said, "We won a good deal") || contains(said, "We won a fair deal") {
				t.Errorf("after replacement Okafor said %v", said)
			}
			thanks := values(t, st, path.StartPath(st.QuadStore, EntityIRI("tom-reyes")).Out(quad.IRI("ng:thank")))
			if len(thanks) == 0 {
				t.Errorf("the other article's facts were lost")
			}
		})
	}
}

func values(t *testing.T, st *Store, p *path.Path) []string {
	t.Helper()
	vs, err := p.Iterate(ctx).AllValues(st.QuadStore)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		if iri, ok := v.(quad.IRI); ok {
			out = append(out, string(iri))
			continue
		}
		out = append(out, quad.StringOf(v))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func TestDataModel(t *testing.T) {
	st := newStore(t, "mem")
	load(t, st, results(t, map[string]string{"a.txt": storyA, "b.txt": storyB}))
	qs := st.QuadStore
	// find an entity by label, read its type and a fact's sources
	ent := values(t, st, path.StartPath(qs).Has(LabelP, quad.String("Tom Reyes")))
	if len(ent) != 1 || ent[0] != "ent:tom-reyes" {
		t.Fatalf("entity by label: %v", ent)
	}
	if ty := values(t, st, path.StartPath(qs, EntityIRI("tom-reyes")).Out(TypeP)); len(ty) != 1 || ty[0] != "schema:Person" {
		t.Errorf("type: %v", ty)
	}
	employer := values(t, st, path.StartPath(qs, EntityIRI("tom-reyes")).Out(quad.IRI("schema:worksFor")).Unique())
	if len(employer) != 1 || employer[0] != "ent:port-vale-terminals" {
		t.Errorf("worksFor: %v", employer)
	}
	var labels []string
	it := qs.QuadIterator(quad.Subject, qs.ValueOf(EntityIRI("tom-reyes")))
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate == quad.IRI("schema:worksFor") {
			labels = append(labels, quad.StringOf(q.Label))
		}
	}
	it.Close()
	if len(labels) != 2 {
		t.Errorf("worksFor should be stated by 2 articles (2 quads), got %v", labels)
	}
	// evidence of a fact: sentence, offsets, rule, confidence
	ev := path.StartPath(qs).Has(SubjectP, EntityIRI("maria-okafor")).Has(PredicateP, quad.IRI("ng:said"))
	sents := values(t, st, ev.Out(SentenceP))
	if len(sents) == 0 {
		t.Fatalf("no evidence sentence")
	}
	for _, p := range []quad.IRI{CharStartP, CharEndP, RuleP, ConfidenceP, DerivedFromP} {
		if v := values(t, st, ev.Out(p)); len(v) == 0 {
			t.Errorf("evidence lacks %s", p)
		}
	}
	// typed literals: a date on the evidence, a language tag on quotes
	if d := values(t, st, path.StartPath(qs).Has(SubjectP, EntityIRI("maria-okafor")).Out(DateP)); !contains(d, "2024-03-05") {
		t.Errorf("dates: %v", d)
	}
	// what is to come is stated with its modality
	future := load(t, st, results(t, map[string]string{"c.txt": "Harbour plan\n\nPort Vale Terminals will open a second berth in Lisbon, Tom Reyes wrote."}))
	if len(future) == 0 {
		t.Fatal("nothing loaded")
	}
	if m := values(t, st, path.StartPath(qs).Has(SubjectP, EntityIRI("port-vale-terminals")).Has(PredicateP, quad.IRI("ng:open")).Out(ModalityP)); !contains(m, "future") {
		t.Errorf("modality of a fact to come: %v", m)
	}
}

func TestExportParsesAndPassesRapper(t *testing.T) {
	st, err := Open(ctx, "mem", OpenOptions{Create: true, Base: "https://news.example.net/g/"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	load(t, st, results(t, map[string]string{"a.txt": storyA, "b.txt": storyB}))
	var buf bytes.Buffer
	n, err := st.Export(ctx, &buf, "nquads")
	if err != nil {
		t.Fatal(err)
	}
	r := nquads.NewReader(bytes.NewReader(buf.Bytes()), false)
	read := 0
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		read++
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
			if iri, ok := v.(quad.IRI); ok && !strings.Contains(string(iri), "://") {
				t.Fatalf("short IRI left in export: %v", q)
			}
		}
	}
	if read != n || n == 0 {
		t.Fatalf("exported %d quads, read back %d", n, read)
	}
	if !strings.Contains(buf.String(), "<https://news.example.net/g/entity/tom-reyes>") {
		t.Errorf("configured base not used")
	}
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rapper (raptor2-utils) is required in CI")
		}
		t.Skip("rapper not installed")
	}
	f := filepath.Join(t.TempDir(), "g.nq")
	os.WriteFile(f, buf.Bytes(), 0o644)
	out, err := exec.Command(rapper, "-i", "nquads", "-c", f).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "returned") || strings.Contains(string(out), "Error") {
		t.Fatalf("rapper: %v\n%s", err, out)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(ctx, "bolt:"+filepath.Join(dir, "missing"), OpenOptions{}); err == nil || !strings.Contains(err.Error(), "no store here") {
		t.Errorf("missing store: %v", err)
	}
	// a file where a store directory should be
	file := filepath.Join(dir, "file.db")
	os.WriteFile(file, []byte("not a store"), 0o644)
	if _, err := Open(ctx, file, OpenOptions{}); err == nil || !strings.Contains(err.Error(), "not a bolt store directory") {
		t.Errorf("file as store: %v", err)
	}
	// a damaged bolt file
	bad := filepath.Join(dir, "bad.db")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "indexes.bolt"), bytes.Repeat([]byte("garbage!"), 2048), 0o644)
	if _, err := Open(ctx, bad, OpenOptions{}); err == nil {
		t.Errorf("damaged store opened without error")
	}
	// a store held by another opener: an error at once, not a hang
	good := filepath.Join(dir, "good.db")
	st, err := Open(ctx, good, OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Open(ctx, good, OpenOptions{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) {
			t.Errorf("second opener: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("second opener blocked on the lock")
	}
	st.Close()
	st2, err := Open(ctx, good, OpenOptions{})
	if err != nil {
		t.Fatalf("reopen after close: %v", err)
	}
	st2.Close()
}

func TestParseDSN(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "bolt newsgraph.db",
		"mem":                       "memstore ",
		"/tmp/x.db":                 "bolt /tmp/x.db",
		"bolt:/tmp/y":               "bolt /tmp/y",
		"leveldb:/tmp/z":            "leveldb /tmp/z",
		"postgres://u@h:5432/db":    "postgres postgres://u@h:5432/db",
		"postgresql://u@h:5432/db2": "postgres postgresql://u@h:5432/db2",
	} {
		b, a := ParseDSN(in)
		if b+" "+a != want {
			t.Errorf("ParseDSN(%q) = %s %s, want %s", in, b, a, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://ana:s3cret@db.example:5432/news?sslmode=disable": "postgres://ana:xxxxx@db.example:5432/news?sslmode=disable",
		"postgres://ana@db.example/news":                             "postgres://ana@db.example/news",
		"newsgraph.db":                                               "newsgraph.db",
		"/tmp/x:y.db":                                                "/tmp/x:y.db",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// Opening or creating a kv store must not allocate Cayley's bloom
// filters (74 MB each: one for duplicate checks, and when opened empty one
// per index and one for nodes): they made the peak memory of every build.
func TestOpenAllocatesLittle(t *testing.T) {
	for _, backend := range []string{"bolt", "leveldb"} {
		t.Run(backend, func(t *testing.T) {
			dsn := backend + ":" + filepath.Join(t.TempDir(), "new.db")
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			st, err := Open(ctx, dsn, OpenOptions{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			st.Close()
			const limit = 32 << 20
			if got := after.TotalAlloc - before.TotalAlloc; got > limit {
				t.Errorf("creating a %s store allocated %d MB, want at most %d MB", backend, got>>20, limit>>20)
			}
		})
	}
}

// On kv stores, batches shrink while the live heap is above the target and
// grow back to their first size when it is well below.
func TestLoaderBatchesAdaptToTheHeap(t *testing.T) {
	for name, dsn := range stores(t) {
		t.Run(name, func(t *testing.T) {
			st := newStore(t, dsn)
			ld := NewLoader(st)
			if name == "memstore" {
				if ld.HeapTarget != 0 {
					t.Errorf("memstore: heap target %d, want none", ld.HeapTarget)
				}
				return
			}
			if ld.HeapTarget != DefaultHeapTarget {
				t.Fatalf("heap target %d, want %d", ld.HeapTarget, DefaultHeapTarget)
			}
			var heap uint64
			ld.liveHeap = func() uint64 { return heap }
			first := ld.BatchQuads
			steps := []struct {
				heap    uint64
				commits int
				want    int
			}{
				{DefaultHeapTarget / 2, 3, first},             // below: unchanged
				{DefaultHeapTarget + 1, 1, first / 2},         // above: halved
				{DefaultHeapTarget * 2, 20, MinBatchQuads},    // and down to the floor
				{DefaultHeapTarget / 4 * 3, 5, MinBatchQuads}, // in between: kept
				{DefaultHeapTarget / 2, 40, first},            // well below: back up, never past the first size
			}
			for _, s := range steps {
				heap = s.heap
				for range s.commits {
					ld.adapt()
				}
				if ld.BatchQuads != s.want {
					t.Errorf("heap %d MB after %d commits: batch %d, want %d", s.heap>>20, s.commits, ld.BatchQuads, s.want)
				}
			}
			// and through a real commit: a heap over the target shrinks the next batch
			heap = DefaultHeapTarget * 2
			for _, r := range results(t, map[string]string{"a.txt": storyA}) {
				if _, _, err := ld.Add(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if err := ld.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if ld.BatchQuads != first/2 {
				t.Errorf("after a commit with the heap over the target: batch %d, want %d", ld.BatchQuads, first/2)
			}
		})
	}
}
