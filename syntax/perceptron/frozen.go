package perceptron

import (
	"math/bits"
	"slices"
	"unsafe"
)

// keyShift truncates feature hashes to their high 40 bits in frozen
// models (format version 2): a smaller file (the sorted keys' deltas take
// about 3 bytes), at a chance of about n/2^40 per lookup that an unknown
// feature takes the weights of one of the n known ones.
const keyShift = 24

// denseClasses is the largest number of classes whose weights are stored
// in the table's slots themselves, one cache line access per feature.
const denseClasses = 4

// frozenTable is a finished model. Models of up to denseClasses classes
// keep each feature's weights in its slot (dense); others keep per feature
// a run of packed entries (class<<16 | int16 weight) in entries (sparse).
// A weight w stands for w·scale.
type frozenTable struct {
	dense []denseSlot
	slots []slot
	// shift takes a key to its home slot: its high bits. Keys are hashes,
	// so those are uniform, and keys in order have their home slots in
	// order: a table is built from a file (features in key order) by
	// writes that go forward through memory.
	shift   uint
	kshift  uint // key truncation: 0 (format 1) or keyShift
	entries []uint32
	scale   float32
	n       int // features
	filter  []uint64
	fshift  uint
}

type denseSlot struct {
	key uint64
	w   [denseClasses]int16
}

type slot struct {
	key uint64
	off uint32
	n   uint32
}

// buildFrozen builds the table of features (keys already truncated by
// kshift).
func buildFrozen(feats []feature, scale float32, classes int, kshift uint) frozenTable {
	total := 0
	for _, f := range feats {
		total += len(f.entries)
	}
	tb := newTableBuilder(len(feats), total, classes, scale, kshift)
	for _, f := range feats {
		tb.add(f.key, f.entries)
	}
	return tb.done()
}

// tableBuilder fills a frozen table of a known size, feature by feature.
type tableBuilder struct {
	ft   frozenTable
	mask int
}

func newTableBuilder(features, entries, classes int, scale float32, kshift uint) *tableBuilder {
	size, shift := tableShift(features)
	tb := &tableBuilder{ft: frozenTable{shift: shift - kshift, kshift: kshift, scale: scale, n: features}, mask: size - 1}
	if classes <= denseClasses {
		tb.ft.dense = make([]denseSlot, size)
		adviseHuge(unsafe.Pointer(&tb.ft.dense[0]), uintptr(size)*unsafe.Sizeof(denseSlot{}))
		return tb
	}
	tb.ft.slots = make([]slot, size)
	adviseHuge(unsafe.Pointer(&tb.ft.slots[0]), uintptr(size)*unsafe.Sizeof(slot{}))
	tb.ft.entries = make([]uint32, 0, entries)
	if entries > 0 {
		adviseHuge(unsafe.Pointer(unsafe.SliceData(tb.ft.entries)), uintptr(entries)*4)
	}
	return tb
}

// add inserts a feature that is not in the table yet.
func (tb *tableBuilder) add(key uint64, entries []uint32) {
	ft := &tb.ft
	i := int(key >> ft.shift)
	if ft.dense != nil {
		for ft.dense[i].key != 0 {
			i = (i + 1) & tb.mask
		}
		ft.dense[i].key = key
		for _, e := range entries {
			ft.dense[i].w[entryClass(e)] = entryWeight(e)
		}
		return
	}
	for ft.slots[i].key != 0 {
		i = (i + 1) & tb.mask
	}
	ft.slots[i] = slot{key: key, off: uint32(len(ft.entries)), n: uint32(len(entries))}
	ft.entries = append(ft.entries, entries...)
}

// done builds the filter and returns the table.
func (tb *tableBuilder) done() frozenTable {
	ft := tb.ft
	b := max(6, bits.Len(uint(filterBits*ft.n)))
	ft.filter = make([]uint64, 1<<(b-6))
	ft.fshift = uint(64 - b)
	set := func(k uint64) {
		i := (k * fib2) >> ft.fshift
		ft.filter[i>>6] |= 1 << (i & 63)
	}
	for _, s := range ft.dense {
		if s.key != 0 {
			set(s.key)
		}
	}
	for _, s := range ft.slots {
		if s.key != 0 {
			set(s.key)
		}
	}
	return ft
}

func (ft *frozenTable) score(feats []uint64, scores []float32) {
	if ft.n == 0 {
		return
	}
	if ft.dense != nil {
		ft.scoreDense(feats, scores)
	} else {
		ft.scoreSparse(feats, scores)
	}
	for c := range scores {
		scores[c] *= ft.scale
	}
}

// The filter is a one-hash Bloom filter of the keys, 8 bits a key
// (about 12% false positives): it fits in a core's cache where the table
// does not, so most lookups of unknown features end there.
const filterBits = 8

const fib2 = 0xc2b2ae3d27d4eb4f

func (ft *frozenTable) mayHave(k uint64) bool {
	i := (k * fib2) >> ft.fshift
	return ft.filter[i>>6]&(1<<(i&63)) != 0
}

// Both score functions first find the keys of feats that the filter
// lets through and load each one's home slot, with no branch on what the
// slot holds, so that those memory accesses overlap; the probes that
// follow find the slots in cache.

func (ft *frozenTable) scoreDense(feats []uint64, scores []float32) {
	slots := ft.dense
	mask := len(slots) - 1
	var buf [192]uint64
	keys := buf[:0]
	var touch uint64
	for _, f := range feats {
		k := norm(f >> ft.kshift)
		if ft.mayHave(k) {
			keys = append(keys, k)
			touch += slots[int(k>>ft.shift)&mask].key
		}
	}
	var acc [denseClasses]float32
	for _, k := range keys {
		i := int(k >> ft.shift)
		for {
			s := &slots[i&mask]
			if s.key == k {
				for c, w := range s.w {
					acc[c] += float32(w)
				}
				break
			}
			if s.key == 0 {
				break
			}
			i++
		}
	}
	if touch == 1 { // never: keeps the loads
		acc[0] += 0
	}
	copy(scores, acc[:])
}

func (ft *frozenTable) scoreSparse(feats []uint64, scores []float32) {
	slots, entries := ft.slots, ft.entries
	mask := len(slots) - 1
	var buf [192]uint64
	keys := buf[:0]
	var touch uint64
	for _, f := range feats {
		k := norm(f >> ft.kshift)
		if ft.mayHave(k) {
			keys = append(keys, k)
			touch += slots[int(k>>ft.shift)&mask].key
		}
	}
	for _, k := range keys {
		i := int(k >> ft.shift)
		for {
			s := &slots[i&mask]
			if s.key == k {
				for _, e := range entries[s.off : s.off+s.n] {
					scores[e>>16] += float32(int16(uint16(e)))
				}
				break
			}
			if s.key == 0 {
				break
			}
			i++
		}
	}
	if touch == 1 { // never: keeps the loads
		scores[0] += 0
	}
}

// features returns the table's features sorted by key.
func (ft *frozenTable) features() []feature {
	out := make([]feature, 0, ft.n)
	for _, s := range ft.dense {
		if s.key == 0 {
			continue
		}
		f := feature{key: s.key}
		for c, w := range s.w {
			if w != 0 {
				f.entries = append(f.entries, packEntry(uint16(c), w))
			}
		}
		out = append(out, f)
	}
	for _, s := range ft.slots {
		if s.key != 0 {
			out = append(out, feature{key: s.key, entries: slices.Clone(ft.entries[s.off : s.off+s.n])})
		}
	}
	slices.SortFunc(out, func(a, b feature) int { return cmpKey(a.key, b.key) })
	return out
}

func cmpKey(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// entryCount returns the number of weights.
func (ft *frozenTable) entryCount() int {
	if ft.dense == nil {
		return len(ft.entries)
	}
	n := 0
	for _, s := range ft.dense {
		for _, w := range s.w {
			if w != 0 {
				n++
			}
		}
	}
	return n
}

// truncateKeys maps averaged features to keys truncated by keyShift,
// summing the weights of features whose keys meet; the result is sorted by
// key, with classes in order.
func truncateKeys(avg []avgFeature) []avgFeature {
	for i := range avg {
		avg[i].key = norm(avg[i].key >> keyShift)
	}
	slices.SortStableFunc(avg, func(a, b avgFeature) int { return cmpKey(a.key, b.key) })
	out := avg[:0]
	for _, f := range avg {
		if n := len(out); n > 0 && out[n-1].key == f.key {
			out[n-1] = mergeAvg(out[n-1], f)
			continue
		}
		out = append(out, f)
	}
	for i := range out {
		sortAvg(&out[i])
	}
	return out
}

func mergeAvg(a, b avgFeature) avgFeature {
	a.hits = satAdd(a.hits, b.hits)
	for i, c := range b.classes {
		if j := slices.Index(a.classes, c); j >= 0 {
			a.weights[j] += b.weights[i]
		} else {
			a.classes = append(a.classes, c)
			a.weights = append(a.weights, b.weights[i])
		}
	}
	return a
}

// sortAvg puts a feature's classes in order.
func sortAvg(f *avgFeature) {
	idx := make([]int, len(f.classes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return int(f.classes[a]) - int(f.classes[b]) })
	classes, weights := make([]uint16, len(idx)), make([]float64, len(idx))
	for i, j := range idx {
		classes[i], weights[i] = f.classes[j], f.weights[j]
	}
	f.classes, f.weights = classes, weights
}

// has reports whether feature f has weights.
func (ft *frozenTable) has(f uint64) bool {
	k := norm(f >> ft.kshift)
	if ft.n == 0 {
		return false
	}
	mask := uint64(max(len(ft.dense), len(ft.slots)) - 1)
	for i := k >> ft.shift; ; i = (i + 1) & mask {
		var key uint64
		if ft.dense != nil {
			key = ft.dense[i].key
		} else {
			key = ft.slots[i].key
		}
		if key == k {
			return true
		}
		if key == 0 {
			return false
		}
	}
}

func satAdd(a, b uint32) uint32 {
	if s := a + b; s >= a {
		return s
	}
	return 1<<32 - 1
}
