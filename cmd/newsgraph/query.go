package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func newQueryCmd(g *globalFlags) *cobra.Command {
	var format string
	var limit, width int
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "query [--format table|json] GIZMO | @NAME [ARG...]",
		Short: "Run a Gizmo query, or a shipped query by @name (see `newsgraph queries`)",
		Example: `  newsgraph query 'g.V().Has("<rdfs:label>", "Elon Musk").Out("<schema:jobTitle>").All()'
  newsgraph query @who-did invite
  newsgraph query @said "Dmitry Peskov"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src, err := querySource(args)
			if err != nil {
				return err
			}
			st, err := graph.Open(runCtx, g.db, graph.OpenOptions{Base: g.base})
			if err != nil {
				return err
			}
			defer st.Close()
			return runQuery(runCtx, st, src, format, queries.Options{Limit: limit, Timeout: timeout}, width, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output: table or json")
	cmd.Flags().IntVar(&limit, "limit", 1000, "at most this many results (0: all)")
	cmd.Flags().IntVar(&width, "width", 80, "clip table cells to this many characters (0: no clipping)")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "stop the query after this long")
	return cmd
}

// querySource returns Gizmo source from the arguments: "@name args..."
// selects a shipped query, "-" reads standard input, anything else is Gizmo.
func querySource(args []string) (string, error) {
	switch {
	case strings.HasPrefix(args[0], "@"):
		q, ok := queries.Get(strings.TrimPrefix(args[0], "@"))
		if !ok {
			return "", fmt.Errorf("no shipped query %s; `newsgraph queries` lists them", args[0])
		}
		if req := q.Required(); len(args)-1 < len(req) {
			return "", fmt.Errorf("%s needs %s (%s)", args[0], strings.Join(req, " "), q.Params)
		}
		return q.Bind(args[1:]), nil
	case args[0] == "-":
		raw, err := io.ReadAll(os.Stdin)
		return string(raw), err
	}
	if len(args) > 1 {
		return "", fmt.Errorf("a Gizmo query takes one argument; quote it")
	}
	return args[0], nil
}

func runQuery(ctx context.Context, st *graph.Store, src, format string, opt queries.Options, width int, w io.Writer) error {
	rows, err := queries.Run(ctx, st.QuadStore, src, opt)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if rows == nil {
			rows = []queries.Row{}
		}
		return enc.Encode(rows)
	case "table":
		return queries.WriteTable(ctx, w, rows, src, queries.NewLabeler(st.QuadStore), width)
	}
	return fmt.Errorf("unknown --format %q (want table or json)", format)
}

func newQueriesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "queries [NAME]",
		Short: "List the shipped Gizmo queries, or print one (to paste into the web UI)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if len(args) == 1 {
				q, ok := queries.Get(strings.TrimPrefix(args[0], "@"))
				if !ok {
					return fmt.Errorf("no shipped query %s", args[0])
				}
				_, err := fmt.Fprint(w, q.Source)
				return err
			}
			for _, q := range queries.List() {
				fmt.Fprintf(w, "@%-14s %s\n", q.Name, q.Answers)
				if q.Params != "" {
					fmt.Fprintf(w, "%16s params: %s\n", "", q.Params)
				}
			}
			return nil
		},
	}
}

func newExportCmd(g *globalFlags) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export [--db D] --format nquads|ntriples|turtle|jsonld|graphml|dot [-o FILE]",
		Short: "Write the graph out for RDF tools (full IRIs), Gephi (GraphML) or Graphviz (dot)",
		Long: `export writes the store in one of these formats:
  nquads    every quad; the graph name is the article that states the fact
  ntriples  the distinct triples
  turtle    the distinct triples with prefixes; sources stay reachable through
            the rdf:Statement evidence nodes (prov:wasDerivedFrom)
  jsonld    the quads as named graphs, with an @context of newsgraph's prefixes
  graphml   entities and facts for Gephi or yEd (labels, types, sources)
  dot       entities and facts for Graphviz: newsgraph export --format dot | dot -Tsvg > story.svg
RDF formats include the vocabulary of newsgraph's own terms.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(runCtx, g.db, graph.OpenOptions{Base: g.base})
			if err != nil {
				return err
			}
			defer st.Close()
			w := cmd.OutOrStdout()
			var f *os.File
			if out != "" && out != "-" {
				if f, err = os.Create(out); err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			n, err := st.Export(runCtx, w, format)
			if err != nil {
				return err
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return fmt.Errorf("write %s: %w", out, err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d statements to %s\n", n, out)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "nquads", "output format: "+strings.Join(graph.Formats, ", "))
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

func newImportCmd(g *globalFlags) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "import [--db D] [--format nquads|jsonld] FILE...",
		Short: "Add quads from N-Quads or JSON-LD files (an export, corrections, gazetteers)",
		Long: `import adds the quads of each file to the store. A file is parsed whole
before anything is written, so a malformed file changes nothing; the error
names the file and line. IRIs under newsgraph's namespaces are stored in
their prefixed form, so imported facts join the extracted ones.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(runCtx, g.db, graph.OpenOptions{Create: true, Base: g.base})
			if err != nil {
				return err
			}
			defer st.Close()
			for _, name := range args {
				fm := format
				if fm == "" {
					fm = graph.ImportFormat(name)
				}
				f, err := os.Open(name)
				if err != nil {
					return err
				}
				n, err := st.Import(runCtx, f, name, fm)
				f.Close()
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "imported %d quads from %s\n", n, name)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "input format: nquads or jsonld (default: from the file name)")
	return cmd
}

func newStatsCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "stats [--db D]",
		Short: "Count articles, entities by type, facts and quads in the store",
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(runCtx, g.db, graph.OpenOptions{Base: g.base})
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(runCtx)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "store      %s %s\n", st.Backend, graph.Redact(st.Address))
			fmt.Fprintf(w, "articles   %d\n", s.Articles)
			fmt.Fprintf(w, "entities   %d\n", s.Entities)
			for _, t := range s.TypeOrder {
				fmt.Fprintf(w, "  %-12s %d\n", t, s.ByType[t])
			}
			fmt.Fprintf(w, "facts      %d (fact–article pairs with evidence)\n", s.Facts)
			fmt.Fprintf(w, "quads      %d\n", s.Quads)
			return nil
		},
	}
}
