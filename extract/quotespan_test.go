package extract

import (
	"reflect"
	"testing"
)

func TestQuoteSpans(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"straight pair", `He said "we won" today.`, []string{`"we won"`}},
		{"curly pair", `He said “we won” today.`, []string{`“we won”`}},
		{"closing mark after a space", `"We won, " Ana Ruiz said.`, []string{`"We won, "`}},
		{"an unclosed quotation ends where the next opens", `"We lost. "We will win next time," she said.`, []string{`"We lost. `, `"We will win next time,"`}},
		{"unclosed to the end", `She said: "we will be back`, []string{`"we will be back`}},
		{"a quotation inside one", `"They may talk to a "white knight" soon," he said.`, []string{`"They may talk to a "white knight" soon,"`}},
		{"inch marks after digits close nothing open", `A 12" screen.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range QuoteSpans(tt.text, 0) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("QuoteSpans(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
