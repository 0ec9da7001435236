package extract

// Repairs of parser slips that the clause reader cannot read around,
// made to a sentence's tokens right after parsing, before any stage
// reads the tree.

// maxTreeRepairs bounds the repairs made to one sentence.
const maxTreeRepairs = 4

// treeRepairs each mend one slip of a tree and report whether they did;
// the tree is indexed again after every mend.
var treeRepairs = []func(*tree) bool{
	reattachStrandedSubject, reportingClauseAfter, verbUnderSubject,
	hearerInReport, clauseAfterSubordinator, subjectInFrontedPhrase,
	reportAroundSpeaker, reportAfterTime,
}

// repairTree mends the dependency tree of a parsed sentence in place.
func repairTree(toks []Token) {
	for range maxTreeRepairs {
		t := newTree(toks)
		if t == nil || !t.repairOne() {
			return
		}
	}
}

// repairOne makes the first mend one of treeRepairs finds.
func (t *tree) repairOne() bool {
	for _, repair := range treeRepairs {
		if repair(t) {
			return true
		}
	}
	return false
}

// reattachStrandedSubject mends one reported clause whose subject the
// parser took for the speech or belief verb's object ("feared net debt
// would rise"): in "Kato added Japan is the
// largest customer" and "Reynolds disclosed the company has resolved the
// challenges" it reads Japan as what was added and the company as what
// was disclosed, and hangs the rest on the verb as a complement (ccomp)
// or as a second verb (conj), or under the object itself ("said the
// decision "increases the risks""). The object becomes the clause's subject
// and the clause the verb's complement. A verb that takes a hearer keeps
// its object ("told reporters the plant would close"), and a verb
// coordinated after a comma or a conjunction is a verb of its own
// ("announced the deal and has cut jobs"). It reports whether it mended
// one.
func reattachStrandedSubject(t *tree) bool {
	for p, tok := range t.toks {
		v := tok.Head
		if v >= 0 && t.toks[v].UPOS != "VERB" && t.toks[v].Rel == "obj" && t.verbUnderObject(p) {
			v = t.toks[v].Head // "said the decision "increases the risks"": a verb under the object
		}
		if v < 0 || t.toks[v].UPOS != "VERB" || !t.speaks(v) && !beliefVerbs[t.toks[v].Lemma] || hearerVerbs[t.toks[v].Lemma] {
			continue
		}
		o := t.child(v, "obj")
		if o < 0 {
			o = t.nominalComplement(v) // "said its auction …, produced", the noun read as a complement
		}
		if o < 0 || o > p {
			continue
		}
		if s := t.child(p, "nsubj", "nsubj:pass", "expl"); s >= 0 {
			if !t.splitName(o, s, p) {
				continue
			}
			// "said the Industrial Policy | Deliberation Committee decided":
			// one name split between the object and the subject
			t.toks[p].Head, t.toks[p].Rel = v, "ccomp"
			t.toks[o].Head, t.toks[o].Rel = s, "compound"
			return true
		}
		if tok.Head != o && !t.reportAfterObject(p, o) {
			continue
		}
		t.toks[p].Head, t.toks[p].Rel = v, "ccomp"
		t.toks[o].Head, t.toks[o].Rel = p, "nsubj"
		return true
	}
	return false
}

// nominalComplement returns a noun the parser hung on verb v as its
// complement clause (ccomp), or -1.
func (t *tree) nominalComplement(v int) int {
	c := t.child(v, "ccomp")
	if c < 0 || t.toks[c].UPOS != "NOUN" && t.toks[c].UPOS != "PROPN" || t.child(c, "cop", "nsubj") >= 0 {
		return -1
	}
	return c
}

// splitName reports a subject s of second verb p that goes on, with no
// determiner or punctuation of its own, right after object o: the two
// are one name the parser cut in two.
func (t *tree) splitName(o, s, p int) bool {
	if t.toks[p].Rel != "conj" || t.from[s] != t.to[o] || t.child(p, "cc") >= 0 || t.toks[s].UPOS != "PROPN" {
		return false
	}
	return t.child(s, "det", "punct", "case") < 0 && t.toks[t.from[s]].UPOS == "PROPN"
}

// verbUnderObject reports a verb in a tense that the parser hung under a
// noun as an apposition or a clause with no relative word of its own:
// the noun is its subject ("the decision "increases the risks"").
func (t *tree) verbUnderObject(p int) bool {
	switch t.toks[p].Rel {
	case "appos", "acl":
	default:
		return false
	}
	return isFiniteTag(t.toks[p].Tag) && p > t.toks[p].Head
}

// reportAfterObject reports whether p, a dependent of the verb whose
// object is o, reads as a clause o is the subject of: a complement after
// o with nothing but punctuation between, or a finite verb right after
// o with no conjunction of its own.
func (t *tree) reportAfterObject(p, o int) bool {
	switch t.toks[p].Rel {
	case "ccomp":
		for k := t.to[o]; k < t.from[p]; k++ {
			if t.toks[k].UPOS != "PUNCT" {
				return false
			}
		}
		return t.from[p] >= t.to[o]
	case "conj":
		f := t.from[p]
		if t.toks[f].Text == "," && t.setOff(o) && f < p {
			f++ // "said Central Bank bills, introduced in 1984, had peaked": the comma closes the object's aside
		}
		first := t.toks[f]
		return t.from[p] == t.to[o] && first.UPOS != "PUNCT" && first.UPOS != "CCONJ" &&
			t.child(p, "cc") < 0 && t.toks[p].UPOS == "VERB" && t.finite(p)
	}
	return false
}

// setOff reports a noun phrase with an aside after its head that opens
// with a comma (a clause or an apposition, of the head or of a noun in
// its phrases: "its auction of tankoku, six-month paper,"): the comma
// after the phrase closes that aside.
func (t *tree) setOff(o int) bool {
	for k := o + 1; k < t.to[o]; k++ {
		switch t.toks[k].Rel {
		case "acl", "acl:relcl", "appos":
			if t.toks[t.from[k]].Text == "," {
				return true
			}
		}
	}
	return false
}

// finite reports a verb with a tense: a finite tag, or an auxiliary.
func (t *tree) finite(v int) bool {
	return isFiniteTag(t.toks[v].Tag) || t.child(v, "aux", "aux:pass") >= 0
}

// reportingClauseAfter mends one reporting clause the parser read as a
// second verb of the clause it reports, or as an adverbial clause: in "Asturiana has an option to
// buy 25 pct, Metal Traders said" it hangs "said" on "has" as a conjunct.
// A speech verb after a comma, with a subject of its own, no conjunction
// and nothing it reports after it, is the reporting clause (parataxis).
// It reports whether it mended one.
func reportingClauseAfter(t *tree) bool {
	for p, tok := range t.toks {
		h := tok.Head
		if h < 0 || h > p || tok.UPOS != "VERB" || !t.speaks(p) {
			continue
		}
		switch tok.Rel {
		case "conj", "advcl":
		case "ccomp":
			if !t.lastClause(p) || !t.reportsBefore(h, p) {
				continue // "…, officials said" after the report a speech verb already has
			}
		case "acl", "acl:relcl":
			if !t.lastClause(p) {
				continue
			}
			h = t.root // "…, U.S. officials said", hung on a noun before it as a relative clause, reports the sentence
		default:
			continue
		}
		if t.child(p, "nsubj") < 0 || t.child(p, "cc", "mark", "obj", "ccomp", "xcomp") >= 0 || !t.afterComma(p) {
			continue
		}
		t.toks[p].Head, t.toks[p].Rel = h, "parataxis"
		return true
	}
	return false
}

// afterComma reports a clause that opens with a comma or follows one.
func (t *tree) afterComma(p int) bool {
	f := t.from[p]
	return t.toks[f].Text == "," || f > 0 && t.toks[f-1].Text == ","
}

// reportsBefore reports a speech verb h with a complement before p.
func (t *tree) reportsBefore(h, p int) bool {
	for _, k := range t.kids[h] {
		if k < p && k > h && t.toks[k].Rel == "ccomp" {
			return true
		}
	}
	return false
}

// lastClause reports a clause headed by p that ends the sentence (only
// punctuation after it) and has no relative word of its own ("…, which
// analysts said").
func (t *tree) lastClause(p int) bool {
	for k := t.to[p]; k < len(t.toks); k++ {
		if t.toks[k].UPOS != "PUNCT" {
			return false
		}
	}
	for k := t.from[p]; k < p; k++ {
		if isRelativePronoun(t.toks[k]) {
			return false
		}
	}
	return true
}

// verbUnderSubject mends a sentence whose only tensed verb the parser
// hung under the subject as a reduced relative clause: in "Iran's
// parliament voted by a large majority to cut the stake" it makes
// "parliament" the root and "voted" a clause describing it, so the
// sentence says nothing. When the root is a noun and its clause (acl) is
// a verb in a tense with no subject of its own, the verb is the root and
// the noun its subject; the punctuation after the verb, and an agent
// phrase the active verb cannot have, go with it. It reports whether it
// mended the sentence.
func verbUnderSubject(t *tree) bool {
	r := t.root
	if u := t.toks[r].UPOS; u != "NOUN" && u != "PROPN" || t.child(r, "cop") >= 0 {
		return false
	}
	v := t.child(r, "acl")
	if v < r || t.toks[v].Rel != "acl" || t.child(v, "nsubj", "nsubj:pass", "aux:pass") >= 0 || !isFiniteTag(t.toks[v].Tag) {
		return false
	}
	t.toks[v].Head, t.toks[v].Rel = -1, "root"
	t.toks[r].Head, t.toks[r].Rel = v, "nsubj"
	for _, k := range t.kids[r] {
		if k > v && t.toks[k].UPOS == "PUNCT" {
			t.toks[k].Head = v
		}
	}
	for _, k := range t.kids[v] {
		if t.toks[k].Rel == "obl:agent" {
			t.toks[k].Rel = "obl"
		}
	}
	return true
}

// hearerInReport mends a reported clause that the parser gave the
// hearer as a second subject: in "Bilzerian told Reuters he believes his
// offer is superior" it makes both "Reuters" and "he" subjects of
// "believes". The first of two subjects, right after a verb that takes a
// hearer and has no object, is that verb's object. It reports whether it
// mended one.
func hearerInReport(t *tree) bool {
	for v, tok := range t.toks {
		if tok.UPOS != "VERB" || !hearerVerbs[tok.Lemma] || t.child(v, "obj", "iobj") >= 0 {
			continue
		}
		p := t.child(v, "ccomp")
		if p < v {
			continue
		}
		subs := t.children(p, "nsubj")
		if len(subs) < 2 || t.from[subs[0]] != v+1 {
			continue
		}
		t.toks[subs[0]].Head, t.toks[subs[0]].Rel = v, "obj"
		return true
	}
	return false
}

// clauseAfterSubordinator mends a clause of time the parser read as a
// prepositional phrase and a second verb: in "Norland cut its prices
// after Acme approved the plan" it hangs "after Acme" on "prices" and
// "approved" on "cut" as a conjunct with Norland for its subject. A
// tensed verb with no subject and no conjunction, right after a noun
// that "after", "before", "until" or "since" opens, is a clause of time
// with that noun for its subject. It reports whether it mended one.
func clauseAfterSubordinator(t *tree) bool {
	for p, tok := range t.toks {
		if tok.Rel != "conj" || tok.UPOS != "VERB" || t.from[p] != p || p == 0 || !t.finite(p) {
			continue
		}
		if t.child(p, "cc", "nsubj", "nsubj:pass") >= 0 {
			continue
		}
		n, c := t.timePhraseBefore(p)
		if n < 0 {
			continue
		}
		t.toks[n].Head, t.toks[n].Rel = p, "nsubj"
		t.toks[c].Head, t.toks[c].Rel = p, "mark"
		t.toks[p].Rel = "advcl"
		return true
	}
	return false
}

// timePhraseBefore returns the noun and the case word of a phrase that
// "after", "before", "until" or "since" opens and that ends right before
// token p, or -1, -1.
func (t *tree) timePhraseBefore(p int) (noun, cs int) {
	for k := range t.toks {
		if t.to[k] != p || t.toks[k].Rel != "nmod" && t.toks[k].Rel != "obl" {
			continue
		}
		c := t.child(k, "case")
		if c >= 0 && c < k && (temporalMarks[t.toks[c].Lower] || t.toks[c].Lower == "since") {
			return k, c
		}
	}
	return -1, -1
}

// subjectInFrontedPhrase mends a clause whose subject the parser hung
// on the phrase before it: in "Speaking after a meeting with Baker,
// Miyazawa said he was satisfied" it makes "Miyazawa" an apposition of
// "Baker", which leaves "said" without a subject. A name or noun right
// before a tensed verb that has no subject, after a comma and hung inside
// the phrase before the comma, is the verb's subject. It reports whether
// it mended one.
func subjectInFrontedPhrase(t *tree) bool {
	for v, tok := range t.toks {
		if tok.UPOS != "VERB" || !t.finite(v) || t.child(v, "nsubj", "nsubj:pass", "expl", "csubj") >= 0 {
			continue
		}
		j := v - 1
		for j >= 0 && t.toks[j].Head == v && (t.toks[j].Rel == "advmod" || t.toks[j].Rel == "aux") {
			j-- // "Miyazawa also said", "Miyazawa has said"
		}
		k := t.phraseAfterComma(j)
		if k < 0 || t.toks[k].Head == v {
			continue
		}
		switch t.toks[k].Rel {
		case "appos", "conj", "nmod", "obl":
		default:
			continue
		}
		t.toks[k].Head, t.toks[k].Rel = v, "nsubj"
		return true
	}
	return false
}

// phraseAfterComma returns the noun, name or pronoun whose subtree
// ends at token j and starts right after a comma (or with it), or -1.
func (t *tree) phraseAfterComma(j int) int {
	for k, n := j, 0; k >= 0 && t.to[k] == j+1 && n < len(t.toks); k, n = t.toks[k].Head, n+1 {
		switch t.toks[k].UPOS {
		case "PROPN", "NOUN", "PRON":
		default:
			continue
		}
		if f := t.from[k]; t.toks[f].Text == "," || f > 0 && t.toks[f-1].Text == "," {
			return k
		}
	}
	return -1
}

// reportAroundSpeaker mends a report the parser split at a reporting
// clause set in its middle: in "The plan, Ana Ruiz said, would cost five
// mln dlrs" it reads "The plan" as a second subject of "said" and "would
// cost…" as the report; in "At issue, said Acme, is whether…" the
// fronted phrase hangs on "said". The words before the first comma go
// back to the report after the second, as its subject when it has none
// (a noun phrase) or as they were hung (a phrase or clause). It reports
// whether it mended one.
func reportAroundSpeaker(t *tree) bool {
	for v := range t.toks {
		if !t.speaks(v) || t.toks[v].UPOS != "VERB" {
			continue
		}
		speaker := -1
		for _, k := range t.children(v, "nsubj") {
			speaker = k // the subject nearest the verb
		}
		report := t.reportAfter(v)
		if speaker < 0 || report < 0 || !t.opensWithPredicate(report) {
			continue // "In a speech, Lee said, "Rates will rise"": the phrase is the speaking's
		}
		for _, x := range t.kids[v] {
			if x >= speaker || x == report || t.to[x] > speaker || !t.closedByComma(x) {
				continue
			}
			switch rel := t.toks[x].Rel; {
			case rel == "nsubj" && t.child(report, "nsubj", "nsubj:pass", "csubj") < 0:
			case rel == "obl" || rel == "advcl" || rel == "dislocated":
			default:
				continue
			}
			t.toks[x].Head = report
			t.toks[report].Rel = "ccomp" // what the verb reports, not a clause beside it
			return true
		}
	}
	return false
}

// opensWithPredicate reports a clause whose first word after its comma
// is a verb or an auxiliary: its subject, or what it says is at issue,
// stands before the reporting clause ("…, Lee said, would cost…").
func (t *tree) opensWithPredicate(c int) bool {
	k := t.from[c]
	for k < t.to[c] && t.toks[k].UPOS == "PUNCT" {
		k++
	}
	return k < t.to[c] && (t.toks[k].UPOS == "AUX" || t.toks[k].UPOS == "VERB")
}

// reportAfter returns the clause that speech verb v reports after the
// comma that closes its reporting clause ("…, Ana Ruiz said, would
// cost…"), or -1.
func (t *tree) reportAfter(v int) int {
	for _, k := range t.kids[v] {
		if k > v && (t.toks[k].Rel == "ccomp" || t.toks[k].Rel == "parataxis") && t.commaBetween(v, t.from[k]) {
			return k
		}
	}
	return -1
}

// closedByComma reports a comma that ends the span of x or follows it.
func (t *tree) closedByComma(x int) bool {
	e := t.to[x]
	return t.toks[e-1].Text == "," || e < len(t.toks) && t.toks[e].Text == ","
}

// commaBetween reports a comma among tokens (a, b].
func (t *tree) commaBetween(a, b int) bool {
	for k := a + 1; k <= b && k < len(t.toks); k++ {
		if t.toks[k].Text == "," {
			return true
		}
	}
	return false
}

// reportAfterTime mends a report the parser hung as a relative clause on
// a phrase of time after the speech verb: in "Howe told his colleagues on
// Monday that Britain wants agreement" it reads "that Britain wants…" as
// a clause describing Monday. A "that" clause with a subject of its own
// under a time noun the speech verb governs is the verb's complement, its
// "that" the subordinator. It reports whether it mended one.
func reportAfterTime(t *tree) bool {
	for p, tok := range t.toks {
		n := tok.Head
		if tok.Rel != "acl:relcl" || n < 0 || n > p || !timeNouns[t.toks[n].Lower] {
			continue
		}
		v := t.toks[n].Head
		that := t.child(p, "obj", "nsubj", "mark")
		if v < 0 || !t.speaks(v) || that < 0 || t.toks[that].Lower != "that" || that != t.from[p] {
			continue
		}
		if s := t.child(p, "nsubj", "nsubj:pass"); s < 0 || s == that {
			continue // "the day that came": the relative word is the subject
		}
		t.toks[p].Head, t.toks[p].Rel = v, "ccomp"
		t.toks[that].Head, t.toks[that].Rel = p, "mark"
		return true
	}
	return false
}
