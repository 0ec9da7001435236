package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDebugPipeline(t *testing.T) {
	if os.Getenv("NG_DEBUG") == "" {
		t.Skip()
	}
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	glob := os.Getenv("NG_GLOB")
	if glob == "" {
		glob = "../data/*.txt"
	}
	man, _ := LoadManifest("../data/manifest.json")
	files, _ := filepath.Glob(glob)
	var rs []*Result
	for _, f := range files {
		var md *Metadata
		if m, ok := man[filepath.Base(f)]; ok {
			md = &m
		}
		d, err := x.ReadFile(f, md)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := x.Extract(context.Background(), d)
		rs = append(rs, r)
	}
	Resolve(rs)
	for _, r := range rs {
		fmt.Println("=====", r.Doc.ID)
		for _, e := range r.Entities {
			fmt.Printf("  E %s %s %q %v\n", e.ID, e.Type, e.Name, e.Aliases)
		}
		for _, f := range r.Facts {
			o := f.Object.EntityID
			if o == "" {
				o = fmt.Sprintf("%s:%q %g %s %s", f.Object.Literal.Kind, f.Object.Literal.Text, f.Object.Literal.Value, f.Object.Literal.Unit, f.Object.Literal.Bound)
			}
			neg := ""
			if f.Negated {
				neg = "NOT "
			}
			fmt.Printf("  F %s %s%s %s  [%s %.2f d=%s/%s] S%d\n", f.Subject, neg, f.Predicate, o, f.Evidence.Rule, f.Evidence.Confidence, f.Date, f.DatePhrase, f.Evidence.SentenceIndex)
		}
	}
}

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("NG_SENT")
	if s == "" {
		t.Skip()
	}
	x, _ := New(Options{})
	d, err := NewDocument("x.txt", []byte(s), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st := &docState{doc: d, opt: x.opt, paraQuotes: map[int][]Span{}}
	sents, _ := clean(d, x.tagger)
	st.sents = sents
	st.mentions = make([][]*mention, len(sents))
	for i := range sents {
		st.mentions[i] = findMentions(i, &sents[i])
		for _, tk := range sents[i].Tokens {
			fmt.Printf("%s/%s/%s ", tk.Text, tk.Tag, tk.Lemma)
		}
		fmt.Println()
		for _, u := range chunkUnits(sents[i].Tokens) {
			fmt.Printf("[%d %s] ", u.kind, joinTokens(sents[i].Tokens, u.from, u.to))
		}
		fmt.Println()
	}
	st.linkMentions()
	st.clauses = make([][]clause, len(sents))
	for i := range sents {
		st.clauses[i] = st.findClauses(i)
		for _, c := range st.clauses[i] {
			sj := ""
			if c.subj != nil {
				sj = npText(sents[i].Tokens, c.subj)
			}
			fmt.Printf("CLAUSE subj=%q vg=%q comp=%d irr=%v emb=%v\n", sj, joinTokens(sents[i].Tokens, c.vg.From, c.vg.To), c.comp, c.irrealis, c.embedded)
		}
	}
	r, _ := x.Extract(context.Background(), d)
	for _, f := range r.Facts {
		fmt.Printf("F %s %s %+v %v %s\n", f.Subject, f.Predicate, f.Object.EntityID, f.Object.Literal, f.Evidence.Rule)
	}
}
