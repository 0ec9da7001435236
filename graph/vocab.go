// Package graph stores extracted facts in Cayley: the vocabulary that
// names things, opening stores, loading results as quads, and exporting.
//
// # Data model
//
// IRIs are stored in their short, prefixed form (`<schema:Person>`,
// `<ent:elon-musk>`), which is what Gizmo matches when a query names
// `"<rdfs:label>"`. The prefixes are written into the graph as Cayley
// namespaces and expanded to full IRIs on export.
//
//   - Entities `<ent:SLUG>` have `rdf:type` (a schema.org class),
//     `rdfs:label`, `schema:name` and `schema:alternateName`, in the
//     default graph. Each article records in its own graph the names it
//     uses for an entity (`ng:namedAs`) and the type it gives it
//     (`ng:typedAs`); the type and alternate names in the default graph
//     are those the stored articles give (see describe.go).
//   - Facts are quads `<subject> <predicate> <object> <art:ID>`: the label
//     is the article that states the fact, so the same fact from three
//     outlets is three quads.
//   - Each (fact, article) pair has an evidence node `<ev:HASH>`, an
//     `rdf:Statement` with `rdf:subject/predicate/object`,
//     `prov:wasDerivedFrom` the article, the sentence, character offsets,
//     the rule, a confidence, and the fact's date and extra arguments.
//   - Articles `<art:ID>` are `schema:NewsArticle` nodes with headline,
//     publisher, date, URL, authors, content hash and the entities they
//     mention.
package graph

import (
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// DefaultBase is the IRI base for newsgraph's own names unless configured.
const DefaultBase = "http://newsgraph.example.org/"

// Standard namespaces.
const (
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	Schema = "http://schema.org/"
	PROV   = "http://www.w3.org/ns/prov#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
)

// Vocab names everything newsgraph writes, relative to a base IRI.
type Vocab struct {
	Base string
}

// Namespaces returns the prefixes used in the store, mapped to full IRIs.
func (v Vocab) Namespaces() []voc.Namespace {
	b := v.base()
	return []voc.Namespace{
		{Prefix: "rdf:", Full: RDF},
		{Prefix: "rdfs:", Full: RDFS},
		{Prefix: "schema:", Full: Schema},
		{Prefix: "prov:", Full: PROV},
		{Prefix: "xsd:", Full: XSD},
		{Prefix: "ng:", Full: b + "vocab#"},
		{Prefix: "ent:", Full: b + "entity/"},
		{Prefix: "art:", Full: b + "article/"},
		{Prefix: "ev:", Full: b + "evidence/"},
	}
}

func (v Vocab) base() string {
	b := v.Base
	if b == "" {
		b = DefaultBase
	}
	if !strings.HasSuffix(b, "/") && !strings.HasSuffix(b, "#") {
		b += "/"
	}
	return b
}

// Full expands a short IRI ("schema:Person") to its full form; other IRIs
// are returned unchanged.
func (v Vocab) Full(iri quad.IRI) quad.IRI {
	s := string(iri)
	for _, ns := range v.Namespaces() {
		if strings.HasPrefix(s, ns.Prefix) {
			return quad.IRI(ns.Full + s[len(ns.Prefix):])
		}
	}
	return iri
}

// Short IRIs used in the store.
var (
	TypeP      = quad.IRI("rdf:type")
	LabelP     = quad.IRI("rdfs:label")
	CommentP   = quad.IRI("rdfs:comment")
	AltNameP   = quad.IRI("schema:alternateName")
	NameP      = quad.IRI("schema:name")
	HeadlineP  = quad.IRI("schema:headline")
	PublisherP = quad.IRI("schema:publisher")
	AuthorP    = quad.IRI("schema:author")
	DatePubP   = quad.IRI("schema:datePublished")
	URLP       = quad.IRI("schema:url")
	MentionsP  = quad.IRI("schema:mentions")
	StatementC = quad.IRI("rdf:Statement")
	// QuotationC is a quotation whose speaker the article does not make
	// clear, kept with its text and evidence but no speaker.
	QuotationC   = quad.IRI("ng:Quotation")
	TextP        = quad.IRI("ng:text")
	SubjectP     = quad.IRI("rdf:subject")
	PredicateP   = quad.IRI("rdf:predicate")
	ObjectP      = quad.IRI("rdf:object")
	DerivedFromP = quad.IRI("prov:wasDerivedFrom")
	// AttributedP links a statement the article only reports to whoever
	// the article says made it.
	AttributedP  = quad.IRI("prov:wasAttributedTo")
	GeneratedAtP = quad.IRI("prov:generatedAtTime")
	NewsArticleC = quad.IRI("schema:NewsArticle")

	ContentHashP   = quad.IRI("ng:contentHash")
	SourceFileP    = quad.IRI("ng:sourceFile")
	SentenceCountP = quad.IRI("ng:sentenceCount")
	SentenceP      = quad.IRI("ng:sentence")
	SentenceIndexP = quad.IRI("ng:sentenceIndex")
	CharStartP     = quad.IRI("ng:charStart")
	CharEndP       = quad.IRI("ng:charEnd")
	RuleP          = quad.IRI("ng:rule")
	ConfidenceP    = quad.IRI("ng:confidence")
	NegatedP       = quad.IRI("ng:negated")
	ModalityP      = quad.IRI("ng:modality")
	DateP          = quad.IRI("ng:date")
	DatePhraseP    = quad.IRI("ng:datePhrase")
	UnitP          = quad.IRI("ng:unit")
	BoundP         = quad.IRI("ng:bound")
	ApproxP        = quad.IRI("ng:approximate")
	ValueTextP     = quad.IRI("ng:valueText")
	NamedAsP       = quad.IRI("ng:namedAs")
	TypedAsP       = quad.IRI("ng:typedAs")
)

// classes maps extractor entity types to schema.org classes.
var classes = map[string]quad.IRI{
	"Person":       "schema:Person",
	"Organization": "schema:Organization",
	"Place":        "schema:Place",
	"Product":      "schema:Product",
	"Event":        "schema:Event",
	"Other":        "schema:Thing",
}

// ClassOf returns the schema.org class for an extractor entity type.
func ClassOf(t string) quad.IRI {
	if c, ok := classes[t]; ok {
		return c
	}
	return "schema:Thing"
}

// standardPredicates are the extractor predicates that have a standard term.
var standardPredicates = map[string]quad.IRI{
	"jobTitle":    "schema:jobTitle",
	"worksFor":    "schema:worksFor",
	"alumniOf":    "schema:alumniOf",
	"nationality": "schema:nationality",
	"founder":     "schema:founder",
}

// Predicate returns the IRI for an extractor predicate name; a negated fact
// gets its own predicate ("notRespondTo") so that a plain traversal never
// reads it as positive.
func Predicate(name string, negated bool) quad.IRI {
	if negated {
		return quad.IRI("ng:not" + strings.ToUpper(name[:1]) + name[1:])
	}
	if p, ok := standardPredicates[name]; ok {
		return p
	}
	return quad.IRI("ng:" + name)
}

// EntityIRI returns the IRI of an entity ID.
func EntityIRI(id string) quad.IRI { return quad.IRI("ent:" + id) }

// ArticleIRI returns the IRI of an article ID.
func ArticleIRI(id string) quad.IRI { return quad.IRI("art:" + id) }
