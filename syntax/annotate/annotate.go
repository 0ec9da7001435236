// Package annotate runs the whole syntax layer — tokenizer, tagger,
// dependency parser, name tagger — over text or over sentences already
// split into words, with the models shipped in the binary.
package annotate

import (
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/ner"
	"github.com/newsgraph/newsgraph/syntax/parser"
	"github.com/newsgraph/newsgraph/syntax/tagger"
	"github.com/newsgraph/newsgraph/syntax/tokenize"
)

// Annotator holds the three models. It is safe for concurrent use.
type Annotator struct {
	Tagger *tagger.Tagger
	Parser *parser.Parser
	Names  *ner.Tagger
}

var (
	once    sync.Once
	shipped *Annotator
	loadErr error
)

// Default returns the annotator with the shipped models, loaded once per
// process.
func Default() (*Annotator, error) {
	once.Do(func() {
		a := &Annotator{}
		if a.Tagger, loadErr = tagger.Default(); loadErr != nil {
			loadErr = fmt.Errorf("load the tagger model: %w", loadErr)
			return
		}
		if a.Parser, loadErr = parser.Default(); loadErr != nil {
			loadErr = fmt.Errorf("load the parser model: %w", loadErr)
			return
		}
		if a.Names, loadErr = ner.Default(); loadErr != nil {
			loadErr = fmt.Errorf("load the name-tagger model: %w", loadErr)
			return
		}
		shipped = a
	})
	return shipped, loadErr
}

// Text splits text into sentences and annotates each.
func (a *Annotator) Text(text string) []syntax.Sentence {
	sents := tokenize.Sentences(text)
	for i := range sents {
		a.Sentence(&sents[i])
	}
	return sents
}

// Sentence tags, parses and name-tags a sentence whose tokens have their
// forms, overwriting what it predicts.
func (a *Annotator) Sentence(s *syntax.Sentence) {
	a.Tagger.Tag(s)
	a.Parser.Parse(s)
	a.Names.Tag(s)
}

// TagAndParse is Sentence without the name tagger: what the name
// tagger's own training data is given.
func (a *Annotator) TagAndParse(s *syntax.Sentence) {
	a.Tagger.Tag(s)
	a.Parser.Parse(s)
}
