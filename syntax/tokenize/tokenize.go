// Package tokenize splits raw English text into sentences of UD-style
// tokens, as the English treebanks of Universal Dependencies (EWT, GUM)
// tokenize:
//
//   - clitics are words of their own: "don't" → "do" "n't", "John's" →
//     "John" "'s", "I'm" → "I" "'m"; so are the parts of "cannot" (can
//     not), "gonna" (gon na) and the other words of lists/contractions.txt;
//   - hyphens are split off ("search - engine") except after the prefixes
//     of lists/hyphen_prefixes.txt ("non-profit", "e-mail") and in phone
//     and zip numbers ("713-853-3989");
//   - quotes, brackets and other punctuation are tokens; runs of one mark
//     ("!!!", "...", "--") are one token;
//   - abbreviations keep their period ("Mr.", "Inc.", "U.S.", "J.");
//   - URLs, e-mail addresses, numbers ("1,000.50", "3:30", "16/11/2004")
//     and emoticons stay whole; currency signs and units are split from
//     their numbers ("$5" → "$" "5", "£264m" → "£" "264" "m", "50%" →
//     "50" "%"), ordinals and decades are not ("9th", "1990s").
//
// Every token is a slice of the text: its Form is text[Start:End], with
// byte offsets into the text given to [Sentences] or [Tokens].
//
// Sentences end after ".", "!", "?", "…" (with the closing quotes and
// brackets after them) when the next token does not begin in lower case,
// after an abbreviation only when the next word is a common sentence
// opener ("Apple Inc. The company …"), never after a title ("Mr.") or an
// initial; and always at a paragraph break (a blank line).
//
// The word lists are in lists/*.txt, embedded in the binary.
package tokenize

import (
	"github.com/newsgraph/newsgraph/syntax"
)

// piece is one token found by the scanner.
type piece struct {
	start, end int
	// join is true when the piece is a word of the same surface token as
	// the piece before it (a contraction's second part: "n't" of "don't").
	join bool
	// par is true when a paragraph break (a blank line) precedes it.
	par bool
}

// Sentences splits text into sentences and tokenizes them. Each sentence's
// Start and Text are its offset and its slice of text; its tokens' Start
// and End are offsets into text (not into the sentence). Tokens' Head is
// -1 (not parsed).
func Sentences(text string) []syntax.Sentence {
	pieces := scan(text, nil)
	if len(pieces) == 0 {
		return nil
	}
	toks := make([]syntax.Token, len(pieces))
	fill(text, pieces, toks)
	starts := boundaries(text, pieces)
	sents := make([]syntax.Sentence, 0, len(starts))
	for k, from := range starts {
		to := len(pieces)
		if k+1 < len(starts) {
			to = starts[k+1]
		}
		a, b := pieces[from].start, pieces[to-1].end
		sents = append(sents, syntax.Sentence{Start: a, Text: text[a:b], Tokens: toks[from:to:to]})
	}
	return sents
}

// Tokens tokenizes text as one sentence. Offsets are into text.
func Tokens(text string) []syntax.Token {
	pieces := scan(text, nil)
	if len(pieces) == 0 {
		return nil
	}
	toks := make([]syntax.Token, len(pieces))
	fill(text, pieces, toks)
	return toks
}

// fill sets toks[i] from pieces[i].
func fill(text string, pieces []piece, toks []syntax.Token) {
	for i, p := range pieces {
		toks[i] = syntax.Token{
			Form:       text[p.start:p.end],
			Start:      p.start,
			End:        p.end,
			SpaceAfter: p.end >= len(text) || spaceAt(text, p.end),
			Head:       -1,
		}
	}
}

// Surface groups tokens into the surface tokens of the text (UD's
// multiword tokens): a contraction's words ("do" "n't") are one surface
// token; every other token is one by itself. It returns the byte span
// [start, end) of each surface token, to score tokenization against a
// treebank's tokens rather than its words.
func Surface(text string) [][2]int {
	pieces := scan(text, nil)
	var out [][2]int
	for _, p := range pieces {
		if p.join && len(out) > 0 {
			out[len(out)-1][1] = p.end
			continue
		}
		out = append(out, [2]int{p.start, p.end})
	}
	return out
}
