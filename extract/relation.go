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
	// comp is the first token of a complement clause ("that ..."), or -1.
	comp int
	end  int // last token (exclusive) of the clause's own material
	// embedded is set for a clause inside a speech verb's complement.
	embedded bool
	// irrealis marks what the text does not assert: questions ("asked if
	// Putin would join"), conditionals and modal guesses ("could be").
	irrealis bool
}

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

// findClauses finds the clauses of sentence si.
func (st *docState) findClauses(si int) []clause {
	toks := st.sents[si].Tokens
	us := st.unitsOf(si)
	var out []clause
	main := -1     // index in out of the last finite clause not embedded
	compFrom := -1 // start of the first speech complement seen
	for ui, u := range us {
		if u.kind != uVG {
			continue
		}
		c := clause{vg: u.vg, comp: -1}
		c.embedded = compFrom >= 0 && u.from >= compFrom
		var lastMain *clause
		if main >= 0 {
			lastMain = &out[main]
		}
		prevTok := "" // "" at the start of the sentence
		if ui > 0 {
			prevTok = "?" // after a noun phrase or verb: "following the saga"
			if us[ui-1].kind == uTok {
				prevTok = strings.ToLower(toks[us[ui-1].from].Text)
			}
		}
		switch {
		case u.vg.NonFinite && toks[u.vg.From].Tag != "TO":
			switch prevTok {
			case "after", "before", "by", "while", "since", "when", "without", "despite":
				// "Moscow had not received a response after reaching out":
				// the subject of the clause the phrase attaches to
				for k := len(out) - 1; k >= 0; k-- {
					if !out[k].vg.NonFinite && out[k].subj != nil {
						c.subj, c.inherited, c.embedded = out[k].subj, true, out[k].embedded
						break
					}
				}
			case ",", "":
				// "..., inviting Putin": the subject of the main clause
				if lastMain != nil && lastMain.subj != nil {
					c.subj, c.inherited = lastMain.subj, true
					c.embedded = false
				}
			}
		case u.vg.NonFinite:
			// "to join him": an infinitive complement, not a clause of its own
			continue
		default:
			// the clause a coordinated verb continues: the last finite one
			// with a subject, not an -ing modifier ("investors including X")
			var prev *clause
			for k := len(out) - 1; k >= 0; k-- {
				if !out[k].vg.NonFinite && out[k].subj != nil {
					prev = &out[k]
					break
				}
			}
			if prev != nil && prev.embedded && !c.embedded {
				prev = lastMain
			}
			c.subj, c.inherited = st.findSubject(si, us, ui, prev)
			if c.inherited && lastMain != nil && speechVerbs[toks[u.vg.Main].Lemma] && speechVerbs[toks[lastMain.vg.Main].Lemma] {
				// "said X, but on Tuesday said that Y": both are the speaker's
				c.subj, c.embedded = lastMain.subj, false
			}
		}
		c.irrealis = isIrrealis(toks, us, ui, c.subj)
		st.fillObjects(toks, us, ui, &c)
		out = append(out, c)
		if c.comp >= 0 && compFrom < 0 {
			compFrom = c.comp
		}
		if !u.vg.NonFinite && !c.embedded {
			main = len(out) - 1
		}
	}
	return out
}

// isIrrealis reports clauses the writer does not assert: after "if",
// "whether" or a wh-word, and with a modal of possibility.
func isIrrealis(toks []Token, us []unit, ui int, subj *nounPhrase) bool {
	vg := us[ui].vg
	for k := vg.From; k < vg.To; k++ {
		switch toks[k].Lower {
		case "would", "could", "might", "may", "should", "'d":
			return true
		}
	}
	start := vg.From
	if subj != nil && subj.From < start {
		start = subj.From
	}
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		switch toks[k].Lower {
		case "if", "whether", "what", "how", "why", "unless":
			return true
		}
		if toks[k].Text != "," && toks[k].Tag != "RB" {
			break
		}
	}
	return false
}

// findSubject walks left from verb group ui to its subject.
func (st *docState) findSubject(si int, us []unit, ui int, prev *clause) (*nounPhrase, bool) {
	toks := st.sents[si].Tokens
	for k := ui - 1; k >= 0; k-- {
		u := us[k]
		switch u.kind {
		case uVG:
			return nil, false
		case uTok:
			t := toks[u.from]
			low := t.Lower
			switch {
			case t.Tag == "RB" || t.Tag == "RBR":
				continue
			case t.Tag == "IN" && k+1 < ui && isTimeUnit(toks, us, k+1):
				continue // "on Tuesday"
			case t.Tag == "CC":
				// "... and asked": the subject of the previous clause, unless
				// the coordination joins infinitives ("to start or listen")
				if k > 0 && us[k-1].kind == uVG && us[k-1].vg.NonFinite {
					return nil, false
				}
				if prev != nil && prev.subj != nil {
					return prev.subj, true
				}
				return nil, false
			case (t.Tag == "WDT" || t.Tag == "WP") && k == ui-1:
				// "users who want": the noun phrase before the pronoun
				for j := k - 1; j >= 0 && j >= k-2; j-- {
					if us[j].kind == uNP {
						np := us[j].np
						return &np, false
					}
				}
				return nil, false
			case low == ",":
				// apposition: "Paul Davison, a former Google engineer, said"
				if j := appositionBefore(toks, us, k); j >= 0 {
					np := us[j].np
					return &np, false
				}
				continue
			}
			return nil, false
		case uNP:
			if isTimeNP(toks, u.np) {
				continue
			}
			if k > 0 && us[k-1].kind == uVG {
				return nil, false // the object of an earlier verb
			}
			switch strings.ToLower(toks[u.np.Head].Text) {
			case "him", "her", "them", "me", "us":
				return nil, false
			}
			if k > 0 && us[k-1].kind == uTok && toks[us[k-1].from].Tag == "IN" && !isSubordinator(toks[us[k-1].from].Text) {
				// object of a preposition: skip the phrase and its preposition
				k--
				continue
			}
			if k > 1 && us[k-1].kind == uTok && toks[us[k-1].from].Tag == "CC" && us[k-2].kind == uNP {
				// "Tesla and SpaceX CEO Elon Musk" is one phrase when a title joins it
				for _, m := range st.mentions[si] {
					if !m.inTitle && m.kind == nameMention && m.to == u.np.To && m.npFrom <= us[k-2].from {
						np := u.np
						np.From = us[k-2].from
						return &np, false
					}
				}
				// coordinated subjects "Musk and Putin": skip when the whole is
				// inside a prepositional phrase, else take no side
				j := k - 2
				if j > 0 && us[j-1].kind == uTok && toks[us[j-1].from].Tag == "IN" {
					k = j - 1
					continue
				}
				// "..., and the fight ended": the earlier phrase ends another
				// clause (it follows a verb, a preposition or a comma)
				if j > 0 && (us[j-1].kind == uVG || us[j-1].kind == uTok && (toks[us[j-1].from].Tag == "IN" || toks[us[j-1].from].Text == ",")) || toks[us[k-1].from].Text == "but" || toks[us[k-1].from].Text == "yet" {
					np := u.np
					return &np, false
				}
				return nil, false
			}
			np := u.np
			return &np, false
		}
	}
	return nil, false
}

// appositionBefore handles "HOST, a/the ..., VERB": from the comma at unit
// k it finds the previous comma; if what lies between opens with an
// article, the noun phrase before that comma is the host.
func appositionBefore(toks []Token, us []unit, k int) int {
	for j := k - 1; j >= 1 && j >= k-12; j-- {
		if us[j].kind == uVG {
			return -1
		}
		if us[j].kind != uTok || toks[us[j].from].Text != "," {
			continue
		}
		if us[j+1].kind != uNP {
			return -1
		}
		d := strings.ToLower(toks[us[j+1].np.From].Text)
		if d != "a" && d != "an" && d != "the" {
			return -1
		}
		if us[j-1].kind == uNP && (j < 2 || us[j-2].kind != uTok || toks[us[j-2].from].Tag != "IN") {
			return j - 1
		}
		return -1
	}
	return -1
}

// appositionHost returns the unit index of the noun phrase that the
// appositive at unit k describes: "HOST , APPOSITIVE ,".
func appositionHost(toks []Token, us []unit, k int) int {
	if k < 2 || us[k-1].kind != uTok || toks[us[k-1].from].Text != "," || us[k-2].kind != uNP {
		return -1
	}
	d := strings.ToLower(toks[us[k].np.From].Text)
	if d != "a" && d != "an" && d != "the" {
		return -1
	}
	return k - 2
}

func isTimeUnit(toks []Token, us []unit, k int) bool {
	return k >= 0 && us[k].kind == uNP && isTimeNP(toks, us[k].np)
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

func isSubordinator(w string) bool {
	switch strings.ToLower(w) {
	case "that", "because", "if", "whether", "although", "though", "while", "since", "as", "after", "before", "when", "until", "unless":
		return true
	}
	return false
}

// fillObjects reads the objects and prepositional phrases after the verb.
func (st *docState) fillObjects(toks []Token, us []unit, ui int, c *clause) {
	k := ui + 1
	c.end = us[ui].to
	speech := speechVerbs[toks[c.vg.Main].Lemma]
	for k < len(us) {
		u := us[k]
		if u.kind == uNP {
			if isTimeNP(toks, u.np) {
				k++
				continue
			}
			np := u.np
			switch {
			case c.obj == nil && len(c.pps) == 0:
				c.obj = &np
			case c.obj2 == nil && len(c.pps) == 0 && !speech:
				c.obj2 = &np
			case speech:
				c.comp = np.From // "told reporters they had not received"
				return
			default:
				return
			}
			c.end = u.to
			k++
			continue
		}
		if u.kind != uTok {
			break
		}
		t := toks[u.from]
		low := t.Lower
		if t.Tag == "RB" {
			k++
			continue
		}
		if speech && (low == "that" || low == ":" || low == ",") {
			c.comp = u.to
			return
		}
		if (t.Tag == "IN" || t.Tag == "TO") && low != "that" && low != "if" && low != "whether" && low != "because" && low != "though" && low != "although" && k+1 < len(us) && us[k+1].kind == uNP {
			np := us[k+1].np
			c.pps = append(c.pps, prepPhrase{prep: u.from, np: np})
			c.end = np.To
			k += 2
			continue
		}
		break
	}
	if speech && k < len(us) && us[k].kind == uNP {
		c.comp = us[k].from
	}
	// "said the matter was closed": the object noun phrase starts the
	// reported clause when a verb follows it directly
	if speech && c.comp < 0 && c.obj != nil && len(c.pps) == 0 && k < len(us) && us[k].kind == uVG {
		c.comp = c.obj.From
		c.obj = nil
	}
}

// npEntity returns the entity a noun phrase of sentence si refers to, if any.
func (st *docState) npEntity(si int, np *nounPhrase) *docEntity {
	if np == nil {
		return nil
	}
	for _, m := range st.mentions[si] {
		if m.ent != nil && np.Head >= m.from && np.Head < m.to && !m.inTitle {
			return m.ent
		}
	}
	if np.Possessor != nil && proxyNouns[strings.ToLower(st.sents[si].Tokens[np.Head].Text)] {
		return st.npEntity(si, np.Possessor)
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
		for _, c := range cs {
			if inSpans(quotes, toks[c.vg.Main].Start) {
				continue
			}
			lemma := toks[c.vg.Main].Lemma
			if speechVerbs[lemma] && (c.comp >= 0 || c.obj == nil && len(c.pps) == 0 || lemma == "say") {
				continue // reported speech: see quote.go ("said in a statement" says nothing)
			}
			if c.irrealis {
				continue
			}
			st.clauseFact(si, c, hedged || c.embedded)
		}
		st.nominalFacts(si)
	}
}

func (st *docState) clauseFact(si int, c clause, hedged bool) {
	toks := st.sents[si].Tokens
	subj := st.npEntity(si, c.subj)
	if subj == nil {
		st.attributeFact(si, c)
		return
	}
	main := toks[c.vg.Main]
	conf := 0.8
	if c.inherited {
		conf = 0.7
	}
	if hedged {
		conf *= 0.9
	}
	negated := c.vg.Negated
	words := []string{}
	for i, l := range c.vg.Chain {
		if i == 0 && (l == "fail" || l == "refuse" || l == "decline") {
			negated = !negated
			continue
		}
		words = append(words, l, "to")
	}
	if main.Lemma == "be" && !c.vg.Passive {
		st.copulaFact(si, c, subj, conf, negated)
		return
	}
	// the clause's dates may follow its objects: "invited Putin for a
	// chat last month"
	f := pendingFact{subj: subj, negated: negated, sent: si, rule: "relation.clause", conf: conf, spanFrom: c.vg.From, spanTo: clauseTail(toks, c.end)}
	if c.subj != nil && c.subj.From < f.spanFrom {
		f.spanFrom = c.subj.From
	}
	pps := c.pps
	if c.vg.Passive {
		// "Clubhouse has been developed by Paul Davison"
		for i, pp := range pps {
			if strings.EqualFold(toks[pp.prep].Text, "by") {
				if agent := st.npEntity(si, &pp.np); agent != nil {
					f.subj, f.obj = agent, subj
					f.pred = lowerCamel(append(words, main.Lemma)...)
					f.rule = "relation.passive"
					f.args = st.ppArgs(si, append(append([]prepPhrase{}, pps[:i]...), pps[i+1:]...))
					st.add(f)
				}
				return
			}
		}
		// no agent: "is valued at $1 billion" → valuedAt
		if len(pps) == 0 {
			return
		}
		pred := append(words, strings.ToLower(main.Text), toks[pps[0].prep].Text)
		f.pred = lowerCamel(pred...)
		if !st.setObject(si, &f, &pps[0].np) {
			return
		}
		f.rule = "relation.passive"
		f.args = st.ppArgs(si, pps[1:])
		st.add(f)
		return
	}
	verb := append(words, main.Lemma)
	if c.vg.Particle >= 0 {
		verb = append(verb, toks[c.vg.Particle].Text)
	}
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
	if !st.setObject(si, &f, obj) {
		return
	}
	f.args = st.ppArgs(si, pps)
	st.add(f)
	if f.lit != nil && f.lit.Kind == Text {
		st.examples(si, f, obj)
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

// attributeFact reads "A seat in the Soyuz costs NASA $80 million": when
// the subject is a common noun tied by "in"/"of" to an entity and the
// object is a quantity, the fact is about that entity, with the noun in
// the predicate: (Soyuz, seatCost, $80 million).
func (st *docState) attributeFact(si int, c clause) {
	if c.subj == nil || c.inherited || c.vg.Passive {
		return
	}
	toks := st.sents[si].Tokens
	e := c.subj.To
	if e+1 >= len(toks) || (toks[e].Text != "in" && toks[e].Text != "of") {
		return
	}
	np, ok := nounPhraseAt(toks, e+1)
	if !ok || np.To != c.vg.From {
		return
	}
	ent := st.npEntity(si, &np)
	if ent == nil {
		return
	}
	var q *Literal
	var extra *nounPhrase
	switch {
	case c.obj2 != nil:
		q, extra = st.quantityOf(si, c.obj2), c.obj
	case c.obj != nil:
		q = st.quantityOf(si, c.obj)
	}
	if q == nil {
		return
	}
	f := pendingFact{subj: ent, pred: lowerCamel(singular(toks[c.subj.Head]), toks[c.vg.Main].Lemma), lit: q, negated: c.vg.Negated,
		sent: si, rule: "quantity.attribute", conf: 0.7, spanFrom: c.subj.From, spanTo: c.end}
	if extra != nil {
		f.args = append(f.args, st.ppArg(si, "", extra))
	}
	st.add(f)
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
	if q := st.quantityOf(si, np); q != nil {
		f.lit = q
		return true
	}
	head := toks[np.Head]
	if head.Tag == "PRP" || head.Tag == "EX" || isTimeNP(toks, *np) || head.Tag == "CD" || indefiniteNouns[strings.ToLower(head.Text)] {
		return false
	}
	end := np.To
	for end+1 < len(toks) && toks[end].Lower == "of" {
		next, ok := nounPhraseAt(toks, end+1)
		if !ok {
			break
		}
		end = next.To // "a state of emergency"
	}
	if np.To-np.From > 8 || end-np.From > 12 {
		return false
	}
	f.lit = &Literal{Kind: Text, Text: joinTokens(toks, np.From, end)}
	f.conf *= 0.8
	return true
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
	return pendingArg{prep: prep, text: npText(st.sents[si].Tokens, np), ent: st.npEntity(si, np)}
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
