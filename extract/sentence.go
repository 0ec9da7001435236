package extract

import (
	"github.com/newsgraph/newsgraph/syntax/tokenize"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Sentence is a sentence of content with its tokens.
type Sentence struct {
	Index      int // position among the document's content sentences
	Line       int // 1-based line number in the file
	Start, End int // byte offsets in Document.Text
	Text       string
	Tokens     []Token
	// Headline is set for the title and standfirst above the body.
	Headline bool
	// Para numbers the content lines (paragraphs) from 0.
	Para int
}

// Span is a piece of the document text: [Start, End) byte offsets.
type Span struct{ Start, End int }

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

func punktTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() { punkt, punktErr = english.NewSentenceTokenizer(nil) })
	return punkt, punktErr
}

// reGlued finds sentence ends with no space after them, common in scraped
// text: "makes all the difference.A proposed conversation".
var reGlued = regexp.MustCompile(`[a-z]{2}[.!?][”"’']?[A-Z]`)

// SplitSegments splits a line at glued sentence boundaries. Offsets are
// relative to the line.
func SplitSegments(line string) []Span {
	if !mayBeGlued(line) {
		return []Span{{0, len(line)}}
	}
	var out []Span
	start := 0
	for _, m := range reGlued.FindAllStringIndex(line, -1) {
		cut := m[1] - 1 // before the capital
		if strings.Contains(line[max(0, m[0]-6):m[1]], "://") {
			continue
		}
		out = append(out, Span{start, cut})
		start = cut
	}
	return append(out, Span{start, len(line)})
}

// mayBeGlued reports a sentence mark directly followed (after an optional
// quote) by a capital letter, the only place reGlued can match.
func mayBeGlued(s string) bool {
	for i := 2; i+1 < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			n := s[i+1]
			if n >= 'A' && n <= 'Z' || n == '"' || n == '\'' || n >= 0x80 {
				return true
			}
		}
	}
	return false
}

// SplitSentences splits text (one line or segment, starting at document
// offset base) into sentences with Punkt, the unsupervised splitter with an
// English model that knows abbreviations like "Mr." and "U.S.".
func SplitSentences(text string, base int) []Span {
	tok, err := punktTokenizer()
	if err != nil || !strings.ContainsAny(text, ".!?") {
		return []Span{trimSpan(text, 0, len(text), base)}
	}
	var out []Span
	for _, s := range tok.Tokenize(text) {
		sp := trimSpan(text, s.Start, s.End, base)
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	if len(out) == 0 {
		out = append(out, trimSpan(text, 0, len(text), base))
	}
	return mergeFragments(text, base, splitMissedEnds(text, base, out))
}

// splitMissedEnds splits Punkt's spans at the sentence ends it misses
// (see missedEnd).
func splitMissedEnds(text string, base int, spans []Span) []Span {
	var out []Span
	for _, sp := range spans {
		piece := text[sp.Start-base : sp.End-base]
		start := 0
		for k := strings.Index(piece, ". "); k >= 0; {
			stop := k + 1
			// a quotation mark after the end must open a quotation: the
			// marks before it in the span are balanced
			if end, quoted := missedEnd(piece, k); end && !(quoted && quoteMarks(piece[start:stop])%2 == 1) {
				out = append(out, trimSpan(text, sp.Start-base+start, sp.Start-base+stop, base))
				start = stop
			}
			next := strings.Index(piece[stop:], ". ")
			if next < 0 {
				break
			}
			k = stop + next
		}
		out = append(out, trimSpan(text, sp.Start-base+start, sp.End-base, base))
	}
	return out
}

// missedEnd reports a sentence end Punkt misses at the full stop at byte
// k of s: after a decimal amount ("$3.27bn.", "rose 2.5%.") before a
// capitalised word, since Punkt takes a word with a period inside for an
// abbreviation ("e.g.", "U.S."); and after a company's abbreviated suffix
// before a quotation ("… president of Dataquest Inc. "There were …").
// quoted is set when a quotation mark follows.
func missedEnd(s string, k int) (end, quoted bool) {
	j := k + 1
	for j < len(s) && s[j] == ' ' {
		j++
	}
	q := openingQuote(s[j:])
	j += len(q)
	if j >= len(s) || s[j] < 'A' || s[j] > 'Z' {
		return false, false
	}
	w := s[strings.LastIndexAny(s[:k], " $(")+1 : k]
	switch w {
	case "Inc", "Corp", "Co", "Ltd", "Bros":
		return q != "", q != ""
	}
	return decimalAmount(w), q != ""
}

// decimalAmount reports a number with decimals and at most a short unit
// or a percent sign after it: "3.27bn", "2.5%", "12.75".
func decimalAmount(w string) bool {
	w = strings.TrimSuffix(w, "%")
	w = strings.TrimRight(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	dot := strings.IndexByte(w, '.')
	if dot <= 0 || dot == len(w)-1 || w[dot-1] < '0' || w[dot-1] > '9' {
		return false
	}
	for _, c := range w[dot+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// openingQuote returns the quotation mark s opens with, or "".
func openingQuote(s string) string {
	for _, q := range []string{"\"", "“"} {
		if strings.HasPrefix(s, q) {
			return q
		}
	}
	return ""
}

// quoteMarks counts the double quotation marks in s.
func quoteMarks(s string) int {
	return strings.Count(s, "\"") + strings.Count(s, "“") + strings.Count(s, "”")
}

// mergeFragments re-joins pieces Punkt split too eagerly: a closing quote
// left at the start of the next piece, a piece that starts in lower case
// or with a digit after an abbreviation ("Rs. 580 crore"), and any piece
// after a title or name abbreviation ("Ste. Therese", "Sen. Lugar").
func mergeFragments(text string, base int, spans []Span) []Span {
	out := spans[:1]
	for _, sp := range spans[1:] {
		piece := text[sp.Start-base : sp.End-base]
		prev := &out[len(out)-1]
		prevText := text[prev.Start-base : prev.End-base]
		r, _ := utf8.DecodeRuneInString(piece)
		switch {
		case strings.HasPrefix(piece, "”"),
			strings.HasPrefix(piece, "\"") && strings.Count(prevText, "\"")%2 == 1,
			unicode.IsLower(r),
			unicode.IsDigit(r) && endsWithAbbreviation(prevText),
			endsWithNameAbbreviation(prevText), // "its Ste. Therese plant"
			endsWithModifierInitials(prevText), // "his U.S. Counterpart"
			insideWireBrackets(prevText):       // "<C. Deilmann Inc>"
			prev.End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

// insideWireBrackets reports a piece that ends inside the wire's angle
// brackets around a company's name ("a partnership of <C." before
// "Deilmann Inc>"): no sentence ends inside a name.
func insideWireBrackets(s string) bool {
	open := strings.LastIndexByte(s, '<')
	if open < 0 || len(s)-open > 40 || strings.ContainsAny(s[open:], ">\n") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[open+1:])
	return unicode.IsUpper(r)
}

// endsWithModifierInitials reports a piece ending on initials with
// periods ("U.S.", "U.K.") that are no noun phrase of their own: a
// country named as a noun takes "the" ("exports to the U.S."), so after
// any other word ("his U.S. Counterpart", "worth of U.S. farm products")
// the initials modify what follows and the sentence goes on.
func endsWithModifierInitials(s string) bool {
	k := strings.LastIndexByte(s, ' ')
	if k < 0 || !isInitials(s[k+1:]) {
		return false
	}
	before := strings.TrimRight(s[:k], " ")
	return before != "" && !strings.EqualFold(before[strings.LastIndexByte(before, ' ')+1:], "the")
}

// isInitials reports a word of two or three capitals each with its period:
// "U.S.", "U.K.".
func isInitials(w string) bool {
	if len(w) != 4 && len(w) != 6 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

func endsWithNameAbbreviation(s string) bool {
	k := strings.LastIndexAny(s, " (")
	return strings.HasSuffix(s, ".") && tokenize.NameAbbreviation(s[k+1:])
}

func endsWithAbbreviation(s string) bool {
	s = strings.TrimSuffix(s, ".")
	k := strings.LastIndexAny(s, " (")
	return tokenize.Abbreviation(s[k+1:])
}

func trimSpan(text string, s, e, base int) Span {
	for s < e && isSpaceByte(text[s]) {
		s++
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return Span{base + s, base + e}
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
