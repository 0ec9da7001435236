package main

import (
	"context"
	"fmt"
	"io"
	"os"
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
	maxBytes   int
	maxTokens  int
	maxFacts   int
	batchQuads int
	noSync     bool
	quiet      bool
}

func newBuildCmd(g *globalFlags) *cobra.Command {
	f := &buildFlags{}
	cmd := &cobra.Command{
		Use:   "build [--db D] PATH...",
		Short: "Extract facts from articles (files, folders, - for stdin) and add them to the store",
		Long: `Build reads every article under the given paths, extracts facts, and loads
them into the store. Re-building an unchanged article adds nothing; a changed
article replaces its old facts. Files that cannot be used are reported one
line each and skipped; the exit status is 2 when any file was skipped.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			sum, err := runBuild(runCtx, g, f, args, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
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
	cmd.Flags().IntVar(&f.batchQuads, "batch-quads", 10000, "commit to the store after this many quads (whole articles only)")
	cmd.Flags().BoolVar(&f.noSync, "nosync", false, "do not fsync each batch (faster; a crash can lose the last batches)")
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar or summary")
	return cmd
}

func runBuild(ctx context.Context, g *globalFlags, f *buildFlags, paths []string, stdin io.Reader, stdout, stderr io.Writer) (ingest.Summary, error) {
	srcs, probs := ingest.Collect(paths, stdin)
	for _, p := range probs {
		fmt.Fprintln(stderr, "skipped:", p.Err)
	}
	x, err := extract.New(extract.Options{MaxSentenceTokens: f.maxTokens, MaxFacts: f.maxFacts})
	if err != nil {
		return ingest.Summary{}, err
	}
	st, err := graph.Open(ctx, g.db, graph.OpenOptions{Create: true, NoSync: f.noSync, Base: g.base})
	if err != nil {
		return ingest.Summary{}, err
	}
	defer st.Close()
	var bar *progressbar.ProgressBar
	if !f.quiet && isTerminal(stderr) && len(srcs) > 1 {
		bar = progressbar.NewOptions(len(srcs), progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("extracting"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	sum, err := ingest.Build(ctx, st, x, srcs, ingest.BuildOptions{
		MaxBytes:   f.maxBytes,
		BatchQuads: f.batchQuads,
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
	})
	if bar != nil {
		bar.Finish()
	}
	sum.Skipped += len(probs)
	sum.Files += len(probs)
	if err != nil {
		return sum, err
	}
	if !f.quiet {
		fmt.Fprintf(stdout, "%s store %s\n", st.Backend, st.Address)
		fmt.Fprintf(stdout, "articles   %d (added %d, replaced %d, unchanged %d; skipped files %d)\n", sum.Articles, sum.Added, sum.Replaced, sum.Unchanged, sum.Skipped)
		fmt.Fprintf(stdout, "sentences  %d\nentities   %d\nfacts      %d\nquads      %d added\nseconds    %.2f\n", sum.Sentences, sum.Entities, sum.Facts, sum.Quads, sum.Seconds)
	}
	return sum, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
