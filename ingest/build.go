package ingest

import (
	"context"
	"fmt"
	"time"

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
	Entities  int `json:"entities"` // distinct, across the batch
	Facts     int `json:"facts"`
	// Quads counts quads added to the store (0 when nothing changed).
	Quads    int       `json:"quads"`
	Seconds  float64   `json:"seconds"`
	Problems []Problem `json:"-"`
}

// BuildOptions tunes [Build].
type BuildOptions struct {
	MaxBytes   int
	BatchQuads int           // 0: the loader's default
	Progress   func()        // called once per source
	OnProblem  func(Problem) // called for each skipped source
}

// Build extracts srcs and loads the results into st.
func Build(ctx context.Context, st *graph.Store, x *extract.Extractor, srcs []Source, opt BuildOptions) (Summary, error) {
	start := time.Now()
	sum := Summary{Files: len(srcs)}
	onProblem := func(p Problem) {
		sum.Skipped++
		sum.Problems = append(sum.Problems, p)
		if opt.OnProblem != nil {
			opt.OnProblem(p)
		}
	}
	results, err := ExtractAll(ctx, x, srcs, opt.MaxBytes, onProblem, opt.Progress)
	if err != nil {
		return sum, err
	}
	ld := graph.NewLoader(st)
	if opt.BatchQuads > 0 {
		ld.BatchQuads = opt.BatchQuads
	}
	ents := map[string]bool{}
	for _, r := range results {
		sum.Articles++
		sum.Sentences += r.Sentences
		sum.Facts += len(r.Facts)
		for _, e := range r.Entities {
			ents[e.ID] = true
		}
		status, _, err := ld.Add(ctx, r)
		if err != nil {
			return sum, fmt.Errorf("load %s: %w", r.Doc.Name, err)
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
	if err := ld.Flush(ctx); err != nil {
		return sum, err
	}
	sum.Entities = len(ents)
	sum.Quads = ld.Quads
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}
