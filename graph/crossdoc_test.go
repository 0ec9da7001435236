package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// crossDocArticles are articles written for this test: two people who
// share a surname, each named in full once and by surname alone in
// another article whose context (the employer it names) tells them
// apart; two events that share a word; two people who share a first name.
var crossDocArticles = []struct{ name, text string }{
	{"a1-halvorsen.txt", "Halvorsen Shipping orders ships\n\nHalvorsen Shipping chief executive Priya Natarajan said on Monday that the company would order six new container ships from a yard in Gdansk.\n"},
	{"a2-rovers.txt", "Rovers beat Carlow\n\nDunmore Rovers striker Mark Natarajan scored twice on Saturday as the club beat Carlow Town at the Riverside ground.\n"},
	{"b1-orders.txt", "Ship orders rise\n\nHalvorsen Shipping will spend 400 million euros on new ships over three years, Natarajan told reporters in Oslo on Tuesday.\n"},
	{"b2-goal.txt", "Rovers stay top\n\nNatarajan scored the winning goal for Dunmore Rovers in the 80th minute of the match against Kilkenny City on Sunday.\n"},
	{"b3-open.txt", "Berg reaches final\n\nAnna Berg won the Australian Open in Melbourne on Saturday, a year after Clara Diaz won the French Open in Paris.\n"},
	{"b4-founders.txt", "Founders part ways\n\nPaul Davison founded the Lumen app in Lisbon in 2019, and Paul Smith joined the company as its finance director in 2021.\n"},
}

// The same people across articles make one node each, and building the
// articles in two builds gives the graph one build gives.
func TestCrossDocumentEntities(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var all, first, second []string
	for _, a := range crossDocArticles {
		path := filepath.Join(dir, a.name)
		if err := os.WriteFile(path, []byte(a.text), 0o644); err != nil {
			t.Fatal(err)
		}
		all = append(all, path)
		if strings.HasPrefix(a.name, "a") {
			first = append(first, path)
		} else {
			second = append(second, path)
		}
	}
	one := openStore(t, "mem")
	buildOnce(t, one, x, all)
	two := openStore(t, "mem")
	buildOnce(t, two, x, first)
	buildOnce(t, two, x, second)

	labels := entityLabels(t, one)
	count := func(re string) []string {
		var out []string
		for _, l := range labels {
			if regexp.MustCompile(re).MatchString(l) {
				out = append(out, l)
			}
		}
		return out
	}
	for _, c := range []struct {
		re   string
		want int
	}{{`Natarajan`, 2}, {`Open$`, 2}, {`^Paul`, 2}} {
		if got := count(c.re); len(got) != c.want {
			t.Errorf("entities matching %s: %q, want %d", c.re, got, c.want)
		}
	}
	// the surname-only articles' facts belong to the right person
	quads := storedQuads(t, one)
	for _, want := range []string{"<ent:priya-natarajan> <ng:said>", "<ent:mark-natarajan> <ng:score>"} {
		if !slices.ContainsFunc(quads, func(q string) bool { return strings.HasPrefix(q, want) }) {
			t.Errorf("no quad starting %s", want)
		}
	}
	if !compareStores(t, two, one) {
		t.Errorf("two builds differ from one build")
	}
}

// buildOnce builds the files into st, keeping what st already holds.
func buildOnce(t *testing.T, st *graph.Store, x *extract.Extractor, files []string) {
	t.Helper()
	ctx := context.Background()
	if _, err := ingest.Build(ctx, st, x, ingest.Walk(files, nil), ingest.BuildOptions{Now: func() time.Time { return buildTime }}); err != nil {
		t.Fatalf("build %v: %v", files, err)
	}
	if err := st.EndLoad(ctx); err != nil {
		t.Fatal(err)
	}
}

// entityLabels lists the labels of the stored entities.
func entityLabels(t *testing.T, st *graph.Store) []string {
	t.Helper()
	var out []string
	for _, q := range storedQuads(t, st) {
		if strings.HasPrefix(q, "<ent:") && strings.Contains(q, " <rdfs:label> ") {
			l := q[strings.Index(q, "<rdfs:label> ")+len("<rdfs:label> "):]
			out = append(out, strings.Trim(l[:strings.LastIndex(l, "\" ")+1], `"`))
		}
	}
	return out
}

// A quotation with no speaker is stored as an ng:Quotation of its article,
// with its text and sentence, and no one said it.
func TestUnattributedQuotationStored(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "guide.txt")
	text := "Data tool\n\nAna Ruiz said the tool was safe for every user of the office suite.\n\n\"The tool removes hidden data from your files,\" says the guide on the website.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, "mem")
	buildOnce(t, st, x, []string{path})
	quads := storedQuads(t, st)
	var node string
	for _, q := range quads {
		if strings.HasSuffix(q, "<rdf:type> <ng:Quotation> <art:guide>") {
			node = strings.Fields(q)[0]
		}
	}
	if node == "" {
		t.Fatalf("no ng:Quotation in %d quads", len(quads))
	}
	for _, want := range []string{node + ` <ng:text> "The tool removes hidden data from your files"@en`, node + " <prov:wasDerivedFrom> <art:guide>"} {
		if !slices.ContainsFunc(quads, func(q string) bool { return strings.HasPrefix(q, want) }) {
			t.Errorf("no quad %s", want)
		}
	}
	for _, q := range quads {
		if strings.Contains(q, "<ng:said>") && strings.Contains(q, "hidden data") {
			t.Errorf("credited: %s", q)
		}
	}
}
