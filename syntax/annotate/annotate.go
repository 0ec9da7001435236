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

// shipped is an annotator of the shipped models, loaded on first use.
type shipped struct {
	parser func() (*parser.Parser, error)
	once   sync.Once
	a      *Annotator
	err    error
}

func (s *shipped) get() (*Annotator, error) {
	s.once.Do(func() { s.a, s.err = loadModels(s.parser) })
	return s.a, s.err
}

func loadModels(parse func() (*parser.Parser, error)) (*Annotator, error) {
	a := &Annotator{}
	var err error
	if a.Tagger, err = tagger.Default(); err != nil {
		return nil, fmt.Errorf("load the tagger model: %w", err)
	}
	if a.Parser, err = parse(); err != nil {
		return nil, fmt.Errorf("load the parser model: %w", err)
	}
	if a.Names, err = ner.Default(); err != nil {
		return nil, fmt.Errorf("load the name-tagger model: %w", err)
	}
	return a, nil
}

var (
	fast     = &shipped{parser: parser.Default}
	accurate = &shipped{parser: parser.Accurate}
)

// Default returns the annotator with the shipped models and the greedy
// parser (the extractor's), loaded once per process.
func Default() (*Annotator, error) { return fast.get() }

// Accurate returns the annotator with the shipped models and the
// accurate parser (parser.Accurate: a beam, about six times slower to
// parse), loaded once per process.
func Accurate() (*Annotator, error) { return accurate.get() }

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
