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
	if c.subj == nil {
		return Tuple{}, false
	}
	b := &tupleBuilder{st: st, toks: st.sents[0].Tokens, c: c, pps: c.pps, conf: 0.8}
	if c.inherited {
		b.conf = 0.6
	}
	arg1, subjEnd := b.subject()
	b.rel = b.relation(subjEnd)
	if c.obj == nil && len(c.pps) == 0 && c.comp < 0 {
		if o := st.sharedObject(c.vg.Main); o != nil {
			b.c.obj = o // "traders buy and sell large amounts of stocks"
			b.conf *= 0.8
		}
	}
	switch {
	case c.comp >= 0:
		b.reported()
	case b.c.obj != nil:
		b.objects()
	case len(b.pps) > 0:
		b.preposition()
	default:
		b.complement()
	}
	b.rest()
	if lead := leadingAdverbial(b.toks, c); lead != "" {
		b.args = append(b.args, lead)
	}
	if len(b.args) == 0 || b.args[0] == "" {
		return Tuple{}, false // a subject and verb alone score nothing and say little
	}
	return Tuple{Relation: b.rel, Args: append([]string{arg1}, b.args...), Confidence: b.conf}, true
}

// tupleBuilder puts together the open IE tuple of one clause.
type tupleBuilder struct {
	st   *docState
	toks []Token
	c    clause
	rel  string
	args []string
	pps  []prepPhrase // prepositional arguments not yet placed
	conf float64
}

// subject returns the tuple's first argument and where it ends. It
// reaches up to the verb when only noun phrase material lies between ("A
// seat in the Soyuz costs"), and takes the modifiers the tree hangs on its
// head ("the population of the city boomed").
func (b *tupleBuilder) subject() (string, int) {
	c, toks := b.c, b.toks
	subjEnd := c.subj.To
	if !c.inherited && c.subj.To <= c.vg.From && nounMaterial(toks[c.subj.To:c.vg.From]) {
		subjEnd = c.vg.From
	}
	if !c.inherited {
		subjEnd = max(subjEnd, b.st.argEnd(c.subj, c.vg.From))
	}
	return joinTokens(toks, c.subj.From, subjEnd), subjEnd
}

// nounMaterial reports tokens that can all belong to a noun phrase.
func nounMaterial(toks []Token) bool {
	for _, t := range toks {
		if !(isNounTag(t.Tag) || isAdjTag(t.Tag) || t.Tag == "DT" || t.Tag == "IN" || t.Tag == "CD" || t.Tag == "POS" || t.Tag == "PRP$") {
			return false
		}
	}
	return true
}

// relation is the verb group with the adverbs just before it ("often
// refers to", "also suggests").
func (b *tupleBuilder) relation(subjEnd int) string {
	from := b.c.vg.From
	for from > subjEnd && b.toks[from-1].Tag == "RB" {
		from--
	}
	return joinTokens(b.toks, from, b.c.vg.To)
}

// reported adds what a speech verb reports (and its hearer before it).
func (b *tupleBuilder) reported() {
	c, toks := b.c, b.toks
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
		b.args = append(b.args, joinTokens(toks, c.obj.From, c.obj.To))
	}
	if to > from {
		b.args = append(b.args, joinTokens(toks, from, to))
	}
	b.pps = nil
}

// objects adds the clause's object and second object.
func (b *tupleBuilder) objects() {
	for _, np := range []*nounPhrase{b.c.obj, b.c.obj2} {
		if np != nil {
			b.args = append(b.args, joinTokens(b.toks, np.From, b.st.argEnd(np, len(b.toks))))
		}
	}
}

// preposition adds the first prepositional argument, its preposition
// going into the relation ("flows along").
func (b *tupleBuilder) preposition() {
	pp := b.pps[0]
	b.rel += " " + b.toks[pp.prep].Text
	end := b.st.argEnd(&pp.np, len(b.toks))
	b.args = append(b.args, joinTokens(b.toks, pp.np.From, end))
	b.pps = b.pps[1:]
	for len(b.pps) > 0 && b.pps[0].prep < end {
		b.pps = b.pps[1:]
	}
}

// complement adds what follows a copula or a verb with no object: an
// adjective or adverb with its prepositional phrases, or whatever follows
// up to the clause's end ("was made up of individuals", "ended with
// hardly a scratch").
func (b *tupleBuilder) complement() {
	toks, from := b.toks, b.c.vg.To
	k := from
	for k < len(toks) && (isAdjTag(toks[k].Tag) || toks[k].Tag == "RB" || toks[k].Tag == "VBN") {
		k++
	}
	if k == from {
		if e := clauseTail(toks, from); e > from {
			b.args = append(b.args, joinTokens(toks, from, e))
			b.conf *= 0.8
		}
		return
	}
	for k+1 < len(toks) && toks[k].Tag == "IN" {
		np, ok := nounPhraseAt(toks, k+1)
		if !ok {
			break
		}
		k = np.To
	}
	b.args = append(b.args, joinTokens(toks, from, k))
}

// rest adds the prepositional arguments after the object; an infinitive
// after the object belongs with it ("the first woman to land a jump",
// "invited Putin to join him").
func (b *tupleBuilder) rest() {
	toks, limit := b.toks, len(b.toks)
	covered := b.c.vg.To
	if obj := b.c.obj; obj != nil {
		covered = b.st.argEnd(obj, limit)
		if covered+1 < limit && toks[covered].Tag == "TO" && toks[covered+1].Tag == "VB" {
			end := clauseTail(toks, covered)
			b.args[len(b.args)-1] = joinTokens(toks, obj.From, end)
			covered = end
		}
	}
	for _, pp := range b.pps {
		if pp.prep < covered {
			continue // already inside the extended object
		}
		end := b.st.argEnd(&pp.np, limit)
		b.args = append(b.args, joinTokens(toks, pp.prep, end))
		covered = end
	}
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
