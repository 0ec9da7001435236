package extract

import (
	"testing"

	"github.com/jdkato/prose/tag"
)

// The fast predictor must tag exactly as prose's own tagger, whose
// weights it uses.
func TestTaggerMatchesProse(t *testing.T) {
	tg, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	ref := tag.NewPerceptronTagger()
	sentences := []string{
		"The committee approved the budget on Thursday after a long debate .",
		"Analysts expect the central bank to raise interest rates again next month .",
		"She told reporters that the company had not received any offer .",
		"Heavy rain flooded 300 homes in the northern province , officials said .",
		"The striker , who joined the club in 2019 , scored twice .",
	}
	for _, s := range sentences {
		toks := Tokenize(s, 0)
		var words []string
		for _, tk := range toks {
			words = append(words, tk.Norm)
		}
		tg.Tag(toks)
		want := ref.Tag(words)
		for i := range toks {
			if toks[i].Tag != want[i].Tag {
				t.Errorf("%q: word %q tagged %s, prose says %s", s, toks[i].Text, toks[i].Tag, want[i].Tag)
			}
		}
	}
}

func TestLemmas(t *testing.T) {
	tg, _ := DefaultTagger()
	toks := Tokenize("The mayor was inviting donors and said investors tried to help.", 0)
	tg.Tag(toks)
	got := map[string]string{}
	for _, tk := range toks {
		got[tk.Text] = tk.Lemma
	}
	for w, l := range map[string]string{"inviting": "invite", "said": "say", "tried": "try", "was": "be", "investors": "investor", "donors": "donor"} {
		if got[w] != l {
			t.Errorf("lemma of %q = %q, want %q", w, got[w], l)
		}
	}
}
