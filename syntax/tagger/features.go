package tagger

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// word holds the hashed properties of one token (or of a padding token
// before or after the sentence) that the features conjoin.
type word struct {
	norm  uint64    // the lower-cased form, or its shape if it has a digit
	shape uint64    // "Xxx", "dd.dd"
	flags uint64    // capitalisation, hyphen, digit bits
	pre   [4]uint64 // prefixes of 1–4 bytes of the lower-cased form
	suf   [4]uint64 // suffixes of 1–4 bytes
	// amb is the word's ambiguity class: the classes its lower-cased form
	// had in training (ambUnknown for forms seen too seldom), or for a
	// capitalised form in the cased lexicon its cased class.
	amb uint64
	// cased is the class of a capitalised form as written, from its uses
	// after a sentence's first token (casedUnknown when seen too seldom,
	// casedLower when the form is not capitalised).
	cased uint64
	// capc is the word's case: capPad, capLower, capUpper or capAll.
	capc uint8
}

// Values of word.capc.
const (
	capPad   = iota // padding before or after the sentence
	capLower        // not capitalised
	capUpper        // first letter upper case
	capAll          // all letters upper case, at least two
)

// Feature templates. Changing them changes the model: bump CodeVersion.
const (
	tBias = iota
	tWord
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tShape
	tFlags
	tPrevWord
	tPrevSuf3
	tPrevShape
	tNextWord
	tNextSuf3
	tNextShape
	tPrev2Word
	tPrev2Shape
	tNext2Word
	tNext2Shape
	tNext2Suf3
	tPrevTag
	tPrev2Tag
	tTagPair
	tPrevTagWord
	tPrevTagSuf3
	tWordNextWord
	tSelfAmb
	tNextAmb
	tNext2Amb
	tPrevTagNextAmb
	tPrevWordWord
	tSuf3Flags
	tAmbNextAmb
	tSelfCased
	tPrevCased
	tNextCased
	_ // two numbers tried and not kept (features of runs of capitalised
	_ // words); skipped so that tFirstCased keeps its number
	tFirstCased
	nTemplates
)

// templates[k] is the hash that starts template k's features.
var templates = func() (t [nTemplates]uint64) {
	for k := range t {
		t[k] = perceptron.Template(uint32(k))
	}
	return t
}()

// valueSeed starts the hash of a property value (a word, a suffix).
var valueSeed = perceptron.Template(1 << 20)

// ambUnknown is the ambiguity class of the forms not in the lexicon.
var ambUnknown = perceptron.String(valueSeed+3, "-UNKNOWN-")

// casedUnknown and casedLower are the cased classes of the capitalised
// forms not in the lexicon and of the forms not capitalised.
var (
	casedUnknown = perceptron.String(valueSeed+5, "-UNKNOWN-")
	casedLower   = perceptron.String(valueSeed+5, "-LOWER-")
)

// padding words before and after a sentence.
var (
	start1 = padWord("-START-")
	start2 = padWord("-START2-")
	end1   = padWord("-END-")
	end2   = padWord("-END2-")
)

func padWord(s string) word {
	h := perceptron.String(valueSeed, s)
	w := word{norm: h, shape: h, flags: h, amb: h, cased: h, capc: capPad}
	for k := range w.pre {
		w.pre[k], w.suf[k] = h, h
	}
	return w
}

// Flag bits of word.flags.
const (
	flagUpperFirst = 1 << iota
	flagAllUpper
	flagHyphen
	flagDigit
	flagPeriod
	flagNonASCII
)

// describe computes the properties of form, using buf for its lower-cased
// bytes and its shape; amb maps lower-cased forms to their ambiguity
// classes, cased capitalised forms as written to theirs.
func describe(form string, buf []byte, amb, cased map[string]uint64) (word, []byte) {
	var w word
	lower := buf[:0]
	flags := uint64(0)
	letters, uppers := 0, 0
	for i, r := range form {
		if r >= utf8.RuneSelf {
			flags |= flagNonASCII
		}
		switch {
		case unicode.IsUpper(r):
			uppers++
			letters++
			if i == 0 {
				flags |= flagUpperFirst
			}
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			continue
		case unicode.IsLetter(r):
			letters++
		case '0' <= r && r <= '9':
			flags |= flagDigit
		case r == '-':
			flags |= flagHyphen
		case r == '.':
			flags |= flagPeriod
		}
		lower = utf8.AppendRune(lower, r)
	}
	if letters > 1 && uppers == letters {
		flags |= flagAllUpper
	}
	shapeAt := len(lower)
	buf = appendShape(lower, form)
	lower, shape := buf[:shapeAt], buf[shapeAt:]
	w.flags = perceptron.Uint(valueSeed, flags)
	w.shape = perceptron.String(valueSeed, bytesString(shape))
	if flags&flagDigit != 0 {
		w.norm = w.shape
	} else {
		w.norm = perceptron.String(valueSeed, bytesString(lower))
	}
	w.amb = ambUnknown
	if a, ok := amb[bytesString(lower)]; ok {
		w.amb = a
	}
	w.capc, w.cased = capLower, casedLower
	if flags&flagUpperFirst != 0 {
		w.capc, w.cased = capUpper, casedUnknown
		if flags&flagAllUpper != 0 {
			w.capc = capAll
		}
		if a, ok := cased[form]; ok {
			w.cased = a
			w.amb = a
		}
	}
	for k := range 4 {
		n := min(k+1, len(lower))
		w.pre[k] = perceptron.String(valueSeed+1, bytesString(lower[:n]))
		w.suf[k] = perceptron.String(valueSeed+2, bytesString(lower[len(lower)-n:]))
	}
	return w, buf
}

// appendShape appends the shape of form to b: X for upper-case letters, x
// for others, d for digits, other characters as they are, runs of one
// class cut at two ("Xxx" for "Hello", "dd.dd" for "3.14159").
func appendShape(b []byte, form string) []byte {
	var last byte
	run := 0
	for _, r := range form {
		c := syntax.ShapeClass(r)
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		b = append(b, c)
	}
	return b
}

// bytesString views b as a string for hashing (the string is not kept).
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// Roles a word plays for the token being tagged: the token itself or
// one of its neighbours. The features of a word in a role depend on the
// word alone, so the tagger adds up their weights once per word type
// (see cache.go).
const (
	roleSelf = iota
	rolePrev
	roleNext
	rolePrev2
	roleNext2
	nRoles
)

// wordFeatures appends the features of w in role r.
func wordFeatures(dst []uint64, w *word, r int) []uint64 {
	u := perceptron.Uint
	t := &templates
	switch r {
	case roleSelf:
		dst = append(dst,
			t[tBias],
			u(t[tWord], w.norm),
			u(t[tSuf1], w.suf[0]),
			u(t[tSuf2], w.suf[1]),
			u(t[tSuf3], w.suf[2]),
			u(t[tSuf4], w.suf[3]),
			u(t[tPre1], w.pre[0]),
			u(t[tPre2], w.pre[1]),
			u(t[tPre3], w.pre[2]),
			u(t[tPre4], w.pre[3]),
			u(t[tShape], w.shape),
			u(t[tFlags], w.flags),
			u(u(t[tSuf3Flags], w.suf[2]), w.flags),
			u(t[tSelfAmb], w.amb),
		)
		return append(dst, u(t[tSelfCased], w.cased))
	case rolePrev:
		return append(dst, u(t[tPrevWord], w.norm), u(t[tPrevSuf3], w.suf[2]), u(t[tPrevShape], w.shape), u(t[tPrevCased], w.cased))
	case roleNext:
		return append(dst, u(t[tNextWord], w.norm), u(t[tNextSuf3], w.suf[2]), u(t[tNextShape], w.shape), u(t[tNextAmb], w.amb), u(t[tNextCased], w.cased))
	case rolePrev2:
		return append(dst, u(t[tPrev2Word], w.norm), u(t[tPrev2Shape], w.shape))
	case roleNext2:
		return append(dst, u(t[tNext2Word], w.norm), u(t[tNext2Shape], w.shape), u(t[tNext2Suf3], w.suf[2]), u(t[tNext2Amb], w.amb))
	}
	return dst
}

// tagFeatures appends the features that depend only on the classes of
// the two tokens before the token being tagged.
func tagFeatures(dst []uint64, prev1, prev2 int) []uint64 {
	u := perceptron.Uint
	t := &templates
	return append(dst,
		u(t[tPrevTag], uint64(prev1)),
		u(t[tPrev2Tag], uint64(prev2)),
		u(u(t[tTagPair], uint64(prev1)), uint64(prev2)),
	)
}

// pairFeatures appends the features of the token w that conjoin two words
// or a word and the class of the token before it (prev1); p and n are
// the words before and after it. A capitalised first token of a
// sentence also has its cased class conjoined with being first (the
// cased lexicon is of the forms' uses after the first token).
func pairFeatures(dst []uint64, p, w, n *word, prev1 int) []uint64 {
	u := perceptron.Uint
	t := &templates
	dst = append(dst,
		u(u(t[tPrevTagWord], uint64(prev1)), w.norm),
		u(u(t[tPrevTagSuf3], uint64(prev1)), w.suf[2]),
		u(u(t[tWordNextWord], w.norm), n.norm),
		u(u(t[tPrevTagNextAmb], uint64(prev1)), n.amb),
		u(u(t[tPrevWordWord], p.norm), w.norm),
		u(u(t[tAmbNextAmb], w.amb), n.amb),
	)
	if p.capc == capPad && w.capc >= capUpper {
		dst = append(dst, u(t[tFirstCased], w.cased))
	}
	return dst
}

// features appends all the features of the token at ws[i] (ws has two
// padding words at each end) given the classes of the two tokens before
// it: those of the words around it in their roles, then the context's.
func features(dst []uint64, ws []word, i int, prev1, prev2 int) []uint64 {
	for r, at := range roleOffsets {
		dst = wordFeatures(dst, &ws[i+at], r)
	}
	dst = tagFeatures(dst, prev1, prev2)
	return pairFeatures(dst, &ws[i-1], &ws[i], &ws[i+1], prev1)
}

// roleOffsets[r] is the position of the word in role r relative to the
// token.
var roleOffsets = [nRoles]int{roleSelf: 0, rolePrev: -1, roleNext: 1, rolePrev2: -2, roleNext2: 2}
