package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/schema"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"

	"github.com/newsgraph/newsgraph/extract"
)

// ArticleStatus says what loading did with an article.
type ArticleStatus int

// Outcomes of [Loader.Add].
const (
	Added     ArticleStatus = iota // new article
	Unchanged                      // same content hash as stored: nothing written
	Replaced                       // content changed: old quads removed, new written
)

func (s ArticleStatus) String() string {
	return [...]string{"added", "unchanged", "replaced"}[s]
}

// Loader writes extraction results to a store in batches. Each batch is
// one Cayley transaction, so an article is never half written; a batch
// holds whole articles only.
type Loader struct {
	st *Store
	// BatchQuads is the number of quads after which a batch is committed;
	// NewLoader sets the store's default (see [DefaultBatchQuads]).
	BatchQuads int
	// HeapTarget, when not 0, makes batches adapt to memory: after each
	// commit, a live heap above the target halves the batch size (down to
	// [MinBatchQuads]) and one below three quarters of it lets the size
	// grow back by a quarter, up to the size it started with. NewLoader
	// sets [DefaultHeapTarget] on kv stores.
	HeapTarget uint64
	maxBatch   int           // BatchQuads as first seen by adapt
	liveHeap   func() uint64 // the live heap after the last collection
	tx         *graph.Transaction
	pending    map[fingerprint]fingerprint // article IRI → content hash, in the open batch
	stored     map[fingerprint]fingerprint // article IRI → content hash in the store, read once
	nsWritten  bool
	now        func() time.Time
	// Quads counts the quad additions committed so far.
	Quads int
	// Articles counts the articles (added or replaced) committed so far.
	Articles int
}

// DefaultBatchQuads is the batch size for a backend. On a kv store
// (bolt, leveldb) a commit holds in memory every page it changes; once a
// graph is much larger than one batch each quad's index entries land on
// pages of their own, so the memory of a commit grows with the batch, and
// with big batches it keeps growing with the graph until that point is
// reached. 2,000 quads bounds it early (a 10k-article build: live heap
// 130 MB at the end against 163 MB with 10,000, for 5% more time), and
// [Loader.HeapTarget] shrinks it further on large graphs. PostgreSQL's
// COPY path gains from big batches and keeps its memory in the server.
func DefaultBatchQuads(backend string) int {
	if backend == "postgres" {
		return 10000
	}
	return 2000
}

// DefaultHeapTarget is the live heap that batches on kv stores adapt to.
// A build's pipeline and models need ~40 MB; what comes on top is mostly
// the pages the open commit has changed, which grow with the graph's
// width until a commit touches one page per index entry. Adapting the
// batch size to the heap keeps that part flat whatever the graph's size.
const DefaultHeapTarget = 64 << 20

// MinBatchQuads is the smallest batch [Loader.HeapTarget] leads to.
const MinBatchQuads = 250

// NewLoader returns a loader on st.
func NewLoader(st *Store) *Loader {
	l := &Loader{st: st, BatchQuads: DefaultBatchQuads(st.Backend), tx: graph.NewTransaction(), pending: map[fingerprint]fingerprint{}, now: time.Now, liveHeap: liveHeap}
	if isKV(st.Backend) {
		l.HeapTarget = DefaultHeapTarget
	}
	return l
}

// liveHeap reads the Go runtime's live heap as of the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// adapt sets the next batch's size from the live heap (see HeapTarget).
func (l *Loader) adapt() {
	if l.HeapTarget == 0 {
		return
	}
	if l.maxBatch == 0 {
		l.maxBatch = l.BatchQuads
	}
	switch live := l.liveHeap(); {
	case live > l.HeapTarget:
		l.BatchQuads = max(l.BatchQuads/2, min(MinBatchQuads, l.maxBatch))
	case live < l.HeapTarget/4*3:
		l.BatchQuads = min(l.BatchQuads+l.BatchQuads/4+1, l.maxBatch)
	}
}

// SetNow sets the clock that dates articles (prov:generatedAtTime).
func (l *Loader) SetNow(now func() time.Time) { l.now = now }

// Add queues the quads of one article. It reports Unchanged, writing
// nothing, when the store already holds the article with the same content
// hash, and Replaced when it holds an older version, whose quads are
// removed in the same transaction.
func (l *Loader) Add(ctx context.Context, res *extract.Result) (ArticleStatus, int, error) {
	doc := res.Doc
	art := ArticleIRI(doc.ID)
	key, hash := fingerprintOf(string(art)), fingerprintOf(doc.Hash)
	if h, ok := l.pending[key]; ok && h == hash {
		return Unchanged, 0, nil
	}
	if err := l.Start(ctx); err != nil {
		return 0, 0, fmt.Errorf("look up %s: %w", doc.ID, err)
	}
	stored, ok := l.stored[key]
	status := Added
	switch {
	case ok && stored == hash:
		return Unchanged, 0, nil
	case ok:
		status = Replaced
		if err := l.removeArticle(ctx, art); err != nil {
			return 0, 0, fmt.Errorf("remove old version of %s: %w", doc.ID, err)
		}
	}
	if !l.nsWritten {
		l.writeNamespaces()
		l.nsWritten = true
	}
	before := len(l.tx.Deltas)
	for _, q := range ArticleQuads(res, l.now()) {
		l.tx.AddQuad(q)
	}
	l.pending[key] = hash
	n := len(l.tx.Deltas) - before
	if len(l.tx.Deltas) >= l.BatchQuads {
		if err := l.Flush(ctx); err != nil {
			return 0, 0, err
		}
	}
	return status, n, nil
}

// Flush commits the open batch.
func (l *Loader) Flush(ctx context.Context) error {
	if len(l.tx.Deltas) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	adds := 0
	for _, d := range l.tx.Deltas {
		if d.Action == graph.Add {
			adds++
		}
	}
	err := errNeedWriter
	if l.st.bulk != nil {
		err = l.st.bulk.apply(ctx, l.tx)
	}
	if errors.Is(err, errNeedWriter) {
		err = l.st.QuadWriter.ApplyTransaction(l.tx)
	}
	if err != nil {
		return fmt.Errorf("write batch of %d quads to %s: %w", len(l.tx.Deltas), Redact(l.st.Address), err)
	}
	l.Quads += adds
	l.Articles += len(l.pending)
	l.tx = graph.NewTransaction()
	if l.stored != nil {
		for a, h := range l.pending {
			l.stored[a] = h
		}
	}
	l.pending = map[fingerprint]fingerprint{}
	l.adapt()
	return nil
}

// fingerprint stands for a string the loader must remember for every
// article of the graph (its IRI, its content hash): 16 bytes of the
// string's SHA-256 instead of the string: 83 bytes per article in the
// map instead of ~200 (measured on a million). Two articles would be
// confused only by a 128-bit collision.
type fingerprint [16]byte

func fingerprintOf(s string) fingerprint {
	sum := sha256.Sum256([]byte(s))
	return fingerprint(sum[:16])
}

// Start begins a load; call it before reading anything else a build
// depends on (Add calls it if needed). On PostgreSQL it takes the load
// lock, so that what is read next includes the last build's writes. It
// then reads every stored article hash in one pass (one round trip per
// build, not one per article, which costs much on a database server), and
// on PostgreSQL a load into an empty graph defers index upkeep to its end.
func (l *Loader) Start(ctx context.Context) error {
	if l.stored != nil {
		return nil
	}
	if l.st.bulk != nil {
		if err := l.st.bulk.begin(ctx); err != nil {
			return err
		}
	}
	stored := map[fingerprint]fingerprint{}
	err := l.st.eachQuad(ctx, quad.Predicate, ContentHashP, func(q quad.Quad) {
		if a, ok := q.Subject.(quad.IRI); ok {
			if h, ok := quad.NativeOf(q.Object).(string); ok {
				stored[fingerprintOf(string(a))] = fingerprintOf(h)
			}
		}
	})
	if err != nil {
		return err
	}
	if l.st.bulk != nil && len(stored) == 0 {
		if err := l.st.bulk.deferIndexes(ctx); err != nil {
			return err
		}
	}
	l.stored = stored
	return nil
}

// removeArticle queues removal of every quad labelled with the article.
func (l *Loader) removeArticle(ctx context.Context, art quad.IRI) error {
	return l.st.eachQuad(ctx, quad.Label, art, l.tx.RemoveQuad)
}

// writeNamespaces stores the prefixes as Cayley namespaces, so that
// Cayley's own tools and `g.LoadNamespaces()` in Gizmo know them.
func (l *Loader) writeNamespaces() {
	w := txWriter{l.tx}
	// one at a time, in a fixed order: voc.Namespaces lists from a map
	for _, n := range l.st.Vocab.Namespaces() {
		var ns voc.Namespaces
		ns.Register(n)
		_ = schema.NewConfig().WriteNamespaces(w, &ns)
	}
}

type txWriter struct{ tx *graph.Transaction }

func (w txWriter) WriteQuad(q quad.Quad) error { w.tx.AddQuad(q); return nil }
func (w txWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for _, q := range qs {
		w.tx.AddQuad(q)
	}
	return len(qs), nil
}

// ArticleQuads returns every quad for one extraction result.
func ArticleQuads(res *extract.Result, now time.Time) []quad.Quad {
	doc := res.Doc
	art := ArticleIRI(doc.ID)
	var out []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value, label quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	// the article
	add(art, TypeP, NewsArticleC, art)
	add(art, LabelP, quad.String(ArticleLabel(doc)), art)
	if doc.Meta.Title != "" {
		add(art, HeadlineP, quad.String(doc.Meta.Title), art)
	}
	if doc.Meta.Outlet != "" {
		pub := EntityIRI(extract.Slug(doc.Meta.Outlet))
		add(art, PublisherP, pub, art)
		add(pub, TypeP, ClassOf("Organization"), nil)
		add(pub, LabelP, quad.String(doc.Meta.Outlet), nil)
	}
	for _, a := range doc.Meta.Authors {
		au := EntityIRI(extract.Slug(a))
		add(art, AuthorP, au, art)
		add(au, TypeP, ClassOf("Person"), nil)
		add(au, LabelP, quad.String(a), nil)
	}
	if !doc.Meta.Published.IsZero() {
		add(art, DatePubP, quad.TypedString{Value: quad.String(doc.Meta.Published.Format("2006-01-02")), Type: XSD + "date"}, art)
	}
	if doc.Meta.URL != "" {
		add(art, URLP, quad.IRI(doc.Meta.URL), art)
	}
	add(art, ContentHashP, quad.String(doc.Hash), art)
	add(art, SourceFileP, quad.String(doc.Name), art)
	add(art, SentenceCountP, quad.Int(res.Sentences), art)
	add(art, GeneratedAtP, quad.Time(now.UTC().Truncate(time.Second)), art)
	// entities: described in the default graph, mentioned by the article
	for _, e := range res.Entities {
		ei := EntityIRI(e.ID)
		add(ei, TypeP, ClassOf(string(e.Type)), nil)
		add(ei, LabelP, quad.String(e.Name), nil)
		add(ei, NameP, quad.String(e.Name), nil)
		for _, al := range e.Aliases {
			add(ei, AltNameP, quad.String(al), nil)
		}
		add(art, MentionsP, ei, art)
	}
	// facts and their evidence
	for _, f := range res.Facts {
		s := EntityIRI(f.Subject)
		p := Predicate(f.Predicate, f.Negated)
		o := ObjectValue(f.Object)
		add(s, p, o, art)
		ev := evidenceIRI(s, p, o, art)
		add(ev, TypeP, StatementC, art)
		add(ev, SubjectP, s, art)
		add(ev, PredicateP, p, art)
		add(ev, ObjectP, o, art)
		add(ev, DerivedFromP, art, art)
		e := f.Evidence
		add(ev, SentenceP, quad.LangString{Value: quad.String(e.Sentence), Lang: "en"}, art)
		add(ev, SentenceIndexP, quad.Int(e.SentenceIndex), art)
		add(ev, CharStartP, quad.Int(e.Start), art)
		add(ev, CharEndP, quad.Int(e.End), art)
		add(ev, RuleP, quad.String(e.Rule), art)
		add(ev, ConfidenceP, quad.Float(e.Confidence), art)
		if f.Negated {
			add(ev, NegatedP, quad.Bool(true), art)
		}
		if f.Date != "" {
			add(ev, DateP, DateValue(f.Date), art)
		}
		if f.DatePhrase != "" {
			add(ev, DatePhraseP, quad.String(f.DatePhrase), art)
		}
		if l := f.Object.Literal; l != nil && (l.Kind == extract.Number || l.Kind == extract.Money) {
			add(ev, ValueTextP, quad.String(l.Text), art)
			if l.Unit != "" {
				add(ev, UnitP, quad.String(l.Unit), art)
			}
			if l.Bound != "" {
				add(ev, BoundP, quad.String(l.Bound), art)
			}
			if l.Approx {
				add(ev, ApproxP, quad.Bool(true), art)
			}
		}
		for _, a := range f.Args {
			pred := quad.IRI("ng:arg" + capitalize(a.Prep))
			if a.Prep == "" {
				pred = "ng:argObject"
			}
			if a.EntityID != "" {
				add(ev, pred, EntityIRI(a.EntityID), art)
			} else {
				add(ev, pred, quad.String(a.Text), art)
			}
		}
	}
	return out
}

// ArticleLabel names an article for people: its outlet and date when
// known, else its ID.
func ArticleLabel(doc *extract.Document) string {
	name := doc.Meta.Outlet
	if name == "" {
		name = doc.ID
	}
	if !doc.Meta.Published.IsZero() {
		name += ", " + doc.Meta.Published.Format("2006-01-02")
	}
	return name
}

// ObjectValue converts a fact's object to a quad value: an entity IRI or
// a typed literal.
func ObjectValue(o extract.Object) quad.Value {
	if o.EntityID != "" {
		return EntityIRI(o.EntityID)
	}
	l := o.Literal
	switch l.Kind {
	case extract.Quote, extract.Text:
		return quad.LangString{Value: quad.String(l.Text), Lang: "en"}
	case extract.Number, extract.Money:
		if l.Value == math.Trunc(l.Value) && math.Abs(l.Value) < 1<<53 {
			return quad.Int(int64(l.Value))
		}
		return quad.Float(l.Value)
	case extract.DateKind:
		return DateValue(l.Date)
	}
	return quad.String(l.Text)
}

// DateValue types an ISO date by its precision: xsd:date, xsd:gYearMonth
// or xsd:gYear.
func DateValue(d string) quad.Value {
	t := "date"
	switch len(d) {
	case 4:
		t = "gYear"
	case 7:
		t = "gYearMonth"
	}
	return quad.TypedString{Value: quad.String(d), Type: quad.IRI(XSD + t)}
}

func evidenceIRI(s, p, o, art quad.Value) quad.IRI {
	h := sha256.Sum256([]byte(s.String() + " " + p.String() + " " + o.String() + " " + art.String()))
	return quad.IRI("ev:" + hex.EncodeToString(h[:10]))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
