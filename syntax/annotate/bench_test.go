package annotate

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/tokenize"
)

// reutersText reads up to n bytes of Reuters stories from the shared
// corpus, or skips.
func reutersText(b testing.TB, n int) string {
	p := filepath.Join("..", "..", "..", "shared", "corpora", "reuters21578.tar.gz")
	f, err := os.Open(p)
	if err != nil {
		b.Skipf("Reuters corpus not here: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var sb strings.Builder
	for sb.Len() < n {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			io.Copy(&sb, tr)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// sentencesOf tokenizes 1 MB of Reuters text once.
func sentencesOf(b *testing.B) ([]syntax.Sentence, int) {
	sents := tokenize.Sentences(reutersText(b, 1<<20))
	toks := 0
	for _, s := range sents {
		toks += len(s.Tokens)
	}
	return sents, toks
}

func load(b *testing.B) *Annotator {
	a, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// benchStage runs stage over the sentences b.N times and reports tokens/s
// and allocations per token.
func benchStage(b *testing.B, prepare, stage func(*syntax.Sentence)) {
	sents, toks := sentencesOf(b)
	for i := range sents {
		prepare(&sents[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for range b.N {
		for i := range sents {
			stage(&sents[i])
		}
	}
	el := time.Since(start)
	b.ReportMetric(float64(toks)*float64(b.N)/el.Seconds(), "tokens/s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for i := range sents[:200] {
			stage(&sents[i])
		}
	}))/float64(tokensIn(sents[:200])), "allocs/token")
}

func tokensIn(sents []syntax.Sentence) int {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	return n
}

func nothing(*syntax.Sentence) {}

func BenchmarkTag(b *testing.B) {
	a := load(b)
	benchStage(b, nothing, a.Tagger.Tag)
}

func BenchmarkParse(b *testing.B) {
	a := load(b)
	benchStage(b, a.Tagger.Tag, a.Parser.Parse)
}

// BenchmarkParseBeam2 is BenchmarkParse with a beam of two (newsgraph
// parse --beam 2), against the shipped greedy decoding.
func BenchmarkParseBeam2(b *testing.B) {
	a := load(b)
	benchStage(b, a.Tagger.Tag, a.Parser.WithSearch(2, 0).Parse)
}

// BenchmarkParseAccurate is BenchmarkParse with the accurate parser
// (newsgraph parse's default), against the greedy one.
func BenchmarkParseAccurate(b *testing.B) {
	a, err := Accurate()
	if err != nil {
		b.Fatal(err)
	}
	benchStage(b, a.Tagger.Tag, a.Parser.Parse)
}

func BenchmarkNames(b *testing.B) {
	a := load(b)
	benchStage(b, a.TagAndParse, a.Names.Tag)
}

// BenchmarkTagParseNames is the whole syntax layer after tokenization.
func BenchmarkTagParseNames(b *testing.B) {
	a := load(b)
	benchStage(b, nothing, a.Sentence)
}

// BenchmarkText includes tokenization and sentence splitting: MB/s of
// raw news text.
func BenchmarkText(b *testing.B) {
	a := load(b)
	text := reutersText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		a.Text(text)
	}
}

// TestDefaultLoadsOnce checks that the shipped models load and name what
// they were trained from.
func TestDefaultLoadsOnce(t *testing.T) {
	start := time.Now()
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("models loaded in %v", time.Since(start))
	b, _ := Default()
	if a != b {
		t.Error("Default loaded the models twice")
	}
	s := a.Text("The union said on Tuesday that Acme Holdings Corp. had not paid the pension.")
	if len(s) != 1 || s[0].Tokens[2].Lemma != "say" {
		t.Fatalf("annotated %+v", s)
	}
	acc, err := Accurate()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Accurate(); again != acc || acc == a || acc.Tagger != a.Tagger {
		t.Error("Accurate loaded its models twice, or is the default annotator")
	}
	if beam, _ := acc.Parser.Search(); beam < 2 {
		t.Errorf("the accurate parser searches with a beam of %d", beam)
	}
}
