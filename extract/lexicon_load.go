package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// Loaders for the embedded word lists that are more than a set of words
// (plain sets are read by wordSet): maps, one "key: value" a line, and
// groups, one group a line with its entries separated by " | ". Unlike
// wordSet they keep case, for values such as "Russia" or "USD". The files
// are part of the binary, so a malformed line is a programming error and
// panics, naming the file and line.

// wordLine is an entry line of a word list.
type wordLine struct {
	n    int    // line number, from 1
	text string // the line without its "# …" comment, trimmed
}

// wordLines reads words/name.txt and returns its entry lines: "# …"
// comments removed, space trimmed, blank lines skipped, case kept.
func wordLines(name string) []wordLine {
	b, err := wordFiles.ReadFile("words/" + name + ".txt")
	if err != nil {
		panic("extract: word list: " + err.Error())
	}
	var out []wordLine
	for i, line := range strings.Split(string(b), "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		if s := strings.TrimSpace(line); s != "" {
			out = append(out, wordLine{n: i + 1, text: s})
		}
	}
	return out
}

// badWordLine panics about line l of words/name.txt.
func badWordLine(name string, l wordLine, problem string) {
	panic(fmt.Sprintf("extract: words/%s.txt:%d: %s: %q", name, l.n, problem, l.text))
}

// wordPair is a "key: value" line of a map list.
type wordPair struct {
	line       wordLine
	key, value string
}

// wordPairs reads the map list words/name.txt: each line split at its
// first colon into a key and a value, both trimmed and non-empty.
func wordPairs(name string) []wordPair {
	var out []wordPair
	for _, l := range wordLines(name) {
		k, v, ok := strings.Cut(l.text, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			badWordLine(name, l, `want "key: value"`)
		}
		out = append(out, wordPair{l, k, v})
	}
	return out
}

// wordMap reads the map list words/name.txt ("key: value" a line).
func wordMap(name string) map[string]string {
	m := map[string]string{}
	for _, p := range wordPairs(name) {
		m[p.key] = p.value
	}
	return m
}

// wordNumbers reads the map list words/name.txt whose values are numbers
// in Go syntax ("million: 1e6").
func wordNumbers(name string) map[string]float64 {
	m := map[string]float64{}
	for _, p := range wordPairs(name) {
		v, err := strconv.ParseFloat(p.value, 64)
		if err != nil {
			badWordLine(name, p.line, "value is not a number")
		}
		m[p.key] = v
	}
	return m
}

// wordGroups reads the group list words/name.txt: one group a line, its
// entries separated by "|" and trimmed.
func wordGroups(name string) [][]string {
	var out [][]string
	for _, l := range wordLines(name) {
		var g []string
		for _, w := range strings.Split(l.text, "|") {
			w = strings.TrimSpace(w)
			if w == "" {
				badWordLine(name, l, `empty entry; want "a | b | c"`)
			}
			g = append(g, w)
		}
		out = append(out, g)
	}
	return out
}
