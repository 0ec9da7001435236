// Package syntax holds the annotated sentence that newsgraph's syntax
// layer produces: tokens with their character offsets, part-of-speech
// tags, lemmas, a labelled dependency tree and name spans. Its
// subpackages fill it in stages, in this order:
//
//	tokenize   text → sentences of UD-style tokens with byte offsets
//	tagger     tokens → UPOS, XPOS (Penn Treebank) and lemmas
//	parser     tagged tokens → heads and UD relations
//	ner        parsed tokens → PERSON / ORGANIZATION / PLACE / EVENT / PRODUCT spans
//	conllu     sentences ↔ CoNLL-U, for training, evaluation and `newsgraph parse`
//	perceptron the averaged perceptron the three models are trained with
//	annotate   all of it at once, with the models shipped in the binary
//
// The models are trained from Universal Dependencies treebanks (English
// EWT and GUM) by cmd/newsgraph-train and embedded in the binary.
package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Token is one UD word of a sentence.
type Token struct {
	Form string
	// Start and End are byte offsets of the token in the text it was
	// read from (both 0 when the text is not known, as for a CoNLL-U
	// file read without its # text line).
	Start, End int
	// SpaceAfter is false when no space follows the token in the text.
	SpaceAfter bool
	Lemma      string
	UPOS       string // universal part of speech: NOUN, VERB, PROPN, …
	XPOS       string // Penn Treebank tag: NN, VBD, NNP, …
	Feats      string // morphological features, as read (the models do not predict them)
	// Head is the 1-based index of the token's head in the sentence, 0 for
	// the root; -1 when not parsed.
	Head int
	Rel  string // UD relation with subtype: nsubj, nsubj:pass, obl:agent, …
	// NER is the token's name tag in BIO form: "B-PERSON", "I-PERSON", or
	// "O" outside names ("" when not tagged).
	NER  string
	Misc string // other MISC annotations, as read
}

// Sentence is a sentence's tokens, with the comments CoNLL-U keeps for it.
type Sentence struct {
	ID     string // sent_id
	Text   string // the sentence's text, when known
	Start  int    // byte offset of the sentence in its document
	Tokens []Token
	// Comments are the other "# …" lines before the sentence (newdoc,
	// newpar, metadata), kept so that a file can be written back whole.
	Comments []string
}

// ShapeClass is the class of a character in a word's shape, as the
// models see it: X for an upper-case letter, x for another letter, d for
// a digit, an ASCII character as itself, ? for anything else.
func ShapeClass(r rune) byte {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	}
	return '?'
}

// Span is a run of tokens [From, To) with a label: a name and its type.
type Span struct {
	From, To int
	Label    string
}

// NameSpans reads the BIO name tags of s as spans.
func (s *Sentence) NameSpans() []Span {
	var out []Span
	for i := 0; i < len(s.Tokens); i++ {
		tag := s.Tokens[i].NER
		if len(tag) < 3 || tag[1] != '-' {
			continue
		}
		label := tag[2:]
		j := i + 1
		for j < len(s.Tokens) && s.Tokens[j].NER == "I-"+label {
			j++
		}
		out = append(out, Span{From: i, To: j, Label: label})
		i = j - 1
	}
	return out
}
