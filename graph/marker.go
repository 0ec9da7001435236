package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"
)

// Article identity: an article's IRI is made from its path relative to the
// folder a build was given. Older newsgraph versions used the file's base
// name; a build into such a store would add every article again under its
// new name. The first load into a store (and the creation of a kv store)
// records the scheme in the marker quad
//
//	<ng:graph> <ng:articleIds> "relative-path" .
//
// and a load into a store that holds articles but no marker is refused.
var (
	GraphNode        = quad.IRI("ng:graph")
	ArticleIDsP      = quad.IRI("ng:articleIds")
	ArticleIDsScheme = quad.String("relative-path")
	ArticleIDsMarker = quad.Quad{Subject: GraphNode, Predicate: ArticleIDsP, Object: ArticleIDsScheme}
)

// ErrOldArticleIDs is wrapped by the error of a load into a store built
// by a newsgraph that named articles by file name only.
var ErrOldArticleIDs = errors.New("store names articles by file name only")

// OldArticleIDsError is the error [Loader.Start] returns for such a store.
type OldArticleIDsError struct{ Store string }

func (e *OldArticleIDsError) Error() string {
	return fmt.Sprintf("store %s was built by an older newsgraph that named articles by file name only; build into a new store (--db NEW) or delete %[1]s and rebuild", e.Store)
}

// Is makes errors.Is(err, ErrOldArticleIDs) true.
func (e *OldArticleIDsError) Is(target error) bool { return target == ErrOldArticleIDs }

// checkArticleIDs refuses a store that holds articles (hasArticles) but no
// article identity marker, or a marker of another scheme.
func (s *Store) checkArticleIDs(ctx context.Context, hasArticles bool) error {
	var schemes []quad.Value
	err := s.eachQuad(ctx, quad.Subject, GraphNode, func(q quad.Quad) {
		if q.Predicate == ArticleIDsP && q.Label == nil {
			schemes = append(schemes, q.Object)
		}
	})
	if err != nil {
		return fmt.Errorf("read article identity marker: %w", err)
	}
	for _, v := range schemes {
		if got, _ := quad.NativeOf(v).(string); got != string(ArticleIDsScheme) {
			return fmt.Errorf("store %s names articles by scheme %v, this newsgraph by %v; build into a new store (--db NEW)", s.name(), v, ArticleIDsScheme)
		}
	}
	if hasArticles && len(schemes) == 0 {
		return &OldArticleIDsError{Store: s.name()}
	}
	return nil
}

// name names the store in messages.
func (s *Store) name() string {
	if s.Address == "" {
		return s.Backend
	}
	return Redact(s.Address)
}
