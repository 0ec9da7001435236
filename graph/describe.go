package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// Entity descriptions. An entity's rdf:type and schema:alternateName are
// in the default graph, pooled across articles; what each article itself
// says of the entity is kept in the article's own graph, so that it goes
// with the article:
//
//	<ent:X> <ng:namedAs> "Alvarez" <art:ID>        a name the article uses for X
//	<ent:X> <ng:typedAs> <schema:Person> <art:ID>  the type the article's cues give X
//
// The default-graph description is a function of the contributions
// stored: rdf:type is the class with the most typedAs contributions (a
// tie as the resolver breaks it: [extract.MajorityType]), alternateName
// every namedAs name other than the entity's label. A batch that changes
// an entity's contributions writes only what that changes in its
// description. Names that no article contributes (imported ones, or
// stored by a newsgraph that recorded no contributions) are left alone;
// so is the type of an entity no article types.

// contribution is what a batch does to one entity's contributions: how
// many articles it adds (positive) or removes (negative) for each name
// and class.
type contribution struct {
	ent       quad.Value
	names     map[fingerprint]*nameDelta
	nameOrder []fingerprint
	types     map[quad.IRI]int
}

type nameDelta struct {
	v quad.Value
	d int
}

// contributions are a batch's contribution changes, by entity, in the
// order the entities came.
type contributions struct {
	order []fingerprint
	byEnt map[fingerprint]*contribution
}

// note records that a batch adds (d = 1) or removes (d = -1) the
// labelled quad q, if it is a contribution.
func (c *contributions) note(q quad.Quad, d int) {
	if q.Predicate != NamedAsP && q.Predicate != TypedAsP {
		return
	}
	k := valueKey(q.Subject)
	ch := c.byEnt[k]
	if ch == nil {
		if c.byEnt == nil {
			c.byEnt = map[fingerprint]*contribution{}
		}
		ch = &contribution{ent: q.Subject, names: map[fingerprint]*nameDelta{}, types: map[quad.IRI]int{}}
		c.byEnt[k] = ch
		c.order = append(c.order, k)
	}
	if q.Predicate == TypedAsP {
		if class, ok := q.Object.(quad.IRI); ok {
			ch.types[class] += d
		}
		return
	}
	nk := valueKey(q.Object)
	nd := ch.names[nk]
	if nd == nil {
		nd = &nameDelta{v: q.Object}
		ch.names[nk] = nd
		ch.nameOrder = append(ch.nameOrder, nk)
	}
	nd.d += d
}

// describe rewrites the descriptions of the entities whose contributions
// the batch changes, except those it removes whole (gone).
func (l *Loader) describe(ctx context.Context, b *batch, gone map[fingerprint]bool) error {
	for _, k := range b.contribs.order {
		if gone[k] {
			continue
		}
		ch := b.contribs.byEnt[k]
		rec, err := l.defaults.subject(ctx, ch.ent)
		if err != nil {
			return fmt.Errorf("describe %s: %w", ch.ent, err)
		}
		b.retype(ch, rec)
		b.rename(ch, rec)
	}
	return nil
}

// allClasses are the classes an entity's rdf:type can be.
var allClasses = func() []quad.IRI {
	var out []quad.IRI
	for _, t := range []string{"Person", "Organization", "Place", "Product", "Event", "Other"} {
		out = append(out, ClassOf(t))
	}
	return out
}()

// retype makes the entity's rdf:type the class most of its remaining
// contributions give, when the batch changes them and some remain.
func (b *batch) retype(ch *contribution, rec *subjectRecord) {
	if len(ch.types) == 0 {
		return
	}
	votes, total := map[extract.EntityType]int{}, 0
	for _, m := range []map[quad.IRI]int{rec.types, ch.types} {
		for c, n := range m {
			votes[typeOfClass(c)] += n
			total += n
		}
	}
	if total <= 0 {
		return
	}
	want := ClassOf(string(extract.MajorityType(votes)))
	for _, c := range allClasses {
		q := quad.Quad{Subject: ch.ent, Predicate: TypeP, Object: c}
		switch has := rec.defaults[quadKey(q)]; {
		case has && c != want:
			b.removeDefault(q)
		case !has && c == want:
			b.addDefault(q)
		}
	}
}

// rename gives the entity an alternateName for each name the batch makes
// contributed (unless it is the label), and removes those it leaves
// contributed by no article.
func (b *batch) rename(ch *contribution, rec *subjectRecord) {
	for _, nk := range ch.nameOrder {
		nd := ch.names[nk]
		after := rec.names[nk]+nd.d > 0
		alt := quad.Quad{Subject: ch.ent, Predicate: AltNameP, Object: nd.v}
		switch has := rec.defaults[quadKey(alt)]; {
		case has && !after:
			b.removeDefault(alt)
		case !has && after && !b.isLabel(rec, ch.ent, nd.v):
			b.addDefault(alt)
		}
	}
}

// isLabel reports whether name is the entity's label, stored or written
// by the batch.
func (b *batch) isLabel(rec *subjectRecord, ent, name quad.Value) bool {
	k := quadKey(quad.Quad{Subject: ent, Predicate: LabelP, Object: name})
	return rec.defaults[k] || b.inBatch[k]
}

// addDefault adds a default-graph quad that the store lacks, once.
func (b *batch) addDefault(q quad.Quad) {
	k := quadKey(q)
	if b.inBatch[k] {
		return
	}
	b.inBatch[k] = true
	b.tx.AddQuad(q)
	b.adds++
	b.addedDefaults = append(b.addedDefaults, q)
}

// removeDefault removes a stored default-graph quad.
func (b *batch) removeDefault(q quad.Quad) {
	b.tx.RemoveQuad(q)
	b.removedDefaults = append(b.removedDefaults, q)
}
