package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"runtime/metrics"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
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
//
// The loader hands Cayley exact deltas: a quad is removed only if it is
// stored and added only if it is not. Cayley's kv stores count node
// references per delta, not per quad written: an added quad that is
// already stored still adds a reference (so the node is never freed), and
// a removal of a quad that is not stored, when the same batch adds other
// quads on its nodes, loses one (so a node still in use can be freed).
// Quads are compared by Cayley's value hashes, not by Go equality (a value
// read back from a store may differ from the one written, as PostgreSQL's
// times do), so an article whose new version repeats quads of the old one
// keeps them.
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
	plans      []*plan       // the open batch, in the order articles came
	pending    map[fingerprint]*plan
	size       int                         // quads the open batch removes and adds
	stored     map[fingerprint]fingerprint // article IRI → content hash in the store, read once
	seen       map[fingerprint]bool        // articles given to Add in this load
	defaults   *defaultGraph
	nsWritten  bool
	now        func() time.Time
	// Quads counts the quad additions committed so far.
	Quads int
	// Articles counts the articles (added or replaced) committed so far.
	Articles int
	// Removed counts the articles removed by [Loader.Prune] so far.
	Removed int
}

// plan is what the open batch does to one article: remove the stored
// version's quads (old) and write the new one's (adds, nil when the
// article is pruned).
type plan struct {
	art    quad.IRI
	key    fingerprint
	hash   fingerprint
	status ArticleStatus
	old    []quad.Quad
	adds   []quad.Quad
	prune  bool
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
	l := &Loader{st: st, BatchQuads: DefaultBatchQuads(st.Backend), pending: map[fingerprint]*plan{}, seen: map[fingerprint]bool{}, defaults: newDefaultGraph(st), now: time.Now, liveHeap: liveHeap}
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
// removed in the same transaction. An article given twice to one batch
// keeps only its last version.
func (l *Loader) Add(ctx context.Context, res *extract.Result) (ArticleStatus, int, error) {
	doc := res.Doc
	art := ArticleIRI(doc.ID)
	key, hash := fingerprintOf(string(art)), fingerprintOf(doc.Hash)
	l.seen[key] = true
	if p, ok := l.pending[key]; ok && p.hash == hash {
		return Unchanged, 0, nil
	}
	if err := l.Start(ctx); err != nil {
		return 0, 0, fmt.Errorf("look up %s: %w", doc.ID, err)
	}
	stored, isStored := l.stored[key]
	if isStored && stored == hash {
		l.drop(key) // an earlier version in this batch is undone
		return Unchanged, 0, nil
	}
	p, err := l.planFor(ctx, art, key, isStored)
	if err != nil {
		return 0, 0, fmt.Errorf("remove old version of %s: %w", doc.ID, err)
	}
	l.size -= len(p.adds)
	p.hash, p.prune = hash, false
	p.adds = ArticleQuads(res, l.now())
	l.size += len(p.adds)
	if l.size >= l.BatchQuads {
		if err := l.Flush(ctx); err != nil {
			return 0, 0, err
		}
	}
	return p.status, len(p.adds), nil
}

// planFor returns the open batch's plan for an article, making one (with
// the stored version's quads to remove) if there is none.
func (l *Loader) planFor(ctx context.Context, art quad.IRI, key fingerprint, isStored bool) (*plan, error) {
	if p, ok := l.pending[key]; ok {
		return p, nil
	}
	p := &plan{art: art, key: key, status: Added}
	if isStored {
		p.status = Replaced
		if err := l.st.eachQuad(ctx, quad.Label, art, func(q quad.Quad) { p.old = append(p.old, q) }); err != nil {
			return nil, err
		}
		l.size += len(p.old)
	}
	l.pending[key] = p
	l.plans = append(l.plans, p)
	return p, nil
}

// drop takes an article's plan out of the open batch.
func (l *Loader) drop(key fingerprint) {
	p, ok := l.pending[key]
	if !ok {
		return
	}
	delete(l.pending, key)
	l.plans = slices.DeleteFunc(l.plans, func(x *plan) bool { return x == p })
	l.size -= len(p.old) + len(p.adds)
}

// Flush commits the open batch.
func (l *Loader) Flush(ctx context.Context) error {
	if len(l.plans) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	b, err := l.batch(ctx)
	if err != nil {
		return fmt.Errorf("prepare batch for %s: %w", Redact(l.st.Address), err)
	}
	if err := l.apply(ctx, b.tx); err != nil {
		return err
	}
	l.committed(b)
	return nil
}

// apply writes a transaction: through PostgreSQL's COPY path when it
// takes it, else through Cayley's writer. A transaction that Cayley's kv
// stores would write wrongly is written as two (see [splitDeltas]).
func (l *Loader) apply(ctx context.Context, tx *graph.Transaction) error {
	for _, part := range splitDeltas(tx) {
		if err := l.applyOne(ctx, part); err != nil {
			return err
		}
	}
	return nil
}

func (l *Loader) applyOne(ctx context.Context, tx *graph.Transaction) error {
	if len(tx.Deltas) == 0 {
		return nil
	}
	err := errNeedWriter
	if l.st.bulk != nil {
		err = l.st.bulk.apply(ctx, tx)
	}
	if errors.Is(err, errNeedWriter) {
		err = l.st.QuadWriter.ApplyTransaction(tx)
	}
	if err != nil {
		return fmt.Errorf("write batch of %d quads to %s: %w", len(tx.Deltas), Redact(l.st.Address), err)
	}
	return nil
}

// splitDeltas returns tx as is, or as its removals and then its additions
// when one transaction would lose values. Cayley v0.7.7's kv stores (bolt,
// leveldb) resolve the nodes of added quads among the nodes whose
// reference count the transaction raises or keeps: a node that the
// transaction removes more quads of than it adds is missing from that
// lookup, so the added quads are written without it (a quad with no
// object, or no label: "invalid N-Quad" on export, a nil pointer in
// Turtle) and the node may then be freed while older quads still use it
// (stats counting no facts when it is rdf:Statement). A replaced article
// whose new version uses a value less often than the old one does this.
// The removals are committed first: if the process dies between the two
// commits the article is missing, not doubled, and the next build adds it.
func splitDeltas(tx *graph.Transaction) []*graph.Transaction {
	d := graphlog.SplitDeltas(tx.Deltas)
	if len(d.DecNode) == 0 || len(d.QuadAdd) == 0 {
		return []*graph.Transaction{tx}
	}
	dec := make(map[graph.ValueHash]bool, len(d.DecNode))
	for _, n := range d.DecNode {
		dec[n.Hash] = true
	}
	split := false
	for _, q := range d.QuadAdd {
		for _, dir := range quad.Directions {
			if h := q.Quad.Get(dir); h.Valid() && dec[h] {
				split = true
			}
		}
	}
	if !split {
		return []*graph.Transaction{tx}
	}
	removals, additions := graph.NewTransaction(), graph.NewTransaction()
	for _, dl := range tx.Deltas {
		if dl.Action == graph.Delete {
			removals.RemoveQuad(dl.Quad)
		} else {
			additions.AddQuad(dl.Quad)
		}
	}
	return []*graph.Transaction{removals, additions}
}

// committed records what a written batch changed and starts the next.
func (l *Loader) committed(b *batch) {
	l.Quads += b.adds
	for _, p := range l.plans {
		switch {
		case p.prune:
			l.Removed++
			delete(l.stored, p.key)
		default:
			l.Articles++
			l.stored[p.key] = p.hash
		}
	}
	l.defaults.committed(b)
	l.nsWritten = true
	l.plans, l.pending, l.size = nil, map[fingerprint]*plan{}, 0
	l.adapt()
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
// A store whose articles were named by an older scheme is refused with an
// error wrapping [ErrOldArticleIDs].
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
	err := l.st.eachArticle(ctx, func(a quad.IRI, h string) {
		stored[fingerprintOf(string(a))] = fingerprintOf(h)
	})
	if err != nil {
		return err
	}
	if err := l.st.checkArticleIDs(ctx, len(stored) > 0); err != nil {
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

// eachArticle calls fn with every stored article and its content hash.
func (s *Store) eachArticle(ctx context.Context, fn func(art quad.IRI, hash string)) error {
	return s.eachQuad(ctx, quad.Predicate, ContentHashP, func(q quad.Quad) {
		if a, ok := q.Subject.(quad.IRI); ok {
			if h, ok := quad.NativeOf(q.Object).(string); ok {
				fn(a, h)
			}
		}
	})
}

// namespaceQuads are the prefixes as Cayley namespaces, so that Cayley's
// own tools and `g.LoadNamespaces()` in Gizmo know them.
func (v Vocab) namespaceQuads() []quad.Quad {
	var w quadList
	// one at a time, in a fixed order: voc.Namespaces lists from a map
	for _, n := range v.Namespaces() {
		var ns voc.Namespaces
		ns.Register(n)
		_ = schema.NewConfig().WriteNamespaces(&w, &ns)
	}
	return w
}

// initialQuads are what the first load into a store writes besides its
// articles: the namespaces and the article identity marker.
func (v Vocab) initialQuads() []quad.Quad {
	return append(v.namespaceQuads(), ArticleIDsMarker)
}

// quadList is a quad.Writer that collects quads.
type quadList []quad.Quad

func (w *quadList) WriteQuad(q quad.Quad) error { *w = append(*w, q); return nil }
func (w *quadList) WriteQuads(qs []quad.Quad) (int, error) {
	*w = append(*w, qs...)
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
	typed := typings{art: art}
	// the article
	add(art, TypeP, NewsArticleC, art)
	add(art, LabelP, quad.String(ArticleLabel(doc)), art)
	if doc.Meta.Title != "" {
		add(art, HeadlineP, quad.String(doc.Meta.Title), art)
	}
	if doc.Meta.Outlet != "" {
		pub := EntityIRI(extract.Slug(doc.Meta.Outlet))
		add(art, PublisherP, pub, art)
		typed.add(pub, ClassOf("Organization"))
		add(pub, LabelP, quad.String(doc.Meta.Outlet), nil)
	}
	for _, a := range doc.Meta.Authors {
		au := EntityIRI(extract.Slug(a))
		add(art, AuthorP, au, art)
		typed.add(au, ClassOf("Person"))
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
	// entities: labelled in the default graph, mentioned by the article,
	// with the names and type the article gives them (the rest of their
	// description follows from those: see describe.go)
	for _, e := range res.Entities {
		ei := EntityIRI(e.ID)
		add(ei, LabelP, quad.String(e.Name), nil)
		add(ei, NameP, quad.String(e.Name), nil)
		own := ownOf(res, e)
		typed.add(ei, ClassOf(string(own.Type)))
		for _, n := range own.Names {
			if n != "" {
				add(ei, NamedAsP, quad.String(n), art)
			}
		}
		add(art, MentionsP, ei, art)
	}
	out = append(out, typed.quads...)
	// facts and their evidence
	for _, f := range res.Facts {
		s := EntityIRI(f.Subject)
		p := Predicate(f.Predicate, f.Negated)
		o := ObjectValue(f.Object)
		if f.AttributedTo == "" {
			add(s, p, o, art) // what the article reports as someone's claim, it does not assert
		}
		ev := evidenceIRI(s, p, o, art, f.AttributedTo)
		add(ev, TypeP, StatementC, art)
		add(ev, SubjectP, s, art)
		add(ev, PredicateP, p, art)
		add(ev, ObjectP, o, art)
		add(ev, DerivedFromP, art, art)
		if f.AttributedTo != "" {
			add(ev, AttributedP, EntityIRI(f.AttributedTo), art)
		}
		e := f.Evidence
		out = appendSentence(out, ev, e, art)
		add(ev, RuleP, quad.String(e.Rule), art)
		add(ev, ConfidenceP, quad.Float(e.Confidence), art)
		if f.Negated {
			add(ev, NegatedP, quad.Bool(true), art)
		}
		if f.Modality != "" {
			add(ev, ModalityP, quad.String(f.Modality), art)
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
	return append(out, quotationQuads(res, art)...)
}

// quotationQuads describes the article's quotations that have no
// speaker.
func quotationQuads(res *extract.Result, art quad.IRI) []quad.Quad {
	var out []quad.Quad
	for _, q := range res.Unattributed {
		text := quad.LangString{Value: quad.String(q.Text), Lang: "en"}
		node := evidenceIRI(art, QuotationC, text, art, "")
		out = append(out,
			quad.Quad{Subject: node, Predicate: TypeP, Object: QuotationC, Label: art},
			quad.Quad{Subject: node, Predicate: TextP, Object: text, Label: art},
			quad.Quad{Subject: node, Predicate: DerivedFromP, Object: art, Label: art})
		out = appendSentence(out, node, q.Evidence, art)
	}
	return out
}

// appendSentence appends the quads that say which sentence of the article
// a statement or quotation node comes from.
func appendSentence(out []quad.Quad, node quad.Value, e extract.Evidence, art quad.IRI) []quad.Quad {
	return append(out,
		quad.Quad{Subject: node, Predicate: SentenceP, Object: quad.LangString{Value: quad.String(e.Sentence), Lang: "en"}, Label: art},
		quad.Quad{Subject: node, Predicate: SentenceIndexP, Object: quad.Int(e.SentenceIndex), Label: art},
		quad.Quad{Subject: node, Predicate: CharStartP, Object: quad.Int(e.Start), Label: art},
		quad.Quad{Subject: node, Predicate: CharEndP, Object: quad.Int(e.End), Label: art})
}

// ownOf returns what the result's document itself says of one of its
// entities: what Resolve recorded, or, for a result not resolved, the
// entity itself.
func ownOf(res *extract.Result, e *extract.Entity) extract.OwnEntity {
	if own, ok := res.Own[e.ID]; ok {
		return own
	}
	return extract.OwnEntity{Names: append([]string{e.Name}, e.Aliases...), Type: e.Type}
}

// typings are an article's ng:typedAs quads, one per entity and class
// (a publisher can also be an entity the text names, an author be
// listed twice).
type typings struct {
	art   quad.IRI
	seen  map[[2]quad.Value]bool
	quads []quad.Quad
}

func (t *typings) add(ent quad.IRI, class quad.IRI) {
	k := [2]quad.Value{ent, class}
	if t.seen[k] {
		return
	}
	if t.seen == nil {
		t.seen = map[[2]quad.Value]bool{}
	}
	t.seen[k] = true
	t.quads = append(t.quads, quad.Quad{Subject: ent, Predicate: TypedAsP, Object: class, Label: t.art})
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

func evidenceIRI(s, p, o, art quad.Value, by string) quad.IRI {
	key := s.String() + " " + p.String() + " " + o.String() + " " + art.String()
	if by != "" {
		key += " " + by // one statement per claimant
	}
	h := sha256.Sum256([]byte(key))
	return quad.IRI("ev:" + hex.EncodeToString(h[:10]))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
