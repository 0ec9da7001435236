package tokenize

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The treebanks, when present (see /work/shared/treebanks/README.md).
const treebankDir = "/work/shared/treebanks"

// goldDoc is one treebank document as raw text with its gold spans.
type goldDoc struct {
	id     string
	text   string
	words  [][2]int // syntactic words
	tokens [][2]int // surface tokens (a multiword token is one)
	sents  [][2]int
	lost   int // tokens whose form was not found in the text
}

// goldWord is a token line of a CoNLL-U sentence; a multiword token keeps
// its words in parts.
type goldWord struct {
	form  string
	parts []string
}

// readGold reads a CoNLL-U file as documents of raw text: each document's
// "# text" lines joined by a space, or by a blank line at "# newpar".
func readGold(path string) ([]goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var docs []goldDoc
	var cur *goldDoc
	var b strings.Builder
	var text string
	var words []goldWord
	newpar := false
	mwtEnd := 0
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			if cur != nil {
				cur.text = b.String()
			}
			docs = append(docs, goldDoc{id: strings.TrimSpace(strings.TrimPrefix(line, "# newdoc id ="))})
			cur = &docs[len(docs)-1]
			b.Reset()
			newpar = false
		case strings.HasPrefix(line, "# newpar"):
			newpar = true
		case strings.HasPrefix(line, "# text ="):
			text = strings.TrimSpace(strings.TrimPrefix(line, "# text ="))
		case strings.HasPrefix(line, "#"):
		case line == "":
			if cur == nil || len(words) == 0 {
				continue
			}
			if b.Len() > 0 {
				if newpar {
					b.WriteString("\n\n")
				} else {
					b.WriteString(" ")
				}
			}
			newpar = false
			cur.addSentence(b.Len(), text, words)
			b.WriteString(text)
			words = words[:0]
			mwtEnd = 0
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 10 || strings.Contains(cols[0], ".") {
				continue
			}
			if a, z, ok := strings.Cut(cols[0], "-"); ok {
				var from, to int
				fmt.Sscan(a, &from)
				fmt.Sscan(z, &to)
				mwtEnd = to
				words = append(words, goldWord{form: cols[1], parts: []string{}})
				continue
			}
			var id int
			fmt.Sscan(cols[0], &id)
			if id <= mwtEnd {
				w := &words[len(words)-1]
				w.parts = append(w.parts, cols[1])
				continue
			}
			words = append(words, goldWord{form: cols[1]})
		}
	}
	if cur != nil {
		cur.text = b.String()
	}
	return docs, sc.Err()
}

// addSentence finds the words of a sentence in its text, which begins at
// offset off of the document.
func (d *goldDoc) addSentence(off int, text string, words []goldWord) {
	pos := 0
	first, last := -1, -1
	for _, w := range words {
		for pos < len(text) && spaceAt(text, pos) {
			pos++
		}
		if !strings.HasPrefix(text[pos:], w.form) {
			k := strings.Index(text[pos:], w.form)
			if k < 0 || k > 8 {
				d.lost++
				continue
			}
			pos += k
		}
		a, z := off+pos, off+pos+len(w.form)
		if first < 0 {
			first = a
		}
		last = z
		d.tokens = append(d.tokens, [2]int{a, z})
		pos += len(w.form)
		if w.parts == nil {
			d.words = append(d.words, [2]int{a, z})
			continue
		}
		if strings.EqualFold(strings.Join(w.parts, ""), w.form) {
			at := a
			for _, p := range w.parts {
				d.words = append(d.words, [2]int{at, at + len(p)})
				at += len(p)
			}
			continue
		}
		for range w.parts {
			d.words = append(d.words, [2]int{a, z})
		}
	}
	if first >= 0 {
		d.sents = append(d.sents, [2]int{first, last})
	}
}

// score counts gold, predicted and matching spans.
type score struct{ gold, pred, match int }

func (s *score) add(gold, pred [][2]int) {
	s.gold += len(gold)
	s.pred += len(pred)
	set := make(map[[2]int]int, len(gold))
	for _, g := range gold {
		set[g]++
	}
	for _, p := range pred {
		if set[p] > 0 {
			set[p]--
			s.match++
		}
	}
}

func (s score) f1() float64 {
	if s.gold+s.pred == 0 {
		return 0
	}
	return 2 * float64(s.match) / float64(s.gold+s.pred)
}

func (s score) String() string {
	p := float64(s.match) / float64(max(s.pred, 1))
	r := float64(s.match) / float64(max(s.gold, 1))
	return fmt.Sprintf("P %.2f R %.2f F1 %.2f", 100*p, 100*r, 100*s.f1())
}

// evaluation is the tokenization scores of one treebank file.
type evaluation struct {
	tokens, words, sents score
	lost                 int
}

func evaluate(docs []goldDoc) evaluation {
	var e evaluation
	for _, d := range docs {
		e.lost += d.lost
		var words, sents [][2]int
		for _, s := range Sentences(d.text) {
			for _, t := range s.Tokens {
				words = append(words, [2]int{t.Start, t.End})
			}
			sents = append(sents, [2]int{s.Start, s.Start + len(s.Text)})
		}
		e.words.add(d.words, words)
		e.sents.add(d.sents, sents)
		e.tokens.add(d.tokens, Surface(d.text))
	}
	return e
}

// treebankFile returns the path of a treebank file, skipping the test
// when it is absent (and failing it when CI=true).
func treebankFile(t testing.TB, rel string) string {
	path := filepath.Join(treebankDir, rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("treebank %s: %v", path, err)
		}
		t.Skipf("treebank %s absent: %v", path, err)
	}
	return path
}

// TestTreebanks scores tokenization and sentence splitting of the
// treebanks' test documents, rebuilt as raw text, in the style of the
// CoNLL 2018 shared task (spans of characters must match exactly).
func TestTreebanks(t *testing.T) {
	for _, c := range []struct {
		name, file             string
		minWords, minSentences float64
	}{
		{"EWT test", "ewt/en_ewt-ud-test.conllu.gz", 0.97, 0.70},
		{"GUM test", "gum/en_gum-test.conllu.gz", 0.97, 0.80},
	} {
		docs, err := readGold(treebankFile(t, c.file))
		if err != nil {
			t.Fatal(err)
		}
		e := evaluate(docs)
		t.Logf("%s: tokens %v; words %v; sentences %v (%d gold tokens not found in the text)", c.name, e.tokens, e.words, e.sents, e.lost)
		if e.words.f1() < c.minWords || e.sents.f1() < c.minSentences {
			t.Errorf("%s: words F1 %.4f (floor %.2f), sentences F1 %.4f (floor %.2f)", c.name, e.words.f1(), c.minWords, e.sents.f1(), c.minSentences)
		}
	}
}
