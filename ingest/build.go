package ingest

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
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
	Entities  int `json:"entities"` // distinct, across the build
	Facts     int `json:"facts"`
	// Quads counts quads added to the store (0 when nothing changed).
	Quads int `json:"quads"`
	// Stored counts the articles added or replaced whose quads are
	// committed: after an interrupted build, what a rerun need not redo.
	Stored   int       `json:"stored"`
	Seconds  float64   `json:"seconds"`
	Problems []Problem `json:"-"`
}

// BuildOptions tunes [Build].
type BuildOptions struct {
	MaxBytes   int
	BatchQuads int              // quads per commit; 0: the loader's default
	Workers    int              // extraction workers; 0: one per CPU
	BatchDocs  int              // articles resolved together; 0: 256
	Now        func() time.Time // the build time recorded on articles; time.Now if nil
	Progress   func()           // called once per source
	OnProblem  func(Problem)    // called for each skipped source
}

// extracted is one source's outcome, in source order.
type extracted struct {
	i     int
	name  string
	res   *extract.Result
	err   error
	fatal bool // the extractor failed (cancelled): stop the build
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
	onProblem := func(p Problem) {
		sum.Skipped++
		sum.Problems = append(sum.Problems, p)
		if opt.OnProblem != nil {
			opt.OnProblem(p)
		}
	}
	defer func() { sum.Stored = ld.Articles }()
	files, err := extractInOrder(ctx, x, srcs, opt.MaxBytes, opt.Workers, onProblem, opt.Progress, func(r *extract.Result) error {
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
	if err := st.EndLoad(ctx); err != nil {
		return sum, err
	}
	sum.Entities = len(ents)
	sum.Quads = ld.Quads
	sum.Seconds = time.Since(start).Seconds()
	return sum, nil
}

// extractInOrder reads and extracts srcs on workers goroutines (0: one per
// CPU) and hands each result to take in source order, through a bounded
// window so memory does not grow with the corpus (sources are drawn from
// srcs only as the window allows). Sources that cannot be read go to
// onProblem; progress (if not nil) is called once per source. An
// extractor failure (cancellation) or an error from take stops it. It
// returns the number of sources taken back.
func extractInOrder(ctx context.Context, x *extract.Extractor, srcs iter.Seq[Source], maxBytes, workers int, onProblem func(Problem), progress func(), take func(*extract.Result) error) (int, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// at most `window` sources are in flight or waiting to be taken back
	window := 4 * workers
	slots := make(chan struct{}, window)
	type job struct {
		i   int
		src Source
	}
	jobs := make(chan job)
	out := make(chan extracted, window)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				e := extracted{i: j.i, name: j.src.Name}
				doc, err := j.src.Read(maxBytes)
				if err != nil {
					e.err = err
				} else {
					e.res, e.err = x.Extract(ctx, doc)
					if e.err != nil {
						e.err, e.fatal = fmt.Errorf("extract %s: %w", j.src.Name, e.err), true
					}
				}
				select {
				case out <- e:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	total := -1 // set when srcs is exhausted
	go func() {
		defer close(jobs)
		i := 0
		for s := range srcs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{i, s}:
			case <-ctx.Done():
				return
			}
			i++
		}
		total = i // read after out closes, which follows close(jobs)
	}()
	go func() { wg.Wait(); close(out) }()

	pending := map[int]extracted{}
	next := 0
	for e := range out {
		pending[e.i] = e
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			switch {
			case p.err != nil && !p.fatal:
				onProblem(Problem{p.name, p.err})
			case p.err != nil:
				return next, p.err
			default:
				for _, w := range p.res.Doc.Warnings {
					logRepair(p.name, w)
				}
				if err := take(p.res); err != nil {
					return next, err
				}
			}
			if progress != nil {
				progress()
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return next, err
	}
	if next != total {
		return next, fmt.Errorf("extraction stopped after %d of %d sources", next, total)
	}
	return next, nil
}
