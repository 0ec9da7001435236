package extract

import (
	"strings"
	"testing"
)

// A made-up page: a story about a harbour strike wrapped in the usual
// clutter of a news site.
const clutteredPage = `Dockworkers strike halts exports at Port Vale
Updated June 2nd, 2022 at 09:10 BST
Advertisement
Share on Facebook Share on Twitter Email
Dockworkers at Port Vale walked off the job on Monday, halting container exports for the second time this year.
Subscribe to our newsletter for the latest updates
Union leader Maria Okafor said the workers would stay out until the port operator raised wages.
Read: Ten things to know about shipping costs
We rely on readers like you. Please consider making a donation today.
Photo: Reuters
The operator, Vale Terminals, said it had offered a 4 percent raise.
Dockworkers strike halts exports at Port Vale
Harbour traffic
© 2022 Coastal Times Media. All rights reserved.
Related stories
Shipping Giant Posts Record Profit Amid Port Chaos
Tags: strikes, shipping
`

func TestCleanDropsClutter(t *testing.T) {
	x := testExtractor(t)
	d, err := NewDocument("page.txt", []byte(clutteredPage), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sents, dropped := clean(d, x.analyzer)
	var kept []string
	for _, s := range sents {
		kept = append(kept, s.Text)
	}
	want := []string{
		"Dockworkers strike halts exports at Port Vale",
		"Dockworkers at Port Vale walked off the job on Monday, halting container exports for the second time this year.",
		"Union leader Maria Okafor said the workers would stay out until the port operator raised wages.",
		"The operator, Vale Terminals, said it had offered a 4 percent raise.",
	}
	if strings.Join(kept, "\n") != strings.Join(want, "\n") {
		t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(kept, "\n"), strings.Join(want, "\n"))
	}
	reasons := map[string]string{}
	for _, dl := range dropped {
		reasons[strings.TrimSpace(dl.Text)] = dl.Reason
	}
	for line, reason := range map[string]string{
		"Updated June 2nd, 2022 at 09:10 BST":                dropDateline,
		"Advertisement":                                      dropNoVerb,
		"Subscribe to our newsletter for the latest updates": dropAddress,
		"Read: Ten things to know about shipping costs":      dropLabel,
		"Photo: Reuters":                                     dropLabel,
		"Dockworkers strike halts exports at Port Vale":      dropRepeat,
		"Shipping Giant Posts Record Profit Amid Port Chaos": dropAfterEnd,
		"© 2022 Coastal Times Media. All rights reserved.":   dropCopyright,
	} {
		if reasons[line] != reason {
			t.Errorf("%q: reason %q, want %q", line, reasons[line], reason)
		}
	}
	if d.Meta.Published.Format("2006-01-02") != "2022-06-02" {
		t.Errorf("published date from dateline = %v", d.Meta.Published)
	}
	if d.Meta.Title != "Dockworkers strike halts exports at Port Vale" {
		t.Errorf("title = %q", d.Meta.Title)
	}
}

// TestCleanAddressingIsJudgedBySentence: a sentence that speaks to the
// reader is dropped on its own, not with the paragraph around it, and a
// capitalised pronoun inside a sentence is part of a title.
func TestCleanAddressingIsJudgedBySentence(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		name    string
		text    string
		kept    []string
		dropped []string
	}{
		{
			name: "one appeal inside a paragraph of story",
			text: "Harbour strike ends after two weeks\n\n" +
				"Dockworkers at Port Vale returned to work on Monday after the operator raised wages by 4 percent. " +
				"We rely on readers like you. " +
				"The union said the deal would run for three years.\n",
			kept: []string{
				"Harbour strike ends after two weeks",
				"Dockworkers at Port Vale returned to work on Monday after the operator raised wages by 4 percent.",
				"The union said the deal would run for three years.",
			},
			dropped: []string{"We rely on readers like you."},
		},
		{
			name: "a title with a pronoun in it",
			text: "Musical tops the charts\n\n" +
				"The film version of the musical Can You Hear Me Now? took $12m in its first weekend, the studio said. " +
				"It opens in Europe next month.\n",
			kept: []string{
				"Musical tops the charts",
				"The film version of the musical Can You Hear Me Now? took $12m in its first weekend, the studio said.",
				"It opens in Europe next month.",
			},
		},
		{
			name: "a newsletter box is dropped whole",
			text: "Harbour strike ends after two weeks\n\n" +
				"Dockworkers at Port Vale returned to work on Monday after the operator raised wages by 4 percent.\n\n" +
				"Sign up for our newsletter. We send you the day's news every morning.\n",
			kept: []string{
				"Harbour strike ends after two weeks",
				"Dockworkers at Port Vale returned to work on Monday after the operator raised wages by 4 percent.",
			},
			dropped: []string{"Sign up for our newsletter. We send you the day's news every morning."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := NewDocument("story.txt", []byte(tc.text), nil, DocOptions{})
			if err != nil {
				t.Fatal(err)
			}
			sents, dropped := clean(d, x.analyzer)
			var kept, gone []string
			for _, s := range sents {
				kept = append(kept, s.Text)
			}
			for _, dl := range dropped {
				if dl.Reason == dropAddress {
					gone = append(gone, strings.TrimSpace(dl.Text))
				}
			}
			if strings.Join(kept, "\n") != strings.Join(tc.kept, "\n") {
				t.Errorf("kept:\n%s\nwant:\n%s", strings.Join(kept, "\n"), strings.Join(tc.kept, "\n"))
			}
			if strings.Join(gone, "\n") != strings.Join(tc.dropped, "\n") {
				t.Errorf("dropped as addressing the reader:\n%s\nwant:\n%s", strings.Join(gone, "\n"), strings.Join(tc.dropped, "\n"))
			}
		})
	}
}

// The place and date a wire story was filed from open its first
// sentence, or each item of a digest, and are no part of it.
func TestWireDatelineLen(t *testing.T) {
	tests := []struct{ sentence, rest string }{
		{"LONDON, March 11 - Shares fell.", "Shares fell."},
		{"SAO PAULO, Brazil, May 2 - Prices rose.", "Prices rose."},
		{"WASHINGTON (AP) — The bill passed.", "The bill passed."},
		{"NEW YORK - Texaco Inc said it asked the court.", "Texaco Inc said it asked the court."},
		{"WASHINGTON -- Stocks rose.", "Stocks rose."},
		{"IBM - the company - said profits rose.", "IBM - the company - said profits rose."},
		{"Shares fell - sharply.", "Shares fell - sharply."},
		{"Washington, March 16 - From April the bank lent more.", "From April the bank lent more."},
		{"Shares rose on Monday, March 16 - the day after.", "Shares rose on Monday, March 16 - the day after."},
	}
	for _, tt := range tests {
		if got := tt.sentence[wireDatelineLen(tt.sentence):]; got != tt.rest {
			t.Errorf("%q: rest %q, want %q", tt.sentence, got, tt.rest)
		}
	}
}
