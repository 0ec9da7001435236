package extract

import (
	"errors"
	"strings"
	"testing"
)

// Texts of my own in the shapes real collections hold: English prose,
// English that is mostly figures and abbreviations (wire earnings briefs,
// tables), and short news paragraphs in other languages.
func TestLanguageCheck(t *testing.T) {
	tests := []struct {
		name, text string
		english    bool
	}{
		{"prose", englishPara, true},
		{"earnings brief", "ACME TOOL WORKS <ACMT> 3RD QTR NET\n\nCLEVELAND, Ohio, Oct 2 - Shr 41 cts vs 33 cts\n    Net 4,120,000 vs 3,305,000\n    Revs 88.2 mln vs 71.9 mln\n    Nine mths\n    Shr 1.12 dlrs vs 97 cts\n    Net 11.3 mln vs 9.7 mln\n Reuter", true},
		{"dividend brief", "NORTHERN GAS CO SETS QTLY DIV\n\nDALLAS, May 5 - Qtly div 27 cts vs 27 cts prior\n    Pay June 15\n    Record May 29\n Reuter", true},
		{"table of rates", "Bid Offer\nDEC 7.25 7.31\nMAR 7.40 7.46\nJUN 7.52 7.58\nSEP 7.61 7.67\nDEC 7.70 7.76", true},
		{"capitalised headline only", "BUNDESBANK LEAVES CREDIT POLICY UNCHANGED", true},
		{"English with a Russian name", "Гарри Каспаров, the former world chess champion, said on Tuesday that he would run for office in the city elections next spring.", true},
		{"French", "Le conseil municipal a voté lundi pour étendre le réseau de bus, et le maire a déclaré que le projet serait financé par une nouvelle taxe sur le stationnement des voitures.", false},
		{"Spanish", "El gobierno anunció el martes que las exportaciones de café crecieron en marzo, y los productores dijeron que la cosecha de este año será más grande que la del año pasado.", false},
		{"German", "Die Bundesregierung hat am Dienstag beschlossen, dass die Steuern für kleine Unternehmen nicht steigen sollen, und der Minister sagte, es sei auch für die Länder ein guter Tag.", false},
		{"Swedish", "Regeringen sade på tisdagen att det är för tidigt att säga om räntan ska höjas, och att banken också kan vänta till efter sommaren med sitt beslut.", false},
		{"Russian", "Правительство России объявило во вторник о новых мерах поддержки экспорта зерна, а министр сказал, что урожай в этом году будет больше прошлогоднего.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewDocument("story.txt", []byte(tt.text), nil, DocOptions{})
			if tt.english && err != nil {
				t.Fatalf("English text refused: %v", err)
			}
			if !tt.english && !errors.Is(err, ErrNotEnglish) {
				t.Fatalf("err = %v, want ErrNotEnglish", err)
			}
		})
	}
}

func TestFunctionWordListsHaveNoDuplicatesOrEnglishWords(t *testing.T) {
	english := functionWords["English"]
	if len(english) < 20 || len(functionWords) < 10 {
		t.Fatalf("lists not read: %d languages, %d English words", len(functionWords), len(english))
	}
	for _, line := range strings.Split(functionWordsFile, "\n") {
		lang, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		seen := map[string]bool{}
		for _, w := range strings.Fields(words) {
			if seen[w] {
				t.Errorf("%s: %q listed twice", lang, w)
			}
			seen[w] = true
			if lang != "English" && english[w] {
				t.Errorf("%s: %q is an English function word too", lang, w)
			}
		}
	}
}

func TestDocID(t *testing.T) {
	tests := []struct{ name, rel, url, want string }{
		{"data/Some Story (v2).txt", "", "", "some-story-v2"},
		{"corpus/business/001.txt", "business/001.txt", "", "business/001"},
		{"corpus/tech/001.txt", "tech/001.txt", "", "tech/001"},
		{"x/Sport/Match Report.TXT", "Sport/Match Report.TXT", "", "sport/match-report"},
		{"-", "", "", "stdin"},
		{"a.txt", "a.txt", "https://www.Example.co.uk/news/world/musk-putin-123.html#comments", "example.co.uk/news/world/musk-putin-123"},
		{"a.txt", "a.txt", "http://news.example.com/story?id=42", "news.example.com/story/id-42"},
		{"a.txt", "a.txt", "not a url", "a"},
		{"a.txt", "a.txt", "ftp://example.com/a", "a"},
	}
	for _, tt := range tests {
		if got := DocID(tt.name, tt.rel, tt.url); got != tt.want {
			t.Errorf("DocID(%q, %q, %q) = %q, want %q", tt.name, tt.rel, tt.url, got, tt.want)
		}
	}
}
