package extract

import (
	"strconv"
	"strings"
	"testing"
)

// conllTokens builds tokens from "form/TAG/UPOS/lemma/head/rel" words,
// heads 1-based as in CoNLL-U (0 for the root).
func conllTokens(t *testing.T, words string) []Token {
	t.Helper()
	var out []Token
	for _, w := range strings.Fields(words) {
		f := strings.Split(w, "/")
		if len(f) != 6 {
			t.Fatalf("bad word %q", w)
		}
		head := 0
		for _, c := range f[4] {
			head = head*10 + int(c-'0')
		}
		out = append(out, Token{Text: f[0], Lower: strings.ToLower(f[0]), Tag: f[1], UPOS: f[2], Lemma: f[3], Head: head - 1, Rel: f[5]})
	}
	return out
}

// The parser's reading of a reported clause whose subject it took for
// the speech verb's object, mended; readings that are right stay.
func TestRepairTree(t *testing.T) {
	tests := []struct {
		name, words string
		want        string // "form:head:rel" of the changed words, heads 1-based
	}{{
		name:  "a second verb right after the object is the reported clause",
		words: "Lee/NNP/PROPN/lee/2/nsubj disclosed/VBD/VERB/disclose/0/root the/DT/DET/the/4/det bank/NN/NOUN/bank/2/obj has/VBZ/AUX/have/6/aux settled/VBN/VERB/settle/2/conj the/DT/DET/the/8/det suit/NN/NOUN/suit/6/obj",
		want:  "bank:6:nsubj settled:2:ccomp",
	}, {
		name:  "a complement after the object is the reported clause",
		words: "Kato/NNP/PROPN/kato/2/nsubj added/VBD/VERB/add/0/root Japan/NNP/PROPN/japan/2/obj is/VBZ/AUX/be/6/cop the/DT/DET/the/6/det customer/NN/NOUN/customer/2/ccomp",
		want:  "Japan:6:nsubj",
	}, {
		name:  "a verb that takes a hearer keeps its object",
		words: "Lee/NNP/PROPN/lee/2/nsubj told/VBD/VERB/tell/0/root reporters/NNS/NOUN/reporter/2/obj the/DT/DET/the/5/det plant/NN/NOUN/plant/7/nsubj would/MD/AUX/would/7/aux close/VB/VERB/close/2/ccomp",
	}, {
		name:  "a second verb after a conjunction is a verb of its own",
		words: "Acme/NNP/PROPN/acme/2/nsubj announced/VBD/VERB/announce/0/root the/DT/DET/the/4/det deal/NN/NOUN/deal/2/obj and/CC/CCONJ/and/7/cc has/VBZ/AUX/have/7/aux cut/VBN/VERB/cut/2/conj jobs/NNS/NOUN/job/7/obj",
	}, {
		name:  "a speech verb after a comma, read as a second verb, is the reporting clause",
		words: "Acme/NNP/PROPN/acme/2/nsubj has/VBZ/VERB/have/0/root an/DT/DET/a/4/det option/NN/NOUN/option/2/obj ,/,/PUNCT/,/7/punct Lee/NNP/PROPN/lee/7/nsubj said/VBD/VERB/say/2/conj",
		want:  "said:2:parataxis",
	}, {
		name:  "a speech verb after 'and' is a second verb",
		words: "Acme/NNP/PROPN/acme/2/nsubj cut/VBD/VERB/cut/0/root jobs/NNS/NOUN/job/2/obj and/CC/CCONJ/and/6/cc Lee/NNP/PROPN/lee/6/nsubj said/VBD/VERB/say/2/conj",
	}, {
		name:  "a verb that reports nothing keeps its object",
		words: "Acme/NNP/PROPN/acme/2/nsubj bought/VBD/VERB/buy/0/root the/DT/DET/the/4/det plant/NN/NOUN/plant/2/obj has/VBZ/AUX/have/6/aux closed/VBN/VERB/close/2/conj",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := conllTokens(t, tt.words)
			before := append([]Token(nil), toks...)
			repairTree(toks)
			var changed []string
			for i := range toks {
				if toks[i].Head != before[i].Head || toks[i].Rel != before[i].Rel {
					changed = append(changed, toks[i].Text+":"+strconv.Itoa(toks[i].Head+1)+":"+toks[i].Rel)
				}
			}
			if got := strings.Join(changed, " "); got != tt.want {
				t.Errorf("changed %q, want %q", got, tt.want)
			}
		})
	}
}
