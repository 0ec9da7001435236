package extract

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes through the whole pipeline: it must
// never panic, and every fact's evidence must point into the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		englishPara,
		clutteredPage,
		"“Unclosed quote, he said.\nMr. X's firm didn't pay $5.5 million on May 3.",
		"\xff\xfe\x00\x00",
		"A\n\n\n\"\"\"''“”‘’ . . . , , ,",
		"The the the the the the the the the the the the.",
		strings.Repeat("Ms Lee said: “We won.” ", 20),
	} {
		f.Add([]byte(s))
	}
	x, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		done := make(chan struct{})
		var r *Result
		var d *Document
		var err error
		go func() {
			defer close(done)
			if d, err = NewDocument("fuzz.txt", raw, nil, DocOptions{}); err != nil {
				d = nil
				return
			}
			r, err = x.Extract(context.Background(), d)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("extraction of %d bytes took over 3s: %q", len(raw), raw)
		}
		if d == nil {
			return // rejected input: fine
		}
		if err != nil {
			t.Fatal(err)
		}
		runes := utf8.RuneCountInString(d.Text)
		for _, fact := range r.Facts {
			ev := fact.Evidence
			if ev.Start < 0 || ev.End > runes || ev.Start > ev.End {
				t.Fatalf("evidence offsets %d-%d outside text of %d runes", ev.Start, ev.End, runes)
			}
			if fact.Subject == "" || fact.Predicate == "" {
				t.Fatalf("empty fact %+v", fact)
			}
		}
		Resolve([]*Result{r})
	})
}
