// Command newsgraph reads news articles, extracts who-did-what facts with
// their sources, stores them in Cayley and answers Gizmo queries.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
)

// exitError carries a process exit code through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// runCtx is cancelled on the first SIGINT or SIGTERM (see watchSignals);
// cobra v0.0.5 (the version Cayley v0.7.7 builds with) has no per-command
// context, so every command takes this one.
var runCtx = context.Background()

func main() {
	ctx, stop := watchSignals(context.Background(), os.Stderr, os.Exit)
	runCtx = ctx
	err := newRootCmd().Execute()
	code, msg := exitStatus(ctx, err)
	stop()
	if msg != "" {
		fmt.Fprintln(os.Stderr, msg)
	}
	os.Exit(code)
}

type globalFlags struct {
	db      string
	base    string
	verbose bool
}

func newRootCmd() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:           "newsgraph",
		Short:         "Build a knowledge graph of who did what, who said what and who reported it, from news articles",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := slog.LevelWarn
			if g.verbose {
				level = slog.LevelDebug
			}
			slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
		},
	}
	root.PersistentFlags().StringVar(&g.db, "db", "", `store: a bolt directory (default "newsgraph.db"), "mem", "leveldb:DIR" or "postgres://…"`)
	root.PersistentFlags().StringVar(&g.base, "base", "", "base IRI for newsgraph's entities and vocabulary (default "+defaultBase+")")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log progress and repairs")
	root.AddCommand(
		newBuildCmd(g),
		newExtractCmd(),
		newOpenIECmd(),
		newQueryCmd(g),
		newQueriesCmd(),
		newExportCmd(g),
		newImportCmd(g),
		newStatsCmd(g),
		newDemoCmd(g),
		newServeCmd(g),
		newGenCmd(),
		newParseCmd(),
		newTextCmd(),
	)
	return root
}
