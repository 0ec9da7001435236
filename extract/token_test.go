package extract

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Mr. Smith's firm didn't pay $5.5 million to U.S. regulators.", "Mr.|Smith|'s|firm|did|n't|pay|$|5.5|million|to|U.S.|regulators|."},
		{"“We’re done,” she said.", "“|We|’re|done|,|”|she|said|."},
		{"the investors' money (about 5,000mAh)", "the|investors|'|money|(|about|5,000|mAh|)"},
		{"It was over.Then it began", "It|was|over|.|Then|it|began"},
		{"a follow-up on e-mail", "a|follow-up|on|e-mail"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, 10)
		var parts []string
		for _, tk := range toks {
			parts = append(parts, tk.Text)
			if tt.in[tk.Start-10:tk.End-10] != tk.Text {
				t.Errorf("%q: token %q has offsets %d-%d that point at %q", tt.in, tk.Text, tk.Start, tk.End, tt.in[tk.Start-10:tk.End-10])
			}
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	text := `Mr. Jones met Dr. Patel in the U.S. capital on Friday. They talked. "It went well. Really well," he said afterwards. Costs rose to Rs. 40 crore.`
	var got []string
	for _, sp := range SplitSentences(text, 0) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{
		"Mr. Jones met Dr. Patel in the U.S. capital on Friday.",
		"They talked.",
		`"It went well.`,
		`Really well," he said afterwards.`,
		"Costs rose to Rs. 40 crore.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	segs := SplitSegments("Please give generously.The minister resigned on Friday.")
	if len(segs) != 2 {
		t.Errorf("glued sentences not split: %v", segs)
	}
}

func TestQuoteSpans(t *testing.T) {
	text := `He called it a “mistake”. "We will appeal," she said, adding: "The ruling is wrong.`
	var got []string
	for _, sp := range QuoteSpans(text, 0) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"“mistake”", `"We will appeal,"`, `"The ruling is wrong.`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
