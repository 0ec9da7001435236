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
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
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
	accurate := flag.Bool("accurate", false, "train the accurate model (parser.TrainAccurate) instead of the default one")
	beam := flag.Int("beam", 0, "train globally with this beam (0: greedy training)")
	minHits := flag.Int("minhits", -1, "transition features' frequency cutoff per epoch (-1: the default)")
	jackknife := flag.Bool("jackknife", false, "train on jackknifed tags (with -limit or -epochs)")
	cutoffs := flag.String("cutoffs", "", "also make variants with these frequency cutoffs, trans:label,… (written as <out>.<trans>-<label>)")
	bench := flag.String("bench", "", "comma-separated model files: compare their speed on EWT dev (predicted tags), alternating, and exit")
	rounds := flag.Int("rounds", 5, "rounds of -bench")
	devOnly := flag.Bool("dev", false, "report EWT dev only")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of -bench here")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *bench != "" {
		benchmark(strings.Split(*bench, ","), *ewt, *rounds)
		return
	}
	var p *parser.Parser
	var err error
	if *accurate {
		start := time.Now()
		p, err = parser.TrainAccurate(*ewt, *gum, os.Stderr)
		fmt.Printf("training: %s\n", time.Since(start).Round(time.Second))
	} else {
		p, err = get(*model, *ewt, *gum, *limit, *epochs, *jackknife, *beam, *minHits)
	}
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
	report(p, *ewt, *gum, *devOnly)
	if *cutoffs == "" {
		return
	}
	for _, c := range strings.Split(*cutoffs, ",") {
		var mt, ml int
		if _, err := fmt.Sscanf(c, "%d:%d", &mt, &ml); err != nil {
			log.Fatal(err)
		}
		v, err := p.DropRare(mt, ml)
		if err != nil {
			log.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := v.WriteTo(&buf); err != nil {
			log.Fatal(err)
		}
		name := fmt.Sprintf("%s.%d-%d", *out, mt, ml)
		if *out != "" {
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				log.Fatal(err)
			}
		}
		fmt.Printf("variant %s: cutoff %d:%d, %d transition features, %d label features, %d bytes\n", name, mt, ml, v.TransFeatures(), v.LabelFeatures(), buf.Len())
		report(v, *ewt, *gum, *devOnly)
	}
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		log.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchmark(files []string, ewt string, rounds int) {
	runtime.LockOSThread()
	sents, err := conllu.ReadFile(filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		log.Fatal(err)
	}
	sents = retag(sents)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	ps := make([]*parser.Parser, len(files))
	for i, f := range files {
		if ps[i], err = get(f, "", "", 0, 0, false, 0, -1); err != nil {
			log.Fatal(err)
		}
		ps[i].Parse(&sents[0])
	}
	best := make([]time.Duration, len(files))
	total := make([]time.Duration, len(files))
	for r := range rounds {
		for k := range files {
			i := (k + r) % len(files)
			runtime.GC()
			start := threadCPU()
			for j := range sents {
				ps[i].Parse(&sents[j])
			}
			d := threadCPU() - start
			total[i] += d
			if r == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	for i, f := range files {
		fmt.Printf("%-40s %8.0f tokens/CPU-s (best of %d), %8.0f (mean)\n", f, float64(tokens)/best[i].Seconds(), rounds, float64(tokens*rounds)/total[i].Seconds())
	}
}

func get(model, ewt, gum string, limit, epochs int, jackknife bool, beam, minHits int) (*parser.Parser, error) {
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
	if limit == 0 && epochs == 0 && !jackknife && beam == 0 && minHits < 0 {
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
	opt.Beam = beam
	if minHits >= 0 {
		opt.MinHits = minHits
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

func report(p *parser.Parser, ewt, gum string, devOnly bool) {
	sets := []struct{ name, path string }{
		{"EWT dev", filepath.Join(ewt, "en_ewt-ud-dev.conllu.gz")},
		{"EWT test", filepath.Join(ewt, "en_ewt-ud-test.conllu.gz")},
		{"GUM dev", filepath.Join(gum, "en_gum-dev.conllu.gz")},
		{"GUM test", filepath.Join(gum, "en_gum-test.conllu.gz")},
	}
	var news []syntax.Sentence
	if devOnly {
		sets = sets[:1]
	}
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
	if devOnly {
		return
	}
	uas, las := parser.Evaluate(p, news)
	puas, plas := parser.Evaluate(p, retag(news))
	fmt.Printf("%-10s gold tags UAS %.2f LAS %.2f | predicted tags UAS %.2f LAS %.2f (%d sentences, dev+test)\n", "GUM news", uas, las, puas, plas, len(news))
}
