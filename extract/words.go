package extract

import (
	"embed"
	"strings"
)

//go:embed words/*.txt
var wordFiles embed.FS

// wordSet reads the embedded list words/name.txt: one entry a line, in
// lower case, with "# …" comments and blank lines skipped. The files are
// part of the binary, so a missing one is a programming error.
func wordSet(name string) map[string]bool {
	b, err := wordFiles.ReadFile("words/" + name + ".txt")
	if err != nil {
		panic("extract: word list: " + err.Error())
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		if w := strings.TrimSpace(line); w != "" {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}

// Word lists read by the tree stages.
var (
	subjectSharingMarks = wordSet("subject-sharing-marks")
	irrealisModals      = wordSet("irrealis-modals")
	irrealisMarks       = wordSet("irrealis-marks")
)

// ownerPrepositions tie a measured noun to its owner: "shares in Acme",
// "the profit of Acme", "revenue at Acme".
var ownerPrepositions = wordSet("owner-prepositions")

// amountPrepositions introduce the other amounts of a change: "rose 44%
// to $205.4m from $142m", "cut by 2 points".
var amountPrepositions = wordSet("amount-prepositions")

// employerPrepositions tie a position to its organisation: "analyst at
// Finans", "head of Lionhead", "spokesman for the foundation".
var employerPrepositions = wordSet("employer-prepositions")
