package graph

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// Story is the graph people draw: entities as nodes, facts as edges
// between them (or to a literal value), each edge with its sources.
type Story struct {
	Nodes []*StoryNode
	Edges []*StoryEdge
	vocab Vocab
}

// StoryNode is an entity or a literal value.
type StoryNode struct {
	ID     string // short IRI, or "lit:N" for a literal
	Label  string
	Type   string // schema.org class name, or "Literal"
	Titles []string
}

// StoryEdge is one fact, stated by one or more articles.
type StoryEdge struct {
	From, To  *StoryNode
	Predicate string // short IRI
	Sources   []string
}

// Story reads the entities and facts from the store.
func (s *Store) Story(ctx context.Context) (*Story, error) {
	v, err := s.StoredVocab(ctx)
	if err != nil {
		return nil, err
	}
	qs := s.QuadStore
	nodes := map[string]*StoryNode{}
	node := func(id string) *StoryNode {
		n := nodes[id]
		if n == nil {
			n = &StoryNode{ID: id}
			nodes[id] = n
		}
		return n
	}
	type key struct{ s, p, o string }
	edges := map[key]*StoryEdge{}
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if err := checkQuad(q); err != nil {
			return nil, err
		}
		subj, ok := q.Subject.(quad.IRI)
		if !ok || !strings.HasPrefix(string(subj), "ent:") {
			continue
		}
		pred, _ := q.Predicate.(quad.IRI)
		switch {
		case q.Label == nil && pred == TypeP:
			if c, ok := q.Object.(quad.IRI); ok {
				node(string(subj)).Type = strings.TrimPrefix(string(c), "schema:")
			}
			continue
		case q.Label == nil && pred == LabelP:
			node(string(subj)).Label = fmt.Sprint(quad.NativeOf(q.Object))
			continue
		case q.Label == nil, pred == NamedAsP, pred == TypedAsP:
			continue
		}
		art := fmt.Sprint(q.Label)
		if iri, ok := q.Label.(quad.IRI); ok {
			art = string(iri)
		}
		if pred == "schema:jobTitle" {
			n := node(string(subj))
			t := fmt.Sprint(quad.NativeOf(q.Object))
			if !containsStr(n.Titles, t) {
				n.Titles = append(n.Titles, t)
			}
		}
		var to *StoryNode
		if o, ok := q.Object.(quad.IRI); ok {
			to = node(string(o))
		} else {
			to = node("lit:" + q.Object.String())
			to.Type = "Literal"
			to.Label = fmt.Sprint(quad.NativeOf(q.Object))
		}
		k := key{string(subj), string(pred), to.ID}
		e := edges[k]
		if e == nil {
			e = &StoryEdge{From: node(string(subj)), To: to, Predicate: string(pred)}
			edges[k] = e
		}
		if !containsStr(e.Sources, art) {
			e.Sources = append(e.Sources, art)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	st := &Story{vocab: v}
	for _, n := range nodes {
		if n.Label == "" {
			n.Label = strings.TrimPrefix(n.ID, "ent:")
		}
		st.Nodes = append(st.Nodes, n)
	}
	sort.Slice(st.Nodes, func(i, j int) bool { return st.Nodes[i].ID < st.Nodes[j].ID })
	for _, e := range edges {
		sort.Strings(e.Sources)
		st.Edges = append(st.Edges, e)
	}
	sort.Slice(st.Edges, func(i, j int) bool {
		a, b := st.Edges[i], st.Edges[j]
		return a.From.ID+a.Predicate+a.To.ID < b.From.ID+b.Predicate+b.To.ID
	})
	return st, nil
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// predicateName is the readable name of a predicate: "invite", "worksFor".
func predicateName(p string) string {
	if i := strings.IndexByte(p, ':'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// WriteGraphML writes the story as GraphML for Gephi or yEd: nodes carry
// label, type, job titles and IRI; edges carry the predicate, a label,
// the number of sources (also as weight) and the source articles.
func (st *Story) WriteGraphML(w io.Writer) (int, error) {
	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="titles" for="node" attr.name="titles" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>
  <graph id="newsgraph" edgedefault="directed">
`)
	ids := map[*StoryNode]string{}
	for i, n := range st.Nodes {
		ids[n] = fmt.Sprintf("n%d", i)
		iri := ""
		if n.Type != "Literal" {
			iri = string(st.vocab.Full(quad.IRI(n.ID)))
		}
		fmt.Fprintf(bw, "    <node id=%q><data key=\"label\">%s</data><data key=\"type\">%s</data><data key=\"titles\">%s</data><data key=\"iri\">%s</data></node>\n",
			ids[n], esc(n.Label), esc(n.Type), esc(strings.Join(n.Titles, "; ")), esc(iri))
	}
	for i, e := range st.Edges {
		var srcs []string
		for _, s := range e.Sources {
			srcs = append(srcs, string(st.vocab.Full(quad.IRI(s))))
		}
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=%q target=%q><data key=\"elabel\">%s</data><data key=\"predicate\">%s</data><data key=\"weight\">%d</data><data key=\"sources\">%s</data></edge>\n",
			i, ids[e.From], ids[e.To], esc(predicateName(e.Predicate)), esc(string(st.vocab.Full(quad.IRI(e.Predicate)))), len(e.Sources), esc(strings.Join(srcs, " ")))
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return len(st.Edges), bw.Flush()
}

// dotColors gives each entity type its colour in pictures.
var dotColors = map[string]string{
	"Person": "#fde2a7", "Organization": "#c8ddf5", "Place": "#cdeccd",
	"Product": "#eed3f0", "Event": "#f8d0c8", "Thing": "#e8e8e8",
}

// WriteDot writes the story for Graphviz: entities with their type's
// colour and job titles, facts between entities, and numbers; quotes and
// other text are left out so the picture stays readable. An edge stated
// by several articles shows "×N" and is drawn thicker.
func (st *Story) WriteDot(w io.Writer) (int, error) {
	bw := bufio.NewWriter(w)
	q := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	bw.WriteString("digraph newsgraph {\n  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true];\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\"];\n")
	drawn := map[*StoryNode]bool{}
	var edges []*StoryEdge
	for _, e := range st.Edges {
		if e.To.Type == "Literal" && !isNumberLabel(e.To.Label) {
			continue
		}
		if strings.HasPrefix(e.Predicate, "schema:jobTitle") {
			continue
		}
		edges = append(edges, e)
		drawn[e.From], drawn[e.To] = true, true
	}
	n := 0
	for _, nd := range st.Nodes {
		if !drawn[nd] {
			continue
		}
		label := nd.Label
		if len(nd.Titles) > 0 {
			label += "\n" + strings.Join(nd.Titles, ", ")
		}
		color := dotColors[nd.Type]
		shape := "box"
		if nd.Type == "Literal" {
			color, shape = "#ffffff", "note"
		}
		if color == "" {
			color = dotColors["Thing"]
		}
		if nd.Type == "Literal" {
			label = humanNumber(nd.Label)
		}
		fmt.Fprintf(bw, "  %s [label=%s, fillcolor=%q, shape=%s];\n", q(nd.ID), q(label), color, shape)
		n++
	}
	for _, e := range edges {
		label := predicateName(e.Predicate)
		width := 1
		if k := len(e.Sources); k > 1 {
			label += fmt.Sprintf(" ×%d", k)
			width = min(k, 5)
		}
		fmt.Fprintf(bw, "  %s -> %s [label=%s, penwidth=%d];\n", q(e.From.ID), q(e.To.ID), q(label), width)
	}
	bw.WriteString("}\n")
	return len(edges), bw.Flush()
}

// humanNumber writes large numbers for people: "110000000" → "110 million".
func humanNumber(s string) string {
	var f float64
	if _, err := fmt.Sscan(s, &f); err != nil {
		return s
	}
	for _, u := range []struct {
		v    float64
		name string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}} {
		if f >= u.v {
			return strconv.FormatFloat(f/u.v, 'f', -1, 64) + " " + u.name
		}
	}
	return s
}

func isNumberLabel(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == 'e' || r == '+') {
			return false
		}
	}
	return true
}
