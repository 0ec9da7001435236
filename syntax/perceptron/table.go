package perceptron

import (
	"math/bits"
	"slices"
)

// Both tables are open-addressing hash tables with linear probing, indexed
// by the high bits of key·φ (Fibonacci hashing); key 0 marks an empty slot,
// so a feature whose hash is 0 is stored as 1.

const fib = 0x9e3779b97f4a7c15

func norm(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// tableShift returns the shift that indexes a table of 2^b ≥ 2n slots.
func tableShift(n int) (size int, shift uint) {
	b := max(3, bits.Len(uint(2*n)))
	return 1 << b, uint(64 - b)
}

// trainer holds the weights of a model in training: per feature a linked
// list (in entries) of the classes it has weights for.
type trainer struct {
	keys    []uint64
	heads   []int32
	hits    []uint32 // by slot: how many times score found the feature
	n       int
	shift   uint
	entries []tentry
	clock   int64
}

type tentry struct {
	total float64 // sum of the weight over the clock ticks before stamp
	stamp int64
	w     float32
	next  int32
	class uint16
}

func newTrainer() *trainer {
	size, shift := tableShift(1 << 12)
	return &trainer{keys: make([]uint64, size), heads: make([]int32, size), hits: make([]uint32, size), shift: shift}
}

// find returns the slot of key k, or the empty slot where it would go.
func (t *trainer) find(k uint64) int {
	mask := len(t.keys) - 1
	i := int((k * fib) >> t.shift)
	for t.keys[i] != k && t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	return i
}

func (t *trainer) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		k := norm(f)
		i := t.find(k)
		if t.keys[i] == 0 {
			continue
		}
		if t.hits[i] < 1<<32-1 {
			t.hits[i]++
		}
		for e := t.heads[i]; e >= 0; {
			en := &t.entries[e]
			scores[en.class] += en.w
			e = en.next
		}
	}
}

func (t *trainer) add(f uint64, class uint16, delta float32) {
	k := norm(f)
	i := t.find(k)
	if t.keys[i] == 0 {
		if 2*(t.n+1) > len(t.keys) {
			t.grow()
			i = t.find(k)
		}
		t.keys[i], t.heads[i] = k, -1
		t.n++
	}
	e := t.heads[i]
	for e >= 0 && t.entries[e].class != class {
		e = t.entries[e].next
	}
	if e < 0 {
		t.entries = append(t.entries, tentry{stamp: t.clock, next: t.heads[i], class: class})
		e = int32(len(t.entries) - 1)
		t.heads[i] = e
	}
	en := &t.entries[e]
	en.total += float64(t.clock-en.stamp) * float64(en.w)
	en.stamp = t.clock
	en.w += delta
}

func (t *trainer) grow() {
	keys, heads, hits := t.keys, t.heads, t.hits
	size, shift := tableShift(2 * t.n)
	t.keys, t.heads, t.hits, t.shift = make([]uint64, size), make([]int32, size), make([]uint32, size), shift
	for i, k := range keys {
		if k != 0 {
			j := t.find(k)
			t.keys[j], t.heads[j], t.hits[j] = k, heads[i], hits[i]
		}
	}
}

// averaged returns every feature's weights averaged over the clock, by key.
func (t *trainer) averaged() []avgFeature {
	out := make([]avgFeature, 0, t.n)
	for i, k := range t.keys {
		if k == 0 {
			continue
		}
		f := avgFeature{key: k, hits: t.hits[i]}
		for e := t.heads[i]; e >= 0; e = t.entries[e].next {
			en := &t.entries[e]
			avg := 0.0
			if t.clock > 0 {
				avg = (en.total + float64(t.clock-en.stamp)*float64(en.w)) / float64(t.clock)
			}
			f.classes = append(f.classes, en.class)
			f.weights = append(f.weights, avg)
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b avgFeature) int {
		if a.key < b.key {
			return -1
		}
		if a.key > b.key {
			return 1
		}
		return 0
	})
	return out
}
