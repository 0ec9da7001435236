package extract

import "strings"

// Chunk is a run of tokens [From, To) in a sentence: a noun phrase or a
// verb group.
type Chunk struct {
	From, To int
}

// nounPhrase is a base noun phrase with its head token.
type nounPhrase struct {
	Chunk
	Head int // index of the head noun or pronoun
	// Possessor is the chunk before "'s" when the phrase is "X's Y".
	Possessor *nounPhrase
}

// verbGroup is auxiliaries, adverbs, negation and the main verb, with an
// optional particle: "had not received", "is now valued", "reached out".
type verbGroup struct {
	Chunk
	Main     int  // index of the main (last) verb
	First    int  // index of the first verb word
	Particle int  // index of a particle ("out"), or -1
	Passive  bool // a form of "be"/"get" before a past participle
	Negated  bool
	// Chain holds the lemmas of verbs joined by "to": "fail to respond".
	Chain []string
	// NonFinite is a group that starts with -ing or "to" (no own subject).
	NonFinite bool
	// YetTo is "has yet to specify", "is yet to decide": the verb after
	// "to" has not happened.
	YetTo bool
	// Future is a group with "will" or "shall": what it says is to come.
	Future bool
}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS"
}

func isAdjTag(t string) bool { return t == "JJ" || t == "JJR" || t == "JJS" }

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }

// nounPhraseAt returns the base noun phrase starting at i, or ok=false.
// Phrases chain through possessives: "the Kremlin's Twitter account".
func nounPhraseAt(toks []Token, i int) (nounPhrase, bool) {
	if i >= len(toks) {
		return nounPhrase{}, false
	}
	if t := toks[i]; t.Tag == "PRP" || t.Tag == "EX" {
		return nounPhrase{Chunk: Chunk{i, i + 1}, Head: i}, true
	}
	start := npWordsStart(toks, i)
	head := -1
	for j := start; j < len(toks); {
		step, noun := npWord(toks, i, start, j, head)
		if step == 0 {
			break
		}
		if noun {
			head = j
		}
		j += step
	}
	if head < 0 {
		return nounPhrase{}, false
	}
	// an adjective after the last noun is not part of the phrase
	np := nounPhrase{Chunk: Chunk{i, head + 1}, Head: head}
	if end := head + 1; end < len(toks) && toks[end].Tag == "POS" {
		if next, ok := nounPhraseAt(toks, end+1); ok && toks[end+1].Tag != "PRP" {
			owner := np
			next.From = i
			next.Possessor = &owner
			return next, true
		}
	}
	return np, true
}

// npWordsStart skips what opens a noun phrase at i — a quotation mark
// before a quoted name (“Monitor”), a predeterminer, a determiner or
// possessive, a quotation mark after it (the “matter”) — and returns
// where its words start.
func npWordsStart(toks []Token, i int) int {
	j := i
	if (toks[i].Norm == "``" || toks[i].Norm == "`") && i+1 < len(toks) && (isNounTag(toks[i+1].Tag) || toks[i+1].Tag == "DT" || isAdjTag(toks[i+1].Tag)) {
		j++
	}
	if toks[j].Tag == "PDT" {
		j++
	}
	if j < len(toks) && (toks[j].Tag == "DT" || toks[j].Tag == "PRP$" || toks[j].Tag == "WP$") {
		j++
	}
	if j > i && j+1 < len(toks) && (toks[j].Norm == "``" || toks[j].Norm == "`") {
		j++
	}
	return j
}

// npWord reads word j of the noun phrase that starts at i (its words at
// start, its head so far at head): how many tokens it takes (0 ends the
// phrase) and whether it is the new head noun.
func npWord(toks []Token, i, start, j, head int) (step int, noun bool) {
	if head >= 0 && j+1 < len(toks) && isTimeModifier(toks[j].Text) && timeNouns[toks[j+1].Lower] {
		return 0, false // "a charity | last year"
	}
	if n := amountLead(toks, j, head); n > 0 {
		return n, false
	}
	tg := toks[j].Tag
	nextTag := ""
	if j+1 < len(toks) {
		nextTag = toks[j+1].Tag
	}
	switch {
	case tg == "CD" && head >= 0 && (toks[head].Tag == "NN" || toks[head].Tag == "NNS"):
		return 0, false // "rates | nine times": a number after a common noun starts anew
	case isNounTag(tg), tg == "CD", tg == "$", tg == "FW":
		return 1, true
	case isAdjTag(tg), tg == "PRP$" && j == start:
		return 1, false
	case head < 0 && (tg == "VBN" || tg == "VBG") && (isNounTag(nextTag) || isAdjTag(nextTag)) && (j > start || toks[i].Tag == "DT" || toks[i].Tag == "PRP$"):
		return 1, false // "the proposed merger"
	case tg == "HYPH", toks[j].Text == "&" && head >= 0 && nextTag == "NNP":
		return 1, false
	}
	return 0, false
}

// amountLead returns how many tokens at j lead into an amount ("more
// than 12,000 acres", "around $1 billion", "up to 5,000"), or 0.
func amountLead(toks []Token, j, head int) int {
	amount := func(n int) bool { return j+n < len(toks) && (toks[j+n].Tag == "CD" || toks[j+n].Tag == "$") }
	low := toks[j].Lower
	switch {
	case head < 0 && (low == "more" || low == "less" || low == "fewer") && j+1 < len(toks) && toks[j+1].Lower == "than" && amount(2):
		return 2
	case head < 0 && isApproxWord(toks[j].Text) && amount(1):
		return 1
	case toks[j].Tag == "IN" && low == "up" && j+1 < len(toks) && toks[j+1].Lower == "to" && amount(2):
		return 2
	}
	return 0
}

func isTimeModifier(w string) bool {
	switch strings.ToLower(w) {
	case "last", "this", "next", "past", "previous", "every", "each", "that":
		return true
	}
	return false
}

func isApproxWord(w string) bool {
	switch strings.ToLower(w) {
	case "about", "around", "roughly", "approximately", "nearly", "almost", "some", "over", "more", "less", "only", "just", "at", "least", "up", "as", "many":
		return true
	}
	return false
}

// verbGroupAt returns the verb group starting at i, or ok=false.
func verbGroupAt(toks []Token, i int) (verbGroup, bool) {
	r := &verbGroupReader{toks: toks, vg: verbGroup{Particle: -1, Main: -1, First: -1}, j: i}
	if i < len(toks) && toks[i].Tag == "TO" {
		r.vg.NonFinite = true
		r.j++
	}
	for r.j < len(toks) && r.next() {
	}
	if r.vg.Main < 0 {
		return r.vg, false
	}
	if r.j < len(toks) && toks[r.j].Tag == "RP" {
		r.vg.Particle = r.j
		r.j++
	}
	r.vg.Chunk = Chunk{i, r.j}
	return r.vg, true
}

// verbGroupReader reads a verb group token by token.
type verbGroupReader struct {
	toks  []Token
	vg    verbGroup
	j     int  // the next token
	sawBe bool // the last verb was "be" or "get" (a passive may follow)
}

// next reads the token at j into the group and reports whether the group
// goes on.
func (r *verbGroupReader) next() bool {
	toks, t := r.toks, r.toks[r.j]
	switch {
	case isVerbTag(t.Tag) && !(strings.EqualFold(t.Text, "according") && r.j+1 < len(toks) && toks[r.j+1].Text == "to"):
		return r.verb()
	case t.Tag == "RB" || t.Tag == "RBR":
		return r.adverbs()
	case t.Tag == "TO" && r.vg.Main >= 0 && r.j+1 < len(toks) && toks[r.j+1].Tag == "VB":
		// "failed to respond", "tried to contact"
		r.vg.Chain = append(r.vg.Chain, toks[r.vg.Main].Lemma)
		r.j++
		return true
	}
	return false
}

// verb reads the verb at j: an auxiliary or the main verb, passive after
// "be" or "get".
func (r *verbGroupReader) verb() bool {
	vg, t := &r.vg, r.toks[r.j]
	if vg.Main >= 0 && !isAuxiliary(r.toks[vg.Main]) && r.toks[r.j-1].Tag != "TO" {
		return false // "citing slowing inflation": after a main verb, a new word
	}
	if vg.First < 0 {
		vg.First = r.j
		vg.NonFinite = vg.NonFinite || t.Tag == "VBG"
	}
	vg.Passive = vg.Passive || t.Tag == "VBN" && r.sawBe
	if t.Lemma == "be" || t.Lemma == "get" {
		r.sawBe = true
	} else if t.Tag != "MD" && t.Lemma != "have" && t.Lemma != "do" {
		r.sawBe = false
	}
	vg.Main = r.j
	r.j++
	return true
}

// adverbs reads the adverbs at j, which belong to the group only if a
// verb follows them; a negation among them negates the group.
func (r *verbGroupReader) adverbs() bool {
	k := r.j
	for k < len(r.toks) && (r.toks[k].Tag == "RB" || r.toks[k].Tag == "RBR") {
		if isNegation(r.toks[k].Text) {
			r.vg.Negated = true
		}
		k++
	}
	if k < len(r.toks) && isVerbTag(r.toks[k].Tag) {
		r.j = k
		return true
	}
	return false
}

// isAuxiliary reports verbs that can precede the main verb of a group.
func isAuxiliary(t Token) bool {
	if t.Tag == "MD" {
		return true
	}
	switch t.Lower {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

func isNegation(w string) bool {
	switch strings.ToLower(w) {
	case "not", "n't", "never", "no":
		return true
	}
	return false
}
