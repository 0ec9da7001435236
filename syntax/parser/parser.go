// Package parser is newsgraph's labelled dependency parser: a
// transition-based parser (arc-hybrid, see state.go) with two averaged
// perceptrons, one choosing transitions (SHIFT, LEFT, RIGHT) and one
// labelling each arc as it is made, with UD relations and their subtypes
// (nsubj:pass, obl:agent, compound:prt, acl:relcl, …). Two models ship:
// Default, greedy, trained with the dynamic oracle of Goldberg & Nivre
// (2013) and exploration; Accurate, trained globally and decoded with a
// beam (globaltrain.go, beam.go).
//
// Input sentences need Form, UPOS and XPOS on every token; Parse fills in
// Head (1-based, 0 for the root) and Rel, always as one tree with a single
// root.
package parser

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/syntax/perceptron"
)

// CodeVersion names the feature set and transition system; a model file
// records the version it was trained with, and Read refuses others.
const CodeVersion = "parser/2"

// Parser is a trained parser. It is safe for concurrent use: Parse takes
// its buffers from a pool.
type Parser struct {
	trans  *perceptron.Model // transitions
	label  *perceptron.Model // arc labels
	labels []string
	root   int32 // id of the "root" label
	// beam is the width of the beam search (1: greedy), temperature what
	// the transition scores are divided by (see beam.go).
	beam        int
	temperature float64
	// global says the model was trained with a beam (globaltrain.go):
	// a beam then sums raw transition scores.
	global bool
	pool   sync.Pool
}

// workspace is one parse's buffers.
type workspace struct {
	st      state
	tk      tokens
	x       extractor
	scores  []float32
	lscores []float32
	beam    []beamItem
	cands   []candidate
}

func newParser(trans, label *perceptron.Model) (*Parser, error) {
	labels := label.Meta.Classes
	if trans.Classes() != nTransitions || len(labels) != label.Classes() {
		return nil, fmt.Errorf("parser: models have %d transitions and %d labels for %d names", trans.Classes(), label.Classes(), len(labels))
	}
	p := &Parser{trans: trans, label: label, labels: labels, root: -1, beam: 1, temperature: DefaultTemperature}
	for i, l := range labels {
		if l == "root" {
			p.root = int32(i)
		}
	}
	if p.root < 0 {
		return nil, errors.New("parser: no root label")
	}
	if b, err := strconv.Atoi(trans.Meta.Extra["beam"]); err == nil && b > 1 {
		p.beam, p.global = b, true
	}
	p.newPool()
	return p, nil
}

// newPool sets up the pool of workspaces.
func (p *Parser) newPool() {
	labels := p.labels
	p.pool.New = func() any {
		return &workspace{
			scores:  make([]float32, nTransitions),
			lscores: make([]float32, len(labels)),
			x:       extractor{out: make([]uint64, 0, 160)},
		}
	}
}

// DefaultTemperature is what a beam divides the transition scores by:
// the best of 50, 70 and 100 for the shipped model with a beam of two on
// EWT dev (see beam.go).
const DefaultTemperature = 70

// Search returns the width of the parser's beam (1: greedy decoding) and
// the temperature of its transition scores (see beam.go).
func (p *Parser) Search() (beam int, temperature float64) { return p.beam, p.temperature }

// WithSearch returns a parser with the same model that searches with a
// beam of width k (1: greedy decoding) at the given temperature (0 keeps
// p's).
func (p *Parser) WithSearch(k int, temperature float64) *Parser {
	if temperature <= 0 {
		temperature = p.temperature
	}
	q := &Parser{trans: p.trans, label: p.label, labels: p.labels, root: p.root, beam: max(k, 1), temperature: temperature, global: p.global}
	q.newPool()
	return q
}

// TransFeatures and LabelFeatures return the number of features of the
// transition and the label model.
func (p *Parser) TransFeatures() int { return p.trans.Features() }
func (p *Parser) LabelFeatures() int { return p.label.Features() }

// Labels returns the relations the parser assigns.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

// Meta returns the metadata of the parser's model: training data, seed,
// epochs, code version.
func (p *Parser) Meta() perceptron.Meta { return p.trans.Meta }

// Parse sets Head and Rel of every token of s.
func (p *Parser) Parse(s *syntax.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	ws := p.pool.Get().(*workspace)
	defer p.pool.Put(ws)
	st := &ws.st
	ws.tk.reset(s)
	if p.beam > 1 {
		p.parseBeam(ws, s, p.beam)
	} else {
		st.reset(len(s.Tokens))
		for !st.terminal() {
			p.take(ws, st, p.bestTransition(ws))
		}
	}
	for i := range s.Tokens {
		s.Tokens[i].Head = int(st.head[i+1])
		s.Tokens[i].Rel = p.labels[st.label[i+1]]
	}
}

// bestTransition returns the highest-scoring valid transition, without
// scoring when only one is valid.
func (p *Parser) bestTransition(ws *workspace) int {
	if t, ok := ws.st.forced(); ok {
		return t
	}
	feats := transitionFeatures(&ws.x, &ws.st, &ws.tk)
	p.trans.Score(feats, ws.scores)
	return bestValid(&ws.st, ws.scores)
}

func bestValid(st *state, scores []float32) int {
	best := -1
	for t := range nTransitions {
		if st.valid(t) && (best < 0 || scores[t] > scores[best]) {
			best = t
		}
	}
	return best
}

// labelIn returns the label of arc h → d in st: "root" for the root's
// dependent, otherwise the best other label.
func (p *Parser) labelIn(ws *workspace, st *state, h, d int32) int32 {
	if h == 0 {
		return p.root
	}
	feats := labelFeatures(&ws.x, st, &ws.tk, h, d)
	p.label.Score(feats, ws.lscores)
	return p.bestNonRoot(ws.lscores)
}

func (p *Parser) bestNonRoot(scores []float32) int32 {
	best := int32(-1)
	for l, s := range scores {
		if int32(l) != p.root && (best < 0 || s > scores[best]) {
			best = int32(l)
		}
	}
	return best
}

const fileMagic = "NGPARSER"

// fileVersion is the version of the parser file format: magic, version
// (uint32 LE), then the transition model and the label model in the
// perceptron's format.
const fileVersion = 1

// WriteTo writes the parser's model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(fileMagic)
	buf.Write(binary.LittleEndian.AppendUint32(nil, fileVersion))
	if _, err := p.trans.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("parser: %w", err)
	}
	if _, err := p.label.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("parser: %w", err)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("parser: write: %w", err)
	}
	return int64(n), nil
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("parser: read: %w", err)
	}
	return load(b)
}

func load(b []byte) (*Parser, error) {
	if len(b) < len(fileMagic)+4 || string(b[:len(fileMagic)]) != fileMagic {
		return nil, errors.New("parser: not a parser model (bad magic)")
	}
	if v := binary.LittleEndian.Uint32(b[len(fileMagic):]); v != fileVersion {
		return nil, fmt.Errorf("parser: file format version %d, want %d", v, fileVersion)
	}
	trans, rest, err := perceptron.Load(b[len(fileMagic)+4:])
	if err != nil {
		return nil, fmt.Errorf("parser: transition model: %w", err)
	}
	if trans.Meta.Code != CodeVersion {
		return nil, fmt.Errorf("parser: model of code version %q, want %q", trans.Meta.Code, CodeVersion)
	}
	label, rest, err := perceptron.Load(rest)
	if err != nil {
		return nil, fmt.Errorf("parser: label model: %w", err)
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("parser: %d bytes after the models", len(rest))
	}
	return newParser(trans, label)
}

var (
	//go:embed model/parser.bin
	defaultModel []byte
	//go:embed model/parser-beam.bin
	accurateModel []byte
)

// embedded is a model file in the binary, loaded on first use.
type embedded struct {
	name string
	file []byte
	once sync.Once
	p    *Parser
	err  error
}

func (e *embedded) get() (*Parser, error) {
	e.once.Do(func() {
		if e.p, e.err = load(e.file); e.err != nil {
			e.err = fmt.Errorf("parser: embedded model %s: %w", e.name, e.err)
		}
	})
	return e.p, e.err
}

var (
	defaultParser  = &embedded{name: "parser.bin", file: defaultModel}
	accurateParser = &embedded{name: "parser-beam.bin", file: accurateModel}
)

// Default returns the greedy parser embedded in the binary
// (model/parser.bin, trained by TrainDefault), loaded once per process:
// the extractor's parser.
func Default() (*Parser, error) { return defaultParser.get() }

// Accurate returns the accurate parser embedded in the binary
// (model/parser-beam.bin, trained by TrainAccurate), loaded once per
// process: trained and decoding with a beam, more than a point of UAS
// better than Default and about six times slower.
func Accurate() (*Parser, error) { return accurateParser.get() }
