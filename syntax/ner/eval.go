package ner

import (
	"github.com/newsgraph/newsgraph/syntax"
)

// Score is span precision, recall and F1 for one name type or all.
type Score struct {
	Gold, Predicted, Correct int
}

// Precision is the share of predicted spans that are right.
func (s Score) Precision() float64 { return ratio(s.Correct, s.Predicted) }

// Recall is the share of gold spans found.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate tags copies of gold's sentences with t and scores the spans
// (exact boundaries and type), per type and overall (key "ALL").
func Evaluate(t *Tagger, gold []syntax.Sentence) map[string]Score {
	out := map[string]Score{}
	for _, g := range gold {
		p := syntax.Sentence{Tokens: append([]syntax.Token(nil), g.Tokens...)}
		t.Tag(&p)
		count(out, g.NameSpans(), p.NameSpans())
	}
	return out
}

func count(out map[string]Score, gold, pred []syntax.Span) {
	inGold := map[syntax.Span]bool{}
	for _, s := range gold {
		inGold[s] = true
		bump(out, s.Label, func(sc *Score) { sc.Gold++ })
	}
	for _, s := range pred {
		ok := inGold[s]
		bump(out, s.Label, func(sc *Score) {
			sc.Predicted++
			if ok {
				sc.Correct++
			}
		})
	}
}

func bump(out map[string]Score, label string, f func(*Score)) {
	for _, k := range []string{label, "ALL"} {
		sc := out[k]
		f(&sc)
		out[k] = sc
	}
}
