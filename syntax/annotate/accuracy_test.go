package annotate

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/ner"
	"github.com/newsgraph/newsgraph/syntax/parser"
)

// treebank reads a file of ../shared/treebanks, or skips (fails in CI).
func treebank(t *testing.T, rel string) []syntax.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(filepath.Join("..", "..", "..", "shared", "treebanks", rel))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("treebank not here: %v", err)
	}
	return s
}

// words copies gold sentences with their words only.
func words(gold []syntax.Sentence) []syntax.Sentence {
	out := make([]syntax.Sentence, len(gold))
	for i, g := range gold {
		out[i] = syntax.Sentence{ID: g.ID, Tokens: make([]syntax.Token, len(g.Tokens))}
		for k, t := range g.Tokens {
			out[i].Tokens[k] = syntax.Token{Form: t.Form, SpaceAfter: t.SpaceAfter, Head: -1}
		}
	}
	return out
}

// taggedGold is gold with the tagger's tags and lemmas instead of its
// own, the gold trees kept for scoring the parser.
func taggedGold(a *Annotator, gold []syntax.Sentence) []syntax.Sentence {
	out := words(gold)
	for i := range out {
		a.Tagger.Tag(&out[i])
		for k := range out[i].Tokens {
			out[i].Tokens[k].Head, out[i].Tokens[k].Rel = gold[i].Tokens[k].Head, gold[i].Tokens[k].Rel
		}
	}
	return out
}

// parsedGold is gold with predicted tags and trees, the gold names kept
// for scoring the name tagger.
func parsedGold(a *Annotator, gold []syntax.Sentence) []syntax.Sentence {
	out := words(gold)
	for i := range out {
		a.TagAndParse(&out[i])
		for k := range out[i].Tokens {
			out[i].Tokens[k].NER = gold[i].Tokens[k].NER
		}
	}
	return out
}

// The whole layer on gold words: the parser's scores with the tagger's
// tags, and the name tagger's on the tagger's tags and the parser's
// trees — what extraction will get. Floors a little under the measured
// figures (README, "The syntax layer").
func TestWholeLayerOnTreebankTest(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	acc, err := Accurate()
	if err != nil {
		t.Fatal(err)
	}
	ewt := treebank(t, "ewt/en_ewt-ud-test.conllu.gz")
	gum := treebank(t, "gum/en_gum-test.conllu.gz")
	for _, set := range []struct {
		name     string
		a        *Annotator
		gold     []syntax.Sentence
		uas, las float64
	}{
		{"EWT test", a, ewt, 83, 79}, {"GUM test", a, gum, 82, 78},
		{"EWT test, accurate", acc, ewt, 85.5, 82}, {"GUM test, accurate", acc, gum, 84.5, 81},
	} {
		uas, las := parser.Evaluate(set.a.Parser, taggedGold(set.a, set.gold))
		t.Logf("%s, predicted tags: UAS %.2f LAS %.2f", set.name, uas, las)
		if uas < set.uas || las < set.las {
			t.Errorf("%s: UAS %.2f LAS %.2f, floor %.1f/%.1f", set.name, uas, las, set.uas, set.las)
		}
	}
	names := ner.Evaluate(a.Names, parsedGold(a, gum))
	var news []syntax.Sentence
	for _, s := range gum {
		if strings.HasPrefix(s.ID, "GUM_news") {
			news = append(news, s)
		}
	}
	newsNames := ner.Evaluate(a.Names, parsedGold(a, news))
	for _, k := range sortedKeys(names) {
		t.Logf("names on GUM test, %-12s P %.1f R %.1f F1 %.1f (news F1 %.1f)", k, 100*names[k].Precision(), 100*names[k].Recall(), 100*names[k].F1(), 100*newsNames[k].F1())
	}
	accNames := ner.Evaluate(acc.Names, parsedGold(acc, gum))
	t.Logf("names on GUM test with the accurate parser's trees: F1 %.1f", 100*accNames["ALL"].F1())
	if f := names["ALL"].F1(); f < 0.52 {
		t.Errorf("name F1 %.3f on GUM test with predicted tags and trees, floor 0.52", f)
	}
}

func sortedKeys(m map[string]ner.Score) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
