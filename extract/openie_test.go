package extract

import (
	"strings"
	"testing"
)

// Open IE tuples on sentences written for these tests: each case names
// what the tuple must hold, as "relation | arg1 | arg2 …".
func TestOpenIETuples(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name     string
		sentence string
		want     []string
	}{{
		name:     "an object keeps the modifiers the tree hangs on it",
		sentence: "The river flows along the border between Halden Township and Norland Township for several miles.",
		want:     []string{"flows along | The river | the border between Halden Township and Norland Township"},
	}, {
		name:     "a subject keeps its prepositional modifiers",
		sentence: "The share of women with degrees in science rose sharply in the decade.",
		want:     []string{"rose in | The share of women with degrees in science | the decade"},
	}, {
		name:     "an adverb before the verb is part of the relation",
		sentence: "Ana Ruiz often refers to the contradictions of her childhood.",
		want:     []string{"often refers to | Ana Ruiz | the contradictions of her childhood"},
	}, {
		name:     "two verbs joined by 'and' share the object after the second",
		sentence: "In the futures market, traders buy and sell large amounts of grain.",
		want:     []string{"buy | traders | large amounts of grain", "sell | traders | large amounts of grain"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tu := range x.OpenIE(tc.sentence) {
				got = append(got, tu.Relation+" | "+strings.Join(tu.Args, " | "))
			}
			for _, w := range tc.want {
				if !hasTuplePrefix(got, w) {
					t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// hasTuplePrefix reports a tuple that starts with want: the last
// argument wanted may go on, and further arguments may follow.
func hasTuplePrefix(got []string, want string) bool {
	for _, g := range got {
		if strings.HasPrefix(g, want) {
			return true
		}
	}
	return false
}

// TestOpenIEConfidenceOrder: implicit tuples rank by how often they
// were right on CaRB dev (a location "is in" 52% of the time, a title
// 44%, a possessive "has" 27%), below the tuples of clauses.
func TestOpenIEConfidenceOrder(t *testing.T) {
	x := testExtractor(t)
	conf := map[string]float64{}
	for _, tu := range x.OpenIE("President Ana Ruiz visited the plant in Halden with Acme's chairman on Monday.") {
		conf[tu.Relation+" | "+tu.Args[0]] = tu.Confidence
	}
	clause, location, title, possessive := conf["visited | President Ana Ruiz"], conf["is in | the plant"], conf["is | Ana Ruiz"], conf["has | Acme"]
	if !(possessive > 0 && possessive < title && title < location && location < clause) {
		t.Errorf("possessive %.2f, title %.2f, location %.2f, clause %.2f: want them in rising order (%v)", possessive, title, location, clause, conf)
	}
}
