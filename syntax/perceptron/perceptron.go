// Package perceptron is a multi-class averaged perceptron over hashed,
// sparse, binary features: the learner of newsgraph's tagger, parser and
// name tagger.
//
// A Model is trained with [Model.Update] (one call per training
// instance; averaging is lazy, with timestamps) and frozen with
// [Model.Finish] or [Model.FinishCompact], which average the weights,
// quantize them to int16 with one scale for the model and keep only the
// non-zero ones. A frozen
// model is read-only and safe for concurrent use; it is written with
// [Model.WriteTo] and read back with [Read] or [Load], byte for byte the
// same for the same training.
//
// Features are uint64 hashes built with [Template], [String] and [Uint].
// Each feature holds weights only for the classes it was updated for, so
// a model with many classes stays small. A frozen model keeps its
// features in an open-addressing hash table (the weights of models of up to 4 classes inside the slots) behind a
// small Bloom filter, so that looking up an unknown feature seldom leaves
// the cache.
package perceptron

import (
	"fmt"
	"math"
	"slices"
)

// Model is a multi-class averaged perceptron. A new model is in training;
// after Finish (or when read from a file) it is frozen.
type Model struct {
	// Meta describes where the model came from; it is written with the
	// model. WriteTo fills in Meta.Features.
	Meta Meta

	classes int
	train   *trainer // nil when frozen
	frozen  frozenTable
	// hits is, for a model frozen after training (not one read from a
	// file), how many times Score found each feature (by frozen key)
	// while training: for DropRare.
	hits map[uint64]uint32
}

// New returns a model in training for classes classes (1 ≤ classes ≤ 65535).
func New(classes int) *Model {
	if classes < 1 || classes > maxClasses {
		panic(fmt.Sprintf("perceptron: %d classes, want 1 to %d", classes, maxClasses))
	}
	return &Model{classes: classes, train: newTrainer()}
}

const maxClasses = 1<<16 - 1

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Frozen reports whether the model has been finished (or read).
func (m *Model) Frozen() bool { return m.train == nil }

// Features returns the number of features that hold weights.
func (m *Model) Features() int {
	if m.train != nil {
		return m.train.n
	}
	return m.frozen.n
}

// Score sets scores[c] (len(scores) ≥ Classes()) to the sum of the weights
// of class c over feats. It does not allocate. While training it uses the
// current weights, once frozen the averaged ones.
func (m *Model) Score(feats []uint64, scores []float32) {
	scores = scores[:m.classes]
	clear(scores)
	if m.train != nil {
		m.train.score(feats, scores)
		return
	}
	m.frozen.score(feats, scores)
}

// Predict scores feats into scores and returns the best class (the
// lowest-numbered of equal scores).
func (m *Model) Predict(feats []uint64, scores []float32) int {
	m.Score(feats, scores)
	return Argmax(scores[:m.classes])
}

// Argmax returns the index of the highest score, the first of equal ones;
// -1 when scores is empty.
func Argmax(scores []float32) int {
	best := -1
	bs := float32(math.Inf(-1))
	for i, s := range scores {
		if best < 0 || s > bs {
			best, bs = i, s
		}
	}
	return best
}

// Update is one training instance: when guess differs from truth, the
// weights of feats move towards truth (+1) and away from guess (−1). It
// always advances the averaging clock, so call it for correct guesses
// too. It panics on a frozen model.
func (m *Model) Update(feats []uint64, truth, guess int) {
	if truth != guess {
		m.Add(feats, truth, 1)
		m.Add(feats, guess, -1)
	}
	m.Tick()
}

// Add adds delta to the weight of class for each of feats, at the current
// clock: a building block for updates other than Update's (cost-scaled,
// several classes). It panics on a frozen model.
func (m *Model) Add(feats []uint64, class int, delta float32) {
	m.mustTrain()
	if class < 0 || class >= m.classes {
		panic(fmt.Sprintf("perceptron: class %d of %d", class, m.classes))
	}
	for _, f := range feats {
		m.train.add(f, uint16(class), delta)
	}
}

// Tick advances the averaging clock by one training instance.
func (m *Model) Tick() {
	m.mustTrain()
	m.train.clock++
}

func (m *Model) mustTrain() {
	if m.train == nil {
		panic("perceptron: update of a frozen model")
	}
}

// Finish averages the weights over the training instances, quantizes
// them and freezes the model. Weights that round to zero are dropped, and
// features left without weights. Finish on a frozen model does nothing.
// The model is written in format version 1, with 64-bit feature keys.
func (m *Model) Finish() { m.finish(false) }

// FinishCompact is Finish with feature keys truncated to 40 bits (format
// version 2): about 4 bytes a feature smaller on disk, at a chance of
// about n/2^40 per lookup that an unknown feature takes the weights of one
// of the n known ones (features whose keys meet are merged).
func (m *Model) FinishCompact() { m.finish(true) }

func (m *Model) finish(compact bool) {
	if m.train == nil {
		return
	}
	feats := m.train.averaged()
	kshift := uint(0)
	if compact {
		feats, kshift = truncateKeys(feats), keyShift
	}
	m.train = nil
	m.hits = make(map[uint64]uint32, len(feats))
	for _, f := range feats {
		m.hits[f.key] = f.hits
	}
	m.frozen = quantize(feats, m.classes, kshift)
}

// Counted reports whether the model is frozen and knows how many times
// training found each feature: whether DropRare can be used.
func (m *Model) Counted() bool { return m.train == nil && m.hits != nil }

// DropRare returns a copy of a model frozen after training without the
// features that Score found fewer than min times while training (in any
// epoch, and in configurations of any kind): a frequency cutoff, which,
// unlike Prune, drops the features that are seldom looked up, so that
// more of the rest stays in cache. It panics on a model in training or
// read from a file (which has no counts).
func (m *Model) DropRare(min uint32) *Model {
	if m.train != nil || m.hits == nil {
		panic("perceptron: DropRare needs a model frozen after training")
	}
	feats := m.frozen.features()
	out := feats[:0]
	for _, f := range feats {
		if m.hits[f.key] >= min {
			out = append(out, f)
		}
	}
	c := &Model{Meta: m.Meta, classes: m.classes, hits: m.hits}
	c.frozen = buildFrozen(out, m.frozen.scale, m.classes, m.frozen.kshift)
	return c
}

// Prune drops the weights of a frozen model whose magnitude is below min
// and returns how many it dropped: a smaller file for a little accuracy.
func (m *Model) Prune(min float32) int {
	if m.train != nil {
		panic("perceptron: Prune before Finish")
	}
	feats := m.frozen.features()
	dropped := 0
	q := int32(math.Min(32768, math.Ceil(float64(min/m.frozen.scale))))
	out := feats[:0]
	for _, f := range feats {
		kept := f.entries[:0]
		for _, e := range f.entries {
			if abs32(int32(entryWeight(e))) < q {
				dropped++
				continue
			}
			kept = append(kept, e)
		}
		if len(kept) > 0 {
			f.entries = kept
			out = append(out, f)
		}
	}
	m.frozen = buildFrozen(out, m.frozen.scale, m.classes, m.frozen.kshift)
	return dropped
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// feature is one feature's weights, for building and writing a frozen
// table: entries are packed class<<16 | uint16(weight), by class.
type feature struct {
	key     uint64
	entries []uint32
}

type avgFeature struct {
	key     uint64
	hits    uint32 // times Score found the feature in training
	classes []uint16
	weights []float64
}

// quantize maps averaged weights to int16 with one scale (the largest
// magnitude maps to 32767) and builds the frozen table.
func quantize(avg []avgFeature, classes int, kshift uint) frozenTable {
	maxAbs := 0.0
	for _, f := range avg {
		for _, w := range f.weights {
			maxAbs = math.Max(maxAbs, math.Abs(w))
		}
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = float32(maxAbs / 32767)
	}
	var out []feature
	for _, f := range avg {
		var entries []uint32
		for i, w := range f.weights {
			q := math.Round(w / float64(scale))
			q = math.Max(-32767, math.Min(32767, q))
			if q != 0 {
				entries = append(entries, packEntry(f.classes[i], int16(q)))
			}
		}
		if len(entries) > 0 {
			slices.Sort(entries) // by class: the class is in the high bits
			out = append(out, feature{key: f.key, entries: entries})
		}
	}
	return buildFrozen(out, scale, classes, kshift)
}

func packEntry(class uint16, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }
func entryClass(e uint32) uint16             { return uint16(e >> 16) }
func entryWeight(e uint32) int16             { return int16(uint16(e)) }

// Known reports whether feature f holds weights (of a frozen model; of
// the current weights while training).
func (m *Model) Known(f uint64) bool {
	if m.train != nil {
		i := m.train.find(norm(f))
		return m.train.keys[i] != 0
	}
	return m.frozen.has(f)
}
