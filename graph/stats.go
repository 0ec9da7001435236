package graph

import (
	"context"
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
)

// Stats counts what the store holds.
type Stats struct {
	Articles  int64
	Entities  int64
	ByType    map[string]int64
	TypeOrder []string
	Facts     int64
	Quads     int64
}

// Stats counts articles, entities by class, evidence statements and quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	qs := s.QuadStore
	out := Stats{ByType: map[string]int64{}}
	count := func(class quad.IRI) (int64, error) {
		return path.StartPath(qs).Has(TypeP, class).Iterate(ctx).Count()
	}
	var err error
	if out.Articles, err = count(NewsArticleC); err != nil {
		return out, err
	}
	if out.Facts, err = count(StatementC); err != nil {
		return out, err
	}
	for _, t := range []string{"Person", "Organization", "Place", "Product", "Event", "Other"} {
		n, err := count(ClassOf(t))
		if err != nil {
			return out, err
		}
		name := strings.TrimPrefix(string(ClassOf(t)), "schema:")
		out.ByType[name] = n
		out.TypeOrder = append(out.TypeOrder, name)
		out.Entities += n
	}
	out.Quads, err = s.quadCount(ctx)
	return out, err
}

// quadCount counts the stored quads. Cayley's SQL store keeps the count
// from its first exact count until its own writer writes, so after loads
// through the COPY path (which goes past that writer) it would report a
// stale number: on PostgreSQL the quads are counted in SQL instead.
func (s *Store) quadCount(ctx context.Context) (int64, error) {
	if s.bulk != nil {
		return s.bulk.countQuads(ctx)
	}
	st, err := s.QuadStore.Stats(ctx, true)
	if err != nil {
		return 0, err
	}
	return st.Quads.Size, nil
}
