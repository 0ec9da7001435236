package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// benchCorpus builds at least 5 MB of article text: the sample articles
// and the CaRB dev sentences (detokenised, grouped ten to an article with
// a headline), repeated with varied names so that no two articles are
// identical.
var benchCorpus = sync.OnceValue(func() []string {
	var base []string
	files, _ := filepath.Glob("../data/*.txt")
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		base = append(base, string(raw))
	}
	if raw, err := os.ReadFile("../../shared/carb/dev.txt"); err == nil {
		lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
		for i := 0; i+10 <= len(lines); i += 10 {
			var b strings.Builder
			fmt.Fprintf(&b, "Report number %d on events of the week\n", i/10)
			for _, l := range lines[i : i+10] {
				b.WriteString(detokenize(l))
				b.WriteByte('\n')
			}
			base = append(base, b.String())
		}
	}
	names := []string{"Ana Lopez", "Kenji Sato", "Ruth Okoye", "Pavel Novak", "Lena Berg"}
	var out []string
	size := 0
	for i := 0; size < 5<<20; i++ {
		d := base[i%len(base)]
		d = strings.ReplaceAll(d, "Elon Musk", names[i%len(names)])
		d += fmt.Sprintf("\nThe report was filed by correspondent %s on March %d.\n", names[(i+1)%len(names)], i%28+1)
		out = append(out, d)
		size += len(d)
	}
	return out
})

func detokenize(s string) string {
	r := strings.NewReplacer(" , ", ", ", " .", ".", " 's", "'s", "-LRB- ", "(", " -RRB-", ")", "`` ", "\"", " ''", "\"", " n't", "n't", " ;", ";", " :", ":")
	return r.Replace(s)
}

func corpusBytes(docs []string) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n)
}

// BenchmarkPipeline runs every stage, file bytes to facts.
func BenchmarkPipeline(b *testing.B) {
	docs := benchCorpus()
	x := testExtractor(b)
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	facts := 0
	for i := 0; i < b.N; i++ {
		for k, text := range docs {
			d, err := NewDocument(fmt.Sprintf("d%d.txt", k), []byte(text), nil, DocOptions{})
			if err != nil {
				b.Fatal(err)
			}
			r, err := x.Extract(context.Background(), d)
			if err != nil {
				b.Fatal(err)
			}
			facts += len(r.Facts)
		}
	}
	b.ReportMetric(float64(facts)/float64(b.N), "facts/op")
}

// BenchmarkStageDocument: decoding checks, language identification.
func BenchmarkStageDocument(b *testing.B) {
	docs := benchCorpus()
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for k, text := range docs {
			if _, err := NewDocument(fmt.Sprintf("d%d.txt", k), []byte(text), nil, DocOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkStageSentences: lines, glued segments and Punkt.
func BenchmarkStageSentences(b *testing.B) {
	docs := benchCorpus()
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, text := range docs {
			for _, ln := range splitLines(text) {
				for _, sg := range SplitSegments(ln.text) {
					SplitSentences(ln.text[sg.Start:sg.End], 0)
				}
			}
		}
	}
}

// BenchmarkStageSyntax: tokens, tags, tree and names of each sentence
// (the syntax layer, as the extractor calls it).
func BenchmarkStageSyntax(b *testing.B) {
	docs := benchCorpus()
	an := testAnalyzer(b)
	var sents []string
	for _, text := range docs {
		for _, ln := range splitLines(text) {
			for _, sp := range SplitSentences(ln.text, 0) {
				sents = append(sents, ln.text[sp.Start:sp.End])
			}
		}
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			an.Tokens(s, 0)
		}
	}
}

// BenchmarkStageFacts: mentions, coreference, clauses and facts on
// already cleaned and tagged sentences.
func BenchmarkStageFacts(b *testing.B) {
	docs := benchCorpus()
	x := testExtractor(b)
	type prepped struct {
		d     *Document
		sents []Sentence
	}
	var ps []prepped
	for k, text := range docs {
		d, _ := NewDocument(fmt.Sprintf("d%d.txt", k), []byte(text), nil, DocOptions{})
		sents, _ := clean(d, x.analyzer)
		ps = append(ps, prepped{d, sents})
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range ps {
			if _, err := x.extractSentences(context.Background(), p.d, p.sents, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
