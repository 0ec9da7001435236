package perceptron

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// toyData is a 4-class problem: the class is a (noisy-free) function of two
// of five categorical inputs, learnable from their conjunction feature.
func toyData(n int, seed uint64) (feats [][]uint64, labels []int) {
	return toyClasses(n, seed, 4)
}

// toyClasses is toyData with k classes.
func toyClasses(n int, seed uint64, k uint64) (feats [][]uint64, labels []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	for range n {
		var x [5]uint64
		for j := range x {
			x[j] = r.Uint64N(k)
		}
		label := int((x[0] + x[1]) % k)
		f := []uint64{Template(0)}
		for j := range x {
			f = append(f, Uint(Template(uint32(1+j)), x[j]))
		}
		f = append(f, Uint(Uint(Template(9), x[0]), x[1]))
		feats = append(feats, f)
		labels = append(labels, label)
	}
	return feats, labels
}

func train(t *testing.T, feats [][]uint64, labels []int, epochs int) *Model {
	t.Helper()
	m := New(4)
	scores := make([]float32, 4)
	for range epochs {
		for i, f := range feats {
			m.Update(f, labels[i], m.Predict(f, scores))
		}
	}
	m.Finish()
	return m
}

func accuracy(m *Model, feats [][]uint64, labels []int) float64 {
	scores := make([]float32, m.Classes())
	ok := 0
	for i, f := range feats {
		if m.Predict(f, scores) == labels[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(feats))
}

func TestLearns(t *testing.T) {
	feats, labels := toyData(2000, 1)
	m := train(t, feats, labels, 5)
	testF, testL := toyData(500, 2)
	if acc := accuracy(m, testF, testL); acc < 0.99 {
		t.Fatalf("accuracy %.3f, want ≥ 0.99", acc)
	}
	if !m.Frozen() || m.Features() == 0 {
		t.Fatalf("frozen %v, %d features", m.Frozen(), m.Features())
	}
}

// TestLearnsSparse trains a model of more classes than fit in a slot.
func TestLearnsSparse(t *testing.T) {
	feats, labels := toyClasses(3000, 1, 7)
	m := New(7)
	scores := make([]float32, 7)
	for range 6 {
		for i, f := range feats {
			m.Update(f, labels[i], m.Predict(f, scores))
		}
	}
	m.Finish()
	testF, testL := toyClasses(500, 2, 7)
	if acc := accuracy(m, testF, testL); acc < 0.99 {
		t.Fatalf("accuracy %.3f, want ≥ 0.99", acc)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if acc := accuracy(back, testF, testL); acc < 0.99 {
		t.Fatalf("read back: accuracy %.3f", acc)
	}
}

// TestFormats: Finish makes format 1 (64-bit keys), FinishCompact format
// 2 (40-bit keys); both read back to the same scores and write back to
// the same bytes.
func TestFormats(t *testing.T) {
	feats, labels := toyClasses(1000, 9, 6)
	tests := []struct {
		name    string
		finish  func(*Model)
		version uint32
	}{
		{"Finish", (*Model).Finish, 1},
		{"FinishCompact", (*Model).FinishCompact, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(6)
			scores := make([]float32, 6)
			for range 3 {
				for i, f := range feats {
					m.Update(f, labels[i], m.Predict(f, scores))
				}
			}
			tt.finish(m)
			var buf bytes.Buffer
			if _, err := m.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			file := bytes.Clone(buf.Bytes())
			if v := binary.LittleEndian.Uint32(file[len(magic):]); v != tt.version {
				t.Fatalf("format version %d, want %d", v, tt.version)
			}
			back, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			s2 := make([]float32, 6)
			for _, f := range feats {
				m.Score(f, scores)
				back.Score(f, s2)
				if !equal(scores, s2) {
					t.Fatalf("scores %v, read back %v", scores, s2)
				}
			}
			var again bytes.Buffer
			if _, err := back.WriteTo(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.Bytes(), file) {
				t.Fatal("written back differently")
			}
		})
	}
}

func TestRoundTripAndDeterminism(t *testing.T) {
	feats, labels := toyData(1000, 3)
	var files [2][]byte
	for i := range files {
		m := train(t, feats, labels, 3)
		m.Meta = Meta{Code: "test", Seed: 3, Epochs: 3, Classes: []string{"a", "b", "c", "d"}, Extra: map[string]string{"x": "1", "a": "2"}}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		files[i] = buf.Bytes()
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings wrote different bytes")
	}
	m := train(t, feats, labels, 3)
	back, err := Read(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if back.Meta.Code != "test" || back.Meta.Features != m.Features() || len(back.Meta.Classes) != 4 {
		t.Fatalf("meta %+v", back.Meta)
	}
	s1, s2 := make([]float32, 4), make([]float32, 4)
	for _, f := range feats {
		m.Score(f, s1)
		back.Score(f, s2)
		if s1 != nil && !equal(s1, s2) {
			t.Fatalf("scores %v, read back %v", s1, s2)
		}
	}
}

func equal(a, b []float32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLoadRejects(t *testing.T) {
	feats, labels := toyData(200, 4)
	m := train(t, feats, labels, 1)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	flipped := bytes.Clone(good)
	flipped[len(flipped)-10] ^= 1
	tests := []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"bad magic", append([]byte("XXXXXXXX"), good[8:]...)},
		{"truncated", good[:len(good)/2]},
		{"flipped bit", flipped},
		{"trailing bytes", append(bytes.Clone(good), 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(tt.b)); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestLoadSeveral(t *testing.T) {
	feats, labels := toyData(200, 5)
	var buf bytes.Buffer
	for range 2 {
		if _, err := train(t, feats, labels, 1).WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
	}
	_, rest, err := Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, rest, err = Load(rest); err != nil || len(rest) != 0 {
		t.Fatalf("second model: %v, %d bytes left", err, len(rest))
	}
}

func TestPrune(t *testing.T) {
	feats, labels := toyData(2000, 6)
	m := train(t, feats, labels, 5)
	before := m.Features()
	if n := m.Prune(1e9); n == 0 || m.Features() != 0 || before == 0 {
		t.Fatalf("pruned %d, %d of %d features left", n, m.Features(), before)
	}
}

func TestHashesDiffer(t *testing.T) {
	seen := map[uint64]string{}
	add := func(name string, h uint64) {
		if prev, ok := seen[h]; ok {
			t.Fatalf("%s and %s hash alike", prev, name)
		}
		seen[h] = name
	}
	add("T1", Template(1))
	add("T2", Template(2))
	add("T1 ab", String(Template(1), "ab"))
	add("T1 a b", String(String(Template(1), "a"), "b"))
	add("T1 ab ''", String(String(Template(1), "ab"), ""))
	add("T1 1 2", Uint(Uint(Template(1), 1), 2))
	add("T1 2 1", Uint(Uint(Template(1), 2), 1))
}

func TestScoreAllocs(t *testing.T) {
	feats, labels := toyData(500, 7)
	m := train(t, feats, labels, 2)
	scores := make([]float32, 4)
	if n := testing.AllocsPerRun(100, func() { m.Score(feats[0], scores) }); n != 0 {
		t.Fatalf("%v allocations per Score", n)
	}
}

func TestUpdateFrozenPanics(t *testing.T) {
	m := New(2)
	m.Finish()
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	m.Update([]uint64{1}, 0, 1)
}

func BenchmarkScore(b *testing.B) {
	feats, labels := toyData(5000, 8)
	m := New(4)
	scores := make([]float32, 4)
	for i, f := range feats {
		m.Update(f, labels[i], m.Predict(f, scores))
	}
	m.Finish()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m.Score(feats[i%len(feats)], scores)
	}
}

// TestDropRare: the frequency cutoff keeps exactly the features that
// scoring found at least min times in training, and the weights of those.
func TestDropRare(t *testing.T) {
	m := New(2)
	common, rare := Template(1), Template(2)
	scores := make([]float32, 2)
	m.Update([]uint64{common, rare}, 0, 1) // both get weights
	for range 5 {
		m.Score([]uint64{common}, scores)
		m.Update([]uint64{common}, 1, 0)
	}
	m.FinishCompact()
	if m.Features() != 2 {
		t.Fatalf("%d features before the cutoff, want 2", m.Features())
	}
	d := m.DropRare(3)
	if d.Features() != 1 || !d.Known(common) || d.Known(rare) {
		t.Fatalf("after the cutoff: %d features, common %v, rare %v", d.Features(), d.Known(common), d.Known(rare))
	}
	a, b := make([]float32, 2), make([]float32, 2)
	m.Score([]uint64{common}, a)
	d.Score([]uint64{common}, b)
	if a[0] != b[0] || a[1] != b[1] {
		t.Fatalf("scores %v, want %v", b, a)
	}
	if m.Features() != 2 {
		t.Fatal("DropRare changed the model it copies")
	}
}
