package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

const defaultBase = graph.DefaultBase

type buildFlags struct {
	maxBytes  int
	maxTokens int
	maxFacts  int
	// minConfidence drops less confident facts (see extract.Options)
	minConfidence float64
	batchQuads    int
	docTimeout    time.Duration
	prune         bool
	noSync        bool
	quiet         bool
	cpuProfile    string
	memProfile    string
	web           webFlags
}

func newBuildCmd(g *globalFlags) *cobra.Command {
	f := &buildFlags{}
	cmd := &cobra.Command{
		Use:   "build [--db D] PATH|URL...",
		Short: "Extract facts from articles (files, folders, web pages, URLs, - for stdin) and add them to the store",
		Long: `Build reads every article under the given paths, extracts facts, and loads
them into the store. Re-building an unchanged article adds nothing; a changed
article replaces its old facts. Files that cannot be used, and articles whose
extraction takes longer than --doc-timeout, are reported one line each and
skipped; the exit status is 2 when any file was skipped.

Web pages are read wherever they are: saved .html files (recognised by
their content, whatever their name) and http(s) URLs, given as arguments
or in a file (--urls). The article's text and metadata (title, authors,
date, site, canonical URL) come from the page; a manifest or sidecar
still wins. URLs are fetched politely: one request at a time per host
(--per-host), --fetch-delay between them, robots.txt honoured; with
--cache DIR a rebuild reads the pages saved there and makes no request.
A page that cannot be fetched is one line naming the URL and the reason.

Ctrl-C (or SIGTERM) stops the build: the batch being written is rolled back,
everything committed before it stays, and running the same build again
continues where it stopped. A second Ctrl-C quits at once.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := f.web.inputs(args)
			if err != nil {
				return err
			}
			sum, err := runBuild(runCtx, g, f, paths, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if sum.Skipped > 0 {
				return exitError{2}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&f.maxBytes, "max-bytes", extract.DefaultMaxBytes, "skip files larger than this")
	cmd.Flags().IntVar(&f.maxTokens, "max-sentence-tokens", 120, "extract no facts from longer sentences (lists, tables, run-on scrapes)")
	cmd.Flags().IntVar(&f.maxFacts, "max-facts", 2000, "keep at most this many facts per article")
	cmd.Flags().Float64Var(&f.minConfidence, "min-confidence", 0, minConfidenceHelp)
	cmd.Flags().IntVar(&f.batchQuads, "batch-quads", 0, fmt.Sprintf("commit to the store after this many quads (whole articles only); 0: %d on PostgreSQL, %d on bolt and leveldb (where batches shrink while the heap is over %d MB)",
		graph.DefaultBatchQuads("postgres"), graph.DefaultBatchQuads("bolt"), graph.DefaultHeapTarget>>20))
	cmd.Flags().DurationVar(&f.docTimeout, "doc-timeout", ingest.DefaultDocTimeout, "skip an article whose extraction takes longer than this (0: no limit)")
	cmd.Flags().BoolVar(&f.prune, "prune", false, "after the build, remove stored articles whose files were not found (for a store that mirrors one collection)")
	cmd.Flags().BoolVar(&f.noSync, "nosync", false, "do not fsync each batch (faster; a crash can lose the last batches)")
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar or summary")
	cmd.Flags().StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	cmd.Flags().StringVar(&f.memProfile, "memprofile", "", "write a heap profile at the end of the build to this file (for go tool pprof)")
	f.web.register(cmd)
	return cmd
}

func runBuild(ctx context.Context, g *globalFlags, f *buildFlags, paths []string, stdin io.Reader, stdout, stderr io.Writer) (sum ingest.Summary, err error) {
	if f.cpuProfile != "" {
		stop, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			return sum, err
		}
		defer stop()
	}
	x, err := extract.New(extract.Options{MaxSentenceTokens: f.maxTokens, MaxFacts: f.maxFacts, MinConfidence: f.minConfidence})
	if err != nil {
		return ingest.Summary{}, err
	}
	st, err := graph.Open(ctx, g.db, graph.OpenOptions{Create: true, NoSync: f.noSync, Base: g.base})
	if err != nil {
		return ingest.Summary{}, err
	}
	defer func() {
		// after an error or an interrupt, Close still ends the load
		// (PostgreSQL: restores deferred indexes); say if that fails
		if cerr := st.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	var bar *progressbar.ProgressBar
	if !f.quiet && isTerminal(stderr) {
		bar = newProgressBar(paths, stderr)
	}
	sum, err = ingest.Build(ctx, st, x, ingest.WalkWeb(paths, stdin, f.web.client(f.maxBytes)), ingest.BuildOptions{
		ReadOptions: ingest.ReadOptions{
			MaxBytes:   f.maxBytes,
			DocTimeout: docTimeout(f.docTimeout),
			Progress: func() {
				if bar != nil {
					bar.Add(1)
				}
			},
			OnProblem: func(p ingest.Problem) {
				if bar != nil {
					bar.Clear()
				}
				fmt.Fprintln(stderr, "skipped:", p.Err)
			},
		},
		BatchQuads: f.batchQuads,
		Prune:      f.prune,
	})
	if bar != nil {
		bar.Finish()
	}
	if err != nil && ctx.Err() != nil {
		fmt.Fprintf(stderr, "newsgraph: build interrupted: %d articles of this build are stored in %s; the batch being written was rolled back. Run the same build again to continue.\n", sum.Stored, graph.Redact(st.Address))
		return sum, exitError{130}
	}
	if err != nil {
		return sum, err
	}
	if f.memProfile != "" {
		if err := writeHeapProfile(f.memProfile); err != nil {
			return sum, err
		}
	}
	if !f.quiet {
		fmt.Fprintf(stdout, "%s store %s\n", st.Backend, graph.Redact(st.Address))
		fmt.Fprintf(stdout, "articles   %d (added %d, replaced %d, unchanged %d; skipped files %d)\n", sum.Articles, sum.Added, sum.Replaced, sum.Unchanged, sum.Skipped)
		if f.prune {
			fmt.Fprintf(stdout, "pruned     %d stored articles whose files are gone\n", sum.Pruned)
		}
		fmt.Fprintf(stdout, "sentences  %d\nentities   %d\nfacts      %d\nquads      %d added\nseconds    %.2f\n", sum.Sentences, sum.Entities, sum.Facts, sum.Quads, sum.Seconds)
	}
	return sum, nil
}

// docTimeout turns the --doc-timeout flag into ingest's budget, where 0
// means the default and a negative value no limit.
func docTimeout(flag time.Duration) time.Duration {
	if flag <= 0 {
		return -1
	}
	return flag
}

// newProgressBar returns a bar for the sources under paths, or nil for
// fewer than two. The sources are counted in a first walk of their own,
// so that the build itself never holds the list of them.
func newProgressBar(paths []string, w io.Writer) *progressbar.ProgressBar {
	n := 0
	for range ingest.Walk(paths, nil) {
		n++
	}
	if n < 2 {
		return nil
	}
	return progressbar.NewOptions(n, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("extracting"),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
}

// startCPUProfile starts writing a CPU profile to path; stop ends it.
func startCPUProfile(path string) (stop func(), err error) {
	out, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(out); err != nil {
		out.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() { pprof.StopCPUProfile(); out.Close() }, nil
}

// writeHeapProfile writes the live heap, after a collection, to path.
func writeHeapProfile(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(out); err != nil {
		out.Close()
		return fmt.Errorf("heap profile %s: %w", path, err)
	}
	return out.Close()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
