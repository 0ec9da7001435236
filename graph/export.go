package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// StoredVocab returns the vocabulary recorded in the store by the loader
// (its base IRI), or the default one for an empty store.
func (s *Store) StoredVocab(ctx context.Context) (Vocab, error) {
	var ns voc.Namespaces
	if err := schema.NewConfig().LoadNamespaces(ctx, s.QuadStore, &ns); err != nil {
		return Vocab{}, fmt.Errorf("load namespaces: %w", err)
	}
	for _, n := range ns.List() {
		if n.Prefix == "ng:" {
			return Vocab{Base: strings.TrimSuffix(n.Full, "vocab#")}, nil
		}
	}
	return s.Vocab, nil
}

// isInternal reports quads that are Cayley's bookkeeping (its namespace
// records), not data.
func isInternal(q quad.Quad) bool {
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), "cayley:") {
			return true
		}
	}
	return false
}

// FullQuad expands every short IRI of q with v.
func (v Vocab) FullQuad(q quad.Quad) quad.Quad {
	exp := func(x quad.Value) quad.Value {
		switch t := x.(type) {
		case quad.IRI:
			return v.Full(t)
		case quad.TypedString:
			t.Type = v.Full(t.Type)
			return t
		case quad.TypedStringer:
			// quad's native numbers, booleans and times name their
			// datatypes in short form ("xsd:integer")
			ts := t.TypedString()
			ts.Type = v.Full(ts.Type)
			return ts
		}
		return x
	}
	return quad.Quad{Subject: exp(q.Subject), Predicate: exp(q.Predicate), Object: exp(q.Object), Label: exp(q.Label)}
}

// EachQuad calls fn with every data quad in the store, IRIs expanded.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad) error) error {
	v, err := s.StoredVocab(ctx)
	if err != nil {
		return err
	}
	qs := s.QuadStore
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if isInternal(q) {
			continue
		}
		if err := fn(v.FullQuad(q)); err != nil {
			return err
		}
	}
	return it.Err()
}
