package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCollectAppliesManifestWhateverThePathSpelling(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"a.txt": {"outlet": "Daily Planet", "published": "2024-05-06"}}`), 0o644)
	os.Mkdir(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "b.txt"), []byte("x"), 0o644)
	for _, p := range []string{dir, dir + "/", dir + "/.", filepath.Join(dir, "a.txt")} {
		srcs, probs := Collect([]string{p}, nil)
		if len(probs) != 0 || len(srcs) != 1 {
			t.Fatalf("%s: %d sources, problems %v", p, len(srcs), probs)
		}
		if srcs[0].Meta == nil || srcs[0].Meta.Outlet != "Daily Planet" {
			t.Errorf("%s: manifest not applied: %+v", p, srcs[0].Meta)
		}
	}
}

// Walk yields files in lexical order with problems in their place, and a
// folder's manifest applies to that folder's files only, however deep the
// walk has gone in between.
func TestWalkOrderManifestsAndProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	write("a/manifest.json", `{"x.txt": {"outlet": "Alpha"}}`)
	write("a/x.txt", "x")
	write("a/deep/x.txt", "x")
	write("a/z.txt", "x")
	write("b/manifest.json", `{not json`)
	write("b/x.txt", "x")
	write("c/x.txt", "x")
	missing := filepath.Join(dir, "missing.txt")
	type seen struct {
		name, outlet string
		problem      bool
	}
	var got []seen
	for s := range Walk([]string{dir, missing}, nil) {
		e := seen{name: strings.TrimPrefix(s.Name, dir+"/"), problem: s.err != nil}
		if s.Meta != nil {
			e.outlet = s.Meta.Outlet
		}
		got = append(got, e)
	}
	want := []seen{
		{"a/deep/x.txt", "", false},
		{"a/x.txt", "Alpha", false},
		{"a/z.txt", "", false},
		{"b", "", true}, // its manifest is broken; its files are still read
		{"b/x.txt", "", false},
		{"c/x.txt", "", false},
		{"missing.txt", "", true},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("walk:\n got %v\nwant %v", got, want)
	}
	// a consumer that stops early stops the walk
	n := 0
	for range Walk([]string{dir, missing}, nil) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("stopped walk yielded %d", n)
	}
}
