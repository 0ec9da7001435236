package extract

import (
	"fmt"
	"io"
	"strings"
)

// writeTree prints the dependency tree the extractor reads under a
// sentence — the syntax layer's, with the repairs of treerepair.go — one
// word a line, each under its head: form, UPOS, relation and name tag.
func writeTree(w io.Writer, toks []Token) {
	if len(toks) == 0 || toks[0].Rel == "" {
		return
	}
	children := make([][]int, len(toks)+1) // index head+1: 0 holds the roots
	for i, t := range toks {
		if h := t.Head + 1; h >= 0 && h <= len(toks) {
			children[h] = append(children[h], i+1)
		}
	}
	fmt.Fprintln(w, "  tree:")
	var walk func(n, depth int)
	walk = func(n, depth int) {
		for _, c := range children[n] {
			t := toks[c-1]
			name := ""
			if t.NER != "" && t.NER != "O" {
				name = " " + t.NER
			}
			fmt.Fprintf(w, "    %s%s %s %s%s\n", strings.Repeat("  ", depth), t.Text, t.UPOS, t.Rel, name)
			if depth < len(toks) { // a tree has no cycles; never loop on a bad one
				walk(c, depth+1)
			}
		}
	}
	walk(0, 0)
}
