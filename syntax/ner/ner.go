// Package ner tags names in parsed sentences: PERSON, ORGANIZATION,
// PLACE, EVENT and PRODUCT spans, in BIO form on [syntax.Token.NER].
//
// It is a greedy left-to-right averaged perceptron over the word, its
// shape and affixes, its tags, its place in the dependency tree (its
// relation, its head's lemma, the preposition it hangs on) and the tags
// already given to the words before it. It uses no gazetteer: what makes
// "Ballymena" a place is how the sentence uses it. Only proper nouns, and
// the connectors between them ("Bank of England"), can be names, as in
// the training data (see [conllu.EntityType] for how GUM's entity
// annotations become names) — or capitalised nouns and adjectives, which
// the tagger sometimes gives words of names.
package ner

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// Labels are the name types, in class order after "O".
var Labels = []string{"PERSON", "ORGANIZATION", "PLACE", "EVENT", "PRODUCT"}

// Tagger is a trained name tagger. It is safe for concurrent use.
type Tagger struct {
	model *perceptron.Model
}

// classes: 0 = O, then B-label, I-label for each label.
func numClasses() int { return 1 + 2*len(Labels) }

func classTag(c int) string {
	if c == 0 {
		return "O"
	}
	prefix := "B-"
	if c%2 == 0 {
		prefix = "I-"
	}
	return prefix + Labels[(c-1)/2]
}

func tagClass(tag string) int {
	if len(tag) < 3 {
		return 0
	}
	for i, l := range Labels {
		if tag[2:] == l {
			if tag[0] == 'B' {
				return 1 + 2*i
			}
			return 2 + 2*i
		}
	}
	return 0
}

// Tag sets the NER field of every token of s. The tokens must carry
// UPOS, XPOS, lemmas and a dependency tree.
func (t *Tagger) Tag(s *syntax.Sentence) {
	st := states.Get().(*state)
	st.reset(s)
	for i := range s.Tokens {
		s.Tokens[i].NER = classTag(t.decide(st, i))
	}
	st.s = nil
	states.Put(st)
}

// decide picks token i's class among those allowed there.
func (t *Tagger) decide(st *state, i int) int {
	allowed := st.allowed(i)
	if len(allowed) == 1 {
		st.set(i, allowed[0])
		return allowed[0]
	}
	st.features(i)
	t.model.Score(st.feats, st.scores[:])
	best := allowed[0]
	for _, c := range allowed[1:] {
		if st.scores[c] > st.scores[best] {
			best = c
		}
	}
	st.set(i, best)
	return best
}

// state is the working memory of tagging one sentence.
type state struct {
	s      *syntax.Sentence
	prev   []int // classes given so far
	feats  []uint64
	scores [16]float32
	buf    [16]int
	lower  []string // word forms, lower-cased
	lemma  []string // lemmas, lower-cased
	// kids[kidStart[i]:kidStart[i+1]] are the dependents of token i
	kidStart, kids []int
}

var states = sync.Pool{New: func() any { return new(state) }}

func (st *state) reset(s *syntax.Sentence) {
	st.s = s
	st.prev = st.prev[:0]
	st.lower, st.lemma = st.lower[:0], st.lemma[:0]
	for _, t := range s.Tokens {
		st.lower = append(st.lower, strings.ToLower(t.Form))
		st.lemma = append(st.lemma, strings.ToLower(t.Lemma))
	}
	st.indexDependents()
}

// indexDependents groups the tokens by head (a counting sort), so that a
// token's dependents are found without a pass over the sentence.
func (st *state) indexDependents() {
	toks := st.s.Tokens
	n := len(toks)
	st.kidStart = resize(st.kidStart, n+1)
	for _, t := range toks {
		if h := t.Head - 1; h >= 0 && h < n {
			st.kidStart[h+1]++
		}
	}
	for i := 1; i <= n; i++ {
		st.kidStart[i] += st.kidStart[i-1]
	}
	st.kids = resize(st.kids, st.kidStart[n])
	for k := n - 1; k >= 0; k-- { // fill each head's run from its end
		if h := toks[k].Head - 1; h >= 0 && h < n {
			st.kidStart[h+1]--
			st.kids[st.kidStart[h+1]] = k
		}
	}
	// kidStart[h+1] now holds the start of h+1's run shifted by one head;
	// restore the run ends
	for i := 0; i < n; i++ {
		st.kidStart[i] = st.kidStart[i+1]
	}
	st.kidStart[n] = len(st.kids)
}

// resize returns a zeroed slice of length n, reusing a's memory.
func resize(a []int, n int) []int {
	if cap(a) < n {
		return make([]int, n)
	}
	a = a[:n]
	clear(a)
	return a
}

// add appends the feature of template tmpl with value v.
func (st *state) add(tmpl uint32, v string) {
	st.feats = append(st.feats, perceptron.String(perceptron.Template(tmpl), v))
}

// add2 appends the feature of template tmpl with the values a and b.
func (st *state) add2(tmpl uint32, a, b string) {
	st.feats = append(st.feats, perceptron.String(perceptron.String(perceptron.Template(tmpl), a), b))
}

// addKey appends the feature of template tmpl with a value packed in k.
func (st *state) addKey(tmpl uint32, k uint64) {
	st.feats = append(st.feats, perceptron.Uint(perceptron.Template(tmpl), k))
}

func (st *state) set(i, c int) { st.prev = append(st.prev, c) }

// connectors join proper nouns inside one name.
var connectors = map[string]bool{"of": true, "and": true, "&": true, "-": true, "de": true}

// allowed lists the classes token i may take: O always; B- on a proper
// noun; I-X only right after B-X or I-X, on a proper noun or on a
// connector followed by one.
func (st *state) allowed(i int) []int {
	out := append(st.buf[:0], 0)
	toks := st.s.Tokens
	propn := nameLike(&toks[i])
	conn := connectors[st.lower[i]] && i+1 < len(toks) && nameLike(&toks[i+1])
	if propn {
		for k := range Labels {
			out = append(out, 1+2*k)
		}
	}
	if (propn || conn) && i > 0 && st.prev[i-1] != 0 {
		out = append(out, 2+2*((st.prev[i-1]-1)/2))
	}
	return out
}

// nameLike reports whether a token can be part of a name: a proper noun,
// or a capitalised noun or adjective (the tagger calls some words of
// names nouns, "Kennedy Space Center", and capitalised adjectives start
// names, "New York").
func nameLike(t *syntax.Token) bool {
	if t.UPOS == "PROPN" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.Form)
	return unicode.IsUpper(r) && (t.UPOS == "NOUN" || t.UPOS == "ADJ" || t.UPOS == "X")
}

// Feature templates.
const (
	fBias uint32 = iota
	fWord
	fLemma
	fShape
	fPrefix
	fSuffix
	fUPOS
	fXPOS
	fPrevWord
	fNextWord
	fPrev2Word
	fNext2Word
	fPrevXPOS
	fNextXPOS
	fRel
	fHeadLemma
	fRelHead
	fCase
	fDet
	fPrevClass
	fPrevClassShape
	fFirst
	fChildLemma
	fAppos
	fRunWord
	fRunLast
	fRunBefore
	fRunAfter
	fRunLen
	fRunHeadRel
)

func (st *state) features(i int) {
	toks := st.s.Tokens
	t := &toks[i]
	st.feats = st.feats[:0]
	st.add(fBias, "")
	st.add(fWord, st.lower[i])
	st.add(fLemma, t.Lemma)
	sh := shapeKey(t.Form)
	st.addKey(fShape, sh)
	st.add(fPrefix, prefix(st.lower[i], 3))
	st.add(fSuffix, suffix(st.lower[i], 3))
	st.add2(fSuffix, "2", suffix(st.lower[i], 2))
	st.add(fUPOS, t.UPOS)
	st.add(fXPOS, t.XPOS)
	st.add(fPrevWord, st.word(i-1))
	st.add(fNextWord, st.word(i+1))
	st.add(fPrev2Word, st.word(i-2))
	st.add(fNext2Word, st.word(i+2))
	st.add(fPrevXPOS, st.xpos(i-1))
	st.add(fNextXPOS, st.xpos(i+1))
	st.add(fRel, t.Rel)
	if h := t.Head - 1; h >= 0 && h < len(toks) {
		st.add(fHeadLemma, st.lemma[h])
		st.add2(fRelHead, t.Rel, st.lemma[h])
		if t.Rel == "appos" || t.Rel == "flat" || t.Rel == "compound" {
			st.add2(fAppos, t.Rel, st.lemma[h])
		}
	}
	st.childFeatures(i)
	st.runFeatures(i)
	pc := "^"
	if i > 0 {
		pc = classTag(st.prev[i-1])
	}
	st.add(fPrevClass, pc)
	st.feats = append(st.feats, perceptron.Uint(perceptron.String(perceptron.Template(fPrevClassShape), pc), sh))
	if i == 0 {
		st.add(fFirst, "")
	}
}

// childFeatures describe token i's dependents: the preposition it hangs
// on, its determiner, and its modifiers' lemmas.
func (st *state) childFeatures(i int) {
	toks := st.s.Tokens
	for _, k := range st.kids[st.kidStart[i]:st.kidStart[i+1]] {
		switch toks[k].Rel {
		case "case":
			st.add(fCase, st.lower[k])
		case "det":
			st.add(fDet, st.lower[k])
		case "compound", "amod", "nmod", "appos", "flat":
			st.add2(fChildLemma, toks[k].Rel, st.lemma[k])
		}
	}
}

// runFeatures describe the run of proper nouns (with connectors) that
// token i is in: its words, its last word (often the kind: "Inc",
// "University", "River"), the words around it, its length, and the
// relation of the run's last word to the rest of the sentence.
func (st *state) runFeatures(i int) {
	toks := st.s.Tokens
	a, b := i, i+1
	for a > 0 && (toks[a-1].UPOS == "PROPN" || connectors[st.lower[a-1]] && a > 1 && toks[a-2].UPOS == "PROPN") {
		a--
	}
	for b < len(toks) && (toks[b].UPOS == "PROPN" || connectors[st.lower[b]] && b+1 < len(toks) && toks[b+1].UPOS == "PROPN") {
		b++
	}
	for k := a; k < b && k < a+6; k++ {
		if k != i {
			st.add(fRunWord, st.lower[k])
		}
	}
	st.add(fRunLast, st.lower[b-1])
	st.add(fRunBefore, st.word(a-1))
	st.add(fRunAfter, st.word(b))
	st.addKey(fRunLen, uint64(min(b-a, 5)))
	st.add(fRunHeadRel, toks[b-1].Rel)
}

func (st *state) word(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(st.lower) {
		return "</s>"
	}
	return st.lower[i]
}

func (st *state) xpos(i int) string {
	if i < 0 || i >= len(st.s.Tokens) {
		return "-"
	}
	return st.s.Tokens[i].XPOS
}

// shapeKey maps letters to X/x and digits to d, collapsing repeats, and
// packs the first eight classes into a number: "McDonald" → XxXx,
// "U.S." → X.X., "1987" → d.
func shapeKey(s string) uint64 {
	var k uint64
	n := 0
	last := byte(0)
	for _, r := range s {
		c := syntax.ShapeClass(r)
		if c != last {
			if n == 8 {
				break
			}
			k = k<<8 | uint64(c)
			n++
			last = c
		}
	}
	return k
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return s[:n]
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k > 0 && !utf8.RuneStart(s[k]) {
		k--
	}
	return s[k:]
}
