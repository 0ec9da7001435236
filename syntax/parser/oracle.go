package parser

// The dynamic oracle of Goldberg & Nivre (2013) for arc-hybrid: the cost
// of a transition is the number of gold arcs that it makes unreachable.
// For a projective gold tree, a zero-cost transition always exists, and
// following only zero-cost transitions from any configuration reaches the
// best tree still reachable. The root is the stack's bottom element, so
// the root arc is lost like any other (a token can reach the root only
// from just above it on the stack).

// cost returns the cost of valid transition t; gold holds the gold head
// of each node (gold[0] unused).
func (st *state) cost(t int, gold []int32) int {
	switch t {
	case shift:
		return st.shiftCost(gold)
	case left:
		return st.popCost(gold, true)
	default:
		return st.popCost(gold, false)
	}
}

// shiftCost: b0 can no longer get its head from the stack below s0, nor
// take dependents from the stack.
func (st *state) shiftCost(gold []int32) int {
	b0 := st.b
	c := 0
	top := len(st.stack) - 1
	for i, k := range st.stack {
		if gold[k] == b0 {
			c++
		}
		if i < top && gold[b0] == k {
			c++
		}
	}
	return c
}

// popCost: popping s0 loses its dependents in the buffer, and its gold
// head unless that is the head given (b0 for LEFT, s1 for RIGHT); the
// heads still open to s0 are s1 and the buffer.
func (st *state) popCost(gold []int32, isLeft bool) int {
	s0 := st.stack[len(st.stack)-1]
	s1 := st.stack[len(st.stack)-2]
	c := 0
	for k := st.b; k <= st.n; k++ {
		if gold[k] == s0 {
			c++
		}
	}
	g := gold[s0]
	reachable := g == s1 || g >= st.b
	given := s1
	if isLeft {
		given = st.b
	}
	if reachable && g != given {
		c++
	}
	return c
}
