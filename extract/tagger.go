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
// here: prose builds a map of 14 feature strings per word and looks each
// up; this version precomputes the tag features, caches the word features
// per distinct word, and sums the same weights — identical tags (checked
// against prose in the tests), except that ties are broken
// deterministically. It is safe for concurrent use.
type Tagger struct {
	classes []string
	tagMap  map[string]string
	weights map[string][]classWeight
	lemma   *golem.Lemmatizer

	// precomputed and cached feature weights (see predict)
	bias              []classWeight
	tagIdx            map[string]int
	prevTag, prevTag2 [][]classWeight
	tagPair           [][]classWeight
	// tagDense[i1*n+i2] is bias + "i-1 tag" + "i-2 tag" + "i tag+i-2 tag"
	// for previous tags i1, i2, as one dense score vector
	tagDense  [][]float32
	mu        sync.RWMutex
	wordCache map[string]*wordFeats
	rawCache  map[string]*rawFeats
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
	t.wordCache = map[string]*wordFeats{}
	t.rawCache = map[string]*rawFeats{}
	t.prepareTagFeatures()
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
		toks[i].Lower = strings.ToLower(toks[i].Text)
		ctx = append(ctx, normalizeWord(toks[i].Norm))
	}
	ctx = append(ctx, "-END-", "-END2-")
	p1, p2 := "-START-", "-START2-"
	var buf []byte
	var scores [64]float32
	// each context word is used by five neighbours: look its features up once
	wf := make([]*wordFeats, len(ctx))
	for j := range ctx {
		wf[j] = t.wordFeatsOf(ctx[j], &buf)
	}
	for i := range toks {
		w := toks[i].Norm
		var tg string
		if isBracketEscape(w) {
			tg = w
		} else if known, ok := t.tagMap[w]; ok {
			tg = known
		} else {
			tg, buf = t.predict(i+2, ctx, wf, w, p1, p2, buf, scores[:len(t.classes)])
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
		toks[i].Dict = t.lemma.InDict(toks[i].Lower)
	}
}

func isBracketEscape(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' && w[1] >= 'A' && w[1] <= 'Z'
}

// fixModernNoun retags words such as "app" that the tagger has not seen
// as nouns when they follow a determiner, adjective or noun.
func fixModernNoun(toks []Token, i int) {
	low := toks[i].Lower
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
	low := toks[i].Lower
	if i == 0 || i+1 >= len(toks) || !(roleNouns[low] || modernNouns[low]) {
		return
	}
	switch toks[i].Tag {
	case "VB", "VBP", "VBZ", "VBD", "VBN":
	default:
		return
	}
	prev, next := toks[i-1].Tag, toks[i+1].Tag
	betweenNames := (prev == "NNP" || prev == "NNPS") && next == "NNP" // "Lumen Group governor Diego Ivanova"
	if betweenNames || (isNounTag(prev) || isAdjTag(prev)) && (next == "VBD" || next == "VBZ" || next == "VBN" || next == "MD" || next == "VBP") {
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
	low := tok.Lower
	if tok.Norm != tok.Text {
		low = strings.ToLower(tok.Norm)
	}
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

// wordFeats are the weights of the features that depend on one context
// word only, looked up once per distinct word and cached.
type wordFeats struct {
	word, prev, next, prev2, next2 []classWeight // "i word", "i-1 word", …
	prevSuffix, nextSuffix         []classWeight // "i-1 suffix", "i+1 suffix"
}

// rawFeats are the weights keyed by the raw current word.
type rawFeats struct {
	suffix, pref1 []classWeight
}

// featCacheMax bounds the number of cached words.
const featCacheMax = 200000

func (t *Tagger) lookup(buf *[]byte, parts ...string) []classWeight {
	b := (*buf)[:0]
	for k, p := range parts {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, p...)
	}
	*buf = b
	return t.weights[string(b)]
}

func (t *Tagger) wordFeatsOf(w string, buf *[]byte) *wordFeats {
	t.mu.RLock()
	f, ok := t.wordCache[w]
	t.mu.RUnlock()
	if ok {
		return f
	}
	suf := suffix3(w)
	f = &wordFeats{
		word:       t.lookup(buf, "i word", w),
		prev:       t.lookup(buf, "i-1 word", w),
		next:       t.lookup(buf, "i+1 word", w),
		prev2:      t.lookup(buf, "i-2 word", w),
		next2:      t.lookup(buf, "i+2 word", w),
		prevSuffix: t.lookup(buf, "i-1 suffix", suf),
		nextSuffix: t.lookup(buf, "i+1 suffix", suf),
	}
	t.mu.Lock()
	if len(t.wordCache) < featCacheMax {
		t.wordCache[w] = f
	}
	t.mu.Unlock()
	return f
}

func (t *Tagger) rawFeatsOf(w string, buf *[]byte) *rawFeats {
	// the features depend on the last three bytes and the first one only:
	// key the cache by those, so new numbers and names do not grow it
	key := suffix3(w)
	if len(w) > 3 {
		key += w[:1]
	}
	t.mu.RLock()
	f, ok := t.rawCache[key]
	t.mu.RUnlock()
	if ok {
		return f
	}
	f = &rawFeats{suffix: t.lookup(buf, "i suffix", suffix3(w)), pref1: t.lookup(buf, "i pref1", string(rune(w[0])))}
	t.mu.Lock()
	if len(t.rawCache) < featCacheMax {
		t.rawCache[key] = f
	}
	t.mu.Unlock()
	return f
}

// tagIndex maps a previous tag (a class or a start symbol) to the row of
// the precomputed tag-feature tables.
func (t *Tagger) tagIndex(tag string) int {
	if i, ok := t.tagIdx[tag]; ok {
		return i
	}
	return -1
}

// prepareTagFeatures precomputes the weights of "i-1 tag", "i-2 tag" and
// "i tag+i-2 tag" for every pair of previous tags.
func (t *Tagger) prepareTagFeatures() {
	tags := append(append([]string{}, t.classes...), "-START-", "-START2-")
	t.tagIdx = map[string]int{}
	for i, tg := range tags {
		t.tagIdx[tg] = i
	}
	n := len(tags)
	var buf []byte
	t.prevTag = make([][]classWeight, n)
	t.prevTag2 = make([][]classWeight, n)
	t.tagPair = make([][]classWeight, n*n)
	for i, a := range tags {
		t.prevTag[i] = t.lookup(&buf, "i-1 tag", a)
		t.prevTag2[i] = t.lookup(&buf, "i-2 tag", a)
		for j, b := range tags {
			t.tagPair[i*n+j] = t.lookup(&buf, "i tag+i-2 tag", a, b)
		}
	}
	t.bias = t.lookup(&buf, "bias")
	t.tagDense = make([][]float32, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := make([]float32, len(t.classes))
			for _, ws := range [][]classWeight{t.bias, t.prevTag[i], t.prevTag2[j], t.tagPair[i*n+j]} {
				for _, cw := range ws {
					v[cw.class] += cw.weight
				}
			}
			t.tagDense[i*n+j] = v
		}
	}
}

// predict scores the 14 features prose's featurize builds for the word at
// context index i, summing cached weight lists instead of building a map.
func (t *Tagger) predict(i int, ctx []string, wf []*wordFeats, w, p1, p2 string, buf []byte, scores []float32) (string, []byte) {
	add := func(ws []classWeight) {
		for _, cw := range ws {
			scores[cw.class] += cw.weight
		}
	}
	i1, i2 := t.tagIndex(p1), t.tagIndex(p2)
	if i1 >= 0 && i2 >= 0 {
		copy(scores, t.tagDense[i1*len(t.prevTag)+i2])
	} else {
		for k := range scores {
			scores[k] = 0
		}
		add(t.bias)
		add(t.lookup(&buf, "i-1 tag", p1))
		add(t.lookup(&buf, "i-2 tag", p2))
		add(t.lookup(&buf, "i tag+i-2 tag", p1, p2))
	}
	rf := t.rawFeatsOf(w, &buf)
	add(rf.suffix)
	add(rf.pref1)
	add(t.lookup(&buf, "i-1 tag+i word", p1, ctx[i]))
	add(wf[i].word)
	add(wf[i-1].prev)
	add(wf[i-1].prevSuffix)
	add(wf[i-2].prev2)
	add(wf[i+1].next)
	add(wf[i+1].nextSuffix)
	add(wf[i+2].next2)
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
