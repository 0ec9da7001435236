package extract

import (
	"context"
	"errors"
	"math"
	"math/rand"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countdownCtx is a context whose Err turns to DeadlineExceeded after a
// number of calls: a deadline that falls at a chosen point of the work.
type countdownCtx struct {
	context.Context
	left atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.left.Add(-1) < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// The extractor stops at the next sentence when its context ends, and its
// trace names the sentence it had reached.
func TestExtractStopsAtTheNextSentenceAndTraceSaysWhere(t *testing.T) {
	x := testExtractor(t)
	d, err := NewDocument("t.txt", []byte("First sentence is here. The second one follows it. The third closes the story."), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := &countdownCtx{Context: context.Background()}
	ctx.left.Store(2) // two sentences read, the third check stops it
	tr := &Trace{}
	_, err = x.ExtractTraced(ctx, d, tr)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	if n, text := tr.Sentence(); n != 3 || text != "The third closes the story." {
		t.Errorf("trace at sentence %d %q, want 3", n, text)
	}
	var nilTrace *Trace
	if n, text := nilTrace.Sentence(); n != 0 || text != "" {
		t.Errorf("nil trace: %d %q", n, text)
	}
}

// longSentence makes a newswire-like run-on sentence of about n words:
// nested "that" clauses, coordination, commas, quotes, names and numbers,
// the shapes that make naive clause and coordination search blow up.
func longSentence(r *rand.Rand, n int) string {
	pieces := []string{
		"the company said that", "and", "but", "the minister, who", `said "the plan will`, "that the board",
		"which had", "in September and that", "the bank can't recover 5,000 dlrs", "Smith and Jones",
		"agreed to buy", "2.5 pct of", "the parent company", "of the EC Commission", "the EC Executive Commission has backed", "told reporters",
		"however,", `"`, "was due, but wasn't paid,", "The Bank of England", "rose 9.8% from 70% to",
		"Mr Lee's firm,", "the U.S. unit of Acme Holdings Corp", "on March 4,", "(", ")", "its",
	}
	var b strings.Builder
	for w := 0; w < n; {
		p := pieces[r.Intn(len(pieces))]
		b.WriteString(p)
		b.WriteByte(' ')
		w += strings.Count(p, " ") + 1
	}
	return strings.TrimSpace(b.String()) + "."
}

// extractTime is the least of three timings of extracting text.
func extractTime(t *testing.T, x *Extractor, text string) time.Duration {
	t.Helper()
	d, err := NewDocument("long.txt", []byte("Court hears pension case\n\n"+text), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	best := time.Duration(1 << 62)
	for range 5 {
		start := time.Now()
		r, err := x.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
		for _, dl := range r.Dropped {
			if dl.Line > 1 { // the headline is read as the title
				t.Fatalf("the cleaning stage dropped line %d (%s): it would not be measured", dl.Line, dl.Reason)
			}
		}
	}
	return best
}

// Extraction time must grow about linearly with the input, for one long
// sentence and for a long article of such sentences alike: doubling the
// input three times must keep the growth exponent near 1 (a quadratic
// step would make it 2).
func TestExtractionTimeGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	// no cap on sentence length: the clause search itself must be linear
	x, err := New(Options{MaxSentenceTokens: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	shapes := []struct {
		name string
		make func(r *rand.Rand, words int) string
	}{
		{"one sentence", longSentence},
		{"article", func(r *rand.Rand, words int) string {
			var paras []string
			for w := 0; w < words; w += 60 {
				paras = append(paras, longSentence(r, 30)+" "+longSentence(r, 30))
			}
			return strings.Join(paras, "\n\n")
		}},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			var perWord []float64
			sizes := []int{500, 1000, 2000, 4000}
			for _, words := range sizes {
				text := sh.make(rand.New(rand.NewSource(int64(words))), words)
				d := extractTime(t, x, text)
				perWord = append(perWord, float64(d)/float64(words))
				t.Logf("%5d words: %v (%.1f µs/word)", words, d, float64(d)/float64(words)/1e3)
			}
			// the exponent k of time ∝ words^k between the ends: 1 is
			// linear, 2 quadratic; timing noise on a shared machine moves
			// it by ±0.2
			k := 1 + math.Log(perWord[len(perWord)-1]/perWord[0])/math.Log(float64(sizes[len(sizes)-1]/sizes[0]))
			if k > 1.5 {
				t.Errorf("extraction time grows as words^%.2f from %d to %d words: %v µs/word", k, sizes[0], sizes[len(sizes)-1], perWord)
			}
		})
	}
}

// A definite description that runs into a name which is not a mention of
// its own ("The EC Executive Commission") must end: the search once stopped
// advancing there and spun for ever.
func TestDescriptionSearchEnds(t *testing.T) {
	x := testExtractor(t)
	for _, text := range []string{
		"The EC Executive Commission has backed a plan to allow member countries to ban leaded fuel.",
		"The US Federal Reserve Board raised its discount rate on Tuesday.",
		"The Dutch KLM Royal Dutch Airlines chairman said fares would rise.",
		"Analysts said the UK Monopolies Commission would report in May.",
	} {
		done := make(chan error, 1)
		go func() {
			d, err := NewDocument("d.txt", []byte("Markets\n\n"+text), nil, DocOptions{})
			if err == nil {
				_, err = x.Extract(context.Background(), d)
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%q: %v", text, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("extraction of %q did not end in 5s", text)
		}
	}
}
