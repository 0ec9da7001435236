package parser

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez & Satta
// 2011) with the root at the bottom of the stack:
//
//	SHIFT  moves the buffer's front b0 onto the stack;
//	LEFT   pops s0 and makes b0 its head;
//	RIGHT  pops s0 and makes s1 its head.
//
// RIGHT onto the root is allowed only once the buffer is empty, when the
// stack is [root, x]: so the root gets exactly one dependent, every
// configuration has a valid transition, and every parse ends in a
// single-rooted tree. A token gets its head when it is popped; stack and
// buffer hold tokens without heads.

// Transitions.
const (
	shift = iota
	left
	right
	nTransitions
)

// state is a parser configuration over nodes 0 (root) to n.
type state struct {
	n      int32
	stack  []int32
	b      int32   // buffer front; n+1 when the buffer is empty
	head   []int32 // by node; -1 before the node is attached
	label  []int32 // label id by node; -1 before
	l1, l2 []int32 // leftmost and second leftmost children, -1 none
	r1, r2 []int32 // rightmost and second rightmost children
	nl, nr []int32 // numbers of left and right children
	ls, rs []uint64
}

// reset starts the parse of a sentence of n tokens.
func (st *state) reset(n int) {
	st.n = int32(n)
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	size := n + 1
	st.head = fill(st.head, size, -1)
	st.label = fill(st.label, size, -1)
	st.l1 = fill(st.l1, size, -1)
	st.l2 = fill(st.l2, size, -1)
	st.r1 = fill(st.r1, size, -1)
	st.r2 = fill(st.r2, size, -1)
	st.nl = fill(st.nl, size, 0)
	st.nr = fill(st.nr, size, 0)
	st.ls = fillSet(st.ls, size)
	st.rs = fillSet(st.rs, size)
}

func fill(a []int32, n int, v int32) []int32 {
	if cap(a) < n {
		a = make([]int32, n)
	}
	a = a[:n]
	for i := range a {
		a[i] = v
	}
	return a
}

func fillSet(a []uint64, n int) []uint64 {
	if cap(a) < n {
		a = make([]uint64, n)
	}
	a = a[:n]
	clear(a)
	return a
}

func (st *state) terminal() bool { return st.b > st.n && len(st.stack) == 1 }

// s returns the i-th node from the stack's top, -1 if none.
func (st *state) s(i int) int32 {
	if i >= len(st.stack) {
		return -1
	}
	return st.stack[len(st.stack)-1-i]
}

// q returns the i-th node of the buffer, -1 if none.
func (st *state) q(i int32) int32 {
	if st.b+i > st.n {
		return -1
	}
	return st.b + i
}

// valid reports whether transition t can be taken.
func (st *state) valid(t int) bool {
	switch t {
	case shift:
		return st.b <= st.n
	case left:
		return len(st.stack) >= 2 && st.b <= st.n
	default:
		return len(st.stack) > 2 || len(st.stack) == 2 && st.b > st.n
	}
}

// forced returns the only valid transition, if only one is: SHIFT when
// the stack holds only the root, RIGHT when the buffer is empty.
func (st *state) forced() (int, bool) {
	switch {
	case len(st.stack) == 1:
		return shift, true
	case st.b > st.n:
		return right, true
	}
	return 0, false
}

// apply takes transition t; for LEFT and RIGHT, label is the arc's label.
func (st *state) apply(t int, label int32) {
	switch t {
	case shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case left:
		d := st.pop()
		st.attach(st.b, d, label)
	default:
		d := st.pop()
		st.attach(st.stack[len(st.stack)-1], d, label)
	}
}

// arc returns the head and dependent of the arc transition t would add.
func (st *state) arc(t int) (h, d int32) {
	d = st.stack[len(st.stack)-1]
	if t == left {
		return st.b, d
	}
	return st.stack[len(st.stack)-2], d
}

func (st *state) pop() int32 {
	d := st.stack[len(st.stack)-1]
	st.stack = st.stack[:len(st.stack)-1]
	return d
}

func (st *state) attach(h, d, label int32) {
	st.head[d], st.label[d] = h, label
	bit := uint64(1) << (uint(label) & 63)
	if d < h {
		st.nl[h]++
		st.ls[h] |= bit
		switch {
		case st.l1[h] < 0 || d < st.l1[h]:
			st.l2[h], st.l1[h] = st.l1[h], d
		case st.l2[h] < 0 || d < st.l2[h]:
			st.l2[h] = d
		}
		return
	}
	st.nr[h]++
	st.rs[h] |= bit
	switch {
	case st.r1[h] < 0 || d > st.r1[h]:
		st.r2[h], st.r1[h] = st.r1[h], d
	case st.r2[h] < 0 || d > st.r2[h]:
		st.r2[h] = d
	}
}
