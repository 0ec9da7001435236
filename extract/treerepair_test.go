package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax"
)

// taggedSentence builds a sentence of the syntax layer from
// "form/XPOS[/lemma]" words, before parsing; the lemma is the form in
// small letters unless given.
func taggedSentence(words string) syntax.Sentence {
	var s syntax.Sentence
	for _, w := range strings.Fields(words) {
		f := strings.SplitN(w, "/", 3)
		tok := syntax.Token{Form: f[0], Lemma: strings.ToLower(f[0])}
		if len(f) > 1 {
			tok.XPOS = f[1]
		}
		if len(f) > 2 {
			tok.Lemma = f[2]
		}
		s.Tokens = append(s.Tokens, tok)
	}
	return s
}

// tagsOf is the XPOS of every word of s, spaced.
func tagsOf(s syntax.Sentence) string {
	tags := make([]string, len(s.Tokens))
	for i, tk := range s.Tokens {
		tags[i] = tk.XPOS
	}
	return strings.Join(tags, " ")
}

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
		name:  "a second verb after the comma that closes the object's aside is the reported clause",
		words: "Lee/NNP/PROPN/lee/2/nsubj said/VBD/VERB/say/0/root bills/NNS/NOUN/bill/2/obj ,/,/PUNCT/,/5/punct issued/VBN/VERB/issue/3/acl in/IN/ADP/in/7/case 1984/CD/NUM/1984/5/obl ,/,/PUNCT/,/10/punct had/VBD/AUX/have/10/aux peaked/VBN/VERB/peak/2/conj",
		want:  "bills:10:nsubj peaked:2:ccomp",
	}, {
		name:  "a second verb after a comma and a conjunction stays one",
		words: "Lee/NNP/PROPN/lee/2/nsubj announced/VBD/VERB/announce/0/root cuts/NNS/NOUN/cut/2/obj ,/,/PUNCT/,/5/punct issued/VBN/VERB/issue/3/acl in/IN/ADP/in/7/case 1984/CD/NUM/1984/5/obl ,/,/PUNCT/,/11/punct and/CC/CCONJ/and/11/cc had/VBD/AUX/have/11/aux peaked/VBN/VERB/peak/2/conj",
	}, {
		name:  "a name cut between the object and a second verb's subject is the reported clause's subject",
		words: "They/PRP/PRON/they/2/nsubj said/VBD/VERB/say/0/root the/DT/DET/the/5/det Northern/JJ/ADJ/northern/5/amod Steel/NN/NOUN/steel/2/obj Review/NNP/PROPN/review/8/nsubj Board/NNP/PROPN/board/6/flat decided/VBD/VERB/decide/2/conj",
		want:  "Steel:6:compound decided:2:ccomp",
	}, {
		name:  "a second verb whose subject has a determiner of its own keeps it",
		words: "Lee/NNP/PROPN/lee/2/nsubj announced/VBD/VERB/announce/0/root the/DT/DET/the/4/det merger/NN/NOUN/merger/2/obj the/DT/DET/the/6/det Board/NNP/PROPN/board/7/nsubj approved/VBD/VERB/approve/2/conj",
	}, {
		name:  "a noun the parser made the speech verb's complement is the subject of the tensed verb after it",
		words: "Acme/NNP/PROPN/acme/2/nsubj said/VBD/VERB/say/0/root its/PRP$/PRON/its/4/nmod:poss auction/NN/NOUN/auction/2/ccomp ,/,/PUNCT/,/7/punct new/JJ/ADJ/new/7/amod bonds/NNS/NOUN/bond/4/appos ,/,/PUNCT/,/9/punct produced/VBD/VERB/produce/2/conj records/NNS/NOUN/record/9/obj",
		want:  "auction:9:nsubj produced:2:ccomp",
	}, {
		name:  "a 'that' clause hung on a phrase of time after a speech verb is what it reports",
		words: "Lee/NNP/PROPN/lee/2/nsubj told/VBD/VERB/tell/0/root colleagues/NNS/NOUN/colleague/2/iobj on/IN/ADP/on/5/case Monday/NNP/PROPN/monday/2/obl that/WDT/PRON/that/8/obj Acme/NNP/PROPN/acme/8/nsubj wants/VBZ/VERB/want/5/acl:relcl talks/NNS/NOUN/talk/8/obj",
		want:  "that:8:mark wants:2:ccomp",
	}, {
		name:  "a relative clause on a phrase of time whose relative word is its subject stays one",
		words: "Lee/NNP/PROPN/lee/2/nsubj said/VBD/VERB/say/0/root it/PRP/PRON/it/2/obj on/IN/ADP/on/5/case Monday/NNP/PROPN/monday/2/obl that/WDT/PRON/that/7/nsubj came/VBD/VERB/come/5/acl:relcl",
	}, {
		name:  "a complement after the object is the reported clause",
		words: "Kato/NNP/PROPN/kato/2/nsubj added/VBD/VERB/add/0/root Japan/NNP/PROPN/japan/2/obj is/VBZ/AUX/be/6/cop the/DT/DET/the/6/det customer/NN/NOUN/customer/2/ccomp",
		want:  "Japan:6:nsubj",
	}, {
		name:  "a tensed verb hung under the object is the reported clause",
		words: "Acme/NNP/PROPN/acme/2/nsubj said/VBD/VERB/say/0/root the/DT/DET/the/4/det plan/NN/NOUN/plan/2/obj fails/VBZ/VERB/fail/4/appos",
		want:  "plan:5:nsubj fails:2:ccomp",
	}, {
		name:  "a participle under the object describes it",
		words: "Acme/NNP/PROPN/acme/2/nsubj said/VBD/VERB/say/0/root the/DT/DET/the/4/det plan/NN/NOUN/plan/2/obj approved/VBN/VERB/approve/4/acl",
	}, {
		name:  "the hearer the parser made a second subject of the report is the object",
		words: "Lee/NNP/PROPN/lee/2/nsubj told/VBD/VERB/tell/0/root Reuters/NNP/PROPN/reuters/5/nsubj he/PRP/PRON/he/5/nsubj agrees/VBZ/VERB/agree/2/ccomp",
		want:  "Reuters:2:obj",
	}, {
		name:  "a belief verb's report keeps its subject too",
		words: "Lee/NNP/PROPN/lee/2/nsubj feared/VBD/VERB/fear/0/root debt/NN/NOUN/debt/2/obj would/MD/AUX/would/5/aux rise/VB/VERB/rise/2/ccomp",
		want:  "debt:5:nsubj",
	}, {
		name:  "a clause of time read as a phrase and a second verb",
		words: "Acme/NNP/PROPN/acme/2/nsubj cut/VBD/VERB/cut/0/root prices/NNS/NOUN/price/2/obj after/IN/ADP/after/5/case Lee/NNP/PROPN/lee/3/nmod approved/VBD/VERB/approve/2/conj it/PRP/PRON/it/6/obj",
		want:  "after:6:mark Lee:6:nsubj approved:2:advcl",
	}, {
		name:  "a second verb after 'and' keeps its subject",
		words: "Acme/NNP/PROPN/acme/2/nsubj cut/VBD/VERB/cut/0/root prices/NNS/NOUN/price/2/obj after/IN/ADP/after/5/case talks/NNS/NOUN/talk/3/nmod and/CC/CCONJ/and/7/cc raised/VBD/VERB/raise/2/conj",
	}, {
		name:  "a subject the parser hung on the phrase before the comma",
		words: "Speaking/VBG/VERB/speak/7/advcl with/IN/ADP/with/3/case Baker/NNP/PROPN/baker/1/obl ,/,/PUNCT/,/5/punct Ono/NNP/PROPN/ono/3/appos also/RB/ADV/also/7/advmod said/VBD/VERB/say/0/root",
		want:  "Ono:7:nsubj",
	}, {
		name:  "a speech verb after a comma, read as an adverbial clause, is the reporting clause",
		words: "Acme/NNP/PROPN/acme/2/nsubj paid/VBD/VERB/pay/0/root bills/NNS/NOUN/bill/2/obj ,/,/PUNCT/,/6/punct prosecutors/NNS/NOUN/prosecutor/6/nsubj said/VBD/VERB/say/2/advcl",
		want:  "said:2:parataxis",
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
		name:  "a speech verb after a comma at the sentence's end, read as a relative clause, reports the sentence",
		words: "Norland/NNP/PROPN/norland/3/nsubj has/VBZ/AUX/have/3/aux asked/VBN/VERB/ask/0/root four/CD/NUM/four/5/nummod banks/NNS/NOUN/bank/3/obj ,/,/PUNCT/,/5/punct U.S./NNP/PROPN/u.s./8/compound officials/NNS/NOUN/official/9/nsubj said/VBD/VERB/say/5/acl:relcl ././PUNCT/./3/punct",
		want:  "said:3:parataxis",
	}, {
		name:  "a relative clause with its relative word stays one",
		words: "Acme/NNP/PROPN/acme/2/nsubj cut/VBD/VERB/cut/0/root prices/NNS/NOUN/price/2/obj ,/,/PUNCT/,/3/punct which/WDT/PRON/which/7/obj analysts/NNS/NOUN/analyst/7/nsubj said/VBD/VERB/say/3/acl:relcl",
	}, {
		name:  "a relative speech clause before more of the sentence stays one",
		words: "Acme/NNP/PROPN/acme/7/nsubj ,/,/PUNCT/,/4/punct analysts/NNS/NOUN/analyst/4/nsubj said/VBD/VERB/say/1/acl:relcl ,/,/PUNCT/,/4/punct will/MD/AUX/will/7/aux grow/VB/VERB/grow/0/root",
	}, {
		name:  "a speech verb after 'and' is a second verb",
		words: "Acme/NNP/PROPN/acme/2/nsubj cut/VBD/VERB/cut/0/root jobs/NNS/NOUN/job/2/obj and/CC/CCONJ/and/6/cc Lee/NNP/PROPN/lee/6/nsubj said/VBD/VERB/say/2/conj",
	}, {
		name:  "a tensed verb hung under its subject as a relative clause is the root",
		words: "The/DT/DET/the/2/det parliament/NN/NOUN/parliament/0/root voted/VBD/VERB/vote/2/acl by/IN/ADP/by/6/case a/DT/DET/a/6/det majority/NN/NOUN/majority/3/obl:agent ././PUNCT/./2/punct",
		want:  "parliament:3:nsubj voted:0:root majority:3:obl .:3:punct",
	}, {
		name:  "a participle under a noun stays a relative clause",
		words: "The/DT/DET/the/2/det plan/NN/NOUN/plan/0/root approved/VBN/VERB/approve/2/acl by/IN/ADP/by/5/case regulators/NNS/NOUN/regulator/3/obl:agent",
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

// A sentence with no tensed verb gets one from its first regular past
// participle after a noun; other sentences keep their tags.
func TestFiniteVerb(t *testing.T) {
	tests := []struct {
		name, words string // form/XPOS pairs
		want        string // the XPOS of every word after the repair
	}{
		{"participle after the subject", "Iran/NNP 's/POS parliament/NN voted/VBN by/IN a/DT large/JJ majority/NN", "NNP POS NN VBD IN DT JJ NN"},
		{"a tensed verb elsewhere", "The/DT plan/NN approved/VBN by/IN the/DT board/NN failed/VBD", "DT NN VBN IN DT NN VBD"},
		{"an irregular participle", "The/DT contract/NN taken/VBN by/IN the/DT firm/NN", "DT NN VBN IN DT NN"},
		{"a participle after an auxiliary", "The/DT plan/NN being/VBG approved/VBN by/IN the/DT board/NN", "DT NN VBG VBN IN DT NN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := taggedSentence(tt.words)
			finiteVerb(&s)
			if g := tagsOf(s); g != tt.want {
				t.Errorf("tags %s, want %s", g, tt.want)
			}
		})
	}
}

// A conjunct of the subject needs a conjunction or a comma: without one
// it is the parser's slip inside a name.
func TestCoordinatedSubjects(t *testing.T) {
	tests := []struct {
		name, words string
		want        int // subjects of the verb
	}{
		{"a conjunction", "Acme/NNP/PROPN/acme/4/nsubj and/CC/CCONJ/and/3/cc Norland/NNP/PROPN/norland/1/conj said/VBD/VERB/say/0/root", 2},
		{"a comma", "Acme/NNP/PROPN/acme/6/nsubj ,/,/PUNCT/,/3/punct Norland/NNP/PROPN/norland/1/conj and/CC/CCONJ/and/5/cc Halden/NNP/PROPN/halden/1/conj said/VBD/VERB/say/0/root", 3},
		{"neither", "Toshiba/NNP/PROPN/toshiba/4/nsubj Information/NNP/PROPN/information/3/compound Systems/NNPS/PROPN/systems/1/conj said/VBD/VERB/say/0/root", 1},
	}
	for _, tt := range tests {
		toks := conllTokens(t, tt.words)
		verb := len(toks) - 1
		b := clauseBuilder{t: newTree(toks), subj: map[int]subjectOf{}, person: func(int) bool { return false }}
		if got := b.ownSubjects(verb); len(got) != tt.want {
			t.Errorf("%s: subjects %v, want %d", tt.name, got, tt.want)
		}
	}
}

// The models read the wire's angle brackets around a name as round
// ones, except after a possessive, whose name is the phrase's head.
func TestBracketsAsParentheses(t *testing.T) {
	tests := []struct{ words, want string }{
		{"company < Halden Bouw N.V. > said", "company ( Halden Bouw N.V. ) said"},
		{"the Reichmanns ' < Gulf Canada Corp > acquired", "the Reichmanns ' < Gulf Canada Corp > acquired"},
		{"if x < 5 then", "if x < 5 then"},
		{"Acme 's < ACME.N > rival < Norland >", "Acme 's < ACME.N > rival ( Norland )"},
	}
	for _, tt := range tests {
		s := taggedSentence(tt.words)
		written := bracketsAsParentheses(&s, nil)
		var got []string
		for i, tk := range s.Tokens {
			got = append(got, tk.Form)
			if tk.Form != strings.Fields(tt.words)[i] && written[i] != strings.Fields(tt.words)[i] {
				t.Errorf("%q: token %d written %q, want %q", tt.words, i, written[i], strings.Fields(tt.words)[i])
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: models read %q, want %q", tt.words, g, tt.want)
		}
	}
}

// The first verb of a report set before its reporting clause, read as a
// participle, is the report's tensed verb when it takes an object.
func TestReportedParticiple(t *testing.T) {
	tests := []struct {
		name, words string // form/XPOS[/lemma] words
		want        string // the XPOS of every word after the repair
	}{
		{"participle with an object", "Most/JJS files/NNS contained/VBN private/JJ data/NNS ,/, a/DT survey/NN found/VBD/find ./.", "JJS NNS VBD JJ NNS , DT NN VBD ."},
		{"participle modifying its noun", "Loans/NNS granted/VBN to/IN farmers/NNS rose/VBD ,/, officials/NNS said/VBD/say", "NNS VBN IN NNS VBD , NNS VBD"},
		{"a phrase of time after it", "Loans/NNS granted/VBN last/JJ year/NN ,/, officials/NNS said/VBD/say", "NNS VBN JJ NN , NNS VBD"},
		{"a comma before it", "Acme/NNP ,/, the/DT state/NN owned/VBN oil/NN company/NN ,/, has/VBZ cut/VBN prices/NNS ,/, sources/NNS said/VBD/say", "NNP , DT NN VBN NN NN , VBZ VBN NNS , NNS VBD"},
		{"no reporting clause", "Most/JJS files/NNS contained/VBN private/JJ data/NNS ,/, and/CC many/JJ were/VBD lost/VBN", "JJS NNS VBN JJ NNS , CC JJ VBD VBN"},
		{"a reporting verb that reports nothing", "Most/JJS files/NNS contained/VBN private/JJ data/NNS ,/, the/DT clerk/NN sold/VBD", "JJS NNS VBN JJ NNS , DT NN VBD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := taggedSentence(tt.words)
			reportedParticiple(&s)
			if g := tagsOf(s); g != tt.want {
				t.Errorf("tags %s, want %s", g, tt.want)
			}
		})
	}
}

// A title and a name run into an organisation's name, read as two
// subjects without a conjunction: the subject is the person.
func TestSubjectPhraseNamesThePerson(t *testing.T) {
	toks := conllTokens(t, "National/JJ/ADJ/national/2/amod Bank/NNP/PROPN/bank/8/nsubj first/RB/ADV/first/2/advmod vice/NN/NOUN/vice/5/compound president/NN/NOUN/president/6/nmod:desc Mark/NNP/PROPN/mark/2/conj Lee/NNP/PROPN/lee/6/flat said/VBD/VERB/say/0/root")
	tr := newTree(toks)
	b := clauseBuilder{t: tr, subj: map[int]subjectOf{}, person: func(k int) bool { return k == 5 }}
	if np := b.subjectPhrase(7, 1); np.Head != 6 && np.Head != 5 || np.From != 0 {
		t.Errorf("subject phrase %+v, want the person (head 5 or 6) from token 0", np)
	}
	b.person = func(int) bool { return false }
	if np := b.subjectPhrase(7, 1); np.Head != 1 {
		t.Errorf("subject phrase %+v, want the organisation (head 1) when the conjunct names no person", np)
	}
}

// A sentence's first word, an -ing form before a noun phrase that runs
// to the verb without a comma, is an adjective; a participle opening a
// clause of its own keeps its tag.
func TestLeadingParticiple(t *testing.T) {
	tests := []struct{ words, want string }{
		{"Leading/VBG British/JJ maker/NN Lee/NNP has/VBZ been/VBN made/VBN an/DT OBE/NNP", "JJ"},
		{"Rising/VBG prices/NNS hurt/VBD exporters/NNS", "JJ"},
		{"Leading/VBG the/DT talks/NNS ,/, Lee/NNP said/VBD", "VBG"},
		{"Leading/VBG talks/NNS ,/, Lee/NNP said/VBD", "VBG"},
	}
	for _, tt := range tests {
		s := taggedSentence(tt.words)
		leadingParticiple(&s)
		if got := s.Tokens[0].XPOS; got != tt.want {
			t.Errorf("%s: first tag %s, want %s", tt.words, got, tt.want)
		}
	}
}

// The models read the words for the wire's abbreviations; the tokens
// keep the text as written.
func TestWireAbbreviationsReadAsWords(t *testing.T) {
	an := testAnalyzer(t)
	toks := an.Tokens("Acme raised 12 mln dlrs, up 5 pct.", 0)
	want := map[string]string{"mln": "CD", "dlrs": "NNS", "pct": "NN"}
	for _, tk := range toks {
		if tag, ok := want[tk.Text]; ok {
			if tk.Tag != tag {
				t.Errorf("%s tagged %s, want %s", tk.Text, tk.Tag, tag)
			}
			delete(want, tk.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("tokens lost their written form: %v missing", want)
	}
}

// A name's "'s" before a verb in the past is the auxiliary it stands
// for, before a participle and its noun a possessive.
func TestNameWithClitic(t *testing.T) {
	tests := []struct{ words, want string }{
		{"Moody/NNP 's/POS rated/VBN the/DT debt/NN", "VBZ"},
		{"Acme/NNP 's/POS proposed/VBN merger/NN failed/VBD", "POS"},
		{"Acme/NNP 's/POS shares/NNS fell/VBD", "POS"},
	}
	for _, tt := range tests {
		s := taggedSentence(tt.words)
		nameWithClitic(&s)
		if got := s.Tokens[1].XPOS; got != tt.want {
			t.Errorf("%s: 's tagged %s, want %s", tt.words, got, tt.want)
		}
	}
}

// A second verb with a condition mark of its own is a condition, though
// it shares its first conjunct's auxiliaries.
func TestConditionalConjunct(t *testing.T) {
	toks := conllTokens(t, "Lee/NNP/PROPN/lee/2/nsubj backed/VBD/VERB/back/0/root the/DT/DET/the/4/det plan/NN/NOUN/plan/2/obj and/CC/CCONJ/and/8/cc unless/IN/SCONJ/unless/8/mark Acme/NNP/PROPN/acme/8/nsubj cut/VBD/VERB/cut/2/conj prices/NNS/NOUN/price/8/obj")
	tr := newTree(toks)
	if irrealis(tr, []int{1}) {
		t.Errorf("the first conjunct is asserted")
	}
	if !irrealis(tr, []int{7}) {
		t.Errorf("the conjunct under 'unless' is asserted")
	}
}

// A person the parser hung on a thing as an apposition without a comma
// is no subject; one set off by commas is.
func TestPersonInApposition(t *testing.T) {
	tests := []struct {
		name, words string
		want        int // the first token of the subject phrase, 0-based
	}{
		{"set off by commas", "The/DT/DET/the/2/det successor/NN/NOUN/successor/6/nsubj ,/,/PUNCT/,/4/punct Lee/NNP/PROPN/lee/2/appos ,/,/PUNCT/,/4/punct has/VBZ/VERB/have/0/root", 3},
		{"no comma", "a/DT/DET/a/2/det tool/NN/NOUN/tool/5/nsubj Lee/NNP/PROPN/lee/2/appos PCs/NNP/PROPN/pcs/3/flat fixes/VBZ/VERB/fix/0/root", 0},
	}
	for _, tt := range tests {
		toks := conllTokens(t, tt.words)
		tr := newTree(toks)
		b := clauseBuilder{t: tr, subj: map[int]subjectOf{}, person: func(k int) bool { return toks[k].Text == "Lee" }}
		if np := b.subjectPhrase(len(toks)-1, 1); np.From != tt.want {
			t.Errorf("%s: subject phrase from %d, want %d", tt.name, np.From, tt.want)
		}
	}
}

// A word of time the parser hung on a report, right before its subject,
// is when the speaker spoke; inside the report it stays.
func TestTimeOfTelling(t *testing.T) {
	toks := conllTokens(t, "Lee/NNP/PROPN/lee/2/nsubj told/VBD/VERB/tell/0/root reporters/NNS/NOUN/reporter/2/obj yesterday/NN/NOUN/yesterday/7/obl:unmarked he/PRP/PRON/he/7/nsubj was/VBD/AUX/be/7/cop ready/JJ/ADJ/ready/2/ccomp today/NN/NOUN/today/7/obl:unmarked")
	if !timeOfTelling(toks, 3) {
		t.Errorf("'yesterday' before the report's subject is part of the report")
	}
	if timeOfTelling(toks, 7) {
		t.Errorf("'today' at the report's end is cut")
	}
}

// A participle that works as a preposition heads no clause, even with a
// subject the parser gave it; with an auxiliary it is a verb.
func TestPrepositionalParticiple(t *testing.T) {
	toks := conllTokens(t, "Panic/NN/NOUN/panic/2/nsubj spread/VBD/VERB/spread/0/root through/IN/ADP/through/4/case Norland/NNP/PROPN/norland/2/obl following/VBG/VERB/follow/4/acl Halden/NNP/PROPN/halden/5/nsubj the/DT/DET/the/8/det collapse/NN/NOUN/collapse/5/obj")
	b := clauseBuilder{t: newTree(toks), subj: map[int]subjectOf{}, person: func(int) bool { return false }}
	if b.isPredicate(4) {
		t.Errorf("'following the collapse' heads a clause")
	}
	toks = conllTokens(t, "Acme/NNP/PROPN/acme/3/nsubj is/VBZ/AUX/be/3/aux following/VBG/VERB/follow/0/root the/DT/DET/the/5/det talks/NNS/NOUN/talk/3/obj")
	b = clauseBuilder{t: newTree(toks), subj: map[int]subjectOf{}, person: func(int) bool { return false }}
	if !b.isPredicate(2) {
		t.Errorf("'is following the talks' heads no clause")
	}
}
