package extract

import (
	"embed"
	"strings"
)

//go:embed words/*.txt
var wordFiles embed.FS

// wordSet reads the embedded list words/name.txt (see wordLines) as a
// set of lower-case entries.
func wordSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range wordLines(name) {
		m[strings.ToLower(l.text)] = true
	}
	return m
}

// Word lists read by the tree stages.
var (
	subjectSharingMarks = wordSet("subject-sharing-marks")
	irrealisModals      = wordSet("irrealis-modals")
	irrealisMarks       = wordSet("irrealis-marks")
	irrealisAdverbs     = wordSet("irrealis-adverbs")
	// conditionMarks open a condition (see irrealis).
	conditionMarks = wordSet("condition-marks")
	// accusationVerbs say what the accused did, as the accuser's claim.
	accusationVerbs = wordSet("accusation-verbs")
	// temporalMarks open a clause of time (see futureTime).
	temporalMarks = wordSet("temporal-marks")
	// questionVerbs take an "if" clause as an indirect question.
	questionVerbs = wordSet("question-verbs")
	// factiveNouns assert the clause they take (see contentOfNoun).
	factiveNouns = wordSet("factive-nouns")
	stanceVerbs  = wordSet("stance-verbs")
	// refusals turn what follows them down: "declined to say", "failed
	// to respond".
	refusals = wordSet("refusal-verbs")
	// intentionVerbs before a speech verb name words not yet spoken.
	intentionVerbs = wordSet("intention-verbs")
	// appointmentVerbs put a person in the position their complement
	// names: "was named president", "elected him chairman".
	appointmentVerbs = wordSet("appointment-verbs")
	// hearerVerbs are speech verbs whose object is the one spoken to.
	hearerVerbs = wordSet("hearer-verbs")
	// beliefVerbs hold a view: what their clause says is the believer's.
	beliefVerbs = wordSet("belief-verbs")
	// authorPrepositions name who wrote a document: "a report by Acme".
	authorPrepositions = wordSet("author-prepositions")
	// locationPrepositions say where a noun is: "researchers at the
	// laboratory", "the laboratory in Cambridge" (open IE only).
	locationPrepositions = wordSet("location-prepositions")
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
