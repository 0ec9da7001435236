package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// boundaries returns the index of the first piece of each sentence.
func boundaries(text string, pieces []piece) []int {
	out := make([]int, 1, 1+len(pieces)/16)
	for i := 0; i < len(pieces); i++ {
		if i > 0 && pieces[i].par && out[len(out)-1] != i {
			out = append(out, i)
		}
		if end := sentenceEnd(text, pieces, i); end >= 0 && end+1 < len(pieces) {
			out = append(out, end+1)
			i = end
		}
	}
	return out
}

// sentenceEnd returns the last piece of the sentence that piece i ends
// (i itself or the closing quotes and brackets after it), -1 if i does not
// end a sentence.
func sentenceEnd(text string, pieces []piece, i int) int {
	form := text[pieces[i].start:pieces[i].end]
	kind := terminal(form)
	if kind == notTerminal {
		return -1
	}
	j := i + 1
	for j < len(pieces) && pieces[j].start == pieces[j-1].end && closing(text[pieces[j].start:pieces[j].end]) {
		j++
	}
	if j == len(pieces) {
		return j - 1
	}
	if pieces[j].par {
		return j - 1
	}
	nextForm := text[pieces[j].start:pieces[j].end]
	r, _ := utf8.DecodeRuneInString(nextForm)
	switch kind {
	case stop:
		if opensSentence(r) || j == i+1 && form != "..." && form != "…" && unicode.IsLower(r) {
			return j - 1
		}
	case abbreviation:
		if unicode.IsUpper(r) && opener(nextForm) {
			return j - 1
		}
	}
	return -1
}

type terminalKind int

const (
	notTerminal  terminalKind = iota
	stop                      // ".", "!", "?", "...", "?!", "…"
	abbreviation              // "Inc.", "U.S.": ends a sentence before an opener only
)

// terminal classifies a token that may end a sentence.
func terminal(form string) terminalKind {
	if form == "…" {
		return stop
	}
	punct := true
	for i := 0; i < len(form); i++ {
		if c := form[i]; c != '.' && c != '!' && c != '?' {
			punct = false
			break
		}
	}
	if punct {
		return stop
	}
	if len(form) < 3 || form[len(form)-1] != '.' || title(form) {
		return notTerminal // "J." (an initial) never ends one
	}
	return abbreviation
}

// closing reports whether form closes a quotation or a bracket.
func closing(form string) bool {
	switch form {
	case `"`, "'", "”", "’", ")", "]", "}", "»", "''":
		return true
	}
	return false
}

// opensSentence reports whether a token beginning with r can begin a
// sentence: anything but a lower-case letter or closing or inner
// punctuation.
func opensSentence(r rune) bool {
	if unicode.IsLower(r) {
		return false
	}
	switch r {
	case ',', ';', ':', '.', ')', ']', '}', '%', '!', '?', '-', '…':
		return false
	}
	return true
}

// opener reports whether form is a capitalised word that usually begins a
// sentence (lists/openers.txt).
func opener(form string) bool {
	var buf [16]byte
	if len(form) > len(buf) {
		return false
	}
	return lists.openers[string(lowerASCII(buf[:0], form))]
}
