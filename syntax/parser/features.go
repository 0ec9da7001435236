package parser

import (
	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// Feature templates follow Zhang & Nivre (2011), adapted to arc-hybrid
// (s1 plays the part of s0's head): words, XPOS and UPOS of s0–s2 and
// b0–b2; the left- and rightmost children of s0, s1 and b0 (and the
// second ones: third-order features) with their labels; the distance
// s0–b0 and s1–s0; valencies; label sets. A feature's hash conjoins its
// template's seed with its values by comb, one multiplication per value.

func comb(h, v uint64) uint64 { return (h ^ v) * 0x100000001b3 }

var seeds = func() (s [256]uint64) {
	for i := range s {
		s[i] = perceptron.Template(uint32(i))
	}
	return s
}()

// tokens holds the hashed attributes of a sentence's nodes, index node+1:
// index 0 is "no node", index 1 the root.
type tokens struct {
	w, p, u, wp []uint64
}

var (
	noneHash = perceptron.String(0, "<none>")
	rootHash = perceptron.String(0, "<root>")
)

func (tk *tokens) reset(s *syntax.Sentence) {
	n := len(s.Tokens) + 2
	tk.w, tk.p, tk.u, tk.wp = grow(tk.w, n), grow(tk.p, n), grow(tk.u, n), grow(tk.wp, n)
	tk.w[0], tk.p[0], tk.u[0] = noneHash, noneHash, noneHash
	tk.w[1], tk.p[1], tk.u[1] = rootHash, rootHash, rootHash
	for i := range s.Tokens {
		t := &s.Tokens[i]
		tk.w[i+2] = wordHash(t.Form)
		tk.p[i+2] = perceptron.String(1, t.XPOS)
		tk.u[i+2] = perceptron.String(2, t.UPOS)
	}
	for i := range n {
		tk.wp[i] = comb(tk.w[i], tk.p[i])
	}
}

func grow(a []uint64, n int) []uint64 {
	if cap(a) < n {
		return make([]uint64, n)
	}
	return a[:n]
}

// wordHash hashes a word form lower-cased (ASCII) with digits as 0.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return perceptron.Uint(h, uint64(len(s)))
}

// extractor appends the features of a configuration to out.
type extractor struct {
	out []uint64
	t   int
}

func (x *extractor) f1(a uint64) {
	x.out = append(x.out, comb(seeds[x.t], a))
	x.t++
}

func (x *extractor) f2(a, b uint64) {
	x.out = append(x.out, comb(comb(seeds[x.t], a), b))
	x.t++
}

func (x *extractor) f3(a, b, c uint64) {
	x.out = append(x.out, comb(comb(comb(seeds[x.t], a), b), c))
	x.t++
}

// dist buckets the distance between nodes a < b; 0 when either is missing.
func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

// node returns child array a's entry for node i, -1 for no node.
func node(a []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return a[i]
}

func val(a []int32, i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(min(a[i], 6)) + 1
}

func set(a []uint64, i int32) uint64 {
	if i < 0 {
		return 0
	}
	return a[i]
}

// lab returns node i's label as a feature value: 0 none, 1 not attached.
func lab(st *state, i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(st.label[i] + 2)
}

// transitionFeatures returns the features of the configuration.
func transitionFeatures(x *extractor, st *state, tk *tokens) []uint64 {
	x.out, x.t = x.out[:0], 0
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0, b1, b2 := st.q(0), st.q(1), st.q(2)
	s0l1, s0l2, s0r1, s0r2 := node(st.l1, s0), node(st.l2, s0), node(st.r1, s0), node(st.r2, s0)
	s1l1, s1r1, s1r2 := node(st.l1, s1), node(st.r1, s1), node(st.r2, s1)
	b0l1, b0l2 := node(st.l1, b0), node(st.l2, b0)
	w, p, u, wp := tk.w, tk.p, tk.u, tk.wp
	// index node+1
	S0, S1, S2, B0, B1, B2 := s0+1, s1+1, s2+1, b0+1, b1+1, b2+1
	S0L1, S0L2, S0R1, S0R2 := s0l1+1, s0l2+1, s0r1+1, s0r2+1
	S1L1, S1R1, S1R2 := s1l1+1, s1r1+1, s1r2+1
	B0L1, B0L2 := b0l1+1, b0l2+1

	x.f1(1) // bias
	// unigrams
	x.f1(w[S0])
	x.f1(p[S0])
	x.f1(wp[S0])
	x.f1(u[S0])
	x.f1(w[S1])
	x.f1(p[S1])
	x.f1(wp[S1])
	x.f1(w[B0])
	x.f1(p[B0])
	x.f1(wp[B0])
	x.f1(u[B0])
	x.f1(w[B1])
	x.f1(p[B1])
	x.f1(wp[B1])
	x.f1(w[B2])
	x.f1(p[B2])
	x.f1(p[S2])
	x.f1(u[S1])
	x.f1(u[B1])
	// pairs
	x.f2(wp[S0], wp[B0])
	x.f2(wp[S0], w[B0])
	x.f2(w[S0], wp[B0])
	x.f2(wp[S0], p[B0])
	x.f2(p[S0], wp[B0])
	x.f2(w[S0], w[B0])
	x.f2(p[S0], p[B0])
	x.f2(u[S0], u[B0])
	x.f2(p[B0], p[B1])
	x.f2(wp[S1], wp[S0])
	x.f2(wp[S1], p[S0])
	x.f2(p[S1], wp[S0])
	x.f2(w[S1], w[S0])
	x.f2(p[S1], p[S0])
	x.f2(u[S1], u[S0])
	x.f2(wp[S1], p[B0])
	x.f2(p[S1], wp[B0])
	x.f2(w[S1], w[B0])
	// triples
	x.f3(p[B0], p[B1], p[B2])
	x.f3(p[S0], p[B0], p[B1])
	x.f3(p[S1], p[S0], p[B0])
	x.f3(u[S1], u[S0], u[B0])
	x.f3(p[S2], p[S1], p[S0])
	x.f3(p[S1], p[S0], p[B1])
	x.f3(p[S0], p[S0L1], p[B0])
	x.f3(p[S0], p[S0R1], p[B0])
	x.f3(p[S0], p[B0], p[B0L1])
	x.f3(p[S1], p[S1R1], p[S0])
	x.f3(p[S1], p[S0], p[S0L1])
	x.f3(p[S1], p[S0], p[S0R1])
	x.f3(p[S1], p[S1L1], p[S0])
	x.f3(w[S1], p[S0], p[B0])
	x.f3(p[S1], w[S0], p[B0])
	x.f3(p[S1], p[S0], w[B0])
	// distance
	d0, d1 := dist(s0, b0), dist(s1, s0)
	x.f2(w[S0], d0)
	x.f2(p[S0], d0)
	x.f2(w[B0], d0)
	x.f2(p[B0], d0)
	x.f3(w[S0], w[B0], d0)
	x.f3(p[S0], p[B0], d0)
	x.f3(p[S1], p[S0], d1)
	x.f3(w[S1], w[S0], d1)
	x.f2(wp[S1], d1)
	x.f2(wp[S0], d1)
	// valency
	x.f2(w[S0], val(st.nr, s0))
	x.f2(p[S0], val(st.nr, s0))
	x.f2(w[S0], val(st.nl, s0))
	x.f2(p[S0], val(st.nl, s0))
	x.f2(w[B0], val(st.nl, b0))
	x.f2(p[B0], val(st.nl, b0))
	x.f2(wp[S1], val(st.nr, s1))
	x.f2(p[S1], val(st.nl, s1))
	// children
	x.f1(w[S0L1])
	x.f1(p[S0L1])
	x.f1(lab(st, s0l1))
	x.f1(w[S0R1])
	x.f1(p[S0R1])
	x.f1(lab(st, s0r1))
	x.f1(w[B0L1])
	x.f1(p[B0L1])
	x.f1(lab(st, b0l1))
	x.f1(w[S1R1])
	x.f1(p[S1R1])
	x.f1(lab(st, s1r1))
	x.f2(p[S1L1], lab(st, s1l1))
	x.f3(p[S0], lab(st, s0l1), p[B0])
	x.f3(p[S1], lab(st, s1r1), p[S0])
	x.f3(p[S0], lab(st, s0r1), p[B0])
	// third order
	x.f1(w[S0L2])
	x.f1(p[S0L2])
	x.f1(lab(st, s0l2))
	x.f1(w[S0R2])
	x.f1(p[S0R2])
	x.f1(lab(st, s0r2))
	x.f1(w[B0L2])
	x.f1(p[B0L2])
	x.f1(lab(st, b0l2))
	x.f3(p[S0], p[S0L1], p[S0L2])
	x.f3(p[S0], p[S0R1], p[S0R2])
	x.f3(p[B0], p[B0L1], p[B0L2])
	x.f3(p[S1], p[S1R1], p[S1R2])
	// label sets
	x.f2(w[S0], set(st.rs, s0))
	x.f2(p[S0], set(st.rs, s0))
	x.f2(w[S0], set(st.ls, s0))
	x.f2(p[S0], set(st.ls, s0))
	x.f2(w[B0], set(st.ls, b0))
	x.f2(p[B0], set(st.ls, b0))
	x.f2(p[S1], set(st.rs, s1))
	return x.out
}

// labelFeatures returns the features for labelling the arc h → d.
func labelFeatures(x *extractor, st *state, tk *tokens, h, d int32) []uint64 {
	x.out, x.t = x.out[:0], 128
	dir := uint64(1)
	if d < h {
		dir = 2
	}
	lo, hi := min(h, d), max(h, d)
	D, H := d+1, h+1
	w, p, u, wp := tk.w, tk.p, tk.u, tk.wp
	dl1, dr1, hl1, hr1 := node(st.l1, d)+1, node(st.r1, d)+1, node(st.l1, h)+1, node(st.r1, h)+1
	dPrev, dNext := max(d, 0), d+2 // d-1 and d+1, index +1
	if dNext > st.n+1 {
		dNext = 0
	}
	x.f2(dir, 1)
	x.f2(dir, w[D])
	x.f2(dir, p[D])
	x.f2(dir, u[D])
	x.f2(dir, wp[D])
	x.f2(dir, w[H])
	x.f2(dir, p[H])
	x.f2(dir, wp[H])
	x.f3(dir, p[D], p[H])
	x.f3(dir, u[D], u[H])
	x.f3(dir, w[D], p[H])
	x.f3(dir, p[D], w[H])
	x.f3(dir, w[D], w[H])
	x.f3(dir, comb(p[D], p[H]), dist(lo, hi))
	x.f3(dir, p[D], set(st.ls, d))
	x.f3(dir, p[D], set(st.rs, d))
	x.f3(dir, p[H], set(st.ls, h))
	x.f3(dir, p[H], set(st.rs, h))
	x.f3(dir, comb(p[D], p[H]), set(st.ls, h))
	x.f3(dir, lab(st, dl1-1), p[dl1])
	x.f3(dir, lab(st, dr1-1), p[dr1])
	x.f3(dir, lab(st, hl1-1), p[hl1])
	x.f3(dir, lab(st, hr1-1), p[hr1])
	x.f3(dir, comb(p[D], w[dl1]), p[H])
	x.f3(dir, comb(p[D], w[dr1]), p[H])
	x.f3(dir, p[D], p[dPrev])
	x.f3(dir, p[D], p[dNext])
	x.f3(dir, comb(p[D], p[H]), p[dPrev])
	x.f3(dir, comb(p[D], p[H]), p[dNext])
	x.f3(dir, comb(u[D], p[H]), val(st.nl, d))
	x.f3(dir, comb(u[D], p[H]), val(st.nl, h))
	x.f3(dir, comb(u[D], p[H]), val(st.nr, h))
	return x.out
}
