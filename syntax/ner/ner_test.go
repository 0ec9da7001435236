package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
)

// gumDir is the GUM treebank in the workplace's shared folder.
func gumDir(t testing.TB) string {
	dir := os.Getenv("NEWSGRAPH_TREEBANKS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "treebanks")
	}
	dir = filepath.Join(dir, "gum")
	if _, err := os.Stat(filepath.Join(dir, "en_gum-test.conllu.gz")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the GUM treebank is needed in CI: %v", err)
		}
		t.Skipf("GUM treebank not here (%v)", err)
	}
	return dir
}

func readGUM(t testing.TB, split string) []syntax.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(filepath.Join(gumDir(t), "en_gum-"+split+".conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func report(t *testing.T, name string, scores map[string]Score) {
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := scores[k]
		t.Logf("%s %-12s P %.1f R %.1f F1 %.1f (gold %d)", name, k, 100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Gold)
	}
}

// A tagger trained on a small slice learns that slice.
func TestTrainingLearnsASlice(t *testing.T) {
	slice := readGUM(t, "dev")[:300]
	tg, err := Train(slice, TrainOptions{Epochs: 12, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	all := Evaluate(tg, slice)["ALL"]
	if all.Gold < 50 || all.F1() < 0.9 {
		t.Errorf("F1 %.3f on its own training slice (%d names), want ≥ 0.9", all.F1(), all.Gold)
	}
}

// Two trainings with one seed give the same bytes, and a model read
// back tags as the one written.
func TestDeterministicRoundTrip(t *testing.T) {
	slice := readGUM(t, "dev")[:200]
	write := func() []byte {
		tg, err := Train(slice, TrainOptions{Epochs: 3, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := tg.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with the same seed wrote different bytes")
	}
	back, err := Read(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Train(slice, TrainOptions{Epochs: 3, Seed: 9})
	for _, s := range slice[:50] {
		x := syntax.Sentence{Tokens: append([]syntax.Token(nil), s.Tokens...)}
		y := syntax.Sentence{Tokens: append([]syntax.Token(nil), s.Tokens...)}
		back.Tag(&x)
		again.Tag(&y)
		for k := range x.Tokens {
			if x.Tokens[k].NER != y.Tokens[k].NER {
				t.Fatalf("read-back model tags %q as %s, the trained one as %s", x.Tokens[k].Form, x.Tokens[k].NER, y.Tokens[k].NER)
			}
		}
	}
}

// The shipped model finds names in GUM's test documents above a floor
// (gold tags and trees; the README reports it on predicted ones).
func TestShippedModelAboveFloor(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	test := readGUM(t, "test")
	scores := Evaluate(tg, test)
	report(t, "test", scores)
	if f := scores["ALL"].F1(); f < 0.6 {
		t.Errorf("name F1 %.3f on GUM test, want ≥ 0.6", f)
	}
}

func TestShapesAndAffixes(t *testing.T) {
	for _, tt := range []struct{ in, shape, pre, suf string }{
		{"McDonald", "XxXx", "mcd", "ald"},
		{"U.S.", "X.X.", "u.s", ".s."},
		{"1987", "d", "198", "987"},
		{"A1-B2-C3-D4", "Xd-Xd-Xd", "a1-", "-d4"},
		{"Zürich", "Xx", "zü", "ich"},
	} {
		var want uint64
		for i := 0; i < len(tt.shape); i++ {
			want = want<<8 | uint64(tt.shape[i])
		}
		if got := shapeKey(tt.in); got != want {
			t.Errorf("shapeKey(%q) = %x, want %x (%s)", tt.in, got, want, tt.shape)
		}
		low := strings.ToLower(tt.in)
		if got := prefix(low, 3); got != tt.pre {
			t.Errorf("prefix(%q) = %q, want %q", low, got, tt.pre)
		}
		if got := suffix(low, 3); got != tt.suf {
			t.Errorf("suffix(%q) = %q, want %q", low, got, tt.suf)
		}
	}
}
