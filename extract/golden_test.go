package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleResults extracts the sample articles in data/ with their manifest.
func sampleResults(t testing.TB) []*Result {
	t.Helper()
	man, err := LoadManifest("../data/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../data/*.txt")
	if len(files) != 5 {
		t.Fatalf("expected 5 sample articles, found %d", len(files))
	}
	return extractFiles(t, files, man)
}

func TestSampleArticles(t *testing.T) {
	rs := sampleResults(t)
	docsWith := func(want string) int {
		n := 0
		for _, r := range rs {
			if hasFact(factStrings(r), want) {
				n++
			}
		}
		return n
	}
	if n := docsWith("elon-musk invite vladimir-putin"); n < 4 {
		t.Errorf("(Elon Musk, invite, Vladimir Putin) found in %d articles, want at least 4", n)
	}
	for _, want := range []string{
		"dmitry-peskov said \"Apparently there was some kind of misunderstanding*",
		"clubhouse roomCapacity 5000 people",
		"elon-musk jobTitle \"CEO\"",
		"elon-musk worksFor tesla",
		"elon-musk worksFor spacex",
		"paul-davison develop clubhouse",
		"paul-davison alumniOf google",
		"clubhouse raise 1.1e+08 USD",
		"clubhouse valuedAt 1e+09 USD",
		"dmitry-peskov worksFor kremlin",
		"dmitry-peskov said \"the matter was now probably closed\"",
	} {
		if docsWith(want) == 0 {
			t.Errorf("missing %s", want)
		}
	}
	// the two dates the outlets give for Musk's tweet
	dates := map[string]bool{}
	for _, r := range rs {
		for _, f := range r.Facts {
			if f.Subject == "elon-musk" && (f.Predicate == "tag" || f.Predicate == "ask") {
				dates[f.Date] = true
			}
		}
	}
	if !dates["2021-02-13"] || !dates["2021-02-14"] {
		t.Errorf("dates of Musk's tweet = %v, want 2021-02-13 and 2021-02-14", dates)
	}
	// one entity each, across all five articles (a speaker known only
	// by role, "a Kremlin spokesperson", is an entity of its own)
	for _, name := range []string{"Musk", "Putin", "Peskov", "Kremlin", "Clubhouse"} {
		ids := map[string]bool{}
		for _, r := range rs {
			for _, e := range r.Entities {
				if strings.Contains(e.Name, name) && !Unnamed(e.ID) {
					ids[e.ID] = true
				}
			}
		}
		if len(ids) != 1 {
			t.Errorf("%s is %d entities: %v", name, len(ids), ids)
		}
	}
	// nothing from page clutter
	clutter := []string{"support", "donation", "Advertisement", "Realme", "Redmi", "Read:", "joined Tesmanian", "Getty", "newsletter", "Follow me", "follow Gadgets", "commenting", "Capability", "readership", "Gadgets 360 on"}
	for _, r := range rs {
		for _, f := range r.Facts {
			for _, c := range clutter {
				if strings.Contains(f.Evidence.Sentence, c) {
					t.Errorf("fact %s comes from clutter: %q", factString(f), f.Evidence.Sentence)
				}
			}
		}
	}
}

// TestSampleGolden compares every fact with testdata/samples.golden, so
// that any change in what the samples yield shows up in review. Refresh
// with: go test ./extract -run TestSampleGolden -update
func TestSampleGolden(t *testing.T) {
	rs := sampleResults(t)
	var lines []string
	for _, r := range rs {
		for _, f := range r.Facts {
			fs := factString(f)
			if f.AttributedTo != "" {
				fs = "(per " + f.AttributedTo + ") " + fs
			}
			lines = append(lines, fmt.Sprintf("%s\t%s\t%s\t%.2f", r.Doc.ID, fs, f.Evidence.Rule, f.Evidence.Confidence))
		}
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	const golden = "testdata/samples.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		gs, ws := map[string]bool{}, map[string]bool{}
		for _, l := range gl {
			gs[l] = true
		}
		for _, l := range wl {
			ws[l] = true
		}
		for _, l := range wl {
			if !gs[l] {
				t.Errorf("lost:  %s", l)
			}
		}
		for _, l := range gl {
			if !ws[l] {
				t.Errorf("new:   %s", l)
			}
		}
	}
}
