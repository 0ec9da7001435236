package parser

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/tagger"
)

// treebankDir returns the shared treebanks folder (NEWSGRAPH_TREEBANKS, or
// shared/treebanks beside the repository), "" when there is none.
func treebankDir() string {
	for _, d := range []string{os.Getenv("NEWSGRAPH_TREEBANKS"), filepath.Join("..", "..", "..", "shared", "treebanks"), "/work/shared/treebanks"} {
		if _, err := os.Stat(filepath.Join(d, "ewt", EWTTrain)); d != "" && err == nil {
			return d
		}
	}
	return ""
}

// treebank reads a treebank file from the treebanks folder. It skips the
// test when the file is absent, except in CI (CI=true), where it fails.
func treebank(tb testing.TB, sub, name string) []syntax.Sentence {
	tb.Helper()
	if d := treebankDir(); d != "" {
		sents, err := conllu.ReadFile(filepath.Join(d, sub, name))
		if err != nil {
			tb.Fatal(err)
		}
		return sents
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("treebank %s/%s not found (set NEWSGRAPH_TREEBANKS)", sub, name)
	}
	tb.Skipf("treebank %s/%s not found (set NEWSGRAPH_TREEBANKS)", sub, name)
	return nil
}

func quick(epochs int) TrainOptions {
	o := DefaultOptions()
	o.Epochs = epochs
	return o
}

func TestLearnsSmallTreebank(t *testing.T) {
	sents := treebank(t, "ewt", EWTTrain)[:50]
	o := quick(12)
	o.MinHits, o.MinLabelHits = 0, 0 // a frequency cutoff is for generalizing, not fitting 50 sentences
	p, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	if uas, las := Evaluate(p, sents); uas < 95 || las < 90 {
		t.Fatalf("on its own 50 training sentences: UAS %.2f, LAS %.2f; want ≥ 95, ≥ 90", uas, las)
	}
}

func TestDefaultScoresAboveFloor(t *testing.T) {
	dev := treebank(t, "ewt", "en_ewt-ud-dev.conllu.gz")
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	held := dev[len(dev)-400:]
	if uas, las := Evaluate(p, held); uas < 85 || las < 82 {
		t.Fatalf("EWT dev slice, gold tags: UAS %.2f, LAS %.2f; want ≥ 85, ≥ 82", uas, las)
	}
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	tagged := make([]syntax.Sentence, len(held))
	for i := range held {
		tagged[i] = *clone(&held[i])
		tg.Tag(&tagged[i])
	}
	if uas, las := Evaluate(p, tagged); uas < 80 || las < 76 {
		t.Fatalf("EWT dev slice, predicted tags: UAS %.2f, LAS %.2f; want ≥ 80, ≥ 76", uas, las)
	}
}

// TestTrainReproducesModels trains the shipped models again and compares
// the bytes: many minutes of work, so only with NEWSGRAPH_TRAIN=1 (and
// NEWSGRAPH_TRAIN_ACCURATE=1 for the accurate model, a quarter of an
// hour more).
func TestTrainReproducesModels(t *testing.T) {
	if os.Getenv("NEWSGRAPH_TRAIN") != "1" {
		t.Skip("set NEWSGRAPH_TRAIN=1 to retrain the shipped model")
	}
	treebank(t, "ewt", EWTTrain)
	dir := treebankDir()
	models := []struct {
		name  string
		train func(string, string, io.Writer) (*Parser, error)
		file  []byte
	}{
		{"parser.bin", TrainDefault, defaultModel},
		{"parser-beam.bin", TrainAccurate, accurateModel},
	}
	for _, m := range models {
		if m.name == "parser-beam.bin" && os.Getenv("NEWSGRAPH_TRAIN_ACCURATE") != "1" {
			continue
		}
		p, err := m.train(filepath.Join(dir, "ewt"), filepath.Join(dir, "gum"), nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := p.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), m.file) {
			t.Errorf("training wrote %d bytes that differ from model/%s (%d bytes)", buf.Len(), m.name, len(m.file))
		}
	}
}

// TestAccurateBeatsDefault parses a slice of EWT dev with predicted tags
// with both shipped parsers: the accurate one searches with its beam and
// attaches and labels better.
func TestAccurateBeatsDefault(t *testing.T) {
	dev := treebank(t, "ewt", "en_ewt-ud-dev.conllu.gz")
	fast, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	acc, err := Accurate()
	if err != nil {
		t.Fatal(err)
	}
	if beam, _ := acc.Search(); beam != AccurateBeam {
		t.Fatalf("accurate parser searches with a beam of %d, want %d", beam, AccurateBeam)
	}
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	held := dev[len(dev)-400:]
	tagged := make([]syntax.Sentence, len(held))
	for i := range held {
		tagged[i] = *clone(&held[i])
		tg.Tag(&tagged[i])
	}
	fu, fl := Evaluate(fast, tagged)
	au, al := Evaluate(acc, tagged)
	t.Logf("default UAS %.2f LAS %.2f, accurate UAS %.2f LAS %.2f", fu, fl, au, al)
	if au < fu+0.5 || al < fl+0.5 {
		t.Errorf("accurate UAS %.2f LAS %.2f, default %.2f %.2f: want half a point better", au, al, fu, fl)
	}
	for i := range tagged[:50] {
		s := clone(&tagged[i])
		acc.Parse(s)
		checkTree(t, s)
	}
}

// TestJackknife tags a slice by jackknifing: every sentence gets tags
// from a tagger that did not see it, mostly right and not all right.
func TestJackknife(t *testing.T) {
	gold := treebank(t, "ewt", EWTTrain)[:400]
	sents := make([]syntax.Sentence, len(gold))
	copy(sents, gold)
	if err := Jackknife(sents, 2, nil); err != nil {
		t.Fatal(err)
	}
	right, total := 0, 0
	for i := range sents {
		for k, tk := range sents[i].Tokens {
			total++
			if tk.XPOS == gold[i].Tokens[k].XPOS {
				right++
			}
			if tk.Head != gold[i].Tokens[k].Head {
				t.Fatalf("sentence %d: heads changed", i)
			}
		}
	}
	if acc := float64(right) / float64(total); acc < 0.7 || acc > 0.99 {
		t.Fatalf("jackknifed XPOS accuracy %.3f, want between 0.7 and 0.99", acc)
	}
}

func TestRoundTrip(t *testing.T) {
	sents := treebank(t, "ewt", EWTTrain)[:300]
	p, err := Train(sents, quick(2))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents[:200] {
		a, b := clone(&sents[i]), clone(&sents[i])
		p.Parse(a)
		back.Parse(b)
		if !slices.Equal(a.Tokens, b.Tokens) {
			t.Fatalf("sentence %s parses differently after WriteTo/Read", sents[i].ID)
		}
	}
	if m := back.Meta(); m.Code != CodeVersion || m.Epochs != 2 {
		t.Fatalf("metadata %+v", m)
	}
}

func TestDeterministic(t *testing.T) {
	sents := treebank(t, "gum", GUMTrain)[:200]
	var files [2][]byte
	for i := range files {
		p, err := Train(sents, quick(3))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := p.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		files[i] = buf.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings with the same seed wrote different bytes")
	}
}

func clone(s *syntax.Sentence) *syntax.Sentence {
	c := *s
	c.Tokens = slices.Clone(s.Tokens)
	return &c
}

// TestWellFormed parses odd input with the default model: the output is
// always one tree with a single root.
func TestWellFormed(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tok := func(form, upos, xpos string) syntax.Token {
		return syntax.Token{Form: form, UPOS: upos, XPOS: xpos, Head: -1}
	}
	tests := []struct {
		name string
		toks []syntax.Token
	}{
		{"one word", []syntax.Token{tok("Hello", "INTJ", "UH")}},
		{"no tags", []syntax.Token{tok("a", "", ""), tok("b", "", ""), tok("c", "", "")}},
		{"all punctuation", []syntax.Token{tok(".", "PUNCT", "."), tok(".", "PUNCT", "."), tok("!", "PUNCT", ".")}},
		{"unknown tags", []syntax.Token{tok("x", "FOO", "BAR"), tok("y", "FOO", "BAR")}},
		{"sentence", []syntax.Token{tok("Shares", "NOUN", "NNS"), tok("rose", "VERB", "VBD"), tok("sharply", "ADV", "RB"), tok(".", "PUNCT", ".")}},
		{"long", slices.Repeat([]syntax.Token{tok("the", "DET", "DT"), tok("dog", "NOUN", "NN"), tok(",", "PUNCT", ",")}, 100)},
	}
	for _, beam := range []int{1, 2, 5} {
		q := p.WithSearch(beam, 0)
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s, beam %d", tt.name, beam), func(t *testing.T) {
				s := &syntax.Sentence{Tokens: slices.Clone(tt.toks)}
				q.Parse(s)
				checkTree(t, s)
			})
		}
		q.Parse(&syntax.Sentence{}) // no tokens: nothing to do
	}
}

// A beam of two parses the held slice of EWT dev (predicted tags) better
// than the shipped parser's greedy decoding.
func TestBeamBeatsGreedy(t *testing.T) {
	dev := treebank(t, "ewt", "en_ewt-ud-dev.conllu.gz")
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if beam, temp := p.Search(); beam != 1 || temp != DefaultTemperature {
		t.Fatalf("shipped parser searches with beam %d at temperature %g, want greedy at %d", beam, temp, DefaultTemperature)
	}
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	held := dev[len(dev)-400:]
	tagged := make([]syntax.Sentence, len(held))
	for i := range held {
		tagged[i] = *clone(&held[i])
		tg.Tag(&tagged[i])
	}
	greedyUAS, greedyLAS := Evaluate(p, tagged)
	uas, las := Evaluate(p.WithSearch(2, 0), tagged)
	t.Logf("greedy UAS %.2f LAS %.2f, beam UAS %.2f LAS %.2f", greedyUAS, greedyLAS, uas, las)
	if uas <= greedyUAS || las <= greedyLAS {
		t.Errorf("beam UAS %.2f LAS %.2f, greedy %.2f %.2f", uas, las, greedyUAS, greedyLAS)
	}
}

func checkTree(t *testing.T, s *syntax.Sentence) {
	t.Helper()
	roots := 0
	for i, tk := range s.Tokens {
		if tk.Head < 0 || tk.Head > len(s.Tokens) || tk.Head == i+1 {
			t.Fatalf("token %d: head %d", i+1, tk.Head)
		}
		if (tk.Head == 0) != (tk.Rel == "root") {
			t.Fatalf("token %d: head %d, relation %s", i+1, tk.Head, tk.Rel)
		}
		if tk.Head == 0 {
			roots++
		}
		for k, steps := i+1, 0; k != 0; steps++ {
			if steps > len(s.Tokens) {
				t.Fatalf("token %d is on a cycle", i+1)
			}
			k = s.Tokens[k-1].Head
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots", roots)
	}
}

// TestOracle follows the dynamic oracle's zero-cost transitions from the
// start: on a projective tree that rebuilds the tree exactly, and every
// step has a zero-cost transition.
func TestOracle(t *testing.T) {
	sents := treebank(t, "ewt", "en_ewt-ud-dev.conllu.gz")
	exs, err := examples(sents, map[string]int32{})
	if err != nil {
		t.Fatal(err)
	}
	var st state
	for _, ex := range exs {
		st.reset(len(ex.s.Tokens))
		for !st.terminal() {
			next := -1
			for tr := range nTransitions {
				if st.valid(tr) && st.cost(tr, ex.heads) == 0 {
					next = tr
					break
				}
			}
			if next < 0 {
				t.Fatalf("%s: no zero-cost transition", ex.s.ID)
			}
			st.apply(next, 0)
		}
		if !slices.Equal(st.head[1:], ex.heads[1:]) {
			t.Fatalf("%s: oracle built %v, want %v", ex.s.ID, st.head[1:], ex.heads[1:])
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int32
	}{
		{"projective", []int32{0, 2, 0, 2}, []int32{0, 2, 0, 2}},
		// 1 → 3 crosses 2 → 4 (head of 2 is 4, 4's head is 0).
		{"crossing", []int32{0, 4, 4, 1, 0}, []int32{0, 4, 4, 4, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := projectivize(tt.heads)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("projectivize(%v) = %v, want %v", tt.heads, got, tt.want)
			}
			if shortestNonProjective(got) >= 0 {
				t.Fatalf("%v is not projective", got)
			}
		})
	}
}

func TestReadRejects(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"bad magic", []byte("NOTAPARSER000000")},
		{"truncated", defaultModel[:len(defaultModel)/3]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.b)); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestLoadTime(t *testing.T) {
	for _, file := range [][]byte{defaultModel, accurateModel} {
		start := time.Now()
		if _, err := load(file); err != nil {
			t.Fatal(err)
		}
		t.Logf("model of %d bytes loaded in %s", len(file), time.Since(start))
	}
}

// BenchmarkParse parses EWT dev with the default model and gold tags.
func BenchmarkParse(b *testing.B) {
	dev := treebank(b, "ewt", "en_ewt-ud-dev.conllu.gz")
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([]*syntax.Sentence, len(dev))
	tokens := 0
	for i := range dev {
		sents[i] = clone(&dev[i])
		tokens += len(dev[i].Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			p.Parse(s)
		}
	}
	b.StopTimer()
	parsed := float64(tokens) * float64(b.N)
	b.ReportMetric(parsed/b.Elapsed().Seconds(), "tokens/s")
	// CPU time tells the parser's speed on a machine other work shares.
	b.ReportMetric(parsed/(cpuTime()-cpu0).Seconds(), "tokens/cpu-s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for _, s := range sents {
			p.Parse(s)
		}
	}))/float64(tokens), "allocs/token")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoad reads the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(defaultModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentParse parses from several goroutines at once with one
// parser: the parses are those of one goroutine alone.
func TestConcurrentParse(t *testing.T) {
	dev := treebank(t, "ewt", "en_ewt-ud-dev.conllu.gz")[:400]
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]*syntax.Sentence, len(dev))
	for i := range dev {
		want[i] = clone(&dev[i])
		p.Parse(want[i])
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for k := range dev {
				i := (k + g*100) % len(dev)
				s := clone(&dev[i])
				p.Parse(s)
				if !slices.Equal(s.Tokens, want[i].Tokens) {
					errs <- fmt.Errorf("sentence %s parsed differently in goroutine %d", dev[i].ID, g)
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// TestDropRareNeedsCounts: a parser read from a file has no training
// counts to cut by.
func TestDropRareNeedsCounts(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DropRare(1, 1); err == nil {
		t.Fatal("DropRare of a parser read from a file: no error")
	}
}

// TestGlobalTraining trains with a beam: the parser fits its training
// sentences, decodes with the beam it was trained with, keeps it through
// WriteTo and Read, and the same options write the same bytes.
func TestGlobalTraining(t *testing.T) {
	sents := treebank(t, "ewt", EWTTrain)[:60]
	o := quick(10)
	o.Beam = 4
	o.MinHits, o.MinLabelHits = 0, 0
	p, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	if beam, _ := p.Search(); beam != 4 {
		t.Fatalf("a parser trained with a beam of 4 searches with %d", beam)
	}
	if uas, las := Evaluate(p, sents); uas < 95 || las < 90 {
		t.Fatalf("on its own training sentences: UAS %.2f, LAS %.2f; want ≥ 95, ≥ 90", uas, las)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if beam, _ := back.Search(); beam != 4 {
		t.Fatalf("read back, it searches with a beam of %d", beam)
	}
	again, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if _, err := again.WriteTo(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Fatal("two global trainings with the same seed wrote different bytes")
	}
	// greedy decoding of the same model is worse than its beam
	gu, _ := Evaluate(p.WithSearch(1, 0), sents)
	bu, _ := Evaluate(p, sents)
	if gu >= bu {
		t.Errorf("greedy decoding UAS %.2f, beam %.2f", gu, bu)
	}
}

// TestTrainWithOtherTags gives the training sentences again with other
// tags: they must be as many, and a parser trained with them is a
// parser that tells the tags it learnt from.
func TestTrainWithOtherTags(t *testing.T) {
	sents := treebank(t, "ewt", EWTTrain)[:80]
	o := quick(2)
	o.Alt, o.Tags = sents[:40], "mixed"
	if _, err := Train(sents, o); err == nil {
		t.Fatal("40 sentences with other tags for 80: no error")
	}
	alt := slices.Clone(sents)
	if err := Jackknife(alt, 2, nil); err != nil {
		t.Fatal(err)
	}
	o.Alt = alt
	p, err := Train(sents, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Meta().Extra["tags"]; got != "mixed" {
		t.Errorf("tags %q in the metadata", got)
	}
	if uas, _ := Evaluate(p, sents); uas < 50 {
		t.Errorf("UAS %.2f on its training sentences", uas)
	}
}
