package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"
)

// Prune removes every stored article for which keep returns false: all
// quads labelled with it, and the descriptions of the entities that no
// other article refers to, as replacing an article does. Articles are
// removed whole, in the loader's batches; what is queued by Add is
// committed first. It returns the number of articles removed.
func (l *Loader) Prune(ctx context.Context, keep func(article quad.IRI) bool) (int, error) {
	if err := l.Start(ctx); err != nil {
		return 0, err
	}
	if err := l.Flush(ctx); err != nil {
		return 0, err
	}
	var gone []quad.IRI
	err := l.st.eachArticle(ctx, func(a quad.IRI, _ string) {
		if !keep(a) {
			gone = append(gone, a)
		}
	})
	if err != nil {
		return 0, fmt.Errorf("list stored articles: %w", err)
	}
	before := l.Removed
	for _, a := range gone {
		if err := l.queueRemoval(ctx, a); err != nil {
			return l.Removed - before, err
		}
	}
	if err := l.Flush(ctx); err != nil {
		return l.Removed - before, err
	}
	return l.Removed - before, nil
}

// PruneUnseen removes the stored articles that were not given to Add
// during this load (see [Loader.Prune]): after a build of a whole corpus,
// the articles whose files are gone.
func (l *Loader) PruneUnseen(ctx context.Context) (int, error) {
	return l.Prune(ctx, l.Seen)
}

// Seen reports whether the article was given to Add during this load,
// whatever the outcome.
func (l *Loader) Seen(article quad.IRI) bool { return l.seen[fingerprintOf(string(article))] }

// queueRemoval adds the removal of one article to the open batch.
func (l *Loader) queueRemoval(ctx context.Context, art quad.IRI) error {
	key := fingerprintOf(string(art))
	if _, ok := l.pending[key]; ok {
		return nil
	}
	p, err := l.planFor(ctx, art, key, true)
	if err != nil {
		return fmt.Errorf("remove %s: %w", art, err)
	}
	p.prune = true
	if l.size >= l.BatchQuads {
		return l.Flush(ctx)
	}
	return nil
}
