package extract

import (
	"strings"
)

// Token is a word or punctuation mark with its place in the document.
type Token struct {
	Text string // as written
	// Norm is the Penn Treebank form the tagger was trained on (“ → ``).
	Norm       string
	Start, End int // byte offsets in Document.Text
	// Lower is Text in lower case (set by the tagger).
	Lower string
	// Dict is set when the word is in the English dictionary (by the tagger).
	Dict  bool
	Tag   string // Penn Treebank tag
	Lemma string // lower case
	UPOS  string // universal part of speech
	// Head is the index in the sentence of the token's head in the
	// dependency tree, -1 for the root; Rel is the UD relation to it
	// ("" when the sentence was not parsed).
	Head int
	Rel  string
	// NER is the name tagger's BIO tag ("B-PERSON", "I-PLACE", "O").
	NER string
}

func ptbForm(t string) string {
	switch t {
	case "“", "«":
		return "``"
	case "”", "»":
		return "''"
	case "‘":
		return "`"
	case "’":
		return "'"
	case "…":
		return "..."
	case "—", "–":
		return "--"
	case "(":
		return "("
	}
	if strings.ContainsRune(t, '’') {
		return strings.ReplaceAll(t, "’", "'")
	}
	return t
}

// ptbUnescape maps Treebank escapes found in pre-tokenised benchmark text
// back to characters.
func ptbUnescape(t string) string {
	switch t {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	case "-LSB-":
		return "["
	case "-RSB-":
		return "]"
	case "-LCB-":
		return "{"
	case "-RCB-":
		return "}"
	case "``":
		return "“"
	case "''":
		return "”"
	}
	return t
}

// plainWord reports a word of ASCII letters (and inner hyphens), whose
// Treebank form is itself.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}
