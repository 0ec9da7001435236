package extract

import (
	"math"
	"testing"
)

func TestParseCalibration(t *testing.T) {
	c, err := parseCalibration("# comment\nbias 0.5\nprior 2\nthreshold 0.8\ncue rule:role.title 1.5 # trailing\n")
	if err != nil {
		t.Fatal(err)
	}
	// σ(0.5 + 2·logit(0.5) + 1.5) = σ(2)
	if got, want := c.confidence(0.5, []string{"rule:role.title", "unknown"}), 1/(1+math.Exp(-2)); math.Abs(got-want) > 1e-9 {
		t.Errorf("confidence = %v, want %v", got, want)
	}
	if c.threshold != 0.8 {
		t.Errorf("threshold = %v", c.threshold)
	}
	for _, bad := range []string{"bias", "bias x", "cue only 1 2", "weight 3"} {
		if _, err := parseCalibration(bad); err == nil {
			t.Errorf("parseCalibration(%q): no error", bad)
		}
	}
}

// The shipped calibration keeps confidences in (0, 1), orders facts, and
// MinConfidence drops exactly the facts below it.
func TestMinConfidence(t *testing.T) {
	text := "Norland Steel names chief\n\nNorland Steel said on Monday that Paula Reyes, its finance director, would become chief executive in May.\n\"We are ready for the next decade,\" Reyes told reporters.\n"
	all := extractText(t, "2024-03-04", text)[0].Facts
	if len(all) < 2 {
		t.Fatalf("want several facts, got %v", factStrings(&Result{Facts: all}))
	}
	low, high := 1.0, 0.0
	for _, f := range all {
		c := f.Evidence.Confidence
		if c <= 0 || c >= 1 || len(f.Evidence.Cues) == 0 {
			t.Errorf("%s: confidence %v, cues %v", factString(f), c, f.Evidence.Cues)
		}
		low, high = min(low, c), max(high, c)
	}
	if low == high {
		t.Fatalf("every fact has confidence %v: the calibration tells nothing apart", low)
	}
	cut := (low + high) / 2
	x, err := New(Options{MinConfidence: cut})
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewDocument("doc0.txt", []byte(text), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	kept := extractDocs(t, x, []*Document{d})[0].Facts
	want := 0
	for _, f := range all {
		if f.Evidence.Confidence >= cut {
			want++
		}
	}
	if len(kept) != want || want == 0 || want == len(all) {
		t.Errorf("MinConfidence %.2f kept %d facts, want %d of %d", cut, len(kept), want, len(all))
	}
}
