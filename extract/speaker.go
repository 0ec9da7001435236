package extract

import (
	"slices"
	"strings"
)

// Speakers named only by what they are: "a Nestle spokesman said", "one
// dealer said", "conference sources said". Such a speaker is an entity of
// its article alone — two articles' "a spokesman" are not one person — so
// its ID is scoped by the article (see [Unnamed]). What the phrase says of
// the speaker's employer becomes a worksFor fact.

// sourceNouns are the heads of unnamed speakers besides roleNouns.
var sourceNouns = wordSet("source-nouns")

// Unnamed reports whether an entity ID names a speaker known only by a
// description within one article ("reut2-012/12655/nestle-spokesman"):
// such IDs hold the article's ID and a slash, which slugs never do.
// Their names leave out the article: "a Nestle spokesman" is named
// "Nestle spokesman".
func Unnamed(id string) bool { return strings.Contains(id, "/") }

// unnamedID is the ID of the speaker known only as name in article docID.
func unnamedID(docID, name string) string { return docID + "/" + Slug(name) }

// speakerEntity returns the entity that noun phrase np names as a
// speaker: a named entity, or one known only by its role.
func (st *docState) speakerEntity(si int, np *nounPhrase) *docEntity {
	if e := st.npEntity(si, np); e != nil {
		if d := st.describedSpeaker(si, e); d != e || e.desc == nil {
			return d
		}
		if p := st.epithetSpeaker(si, np); p != nil {
			return p // "the comedian" after the comedian spoke by name
		}
		return e
	}
	if e := st.documentAuthor(si, np); e != nil {
		return e
	}
	if e := st.epithetSpeaker(si, np); e != nil {
		return e
	}
	return st.unnamedSpeaker(si, np)
}

// epithetNouns describe a person the story has just named (see
// epithetSpeaker).
var epithetNouns = wordSet("epithet-nouns")

// epithetSpeaker returns the person that speaker np, "the" and an
// epithet ("the Maryland Democrat", "the comedian", "the Briton"),
// stands for: the named person who spoke last, in one of the two
// sentences before; or nil.
func (st *docState) epithetSpeaker(si int, np *nounPhrase) *docEntity {
	if np == nil || np.Head <= np.From || np.Head >= np.To {
		return nil
	}
	toks := st.sents[si].Tokens
	head := toks[np.Head]
	if toks[np.From].Lower != "the" || head.Tag == "NNS" || head.Tag == "NNPS" {
		return nil
	}
	if _, demonym := demonymNouns[head.Lower]; !demonym && !epithetNouns[head.Lower] {
		return nil
	}
	for k := np.From + 1; k < np.Head; k++ {
		if e := st.entityAt(si, k); e != nil && e.typ() == Person {
			return nil // "the Ana Ruiz fan"
		}
	}
	for s := si - 1; s >= 0 && s >= si-2; s-- {
		if e := st.lastSpeaker(s); e != nil && e.desc == nil {
			return e
		}
	}
	return nil
}

// documentNouns are the writings whose words are their author's.
var documentNouns = wordSet("document-nouns")

// documentAuthor returns the organisation whose document noun phrase np
// names ("the report says" after "the U.S. Embassy report"): the
// organisation named with the noun, here or in one of the eight sentences
// before, or nil.
func (st *docState) documentAuthor(si int, np *nounPhrase) *docEntity {
	if np == nil || np.Head < 0 || np.Head >= len(st.sents[si].Tokens) {
		return nil
	}
	lemma := st.sents[si].Tokens[np.Head].Lemma
	if !documentNouns[lemma] {
		return nil
	}
	for s := si; s >= 0 && s >= si-8; s-- {
		t := st.treeOf(s)
		if t == nil {
			continue
		}
		for i, tk := range t.toks {
			if tk.Lemma != lemma || s == si && i > np.Head {
				continue
			}
			if e := st.authorOf(s, t, i); e != nil {
				return e
			}
		}
	}
	return nil
}

// authorOf returns the organisation named as the author of document
// noun i: "the U.S. Embassy report", "Acme's statement", "a report by
// Acme", "Acme said in a report".
func (st *docState) authorOf(si int, t *tree, i int) *docEntity {
	if h := t.toks[i].Head; h >= 0 && baseRel(t.toks[i].Rel) == "obl" && speechVerbs[t.toks[h].Lemma] {
		if s := t.child(h, "nsubj"); s >= 0 {
			if e := st.orgAt(si, s); e != nil {
				return e
			}
		}
	}
	for _, k := range t.kids[i] {
		rel := t.toks[k].Rel
		if rel != "compound" && rel != "nmod:poss" && !(rel == "nmod" && t.child(k, "case") >= 0 && authorPrepositions[t.toks[t.child(k, "case")].Lower]) {
			continue
		}
		if e := st.orgAt(si, k); e != nil {
			return e
		}
	}
	return nil
}

// orgAt returns the organisation named or described at token k of
// sentence si: "Acme", or "the firm" once it is known which firm.
func (st *docState) orgAt(si, k int) *docEntity {
	for _, m := range st.mentions[si] {
		if m.ent == nil || k < m.from || k >= m.to || m.kind == pronounMention {
			continue
		}
		if m.ent.typ() == Organization {
			return m.ent
		}
	}
	return nil
}

// unnamedSpeaker returns the article's entity for a speaker phrase headed
// by a role or source noun, creating it at first use; nil for any other
// phrase.
func (st *docState) unnamedSpeaker(si int, np *nounPhrase) *docEntity {
	if np == nil || np.Head < np.From || np.Head >= np.To {
		return nil
	}
	toks := st.sents[si].Tokens
	head := toks[np.Head]
	if head.UPOS != "NOUN" && head.UPOS != "ADJ" || !roleNouns[head.Lower] && !roleNouns[head.Lemma] && !sourceNouns[head.Lemma] {
		return nil
	}
	// "a spokesman" and "the spokesman" are one speaker, named without
	// the article: "Home Office spokesman", "two union officials"
	from := np.From
	if (toks[from].UPOS == "DET" || toks[from].Tag == "WDT" || toks[from].Tag == "WP") && from < np.Head {
		from++ // "the officials", "…, which diplomats say"
	}
	to := max(np.To, st.employerEnd(si, np.Head)) // "spokesman for the Home Office"
	name := oneLine(joinTokens(toks, from, to))
	keyFrom := from
	if toks[keyFrom].UPOS == "NUM" && keyFrom < np.Head {
		keyFrom++
	}
	key := normName(joinTokens(toks, keyFrom, to))
	if e := st.unnamed[key]; e != nil {
		return st.spoken(si, head, e)
	}
	if from == np.Head && to == np.Head+1 && toks[np.From].Lower == "the" {
		if e := st.lastDescribed(si, head.Lower, head.Tag == "NNS"); e != nil {
			return st.spoken(si, head, e) // "the officials": the ones just described
		}
	}
	e := &docEntity{local: len(st.ents), names: map[string]int{name: 1}, scope: st.doc.ID, plural: head.Tag == "NNS"}
	e.votes[typeIndex(Person)] = 3
	st.ents = append(st.ents, e)
	if st.unnamed == nil {
		st.unnamed = map[string]*docEntity{}
	}
	st.unnamed[key] = e
	st.unnamedEmployer(si, np, e)
	return st.spoken(si, head, e)
}

// spokenOf is the speaker known only by a role who was spoken of last,
// and the sentence where.
type spokenOf struct {
	e    *docEntity
	sent int
}

// describedSpeaker returns, for a speaker that is a bare description in
// sentence si ("the spokesman"), the speaker known only by that role who
// was spoken of last ("a spokesman for the Home Office"), unless a named
// person with that role came between; else e.
func (st *docState) describedSpeaker(si int, e *docEntity) *docEntity {
	if e.desc == nil || e.desc.Org != "" || e.desc.Place != "" {
		return e
	}
	if last := st.lastDescribed(si, e.desc.Role, false); last != nil {
		return last
	}
	return e
}

// lastDescribed returns the speaker known only by role, headed by role
// and singular or plural as asked, who was spoken of last before
// sentence si, unless a named person with that role came between; or
// nil.
func (st *docState) lastDescribed(si int, role string, plural bool) *docEntity {
	last := st.lastUnnamed[role]
	if last.e == nil || last.e.plural != plural || st.namedWithRole(role, last.sent, si) {
		return nil
	}
	return last.e
}

// namedWithRole reports a name given the role in sentences from to to.
func (st *docState) namedWithRole(role string, from, to int) bool {
	for si := from; si <= to && si < len(st.mentions); si++ {
		for _, m := range st.mentions[si] {
			if m.kind == nameMention && slices.Contains(m.roles, role) {
				return true
			}
		}
	}
	return false
}

// spoken remembers e, headed by head, as the last speaker known only by
// that role, spoken of in sentence si, and returns it.
func (st *docState) spoken(si int, head Token, e *docEntity) *docEntity {
	if st.lastUnnamed == nil {
		st.lastUnnamed = map[string]spokenOf{}
	}
	st.lastUnnamed[head.Lower] = spokenOf{e, si}
	return e
}

// unnamedEmployer records the organisation an unnamed speaker's title
// names (see titleOf): "a Nestle spokesman", "an official at the
// Department of Trade"; not a former one.
func (st *docState) unnamedEmployer(si int, np *nounPhrase, e *docEntity) {
	t := st.treeOf(si)
	if t == nil {
		return
	}
	for k := np.From; k < np.Head; k++ {
		if t.toks[k].Rel == "cc" {
			return // "White House and defense officials": not all of them work for the White House
		}
	}
	if _, former, org := st.titleOf(si, t, np.Head); org != nil && org != e && !former && org.typ() == Organization {
		st.add(pendingFact{subj: e, obj: org, pred: "worksFor", sent: si, rule: "role.unnamed", conf: 0.8})
	}
}

// employerEnd is the end of the employer phrases after head h ("for the
// Home Office", "at Acme"), or 0 when there are none.
func (st *docState) employerEnd(si, h int) int {
	t := st.treeOf(si)
	if t == nil {
		return 0
	}
	end := 0
	for _, k := range t.children(h, "nmod") {
		if cs := t.child(k, "case"); cs >= 0 && cs > h && employerPrepositions[t.toks[cs].Lower] {
			end = max(end, t.to[k])
		}
	}
	if end == 0 {
		end = st.employerNamedAfter(si, h)
	}
	// a name the phrase cuts off goes on to its end: "officials of the
	// U.S. Meat Export Federation", with "Export Federation" hung elsewhere
	for _, m := range st.mentions[si] {
		if m.kind == nameMention && m.from < end && m.to > end {
			end = m.to
		}
	}
	return end
}

// employerNamedAfter returns the end of an organisation's name that
// follows role noun h and an employer preposition, whatever the parser
// hung it on ("a spokesman for <Norland Steel Corp> said", where the
// brackets led it to take the name for a second subject), or 0.
func (st *docState) employerNamedAfter(si, h int) int {
	toks := st.sents[si].Tokens
	k := h + 1
	if k+1 >= len(toks) || !employerPrepositions[toks[k].Lower] {
		return 0
	}
	k++
	if wireBracket(toks, k) {
		k++
	}
	for _, m := range st.mentions[si] {
		if m.kind == nameMention && m.from == k && m.ent != nil && m.ent.typ() == Organization {
			if m.to < len(toks) && wireBracket(toks, m.to) {
				return m.to + 1
			}
			return m.to
		}
	}
	return 0
}
