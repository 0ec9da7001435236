package graph

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/queries"
)

// sampleStore loads the five sample articles into a memstore.
func sampleStore(t *testing.T) *Store {
	t.Helper()
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	man, err := extract.LoadManifest("../data/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../data/*.txt")
	var docs []*extract.Document
	for _, f := range files {
		md := man[filepath.Base(f)]
		d, err := extract.ReadFile(f, &md, extract.DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	rs := extractAll(t, x, docs)
	st, err := Open(ctx, "mem", OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	load(t, st, rs)
	return st
}

// tool returns the path of an external tool, failing in CI when it is
// missing and skipping elsewhere.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (.ci/run installs it)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

func export(t *testing.T, st *Store, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := st.Export(ctx, &buf, format); err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

var rapperCount = regexp.MustCompile(`returned (\d+) triples`)

// rapper parses data with Debian's rapper and returns the triple count.
func rapper(t *testing.T, format string, data []byte) int {
	t.Helper()
	f := filepath.Join(t.TempDir(), "data."+format)
	os.WriteFile(f, data, 0o644)
	out, err := exec.Command(tool(t, "rapper"), "-i", format, "-c", f).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") || strings.Contains(string(out), "Warning") {
		t.Fatalf("rapper -i %s: %v\n%s", format, err, out)
	}
	m := rapperCount.FindSubmatch(out)
	if m == nil {
		t.Fatalf("rapper output: %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestRDFExportsPassRapperAndAgree(t *testing.T) {
	st := sampleStore(t)
	nq := export(t, st, "nquads")
	distinct := map[string]bool{}
	r := nquads.NewReader(bytes.NewReader(nq), true)
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		q.Label = nil
		distinct[q.NQuad()] = true
	}
	nNQ := rapper(t, "nquads", nq)
	nNT := rapper(t, "ntriples", export(t, st, "ntriples"))
	nTTL := rapper(t, "turtle", export(t, st, "turtle"))
	if nNT != len(distinct) || nTTL != len(distinct) {
		t.Errorf("triples: turtle %d, n-triples %d, distinct in n-quads %d (n-quads lines %d)", nTTL, nNT, len(distinct), nNQ)
	}
	if nNQ <= nNT {
		t.Errorf("n-quads (%d) should hold more statements than distinct triples (%d): one per source", nNQ, nNT)
	}
}

// python runs a script with Debian's python3, which has rdflib and networkx.
func python(t *testing.T, script string, args ...string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		py = tool(t, "python3")
	}
	check := exec.Command(py, "-c", "import rdflib, networkx")
	if err := check.Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3-rdflib and python3-networkx are required in CI")
		}
		t.Skip("rdflib/networkx not installed")
	}
	out, err := exec.Command(py, append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestSPARQLOnTurtleAgreesWithGizmo(t *testing.T) {
	st := sampleStore(t)
	f := filepath.Join(t.TempDir(), "g.ttl")
	os.WriteFile(f, export(t, st, "turtle"), 0o644)
	out := python(t, `
import sys, rdflib
g = rdflib.Graph(); g.parse(sys.argv[1], format="turtle")
P = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX ng: <http://newsgraph.example.org/vocab#>
"""
invited = sorted(str(r[0]) for r in g.query(P + """SELECT DISTINCT ?name WHERE {
  ?musk rdfs:label "Elon Musk" . ?musk ng:invite ?o . ?o rdfs:label ?name }"""))
n = [int(r[0]) for r in g.query(P + """SELECT (COUNT(DISTINCT ?src) AS ?n) WHERE {
  ?musk rdfs:label "Elon Musk" . ?putin rdfs:label "Vladimir Putin" .
  ?st rdf:subject ?musk ; rdf:predicate ng:invite ; rdf:object ?putin ; prov:wasDerivedFrom ?src }""")][0]
print("|".join(invited)); print(n)
`, f)
	lines := strings.Split(out, "\n")
	// the same questions in Gizmo
	rows, err := queries.Run(ctx, st.QuadStore, `g.V().Has("<rdfs:label>", "Elon Musk").Out("<ng:invite>").Unique().Out("<rdfs:label>").All()`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r["id"].(string))
	}
	sort.Strings(names)
	src, err := queries.Run(ctx, st.QuadStore, `g.V("<ent:elon-musk>").LabelContext(g.V(), "source").Out("<ng:invite>").Is("<ent:vladimir-putin>").All()`, queries.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sources := map[any]bool{}
	for _, r := range src {
		sources[r["source"]] = true
	}
	if lines[0] != strings.Join(names, "|") {
		t.Errorf("who did Musk invite: SPARQL %q, Gizmo %q", lines[0], strings.Join(names, "|"))
	}
	if lines[1] != strconv.Itoa(len(sources)) || len(sources) < 4 {
		t.Errorf("how many sources: SPARQL %s, Gizmo %d", lines[1], len(sources))
	}
}

func TestJSONLDAndGraphMLOpenInTools(t *testing.T) {
	st := sampleStore(t)
	dir := t.TempDir()
	jl, gm := filepath.Join(dir, "g.jsonld"), filepath.Join(dir, "g.graphml")
	os.WriteFile(jl, export(t, st, "jsonld"), 0o644)
	os.WriteFile(gm, export(t, st, "graphml"), 0o644)
	raw, _ := os.ReadFile(jl)
	if !bytes.Contains(raw, []byte(`"@context"`)) || !bytes.Contains(raw, []byte(`"schema":"http://schema.org/"`)) {
		t.Errorf("JSON-LD has no real @context")
	}
	out := python(t, `
import sys, rdflib, networkx as nx
g = rdflib.ConjunctiveGraph(); g.parse(sys.argv[1], format="json-ld")
graphs = {str(c.identifier) for c in g.contexts() if len(c) > 0}
G = nx.read_graphml(sys.argv[2])
labels = {d.get("label") for _, d in G.nodes(data=True)}
musk = [n for n, d in G.nodes(data=True) if d.get("label") == "Elon Musk"][0]
putin = [n for n, d in G.nodes(data=True) if d.get("label") == "Vladimir Putin"][0]
es = G.get_edge_data(musk, putin)
es = list(es.values()) if G.is_multigraph() else [es]
e = [d for d in es if d.get("label") == "invite"][0]
print(len(g), len([x for x in graphs if "/article/" in x]), "Elon Musk" in labels, G.nodes[musk]["type"], e["label"], e["weight"])
`, jl, gm)
	f := strings.Fields(out)
	if len(f) != 6 || f[1] != "5" || f[2] != "True" || f[3] != "Person" || f[4] != "invite" || f[5] != "5" {
		t.Errorf("rdflib/networkx saw: %s (want: quads, 5 article graphs, True, Person, invite, 5)", out)
	}
}

func TestExportImportExportIsIdentical(t *testing.T) {
	st := sampleStore(t)
	first := export(t, st, "nquads")
	dst, err := Open(ctx, "mem", OpenOptions{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if _, err := dst.Import(ctx, bytes.NewReader(first), "first.nq", "nquads"); err != nil {
		t.Fatal(err)
	}
	second := export(t, dst, "nquads")
	if a, b := sortedLines(first), sortedLines(second); a != b {
		t.Fatalf("round trip differs: %d vs %d bytes", len(a), len(b))
	}
	// JSON-LD round trip gives the same quads too
	dst2, _ := Open(ctx, "mem", OpenOptions{Create: true})
	defer dst2.Close()
	if _, err := dst2.Import(ctx, bytes.NewReader(export(t, st, "jsonld")), "g.jsonld", "jsonld"); err != nil {
		t.Fatal(err)
	}
	if a, b := sortedLines(first), sortedLines(export(t, dst2, "nquads")); a != b {
		t.Errorf("JSON-LD round trip differs")
	}
}

func sortedLines(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestImportRejectsBadInputAndKeepsTheGraph(t *testing.T) {
	st := sampleStore(t)
	before := quadCount(t, st)
	bad := "<http://a.example/s> <http://a.example/p> <http://a.example/o> .\nthis is not a quad\n"
	_, err := st.Import(ctx, strings.NewReader(bad), "fix.nq", "nquads")
	if err == nil || !strings.Contains(err.Error(), "fix.nq: line 2") {
		t.Fatalf("error = %v", err)
	}
	if after := quadCount(t, st); after != before {
		t.Fatalf("a rejected import changed the graph: %d → %d quads", before, after)
	}
	// a hand-made correction joins the extracted entities
	fix := "<http://newsgraph.example.org/entity/paul-davison> <http://schema.org/founder> <http://newsgraph.example.org/entity/clubhouse> <urn:corrections> .\n"
	if _, err := st.Import(ctx, strings.NewReader(fix), "fix.nq", "nquads"); err != nil {
		t.Fatal(err)
	}
	rows, _ := queries.Run(ctx, st.QuadStore, `g.V().Has("<rdfs:label>", "Paul Davison").Out("<schema:founder>").All()`, queries.Options{})
	if len(rows) != 1 || rows[0]["id"] != "<ent:clubhouse>" {
		t.Errorf("imported fact not joined to the stored entity: %v", rows)
	}
}

func TestDotRendersWithGraphviz(t *testing.T) {
	st := sampleStore(t)
	dot := export(t, st, "dot")
	cmd := exec.Command(tool(t, "dot"), "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("<svg")) {
		t.Fatalf("dot: %v\n%.300s", err, out)
	}
	for _, want := range []string{"Elon Musk", "invite ×5", "Vladimir Putin", "110 million"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("picture lacks %q", want)
		}
	}
}

var _ = context.Background
