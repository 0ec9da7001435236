package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/annotate"
	"github.com/newsgraph/newsgraph/syntax/tokenize"
)

// writeTree prints the dependency tree the syntax layer gives text, one
// word a line, each under its head: form, UPOS, relation and name tag.
func writeTree(w io.Writer, a *annotate.Annotator, text string) {
	s := syntax.Sentence{Text: text, Tokens: tokenize.Tokens(text)}
	if len(s.Tokens) == 0 {
		return
	}
	a.Sentence(&s)
	children := make([][]int, len(s.Tokens)+1)
	for i, t := range s.Tokens {
		if h := t.Head; h >= 0 && h <= len(s.Tokens) {
			children[h] = append(children[h], i+1)
		}
	}
	fmt.Fprintln(w, "  tree:")
	var walk func(n, depth int)
	walk = func(n, depth int) {
		for _, c := range children[n] {
			t := s.Tokens[c-1]
			name := ""
			if t.NER != "" && t.NER != "O" {
				name = " " + t.NER
			}
			fmt.Fprintf(w, "    %s%s %s %s%s\n", strings.Repeat("  ", depth), t.Form, t.UPOS, t.Rel, name)
			if depth < len(s.Tokens) { // a tree has no cycles; never loop on a bad one
				walk(c, depth+1)
			}
		}
	}
	walk(0, 0)
}
