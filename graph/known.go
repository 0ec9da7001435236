package graph

import (
	"context"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// KnownEntities calls fn with every entity stored by earlier builds: its
// name, aliases and type, its job titles and the IDs of its organisations
// and countries. A build gives them to its resolver so that new articles
// merge into stored entities.
func (s *Store) KnownEntities(ctx context.Context, fn func(e extract.Entity, titles, orgs []string)) error {
	type info struct {
		e            extract.Entity
		titles, orgs []string
	}
	m := map[string]*info{}
	get := func(v quad.Value) *info {
		iri, ok := v.(quad.IRI)
		if !ok || !strings.HasPrefix(string(iri), "ent:") {
			return nil
		}
		id := strings.TrimPrefix(string(iri), "ent:")
		i := m[id]
		if i == nil {
			i = &info{e: extract.Entity{ID: id}}
			m[id] = i
		}
		return i
	}
	text := func(v quad.Value) string {
		if s, ok := quad.NativeOf(v).(string); ok {
			return s
		}
		return quad.StringOf(v)
	}
	steps := []struct {
		p quad.IRI
		f func(i *info, q quad.Quad)
	}{
		{TypeP, func(i *info, q quad.Quad) {
			if c, ok := q.Object.(quad.IRI); ok {
				i.e.Type = typeOfClass(c)
			}
		}},
		{LabelP, func(i *info, q quad.Quad) { i.e.Name = text(q.Object) }},
		{AltNameP, func(i *info, q quad.Quad) { i.e.Aliases = append(i.e.Aliases, text(q.Object)) }},
		{Predicate("jobTitle", false), func(i *info, q quad.Quad) { i.titles = append(i.titles, text(q.Object)) }},
		{Predicate("worksFor", false), func(i *info, q quad.Quad) { i.orgs = append(i.orgs, entityID(q.Object)) }},
		{Predicate("nationality", false), func(i *info, q quad.Quad) { i.orgs = append(i.orgs, entityID(q.Object)) }},
	}
	for _, st := range steps {
		err := s.eachQuad(ctx, quad.Predicate, st.p, func(q quad.Quad) {
			if i := get(q.Subject); i != nil {
				st.f(i, q)
			}
		})
		if err != nil {
			return err
		}
	}
	for _, i := range m {
		if i.e.Name != "" && i.e.Type != "" {
			fn(i.e, i.titles, i.orgs)
		}
	}
	return nil
}

func entityID(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return strings.TrimPrefix(string(iri), "ent:")
	}
	return ""
}

// typeOfClass maps a schema.org class back to the extractor's type.
func typeOfClass(c quad.IRI) extract.EntityType {
	for t, cl := range classes {
		if cl == c {
			return extract.EntityType(t)
		}
	}
	return extract.Other
}
