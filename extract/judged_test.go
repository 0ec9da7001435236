package extract

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// judgedSets are the Reuters regression sets: the stories, the judged
// facts, and how many facts judged wrong the extractor still produces.
// The bound may only go down: a change that brings back more facts a
// reader judged wrong fails here. Lower it when a change removes some.
var judgedSets = []struct {
	stories, judged string
	maxWrongBack    int
}{
	{"reuters-stories.txt", "reuters20.tsv", 12},
	{"heldout-stories.txt", "reuters20-heldout.tsv", 9},
	{"fresh-stories.txt", "reuters20-fresh.tsv", 12},
	{"fresh2-stories.txt", "reuters20-fresh2.tsv", 23},
	{"fresh3-stories.txt", "reuters20-fresh3.tsv", 16},
	{"fresh4-stories.txt", "reuters20-fresh4.tsv", 32},
	{"fresh5-stories.txt", "reuters20-fresh5.tsv", 15},
	{"fresh6-stories.txt", "reuters20-fresh6.tsv", 20},
	{"fresh7-stories.txt", "reuters20-fresh7.tsv", 16},
	{"fresh8-stories.txt", "reuters20-fresh8.tsv", 14},
}

// TestJudgedFactsStayFixed extracts each set's 20 judged Reuters stories
// and counts the facts judged wrong that come back. The stories are read
// from the corpus in ../shared (never copied into the repository).
func TestJudgedFactsStayFixed(t *testing.T) {
	for _, set := range judgedSets {
		t.Run(set.judged, func(t *testing.T) {
			wrongBack(t, set.stories, set.judged, set.maxWrongBack)
		})
	}
}

func wrongBack(t *testing.T, storyList, judgedFile string, maxWrongBack int) {
	stories := judgedStories(t, storyList)
	judged := readJudged(t, filepath.Join("..", "scripts", "judged", judgedFile))
	x := testExtractor(t)
	var docs []*Document
	for _, name := range slices.Sorted(maps.Keys(stories)) {
		d, err := NewDocument(name, stories[name], nil, DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		d.ID = strings.TrimSuffix(name, ".txt") // as a build of the corpus folder names it
		docs = append(docs, d)
	}
	counts := map[string]int{}
	for _, r := range extractDocs(t, x, docs) {
		for _, f := range r.Facts {
			j := judged[judgedKey(r, f)]
			if j == "" {
				j = "unjudged"
			}
			counts[j]++
			if j == "wrong" {
				t.Logf("wrong, back: %s", judgedKey(r, f))
			}
		}
	}
	t.Logf("judged facts: %v", counts)
	if counts["wrong"] > maxWrongBack {
		t.Errorf("%d facts judged wrong are back (at most %d)", counts["wrong"], maxWrongBack)
	}
}

// judgedKey is a fact's key in the judged set, as scripts/facts.py
// writes it: doc, subject name, predicate, object, and who the article
// attributes the fact to.
func judgedKey(r *Result, f Fact) string {
	names := map[string]string{}
	for _, e := range r.Entities {
		names[e.ID] = e.Name
	}
	subj := names[f.Subject]
	if subj == "" {
		subj = f.Subject
	}
	pred := f.Predicate
	if f.Negated {
		pred = "NOT " + pred
	}
	obj := names[f.Object.EntityID]
	if l := f.Object.Literal; l != nil {
		obj = l.Text
		if l.Kind == Number || l.Kind == Money {
			obj = fmt.Sprintf("%s [%g %s]", l.Text, l.Value, l.Unit)
		}
	}
	by := names[f.AttributedTo]
	if by == "" {
		by = f.AttributedTo
	}
	return strings.Join([]string{f.Evidence.DocID, strings.Join(strings.Fields(subj), " "), pred, strings.Join(strings.Fields(obj), " "), strings.Join(strings.Fields(by), " ")}, "\t")
}

// readJudged reads the judged set: tab-separated, no quoting (a field
// may hold quotation marks), a header line first naming the columns. A
// file without the "by" column judged only facts the article asserts.
func readJudged(t *testing.T, path string) map[string]string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	col := map[string]int{}
	for i, name := range strings.Split(lines[0], "\t") {
		col[name] = i
	}
	for _, name := range []string{"doc", "subject", "predicate", "object", "judgment"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("%s: no %q column", path, name)
		}
	}
	out := map[string]string{}
	for n, line := range lines[1:] {
		r := strings.Split(line, "\t")
		if len(r) < len(col)-1 {
			t.Fatalf("%s:%d: %d columns, want %d", path, n+2, len(r), len(col))
		}
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(r) {
				return r[i]
			}
			return ""
		}
		key := strings.Join([]string{field("doc"), field("subject"), field("predicate"), field("object"), field("by")}, "\t")
		out[key] = field("judgment")
	}
	return out
}

// judgedStories reads the judged stories out of the Reuters archive.
func judgedStories(t *testing.T, storyList string) map[string][]byte {
	list, err := os.ReadFile(filepath.Join("..", "scripts", "judged", storyList))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, p := range strings.Fields(string(list)) {
		want[p] = true
	}
	archive := filepath.Join("..", "..", "shared", "corpora", "reuters21578.tar.gz")
	f, err := os.Open(archive)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the Reuters corpus is needed in CI: %v", err)
		}
		t.Skipf("no Reuters corpus: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !want[name] {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	if len(out) != len(want) {
		t.Fatalf("found %d of the %d judged stories in %s", len(out), len(want), archive)
	}
	return out
}
