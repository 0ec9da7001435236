package extract

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// Explain writes, for each content sentence of d, its tokens with tags
// and lemmas, its chunks, its dependency tree, mentions and clauses: what
// the extractor saw.
func (x *Extractor) Explain(ctx context.Context, w io.Writer, d *Document) error {
	st := &docState{doc: d, opt: x.opt, paraQuotes: map[int][]Span{}}
	sents, dropped := clean(d, x.analyzer)
	st.sents = sents
	st.mentions = make([][]*mention, len(sents))
	for i := range sents {
		st.mentions[i] = findMentions(i, &sents[i])
	}
	st.linkMentions()
	for _, dl := range dropped {
		fmt.Fprintf(w, "dropped line %d (%s): %s\n", dl.Line, dl.Reason, dl.Text)
	}
	for i := range sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		s := &sents[i]
		fmt.Fprintf(w, "\nS%d (line %d, paragraph %d, headline %v): %s\n  tags:", i, s.Line, s.Para, s.Headline, s.Text)
		for _, t := range s.Tokens {
			fmt.Fprintf(w, " %s/%s", t.Text, t.Tag)
		}
		fmt.Fprint(w, "\n  chunks:")
		for _, u := range chunkUnits(s.Tokens) {
			kind := [...]string{"", "NP", "VG"}[u.kind]
			if kind != "" {
				fmt.Fprintf(w, " [%s %s]", kind, joinTokens(s.Tokens, u.from, u.to))
			}
		}
		fmt.Fprintln(w)
		writeTree(w, s.Tokens)
		for _, m := range st.mentions[i] {
			ent := "-"
			if m.ent != nil {
				ent = fmt.Sprintf("%s (%s)", m.ent.canonical(), m.ent.typ())
				if m.ent.desc != nil {
					ent = "description of a " + m.ent.desc.Role
				}
			}
			fmt.Fprintf(w, "  mention %q → %s roles=%v\n", m.name, ent, m.roles)
		}
		if st.skipSentence(i) {
			fmt.Fprintln(w, "  (not used for facts)")
			continue
		}
		for _, c := range st.treeClauses(i) {
			subj := "-"
			if c.subj != nil {
				subj = npText(s.Tokens, c.subj)
			}
			var flags []string
			for _, f := range []struct {
				on   bool
				name string
			}{{c.inherited, "inherited subject"}, {c.vg.Passive, "passive"}, {c.vg.Negated, "negated"}, {c.irrealis, "not asserted"}, {c.embedded(), "in reported speech"}} {
				if f.on {
					flags = append(flags, f.name)
				}
			}
			fmt.Fprintf(w, "  clause: subject=%q verb=%q lemma=%s %s\n", subj, joinTokens(s.Tokens, c.vg.From, c.vg.To), s.Tokens[c.vg.Main].Lemma, strings.Join(flags, ", "))
		}
	}
	return nil
}
