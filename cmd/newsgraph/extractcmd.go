package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
)

// factLine is one line of `newsgraph extract` output.
type factLine struct {
	extract.Fact
	SubjectName string `json:"subject_name"`
	SubjectType string `json:"subject_type"`
	ObjectName  string `json:"object_name,omitempty"`
	ObjectType  string `json:"object_type,omitempty"`
}

func newExtractCmd() *cobra.Command {
	var format string
	var maxBytes int
	var explain bool
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "extract [--format jsonl|text] PATH...",
		Short: "Print the facts found in articles, with evidence; no store needed",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "text" {
				return fmt.Errorf("unknown --format %q (want jsonl or text)", format)
			}
			stderr := cmd.ErrOrStderr()
			srcs, probs := ingest.Collect(args, cmd.InOrStdin())
			skipped := len(probs)
			for _, p := range probs {
				fmt.Fprintln(stderr, "skipped:", p.Err)
			}
			x, err := extract.New(extract.Options{})
			if err != nil {
				return err
			}
			if explain {
				for _, s := range srcs {
					d, err := s.Read(maxBytes)
					if err != nil {
						fmt.Fprintln(stderr, "skipped:", err)
						continue
					}
					if err := x.Explain(runCtx, cmd.OutOrStdout(), d); err != nil {
						return err
					}
				}
				return nil
			}
			results, err := ingest.ExtractAll(runCtx, x, srcs, ingest.ReadOptions{
				MaxBytes:   maxBytes,
				DocTimeout: docTimeout(timeout),
				OnProblem: func(p ingest.Problem) {
					skipped++
					fmt.Fprintln(stderr, "skipped:", p.Err)
				},
			})
			if err != nil {
				return err
			}
			if err := writeFacts(cmd.OutOrStdout(), results, format); err != nil {
				return err
			}
			if skipped > 0 {
				return exitError{2}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl (one JSON object a line) or text")
	cmd.Flags().IntVar(&maxBytes, "max-bytes", extract.DefaultMaxBytes, "skip files larger than this")
	cmd.Flags().DurationVar(&timeout, "doc-timeout", ingest.DefaultDocTimeout, "skip an article whose extraction takes longer than this (0: no limit)")
	cmd.Flags().BoolVar(&explain, "explain", false, "show what the extractor saw: tags, chunks, mentions, clauses")
	return cmd
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
			date := ""
			if f.DatePhrase != "" {
				date = fmt.Sprintf("  [when: %s %s]", f.DatePhrase, f.Date)
			}
			if _, err := fmt.Fprintf(w, "%s —%s%s→ %s%s  (%s, %.2f, sentence %d)\n", line.SubjectName, neg, f.Predicate, obj, date, f.Evidence.Rule, f.Evidence.Confidence, f.Evidence.SentenceIndex); err != nil {
				return err
			}
		}
	}
	return nil
}
