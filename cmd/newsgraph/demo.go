package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/queries"
)

func newDemoCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "demo [--db D]",
		Short: "Build the sample articles into the store and answer the story's questions",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDemo(runCtx, g, cmd.OutOrStdout())
		},
	}
}

func runDemo(ctx context.Context, g *globalFlags, w io.Writer) error {
	srcs, err := ingest.FSSources(data.Samples, "data")
	if err != nil {
		return fmt.Errorf("read sample articles: %w", err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	st, err := graph.Open(ctx, g.db, graph.OpenOptions{Create: true, Base: g.base})
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := ingest.Build(ctx, st, x, slices.Values(srcs), ingest.BuildOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Built %d sample articles into %s %s: %d sentences, %d entities, %d facts, %d quads added (%.2fs).\n",
		sum.Articles, st.Backend, graph.Redact(st.Address), sum.Sentences, sum.Entities, sum.Facts, sum.Quads, sum.Seconds)
	d := demo{ctx: ctx, st: st, w: w, lab: queries.NewLabeler(st.QuadStore)}
	d.section("Who invited whom?", "@who-did invite", func() error { return d.edges("invite", "invited") })
	d.section("Who said what?", "@said NAME", d.said)
	d.section("What numbers were reported?", "@numbers", d.numbers)
	d.section("Who holds which role?", "@roles", d.roles)
	d.section("Where do the outlets disagree?", "@conflicts", d.conflicts)
	fmt.Fprintln(w, "\nAsk your own: newsgraph query @said \"Dmitry Peskov\"   |   newsgraph queries   |   newsgraph serve")
	return d.err
}

type demo struct {
	ctx context.Context
	st  *graph.Store
	w   io.Writer
	lab *queries.Labeler
	err error
}

func (d *demo) section(title, how string, fn func() error) {
	if d.err != nil {
		return
	}
	fmt.Fprintf(d.w, "\n== %s   (newsgraph query %s)\n", title, how)
	d.err = fn()
}

func (d *demo) run(name string, args ...string) ([]queries.Row, error) {
	q, ok := queries.Get(name)
	if !ok {
		return nil, fmt.Errorf("shipped query %s missing", name)
	}
	return queries.Run(d.ctx, d.st.QuadStore, q.Bind(args), queries.Options{Limit: 10000})
}

func (d *demo) show(v any) string { return d.lab.Display(d.ctx, v) }

// grouped collects the sources of each distinct line.
type grouped struct {
	order   []string
	sources map[string]map[string]bool
}

func (g *grouped) add(line, source string) {
	if g.sources == nil {
		g.sources = map[string]map[string]bool{}
	}
	if g.sources[line] == nil {
		g.sources[line] = map[string]bool{}
		g.order = append(g.order, line)
	}
	g.sources[line][source] = true
}

func (g *grouped) print(w io.Writer) {
	if len(g.order) == 0 {
		fmt.Fprintln(w, "  (nothing found)")
	}
	for _, line := range g.order {
		var srcs []string
		for s := range g.sources[line] {
			srcs = append(srcs, s)
		}
		sort.Strings(srcs)
		fmt.Fprintf(w, "  %s\n      sources (%d): %s\n", line, len(srcs), strings.Join(srcs, "; "))
	}
}

func (d *demo) edges(pred, verb string) error {
	rows, err := d.run("who-did", pred)
	if err != nil {
		return err
	}
	var g grouped
	for _, r := range rows {
		g.add(fmt.Sprintf("%s %s %s", d.show(r["subject"]), verb, d.show(r["object"])), d.show(r["source"]))
	}
	g.print(d.w)
	return nil
}

func (d *demo) said() error {
	rows, err := queries.Run(d.ctx, d.st.QuadStore,
		`g.V().Tag("speaker").LabelContext(g.V(), "source").Out("<ng:said>").Tag("said").All()`, queries.Options{Limit: 10000})
	if err != nil {
		return err
	}
	var g grouped
	for _, r := range rows {
		g.add(fmt.Sprintf("%s: %s", d.show(r["speaker"]), clipText(d.show(r["said"]), 110)), d.show(r["source"]))
	}
	g.print(d.w)
	return nil
}

func (d *demo) numbers() error {
	rows, err := d.run("numbers")
	if err != nil {
		return err
	}
	var g grouped
	for _, r := range rows {
		unit := ""
		if u, ok := r["unit"]; ok {
			unit = " " + d.show(u)
		}
		g.add(fmt.Sprintf("%s —%s→ %s%s  (%q)", d.show(r["subject"]), d.show(r["predicate"]), d.show(r["value"]), unit, d.show(r["as_written"])), d.show(r["source"]))
	}
	g.print(d.w)
	return nil
}

func (d *demo) roles() error {
	rows, err := d.run("roles")
	if err != nil {
		return err
	}
	var g grouped
	for _, r := range rows {
		role := d.show(r["title"])
		if org, ok := r["organisation"]; ok {
			role += ", " + d.show(org)
		}
		g.add(fmt.Sprintf("%s: %s", d.show(r["person"]), role), d.show(r["source"]))
	}
	g.print(d.w)
	return nil
}

func (d *demo) conflicts() error {
	rows, err := d.run("conflicts")
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		fmt.Fprintln(d.w, "  (no disagreements found)")
	}
	for _, r := range rows {
		fmt.Fprintf(d.w, "  %s (%s): %s says %s; %s says %s\n      %s\n", d.show(r["subject"]), d.show(r["kind"]),
			d.show(r["source"]), d.show(r["claim"]), d.show(r["other_source"]), d.show(r["other_claim"]), d.show(r["about"]))
	}
	return nil
}

func clipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
