package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// Formats lists the export formats.
var Formats = []string{"nquads", "ntriples", "turtle", "jsonld", "graphml", "dot"}

// Export writes the store in format to w and returns the number of
// statements (quads, triples or edges) written.
//
//   - nquads: every quad, the graph name being the source article;
//   - ntriples, turtle: the distinct triples; provenance stays in the
//     graph as rdf:Statement evidence nodes (prov:wasDerivedFrom the
//     article), not RDF-star;
//   - jsonld: the quads as named graphs, compacted with an @context of
//     newsgraph's prefixes;
//   - graphml, dot: the story graph for Gephi/yEd and Graphviz (see Story).
//
// RDF formats include the vocabulary document for newsgraph's own terms.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) (int, error) {
	switch format {
	case "graphml", "dot":
		st, err := s.Story(ctx)
		if err != nil {
			return 0, err
		}
		if format == "dot" {
			return st.WriteDot(w)
		}
		return st.WriteGraphML(w)
	}
	v, err := s.StoredVocab(ctx)
	if err != nil {
		return 0, err
	}
	var quads []quad.Quad
	used := map[quad.IRI]bool{}
	err = s.EachQuad(ctx, func(q quad.Quad) error {
		quads = append(quads, q)
		if p, ok := q.Predicate.(quad.IRI); ok {
			used[p] = true
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	quads = distinctQuads(append(quads, v.Document(used)...))
	switch format {
	case "nquads":
		return writeQuads(nquads.NewWriter(w), quads)
	case "ntriples":
		return writeQuads(nquads.NewWriter(w), DistinctTriples(quads))
	case "turtle":
		triples := DistinctTriples(quads)
		return len(triples), WriteTurtle(w, triples, v)
	case "jsonld":
		jw := jsonld.NewWriter(w)
		jw.SetLdContext(v.JSONLDContext())
		return writeQuads(jw, quads)
	}
	return 0, fmt.Errorf("unknown export format %q (supported: %s)", format, strings.Join(Formats, ", "))
}

func writeQuads(w quad.WriteCloser, qs []quad.Quad) (int, error) {
	if n, err := w.WriteQuads(qs); err != nil {
		return n, fmt.Errorf("write quad %d of %d: %w", n+1, len(qs), err)
	}
	return len(qs), w.Close()
}

// distinctQuads drops repeated quads (an imported vocabulary document is
// in the store and is added again on export).
func distinctQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[string]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if k := q.NQuad(); !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}

// DistinctTriples drops graph names and duplicates, sorted for stable
// output.
func DistinctTriples(qs []quad.Quad) []quad.Quad {
	seen := map[string]bool{}
	var out []quad.Quad
	for _, q := range qs {
		t := quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}
		k := t.NQuad()
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NQuad() < out[j].NQuad() })
	return out
}

// JSONLDContext maps newsgraph's prefixes to their namespaces.
func (v Vocab) JSONLDContext() map[string]any {
	ctx := map[string]any{}
	for _, ns := range v.Namespaces() {
		ctx[strings.TrimSuffix(ns.Prefix, ":")] = ns.Full
	}
	return ctx
}
