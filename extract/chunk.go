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
	t := toks[i]
	if t.Tag == "PRP" || t.Tag == "EX" {
		return nounPhrase{Chunk: Chunk{i, i + 1}, Head: i}, true
	}
	j := i
	if (t.Norm == "``" || t.Norm == "`") && i+1 < len(toks) && (isNounTag(toks[i+1].Tag) || toks[i+1].Tag == "DT" || isAdjTag(toks[i+1].Tag)) {
		j++ // a quoted name: “Monitor”
	}
	if toks[j].Tag == "PDT" {
		j++
	}
	if j < len(toks) && (toks[j].Tag == "DT" || toks[j].Tag == "PRP$" || toks[j].Tag == "WP$") {
		j++
	}
	if j > i && j+1 < len(toks) && (toks[j].Norm == "``" || toks[j].Norm == "`") {
		j++ // the “matter”: a quotation mark after the determiner
	}
	start := j
	head := -1
	for j < len(toks) {
		tg := toks[j].Tag
		if head >= 0 && j+1 < len(toks) && isTimeModifier(toks[j].Text) && timeNouns[toks[j+1].Lower] {
			break // "a charity | last year"
		}
		switch {
		case head < 0 && j+2 < len(toks) && (toks[j].Lower == "more" || toks[j].Lower == "less" || toks[j].Lower == "fewer") && toks[j+1].Lower == "than" && (toks[j+2].Tag == "CD" || toks[j+2].Tag == "$"):
			j += 2 // "more than 12,000 acres"
			continue
		case tg == "CD" && head >= 0 && (toks[head].Tag == "NN" || toks[head].Tag == "NNS"):
			// "rates | nine times": a number after a common noun starts anew
		case isNounTag(tg), tg == "CD", tg == "$", tg == "FW":
			head = j
			j++
			continue
		case isAdjTag(tg), tg == "PRP$" && j == start:
			j++
			continue
		case head < 0 && (tg == "VBN" || tg == "VBG") && j+1 < len(toks) && (isNounTag(toks[j+1].Tag) || isAdjTag(toks[j+1].Tag)) && (j > start || toks[i].Tag == "DT" || toks[i].Tag == "PRP$"):
			j++
			continue
		case tg == "HYPH", toks[j].Text == "&" && head >= 0 && j+1 < len(toks) && toks[j+1].Tag == "NNP":
			j++
			continue
		case head < 0 && isApproxWord(toks[j].Text) && j+1 < len(toks) && (toks[j+1].Tag == "CD" || toks[j+1].Tag == "$"):
			j++ // "around $1 billion", "about 5,000"
			continue
		case tg == "IN" && strings.EqualFold(toks[j].Text, "up") && j+2 < len(toks) && strings.EqualFold(toks[j+1].Text, "to") && (toks[j+2].Tag == "CD" || toks[j+2].Tag == "$"):
			j += 2 // "up to 5,000"
			continue
		}
		break
	}
	if head < 0 {
		return nounPhrase{}, false
	}
	// an adjective after the last noun is not part of the phrase
	end := head + 1
	np := nounPhrase{Chunk: Chunk{i, end}, Head: head}
	if end < len(toks) && toks[end].Tag == "POS" {
		if next, ok := nounPhraseAt(toks, end+1); ok && toks[end+1].Tag != "PRP" {
			owner := np
			next.From = i
			next.Possessor = &owner
			return next, true
		}
	}
	return np, true
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
	vg := verbGroup{Particle: -1, Main: -1, First: -1}
	j := i
	if j < len(toks) && toks[j].Tag == "TO" {
		vg.NonFinite = true
		j++
	}
	sawBe := false
	for j < len(toks) {
		t := toks[j]
		switch {
		case isVerbTag(t.Tag) && !(strings.EqualFold(t.Text, "according") && j+1 < len(toks) && toks[j+1].Text == "to"):
			if vg.Main >= 0 && !isAuxiliary(toks[vg.Main]) && toks[j-1].Tag != "TO" {
				goto done // "citing slowing inflation": after a main verb, a new word
			}
			if vg.First < 0 {
				vg.First = j
				if t.Tag == "VBG" && !vg.NonFinite {
					vg.NonFinite = true
				}
			}
			if t.Tag == "VBN" && sawBe {
				vg.Passive = true
			}
			if t.Lemma == "be" || t.Lemma == "get" {
				sawBe = true
			} else if t.Tag != "MD" && t.Lemma != "have" && t.Lemma != "do" {
				sawBe = false
			}
			vg.Main = j
			j++
			continue
		case t.Tag == "RB" || t.Tag == "RBR":
			if isNegation(t.Text) {
				vg.Negated = true
			}
			// an adverb only belongs to the group if a verb follows it
			k := j
			for k < len(toks) && (toks[k].Tag == "RB" || toks[k].Tag == "RBR") {
				if isNegation(toks[k].Text) {
					vg.Negated = true
				}
				k++
			}
			if k < len(toks) && isVerbTag(toks[k].Tag) {
				j = k
				continue
			}
			if vg.Main < 0 {
				return vg, false
			}
		case t.Tag == "TO" && vg.Main >= 0 && j+1 < len(toks) && toks[j+1].Tag == "VB":
			// "failed to respond", "tried to contact"
			vg.Chain = append(vg.Chain, toks[vg.Main].Lemma)
			j++
			continue
		}
		break
	}
done:
	if vg.Main < 0 {
		return vg, false
	}
	if j < len(toks) && toks[j].Tag == "RP" {
		vg.Particle = j
		j++
	}
	vg.Chunk = Chunk{i, j}
	return vg, true
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
