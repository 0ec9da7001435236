package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	Tag   string
	Lemma string
}

// abbreviations keep their final period when tokenising. Lower-cased,
// without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "lt": true, "col": true, "sgt": true,
	"st": true, "jr": true, "sr": true, "inc": true, "corp": true, "ltd": true,
	"co": true, "bros": true, "vs": true, "etc": true, "no": true, "rs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true,
	"p.m": true, "d.c": true, "mt": true, "ft": true, "approx": true, "dept": true,
	"est": true, "fig": true, "pres": true, "rev": true, "hon": true, "messrs": true,
}

// Tokenize splits s, which starts at byte offset base of the document,
// into tokens in the Penn Treebank style: punctuation apart, clitics ('s,
// n't) apart, abbreviations and numbers whole.
func Tokenize(s string, base int) []Token {
	toks := make([]Token, 0, len(s)/5+4)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) || r == '\u00a0' {
			i += n
			continue
		}
		j := i
		// a run of non-space characters
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r2) || r2 == '\u00a0' {
				break
			}
			j += n2
		}
		toks = splitWord(toks, s[i:j], base+i)
		i = j
	}
	return toks
}

// splitWord splits one whitespace-delimited chunk into tokens.
func splitWord(toks []Token, w string, off int) []Token {
	// leading punctuation
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if !isLeadPunct(r) || (r == '$' && len(w) == n) {
			break
		}
		if r == '\'' || r == '’' {
			// 'til, '90s: keep as part of the word when a letter/digit follows
			if n < len(w) && (isClitic(w) || looksYear(w[n:])) {
				break
			}
		}
		tok := mkToken(w[:n], off)
		if r == '"' {
			tok.Norm = "``"
		} else if r == '\'' {
			tok.Norm = "`"
		}
		toks = append(toks, tok)
		w, off = w[n:], off+n
	}
	// trailing punctuation, collected in reverse
	var tail []Token
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if r == '.' {
			stem := w[:len(w)-n]
			if keepsPeriod(stem) {
				break
			}
		} else if !isTrailPunct(r) {
			break
		}
		tok := mkToken(w[len(w)-n:], off+len(w)-n)
		if r == '"' {
			tok.Norm = "''"
		}
		tail = append(tail, tok)
		w = w[:len(w)-n]
	}
	if w != "" {
		toks = splitInner(toks, w, off)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

// splitInner handles clitics ("Musk's", "didn't"), glued sentences
// ("difference.A"), slashes and unit suffixes ("5,000mAh").
func splitInner(toks []Token, w string, off int) []Token {
	if plainWord(w) {
		return append(toks, mkToken(w, off))
	}
	lw := strings.ToLower(w)
	for _, c := range []string{"n't", "n’t"} {
		if strings.HasSuffix(lw, c) && len(w) > len(c) {
			k := len(w) - len(c)
			toks = splitInner(toks, w[:k], off)
			return append(toks, mkToken(w[k:], off+k))
		}
	}
	for _, c := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "s'", "s’"} {
		if strings.HasSuffix(lw, c) && len(w) > len(c) {
			k := len(w) - len(c)
			if c[0] == 's' { // plural possessive: "investors'"
				k = len(w) - len(c) + 1
			}
			toks = splitInner(toks, w[:k], off)
			return append(toks, mkToken(w[k:], off+k))
		}
	}
	// glued sentence: "difference.A" (lower letters, period, capital)
	if k := strings.IndexByte(w, '.'); k >= 2 && k+1 < len(w) {
		before, _ := utf8.DecodeLastRuneInString(w[:k])
		after, _ := utf8.DecodeRuneInString(w[k+1:])
		if unicode.IsLower(before) && unicode.IsUpper(after) && !strings.Contains(w[k+1:], ".") && !strings.Contains(w, "://") && !strings.Contains(w, "@") {
			toks = splitInner(toks, w[:k], off)
			toks = append(toks, mkToken(".", off+k))
			return splitInner(toks, w[k+1:], off+k+1)
		}
	}
	// number glued to a unit: 5,000mAh, 10km
	if d := leadingNumber(w); d > 0 && d < len(w) && !strings.ContainsAny(w[d:], "0123456789-/") {
		r, _ := utf8.DecodeRuneInString(w[d:])
		if unicode.IsLetter(r) && !isOrdinalSuffix(w[d:]) {
			toks = append(toks, mkToken(w[:d], off))
			return append(toks, mkToken(w[d:], off+d))
		}
	}
	return append(toks, mkToken(w, off))
}

// plainWord reports a word of ASCII letters (and inner hyphens) with no
// apostrophe, period or digit: nothing for splitInner to split.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' && i > 0) {
			return false
		}
	}
	return true
}

func isOrdinalSuffix(s string) bool {
	switch strings.ToLower(s) {
	case "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

func leadingNumber(w string) int {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || (i > 0 && (w[i] == ',' || w[i] == '.') && i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9')) {
		i++
	}
	return i
}

func looksYear(s string) bool {
	return len(s) >= 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
}

func isClitic(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasPrefix(lw, "'tis") || strings.HasPrefix(lw, "'til")
}

func keepsPeriod(stem string) bool {
	if stem == "" {
		return false
	}
	ls := strings.ToLower(stem)
	if abbreviations[ls] {
		return true
	}
	// initials and dotted acronyms: "J.", "U.S.", "D.C."
	if utf8.RuneCountInString(stem) == 1 {
		r, _ := utf8.DecodeRuneInString(stem)
		return unicode.IsUpper(r)
	}
	if strings.Contains(stem, ".") {
		for _, part := range strings.Split(stem, ".") {
			if utf8.RuneCountInString(part) != 1 {
				return false
			}
		}
		return true
	}
	return false
}

func isLeadPunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '{', '`', '«', '$', '£', '€', '¥', '¿', '¡', '*', '•', '|', '»', '-', '–', '—', '…':
		return true
	}
	return false
}

func isTrailPunct(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', ',', ';', ':', '!', '?', '»', '«', '%', '*', '…', '|', '-', '–', '—':
		return true
	}
	return false
}

// mkToken builds a token and its Treebank form.
func mkToken(text string, off int) Token {
	norm := text
	if !plainWord(text) {
		norm = ptbForm(text)
	}
	return Token{Text: text, Norm: norm, Start: off, End: off + len(text)}
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
