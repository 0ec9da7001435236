package extract

import (
	"strings"
)

// unit is a chunk of a sentence: a noun phrase, a verb group or one token.
type unit struct {
	kind     unitKind
	from, to int
	np       nounPhrase
	vg       verbGroup
}

type unitKind int

const (
	uTok unitKind = iota
	uNP
	uVG
)

// prepPhrase is a preposition and its noun phrase.
type prepPhrase struct {
	prep int
	np   nounPhrase
}

// clause is a verb group with the subject, objects and prepositional
// phrases found around it by shallow patterns over chunks.
type clause struct {
	vg        verbGroup
	subj      *nounPhrase
	inherited bool // subject taken from the clause this one continues
	obj, obj2 *nounPhrase
	pps       []prepPhrase
	// comp is the first token of a complement clause ("that ..."), or -1;
	// compEnd its end (exclusive) when the clause comes before the verb
	// ("Acme paid the bill, prosecutors said"), else 0: the sentence's end.
	comp, compEnd int
	// infinitive is the "to" clause after the verb's object that says
	// what the object is to do or what the act is for ("urged the
	// White House to name Lee", "halted the program to review it"), or -1.
	infinitive int
	end        int // last token (exclusive) of the clause's own material
	// saidBy is the speech verb whose complement holds the clause, or -1
	// (see embedded).
	saidBy int
	// irrealis marks what the text does not assert: questions ("asked if
	// Putin would join"), conditionals and modal guesses ("could be").
	irrealis bool
}

// embedded reports a clause inside a speech verb's complement: what the
// article only reports someone as saying.
func (c clause) embedded() bool { return c.saidBy >= 0 }

// chunkUnits splits a sentence into noun phrases, verb groups and tokens.
func chunkUnits(toks []Token) []unit {
	us := make([]unit, 0, len(toks)/2+1)
	for i := 0; i < len(toks); {
		if np, ok := nounPhraseAt(toks, i); ok {
			us = append(us, unit{kind: uNP, from: np.From, to: np.To, np: np})
			i = np.To
			continue
		}
		if vg, ok := verbGroupAt(toks, i); ok {
			us = append(us, unit{kind: uVG, from: vg.From, to: vg.To, vg: vg})
			i = vg.To
			continue
		}
		us = append(us, unit{kind: uTok, from: i, to: i + 1})
		i++
	}
	return us
}

// npEntity returns the entity a noun phrase of sentence si refers to, if any.
func (st *docState) npEntity(si int, np *nounPhrase) *docEntity {
	if np == nil {
		return nil
	}
	var named *docEntity
	for _, m := range st.mentions[si] {
		if m.ent == nil || m.kind != nameMention || m.inTitle {
			continue
		}
		if np.Head >= m.npFrom && np.Head < m.from {
			// the head is in the title before a name, "Port Vale chief
			// executive Tom Reyes": the phrase is the titled person
			return m.ent
		}
		if named == nil && np.Head >= m.from && np.Head < m.to {
			named = m.ent
		}
	}
	if named != nil {
		return named
	}
	for _, m := range st.mentions[si] {
		if m.ent != nil && m.kind != nameMention && np.Head >= m.from && np.Head < m.to {
			return m.ent
		}
	}
	if np.Possessor != nil && proxyNouns[strings.ToLower(st.sents[si].Tokens[np.Head].Text)] {
		return st.npEntity(si, np.Possessor)
	}
	return st.governmentOf(si, np)
}

// governmentNouns stand for the country they are the government of.
var governmentNouns = wordSet("government-nouns")

// governmentOf returns the country a government phrase names — "the UK
// government", "the Japanese government", "Britain's government" — or
// nil.
func (st *docState) governmentOf(si int, np *nounPhrase) *docEntity {
	toks := st.sents[si].Tokens
	if np.Head < 0 || np.Head >= len(toks) || !governmentNouns[toks[np.Head].Lower] {
		return nil
	}
	if np.Possessor != nil {
		if e := st.npEntity(si, np.Possessor); e != nil && (e.typ() == Place || places[strings.ToLower(npText(toks, np.Possessor))]) {
			return e
		}
	}
	for k := np.From; k < np.Head; k++ {
		if p, ok := demonyms[toks[k].Lower]; ok {
			return st.placeEntity(p) // "the Japanese government"
		}
		if e := st.entityAt(si, k); e != nil && (e.typ() == Place || places[toks[k].Lower]) {
			return e // "the UK government"
		}
	}
	return nil
}

func npText(toks []Token, np *nounPhrase) string {
	return joinTokens(toks, np.From, np.To)
}

// relationFacts turns clauses into facts: subject entity, verb lemma
// (with particle and preposition), and an entity or literal object.
func (st *docState) relationFacts() {
	for si, cs := range st.clauses {
		st.trace.at(si)
		toks := st.sents[si].Tokens
		quotes := st.quoteSpans(si)
		hedged := false
		for _, t := range toks {
			if hedges[t.Lower] {
				hedged = true
			}
		}
		source, sourced := st.accordingTo(si)
		for _, c := range cs {
			if inSpans(quotes, toks[c.vg.Main].Start) {
				continue
			}
			lemma := toks[c.vg.Main].Lemma
			if st.speaks(si, c.vg.Main) && (c.comp >= 0 || c.obj == nil && len(c.pps) == 0 || lemma == "say") {
				continue // reported speech: see quote.go ("said in a statement" says nothing)
			}
			if st.onlyTold(si, c) {
				continue // "told Reuters": whom the speaker spoke to is no fact; what was said is
			}
			if c.irrealis {
				continue
			}
			// what a speaker says is their claim ("analysts said OPEC
			// would…"); what "it said" is the article's own report, hedged
			var speaker *docEntity
			if c.embedded() {
				speaker = st.speakerOf(si, cs, c.saidBy)
				if speaker == nil && (beliefVerbs[toks[c.saidBy].Lemma] || st.unnameableSpeaker(si, cs, c.saidBy)) {
					continue // "many think …", "one of the executives charged that …": nobody's claim is no fact
				}
			}
			if speaker == nil && sourced {
				if source == nil {
					continue // "according to the latest report": a claim of no one newsgraph can name
				}
				speaker = source
			}
			first := len(st.facts)
			st.clauseFact(si, c, hedged || c.embedded() && speaker == nil)
			for i := first; i < len(st.facts); i++ {
				st.facts[i].attributed = speaker
			}
		}
		st.nominalFacts(si)
	}
}

// accordingTo returns the source a sentence names with "according to"
// outside quotations ("…, according to the sources", "according to a
// report by Acme") and whether it names one: what the sentence says is
// that source's claim. The source is nil when it is no one newsgraph can
// name.
func (st *docState) accordingTo(si int) (*docEntity, bool) {
	toks := st.sents[si].Tokens
	t := st.treeOf(si)
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Lower != "according" || toks[k+1].Lower != "to" || inSpans(st.quoteSpans(si), toks[k].Start) {
			continue
		}
		if t == nil || toks[k].Head < 0 {
			return nil, true
		}
		np := t.phrase(toks[k].Head)
		return st.speakerEntity(si, &np), true
	}
	return nil, false
}

// unnameableSpeaker reports a speech verb v whose speaker newsgraph
// cannot hold: its subject is a phrase that names no one ("one of the top
// executives"), a pronoun no one is found for, or there is none ("…,
// charging that …"); not "it" for the company ("it said"), whose words
// are the article's report.
func (st *docState) unnameableSpeaker(si int, cs []clause, v int) bool {
	for _, c := range cs {
		if c.vg.Main == v && c.subj != nil {
			head := st.sents[si].Tokens[c.subj.Head]
			return head.Tag != "PRP" || head.Lower != "it" // "he said" with no one to be "he"
		}
	}
	return true
}

// speakerOf returns the entity that says what speech verb v reports: the
// subject of v's clause, named or known by role.
func (st *docState) speakerOf(si int, cs []clause, v int) *docEntity {
	for _, c := range cs {
		if c.vg.Main == v && c.subj != nil {
			return st.speakerEntity(si, c.subj)
		}
	}
	return nil
}

// tellingVerbs take the one spoken to as their object (see onlyTold).
var tellingVerbs = wordSet("telling-verbs")

// onlyTold reports a clause that says only whom a speaker spoke to:
// "told Reuters", "informed shareholders at the meeting"; not "told the
// banks to wait" or "warned investors of losses".
func (st *docState) onlyTold(si int, c clause) bool {
	toks := st.sents[si].Tokens
	if !tellingVerbs[toks[c.vg.Main].Lemma] || c.obj == nil || c.obj2 != nil || c.infinitive >= 0 {
		return false
	}
	preps := make([]int, 0, len(c.pps)+2)
	for _, pp := range c.pps {
		if !isTimeNP(toks, pp.np) {
			preps = append(preps, pp.prep) // "told them on Monday": when, not what about
		}
	}
	if t := st.treeOf(si); t != nil {
		for _, k := range t.children(c.obj.Head, "nmod") {
			preps = append(preps, t.child(k, "case")) // "warned investors of losses", read under the object
		}
	}
	for _, p := range preps {
		if p < 0 {
			continue
		}
		switch toks[p].Lower {
		case "of", "about", "on", "against":
			return false
		}
	}
	return true
}

func (st *docState) clauseFact(si int, c clause, hedged bool) {
	toks := st.sents[si].Tokens
	if c.inherited && c.subj != nil && toks[c.subj.Head].Lower == "it" {
		return // "it" stands for a speaker ("…, it said"), not for what another verb did
	}
	subj := st.npEntity(si, c.subj)
	if subj == nil && c.vg.Passive {
		st.agentFact(si, c, hedged)
		return
	}
	if subj == nil {
		st.attributeFact(si, c)
		st.objectAttributeFact(si, c)
		return
	}
	conf := 0.8
	if c.inherited {
		conf = 0.7
	}
	if hedged {
		conf *= 0.9
	}
	words, negated := chainWords(c)
	if toks[c.vg.Main].Lemma == "be" && !c.vg.Passive {
		st.copulaFact(si, c, subj, conf, negated)
		return
	}
	// the clause's dates may follow its objects: "invited Putin for a
	// chat last month"
	f := pendingFact{subj: subj, negated: negated, future: c.vg.Future, sent: si, rule: "relation.clause", conf: conf, spanFrom: c.vg.From, spanTo: clauseTail(toks, c.end)}
	if c.subj != nil && c.subj.From < f.spanFrom {
		f.spanFrom = c.subj.From
	}
	if c.vg.Passive {
		st.passiveFact(si, c, f, words)
		return
	}
	st.activeFact(si, c, f, words)
}

// chainWords returns the predicate words of a clause's verb chain before
// its main verb ("agreed to" in "agreed to establish") and whether the
// clause is negated, a refusal ("declined to comment") or "has yet to"
// counting as a negation.
func chainWords(c clause) ([]string, bool) {
	negated := c.vg.Negated
	words := []string{}
	for i, l := range c.vg.Chain {
		if i == 0 && (refusals[l] || c.vg.YetTo) {
			negated = !negated
			continue
		}
		words = append(words, l, "to")
	}
	return words, negated
}

// passiveFact records a passive clause with an entity subject: turned
// around with its agent ("Clubhouse has been developed by Paul
// Davison"), with the object it keeps ("was handed a ban" → wasHanded),
// or with its preposition in the predicate ("is valued at $1 billion" →
// valuedAt).
func (st *docState) passiveFact(si int, c clause, f pendingFact, words []string) {
	toks := st.sents[si].Tokens
	main := toks[c.vg.Main]
	pps := c.pps
	subj := f.subj
	for i, pp := range pps {
		if !strings.EqualFold(toks[pp.prep].Text, "by") {
			continue
		}
		if agent := st.npEntity(si, &pp.np); agent != nil {
			f.subj, f.obj = agent, subj
			f.pred = lowerCamel(append(words, verbWords(toks, c.vg)...)...)
			f.rule = "relation.passive"
			f.args = st.ppArgs(si, append(append([]prepPhrase{}, pps[:i]...), pps[i+1:]...))
			st.add(f)
		}
		return
	}
	// a passive that keeps an object: "was handed a two-year ban", "has
	// been made an OBE"; an object it cannot keep is the parser's slip
	if kept := st.keptObject(si, c); kept != nil {
		f.pred = lowerCamel("was", strings.ToLower(main.Text))
		if st.setObject(si, &f, kept) {
			f.rule = "relation.passive"
			f.args = st.ppArgs(si, pps)
			st.add(f)
		}
		return
	}
	if c.obj != nil {
		return
	}
	if len(pps) == 0 {
		return
	}
	f.pred = lowerCamel(append(words, strings.ToLower(main.Text), toks[pps[0].prep].Text)...)
	if !st.setObject(si, &f, &pps[0].np) {
		return
	}
	f.rule = "relation.passive"
	f.args = st.ppArgs(si, pps[1:])
	st.add(f)
}

// keptObject returns the object a passive clause c keeps after its verb
// — its object ("was handed a ban") or a noun complement ("was made an
// OBE") — or nil: the verb needs its own passive auxiliary (not a clitic
// "'s", as in "Moody's cited"), no verb chain, and the object must name
// no position (an appointment, read as a role).
func (st *docState) keptObject(si int, c clause) *nounPhrase {
	t := st.treeOf(si)
	if t == nil || len(c.vg.Chain) > 0 {
		return nil
	}
	v := c.vg.Main
	obj := c.obj
	if x := t.child(v, "xcomp"); obj == nil && x > v && t.isNominal(x) && t.child(x, "cop") < 0 {
		np := t.phrase(x)
		obj = &np
	}
	if obj == nil || obj.Head < v || appointee(t, obj.Head) >= 0 {
		return nil
	}
	if a := t.child(v, "aux:pass"); a < 0 || !passiveAux(t.toks[a]) || strings.HasPrefix(t.toks[a].Text, "'") {
		return nil
	}
	return obj
}

// activeFact records an active clause with an entity subject: its object,
// or its first prepositional argument with the preposition in the
// predicate ("invited Putin", "talked to reporters").
func (st *docState) activeFact(si int, c clause, f pendingFact, words []string) {
	toks := st.sents[si].Tokens
	verb := append(words, toks[c.vg.Main].Lemma)
	if c.vg.Particle >= 0 {
		verb = append(verb, toks[c.vg.Particle].Text)
	}
	pps := c.pps
	obj := c.obj
	if obj == nil {
		if len(pps) == 0 {
			return
		}
		verb = append(verb, toks[pps[0].prep].Text)
		obj, pps = &pps[0].np, pps[1:]
	} else if c.obj2 != nil {
		// "costs NASA around $80 million": the quantity is the object
		if q := st.quantityOf(si, c.obj2); q != nil && (q.Kind == Money || st.npEntity(si, c.obj) != nil) {
			f.lit = q
			f.args = append(f.args, st.ppArg(si, "", c.obj))
			f.pred = lowerCamel(verb...)
			f.args = append(f.args, st.ppArgs(si, pps)...)
			st.add(f)
			return
		}
	}
	if c.obj2 != nil && obj == c.obj {
		// "called the invitation a misunderstanding": keep the second object
		pps = append([]prepPhrase{{prep: -1, np: *c.obj2}}, pps...)
	}
	if strings.EqualFold(toks[obj.From].Text, "no") && obj.Head > obj.From {
		// "received no response" → not received a response
		f.negated = !f.negated
		o := *obj
		o.From++
		obj = &o
	}
	f.pred = lowerCamel(verb...)
	f.transfer = transferVerbs[toks[c.vg.Main].Lemma]
	if !st.setObject(si, &f, obj) {
		return
	}
	f.args = st.ppArgs(si, pps)
	if a, ok := st.infinitiveArg(si, c, obj); ok {
		f.args = append(f.args, a)
	}
	if f.lit != nil && f.lit.Kind == Text && f.transfer {
		if a, ok := st.recipientArg(si, obj); ok {
			f.args = append(f.args, a)
		}
	}
	st.add(f)
	if f.lit != nil && f.lit.Kind == Text {
		st.examples(si, f, obj)
	}
}

// maxInfinitiveArg bounds, in tokens, the "to" clause kept as an
// argument; a longer one is left out rather than cut.
const maxInfinitiveArg = 16

// infinitiveArg is clause c's "to" clause after its object obj as an
// argument "to": "urged the White House to name Lee chairman" →
// (Senate Republicans, urge, White House, to: "name Lee chairman").
func (st *docState) infinitiveArg(si int, c clause, obj *nounPhrase) (pendingArg, bool) {
	t := st.treeOf(si)
	k := c.infinitive
	if t == nil || k < 0 || k < obj.To {
		return pendingArg{}, false
	}
	from := t.from[k] + 1 // after "to"
	to := t.untilComma(from, t.to[k])
	if to-from > maxInfinitiveArg || to <= from {
		return pendingArg{}, false
	}
	return pendingArg{prep: "to", text: joinTokens(st.sents[si].Tokens, from, to)}, true
}

// verbWords are verb group vg's main verb and its particle: "call off"
// for "were called off by the union".
func verbWords(toks []Token, vg verbGroup) []string {
	if vg.Particle >= 0 {
		return []string{toks[vg.Main].Lemma, toks[vg.Particle].Lower}
	}
	return []string{toks[vg.Main].Lemma}
}

// agentFact reads a passive whose subject is not an entity but whose
// agent is: "The report was commissioned by Greenfield" → (Greenfield,
// commission, "the report").
func (st *docState) agentFact(si int, c clause, hedged bool) {
	toks := st.sents[si].Tokens
	if c.subj == nil || c.inherited || len(c.vg.Chain) > 0 {
		return
	}
	for _, pp := range c.pps {
		if !strings.EqualFold(toks[pp.prep].Text, "by") {
			continue
		}
		agent := st.npEntity(si, &pp.np)
		if agent == nil {
			return
		}
		conf := 0.7
		if hedged {
			conf *= 0.9
		}
		f := pendingFact{subj: agent, pred: lowerCamel(verbWords(toks, c.vg)...), negated: c.vg.Negated, sent: si,
			rule: "relation.passive", conf: conf, spanFrom: c.subj.From, spanTo: clauseTail(toks, c.end)}
		if !st.setObject(si, &f, c.subj) {
			return
		}
		st.add(f)
		return
	}
}

// examples reads "hosted high-profile users including Mark Zuckerberg and
// Oprah Winfrey": the named examples are objects of the verb too.
func (st *docState) examples(si int, f pendingFact, obj *nounPhrase) {
	toks := st.sents[si].Tokens
	k := obj.To
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	switch {
	case k < len(toks) && toks[k].Lower == "including":
		k++
	case k+1 < len(toks) && toks[k].Lower == "such" && toks[k+1].Lower == "as":
		k += 2
	default:
		return
	}
	for k < len(toks) {
		np, ok := nounPhraseAt(toks, k)
		if !ok {
			return
		}
		if e := st.npEntity(si, &np); e != nil {
			g := f
			g.obj, g.lit, g.args = e, nil, nil
			g.rule, g.conf = "relation.example", f.conf*0.9
			st.add(g)
		}
		k = np.To
		if k < len(toks) && (toks[k].Text == "," || toks[k].Lower == "and" || toks[k].Lower == "or") {
			k++
			continue
		}
		return
	}
}

// copulaFact records "X is a Y" as X isA "Y" when Y is a description.
func (st *docState) copulaFact(si int, c clause, subj *docEntity, conf float64, negated bool) {
	if c.obj == nil {
		return
	}
	toks := st.sents[si].Tokens
	d := strings.ToLower(toks[c.obj.From].Text)
	if d != "a" && d != "an" || st.npEntity(si, c.obj) != nil {
		return
	}
	if c.obj.From > 0 && toks[c.obj.From-1].Tag == "IN" {
		return // "the EC is in a severe crisis": where it is, not what
	}
	end := c.obj.To
	txt := joinTokens(toks, c.obj.From+1, end)
	f := pendingFact{subj: subj, pred: "isA", lit: &Literal{Kind: Text, Text: txt}, negated: negated, sent: si,
		rule: "relation.copula", conf: conf * 0.9, spanFrom: c.vg.From, spanTo: end}
	st.add(f)
}

// setObject fills f's object from a noun phrase: an entity, a quantity,
// or, for a short common noun phrase, its text.
func (st *docState) setObject(si int, f *pendingFact, np *nounPhrase) bool {
	toks := st.sents[si].Tokens
	if e := st.npEntity(si, np); e != nil {
		f.obj = e
		return true
	}
	head := toks[np.Head]
	// an amount that stops short of the phrase's head measures only a
	// modifier: "3,100 new supplier jobs", "a $5m contract" are things
	if q := st.quantityOf(si, np); q != nil && strings.Contains(q.Text, head.Text) {
		// a bare count ("rejected two") or a frequency ("nine times") is
		// not what the verb acts on
		if q.Kind == Number && (q.Unit == "" || q.Unit == "times") {
			return false
		}
		f.lit = q
		return true
	}
	if head.Tag == "PRP" || head.Tag == "EX" || isTimeNP(toks, *np) || head.Tag == "CD" || indefiniteNouns[strings.ToLower(head.Text)] {
		return false
	}
	if head.Tag == "WDT" || head.Tag == "WP" || head.Tag == "DT" && np.To-np.From == 1 {
		return false // "which", "what", a bare "that": the object is elsewhere
	}
	end := ofChainEnd(toks, np.To) // "a state of emergency"
	if ext := st.objectModifiersEnd(si, np, end, f.transfer); ext-np.From <= 12 {
		end = ext // not when the tree hung a long phrase there
	}
	if np.To-np.From > 8 || end-np.From > 12 {
		return false
	}
	if t := st.treeOf(si); t != nil {
		if ext := t.complementEnd(np.Head, end); ext-np.From <= maxComplementObject {
			end = ext // "its willingness to negotiate with Norland"
		}
	}
	f.lit = &Literal{Kind: Text, Text: joinTokens(toks, np.From, end)}
	f.conf *= 0.8
	return true
}

// objectModifiersEnd extends a text object ending at end by the
// prepositional phrases the tree hangs on its head right after it: "a
// controlling stake in Telerate", "an agreement with Cable and Wireless".
// What the phrase is of, in or with is part of what it names; when it
// happened ("on Monday") is not.
func (st *docState) objectModifiersEnd(si int, np *nounPhrase, end int, transfer bool) int {
	t := st.treeOf(si)
	if t == nil || np.Head < 0 || np.Head >= len(t.toks) {
		return end
	}
	if transfer {
		if k := st.recipientUnder(si, np.Head); k >= 0 && t.child(k, "case") == end {
			return end // "fed information [to Elgindy]": whom it went to is no part of it
		}
	}
	return t.modifiersEnd(st.sents[si].Tokens, np.Head, end, 0)
}

// transferVerbs hand their object to someone (see recipientUnder).
var transferVerbs = wordSet("transfer-verbs")

// recipientUnder returns the "to" phrase the tree hangs on object head
// h that names a person or an organisation — the one the act is for or
// goes to ("fed information to Elgindy", "sold its stake to Acme"), hung
// on the object by the parser — or -1.
func (st *docState) recipientUnder(si, h int) int {
	t := st.treeOf(si)
	for _, k := range t.children(h, "nmod") {
		c := t.child(k, "case")
		if c < h || t.toks[c].Lower != "to" {
			continue
		}
		np := t.phrase(k)
		if e := st.npEntity(si, &np); e != nil && (e.typ() == Person || e.typ() == Organization) {
			return k
		}
	}
	return -1
}

// recipientArg is the argument "to" of clause object obj's recipient
// (see recipientUnder), when obj is read as text.
func (st *docState) recipientArg(si int, obj *nounPhrase) (pendingArg, bool) {
	if st.treeOf(si) == nil || obj.Head < 0 {
		return pendingArg{}, false
	}
	k := st.recipientUnder(si, obj.Head)
	if k < 0 {
		return pendingArg{}, false
	}
	np := st.treeOf(si).phrase(k)
	return st.ppArg(si, "to", &np), true
}

// maxComplementObject bounds, in tokens, a text object that takes in
// its noun's complement clause.
const maxComplementObject = 20

// complementEnd extends a text object ending at end by the clause that
// completes its noun, right after it: "its willingness to negotiate
// with Norland", "the perception that Acme was retreating". Without it
// the object says nothing ("reiterated its willingness"). A relative
// clause describes the noun and is not taken.
func (t *tree) complementEnd(h, end int) int {
	for _, k := range t.kids[h] {
		if k <= h || t.toks[k].Rel != "acl" || t.from[k] != end {
			continue
		}
		if m := t.child(k, "mark"); m >= 0 && (t.toks[m].Lower == "to" || t.toks[m].Lower == "that") {
			return t.untilComma(end, t.to[k])
		}
	}
	return end
}

// untilComma ends a span [from, to) at its first comma: what a clause's
// subtree holds after one is seldom the clause's own ("a candidate to
// replace Lee, according to sources").
func (t *tree) untilComma(from, to int) int {
	for k := from; k < to; k++ {
		if t.toks[k].Text == "," {
			return k
		}
	}
	return to
}

// modifiersEnd is objectModifiersEnd below head h, depth phrases deep.
func (t *tree) modifiersEnd(toks []Token, h, end, depth int) int {
	if depth > 3 {
		return end
	}
	for _, k := range t.kids[h] {
		if k <= h || t.toks[k].Rel != "nmod" {
			continue
		}
		c := t.child(k, "case")
		if c != end || !objectPrepositions[t.toks[c].Lower] {
			continue
		}
		np := t.phrase(k)
		if isTimeNP(toks, np) || np.To <= c {
			continue
		}
		end = t.modifiersEnd(toks, k, max(t.conjunctsEnd(k, np.To), k+1), depth+1)
	}
	return end
}

// conjunctsEnd returns the end of phrase head k's conjuncts that follow
// its phrase, ending at end, with nothing between but a conjunction or a
// comma ("for medium and long-term export contracts", "in the Singapore
// and Malaysian markets"), or end.
func (t *tree) conjunctsEnd(k, end int) int {
	for _, c := range t.children(k, "conj") {
		if c < end {
			continue
		}
		pc := t.phrase(c)
		for j := end; j < pc.From; j++ {
			if t.toks[j].UPOS != "CCONJ" && t.toks[j].Text != "," {
				return end
			}
		}
		end = pc.To
	}
	return end
}

func (st *docState) ppArgs(si int, pps []prepPhrase) []pendingArg {
	var out []pendingArg
	toks := st.sents[si].Tokens
	for _, pp := range pps {
		if isTimeNP(toks, pp.np) {
			continue
		}
		prep := ""
		if pp.prep >= 0 {
			prep = toks[pp.prep].Lower
		}
		out = append(out, st.ppArg(si, prep, &pp.np))
	}
	return out
}

func (st *docState) ppArg(si int, prep string, np *nounPhrase) pendingArg {
	toks := st.sents[si].Tokens
	ent := st.npEntity(si, np)
	text := npText(toks, np)
	if end := ofChainEnd(toks, np.To); ent == nil && end > np.To && end-np.From <= maxArgWords {
		text = joinTokens(toks, np.From, end) // "as:one of the most important markets"
	}
	return pendingArg{prep: prep, text: text, ent: ent}
}

// maxArgWords bounds an argument that goes on through "of".
const maxArgWords = 10

// ofChainEnd returns the end of the "of" phrases that follow a noun
// phrase ending at end ("a state of emergency", "one of the largest
// markets"), or end.
func ofChainEnd(toks []Token, end int) int {
	for end+1 < len(toks) && toks[end].Lower == "of" {
		next, ok := nounPhraseAt(toks, end+1)
		if !ok {
			break
		}
		end = next.To
	}
	return end
}

// nominalFacts reads event nouns: "Elon Musk's invitation to Vladimir
// Putin" and "an invitation from X for Y" give (agent, invite, recipient).
func (st *docState) nominalFacts(si int) {
	toks := st.sents[si].Tokens
	if st.skipSentence(si) {
		return
	}
	us := st.unitsOf(si)
	quotes := st.quoteSpans(si)
	for ui, u := range us {
		if u.kind != uNP {
			continue
		}
		verb, ok := eventNounVerbs[strings.ToLower(toks[u.np.Head].Text)]
		if !ok || inSpans(quotes, toks[u.np.Head].Start) {
			continue
		}
		var agent, patient *docEntity
		end := u.to
		if u.np.Possessor != nil {
			agent = st.npEntity(si, u.np.Possessor)
		}
		for k := ui + 1; k+1 < len(us) && k <= ui+4; k += 2 {
			if us[k].kind != uTok || us[k+1].kind != uNP {
				break
			}
			prep := strings.ToLower(toks[us[k].from].Text)
			np := us[k+1].np
			e := st.npEntity(si, &np)
			switch prep {
			case "from", "by":
				if agent == nil {
					agent = e
				}
			case "to", "for":
				if patient == nil {
					patient = e
				}
			default:
				k = len(us)
				continue
			}
			end = np.To
		}
		if agent != nil && patient != nil && agent != patient {
			st.add(pendingFact{subj: agent, obj: patient, pred: verb, sent: si, rule: "relation.nominal", conf: 0.7, spanFrom: u.from, spanTo: end})
		}
	}
}

func isTimeNP(toks []Token, np nounPhrase) bool {
	if timeNouns[toks[np.Head].Lower] {
		return true
	}
	// "February 14", "14 February 2021"
	for k := np.From; k < np.To; k++ {
		if monthNames[strings.TrimSuffix(toks[k].Lower, ".")] != 0 && toks[k].Text != toks[k].Lower {
			return true
		}
	}
	return false
}
