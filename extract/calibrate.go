package extract

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Calibrated confidence. Each rule states its own confidence (the prior);
// calibration.txt, fitted by scripts/calibrate.py to facts judged by
// reading (scripts/judged/), turns prior and cues — what kind of fact it
// is, what it links, how it was read — into the probability that a
// reader judges the fact correct:
//
//	confidence = σ(bias + a·logit(prior) + Σ weight(cue))
//
// The file also names a threshold and the precision the judged facts
// reached at it (see CalibratedThreshold).

//go:embed calibration.txt
var calibrationFile string

// calibration is the fitted model of calibration.txt.
type calibration struct {
	bias, prior float64
	threshold   float64
	precision   float64 // of the judged facts at the threshold
	cues        map[string]float64
}

var factCalibration = mustCalibration(calibrationFile)

func mustCalibration(text string) *calibration {
	c, err := parseCalibration(text)
	if err != nil {
		panic(fmt.Sprintf("extract: calibration.txt: %v", err)) // embedded: a build defect
	}
	return c
}

// parseCalibration reads lines "bias W", "prior W", "threshold T",
// "precision P" and "cue NAME W"; "#" starts a comment.
func parseCalibration(text string) (*calibration, error) {
	c := &calibration{prior: 1, cues: map[string]float64{}}
	for n, line := range strings.Split(text, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil || len(f) != 2 && !(f[0] == "cue" && len(f) == 3) {
			return nil, fmt.Errorf("line %d: want \"bias|prior|threshold|precision W\" or \"cue NAME W\"", n+1)
		}
		switch f[0] {
		case "bias":
			c.bias = v
		case "prior":
			c.prior = v
		case "threshold":
			c.threshold = v
		case "precision":
			c.precision = v
		case "cue":
			c.cues[f[1]] = v
		default:
			return nil, fmt.Errorf("line %d: unknown entry %q", n+1, f[0])
		}
	}
	return c, nil
}

// confidence is the calibrated probability that a fact with this prior
// and these cues is correct.
func (c *calibration) confidence(prior float64, cues []string) float64 {
	p := math.Min(math.Max(prior, 0.01), 0.99)
	z := c.bias + c.prior*math.Log(p/(1-p))
	for _, cue := range cues {
		z += c.cues[cue]
	}
	return 1 / (1 + math.Exp(-z))
}

// CalibratedThreshold is the lowest confidence at which the judged facts
// the calibration was fitted on reached its target precision: the value
// for Options.MinConfidence (and build --min-confidence) that stores
// only facts a reader would very likely accept.
func CalibratedThreshold() float64 { return factCalibration.threshold }

// CalibratedPrecision is the share of judged facts at or above
// [CalibratedThreshold] that a reader judged correct, each judged set
// scored by a calibration fitted on the others.
func CalibratedPrecision() float64 { return factCalibration.precision }

// factCues describes fact f for the calibration: its rule and predicate,
// whether it is someone's claim, the kinds of its subject and object,
// whether the subject is named in the sentence itself, and its size.
func (st *docState) factCues(f pendingFact) []string {
	cues := []string{"rule:" + f.rule, "pred:" + predicateKind(f.pred)}
	if f.attributed != nil {
		cues = append(cues, "claim")
	}
	if f.negated {
		cues = append(cues, "negated")
	}
	if f.subj.scope != "" {
		cues = append(cues, "subj:unnamed")
	} else {
		cues = append(cues, "subj:"+string(f.subj.typ()))
	}
	if !st.namedIn(f.subj, f.sent) {
		cues = append(cues, "subj:resolved")
	}
	cues = append(cues, st.nameCues("subj", f.subj)...)
	if f.obj != nil {
		cues = append(cues, st.nameCues("obj", f.obj)...)
	}
	words := 0
	switch {
	case f.obj != nil:
		cues = append(cues, "obj:"+string(f.obj.typ()))
		words = len(strings.Fields(f.obj.canonical()))
	case f.lit != nil:
		cues = append(cues, "obj:"+string(f.lit.Kind))
		words = len(strings.Fields(f.lit.Text))
	}
	cues = append(cues, "objwords:"+sizeBucket(words))
	if len(f.args) > 0 {
		cues = append(cues, "args")
	}
	if len(st.sents[f.sent].Tokens) > 40 {
		cues = append(cues, "long-sentence")
	}
	return cues
}

// predicateKind groups predicates for the calibration.
func predicateKind(pred string) string {
	switch pred {
	case "said", "jobTitle", "worksFor", "nationality", "founder", "isA":
		return pred
	}
	return "other"
}

func sizeBucket(words int) string {
	switch {
	case words <= 1:
		return "1"
	case words <= 3:
		return "2-3"
	case words <= 8:
		return "4-8"
	}
	return "9+"
}

// namedIn reports whether sentence si names e itself (not by a pronoun
// or description).
func (st *docState) namedIn(e *docEntity, si int) bool {
	for _, m := range st.mentions[si] {
		if m.ent == e && m.kind == nameMention {
			return true
		}
	}
	return e.scope != "" // an unnamed speaker is named by its phrase
}

// nameCues say how an entity is named: in one word, and whether the name
// tagger saw a name where the mentions found one (a fragment such as
// "Drug Administration" or a capitalised common word it did not tag).
func (st *docState) nameCues(role string, e *docEntity) []string {
	if e.scope != "" {
		return nil
	}
	if st.shapes == nil {
		st.shapes = map[*docEntity]nameShape{}
	}
	sh, ok := st.shapes[e]
	if !ok {
		sh = st.shapeOf(e)
		st.shapes[e] = sh
	}
	var cues []string
	if sh.oneWord {
		cues = append(cues, role+":oneword")
	}
	if sh.untagged {
		cues = append(cues, role+":untagged")
	}
	return cues
}

// nameShape is what nameCues reads of an entity, computed once.
type nameShape struct{ oneWord, untagged bool }

func (st *docState) shapeOf(e *docEntity) nameShape {
	sh := nameShape{oneWord: len(strings.Fields(e.canonical())) == 1}
	named := false
	for _, m := range e.mentions {
		if m.kind != nameMention {
			continue
		}
		named = true
		for _, t := range st.sents[m.sent].Tokens[m.from:m.to] {
			if nameTag(t) != "" {
				return sh // the name tagger saw a name here
			}
		}
	}
	sh.untagged = named
	return sh
}
