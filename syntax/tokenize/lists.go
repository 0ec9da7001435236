package tokenize

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed lists/*.txt
var listFiles embed.FS

// wordLists are the tokenizer's word lists, read once from lists/*.txt.
type wordLists struct {
	abbrev   map[string]bool     // may end a sentence before an opener
	titles   map[string]bool     // never end a sentence
	openers  map[string]bool     // capitalised sentence openers, lower case
	prefixes map[string]bool     // hyphen prefixes kept whole
	units    map[string]bool     // unit suffixes split from numbers
	whole    map[string]bool     // tokens kept whole
	contract map[string][]string // lower-case word → its parts
}

var lists = mustLoadLists()

func mustLoadLists() *wordLists {
	l, err := loadLists()
	if err != nil {
		panic(err) // the files are embedded: a bad one is a build error
	}
	return l
}

func loadLists() (*wordLists, error) {
	l := &wordLists{contract: map[string][]string{}}
	sets := []struct {
		file  string
		dst   *map[string]bool
		lower bool
	}{
		{"abbreviations.txt", &l.abbrev, true},
		{"titles.txt", &l.titles, true},
		{"openers.txt", &l.openers, true},
		{"hyphen_prefixes.txt", &l.prefixes, true},
		{"units.txt", &l.units, true},
		{"whole.txt", &l.whole, false},
	}
	for _, s := range sets {
		entries, err := readList(s.file)
		if err != nil {
			return nil, err
		}
		m := make(map[string]bool, len(entries))
		for _, e := range entries {
			if s.lower {
				e = strings.ToLower(e)
			}
			m[e] = true
		}
		*s.dst = m
	}
	entries, err := readList("contractions.txt")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		f := strings.Fields(e)
		if len(f) < 3 || strings.Join(f[1:], "") != f[0] {
			return nil, fmt.Errorf("contractions.txt: %q: want a word and the parts it is made of", e)
		}
		l.contract[strings.ToLower(f[0])] = f[1:]
	}
	return l, nil
}

// readList returns the entries of lists/name: its lines without comments
// ("# …" lines) and blank lines, trimmed.
func readList(name string) ([]string, error) {
	b, err := listFiles.ReadFile("lists/" + name)
	if err != nil {
		return nil, fmt.Errorf("tokenize: word list: %w", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "# ") || line == "#" {
			continue
		}
		out = append(out, line)
	}
	return out, nil
}

// NameAbbreviation reports whether word, with or without its final
// period, is a title or abbreviation that never ends a sentence because a
// name or number follows it ("Mr.", "Ste. Therese").
func NameAbbreviation(word string) bool {
	return lists.titles[strings.ToLower(strings.TrimSuffix(word, "."))+"."]
}

// Abbreviation reports whether word, with or without its final period, is
// an abbreviation or a title the tokenizer keeps whole ("Inc.", "Mr.").
func Abbreviation(word string) bool {
	w := strings.ToLower(strings.TrimSuffix(word, ".")) + "."
	return lists.abbrev[w] || lists.titles[w]
}
