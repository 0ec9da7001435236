package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUnseenArticles runs three short articles written for this test, on
// topics far from the samples (football, central banking, a wildfire),
// each wrapped in some page clutter. Every fact they yield is listed here:
// a new fact or a lost one fails the test, so changes are judged on text
// the rules were not written for.
func TestUnseenArticles(t *testing.T) {
	files, _ := filepath.Glob("testdata/unseen/*.txt")
	rs := extractFiles(t, files, nil)
	got := factStrings(rs...)
	want := []string{
		// transfer.txt
		`erik-lindqvist jobTitle "striker"`,
		`erik-lindqvist nationality sweden`,
		`erik-lindqvist join porto`,
		`erik-lindqvist said "This is the biggest step of my career"`,
		`erik-lindqvist score 31 goals`,
		// "…has signed a four-year contract with FC Porto, the Portuguese
		// club announced": the club's claim, and "the club" is named by
		// no name that holds "club", so it is no fact (a missing fact
		// rather than a wrong speaker)
		`marieke-boer jobTitle "director"`,
		`marieke-boer said "the club had rejected two earlier offers"`,
		`marieke-boer worksFor ajax`,
		`porto pay 6.2e+07 EUR`,
		// rates.txt
		`alicia-moreno jobTitle "governor"`,
		`alicia-moreno said "We are not yet where we need to be"`,
		`alicia-moreno said "the bank would not cut rates before the spring"`,
		`bank-of-norland keep "its main interest rate"`,
		`bank-of-norland raise "rates"`,
		// wildfire.txt
		`carver-fire burn 12000 acres`,
		`daniel-okoro jobTitle "fire chief"`,
		`daniel-okoro said "If it shifts, we could lose the ridge."`,
		`daniel-okoro said "The wind is our biggest enemy right now"`,
		`daniel-okoro said "crews had contained 15 percent of the blaze"`,
		`wildfire/fire-officials said "The Carver Fire has burned more than 12,000 acres east of Redcliff since Saturday"`,
		`hannah-price askFor "federal help"`,
		`hannah-price declare "a state of emergency"`,
		`hannah-price jobTitle "governor"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		gs := map[string]bool{}
		for _, g := range got {
			gs[g] = true
		}
		ws := map[string]bool{}
		for _, w := range want {
			ws[w] = true
			if !gs[w] {
				t.Errorf("lost: %s", w)
			}
		}
		for _, g := range got {
			if !ws[g] {
				t.Errorf("new:  %s", g)
			}
		}
	}
	// the clutter lines yield nothing, and the dateline dates the article
	for _, r := range rs {
		for _, f := range r.Facts {
			for _, c := range []string{"newsletter", "Facebook", "Read more", "©"} {
				if strings.Contains(f.Evidence.Sentence, c) {
					t.Errorf("fact from clutter: %s", factString(f))
				}
			}
		}
		if r.Doc.ID == "rates" && r.Doc.Meta.Published.Format("2006-01-02") != "2024-10-14" {
			t.Errorf("rates.txt date = %v", r.Doc.Meta.Published)
		}
	}
}
