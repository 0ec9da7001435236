package parser

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
	"github.com/newsgraph/newsgraph/syntax/tagger"
)

// Evaluate parses copies of the gold sentences (with the tags they carry)
// and returns the unlabelled and labelled attachment scores in percent,
// over all tokens, punctuation included (the UD convention).
func Evaluate(p *Parser, gold []syntax.Sentence) (uas, las float64) {
	total, heads, labelled := 0, 0, 0
	var s syntax.Sentence
	for i := range gold {
		g := &gold[i]
		s.Tokens = append(s.Tokens[:0], g.Tokens...)
		p.Parse(&s)
		for k, t := range s.Tokens {
			total++
			if t.Head == g.Tokens[k].Head {
				heads++
				if t.Rel == g.Tokens[k].Rel {
					labelled++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return 100 * float64(heads) / float64(total), 100 * float64(labelled) / float64(total)
}

// DefaultOptions are the options of the shipped model.
func DefaultOptions() TrainOptions {
	return TrainOptions{Epochs: 15, Seed: 1, ExploreFrom: 1, ExploreProb: 0.9, Prune: 1}
}

// Training files of the shipped model, in the treebanks' folders.
const (
	EWTTrain = "en_ewt-ud-train.conllu.gz"
	GUMTrain = "en_gum-train.conllu.gz"
)

// TrainDefault trains the shipped model (model/parser.bin) from the
// English-EWT and GUM train files in ewtDir and gumDir, on jackknifed
// tags (see Jackknife), with DefaultOptions: the same files give the same
// bytes.
func TrainDefault(ewtDir, gumDir string, log io.Writer) (*Parser, error) {
	if log == nil {
		log = io.Discard
	}
	var sents []syntax.Sentence
	var data []perceptron.DataFile
	for _, path := range []string{filepath.Join(ewtDir, EWTTrain), filepath.Join(gumDir, GUMTrain)} {
		s, err := conllu.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		d, err := perceptron.Digest(path)
		if err != nil {
			return nil, fmt.Errorf("parser: %w", err)
		}
		sents = slices.Concat(sents, s)
		data = append(data, d)
	}
	if err := Jackknife(sents, Folds, log); err != nil {
		return nil, err
	}
	opt := DefaultOptions()
	opt.Data, opt.Log = data, log
	opt.Tags = fmt.Sprintf("jackknifed, %d folds, %s", Folds, tagger.CodeVersion)
	return Train(sents, opt)
}
