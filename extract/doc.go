// Package extract turns plain English news articles into sourced
// subject–predicate–object facts.
//
// It is a pipeline of small stages, each in its own file:
//
//	document.go      bytes → Document (encoding checks, metadata, language)
//	identity.go      the article's ID: from its URL, else its path under the folder given
//	clean.go         Document → content lines (wrapped lines joined, page clutter and datelines dropped)
//	sentence.go      lines → sentences (line breaks first, then Punkt)
//	quotespan.go     quotations within paragraphs
//	syntaxtokens.go  sentence → tokens, tags, lemmas, dependency tree, name tags (the syntax layer)
//	casing.go        a sentence's first word retagged as a name when the article uses it as one
//	token.go         the token and its Treebank form
//	chunk.go         tags → noun phrases (mentions, quantities, nominal relations)
//	mention.go       names, titles, pronouns, descriptions → typed mentions
//	coref.go         mentions → the document's entities (a sieve: names, heads, descriptions, pronouns)
//	tree.go          the dependency tree, indexed: dependents, subtree spans, noun phrases
//	treeclause.go    the tree → clauses: predicates, verb chains, conjuncts
//	treeargs.go      a clause's subject, objects, arguments, reported speech, modality
//	role.go          titles read with names → roles and affiliations
//	treerole.go      roles stated by a copula or an apposition
//	quote.go         direct quotations and reported speech, with their speakers
//	speaker.go       speakers known only by role ("a Nestle spokesman"), entities of their article
//	relation.go      clauses → relations
//	treequantity.go  quantities said of what an entity owns
//	quantity.go      numbers, money and capacities
//	date.go          absolute and relative dates
//	calibrate.go     each fact's confidence, calibrated on facts judged by reading (calibration.txt)
//	extract.go       the pipeline and the document's facts
//	resolve.go       entities across documents, batches and builds
//	openie.go        the same clauses as open-IE tuples (CaRB format)
//	explain.go       what the extractor saw, for people debugging rules
//	explaintree.go   the syntax layer's dependency tree of each sentence, for explain
//	trace.go         which sentence an extraction is reading (for time budgets)
//	lexicon.go       general English cue words (titles, demonyms, kinds)
//	words.go, lexicon_load.go  loaders of the embedded word lists
//	words/           the word lists, one commented text file each
//
// The package has no dependency on Cayley: it produces [Result] values
// that the graph package turns into quads.
package extract

import "time"

// EntityType is the coarse class of a named entity.
type EntityType string

// The entity types the extractor assigns.
const (
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
	Place        EntityType = "Place"
	Product      EntityType = "Product"
	Event        EntityType = "Event"
	Other        EntityType = "Other"
)

// Metadata describes an article. Every field is optional.
type Metadata struct {
	Title     string    `json:"title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitempty"`
	Authors   []string  `json:"authors,omitempty"`
	// DateSource says where Published came from: "manifest", "sidecar" or "text".
	DateSource string `json:"date_source,omitempty"`
}

// Entity is a real-world thing the article talks about.
type Entity struct {
	// ID is a stable, readable key ("elon-musk"); equal IDs across documents
	// denote the same entity once [Resolve] has run.
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"`
}

// LiteralKind says what a literal object holds.
type LiteralKind string

// Literal kinds.
const (
	Text     LiteralKind = "text"     // reported content, descriptions
	Quote    LiteralKind = "quote"    // a direct quotation, verbatim
	Number   LiteralKind = "number"   // a count or measure, Value with Unit
	Money    LiteralKind = "money"    // Value in Unit (ISO 4217 code)
	DateKind LiteralKind = "date"     // Date holds an ISO 8601 date, year-month or year
	JobTitle LiteralKind = "jobTitle" // a role name such as "spokesperson"
)

// Literal is a typed value used as a fact's object.
type Literal struct {
	Kind  LiteralKind `json:"kind"`
	Text  string      `json:"text"`
	Value float64     `json:"value,omitempty"`
	Unit  string      `json:"unit,omitempty"`
	// Approx marks "about", "around", "roughly"; Bound is "max" for "up to".
	Approx bool   `json:"approx,omitempty"`
	Bound  string `json:"bound,omitempty"`
	Date   string `json:"date,omitempty"`
}

// Object is a fact's object: an entity (EntityID set) or a literal.
type Object struct {
	EntityID string   `json:"entity,omitempty"`
	Literal  *Literal `json:"literal,omitempty"`
}

// Evidence ties a fact to the text it came from.
type Evidence struct {
	DocID    string `json:"doc"`
	Sentence string `json:"sentence"`
	// SentenceIndex counts content sentences from 0.
	SentenceIndex int `json:"sentence_index"`
	// Start and End are character (rune) offsets of the sentence in the
	// original file, after any byte-order mark.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule"`
	// Confidence is in [0,1]: the calibrated probability that a reader
	// judges the fact correct (see calibrate.go). Prior is the rule's own
	// estimate, and Cues what the calibration weighed besides it.
	Confidence float64  `json:"confidence"`
	Prior      float64  `json:"prior"`
	Cues       []string `json:"cues,omitempty"`
}

// Arg is an extra argument of a relation, such as "to a chat" in
// "invited Putin to a chat".
type Arg struct {
	Prep string `json:"prep"`
	Text string `json:"text"`
	// EntityID is set when the argument names an entity.
	EntityID string `json:"entity,omitempty"`
}

// Fact is one subject–predicate–object statement found in an article.
type Fact struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    Object `json:"object"`
	Negated   bool   `json:"negated,omitempty"`
	// Modality is how the article asserts the fact: "" as done or true,
	// Future as to come ("Acme will open an office in Lisbon").
	Modality string `json:"modality,omitempty"`
	// Date is when the fact happened, if the sentence says (ISO 8601,
	// possibly only year-month or year); DatePhrase is the words used.
	Date       string `json:"date,omitempty"`
	DatePhrase string `json:"date_phrase,omitempty"`
	Args       []Arg  `json:"args,omitempty"`
	// AttributedTo is the entity the article reports as saying this
	// ("Peskov said the matter was closed"): the article does not assert
	// the fact itself, and the graph keeps it as that entity's claim.
	AttributedTo string   `json:"attributed_to,omitempty"`
	Evidence     Evidence `json:"evidence"`
}

// Future is the modality of a fact the article states as to come.
const Future = "future"

// Result is everything extracted from one document.
type Result struct {
	Doc       *Document `json:"-"`
	Sentences int       `json:"sentences"`
	Entities  []*Entity `json:"entities"`
	Facts     []Fact    `json:"facts"`
	// Descriptions are entities known only by a definite description
	// ("the Tesla boss"), referred to by provisional IDs starting with "?".
	Descriptions []Description `json:"descriptions,omitempty"`
	// Dropped lists the lines the cleaner removed, with the reason.
	Dropped []DroppedLine `json:"dropped,omitempty"`
	// Unattributed are the quotations of speech whose speaker the text
	// does not make clear: kept without a speaker rather than credited
	// to a guessed one.
	Unattributed []Quotation `json:"unattributed,omitempty"`
	// Own is what this document itself says of each entity in Entities,
	// by ID, set by [Resolve]: after it, Entities are values shared by
	// every document, with names and types pooled across documents and
	// builds, while Own keeps the names this document uses for the
	// entity and the type its own cues give. Before Resolve it is nil and
	// Entities are the document's own.
	Own map[string]OwnEntity `json:"-"`
}

// Quotation is a quotation with its evidence (Rule and Confidence are
// unset).
type Quotation struct {
	Text     string   `json:"text"`
	Evidence Evidence `json:"evidence"`
}

// OwnEntity is one document's own view of an entity: every name the
// document uses for it (sorted, the canonical name among them) and the
// type the document's cues give it.
type OwnEntity struct {
	Names []string
	Type  EntityType
}

// DroppedLine is a line the cleaner judged to be page clutter.
type DroppedLine struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}
