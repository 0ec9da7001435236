package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
)

func newOpenIECmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "openie [--format tabbed] FILE",
		Short: "Open information extraction: one sentence a line in, CaRB tabbed tuples out",
		Long: `openie reads one sentence a line (plain or Penn-Treebank tokenised) and
writes one extraction a line: sentence, confidence, relation, arg1, arg2, …
(the "tabbed" format of the CaRB benchmark's scorer).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "tabbed" {
				return fmt.Errorf("unknown --format %q (supported: tabbed)", format)
			}
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			x, err := extract.New(extract.Options{})
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			// the lines done before an interrupt are still written out
			err = writeOpenIE(runCtx, w, f, x)
			if ferr := w.Flush(); err == nil && ferr != nil {
				err = fmt.Errorf("openie: write: %w", ferr)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "tabbed", "output format: tabbed")
	return cmd
}

// writeOpenIE writes the tuples of each sentence line of r to w. It stops
// between lines once ctx is done, with the context's cause.
func writeOpenIE(ctx context.Context, w io.Writer, r io.Reader, x *extract.Extractor) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if ctx.Err() != nil {
			return fmt.Errorf("openie: stopped before line %d: %w", n, context.Cause(ctx))
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		for _, t := range x.OpenIE(line) {
			if _, err := fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\n", line, t.Confidence, t.Relation, strings.Join(t.Args, "\t")); err != nil {
				return fmt.Errorf("openie: write: %w", err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("openie: read: %w", err)
	}
	return nil
}
