package tagger

import (
	"hash/maphash"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Most of a token's features depend on one word of its window alone (see
// wordFeatures). A tagger keeps, per word type, the sum of the weights of
// those features in each role, so that scoring a token adds five vectors
// and looks up only the context features. The cache fills as words are
// met, up to cacheBytes; the words met after that are described and
// scored on each use, in the calling goroutine's scratch memory.

// cacheBytes bounds the memory of a tagger's word cache.
const cacheBytes = 48 << 20

// entry is what a tagger knows of one word type.
type entry struct {
	form string
	hash uint64
	w    word
	// dict is the word's class in the tag dictionary, -1 when it has none.
	dict int32
	// vecs holds, role after role, the scores of the word's features in
	// that role (nRoles × classes).
	vecs []float32
	// lemmas are the lemmas found for the word under up to two XPOS tags.
	lemmas [2]atomic.Pointer[lemmaAt]
}

// lemmaAt is a word's lemma under one XPOS.
type lemmaAt struct {
	xpos  uint8
	lemma string
}

// vec returns the scores of e's features in role r.
func (e *entry) vec(r, classes int) []float32 {
	return e.vecs[r*classes : (r+1)*classes : (r+1)*classes]
}

// wordCache is a concurrency-safe, insert-only hash table of entries:
// lookups are lock-free (atomic loads of the slots); inserts take mu and
// allocate from slabs.
type wordCache struct {
	seed  maphash.Seed
	slots []atomic.Pointer[entry]
	mask  uint64
	max   int // entries at most

	mu     sync.Mutex
	n      int
	ents   []entry   // slab of entries not yet used
	floats []float32 // slab of vector memory not yet used
	bytes  []byte    // slab of form bytes not yet used
}

// slabEntries is the number of entries a slab holds.
const slabEntries = 256

func newWordCache(classes int) *wordCache {
	per := int(unsafe.Sizeof(entry{})) + 4*nRoles*classes + 16
	max := max(64, cacheBytes/per)
	size := 1
	for size < 2*max {
		size <<= 1
	}
	return &wordCache{seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[entry], size), mask: uint64(size - 1), max: max}
}

// find returns the entry of form (of hash h), or nil.
func (c *wordCache) find(form string, h uint64) *entry {
	for i := h & c.mask; ; i = (i + 1) & c.mask {
		e := c.slots[i].Load()
		if e == nil {
			return nil
		}
		if e.hash == h && e.form == form {
			return e
		}
	}
}

// add returns the cached entry of form, making it with fill when it is
// not cached yet; it returns nil when the cache is full.
func (c *wordCache) add(form string, h uint64, classes int, fill func(*entry)) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.find(form, h); e != nil {
		return e
	}
	if c.n >= c.max {
		return nil
	}
	e := c.newEntry(form, h, classes)
	fill(e)
	i := h & c.mask
	for c.slots[i].Load() != nil {
		i = (i + 1) & c.mask
	}
	c.slots[i].Store(e)
	c.n++
	return e
}

// newEntry takes an entry, its vectors and a copy of form from the slabs
// (the copy, so that the cache does not keep the caller's text alive).
func (c *wordCache) newEntry(form string, h uint64, classes int) *entry {
	if len(c.ents) == 0 {
		c.ents = make([]entry, slabEntries)
	}
	need := nRoles * classes
	if len(c.floats) < need {
		c.floats = make([]float32, max(need, slabEntries*need))
	}
	if len(c.bytes) < len(form) {
		c.bytes = make([]byte, max(len(form), 1<<14))
	}
	e := &c.ents[0]
	c.ents = c.ents[1:]
	e.vecs, c.floats = c.floats[:need:need], c.floats[need:]
	n := copy(c.bytes, form)
	e.form, c.bytes = bytesString(c.bytes[:n:n]), c.bytes[n:]
	e.hash = h
	return e
}

// cache returns t's word cache, made on first use.
func (t *Tagger) cache() *wordCache {
	t.cacheOnce.Do(func() {
		n := len(t.classes)
		t.words = newWordCache(n)
		t.tags = make([]atomic.Pointer[[]float32], (n+2)*(n+2))
		for k, w := range []word{start2, start1, end1, end2} {
			e := &entry{w: w, dict: -1, vecs: make([]float32, nRoles*n)}
			t.fillVecs(e, make([]uint64, 0, nTemplates))
			t.pads[k] = e
		}
	})
	return t.words
}

// lookup returns the entry of form: the cached one, or one made in sc's
// memory when the cache is full.
func (t *Tagger) lookup(sc *scratch, c *wordCache, form string) *entry {
	h := maphash.String(c.seed, form)
	if e := c.find(form, h); e != nil {
		return e
	}
	fill := func(e *entry) { t.fillEntry(sc, e) }
	if e := c.add(form, h, len(t.classes), fill); e != nil {
		return e
	}
	e := sc.spare()
	need := nRoles * len(t.classes)
	if cap(e.vecs) < need {
		e.vecs = make([]float32, need)
	}
	e.vecs = e.vecs[:need]
	e.form, e.hash = form, h
	e.lemmas[0].Store(nil)
	e.lemmas[1].Store(nil)
	t.fillEntry(sc, e)
	return e
}

// fillEntry describes e.form and fills in its dictionary class and
// vectors.
func (t *Tagger) fillEntry(sc *scratch, e *entry) {
	e.w, sc.buf = describe(e.form, sc.buf, t.amb, t.cased)
	e.dict = -1
	if c, ok := t.dict[e.form]; ok {
		e.dict = int32(c)
	}
	t.fillVecs(e, sc.feats)
}

// fillVecs scores e's word in each role into e.vecs, using feats as
// scratch.
func (t *Tagger) fillVecs(e *entry, feats []uint64) {
	n := len(t.classes)
	for r := range nRoles {
		feats = wordFeatures(feats[:0], &e.w, r)
		t.model.Score(feats, e.vec(r, n))
	}
}

// lemma returns the lemma of e's form under XPOS x, remembering it.
func (t *Tagger) lemma(e *entry, x uint8) string {
	for k := range e.lemmas {
		if l := e.lemmas[k].Load(); l != nil && l.xpos == x {
			return l.lemma
		}
	}
	s := t.lemmas.lemma(e.form, x)
	at := &lemmaAt{xpos: x, lemma: s}
	if !e.lemmas[0].CompareAndSwap(nil, at) {
		e.lemmas[1].Store(at)
	}
	return s
}

// tagScores returns the scores of the tag features of previous classes
// p1 and p2 (classes or the start values), computed on first use.
func (t *Tagger) tagScores(p1, p2 int) []float32 {
	n := len(t.classes)
	slot := &t.tags[p1*(n+2)+p2]
	if v := slot.Load(); v != nil {
		return *v
	}
	v := make([]float32, n)
	var buf [3]uint64
	t.model.Score(tagFeatures(buf[:0], p1, p2), v)
	slot.CompareAndSwap(nil, &v)
	return v
}
