// Package conllu reads and writes CoNLL-U, the file format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
//
// Multiword-token lines ("3-4 don't") and empty nodes ("5.1") are read
// past: a sentence is its syntactic words, as the parser sees them. Name
// spans are read from GUM's MISC Entity= annotations (see [EntityType])
// into the tokens' NER tags.
package conllu

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/syntax"
)

// ReadFile reads a CoNLL-U file, gzipped if its name ends in ".gz".
func ReadFile(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sents, err := Read(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sents, nil
}

// Read reads every sentence of a CoNLL-U stream.
func Read(r io.Reader) ([]syntax.Sentence, error) {
	var out []syntax.Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var cur syntax.Sentence
	ents := entityReader{}
	annotated := false // the file has Entity= annotations (GUM)
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			if annotated {
				ents.apply(cur.Tokens)
			}
			out = append(out, cur)
		}
		cur = syntax.Sentence{}
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		switch {
		case text == "":
			flush()
		case strings.HasPrefix(text, "#"):
			readComment(&cur, text)
		default:
			tok, skip, err := readToken(text)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if skip {
				continue
			}
			if strings.Contains(tok.Misc, "Entity=") {
				annotated = true
			}
			ents.read(len(cur.Tokens), tok.Misc)
			cur.Tokens = append(cur.Tokens, tok)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

func readComment(s *syntax.Sentence, line string) {
	body := strings.TrimSpace(strings.TrimPrefix(line, "#"))
	switch {
	case strings.HasPrefix(body, "sent_id ="):
		s.ID = strings.TrimSpace(strings.TrimPrefix(body, "sent_id ="))
	case strings.HasPrefix(body, "text ="):
		s.Text = strings.TrimSpace(strings.TrimPrefix(body, "text ="))
	default:
		s.Comments = append(s.Comments, line)
	}
}

// readToken parses one word line; skip is true for multiword-token and
// empty-node lines.
func readToken(line string) (tok syntax.Token, skip bool, err error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return tok, false, fmt.Errorf("%d columns, want 10", len(cols))
	}
	if strings.ContainsAny(cols[0], "-.") {
		return tok, true, nil
	}
	tok = syntax.Token{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5], Rel: cols[7], Misc: cols[9], SpaceAfter: true, Head: -1}
	if cols[6] != "_" {
		if tok.Head, err = strconv.Atoi(cols[6]); err != nil {
			return tok, false, fmt.Errorf("head %q: %w", cols[6], err)
		}
	}
	for _, m := range strings.Split(cols[9], "|") {
		if m == "SpaceAfter=No" {
			tok.SpaceAfter = false
		}
	}
	return tok, false, nil
}

// EntityType maps GUM's entity types to the name tagger's classes; types
// not listed (abstract, time, quantity, plant, animal, substance, …) are
// not names of the kinds newsgraph stores.
var EntityType = map[string]string{
	"person":       "PERSON",
	"organization": "ORGANIZATION",
	"place":        "PLACE",
	"event":        "EVENT",
	"object":       "PRODUCT",
}

// entityReader follows GUM's bracketed Entity= annotations ("(12-person-…"
// opens entity 12 at a token, "12)" closes it, "(5-object-…)" is a
// one-token entity) and turns them into name tags: an entity of a mapped
// type is a name when its head (the token whose head lies outside it) is
// a proper noun, and its name is its run of proper nouns ("the Bank of
// England" → "Bank of England"). Outer names win over names inside them.
type entityReader struct {
	open  []openEntity // still open, possibly from an earlier sentence
	spans []entitySpan // closed in the current sentence
}

type openEntity struct {
	id, typ string
	from    int // token index in the current sentence; -1 if it began earlier
}

type entitySpan struct {
	from, to int
	typ      string
}

// read records the annotations of token i (MISC misc) of the sentence.
func (e *entityReader) read(i int, misc string) {
	ann := ""
	for _, m := range strings.Split(misc, "|") {
		if strings.HasPrefix(m, "Entity=") {
			ann = strings.TrimPrefix(m, "Entity=")
		}
	}
	for ann != "" {
		if ann[0] == '(' {
			end := strings.IndexAny(ann[1:], "()")
			if end < 0 {
				end = len(ann) - 1
			}
			id, typ := entityIDAndType(ann[1 : end+1])
			e.open = append(e.open, openEntity{id: id, typ: typ, from: i})
			ann = ann[end+1:]
			if ann != "" && ann[0] == ')' { // opens and closes here
				e.close(id, i)
				ann = ann[1:]
			}
			continue
		}
		end := strings.IndexByte(ann, ')')
		if end < 0 {
			return
		}
		e.close(ann[:end], i)
		ann = ann[end+1:]
	}
}

// close ends entity id at token i (inclusive).
func (e *entityReader) close(id string, i int) {
	for k := len(e.open) - 1; k >= 0; k-- {
		if o := e.open[k]; o.id == id {
			if o.from >= 0 {
				e.spans = append(e.spans, entitySpan{from: o.from, to: i + 1, typ: o.typ})
			}
			e.open = append(e.open[:k], e.open[k+1:]...)
			return
		}
	}
}

// apply sets the NER tags of the sentence's tokens from the entities
// closed in it, then starts the next sentence.
func (e *entityReader) apply(toks []syntax.Token) {
	for i := range toks {
		toks[i].NER = "O"
	}
	sort.SliceStable(e.spans, func(a, b int) bool { return e.spans[a].to-e.spans[a].from > e.spans[b].to-e.spans[b].from })
	for _, sp := range e.spans {
		label := EntityType[sp.typ]
		h := spanHead(toks, sp.from, sp.to)
		if label == "" || h < 0 || toks[h].UPOS != "PROPN" {
			continue
		}
		from, to := nameRun(toks, h, sp.from, sp.to)
		if taken(toks, from, to) {
			continue
		}
		toks[from].NER = "B-" + label
		for k := from + 1; k < to; k++ {
			toks[k].NER = "I-" + label
		}
	}
	e.spans = e.spans[:0]
	for k := range e.open {
		e.open[k].from = -1
	}
}

// spanHead returns the head of tokens [from, to): the first whose head
// lies outside the span; -1 if none does.
func spanHead(toks []syntax.Token, from, to int) int {
	for k := from; k < to; k++ {
		if h := toks[k].Head; h-1 < from || h-1 >= to {
			return k
		}
	}
	return -1
}

// nameConnectors join proper nouns into one name: "Bank of England",
// "Procter & Gamble", "Udvar-Hazy".
var nameConnectors = map[string]bool{"of": true, "and": true, "&": true, "-": true, "de": true}

// nameRun returns the run of proper nouns around token h, within
// [from, to), that the name is: a relative clause or a second name inside
// an entity's span is not part of it.
func nameRun(toks []syntax.Token, h, from, to int) (int, int) {
	propn := func(k int) bool { return k >= from && k < to && toks[k].UPOS == "PROPN" }
	a, b := h, h+1
	for {
		if propn(a - 1) {
			a--
		} else if a-2 >= from && nameConnectors[toks[a-1].Form] && propn(a-2) {
			a -= 2
		} else {
			break
		}
	}
	for {
		if propn(b) {
			b++
		} else if b+1 < to && nameConnectors[toks[b].Form] && propn(b+1) {
			b += 2
		} else {
			return a, b
		}
	}
}

func taken(toks []syntax.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].NER != "O" {
			return true
		}
	}
	return false
}

// entityIDAndType reads "12-person-giv-…" as ("12", "person").
func entityIDAndType(body string) (string, string) {
	parts := strings.SplitN(body, "-", 3)
	if len(parts) < 2 {
		return body, ""
	}
	return parts[0], parts[1]
}

// Write writes sentences as CoNLL-U. Tokens' character offsets and name
// tags go to MISC (TokenRange=START:END, NER=B-PERSON) beside what MISC
// already held.
func Write(w io.Writer, sents []syntax.Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			fmt.Fprintln(bw, c)
		}
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", oneLine(s.Text))
		}
		for i, t := range s.Tokens {
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1, t.Form, or(t.Lemma), or(t.UPOS), or(t.XPOS), or(t.Feats), head(t.Head), or(t.Rel), misc(t))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

// oneLine joins the lines of a sentence that spans several (wire copy is
// wrapped at 70 columns), since a CoNLL-U comment is one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func or(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func head(h int) string {
	if h < 0 {
		return "_"
	}
	return strconv.Itoa(h)
}

// misc merges the token's MISC with its offsets, spacing and name tag.
func misc(t syntax.Token) string {
	var parts []string
	for _, m := range strings.Split(t.Misc, "|") {
		if m == "" || m == "_" || strings.HasPrefix(m, "NER=") || strings.HasPrefix(m, "TokenRange=") || m == "SpaceAfter=No" {
			continue
		}
		parts = append(parts, m)
	}
	if t.NER != "" && t.NER != "O" {
		parts = append(parts, "NER="+t.NER)
	}
	if !t.SpaceAfter {
		parts = append(parts, "SpaceAfter=No")
	}
	if t.End > t.Start {
		parts = append(parts, fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End))
	}
	if len(parts) == 0 {
		return "_"
	}
	return strings.Join(parts, "|")
}
