package graph

import (
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
)

// terms documents newsgraph's own vocabulary: every term with no standard
// equivalent. Standard terms (schema.org, RDFS, PROV-O, XSD) are used for
// everything else.
var terms = []struct {
	name, kind, label, comment string
}{
	{"contentHash", "Property", "content hash", "SHA-256 of the article file's bytes; re-ingesting the same bytes changes nothing."},
	{"sourceFile", "Property", "source file", "The path the article was read from."},
	{"sentenceCount", "Property", "sentence count", "Number of content sentences the extractor kept after removing page clutter."},
	{"sentence", "Property", "sentence", "The sentence of the source article that states the fact."},
	{"sentenceIndex", "Property", "sentence index", "Position of the sentence among the article's content sentences, from 0."},
	{"charStart", "Property", "character start", "Offset, in characters, of the sentence's first character in the article file."},
	{"charEnd", "Property", "character end", "Offset, in characters, just past the sentence's last character in the article file."},
	{"rule", "Property", "extraction rule", "The extractor rule that produced the fact, e.g. relation.clause or quote.after."},
	{"confidence", "Property", "confidence", "The calibrated probability, from 0 to 1, that a reader judges the fact correct (fitted to facts judged by reading)."},
	{"negated", "Property", "negated", "True when the sentence denies the fact; the fact's predicate is then the not- form."},
	{"modality", "Property", "modality", "How the article states the fact when not as done: \"future\" for what is to come (\"Acme will open an office\")."},
	{"date", "Property", "date", "When the fact happened, as the sentence says, resolved against the article date: a day, month or year."},
	{"datePhrase", "Property", "date phrase", "The words the sentence uses for the fact's date, e.g. \"last month\"."},
	{"unit", "Property", "unit", "Unit of a quantity: a currency code (USD) or a counted noun (people)."},
	{"bound", "Property", "bound", "\"max\" for up-to amounts, \"min\" for at-least amounts."},
	{"approximate", "Property", "approximate", "True when the article gives the quantity as approximate (about, around)."},
	{"valueText", "Property", "value as written", "The quantity as the article writes it, e.g. \"$110 million\"."},
	{"Quotation", "Class", "quotation", "A quotation of speech whose speaker the article does not make clear: kept, with its sentence, without a speaker rather than credited to a guessed one."},
	{"text", "Property", "text", "The words of a quotation."},
	{"said", "Property", "said", "A direct quotation (verbatim) or reported speech (as written) attributed to the subject."},
	{"isA", "Property", "is a", "A description of the subject given by the article (\"Clubhouse is an audio chat app\")."},
	{"articleIds", "Property", "article identifiers", "How the store names its articles: \"relative-path\" is an article's path relative to the folder a build was given."},
	{"formerJobTitle", "Property", "former job title", "A job title the subject held before (\"a former Google engineer\")."},
	{"namedAs", "Property", "named as", "A name the article (the graph holding the statement) uses for the entity; the entity's schema:alternateName values are the names its articles use other than its label."},
	{"typedAs", "Property", "typed as", "The class the article (the graph holding the statement) gives the entity; the entity's rdf:type is the class most of its articles give."},
}

// Document returns the vocabulary of newsgraph's own terms as triples
// with full IRIs: the fixed terms, and for each extracted predicate in
// used (verb lemmas such as ng:invite) a property with its label.
func (v Vocab) Document(used map[quad.IRI]bool) []quad.Quad {
	ns := v.base() + "vocab#"
	rdfType := quad.IRI(RDF + "type")
	label, comment := quad.IRI(RDFS+"label"), quad.IRI(RDFS+"comment")
	var out []quad.Quad
	add := func(name, kind, lbl, cmt string) {
		iri := quad.IRI(ns + name)
		out = append(out,
			quad.Quad{Subject: iri, Predicate: rdfType, Object: quad.IRI(RDF + kind)},
			quad.Quad{Subject: iri, Predicate: label, Object: quad.LangString{Value: quad.String(lbl), Lang: "en"}},
			quad.Quad{Subject: iri, Predicate: comment, Object: quad.LangString{Value: quad.String(cmt), Lang: "en"}},
		)
	}
	known := map[string]bool{}
	for _, t := range terms {
		add(t.name, t.kind, t.label, t.comment)
		known[ns+t.name] = true
	}
	var extra []string
	for p := range used {
		if strings.HasPrefix(string(p), ns) && !known[string(p)] {
			extra = append(extra, string(p))
		}
	}
	sort.Strings(extra)
	for _, p := range extra {
		name := strings.TrimPrefix(p, ns)
		words := splitCamel(name)
		cmt := "The subject " + words + " the object, as a verb of the source sentence (lemma, with particle or preposition)."
		if strings.HasPrefix(name, "not") && len(name) > 3 && unicode.IsUpper(rune(name[3])) {
			cmt = "The source sentence says the subject did not " + splitCamel(name[3:]) + " the object."
		}
		add(name, "Property", words, cmt)
	}
	return out
}

// splitCamel turns "respondTo" into "respond to".
func splitCamel(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
