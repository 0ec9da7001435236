package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/pgtest"
)

// The articles of the rebuild property test: one story told by several
// outlets, so that people, companies and places are shared between
// articles, and each article names everyone in full once.
var rebuildArticles = map[string]string{
	"port-strike.txt": `Dockers end strike at Port Vale
Union leader Maria Okafor said the strike at Port Vale was over on Tuesday.
Port Vale Terminals chief executive Tom Reyes welcomed the deal.
"We won a fair deal for every docker," Okafor told reporters.
Reyes said the company would hire 200 workers by June.
Mayor Linda Chen thanked both sides.`,
	"terminal-deal.txt": `Port Vale Terminals agrees pay rise
Port Vale Terminals chief executive Tom Reyes agreed a pay rise of 6 percent with the union.
Union leader Maria Okafor signed the agreement on Monday.
Northwind Shipping said it would move 40 ships back to Port Vale.
"The port is open for business again," Reyes said.`,
	"northwind-returns.txt": `Northwind Shipping returns to Port Vale
Northwind Shipping chief executive Anna Lindqvist said the company would return to Port Vale.
Lindqvist met Tom Reyes in Port Vale on Wednesday.
Northwind Shipping paid $12 million in fees last year.
"We never wanted to leave," Lindqvist said.`,
	"mayor-budget.txt": `Mayor Chen plans harbour budget
Mayor Linda Chen proposed a harbour budget of $45 million on Thursday.
Chen praised Maria Okafor and Tom Reyes for ending the strike.
The city council will vote on the budget in May.
"Port Vale needs a modern harbour," Chen said.`,
	"analyst-view.txt": `Analysts see Port Vale recovery
Samuel Adeyemi, an analyst at Harbor Capital, said Port Vale would recover quickly.
Adeyemi expects Northwind Shipping to double its traffic.
Harbor Capital raised its forecast for Port Vale Terminals.
Tom Reyes declined to comment.`,
	"union-vote.txt": `Dockers vote on new contract
Union leader Maria Okafor asked members to back the contract.
More than 900 dockers voted on Friday.
Okafor said 85 percent of members supported the deal.
Port Vale Terminals chief executive Tom Reyes called the vote historic.`,
}

// extra sentences the mutations add: they name people in full, so that
// entity resolution never depends on what other articles say
var rebuildExtra = []string{
	"Tom Reyes said Port Vale Terminals would invest $30 million in cranes.",
	"Maria Okafor criticised Northwind Shipping on Saturday.",
	"Anna Lindqvist praised Mayor Linda Chen.",
	"Samuel Adeyemi said Harbor Capital would buy shares in Northwind Shipping.",
	`"We are ready," Linda Chen said.`,
	"Linda Chen met Anna Lindqvist in Port Vale on Monday.",
	"Greta Holm, a spokeswoman for Northwind Shipping, confirmed the return.",
}

var rebuildQuotes = []string{"", "Nothing has changed", "We will keep working", "It was a long fight", " "}

var numberRE = regexp.MustCompile(`\b\d+\b`)
var quoteRE = regexp.MustCompile(`"[^"]*"`)

var rebuildPeople = []string{"Tom Reyes", "Maria Okafor", "Linda Chen", "Anna Lindqvist", "Samuel Adeyemi", "Greta Holm"}

// mutate changes an article's text in one of several ways, keeping every
// person named in full somewhere in it: entity resolution links a
// surname to a person named in full in the same batch or in the store,
// so a surname alone would resolve one way in a clean build and another
// after earlier builds.
func mutate(r *rand.Rand, text string) string {
	for range 20 {
		if m := mutateOnce(r, text); resolvable(m) {
			return m
		}
	}
	return text
}

func resolvable(text string) bool {
	for _, p := range rebuildPeople {
		surname := p[strings.LastIndexByte(p, ' ')+1:]
		if strings.Contains(text, surname) && !strings.Contains(text, p) {
			return false
		}
	}
	return true
}

func mutateOnce(r *rand.Rand, text string) string {
	lines := strings.Split(text, "\n")
	switch r.Intn(9) {
	case 0: // a number
		i := 1 + r.Intn(len(lines)-1)
		lines[i] = numberRE.ReplaceAllStringFunc(lines[i], func(string) string { return fmt.Sprint(1 + r.Intn(500)) })
	case 1: // a quote, sometimes emptied
		i := 1 + r.Intn(len(lines)-1)
		lines[i] = quoteRE.ReplaceAllString(lines[i], `"`+rebuildQuotes[r.Intn(len(rebuildQuotes))]+`"`)
	case 2: // drop a body line
		if len(lines) > 3 {
			i := 1 + r.Intn(len(lines)-1)
			lines = slices.Delete(lines, i, i+1)
		}
	case 3: // add a line
		i := 1 + r.Intn(len(lines))
		lines = slices.Insert(lines, i, rebuildExtra[r.Intn(len(rebuildExtra))])
	case 4: // another person does it
		from, to := rebuildPeople[r.Intn(5)], rebuildPeople[r.Intn(5)]
		i := 1 + r.Intn(len(lines)-1)
		lines[i] = strings.ReplaceAll(lines[i], from, to)
	case 5: // the headline
		lines[0] = "Update: " + lines[0]
	case 6: // a person is no longer called by surname alone: an alias goes
		p := rebuildPeople[r.Intn(len(rebuildPeople))]
		return surnameRE(p).ReplaceAllString(text, p)
	case 7: // a person is no longer mentioned
		lines = dropPerson(lines, rebuildPeople[r.Intn(len(rebuildPeople))])
	case 8: // a person named in full is then called by surname: an alias comes
		lines = addSurname(r, lines, rebuildPeople[r.Intn(len(rebuildPeople))])
	}
	return strings.Join(lines, "\n")
}

// surnameRE matches a person's surname, with the first name when given.
func surnameRE(person string) *regexp.Regexp {
	first, last, _ := strings.Cut(person, " ")
	return regexp.MustCompile(`\b(` + regexp.QuoteMeta(first) + ` )?` + regexp.QuoteMeta(last) + `\b`)
}

// dropPerson removes the body lines that mention a person, if two body
// lines remain.
func dropPerson(lines []string, person string) []string {
	re := surnameRE(person)
	kept := slices.DeleteFunc(slices.Clone(lines[1:]), re.MatchString)
	if len(kept) < 2 {
		return lines
	}
	return append(lines[:1:1], kept...)
}

// addSurname adds, after the first line naming a person in full, a line
// calling the person by surname.
func addSurname(r *rand.Rand, lines []string, person string) []string {
	surname := person[strings.LastIndexByte(person, ' ')+1:]
	for i, l := range lines {
		if strings.Contains(l, person) {
			said := []string{" declined to comment.", " said talks would continue.", " praised the workers."}[r.Intn(3)]
			return slices.Insert(lines, i+1, surname+said)
		}
	}
	return lines
}

// corpusDir is the folder the test builds: article files and a
// manifest giving outlets (shared between articles) and dates.
type corpusDir struct {
	dir     string
	texts   map[string]string // name → text, of the files present
	deleted map[string]string // name → last text, of deleted files
}

func newCorpusDir(t *testing.T) *corpusDir {
	c := &corpusDir{dir: t.TempDir(), texts: map[string]string{}, deleted: map[string]string{}}
	for name, text := range rebuildArticles {
		c.texts[name] = text
	}
	c.write(t)
	return c
}

var rebuildOutlets = []string{"Coast News", "Harbour Times", "Coast News", "Port Vale Echo", "Harbour Times", "Port Vale Echo"}

// write makes the folder hold exactly the present texts.
func (c *corpusDir) write(t *testing.T) {
	t.Helper()
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(c.dir, e.Name()))
	}
	man := map[string]extract.Metadata{}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range rebuildArticles {
			if !yield(n) {
				return
			}
		}
	})
	for i, name := range names {
		man[name] = extract.Metadata{Outlet: rebuildOutlets[i], Published: time.Date(2024, 5, 1+i, 0, 0, 0, 0, time.UTC)}
	}
	raw, err := json.Marshal(man)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c.dir, "manifest.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range c.texts {
		if err := os.WriteFile(filepath.Join(c.dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// step changes the folder at random and says what it did.
func (c *corpusDir) step(t *testing.T, r *rand.Rand) string {
	t.Helper()
	present := slices.Sorted(mapKeys(c.texts))
	gone := slices.Sorted(mapKeys(c.deleted))
	var what string
	switch k := r.Intn(10); {
	case k < 4 || len(present) < 3: // change an article
		n := present[r.Intn(len(present))]
		c.texts[n] = mutate(r, c.texts[n])
		what = "change " + n
	case k < 6: // change the same article twice, and another one
		n, m := present[r.Intn(len(present))], present[r.Intn(len(present))]
		c.texts[n] = mutate(r, mutate(r, c.texts[n]))
		c.texts[m] = mutate(r, c.texts[m])
		what = "change " + n + " twice and " + m
	case k < 8 || len(gone) == 0: // delete an article
		n := present[r.Intn(len(present))]
		c.deleted[n] = c.texts[n]
		delete(c.texts, n)
		what = "delete " + n
	default: // bring a deleted article back, sometimes changed
		n := gone[r.Intn(len(gone))]
		c.texts[n] = c.deleted[n]
		if r.Intn(2) == 0 {
			c.texts[n] = mutate(r, c.texts[n])
		}
		delete(c.deleted, n)
		what = "re-add " + n
	}
	c.write(t)
	return what
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

var buildTime = time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)

// build builds the folder into st and prunes the articles whose files
// are gone, as `build --prune` does.
func build(t *testing.T, st *graph.Store, x *extract.Extractor, dir string) ingest.Summary {
	t.Helper()
	ctx := context.Background()
	sum, err := ingest.Build(ctx, st, x, ingest.Walk([]string{dir}, nil), ingest.BuildOptions{Now: func() time.Time { return buildTime }})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	keep := map[quad.IRI]bool{}
	for src := range ingest.Walk([]string{dir}, nil) {
		d, err := src.Read(0)
		if err != nil {
			t.Fatalf("read %s: %v", src.Name, err)
		}
		keep[graph.ArticleIRI(d.ID)] = true
	}
	ld := graph.NewLoader(st)
	if _, err := ld.Prune(ctx, func(a quad.IRI) bool { return keep[a] }); err != nil {
		t.Fatalf("prune: %v", err)
	}
	if err := st.EndLoad(ctx); err != nil {
		t.Fatal(err)
	}
	return sum
}

// storedQuads lists every quad of the store as N-Quads lines, sorted;
// build times are left out.
func storedQuads(t *testing.T, st *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore
	var quads []string
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate == graph.GeneratedAtP {
			q.Object = quad.String("TIME")
		}
		quads = append(quads, fmt.Sprintf("%v %v %v %v", q.Subject, q.Predicate, q.Object, q.Label))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(quads)
	return quads
}

// checkNodes fails on quads that refer to a missing or empty value and on
// nodes that no quad uses.
func checkNodes(t *testing.T, st *graph.Store) {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore
	used := map[string]bool{}
	it := qs.QuadsAllIterator()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		for _, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object} {
			v := q.Get(d)
			if !quad.IsValidValue(v) {
				t.Errorf("quad %v %v %v %v: no valid %s", q.Subject, q.Predicate, q.Object, q.Label, d)
			}
		}
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				used[v.String()] = true
			}
		}
	}
	it.Close()
	nodes := qs.NodesAllIterator()
	defer nodes.Close()
	dangling := 0
	for nodes.Next(ctx) {
		v := qs.NameOf(nodes.Result())
		if v == nil {
			t.Errorf("node %v has no value", nodes.Result())
			continue
		}
		if !used[v.String()] {
			if dangling++; dangling <= 5 {
				t.Errorf("dangling node %v: no quad uses it", v)
			}
		}
	}
	if dangling > 5 {
		t.Errorf("%d dangling nodes in all", dangling)
	}
}

// checkExports writes every format, and has the RDF ones parsed by
// rapper and (when withRDFLib) by rdflib.
func checkExports(t *testing.T, st *graph.Store, withRDFLib bool) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	for _, f := range graph.Formats {
		var buf bytes.Buffer
		if _, err := st.Export(context.Background(), &buf, f); err != nil {
			t.Errorf("export %s: %v", f, err)
			continue
		}
		files[f] = filepath.Join(dir, "g."+f)
		if err := os.WriteFile(files[f], buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if t.Failed() {
		return
	}
	if rapper := lookTool(t, "rapper"); rapper != "" {
		for _, f := range []string{"nquads", "ntriples", "turtle"} {
			out, err := exec.Command(rapper, "-i", f, "-c", files[f]).CombinedOutput()
			if err != nil || bytes.Contains(out, []byte("Error")) || bytes.Contains(out, []byte("Warning")) {
				t.Errorf("rapper -i %s: %v\n%s", f, err, out)
			}
		}
	}
	if withRDFLib && hasRDFLib(t) {
		out, err := exec.Command("/usr/bin/python3", "-c", `
import sys, rdflib
for path, fmt in zip(sys.argv[1::2], sys.argv[2::2]):
    g = rdflib.ConjunctiveGraph(); g.parse(path, format=fmt)
    assert len(g) > 0, path
`, files["nquads"], "nquads", files["ntriples"], "nt", files["turtle"], "turtle", files["jsonld"], "json-ld").CombinedOutput()
		if err != nil {
			t.Errorf("rdflib: %v\n%s", err, out)
		}
	}
}

// lookTool returns an external tool's path, or "" after noting the skip;
// in CI a missing tool fails the test.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required in CI (.ci/run installs it)", name)
		}
		t.Logf("skipping %s checks: %s not installed", name, name)
		return ""
	}
	return p
}

func hasRDFLib(t *testing.T) bool {
	t.Helper()
	if err := exec.Command("/usr/bin/python3", "-c", "import rdflib").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-rdflib is required in CI (.ci/run installs it)")
		}
		t.Log("skipping rdflib checks: python3-rdflib not installed")
		return false
	}
	return true
}

// rebuildStores names a fresh store of each backend; PostgreSQL only when
// a test server is configured.
func rebuildStores(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"memstore": func(t *testing.T) string { return "mem" },
		"bolt":     func(t *testing.T) string { return "bolt:" + filepath.Join(t.TempDir(), "g.db") },
		"leveldb":  func(t *testing.T) string { return "leveldb:" + filepath.Join(t.TempDir(), "l.db") },
		"postgres": func(t *testing.T) string { return pgtest.NewDatabase(t) },
	}
}

// After any sequence of changes, deletions and re-additions, a rebuild
// (with pruning) leaves the store equal, quad for quad, to a clean build
// of the current files, with no dangling or missing nodes, the same stats,
// and exports that every tool reads.
func TestRebuildEqualsCleanBuild(t *testing.T) {
	seed := time.Now().UnixNano()
	if s := os.Getenv("NEWSGRAPH_REBUILD_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d (NEWSGRAPH_REBUILD_SEED=%[1]d repeats it)", seed)
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const steps = 10
	for name, dsn := range rebuildStores(t) {
		t.Run(name, func(t *testing.T) {
			st := openStore(t, dsn(t))
			c := newCorpusDir(t)
			r := rand.New(rand.NewSource(seed))
			build(t, st, x, c.dir)
			for i := 0; i < steps; i++ {
				what := c.step(t, r)
				sum := build(t, st, x, c.dir)
				clean := openStore(t, "mem")
				build(t, clean, x, c.dir)
				if !compareStores(t, st, clean) {
					t.Fatalf("step %d (%s; build: %d added, %d replaced, %d unchanged): store differs from a clean build", i, what, sum.Added, sum.Replaced, sum.Unchanged)
				}
				checkNodes(t, st)
				checkExports(t, st, i == steps-1 || i%4 == 0)
				if t.Failed() {
					t.Fatalf("step %d (%s)", i, what)
				}
			}
		})
	}
}

func openStore(t *testing.T, dsn string) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), dsn, graph.OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// compareStores reports differences of quads and stats between a store
// and a clean build.
func compareStores(t *testing.T, st, clean *graph.Store) bool {
	t.Helper()
	got, want := storedQuads(t, st), storedQuads(t, clean)
	extra, missing := diff(got, want), diff(want, got)
	for i, q := range extra {
		if i < 8 {
			t.Errorf("extra   %s", q)
		}
	}
	for i, q := range missing {
		if i < 8 {
			t.Errorf("missing %s", q)
		}
	}
	if len(extra)+len(missing) > 0 {
		t.Errorf("%d extra, %d missing quads", len(extra), len(missing))
	}
	a, err := st.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	b, err := clean.Stats(context.Background())
	if err != nil {
		t.Fatalf("stats: %v", err)
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("stats %+v, clean build %+v", a, b)
	}
	return len(extra)+len(missing) == 0 && !t.Failed()
}

// diff lists the lines of a that b lacks (both sorted).
func diff(a, b []string) []string {
	in := map[string]int{}
	for _, x := range b {
		in[x]++
	}
	var out []string
	for _, x := range a {
		if in[x] > 0 {
			in[x]--
			continue
		}
		out = append(out, x)
	}
	return out
}
