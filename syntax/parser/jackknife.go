package parser

import (
	"fmt"
	"io"
	"slices"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/tagger"
)

// Folds is the number of parts the training data is cut into for
// jackknifed tags.
const Folds = 4

// Jackknife replaces the tags (UPOS, XPOS, lemmas) of sents with those of
// taggers that did not see them: the sentences are cut into folds parts
// (sentence i in part i mod folds), and each part is tagged by a tagger
// trained (syntax/tagger, default options and seed) on the others. So the
// parser learns from tags as wrong as the ones it will be given, not from
// gold ones or from a tagger's near-perfect tags of its own training data.
// The sentences get new token slices; the tokens they had are left as they
// were. Progress goes to log unless it is nil.
func Jackknife(sents []syntax.Sentence, folds int, log io.Writer) error {
	for f := range folds {
		var train []syntax.Sentence
		for i := range sents {
			if i%folds != f {
				train = append(train, sents[i])
			}
		}
		tg, err := tagger.Train(train, tagger.TrainOptions{Seed: tagger.DefaultSeed})
		if err != nil {
			return fmt.Errorf("parser: jackknife fold %d: %w", f+1, err)
		}
		for i := f; i < len(sents); i += folds {
			sents[i].Tokens = slices.Clone(sents[i].Tokens)
			tg.Tag(&sents[i])
		}
		if log != nil {
			fmt.Fprintf(log, "jackknife: fold %d/%d tagged\n", f+1, folds)
		}
	}
	return nil
}
