package main

import (
	"bufio"
	"fmt"
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
			defer w.Flush()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				if line == "" {
					continue
				}
				for _, t := range x.OpenIE(line) {
					fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\n", line, t.Confidence, t.Relation, strings.Join(t.Args, "\t"))
				}
			}
			return sc.Err()
		},
	}
	cmd.Flags().StringVar(&format, "format", "tabbed", "output format: tabbed")
	return cmd
}
