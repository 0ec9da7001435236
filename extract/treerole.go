package extract

import "strings"

// Roles read off the tree: a person's job title and employer stated by a
// copula ("Ozkan is an analyst at Finans Investment") or an apposition
// ("Paul Martin, the mayor of Lyon,"; "the mayor, Paul Martin,"). Titles
// before names ("Kremlin spokesperson Dmitry Peskov") are read with the
// names (see role.go).

// treeRoleFacts finds the stated roles of sentence si.
func (st *docState) treeRoleFacts(si int) {
	t := st.treeOf(si)
	if t == nil || st.skipSentence(si) {
		return
	}
	for p := range t.toks {
		if n := appointee(t, p); n >= 0 {
			st.roleOf(si, t, n, p)
			continue
		}
		if !st.isRoleNoun(t, p) {
			continue
		}
		switch rel := t.toks[p].Rel; {
		case t.child(p, "cop") >= 0:
			if s := t.child(p, "nsubj"); s >= 0 && !irrealis(t, []int{p}) {
				st.roleOf(si, t, s, p)
			}
		case rel == "appos" && setOffApposition(t, t.toks[p].Head, p):
			st.roleOf(si, t, t.toks[p].Head, p)
		default:
			for _, k := range t.children(p, "appos") {
				if setOffApposition(t, p, k) {
					st.roleOf(si, t, k, p)
				}
			}
		}
	}
}

// appointee returns the person that an appointment verb puts in the
// position headed by p, or -1: "Jane Doe was named president of Acme"
// (the passive's subject), "the board elected Tom Berg chairman" (the
// object), "was appointed as chief executive". Not when the appointment
// is denied or only possible ("may name him chairman").
func appointee(t *tree, p int) int {
	tok := t.toks[p]
	v := tok.Head
	if v < 0 || !roleNouns[tok.Lemma] && !roleNouns[tok.Lower] {
		return -1
	}
	if tok.Rel == "conj" {
		return appointee(t, v) // "appointed president and general manager"
	}
	switch {
	case !appointmentVerbs[t.toks[v].Lemma]:
		return -1
	case tok.UPOS != "NOUN" && tok.UPOS != "ADJ": // "chief executive" may end on an adjective
		return -1
	case tok.Tag == "NNS" || t.child(p, "nmod:poss") >= 0 || definite(t, p):
		return -1 // a position is given bare or with "a", not "named the owners of"
	case tok.Rel == "obl" && !t.hasCase(p, "as"), tok.Rel != "xcomp" && tok.Rel != "obj" && tok.Rel != "obl":
		return -1
	case negatedVerb(t, v) || irrealis(t, []int{v}) || future(t, v):
		return -1
	case t.toks[v].Rel == "xcomp" || t.child(v, "mark") >= 0:
		return -1 // "plans to name him chairman", "is expected to be named"
	}
	if s := t.child(v, "nsubj:pass"); s >= 0 {
		return s
	}
	if o := t.child(v, "obj"); o >= 0 && o < p {
		return o // the person comes first: "elected Mark Lee chairman"
	}
	return -1
}

// definite reports a noun with a determiner other than "a" or "an".
func definite(t *tree, p int) bool {
	d := t.child(p, "det")
	return d >= 0 && t.toks[d].Lower != "a" && t.toks[d].Lower != "an"
}

// future reports a verb with "will" or "shall": a position not yet
// held ("will be named chairman in May").
func future(t *tree, v int) bool {
	for _, k := range t.children(v, "aux") {
		switch t.toks[k].Lower {
		case "will", "shall", "'ll":
			return true
		}
	}
	return false
}

// negatedVerb reports a verb with "not" or "never" on it.
func negatedVerb(t *tree, v int) bool {
	for _, k := range t.children(v, "advmod") {
		if negates(t.toks[k]) {
			return true
		}
	}
	return false
}

// hasCase reports a dependent of p marked by the case word w ("as").
func (t *tree) hasCase(p int, w string) bool {
	c := t.child(p, "case")
	return c >= 0 && t.toks[c].Lower == w
}

// isRoleNoun reports a common noun that names a position: "analyst",
// "chief executive", "security manager".
func (st *docState) isRoleNoun(t *tree, p int) bool {
	tok := t.toks[p]
	return tok.UPOS == "NOUN" && (roleNouns[tok.Lemma] || roleNouns[tok.Lower])
}

// roleOf records that the person headed by n holds the position headed
// by p, and works for the organisation the position names.
func (st *docState) roleOf(si int, t *tree, n, p int) {
	np := t.phrase(n)
	person := st.npEntity(si, &np)
	if person == nil || person.typ() != Person {
		return
	}
	title, former, org := st.titleOf(si, t, p)
	if title == "" {
		return
	}
	from, to := t.span(p)
	base := pendingFact{subj: person, sent: si, rule: "role.stated", conf: 0.8, spanFrom: min(from, np.From), spanTo: max(to, np.To)}
	f := base
	f.pred, f.lit = "jobTitle", &Literal{Kind: JobTitle, Text: title}
	if former {
		f.pred = "formerJobTitle"
	}
	st.add(f)
	if org != nil && org != person {
		g := base
		g.obj, g.pred = org, "worksFor"
		if former {
			g.pred = "alumniOf"
		}
		switch org.typ() {
		case Organization:
			st.add(g)
		case Other:
			// "a striker for Dunmore Rovers": whom a title is held for is
			// an organisation ("mayor of Lyon" is an office, not an employer)
			org.votes[typeIndex(Organization)]++
			st.add(g)
		}
	}
}

// titleOf returns the words of the position headed by p ("security
// manager", "Welsh secretary"), whether it is a former one, and the
// organisation it names: a name inside it ("FBI agent"), after it ("at
// Finans Investment", "of the BMA") or before it ("Microsoft's manager").
func (st *docState) titleOf(si int, t *tree, p int) (string, bool, *docEntity) {
	np := t.phrase(p)
	words, former, org := st.titleWords(si, t, np, p)
	if np.Possessor != nil && org == nil {
		if e := st.npEntity(si, np.Possessor); e != nil && e.typ() != Person {
			org = e
		}
	}
	if org == nil {
		org = st.employerAfter(si, t, p)
	}
	return strings.Join(words, " "), former, org
}

// titleWords reads the words of title phrase np, headed by p: the
// title's words, whether it is a former one, and an organisation named
// inside it ("FBI agent").
func (st *docState) titleWords(si int, t *tree, np nounPhrase, p int) (words []string, former bool, org *docEntity) {
	for k := np.From; k <= p; k++ {
		tok := t.toks[k]
		if e := basedEnd(t.toks, k); e > k {
			k = e - 1 // "a Houston-based land manager": where he works from, no title's word, no employer
			continue
		}
		switch {
		case tok.Rel == "det" || tok.UPOS == "PUNCT" || tok.UPOS == "DET":
		case np.Possessor != nil && k >= np.Possessor.From && k < np.Possessor.To, tok.Rel == "case" && tok.Tag == "POS":
		case tok.Lower == "former" || tok.Lower == "ex":
			former = true
		default:
			if e := st.entityAt(si, k); e != nil && e.typ() != Person && !isDemonym(tok.Lower) && !(k < p && isDemonym(tok.Lower+" "+t.toks[k+1].Lower)) {
				org = e
				continue
			}
			words = append(words, tok.Lower)
		}
	}
	return words, former, org
}

// employerAfter returns the organisation a phrase after title p names
// with an employer preposition ("analyst at Finans Investment"), or nil.
func (st *docState) employerAfter(si int, t *tree, p int) *docEntity {
	for _, k := range t.children(p, "nmod") {
		cs := t.child(k, "case")
		if cs < 0 || !employerPrepositions[t.toks[cs].Lower] {
			continue
		}
		o := t.phrase(k)
		if e := st.npEntity(si, &o); e != nil && e.typ() != Person {
			return e
		}
	}
	return nil
}

// isDemonym reports a nationality or region word ("Welsh", "French",
// "Western"): part of a title, never an employer.
func isDemonym(w string) bool {
	_, ok := demonyms[w]
	return ok || regionAdjectives[w]
}

// regionAdjectives name a part of the world (see isDemonym).
var regionAdjectives = wordSet("region-adjectives")

// setOffApposition reports an apposition set off by a comma ("Paul Martin,
// the mayor"), not a title run into a name ("striker Erik Lindqvist",
// read with the name).
func setOffApposition(t *tree, a, b int) bool {
	// the title of an apposition opens with a determiner or a possessive
	// ("Paul Martin, the mayor", "Lee, Acme's chief"); in a list ("actor
	// Jared Leto, Twitter CEO Jack Dorsey") the parser's appositions are
	// list items
	title := a
	if t.isNominal(b) && t.toks[b].UPOS == "NOUN" {
		title = b
	}
	if t.toks[title].Rel == "conj" || t.child(title, "det", "nmod:poss") < 0 && !employedAt(t, title) {
		return false
	}
	return t.commaBetween(min(a, b), max(a, b))
}

// employedAt reports a title with an employer phrase of its own ("managing
// director of Narragansett Capital", "analyst at Finans"): an apposition
// even without a determiner, as no list item is ("Twitter CEO Jack
// Dorsey" names its holder).
func employedAt(t *tree, p int) bool {
	for _, k := range t.children(p, "nmod") {
		if cs := t.child(k, "case"); cs > p && employerPrepositions[t.toks[cs].Lower] && t.toks[k].UPOS == "PROPN" {
			return true
		}
	}
	return false
}

// basedEnd returns the end of "X-based" at token k ("Houston-based",
// hyphens glued), or k.
func basedEnd(toks []Token, k int) int {
	if k+2 < len(toks) && toks[k+1].Text == "-" && toks[k+2].Lower == "based" && toks[k].End == toks[k+1].Start && toks[k+1].End == toks[k+2].Start {
		return k + 3
	}
	return k
}
