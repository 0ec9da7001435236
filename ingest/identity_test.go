package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// writeSections lays out a collection by section, as news archives are:
// every section has 001.txt, 002.txt, …
func writeSections(t *testing.T, sections []string, perSection int) string {
	t.Helper()
	dir := t.TempDir()
	gen := corpus.New(7)
	i := 0
	for _, sec := range sections {
		os.MkdirAll(filepath.Join(dir, sec), 0o755)
		for n := 1; n <= perSection; n++ {
			if err := os.WriteFile(filepath.Join(dir, sec, fmt.Sprintf("%03d.txt", n)), []byte(gen.Article(i)), 0o644); err != nil {
				t.Fatal(err)
			}
			i++
		}
	}
	return dir
}

func newTestStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), "mem", graph.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newTestExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// Files that share a base name in different folders are different
// articles, and building the collection again finds every one unchanged.
func TestBuildKeepsArticlesThatShareFileNames(t *testing.T) {
	ctx := context.Background()
	sections := []string{"business", "politics", "sport", "tech"}
	dir := writeSections(t, sections, 12)
	st, x := newTestStore(t), newTestExtractor(t)
	want := len(sections) * 12
	for run, wantStatus := range []string{"added", "unchanged"} {
		sum, err := Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{"added": sum.Added, "unchanged": sum.Unchanged}
		if got[wantStatus] != want || sum.Replaced != 0 || sum.Skipped != 0 {
			t.Errorf("build %d: %+v, want %d %s", run+1, sum, want, wantStatus)
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != int64(want) {
		t.Errorf("store holds %d articles, want %d", stats.Articles, want)
	}
}

// Two folders given side by side would both name their 001.txt "001":
// the second is refused with a line saying why, not merged into the first.
func TestBuildRefusesTwoFilesWithOneID(t *testing.T) {
	dir := writeSections(t, []string{"a", "b"}, 2)
	var probs []Problem
	sum, err := Build(context.Background(), newTestStore(t), newTestExtractor(t),
		Walk([]string{filepath.Join(dir, "a"), filepath.Join(dir, "b")}, nil),
		BuildOptions{ReadOptions: ReadOptions{OnProblem: func(p Problem) { probs = append(probs, p) }}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || len(probs) != 2 {
		t.Fatalf("added %d, problems %v; want 2 and 2", sum.Added, probs)
	}
	for _, p := range probs {
		if !strings.HasPrefix(p.Name, filepath.Join(dir, "b")) || !strings.Contains(p.Err.Error(), "already article") {
			t.Errorf("problem %v", p)
		}
	}
}

// An article over its time budget is skipped with a line naming it and
// the budget; the others are built, and nothing of it is stored.
func TestBuildSkipsArticlesOverTheirBudget(t *testing.T) {
	ctx := context.Background()
	dir := writeSections(t, []string{"s"}, 3)
	st, x := newTestStore(t), newTestExtractor(t)
	var probs []Problem
	sum, err := Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{ReadOptions: ReadOptions{
		DocTimeout: time.Nanosecond,
		OnProblem:  func(p Problem) { probs = append(probs, p) },
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || sum.Skipped != 3 || len(probs) != 3 {
		t.Fatalf("summary %+v, problems %v", sum, probs)
	}
	for _, p := range probs {
		if !errors.Is(p.Err, ErrTooSlow) || !strings.Contains(p.Err.Error(), p.Name+": took longer than") || !strings.Contains(p.Err.Error(), "1ns") {
			t.Errorf("problem %q", p.Err)
		}
	}
	if stats, err := st.Stats(ctx); err != nil || stats.Articles != 0 {
		t.Errorf("store holds %d articles (%v), want 0", stats.Articles, err)
	}
	// the same files with the default budget all go in
	sum, err = Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{})
	if err != nil || sum.Added != 3 {
		t.Fatalf("default budget: %+v, %v", sum, err)
	}
}

func TestTooSlowNamesTheSentence(t *testing.T) {
	err := tooSlow("a.txt", time.Second, nil)
	if !errors.Is(err, ErrTooSlow) || err.Error() != "a.txt: took longer than the time budget of 1s (while cleaning and tagging the text)" {
		t.Errorf("got %q", err)
	}
	long := strings.Repeat("é", 300)
	if got := clip(long, 201); len(got) > 204 || !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("clip: %q", got)
	}
}
