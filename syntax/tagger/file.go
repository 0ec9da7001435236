package tagger

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"slices"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// A tagger file is
//
//	magic "NGTAGGER", format version (uint32 LE),
//	header JSON length (uvarint) and the JSON (see Header),
//	classes: count, then each "XPOS|UPOS" (strings are uvarint length + bytes),
//	tag dictionary: count, then form and class (uvarint), by form,
//	lexicon: count, then form, class count and classes (uvarints), by form
//	  (the cased lexicon's forms as written, after a 0 byte: casedPrefix),
//	lemma rules: count, then XPOS index, case, suffix, strip, keep, add,
//	lemma table: count, then form, XPOS index, lemma, by form and XPOS,
//	CRC-32 (IEEE) of all the bytes before it (uint32 LE),
//	the perceptron model (syntax/perceptron's file).
//
// Everything is written in a fixed order, so the same tagger gives the
// same bytes.

const (
	fileMagic = "NGTAGGER"
	// FormatVersion is the version of the tagger file format.
	FormatVersion = 2
)

// WriteTo writes the tagger to w.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	head, err := json.Marshal(t.header)
	if err != nil {
		return 0, fmt.Errorf("tagger: header: %w", err)
	}
	b := []byte(fileMagic)
	b = binary.LittleEndian.AppendUint32(b, FormatVersion)
	b = appendString(b, string(head))
	b = binary.AppendUvarint(b, uint64(len(t.classes)))
	for _, c := range t.classes {
		b = appendString(b, c)
	}
	b = t.appendDict(b)
	b = t.appendLexicon(b)
	b = t.lemmas.appendTo(b)
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("tagger: write: %w", err)
	}
	m, err := t.model.WriteTo(w)
	return int64(n) + m, err
}

func (t *Tagger) appendDict(b []byte) []byte {
	forms := slices.Sorted(maps.Keys(t.dict))
	b = binary.AppendUvarint(b, uint64(len(forms)))
	for _, f := range forms {
		b = appendString(b, f)
		b = binary.AppendUvarint(b, uint64(t.dict[f]))
	}
	return b
}

func (t *Tagger) appendLexicon(b []byte) []byte {
	forms := slices.Sorted(maps.Keys(t.lexicon))
	b = binary.AppendUvarint(b, uint64(len(forms)))
	for _, f := range forms {
		b = appendString(b, f)
		cs := t.lexicon[f]
		b = binary.AppendUvarint(b, uint64(len(cs)))
		for _, c := range cs {
			b = binary.AppendUvarint(b, uint64(c))
		}
	}
	return b
}

func (l *lemmatizer) appendTo(b []byte) []byte {
	keys := make([]ruleKey, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.xpos != c.xpos {
			return a.xpos < c.xpos
		}
		if a.cas != c.cas {
			return a.cas < c.cas
		}
		return a.suffix < c.suffix
	})
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		r := l.rules[k]
		keep := byte(0)
		if r.keep {
			keep = 1
		}
		b = append(b, k.xpos, k.cas)
		b = appendString(b, k.suffix)
		b = append(b, r.strip, keep)
		b = appendString(b, r.add)
	}
	fts := make([]formTag, 0, len(l.exact))
	for ft := range l.exact {
		fts = append(fts, ft)
	}
	sort.Slice(fts, func(i, j int) bool {
		if fts[i].form != fts[j].form {
			return fts[i].form < fts[j].form
		}
		return fts[i].xpos < fts[j].xpos
	})
	b = binary.AppendUvarint(b, uint64(len(fts)))
	for _, ft := range fts {
		b = appendString(b, ft.form)
		b = append(b, ft.xpos)
		b = appendString(b, l.exact[ft])
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: read: %w", err)
	}
	return load(b)
}

var errShort = errors.New("truncated file")

// decoder reads the sections of a tagger file, remembering the first
// error.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.b) {
		d.err = errShort
		return 0
	}
	d.off++
	return d.b[d.off-1]
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)-d.off) {
		d.err = errShort
		return ""
	}
	s := string(d.b[d.off : d.off+int(n)])
	d.off += int(n)
	return s
}

// count reads a count of items of at least min bytes each.
func (d *decoder) count(min int) int {
	n := d.uvarint()
	if n > uint64((len(d.b)-d.off)/min) {
		d.err = errShort
		return 0
	}
	return int(n)
}

func load(b []byte) (*Tagger, error) {
	if !bytes.HasPrefix(b, []byte(fileMagic)) || len(b) < len(fileMagic)+4 {
		return nil, errors.New("tagger: not a tagger file")
	}
	if v := binary.LittleEndian.Uint32(b[len(fileMagic):]); v != FormatVersion {
		return nil, fmt.Errorf("tagger: file format %d, want %d", v, FormatVersion)
	}
	d := &decoder{b: b, off: len(fileMagic) + 4}
	t := &Tagger{}
	if err := json.Unmarshal([]byte(d.string()), &t.header); err != nil && d.err == nil {
		return nil, fmt.Errorf("tagger: header: %w", err)
	}
	classes := make([]string, d.count(2))
	for i := range classes {
		classes[i] = d.string()
	}
	if d.err == nil {
		if err := t.setClasses(classes); err != nil {
			return nil, err
		}
	}
	t.dict = readDict(d, len(t.classes))
	t.setLexicon(readLexicon(d, len(t.classes)))
	t.lemmas = readLemmas(d, len(t.xposTags))
	if d.err != nil {
		return nil, fmt.Errorf("tagger: %w", d.err)
	}
	if len(b)-d.off < 4 {
		return nil, fmt.Errorf("tagger: %w", errShort)
	}
	if crc32.ChecksumIEEE(b[:d.off]) != binary.LittleEndian.Uint32(b[d.off:]) {
		return nil, errors.New("tagger: checksum mismatch")
	}
	m, rest, err := perceptron.Load(b[d.off+4:])
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("tagger: %d bytes after the model", len(rest))
	}
	if m.Classes() != len(t.classes) {
		return nil, fmt.Errorf("tagger: model has %d classes, the tagger %d", m.Classes(), len(t.classes))
	}
	t.model = m
	return t, nil
}

// readDict reads the tag dictionary of a tagger of n classes.
func readDict(d *decoder, n int) map[string]uint16 {
	count := d.count(2)
	dict := make(map[string]uint16, count)
	for range count {
		f := d.string()
		c := d.uvarint()
		if c >= uint64(n) && d.err == nil {
			d.err = fmt.Errorf("tag dictionary: class %d of %d", c, n)
		}
		dict[f] = uint16(c)
	}
	return dict
}

// readLexicon reads the lexicon of a tagger of n classes.
func readLexicon(d *decoder, n int) map[string][]uint16 {
	count := d.count(3)
	lex := make(map[string][]uint16, count)
	all := make([]uint16, 0, 2*count) // one array for most forms' classes
	for range count {
		f := d.string()
		k, from := d.count(1), len(all)
		for range k {
			c := d.uvarint()
			if c >= uint64(n) && d.err == nil {
				d.err = fmt.Errorf("lexicon: class %d of %d", c, n)
			}
			all = append(all, uint16(c))
		}
		lex[f] = all[from:len(all):len(all)]
	}
	return lex
}

// readLemmas reads the lemma rules and table for nx XPOS tags.
func readLemmas(d *decoder, nx int) *lemmatizer {
	l := &lemmatizer{rules: map[ruleKey]rule{}, exact: map[formTag]string{}}
	nr := d.count(6)
	for range nr {
		k := ruleKey{xpos: d.byte(), cas: d.byte()}
		k.suffix = d.string()
		r := rule{strip: d.byte(), keep: d.byte() == 1}
		r.add = d.string()
		if int(k.xpos) >= nx && d.err == nil {
			d.err = fmt.Errorf("lemma rule: XPOS %d of %d", k.xpos, nx)
		}
		l.rules[k] = r
	}
	ne := d.count(3)
	for range ne {
		ft := formTag{form: d.string(), xpos: d.byte()}
		l.exact[ft] = d.string()
		if int(ft.xpos) >= nx && d.err == nil {
			d.err = fmt.Errorf("lemma table: XPOS %d of %d", ft.xpos, nx)
		}
	}
	return l
}

var (
	//go:embed model/tagger.bin
	defaultModel []byte
	defaultOnce  sync.Once
	defaultInst  *Tagger
	defaultErr   error
)

// Default returns the shipped tagger (model/tagger.bin, embedded in the
// binary), read on first use and shared by the process.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		defaultInst, defaultErr = load(defaultModel)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("tagger: the embedded model: %w", defaultErr)
		}
	})
	return defaultInst, defaultErr
}
