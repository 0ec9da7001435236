package parser

// projectivize returns heads (by node, heads[0] unused) made projective by
// lifting (Nivre & Nilsson 2005, without encoding the lifts in labels):
// while an arc is non-projective, the shortest such arc's dependent is
// reattached to its head's head. Labels stay as they were. The training
// trees of EWT and GUM are non-projective in a few percent of sentences;
// lifting keeps those sentences for training, and their other arcs, at
// the price of never predicting non-projective arcs.
func projectivize(heads []int32) []int32 {
	h := append([]int32(nil), heads...)
	for {
		d := shortestNonProjective(h)
		if d < 0 {
			return h
		}
		h[d] = h[h[d]]
	}
}

// shortestNonProjective returns the dependent of the shortest
// non-projective arc, -1 if the tree is projective.
func shortestNonProjective(h []int32) int32 {
	best, bestLen := int32(-1), int32(1<<30)
	for d := int32(1); d < int32(len(h)); d++ {
		lo, hi := min(d, h[d]), max(d, h[d])
		if hi-lo >= bestLen || hi-lo < 2 {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(h, h[d], k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// dominates reports whether node a is an ancestor of node k.
func dominates(h []int32, a, k int32) bool {
	for steps := 0; k > 0 && steps < len(h); steps++ {
		k = h[k]
		if k == a {
			return true
		}
	}
	return a == 0
}
