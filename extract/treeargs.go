package extract

import "strings"

// The arguments of a tree clause: its subject (its own, or inherited),
// objects, prepositional arguments and reported clause, and whether the
// writer asserts it.

// subjectOf returns predicate p's subject, working it out once.
func (b *clauseBuilder) subjectOf(p int) subjectOf {
	if s, ok := b.subj[p]; ok {
		return s
	}
	b.subj[p] = subjectOf{} // a cycle in a bad tree ends here
	s := b.findSubject(p)
	b.subj[p] = s
	return s
}

func (b *clauseBuilder) findSubject(p int) subjectOf {
	t := b.t
	tok := t.toks[p]
	h := tok.Head
	if own := b.ownSubjects(p); len(own) > 0 {
		if tok.Rel == "acl:relcl" && h >= 0 && isRelativePronoun(t.toks[own[0]]) {
			if t.toks[own[0]].Lower == "which" && b.person(h) {
				// "Ana Ruiz, director of the Halden Institute, which
				// studies …": "which" is never a person, so the parser
				// hung the clause on the wrong noun
				return subjectOf{}
			}
			return subjectOf{heads: t.conjuncts(h)[:1], relative: true}
		}
		return subjectOf{heads: own}
	}
	if h < 0 || !b.isPredicate(h) && tok.Rel != "acl" && tok.Rel != "acl:relcl" {
		return subjectOf{}
	}
	switch tok.Rel {
	case "ccomp":
		return subjectOf{}
	case "conj":
		if b.nonFinite(p) {
			// "said Argentina was seeking credit, adding that …": the one
			// who spoke adds, not the reported clause's subject
			h = b.speakerFor(p, h)
		}
		s := b.subjectOf(h)
		s.inherited = len(s.heads) > 0
		return s
	case "acl", "acl:relcl":
		if !t.isNominal(h) {
			return subjectOf{}
		}
		if m := t.child(p, "mark"); m >= 0 && subjectSharingMarks[t.toks[m].Lower] {
			// "received no response after reaching out": an adverbial
			// clause the parser hung under the noun shares its verb's subject
			if v := t.toks[h].Head; v >= 0 && b.isPredicate(v) {
				s := b.subjectOf(v)
				s.inherited = len(s.heads) > 0
				return s
			}
			return subjectOf{}
		}
		return subjectOf{heads: []int{h}, inherited: true, relative: true}
	case "advcl":
		if !b.nonFinite(p) || !inheritsSubject(t, p) {
			return subjectOf{}
		}
		h = b.speakerFor(p, h) // "told reporters that …, saying …": the one who spoke
		s := b.subjectOf(h)
		s.inherited = len(s.heads) > 0
		return s
	}
	return subjectOf{}
}

// speakerFor returns where speech participle p ("saying", "adding")
// takes its subject from: the nearest speech verb at or above its head h;
// h itself when p is no speech verb or none is found.
func (b *clauseBuilder) speakerFor(p, h int) int {
	if !speechVerbs[b.t.toks[p].Lemma] {
		return h
	}
	if v := b.speakerClause(h); v >= 0 {
		return v
	}
	return h
}

// speakerClause returns the nearest speech verb at or above h, or -1.
func (b *clauseBuilder) speakerClause(h int) int {
	for n := 0; h >= 0 && n < len(b.t.toks); n++ {
		if speechVerbs[b.t.toks[h].Lemma] && b.t.toks[h].UPOS == "VERB" {
			return h
		}
		h = b.t.toks[h].Head
	}
	return -1
}

// ownSubjects returns the heads of p's own subject, one per conjunct.
// Of two subjects side by side (the parser's reading of "third seed Anna
// Berg") the one nearer the verb is the head.
func (b *clauseBuilder) ownSubjects(p int) []int {
	subs := b.t.children(p, "nsubj", "nsubj:pass")
	if len(subs) == 0 {
		return nil
	}
	s := subs[0]
	for _, k := range subs[1:] {
		// a second subject directly after the first is the name a title
		// runs into, as is one right after a title ("Ministry of Trade
		// director Ken Ono said"); one after a preposition is the
		// parser's slip ("profit at Nordwind rose": the profit rose)
		if k < p && (!b.prepositionBetween(s, k) || b.afterTitle(k) || b.titleRunsInto(s, k)) {
			s = k
		}
	}
	return b.coordinated(s)
}

// coordinated returns s and the conjuncts a conjunction or a comma joins
// to it ("Acme and Norland", "Acme, Norland and Halden"). A conjunct with
// neither is the parser's slip inside one name ("Toshiba Information
// Systems (U.K.) Ltd", split at the brackets), no second subject.
func (b *clauseBuilder) coordinated(s int) []int {
	out := []int{s}
	for _, k := range b.t.children(s, "conj") {
		if b.inPhraseName(s, k) {
			continue // "Robert Hormats of Goldman, Sachs and Co": the conjunct is the firm's
		}
		if b.t.child(k, "cc") >= 0 || b.t.from[k] > 0 && b.t.toks[b.t.from[k]-1].Text == "," || b.t.toks[b.t.from[k]].Text == "," {
			out = append(out, b.coordinated(k)...)
		}
	}
	return out
}

// inPhraseName reports a conjunct k of s that is part of a name in one of
// s's prepositional phrases before it.
func (b *clauseBuilder) inPhraseName(s, k int) bool {
	if b.oneName == nil {
		return false
	}
	for _, n := range b.t.children(s, "nmod") {
		if n < k && b.oneName(n, k) {
			return true
		}
	}
	return false
}

// prepositionBetween reports a preposition between tokens a < b.
// afterTitle reports a phrase headed by k that a job title opens or
// directly follows ("director general Noboru Hatakeyama").
func (b *clauseBuilder) afterTitle(k int) bool {
	f := b.t.from[k]
	for _, i := range []int{f, f - 1} {
		if i >= 0 && i < k && roleNouns[b.t.toks[i].Lower] {
			return true
		}
	}
	return false
}

// titleRunsInto reports a title s whose phrase, prepositions and all,
// runs straight into the person named by k ("vice-minister of finance for
// international affairs Toyoo Gyohten").
func (b *clauseBuilder) titleRunsInto(s, k int) bool {
	tok := b.t.toks[s]
	return (roleNouns[tok.Lower] || roleNouns[tok.Lemma]) && b.t.to[s] == b.t.from[k] && b.person(k)
}

func (b *clauseBuilder) prepositionBetween(a, c int) bool {
	for k := a + 1; k < c; k++ {
		if b.t.toks[k].UPOS == "ADP" {
			return true
		}
	}
	return false
}

// subjectPhrase is the phrase of subject head s of p, taking in a
// subject the parser split off just before it.
func (b *clauseBuilder) subjectPhrase(p, s int) nounPhrase {
	np := b.t.phrase(s)
	if a := b.personInApposition(s); a >= 0 {
		return b.t.phrase(a) // "the ICCO's Council chairman, Denis Bra Kanon, said": the chairman speaks
	}
	for _, k := range b.t.children(s, "conj") {
		// "National Bank of Hungary first vice-president Janos Fekete
		// said", read as two subjects without a conjunction: the person
		// the title names is the subject
		if b.t.child(k, "cc") < 0 && b.person(k) {
			named := b.t.phrase(k)
			named.From = np.From
			return named
		}
	}
	for _, k := range b.t.children(p, "nsubj", "nsubj:pass") {
		if k < s {
			if other := b.t.phrase(k); other.To == np.From {
				np.From = other.From
			}
		}
	}
	return np
}

// personInApposition returns the person an apposition of subject s sets
// off with commas when s itself names none ("International Cocoa
// Organization, ICCO, Council chairman, Denis Bra Kanon, said", "Volcker's
// successor, Alan Greenspan, has"), or -1.
func (b *clauseBuilder) personInApposition(s int) int {
	if b.person(s) {
		return -1
	}
	var walk func(h int) int
	walk = func(h int) int {
		for _, k := range b.t.children(h, "appos") {
			if b.t.toks[b.t.from[k]].Text != "," {
				continue // set off by a comma: not "a tool for Windows PCs", the parser's slip
			}
			if b.person(k) {
				return k
			}
			if a := walk(k); a >= 0 {
				return a
			}
		}
		return -1
	}
	return walk(s)
}

func isRelativePronoun(t Token) bool {
	switch t.Tag {
	case "WDT", "WP":
		return true
	}
	return t.Lower == "that"
}

// inheritsSubject reports a participle that shares its clause's subject:
// "..., inviting Putin", "after reaching out".
func inheritsSubject(t *tree, p int) bool {
	m := t.child(p, "mark")
	if m < 0 {
		return true
	}
	return subjectSharingMarks[t.toks[m].Lower]
}

// objects returns the heads of main's object, one per conjunct, and sets
// c's second object and reported clause.
func (b *clauseBuilder) objects(main int, c *clause) []int {
	t := b.t
	obj, iobj := t.child(main, "obj"), t.child(main, "iobj")
	if objs := t.children(main, "obj"); len(objs) == 2 && iobj < 0 {
		iobj, obj = objs[0], objs[1] // "paid Ajax €62 million" read as two objects
	}
	var objs []int
	switch {
	case iobj >= 0 && obj >= 0:
		objs = []int{iobj} // "costs NASA $80 million"
		np := t.phrase(obj)
		c.obj2 = &np
	case obj >= 0:
		objs = t.objectConjuncts(obj)
	case iobj >= 0:
		objs = []int{iobj}
	}
	if x := t.child(main, "xcomp"); x >= 0 && obj >= 0 && t.isNominal(x) && t.child(x, "cop") < 0 {
		np := t.phrase(x) // "called the invitation a misunderstanding"
		c.obj2 = &np
	}
	if cc := t.child(main, "ccomp"); cc >= 0 && cc > main {
		c.comp, _ = t.span(cc)
	} else if t.speaks(main) {
		c.comp = b.contentClause(main, append(objs, obj)...)
		if c.comp < 0 {
			c.comp, c.compEnd = b.frontedReport(main)
		}
		if c.compEnd > 0 && t.quoted(max(c.compEnd-1, 0), main) {
			c.comp, c.compEnd = -1, 0
		}
	}
	return objs
}

// frontedReport returns the span of what speech verb main reports before
// it — "Acme paid the bill, prosecutors said", read as the clause the
// verb hangs on (parataxis) or as a clause under the verb — or -1, 0.
// The report runs from its clause's first word (the first conjunct's,
// "X rose but Y fell, he said") to the comma before the reporting words.
func (b *clauseBuilder) frontedReport(main int) (from, to int) {
	t := b.t
	for _, k := range t.kids[main] {
		if k < main && reports(t, k, main) && t.toks[k].Rel != "parataxis" && t.hasSubject(k) {
			from, _ = t.span(k)
			return from, max(t.reportingStart(main), from)
		}
	}
	h := t.toks[main].Head
	if t.toks[main].Rel != "parataxis" || h < 0 || h > main {
		return -1, 0
	}
	for t.toks[h].Rel == "conj" && t.toks[h].Head >= 0 && t.toks[h].Head < h {
		h = t.toks[h].Head
	}
	if !t.hasSubject(h) {
		return -1, 0
	}
	from, _ = t.span(h)
	to = t.reportingStart(main)
	if to <= from {
		return -1, 0
	}
	return from, to
}

// hasSubject reports a clause with a subject of its own: a fronted
// report is a whole clause ("Acme paid the bill, …"), not a word the
// parser left there.
func (t *tree) hasSubject(p int) bool {
	return t.child(p, "nsubj", "nsubj:pass", "csubj", "expl") >= 0
}

// reportingStart returns where the reporting words of speech verb main
// begin ("…, Allied-Lyons chairman Derrick Holden-Brown said"): at the
// comma that opens the verb's subject, or the verb's own words, else at
// the verb's subtree without its leading punctuation.
func (t *tree) reportingStart(main int) int {
	start := main
	for _, s := range t.children(main, "nsubj") {
		if s < main {
			start = s // the subject nearest the verb
		}
	}
	for k := start - 1; k >= 0 && k >= start-10; k-- {
		if t.toks[k].Text == "," {
			return k
		}
		if isFiniteTag(t.toks[k].Tag) {
			break
		}
	}
	to, _ := t.span(main)
	for to > 0 && t.toks[to-1].UPOS == "PUNCT" {
		to--
	}
	return to
}

// isFiniteTag reports a finite verb's tag.
func isFiniteTag(tag string) bool {
	switch tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// quoted reports whether tokens [from, to) hold a quotation mark: a
// fronted report that ends in one is a direct quotation ("…," she said),
// attributed with the quotations.
func (t *tree) quoted(from, to int) bool {
	for k := from; k < to; k++ {
		if isQuoteTok(t.toks[k]) {
			return true
		}
	}
	return false
}

// contentClause finds what speech verb main reports when the parser hung
// it under the verb's object as a relative clause. Without a relative
// word the clause is the report: "told reporters [they had not received
// a response]". A verb that takes no hearer reports its object too: in
// "said [the plant would close]" and "said [the market, which had
// slipped, fell again]" the object is the report's subject. It returns
// the report's first token, or -1.
func (b *clauseBuilder) contentClause(main int, objs ...int) int {
	t := b.t
	for _, o := range objs {
		if o < 0 {
			continue
		}
		for _, r := range t.children(o, "acl:relcl") {
			from := t.from[r]
			for from < t.to[r] && t.toks[from].UPOS == "PUNCT" {
				from++
			}
			switch {
			case from <= o:
			case !hearerVerbs[t.toks[main].Lemma]:
				return t.from[o]
			case !isRelativePronoun(t.toks[from]):
				return from
			}
		}
	}
	return -1
}

// arguments adds main's prepositional arguments after the verb ("invited
// Putin to a chat") and sets where the clause's own material ends.
func (b *clauseBuilder) arguments(main int, c *clause) {
	t := b.t
	c.end = max(c.vg.To, main+1)
	c.infinitive = b.infinitive(main)
	for _, k := range t.kids[main] {
		switch baseRel(t.toks[k].Rel) {
		case "obj", "iobj", "xcomp", "obl":
			_, e := t.span(k)
			c.end = max(c.end, e)
		}
		if baseRel(t.toks[k].Rel) != "obl" || k < main {
			continue
		}
		cs := t.child(k, "case")
		if cs < 0 || cs > k {
			continue // "last week", "home": no preposition
		}
		if t.toks[cs].Lower == "according" {
			continue // the source, not an argument (see accordingTo)
		}
		np := t.phrase(k)
		if discoursePhrases[strings.ToLower(joinTokens(t.toks, cs, np.To))] {
			continue // "noting, for example, …"
		}
		c.pps = append(c.pps, prepPhrase{prep: cs, np: np})
	}
}

// infinitive returns the "to" clause that main's clause does not fold
// in (see foldsInto) — a verb of its own with no subject, after main —
// or -1.
func (b *clauseBuilder) infinitive(main int) int {
	t := b.t
	for _, k := range t.kids[main] {
		switch t.toks[k].Rel {
		case "xcomp", "advcl":
		default:
			continue
		}
		m := t.child(k, "mark")
		if k < main || t.toks[k].UPOS != "VERB" || m < 0 || t.toks[m].Lower != "to" || m != t.from[k] {
			continue
		}
		if t.child(k, "nsubj", "nsubj:pass") >= 0 || b.foldsInto(main, k) {
			continue
		}
		return k
	}
	return -1
}

// saidBy returns the speech or belief verb whose report holds p's
// clause, or -1: "Peskov said the matter was closed", "the matter, Peskov
// said, was closed", "observers think Turkcell will pull out".
func (b *clauseBuilder) saidBy(p int) int {
	t := b.t
	for _, k := range t.children(p, "parataxis") {
		if t.speaks(k) {
			return k
		}
	}
	for cur, n := p, 0; n < len(t.toks); n++ {
		h := t.toks[cur].Head
		if h < 0 {
			return -1
		}
		if t.toks[cur].Rel == "conj" {
			// "X suspended its cover but maintained it for trade deals,
			// sources said": the reporting clause hangs on the first verb
			for _, k := range t.children(h, "parataxis") {
				if k > cur && t.speaks(k) {
					return k
				}
			}
		}
		if (t.speaks(h) || beliefVerbs[t.toks[h].Lemma] && t.toks[h].UPOS == "VERB") && reports(t, cur, h) {
			return h
		}
		if v := t.accuser(cur); v >= 0 {
			return v
		}
		cur = h
	}
	return -1
}

// reports tells whether clause c is what speech verb h reports: its
// complement, or a clause before it without a subordinator ("Acme paid
// the bill, prosecutors said").
func reports(t *tree, c, h int) bool {
	switch t.toks[c].Rel {
	case "ccomp", "parataxis":
		return true
	case "advcl":
		if m := t.child(c, "mark"); m >= 0 {
			return c > h && t.toks[m].Lower == "that" // "charging that …", read as an adverbial clause
		}
		return c < h && t.finite(c) // not "Speaking after the meeting, Lee said …"
	}
	return false
}

// accuser returns the accusing verb whose accusation clause c is — "of
// failing to act" in "accused Washington of failing to act", hung on the
// verb or on its object — or -1.
func (t *tree) accuser(c int) int {
	m := t.child(c, "mark")
	if m < 0 || t.toks[m].Lower != "of" && t.toks[m].Lower != "for" {
		return -1
	}
	h := t.toks[c].Head
	if h >= 0 && t.toks[h].UPOS != "VERB" && t.toks[h].Rel == "obj" {
		h = t.toks[h].Head // "accused [Washington [of failing]]"
	}
	if h < 0 || t.toks[h].UPOS != "VERB" || !accusationVerbs[t.toks[h].Lemma] {
		return -1
	}
	return h
}

// subjunctive reports a verb whose only auxiliary is a bare "be" with
// no "to" ("proposed that he be appointed", "demanded that it be
// closed"): wished for, not done.
func subjunctive(t *tree, v int) bool {
	bare := false
	for _, k := range t.children(v, "aux", "aux:pass", "mark") {
		switch {
		case t.toks[k].Lower == "be" && t.toks[k].Tag == "VB":
			bare = true
		case t.toks[k].Rel != "mark" || t.toks[k].Lower == "to":
			return false
		}
	}
	return bare
}

// irrealis reports a clause the writer does not assert: with a modal or
// an adverb of possibility, under "if"/"whether", in an indirect
// question, or a question itself.
func irrealis(t *tree, chain []int) bool {
	first := chain[0] // where the walk up to the clauses holding it starts
	// a verb coordinated without auxiliaries of its own shares its first
	// conjunct's: "will probably keep the target and make minimal changes"
	if v := chain[0]; t.toks[v].Rel == "conj" && t.child(v, "aux", "aux:pass") < 0 && t.toks[v].Head >= 0 {
		chain = append([]int{t.toks[v].Head}, chain...)
	}
	for _, v := range chain {
		if subjunctive(t, v) {
			return true // "proposed that he be appointed"
		}
		for _, k := range t.children(v, "aux") {
			if irrealisModals[t.toks[k].Lower] || irrealisModals[t.toks[k].Lemma] {
				return true
			}
		}
		for _, k := range t.children(v, "advmod") {
			if irrealisAdverbs[t.toks[k].Lower] {
				return true // "will probably keep", "allegedly paid"
			}
		}
		if t.conditional(v) {
			return true // "if Acme agrees, he will begin a tender offer"
		}
		if t.futureTime(v) {
			return true // "until the court rules", "when he visits Washington"
		}
	}
	// from the verb itself, not its first conjunct: "supported the
	// complaint and unless Argentina took steps, …"
	for cur, n := first, 0; cur >= 0 && n < len(t.toks); n++ {
		if m := t.child(cur, "mark"); m >= 0 && irrealisMarks[t.toks[m].Lower] {
			return true
		}
		if t.toks[cur].Rel == "ccomp" && t.whClause(cur) || t.contentOfNoun(cur) {
			return true
		}
		if t.toks[cur].Head < 0 {
			return t.toks[len(t.toks)-1].Text == "?"
		}
		cur = t.toks[cur].Head
	}
	return false
}

// futureTime reports a clause of time in the present tense: "until the
// court rules on the case", "once the loan is disbursed" — what has not
// happened yet.
func (t *tree) futureTime(v int) bool {
	m := t.child(v, "mark")
	if m < 0 || !temporalMarks[t.toks[m].Lower] || t.toks[v].Rel != "advcl" {
		return false
	}
	if present(t.toks[v].Tag) {
		return true
	}
	for _, k := range t.children(v, "aux", "aux:pass", "cop") {
		if present(t.toks[k].Tag) {
			return true
		}
	}
	return false
}

func present(tag string) bool { return tag == "VBZ" || tag == "VBP" }

// conditional reports a verb whose clause holds a condition: "if Acme
// agrees, he will begin a tender offer" says only what would happen. The
// "if" of a question verb asks ("asked the Kremlin if Putin would join").
func (t *tree) conditional(v int) bool {
	if questionVerbs[t.toks[v].Lemma] {
		return false
	}
	for _, k := range t.children(v, "advcl") {
		if m := t.child(k, "mark"); m >= 0 && conditionMarks[t.toks[m].Lower] {
			return true
		}
	}
	return false
}

// contentOfNoun reports a clause that says what the noun it hangs on
// holds — "the perception that Acme was retreating", "fears prices would
// fall": a view or a report, not the writer's assertion, unless the noun
// is factive ("the fact that the plant closed"). A relative clause ("the
// plant that closed") is not one.
func (t *tree) contentOfNoun(v int) bool {
	h := t.toks[v].Head
	if t.toks[v].Rel != "acl" || h < 0 || t.toks[h].UPOS != "NOUN" || factiveNouns[t.toks[h].Lemma] {
		return false
	}
	if t.child(v, "nsubj", "nsubj:pass", "expl") < 0 {
		return false // "a plan to close the plant", "the company based in Ohio"
	}
	m := t.child(v, "mark")
	return m < 0 || t.toks[m].Lower == "that"
}

// whClause reports a clause opened by a wh-word: "asked what Putin
// would do".
func (t *tree) whClause(p int) bool {
	switch t.toks[t.from[p]].Tag {
	case "WP", "WRB", "WDT":
		return true
	}
	return false
}
