package perceptron

// Features are uint64 hashes. A feature is built from a template id and
// the values it conjoins, without allocating:
//
//	f := perceptron.Uint(perceptron.Template(7), wordHash)
//	f = perceptron.String(f, tag)
//
// Hashes of strings that are used often (a token's word form) can be
// computed once with [String] and conjoined with [Uint].

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Template starts the hash of a feature of template id t.
func Template(t uint32) uint64 {
	return Uint(fnvOffset, uint64(t))
}

// String adds the bytes of s to hash h (FNV-1a, then mixed): String(h, "ab")
// and String(String(h, "a"), "b") differ.
func String(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return Uint(h, uint64(len(s)))
}

// Uint adds the value v to hash h. For a fixed h, distinct values give
// distinct hashes.
func Uint(h, v uint64) uint64 {
	return mix(h ^ (v + 0x9e3779b97f4a7c15))
}

// mix is the SplitMix64 finalizer, a bijection on uint64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
