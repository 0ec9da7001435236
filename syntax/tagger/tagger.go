// Package tagger assigns Penn Treebank tags (XPOS), universal parts of
// speech (UPOS) and lemmas to tokenized sentences.
//
// It is a greedy left-to-right averaged perceptron (syntax/perceptron)
// in the style of Collins (2002) and Honnibal's "A good part-of-speech
// tagger in about 200 lines of Python": each token's class is the pair
// "XPOS|UPOS", predicted from the word, its prefixes and suffixes of 1–4
// bytes, its shape and capitalisation, its ambiguity class (the classes
// its lower-cased form had in training, from a lexicon of the forms seen
// at least three times; for a capitalised form, the classes it had as
// written after a sentence's first token, when seen so three times, with
// a feature of that class for a sentence's first token), the same of the
// words in a window of ±2, pairs
// of neighbouring words, and the two classes predicted before it.
// Frequent words that always had one class in training (a tag
// dictionary) skip the model.
//
// Tagging is fast because most features depend on one word of the window
// alone: per word type the tagger keeps the summed weights of those
// features in each of the five roles a word plays (the token, the one or
// two before it, after it), and per pair of previous classes the weights
// of the class features, so a token costs five vector additions and a
// few lookups (cache.go).
//
// Lemmas come from the training data: a table of (form, XPOS) → lemma for
// the forms seen whose lemma the rules get wrong, and suffix edit rules
// keyed by XPOS, case and the form's last bytes for the rest. As in UD
// English, lemmas are lower case except those of proper nouns and of
// forms whose lemma kept their case in training ("I").
//
// The shipped model (model/tagger.bin, loaded by [Default]) is trained
// from UD English-EWT and GUM by [TrainDefault]; see model/README.md.
package tagger

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// CodeVersion names the feature set and file layout; it is written in
// every model's header.
const CodeVersion = "tagger-3"

// Tagger is a trained tagger. It is safe for concurrent use.
type Tagger struct {
	model   *perceptron.Model
	classes []string // "XPOS|UPOS"
	xpos    []string // XPOS of each class
	upos    []string // UPOS of each class
	xposIdx []uint8  // index of each class's XPOS in xposTags
	// xposTags are the XPOS tags, by index, for the lemmatizer's keys.
	xposTags []string
	dict     map[string]uint16 // tag dictionary: form → class
	// amb is the lexicon of ambiguity classes: lower-cased form → the
	// hash of the classes it had in training (see buildLexicon).
	amb map[string]uint64
	// cased is the lexicon of capitalised forms as written, from their
	// uses after a sentence's first token (see buildLexicon).
	cased   map[string]uint64
	lexicon map[string][]uint16 // the classes themselves, for writing
	lemmas  *lemmatizer
	header  Header
	pool    sync.Pool // *scratch

	cacheOnce sync.Once
	words     *wordCache // made by cache
	pads      [4]*entry  // entries of the padding words
	// tags holds the scores of the tag features of each pair of previous
	// classes (see tagScores).
	tags []atomic.Pointer[[]float32]
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	words  []word
	feats  []uint64
	scores []float32
	buf    []byte
	ents   []*entry // the entries of a sentence's words, with padding
	spares []*entry // entries for words the cache has no room for
	used   int      // spares in use
}

func (t *Tagger) getScratch() *scratch {
	if sc, ok := t.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]float32, t.model.Classes()), feats: make([]uint64, 0, nTemplates)}
}

// spare returns an entry of sc's own, for a word the cache has no room
// for.
func (sc *scratch) spare() *entry {
	if sc.used == len(sc.spares) {
		sc.spares = append(sc.spares, &entry{})
	}
	sc.used++
	return sc.spares[sc.used-1]
}

// Tag sets the XPOS, UPOS and Lemma of every token of s.
func (t *Tagger) Tag(s *syntax.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := t.getScratch()
	defer t.pool.Put(sc)
	ents := t.entries(sc, s.Tokens)
	p1, p2 := t.startClasses()
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		e := ents[i+2]
		c := e.dict
		if c < 0 {
			c = int32(t.predict(sc, ents, i+2, p1, p2))
		}
		tok.XPOS, tok.UPOS = t.xpos[c], t.upos[c]
		tok.Lemma = t.lemma(e, t.xposIdx[c])
		p2, p1 = p1, int(c)
	}
}

// entries returns the cache entries of the words of toks with two padding
// entries at each end, in sc's memory.
func (t *Tagger) entries(sc *scratch, toks []syntax.Token) []*entry {
	c := t.cache()
	sc.used = 0
	ents := append(sc.ents[:0], t.pads[0], t.pads[1])
	for i := range toks {
		ents = append(ents, t.lookup(sc, c, toks[i].Form))
	}
	ents = append(ents, t.pads[2], t.pads[3])
	sc.ents = ents
	return ents
}

// predict returns the best class of the token at ents[i] given the
// classes of the two tokens before it: the scores of its pair features
// plus the cached scores of the words around it in their roles and of
// the two classes.
func (t *Tagger) predict(sc *scratch, ents []*entry, i, p1, p2 int) int {
	n := len(t.classes)
	sc.feats = pairFeatures(sc.feats[:0], &ents[i-1].w, &ents[i].w, &ents[i+1].w, p1)
	scores := sc.scores[:n]
	t.model.Score(sc.feats, scores)
	a := ents[i].vec(roleSelf, n)
	b := ents[i-1].vec(rolePrev, n)
	c := ents[i+1].vec(roleNext, n)
	d := ents[i-2].vec(rolePrev2, n)
	e := ents[i+2].vec(roleNext2, n)
	f := t.tagScores(p1, p2)
	_, _, _, _, _, _ = a[len(scores)-1], b[len(scores)-1], c[len(scores)-1], d[len(scores)-1], e[len(scores)-1], f[len(scores)-1]
	for k := range scores {
		scores[k] += (a[k] + b[k]) + (c[k] + d[k]) + (e[k] + f[k])
	}
	return perceptron.Argmax(scores)
}

// startClasses returns the values of the previous-class features before
// the sentence's first token (numbers that are not classes).
func (t *Tagger) startClasses() (int, int) {
	return len(t.classes), len(t.classes) + 1
}

// describeAll returns the words of toks with two padding words at each
// end, in sc's memory.
func (t *Tagger) describeAll(sc *scratch, toks []syntax.Token) []word {
	ws := sc.words[:0]
	ws = append(ws, start2, start1)
	for i := range toks {
		var w word
		w, sc.buf = describe(toks[i].Form, sc.buf, t.amb, t.cased)
		ws = append(ws, w)
	}
	return append(ws, end1, end2)
}

// Knows reports whether word, lower-cased, is in the tagger's lexicon:
// seen in training often enough to have classes of its own.
func (t *Tagger) Knows(word string) bool {
	_, ok := t.amb[strings.ToLower(word)]
	return ok
}

// Had reports whether word, lower-cased, had the Penn Treebank tag xpos
// in training ("similar" had JJ).
func (t *Tagger) Had(word, xpos string) bool {
	for _, c := range t.lexicon[strings.ToLower(word)] {
		if int(c) < len(t.xpos) && t.xpos[c] == xpos {
			return true
		}
	}
	return false
}

// Header returns what the model was trained from.
func (t *Tagger) Header() Header { return t.header }
