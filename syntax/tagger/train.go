package tagger

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// TrainOptions are the settings of [Train].
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means DefaultEpochs
	Seed   uint64 // seeds the order of sentences in each pass
	// DictMinCount and DictMinShare select the tag dictionary's words:
	// seen at least DictMinCount times, with one class at least
	// DictMinShare of the time (0 means 20 and 0.97).
	DictMinCount int
	DictMinShare float64
	// LexMinCount and LexMinShare select the lexicon of ambiguity
	// classes: the lower-cased forms seen at least LexMinCount times, and
	// for each the classes it had at least LexMinShare of the time (0
	// means 3 and 0.05).
	LexMinCount int
	LexMinShare float64
	// Data names the training files, for the model's header.
	Data []perceptron.DataFile
	Log  io.Writer // progress, one line per pass; nil for none
}

// DefaultEpochs is the number of training passes when none is given.
const DefaultEpochs = 10

// Header is what a model file records about its training.
type Header struct {
	Code      string                `json:"code"`
	Data      []perceptron.DataFile `json:"data,omitempty"`
	Seed      uint64                `json:"seed"`
	Epochs    int                   `json:"epochs"`
	Sentences int                   `json:"sentences"`
	Tokens    int                   `json:"tokens"`
}

// Train trains a tagger on sentences with gold XPOS, UPOS and lemmas. The
// same sentences and options give the same model, byte for byte.
func Train(train []syntax.Sentence, opt TrainOptions) (*Tagger, error) {
	opt = opt.withDefaults()
	t, err := newUntrained(train)
	if err != nil {
		return nil, err
	}
	t.dict = buildDict(train, t.classIndex(), opt.DictMinCount, opt.DictMinShare)
	t.setLexicon(buildLexicon(train, t.classIndex(), opt.LexMinCount, opt.LexMinShare))
	t.lemmas = learnLemmas(train, t.xposIndex())
	t.model = perceptron.New(len(t.classes))
	tokens := 0
	for _, s := range train {
		tokens += len(s.Tokens)
	}
	t.header = Header{Code: CodeVersion, Data: opt.Data, Seed: opt.Seed, Epochs: opt.Epochs, Sentences: len(train), Tokens: tokens}
	classOf := t.classIndex()
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7a99e2))
	sc := &scratch{scores: make([]float32, len(t.classes))}
	for epoch := range opt.Epochs {
		began := time.Now()
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		right, total := 0, 0
		for _, k := range order {
			r, n := t.trainSentence(sc, &train[k], classOf)
			right += r
			total += n
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger: pass %d/%d: %.2f%% of %d tokens right (%s)\n", epoch+1, opt.Epochs, 100*float64(right)/float64(max(total, 1)), total, time.Since(began).Round(time.Millisecond))
		}
	}
	t.model.Finish()
	t.model.Meta = perceptron.Meta{Data: opt.Data, Code: CodeVersion, Seed: opt.Seed, Epochs: opt.Epochs, Classes: t.classes}
	return t, nil
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.Epochs <= 0 {
		o.Epochs = DefaultEpochs
	}
	if o.DictMinCount <= 0 {
		o.DictMinCount = 20
	}
	if o.DictMinShare <= 0 {
		o.DictMinShare = 0.97
	}
	if o.LexMinCount <= 0 {
		o.LexMinCount = 3
	}
	if o.LexMinShare <= 0 {
		o.LexMinShare = 0.05
	}
	return o
}

// trainSentence tags s greedily, updating the model at every token the
// tag dictionary does not settle; it returns the tokens right and seen.
func (t *Tagger) trainSentence(sc *scratch, s *syntax.Sentence, classOf map[string]int) (right, total int) {
	sc.words = t.describeAll(sc, s.Tokens)
	p1, p2 := t.startClasses()
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		gold := classOf[tok.XPOS+"|"+tok.UPOS]
		c, ok := t.dict[tok.Form]
		guess := int(c)
		if !ok {
			sc.feats = features(sc.feats[:0], sc.words, i+2, p1, p2)
			guess = t.model.Predict(sc.feats, sc.scores)
			t.model.Update(sc.feats, gold, guess)
		}
		if guess == gold {
			right++
		}
		total++
		p2, p1 = p1, guess
	}
	return right, total
}

// newUntrained returns a tagger with the classes of train, in sorted
// order.
func newUntrained(train []syntax.Sentence) (*Tagger, error) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			if tok.XPOS == "" || tok.UPOS == "" {
				return nil, fmt.Errorf("tagger: train: sentence %q: token %q has no XPOS or UPOS", s.ID, tok.Form)
			}
			seen[tok.XPOS+"|"+tok.UPOS] = true
		}
	}
	if len(seen) == 0 {
		return nil, errors.New("tagger: train: no tokens")
	}
	classes := make([]string, 0, len(seen))
	for c := range seen {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	t := &Tagger{}
	if err := t.setClasses(classes); err != nil {
		return nil, err
	}
	return t, nil
}

// setClasses sets the class tables from "XPOS|UPOS" names.
func (t *Tagger) setClasses(classes []string) error {
	if len(classes) > 1<<16-3 {
		return fmt.Errorf("tagger: %d classes", len(classes))
	}
	t.classes = classes
	t.xpos = make([]string, len(classes))
	t.upos = make([]string, len(classes))
	t.xposIdx = make([]uint8, len(classes))
	t.xposTags = t.xposTags[:0]
	idx := map[string]uint8{}
	for i, c := range classes {
		x, u, ok := cut(c)
		if !ok {
			return fmt.Errorf("tagger: class %q is not XPOS|UPOS", c)
		}
		t.xpos[i], t.upos[i] = x, u
		k, seen := idx[x]
		if !seen {
			if len(t.xposTags) == 255 {
				return errors.New("tagger: more than 255 XPOS tags")
			}
			k = uint8(len(t.xposTags))
			idx[x] = k
			t.xposTags = append(t.xposTags, x)
		}
		t.xposIdx[i] = k
	}
	return nil
}

// cut splits "XPOS|UPOS" at its last "|" (an XPOS may not hold one).
func cut(c string) (string, string, bool) {
	for i := len(c) - 1; i >= 0; i-- {
		if c[i] == '|' {
			return c[:i], c[i+1:], i > 0 && i < len(c)-1
		}
	}
	return "", "", false
}

func (t *Tagger) classIndex() map[string]int {
	m := make(map[string]int, len(t.classes))
	for i, c := range t.classes {
		m[c] = i
	}
	return m
}

func (t *Tagger) xposIndex() map[string]uint8 {
	m := make(map[string]uint8, len(t.xposTags))
	for i, x := range t.xposTags {
		m[x] = uint8(i)
	}
	return m
}

// buildDict returns the forms seen at least minCount times with one class
// at least minShare of the time, and that class.
func buildDict(train []syntax.Sentence, classOf map[string]int, minCount int, minShare float64) map[string]uint16 {
	counts := map[string]map[int]int{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			m := counts[tok.Form]
			if m == nil {
				m = map[int]int{}
				counts[tok.Form] = m
			}
			m[classOf[tok.XPOS+"|"+tok.UPOS]]++
		}
	}
	dict := map[string]uint16{}
	for form, m := range counts {
		n, best, bestN := 0, -1, 0
		for c, k := range m {
			n += k
			if k > bestN || k == bestN && c < best {
				best, bestN = c, k
			}
		}
		if n >= minCount && float64(bestN) >= minShare*float64(n) {
			dict[form] = uint16(best)
		}
	}
	return dict
}

// buildLexicon returns the lower-cased forms seen at least minCount
// times, each with the classes (in order) it had at least minShare of
// the time.
//
// The lexicon also holds, under casedPrefix and the form as written, the
// capitalised forms with the classes they had after a sentence's first
// token, chosen the same way.
func buildLexicon(train []syntax.Sentence, classOf map[string]int, minCount int, minShare float64) map[string][]uint16 {
	counts := map[string]map[int]int{}
	add := func(f string, c int) {
		m := counts[f]
		if m == nil {
			m = map[int]int{}
			counts[f] = m
		}
		m[c]++
	}
	for _, s := range train {
		for i, tok := range s.Tokens {
			c := classOf[tok.XPOS+"|"+tok.UPOS]
			add(strings.ToLower(tok.Form), c)
			if r, _ := utf8.DecodeRuneInString(tok.Form); i > 0 && unicode.IsUpper(r) {
				add(casedPrefix+tok.Form, c)
			}
		}
	}
	lex := map[string][]uint16{}
	for f, m := range counts {
		n := 0
		for _, k := range m {
			n += k
		}
		if n < minCount {
			continue
		}
		var cs []uint16
		for c, k := range m {
			if float64(k) >= minShare*float64(n) {
				cs = append(cs, uint16(c))
			}
		}
		slices.Sort(cs)
		lex[f] = cs
	}
	return lex
}

// casedPrefix starts the lexicon's keys of capitalised forms as written
// (lower-cased forms do not start with it).
const casedPrefix = "\x00"

// setLexicon sets the lexicon and the ambiguity classes' hashes.
func (t *Tagger) setLexicon(lex map[string][]uint16) {
	t.lexicon = lex
	t.amb = make(map[string]uint64, len(lex))
	t.cased = map[string]uint64{}
	for f, cs := range lex {
		if rest, ok := strings.CutPrefix(f, casedPrefix); ok {
			h := perceptron.String(valueSeed+6, "")
			for _, c := range cs {
				h = perceptron.Uint(h, uint64(c))
			}
			t.cased[rest] = h
			continue
		}
		h := perceptron.String(valueSeed+4, "")
		for _, c := range cs {
			h = perceptron.Uint(h, uint64(c))
		}
		t.amb[f] = h
	}
}

// Training files of the default model, in the order they are read.
const (
	ewtTrain = "en_ewt-ud-train.conllu.gz"
	gumTrain = "en_gum-train.conllu.gz"
)

// DefaultSeed is the seed of the shipped model.
const DefaultSeed = 1

// TrainDefault trains the shipped model from the training files of UD
// English-EWT (in ewtDir) and GUM (in gumDir); written with WriteTo it
// gives model/tagger.bin byte for byte.
func TrainDefault(ewtDir, gumDir string, log io.Writer) (*Tagger, error) {
	var sents []syntax.Sentence
	var data []perceptron.DataFile
	for _, path := range []string{filepath.Join(ewtDir, ewtTrain), filepath.Join(gumDir, gumTrain)} {
		s, err := conllu.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("tagger: %w", err)
		}
		d, err := perceptron.Digest(path)
		if err != nil {
			return nil, fmt.Errorf("tagger: %w", err)
		}
		sents = append(sents, s...)
		data = append(data, d)
	}
	return Train(sents, TrainOptions{Seed: DefaultSeed, Data: data, Log: log})
}
