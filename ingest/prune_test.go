package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// exportLines is the store as sorted N-Quads lines without build times.
func exportLines(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var b strings.Builder
	if _, err := st.Export(context.Background(), &b, "nquads"); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l != "" && !strings.Contains(l, "generatedAtTime") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// A build with Prune after files were deleted and changed leaves the
// graph a clean build of the remaining files gives; a file that is
// skipped keeps its stored article.
func TestBuildPruneMirrorsTheFolder(t *testing.T) {
	ctx := context.Background()
	dir := writeSections(t, []string{"a", "b"}, 4)
	st, x := newTestStore(t), newTestExtractor(t)
	if _, err := Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "a", "002.txt"))
	f, _ := os.OpenFile(filepath.Join(dir, "b", "001.txt"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nThe company said it would open a new plant in Ohio next year.\n")
	f.Close()
	os.WriteFile(filepath.Join(dir, "b", "003.txt"), nil, 0o644) // now empty: skipped, kept
	sum, err := Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pruned != 1 || sum.Replaced != 1 || sum.Skipped != 1 {
		t.Fatalf("summary %+v, want 1 pruned, 1 replaced, 1 skipped", sum)
	}
	stats, _ := st.Stats(ctx)
	if stats.Articles != 7 {
		t.Errorf("%d articles stored, want 7", stats.Articles)
	}
	os.Remove(filepath.Join(dir, "b", "003.txt"))
	if _, err := Build(ctx, st, x, Walk([]string{dir}, nil), BuildOptions{Prune: true}); err != nil {
		t.Fatal(err)
	}
	clean := newTestStore(t)
	if _, err := Build(ctx, clean, x, Walk([]string{dir}, nil), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	got, want := exportLines(t, st), exportLines(t, clean)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pruned store has %d quads, a clean build %d", len(got), len(want))
		w := map[string]bool{}
		for _, l := range want {
			w[l] = true
		}
		for _, l := range got {
			if !w[l] {
				t.Logf("extra: %s", l)
			}
		}
	}
}
