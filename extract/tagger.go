package extract

import (
	"strings"
	"sync"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/tag"
)

// Tagger assigns Penn Treebank part-of-speech tags and lemmas.
//
// The weights are those of prose's averaged perceptron (trained on the
// Penn Treebank), loaded once per process. Prediction is reimplemented
// here over a dense copy of the weights: prose builds a map of feature
// strings per word, which allocates ~15 strings and a map per token; this
// version reuses one buffer and produces identical features, except that
// ties are broken deterministically.
type Tagger struct {
	classes []string
	tagMap  map[string]string
	weights map[string][]classWeight
	lemma   *golem.Lemmatizer
}

type classWeight struct {
	class  uint8
	weight float32
}

var (
	taggerOnce sync.Once
	taggerInst *Tagger
	taggerErr  error
)

// DefaultTagger returns the process-wide tagger, loading its model on first
// use (about half a second).
func DefaultTagger() (*Tagger, error) {
	taggerOnce.Do(func() {
		taggerInst, taggerErr = newTagger()
	})
	return taggerInst, taggerErr
}

func newTagger() (*Tagger, error) {
	pt := tag.NewPerceptronTagger()
	t := &Tagger{classes: pt.Classes(), tagMap: pt.TagMap()}
	idx := make(map[string]uint8, len(t.classes))
	for i, c := range t.classes {
		idx[c] = uint8(i)
	}
	src := pt.Weights()
	t.weights = make(map[string][]classWeight, len(src))
	for feat, ws := range src {
		cw := make([]classWeight, 0, len(ws))
		for c, w := range ws {
			if w != 0 {
				cw = append(cw, classWeight{idx[c], float32(w)})
			}
		}
		t.weights[feat] = cw
	}
	lem, err := golem.New(en.New())
	if err != nil {
		return nil, err
	}
	t.lemma = lem
	return t, nil
}

// Tag fills in Tag and Lemma of each token.
func (t *Tagger) Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	ctx := make([]string, 0, len(toks)+4)
	ctx = append(ctx, "-START-", "-START2-")
	for i := range toks {
		ctx = append(ctx, normalizeWord(toks[i].Norm))
	}
	ctx = append(ctx, "-END-", "-END2-")
	p1, p2 := "-START-", "-START2-"
	var buf []byte
	var scores [64]float32
	for i := range toks {
		w := toks[i].Norm
		var tg string
		if isBracketEscape(w) {
			tg = w
		} else if known, ok := t.tagMap[w]; ok {
			tg = known
		} else {
			tg, buf = t.predict(i+2, ctx, w, p1, p2, buf, scores[:len(t.classes)])
		}
		toks[i].Tag = tg
		p2, p1 = p1, tg
	}
	sawVerb := false
	for i := range toks {
		fixModernNoun(toks, i)
		fixNounBeforeVerb(toks, i)
		if !sawVerb {
			t.fixVerbAfterName(toks, i)
		}
		sawVerb = sawVerb || isVerbTag(toks[i].Tag)
		toks[i].Lemma = t.lemmaOf(&toks[i])
	}
}

func isBracketEscape(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' && w[1] >= 'A' && w[1] <= 'Z'
}

// fixModernNoun retags words such as "app" that the tagger has not seen
// as nouns when they follow a determiner, adjective or noun.
func fixModernNoun(toks []Token, i int) {
	low := strings.ToLower(toks[i].Text)
	if !modernNouns[low] || isNounTag(toks[i].Tag) || i == 0 {
		return
	}
	switch toks[i-1].Tag {
	case "DT", "JJ", "NN", "NNP", "NNS", "PRP$", "POS", "VBG", "CD":
		if strings.HasSuffix(low, "s") && low != "crypto" {
			toks[i].Tag = "NNS"
		} else {
			toks[i].Tag = "NN"
		}
	}
}

// fixNounBeforeVerb retags a role or modern noun that the tagger read as a
// verb when it sits between a noun and a real verb: "The Solaris Motors
// boss apologised".
func fixNounBeforeVerb(toks []Token, i int) {
	low := strings.ToLower(toks[i].Text)
	if i == 0 || i+1 >= len(toks) || !(roleNouns[low] || modernNouns[low]) {
		return
	}
	switch toks[i].Tag {
	case "VB", "VBP", "VBZ":
	default:
		return
	}
	prev, next := toks[i-1].Tag, toks[i+1].Tag
	if (isNounTag(prev) || isAdjTag(prev)) && (next == "VBD" || next == "VBZ" || next == "VBN" || next == "MD" || next == "VBP") {
		if strings.HasSuffix(low, "s") && toks[i].Tag == "VBZ" {
			toks[i].Tag = "NNS"
		} else {
			toks[i].Tag = "NN"
		}
	}
}

// fixVerbAfterName retags an inflected verb that the tagger read as a noun
// right after a proper name, when the sentence has no verb before it:
// "Gideon Rodan taught/NN at", "the Soyuz costs/NNS NASA".
func (t *Tagger) fixVerbAfterName(toks []Token, i int) {
	tk := &toks[i]
	if i == 0 || i+1 >= len(toks) || (tk.Tag != "NN" && tk.Tag != "NNS") {
		return
	}
	if p := toks[i-1].Tag; p != "NNP" && p != "NNPS" {
		return
	}
	switch toks[i+1].Tag {
	case "IN", "DT", "TO", "PRP", "PRP$", "NNP", "CD", "$", "RB":
	default:
		return
	}
	low := tk.Norm
	if low != strings.ToLower(low) {
		return
	}
	base := t.lemma.LemmaLower(low)
	if base == low {
		base = t.stem(low)
	}
	if base == low || !t.lemma.InDict(base) {
		return
	}
	switch {
	case tk.Tag == "NNS" && (low == base+"s" || low == base+"es"):
		tk.Tag = "VBZ"
	case tk.Tag == "NN" && !strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ing"):
		tk.Tag = "VBD"
	}
}

// lemmaOf returns the dictionary form used for predicates and matching:
// verbs and plural nouns are reduced, other words lower-cased.
func (t *Tagger) lemmaOf(tok *Token) string {
	low := strings.ToLower(tok.Norm)
	switch {
	case strings.HasPrefix(tok.Tag, "VB"), tok.Tag == "NNS", tok.Tag == "MD":
		switch low { // golem returns one base form; these common ones it gets wrong for verbs
		case "'s", "is", "are", "was", "were", "been", "being", "am", "'re", "'m":
			return "be"
		case "left":
			return "leave"
		case "found":
			return "find"
		case "saw":
			return "see"
		case "'ve":
			return "have"
		case "ca", "wo":
			return low + "n"
		}
		l := t.lemma.LemmaLower(low)
		if l == low && tok.Tag != "VB" && tok.Tag != "VBP" && tok.Tag != "MD" {
			l = t.stem(low)
		}
		return l
	}
	return low
}

// stem finds the base form of an inflected word the dictionary maps to
// itself ("inviting"): strip the ending and keep the first candidate that
// is a dictionary word.
func (t *Tagger) stem(w string) string {
	var cands []string
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		b := w[:len(w)-3]
		cands = []string{b + "e", b}
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1])
		}
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		cands = []string{w[:len(w)-3] + "y"}
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		b := w[:len(w)-2]
		cands = []string{b + "e", b}
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			cands = append(cands, b[:n-1])
		}
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		cands = []string{w[:len(w)-3] + "y"}
	case strings.HasSuffix(w, "es") && len(w) > 3:
		cands = []string{w[:len(w)-2], w[:len(w)-1]}
	case strings.HasSuffix(w, "s") && len(w) > 3:
		cands = []string{w[:len(w)-1]}
	}
	for _, c := range cands {
		if t.lemma.InDict(c) && t.lemma.LemmaLower(c) == c {
			return c
		}
	}
	return w
}

// predict scores the features of the word at context index i, exactly as
// prose's featurize does, without building a map.
func (t *Tagger) predict(i int, ctx []string, w, p1, p2 string, buf []byte, scores []float32) (string, []byte) {
	for k := range scores {
		scores[k] = 0
	}
	add := func(parts ...string) {
		buf = buf[:0]
		for k, p := range parts {
			if k > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, p...)
		}
		for _, cw := range t.weights[string(buf)] {
			scores[cw.class] += cw.weight
		}
	}
	add("bias")
	add("i suffix", suffix3(w))
	add("i pref1", string(rune(w[0])))
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", suffix3(ctx[i-1]))
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", suffix3(ctx[i+1]))
	add("i+2 word", ctx[i+2])
	best := -1
	for k, s := range scores {
		if best < 0 || s > scores[best] {
			best = k
		}
	}
	if best < 0 || scores[best] <= 0 {
		return "NN", buf
	}
	return t.classes[best], buf
}

func suffix3(s string) string {
	if len(s) <= 3 {
		return s
	}
	return s[len(s)-3:]
}

// normalizeWord is prose's feature normalisation: hyphenated words, years
// and numbers collapse to one symbol each, other words are lower-cased.
func normalizeWord(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	if w[0] >= '0' && w[0] <= '9' {
		if len(w) == 4 && allDigits(w) {
			return "!YEAR"
		}
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
