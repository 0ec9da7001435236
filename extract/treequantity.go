package extract

// Quantities said of something an entity owns: "eBay's net profit rose
// 44% to $205.4m", "shares in Acme fell 9.8%", "a seat in the Soyuz costs
// $80 million". The fact is about the owner, with the measured noun in
// the predicate: (eBay, profitRise, 44 percent) with the other amounts
// as arguments ("to" $205.4m).

// measuredNouns are what an entity has in numbers ("profit", "shares");
// measureVerbs state or change an amount ("rose", "stood at").
var (
	measuredNouns = wordSet("measured-nouns")
	measureVerbs  = wordSet("measure-verbs")
	// changeVerbs change an amount someone has: "cut its stake to 49%".
	changeVerbs = wordSet("change-verbs")
)

// attributeFact records the quantity of clause c, whose subject is a
// measured noun belonging to an entity, with a measure verb.
func (st *docState) attributeFact(si int, c clause) {
	if c.subj == nil || c.inherited || c.vg.Passive || len(c.vg.Chain) > 0 {
		return
	}
	toks := st.sents[si].Tokens
	if head := toks[c.subj.Head]; !isNounTag(head.Tag) || head.Tag == "NNP" || head.Tag == "NNPS" || !measuredNouns[singular(head)] || !measureVerbs[toks[c.vg.Main].Lemma] {
		return
	}
	owner := st.ownerOf(si, c.subj)
	if owner == nil {
		return
	}
	q, prep, rest := st.clauseQuantity(si, c)
	if q == nil {
		return
	}
	pred := []string{singular(toks[c.subj.Head]), toks[c.vg.Main].Lemma}
	if prep != "" {
		pred = append(pred, prep)
	}
	f := pendingFact{subj: owner, pred: lowerCamel(pred...), lit: q, negated: c.vg.Negated,
		sent: si, rule: "quantity.attribute", conf: 0.7, spanFrom: c.subj.From, spanTo: c.end}
	if c.obj2 != nil && c.obj != nil {
		f.args = append(f.args, st.ppArg(si, "", c.obj)) // "costs NASA $80 million"
	}
	f.args = append(f.args, st.ppArgs(si, rest)...)
	st.add(f)
}

// objectAttributeFact records the new amount of what clause c changes
// when its object is a measured noun belonging to an entity: "Iran's
// parliament voted to cut Turkcell's stake from 70% to 49%" →
// (Turkcell, stakeCutTo, 49 percent) with "from" 70% as an argument.
func (st *docState) objectAttributeFact(si int, c clause) {
	toks := st.sents[si].Tokens
	if c.obj == nil || c.vg.Passive || !changeVerbs[toks[c.vg.Main].Lemma] {
		return
	}
	if head := toks[c.obj.Head]; !isNounTag(head.Tag) || head.Tag == "NNP" || head.Tag == "NNPS" || !measuredNouns[singular(head)] {
		return
	}
	owner := st.ownerOf(si, c.obj)
	if owner == nil {
		return
	}
	pps := append(st.amountsUnder(si, c.obj.Head), c.pps...)
	for _, pp := range c.pps {
		pps = append(pps, st.amountsUnder(si, pp.np.Head)...) // "stake in a new network from 70% to 49%"
	}
	for i, pp := range pps {
		prep := toks[pp.prep].Lower
		q := st.quantityOf(si, &pp.np)
		if q == nil || prep != "to" && prep != "by" {
			continue
		}
		rest := append(append([]prepPhrase{}, pps[:i]...), pps[i+1:]...)
		st.add(pendingFact{subj: owner, pred: lowerCamel(singular(toks[c.obj.Head]), toks[c.vg.Main].Lemma, prep), lit: q,
			negated: c.vg.Negated, sent: si, rule: "quantity.attribute", conf: 0.7, spanFrom: c.vg.From, spanTo: c.end,
			args: st.ppArgs(si, rest)})
		return
	}
}

// amountsUnder returns the amounts the parser hung anywhere under head
// h with an amount preposition: "rose 44% to $205.4m from $142m", "stake
// in the network from 70% to 49%".
func (st *docState) amountsUnder(si, h int) []prepPhrase {
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	var out []prepPhrase
	for k := t.from[h]; k < t.to[h]; k++ {
		if k == h || baseRel(t.toks[k].Rel) != "nmod" {
			continue
		}
		if cs := t.child(k, "case"); cs >= 0 && amountPrepositions[t.toks[cs].Lower] {
			out = append(out, prepPhrase{prep: cs, np: t.phrase(k)})
		}
	}
	return out
}

// clauseQuantity returns the clause's first quantity — its second
// object, its object, or a prepositional argument — with the preposition
// that introduced it and the other arguments.
func (st *docState) clauseQuantity(si int, c clause) (*Literal, string, []prepPhrase) {
	for _, np := range []*nounPhrase{c.obj2, c.obj} {
		if np == nil {
			continue
		}
		if q := st.quantityOf(si, np); q != nil {
			return q, "", append(st.amountsUnder(si, np.Head), c.pps...)
		}
	}
	toks := st.sents[si].Tokens
	for i := range c.pps {
		if q := st.quantityOf(si, &c.pps[i].np); q != nil {
			rest := append(append([]prepPhrase{}, c.pps[:i]...), c.pps[i+1:]...)
			return q, toks[c.pps[i].prep].Lower, rest
		}
	}
	return nil, "", nil
}

// ownerOf returns the entity a common-noun phrase belongs to: its
// possessor ("eBay's profit"), a name inside it ("eBay shares"), or a
// name after "of", "in" or "at" ("shares in Acme").
func (st *docState) ownerOf(si int, np *nounPhrase) *docEntity {
	if np.Possessor != nil {
		if e := st.npEntity(si, np.Possessor); e != nil {
			return e
		}
	}
	toks := st.sents[si].Tokens
	for k := np.From; k < np.Head; k++ {
		if e := st.entityAt(si, k); e != nil {
			return e
		}
	}
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	for _, k := range t.children(np.Head, "nmod") {
		cs := t.child(k, "case")
		if cs < 0 || !ownerPrepositions[toks[cs].Lower] {
			continue
		}
		p := t.phrase(k)
		if e := st.npEntity(si, &p); e != nil {
			return e
		}
	}
	return nil
}

// entityAt returns the entity of the name mention covering token k.
func (st *docState) entityAt(si, k int) *docEntity {
	for _, m := range st.mentions[si] {
		if m.ent != nil && k >= m.from && k < m.to && m.kind == nameMention {
			return m.ent
		}
	}
	return nil
}
