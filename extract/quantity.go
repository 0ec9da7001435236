package extract

import (
	"strconv"
	"strings"
)

// currencySymbols map symbols and codes written before an amount to
// their ISO 4217 code ("$110 million").
var currencySymbols = wordMap("currency-symbols")

// currencyWords map currency words written after an amount to their
// ISO 4217 code ("5 billion roubles").
var currencyWords = wordMap("currency-words")

// multipliers scale the number before them ("$110 million").
var multipliers = wordNumbers("multipliers")

// moneyMultipliers scale an amount of money only ("£264m"; "100m" is a
// distance).
var moneyMultipliers = wordNumbers("money-multipliers")

// percentUnits are the ways of writing "percent".
var percentUnits = wordMap("percent-units")

// numberWords are number words and their values ("five people").
var numberWords = wordNumbers("number-words")

// ParseQuantity reads a number, money amount or count from tokens
// [from, to): "$110 million" → 110000000 USD, "up to 5,000 people" →
// 5000 people (bound max), "around $1 billion" → approx. It returns nil
// when the tokens hold no quantity, or only a year.
func ParseQuantity(toks []Token, from, to int) *Literal {
	p := &quantityParser{toks: toks, from: from, to: to, lit: &Literal{Kind: Number}, start: -1, last: -1}
	for k := from; k < to; k++ {
		if done, ok := p.step(k); done {
			if !ok {
				return nil
			}
			return finishQuantity(p.lit, toks, p.start, p.last)
		}
	}
	if !p.have {
		return nil
	}
	return finishQuantity(p.lit, toks, p.start, p.last)
}

// quantityParser reads a quantity token by token: bounds and
// approximations, a currency, the number, multipliers and the unit.
type quantityParser struct {
	toks        []Token
	from, to    int
	lit         *Literal
	have        bool // the number is read
	start, last int  // the quantity's first and last token
}

// step reads token k; done is set when the quantity is complete (ok) or
// when the tokens hold none (not ok).
func (p *quantityParser) step(k int) (done, ok bool) {
	t, low := p.toks[k], p.toks[k].Lower
	number := t.Tag == "CD" || numberWords[low] > 0 && !p.have
	switch {
	case p.bound(k):
	case currencySymbols[low] != "" && !p.have:
		p.lit.Kind, p.lit.Unit = Money, currencySymbols[low]
		if p.start < 0 {
			p.start = k
		}
	case number && k+1 < p.to && p.toks[k+1].Tag == "HYPH":
		return true, false // "a four-year contract": the number is part of a modifier
	case !p.have && p.start < 0 && yearModifier(p.toks, k, p.to):
		return true, false // "2005 revenue": a year, not an amount
	case number:
		return p.number(k)
	case p.have:
		return p.afterNumber(k), true
	}
	return false, true
}

// bound reads a word that bounds or approximates the number to come:
// "up to", "as many as", "at most", "at least", "over", "about".
func (p *quantityParser) bound(k int) bool {
	toks, to, low := p.toks, p.to, p.toks[k].Lower
	after := func(w string) bool { return k > p.from && toks[k-1].Lower == w }
	switch {
	case low == "up" && k+1 < to && toks[k+1].Lower == "to",
		low == "as" && k+2 < to && toks[k+1].Lower == "many" && toks[k+2].Lower == "as",
		low == "maximum" || low == "most" && after("at"):
		p.lit.Bound = "max"
	case low == "least" && after("at"), low == "over" && !p.have, low == "more" && !p.have:
		p.lit.Bound = "min"
	case approximates(low):
		if !p.have {
			p.lit.Approx = true
		}
	default:
		return false
	}
	return true
}

// approximates reports an approximation word ("about", "around") that is
// not read as a bound above, nor one that approximates nothing here.
func approximates(low string) bool {
	switch low {
	case "up", "as", "at", "only", "just", "over", "more", "less", "least", "many":
		return false
	}
	return isApproxWord(low)
}

// number reads number token k: the quantity's number, or a multiplier
// after it ("5 million"); another number ends the quantity.
func (p *quantityParser) number(k int) (done, ok bool) {
	if p.have && p.last == k {
		return false, true // the fraction of "50-3/8", read with the hyphen
	}
	if p.have {
		if m := multiplierOf(p.lit, p.toks[k]); m > 0 {
			p.lit.Value *= m
			p.last = k
			return false, true
		}
		return true, true
	}
	v, ok := parseNumber(p.toks[k].Lower)
	if !ok {
		return true, false
	}
	p.lit.Value, p.have = v, true
	if p.start < 0 {
		p.start = k
	}
	p.last = k
	return false, true
}

// fraction returns the value of a proper fraction written "3/8", or 0.
func fraction(w string) float64 {
	a, b, ok := strings.Cut(w, "/")
	if !ok {
		return 0
	}
	n, err1 := strconv.Atoi(a)
	d, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || n <= 0 || d <= n || d > 64 {
		return 0
	}
	return float64(n) / float64(d)
}

// afterNumber reads token k after the number: a multiplier ("bn"), a
// currency ("dlrs"), "per cent", or the unit noun that ends the
// quantity. It reports whether the quantity is complete.
func (p *quantityParser) afterNumber(k int) bool {
	t, low := p.toks[k], p.toks[k].Lower
	switch {
	case low == "-" && p.last == k-1 && k+1 < p.to && fraction(p.toks[k+1].Text) > 0:
		p.lit.Value += fraction(p.toks[k+1].Text) // "50-3/8", a share price in eighths
		p.last = k + 1
	case multiplierOf(p.lit, t) > 0:
		p.lit.Value *= multiplierOf(p.lit, t)
		p.last = k
	case currencyWords[low] != "":
		p.lit.Kind, p.lit.Unit = Money, currencyWords[low]
		p.last = k
	case low == "per" && k+1 < p.to && p.toks[k+1].Lower == "cent" && p.lit.Kind == Number:
		p.lit.Unit = "percent" // "5 per cent"
		p.last = k + 1
		return true
	case (isNounTag(t.Tag) || low == "%") && p.lit.Kind == Number:
		p.lit.Unit = percentUnits[low]
		if p.lit.Unit == "" {
			p.lit.Unit = low
		}
		p.last = k
		return true
	}
	return false
}

// multiplierOf is the scale a word after a number gives: "million",
// "bn", and "m" after an amount of money ("£264m"; "100m" is a distance).
func multiplierOf(lit *Literal, t Token) float64 {
	if m := multipliers[t.Lower]; m > 0 {
		return m
	}
	if lit.Kind == Money {
		return moneyMultipliers[t.Lower]
	}
	return 0
}

func finishQuantity(lit *Literal, toks []Token, start, last int) *Literal {
	if lit.Kind == Number && lit.Unit == "" && lit.Value >= 1900 && lit.Value <= 2100 && lit.Value == float64(int(lit.Value)) {
		return nil // a year, not a quantity
	}
	lit.Text = joinTokens(toks, start, last+1)
	return lit
}

func parseNumber(s string) (float64, bool) {
	if v, ok := numberWords[s]; ok {
		return v, true
	}
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// quantityOf parses the quantity in a noun phrase of sentence si.
func (st *docState) quantityOf(si int, np *nounPhrase) *Literal {
	toks := st.sents[si].Tokens
	from := np.From
	// an approximation word just before the phrase: "at around $1 billion"
	for from > 0 && (isApproxWord(toks[from-1].Text) || strings.EqualFold(toks[from-1].Text, "up") || strings.EqualFold(toks[from-1].Text, "to") && from > 1 && strings.EqualFold(toks[from-2].Text, "up")) {
		from--
	}
	to := np.To
	if to+1 < len(toks) && toks[to].Text == "-" && fraction(toks[to+1].Text) > 0 {
		to += 2 // "50-3/8": the tree may hang the fraction elsewhere
	}
	return ParseQuantity(toks, from, to)
}

// capacityFacts finds stated capacities: "rooms of up to 5,000 people",
// "the room is limited to 5,000 people". The fact is about the entity the
// sentence is about, with a predicate named after the thing that has the
// capacity: (Clubhouse, roomCapacity, 5000 people).
func (st *docState) capacityFacts() {
	for si, cs := range st.clauses {
		st.trace.at(si)
		us := st.unitsOf(si)
		st.ofCapacities(si, us, st.sentenceTopic(si, us))
		for _, c := range cs {
			st.verbCapacity(si, c)
		}
	}
}

// occupantNouns are what capacities count (see occupantCount).
var occupantNouns = wordSet("occupant-nouns")

// occupantCount reports a count of people or things that fill a place:
// "5,000 people", "300 seats"; not "four pct" or "1.2 mln shares".
func occupantCount(q *Literal) bool {
	if q.Kind != Number {
		return false
	}
	unit := strings.ToLower(q.Unit)
	return occupantNouns[unit] || occupantNouns[strings.TrimSuffix(unit, "s")]
}

// limitVerbs and holdVerbs state capacities: "is limited to 5,000", "can
// hold 5,000".
var (
	limitVerbs = wordSet("limit-verbs")
	holdVerbs  = wordSet("hold-verbs")
)

// ofCapacities reads "NOUN of up to N UNIT" in sentence si as a capacity
// of the sentence's topic: (Clubhouse, roomCapacity, 5000 people).
func (st *docState) ofCapacities(si int, us []unit, topic *docEntity) {
	toks := st.sents[si].Tokens
	for ui, u := range us {
		if u.kind != uNP || ui < 2 || topic == nil {
			continue
		}
		q := st.quantityOf(si, &u.np)
		if q == nil || q.Bound != "max" || !occupantCount(q) {
			continue
		}
		k := ui - 1
		if us[k].kind != uTok || !strings.EqualFold(toks[us[k].from].Text, "of") {
			continue
		}
		k--
		for k >= 0 && us[k].kind == uTok && isQuoteTok(toks[us[k].from]) {
			k--
		}
		if k < 0 || us[k].kind != uNP {
			continue
		}
		noun := toks[us[k].np.Head]
		st.add(pendingFact{subj: topic, pred: lowerCamel(singular(noun), "capacity"), lit: q, sent: si,
			rule: "quantity.capacity", conf: 0.75, spanFrom: us[k].from, spanTo: u.to})
	}
}

// verbCapacity reads clause c as a capacity: "X is limited to N", "X can
// hold up to N".
func (st *docState) verbCapacity(si int, c clause) {
	toks := st.sents[si].Tokens
	lemma := toks[c.vg.Main].Lemma
	var q *Literal
	switch {
	case c.subj == nil:
		return
	case c.vg.Passive && limitVerbs[lemma] && len(c.pps) > 0 && strings.EqualFold(toks[c.pps[0].prep].Text, "to"):
		q = st.quantityOf(si, &c.pps[0].np)
	case !c.vg.Passive && holdVerbs[lemma] && c.obj != nil:
		q = st.quantityOf(si, c.obj)
	}
	if q == nil || !occupantCount(q) {
		return
	}
	owner, pred := st.npEntity(si, c.subj), "capacity"
	if owner == nil {
		// "the Clubhouse room": the entity named inside the phrase
		owner, pred = st.entityInside(si, c.subj), lowerCamel(singular(toks[c.subj.Head]), "capacity")
	}
	if owner == nil {
		return
	}
	q.Bound = "max"
	st.add(pendingFact{subj: owner, pred: pred, lit: q, sent: si, rule: "quantity.capacity", conf: 0.75, spanFrom: c.subj.From, spanTo: c.end})
}

// entityInside returns the last entity named in noun phrase np before its
// head ("the Clubhouse room"), or nil.
func (st *docState) entityInside(si int, np *nounPhrase) *docEntity {
	var owner *docEntity
	for _, m := range st.mentions[si] {
		if m.ent != nil && m.from >= np.From && m.to <= np.To && m.to <= np.Head {
			owner = m.ent
		}
	}
	return owner
}

// sentenceTopic is the entity a sentence opens with, if its first noun
// phrase names one: "Clubhouse, the audio chat app, allows ...".
func (st *docState) sentenceTopic(si int, us []unit) *docEntity {
	for _, u := range us {
		if u.kind == uNP {
			return st.npEntity(si, &u.np)
		}
		if u.kind == uVG {
			return nil
		}
	}
	return nil
}

func isQuoteTok(t Token) bool {
	switch t.Norm {
	case "``", "''", "\"", "`", "'":
		return true
	}
	return false
}

func singular(t Token) string {
	if t.Tag == "NNS" && t.Lemma != "" {
		return t.Lemma
	}
	return t.Lower
}

// yearModifier reports a year before a singular noun, "2005 revenue", "the
// 1987 budget", or a plural measure, "1987 sales": written without a comma,
// 1800 to 2100; a count takes another plural ("2000 workers").
func yearModifier(toks []Token, k, to int) bool {
	w := toks[k].Text
	if toks[k].Tag != "CD" || len(w) != 4 || k+1 >= to {
		return false
	}
	// a plural takes a count ("2000 workers"), unless it is a measure a
	// year dates ("1987 sales", "1986 earnings")
	if next := toks[k+1]; next.Tag != "NN" && !(next.Tag == "NNS" && measuredNouns[next.Lemma]) {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && y >= 1800 && y <= 2100
}
