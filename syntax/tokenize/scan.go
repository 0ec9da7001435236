package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner splits text into pieces, one whitespace-separated chunk at a
// time.
type scanner struct {
	text string
	out  []piece
	par  bool // a paragraph break precedes the next piece
	// chunkEnd is the end of the chunk being read
	chunkEnd int
}

// scan appends the tokens of text to dst.
func scan(text string, dst []piece) []piece {
	s := scanner{text: text, out: dst}
	i := 0
	for i < len(text) {
		j, newlines := skipSpace(text, i)
		if newlines >= 2 && len(s.out) > 0 {
			s.par = true
		}
		i = j
		if i >= len(text) {
			break
		}
		j = chunkEnd(text, i)
		s.chunk(i, j)
		i = j
	}
	return s.out
}

// skipSpace returns the end of the white space at i and the number of
// line breaks in it.
func skipSpace(text string, i int) (int, int) {
	newlines := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				newlines++
			} else if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i, newlines
}

// chunkEnd returns the end of the chunk of non-space text at i.
func chunkEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// spaceAt reports whether white space begins at text[i].
func spaceAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

func (s *scanner) emit(a, b int, join bool) {
	if a >= b {
		return
	}
	s.out = append(s.out, piece{start: a, end: b, join: join, par: s.par})
	s.par = false
}

// chunk tokenizes text[lo:hi], which has no white space: opening
// punctuation is peeled off the front, closing punctuation off the back,
// and the rest (the core) is split by core.
func (s *scanner) chunk(lo, hi int) {
	s.chunkEnd = hi
	if lists.whole[s.text[lo:hi]] {
		s.emit(lo, hi, false)
		return
	}
	quoted := false
	for lo < hi {
		n := s.leading(lo, hi)
		if n == 0 {
			break
		}
		if c := s.text[lo]; c == '\'' || c == '"' {
			quoted = true
		}
		s.emit(lo, lo+n, false)
		lo += n
	}
	var trail [16]piece
	nt := 0
	for hi > lo && nt < len(trail) {
		n, join := s.trailing(lo, hi, quoted)
		if n == 0 {
			break
		}
		trail[nt] = piece{start: hi - n, end: hi, join: join}
		nt++
		hi -= n
	}
	s.core(lo, hi)
	for k := nt - 1; k >= 0; k-- {
		s.emit(trail[k].start, trail[k].end, trail[k].join)
	}
}

// leading returns the length of the opening punctuation token at the
// front of text[lo:hi], 0 if there is none (or it is the whole chunk).
func (s *scanner) leading(lo, hi int) int {
	t := s.text[lo:hi]
	r, n := utf8.DecodeRuneInString(t)
	if n == len(t) {
		return 0
	}
	next, _ := utf8.DecodeRuneInString(t[n:])
	switch r {
	case '"', '(', '[', '{', '“', '‘', '«', '„', '¿', '¡', '—', '–', '…':
		return n
	case '<', '`', '*':
		return runOf(t, r)
	case '\'', '’':
		if apostropheWord(t[n:]) {
			return 0
		}
		return n
	case '$', '£', '€', '¥', '#':
		if isDigit(next) {
			return n
		}
	case '-':
		if next == '-' {
			return runOf(t, '-')
		}
		if isAlnum(next) {
			return 1 // "-Russia", "-0.39" (UD splits the sign off)
		}
	case '.':
		if next == '.' {
			return runOf(t, '.')
		}
	}
	return 0
}

// apostropheWord reports whether t, the text after an apostrophe, makes a
// word with it: "'s", "'em", "'n", "'til", "'cause", "'90s".
func apostropheWord(t string) bool {
	end := 0
	for end < len(t) && isASCIIAlnum(t[end]) {
		end++
	}
	w := strings.ToLower(t[:end])
	switch w {
	case "s", "em", "n", "til", "cause", "bout", "tis", "twas":
		return true
	}
	return len(w) == 3 && isDigit(rune(w[0])) && isDigit(rune(w[1])) && w[2] == 's'
}

// trailing returns the length of the closing punctuation token at the end
// of text[lo:hi] (0 if none, or if it is the whole chunk) and whether it
// is a word of the token before it (the possessive "'" of "Edwards'").
// quoted tells that the chunk began with a quote.
func (s *scanner) trailing(lo, hi int, quoted bool) (int, bool) {
	t := s.text[lo:hi]
	r, n := utf8.DecodeLastRuneInString(t)
	if n == len(t) {
		return 0, false
	}
	switch r {
	case '.', '!', '?':
		run := 0
		for run < len(t) && (t[len(t)-1-run] == '.' || t[len(t)-1-run] == '!' || t[len(t)-1-run] == '?') {
			run++
		}
		if run == len(t) {
			return 0, false
		}
		if r == '.' && run <= 2 && t[len(t)-run:] == strings.Repeat(".", run) {
			return s.period(t[:len(t)-run], run), false
		}
		return run, false
	case ',', ';', ':', ')', ']', '}', '"', '”', '»', '…', '%', '“':
		return n, false
	case '>', '*':
		if run := runOfLast(t, r); run < len(t) {
			return run, false
		}
	case '\'', '’':
		prev, _ := utf8.DecodeLastRuneInString(t[:len(t)-n])
		if (prev == 's' || prev == 'S') && !quoted {
			return n, true
		}
		if t == "'n'" || t == "’n’" {
			return 0, false // rock 'n' roll
		}
		if w := t[:len(t)-n]; len(w) == 1 && unicode.IsLetter(prev) {
			return 0, false // "Pay N' Pak", "Guns N' Roses": one letter and its apostrophe are a word
		}
		if prev == 'n' && strings.HasSuffix(strings.ToLower(t[:len(t)-n]), "in") {
			return 0, false // g-dropping: "cookin'"
		}
		return n, false
	case '-':
		if run := runOfLast(t, '-'); run >= 2 && run < len(t) {
			return run, false
		}
	}
	return 0, false
}

// period returns how many of the run periods (one or two) after word are a
// token of their own: none after an abbreviation ("Inc."), except at the
// end of a paragraph, where UD splits the period off ("the U.S" ".");
// one of two ("Inc.." → "Inc." ".").
func (s *scanner) period(word string, run int) int {
	if run == 2 {
		if keepsPeriod(word) {
			return 1
		}
		return 2
	}
	if strings.EqualFold(word, "no") { // "No. 5"
		if j, _ := skipSpace(s.text, s.chunkEnd); j < len(s.text) && isASCIIDigit(s.text[j]) {
			return 0
		}
		return 1
	}
	if !keepsPeriod(word) {
		return 1
	}
	if title(word + ".") {
		return 0
	}
	if j, newlines := skipSpace(s.text, s.chunkEnd); j == len(s.text) || newlines >= 2 {
		return 1
	}
	return 0
}

// keepsPeriod reports whether word keeps the period written after it: an
// abbreviation, an initial ("J") or a dotted acronym ("U.S", "e.g").
func keepsPeriod(word string) bool {
	if word == "" {
		return false
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) {
		return unicode.IsLetter(r)
	}
	var buf [24]byte
	if len(word)+1 <= len(buf) {
		b := lowerASCII(buf[:0], word)
		b = append(b, '.')
		if lists.abbrev[string(b)] || lists.titles[string(b)] {
			return true
		}
	}
	return dottedAcronym(word)
}

// dottedAcronym reports whether word is letters in groups of one or two
// separated by periods, at least two groups: "U.S", "e.g", "Ph.D".
func dottedAcronym(word string) bool {
	groups, run := 0, 0
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case isASCIILetter(c):
			run++
			if run > 2 {
				return false
			}
		case c == '.' && run > 0:
			groups++
			run = 0
		default:
			return false
		}
	}
	return run > 0 && groups >= 1
}

// title reports whether form (with its period) is a title or a month
// abbreviation, which never ends a sentence.
func title(form string) bool {
	var buf [24]byte
	if len(form) > len(buf) {
		return false
	}
	return lists.titles[string(lowerASCII(buf[:0], form))]
}

// core tokenizes a chunk without its outer punctuation.
func (s *scanner) core(lo, hi int) {
	if lo >= hi {
		return
	}
	t := s.text[lo:hi]
	if isURL(t) || isEmail(t) || lists.whole[t] {
		s.emit(lo, hi, false)
		return
	}
	if parts := contraction(t); parts != nil {
		at := lo
		for k, p := range parts {
			s.emit(at, at+len(p), k > 0)
			at += len(p)
		}
		return
	}
	if cut := cliticCut(t); cut > 0 {
		s.inner(lo, lo+cut)
		s.emit(lo+cut, hi, true)
		return
	}
	s.inner(lo, hi)
}

// contraction returns the parts of t if it is in lists/contractions.txt.
func contraction(t string) []string {
	var buf [16]byte
	if len(t) > len(buf) {
		return nil
	}
	return lists.contract[string(lowerASCII(buf[:0], t))]
}

// cliticCut returns where the clitic at the end of t begins ("n't", "'s",
// "'re", "'ve", "'ll", "'d", "'m", with any of the apostrophes ' ’ `), 0
// if there is none.
func cliticCut(t string) int {
	for _, apo := range [...]string{"'", "’", "`"} {
		k := strings.LastIndex(t, apo)
		if k <= 0 {
			continue
		}
		rest := t[k+len(apo):]
		switch strings.ToLower(rest) {
		case "t":
			if k >= 2 && (t[k-1] == 'n' || t[k-1] == 'N') && isASCIILetter(t[k-2]) {
				return k - 1
			}
		case "s", "re", "ve", "ll", "d", "m":
			if (rest == "s" || rest == "S") && allDigitsOr(t[:k], 0) {
				return 0 // "1990's" stays whole
			}
			if prev, _ := utf8.DecodeLastRuneInString(t[:k]); isAlnum(prev) {
				return k
			}
		}
	}
	return 0
}

// isURL reports whether t is a web address.
func isURL(t string) bool {
	if strings.Contains(t, "://") {
		return true
	}
	return len(t) > 4 && strings.EqualFold(t[:4], "www.")
}

// isEmail reports whether t has an "@" between word characters.
func isEmail(t string) bool {
	k := strings.IndexByte(t, '@')
	return k > 0 && k+1 < len(t) && (isASCIIAlnum(t[k-1]) || t[k-1] == '.') && isASCIIAlnum(t[k+1])
}

// inner splits the core text[lo:hi] at its inner punctuation.
func (s *scanner) inner(lo, hi int) {
	seg := lo  // start of the word being read
	part := lo // start of its last hyphen-separated part
	i := lo
	for i < hi {
		r, n := utf8.DecodeRuneInString(s.text[i:hi])
		if isAlnum(r) || r == '_' {
			if i > seg && unicode.IsLetter(r) && isASCIIDigit(s.text[i-1]) && s.unitAfterNumber(seg, i, hi) {
				s.emit(seg, i, false)
				seg, part = i, i
			}
			i += n
			continue
		}
		if r == '$' && i > seg && shortCaps(s.text[seg:i]) && i+1 < hi && isASCIIDigit(s.text[i+1]) {
			s.emit(seg, i+1, false) // "US$" before its number
			i++
			seg, part = i, i
			continue
		}
		if k := s.wordPunct(r, seg, part, i, hi); k > 0 {
			if r == '-' {
				part = i + k
			}
			i += k
			continue
		}
		run := n
		if r < utf8.RuneSelf {
			run = runOf(s.text[i:hi], r)
		}
		s.emit(seg, i, false)
		s.emit(i, i+run, false)
		i += run
		seg, part = i, i
	}
	s.emit(seg, hi, false)
}

// wordPunct returns the length of the punctuation r at i when it belongs
// to the word begun at seg (and its hyphen part begun at part), 0 when it
// is split off.
func (s *scanner) wordPunct(r rune, seg, part, i, hi int) int {
	t := s.text
	before := i > seg
	after := i+1 < hi && isASCIIAlnum(t[i+1])
	switch r {
	case '.':
		if i+1 < hi && t[i+1] == '.' {
			return 0 // an ellipsis
		}
		if before {
			return 1 // "1.5", "U.S", "example.com", "U.S.-led"
		}
		if after && isASCIIDigit(t[i+1]) {
			return 1 // ".5"
		}
	case ',', ':':
		if before && after && isASCIIDigit(t[i-1]) && isASCIIDigit(t[i+1]) {
			return 1 // "1,000", "3:30"
		}
	case '-':
		if i+1 < hi && t[i+1] == '-' {
			return 0
		}
		if !before && after && isASCIIDigit(t[i+1]) {
			return 1 // "-5"
		}
		if before && after && s.keepHyphen(seg, part, i, hi) {
			return 1
		}
		if before && i+1 == hi {
			return 1 // a word broken off: "th-"
		}
	case '/':
		if before && after && keepSlash(t[seg:i], t[i+1:alnumEnd(t, i+1, hi)]) {
			return 1
		}
	case '&':
		if before && after && shortCaps(t[seg:i]) && shortCaps(t[i+1:alnumEnd(t, i+1, hi)]) {
			return 1 // "AT&T", "P&L"
		}
	case '\'', '’':
		if !before && apostropheWord(t[i+utf8.RuneLen(r):hi]) {
			return utf8.RuneLen(r) // "'s", "'90s"
		}
		if before && i+utf8.RuneLen(r) < hi {
			nr, _ := utf8.DecodeRuneInString(t[i+utf8.RuneLen(r) : hi])
			if unicode.IsLetter(nr) {
				return utf8.RuneLen(r) // "O'Toole", "Shi'ite"
			}
		}
		if before && i+utf8.RuneLen(r) == hi && i == seg+1 && unicode.IsLetter(rune(t[seg])) {
			return utf8.RuneLen(r) // "N'" (see trailing)
		}
	case '@':
		if after {
			return 1 // "@user"
		}
	}
	return 0
}

// keepHyphen reports whether the hyphen at i joins the part begun at part
// to the word after it: after a prefix ("non-profit") or inside a phone
// or zip number ("713-853-3989").
func (s *scanner) keepHyphen(seg, part, i, hi int) bool {
	t := s.text
	var buf [16]byte
	if p := t[part:i]; len(p) <= len(buf) && lists.prefixes[string(lowerASCII(buf[:0], p))] {
		return true
	}
	end := i
	for end < hi && (isASCIIDigit(t[end]) || t[end] == '-') {
		end++
	}
	return phoneLike(t[seg:end])
}

// phoneLike reports whether t is a phone number or a zip code: digit
// groups joined by single hyphens, the last of four digits and the others
// of three (a leading "1" allowed), or five then four: "345-9945",
// "713-853-3989", "1-800-991-9019", "77042-2016"; not "1969-1970".
func phoneLike(t string) bool {
	groups := strings.Split(t, "-")
	if len(groups) < 2 || len(groups[len(groups)-1]) != 4 {
		return false
	}
	for k, g := range groups {
		if !allDigitsOr(g, 0) {
			return false
		}
		switch {
		case len(g) == 3, len(g) == 4 && k == len(groups)-1:
		case k == 0 && g == "1" && len(groups) > 2:
		case len(g) == 5 && len(groups) == 2:
		default:
			return false
		}
	}
	return true
}

// keepSlash reports whether a slash joins left and right: numbers
// ("9/11", "16/11/2004") and single letters ("w/o", "I/S").
func keepSlash(left, right string) bool {
	if allDigitsOr(left, '/') && allDigitsOr(right, 0) {
		return true
	}
	return len(left) == 1 && len(right) == 1 && isASCIILetter(left[0]) && isASCIILetter(right[0])
}

// unitAfterNumber reports whether the letters at i, after the number begun
// at seg, are a unit to split from it ("5kg", "264m", "5pm").
func (s *scanner) unitAfterNumber(seg, i, hi int) bool {
	t := s.text
	if !number(t[seg:i]) {
		return false
	}
	end := i
	for end < hi && isASCIILetter(t[end]) {
		end++
	}
	if end < hi && isASCIIAlnum(t[end]) {
		return false
	}
	var buf [8]byte
	if end-i > len(buf) {
		return false
	}
	return lists.units[string(lowerASCII(buf[:0], t[i:end]))]
}

// number reports whether t is digits with inner ".", "," or ":".
func number(t string) bool {
	if t == "" || !isASCIIDigit(t[0]) || !isASCIIDigit(t[len(t)-1]) {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !isASCIIDigit(c) && c != '.' && c != ',' && c != ':' {
			return false
		}
	}
	return true
}

// alnumEnd returns the end of the run of ASCII letters and digits at i.
func alnumEnd(t string, i, hi int) int {
	for i < hi && isASCIIAlnum(t[i]) {
		i++
	}
	return i
}

// shortCaps reports whether t is one to three upper-case ASCII letters.
func shortCaps(t string) bool {
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 'A' || t[i] > 'Z' {
			return false
		}
	}
	return true
}

// allDigitsOr reports whether t is ASCII digits and sep bytes, beginning
// with a digit.
func allDigitsOr(t string, sep byte) bool {
	if t == "" || !isASCIIDigit(t[0]) {
		return false
	}
	for i := 0; i < len(t); i++ {
		if !isASCIIDigit(t[i]) && (sep == 0 || t[i] != sep) {
			return false
		}
	}
	return true
}

// runOf returns the length in bytes of the run of r at the start of t.
func runOf(t string, r rune) int {
	n := 0
	for n < len(t) {
		q, size := utf8.DecodeRuneInString(t[n:])
		if q != r {
			break
		}
		n += size
	}
	return n
}

// runOfLast returns the length in bytes of the run of r at the end of t.
func runOfLast(t string, r rune) int {
	n := 0
	for n < len(t) {
		q, size := utf8.DecodeLastRuneInString(t[:len(t)-n])
		if q != r {
			break
		}
		n += size
	}
	return n
}

// lowerASCII appends t to b with ASCII letters in lower case.
func lowerASCII(b []byte, t string) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIIDigit(c) || isASCIILetter(c) }

// isAlnum reports whether r is a letter, a digit or a combining mark.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
