// Package tagger assigns Penn Treebank tags (XPOS), universal parts of
// speech (UPOS) and lemmas to tokenized sentences.
//
// It is a greedy left-to-right averaged perceptron (syntax/perceptron)
// in the style of Collins (2002) and Honnibal's "A good part-of-speech
// tagger in about 200 lines of Python": each token's class is the pair
// "XPOS|UPOS", predicted from the word, its prefixes and suffixes of 1–4
// bytes, its shape and capitalisation, the same of the words in a window
// of ±2, and the two classes predicted before it. Frequent words that
// always had one class in training (a tag dictionary) skip the model.
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
	"sync"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// CodeVersion names the feature set and file layout; it is written in
// every model's header.
const CodeVersion = "tagger-1"

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
	lemmas   *lemmatizer
	header   Header
	pool     sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	words  []word
	feats  []uint64
	scores []float32
	buf    []byte
}

func (t *Tagger) getScratch() *scratch {
	if sc, ok := t.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]float32, t.model.Classes()), feats: make([]uint64, 0, nTemplates)}
}

// Tag sets the XPOS, UPOS and Lemma of every token of s.
func (t *Tagger) Tag(s *syntax.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := t.getScratch()
	defer t.pool.Put(sc)
	sc.words = t.describeAll(sc, s.Tokens)
	p1, p2 := t.startClasses()
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		c, ok := t.dict[tok.Form]
		if !ok {
			sc.feats = features(sc.feats[:0], sc.words, i+2, p1, p2)
			c = uint16(t.model.Predict(sc.feats, sc.scores))
		}
		tok.XPOS, tok.UPOS = t.xpos[c], t.upos[c]
		tok.Lemma = t.lemmas.lemma(tok.Form, t.xposIdx[c])
		p2, p1 = p1, int(c)
	}
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
		w, sc.buf = describe(toks[i].Form, sc.buf)
		ws = append(ws, w)
	}
	return append(ws, end1, end2)
}

// Header returns what the model was trained from.
func (t *Tagger) Header() Header { return t.header }
