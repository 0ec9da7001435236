package tagger

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
)

// The treebanks, when present (see /work/shared/treebanks/README.md).
const treebankDir = "/work/shared/treebanks"

// readTreebank reads a treebank file, skipping the test when it is absent
// (and failing it when CI=true).
func readTreebank(t testing.TB, rel string) []syntax.Sentence {
	t.Helper()
	path := filepath.Join(treebankDir, rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("treebank %s: %v", path, err)
		}
		t.Skipf("treebank %s absent: %v", path, err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// accuracy is the share of tokens with the gold UPOS, XPOS and lemma.
type accuracy struct {
	upos, xpos, lemma, tokens int
}

func (a accuracy) String() string {
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(a.tokens, 1)) }
	return fmt.Sprintf("UPOS %.2f XPOS %.2f lemma %.2f (%d tokens)", pct(a.upos), pct(a.xpos), pct(a.lemma), a.tokens)
}

func (a accuracy) rate(n int) float64 { return float64(n) / float64(max(a.tokens, 1)) }

// score tags copies of gold's sentences and compares them with gold.
func score(tg *Tagger, gold []syntax.Sentence) accuracy {
	var a accuracy
	for _, g := range gold {
		s := syntax.Sentence{Tokens: make([]syntax.Token, len(g.Tokens))}
		for i, tok := range g.Tokens {
			s.Tokens[i] = syntax.Token{Form: tok.Form}
		}
		tg.Tag(&s)
		for i, tok := range g.Tokens {
			a.tokens++
			if s.Tokens[i].UPOS == tok.UPOS {
				a.upos++
			}
			if s.Tokens[i].XPOS == tok.XPOS {
				a.xpos++
			}
			if s.Tokens[i].Lemma == tok.Lemma {
				a.lemma++
			}
		}
	}
	return a
}

// news returns the sentences of GUM's news documents.
func news(sents []syntax.Sentence) []syntax.Sentence {
	var out []syntax.Sentence
	for _, s := range sents {
		if strings.HasPrefix(s.ID, "GUM_news") {
			out = append(out, s)
		}
	}
	return out
}

// TestTrainDev trains on the training sets and scores EWT dev and GUM dev:
// the check for a change of features or options. It runs with TRAINDEV=1.
func TestTrainDev(t *testing.T) {
	if os.Getenv("TRAINDEV") == "" {
		t.Skip("set TRAINDEV=1")
	}
	train := append(readTreebank(t, "ewt/en_ewt-ud-train.conllu.gz"), readTreebank(t, "gum/en_gum-train.conllu.gz")...)
	tg, err := Train(train, TrainOptions{Seed: DefaultSeed, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("classes %d, features %d, dictionary %d", len(tg.classes), tg.model.Features(), len(tg.dict))
	if path := os.Getenv("SAVE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tg.WriteTo(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	t.Logf("EWT dev: %v", score(tg, readTreebank(t, "ewt/en_ewt-ud-dev.conllu.gz")))
	gumDev := readTreebank(t, "gum/en_gum-dev.conllu.gz")
	t.Logf("GUM dev: %v", score(tg, gumDev))
	t.Logf("GUM dev news: %v", score(tg, news(gumDev)))
	t.Logf("capitalised, not first (EWT+GUM dev): %v", capScore(tg, append(readTreebank(t, "ewt/en_ewt-ud-dev.conllu.gz"), gumDev...)))
	if os.Getenv("ERRORS") != "" {
		logErrors(t, tg, news(gumDev))
	}
}

// testLog writes training progress to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// logErrors logs the tokens of gold that tg tags with another UPOS.
func logErrors(t *testing.T, tg *Tagger, gold []syntax.Sentence) {
	for _, g := range gold {
		s := blank(g)
		tg.Tag(&s)
		for i, tok := range g.Tokens {
			if s.Tokens[i].UPOS != tok.UPOS {
				prev, next := "^", "$"
				if i > 0 {
					prev = g.Tokens[i-1].Form
				}
				if i+1 < len(g.Tokens) {
					next = g.Tokens[i+1].Form
				}
				t.Logf("ERR %s %s [%s] %s gold %s/%s got %s/%s", g.ID, prev, tok.Form, next, tok.XPOS, tok.UPOS, s.Tokens[i].XPOS, s.Tokens[i].UPOS)
			}
		}
	}
}

// capScore scores the capitalised tokens of gold after the first of
// their sentence.
func capScore(tg *Tagger, gold []syntax.Sentence) accuracy {
	var a accuracy
	for _, g := range gold {
		s := blank(g)
		tg.Tag(&s)
		for i, tok := range g.Tokens {
			if i == 0 || tok.Form == "" || tok.Form[0] < 'A' || tok.Form[0] > 'Z' {
				continue
			}
			a.tokens++
			if s.Tokens[i].UPOS == tok.UPOS {
				a.upos++
			}
			if s.Tokens[i].XPOS == tok.XPOS {
				a.xpos++
			}
			if s.Tokens[i].Lemma == tok.Lemma {
				a.lemma++
			}
		}
	}
	return a
}

// TestScoreFile scores the model in the file $MODEL on the dev sets (and
// the test sets with TESTSETS=1).
func TestScoreFile(t *testing.T) {
	path := os.Getenv("MODEL")
	if path == "" {
		t.Skip("set MODEL")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := load(b)
	if err != nil {
		t.Fatal(err)
	}
	sets := []string{"ewt/en_ewt-ud-dev.conllu.gz", "gum/en_gum-dev.conllu.gz"}
	if os.Getenv("TESTSETS") != "" {
		sets = append(sets, "ewt/en_ewt-ud-test.conllu.gz", "gum/en_gum-test.conllu.gz")
	}
	var all []syntax.Sentence
	for _, set := range sets {
		g := readTreebank(t, set)
		t.Logf("%s: %v", set, score(tg, g))
		if strings.HasPrefix(set, "gum") {
			t.Logf("%s news: %v", set, score(tg, news(g)))
		}
		if strings.Contains(set, "dev") {
			all = append(all, g...)
		}
	}
	t.Logf("capitalised, not first (dev): %v", capScore(tg, all))
}
