// Command newsgraph-train trains the models of newsgraph's syntax layer
// — tagger, dependency parser, name tagger — from the Universal
// Dependencies treebanks and writes them where the binary embeds them.
// With the same treebank files it reproduces the shipped model files byte
// for byte (fixed seeds, deterministic training).
//
//	go run ./cmd/newsgraph-train [-treebanks ../shared/treebanks] [-only tagger,parser,parser-beam,ner]
//
// The parsers are trained on gold tags (see parser.TrainDefault), and the
// name tagger on the tags and trees the new tagger and greedy parser
// predict, so that it learns from what the extractor will give it. The
// accurate parser (parser-beam) takes about a quarter of an hour.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/ner"
	"github.com/newsgraph/newsgraph/syntax/parser"
	"github.com/newsgraph/newsgraph/syntax/tagger"
)

func main() {
	treebanks := flag.String("treebanks", filepath.Join("..", "shared", "treebanks"), "folder holding ewt/ and gum/")
	out := flag.String("out", ".", "the repository root: models are written under syntax/*/model/")
	only := flag.String("only", "tagger,parser,parser-beam,ner", "which models to train, in this order")
	flag.Parse()
	if err := run(*treebanks, *out, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "newsgraph-train:", err)
		os.Exit(1)
	}
}

// writerTo is a trained model.
type writerTo interface {
	WriteTo(io.Writer) (int64, error)
}

func run(treebanks, out string, which []string) error {
	ewt, gum := filepath.Join(treebanks, "ewt"), filepath.Join(treebanks, "gum")
	want := map[string]bool{}
	for _, w := range which {
		want[strings.TrimSpace(w)] = true
	}
	var tg *tagger.Tagger
	var ps *parser.Parser
	var err error
	if want["tagger"] {
		if tg, err = timed("tagger", func() (*tagger.Tagger, error) { return tagger.TrainDefault(ewt, gum, os.Stderr) }); err != nil {
			return err
		}
		if err := save(tg, filepath.Join(out, "syntax", "tagger", "model", "tagger.bin")); err != nil {
			return err
		}
	} else if tg, err = tagger.Default(); err != nil {
		return err
	}
	if want["parser"] {
		if ps, err = timed("parser", func() (*parser.Parser, error) { return parser.TrainDefault(ewt, gum, os.Stderr) }); err != nil {
			return err
		}
		if err := save(ps, filepath.Join(out, "syntax", "parser", "model", "parser.bin")); err != nil {
			return err
		}
	} else if ps, err = parser.Default(); err != nil {
		return err
	}
	if want["parser-beam"] {
		acc, err := timed("accurate parser", func() (*parser.Parser, error) { return parser.TrainAccurate(ewt, gum, os.Stderr) })
		if err != nil {
			return err
		}
		if err := save(acc, filepath.Join(out, "syntax", "parser", "model", "parser-beam.bin")); err != nil {
			return err
		}
	}
	if want["ner"] {
		annotate := func(s *syntax.Sentence) {
			tg.Tag(s)
			ps.Parse(s)
		}
		nt, err := timed("name tagger", func() (*ner.Tagger, error) { return ner.TrainDefault(gum, annotate, os.Stderr) })
		if err != nil {
			return err
		}
		if err := save(nt, filepath.Join(out, "syntax", "ner", "model", "ner.bin")); err != nil {
			return err
		}
	}
	return nil
}

func timed[T any](what string, train func() (T, error)) (T, error) {
	start := time.Now()
	m, err := train()
	if err != nil {
		return m, fmt.Errorf("train the %s: %w", what, err)
	}
	slog.Info("trained", "model", what, "seconds", time.Since(start).Seconds())
	return m, nil
}

// save writes a model through a temporary file, so that a failed run
// leaves the shipped file as it was.
func save(m writerTo, path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	slog.Info("wrote", "file", path)
	return nil
}
