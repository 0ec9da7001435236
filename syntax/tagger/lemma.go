package tagger

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/syntax"
)

// lemmatizer finds a word's lemma from its form and XPOS: a table of the
// forms seen in training whose lemma the rules get wrong, and suffix edit
// rules keyed by XPOS, the form's case and its last bytes ("ies" of an
// NNS → strip 3, add "y").
type lemmatizer struct {
	exact map[formTag]string
	rules map[ruleKey]rule
}

type formTag struct {
	form string
	xpos uint8
}

// ruleKey selects a rule: the XPOS, the case of the form (caseLower,
// caseTitle, caseUpper) and a suffix of its lower-cased form of up to
// maxSuffix bytes.
type ruleKey struct {
	xpos   uint8
	cas    uint8
	suffix string
}

// rule makes a lemma: the form (lower-cased unless keep) without its
// last strip bytes, then add.
type rule struct {
	strip uint8
	keep  bool
	add   string
}

const maxSuffix = 5

const (
	caseLower = iota
	caseTitle
	caseUpper
)

// caseOf classifies the capitalisation of form.
func caseOf(form string) uint8 {
	r, _ := utf8.DecodeRuneInString(form)
	if !unicode.IsUpper(r) {
		return caseLower
	}
	for _, q := range form {
		if unicode.IsLower(q) {
			return caseTitle
		}
	}
	if utf8.RuneCountInString(form) == 1 {
		return caseTitle
	}
	return caseUpper
}

// lemma returns the lemma of form tagged xpos.
func (l *lemmatizer) lemma(form string, xpos uint8) string {
	if s, ok := l.exact[formTag{form, xpos}]; ok {
		return s
	}
	return l.byRule(form, xpos)
}

// byRule applies the rule of the longest suffix of form that has one.
func (l *lemmatizer) byRule(form string, xpos uint8) string {
	lower := strings.ToLower(form)
	cas := caseOf(form)
	for n := min(maxSuffix, len(lower)); n >= 0; n-- {
		if r, ok := l.rules[ruleKey{xpos, cas, lower[len(lower)-n:]}]; ok {
			return r.apply(form, lower)
		}
	}
	return lower
}

func (r rule) apply(form, lower string) string {
	base := lower
	if r.keep {
		base = form
	}
	cut := len(base) - int(r.strip)
	if cut < 0 {
		return base
	}
	if cut < len(base) && !utf8.RuneStart(base[cut]) {
		// a rule learnt on other letters ("'m" → "be", applied to "´m")
		// would cut a character in two
		return lower
	}
	base = base[:cut]
	if r.add == "" {
		return base
	}
	return base + r.add
}

// editRule returns the rule that turns form into lemma: from the
// lower-cased form unless only the form as written gives lemma with a
// smaller edit.
func editRule(form, lower, lemma string) rule {
	best := rule{}
	bestCost := -1
	for _, keep := range []bool{false, true} {
		base := lower
		if keep {
			base = form
		}
		p := 0
		for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
			p++
		}
		strip := len(base) - p
		if strip > 255 {
			continue
		}
		cost := strip + len(lemma) - p
		if bestCost < 0 || cost < bestCost {
			best, bestCost = rule{strip: uint8(strip), keep: keep, add: lemma[p:]}, cost
		}
	}
	return best
}

// learnLemmas builds the lemmatizer from the gold lemmas of sents; xposOf
// gives the index of an XPOS tag.
func learnLemmas(sents []syntax.Sentence, xposOf map[string]uint8) *lemmatizer {
	counts := map[ruleKey]map[rule]int{}
	forms := map[formTag]map[string]int{}
	for _, s := range sents {
		for _, t := range s.Tokens {
			x, ok := xposOf[t.XPOS]
			if !ok || t.Lemma == "" || t.Lemma == "_" && t.Form != "_" {
				continue
			}
			ft := formTag{t.Form, x}
			if forms[ft] == nil {
				forms[ft] = map[string]int{}
			}
			forms[ft][t.Lemma]++
			lower := strings.ToLower(t.Form)
			r := editRule(t.Form, lower, t.Lemma)
			cas := caseOf(t.Form)
			for n := 0; n <= min(maxSuffix, len(lower)); n++ {
				k := ruleKey{x, cas, lower[len(lower)-n:]}
				if counts[k] == nil {
					counts[k] = map[rule]int{}
				}
				counts[k][r]++
			}
		}
	}
	l := &lemmatizer{exact: map[formTag]string{}, rules: pruneRules(counts)}
	for ft, lemmas := range forms {
		best := mostFrequent(lemmas)
		if l.byRule(ft.form, ft.xpos) != best {
			l.exact[ft] = best
		}
	}
	return l
}

// pruneRules keeps, for each key, its most frequent rule, and drops the
// keys seen once and those whose rule is the rule of the suffix one byte
// shorter (which the lookup falls back to).
func pruneRules(counts map[ruleKey]map[rule]int) map[ruleKey]rule {
	best := make(map[ruleKey]rule, len(counts))
	total := make(map[ruleKey]int, len(counts))
	for k, rs := range counts {
		best[k] = mostFrequentRule(rs)
		for _, n := range rs {
			total[k] += n
		}
	}
	out := map[ruleKey]rule{}
	for k, r := range best {
		if k.suffix == "" {
			out[k] = r
			continue
		}
		if total[k] < 2 {
			continue
		}
		parent := ruleKey{k.xpos, k.cas, k.suffix[1:]}
		if pr, ok := effective(best, total, parent); ok && pr == r {
			continue
		}
		out[k] = r
	}
	return out
}

// effective returns the rule the lookup would use for key k among the
// kept keys: k's own, or that of the longest shorter suffix kept.
func effective(best map[ruleKey]rule, total map[ruleKey]int, k ruleKey) (rule, bool) {
	for {
		if r, ok := best[k]; ok && (k.suffix == "" || total[k] >= 2) {
			return r, true
		}
		if k.suffix == "" {
			return rule{}, false
		}
		k.suffix = k.suffix[1:]
	}
}

// mostFrequent returns the most frequent key, the smallest of equals.
func mostFrequent(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := keys[0]
	for _, k := range keys[1:] {
		if m[k] > m[best] {
			best = k
		}
	}
	return best
}

func mostFrequentRule(m map[rule]int) rule {
	rs := make([]rule, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(a, b int) bool { return ruleLess(rs[a], rs[b]) })
	best := rs[0]
	for _, r := range rs[1:] {
		if m[r] > m[best] {
			best = r
		}
	}
	return best
}

func ruleLess(a, b rule) bool {
	if a.strip != b.strip {
		return a.strip < b.strip
	}
	if a.keep != b.keep {
		return !a.keep
	}
	return a.add < b.add
}
