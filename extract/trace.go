package extract

import (
	"sync/atomic"
)

// Trace records which sentence an extraction is reading. It is written
// by the extracting goroutine and may be read from another at any time,
// e.g. by a watchdog whose time budget ran out. A nil *Trace records
// nothing.
type Trace struct {
	sents   atomic.Pointer[[]Sentence]
	current atomic.Int64 // index into sents; -1 before the first
}

func (tr *Trace) start(sents []Sentence) {
	if tr == nil {
		return
	}
	tr.current.Store(-1)
	tr.sents.Store(&sents)
}

func (tr *Trace) at(si int) {
	if tr != nil {
		tr.current.Store(int64(si))
	}
}

// Sentence returns the number (from 1) and text of the sentence being
// read, or 0 and "" when the extraction had not reached the sentences
// yet (it was still cleaning and tagging the text).
func (tr *Trace) Sentence() (int, string) {
	if tr == nil {
		return 0, ""
	}
	p := tr.sents.Load()
	i := tr.current.Load()
	if p == nil || i < 0 || int(i) >= len(*p) {
		return 0, ""
	}
	return int(i) + 1, (*p)[i].Text
}
