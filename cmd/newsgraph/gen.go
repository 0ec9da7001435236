package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/corpus"
)

func newGenCmd() *cobra.Command {
	var n int
	var seed int64
	var out string
	cmd := &cobra.Command{
		Use:   "gen -n N -o DIR",
		Short: "Write N generated news-style articles (for benchmarks) into DIR",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			g := corpus.New(seed)
			size := 0
			for i := 0; i < n; i++ {
				a := g.Article(i)
				size += len(a)
				// a folder per thousand keeps directories small
				dir := filepath.Join(out, fmt.Sprintf("%04d", i/1000))
				if i%1000 == 0 {
					if err := os.MkdirAll(dir, 0o755); err != nil {
						return err
					}
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%06d.txt", i)), []byte(a), 0o644); err != nil {
					return err
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d articles (%.1f MB) to %s\n", n, float64(size)/1e6, out)
			return nil
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 1000, "number of articles")
	cmd.Flags().Int64Var(&seed, "seed", 1, "random seed (the same seed gives the same corpus)")
	cmd.Flags().StringVarP(&out, "output", "o", "generated", "directory to write into")
	return cmd
}
