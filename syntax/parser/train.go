package parser

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// TrainOptions set up training. The zero value trains with the defaults.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 15
	Seed   uint64 // seeds the shuffles and the exploration
	// ExploreFrom is the first epoch (0-based) in which the parser follows
	// its own transitions, right or wrong, with probability ExploreProb
	// (0 means epoch 1; negative never explores); otherwise and before, it
	// follows the best transition that the dynamic oracle allows.
	ExploreFrom int
	ExploreProb float64 // 0 means 0.9
	// Prune drops the averaged weights whose magnitude is below it, for a
	// smaller model (see perceptron.Model.Prune); 0 keeps them all.
	Prune float32
	// MinHits is a frequency cutoff (see Parser.DropRare): features of the
	// transition model that scoring found fewer than MinHits times an
	// epoch in training (MinHits·Epochs times in all), and of the label
	// model fewer than MinLabelHits times an epoch, are dropped; 0 keeps
	// them all.
	MinHits, MinLabelHits int
	// Data names the training files in the model's metadata.
	Data []perceptron.DataFile
	// Tags says in the model's metadata which tags it was trained on;
	// "" means "gold".
	Tags string
	// Beam above 1 trains globally with a beam of that width (see
	// globaltrain.go), and the parser decodes with that beam; 0 or 1
	// trains the greedy parser with the dynamic oracle.
	Beam int
	// Alt, when not nil, holds the training sentences again, in the same
	// order, with other tags (jackknifed ones); in each epoch each
	// sentence is given with Alt's tags with probability one half.
	Alt []syntax.Sentence
	Log io.Writer // progress, one line an epoch; nil for none
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 15
	}
	if o.ExploreFrom == 0 {
		o.ExploreFrom = 1
	}
	if o.ExploreProb == 0 {
		o.ExploreProb = 0.9
	}
	if o.Tags == "" {
		o.Tags = "gold"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// example is a training sentence with its gold tree made projective.
type example struct {
	s      *syntax.Sentence
	heads  []int32 // by node, projective
	labels []int32 // by node
}

// Train trains a parser on sentences with gold Head and Rel (and the tags
// the parser will be given). The same sentences and options give the
// same parser, byte for byte.
func Train(train []syntax.Sentence, opt TrainOptions) (*Parser, error) {
	opt.defaults()
	labels := collectLabels(train)
	ids := map[string]int32{}
	for i, l := range labels {
		ids[l] = int32(i)
	}
	exs, err := examples(train, ids)
	if err != nil {
		return nil, err
	}
	if len(exs) == 0 {
		return nil, errors.New("parser: no training sentences")
	}
	var alt []example
	if opt.Alt != nil {
		if alt, err = examples(opt.Alt, ids); err != nil {
			return nil, err
		}
		if len(alt) != len(exs) {
			return nil, fmt.Errorf("parser: %d sentences with other tags for %d", len(alt), len(exs))
		}
	}
	tr := &trainer{
		p:   &Parser{labels: labels, root: ids["root"], trans: perceptron.New(nTransitions), label: perceptron.New(len(labels))},
		opt: opt,
		rng: rand.New(rand.NewPCG(opt.Seed, 0x9a25e7)),
	}
	if _, ok := ids["root"]; !ok {
		return nil, errors.New("parser: no root relation in the training data")
	}
	tr.ws = workspace{scores: make([]float32, nTransitions), lscores: make([]float32, len(labels))}
	for epoch := range opt.Epochs {
		tr.epoch(exs, alt, epoch)
	}
	return tr.finish()
}

func collectLabels(sents []syntax.Sentence) []string {
	seen := map[string]bool{"root": true}
	for _, s := range sents {
		for _, t := range s.Tokens {
			seen[t.Rel] = true
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

func examples(sents []syntax.Sentence, ids map[string]int32) ([]example, error) {
	out := make([]example, 0, len(sents))
	for i := range sents {
		s := &sents[i]
		if len(s.Tokens) == 0 {
			continue
		}
		heads := make([]int32, len(s.Tokens)+1)
		labels := make([]int32, len(s.Tokens)+1)
		for k, t := range s.Tokens {
			if t.Head < 0 || t.Head > len(s.Tokens) || t.Head == k+1 {
				return nil, fmt.Errorf("parser: sentence %d (%s): token %d has head %d", i, s.ID, k+1, t.Head)
			}
			heads[k+1], labels[k+1] = int32(t.Head), ids[t.Rel]
		}
		if !acyclic(heads) {
			return nil, fmt.Errorf("parser: sentence %d (%s): heads form a cycle", i, s.ID)
		}
		out = append(out, example{s: s, heads: projectivize(heads), labels: labels})
	}
	return out, nil
}

func acyclic(h []int32) bool {
	for k := range h[1:] {
		n := int32(k + 1)
		for steps := 0; n != 0; steps++ {
			if steps > len(h) {
				return false
			}
			n = h[n]
		}
	}
	return true
}

type trainer struct {
	p       *Parser
	opt     TrainOptions
	rng     *rand.Rand
	ws      workspace
	global  globalTrainer
	explore bool
	// per epoch
	steps, errs, arcs, labelErrs int
}

func (tr *trainer) epoch(exs, alt []example, epoch int) {
	start := time.Now()
	order := tr.rng.Perm(len(exs))
	tr.explore = tr.opt.ExploreFrom >= 0 && epoch >= tr.opt.ExploreFrom
	tr.steps, tr.errs, tr.arcs, tr.labelErrs = 0, 0, 0, 0
	for _, i := range order {
		ex := &exs[i]
		if alt != nil && tr.rng.IntN(2) == 0 {
			ex = &alt[i]
		}
		if tr.opt.Beam > 1 {
			tr.globalSentence(ex)
		} else {
			tr.sentence(ex)
		}
	}
	what := "transitions"
	if tr.opt.Beam > 1 {
		what = "parses (the beam's best)"
	}
	fmt.Fprintf(tr.opt.Log, "epoch %d: %s %.2f%% right, labels %.2f%% right, %s\n", epoch+1, what,
		100*(1-float64(tr.errs)/float64(max(1, tr.steps))), 100*(1-float64(tr.labelErrs)/float64(max(1, tr.arcs))), time.Since(start).Round(time.Millisecond))
}

// sentence parses one example, updating the models at every transition
// the oracle does not allow and every arc whose label is wrong.
func (tr *trainer) sentence(ex *example) {
	ws := &tr.ws
	st := &ws.st
	st.reset(len(ex.s.Tokens))
	ws.tk.reset(ex.s)
	var costs [nTransitions]int
	for !st.terminal() {
		if t, ok := st.forced(); ok {
			tr.apply(ex, t)
			continue
		}
		feats := transitionFeatures(&ws.x, st, &ws.tk)
		tr.p.trans.Score(feats, ws.scores)
		guess := bestValid(st, ws.scores)
		minCost := 1 << 30
		for t := range nTransitions {
			costs[t] = -1
			if st.valid(t) {
				costs[t] = st.cost(t, ex.heads)
				minCost = min(minCost, costs[t])
			}
		}
		best := -1
		for t := range nTransitions {
			if costs[t] == minCost && (best < 0 || ws.scores[t] > ws.scores[best]) {
				best = t
			}
		}
		tr.steps++
		if costs[guess] > minCost {
			tr.errs++
			tr.p.trans.Update(feats, best, guess)
		} else {
			tr.p.trans.Tick()
		}
		next := best
		if costs[guess] == minCost || tr.explore && tr.rng.Float64() < tr.opt.ExploreProb {
			next = guess
		}
		tr.apply(ex, next)
	}
}

// apply takes transition t, labelling the arc it makes.
func (tr *trainer) apply(ex *example, t int) {
	label := int32(-1)
	if t != shift {
		label = tr.labelArc(ex, t)
	}
	tr.ws.st.apply(t, label)
}

// labelArc predicts the label of the arc transition t makes and, when the
// arc is in the gold tree, learns from the gold label.
func (tr *trainer) labelArc(ex *example, t int) int32 {
	ws := &tr.ws
	st := &ws.st
	h, d := st.arc(t)
	if h == 0 {
		return tr.p.root
	}
	feats := labelFeatures(&ws.x, st, &ws.tk, h, d)
	tr.p.label.Score(feats, ws.lscores)
	guess := tr.p.bestNonRoot(ws.lscores)
	if ex.heads[d] != h || ex.labels[d] == tr.p.root {
		return guess
	}
	tr.arcs++
	if guess != ex.labels[d] {
		tr.labelErrs++
	}
	tr.p.label.Update(feats, int(ex.labels[d]), int(guess))
	return guess
}

func (tr *trainer) finish() (*Parser, error) {
	trans, label := tr.p.trans, tr.p.label
	trans.FinishCompact()
	label.FinishCompact()
	if tr.opt.Prune > 0 {
		trans.Prune(tr.opt.Prune)
		label.Prune(tr.opt.Prune)
	}
	trans.Meta = perceptron.Meta{
		Data:    tr.opt.Data,
		Code:    CodeVersion,
		Seed:    tr.opt.Seed,
		Epochs:  tr.opt.Epochs,
		Classes: []string{"SHIFT", "LEFT", "RIGHT"},
		Extra: map[string]string{
			"explore_from": strconv.Itoa(tr.opt.ExploreFrom),
			"explore_prob": strconv.FormatFloat(tr.opt.ExploreProb, 'g', -1, 64),
			"tags":         tr.opt.Tags,
			"prune":        strconv.FormatFloat(float64(tr.opt.Prune), 'g', -1, 32),
		},
	}
	if tr.opt.Beam > 1 {
		trans.Meta.Extra["beam"] = strconv.Itoa(tr.opt.Beam)
	}
	label.Meta = perceptron.Meta{Code: CodeVersion, Seed: tr.opt.Seed, Epochs: tr.opt.Epochs, Classes: tr.p.labels}
	p, err := newParser(trans, label)
	if err != nil || tr.opt.MinHits <= 0 && tr.opt.MinLabelHits <= 0 {
		return p, err
	}
	return p.DropRare(tr.opt.MinHits*tr.opt.Epochs, tr.opt.MinLabelHits*tr.opt.Epochs)
}

// DropRare returns a copy of a parser just trained (not one read from a
// file) without the features of its transition model that scoring found
// fewer than minTrans times in training and those of its label model
// found fewer than minLabel times: a frequency cutoff (see
// perceptron.Model.DropRare). A smaller model stays in cache and parses
// faster.
func (p *Parser) DropRare(minTrans, minLabel int) (*Parser, error) {
	trans, label := p.trans, p.label
	if !trans.Counted() || !label.Counted() {
		return nil, errors.New("parser: DropRare needs a parser just trained")
	}
	if minTrans > 0 {
		trans = trans.DropRare(uint32(minTrans))
		trans.Meta.Extra = maps.Clone(trans.Meta.Extra)
		if trans.Meta.Extra == nil {
			trans.Meta.Extra = map[string]string{}
		}
		trans.Meta.Extra["min_hits"] = strconv.Itoa(minTrans)
	}
	if minLabel > 0 {
		label = label.DropRare(uint32(minLabel))
		label.Meta.Extra = maps.Clone(label.Meta.Extra)
		if label.Meta.Extra == nil {
			label.Meta.Extra = map[string]string{}
		}
		label.Meta.Extra["min_hits"] = strconv.Itoa(minLabel)
	}
	return newParser(trans, label)
}
