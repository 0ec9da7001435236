package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// Short maps a full IRI under one of v's namespaces to its stored,
// prefixed form; other IRIs are returned unchanged.
func (v Vocab) Short(iri quad.IRI) quad.IRI {
	s := string(iri)
	best := ""
	var short string
	for _, ns := range v.Namespaces() {
		if strings.HasPrefix(s, ns.Full) && len(ns.Full) > len(best) && len(s) > len(ns.Full) {
			best, short = ns.Full, ns.Prefix+s[len(ns.Full):]
		}
	}
	if best == "" {
		return iri
	}
	return quad.IRI(short)
}

// ShortQuad stores q's IRIs in prefixed form (datatypes stay full, as the
// loader writes them).
func (v Vocab) ShortQuad(q quad.Quad) quad.Quad {
	sh := func(x quad.Value) quad.Value {
		if iri, ok := x.(quad.IRI); ok {
			return v.Short(iri)
		}
		return x
	}
	return quad.Quad{Subject: sh(q.Subject), Predicate: sh(q.Predicate), Object: sh(q.Object), Label: sh(q.Label)}
}

// ImportFormat guesses the format of a file from its name.
func ImportFormat(name string) string {
	switch {
	case strings.HasSuffix(name, ".jsonld"), strings.HasSuffix(name, ".json"):
		return "jsonld"
	}
	return "nquads"
}

// Import reads N-Quads or JSON-LD (full IRIs, as Export writes them) and
// adds the quads to the store. The whole input is parsed before anything
// is written, so a malformed file changes nothing; the error names the
// line. Quads already present are skipped. name is used in messages.
func (s *Store) Import(ctx context.Context, r io.Reader, name, format string) (n int, err error) {
	defer func() {
		// a parser that panics on odd input must not take the process down
		if p := recover(); p != nil {
			n, err = 0, fmt.Errorf("import %s: unreadable %s input (%v)", name, format, p)
		}
	}()
	v, err := s.StoredVocab(ctx)
	if err != nil {
		return 0, err
	}
	var quads []quad.Quad
	switch format {
	case "nquads":
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64*1024), 16<<20)
		line := 0
		for sc.Scan() {
			line++
			text := strings.TrimSpace(sc.Text())
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			q, err := nquads.Parse(text)
			if err != nil {
				return 0, fmt.Errorf("import %s: line %d: %v", name, line, err)
			}
			if !q.IsValid() {
				return 0, fmt.Errorf("import %s: line %d: incomplete quad", name, line)
			}
			quads = append(quads, v.ShortQuad(q))
		}
		if err := sc.Err(); err != nil {
			return 0, fmt.Errorf("import %s: line %d: %w", name, line+1, err)
		}
	case "jsonld":
		jr := jsonld.NewReader(r)
		for {
			q, err := jr.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return 0, fmt.Errorf("import %s: %w", name, err)
			}
			quads = append(quads, v.ShortQuad(q))
		}
	default:
		return 0, fmt.Errorf("import %s: unknown format %q (nquads or jsonld)", name, format)
	}
	if len(quads) == 0 {
		return 0, fmt.Errorf("import %s: no quads", name)
	}
	// only what is not stored: Cayley's kv stores count a reference for
	// every added quad, written or not, and would never free its nodes
	add, err := s.notStored(ctx, append(s.Vocab.namespaceQuads(), quads...))
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", name, err)
	}
	tx := graph.NewTransaction()
	for _, q := range add {
		tx.AddQuad(q)
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := s.QuadWriter.ApplyTransaction(tx); err != nil {
		return 0, fmt.Errorf("import %s: write: %w", name, err)
	}
	return len(quads), nil
}
