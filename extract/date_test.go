package extract

import (
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	ref := time.Date(2023, 6, 8, 0, 0, 0, 0, time.UTC) // a Thursday
	tests := []struct {
		text, phrase, value string
	}{
		{"The deal was signed on May 30.", "May 30", "2023-05-30"},
		{"It opened on 12 December 2019 in Oslo.", "12 December 2019", "2019-12-12"},
		{"Shares fell on Tuesday.", "on Tuesday", "2023-06-06"},
		{"She spoke last Thursday.", "last Thursday", "2023-06-01"},
		{"The firm was founded in 1998.", "1998", "1998"},
		{"Talks began last month.", "last month", "2023-05"},
		{"Sales rose earlier this year.", "earlier this year", "2023"},
		{"The storm hit in November.", "November", "2022-11"},
		{"He resigned yesterday.", "yesterday", "2023-06-07"},
		{"Published March 3rd, 2021 at noon.", "March 3rd, 2021", "2021-03-03"},
		{"A report is due on December 30.", "December 30", "2022-12-30"},
	}
	for _, tt := range tests {
		ds := FindDates(tt.text, ref)
		if len(ds) == 0 {
			t.Errorf("%q: no date found", tt.text)
			continue
		}
		if ds[0].Phrase != tt.phrase || ds[0].Value != tt.value {
			t.Errorf("%q: got %q=%q, want %q=%q", tt.text, ds[0].Phrase, ds[0].Value, tt.phrase, tt.value)
		}
	}
	if ds := FindDates("He bought 2 cars.", ref); len(ds) != 0 {
		t.Errorf("found dates in a sentence without any: %+v", ds)
	}
	if ds := FindDates("Shares fell on Tuesday.", time.Time{}); len(ds) != 1 || ds[0].Value != "" {
		t.Errorf("without a reference date the phrase must stay unresolved: %+v", ds)
	}
}

func TestParseDateline(t *testing.T) {
	for _, tt := range []struct {
		line string
		want string
	}{
		{"Updated March 3rd, 2021 at 14:31 IST", "2021-03-03"},
		{"Published: 5 January 2022", "2022-01-05"},
		{"2020-07-01", "2020-07-01"},
		{"Last updated on Friday, October 9, 2020 9:15 am EDT", "2020-10-09"},
		{"The vote on March 3, 2021 was close.", ""},
	} {
		got, ok := ParseDateline(tt.line)
		if tt.want == "" {
			if ok {
				t.Errorf("%q parsed as a dateline", tt.line)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("%q = %v %v, want %s", tt.line, got, ok, tt.want)
		}
	}
}
