package graph

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// WriteTurtle writes triples (with full IRIs) as Turtle, grouped by
// subject and predicate, with v's prefixes. The quad package has no
// Turtle writer; this one emits the subset Turtle needs for our data:
// IRIs as prefixed names where the local part allows it, plain, language
// and typed literals, no blank nodes.
func WriteTurtle(w io.Writer, triples []quad.Quad, v Vocab) error {
	bw := bufio.NewWriter(w)
	nss := v.Namespaces()
	sort.Slice(nss, func(i, j int) bool { return len(nss[i].Full) > len(nss[j].Full) }) // longest match first
	for _, ns := range v.Namespaces() {
		fmt.Fprintf(bw, "@prefix %s <%s> .\n", ns.Prefix, ns.Full)
	}
	for _, t := range triples {
		if err := checkQuad(t); err != nil {
			return err
		}
	}
	term := func(x quad.Value) string { return turtleTerm(x, nss) }
	sorted := append([]quad.Quad(nil), triples...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if sa, sb := a.Subject.String(), b.Subject.String(); sa != sb {
			return sa < sb
		}
		return a.Predicate.String() < b.Predicate.String()
	})
	var subj, pred string
	for i, t := range sorted {
		s, p, o := term(t.Subject), term(t.Predicate), term(t.Object)
		if p == "rdf:type" {
			p = "a"
		}
		switch {
		case i == 0 || s != subj:
			if i > 0 {
				bw.WriteString(" .\n")
			}
			fmt.Fprintf(bw, "\n%s\n    %s %s", s, p, o)
		case p != pred:
			fmt.Fprintf(bw, " ;\n    %s %s", p, o)
		default:
			fmt.Fprintf(bw, ",\n        %s", o)
		}
		subj, pred = s, p
	}
	if len(sorted) > 0 {
		bw.WriteString(" .\n")
	}
	return bw.Flush()
}

func turtleTerm(x quad.Value, nss []voc.Namespace) string {
	switch v := x.(type) {
	case quad.IRI:
		return turtleIRI(string(v), nss)
	case quad.String:
		return turtleString(string(v))
	case quad.LangString:
		return turtleString(string(v.Value)) + "@" + v.Lang
	case quad.TypedString:
		return turtleString(string(v.Value)) + "^^" + turtleIRI(string(v.Type), nss)
	case quad.TypedStringer:
		return turtleTerm(v.TypedString(), nss)
	case quad.BNode:
		return v.String()
	}
	return turtleString(x.String())
}

// checkQuad returns an error naming q when one of its values cannot be
// written in RDF: a missing value (the store lost the node a quad refers
// to), an empty IRI or blank node, or a literal as subject or predicate.
func checkQuad(q quad.Quad) error {
	bad := func(d quad.Direction, why string) error {
		return fmt.Errorf("quad (subject %s, predicate %s, object %s, label %s): %s %s", show(q.Subject), show(q.Predicate), show(q.Object), show(q.Label), d, why)
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object} {
		v := q.Get(d)
		switch {
		case v == nil:
			return bad(d, "has no value (the store lost its node)")
		case !quad.IsValidValue(v):
			return bad(d, "is empty")
		}
	}
	switch q.Subject.(type) {
	case quad.IRI, quad.BNode:
	default:
		return bad(quad.Subject, "is a literal")
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return bad(quad.Predicate, "is not an IRI")
	}
	return nil
}

// show writes a value for messages; nil is "none".
func show(v quad.Value) string {
	if v == nil {
		return "none"
	}
	return v.String()
}

func turtleIRI(iri string, nss []voc.Namespace) string {
	for _, ns := range nss {
		if local, ok := strings.CutPrefix(iri, ns.Full); ok && validLocal(local) {
			return ns.Prefix + local
		}
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range iri {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(&b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('>')
	return b.String()
}

// validLocal accepts local names made of ASCII letters, digits, '_' and
// '-' (and inner '.'), which every Turtle parser reads as prefixed names.
func validLocal(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ||
			(c == '-' || c == '.') && i > 0
		if !ok {
			return false
		}
	}
	return s[len(s)-1] != '.'
}

func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, "\\u%04X", r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
