package extract

import (
	"unicode"
	"unicode/utf8"
)

// QuoteSpans finds quotations in text (which starts at document offset
// base) and returns their spans, quote marks included. Curly and straight
// double quotes pair up in either combination, because scraped text mixes
// them; a straight quote opens when it follows a space or starts the text
// and closes otherwise, and one that follows a space and comes before a
// word opens a new quotation even while one is open (the writer left the
// last one unclosed) — unless it stands mid-sentence, after a word or a
// comma, where it opens a quotation inside the open one ("talking to a
// "white knight" right now"), which its closing mark ends. Single quotes
// are left alone: they double as apostrophes.
func QuoteSpans(text string, base int) []Span {
	var out []Span
	open := -1
	nested := 0     // straight quotations opened inside the open one
	prev := ' '     // the rune before this one
	lastWord := '.' // the last rune before this one that is no space
	for i, r := range text {
		switch r {
		case '“':
			if open < 0 {
				open = i
			}
		case '”':
			if open >= 0 {
				out = append(out, Span{base + open, base + i + len("”")})
				open = -1
			}
		case '"':
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			opening := unicode.IsSpace(prev) || prev == '(' || prev == ':' || i == 0
			starts := unicode.IsLetter(next) || unicode.IsDigit(next)
			switch {
			case open < 0 && opening:
				open = i
			case open >= 0 && opening && starts && midSentence(lastWord):
				nested++ // "talking to a "white knight" right now": a quotation inside it
			case open >= 0 && opening && starts:
				// a mark that can only open ("asked. "I have been…")
				// while a quotation is open: the writer never closed
				// that one, which ends here
				out = append(out, Span{base + open, base + i})
				open, nested = i, 0
			case open >= 0 && nested > 0:
				nested--
			case open >= 0:
				out = append(out, Span{base + open, base + i + 1})
				open = -1
			}
		}
		if !unicode.IsSpace(r) {
			lastWord = r
		}
		prev = r
	}
	if open >= 0 { // unclosed: the quote runs to the end of the paragraph
		out = append(out, Span{base + open, base + len(text)})
	}
	return out
}

// midSentence reports a rune that cannot end a sentence: a quotation
// mark after it, inside an open one, is a quotation within that one.
func midSentence(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}
