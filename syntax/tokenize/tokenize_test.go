package tokenize

import (
	"os"
	"strings"
	"testing"
)

// forms returns the tokens of text joined by " ".
func forms(text string) string {
	var out []string
	for _, t := range Tokens(text) {
		out = append(out, t.Form)
	}
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"I don't know.", "I do n't know ."},
		{"John's car isn't here.", "John 's car is n't here ."},
		{"I'm sure they'll say we've won, and she'd agree.", "I 'm sure they 'll say we 've won , and she 'd agree ."},
		{"You cannot be serious, we're gonna win.", "You can not be serious , we 're gon na win ."},
		{"Don’t do it, it’s a trap.", "Do n’t do it , it ’s a trap ."},
		{"He won't go; I can't either.", "He wo n't go ; I ca n't either ."},
		{"The workers' union met.", "The workers ' union met ."},
		{"a search-engine and an e-mail from a non-profit co-founder", "a search - engine and an e-mail from a non-profit co-founder"},
		{"a state-of-the-art plan", "a state - of - the - art plan"},
		{`He said "no" (twice) [sic].`, `He said " no " ( twice ) [ sic ] .`},
		{"“Yes,” she said.", "“ Yes , ” she said ."},
		{"Mr. Smith of Acme Inc. met Dr. J. Doe in the U.S. on Jan. 5.", "Mr. Smith of Acme Inc. met Dr. J. Doe in the U.S. on Jan. 5 ."},
		{"See http://example.com/a-b?x=1, or mail jo.doe@example.org.", "See http://example.com/a-b?x=1 , or mail jo.doe@example.org ."},
		{"It cost $1,000.50, up 5.5% from £264m.", "It cost $ 1,000.50 , up 5.5 % from £ 264 m ."},
		{"US$4.5 billion", "US$ 4.5 billion"},
		{"At 3:30pm on 16/11/2004 the 1990s ended, in the 9th round.", "At 3:30 pm on 16/11/2004 the 1990s ended , in the 9th round ."},
		{"It weighs 5kg... or so!!!", "It weighs 5 kg ... or so !!!"},
		{"Well...maybe -- or not—never.", "Well ... maybe -- or not — never ."},
		{"Call 713-853-3989 for the 1969-1970 figures.", "Call 713-853-3989 for the 1969 - 1970 figures ."},
		{"and/or w/o AT&T", "and / or w/o AT&T"},
		{"O'Brien's rock 'n' roll", "O'Brien 's rock 'n' roll"},
		{"Pay N' Pak and Guns N' Roses' tour", "Pay N' Pak and Guns N' Roses ' tour"},
		{"Great :) really", "Great :) really"},
		{"No. 5 says no.", "No. 5 says no ."},
		{"e.g. this, i.e. that", "e.g. this , i.e. that"},
		{"the '90s and the 1990's", "the '90s and the 1990's"},
		{"I wanna go, gotta run", "I wan na go , got ta run"},
	} {
		if got := forms(c.in); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "  He didn't  say \"hi\".\n"
	toks := Tokens(text)
	for _, tok := range toks {
		if text[tok.Start:tok.End] != tok.Form {
			t.Errorf("token %q at [%d,%d) is %q", tok.Form, tok.Start, tok.End, text[tok.Start:tok.End])
		}
	}
	var spaces []bool
	for _, tok := range toks {
		spaces = append(spaces, tok.SpaceAfter)
	}
	want := []bool{true, false, true, true, false, false, false, true}
	if len(spaces) != len(want) {
		t.Fatalf("tokens %v", forms(text))
	}
	for i := range want {
		if spaces[i] != want[i] {
			t.Errorf("token %d %q: SpaceAfter %v, want %v", i, toks[i].Form, spaces[i], want[i])
		}
	}
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"He left. She stayed.", []string{"He left.", "She stayed."}},
		{`"Stop!" he said. Then he went.`, []string{`"Stop!" he said.`, "Then he went."}},
		{`He said: "I'm done." She laughed.`, []string{`He said: "I'm done."`, "She laughed."}},
		{"Mr. Smith met Dr. Jones. They spoke.", []string{"Mr. Smith met Dr. Jones.", "They spoke."}},
		{"John F. Kennedy was born in 1917.", []string{"John F. Kennedy was born in 1917."}},
		{"He works for Apple Inc. The company is big.", []string{"He works for Apple Inc.", "The company is big."}},
		{"The U.S. Treasury said so.", []string{"The U.S. Treasury said so."}},
		{"Is it? Yes! Really...", []string{"Is it?", "Yes!", "Really..."}},
		{"Headline without a stop\n\nFirst sentence. Second one", []string{"Headline without a stop", "First sentence.", "Second one"}},
		{"Prices rose 2.5 percent in Jan. and fell in Feb.", []string{"Prices rose 2.5 percent in Jan. and fell in Feb."}},
		{"They met on Jan. 5. It rained.", []string{"They met on Jan. 5.", "It rained."}},
		{"He moved to the U.S.\n\nThen he left.", []string{"He moved to the U.S.", "Then he left."}},
	} {
		var got []string
		for _, s := range Sentences(c.in) {
			got = append(got, s.Text)
			if c.in[s.Start:s.Start+len(s.Text)] != s.Text {
				t.Errorf("%q: sentence %q is not at %d", c.in, s.Text, s.Start)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	if s := Sentences(" \n\t "); s != nil {
		t.Errorf("Sentences of white space: %v", s)
	}
	if s := Tokens(""); s != nil {
		t.Errorf("Tokens of \"\": %v", s)
	}
}

// TestLists checks that the word lists load, have no duplicate entries
// and that no word is both an abbreviation and a title.
func TestLists(t *testing.T) {
	files, err := listFiles.ReadDir("lists")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		entries, err := readList(f.Name())
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 {
			t.Errorf("%s: empty", f.Name())
		}
		seen := map[string]bool{}
		for _, e := range entries {
			key := e
			if f.Name() != "whole.txt" {
				key = strings.ToLower(strings.Fields(e)[0])
			}
			if seen[key] {
				t.Errorf("%s: %q twice", f.Name(), e)
			}
			seen[key] = true
		}
	}
	if _, err := loadLists(); err != nil {
		t.Fatal(err)
	}
	for w := range lists.abbrev {
		if lists.titles[w] {
			t.Errorf("%q is in abbreviations.txt and titles.txt", w)
		}
	}
}

// benchText is news-like text for the benchmarks.
var benchText = strings.Repeat(`WASHINGTON (Reuters) - The U.S. Federal Reserve said on Wednesday it won't raise rates, citing "weak" data. Mr. Powell's comments, made at 2:30 p.m., sent the S&P 500 up 1.2% to 4,512.30; the dollar fell to $1.08 per euro. "We're watching closely," he said.

Analysts at Goldman Sachs Group Inc. expect a cut in mid-2025, though non-farm payrolls rose by 250,000 in Jan. and e-mail surveys show firms can't find workers. Details: https://www.federalreserve.gov/newsevents.htm.

`, 50)

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(benchText)
	}
}

// BenchmarkTreebank tokenizes the raw text of EWT test.
func BenchmarkTreebank(b *testing.B) {
	path := treebankDir + "/ewt/en_ewt-ud-test.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		b.Skip("treebank absent")
	}
	docs, err := readGold(path)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, d := range docs {
		sb.WriteString(d.text)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}
