package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func testAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	an, err := DefaultAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// extractText runs the whole pipeline, with cross-document resolution, on
// texts and returns their results.
func extractText(t testing.TB, published string, texts ...string) []*Result {
	t.Helper()
	x := testExtractor(t)
	var md *Metadata
	if published != "" {
		p, _ := time.Parse("2006-01-02", published)
		md = &Metadata{Published: p}
	}
	var docs []*Document
	for i, text := range texts {
		d, err := NewDocument(fmt.Sprintf("doc%d.txt", i), []byte(text), md, DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return extractDocs(t, x, docs)
}

// extractDocs extracts documents and resolves entities across them.
func extractDocs(t testing.TB, x *Extractor, docs []*Document) []*Result {
	t.Helper()
	var rs []*Result
	for _, d := range docs {
		r, err := x.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	Resolve(rs)
	return rs
}

// extractFiles reads, extracts and resolves files, with metadata from man.
func extractFiles(t testing.TB, files []string, man Manifest) []*Result {
	t.Helper()
	x := testExtractor(t)
	var docs []*Document
	for _, f := range files {
		var md *Metadata
		if m, ok := man[filepath.Base(f)]; ok {
			md = &m
		}
		d, err := ReadFile(f, md, DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return extractDocs(t, x, docs)
}

// factStrings renders facts as "subject predicate object" with literals
// as their text (or value and unit for quantities).
func factStrings(rs ...*Result) []string {
	var out []string
	for _, r := range rs {
		for _, f := range r.Facts {
			out = append(out, factString(f))
		}
	}
	sort.Strings(out)
	return out
}

func factString(f Fact) string {
	obj := f.Object.EntityID
	if l := f.Object.Literal; l != nil {
		switch l.Kind {
		case Number, Money:
			obj = fmt.Sprintf("%g %s", l.Value, l.Unit)
		default:
			obj = fmt.Sprintf("%q", l.Text)
		}
	}
	p := f.Predicate
	if f.Negated {
		p = "NOT " + p
	}
	return f.Subject + " " + p + " " + obj
}

func hasFact(facts []string, want string) bool {
	for _, f := range facts {
		if f == want || strings.HasSuffix(want, "*") && strings.HasPrefix(f, strings.TrimSuffix(want, "*")) {
			return true
		}
	}
	return false
}
