package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
)

// TestTaggerBaselineOnUD scores this package's tagger (prose's WSJ
// model) on UD's gold tokens: the baseline the syntax layer's tagger is
// measured against (86.4 XPOS on EWT test, 92.1 on GUM test, 93.7 on
// GUM's news). Bracket tags "(" and ")" count as -LRB- and -RRB-.
func TestTaggerBaselineOnUD(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "treebanks")
	sets := map[string]float64{"ewt/en_ewt-ud-test.conllu.gz": 0.85, "gum/en_gum-test.conllu.gz": 0.90}
	for file, floor := range sets {
		sents, err := conllu.ReadFile(filepath.Join(dir, file))
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal(err)
			}
			t.Skipf("treebank not here: %v", err)
		}
		right, n := baselineXPOS(t, sents)
		t.Logf("%s: XPOS %.2f%% of %d tokens", file, 100*float64(right)/float64(n), n)
		if float64(right)/float64(n) < floor {
			t.Errorf("%s: XPOS %.3f below %.2f", file, float64(right)/float64(n), floor)
		}
		if strings.HasPrefix(file, "gum") {
			var news []syntax.Sentence
			for _, s := range sents {
				if strings.HasPrefix(s.ID, "GUM_news") {
					news = append(news, s)
				}
			}
			r, m := baselineXPOS(t, news)
			t.Logf("GUM test news: XPOS %.2f%% of %d tokens", 100*float64(r)/float64(m), m)
		}
	}
}

// baselineXPOS tags gold tokens with the tagger and counts XPOS matches.
func baselineXPOS(t *testing.T, sents []syntax.Sentence) (right, n int) {
	tg, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		toks := make([]Token, len(s.Tokens))
		open := false
		for i, tok := range s.Tokens {
			toks[i] = mkToken(tok.Form, 0) // the tagger's form, as the tokenizer gives it
			if tok.Form == `"` {           // straight quotes alternate opening and closing
				open = !open
				toks[i].Norm = map[bool]string{true: "``", false: "''"}[open]
			}
		}
		tg.Tag(toks)
		for i, tok := range s.Tokens {
			tag := toks[i].Tag
			switch tag {
			case "(":
				tag = "-LRB-"
			case ")":
				tag = "-RRB-"
			}
			if tag == tok.XPOS {
				right++
			}
			n++
		}
	}
	return right, n
}
