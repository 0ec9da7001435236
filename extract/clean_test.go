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
