package ner

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"sync"

	_ "embed"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// CodeVersion names this package's features and training; it is written
// into model files and changes when either changes.
const CodeVersion = "ner-1"

// TrainOptions tunes [Train].
type TrainOptions struct {
	Epochs int    // passes over the data; 0: 8
	Seed   uint64 // shuffling order
	Log    io.Writer
}

// Train learns a name tagger from sentences whose tokens carry tags, a
// tree and gold NER tags.
func Train(train []syntax.Sentence, opt TrainOptions) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	m := perceptron.New(numClasses())
	t := &Tagger{model: m}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	var st state
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, n := 0, 0
		for _, k := range order {
			e, c := t.learn(&st, &train[k])
			errs += e
			n += c
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "ner: epoch %d: %.2f%% of tokens wrong\n", epoch+1, 100*float64(errs)/float64(max(n, 1)))
		}
	}
	m.Finish()
	m.Meta.Code, m.Meta.Seed, m.Meta.Epochs = CodeVersion, opt.Seed, opt.Epochs
	for c := 0; c < numClasses(); c++ {
		m.Meta.Classes = append(m.Meta.Classes, classTag(c))
	}
	return t, nil
}

// learn tags one sentence, updating the model after each token against
// the gold tag (the gold tags stay on the tokens: the decisions are taken
// in a copy of the state). It returns the errors and tokens seen.
func (t *Tagger) learn(st *state, s *syntax.Sentence) (errs, n int) {
	st.reset(s)
	for i := range s.Tokens {
		gold := tagClass(s.Tokens[i].NER)
		allowed := st.allowed(i)
		if len(allowed) == 1 {
			st.set(i, allowed[0]) // a gold name outside what is allowed cannot be learned
			continue
		}
		st.features(i)
		t.model.Score(st.feats, st.scores[:])
		guess := allowed[0]
		for _, c := range allowed[1:] {
			if st.scores[c] > st.scores[guess] {
				guess = c
			}
		}
		t.model.Update(st.feats, gold, guess)
		if guess != gold {
			errs++
		}
		n++
		st.set(i, guess)
	}
	return errs, n
}

// WriteTo writes the tagger's model.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) { return t.model.WriteTo(w) }

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	m, err := perceptron.Read(r)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if m.Classes() != numClasses() || m.Meta.Code != CodeVersion {
		return nil, fmt.Errorf("ner: model for %d classes, code %q; this is %q with %d", m.Classes(), m.Meta.Code, CodeVersion, numClasses())
	}
	return &Tagger{model: m}, nil
}

// Meta describes what the tagger was trained from.
func (t *Tagger) Meta() perceptron.Meta { return t.model.Meta }

//go:embed model/ner.bin
var shipped []byte

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the shipped name tagger, read once per process.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultTagger, defaultErr = Read(bytes.NewReader(shipped))
	})
	return defaultTagger, defaultErr
}

// DefaultSeed and DefaultEpochs are the settings of the shipped model.
const (
	DefaultSeed   = 1
	DefaultEpochs = 8
)

// TrainDefault trains the shipped model from GUM's training file in
// gumDir (the only treebank with entity annotations), on tags and trees
// from tag (the shipped tagger and parser, so that training sees what
// tagging will; nil keeps the gold annotation). Same data and code give
// the same bytes.
func TrainDefault(gumDir string, tag func(*syntax.Sentence), log io.Writer) (*Tagger, error) {
	path := filepath.Join(gumDir, "en_gum-train.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	if tag != nil {
		for i := range sents {
			tag(&sents[i])
		}
	}
	digest, err := perceptron.Digest(path)
	if err != nil {
		return nil, err
	}
	t, err := Train(sents, TrainOptions{Epochs: DefaultEpochs, Seed: DefaultSeed, Log: log})
	if err != nil {
		return nil, err
	}
	t.model.Meta.Data = []perceptron.DataFile{digest}
	if tag != nil {
		t.model.Meta.Extra = map[string]string{"annotation": "predicted tags and trees"}
	}
	return t, nil
}
