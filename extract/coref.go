package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// legalSuffixes end companies' registered names.
var legalSuffixes = wordSet("legal-suffixes")

// withoutLegalSuffix returns a company's name without the legal suffixes
// that end it ("Allis-Chalmers" for "Allis-Chalmers Corp"), or "" when
// it has none, or nothing would be left but a place or a nationality.
func withoutLegalSuffix(name string) string {
	f := strings.Fields(name)
	words := withoutSuffixWords(f)
	if len(words) == len(f) {
		return ""
	}
	short := strings.Join(words, " ")
	low := strings.ToLower(short)
	if _, demonym := demonyms[low]; demonym || places[low] {
		return ""
	}
	return short
}

// withoutKindWord returns a company's name, already without its legal
// suffix, without the word after it that says what kind of business it
// is ("Pay N' Pak" for "Pay N' Pak Stores"), or "" when there is none or
// fewer than two words, a place or a nationality would be left ("Halden"
// for "Halden Foods", "New York" for "New York Times").
func withoutKindWord(name string) string {
	f := strings.Fields(name)
	if len(f) < 3 || !orgSuffixes[strings.ToLower(f[len(f)-1])] || legalSuffixes[strings.ToLower(f[len(f)-1])] {
		return ""
	}
	switch strings.ToLower(f[len(f)-2]) {
	case "and", "&", "of", "for":
		return "" // "Texas Oil and Gas"
	}
	short := strings.Join(f[:len(f)-1], " ")
	low := strings.ToLower(short)
	if _, demonym := demonyms[low]; demonym || places[low] {
		return ""
	}
	return short
}

// linkMentions groups a document's mentions into entities: equal names,
// a surname after the full name ("Musk" after "Elon Musk"), an acronym
// given in brackets, pronouns to the nearest person, and definite
// descriptions ("the Tesla boss") to a person in the document whose
// stated role matches. Descriptions that match no one become entities of
// their own for [Resolve] to settle across documents.
func (st *docState) linkMentions() {
	l := &linker{st: st, byKey: map[string]*docEntity{}, descByText: map[string]*docEntity{}}
	l.longNames()
	l.oneWordNames()
	l.possessors()
	for si, ms := range st.mentions {
		for _, m := range ms {
			l.reference(si, m)
		}
	}
}

// linker holds what linkMentions has grouped so far: entities by the
// keys of their names, and descriptions by their text.
type linker struct {
	st         *docState
	byKey      map[string]*docEntity
	descByText map[string]*docEntity
	descN      int
}

func (l *linker) newEnt() *docEntity {
	e := &docEntity{local: len(l.st.ents), names: map[string]int{}}
	l.st.ents = append(l.st.ents, e)
	return e
}

// attach makes m a mention of e, its name a key of e.
func (l *linker) attach(e *docEntity, m *mention) {
	m.ent = e
	e.mentions = append(e.mentions, m)
	if m.kind == nameMention {
		e.names[m.name]++
		l.byKey[normName(m.name)] = e
		if owner, _, ok := strings.Cut(m.name, "'s "); ok && l.byKey[normName(owner)] == nil && m.votes[typeIndex(Organization)] > 0 {
			l.byKey[normName(owner)] = e // "Moody's" after "Moody's Investors Service Inc"
		}
		if k := strings.LastIndexByte(m.name, ' '); k > 0 && legalSuffixes[strings.ToLower(m.name[k+1:])] {
			e.registered = true // "Aca Joe Inc"
		}
		if short := withoutLegalSuffix(m.name); short != "" && l.byKey[normName(short)] == nil {
			l.byKey[normName(short)] = e // "Allis-Chalmers" after "Allis-Chalmers Corp"
			if shorter := withoutKindWord(short); shorter != "" && l.byKey[normName(shorter)] == nil {
				l.byKey[normName(shorter)] = e // "Pay N' Pak" after "Pay N' Pak Stores Inc"
			}
		}
	}
	for i, v := range m.votes {
		e.votes[i] += v
	}
}

// refer makes m a mention of e without making its words a name of e.
func refer(e *docEntity, m *mention) {
	m.ent = e
	e.mentions = append(e.mentions, m)
}

// longNames links the names of two or more words, and acronyms given
// in brackets after them.
func (l *linker) longNames() {
	for si, ms := range l.st.mentions {
		for _, m := range ms {
			if m.kind != nameMention || len(strings.Fields(m.name)) < 2 {
				continue
			}
			e := l.byKey[normName(m.name)]
			if e == nil {
				e = l.newEnt()
			}
			l.attach(e, m)
			toks := l.st.sents[si].Tokens
			if m.to+2 < len(toks) && toks[m.to].Text == "(" && toks[m.to+2].Text == ")" && isAcronym(toks[m.to+1].Text) {
				l.byKey[normName(toks[m.to+1].Text)] = e
			}
		}
	}
}

// oneWordNames links single words: the same name, a person's surname,
// or the head or initials of one longer name.
func (l *linker) oneWordNames() {
	for _, ms := range l.st.mentions {
		for _, m := range ms {
			if m.kind != nameMention || len(strings.Fields(m.name)) >= 2 {
				continue
			}
			key := normName(m.name)
			e := l.byKey[key]
			if e != nil && len(m.roles) > 0 && e.typ() != Person {
				// "Chairman Heineken" after "Heineken NV" and "Freddie
				// Heineken": a titled surname is the person's, and the
				// bare name stays the company's
				if p := l.st.surnameOwner(m.name); p != nil {
					l.attach(p, m)
					l.byKey[key] = e
					continue
				}
			}
			if e == nil {
				e = l.st.surnameOwner(m.name)
			}
			if e == nil {
				e = l.st.headOwner(m)
			}
			if e == nil {
				e = l.newEnt()
			}
			l.attach(e, m)
			l.byKey[key] = e
		}
	}
}

// possessors links the possessors named before a person ("Bloomberg's
// Ilya Arkhipov").
func (l *linker) possessors() {
	for _, ms := range l.st.mentions {
		for _, m := range ms {
			if m.possessor != nil {
				if e := l.byKey[normName(m.possessor.name)]; e != nil {
					m.possessor.ent = e
				}
			}
		}
	}
}

// reference links a pronoun, category noun or description, in reading
// order.
func (l *linker) reference(si int, m *mention) {
	st := l.st
	var e *docEntity
	switch m.kind {
	case categoryMention:
		e = st.categoryReferent(si, m)
	case pronounMention:
		if inSpans(st.quoteSpans(si), st.sents[si].Tokens[m.from].Start) || firstPerson(m.name) {
			return // "I" is the quotation's speaker: see linkSpeakerPronouns
		}
		switch m.name {
		case "its":
			e = st.subjectThing(si, m.from)
		case "it":
			if st.subjectSpeaks(si, m.from) && st.reportsSpeech(si, m.from) {
				e = st.lastOrgSpeaker(si) // "Acme said … It said …"
			}
		default:
			e = st.antecedent(si, m.from)
		}
	case descMention:
		l.description(m)
		return
	}
	if e != nil {
		refer(e, m)
	}
}

// description links a definite description: to the person whose stated
// role it matches, to the same description earlier, or to an entity of
// its own for Resolve to settle across documents.
func (l *linker) description(m *mention) {
	if e := l.st.describedPerson(m); e != nil {
		refer(e, m)
		return
	}
	if e := l.descByText[normName(m.name)]; e != nil {
		l.attach(e, m) // "the minister" again: the same one
		return
	}
	e := l.newEnt()
	l.descByText[normName(m.name)] = e
	l.descN++
	d := &Description{ID: fmt.Sprintf("?%s#%d", l.st.doc.ID, l.descN), Text: m.name, Role: m.roles[0], Place: m.place}
	if len(m.orgs) > 0 && m.orgs[0].ent != nil {
		d.Org = m.orgs[0].ent.canonical()
	}
	e.desc = d
	l.attach(e, m)
}

// categoryReferent finds what "the company" or "the app" of mention m
// in sentence si refers to. "The company said" after an organisation
// spoke is that organisation ("TWA said … the company said"), else the
// story's entity of that kind (see lastOfType).
func (st *docState) categoryReferent(si int, m *mention) *docEntity {
	t, noun := typeOrder[bestVote(m.votes)], categoryNoun(m.name)
	if head := m.to - 1; t == Organization && !categoryNamedNouns[noun] && st.subjectSpeaks(si, head) && st.reportsSpeech(si, head) {
		if e := st.lastOrgSpeaker(si); e != nil {
			return e
		}
	}
	return st.lastOfType(si, m.from, t, noun)
}

// lastOfType finds what "the company" or "the app" at token tok of
// sentence si refers to: among the entities of type t named in the last
// six sentences, the one the document has named most often so far (the
// story's app, not an app mentioned in passing), on a tie the one named
// first. A noun of categoryNamedNouns ("the government") takes only an
// entity whose name holds it.
func (st *docState) lastOfType(si, tok int, t EntityType, noun string) *docEntity {
	var best *docEntity
	bestN := 0
	for s := si; s >= 0 && s >= si-6; s-- {
		ms := st.mentions[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if s == si && m.from >= tok {
				continue
			}
			if m.kind != nameMention || m.ent == nil || m.ent.desc != nil || m.ent.typ() != t {
				continue
			}
			if categoryNamedNouns[noun] && !strings.Contains(strings.ToLower(m.name), noun) || otherKind(m.name, noun) {
				continue
			}
			// equal counts: the one the story named first is its subject
			if n := st.mentionsBefore(m.ent, si, tok); n > bestN || n == bestN && best != nil && namedBefore(m.ent, best) {
				best, bestN = m.ent, n
			}
		}
	}
	return best
}

// otherKind reports a name whose last word says it is a body of another
// kind than category noun noun: "the bank" is no "Supreme Court", "the
// company" no "Securities and Exchange Commission".
func otherKind(name, noun string) bool {
	f := withoutSuffixWords(strings.Fields(name))
	if len(f) < 2 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	return last != noun && (bodyNouns[last] || courtNouns[last]) && !bodyNouns[noun]
}

// courtNouns end the names of courts and legislatures, bodies no
// company, bank or airline is.
var courtNouns = wordSet("court-nouns")

// namedBefore reports that the story names a before b: in an earlier
// sentence, or earlier in the same one ("Acme said … its acquisition of
// Norland Corp. The company said …" is Acme).
func namedBefore(a, b *docEntity) bool {
	as, at := firstMention(a)
	bs, bt := firstMention(b)
	return as < bs || as == bs && at < bt
}

// firstMention is the sentence and token where e is first named.
func firstMention(e *docEntity) (sent, tok int) {
	sent, tok = 1<<30, 0
	for _, m := range e.mentions {
		if m.kind == nameMention && (m.sent < sent || m.sent == sent && m.from < tok) {
			sent, tok = m.sent, m.from
		}
	}
	return sent, tok
}

// mentionsBefore counts the name mentions of e before token tok of
// sentence si.
func (st *docState) mentionsBefore(e *docEntity, si, tok int) int {
	n := 0
	for _, m := range e.mentions {
		if m.kind == nameMention && (m.sent < si || m.sent == si && m.from < tok) {
			n++
		}
	}
	return n
}

func bestVote(v [6]float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

// headOwner finds the one entity, not a person, whose multi-word name
// ends in m's word, whose initials m spells, or whose registered name m's
// word opens, and whose type m's cues do not contradict: "Discovery"
// after "Space Shuttle Discovery", "KSC" after "Kennedy Space Center",
// "Combustion" after "Combustion Engineering Inc". Two candidates make no
// link.
func (st *docState) headOwner(m *mention) *docEntity {
	word := m.name
	cue := bestVote(m.votes)
	var found *docEntity
	for _, e := range st.ents {
		if e.desc != nil || e.typ() == Person {
			continue
		}
		if cue != typeIndex(Person) && m.votes[cue] >= 0.5 && typeOrder[cue] != e.typ() {
			continue
		}
		for n := range e.names {
			f := strings.Fields(n)
			if len(f) < 2 {
				continue
			}
			if strings.EqualFold(f[len(f)-1], word) || isAcronym(word) && initials(withoutSuffixWords(f)) == word || companyFirstWord(f, word) || headBeforeOf(f, word) {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// headBeforeOf reports a name whose head, the word before its "of", is
// word: "the Bank" after "the Bank of England", "the Ministry" after the
// "Ministry of Finance"; only a kind of body or organisation (bodyNouns,
// orgSuffixes), not a name
// ("Rhodes" is no "University of Rhodes").
func headBeforeOf(name []string, word string) bool {
	low := strings.ToLower(word)
	for k := 1; k+1 < len(name); k++ {
		if name[k] == "of" {
			return k == 1 && strings.EqualFold(name[0], word) && (bodyNouns[low] || orgSuffixes[low])
		}
	}
	return false
}

// companyFirstWord reports word as the first of a company's registered
// name of three words or more: "Combustion" for "Combustion Engineering
// Inc". Not a nationality or an adjective title ("American", "General").
func companyFirstWord(name []string, word string) bool {
	low := strings.ToLower(word)
	if _, demonym := demonyms[low]; demonym || adjectiveTitles[low] || len(name) < 3 {
		return false
	}
	return strings.EqualFold(name[0], word) && legalSuffixes[strings.ToLower(name[len(name)-1])]
}

// withoutSuffixWords drops the legal suffixes that end a name's words:
// "Trans World Airlines Inc" is "TWA".
func withoutSuffixWords(f []string) []string {
	for len(f) > 1 && legalSuffixes[strings.ToLower(f[len(f)-1])] {
		f = f[:len(f)-1]
		if len(f) > 2 && (f[len(f)-1] == "and" || f[len(f)-1] == "&") {
			f = f[:len(f)-1] // "Touche Ross and Co", "Smith & Co"
		}
	}
	return f
}

// initials are the first letters of a name's capitalised words:
// "Kennedy Space Center" → "KSC".
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		if capitalised(w) {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// surnameOwner finds the person whose multi-word name ends in word.
func (st *docState) surnameOwner(word string) *docEntity {
	var best *docEntity
	for _, e := range st.ents {
		if e.desc != nil || e.votes[typeIndex(Person)] < 0.5 {
			continue
		}
		for n := range e.names {
			f := strings.Fields(n)
			if len(f) >= 2 && strings.EqualFold(f[len(f)-1], word) {
				if best == nil || len(e.mentions) > len(best.mentions) {
					best = e
				}
			}
		}
	}
	return best
}

// antecedent picks the person a pronoun at token tok of sentence si refers
// to: the first person named earlier in the same sentence, else, in the
// nearest of the two previous sentences, the subject of its main clause
// when that is a person (named, or known only by role: "one dealer
// advised caution. … he said"), else the first person named there as the
// subject of some clause, outside quotations and relative clauses.
func (st *docState) antecedent(si, tok int) *docEntity {
	if e := st.subjectBefore(si, tok); e != nil {
		return e // "Chirac's spokesman, Denis Baudouin, … when he said": the subject, not the possessor
	}
	if e := st.personBefore(si, tok); e != nil {
		return e
	}
	if st.subjectSpeaks(si, tok) && si > 0 {
		// "…, Fitzwater told reporters. He said …": the last speaker
		if e := st.lastSpeaker(si - 1); e != nil {
			return e
		}
	}
	for back := 1; back <= 2 && si-back >= 0; back++ {
		if prev := &st.sents[si-back]; prev.Headline && (prev.Index == 0 || isTitleCase(prev.Text)) {
			break // a title names no one a pronoun in the story means
		}
		if e := st.subjectPerson(si - back); e != nil {
			return e
		}
		if e := st.topicPerson(si - back); e != nil {
			return e
		}
	}
	return nil
}

// personBefore returns the first person named in sentence si before
// token tok, or a one-word name that speaks of tok ("Reagan said he …").
// subjectBefore returns the person the subject of sentence si names,
// when the subject ends before token tok, or nil.
func (st *docState) subjectBefore(si, tok int) *docEntity {
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	subj := t.child(t.root, "nsubj")
	if subj < 0 || t.to[subj] > tok {
		return nil
	}
	if e := st.subjectPerson(si); e != nil && e.scope == "" && e.desc == nil {
		return e // a named person: "Mr Berg's defence team" is no "he"
	}
	return nil
}

func (st *docState) personBefore(si, tok int) *docEntity {
	toks := st.sents[si].Tokens
	quotes := st.quoteSpans(si)
	outside := !inSpans(quotes, toks[tok].Start)
	for _, m := range st.mentions[si] {
		if m.from >= tok {
			break
		}
		if m.ent == nil || m.kind != nameMention || m.inTitle || st.taggedThing(si, m) {
			continue
		}
		if outside && inSpans(quotes, toks[m.from].Start) {
			continue // ""Africa did well," he said": a name in the quotation is no "he"
		}
		if typ := m.ent.typ(); typ == Person || typ == Other && st.speaksOf(si, m.to-1, tok) {
			return m.ent // "Reagan said he …": who speaks of "he" is a person
		}
	}
	return nil
}

// topicPerson returns the first person named in sentence si as the
// subject of some clause, outside quotations and relative clauses.
func (st *docState) topicPerson(si int) *docEntity {
	quotes := st.quoteSpans(si)
	t := st.treeOf(si)
	for _, m := range st.mentions[si] {
		if m.ent == nil || m.inTitle || m.ent.typ() != Person || m.ent.desc != nil || st.taggedThing(si, m) {
			continue
		}
		if t != nil && (t.inRelativeClause(m.from) || !t.subjectLike(m.from, m.to)) {
			continue // "the seed, who is to meet Roddick, …": Roddick is not the topic
		}
		if inSpans(quotes, st.sents[si].Tokens[m.from].Start) {
			continue
		}
		return m.ent
	}
	return nil
}

// subjectSpeaks reports whether token tok of sentence si is the subject
// of a speech verb.
func (st *docState) subjectSpeaks(si, tok int) bool {
	t := st.treeOf(si)
	if t == nil || t.toks[tok].Rel != "nsubj" || t.toks[tok].Head < 0 {
		return false
	}
	h := t.toks[tok].Head
	return t.toks[h].UPOS == "VERB" && t.speaks(h)
}

// speaksOf reports whether token subj of sentence si is the subject of a
// speech verb that token tok is reported under, with no other speech
// verb between.
func (st *docState) speaksOf(si, subj, tok int) bool {
	if !st.subjectSpeaks(si, subj) {
		return false
	}
	t := st.treeOf(si)
	v := t.toks[subj].Head
	for k, n := t.toks[tok].Head, 0; k >= 0 && n < len(t.toks); k, n = t.toks[k].Head, n+1 {
		if k == v {
			return true
		}
		if t.toks[k].UPOS == "VERB" && t.speaks(k) {
			return false // "… and the spokesman said he …": another speaker's
		}
	}
	return false
}

// reportsSpeech reports whether the verb whose subject is token tok of
// sentence si reports speech: it takes no object ("it added that …", not
// "it added several conditions").
func (st *docState) reportsSpeech(si, tok int) bool {
	t := st.treeOf(si)
	return t != nil && t.child(t.toks[tok].Head, "obj") < 0
}

// lastSpeechSubject returns the tree of sentence si and the subject of
// its last speech verb outside quotations, or -1.
func (st *docState) lastSpeechSubject(si int) (*tree, int) {
	t := st.treeOf(si)
	if t == nil {
		return nil, -1
	}
	quotes := st.quoteSpans(si)
	for v := len(t.toks) - 1; v >= 0; v-- {
		if t.toks[v].UPOS != "VERB" || !t.speaks(v) || inSpans(quotes, t.toks[v].Start) {
			continue
		}
		if subj := t.child(v, "nsubj"); subj >= 0 {
			return t, subj
		}
	}
	return t, -1
}

// lastSpeaker returns the person who is the subject of the last speech
// verb of sentence si outside quotations, or nil.
func (st *docState) lastSpeaker(si int) *docEntity {
	t, subj := st.lastSpeechSubject(si)
	if subj < 0 {
		return nil
	}
	if e := st.personOfSubject(si, t, subj); e != nil && e.typ() == Person {
		return e
	}
	return nil
}

// lastOrgSpeaker is what "it said" in sentence si refers to: the
// organisation that last spoke in the sentences before it, in its
// paragraph or the one before, or nil when a person or nobody did. An
// earlier "It said" counts as that organisation speaking.
func (st *docState) lastOrgSpeaker(si int) *docEntity {
	for s := si - 1; s >= 0 && s >= si-3 && st.sents[s].Para >= st.sents[si].Para-1; s-- {
		t, subj := st.lastSpeechSubject(s)
		if subj < 0 {
			continue
		}
		np := t.phrase(subj)
		if e := st.npEntity(s, &np); e != nil && e.typ() == Organization {
			return e
		}
		return nil
	}
	return nil
}

// taggedThing reports whether the name tagger reads mention m of
// sentence si as a place or an organisation, and nothing as strong as a
// title or honorific says it is a person: "he" is never "West Africa".
func (st *docState) taggedThing(si int, m *mention) bool {
	if m.ent != nil && m.ent.votes[typeIndex(Person)] >= 2 {
		return false
	}
	n := 0
	for _, t := range st.sents[si].Tokens[m.from:m.to] {
		if typ := nameTag(t); typ == Place || typ == Organization {
			n++
		}
	}
	return n*2 > m.to-m.from
}

// subjectThing picks what "its" at token tok of sentence si refers to:
// an organisation or product that is the subject of a clause before it in
// the sentence ("Acme said its profit rose"), else the subject of the
// previous sentence's main clause, if that is one.
func (st *docState) subjectThing(si, tok int) *docEntity {
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	for i := tok - 1; i >= 0; i-- {
		if r := t.toks[i].Rel; r == "nsubj" || r == "nsubj:pass" {
			if e := st.thingAt(si, i); e != nil {
				return e
			}
		}
	}
	if si == 0 || st.sents[si-1].Para != st.sents[si].Para {
		return nil
	}
	pt := st.treeOf(si - 1)
	if pt == nil {
		return nil
	}
	if s := pt.child(pt.root, "nsubj", "nsubj:pass"); s >= 0 {
		return st.thingAt(si-1, s)
	}
	return nil
}

// thingAt returns the organisation or product named at token i of
// sentence si.
func (st *docState) thingAt(si, i int) *docEntity {
	for _, m := range st.mentions[si] {
		if m.ent != nil && m.kind != pronounMention && i >= m.from && i < m.to {
			if typ := m.ent.typ(); typ == Organization || typ == Product {
				return m.ent
			}
			return nil
		}
	}
	return nil
}

// subjectPerson returns the one person who is the subject of sentence
// si's main clause, outside quotations, or nil.
func (st *docState) subjectPerson(si int) *docEntity {
	t := st.treeOf(si)
	if t == nil {
		return nil
	}
	root := t.root
	// "X have signed up, the comedian has told BBC News": the speaker of
	// the sentence is its subject, not the subject of what is reported
	for _, k := range t.children(root, "parataxis") {
		if speechVerbs[t.toks[k].Lemma] && t.child(k, "nsubj") >= 0 {
			root = k
			break
		}
	}
	subj := t.child(root, "nsubj")
	if subj < 0 || inSpans(st.quoteSpans(si), t.toks[subj].Start) {
		return nil
	}
	return st.personOfSubject(si, t, subj)
}

// personOfSubject returns the one person subject token subj of sentence
// si names: by name, by a name in apposition ("the chairman of the
// conference, Manaspas Xuto, said"), or by role alone ("one dealer").
func (st *docState) personOfSubject(si int, t *tree, subj int) *docEntity {
	if tag := t.toks[subj].Tag; tag == "NNS" || tag == "NNPS" {
		return nil // "he" and "she" are one person: "producers" are not
	}
	for _, h := range append(t.children(subj, "appos"), subj) {
		np := t.phrase(h)
		if e := st.npEntity(si, &np); e != nil {
			if typ := e.typ(); typ == Person || typ == Other && h != subj {
				return st.describedSpeaker(si, e)
			}
			return nil
		}
	}
	np := t.phrase(subj)
	return st.unnamedSpeaker(si, &np)
}

// describedPerson finds the one named person in this document whose role
// matches description m.
func (st *docState) describedPerson(m *mention) *docEntity {
	var found *docEntity
	for _, e := range st.ents {
		if e.desc != nil || e.typ() != Person {
			continue
		}
		if entityHasRole(e, m.roles[0], orgKey(m), m.place) {
			if found != nil && found != e {
				return nil // ambiguous: prefer no link to a wrong one
			}
			found = e
		}
	}
	return found
}

func orgKey(m *mention) string {
	if len(m.orgs) == 0 {
		return ""
	}
	return normName(m.orgs[0].name)
}

func entityHasRole(e *docEntity, role, org, place string) bool {
	for _, m := range e.mentions {
		if m.kind != nameMention {
			continue
		}
		for _, r := range m.roles {
			if !sameRole(r, role) {
				continue
			}
			if place != "" && m.place != place {
				continue
			}
			if org == "" {
				return true
			}
			for _, o := range m.orgs {
				if normName(o.name) == org {
					return true
				}
			}
		}
	}
	return false
}

// categoryNamedNouns are the category nouns that refer back only to a
// name that holds them.
var categoryNamedNouns = wordSet("category-named-nouns")

// categoryNoun is the last word of a category mention, "the company" →
// "company".
func categoryNoun(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// firstPerson reports the pronouns of a speaker: "I", "me", "my".
func firstPerson(pronoun string) bool {
	switch pronoun {
	case "i", "me", "my", "mine", "myself":
		return true
	}
	return false
}

// linkSpeakerPronouns links the first-person pronouns inside quotation q
// (which starts in sentence si) to its speaker: in "“I was there,” Ruiz
// said", "I" is Ruiz.
func (st *docState) linkSpeakerPronouns(si int, q Span, speaker *docEntity) {
	for s := si; s < len(st.sents) && st.sents[s].Start < q.End; s++ {
		toks := st.sents[s].Tokens
		for _, m := range st.mentions[s] {
			if m.kind != pronounMention || m.ent != nil || !firstPerson(m.name) {
				continue
			}
			if at := toks[m.from].Start; at >= q.Start && at < q.End {
				m.ent = speaker
				speaker.mentions = append(speaker.mentions, m)
			}
		}
	}
}
