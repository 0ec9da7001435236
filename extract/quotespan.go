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
// last one unclosed). Single quotes are left alone: they double as
// apostrophes.
func QuoteSpans(text string, base int) []Span {
	var out []Span
	open := -1
	prev := ' '
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
			switch {
			case open < 0 && opening:
				open = i
			case open >= 0 && opening && (unicode.IsLetter(next) || unicode.IsDigit(next)):
				// a mark that can only open ("asked. "I have been…")
				// while a quotation is open: the writer never closed
				// that one, which ends here
				out = append(out, Span{base + open, base + i})
				open = i
			case open >= 0:
				out = append(out, Span{base + open, base + i + 1})
				open = -1
			}
		}
		prev = r
	}
	if open >= 0 { // unclosed: the quote runs to the end of the paragraph
		out = append(out, Span{base + open, base + len(text)})
	}
	return out
}
