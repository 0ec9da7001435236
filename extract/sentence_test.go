package extract

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"initials inside the wire's angle brackets",
			"Mark Lee, a partner of <C. Halden Inc> of Norway, said the firm had bought a stake. It paid cash.",
			[]string{"Mark Lee, a partner of <C. Halden Inc> of Norway, said the firm had bought a stake.", "It paid cash."}},
		{"decimal amount before a name",
			"Northwind earned $3.27bn. Northwind president Ana Ruiz called it a record.",
			[]string{"Northwind earned $3.27bn.", "Northwind president Ana Ruiz called it a record."}},
		{"decimal percent before a name",
			"Output rose 2.5%. Finance Minister Ana Ruiz welcomed the figure.",
			[]string{"Output rose 2.5%.", "Finance Minister Ana Ruiz welcomed the figure."}},
		{"decimal amount before a quotation",
			`Sales reached 4.1 mln. "We are pleased," she said.`,
			[]string{"Sales reached 4.1 mln.", `"We are pleased," she said.`}},
		{"a decimal inside a sentence stays",
			"Shares rose 3.5 pct to 12.75 dlrs on the news.",
			[]string{"Shares rose 3.5 pct to 12.75 dlrs on the news."}},
		{"an abbreviation with periods stays",
			"The U.S. Treasury said it would sell bonds.",
			[]string{"The U.S. Treasury said it would sell bonds."}},
		{"a name abbreviation does not end a sentence",
			"The cars are built at its Ste. Therese plant, and Sen. Ana Ruiz visited it.",
			[]string{"The cars are built at its Ste. Therese plant, and Sen. Ana Ruiz visited it."}},
		{"initials that modify the next word do not end a sentence",
			"De Clercq has written to his U.S. Counterpart about the dispute. Acme sells most of its cars in the U.S. The rest go to Canada.",
			[]string{"De Clercq has written to his U.S. Counterpart about the dispute.", "Acme sells most of its cars in the U.S.", "The rest go to Canada."}},
		{"a company's abbreviated suffix before a quotation ends a sentence",
			`"Sales fell," said Norman Dale, president of Halden Inc. "There were no new products."`,
			[]string{`"Sales fell," said Norman Dale, president of Halden Inc.`, `"There were no new products."`}},
		{"a decimal amount before a closing quotation mark does not end the sentence there",
			`"Output rose 2.5. "That is good," he said.`,
			[]string{`"Output rose 2.5. "That is good," he said.`}},
		{"a lower-case word after a decimal is the same sentence",
			"It paid 1.5 mln. dlrs for the stake.",
			[]string{"It paid 1.5 mln. dlrs for the stake."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, sp := range SplitSentences(tc.text, 0) {
				got = append(got, tc.text[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
