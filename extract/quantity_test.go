package extract

import "testing"

func TestParseQuantity(t *testing.T) {
	an := testAnalyzer(t)
	tests := []struct {
		text  string
		kind  LiteralKind
		value float64
		unit  string
		bound string
		appr  bool
	}{
		{"$2.5 billion", Money, 2.5e9, "USD", "", false},
		{"about €300 million", Money, 3e8, "EUR", "", true},
		{"up to 1,200 passengers", Number, 1200, "passengers", "max", false},
		{"at least 40 people", Number, 40, "people", "min", false},
		{"Rs. 580 crore", Money, 5.8e9, "INR", "", false},
		{"four astronauts", Number, 4, "astronauts", "", false},
		{"12 million dollars", Money, 12e6, "USD", "", false},
		{"5.5 per cent", Number, 5.5, "percent", "", false},
		{"£264m", Money, 264e6, "GBP", "", false},
		{"2000 workers", Number, 2000, "workers", "", false},
		{"50-3/8", Number, 50.375, "", "", false},
		{"31-1/8 dlrs", Money, 31.125, "USD", "", false},
	}
	for _, tt := range tests {
		toks := an.Tokens(tt.text, 0)
		q := ParseQuantity(toks, 0, len(toks))
		if q == nil {
			t.Errorf("%q: no quantity", tt.text)
			continue
		}
		if q.Kind != tt.kind || q.Value != tt.value || q.Unit != tt.unit || q.Bound != tt.bound || q.Approx != tt.appr {
			t.Errorf("%q: got %+v", tt.text, *q)
		}
	}
	for _, none := range []string{"in 2019", "the committee", "second thoughts", "2005 revenue", "the 1987 budget", "1987 sales"} {
		toks := an.Tokens(none, 0)
		if q := ParseQuantity(toks, 0, len(toks)); q != nil {
			t.Errorf("%q: unexpected quantity %+v", none, *q)
		}
	}
}
