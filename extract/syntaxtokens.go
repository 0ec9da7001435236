package extract

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/annotate"
	"github.com/newsgraph/newsgraph/syntax/tokenize"
)

// Analyzer turns a sentence's text into the extractor's tokens with the
// syntax layer: UD tokens, Penn Treebank tags, lemmas, a dependency tree
// and name tags. It is safe for concurrent use.
type Analyzer struct {
	layer *annotate.Annotator
	dict  *golem.Lemmatizer
}

var (
	analyzerOnce sync.Once
	analyzerInst *Analyzer
	analyzerErr  error
)

// DefaultAnalyzer returns the process-wide analyzer with the models
// shipped in the binary, loaded on first use.
func DefaultAnalyzer() (*Analyzer, error) {
	analyzerOnce.Do(func() {
		a := &Analyzer{}
		if a.layer, analyzerErr = annotate.Default(); analyzerErr != nil {
			return
		}
		if a.dict, analyzerErr = golem.New(en.New()); analyzerErr != nil {
			analyzerErr = fmt.Errorf("load the English dictionary: %w", analyzerErr)
			return
		}
		analyzerInst = a
	})
	return analyzerInst, analyzerErr
}

// Tokens tokenizes and annotates text, one sentence that starts at byte
// offset base of its document.
func (a *Analyzer) Tokens(text string, base int) []Token {
	st := tokenize.Tokens(text)
	if len(st) == 0 {
		return nil
	}
	return a.annotated(syntax.Sentence{Text: text, Tokens: st}, base)
}

// Words annotates a sentence already split into words (as a benchmark
// gives it); forms are joined by single spaces.
func (a *Analyzer) Words(words []string) (string, []Token) {
	var b strings.Builder
	st := make([]syntax.Token, 0, len(words))
	for _, w := range words {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		st = append(st, syntax.Token{Form: w, Start: start, End: b.Len(), SpaceAfter: true, Head: -1})
	}
	text := b.String()
	return text, a.annotated(syntax.Sentence{Text: text, Tokens: st}, 0)
}

// maxParsedTokens bounds the sentences the parser reads: longer ones
// (tables, lists, run-on scrapes) are tagged only, which keeps the cost
// of a document linear in its length.
const maxParsedTokens = 150

func (a *Analyzer) annotated(s syntax.Sentence, base int) []Token {
	written := bracketsAsParentheses(&s, spellOutAbbreviations(&s))
	a.layer.Tagger.Tag(&s)
	a.namesNotWords(&s)
	finiteVerb(&s)
	reportedParticiple(&s)
	titleParticiple(&s)
	leadingParticiple(&s)
	nameWithClitic(&s)
	if len(s.Tokens) <= maxParsedTokens {
		a.layer.Parser.Parse(&s)
		a.layer.Names.Tag(&s)
	}
	for i, w := range written {
		if w != "" {
			s.Tokens[i].Form = w // the text as written; the models read the word
		}
	}
	out := make([]Token, len(s.Tokens))
	for i, t := range s.Tokens {
		low := strings.ToLower(t.Form)
		out[i] = Token{
			Text: t.Form, Norm: treebankForm(t), Start: base + t.Start, End: base + t.End,
			Lower: low, Dict: a.dict.InDict(low), Tag: t.XPOS, UPOS: t.UPOS,
			Lemma: a.lemma(t, low), Head: max(t.Head-1, -1), Rel: t.Rel, NER: t.NER,
		}
	}
	repairTree(out)
	return out
}

// wireAbbreviations are the wire's abbreviations and the words the
// models read for them ("mln" → "million").
var wireAbbreviations = wordMap("wire-abbreviations")

// spellOutAbbreviations gives the models the word for each wire
// abbreviation in s ("12 mln dlrs" read as "12 million dollars") and
// returns the forms as written, by token ("" for those unchanged), or
// nil when there are none.
func spellOutAbbreviations(s *syntax.Sentence) []string {
	var written []string
	for i := range s.Tokens {
		t := &s.Tokens[i]
		w, ok := wireAbbreviations[strings.ToLower(t.Form)]
		if !ok || t.Form != strings.ToLower(t.Form) {
			continue // "PCT" in a headline, "Dlrs" opening one: left as they are
		}
		if written == nil {
			written = make([]string, len(s.Tokens))
		}
		written[i], t.Form = t.Form, w
	}
	return written
}

// bracketsAsParentheses gives the models round brackets for the wire's
// angle brackets around a company's name or ticker ("construction company
// <Bredero Vast Goed N.V.> earlier this week", "Eli Lilly and Co's <ELI>
// hormone"), which they read as a name set off in parentheses, not as
// words of the sentence. It returns written (see spellOutAbbreviations)
// with the brackets' forms as written.
func bracketsAsParentheses(s *syntax.Sentence, written []string) []string {
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Form != "<" || i > 0 && possessiveForm(toks[i-1].Form) {
			continue // "the Reichmanns' <Gulf Canada Corp>": the name is the phrase's head
		}
		j := i + 1
		for j < len(toks) && j <= i+maxBracketedWords && toks[j].Form != ">" && toks[j].Form != "<" {
			j++
		}
		if j == i+1 || j >= len(toks) || toks[j].Form != ">" {
			continue
		}
		if written == nil {
			written = make([]string, len(toks))
		}
		written[i], toks[i].Form = toks[i].Form, "("
		written[j], toks[j].Form = toks[j].Form, ")"
		i = j
	}
	return written
}

// possessiveForm reports the form of a possessive ending, before any
// tags: "'s", "'" (after a plural), curly or straight.
func possessiveForm(f string) bool {
	switch f {
	case "'s", "'", "’s", "’":
		return true
	}
	return false
}

// maxBracketedWords bounds the words of a name in angle brackets.
const maxBracketedWords = 10

// finiteVerb retags the past participle of a sentence that has no finite
// verb as a past tense, before the parser reads the tags: in "Iran's
// parliament voted by a large majority to cut the stake" the tagger read
// "voted" as a participle ("the parliament voted in by…"), which leaves
// the sentence without a predicate. Only a regular form ("-ed", the same
// in both tenses), after a noun or pronoun and with no auxiliary before
// it, and only in a sentence long enough to be one.
func finiteVerb(s *syntax.Sentence) {
	toks := s.Tokens
	if len(toks) < 6 {
		return
	}
	for _, t := range toks {
		if isFiniteTag(t.XPOS) {
			return
		}
	}
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.XPOS != "VBN" || !strings.HasSuffix(strings.ToLower(t.Form), "ed") {
			continue
		}
		if prev := toks[i-1].XPOS; strings.HasPrefix(prev, "NN") || prev == "PRP" {
			t.XPOS, t.UPOS = "VBD", "VERB"
		}
		return // the first participle decides
	}
}

// titleParticiple retags as an adjective the participle that opens a
// two-word title ("managing director", listed in multi-word-roles.txt),
// and an -ing word before a title that no tensed verb or "to" governs
// ("banking commissioner Robert Fell"): "Jonathan Nelson, managing
// director of Narragansett" names his position, he manages no director.
func titleParticiple(s *syntax.Sentence) {
	toks := s.Tokens
	for i := 0; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.XPOS != "VBG" && t.XPOS != "VBN" {
			continue
		}
		next := strings.ToLower(toks[i+1].Form)
		if !roleNouns[next] {
			continue // most participles: no title after them, no phrase built
		}
		if _, ok := multiWordRoles[strings.ToLower(t.Form)+" "+next]; ok || t.XPOS == "VBG" && fieldOfTitle(toks, i) {
			t.XPOS, t.UPOS = "JJ", "ADJ" // "managing director", "banking commissioner Robert Fell"
		}
	}
}

// fieldOfTitle reports an -ing word at i, before a title, that names the
// title's field ("banking commissioner Robert Fell"): no tensed verb,
// "to" or preposition governs it, and the title heads its phrase ("by
// paying member states": "member" modifies "states").
func fieldOfTitle(toks []syntax.Token, i int) bool {
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	switch prev := toks[i-1].XPOS; {
	case isFiniteTag(prev), prev == "TO", prev == "IN":
		return false
	}
	if i+2 < len(toks) && (toks[i+2].XPOS == "NN" || toks[i+2].XPOS == "NNS") {
		return false
	}
	return true
}

// reportedParticiple retags as a past tense the first verb of a report
// set before its reporting clause, when the tagger read it as a past
// participle: in "Up to 75% of the documents contained sensitive data,
// a survey revealed" the report is a clause of its own, and a participle
// would leave it without a predicate. Only a regular form ("-ed") right
// after a noun, with no verb or comma before it in the report ("Acme,
// the state owned oil company, has…") and a noun phrase after it — a
// participle that modifies its noun takes no object ("documents filed
// with the court", "loans made last year").
func reportedParticiple(s *syntax.Sentence) {
	toks := s.Tokens
	c := reportingClauseStart(toks)
	for i := 1; i < c; i++ {
		t := &toks[i]
		if isFiniteTag(t.XPOS) || t.Form == "," {
			return // the report has its verb, or its subject is no plain noun phrase
		}
		if t.XPOS != "VBN" {
			continue
		}
		regular := strings.HasSuffix(strings.ToLower(t.Form), "ed")
		if regular && strings.HasPrefix(toks[i-1].XPOS, "NN") && objectFollows(toks[i+1:c]) {
			t.XPOS, t.UPOS = "VBD", "VERB"
		}
		return // the first participle decides
	}
}

// reportingClauseStart returns the index of the comma that opens a
// sentence's closing reporting clause ("…, a survey by the firm
// revealed.", "…, Acme said on Tuesday."), or -1: a few words with a
// noun or pronoun, one tensed speech or finding verb, and at most a
// short phrase after it.
func reportingClauseStart(toks []syntax.Token) int {
	end := len(toks)
	for end > 0 && toks[end-1].UPOS == "PUNCT" {
		end--
	}
	verb, subject := -1, false
	for k := end - 1; k > 0 && k >= end-12; k-- {
		t := toks[k]
		switch {
		case t.Form == ",":
			if verb > k+1 && subject {
				return k
			}
			return -1
		case isFiniteTag(t.XPOS):
			lemma := strings.ToLower(t.Lemma)
			if verb >= 0 || !speechVerbs[lemma] && !findingVerbs[lemma] {
				return -1
			}
			verb = k
		case verb >= 0 && (strings.HasPrefix(t.XPOS, "NN") || t.XPOS == "PRP"):
			subject = true
		}
	}
	return -1
}

// objectFollows reports whether toks open with a noun phrase that is no
// phrase of time ("sensitive information", not "last year").
func objectFollows(toks []syntax.Token) bool {
	for _, t := range toks {
		switch {
		case t.XPOS == "DT" || t.XPOS == "PRP$" || t.XPOS == "CD" || strings.HasPrefix(t.XPOS, "JJ"):
			continue
		case strings.HasPrefix(t.XPOS, "NN"):
			return !timeNouns[strings.ToLower(t.Form)]
		}
		return false
	}
	return false
}

// nameWithClitic retags the "'s" of a name before a past participle
// or past tense as the auxiliary it stands for, or the end of the name:
// "Moody's rated the debt B-1", "Moody's said the debt was sound" — a
// possessive takes a noun after it, not a verb ("Acme's proposed merger"
// keeps its possessive).
func nameWithClitic(s *syntax.Sentence) {
	toks := s.Tokens
	for k := 1; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.Form != "'s" || toks[k-1].XPOS != "NNP" {
			continue
		}
		if next := toks[k+1].XPOS; next != "VBN" && next != "VBD" {
			continue
		}
		if k+2 < len(toks) && (strings.HasPrefix(toks[k+2].XPOS, "NN") || strings.HasPrefix(toks[k+2].XPOS, "JJ")) {
			continue // "Acme's proposed merger": a possessive and a participle before its noun
		}
		t.XPOS, t.UPOS = "VBZ", "AUX"
	}
}

// leadingParticiple retags a sentence's first word, an -ing form before a
// noun phrase that runs without a comma to the sentence's verb, as the
// adjective it is: "Leading British games maker Peter Molyneux has been
// made an OBE", "Rising prices hurt exporters". A participle that opens a
// clause of its own is followed by a comma before the verb ("Leading the
// talks, Ruiz said").
func leadingParticiple(s *syntax.Sentence) {
	toks := s.Tokens
	if len(toks) < 4 || toks[0].XPOS != "VBG" {
		return
	}
	switch toks[1].XPOS {
	case "JJ", "NN", "NNS", "NNP", "NNPS":
	default:
		return
	}
	for _, t := range toks[2:] {
		switch {
		case t.XPOS == "," || t.XPOS == ":" || t.XPOS == "``" || t.XPOS == "''" || t.XPOS == "-LRB-":
			return
		case isFiniteTag(t.XPOS):
			toks[0].XPOS, toks[0].UPOS = "JJ", "ADJ"
			return
		}
	}
}

// namesNotWords retags a capitalised word that is not an English word
// but was tagged as an adverb, adjective or verb — the tagger's guess
// from a suffix ("Streamly" as an adverb, "Workshare" as a verb) — as a
// proper noun, before the parser reads the tags.
func (a *Analyzer) namesNotWords(s *syntax.Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		switch t.UPOS {
		case "ADV", "ADJ", "VERB":
		default:
			continue
		}
		first, _ := utf8.DecodeRuneInString(t.Form)
		last, _ := utf8.DecodeLastRuneInString(t.Form)
		if utf8.RuneCountInString(t.Form) < 3 || !unicode.IsUpper(first) || !unicode.IsLower(last) {
			continue
		}
		if a.isWord(t) {
			continue
		}
		t.UPOS, t.XPOS, t.Lemma = "PROPN", "NNP", t.Form
	}
}

// lemma is the token's lemma in lower case. A verb or noun lemma the
// tagger's suffix rules made up ("climbed" → "climbe") gives way to the
// dictionary's lemma of the form, when the dictionary knows the form.
func (a *Analyzer) lemma(t syntax.Token, low string) string {
	l := strings.ToLower(t.Lemma)
	if (t.UPOS != "VERB" && t.UPOS != "NOUN") || l == low || a.dict.InDict(l) || !a.dict.InDict(low) {
		return l
	}
	return a.dict.Lemma(low)
}

// isWord reports whether a token is an English word: one the tagger
// knows, an adjective or verb in the dictionary, or an adverb made from an
// adjective the tagger knows ("Similarly" from "similar",
// "Unsurprisingly" from "surprising"; the dictionary
// has no adverbs, and "Streamly" is made from no adjective).
func (a *Analyzer) isWord(t *syntax.Token) bool {
	tg := a.layer.Tagger
	if tg.Knows(t.Form) {
		return true
	}
	low := strings.ToLower(t.Form)
	if t.UPOS != "ADV" {
		return a.dict.InDict(low)
	}
	for _, stem := range adjectiveStems(low) {
		if tg.Had(stem, "JJ") || tg.Had(strings.TrimPrefix(stem, "un"), "JJ") {
			return true
		}
	}
	return false
}

// adjectiveStems returns the adjectives an -ly adverb may be made from:
// "similarly" → "similar", "happily" → "happy", "simply" → "simple",
// "basically" → "basic".
func adjectiveStems(adv string) []string {
	stem, ok := strings.CutSuffix(adv, "ly")
	if !ok || stem == "" {
		return nil
	}
	out := []string{stem, stem + "le", stem + "e"}
	if s, ok := strings.CutSuffix(stem, "i"); ok {
		out = append(out, s+"y")
	}
	if s, ok := strings.CutSuffix(stem, "al"); ok {
		out = append(out, s)
	}
	return out
}

// treebankForm is the token's Penn Treebank form: quotation marks as the
// tagger saw them, other characters normalised as [ptbForm] does.
func treebankForm(t syntax.Token) string {
	switch t.XPOS {
	case "``", "''":
		return t.XPOS
	}
	if plainWord(t.Form) {
		return t.Form
	}
	return ptbForm(t.Form)
}
