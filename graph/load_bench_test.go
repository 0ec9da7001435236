package graph

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
)

// benchResults extracts n generated articles once per process.
func benchResults(b *testing.B, n int) []*extract.Result {
	b.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(7)
	var rs []*extract.Result
	for i := 0; i < n; i++ {
		d, err := extract.NewDocument("a.txt", []byte(g.Article(i)), nil, extract.DocOptions{})
		if err != nil {
			b.Fatal(err)
		}
		d.ID = fmt.Sprintf("bench-%05d", i)
		r, err := x.Extract(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		rs = append(rs, r)
	}
	extract.Resolve(rs)
	return rs
}

// BenchmarkLoad compares, on the same machine in the same run, writing the
// quads of 300 generated articles to bolt through newsgraph's loader with
// Cayley's own bulk path (quad.CopyBatch, as `cayley load` does) for the
// same quads, and the N-Quads parse rate that bounds any loader. Compare
// quads/s across the sub-benchmarks.
//
//	go test ./graph -run '^$' -bench BenchmarkLoad -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	rs := benchResults(b, 300)
	var nq bytes.Buffer
	w := nquads.NewWriter(&nq)
	total := 0
	for _, r := range rs {
		for _, q := range ArticleQuads(r, time.Unix(0, 0)) {
			w.WriteQuad(q)
			total++
		}
	}
	w.Close()
	report := func(b *testing.B, quads int) {
		b.ReportMetric(float64(quads)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	}
	// timed runs fn on a fresh bolt store, timing fn only
	timed := func(b *testing.B, fn func(st *Store)) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			st, err := Open(ctx, "bolt:"+filepath.Join(b.TempDir(), "g.db"), OpenOptions{Create: true, NoSync: true})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			fn(st)
			b.StopTimer()
			st.Close()
			b.StartTimer()
		}
		report(b, total)
	}
	b.Run("newsgraph-loader-bolt", func(b *testing.B) {
		timed(b, func(st *Store) {
			ld := NewLoader(st)
			for _, r := range rs {
				if _, _, err := ld.Add(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
			if err := ld.Flush(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("cayley-copybatch-bolt", func(b *testing.B) {
		timed(b, func(st *Store) {
			qw, _ := graph.NewQuadWriter("single", st.QuadStore, graph.Options{"ignore_duplicate": true})
			gw := graph.NewWriter(qw)
			if _, err := quad.CopyBatch(gw, nquads.NewReader(bytes.NewReader(nq.Bytes()), false), 10000); err != nil {
				b.Fatal(err)
			}
			gw.Close()
		})
	})
	b.Run("nquads-parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r := nquads.NewReader(bytes.NewReader(nq.Bytes()), false)
			for {
				if _, err := r.ReadQuad(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
		report(b, total)
	})
}
