package graph

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// batch is one commit's exact deltas, worked out from the open plans.
type batch struct {
	tx   *graph.Transaction
	adds int
	// default-graph quads the commit adds and removes, by subject, for
	// the loader's record of what is stored
	addedDefaults, removedDefaults []quad.Quad
	// inBatch holds the default-graph quads the commit adds or finds
	// stored
	inBatch map[fingerprint]bool
	// contribs is what the commit does to entities' contributions
	contribs contributions
}

// quadKey identifies a quad by Cayley's hashes of its values: what a
// store takes to be the same quad, whatever Go value it was read back as.
func quadKey(q quad.Quad) fingerprint {
	h := sha256.New()
	for _, d := range quad.Directions {
		v := graph.HashOf(q.Get(d))
		h.Write(v[:])
	}
	var f fingerprint
	copy(f[:], h.Sum(nil))
	return f
}

// batch works out the open batch's deltas: for each article the stored
// quads its new version lacks are removed and the new version's quads not
// stored are added; default-graph quads (entity labels, namespaces) are
// added once and only when not stored; the entities that removed quads
// leave unused by any article lose their descriptions, so that their
// nodes go too; and the entities whose contributions change get the type
// and alternate names that the remaining ones give (see describe.go).
func (l *Loader) batch(ctx context.Context) (*batch, error) {
	b := &batch{tx: graph.NewTransaction(), inBatch: map[fingerprint]bool{}}
	removed := map[fingerprint]bool{} // labelled quads this batch removes
	used := map[quad.Value]bool{}     // objects of labelled quads after it
	var candidates []quad.Value
	var defaults []quad.Quad
	if !l.nsWritten {
		defaults = append(defaults, l.st.Vocab.initialQuads()...)
	}
	for _, p := range l.plans {
		keep := map[fingerprint]bool{}
		for _, q := range p.adds {
			if q.Label == nil {
				defaults = append(defaults, q)
				continue
			}
			keep[quadKey(q)] = true
			used[q.Object] = true
		}
		stored := map[fingerprint]bool{}
		for _, q := range p.old {
			k := quadKey(q)
			stored[k] = true
			if keep[k] {
				continue
			}
			b.tx.RemoveQuad(q)
			removed[k] = true
			candidates = append(candidates, entityValues(q)...)
			b.contribs.note(q, -1)
		}
		added := map[fingerprint]bool{}
		for _, q := range p.adds {
			k := quadKey(q)
			if q.Label == nil || stored[k] || added[k] {
				continue
			}
			added[k] = true
			b.tx.AddQuad(q)
			b.adds++
			b.contribs.note(q, 1)
		}
	}
	if err := l.addDefaults(ctx, b, defaults); err != nil {
		return nil, err
	}
	gone, err := l.removeUnused(ctx, b, candidates, used, removed)
	if err != nil {
		return nil, err
	}
	if err := l.describe(ctx, b, gone); err != nil {
		return nil, err
	}
	return b, nil
}

// entityValues returns the entity IRIs a quad refers to.
func entityValues(q quad.Quad) []quad.Value {
	var out []quad.Value
	for _, v := range []quad.Value{q.Subject, q.Object} {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), "ent:") {
			out = append(out, v)
		}
	}
	return out
}

// addDefaults adds the default-graph quads that are neither stored nor
// already in the batch.
func (l *Loader) addDefaults(ctx context.Context, b *batch, qs []quad.Quad) error {
	for _, q := range qs {
		k := quadKey(q)
		if b.inBatch[k] {
			continue
		}
		has, err := l.defaults.has(ctx, q.Subject, k)
		if err != nil {
			return fmt.Errorf("look up %s: %w", q.Subject, err)
		}
		if has {
			b.inBatch[k] = true
			continue
		}
		b.addDefault(q)
	}
	return nil
}

// removeUnused removes the descriptions (default-graph quads) of the
// candidate entities that no article refers to once the batch is written:
// none of the batch's labelled quads has them as object, and no stored
// labelled quad that the batch keeps does. It returns those entities, by
// value key.
func (l *Loader) removeUnused(ctx context.Context, b *batch, candidates []quad.Value, used map[quad.Value]bool, removed map[fingerprint]bool) (map[fingerprint]bool, error) {
	done, gone := map[quad.Value]bool{}, map[fingerprint]bool{}
	for _, e := range candidates {
		if used[e] || done[e] {
			continue
		}
		done[e] = true
		inUse, err := l.st.referenced(ctx, e, removed)
		if err != nil {
			return nil, fmt.Errorf("check use of %s: %w", e, err)
		}
		if inUse {
			continue
		}
		gone[valueKey(e)] = true
		err = l.st.eachQuad(ctx, quad.Subject, e, func(q quad.Quad) {
			if q.Label == nil {
				b.removeDefault(q)
			}
		})
		if err != nil {
			return nil, fmt.Errorf("remove description of %s: %w", e, err)
		}
	}
	return gone, nil
}

// referenced reports whether a stored labelled quad not in removed has v
// as its object: an article (or an imported graph) still refers to it.
func (s *Store) referenced(ctx context.Context, v quad.Value, removed map[fingerprint]bool) (bool, error) {
	qs := s.QuadStore
	ref := qs.ValueOf(v)
	if ref == nil {
		return false, nil
	}
	it := qs.QuadIterator(quad.Object, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Label != nil && !removed[quadKey(q)] {
			return true, nil
		}
	}
	return false, it.Err()
}

// defaultGraph remembers, per subject, which default-graph quads the store
// holds and how many articles contribute each name and type (see
// describe.go), read once per subject in a load, so that a batch adds
// only the quads the store lacks and rewrites descriptions without
// reading them again. It holds 16 bytes per default-graph quad (entities
// have four or five) and 16 per name and class contributed.
type defaultGraph struct {
	st     *Store
	bySubj map[fingerprint]*subjectRecord
}

// subjectRecord is what defaultGraph remembers of one subject.
type subjectRecord struct {
	defaults map[fingerprint]bool // default-graph quads, by quad key
	names    map[fingerprint]int  // ng:namedAs value → articles
	types    map[quad.IRI]int     // ng:typedAs class → articles
}

func newDefaultGraph(st *Store) *defaultGraph {
	return &defaultGraph{st: st, bySubj: map[fingerprint]*subjectRecord{}}
}

// has reports whether the store holds the default-graph quad with key k
// and subject subj.
func (d *defaultGraph) has(ctx context.Context, subj quad.Value, k fingerprint) (bool, error) {
	rec, err := d.subject(ctx, subj)
	if err != nil {
		return false, err
	}
	return rec.defaults[k], nil
}

func (d *defaultGraph) subject(ctx context.Context, subj quad.Value) (*subjectRecord, error) {
	sk := valueKey(subj)
	if rec, ok := d.bySubj[sk]; ok {
		return rec, nil
	}
	rec := &subjectRecord{defaults: map[fingerprint]bool{}}
	err := d.st.eachQuad(ctx, quad.Subject, subj, rec.read)
	if err != nil {
		return nil, err
	}
	d.bySubj[sk] = rec
	return rec, nil
}

// read records one stored quad of the subject.
func (r *subjectRecord) read(q quad.Quad) {
	switch {
	case q.Label == nil:
		r.defaults[quadKey(q)] = true
	case q.Predicate == NamedAsP:
		r.addName(valueKey(q.Object), 1)
	case q.Predicate == TypedAsP:
		if class, ok := q.Object.(quad.IRI); ok {
			r.addType(class, 1)
		}
	}
}

// addName counts n more articles (fewer when negative) naming the
// subject by the value with key k.
func (r *subjectRecord) addName(k fingerprint, n int) {
	if r.names == nil {
		r.names = map[fingerprint]int{}
	}
	r.names[k] += n
}

// addType counts n more articles typing the subject as class.
func (r *subjectRecord) addType(class quad.IRI, n int) {
	if r.types == nil {
		r.types = map[quad.IRI]int{}
	}
	r.types[class] += n
}

// committed updates the record with a written batch.
func (d *defaultGraph) committed(b *batch) {
	for _, q := range b.addedDefaults {
		if rec, ok := d.bySubj[valueKey(q.Subject)]; ok {
			rec.defaults[quadKey(q)] = true
		}
	}
	for _, q := range b.removedDefaults {
		if rec, ok := d.bySubj[valueKey(q.Subject)]; ok {
			delete(rec.defaults, quadKey(q))
		}
	}
	for k, ch := range b.contribs.byEnt {
		rec, ok := d.bySubj[k]
		if !ok {
			continue
		}
		for nk, nd := range ch.names {
			rec.addName(nk, nd.d)
		}
		for c, n := range ch.types {
			rec.addType(c, n)
		}
	}
}

func valueKey(v quad.Value) fingerprint {
	h := graph.HashOf(v)
	var f fingerprint
	copy(f[:], h[:])
	return f
}

// notStored returns the quads of qs, once each, that the store lacks.
// It reads the stored quads of each subject once.
func (s *Store) notStored(ctx context.Context, qs []quad.Quad) ([]quad.Quad, error) {
	bySubj := map[fingerprint]map[fingerprint]bool{}
	seen := map[fingerprint]bool{}
	var out []quad.Quad
	for _, q := range qs {
		k := quadKey(q)
		if seen[k] {
			continue
		}
		seen[k] = true
		sk := valueKey(q.Subject)
		set, ok := bySubj[sk]
		if !ok {
			set = map[fingerprint]bool{}
			if err := s.eachQuad(ctx, quad.Subject, q.Subject, func(q quad.Quad) { set[quadKey(q)] = true }); err != nil {
				return nil, fmt.Errorf("look up %s: %w", q.Subject, err)
			}
			bySubj[sk] = set
		}
		if !set[k] {
			out = append(out, q)
		}
	}
	return out, nil
}
