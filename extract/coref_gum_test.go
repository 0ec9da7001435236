package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
)

// Coreference measured on GUM's annotations: the documents of GUM test
// are rebuilt as text, run through the extractor, and its mentions,
// grouped into entities, are scored against GUM's coreference chains with
// MUC and B³. A system mention counts as a gold mention when it covers
// the gold mention's head (the one word whose head is outside it), since
// newsgraph's mentions are names, pronouns and descriptions, not whole
// noun phrases. Singletons are left out on both sides, as in the CoNLL
// 2012 scorer. The baseline groups the same mentions by exact string and
// head word only; the sieve is newsgraph's linkMentions.
//
//	go test ./extract -run TestCorefGUM -v
func TestCorefGUM(t *testing.T) {
	docs := gumDocs(t, "gum/en_gum-test.conllu.gz")
	x := testExtractor(t)
	type score struct{ muc, b3 prf }
	results := map[string]map[string]score{} // subset → system → score
	sys := make([][]mentionSpan, len(docs))
	for i, d := range docs {
		sys[i] = systemMentions(t, x, d)
	}
	for _, subset := range gumSubsets {
		var gold, base, sieve [][]mentionSpan
		for i, d := range docs {
			if strings.HasPrefix(subset, "news") && !strings.Contains(d.id, "_news_") {
				continue
			}
			chains, mine := d.chains, sys[i]
			if strings.HasSuffix(subset, "names") {
				chains, mine = nameChains(chains), inScope(d.chains, mine)
			}
			gold = append(gold, chains)
			sieve = append(sieve, mine)
			base = append(base, baselineChains(mine))
		}
		results[subset] = map[string]score{
			"baseline": {mucScore(gold, base), b3Score(gold, base)},
			"sieve":    {mucScore(gold, sieve), b3Score(gold, sieve)},
		}
	}
	for _, subset := range gumSubsets {
		for _, sys := range []string{"baseline", "sieve"} {
			s := results[subset][sys]
			t.Logf("GUM test %-10s %-8s  MUC P %.3f R %.3f F1 %.3f   B³ P %.3f R %.3f F1 %.3f   mean F1 %.3f",
				subset, sys, s.muc.p, s.muc.r, s.muc.f(), s.b3.p, s.b3.r, s.b3.f(), (s.muc.f()+s.b3.f())/2)
		}
	}
	// the sieve must beat string matching clearly: by 0.02 in the mean of
	// MUC and B³ F1, and by 0.04 on the kinds of entity newsgraph stores
	for _, subset := range gumSubsets {
		b, s := results[subset]["baseline"], results[subset]["sieve"]
		margin := 0.02
		if strings.HasSuffix(subset, "names") {
			margin = 0.04
		}
		if (s.muc.f()+s.b3.f())/2 < (b.muc.f()+b.b3.f())/2+margin || s.muc.f() < b.muc.f() || s.b3.f() < b.b3.f() {
			t.Errorf("%s: the sieve (MUC %.3f, B³ %.3f) does not beat the baseline (MUC %.3f, B³ %.3f) by %.2f",
				subset, s.muc.f(), s.b3.f(), b.muc.f(), b.b3.f(), margin)
		}
	}
}

// gumSubsets are the documents scored (news or all of GUM test) and the
// chains: every entity GUM annotates, or only the people, organisations
// and places ("names"), the kinds newsgraph stores.
var gumSubsets = []string{"news", "news names", "all", "all names"}

// nameChains keeps the chains of people, organisations and places.
func nameChains(chains []mentionSpan) []mentionSpan {
	var out []mentionSpan
	for _, m := range chains {
		switch m.etype {
		case "person", "organization", "place":
			out = append(out, m)
		}
	}
	return out
}

// inScope drops the system mentions that cover the head of a gold
// mention of another kind than nameChains keeps: they are out of the
// subset's scope, neither right nor wrong there.
func inScope(chains, sys []mentionSpan) []mentionSpan {
	al := aligned(chains, sys)
	var out []mentionSpan
	for i, m := range sys {
		var k int
		if _, err := fmt.Sscanf(al[i], "gold%d", &k); err == nil && len(nameChains(chains[k:k+1])) == 0 {
			continue
		}
		out = append(out, m)
	}
	return out
}

// mentionSpan is a mention as a byte range of its document and the
// entity it belongs to ("" when it is a singleton); head is the byte
// range of its head word (gold mentions only).
type mentionSpan struct {
	start, end         int
	headStart, headEnd int
	entity             string
	etype              string // GUM's entity type (gold mentions only)
	text               string
}

type gumDoc struct {
	id     string
	text   string
	chains []mentionSpan // gold mentions of entities mentioned twice or more
}

// gumDocs reads a GUM file into documents: sentences joined by spaces,
// paragraphs (# newpar) by blank lines, and the Entity= spans.
func gumDocs(t *testing.T, rel string) []gumDoc {
	path := filepath.Join("..", "..", "shared", "treebanks", rel)
	sents, err := conllu.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the treebanks are needed in CI: %v", err)
		}
		t.Skipf("no treebank: %v", err)
	}
	var docs []gumDoc
	var b strings.Builder
	var spans []mentionSpan
	open := map[string][]int{} // entity → stack of indexes into spans
	flush := func() {
		if len(docs) > 0 {
			docs[len(docs)-1].text = b.String()
			docs[len(docs)-1].chains = nonSingletons(spans)
		}
		b.Reset()
		spans, open = nil, map[string][]int{}
	}
	for _, s := range sents {
		for _, c := range s.Comments {
			switch {
			case strings.Contains(c, "newdoc id ="):
				flush()
				docs = append(docs, gumDoc{id: strings.TrimSpace(c[strings.Index(c, "=")+1:])})
			case strings.HasPrefix(c, "# newpar") && !strings.HasPrefix(c, "# newpar_") && b.Len() > 0:
				b.WriteString("\n\n")
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte(' ')
		}
		offs := make([][2]int, len(s.Tokens))
		for i, tok := range s.Tokens {
			offs[i] = [2]int{b.Len(), b.Len() + len(tok.Form)}
			b.WriteString(tok.Form)
			if tok.SpaceAfter && i+1 < len(s.Tokens) {
				b.WriteByte(' ')
			}
		}
		for i, tok := range s.Tokens {
			for _, ev := range entityEvents(tok.Misc) {
				if ev.open {
					open[ev.id] = append(open[ev.id], len(spans))
					spans = append(spans, mentionSpan{start: offs[i][0], entity: ev.id, etype: ev.etype, headStart: i})
				}
				if ev.close {
					st := open[ev.id]
					if len(st) == 0 {
						continue
					}
					k := st[len(st)-1]
					open[ev.id] = st[:len(st)-1]
					from := spans[k].headStart // the first token, until the head is found
					h := spanHead(s.Tokens, from, i+1)
					spans[k].end = offs[i][1]
					spans[k].headStart, spans[k].headEnd = offs[h][0], offs[h][1]
				}
			}
		}
	}
	flush()
	return docs
}

type entityEvent struct {
	id          string
	etype       string
	open, close bool
}

var entityPart = regexp.MustCompile(`\((\d+)-?([a-z]*)[^()]*(\))?|(\d+)\)`)

// entityEvents reads the openings "(12-person-…" and closings "12)" of
// a token's Entity= annotation, in order.
func entityEvents(misc string) []entityEvent {
	var val string
	for _, m := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(m, "Entity="); ok {
			val = v
		}
	}
	var out []entityEvent
	for _, m := range entityPart.FindAllStringSubmatch(val, -1) {
		if m[1] != "" {
			out = append(out, entityEvent{id: m[1], etype: m[2], open: true, close: m[3] != ""})
		} else {
			out = append(out, entityEvent{id: m[4], close: true})
		}
	}
	return out
}

// spanHead is the token of [from, to) whose head lies outside it.
func spanHead(toks []syntax.Token, from, to int) int {
	for i := from; i < to; i++ {
		h := toks[i].Head - 1
		if h < from || h >= to {
			return i
		}
	}
	return from
}

func nonSingletons(spans []mentionSpan) []mentionSpan {
	n := map[string]int{}
	for _, s := range spans {
		n[s.entity]++
	}
	var out []mentionSpan
	for _, s := range spans {
		if n[s.entity] > 1 && s.end > s.start {
			out = append(out, s)
		}
	}
	return out
}

// systemMentions runs the extractor on a GUM document and returns its
// mentions, each with the entity it was linked to.
func systemMentions(t *testing.T, x *Extractor, g gumDoc) []mentionSpan {
	d, err := NewDocument(g.id+".txt", []byte(g.text), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := clean(d, x.analyzer)
	st, err := x.analyse(context.Background(), d, sents, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []mentionSpan
	n := 0
	for si, ms := range st.mentions {
		toks := st.sents[si].Tokens
		for _, m := range ms {
			if m.to <= m.from {
				continue
			}
			id := fmt.Sprintf("single%d", n)
			n++
			if m.ent != nil {
				id = fmt.Sprintf("e%d", m.ent.local)
			}
			out = append(out, mentionSpan{start: toks[m.from].Start, end: toks[m.to-1].End, entity: id, text: m.name})
		}
	}
	return out
}

// baselineChains groups the same mentions by exact string and head word
// alone; pronouns stay alone.
func baselineChains(sys []mentionSpan) []mentionSpan {
	out := make([]mentionSpan, len(sys))
	for i, m := range sys {
		m.entity = fmt.Sprintf("single%d", i)
		words := strings.Fields(strings.ToLower(m.text))
		if len(words) > 0 && !personalPronoun(words[0]) {
			m.entity = "head:" + words[len(words)-1]
		}
		out[i] = m
	}
	return out
}

func personalPronoun(w string) bool {
	switch w {
	case "he", "him", "his", "she", "her", "hers", "i", "me", "my", "mine", "myself", "its":
		return true
	}
	return false
}

// prf is a precision and recall.
type prf struct{ p, r float64 }

func (s prf) f() float64 {
	if s.p+s.r == 0 {
		return 0
	}
	return 2 * s.p * s.r / (s.p + s.r)
}

// aligned maps each system mention of a document to the gold mention it
// covers the head of (the shortest such), or to a key of its own.
func aligned(gold, sys []mentionSpan) []string {
	out := make([]string, len(sys))
	for i, s := range sys {
		out[i] = fmt.Sprintf("sys%d", i)
		best := -1
		for j, g := range gold {
			if g.headStart >= s.start && g.headEnd <= s.end && (best < 0 || g.end-g.start < gold[best].end-gold[best].start) {
				best = j
			}
		}
		if best >= 0 {
			out[i] = fmt.Sprintf("gold%d", best)
		}
	}
	return out
}

// clusters groups mention keys by entity, dropping singletons.
func clusters(keys []string, entities []string) [][]string {
	by := map[string][]string{}
	var order []string
	seen := map[string]bool{}
	for i, k := range keys {
		e := entities[i]
		if _, ok := by[e]; !ok {
			order = append(order, e)
		}
		if !seen[e+"\x00"+k] {
			seen[e+"\x00"+k] = true
			by[e] = append(by[e], k)
		}
	}
	var out [][]string
	for _, e := range order {
		if len(by[e]) > 1 {
			out = append(out, by[e])
		}
	}
	return out
}

// docClusters returns the key and response clusters of one document.
func docClusters(gold, sys []mentionSpan) (key, resp [][]string) {
	gk := make([]string, len(gold))
	ge := make([]string, len(gold))
	for i, g := range gold {
		gk[i], ge[i] = fmt.Sprintf("gold%d", i), g.entity
	}
	se := make([]string, len(sys))
	for i, s := range sys {
		se[i] = s.entity
	}
	return clusters(gk, ge), clusters(aligned(gold, sys), se)
}

// mucScore is MUC (Vilain et al. 1995) summed over documents.
func mucScore(gold, sys [][]mentionSpan) prf { return corefScore(gold, sys, mucPart) }

// b3Score is B³ (Bagga and Baldwin 1998), mentions of all documents
// weighted equally.
func b3Score(gold, sys [][]mentionSpan) prf { return corefScore(gold, sys, b3Part) }

// corefScore sums a metric's numerators and denominators over documents:
// recall with the key clusters against the response, precision the other
// way round.
func corefScore(gold, sys [][]mentionSpan, part func(ks, rs [][]string) (float64, float64)) prf {
	var rn, rd, pn, pd float64
	for i := range gold {
		key, resp := docClusters(gold[i], sys[i])
		n, d := part(key, resp)
		rn, rd = rn+n, rd+d
		n, d = part(resp, key)
		pn, pd = pn+n, pd+d
	}
	return prf{ratio(pn, pd), ratio(rn, rd)}
}

// mucPart is Σ(|K| − |p(K)|) and Σ(|K| − 1) of clusters ks against the
// partition rs (mentions outside rs are parts of their own).
func mucPart(ks, rs [][]string) (float64, float64) {
	where := map[string]int{}
	for i, r := range rs {
		for _, m := range r {
			where[m] = i
		}
	}
	var num, den float64
	for _, k := range ks {
		parts := map[string]bool{}
		for _, m := range k {
			if i, ok := where[m]; ok {
				parts[fmt.Sprint(i)] = true
			} else {
				parts["own:"+m] = true
			}
		}
		num += float64(len(k) - len(parts))
		den += float64(len(k) - 1)
	}
	return num, den
}

// b3Part sums, over the mentions of clusters ks, the share of each
// mention's cluster that its cluster in rs also holds.
func b3Part(ks, rs [][]string) (float64, float64) {
	where := map[string]map[string]bool{}
	for _, r := range rs {
		set := map[string]bool{}
		for _, m := range r {
			set[m] = true
		}
		for _, m := range r {
			where[m] = set
		}
	}
	var num, den float64
	for _, k := range ks {
		for _, m := range k {
			den++
			r := where[m]
			common := 0
			for _, o := range k {
				if r[o] {
					common++
				}
			}
			num += float64(common) / float64(len(k))
		}
	}
	return num, den
}

func ratio(n, d float64) float64 {
	if d == 0 {
		return 0
	}
	return n / d
}

// The metrics on a case worked by hand: key {a b c} {d e}, response
// {a b} {c d} {e f}.
func TestCorefMetrics(t *testing.T) {
	key := [][]string{{"a", "b", "c"}, {"d", "e"}}
	resp := [][]string{{"a", "b"}, {"c", "d"}, {"e", "f"}}
	// MUC recall: (3−2)+(2−2) over 2+1 = 1/3; precision: (2−1)+(2−2)+(2−2) over 3 = 1/3
	if n, d := mucPart(key, resp); n != 1 || d != 3 {
		t.Errorf("MUC recall %v/%v, want 1/3", n, d)
	}
	if n, d := mucPart(resp, key); n != 1 || d != 3 {
		t.Errorf("MUC precision %v/%v, want 1/3", n, d)
	}
	// B³ recall: a 2/3, b 2/3, c 1/3, d 1/2, e 1/2 → 8/3 over 5
	if n, d := b3Part(key, resp); fmt.Sprintf("%.4f", n) != "2.6667" || d != 5 {
		t.Errorf("B³ recall %v/%v, want 2.6667/5", n, d)
	}
}
