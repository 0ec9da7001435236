package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Options bound the work done per document.
type Options struct {
	// MaxSentenceTokens skips longer "sentences" (lists, tables, run-on
	// scrapes) for fact extraction; 0 means 120.
	MaxSentenceTokens int
	// MaxFacts caps the facts kept per document; 0 means 2000.
	MaxFacts int
	// MinConfidence drops facts whose calibrated confidence is lower;
	// 0 keeps every fact. [CalibratedThreshold] keeps the precise ones.
	MinConfidence float64
}

// Extractor runs the pipeline. It is safe for concurrent use.
type Extractor struct {
	analyzer *Analyzer
	opt      Options
}

// New returns an Extractor, loading the tagging model on first use.
func New(opt Options) (*Extractor, error) {
	an, err := DefaultAnalyzer()
	if err != nil {
		return nil, fmt.Errorf("load the syntax models: %w", err)
	}
	if opt.MaxSentenceTokens <= 0 {
		opt.MaxSentenceTokens = 120
	}
	if opt.MaxFacts <= 0 {
		opt.MaxFacts = 2000
	}
	if _, err := punktTokenizer(); err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	return &Extractor{analyzer: an, opt: opt}, nil
}

// Extract runs every stage on one document. Entity IDs in the result are
// final for named entities; definite descriptions carry provisional IDs
// until [Resolve] runs over a batch of results. It stops with ctx's error
// at the next sentence once ctx is done.
func (x *Extractor) Extract(ctx context.Context, d *Document) (*Result, error) {
	return x.ExtractTraced(ctx, d, nil)
}

// ExtractTraced is [Extract] that records in tr (if not nil) the sentence
// it is working on, so that a caller whose time budget ran out can say
// where.
func (x *Extractor) ExtractTraced(ctx context.Context, d *Document, tr *Trace) (*Result, error) {
	sents, dropped := clean(d, x.analyzer)
	return x.extractSentences(ctx, d, sents, dropped, tr)
}

// extractSentences runs the stages after cleaning — mentions,
// coreference, clauses, facts — on d's cleaned, tagged sentences.
func (x *Extractor) extractSentences(ctx context.Context, d *Document, sents []Sentence, dropped []DroppedLine, tr *Trace) (*Result, error) {
	st, err := x.analyse(ctx, d, sents, tr)
	if err != nil {
		return nil, err
	}
	return st.finish(dropped), nil
}

// analyse runs the stages on d's cleaned sentences and returns their
// working state, before the result is built from it.
func (x *Extractor) analyse(ctx context.Context, d *Document, sents []Sentence, tr *Trace) (*docState, error) {
	nameFirstWords(sents)
	st := &docState{ctx: ctx, trace: tr, doc: d, opt: x.opt, paraQuotes: map[int][]Span{}, sents: sents}
	tr.start(sents)
	st.mentions = make([][]*mention, len(sents))
	for i := range sents {
		if err := st.at(i); err != nil {
			return nil, err
		}
		st.mentions[i] = findMentions(i, &sents[i])
	}
	st.linkMentions()
	st.clauses = make([][]clause, len(sents))
	for i := range sents {
		if err := st.at(i); err != nil {
			return nil, err
		}
		if st.skipSentence(i) {
			continue
		}
		st.clauses[i] = st.treeClauses(i)
	}
	for _, stage := range []func(){st.roleFacts, st.quoteFacts, st.relationFacts, st.capacityFacts} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stage()
	}
	return st, nil
}

// at records that sentence si is being read and reports whether the
// extraction should stop.
func (st *docState) at(si int) error {
	st.trace.at(si)
	return st.ctx.Err()
}

// docState is the working state of one document's extraction.
type docState struct {
	ctx        context.Context
	trace      *Trace
	doc        *Document
	opt        Options
	sents      []Sentence
	mentions   [][]*mention
	ents       []*docEntity
	clauses    [][]clause
	paraQuotes map[int][]Span
	facts      []pendingFact
	units      map[int][]unit        // chunks per sentence, computed once
	dates      map[int][]DateMention // dates per sentence, computed once
	trees      []*tree               // dependency trees per sentence, indexed once (see treeOf)
	treeDone   []bool
	// unnamed holds the speakers known only by role, by phrase.
	unnamed map[string]*docEntity
	// lastUnnamed holds, by head noun, the speaker known only by role who
	// was spoken of last: "the spokesman" after "a spokesman for the Home
	// Office".
	lastUnnamed map[string]spokenOf
	// unattributed are the quotations no speaker was found for.
	unattributed []pendingQuote
	shapes       map[*docEntity]nameShape // see nameCues
}

// pendingQuote is a quotation of sentence sent with no speaker.
type pendingQuote struct {
	text string
	sent int
}

// unitsOf returns the chunks of sentence si.
func (st *docState) unitsOf(si int) []unit {
	if us, ok := st.units[si]; ok {
		return us
	}
	if st.units == nil {
		st.units = map[int][]unit{}
	}
	us := chunkUnits(st.sents[si].Tokens)
	st.units[si] = us
	return us
}

// datesOf returns the date expressions of sentence si.
func (st *docState) datesOf(si int) []DateMention {
	if ds, ok := st.dates[si]; ok {
		return ds
	}
	if st.dates == nil {
		st.dates = map[int][]DateMention{}
	}
	ds := FindDates(st.sents[si].Text, st.doc.Meta.Published)
	st.dates[si] = ds
	return ds
}

// pendingFact is a fact whose entities are still document-local.
type pendingFact struct {
	subj     *docEntity
	pred     string
	obj      *docEntity
	lit      *Literal
	negated  bool
	future   bool // said of what is to come ("will open an office")
	transfer bool // a verb that hands its object to someone ("sold the unit to Acme")
	date     DateMention
	args     []pendingArg
	sent     int
	rule     string
	conf     float64
	spanFrom int // token range the fact was read from, for dates
	spanTo   int
	// attributed is who says this, when the article only reports it.
	attributed *docEntity
}

type pendingArg struct {
	prep string
	text string
	ent  *docEntity
}

// skipSentence reports sentences not used for facts: title-case
// headlines (every word capitalised defeats the tagger) and over-long ones.
func (st *docState) skipSentence(i int) bool {
	s := &st.sents[i]
	if len(s.Tokens) > st.opt.MaxSentenceTokens {
		return true
	}
	return s.Headline && isTitleCase(s.Text)
}

// quoteSpans returns the quotations of the paragraph holding sentence si.
func (st *docState) quoteSpans(si int) []Span {
	p := st.sents[si].Para
	if q, ok := st.paraQuotes[p]; ok {
		return q
	}
	first, last := si, si
	for first > 0 && st.sents[first-1].Para == p {
		first--
	}
	for last+1 < len(st.sents) && st.sents[last+1].Para == p {
		last++
	}
	start, end := st.sents[first].Start, st.sents[last].End
	q := QuoteSpans(st.doc.Text[start:end], start)
	st.paraQuotes[p] = q
	return q
}

func (st *docState) add(f pendingFact) {
	if f.subj == nil || (f.obj == nil && f.lit == nil) || f.obj == f.subj || f.pred == "" {
		return
	}
	if len(st.facts) >= st.opt.MaxFacts {
		return
	}
	if f.lit != nil && strings.ContainsAny(f.lit.Text, "\n\r") {
		lit := *f.lit
		lit.Text = oneLine(lit.Text)
		f.lit = &lit
	}
	if f.date.Phrase == "" && f.spanTo > 0 {
		f.date = st.dateNear(f.sent, f.spanFrom, f.spanTo)
	}
	if st.sents[f.sent].Headline {
		f.conf *= 0.85
	}
	st.facts = append(st.facts, f)
}

// reported tells whether quotation q is part of what a speaker is
// reported to say ("Peskov said the Kremlin "considers the topic
// exhausted""): then it has its speaker.
func (st *docState) reported(q pendingQuote) bool {
	for _, f := range st.facts {
		if f.pred == "said" && f.lit != nil && f.sent == q.sent && strings.Contains(oneLine(f.lit.Text), oneLine(q.text)) {
			return true
		}
	}
	return false
}

// evidence is where sentence si stands in the document.
func (st *docState) evidence(si int) Evidence {
	s := &st.sents[si]
	return Evidence{
		DocID: st.doc.ID, Sentence: oneLine(s.Text), SentenceIndex: s.Index,
		Start: st.doc.RuneOffset(s.Start), End: st.doc.RuneOffset(s.End),
	}
}

// dateNear returns the date expression inside token range [from, to) of
// sentence si, outside quotations.
func (st *docState) dateNear(si, from, to int) DateMention {
	s := &st.sents[si]
	if from < 0 || to > len(s.Tokens) || from >= to {
		return DateMention{}
	}
	lo, hi := s.Tokens[from].Start, s.Tokens[to-1].End
	quotes := st.quoteSpans(si)
	dates := st.datesOf(si)
	for _, d := range dates {
		abs := s.Start + d.Start
		if abs >= lo && abs < hi && !inSpans(quotes, abs) {
			return d
		}
	}
	// a date that opens the sentence, before any verb ("On February 13,
	// Musk asked ...") dates its clauses
	firstVerb := len(st.doc.Text)
	for _, t := range s.Tokens {
		if isVerbTag(t.Tag) {
			firstVerb = t.Start
			break
		}
	}
	for _, d := range dates {
		abs := s.Start + d.Start
		if abs < lo && s.Start+d.End <= firstVerb && len(s.Tokens) > 3 && abs <= s.Tokens[3].Start {
			return d
		}
	}
	return DateMention{}
}

// finish assigns final IDs and builds the result.
func (st *docState) finish(dropped []DroppedLine) *Result {
	res := &Result{Doc: st.doc, Sentences: len(st.sents), Dropped: dropped}
	for _, q := range st.unattributed {
		if !st.reported(q) {
			res.Unattributed = append(res.Unattributed, Quotation{Text: oneLine(q.text), Evidence: st.evidence(q.sent)})
		}
	}
	st.assignIDs()
	res.Entities = st.resultEntities()
	res.Facts = st.resultFacts()
	used := st.usedEntities()
	for _, e := range st.ents {
		if e.desc != nil && used[e] {
			res.Descriptions = append(res.Descriptions, *e.desc)
		}
	}
	return res
}

// assignIDs gives every entity its final ID: a description its own, a
// speaker known only by role one scoped by the article.
func (st *docState) assignIDs() {
	for _, e := range st.ents {
		switch {
		case e.desc != nil:
			e.id = e.desc.ID
		case e.scope != "":
			e.id = unnamedID(e.scope, e.canonical())
		default:
			e.id = Slug(e.canonical())
		}
	}
}

// usedEntities are the entities some fact names.
func (st *docState) usedEntities() map[*docEntity]bool {
	used := map[*docEntity]bool{}
	for _, f := range st.facts {
		used[f.subj] = true
		if f.obj != nil {
			used[f.obj] = true
		}
		if f.attributed != nil {
			used[f.attributed] = true
		}
		for _, a := range f.args {
			if a.ent != nil {
				used[a.ent] = true
			}
		}
	}
	return used
}

// resultEntities lists the named entities, one per ID, with their names
// as aliases.
func (st *docState) resultEntities() []*Entity {
	var out []*Entity
	seen := map[string]*Entity{}
	for _, e := range st.ents {
		if e.desc != nil || e.id == "" {
			continue
		}
		if prev := seen[e.id]; prev != nil {
			prev.Aliases = mergeAliases(prev.Aliases, prev.Name, e.names)
			continue
		}
		ent := &Entity{ID: e.id, Name: e.canonical(), Type: e.typ()}
		ent.Aliases = mergeAliases(nil, ent.Name, e.names)
		seen[e.id] = ent
		out = append(out, ent)
	}
	return out
}

// resultFacts turns the pending facts into facts at or above the
// confidence threshold, keeping the most confident of equal ones.
func (st *docState) resultFacts() []Fact {
	type key struct {
		s, p, o, by string
		neg         bool
	}
	var out []Fact
	seen := map[key]int{}
	for _, f := range st.facts {
		cues := st.factCues(f)
		conf := round2(factCalibration.confidence(f.conf, cues))
		if conf < st.opt.MinConfidence {
			continue
		}
		fact := st.resultFact(f, cues, conf)
		k := key{fact.Subject, fact.Predicate, objectKey(fact.Object), fact.AttributedTo, fact.Negated}
		if i, ok := seen[k]; ok {
			if fact.Evidence.Confidence > out[i].Evidence.Confidence {
				out[i] = fact
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, fact)
	}
	return out
}

// resultFact is pending fact f with its evidence, its cues and
// calibrated confidence, and final entity IDs.
func (st *docState) resultFact(f pendingFact, cues []string, conf float64) Fact {
	fact := Fact{Subject: f.subj.id, Predicate: f.pred, Negated: f.negated, Evidence: st.evidence(f.sent)}
	if f.future {
		fact.Modality = Future
	}
	fact.Evidence.Rule, fact.Evidence.Prior = f.rule, round2(f.conf)
	fact.Evidence.Cues, fact.Evidence.Confidence = cues, conf
	if f.attributed != nil {
		fact.AttributedTo = f.attributed.id
	}
	if f.obj != nil {
		fact.Object.EntityID = f.obj.id
	} else {
		fact.Object.Literal = f.lit
	}
	if f.date.Phrase != "" {
		fact.Date, fact.DatePhrase = f.date.Value, f.date.Phrase
	}
	for _, a := range f.args {
		arg := Arg{Prep: a.prep, Text: a.text}
		if a.ent != nil {
			arg.EntityID = a.ent.id
		}
		fact.Args = append(fact.Args, arg)
	}
	return fact
}

func objectKey(o Object) string {
	if o.EntityID != "" {
		return o.EntityID
	}
	l := o.Literal
	return fmt.Sprintf("%s|%s|%g|%s|%s", l.Kind, l.Text, l.Value, l.Unit, l.Date)
}

func mergeAliases(list []string, canonical string, names map[string]int) []string {
	var add []string
	for n := range names {
		if n != canonical {
			add = append(add, n)
		}
	}
	sort.Strings(add)
	for _, n := range add {
		list = appendUnique(list, n)
	}
	return list
}

func round2(f float64) float64 {
	if f > 1 {
		f = 1
	}
	return float64(int(f*100+0.5)) / 100
}

// lowerCamel joins words as a predicate name: "valued at" → "valuedAt".
func lowerCamel(words ...string) string {
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if b.Len() == 0 {
				b.WriteString(strings.ToLower(part))
				continue
			}
			rs := []rune(strings.ToLower(part))
			rs[0] = unicode.ToUpper(rs[0])
			b.WriteString(string(rs))
		}
	}
	return b.String()
}

// oneLine joins the lines of text hard-wrapped in its file.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
