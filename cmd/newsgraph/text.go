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
)

// textRecord is one input of `newsgraph text --format json`.
type textRecord struct {
	Source    string   `json:"source"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"`
	Site      string   `json:"site"`
	Text      string   `json:"text"`
}

// newTextCmd is `newsgraph text`: the article text the extractor reads,
// after page extraction and cleaning.
func newTextCmd() *cobra.Command {
	var format string
	var maxBytes int
	var web webFlags
	cmd := &cobra.Command{
		Use:   "text [--format text|json] FILE|URL...",
		Short: "Print the article text the extractor reads: after page extraction (web pages) and cleaning",
		Long: `Text prints, for each file, folder, URL or - given, what the extractor will
read: for a web page, the article text go-trafilatura finds in it; then
whatever the cleaning stage keeps of that (or of a plain-text file). With
--format json it prints one object a line:
{"source", "url", "title", "authors", "published", "site", "text"}.
This is what to check when a fact is missing.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q (want text or json)", format)
			}
			paths, err := web.inputs(args)
			if err != nil {
				return err
			}
			return runText(cmd, paths, format, maxBytes, &web)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, or json (one object a line)")
	cmd.Flags().IntVar(&maxBytes, "max-bytes", extract.DefaultMaxBytes, "skip files larger than this")
	web.register(cmd)
	return cmd
}

func runText(cmd *cobra.Command, paths []string, format string, maxBytes int, web *webFlags) error {
	stderr := cmd.ErrOrStderr()
	srcs, skipped, x, err := extractInputs(cmd, paths, web, maxBytes, extract.Options{})
	if err != nil {
		return err
	}
	results, err := extractReporting(stderr, x, srcs, &skipped, ingest.ReadOptions{MaxBytes: maxBytes})
	if err != nil {
		return err
	}
	if err := writeTexts(cmd.OutOrStdout(), results, format); err != nil {
		return err
	}
	return skippedStatus(skipped)
}

// writeTexts prints each result's kept text, as plain text (a header
// line per input when there are several) or JSON lines.
func writeTexts(w io.Writer, results []*extract.Result, format string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		rec := newTextRecord(r)
		if format == "json" {
			if err := enc.Encode(rec); err != nil {
				return err
			}
			continue
		}
		if len(results) > 1 {
			fmt.Fprintf(w, "==> %s <==\n", rec.Source)
		}
		if _, err := fmt.Fprintf(w, "%s\n\n", rec.Text); err != nil {
			return err
		}
	}
	return nil
}

func newTextRecord(r *extract.Result) textRecord {
	m := r.Doc.Meta
	rec := textRecord{Source: r.Doc.Name, URL: m.URL, Title: m.Title, Authors: m.Authors, Site: m.Outlet, Text: keptText(r.Doc.Text, r.Dropped)}
	if rec.Authors == nil {
		rec.Authors = []string{}
	}
	if !m.Published.IsZero() {
		rec.Published = m.Published.Format(time.DateOnly)
	}
	return rec
}

// keptText is text without the lines and parts of lines the cleaner
// dropped: the paragraphs the extractor reads, a blank line between them.
func keptText(text string, dropped []extract.DroppedLine) string {
	byLine := map[int][]string{}
	for _, d := range dropped {
		byLine[d.Line] = append(byLine[d.Line], d.Text)
	}
	var kept []string
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		for _, d := range byLine[i+1] {
			line = strings.Replace(line, d, "", 1)
		}
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n\n")
}
