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
			st.add(pendingFact{subj: speaker, pred: "said", lit: &Literal{Kind: Quote, Text: inner}, sent: at, rule: rule, conf: conf})
		}
		// reported speech, and speakers for the next paragraph
		for _, c := range st.clauses[si] {
			toks := s.Tokens
			if !speechVerbs[toks[c.vg.Main].Lemma] || inSpans(st.quoteSpans(si), toks[c.vg.Main].Start) {
				continue
			}
			speaker := st.speakerEntity(si, c.subj)
			if speaker == nil {
				continue
			}
			speakerOfPara[s.Para] = speaker
			st.reportedSpeech(si, c, speaker)
		}
	}
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
	for _, tk := range t.toks {
		if tk.Head < 0 {
			return speechVerbs[tk.Lemma] || stanceVerbs[tk.Lemma]
		}
	}
	return false
}

// attributeQuote finds the speaker of quotation q, which starts in
// sentence si, and the sentence that names them.
func (st *docState) attributeQuote(si int, q Span) (*docEntity, int, float64, string) {
	// after: the sentence where the quote closes
	ci := si
	for ci+1 < len(st.sents) && st.sents[ci].End < q.End {
		ci++
	}
	toks := st.sents[ci].Tokens
	for _, c := range st.clauses[ci] {
		if toks[c.vg.From].Start < q.End || !speechVerbs[toks[c.vg.Main].Lemma] {
			continue
		}
		gap := 0
		for k := c.vg.From - 1; k >= 0 && toks[k].Start >= q.End; k-- {
			gap++
		}
		// the speaker follows the quotation ("…," Martin Mauro, senior
		// economist at Acme, told Reuters) or the verb does ("…," said)
		subjNext := c.subj != nil && toks[c.subj.From].Start >= q.End && toks[c.subj.From].Start-q.End <= 3 ||
			c.subj == nil && st.personBetween(ci, q.End, q.End+4) != nil
		if gap > 8 && !subjNext {
			break
		}
		if c.subj != nil && toks[c.subj.From].Start >= q.End {
			if e := st.speakerEntity(ci, c.subj); e != nil {
				return e, ci, 0.9, "quote.after"
			}
		}
		if c.obj != nil && (c.subj == nil || toks[c.subj.From].Start < q.Start) {
			// inverted: "…,” said Peskov
			if e := st.speakerEntity(ci, c.obj); e != nil && gap <= 1 {
				return e, ci, 0.9, "quote.after"
			}
		}
		// the parser lost the subject, or took it from inside the
		// quotation: a person named between the quotation and the verb
		// ("…," Martin Mauro, an economist, told…), or right after it
		// ("…," said Alan Rose of First Bank)
		if c.subj == nil || toks[c.subj.From].Start < q.End {
			if e := st.personBetween(ci, q.End, toks[c.vg.From].Start); e != nil {
				return e, ci, 0.8, "quote.after"
			}
			if gap <= 1 {
				if e := st.personBetween(ci, toks[c.vg.Main].End, toks[c.vg.Main].End+2); e != nil {
					return e, ci, 0.8, "quote.after"
				}
			}
		}
		// a speech verb right after the quotation whose speaker is no
		// entity ("…," says the website): the speaker is not the last one
		return nil, ci, 0, "quote.unknown"
	}
	// before: a speech verb earlier in the opening sentence
	toks = st.sents[si].Tokens
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
	if best != nil && !opensAfterSpeech(toks, q.Start) {
		best = nil // a phrase quoted inside reported speech, not a quotation
	}
	if best != nil {
		if e := st.speakerEntity(si, best.subj); e != nil {
			conf := 0.85
			if best.inherited {
				conf = 0.8
			}
			return e, si, conf, "quote.before"
		}
		return nil, si, 0, "quote.unknown"
	}
	return nil, si, 0, ""
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
	if len(c.vg.Chain) > 0 && refusals[c.vg.Chain[0]] {
		return // "declined to say how …" says nothing
	}
	s := &st.sents[si]
	toks := s.Tokens
	from := c.comp
	for from < len(toks) && (toks[from].Text == ":" || toks[from].Text == "," || strings.EqualFold(toks[from].Text, "that")) {
		from++
	}
	if from >= len(toks) {
		return
	}
	to := len(toks)
	if isQuoteTok(toks[from]) && !st.quotesPart(si, toks[from].Start, toks[to-1].Start) {
		return // a direct quotation: attributed above
	}
	// stop before a trailing attribution: ", according to Bloomberg"
	for k := from; k < len(toks)-1; k++ {
		if toks[k].Text == "," && (strings.EqualFold(toks[k+1].Text, "according") || strings.EqualFold(toks[k+1].Text, "saying")) {
			to = k
			break
		}
	}
	for to > from && (toks[to-1].Tag == "." || toks[to-1].Text == "," || toks[to-1].Text == ";") {
		to--
	}
	// a coordinated second statement ends this one: "said X, but on
	// Tuesday said that Y"
	for k := from + 1; k+1 < to; k++ {
		if toks[k].Text == "," && toks[k+1].Tag == "CC" {
			for j := k + 2; j < to && j < k+6; j++ {
				if speechVerbs[toks[j].Lemma] && isVerbTag(toks[j].Tag) {
					to = k
					break
				}
			}
		}
	}
	if to-from < 3 || !hasFiniteVerb(toks[from:to]) || toks[from].Tag == "VBG" || toks[from].Tag == "TO" || toks[from].Tag == "IN" && !strings.EqualFold(toks[from].Text, "as") {
		return
	}
	content := st.doc.Text[toks[from].Start:toks[to-1].End]
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
