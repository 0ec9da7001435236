// Command trainparser trains the parser and reports its accuracy: the
// developer's tool behind syntax/parser/model/parser.bin.
//
//	go run ./syntax/parser/internal/trainparser -out syntax/parser/model/parser.bin
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/conllu"
	"github.com/newsgraph/newsgraph/syntax/parser"
	"github.com/newsgraph/newsgraph/syntax/tagger"
)

func main() {
	ewt := flag.String("ewt", "/work/shared/treebanks/ewt", "English-EWT folder")
	gum := flag.String("gum", "/work/shared/treebanks/gum", "GUM folder")
	out := flag.String("out", "", "write the model here")
	model := flag.String("model", "", "evaluate this model instead of training")
	limit := flag.Int("limit", 0, "train on the first N sentences of each treebank (quick runs)")
	epochs := flag.Int("epochs", 0, "epochs (0: the default)")
	jackknife := flag.Bool("jackknife", false, "train on jackknifed tags (with -limit or -epochs)")
	flag.Parse()
	p, err := get(*model, *ewt, *gum, *limit, *epochs, *jackknife)
	if err != nil {
		log.Fatal(err)
	}
	if *out != "" {
		var buf bytes.Buffer
		if _, err := p.WriteTo(&buf); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("wrote %s: %d bytes\n", *out, buf.Len())
	}
	report(p, *ewt, *gum)
}

func get(model, ewt, gum string, limit, epochs int, jackknife bool) (*parser.Parser, error) {
	if model != "" {
		f, err := os.Open(model)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return parser.Read(f)
	}
	start := time.Now()
	defer func() { fmt.Printf("training: %s\n", time.Since(start).Round(time.Second)) }()
	if limit == 0 && epochs == 0 && !jackknife {
		return parser.TrainDefault(ewt, gum, os.Stderr)
	}
	var train []syntax.Sentence
	for _, path := range []string{filepath.Join(ewt, parser.EWTTrain), filepath.Join(gum, parser.GUMTrain)} {
		s, err := conllu.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if limit > 0 && len(s) > limit {
			s = s[:limit]
		}
		train = append(train, s...)
	}
	opt := parser.DefaultOptions()
	opt.Log = os.Stderr
	if jackknife {
		if err := parser.Jackknife(train, parser.Folds, os.Stderr); err != nil {
			return nil, err
		}
		opt.Tags = "jackknifed"
	}
	if epochs > 0 {
		opt.Epochs = epochs
	}
	return parser.Train(train, opt)
}

// retag returns copies of sents with the tags of the shipped tagger (heads
// and relations stay gold).
func retag(sents []syntax.Sentence) []syntax.Sentence {
	tg, err := tagger.Default()
	if err != nil {
		log.Fatal(err)
	}
	out := make([]syntax.Sentence, len(sents))
	for i, s := range sents {
		out[i] = s
		out[i].Tokens = append([]syntax.Token(nil), s.Tokens...)
		tg.Tag(&out[i])
	}
	return out
}

func report(p *parser.Parser, ewt, gum string) {
	sets := []struct{ name, path string }{
		{"EWT dev", filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz")},
		{"EWT test", filepath.Join(ewt, "en_ewt-ud-test.conllu.gz")},
		{"GUM dev", filepath.Join(gum, "en_gum-dev.conllu.gz")},
		{"GUM test", filepath.Join(gum, "en_gum-test.conllu.gz")},
	}
	var news []syntax.Sentence
	for _, set := range sets {
		sents, err := conllu.ReadFile(set.path)
		if err != nil {
			log.Fatal(err)
		}
		uas, las := parser.Evaluate(p, sents)
		puas, plas := parser.Evaluate(p, retag(sents))
		fmt.Printf("%-10s gold tags UAS %.2f LAS %.2f | predicted tags UAS %.2f LAS %.2f (%d sentences)\n", set.name, uas, las, puas, plas, len(sents))
		if strings.HasPrefix(set.name, "GUM") {
			for _, s := range sents {
				if strings.HasPrefix(s.ID, "GUM_news") {
					news = append(news, s)
				}
			}
		}
	}
	uas, las := parser.Evaluate(p, news)
	puas, plas := parser.Evaluate(p, retag(news))
	fmt.Printf("%-10s gold tags UAS %.2f LAS %.2f | predicted tags UAS %.2f LAS %.2f (%d sentences, dev+test)\n", "GUM news", uas, las, puas, plas, len(news))
}
