package ingest

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Summary counts what a build did.
type Summary struct {
	Files     int `json:"files"`
	Articles  int `json:"articles"` // extracted successfully
	Added     int `json:"added"`
	Replaced  int `json:"replaced"`
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"` // files that could not be used
	Sentences int `json:"sentences"`
	Entities  int `json:"entities"` // distinct, across the build
	Facts     int `json:"facts"`
	// Quads counts quads added to the store (0 when nothing changed).
	Quads  int `json:"quads"`
	Pruned int `json:"pruned"` // stored articles removed by BuildOptions.Prune
	// Stored counts the articles added or replaced whose quads are
	// committed: after an interrupted build, what a rerun need not redo.
	Stored   int       `json:"stored"`
	Seconds  float64   `json:"seconds"`
	Problems []Problem `json:"-"`
}

// BuildOptions tunes [Build].
type BuildOptions struct {
	ReadOptions
	BatchQuads int              // quads per commit; 0: the loader's default
	BatchDocs  int              // articles resolved together; 0: 256
	Now        func() time.Time // the build time recorded on articles; time.Now if nil
	// Prune removes, after a build that ran to its end, the stored
	// articles it did not find: those of files deleted since the last
	// build. An article whose file was found but skipped is kept. For a
	// store that mirrors one collection.
	Prune bool
}

// Build streams srcs through the extractor and into st: workers read and
// extract articles in parallel; results are taken back in source order
// (through a bounded window, so memory does not grow with the corpus),
// resolved in batches against the entities already known — including
// those stored by earlier builds — and loaded in whole-article commits.
func Build(ctx context.Context, st *graph.Store, x *extract.Extractor, srcs iter.Seq[Source], opt BuildOptions) (sum Summary, err error) {
	start := time.Now()
	batchDocs := opt.BatchDocs
	if batchDocs <= 0 {
		batchDocs = 256
	}
	ld := graph.NewLoader(st)
	if opt.BatchQuads > 0 {
		ld.BatchQuads = opt.BatchQuads
	}
	if opt.Now != nil {
		ld.SetNow(opt.Now)
	}
	// the load lock first: the entities read next include those of a
	// build that was writing to the same database
	if err := ld.Start(ctx); err != nil {
		return sum, err
	}
	rv := extract.NewResolver()
	if err := st.KnownEntities(ctx, rv.Know); err != nil {
		return sum, fmt.Errorf("read stored entities: %w", err)
	}
	ents := map[string]bool{}
	var batch []*extract.Result
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rv.Resolve(batch)
		for _, r := range batch {
			sum.Articles++
			sum.Sentences += r.Sentences
			sum.Facts += len(r.Facts)
			for _, e := range r.Entities {
				ents[e.ID] = true
			}
			status, _, err := ld.Add(ctx, r)
			if err != nil {
				return fmt.Errorf("load %s: %w", r.Doc.Name, err)
			}
			switch status {
			case graph.Added:
				sum.Added++
			case graph.Replaced:
				sum.Replaced++
			case graph.Unchanged:
				sum.Unchanged++
			}
		}
		batch = batch[:0]
		return nil
	}
	read := opt.ReadOptions
	skipped := idSet{} // the articles of sources found but skipped: kept by Prune
	read.OnProblem = func(p Problem) {
		skipped.add(p.Article)
		sum.Skipped++
		sum.Problems = append(sum.Problems, p)
		if opt.OnProblem != nil {
			opt.OnProblem(p)
		}
	}
	defer func() { sum.Stored = ld.Articles }()
	files, err := extractInOrder(ctx, x, srcs, read, func(r *extract.Result) error {
		batch = append(batch, r)
		if len(batch) >= batchDocs {
			return flush()
		}
		return nil
	})
	sum.Files = files
	if err != nil {
		return sum, err
	}
	if err := flush(); err != nil {
		return sum, err
	}
	if err := ld.Flush(ctx); err != nil {
		return sum, err
	}
	if opt.Prune {
		keep := func(a quad.IRI) bool { return ld.Seen(a) || skipped.has(string(a)) }
		if sum.Pruned, err = ld.Prune(ctx, keep); err != nil {
			return sum, fmt.Errorf("remove articles whose files are gone: %w", err)
		}
	}
	if err := st.EndLoad(ctx); err != nil {
		return sum, err
	}
	sum.Entities = len(ents)
	sum.Quads = ld.Quads
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}
