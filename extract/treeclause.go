package extract

import "sort"

// Clauses are read off the dependency tree: every verb, and every noun or
// adjective with a copula, is a predicate; its subject, objects and
// prepositional arguments are its dependents. What the tree leaves
// implicit — the subject of a coordinated verb, of "agreed to establish",
// of a relative or participial clause — is taken from the clause it
// belongs to.

// maxConjuncts bounds the facts one clause gives for coordinated
// subjects or objects.
const maxConjuncts = 6

// treeClauses returns the clauses of sentence si in the order of their
// verbs.
func (st *docState) treeClauses(si int) []clause {
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	b := clauseBuilder{t: t, subj: map[int]subjectOf{}, person: func(k int) bool {
		e := st.entityAt(si, k)
		return e != nil && e.typ() == Person
	}, oneName: func(a, k int) bool {
		ea := st.entityAt(si, a)
		return ea != nil && ea == st.entityAt(si, k)
	}}
	var out []clause
	for p := range t.toks {
		if !b.isPredicate(p) || b.folded(p) {
			continue
		}
		out = append(out, b.clausesOf(p)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].vg.Main < out[j].vg.Main })
	return out
}

// clauseBuilder holds the tree and the subjects worked out so far.
type clauseBuilder struct {
	t    *tree
	subj map[int]subjectOf
	// person reports a token that names a person.
	person func(k int) bool
	// oneName reports two tokens of one name ("Goldman, Sachs and Co").
	oneName func(a, k int) bool
}

// subjectOf is a predicate's subject: its head tokens (one per conjunct)
// and whether it was taken from another clause.
type subjectOf struct {
	heads     []int
	inherited bool
	// relative is the noun a relative or participial clause describes.
	relative bool
}

// isPredicate reports a verb that heads a clause, or a noun, adjective
// or name with a copula.
func (b *clauseBuilder) isPredicate(p int) bool {
	tok := b.t.toks[p]
	switch tok.Rel {
	case "amod", "compound", "case", "det", "fixed", "flat", "mark", "aux", "aux:pass", "cop", "discourse", "goeswith", "reparandum":
		return false
	}
	if tok.UPOS == "VERB" {
		return !prepositionalParticiples[tok.Lower] || b.t.child(p, "aux", "aux:pass") >= 0 // "is following the story"
	}
	return b.t.child(p, "cop") >= 0
}

// prepositionalParticiples head no clause of their own (see isPredicate).
var prepositionalParticiples = wordSet("prepositional-participles")

// folded reports a verb whose head it completes, "agreed to establish",
// "failed to respond": the two are one clause, built at the head.
func (b *clauseBuilder) folded(p int) bool {
	h := b.t.toks[p].Head
	return b.t.toks[p].Rel == "xcomp" && h >= 0 && b.t.toks[h].UPOS == "VERB" && b.foldsInto(h, p)
}

// foldsInto reports whether h's xcomp p continues h's clause: p is an
// infinitive with "to" and h has no object of its own ("persuaded Musk
// to join" is two clauses, "citing slowing inflation" is no chain).
func (b *clauseBuilder) foldsInto(h, p int) bool {
	t := b.t
	if t.toks[p].UPOS != "VERB" || t.child(h, "obj", "iobj") >= 0 || t.child(p, "nsubj", "nsubj:pass") >= 0 {
		return false
	}
	m := t.child(p, "mark")
	return m >= 0 && t.toks[m].Lower == "to"
}

// chainOf returns the verbs of p's clause from the first to the main
// one: "failed to respond" → failed, respond.
func (b *clauseBuilder) chainOf(p int) []int {
	chain := []int{p}
	for {
		last := chain[len(chain)-1]
		x := b.t.child(last, "xcomp")
		if x < 0 || !b.foldsInto(last, x) || len(chain) > 4 {
			return chain
		}
		chain = append(chain, x)
	}
}

// clausesOf builds the clauses of predicate p: one per subject and
// object conjunct.
func (b *clauseBuilder) clausesOf(p int) []clause {
	chain := b.chainOf(p)
	main := chain[len(chain)-1]
	vg := b.verbGroup(chain)
	subj := b.subjectOf(p)
	c := clause{vg: vg, comp: -1, saidBy: b.saidBy(p)}
	c.inherited = subj.inherited
	c.irrealis = irrealis(b.t, chain)
	objs := b.objects(main, &c)
	if b.t.toks[main].UPOS != "VERB" {
		objs = []int{main} // the predicate noun of a copula
	}
	b.arguments(main, &c)
	if subj.relative && len(objs) == 0 && b.t.child(main, "nsubj", "nsubj:pass") >= 0 {
		// "the app that Musk joined": the noun is the object
		objs, subj.heads = subj.heads, b.ownSubjects(main)
	}
	var out []clause
	for _, s := range limit(subj.heads, maxConjuncts) {
		for _, o := range limit(objs, maxConjuncts) {
			d := c
			if s >= 0 {
				np := b.subjectPhrase(p, s)
				d.subj = &np
			}
			if o >= 0 {
				np := b.t.phrase(o)
				if b.t.toks[main].UPOS != "VERB" {
					np = b.predicatePhrase(o)
				}
				d.obj = &np
			}
			out = append(out, d)
		}
	}
	return out
}

// limit returns at most n of xs, or the single -1 (none) when xs is
// empty, so that a clause without a subject or object is still built.
func limit(xs []int, n int) []int {
	if len(xs) == 0 {
		return []int{-1}
	}
	return xs[:min(len(xs), n)]
}

// predicatePhrase is a copula's predicate noun with its modifiers: "a
// social media app", "the chief executive".
func (b *clauseBuilder) predicatePhrase(o int) nounPhrase {
	np := b.t.phrase(o)
	if c := b.t.child(o, "cop"); c >= 0 && c >= np.From {
		np.From = c + 1
	}
	return np
}

// passiveAux reports an auxiliary that can make a passive: a form of
// "be" or "get" ("has received" is no passive, whatever the parser's
// label).
func passiveAux(t Token) bool { return t.Lemma == "be" || t.Lemma == "get" }

// hasPassiveAux reports a verb with a passive auxiliary of its own, or a
// past participle with no auxiliary at all ("the shares owned by TWA").
func (b *clauseBuilder) hasPassiveAux(v int) bool {
	auxes := b.t.children(v, "aux", "aux:pass")
	for _, k := range auxes {
		if passiveAux(b.t.toks[k]) {
			return true
		}
	}
	return len(auxes) == 0
}

// yetToCopula reports "is yet to decide" read as a copula with "to"
// before its verb: what has yet to happen has not happened.
func (t *tree) yetToCopula(v int) bool {
	m := t.child(v, "mark")
	if m < 0 || t.toks[m].Lower != "to" || t.child(v, "cop") < 0 {
		return false
	}
	for _, k := range t.children(v, "advmod") {
		if t.toks[k].Lower == "yet" {
			return true
		}
	}
	return false
}

// verbGroup is the clause's verbs with their auxiliaries, negation and
// particle.
func (b *clauseBuilder) verbGroup(chain []int) verbGroup {
	main := chain[len(chain)-1]
	t := b.t
	vg := verbGroup{Chunk: Chunk{main, main + 1}, Main: main, First: main, Particle: -1}
	if t.toks[main].UPOS != "VERB" {
		cop := t.child(main, "cop")
		vg.Main, vg.First, vg.From, vg.To = cop, cop, cop, cop+1
	}
	for ci, v := range chain {
		if ci < len(chain)-1 {
			vg.Chain = append(vg.Chain, t.toks[v].Lemma)
		}
		for _, k := range t.kids[v] {
			b.readVerbDependent(&vg, k, v, main, ci == 0 && len(chain) > 1)
		}
		vg.From, vg.First = min(vg.From, v), min(vg.First, v)
	}
	vg.NonFinite = b.nonFinite(chain[0])
	if len(chain) == 1 && t.yetToCopula(main) || disjoinedFromNegated(t, chain[0]) || t.noneSubject(chain[0]) {
		vg.Negated = !vg.Negated
	}
	return vg
}

// readVerbDependent reads dependent k of verb v of a verb group whose
// chain ends at main into vg: auxiliaries (passive, future), negation,
// "has yet to" (when v opens a chain), the particle of the main verb.
func (b *clauseBuilder) readVerbDependent(vg *verbGroup, k, v, main int, opensChain bool) {
	t := b.t
	switch rel := t.toks[k].Rel; {
	case rel == "aux" || rel == "aux:pass":
		vg.From, vg.First = min(vg.From, k), min(vg.First, k)
		vg.Passive = vg.Passive || rel == "aux:pass" && passiveAux(t.toks[k])
		vg.Future = vg.Future || futureAux(t.toks[k])
	case rel == "advmod" && negates(t.toks[k]):
		vg.Negated = !vg.Negated
		vg.From = min(vg.From, k)
	case rel == "advmod" && t.toks[k].Lower == "yet" && opensChain && (t.toks[v].Lemma == "have" || t.toks[v].Lemma == "be"):
		vg.YetTo = true
	case rel == "compound:prt" && v == main:
		vg.Particle = k
		vg.To = max(vg.To, k+1)
	case rel == "nsubj:pass":
		vg.Passive = vg.Passive || b.hasPassiveAux(v)
	}
}

// futureAux reports the auxiliary of the future: "will", "shall", "'ll".
func futureAux(t Token) bool {
	switch t.Lower {
	case "will", "shall", "'ll", "wo":
		return t.Tag == "MD"
	}
	return false
}

// noneSubject reports a verb whose subject is no one: "neither Acme nor
// the FDA would confirm", "no official would comment".
func (t *tree) noneSubject(v int) bool {
	s := t.child(v, "nsubj", "nsubj:pass")
	if s < 0 {
		return false
	}
	for _, k := range t.kids[s] {
		switch low := t.toks[k].Lower; {
		case t.toks[k].Rel == "cc" && low == "neither" && k < s:
			return true
		case t.toks[k].Rel == "det" && low == "no":
			return true
		}
	}
	return false
}

// disjoinedFromNegated reports a verb joined by "or" or "nor" to a
// negated verb, with no auxiliary or negation of its own: "not to save
// or create any credit system" denies both.
func disjoinedFromNegated(t *tree, v int) bool {
	h := t.toks[v].Head
	if t.toks[v].Rel != "conj" || h < 0 || t.child(v, "aux", "aux:pass") >= 0 || negatedVerb(t, v) {
		return false
	}
	cc := t.child(v, "cc")
	return cc >= 0 && (t.toks[cc].Lower == "or" || t.toks[cc].Lower == "nor") && negatedVerb(t, h)
}

func negates(t Token) bool {
	return t.Lemma == "not" || t.Lemma == "never" || t.Lower == "n't"
}

// nonFinite reports a verb without a subject or tense of its own:
// "inviting Putin", "to join him".
func (b *clauseBuilder) nonFinite(v int) bool {
	t := b.t
	if t.child(v, "nsubj", "nsubj:pass", "csubj", "expl") >= 0 {
		return false
	}
	for _, k := range t.children(v, "aux", "aux:pass", "cop") {
		switch t.toks[k].Tag {
		case "MD", "VBZ", "VBP", "VBD":
			return false
		}
	}
	switch t.toks[v].Tag {
	case "VBG", "VBN", "VB", "TO":
		return true
	}
	return false
}
