package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/page"
)

// minConfidenceHelp describes --min-confidence of build and extract.
var minConfidenceHelp = fmt.Sprintf("keep only facts at least this confident (0 to 1, calibrated on facts judged by reading: of the judged news facts at %.2f or more, %.0f%% were correct)", extract.CalibratedThreshold(), 100*extract.CalibratedPrecision())

// factLine is one line of `newsgraph extract` output.
type factLine struct {
	extract.Fact
	SubjectName string `json:"subject_name"`
	SubjectType string `json:"subject_type"`
	ObjectName  string `json:"object_name,omitempty"`
	ObjectType  string `json:"object_type,omitempty"`
	// AttributedName names the entity in AttributedTo.
	AttributedName string `json:"attributed_name,omitempty"`
}

func newExtractCmd() *cobra.Command {
	var format string
	var maxBytes int
	var explain bool
	var timeout time.Duration
	var minConfidence float64
	var web webFlags
	cmd := &cobra.Command{
		Use:   "extract [--format jsonl|text] PATH|URL...",
		Short: "Print the facts found in articles, with evidence; no store needed",
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "text" {
				return fmt.Errorf("unknown --format %q (want jsonl or text)", format)
			}
			paths, err := web.inputs(args)
			if err != nil {
				return err
			}
			stderr := cmd.ErrOrStderr()
			srcs, skipped, x, err := extractInputs(cmd, paths, &web, maxBytes, extract.Options{MinConfidence: minConfidence})
			if err != nil {
				return err
			}
			if explain {
				for _, s := range srcs {
					d, pg, err := s.ReadPage(runCtx, maxBytes)
					if err != nil {
						fmt.Fprintln(stderr, "skipped:", err)
						continue
					}
					if err := explainPage(cmd.OutOrStdout(), d, pg); err != nil {
						return err
					}
					if err := x.Explain(runCtx, cmd.OutOrStdout(), d); err != nil {
						return err
					}
				}
				return nil
			}
			results, err := extractReporting(stderr, x, srcs, &skipped, ingest.ReadOptions{MaxBytes: maxBytes, DocTimeout: docTimeout(timeout)})
			if err != nil {
				return err
			}
			if err := writeFacts(cmd.OutOrStdout(), results, format); err != nil {
				return err
			}
			return skippedStatus(skipped)
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl (one JSON object a line) or text")
	cmd.Flags().Float64Var(&minConfidence, "min-confidence", 0, minConfidenceHelp)
	cmd.Flags().IntVar(&maxBytes, "max-bytes", extract.DefaultMaxBytes, "skip files larger than this")
	cmd.Flags().DurationVar(&timeout, "doc-timeout", ingest.DefaultDocTimeout, "skip an article whose extraction takes longer than this (0: no limit)")
	cmd.Flags().BoolVar(&explain, "explain", false, "show what the extractor saw: page blocks and lines dropped and why, tags, chunks, mentions, clauses")
	web.register(cmd)
	return cmd
}

// explainPage says, for a document read from a web page, what the page
// extractor kept and which blocks of the page it dropped and where they
// were; then the cleaner's own dropped lines follow (from Explain).
func explainPage(w io.Writer, d *extract.Document, pg *page.Article) error {
	fmt.Fprintf(w, "== %s\n", d.Name)
	if pg == nil {
		_, err := fmt.Fprintln(w, "plain text: no page extraction")
		return err
	}
	dropped := pg.Dropped()
	fmt.Fprintf(w, "web page (%s): title %q, site %q, url %s, authors %v, published %s\n",
		pg.Charset, d.Meta.Title, d.Meta.Outlet, d.Meta.URL, d.Meta.Authors, dateOrNone(d.Meta.Published))
	fmt.Fprintf(w, "page extraction (go-trafilatura) kept %d lines and dropped %d blocks of the page:\n", strings.Count(pg.Text, "\n\n")+1, len(dropped))
	for _, b := range dropped {
		fmt.Fprintf(w, "page dropped (%s): %s\n", b.Where, clipText(b.Text, 160))
	}
	_, err := fmt.Fprintln(w, "cleaning then dropped:")
	return err
}

func dateOrNone(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Format("2006-01-02")
}

// extractInputs collects the sources of a command that extracts (files,
// folders, URLs, - for standard input), printing a "skipped:" line for
// each that cannot be used and counting them, and loads the extractor.
func extractInputs(cmd *cobra.Command, paths []string, web *webFlags, maxBytes int, opt extract.Options) ([]ingest.Source, int, *extract.Extractor, error) {
	srcs, probs := ingest.CollectFrom(ingest.WalkWeb(paths, cmd.InOrStdin(), web.client(maxBytes)))
	for _, p := range probs {
		fmt.Fprintln(cmd.ErrOrStderr(), "skipped:", p.Err)
	}
	x, err := extract.New(opt)
	return srcs, len(probs), x, err
}

// extractReporting extracts srcs, printing a "skipped:" line for each
// article that cannot be used and counting it in skipped.
func extractReporting(stderr io.Writer, x *extract.Extractor, srcs []ingest.Source, skipped *int, opt ingest.ReadOptions) ([]*extract.Result, error) {
	opt.OnProblem = func(p ingest.Problem) {
		*skipped++
		fmt.Fprintln(stderr, "skipped:", p.Err)
	}
	return ingest.ExtractAll(runCtx, x, srcs, opt)
}

// skippedStatus is the exit status of a command that skipped inputs: 2
// when any was skipped.
func skippedStatus(skipped int) error {
	if skipped > 0 {
		return exitError{2}
	}
	return nil
}

func writeFacts(w io.Writer, results []*extract.Result, format string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		ents := map[string]*extract.Entity{}
		for _, e := range r.Entities {
			ents[e.ID] = e
		}
		if format == "text" {
			fmt.Fprintf(w, "# %s  %q  (%d sentences, %d facts)\n", r.Doc.ID, r.Doc.Meta.Title, r.Sentences, len(r.Facts))
		}
		for _, f := range r.Facts {
			line := factLine{Fact: f}
			if e := ents[f.Subject]; e != nil {
				line.SubjectName, line.SubjectType = e.Name, string(e.Type)
			}
			if e := ents[f.Object.EntityID]; e != nil {
				line.ObjectName, line.ObjectType = e.Name, string(e.Type)
			}
			if e := ents[f.AttributedTo]; e != nil {
				line.AttributedName = e.Name
			}
			if format == "jsonl" {
				if err := enc.Encode(line); err != nil {
					return err
				}
				continue
			}
			obj := line.ObjectName
			if l := f.Object.Literal; l != nil {
				obj = fmt.Sprintf("%q", l.Text)
				if l.Kind == extract.Number || l.Kind == extract.Money {
					obj = fmt.Sprintf("%g %s (%q)", l.Value, l.Unit, l.Text)
				}
			}
			neg := ""
			if f.Negated {
				neg = "NOT "
			}
			if f.AttributedTo != "" {
				neg = "(per " + line.AttributedName + ") " + neg
			}
			date := ""
			if f.DatePhrase != "" {
				date = fmt.Sprintf("  [when: %s %s]", f.DatePhrase, f.Date)
			}
			if _, err := fmt.Fprintf(w, "%s —%s%s→ %s%s  (%s, %.2f, sentence %d)\n", line.SubjectName, neg, f.Predicate, obj, date, f.Evidence.Rule, f.Evidence.Confidence, f.Evidence.SentenceIndex); err != nil {
				return err
			}
		}
		if err := writeUnattributed(w, format, r.Unattributed); err != nil {
			return err
		}
	}
	return nil
}

// writeUnattributed prints, in the text format, the quotations no
// speaker was found for (JSON lines hold facts only; the graph keeps these
// as ng:Quotation nodes).
func writeUnattributed(w io.Writer, format string, qs []extract.Quotation) error {
	if format != "text" {
		return nil
	}
	for _, q := range qs {
		if _, err := fmt.Fprintf(w, "(speaker unknown) —said→ %q  (sentence %d)\n", q.Text, q.Evidence.SentenceIndex); err != nil {
			return err
		}
	}
	return nil
}
