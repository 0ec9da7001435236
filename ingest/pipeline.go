package ingest

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// DefaultDocTimeout is the time one article may take to extract. A news
// story takes milliseconds; one that takes seconds has hit a defect, and
// the build goes on without it rather than waiting.
const DefaultDocTimeout = 5 * time.Second

// ErrTooSlow marks an article whose extraction ran past its time budget.
var ErrTooSlow = errors.New("took longer than the time budget")

// ReadOptions says how sources are read and extracted.
type ReadOptions struct {
	MaxBytes int // skip files larger than this; 0: extract.DefaultMaxBytes
	// DocTimeout is each article's extraction budget: 0 means
	// DefaultDocTimeout, a negative value no limit.
	DocTimeout time.Duration
	Workers    int           // extraction workers; 0: one per CPU
	Progress   func()        // called once per source
	OnProblem  func(Problem) // called for each source skipped
}

func (o ReadOptions) budget() time.Duration {
	if o.DocTimeout == 0 {
		return DefaultDocTimeout
	}
	return o.DocTimeout
}

// extracted is one source's outcome, in source order.
type extracted struct {
	i       int
	name    string
	article string // the source's article IRI, when known
	res     *extract.Result
	err     error
	fatal   bool // the build must stop (cancelled)
}

// extractInOrder reads and extracts srcs on opt.Workers goroutines and
// hands each result to take in source order, through a bounded window so
// memory does not grow with the corpus (sources are drawn from srcs only
// as the window allows). Sources that cannot be used go to opt.OnProblem:
// unreadable or refused files, articles over their time budget, and an
// article whose ID another source of the run already has. Cancellation of
// ctx or an error from take stops it. It returns the number of sources
// taken back.
func extractInOrder(ctx context.Context, x *extract.Extractor, srcs iter.Seq[Source], opt ReadOptions, take func(*extract.Result) error) (int, error) {
	workers := opt.Workers
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
				e := extractSource(ctx, x, j.src, opt)
				e.i = j.i
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

	ids := idSet{}
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
			if err := hand(p, ids, opt, take); err != nil {
				return next, err
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

// hand passes one outcome on, in source order: a problem to OnProblem, a
// result to take (unless its ID is taken); an error stops the run.
func hand(p extracted, ids idSet, opt ReadOptions, take func(*extract.Result) error) error {
	switch {
	case p.err != nil && p.fatal:
		return p.err
	case p.err != nil:
		report(opt, Problem{Name: p.name, Err: p.err, Article: p.article})
	case !ids.add(p.res.Doc.ID):
		report(opt, Problem{Name: p.name, Article: p.article, Err: fmt.Errorf("%s: another file of this build is already article %q (articles are named by their URL, or by their path under the folder given: build the folders from their common parent)", p.name, p.res.Doc.ID)})
	default:
		for _, w := range p.res.Doc.Warnings {
			logRepair(p.name, w)
		}
		if err := take(p.res); err != nil {
			return err
		}
	}
	if opt.Progress != nil {
		opt.Progress()
	}
	return nil
}

func report(opt ReadOptions, p Problem) {
	if opt.OnProblem != nil {
		opt.OnProblem(p)
	}
}

// has reports whether id was added.
func (s idSet) has(id string) bool {
	_, ok := s[idKey(id)]
	return ok
}

func idKey(id string) [16]byte {
	sum := sha256.Sum256([]byte(id))
	return [16]byte(sum[:16])
}

// idSet holds the article IDs of a run as 16-byte digests (a fixed size
// whatever the length of a URL or path), as the loader remembers
// articles.
type idSet map[[16]byte]struct{}

// add records id and reports whether it was new.
func (s idSet) add(id string) bool {
	k := idKey(id)
	if _, ok := s[k]; ok {
		return false
	}
	s[k] = struct{}{}
	return true
}

// extractSource reads one source and extracts it within its budget.
func extractSource(ctx context.Context, x *extract.Extractor, src Source, opt ReadOptions) extracted {
	e := extracted{name: src.Name}
	doc, err := src.ReadContext(ctx, opt.MaxBytes)
	if err != nil {
		e.err, e.article = err, src.articleIRI() // what a prune must keep
		return e
	}
	e.article = string(graph.ArticleIRI(doc.ID))
	e.res, e.err = extractWithin(ctx, x, doc, opt.budget())
	if e.err != nil && !errors.Is(e.err, ErrTooSlow) {
		e.err, e.fatal = fmt.Errorf("extract %s: %w", src.Name, e.err), true
	}
	return e
}

// extractWithin extracts doc, giving up after budget (if positive). The
// extractor stops at its next sentence once its context ends; should it
// not (a defect inside one sentence), its goroutine is left to finish on
// its own and its result is dropped, so the run goes on either way and
// nothing half-extracted is kept.
func extractWithin(ctx context.Context, x *extract.Extractor, doc *extract.Document, budget time.Duration) (*extract.Result, error) {
	if budget < 0 {
		return x.Extract(ctx, doc)
	}
	dctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	tr := &extract.Trace{}
	type outcome struct {
		res *extract.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		r, err := x.ExtractTraced(dctx, doc, tr)
		done <- outcome{r, err}
	}()
	select {
	case o := <-done:
		if o.err == nil || ctx.Err() != nil || !errors.Is(o.err, context.DeadlineExceeded) {
			return o.res, o.err
		}
	case <-dctx.Done():
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return nil, tooSlow(doc.Name, budget, tr)
}

// tooSlow describes an article over its budget, with the sentence the
// extractor was reading.
func tooSlow(name string, budget time.Duration, tr *extract.Trace) error {
	n, text := tr.Sentence()
	if n == 0 {
		return fmt.Errorf("%s: %w of %s (while cleaning and tagging the text)", name, ErrTooSlow, budget)
	}
	return fmt.Errorf("%s: %w of %s (in sentence %d: %q)", name, ErrTooSlow, budget, n, clip(text, 200))
}

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
