package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A sentence's first word is capitalised whatever it is, so the tagger
// has to guess whether it is a name ("Musk tagged the Kremlin", tagged
// as the noun "musk"). The rest of the document knows: a word that is a
// proper noun in mid-sentence is one at the start too.

// nameFirstWords retags the capitalised first word of a sentence as a
// proper noun when the document uses it as one in mid-sentence or to open
// a company's name.
func nameFirstWords(sents []Sentence) {
	names := map[string]bool{}
	for _, s := range sents {
		for i, t := range s.Tokens {
			// after an opening quotation mark a word is capitalised anyway
			if i > 0 && (t.Tag == "NNP" || t.Tag == "NNPS") && s.Tokens[i-1].Tag != "``" && capitalised(t.Text) {
				names[t.Text] = true
			}
			// "Combustion Engineering Inc said …": a noun or verb opening a
			// company's name is a name wherever it stands
			if capitalised(t.Text) && (strings.HasPrefix(t.Tag, "N") || strings.HasPrefix(t.Tag, "V")) && opensCompanyName(s.Tokens, i) {
				names[t.Text] = true
			}
		}
	}
	for si := range sents {
		toks := sents[si].Tokens
		i := 0
		for i < len(toks) && !isWordToken(toks[i]) {
			i++
		}
		if i == len(toks) || toks[i].Tag == "NNP" || toks[i].Tag == "NNPS" || !names[toks[i].Text] {
			continue
		}
		toks[i].Tag, toks[i].UPOS = "NNP", "PROPN"
	}
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
