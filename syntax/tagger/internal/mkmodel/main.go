// Command mkmodel trains the tagger's shipped model from the UD English
// treebanks and writes it:
//
//	go run ./syntax/tagger/internal/mkmodel \
//		-ewt /work/shared/treebanks/ewt -gum /work/shared/treebanks/gum \
//		-o syntax/tagger/model/tagger.bin
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/syntax/tagger"
)

func main() {
	ewt := flag.String("ewt", "/work/shared/treebanks/ewt", "folder of UD English-EWT")
	gum := flag.String("gum", "/work/shared/treebanks/gum", "folder of GUM")
	out := flag.String("o", "syntax/tagger/model/tagger.bin", "model file to write")
	flag.Parse()
	if err := run(*ewt, *gum, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkmodel:", err)
		os.Exit(1)
	}
}

func run(ewt, gum, out string) error {
	tg, err := tagger.TrainDefault(ewt, gum, os.Stderr)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := tg.WriteTo(&b); err != nil {
		return err
	}
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "mkmodel: wrote %s (%d bytes)\n", out, b.Len())
	return nil
}
