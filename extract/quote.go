package extract

import (
	"strings"
)

// quoteFacts attributes direct quotations and reported speech to speakers.
//
// A quotation is attributed by the speech verb next to it: after it
// ("“…,” Peskov told reporters", "“…,” said Peskov"), or before it
// ("Peskov told reporters: “…”", "he added: “…”", "saying “…”"). A
// paragraph that is only a quotation continues the speaker of the
// paragraph before. Short quotations with no speech verb beside them are
// scare quotes ("called it a “misunderstanding”") and are not attributed.
func (st *docState) quoteFacts() {
	speakerOfPara := map[int]*docEntity{}
	done := map[Span]bool{}
	for si := range st.sents {
		st.trace.at(si)
		s := &st.sents[si]
		if st.clauses[si] == nil && st.skipSentence(si) {
			continue
		}
		for _, q := range st.quoteSpans(si) {
			if done[q] || q.Start < s.Start || q.Start >= s.End {
				continue
			}
			done[q] = true
			inner := strings.TrimSpace(st.doc.Text[q.Start:q.End])
			inner = strings.Trim(inner, "“”\"")
			inner = strings.TrimRight(strings.TrimSpace(inner), ",")
			words := len(strings.Fields(inner))
			if words == 0 {
				continue
			}
			speaker, at, conf, rule := st.attributeQuote(si, q)
			if rule == "quote.pronoun" {
				speaker, conf, rule = goesOn(s.Para, speakerOfPara)
			}
			if speaker == nil && words >= 4 && rule == "" {
				speaker, at, conf, rule = st.continuedQuote(si, q, speakerOfPara)
			}
			if rule == "quote.unknown" {
				delete(speakerOfPara, s.Para) // someone else speaks now
			}
			if speaker == nil && words >= 4 {
				st.unattributed = append(st.unattributed, pendingQuote{text: inner, sent: si})
			}
			if speaker == nil || words < 4 && rule != "quote.after" {
				continue
			}
			speakerOfPara[s.Para] = speaker
			st.linkSpeakerPronouns(si, q, speaker)
			// the words are dated by a date outside the quotation where the
			// speaker is named ("…," Okafor told reporters on Tuesday)
			st.add(pendingFact{subj: speaker, pred: "said", lit: &Literal{Kind: Quote, Text: inner}, sent: at, rule: rule, conf: conf,
				spanFrom: 0, spanTo: len(st.sents[at].Tokens)})
		}
		// reported speech, and speakers for the next paragraph
		for _, c := range st.clauses[si] {
			toks := s.Tokens
			if !st.speaks(si, c.vg.Main) || inSpans(st.quoteSpans(si), toks[c.vg.Main].Start) {
				continue
			}
			speaker := st.speakerEntity(si, c.subj)
			if speaker == nil {
				speaker = st.lastSpeakerFor(si, c.subj, speakerOfPara) // "He said …" after his quotations
			}
			if speaker == nil {
				continue
			}
			speakerOfPara[s.Para] = speaker
			st.reportedSpeech(si, c, speaker)
		}
	}
}

// lastSpeakerFor returns who "he", "she" or "they", a subject that
// coreference gave no one, stands for as a speaker: the last speaker of
// the paragraph or the one before, one person for "he" and "she",
// several for "they" ("Finance Ministry officials said … They said …");
// or nil.
func (st *docState) lastSpeakerFor(si int, np *nounPhrase, speakerOfPara map[int]*docEntity) *docEntity {
	if np == nil || np.To-np.From != 1 {
		return nil
	}
	for _, m := range st.mentions[si] {
		if m.from == np.From && m.ent != nil {
			return nil
		}
	}
	para := st.sents[si].Para
	switch st.sents[si].Tokens[np.From].Lower {
	case "he", "she":
		e, _, _ := goesOn(para, speakerOfPara)
		return e
	case "they":
		if e := paraSpeaker(para, speakerOfPara); e != nil && e.plural {
			return e
		}
	}
	return nil
}

// paraSpeaker is the last speaker of paragraph para, or of the one
// before it.
func paraSpeaker(para int, speakerOfPara map[int]*docEntity) *docEntity {
	if e := speakerOfPara[para]; e != nil {
		return e
	}
	return speakerOfPara[para-1]
}

// goesOn is the speaker of `"…," he added` when no antecedent was found
// for "he": the speaker of paragraph para, or of the one before, unless
// that is several people ("traders").
func goesOn(para int, speakerOfPara map[int]*docEntity) (*docEntity, float64, string) {
	speaker := paraSpeaker(para, speakerOfPara)
	if speaker == nil || speaker.plural {
		return nil, 0, "quote.unknown"
	}
	return speaker, 0.75, "quote.after"
}

// quotesPart reports whether the quotation opening at byte off of
// sentence si closes before byte end: "said "radical changes" were
// needed" quotes part of what is reported.
func (st *docState) quotesPart(si, off, end int) bool {
	for _, q := range st.quoteSpans(si) {
		if q.Start == off {
			return q.End < end
		}
	}
	return false
}

// personBetween returns the person whose name, in sentence si, is the
// first name between byte offsets from and to, or nil.
func (st *docState) personBetween(si, from, to int) *docEntity {
	toks := st.sents[si].Tokens
	for _, m := range st.mentions[si] {
		if m.kind != nameMention || m.ent == nil || m.inTitle || toks[m.from].Start < from || toks[m.from].Start >= to {
			continue
		}
		if m.ent.typ() == Person {
			return m.ent
		}
		return nil
	}
	return nil
}

// continuedQuote finds the speaker of a quotation with no speech verb
// beside it: one that opens a sentence continues the speaker of its
// paragraph ("…," said Ruiz. "And more…"); one that opens a paragraph,
// the speaker of the paragraph before; one that opens a sentence after a
// sentence whose subject is a person who expresses something ("Ruiz
// voiced doubts. "Prices…"), that person.
func (st *docState) continuedQuote(si int, q Span, speakerOfPara map[int]*docEntity) (*docEntity, int, float64, string) {
	s := &st.sents[si]
	opens := q.Start <= s.Start+3 || st.afterFullStop(q.Start)
	if prev := speakerOfPara[s.Para]; prev != nil && opens {
		return prev, si, 0.7, "quote.continued"
	}
	if prev := speakerOfPara[s.Para-1]; prev != nil && st.paraStartsWith(si, q) {
		return prev, si, 0.65, "quote.continued"
	}
	if opens && si > 0 && st.sents[si-1].Para == s.Para && st.expresses(si-1) {
		if e := st.subjectPerson(si - 1); e != nil {
			return e, si, 0.65, "quote.context"
		}
	}
	return nil, si, 0, ""
}

// afterFullStop reports whether the text before offset off, spaces
// aside, ends a sentence: a quotation opening after "Inc." or "said X."
// in a sentence the splitter did not end there.
func (st *docState) afterFullStop(off int) bool {
	before := strings.TrimRight(st.doc.Text[:off], " \t\n")
	return strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?")
}

// expresses reports whether sentence si's main verb is one of speaking
// or of voicing a view ("expressed doubts", "warned").
func (st *docState) expresses(si int) bool {
	t := st.treeOf(si)
	if t == nil {
		return false
	}
	l := t.toks[t.root].Lemma
	return speechVerbs[l] || stanceVerbs[l]
}

// attributeQuote finds the speaker of quotation q, which starts in
// sentence si, and the sentence that names them: by a speech verb after
// the quotation, else by one before it in its opening sentence. Rule
// "quote.unknown" is a speech verb beside the quotation whose speaker is
// no entity.
func (st *docState) attributeQuote(si int, q Span) (*docEntity, int, float64, string) {
	ci := si // the sentence where the quote closes
	for ci+1 < len(st.sents) && st.sents[ci].End < q.End {
		ci++
	}
	if e, conf, rule, ok := st.speakerAfter(ci, q); ok {
		return e, ci, conf, rule
	}
	return st.speakerBefore(si, q)
}

// namingStart is where the phrase naming subject np of sentence si
// starts, with the employer named before its title ("Ministry of Trade
// (MITI) director Ken Ono"): names, acronyms in brackets and titles.
func (st *docState) namingStart(si int, np *nounPhrase) int {
	toks := st.sents[si].Tokens
	k := np.From
	for k > 0 && (st.entityAt(si, k-1) != nil || toks[k-1].Text == "(" || toks[k-1].Text == ")" || roleNouns[toks[k-1].Lower]) {
		k--
	}
	return k
}

// speakerAfter finds the speaker of quotation q by the first speech verb
// after it in sentence ci; ok is false when there is none close enough.
func (st *docState) speakerAfter(ci int, q Span) (*docEntity, float64, string, bool) {
	toks := st.sents[ci].Tokens
	for _, c := range st.clauses[ci] {
		if toks[c.vg.From].Start < q.End || !speechVerbs[toks[c.vg.Main].Lemma] {
			continue
		}
		gap := 0
		for k := c.vg.From - 1; k >= 0 && toks[k].Start >= q.End; k-- {
			gap++
		}
		subjAfter := c.subj != nil && toks[c.subj.From].Start >= q.End
		// the speaker follows the quotation ("…," Martin Mauro, senior
		// economist at Acme, told Reuters; "…," Acme chief Ana Ruiz said)
		// or the verb does ("…," said)
		subjNext := subjAfter && toks[st.namingStart(ci, c.subj)].Start-q.End <= 3 ||
			c.subj == nil && st.personBetween(ci, q.End, q.End+4) != nil
		if gap > 8 && !subjNext {
			return nil, 0, "", false
		}
		if subjAfter {
			if e := st.speakerEntity(ci, c.subj); e != nil {
				return e, 0.9, "quote.after", true
			}
			if l := toks[c.subj.Head].Lower; l == "he" || l == "she" {
				return nil, 0, "quote.pronoun", true // "…," he added: see quoteFacts
			}
		}
		if c.obj != nil && (c.subj == nil || toks[c.subj.From].Start < q.Start) && gap <= 1 {
			// inverted: "…,” said Peskov
			if e := st.speakerEntity(ci, c.obj); e != nil {
				return e, 0.9, "quote.after", true
			}
		}
		if !subjAfter {
			if e := st.personNear(ci, q, c, gap); e != nil {
				return e, 0.8, "quote.after", true
			}
		}
		// a speech verb right after the quotation whose speaker is no
		// entity ("…," says the website): the speaker is not the last one
		return nil, 0, "quote.unknown", true
	}
	return nil, 0, "", false
}

// personNear finds the speaker of quotation q when the parser lost the
// subject of speech clause c or took it from inside the quotation: a
// person named between the quotation and the verb ("…," Martin Mauro, an
// economist, told…), or right after the verb ("…," said Alan Rose of
// First Bank).
func (st *docState) personNear(ci int, q Span, c clause, gap int) *docEntity {
	toks := st.sents[ci].Tokens
	if e := st.personBetween(ci, q.End, toks[c.vg.From].Start); e != nil {
		return e
	}
	if gap > 1 {
		return nil
	}
	return st.personBetween(ci, toks[c.vg.Main].End, toks[c.vg.Main].End+2)
}

// speakerBefore finds the speaker of quotation q by a speech verb before
// it in its opening sentence si ("Peskov told reporters: “…”").
func (st *docState) speakerBefore(si int, q Span) (*docEntity, int, float64, string) {
	toks := st.sents[si].Tokens
	var best *clause
	for i := range st.clauses[si] {
		c := &st.clauses[si][i]
		if toks[c.vg.Main].End > q.Start {
			break
		}
		if speechVerbs[toks[c.vg.Main].Lemma] {
			best = c
		} else if best != nil && !c.vg.NonFinite {
			best = nil // another verb between the speech verb and the quote
		}
	}
	if best == nil || !opensAfterSpeech(toks, q.Start) {
		return nil, si, 0, "" // none, or a phrase quoted inside reported speech
	}
	if e := st.speakerEntity(si, best.subj); e != nil {
		conf := 0.85
		if best.inherited {
			conf = 0.8
		}
		return e, si, conf, "quote.before"
	}
	return nil, si, 0, "quote.unknown"
}

func hasFiniteVerb(toks []Token) bool {
	for _, t := range toks {
		switch t.Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// opensAfterSpeech reports whether the token before the quotation that
// starts at byte off is ":", ",", "that" or a speech verb.
func opensAfterSpeech(toks []Token, off int) bool {
	k := -1
	for i := range toks {
		if toks[i].Start >= off {
			break
		}
		k = i
	}
	if k < 0 {
		return false
	}
	t := toks[k]
	return t.Text == ":" || t.Text == "," || strings.EqualFold(t.Text, "that") || speechVerbs[t.Lemma] && isVerbTag(t.Tag) || isNounTag(t.Tag) && k > 0 && speechVerbs[toks[k-1].Lemma]
}

// paraStartsWith reports whether quotation q opens its paragraph.
func (st *docState) paraStartsWith(si int, q Span) bool {
	first := si
	for first > 0 && st.sents[first-1].Para == st.sents[si].Para {
		first--
	}
	return q.Start <= st.sents[first].Start+3
}

// reportedSpeech records "Peskov said the matter was now probably closed"
// as (Peskov, said, "the matter was now probably closed").
func (st *docState) reportedSpeech(si int, c clause, speaker *docEntity) {
	if c.comp < 0 {
		return
	}
	if len(c.vg.Chain) > 0 && refusals[c.vg.Chain[0]] || c.vg.Negated {
		return // "declined to say how …", "did not say what …" say nothing
	}
	if c.vg.Future || st.modalSpeech(si, c.vg) || len(c.vg.Chain) > 0 && intentionVerbs[c.vg.Chain[0]] {
		return // "is expected to announce that …", "will say", "may tell": words not yet spoken
	}
	from, to, ok := st.reportedSpan(si, c)
	if !ok {
		return
	}
	content, ok := st.reportText(si, from, to, c.vg.Main)
	if !ok {
		return
	}
	f := pendingFact{subj: speaker, pred: "said", lit: &Literal{Kind: Text, Text: content}, negated: c.vg.Negated, sent: si,
		rule: "speech.reported", conf: 0.75, spanFrom: c.vg.From, spanTo: max(c.vg.To, c.comp)}
	if c.subj != nil && c.subj.From < f.spanFrom {
		f.spanFrom = c.subj.From
	}
	if c.inherited {
		f.conf = 0.65
	}
	st.add(f)
}

// timeOfTelling reports a word of time that opens a report without a
// preposition ("told the conference yesterday he was ready"): when the
// speaker spoke, which the parser hung on the report.
func timeOfTelling(toks []Token, k int) bool {
	return toks[k].Rel == "obl:unmarked" && timeNouns[toks[k].Lower] && k+1 < len(toks) && (toks[k+1].Tag == "PRP" || toks[k+1].Tag == "DT" || toks[k+1].Tag == "NNP")
}

// setOffAdverb reports an adverb set off by a comma before a report
// ("said in a statement, however, that sales fell"): the speaker's
// aside, not the report's first word.
func setOffAdverb(toks []Token, k int) bool {
	return toks[k].Tag == "RB" && k+1 < len(toks) && toks[k+1].Text == "," && k > 0 && toks[k-1].Text == ","
}

// modalSpeech reports a speech verb group with a modal of possibility
// of its own ("may tell", "could announce"), not one in what it reports.
func (st *docState) modalSpeech(si int, vg verbGroup) bool {
	t := st.treeOf(si)
	if t == nil {
		return false
	}
	for _, k := range t.children(vg.Main, "aux") {
		if irrealisModals[t.toks[k].Text] { // small letters: "May Department Stores said" names a company
			return true
		}
	}
	return false
}

// reportText returns the words of a report, tokens [from, to) of
// sentence si. A report holds its speech verb only when the reporting
// clause stands in its middle, set off by commas ("The plan, Ana Ruiz
// said, would cost…"): the words around it are the report. ok is false
// for any other report that holds the verb.
func (st *docState) reportText(si, from, to, verb int) (string, bool) {
	toks := st.sents[si].Tokens
	text := func(a, b int) string { return st.doc.Text[toks[a].Start:toks[b-1].End] }
	if verb < from || verb >= to {
		return text(from, to), true
	}
	t := st.treeOf(si)
	if t == nil {
		return "", false
	}
	gapFrom, gapTo := verb, verb+1
	for _, k := range t.kids[verb] {
		if k > from && k < to && t.to[k] <= to && (t.toks[k].Rel == "nsubj" || t.toks[k].UPOS == "PUNCT" || t.toks[k].Rel == "obl" && k > verb) {
			gapFrom, gapTo = min(gapFrom, t.from[k]), max(gapTo, t.to[k])
		}
	}
	if gapFrom > from && toks[gapFrom-1].Text == "," {
		gapFrom-- // the commas that set the reporting clause off
	}
	if gapTo < to && toks[gapTo].Text == "," {
		gapTo++
	}
	if gapFrom <= from || gapTo >= to || toks[gapFrom].Text != "," || toks[gapTo-1].Text != "," {
		return "", false // what a verb reports never holds the verb itself
	}
	return text(from, gapFrom) + " " + text(gapTo, to), true
}

// reportedSpan returns the tokens [from, to) of what clause c reports,
// without "that" and the punctuation around it; ok is false for a direct
// quotation (attributed with the quotations) or what is no statement.
func (st *docState) reportedSpan(si int, c clause) (from, to int, ok bool) {
	toks := st.sents[si].Tokens
	from = c.comp
	for from < len(toks) && (toks[from].Text == ":" || toks[from].Text == "," || strings.EqualFold(toks[from].Text, "that") || setOffAdverb(toks, from) || timeOfTelling(toks, from)) {
		from++
	}
	if from >= len(toks) {
		return 0, 0, false
	}
	to = len(toks)
	if t := st.treeOf(si); t != nil && t.toks[c.vg.Main].Rel == "advcl" && t.child(c.vg.Main, "mark") >= 0 {
		to = t.to[c.vg.Main] // "Although the ADB said X, delegates said Y": the report ends with its clause
	}
	if c.compEnd > 0 {
		to = c.compEnd
		if inSpans(st.quoteSpans(si), toks[from].Start) {
			return 0, 0, false
		}
	}
	if isQuoteTok(toks[from]) && !st.quotesPart(si, toks[from].Start, toks[to-1].Start) {
		return 0, 0, false
	}
	to = reportEnd(toks, from, to)
	if to-from < 3 || !hasFiniteVerb(toks[from:to]) || toks[from].Tag == "VBG" || toks[from].Tag == "TO" || opensPhrase(toks[from]) && !(from < c.vg.Main && c.vg.Main < to) {
		return 0, 0, false
	}
	return from, to, true
}

// opensPhrase tells whether t, a report's first word, is a preposition
// that opens a phrase ("in a statement", "on Tuesday") rather than a
// clause: not "as", and not one that bounds a number ("Up to 75% of the
// documents…", "Over 100 people…").
func opensPhrase(t Token) bool {
	return t.Tag == "IN" && !strings.EqualFold(t.Text, "as") && t.Rel != "advmod"
}

// closingReporter returns the comma that opens a reporting clause
// closing the report [from, to) — a few words with a noun or pronoun and
// a tensed speech verb, at its end ("…, officials said") — or -1.
func closingReporter(toks []Token, from, to int) int {
	verb := to - 1
	if verb <= from || !speechVerbs[toks[verb].Lemma] || !isFiniteTag(toks[verb].Tag) {
		return -1
	}
	subject := false
	for k := verb - 1; k > from && k >= verb-8; k-- {
		switch t := toks[k]; {
		case t.Text == ",":
			if subject {
				return k
			}
			return -1
		case isVerbTag(t.Tag) || t.Tag == "MD":
			return -1
		case isNounTag(t.Tag) || t.Tag == "PRP":
			subject = true
		}
	}
	return -1
}

// reportEnd moves the end of a report starting at from back over a
// trailing attribution (", according to Bloomberg"), its closing
// punctuation, and a coordinated second statement ("said X, but on
// Tuesday said that Y").
func reportEnd(toks []Token, from, to int) int {
	for k := from; k < len(toks)-1; k++ {
		if toks[k].Text == "," && (strings.EqualFold(toks[k+1].Text, "according") || strings.EqualFold(toks[k+1].Text, "saying")) {
			to = min(to, k)
			break
		}
	}
	for to > from && (toks[to-1].Tag == "." || toks[to-1].Text == "," || toks[to-1].Text == ";") {
		to--
	}
	if k := closingReporter(toks, from, to); k > from {
		to = k // "…further action in the case, U.S. and Argentine officials said"
	}
	for k := from + 1; k+1 < to; k++ {
		if toks[k].Text != "," || toks[k+1].Tag != "CC" {
			continue
		}
		for j := k + 2; j < to && j < k+6; j++ {
			if speechVerbs[toks[j].Lemma] && isVerbTag(toks[j].Tag) {
				return k
			}
		}
	}
	return to
}
