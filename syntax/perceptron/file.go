package perceptron

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
)

// A model file is
//
//	magic "NGPERCEP", format version (uint32 LE: 2; 1 for 64-bit keys),
//	metadata JSON length (uint32 LE) and the JSON,
//	classes, features, entries (uvarints), scale (float32 bits, uint32 LE),
//	per feature: key delta from the previous key (uvarint), entry count (uvarint),
//	per entry: class delta from the previous class of the feature (uvarint),
//	           weight (zigzag varint),
//	CRC-32 (IEEE) of all the bytes before it (uint32 LE).
//
// Features are in key order and entries in class order, so the same
// model gives the same bytes. In version 2 keys are the features' hashes
// shifted right by 24 bits.

const (
	magic = "NGPERCEP"
	// FormatVersion is the latest version of the model file format:
	// WriteTo writes version 2 for models made by FinishCompact (40-bit
	// keys), version 1 for those made by Finish (64-bit keys).
	FormatVersion = 2
)

// Meta names what a model was trained from, for its file's header.
type Meta struct {
	Data     []DataFile        `json:"data,omitempty"`
	Code     string            `json:"code,omitempty"` // version of the training code
	Seed     uint64            `json:"seed"`
	Epochs   int               `json:"epochs"`
	Features int               `json:"features"`          // features holding weights
	Classes  []string          `json:"classes,omitempty"` // class names, by index
	Extra    map[string]string `json:"extra,omitempty"`   // anything else the trainer records
}

// DataFile is a training file, named by its base name and SHA-256.
type DataFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// Digest returns the DataFile of the file at path.
func Digest(path string) (DataFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return DataFile{}, fmt.Errorf("perceptron: digest: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return DataFile{}, fmt.Errorf("perceptron: digest %s: %w", path, err)
	}
	return DataFile{Name: filepath.Base(path), SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// WriteTo writes the frozen model to w. It fails on a model in training.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	if m.train != nil {
		return 0, errors.New("perceptron: WriteTo before Finish")
	}
	m.Meta.Features = m.Features()
	meta, err := json.Marshal(m.Meta)
	if err != nil {
		return 0, fmt.Errorf("perceptron: metadata: %w", err)
	}
	var b []byte
	b = append(b, magic...)
	version := uint32(FormatVersion)
	if m.frozen.kshift == 0 {
		version = 1
	}
	b = binary.LittleEndian.AppendUint32(b, version)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(meta)))
	b = append(b, meta...)
	feats := m.frozen.features()
	b = binary.AppendUvarint(b, uint64(m.classes))
	b = binary.AppendUvarint(b, uint64(len(feats)))
	b = binary.AppendUvarint(b, uint64(m.frozen.entryCount()))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.frozen.scale))
	prev := uint64(0)
	for _, f := range feats {
		b = binary.AppendUvarint(b, f.key-prev)
		prev = f.key
		b = binary.AppendUvarint(b, uint64(len(f.entries)))
		pc := uint16(0)
		for _, e := range f.entries {
			b = binary.AppendUvarint(b, uint64(entryClass(e)-pc))
			pc = entryClass(e)
			b = binary.AppendVarint(b, int64(entryWeight(e)))
		}
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("perceptron: write: %w", err)
	}
	return int64(n), nil
}

// Read reads a model written by WriteTo; the model is frozen.
func Read(r io.Reader) (*Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: read: %w", err)
	}
	m, rest, err := Load(b)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("perceptron: %d bytes after the model", len(rest))
	}
	return m, nil
}

// Load reads a model from the start of b and returns it with the bytes
// after it, so that several models can follow one another in one file.
func Load(b []byte) (*Model, []byte, error) {
	m, n, err := load(b)
	if err != nil {
		return nil, nil, fmt.Errorf("perceptron: load: %w", err)
	}
	return m, b[n:], nil
}

var errShort = errors.New("truncated model")

func load(b []byte) (*Model, int, error) {
	d := decoder{b: b}
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, 0, errors.New("not a perceptron model (bad magic)")
	}
	d.pos = len(magic)
	version := d.u32()
	if version != 1 && version != FormatVersion {
		return nil, 0, fmt.Errorf("format version %d, want 1 or %d", version, FormatVersion)
	}
	kshift := uint(keyShift)
	if version == 1 {
		kshift = 0
	}
	m := &Model{}
	metaLen := int(d.u32())
	if d.err == nil && d.pos+metaLen <= len(b) {
		if err := json.Unmarshal(b[d.pos:d.pos+metaLen], &m.Meta); err != nil {
			return nil, 0, fmt.Errorf("metadata: %w", err)
		}
		d.pos += metaLen
	} else {
		return nil, 0, errShort
	}
	classes, nf, ne := d.uvarint(), d.uvarint(), d.uvarint()
	scale := math.Float32frombits(d.u32())
	if d.err != nil {
		return nil, 0, d.err
	}
	if classes < 1 || classes > maxClasses || nf > uint64(len(b)) || ne > uint64(len(b)) {
		return nil, 0, fmt.Errorf("bad sizes: %d classes, %d features, %d weights", classes, nf, ne)
	}
	m.classes = int(classes)
	ft, err := d.table(int(nf), int(ne), m.classes, scale, kshift)
	if err != nil {
		return nil, 0, err
	}
	end := d.pos
	if sum := d.u32(); d.err != nil || sum != crc32.ChecksumIEEE(b[:end]) {
		return nil, 0, errors.New("checksum mismatch")
	}
	m.frozen = ft
	return m, d.pos, nil
}

// table decodes the features into a frozen table.
func (d *decoder) table(nf, ne, classes int, scale float32, kshift uint) (frozenTable, error) {
	tb := newTableBuilder(nf, ne, classes, scale, kshift)
	var buf []uint32
	key, total := uint64(0), 0
	for i := 0; i < nf; i++ {
		delta := d.uvarint()
		n := int(d.uvarint())
		if d.err != nil || n > ne-total || i > 0 && delta == 0 {
			return frozenTable{}, errShort
		}
		key += delta
		total += n
		buf = buf[:0]
		c := uint64(0)
		for range n {
			c += d.uvarint()
			w := d.varint()
			if c >= uint64(classes) || w < math.MinInt16 || w > math.MaxInt16 {
				return frozenTable{}, fmt.Errorf("bad weight: class %d, value %d", c, w)
			}
			buf = append(buf, packEntry(uint16(c), int16(w)))
		}
		tb.add(key, buf)
	}
	if d.err != nil {
		return frozenTable{}, d.err
	}
	return tb.done(), nil
}

type decoder struct {
	b   []byte
	pos int
	err error
}

func (d *decoder) u32() uint32 {
	if d.err != nil || d.pos+4 > len(d.b) {
		d.err = errShort
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b[d.pos:])
	d.pos += 4
	return v
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.pos:])
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.pos += n
	return v
}
