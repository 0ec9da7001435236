package parser

// Global training. The greedy trainer (train.go) learns one transition at
// a time; a parser that decodes with a beam learns better from whole
// transition sequences: the structured perceptron with beam search and
// the max-violation update of Huang, Fayong & Guo (2012), the training
// of Zhang & Nivre (2011)'s parser. Each training sentence is parsed with
// a beam of the raw (summed) transition scores, beside a gold sequence;
// at the step where the beam's best partial parse outscores the gold one
// by most, the transitions of the gold prefix are rewarded and those of
// the beam's best penalised. The gold sequence is latent: any sequence of
// zero-cost transitions (oracle.go) is gold, the best-scoring one found
// is used. Arc labels are learnt as in greedy training, along the gold
// sequence.

// step is one transition of a partial parse, with the label of its arc.
type step struct {
	t     int8
	label int32
}

// trainItem is a partial parse in a training beam.
type trainItem struct {
	st    state
	score float64
	hist  []step
	zero  bool // every transition so far was zero-cost
}

func (it *trainItem) copyFrom(o *trainItem) {
	it.st.copyFrom(&o.st)
	it.score, it.zero = o.score, o.zero
	it.hist = append(it.hist[:0], o.hist...)
}

// trainCand is a transition from a training beam item.
type trainCand struct {
	from, t int
	score   float64
	zero    bool
}

// globalTrainer holds the buffers of global training.
type globalTrainer struct {
	items    []trainItem // the beam and the next one, two halves
	cands    []trainCand
	gold     trainItem
	violGold []step
	violBest []step
	replay   state
}

// globalSentence trains on one example with a beam of tr.opt.Beam.
func (tr *trainer) globalSentence(ex *example) {
	g := &tr.global
	k := tr.opt.Beam
	if len(g.items) < 2*k {
		g.items = make([]trainItem, 2*k)
	}
	tr.ws.tk.reset(ex.s)
	here, there := g.items[:k], g.items[k:2*k]
	cur := here[:1]
	resetItem(&cur[0], len(ex.s.Tokens))
	resetItem(&g.gold, len(ex.s.Tokens))
	maxViol, violated := 0.0, false
	for !cur[0].st.terminal() {
		g.cands = g.cands[:0]
		for i := range cur {
			tr.expandTrain(&cur[i], i, ex)
		}
		best := topKTrain(g.cands, k)
		next := there[:len(best)]
		for j, c := range best {
			next[j].copyFrom(&cur[c.from])
			tr.takeTrain(&next[j], c, ex)
		}
		tr.advanceGold(ex)
		if v, ok := tr.violation(next); ok && (!violated || v > maxViol) {
			maxViol, violated = v, true
			g.violBest = append(g.violBest[:0], next[0].hist...)
			g.violGold = append(g.violGold[:0], g.gold.hist...)
		}
		cur, here, there = next, there, here
	}
	tr.steps++ // in global training, steps count parses and errs wrong ones
	if !cur[0].zero {
		tr.errs++
	}
	if violated {
		tr.globalUpdate(ex)
	}
	tr.p.trans.Tick()
}

func resetItem(it *trainItem, n int) {
	it.st.reset(n)
	it.score, it.zero = 0, true
	it.hist = it.hist[:0]
}

// expandTrain appends the valid transitions from item it (index i) with
// their summed raw scores and whether the item stays zero-cost.
func (tr *trainer) expandTrain(it *trainItem, i int, ex *example) {
	g := &tr.global
	st := &it.st
	if t, ok := st.forced(); ok {
		g.cands = append(g.cands, trainCand{i, t, it.score, it.zero && st.cost(t, ex.heads) == 0})
		return
	}
	feats := transitionFeatures(&tr.ws.x, st, &tr.ws.tk)
	tr.p.trans.Score(feats, tr.ws.scores)
	for t := range nTransitions {
		if st.valid(t) {
			zero := it.zero && st.cost(t, ex.heads) == 0
			g.cands = append(g.cands, trainCand{i, t, it.score + float64(tr.ws.scores[t]), zero})
		}
	}
}

// takeTrain applies candidate c to it (a copy of its origin), labelling
// its arc with the label model as it stands.
func (tr *trainer) takeTrain(it *trainItem, c trainCand, ex *example) {
	label := int32(-1)
	if c.t != shift {
		h, d := it.st.arc(c.t)
		label = tr.p.labelIn(&tr.ws, &it.st, h, d)
	}
	it.st.apply(c.t, label)
	it.score, it.zero = c.score, c.zero
	it.hist = append(it.hist, step{int8(c.t), label})
}

// advanceGold extends the gold sequence by its best zero-cost transition,
// learning the label of the arc it makes.
func (tr *trainer) advanceGold(ex *example) {
	gold := &tr.global.gold
	st := &gold.st
	t, ok := st.forced()
	if !ok {
		feats := transitionFeatures(&tr.ws.x, st, &tr.ws.tk)
		tr.p.trans.Score(feats, tr.ws.scores)
		t = -1
		for c := range nTransitions {
			if st.valid(c) && st.cost(c, ex.heads) == 0 && (t < 0 || tr.ws.scores[c] > tr.ws.scores[t]) {
				t = c
			}
		}
		gold.score += float64(tr.ws.scores[t])
	}
	// the gold sequence's state is tr.ws.st while its arc is labelled
	tr.ws.st.copyFrom(st)
	label := int32(-1)
	if t != shift {
		label = tr.labelArc(ex, t)
	}
	st.apply(t, label)
	gold.hist = append(gold.hist, step{int8(t), label})
}

// violation returns by how much the beam's best item outscores the gold
// sequence, and false when the best item is itself gold. A zero-cost item
// in the beam that scores better than the gold sequence becomes it.
func (tr *trainer) violation(beam []trainItem) (float64, bool) {
	gold := &tr.global.gold
	if beam[0].zero {
		gold.copyFrom(&beam[0])
		return 0, false
	}
	for j := range beam {
		if beam[j].zero && beam[j].score > gold.score {
			gold.copyFrom(&beam[j])
			break
		}
	}
	return beam[0].score - gold.score, true
}

// globalUpdate rewards the transitions of the gold prefix of the largest
// violation and penalises those of the beam's best, from where the two
// part.
func (tr *trainer) globalUpdate(ex *example) {
	g := &tr.global
	common := 0
	for common < len(g.violGold) && common < len(g.violBest) && g.violGold[common] == g.violBest[common] {
		common++
	}
	tr.replayAdd(ex, g.violGold, common, 1)
	tr.replayAdd(ex, g.violBest, common, -1)
}

// replayAdd replays the transitions hist from the start and adds delta to
// the weights of those from index from on.
func (tr *trainer) replayAdd(ex *example, hist []step, from int, delta float32) {
	st := &tr.global.replay
	st.reset(len(ex.s.Tokens))
	for i, s := range hist {
		if _, forced := st.forced(); i >= from && !forced {
			feats := transitionFeatures(&tr.ws.x, st, &tr.ws.tk)
			tr.p.trans.Add(feats, int(s.t), delta)
		}
		st.apply(int(s.t), s.label)
	}
}

// topKTrain moves the k best candidates (ties: the earlier first) to the
// front of cs and returns them.
func topKTrain(cs []trainCand, k int) []trainCand {
	return bestFirst(cs, k, func(c *trainCand) float64 { return c.score })
}
