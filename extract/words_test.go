package extract

import (
	"io/fs"
	"strings"
	"testing"
)

// wordListKinds gives the format of every file in words/.
var wordListKinds = map[string]string{
	"amount-prepositions":       "set",
	"category-org-nouns":        "set",
	"category-place-nouns":      "set",
	"category-product-nouns":    "set",
	"currency-symbols":          "map",
	"currency-words":            "map",
	"demonyms":                  "map",
	"demonym-nouns":             "map",
	"employer-prepositions":     "set",
	"event-noun-verbs":          "map",
	"event-nouns":               "set",
	"event-suffixes":            "set",
	"factive-nouns":             "set",
	"party-nouns":               "set",
	"telling-verbs":             "set",
	"occupant-nouns":            "set",
	"and-names":                 "set",
	"accusation-verbs":          "set",
	"wire-abbreviations":        "map",
	"transfer-verbs":            "set",
	"government-nouns":          "set",
	"temporal-marks":            "set",
	"court-nouns":               "set",
	"epithet-nouns":             "set",
	"condition-marks":           "set",
	"question-verbs":            "set",
	"function-words":            "languages",
	"hedges":                    "set",
	"honorifics":                "set",
	"indefinite-nouns":          "set",
	"irrealis-marks":            "set",
	"irrealis-modals":           "set",
	"multi-word-roles":          "map",
	"multipliers":               "numbers",
	"money-multipliers":         "numbers",
	"name-particles":            "set",
	"not-names":                 "set",
	"number-words":              "numbers",
	"of-name-heads":             "set",
	"org-nouns":                 "set",
	"org-suffixes":              "set",
	"owner-prepositions":        "set",
	"percent-units":             "map",
	"place-nouns":               "set",
	"place-suffixes":            "set",
	"places":                    "set",
	"product-nouns":             "set",
	"product-suffixes":          "set",
	"proxy-nouns":               "set",
	"role-groups":               "groups",
	"role-nouns":                "set",
	"speech-verbs":              "set",
	"source-nouns":              "set",
	"irrealis-adverbs":          "set",
	"stance-verbs":              "set",
	"finding-verbs":             "set",
	"object-prepositions":       "set",
	"legal-suffixes":            "set",
	"discourse-phrases":         "set",
	"body-nouns":                "set",
	"adjective-titles":          "set",
	"refusal-verbs":             "set",
	"region-adjectives":         "set",
	"prepositional-participles": "set",
	"intention-verbs":           "set",
	"appointment-verbs":         "set",
	"measured-nouns":            "set",
	"measure-verbs":             "set",
	"title-prefixes":            "set",
	"hearer-verbs":              "set",
	"limit-verbs":               "set",
	"hold-verbs":                "set",
	"belief-verbs":              "set",
	"change-verbs":              "set",
	"document-nouns":            "set",
	"author-prepositions":       "set",
	"location-prepositions":     "set",
	"portfolio-nouns":           "set",
	"portfolio-titles":          "set",
	"category-named-nouns":      "set",
	"subject-sharing-marks":     "set",
	"time-nouns":                "set",
}

// wordListEntries parses words/name.txt as a list of the given kind and
// returns the entries that must be unique in it: the words of a set or of
// all groups, the keys of a map, or each language's name and its words.
// Parse errors panic, as they do when the package loads the list.
func wordListEntries(name, kind string) []string {
	var out []string
	switch kind {
	case "set":
		for _, l := range wordLines(name) {
			out = append(out, strings.ToLower(l.text))
		}
	case "map":
		for _, p := range wordPairs(name) {
			out = append(out, p.key)
		}
		wordMap(name)
	case "numbers":
		for _, p := range wordPairs(name) {
			out = append(out, p.key)
		}
		wordNumbers(name)
	case "groups":
		for _, g := range wordGroups(name) {
			out = append(out, g...)
		}
	case "languages":
		for _, p := range wordPairs(name) {
			out = append(out, "language "+p.key)
			for _, w := range strings.Fields(p.value) {
				out = append(out, p.key+" "+w)
			}
		}
	default:
		panic("unknown kind " + kind)
	}
	return out
}

func TestWordListsParse(t *testing.T) {
	files, err := fs.Glob(wordFiles, "words/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no word lists: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "words/"), ".txt")
		seen[name] = true
		kind, ok := wordListKinds[name]
		if !ok {
			t.Errorf("%s: not in wordListKinds; add it with its format", f)
			continue
		}
		t.Run(name, func(t *testing.T) {
			var entries []string
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("does not parse as %s: %v", kind, r)
					}
				}()
				entries = wordListEntries(name, kind)
			}()
			if len(entries) == 0 {
				t.Errorf("%s: no entries", f)
			}
			dup := map[string]bool{}
			for _, e := range entries {
				if dup[e] {
					t.Errorf("%s: duplicate entry %q", f, e)
				}
				dup[e] = true
			}
		})
	}
	for name := range wordListKinds {
		if !seen[name] {
			t.Errorf("wordListKinds names words/%s.txt, which does not exist", name)
		}
	}
}

func TestWordListsHaveHeader(t *testing.T) {
	files, _ := fs.Glob(wordFiles, "words/*.txt")
	for _, f := range files {
		b, err := wordFiles.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "# ") {
			t.Errorf("%s: does not start with a \"# ...\" comment header", f)
		}
	}
}

// TestWordListsLowerCase checks that the lists looked up by lower-cased
// tokens are written in lower case: set entries and map keys.
func TestWordListsLowerCase(t *testing.T) {
	for name, kind := range wordListKinds {
		var keys []wordPair
		switch kind {
		case "set":
			for _, l := range wordLines(name) {
				keys = append(keys, wordPair{line: l, key: l.text})
			}
		case "map", "numbers":
			keys = wordPairs(name)
		}
		for _, k := range keys {
			if k.key != strings.ToLower(k.key) {
				t.Errorf("words/%s.txt:%d: %q is not lower case", name, k.line.n, k.key)
			}
		}
	}
}

func TestWordListContent(t *testing.T) {
	tests := []struct {
		what string
		got  any
		want any
	}{
		{`demonyms["welsh"]`, demonyms["welsh"], "Wales"},
		{`demonyms["english"]`, demonyms["english"], "England"},
		{`demonyms["south korean"]`, demonyms["south korean"], "South Korea"},
		{`speechVerbs["say"]`, speechVerbs["say"], true},
		{`roleNouns["analyst"]`, roleNouns["analyst"], true},
		{`roleNouns["chief-executive"]`, roleNouns["chief-executive"], true},
		{`honorifics["mrs."]`, honorifics["mrs."], true},
		{`places["new york"]`, places["new york"], true},
		{`orgSuffixes["inc."]`, orgSuffixes["inc."], true},
		{`nameParticles["van"]`, nameParticles["van"], true},
		{`multiWordRoles["prime minister"]`, multiWordRoles["prime minister"], "prime minister"},
		{`eventNounVerbs["invitation"]`, eventNounVerbs["invitation"], "invite"},
		{`currencySymbols["$"]`, currencySymbols["$"], "USD"},
		{`currencySymbols["rs."]`, currencySymbols["rs."], "INR"},
		{`currencyWords["pounds sterling"]`, currencyWords["pounds sterling"], "GBP"},
		{`multipliers["mln"]`, multipliers["mln"], 1e6},
		{`multipliers["crore"]`, multipliers["crore"], 1e7},
		{`numberWords["dozen"]`, numberWords["dozen"], 12.0},
		{`percentUnits["%"]`, percentUnits["%"], "percent"},
		{`len(roleGroups)`, len(roleGroups), 5},
		{`sameRole("boss", "chief executive")`, sameRole("boss", "chief executive"), true},
		{`sameRole("spokesman", "press secretary")`, sameRole("spokesman", "press secretary"), true},
		{`sameRole("founder", "ceo")`, sameRole("founder", "ceo"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.what, tt.got, tt.want)
		}
	}
}
