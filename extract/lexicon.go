package extract

import (
	"maps"
	"strings"
)

// General English vocabulary the stages use as cues. None of it is about
// particular stories: job titles, honorifics, nationality adjectives, and
// the nouns that say what kind of thing a name is. The lists live in
// words/*.txt, each with a header saying what it is for.

// set builds a word set from "a|b|c".
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(words, "|") {
		m[w] = true
	}
	return m
}

// honorifics precede a person's name.
var honorifics = wordSet("honorifics")

// roleNouns are job titles and descriptions of people. Lower case; the
// multi-word ones are in multiWordRoles.
var roleNouns = wordSet("role-nouns")

// multiWordRoles maps two-word titles ("prime minister") to the role they
// name.
var multiWordRoles = wordMap("multi-word-roles")

// titlePrefixes make another title of the title they are hyphened to:
// "Vice-President", "Co-Chairman".
var titlePrefixes = wordSet("title-prefixes")

// portfolioNouns are the fields a minister or secretary answers for:
// capitalised before a title ("Finance Minister", "Home Secretary") they
// are part of it, not an organisation.
var portfolioNouns = wordSet("portfolio-nouns")

// portfolioTitles are the titles a portfolio noun can be part of.
var portfolioTitles = wordSet("portfolio-titles")

// roleGroups lists role nouns that name the same position, so that "the
// Tesla boss" can find the person introduced as "Tesla CEO".
var roleGroups = wordGroups("role-groups")

// sameRole reports whether two role names denote the same position.
func sameRole(a, b string) bool {
	if a == b {
		return true
	}
	for _, g := range roleGroups {
		ina, inb := false, false
		for _, r := range g {
			ina = ina || r == a
			inb = inb || r == b
		}
		if ina && inb {
			return true
		}
	}
	return false
}

// demonyms map nationality adjectives to the place they come from.
var demonyms = func() map[string]string {
	m := wordMap("demonyms")
	maps.Copy(m, demonymNouns)
	return m
}()

// demonymNouns name a person by nation ("Frenchwoman"); see demonyms.
var demonymNouns = wordMap("demonym-nouns")

// places are countries and regions commonly named in the news.
var places = wordSet("places")

// Nouns that, next to a name, say what kind of thing it is.
var (
	orgNouns      = wordSet("org-nouns")
	productNouns  = wordSet("product-nouns")
	eventNouns    = wordSet("event-nouns")
	placeNouns    = wordSet("place-nouns")
	orgSuffixes   = wordSet("org-suffixes")
	eventSuffixes = wordSet("event-suffixes")
	placeSuffixes = wordSet("place-suffixes")
)

// Nouns that, after "the", refer back to the last entity of their kind.
var (
	categoryOrgNouns     = wordSet("category-org-nouns")
	categoryProductNouns = wordSet("category-product-nouns")
	categoryPlaceNouns   = wordSet("category-place-nouns")
)

// ofNameHeads are name words that take "of" inside a name: "University of
// Connecticut", "Bank of England", "Republic of Korea".
var ofNameHeads = wordSet("of-name-heads")

// nameParticles join the parts of a name: "Estádio do Dragão".
var nameParticles = wordSet("name-particles")

// timeNouns head noun phrases that say when, not who: "last month".
var timeNouns = wordSet("time-nouns")

// notNames are capitalised words that are not names by themselves.
var notNames = wordSet("not-names")

// partyNouns name one member of a party; they end no name (see
// isNameToken).
var partyNouns = wordSet("party-nouns")

// speechVerbs introduce what someone said (lemmas).
var speechVerbs = wordSet("speech-verbs")

// objectPrepositions open the modifiers that complete a text object
// ("a stake in Telerate"), see [docState.objectModifiersEnd].
var objectPrepositions = wordSet("object-prepositions")

// discoursePhrases link a sentence to its text ("for example"): no
// argument of a verb.
var discoursePhrases = wordSet("discourse-phrases")

// findingVerbs report a document's words ("the survey found"), see
// [tree.speaks].
var findingVerbs = wordSet("finding-verbs")

// indefiniteNouns make poor objects: "has nothing", "a whole lot".
var indefiniteNouns = wordSet("indefinite-nouns")

// productSuffixes end product names: "App Store", "Model Y".
var productSuffixes = wordSet("product-suffixes")

// proxyNouns stand for their possessor: "the Kremlin's account" is the Kremlin.
var proxyNouns = wordSet("proxy-nouns")

// eventNounVerbs turns a deverbal noun into its verb, for "Musk's invitation
// to Putin" → (Musk, invite, Putin).
var eventNounVerbs = wordMap("event-noun-verbs")

// hedges mark a fact as reported rather than established.
var hedges = wordSet("hedges")
