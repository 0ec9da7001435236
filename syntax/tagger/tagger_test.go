package tagger

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/syntax"
)

// sentence builds a gold sentence from "form/XPOS/UPOS/lemma" items.
func sentence(t testing.TB, items string) syntax.Sentence {
	t.Helper()
	var s syntax.Sentence
	for _, it := range strings.Fields(items) {
		f := strings.Split(it, "/")
		if len(f) != 4 {
			t.Fatalf("item %q: want form/XPOS/UPOS/lemma", it)
		}
		s.Tokens = append(s.Tokens, syntax.Token{Form: f[0], XPOS: f[1], UPOS: f[2], Lemma: f[3]})
	}
	return s
}

// tiny is a training set small enough to learn by heart.
func tiny(t testing.TB) []syntax.Sentence {
	return []syntax.Sentence{
		sentence(t, "The/DT/DET/the dogs/NNS/NOUN/dog barked/VBD/VERB/bark ./././."),
		sentence(t, "A/DT/DET/a cat/NN/NOUN/cat walked/VBD/VERB/walk home/RB/ADV/home ./././."),
		sentence(t, "Mary/NNP/PROPN/Mary talked/VBD/VERB/talk to/IN/ADP/to the/DT/DET/the cats/NNS/NOUN/cat ./././."),
		sentence(t, "They/PRP/PRON/they can/MD/AUX/can walk/VB/VERB/walk ./././."),
		sentence(t, "Dogs/NNS/NOUN/dog like/VBP/VERB/like cats/NNS/NOUN/cat ./././."),
		sentence(t, "I/PRP/PRON/I like/VBP/VERB/like Paris/NNP/PROPN/Paris ./././."),
		sentence(t, "The/DT/DET/the cities/NNS/NOUN/city grew/VBD/VERB/grow ./././."),
		sentence(t, "Cities/NNS/NOUN/city like/IN/ADP/like Paris/NNP/PROPN/Paris ./././."),
		sentence(t, "The/DT/DET/the flies/NNS/NOUN/fly grew/VBD/VERB/grow ./././."),
	}
}

func trainTiny(t testing.TB, seed uint64) *Tagger {
	t.Helper()
	tg, err := Train(tiny(t), TrainOptions{Epochs: 20, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestLearnsTiny checks that a tagger learns its training sentences.
func TestLearnsTiny(t *testing.T) {
	tg := trainTiny(t, 1)
	a := score(tg, tiny(t))
	if a.upos != a.tokens || a.xpos != a.tokens || a.lemma != a.tokens {
		t.Errorf("on its training data: %v", a)
	}
	// "like" is a verb after a pronoun, a preposition after a noun at the
	// start: the previous tags decide.
	s := syntax.Sentence{Tokens: []syntax.Token{{Form: "They"}, {Form: "like"}, {Form: "dogs"}, {Form: "."}}}
	tg.Tag(&s)
	if got := s.Tokens[1].XPOS; got != "VBP" {
		t.Errorf("They like dogs: like is %s, want VBP", got)
	}
}

// TestLemmaRules checks the suffix rules on forms not seen in training.
func TestLemmaRules(t *testing.T) {
	tg := trainTiny(t, 1)
	x := tg.xposIndex()
	for _, c := range []struct{ form, xpos, want string }{
		{"jumped", "VBD", "jump"},
		{"Horses", "NNS", "horse"},
		{"ladies", "NNS", "lady"},
		{"London", "NNP", "London"},
		{"These", "DT", "these"},
	} {
		if got := tg.lemmas.lemma(c.form, x[c.xpos]); got != c.want {
			t.Errorf("lemma of %s/%s = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

// A suffix rule never cuts a character in two: "'m" → "be" learnt on
// the apostrophe leaves "´m" (an acute accent, two bytes) whole.
func TestLemmaRuleKeepsCharactersWhole(t *testing.T) {
	l := &lemmatizer{rules: map[ruleKey]rule{
		{xpos: 1, cas: caseLower, suffix: "m"}:  {strip: 2, add: "be"},
		{xpos: 2, cas: caseLower, suffix: "és"}: {strip: 1},
	}}
	for _, c := range []struct {
		form string
		xpos uint8
		want string
	}{
		{"'m", 1, "be"},
		{"´m", 1, "´m"},
		{"cafés", 2, "café"},
	} {
		got := l.lemma(c.form, c.xpos)
		if got != c.want || !utf8.ValidString(got) {
			t.Errorf("lemma of %q = %q, want %q", c.form, got, c.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	tg := trainTiny(t, 1)
	var b bytes.Buffer
	if _, err := tg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if _, err := back.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Errorf("written again after Read: %d bytes, first %d", b2.Len(), b.Len())
	}
	if a := score(back, tiny(t)); a.xpos != a.tokens || a.lemma != a.tokens {
		t.Errorf("read back: %v", a)
	}
	if back.Header().Code != CodeVersion || back.Header().Tokens == 0 {
		t.Errorf("header %+v", back.Header())
	}
	bad := append([]byte(nil), b.Bytes()...)
	bad[len(fileMagic)+20] ^= 1
	if _, err := Read(bytes.NewReader(bad)); err == nil {
		t.Error("a damaged file was read without error")
	}
	if _, err := Read(bytes.NewReader(b.Bytes()[:b.Len()/2])); err == nil {
		t.Error("a truncated file was read without error")
	}
}

func TestDeterministic(t *testing.T) {
	write := func(tg *Tagger) []byte {
		var b bytes.Buffer
		if _, err := tg.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := write(trainTiny(t, 7)), write(trainTiny(t, 7))
	if !bytes.Equal(a, b) {
		t.Error("two trainings with one seed gave different files")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("Train of no sentences: no error")
	}
	s := []syntax.Sentence{{Tokens: []syntax.Token{{Form: "x"}}}}
	if _, err := Train(s, TrainOptions{}); err == nil {
		t.Error("Train of untagged tokens: no error")
	}
}

// TestDefault checks the shipped model on a held slice of EWT dev.
func TestDefault(t *testing.T) {
	dev := readTreebank(t, "ewt/en_ewt-ud-dev.conllu.gz")
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := score(tg, dev[:600])
	t.Logf("EWT dev, first 600 sentences: %v", a)
	if a.rate(a.upos) < 0.93 || a.rate(a.xpos) < 0.925 || a.rate(a.lemma) < 0.95 {
		t.Errorf("below the floor (UPOS 93, XPOS 92.5, lemma 95): %v", a)
	}
}

// TestReport scores the shipped model on the test sets and the project's
// previous tagger (extract, prose's WSJ model) on EWT test's XPOS. It
// runs with REPORT=1.
func TestReport(t *testing.T) {
	if os.Getenv("REPORT") == "" {
		t.Skip("set REPORT=1")
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT dev: %v", score(tg, readTreebank(t, "ewt/en_ewt-ud-dev.conllu.gz")))
	t.Logf("GUM dev: %v", score(tg, readTreebank(t, "gum/en_gum-dev.conllu.gz")))
	t.Logf("GUM dev, news: %v", score(tg, news(readTreebank(t, "gum/en_gum-dev.conllu.gz"))))
	ewt := readTreebank(t, "ewt/en_ewt-ud-test.conllu.gz")
	gum := readTreebank(t, "gum/en_gum-test.conllu.gz")
	t.Logf("EWT test: %v", score(tg, ewt))
	t.Logf("GUM test: %v", score(tg, gum))
	t.Logf("GUM test, news: %v", score(tg, news(gum)))
	// the previous tagger's scores on the same data: extract's TestTaggerBaselineOnUD
}

// BenchmarkTag tags EWT test (gold tokens); run with GOMAXPROCS=1 for one
// core.
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := readTreebank(b, "ewt/en_ewt-ud-test.conllu.gz")
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	tagAll := func() {
		for k := range sents {
			tg.Tag(&sents[k])
		}
	}
	allocs := testing.AllocsPerRun(1, tagAll)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tagAll()
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(allocs/float64(tokens), "allocs/token")
}

// BenchmarkLoad reads the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(defaultModel)))
	for b.Loop() {
		if _, err := load(defaultModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoadTime logs how long the embedded model takes to read.
func TestLoadTime(t *testing.T) {
	began := time.Now()
	if _, err := load(defaultModel); err != nil {
		t.Skipf("no embedded model: %v", err)
	}
	t.Logf("model: %d bytes, read in %s", len(defaultModel), time.Since(began))
}

// TestReproduce trains the default model again and compares it with the
// embedded file, byte for byte. It takes minutes: run it with
// REPRODUCE=1.
func TestReproduce(t *testing.T) {
	if os.Getenv("REPRODUCE") == "" {
		t.Skip("set REPRODUCE=1")
	}
	readTreebank(t, "ewt/en_ewt-ud-train.conllu.gz")
	tg, err := TrainDefault(treebankDir+"/ewt", treebankDir+"/gum", nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := tg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), defaultModel) {
		t.Errorf("retrained model: %d bytes, differs from model/tagger.bin (%d bytes)", b.Len(), len(defaultModel))
	}
}

// tagPlain tags s the way training does, with every feature scored at
// each token: the reference for Tag's cached scores.
func tagPlain(tg *Tagger, s *syntax.Sentence) {
	sc := &scratch{scores: make([]float32, len(tg.classes))}
	sc.words = tg.describeAll(sc, s.Tokens)
	p1, p2 := tg.startClasses()
	for i := range s.Tokens {
		c, ok := tg.dict[s.Tokens[i].Form]
		if !ok {
			sc.feats = features(sc.feats[:0], sc.words, i+2, p1, p2)
			c = uint16(tg.model.Predict(sc.feats, sc.scores))
		}
		s.Tokens[i].XPOS, s.Tokens[i].UPOS = tg.xpos[c], tg.upos[c]
		s.Tokens[i].Lemma = tg.lemmas.lemma(s.Tokens[i].Form, tg.xposIdx[c])
		p2, p1 = p1, int(c)
	}
}

// TestCachedScores checks that Tag, which adds up cached scores, tags as
// the plain scoring of all features does, with the cache filling and once
// it is full.
func TestCachedScores(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	full, err := load(defaultModel)
	if err != nil {
		t.Fatal(err)
	}
	full.cache().max = 10
	sents := append(tiny(t), sentence(t, "Zyx/NNP/PROPN/Zyx quoxes/NNS/NOUN/quox 3.5/CD/NUM/3.5 UNIT-8/NN/NOUN/unit-8 ./././."))
	if _, err := os.Stat(treebankDir); err == nil {
		sents = append(sents, readTreebank(t, "ewt/en_ewt-ud-dev.conllu.gz")[:300]...)
	}
	diff := 0
	for _, g := range sents {
		want, got, got2 := blank(g), blank(g), blank(g)
		tagPlain(tg, &want)
		tg.Tag(&got)
		full.Tag(&got2)
		for i := range want.Tokens {
			if got.Tokens[i] != want.Tokens[i] || got2.Tokens[i] != want.Tokens[i] {
				diff++
				t.Logf("%q: plain %v, cached %v, cache full %v", want.Tokens[i].Form, want.Tokens[i], got.Tokens[i], got2.Tokens[i])
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d tokens tagged differently", diff)
	}
}

// blank returns a copy of g's sentence with its forms only.
func blank(g syntax.Sentence) syntax.Sentence {
	s := syntax.Sentence{Tokens: make([]syntax.Token, len(g.Tokens))}
	for i, tok := range g.Tokens {
		s.Tokens[i] = syntax.Token{Form: tok.Form}
	}
	return s
}
