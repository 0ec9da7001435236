package extract

import (
	"strings"
)

// Tuple is an open-IE extraction: a relation phrase and its arguments as
// they are written in the sentence.
type Tuple struct {
	Relation   string
	Args       []string // Args[0] is the subject
	Confidence float64
}

// OpenIE extracts relation tuples from one sentence, plain or Penn
// Treebank tokenised (as in the CaRB benchmark). It uses the same chunks
// and clause patterns as fact extraction, but keeps every clause — with
// or without named entities — and reports arguments as text.
func (x *Extractor) OpenIE(sentence string) []Tuple {
	text, toks := x.openieTokens(sentence)
	if len(toks) == 0 {
		return nil
	}
	d := &Document{ID: "s", Text: text}
	d.runes = newRuneIndex(text)
	s := Sentence{Start: 0, End: len(text), Text: text, Tokens: toks}
	st := &docState{doc: d, opt: x.opt, sents: []Sentence{s}, paraQuotes: map[int][]Span{}}
	st.mentions = [][]*mention{findMentions(0, &st.sents[0])}
	st.linkMentions()
	cs := st.treeClauses(0)
	var out []Tuple
	for _, c := range cs {
		if t, ok := st.clauseTuple(c); ok {
			out = append(out, t)
		}
	}
	out = append(out, st.treeAppositionTuples()...)
	out = append(out, st.locationTuples()...)
	out = append(out, st.titleTuples()...)
	out = append(out, st.possessiveTuples()...)
	return out
}

// possessiveTuples reads "WPP Group 's Ogilvy & Mather unit" as (WPP
// Group, has, Ogilvy & Mather unit).
func (st *docState) possessiveTuples() []Tuple {
	toks := st.sents[0].Tokens
	var out []Tuple
	for _, u := range st.unitsOf(0) {
		if u.kind != uNP || u.np.Possessor == nil {
			continue
		}
		p := u.np.Possessor
		owner := joinTokens(toks, p.From, p.To)
		start := p.To + 1 // after 's
		if start >= u.np.To || toks[p.Head].Tag == "PRP" {
			continue
		}
		out = append(out, Tuple{Relation: "has", Args: []string{owner, joinTokens(toks, start, u.np.To)}, Confidence: 0.15})
	}
	return out
}

// titleTuples reads titles and nationality words before names:
// "Australian Amber Wing" → (Amber Wing, is, Australian), "President
// Bush" → (Bush, is, President).
func (st *docState) titleTuples() []Tuple {
	toks := st.sents[0].Tokens
	var out []Tuple
	for _, m := range st.mentions[0] {
		if m.kind != nameMention || m.inTitle || m.npFrom >= m.from {
			continue
		}
		title := joinTokens(toks, m.npFrom, m.from)
		if strings.EqualFold(title, "the") || strings.EqualFold(title, "a") {
			continue
		}
		out = append(out, Tuple{Relation: "is", Args: []string{m.name, title}, Confidence: 0.18})
	}
	return out
}

// openieTokens tokenises a sentence; text that is already tokenised (PTB
// escapes, spaces around punctuation) is split on spaces so that the
// output words match the input's.
func (x *Extractor) openieTokens(sentence string) (string, []Token) {
	if !looksPTB(sentence) {
		return sentence, x.analyzer.Tokens(sentence, 0)
	}
	words := strings.Fields(sentence)
	for i, w := range words {
		words[i] = ptbUnescape(w)
	}
	return x.analyzer.Words(words)
}

func looksPTB(s string) bool {
	return strings.Contains(s, " -LRB- ") || strings.Contains(s, " `` ") || strings.Contains(s, " , ") || strings.HasSuffix(s, " .") || strings.Contains(s, " 's ")
}

// span extends a noun phrase to the right over "of"/"in"/"for" phrases
// and possessive chains: "the co-founder of the trading app Robinhood".
func extendNP(toks []Token, np *nounPhrase, limit int) int {
	end := np.To
	for end+1 < limit {
		w := strings.ToLower(toks[end].Text)
		if w != "of" && w != "in" && w != "for" && w != "from" && w != "on" && w != "with" {
			break
		}
		next, ok := nounPhraseAt(toks, end+1)
		if !ok || next.To > limit {
			break
		}
		end = next.To
		if w != "of" {
			break
		}
	}
	return end
}

func (st *docState) clauseTuple(c clause) (Tuple, bool) {
	toks := st.sents[0].Tokens
	if c.subj == nil {
		return Tuple{}, false
	}
	// the subject reaches up to the verb when only noun phrase material
	// lies between ("A seat in the Soyuz costs")
	subjEnd := c.subj.To
	if !c.inherited && c.subj.To <= c.vg.From {
		ok := true
		for k := c.subj.To; k < c.vg.From; k++ {
			t := toks[k]
			if !(isNounTag(t.Tag) || isAdjTag(t.Tag) || t.Tag == "DT" || t.Tag == "IN" || t.Tag == "CD" || t.Tag == "POS" || t.Tag == "PRP$") {
				ok = false
				break
			}
		}
		if ok {
			subjEnd = c.vg.From
		}
	}
	if !c.inherited {
		if e := st.argEnd(c.subj, c.vg.From); e > subjEnd {
			subjEnd = e // "the population of the city boomed"
		}
	}
	arg1 := joinTokens(toks, c.subj.From, subjEnd)
	relFrom, relTo := c.vg.From, c.vg.To
	for relFrom > subjEnd && toks[relFrom-1].Tag == "RB" {
		relFrom-- // "often refers to", "also suggests"
	}
	rel := joinTokens(toks, relFrom, relTo)
	var args []string
	pps := c.pps
	conf := 0.8
	if c.inherited {
		conf = 0.6
	}
	limit := len(toks)
	if c.obj == nil && len(pps) == 0 && c.comp < 0 {
		if o := st.sharedObject(c.vg.Main); o != nil {
			c.obj = o // "traders buy and sell large amounts of stocks"
			conf *= 0.8
		}
	}
	switch {
	case c.comp >= 0:
		from := c.comp
		for from < len(toks) && (toks[from].Text == "that" || toks[from].Text == ":" || toks[from].Text == ",") {
			from++
		}
		to := len(toks)
		if c.compEnd > 0 {
			to = c.compEnd
		}
		for to > from && (toks[to-1].Tag == "." || isQuoteTok(toks[to-1]) || toks[to-1].Text == ",") {
			to--
		}
		if c.obj != nil && c.obj.To <= c.comp {
			args = append(args, joinTokens(toks, c.obj.From, c.obj.To))
		}
		if to > from {
			args = append(args, joinTokens(toks, from, to))
		}
		pps = nil
	case c.obj != nil:
		args = append(args, joinTokens(toks, c.obj.From, st.argEnd(c.obj, limit)))
		if c.obj2 != nil {
			args = append(args, joinTokens(toks, c.obj2.From, st.argEnd(c.obj2, limit)))
		}
	case len(pps) > 0:
		rel += " " + toks[pps[0].prep].Text
		end := st.argEnd(&pps[0].np, limit)
		args = append(args, joinTokens(toks, pps[0].np.From, end))
		pps = pps[1:]
		for len(pps) > 0 && pps[0].prep < end {
			pps = pps[1:]
		}
	default:
		// a copula or verb with an adjective or adverb complement
		k := c.vg.To
		for k < len(toks) && (isAdjTag(toks[k].Tag) || toks[k].Tag == "RB" || toks[k].Tag == "VBN") {
			k++
		}
		if k == c.vg.To {
			// whatever follows up to the clause's end: "was made up of
			// individuals", "ended with hardly a scratch"
			if e := clauseTail(toks, c.vg.To); e > c.vg.To {
				args = append(args, joinTokens(toks, c.vg.To, e))
				conf *= 0.8
			}
			break
		}
		e := k
		for e+1 < len(toks) && toks[e].Tag == "IN" {
			np, ok := nounPhraseAt(toks, e+1)
			if !ok {
				break
			}
			e = np.To
		}
		args = append(args, joinTokens(toks, c.vg.To, e))
	}
	covered := c.vg.To
	if c.obj != nil {
		covered = st.argEnd(c.obj, limit)
		// an infinitive after the object belongs with it: "the first
		// woman to land a jump", "invited Putin to join him"
		if covered < limit && toks[covered].Tag == "TO" && covered+1 < limit && toks[covered+1].Tag == "VB" {
			end := clauseTail(toks, covered)
			args[len(args)-1] = joinTokens(toks, c.obj.From, end)
			covered = end
		}
	}
	for _, pp := range pps {
		if pp.prep < covered {
			continue // already inside the extended object
		}
		end := st.argEnd(&pp.np, limit)
		args = append(args, joinTokens(toks, pp.prep, end))
		covered = end
	}
	if lead := leadingAdverbial(toks, c); lead != "" {
		args = append(args, lead)
	}
	if len(args) == 0 || args[0] == "" {
		return Tuple{}, false // a subject and verb alone score nothing and say little
	}
	return Tuple{Relation: rel, Args: append([]string{arg1}, args...), Confidence: conf}, true
}

// sharedObject returns the object that verb v shares with the verb
// coordinated right after it ("buy and sell stocks"), or nil.
func (st *docState) sharedObject(v int) *nounPhrase {
	t := st.treeOf(0)
	if t == nil {
		return nil
	}
	for _, k := range t.children(v, "conj") {
		cc := t.child(k, "cc")
		if t.toks[k].UPOS != "VERB" || cc != v+1 || k != v+2 {
			continue
		}
		if o := t.child(k, "obj"); o >= 0 {
			np := t.phrase(o)
			return &np
		}
	}
	return nil
}

// argEnd is where an argument headed as np ends: its subtree in the
// tree, without a relative clause, an apposition or a trailing comma
// ("the comical contradictions between the material reality of her
// upbringing and …"); the chunk's end with its "of" phrases without a
// tree.
func (st *docState) argEnd(np *nounPhrase, limit int) int {
	t := st.treeOf(0)
	if t == nil || np.Head < 0 || np.Head >= len(t.toks) {
		return extendNP(st.sents[0].Tokens, np, limit)
	}
	end := max(np.To, st.argModifiersEnd(t, np.Head))
	return min(end, limit)
}

// argModifiersEnd is the end of h's dependents after it that belong in
// an argument: modifiers, not clauses or appositions set off by commas.
func (st *docState) argModifiersEnd(t *tree, h int) int {
	end := h + 1
	for _, k := range t.kids[h] {
		if k < h {
			continue
		}
		switch t.toks[k].Rel {
		case "acl:relcl", "appos", "punct", "parataxis", "dep", "cc":
			return end
		case "conj":
			if t.child(k, "cc") < 0 {
				return end
			}
		}
		end = max(end, t.to[k])
	}
	return end
}

// clauseTail returns where the material starting at k ends: at a comma,
// semicolon, colon, sentence end, or a conjunction before a new clause.
func clauseTail(toks []Token, k int) int {
	for ; k < len(toks); k++ {
		switch toks[k].Text {
		case ",", ";", ":", ".", "--", "-LRB-", "(":
			return k
		}
		if toks[k].Tag == "CC" || toks[k].Tag == "WDT" || toks[k].Tag == "WP" {
			return k
		}
	}
	return k
}

// leadingAdverbial returns a phrase that opens the sentence before the
// clause's subject and a comma ("From 1970 to 1985, Rodan taught"; "On 12
// July 2006, Hezbollah launched"), which benchmark annotators attach as an
// argument of the main clause.
func leadingAdverbial(toks []Token, c clause) string {
	if c.subj == nil || c.inherited || c.embedded() {
		return ""
	}
	k := c.subj.From - 1
	if k < 1 || toks[k].Text != "," {
		return ""
	}
	if toks[0].Tag != "IN" && toks[0].Tag != "RB" && !isTimeModifier(toks[0].Text) {
		return ""
	}
	for i := 0; i < k; i++ {
		if isVerbTag(toks[i].Tag) || toks[i].Text == "," {
			return ""
		}
	}
	return joinTokens(toks, 0, k)
}

// treeAppositionTuples reads an apposition in the tree, "John Smith,
// EG&G's chairman," as (John Smith, is, EG&G's chairman).
func (st *docState) treeAppositionTuples() []Tuple {
	t := st.treeOf(0)
	if t == nil {
		return nil
	}
	var out []Tuple
	for a, tk := range t.toks {
		h := tk.Head
		if baseRel(tk.Rel) != "appos" || h < 0 || !t.isNominal(h) {
			continue
		}
		host := t.phrase(h)
		from, to := trimPunct(t.toks, t.from[a], t.to[a])
		if from >= to || from < host.To {
			continue
		}
		out = append(out, Tuple{Relation: "is", Args: []string{joinTokens(t.toks, host.From, host.To), joinTokens(t.toks, from, to)}, Confidence: 0.4})
	}
	return out
}

// locationTuples reads where a noun is, "researchers at the Magnet
// Laboratory in Cambridge", as (researchers, are at, the Magnet
// Laboratory) and (the Magnet Laboratory, is in, Cambridge).
func (st *docState) locationTuples() []Tuple {
	t := st.treeOf(0)
	if t == nil {
		return nil
	}
	var out []Tuple
	for k, tk := range t.toks {
		h := tk.Head
		if tk.Rel != "nmod" || h < 0 || !t.isNominal(h) || k < h {
			continue
		}
		cs := t.child(k, "case")
		if cs < 0 || !locationPrepositions[t.toks[cs].Lower] {
			continue
		}
		host := t.phrase(h)
		from, to := trimPunct(t.toks, cs+1, t.to[k])
		if from >= to {
			continue
		}
		be := "is"
		if t.toks[host.Head].Tag == "NNS" || t.toks[host.Head].Tag == "NNPS" {
			be = "are"
		}
		out = append(out, Tuple{Relation: be + " " + t.toks[cs].Lower, Args: []string{joinTokens(t.toks, host.From, host.To), joinTokens(t.toks, from, to)}, Confidence: 0.2})
	}
	return out
}

// trimPunct narrows [from, to) to leave out punctuation at its edges.
func trimPunct(toks []Token, from, to int) (int, int) {
	for from < to && toks[from].UPOS == "PUNCT" {
		from++
	}
	for to > from && toks[to-1].UPOS == "PUNCT" {
		to--
	}
	return from, to
}
