package extract

import (
	"context"
	"strings"
	"testing"
)

// Explain shows each sentence's tags, chunks, dependency tree, mentions
// and clauses.
func TestExplainShowsTheTree(t *testing.T) {
	x := testExtractor(t)
	d, err := NewDocument("e.txt", []byte("Court news\n\nThe board of Acme Corp approved the merger on Tuesday, its chairman said."), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := x.Explain(context.Background(), &b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"tags:", "chunks:", "tree:", "approved VERB", "board NOUN nsubj", "merger NOUN obj", "clause:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
}
