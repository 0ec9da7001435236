package extract

import "strings"

// tree is a sentence's dependency tree, indexed for walking down: the
// dependents of every token, in sentence order, and the token span of
// every subtree.
type tree struct {
	toks     []Token
	kids     [][]int
	from, to []int // token i's subtree is [from[i], to[i])
	root     int   // the (first) token with no head
}

// newTree indexes the tree of a parsed sentence; it returns nil when the
// sentence was not parsed, or when its heads do not form a tree.
func newTree(toks []Token) *tree {
	if len(toks) == 0 || toks[0].Rel == "" {
		return nil
	}
	n := len(toks)
	t := &tree{toks: toks, kids: make([][]int, n), from: make([]int, n), to: make([]int, n)}
	// every token's dependents in one backing array: a token has at most
	// one head, so n entries hold them all
	counts := make([]int, n)
	for _, tok := range toks {
		if h := tok.Head; h >= 0 && h < n {
			counts[h]++
		}
	}
	backing := make([]int, n)
	for i, off := 0, 0; i < n; off, i = off+counts[i], i+1 {
		t.kids[i] = backing[off : off : off+counts[i]]
	}
	for i, tok := range toks {
		if h := tok.Head; h >= 0 && h < n {
			t.kids[h] = append(t.kids[h], i)
		}
		t.from[i], t.to[i] = i, i+1
	}
	// widen each token's span by its dependents', in reverse breadth-first
	// order from the root (dependents before heads); a token the walk never
	// reaches is on a cycle
	order := make([]int, 0, n)
	for i, tok := range toks {
		if tok.Head < 0 || tok.Head >= n {
			order = append(order, i)
		}
	}
	for k := 0; k < len(order); k++ {
		order = append(order, t.kids[order[k]]...)
	}
	if len(order) != n || len(order) == 0 {
		return nil
	}
	t.root = order[0]
	for k := n - 1; k >= 0; k-- {
		i := order[k]
		if h := toks[i].Head; h >= 0 && h < n {
			t.from[h], t.to[h] = min(t.from[h], t.from[i]), max(t.to[h], t.to[i])
		}
	}
	return t
}

// treeOf returns the tree of sentence si, indexed once.
func (st *docState) treeOf(si int) *tree {
	if st.trees == nil {
		st.trees = make([]*tree, len(st.sents))
		st.treeDone = make([]bool, len(st.sents))
	}
	if !st.treeDone[si] {
		st.trees[si], st.treeDone[si] = newTree(st.sents[si].Tokens), true
	}
	return st.trees[si]
}

// baseRel is a relation without its subtype: "nsubj" for "nsubj:pass".
func baseRel(rel string) string {
	if k := strings.IndexByte(rel, ':'); k >= 0 {
		return rel[:k]
	}
	return rel
}

// speaks tells whether verb v introduces what its subject says: a
// speech verb, or a finding verb whose subject is a document ("a survey
// by Acme found that…").
func (t *tree) speaks(v int) bool {
	lemma := t.toks[v].Lemma
	if speechVerbs[lemma] {
		return true
	}
	if !findingVerbs[lemma] || t.toks[v].UPOS != "VERB" {
		return false
	}
	s := t.child(v, "nsubj")
	return s >= 0 && documentNouns[t.toks[s].Lemma]
}

// speaks is [tree.speaks] for token v of sentence si, the speech verbs
// alone when the sentence has no tree.
func (st *docState) speaks(si, v int) bool {
	if t := st.treeOf(si); t != nil {
		return t.speaks(v)
	}
	return speechVerbs[st.sents[si].Tokens[v].Lemma]
}

// child returns the first dependent of i whose relation is one of rels
// (a bare relation also matches its subtypes), or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		if relIn(t.toks[k].Rel, rels) {
			return k
		}
	}
	return -1
}

// children returns the dependents of i whose relation is one of rels.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, k := range t.kids[i] {
		if relIn(t.toks[k].Rel, rels) {
			out = append(out, k)
		}
	}
	return out
}

func relIn(rel string, rels []string) bool {
	for _, r := range rels {
		if rel == r || !strings.ContainsRune(r, ':') && baseRel(rel) == r {
			return true
		}
	}
	return false
}

// span returns the first and last+1 token of i's subtree.
func (t *tree) span(i int) (int, int) { return t.from[i], t.to[i] }

// objectConjuncts returns the conjuncts of object head obj, but not one
// that comes after a prepositional modifier of the object: in "feeding
// information to Tom Berg and another trader" the parser may join the
// trader to the information, but a reader joins him to Berg.
func (t *tree) objectConjuncts(obj int) []int {
	out := []int{obj}
	for _, k := range t.children(obj, "conj") {
		if !t.modifierBetween(obj, k) && !t.placeAfterName(obj, k) {
			out = append(out, t.conjuncts(k)...)
		}
	}
	return out
}

// placeAfterName reports conjunct k of a name that is no second object
// but where the first is: "closed Summit Savings, Park City, Utah" — a
// place the name tagger marks, set off by a comma with no conjunction,
// after a name it does not mark as a place.
func (t *tree) placeAfterName(obj, k int) bool {
	if t.child(k, "cc") >= 0 || !strings.HasSuffix(t.toks[t.from[k]].NER, "PLACE") && !strings.HasSuffix(t.toks[k].NER, "PLACE") {
		return false
	}
	return !strings.HasSuffix(t.toks[obj].NER, "PLACE") && t.toks[obj].UPOS == "PROPN"
}

// modifierBetween reports a prepositional modifier of h between h and k.
func (t *tree) modifierBetween(h, k int) bool {
	for _, m := range t.children(h, "nmod") {
		if m > h && m < k && t.child(m, "case") >= 0 {
			return true
		}
	}
	return false
}

// conjuncts returns i and the tokens coordinated with it ("Musk and
// Putin", "Musk, Putin and Peskov").
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for _, k := range t.children(i, "conj") {
		out = append(out, t.conjuncts(k)...)
	}
	return out
}

// isNominal reports a token that heads a noun phrase.
func (t *tree) isNominal(i int) bool {
	switch t.toks[i].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "SYM", "X":
		return true
	}
	return false
}

// phraseRels are the dependents that belong to a base noun phrase: "the
// Kremlin's official Twitter account", "about 5,000 people", "Peter
// Caruana".
var phraseRels = []string{"det", "amod", "compound", "nummod", "nmod:poss", "flat", "fixed", "advmod", "det:predet", "nmod:desc"}

// phrase returns the base noun phrase headed by h: its determiners,
// modifiers and name parts, without prepositional phrases, clauses or
// conjuncts. Its Head is the last word of a name ("Caruana").
func (t *tree) phrase(h int) nounPhrase {
	np := nounPhrase{Chunk: Chunk{h, h + 1}, Head: h}
	for _, k := range t.kids[h] {
		rel := t.toks[k].Rel
		if !relIn(rel, phraseRels) && !t.monthBeforeDay(k, h) {
			continue
		}
		if rel == "advmod" && k > h {
			continue
		}
		if k > h && (rel == "flat" || rel == "compound") && t.toks[t.from[k]].Rel == "case" {
			continue // "Jim McGroarty of Discount Corp" read as one name: the "of" phrase is not
		}
		if rel == "nmod:poss" {
			p := t.phrase(k)
			np.Possessor = &p
		}
		a, b := t.span(k)
		if k > h && rel != "flat" && rel != "fixed" && rel != "compound" && rel != "nummod" {
			continue
		}
		np.From, np.To = min(np.From, a), max(np.To, b)
		if k > h && (rel == "flat" || rel == "compound") {
			np.Head = max(np.Head, k)
		}
	}
	t.nameAfterTitle(&np)
	t.cutAtPreposition(&np)
	// a phrase never takes in punctuation at its edges
	for np.From < h && t.toks[np.From].UPOS == "PUNCT" {
		np.From++
	}
	for np.To-1 > np.Head && t.toks[np.To-1].UPOS == "PUNCT" {
		np.To--
	}
	return np
}

// monthBeforeDay reports a month name the parser hung on the day after
// it ("on Sept. 29", with "29" the head): the two are one date.
func (t *tree) monthBeforeDay(k, h int) bool {
	return k == h-1 && t.toks[h].UPOS == "NUM" && monthNames[strings.TrimSuffix(t.toks[k].Lower, ".")] != 0
}

// cutAtPreposition ends a name phrase before a preposition inside it
// when the parser made the name after the preposition its head: "Jim
// Berg of Halden Bank" read as compounds of "Bank" names Jim Berg, of
// Halden Bank.
func (t *tree) cutAtPreposition(np *nounPhrase) {
	for k := np.From + 1; k < np.Head; k++ {
		if t.toks[k].Rel == "case" && t.toks[k].UPOS == "ADP" && t.toks[k-1].UPOS == "PROPN" && t.toks[np.Head].UPOS == "PROPN" {
			np.To, np.Head = k, k-1
			return
		}
	}
}

// nameAfterTitle takes in a name that directly follows a common noun as
// its apposition, "his book Rivers", "third seed Anna Berg": the name is
// what the phrase refers to.
func (t *tree) nameAfterTitle(np *nounPhrase) {
	h := np.Head
	if t.toks[h].UPOS != "NOUN" {
		return
	}
	for _, k := range t.kids[h] {
		if t.toks[k].Rel != "appos" || t.toks[k].UPOS != "PROPN" {
			continue
		}
		if t.toks[t.from[k]].UPOS == "ADP" {
			return // "its unit [to Norland Steel Corp]": a phrase the parser hung as an apposition
		}
		name := t.phrase(k)
		if name.From != np.To {
			return // "the mayor, Paul Martin": a comma makes it an apposition
		}
		np.To, np.Head = name.To, name.Head
		return
	}
}

// inRelativeClause reports whether token i lies inside a relative clause
// ("the seed, who is to meet Roddick, …").
func (t *tree) inRelativeClause(i int) bool {
	for cur, n := i, 0; cur >= 0 && n < len(t.toks); n++ {
		if t.toks[cur].Rel == "acl:relcl" {
			return true
		}
		cur = t.toks[cur].Head
	}
	return false
}

// subjectLike reports whether the name on tokens [from, to) is the subject
// of a clause, or in apposition or coordination with one.
func (t *tree) subjectLike(from, to int) bool {
	for i := from; i < to; i++ {
		cur := i
		for n := 0; cur >= 0 && n < len(t.toks) && relIn(t.toks[cur].Rel, nameLinkRels); n++ {
			cur = t.toks[cur].Head
		}
		if cur >= 0 && baseRel(t.toks[cur].Rel) == "nsubj" {
			return true
		}
	}
	return false
}

// nameLinkRels join a word to the name or phrase it is part of, or stands
// beside: walking up them from a name's word reaches the name's role.
var nameLinkRels = []string{"flat", "compound", "appos", "conj"}
