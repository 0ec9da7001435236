package ingest

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Build must draw sources only as its window allows, so that a corpus of
// any size is never listed in memory.
func TestBuildDrawsSourcesAsItGoes(t *testing.T) {
	ctx := context.Background()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := graph.Open(ctx, "mem", graph.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const n, workers = 120, 2
	gen := corpus.New(3)
	var drawn, taken, ahead atomic.Int64
	srcs := func(yield func(Source) bool) {
		for i := 0; i < n; i++ {
			if d := drawn.Load() - taken.Load(); d > ahead.Load() {
				ahead.Store(d)
			}
			text := gen.Article(i)
			drawn.Add(1)
			if !yield(Source{Name: fmt.Sprintf("gen/%03d.txt", i), open: func() (io.ReadCloser, error) {
				return io.NopCloser(strings.NewReader(text)), nil
			}}) {
				return
			}
		}
	}
	sum, err := Build(ctx, st, x, srcs, BuildOptions{ReadOptions: ReadOptions{Workers: workers, Progress: func() { taken.Add(1) }}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Files != n || sum.Added != n || sum.Skipped != 0 {
		t.Errorf("summary %+v, want %d files added", sum, n)
	}
	// the window is 4 per worker; one more is held while it waits for a slot
	if max := int64(4*workers + 1); ahead.Load() > max {
		t.Errorf("%d sources drawn ahead of the results taken, want at most %d", ahead.Load(), max)
	}
}
