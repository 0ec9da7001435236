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
	lit := &Literal{Kind: Number}
	have := false
	start := -1
	last := -1
	for k := from; k < to; k++ {
		low := toks[k].Lower
		switch {
		case low == "up" && k+1 < to && toks[k+1].Lower == "to",
			low == "as" && k+2 < to && toks[k+1].Lower == "many" && toks[k+2].Lower == "as",
			low == "maximum" || low == "most" && k > from && toks[k-1].Lower == "at":
			lit.Bound = "max"
		case low == "least" && k > from && toks[k-1].Lower == "at", low == "over" && !have, low == "more" && !have:
			lit.Bound = "min"
		case isApproxWord(low) && low != "up" && low != "as" && low != "at" && low != "only" && low != "just" && low != "over" && low != "more" && low != "less" && low != "least" && low != "many":
			if !have {
				lit.Approx = true
			}
		case currencySymbols[low] != "" && !have:
			lit.Kind, lit.Unit = Money, currencySymbols[low]
			if start < 0 {
				start = k
			}
		case (toks[k].Tag == "CD" || numberWords[low] > 0 && !have) && k+1 < to && toks[k+1].Tag == "HYPH":
			return nil // "a four-year contract": the number is part of a modifier
		case !have && start < 0 && yearModifier(toks, k, to):
			return nil // "2005 revenue": a year, not an amount
		case toks[k].Tag == "CD" || numberWords[low] > 0 && !have:
			if have {
				if m := multiplierOf(lit, toks[k]); m > 0 {
					lit.Value *= m
					last = k
					continue
				}
				return finishQuantity(lit, toks, start, last)
			}
			v, ok := parseNumber(low)
			if !ok {
				return nil
			}
			lit.Value, have = v, true
			if start < 0 {
				start = k
			}
			last = k
		case have && multiplierOf(lit, toks[k]) > 0:
			lit.Value *= multiplierOf(lit, toks[k])
			last = k
		case have && currencyWords[low] != "":
			lit.Kind, lit.Unit = Money, currencyWords[low]
			last = k
		case have && low == "per" && k+1 < to && toks[k+1].Lower == "cent" && lit.Kind == Number:
			lit.Unit = "percent" // "5 per cent"
			return finishQuantity(lit, toks, start, k+1)
		case have && (isNounTag(toks[k].Tag) || low == "%") && lit.Kind == Number:
			lit.Unit = percentUnits[low]
			if lit.Unit == "" {
				lit.Unit = low
			}
			last = k
			return finishQuantity(lit, toks, start, last)
		}
	}
	if !have {
		return nil
	}
	return finishQuantity(lit, toks, start, last)
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
	return ParseQuantity(toks, from, np.To)
}

// capacityFacts finds stated capacities: "rooms of up to 5,000 people",
// "the room is limited to 5,000 people". The fact is about the entity the
// sentence is about, with a predicate named after the thing that has the
// capacity: (Clubhouse, roomCapacity, 5000 people).
func (st *docState) capacityFacts() {
	for si, cs := range st.clauses {
		st.trace.at(si)
		toks := st.sents[si].Tokens
		us := st.unitsOf(si)
		topic := st.sentenceTopic(si, us)
		// "NOUN of up to N UNIT"
		for ui, u := range us {
			if u.kind != uNP {
				continue
			}
			q := st.quantityOf(si, &u.np)
			if q == nil || q.Bound != "max" || q.Kind != Number || ui < 2 {
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
			if k < 0 || us[k].kind != uNP || topic == nil {
				continue
			}
			noun := toks[us[k].np.Head]
			st.add(pendingFact{subj: topic, pred: lowerCamel(singular(noun), "capacity"), lit: q, sent: si,
				rule: "quantity.capacity", conf: 0.75, spanFrom: us[k].from, spanTo: u.to})
		}
		// "X is limited to N", "X can hold up to N"
		for _, c := range cs {
			lemma := toks[c.vg.Main].Lemma
			limitVerb := c.vg.Passive && (lemma == "limit" || lemma == "cap" || lemma == "restrict")
			holdVerb := !c.vg.Passive && (lemma == "hold" || lemma == "accommodate" || lemma == "seat" || lemma == "fit")
			if (!limitVerb && !holdVerb) || c.subj == nil {
				continue
			}
			var q *Literal
			if limitVerb && len(c.pps) > 0 && strings.EqualFold(toks[c.pps[0].prep].Text, "to") {
				q = st.quantityOf(si, &c.pps[0].np)
			} else if holdVerb && c.obj != nil {
				q = st.quantityOf(si, c.obj)
			}
			if q == nil || q.Kind != Number {
				continue
			}
			owner := st.npEntity(si, c.subj)
			noun := toks[c.subj.Head]
			pred := "capacity"
			if owner == nil {
				// "the Clubhouse room": the entity named inside the phrase
				for _, m := range st.mentions[si] {
					if m.ent != nil && m.from >= c.subj.From && m.to <= c.subj.To && m.to <= c.subj.Head {
						owner = m.ent
					}
				}
				pred = lowerCamel(singular(noun), "capacity")
			}
			if owner == nil {
				continue
			}
			q.Bound = "max"
			st.add(pendingFact{subj: owner, pred: pred, lit: q, sent: si, rule: "quantity.capacity", conf: 0.75, spanFrom: c.subj.From, spanTo: c.end})
		}
	}
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
// 1987 budget": written without a comma, 1800 to 2100, and a count would
// take a plural ("2000 workers").
func yearModifier(toks []Token, k, to int) bool {
	w := toks[k].Text
	if toks[k].Tag != "CD" || len(w) != 4 || k+1 >= to || toks[k+1].Tag != "NN" {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && y >= 1800 && y <= 2100
}
