package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

type mentionKind int

const (
	nameMention mentionKind = iota
	pronounMention
	descMention
	// categoryMention is "the company", "the app": the most recent
	// entity of that kind.
	categoryMention
)

// mention is a place in a sentence that refers to an entity.
type mention struct {
	kind     mentionKind
	sent     int
	from, to int // tokens of the name itself, titles excluded
	// npFrom is where the whole naming phrase starts, titles included
	// ("Kremlin spokesperson Dmitry Peskov" starts at "Kremlin").
	npFrom int
	name   string
	votes  [6]float64 // indexed by typeIndex
	roles  []string
	orgs   []*mention // organisations or places named in the title
	place  string     // place from a nationality adjective
	// formerOrgs are organisations of a former role ("a former Google engineer")
	formerOrgs []*mention
	// inTitle marks an organisation named inside someone's title.
	inTitle bool
	ent     *docEntity
	// possessor, for "Bloomberg's Ilya Arkhipov"
	possessor *mention
}

var typeOrder = [6]EntityType{Person, Organization, Place, Product, Event, Other}

func typeIndex(t EntityType) int {
	for i, x := range typeOrder {
		if x == t {
			return i
		}
	}
	return 5
}

func (m *mention) vote(t EntityType, w float64) { m.votes[typeIndex(t)] += w }

// docEntity is an entity within one document, before cross-document
// resolution.
type docEntity struct {
	local    int
	names    map[string]int
	mentions []*mention
	votes    [6]float64
	// desc is set for an entity known only by a description ("the Tesla
	// boss"); it is resolved to a named entity later, or dropped.
	desc *Description
	id   string
	// scope is the article ID for a speaker known only by role (see
	// unnamedSpeaker): the entity is that article's alone; plural is set
	// when that role names several people ("traders").
	scope  string
	plural bool
	// registered is set once the entity is named with a company's legal
	// suffix ("Aca Joe Inc"): it is an organisation, however its short
	// name ("Aca Joe") looks.
	registered bool
}

// Description is a definite description ("the Tesla boss") that names no
// one; [Resolve] links it to a named entity with a matching role.
type Description struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Role  string `json:"role"`
	Org   string `json:"org,omitempty"`   // entity ID of the organisation
	Place string `json:"place,omitempty"` // name of a place ("Russia")
}

func (e *docEntity) typ() EntityType {
	if e.registered {
		return Organization
	}
	best, bi := 0.0, 5
	for i, v := range e.votes {
		if v > best {
			best, bi = v, i
		}
	}
	return typeOrder[bi]
}

// canonical is the fullest name used: most words, then most frequent.
func (e *docEntity) canonical() string {
	var best string
	bw, bc := 0, 0
	for n, c := range e.names {
		w := len(strings.Fields(n))
		if w > bw || w == bw && (c > bc || c == bc && n < best) {
			best, bw, bc = n, w, c
		}
	}
	return best
}

// isNameToken reports whether token i can be part of a proper name.
func isNameToken(toks []Token, i int, sentenceStart bool) bool {
	t := toks[i]
	if !nameShaped(toks, i) || notNames[t.Lower] || honorifics[t.Lower] {
		return false
	}
	if _, ok := demonyms[t.Lower]; ok && t.Tag != "NNP" {
		return false
	}
	if partyNouns[t.Lower] && (i+1 == len(toks) || !isNameToken(toks, i+1, false)) {
		return false // "the Maryland Democrat", "Senate Republican leader"
	}
	first := sentenceStart || i == 0
	switch t.Tag {
	case "NNP", "NNPS":
		// "State fire chief", "Central bank": a capitalised common word
		// opening a sentence before a lower-case noun
		return !(first && t.Dict && i+1 < len(toks) && (toks[i+1].Tag == "NN" || toks[i+1].Tag == "NNS") && toks[i+1].Text == toks[i+1].Lower)
	case "NN", "NNS", "FW", "JJ", "VBN", "VBZ", "VB", "VBP", "CD":
		return untaggedName(toks, i, first)
	}
	return false
}

// nameShaped reports a word written as names are: a capital first, a
// small-letter brand ("eBay"), or a number after a name ("Boeing 747").
func nameShaped(toks []Token, i int) bool {
	r, _ := utf8.DecodeRuneInString(toks[i].Text)
	return unicode.IsUpper(r) || camelCase(toks[i].Text) || unicode.IsDigit(r) && i > 0 && isNameToken(toks, i-1, false)
}

// untaggedName reports a capitalised word the tagger did not see as a
// name that is one: in mid-sentence; first in a sentence only when
// possessive ("Reuters' Anna"), not an English word ("Lindqvist scored")
// or opening a company's name ("Combustion Engineering Inc"). Never a
// nationality or a title.
func untaggedName(toks []Token, i int, first bool) bool {
	t := toks[i]
	possessed := i+1 < len(toks) && toks[i+1].Tag == "POS"
	if first && !possessed && (t.Dict || t.Tag == "VB" || t.Tag == "VBP" || t.Tag == "VBZ") && !opensCompanyName(toks, i) {
		return false
	}
	if _, ok := demonyms[t.Lower]; ok {
		return false
	}
	return !roleNouns[t.Lower]
}

// opensCompanyName reports an English word that opens a run of
// capitalised words ending in a legal suffix: "Combustion Engineering
// Inc said", "Pay N' Pak Stores Inc" at the start of a sentence.
func opensCompanyName(toks []Token, i int) bool {
	k := i + 1
	for k < len(toks) && capitalised(toks[k].Text) {
		k++
	}
	return k-i >= 2 && legalSuffixes[toks[k-1].Lower]
}

// camelCase reports a brand written with a small letter before a capital,
// "eBay", "iPhone", "eToys": one small letter, a capital, then at least
// two more letters with a small one among them (not "pH", "mRNA", "kWh").
func camelCase(w string) bool {
	if len(w) < 4 || w[0] < 'a' || w[0] > 'z' || w[1] < 'A' || w[1] > 'Z' {
		return false
	}
	return strings.IndexFunc(w[2:], unicode.IsLower) >= 0
}

// orgThenPerson returns where a person's name starts in the run [i, j)
// when the run is a body's or company's name followed by two or three
// words of a person's name with no title between ("Securities and
// Exchange Commission John Shad"), or i.
func orgThenPerson(toks []Token, i, j int) int {
	for k := j - 2; k >= max(i+1, j-3); k-- {
		end := toks[k-1].Lower
		if !bodyNouns[end] && !legalSuffixes[end] {
			continue
		}
		words := make([]string, 0, j-k)
		for _, t := range toks[k:j] {
			if orgSuffixes[t.Lower] || bodyNouns[t.Lower] || roleNouns[t.Lower] {
				return i
			}
			words = append(words, t.Text)
		}
		if personShaped(words) {
			return k
		}
	}
	return i
}

// coordinatedPortfolio reports a run of portfolio nouns that the next
// capitalised words, after "and", complete into a title: "Trade" in "the
// Trade and Industry Secretary".
func coordinatedPortfolio(toks []Token, i, j int) bool {
	for k := i; k < j; k++ {
		if !portfolioNouns[toks[k].Lower] {
			return false
		}
	}
	if j+1 >= len(toks) || toks[j].Lower != "and" && toks[j].Text != "&" {
		return false
	}
	k := j + 1
	for k < len(toks) && portfolioNouns[toks[k].Lower] && isNameToken(toks, k, false) {
		k++
	}
	return k > j+1 && k < len(toks) && (portfolioTitles[toks[k].Lower] || roleNouns[toks[k].Lower])
}

// findMentions finds names, pronouns and descriptions in sentence s.
func findMentions(si int, s *Sentence) []*mention {
	toks := s.Tokens
	if !strings.ContainsFunc(s.Text, unicode.IsLower) {
		// an all-capitals line ("RUBBER TALKS CHAIRMAN CITES SLIGHT
		// PROGRESS") gives capitals no meaning: its names are found
		// where the story writes them
		return nil
	}
	var out []*mention
	first := 0
	for first < len(toks) && !isWordToken(toks[first]) {
		first++
	}
	i := 0
	for i < len(toks) {
		if !isNameToken(toks, i, i == first) {
			i++
			continue
		}
		j := nameRunEnd(toks, i)
		if _, demonym := demonyms[strings.ToLower(joinTokens(toks, i, j))]; demonym {
			i = j // "in Russian", "South African firm": a nationality, not a name
			continue
		}
		if j-i == 1 && utf8.RuneCountInString(toks[i].Text) == 1 || coordinatedPortfolio(toks, i, j) || genericInstitution(toks, i, j) {
			i = j // "B and C": a letter is no name; "Trade and Industry Secretary": a title; "a U.S. Bank"
			continue
		}
		start := nameRunStart(toks, first, i, j)
		if k := orgThenPerson(toks, start, j); k > start {
			out = append(out, nameMentions(si, toks, start, k)...) // "Securities and Exchange Commission
			start = k                                              // John Shad": two names
		}
		out = append(out, nameMentions(si, toks, start, j)...)
		i = j
	}
	// pronouns and descriptions
	for i := 0; i < len(toks); i++ {
		low := toks[i].Lower
		switch low {
		case "it":
			if i+1 < len(toks) && speechVerbs[toks[i+1].Lemma] {
				// "It said …": an organisation that spoke before (see lastOrgSpeaker)
				out = append(out, &mention{kind: pronounMention, sent: si, from: i, to: i + 1, npFrom: i, name: low})
			}
			continue
		case "he", "him", "his", "she", "her", "hers", "i", "me", "my", "mine", "myself", "its":
			out = append(out, &mention{kind: pronounMention, sent: si, from: i, to: i + 1, npFrom: i, name: low})
			continue
		}
		if low == "the" && !covered(out, i) {
			if m := descriptionAt(si, toks, i, out); m != nil {
				out = append(out, m)
			} else if m := categoryAt(si, toks, i); m != nil {
				out = append(out, m)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].from < out[b].from })
	return out
}

func isWordToken(t Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func covered(ms []*mention, i int) bool {
	for _, m := range ms {
		if i >= m.npFrom && i < m.to {
			return true
		}
	}
	return false
}

// nameMentions turns the capitalised run toks[i:j] into mentions,
// splitting off titles ("Russian President Vladimir Putin") and reading
// the words around it for roles and type cues.
func nameMentions(si int, toks []Token, i, j int) []*mention {
	if onlyTitles(toks, i, j) {
		return nil
	}
	firstTitle, lastTitle := titlesIn(toks, i, j)
	var out []*mention
	m := &mention{kind: nameMention, sent: si, from: i, to: j, npFrom: i}
	if firstTitle == i && employerAfterTitle(toks, i) {
		// "a broker with Dean Witter Reynolds": a firm named after a
		// title and "with" or "at", whatever word its name opens with
		firstTitle, lastTitle = -1, -1
		m.vote(Organization, 2)
	}
	if k := titleComplementEnd(toks, i, j); k > i && lastTitle < 0 {
		// "Secretary of State George Shultz": the run's first words end
		// the title before it
		m.roles = append(m.roles, toks[i-2].Lower+" "+toks[i-1].Lower+" "+strings.ToLower(joinTokens(toks, i, k)))
		m.vote(Person, 2)
		m.from, m.npFrom = k, i-2
	}
	if lastTitle >= 0 {
		m.readTitles(toks, firstTitle, lastTitle+1)
		if firstTitle > i { // organisations before the title
			out = m.titleOrganisations(toks, i, firstTitle, out)
		}
		m.from = lastTitle + 1
	}
	// strip a leading "The" from names such as "The Good Time Show"
	if strings.EqualFold(toks[m.from].Text, "the") && m.to-m.from > 1 {
		m.from++
	}
	m.name = joinTokens(toks, m.from, m.to)
	if m.name == "" {
		return out
	}
	readLeftContext(toks, m, &out)
	readRightContext(toks, m, &out)
	typeByShape(toks, m)
	return append(out, m)
}

// onlyTitles reports a run of titles alone, or one that ends in a title
// with no name after it ("Russian President").
func onlyTitles(toks []Token, i, j int) bool {
	all := true
	for k := i; k < j; k++ {
		low := toks[k].Lower
		if !roleNouns[low] && !honorifics[low] {
			all = false
		}
	}
	return all || roleNouns[toks[j-1].Lower] && (j >= len(toks) || !isNameToken(toks, j, false))
}

// titlesIn returns the first and last title word inside the run [i, j)
// before its name, -1 for none: none before a company's name ("General
// Acquisition Co"), and a portfolio before a title is part of it
// ("Finance Minister Tomas Berg").
func titlesIn(toks []Token, i, j int) (first, last int) {
	first, last = -1, -1
	for k := i; k < j-1; k++ {
		low := toks[k].Lower
		if roleNouns[low] || honorifics[low] {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if orgSuffixes[toks[j-1].Lower] && j-i >= 2 || adjectiveTitle(toks, first, j) {
		last = -1
	}
	for first > i {
		if _, ok := multiWordRoles[toks[first-1].Lower+" "+toks[first].Lower]; !ok {
			break
		}
		first-- // "State Secretary"
	}
	if first > i && portfolioNouns[toks[first-1].Lower] && (portfolioTitles[toks[first].Lower] || first-1 == i) {
		first = portfolioStart(toks, i, first-1)
		if first == i && affairsField(toks, first) {
			first-- // "Consumer Affairs Minister", the field left out of the name's words
		}
	}
	if first >= i+2 && hyphenPrefixed(toks, first) {
		first -= 2 // "Vice-President": the prefix is the title's
	} else if first > i && titlePrefixes[toks[first-1].Lower] && !legalSuffixes[toks[first-1].Lower] {
		first-- // "Vice Chairman" ("Acme Co Chairman" keeps its company)
	}
	return first, last
}

// genericInstitution reports a run [i, j) that a wire capitalised but
// that names no one institution: "a" or "an", a country or nationality,
// and a kind of institution ("a U.S. Bank", "a Japanese Bank").
func genericInstitution(toks []Token, i, j int) bool {
	if i == 0 || j-i < 2 || toks[i-1].Lower != "a" && toks[i-1].Lower != "an" || !orgSuffixes[toks[j-1].Lower] {
		return false
	}
	where := strings.ToLower(joinTokens(toks, i, j-1))
	_, demonym := demonyms[where]
	return demonym || places[where]
}

// employerAfterTitle reports a name run at i that follows a title and
// "with" or "at" ("an analyst with Dean Witter", "a trader at Salomon"):
// the title's employer.
func employerAfterTitle(toks []Token, i int) bool {
	if i < 2 {
		return false
	}
	switch toks[i-1].Lower {
	case "with", "at":
		return roleNouns[toks[i-2].Lower] && isNounTag(toks[i-2].Tag)
	}
	return false
}

// titleComplementEnd returns the end of the portfolio or the place that
// opens the name run [i, j) after a title and "of" or "to" ("Secretary of
// | State George Shultz", "Minister of | Finance Ana Ruiz", "Ambassador
// to | Peking Octavio Valerio"), when a name of two words or more is
// left, or i.
func titleComplementEnd(toks []Token, i, j int) int {
	if i < 2 || !roleNouns[toks[i-2].Lower] {
		return i
	}
	k := i
	switch toks[i-1].Lower {
	case "of":
		for k < j && (portfolioNouns[toks[k].Lower] || toks[k].Lower == "state") {
			k++
		}
	case "to":
		// "Ambassador to Peking Octavio Valerio": one is envoy or adviser
		// to a place or a body, and the name tagger's person comes after it
		if i+1 < j && nameTag(toks[i+1]) == Person {
			k++
		}
	}
	if j-k < 2 {
		return i
	}
	return k
}

// affairsField reports "Affairs" at token k after the capitalised word
// that names its field ("Consumer Affairs", "Corporate Affairs"), no
// place ("Iraq Affairs" is not a portfolio's name).
func affairsField(toks []Token, k int) bool {
	return k > 0 && toks[k].Lower == "affairs" && capitalised(toks[k-1].Text) && !places[toks[k-1].Lower]
}

// portfolioStart returns the first word of the portfolio that ends at
// token k, no earlier than i: "Public Works", "Social Affairs and
// Labour" (Minister).
func portfolioStart(toks []Token, i, k int) int {
	for k > i {
		switch {
		case affairsField(toks, k):
			k-- // "Corporate Affairs", "Veterans Affairs": a field of affairs
		case portfolioNouns[toks[k-1].Lower]:
			k--
		case k-2 >= i && toks[k-1].Lower == "and" && portfolioNouns[toks[k-2].Lower]:
			k -= 2
		default:
			return k
		}
	}
	return k
}

// titleOrganisations reads the organisations named before the title that
// starts at t ("SpaceX CEO Elon Musk", "Tesla and SpaceX CEO"), or a
// nationality ("Russian President"), and appends the organisations to out.
func (m *mention) titleOrganisations(toks []Token, i, t int, out []*mention) []*mention {
	if p, ok := demonyms[strings.ToLower(joinTokens(toks, i, t))]; ok {
		m.place = p
		return out
	}
	out = m.addTitleOrg(toks, i, t, out)
	for b := i; b >= 2 && (toks[b-1].Text == "and" || toks[b-1].Text == "&") && isNameToken(toks, b-2, false); {
		e := b - 1
		s := e - 1
		for s > 0 && isNameToken(toks, s-1, false) {
			s--
		}
		o2 := &mention{kind: nameMention, sent: m.sent, from: s, to: e, npFrom: s, inTitle: true, name: joinTokens(toks, s, e)}
		o2.vote(Organization, 1.5)
		out = append(out, o2)
		m.orgs = append(m.orgs, o2)
		m.npFrom = s
		b = s
	}
	return out
}

// addTitleOrg makes the mentions of what a title names in toks[from:to]
// and appends them to out: an organisation ("Kremlin spokesperson"), a
// country ("U.S. Treasury Secretary": his nationality, not his employer),
// or a country and a body ("U.S. IMF Representative").
func (m *mention) addTitleOrg(toks []Token, from, to int, out []*mention) []*mention {
	if to-from == 2 && places[toks[from].Lower] && isAcronym(toks[from+1].Text) {
		out = m.addTitleOrg(toks, from, from+1, out)
		from++
	}
	org := &mention{kind: nameMention, sent: m.sent, from: from, to: to, npFrom: from, inTitle: true, name: joinTokens(toks, from, to)}
	if places[strings.ToLower(org.name)] {
		org.vote(Place, 3)
	} else {
		org.vote(Organization, 1.5)
	}
	m.orgs = append(m.orgs, org)
	return append(out, org)
}

// classNounKind is the kind a common noun before a name suggests ("the app
// Clubhouse", "the company Bluepeak", "the city Halden"), or "" when it suggests none.
// Product is checked first: "service" and "network" are in both lists.
func classNounKind(low string) EntityType {
	switch {
	case productNouns[low]:
		return Product
	case orgNouns[low]:
		return Organization
	case placeNouns[low]:
		return Place
	}
	return ""
}

// readTitles reads the titles in toks[from:to] before a name: words
// between honorifics, "and" and commas are one title ("Deputy Finance
// Minister", "Chairman and Chief Executive" → chairman, chief executive).
func (m *mention) readTitles(toks []Token, from, to int) {
	var words []string
	flush := func() {
		if len(words) > 0 {
			m.roles = append(m.roles, strings.Join(words, " "))
			m.vote(Person, 2)
			words = nil
		}
	}
	for k := from; k < to; k++ {
		switch low := toks[k].Lower; {
		case honorifics[low]:
			flush()
			m.vote(Person, 3)
		case low == "and" || low == "&" || low == ",":
			flush()
		case low == "-": // "Vice-President" is one title
		default:
			words = append(words, low)
		}
	}
	flush()
}

// markFormer makes the mention's roles and employers so far former ones.
func (m *mention) markFormer() {
	for r := range m.roles {
		if !strings.HasPrefix(m.roles[r], "former ") {
			m.roles[r] = "former " + m.roles[r]
		}
	}
	m.formerOrgs = append(m.formerOrgs, m.orgs...)
	m.orgs = nil
}

// readLeftContext looks at the words before a name: titles ("Kremlin
// spokesperson"), honorifics, nationality adjectives, "the", and
// possessives ("Bloomberg's Ilya Arkhipov").
func readLeftContext(toks []Token, m *mention, out *[]*mention) {
	k := m.npFrom - 1
	sawRole := len(m.roles) > 0 // a title read with the name: "Russian President Vladimir Putin"
	for k >= 0 {
		if next, role, ok := leftWord(toks, m, k, sawRole); ok {
			k, sawRole = next, sawRole || role
			continue
		}
		if sawRole && k >= 3 && toks[k].Text == ")" && toks[k-2].Text == "(" && isNameToken(toks, k-3, false) {
			k -= 3 // "Ministry of Trade (MITI) director": the acronym is the body's
		}
		if sawRole && isNameToken(toks, k, k == 0) {
			if k = leftOrganisation(toks, m, k, out); k >= 0 {
				continue
			}
			return
		}
		if toks[k].Tag == "POS" && k >= 1 {
			leftPossessor(toks, m, k)
			return
		}
		low := toks[k].Lower
		if (low == "the" || low == "a" || low == "an") && !sawRole && m.npFrom == m.from {
			m.vote(Organization, 0.6) // people rarely take an article
			m.vote(Person, -1)
		}
		if sawRole && (low == "the" || low == "a" || low == "an") {
			m.npFrom = k
		}
		return
	}
}

// leftWord reads word k before mention m when it is an honorific, a
// title, "former", a class noun ("the app"), or after a title a
// nationality; it returns the next word to read and whether k was a
// title, or ok false.
func leftWord(toks []Token, m *mention, k int, sawRole bool) (next int, role, ok bool) {
	low := toks[k].Lower
	switch {
	case honorifics[low] || strings.TrimSuffix(low, ".") != low && honorifics[strings.TrimSuffix(low, ".")]:
		m.vote(Person, 3)
	case roleNouns[low] && (isNounTag(toks[k].Tag) || toks[k].Tag == "JJ") && !modifiesLaterNoun(toks, m):
		k = leftTitle(toks, m, k)
		role = true
	case low == "former" || low == "ex":
		m.markFormer()
	case (low == "and" || low == "&") && sawRole && k >= 1 && roleNouns[toks[k-1].Text] && (isNounTag(toks[k-1].Tag) || toks[k-1].Tag == "JJ"):
		// "president and chief executive Meg Whitman": one more title. A
		// capitalised one may end a company's name coordinated with "and"
		// ("Cable and Wireless Chairman"), so only a small-letter one.
	case classNounKind(low) != "" && isNounTag(toks[k].Tag) && !isNameToken(toks, k, false):
		if !m.classNoun(low) {
			// "the official newspaper Granma": what comes before the class
			// noun describes it, and gives the name no title
			m.npFrom = k
			return -1, false, true
		}
	default:
		return m.leftNationality(toks, k, sawRole)
	}
	m.npFrom = k
	return k - 1, role, true
}

// classNoun votes for the kind class noun low ("the app", "the
// company") gives the name after it, and reports whether the words
// before it may still describe the name: only a person's.
func (m *mention) classNoun(low string) bool {
	kind := classNounKind(low)
	weight := 1.5
	if kind == Product {
		weight = 2
	}
	m.vote(kind, weight)
	return kind == Person
}

// leftNationality reads word k before a title as the titled person's
// nationality ("Russian President", "West German Finance Minister"; not
// an employer "West"), or reports ok false.
func (m *mention) leftNationality(toks []Token, k int, sawRole bool) (next int, role, ok bool) {
	low := toks[k].Lower
	if p, two := demonyms[toksLower(toks, k-1)+" "+low]; two && sawRole && k >= 1 {
		m.place, m.npFrom = p, k-1
		return k - 2, false, true
	}
	p, demonym := demonyms[low]
	if !demonym || !sawRole {
		return k, false, false
	}
	m.place, m.npFrom = p, k
	return k - 1, false, true
}

// modifiesLaterNoun reports a name the tree hangs as a compound on a
// noun after it: "the official Tanjug news agency" — the word before the
// name describes the agency, not Tanjug.
func modifiesLaterNoun(toks []Token, m *mention) bool {
	last := toks[m.to-1]
	return last.Rel == "compound" && last.Head >= m.to && last.Head < len(toks) && toks[last.Head].Tag != "NNP" && toks[last.Head].Tag != "NNPS"
}

// leftTitle reads the title ending at word k before mention m, with the
// words it takes ("managing director", "fire chief", "finance
// minister"), and returns where it starts.
func leftTitle(toks []Token, m *mention, k int) int {
	low := toks[k].Lower
	for k > 0 {
		mw, ok := multiWordRoles[toks[k-1].Lower+" "+low]
		if !ok {
			break
		}
		low = mw // "vice president", then "executive vice president"
		k--
	}
	if hyphenPrefixed(toks, k) {
		k -= 2 // "Vice-President"
		low = toks[k].Lower + " " + low
	} else if k > 0 && titlePrefixes[toks[k-1].Lower] && !legalSuffixes[toks[k-1].Lower] {
		k-- // "Vice Chairman"
		low = toks[k].Lower + " " + low
	}
	for k > 0 && (toks[k-1].Tag == "NN" && toks[k-1].Text == toks[k-1].Lower && !roleNouns[toks[k-1].Lower] && !isNameToken(toks, k-1, false) || portfolioNouns[toks[k-1].Lower] && (k == 1 || !isNameToken(toks, k-2, false)) || affairsField(toks, k)) {
		k-- // "fire chief", "finance minister"
		low = toks[k].Lower + " " + low
	}
	if len(m.roles) > 0 && k+1 == m.npFrom && capitalised(toks[k].Text) && capitalised(toks[k+1].Text) {
		m.roles[0] = low + " " + m.roles[0] // "Deputy" + "Finance Minister"
	} else {
		m.roles = append([]string{low}, m.roles...)
	}
	m.vote(Person, 2)
	return k
}

// leftOrganisation reads the organisation named before a title ending at
// word k ("Kremlin spokesperson Dmitry Peskov") and returns the word to
// read next when another one is joined by "and" ("Tesla and SpaceX
// CEO"), or -1.
func leftOrganisation(toks []Token, m *mention, k int, out *[]*mention) int {
	e := k + 1
	for k >= 0 && (isNameToken(toks, k, false) || hyphenInName(toks, k)) {
		k--
	}
	if k >= 1 && (toks[k].Lower == "of" || toks[k].Lower == "and") {
		// a name that goes on through "of" or "and": "Ministry of
		// International Trade and Industry"
		for s := k - 1; s >= 0 && e-s <= 10; s-- {
			if isNameToken(toks, s, false) && nameRunEnd(toks, s) == e {
				k = s - 1
			}
		}
	}
	*out = m.addTitleOrg(toks, k+1, e, *out)
	m.npFrom = k + 1
	if k >= 1 && (toks[k].Text == "and" || toks[k].Text == "&") && isNameToken(toks, k-1, false) && !titledName(toks, k-1) {
		return k - 1
	}
	if k >= 0 && (toks[k].Lower == "former" || toks[k].Lower == "ex") {
		m.markFormer() // "former Wall Street Journal reporter R. Foster Winans"
		m.npFrom = k
	}
	return -1
}

// titledName reports a name ending at token k that a title opens:
// "chief Paul Volcker and IMF head …" joins two people, not two
// employers of one.
func titledName(toks []Token, k int) bool {
	for k >= 0 && isNameToken(toks, k, false) {
		k--
	}
	return k >= 0 && roleNouns[toks[k].Lower]
}

// hyphenInName reports a hyphen written between two name words with no
// space: "Allied-Lyons", "Hydro-Quebec".
func hyphenInName(toks []Token, k int) bool {
	return gluedHyphen(toks, k) && isNameToken(toks, k-1, false) && isNameToken(toks, k+1, false)
}

// hyphenPrefixed reports a title at token k hyphened to a title prefix
// before it: "Vice-President", "Co-Chairman".
func hyphenPrefixed(toks []Token, k int) bool {
	return k >= 2 && gluedHyphen(toks, k-1) && titlePrefixes[toks[k-2].Lower]
}

// gluedHyphen reports a hyphen at token k written with no space on either
// side.
func gluedHyphen(toks []Token, k int) bool {
	return k >= 1 && k+1 < len(toks) && toks[k].Text == "-" && toks[k].Start == toks[k-1].End && toks[k+1].Start == toks[k].End
}

// leftPossessor remembers by name the possessor whose "'s" is word k:
// "Bloomberg's Ilya Arkhipov".
func leftPossessor(toks []Token, m *mention, k int) {
	e := k
	b := k - 1
	for b >= 0 && isNameToken(toks, b, false) {
		b--
	}
	if b+1 < e {
		owner := &mention{kind: nameMention, sent: m.sent, from: b + 1, to: e, npFrom: b + 1}
		owner.name = joinTokens(toks, b+1, e)
		m.possessor = owner
	}
}

// readRightContext looks at the words after a name: "Clubhouse app",
// "Tesla boss", ", a former Google engineer", "(ISS)".
func readRightContext(toks []Token, m *mention, out *[]*mention) {
	k := m.to
	if k < len(toks) && toks[k].Tag == "POS" {
		k++
		// "the Kremlin's spokesperson"
		if k < len(toks) && roleNouns[toks[k].Lower] {
			m.vote(Organization, 1.5)
		}
		return
	}
	// noun right after the name: its kind
	for k < len(toks) && (isNounTag(toks[k].Tag) || toks[k].Tag == "JJ") && !isNameToken(toks, k, false) {
		low := toks[k].Lower
		last := k+1 >= len(toks) || !isNounTag(toks[k+1].Tag) || isNameToken(toks, k+1, false)
		switch {
		case roleNouns[low] && last:
			if k+1 < len(toks) && isNameToken(toks, k+1, false) {
				m.vote(Organization, 1.5) // "Kremlin spokesperson Dmitry Peskov"
			} else {
				m.vote(Organization, 1)
			}
		case productNouns[low] && last:
			m.vote(Product, 2)
		case orgNouns[low] && last:
			m.vote(Organization, 1.5)
		case eventNouns[low] && last:
			m.vote(Event, 1)
		}
		k++
	}
	// apposition: ", a former Google engineer,"
	if m.to < len(toks) && toks[m.to].Text == "," {
		appositionCues(toks, m, m.to+1, out)
	}
}

// appositionCues reads an appositive noun phrase starting at k.
func appositionCues(toks []Token, m *mention, k int, out *[]*mention) {
	if k >= len(toks) {
		return
	}
	switch toks[k].Lower {
	case "a", "an", "the", "its", "his", "her":
	default:
		return
	}
	ap := readApposition(toks, m.sent, k+1)
	if ap.head < 0 || ap.end < len(toks) && isVerbTag(toks[ap.end].Tag) {
		return // "…, Park City, Utah, an FSLIC spokesman said": the phrase is the verb's subject
	}
	low := toks[ap.head].Lower
	switch {
	case roleNouns[low]:
		m.appositionRole(low, ap, out)
	case productNouns[low]:
		m.vote(Product, 2.5)
	case orgNouns[low]:
		m.vote(Organization, 2)
	case placeNouns[low]:
		m.vote(Place, 2)
	case eventNouns[low]:
		m.vote(Event, 1.5)
	}
}

// apposition is what a set-off noun phrase after a name holds: its head
// noun, the names in it and whether it says "former".
type apposition struct {
	head   int
	orgs   []*mention
	former bool
	end    int // the token after the phrase
}

// readApposition reads the noun phrase after its determiner at k: "a
// former Google engineer", "the Kremlin's spokesperson".
func readApposition(toks []Token, sent, k int) (ap apposition) {
	ap.head = -1
	defer func() { ap.end = k }()
	for k < len(toks) {
		t := toks[k]
		switch {
		case t.Lower == "former" || t.Lower == "ex":
			ap.former = true
			k++
		case isNameToken(toks, k, false):
			e := k
			for e < len(toks) && isNameToken(toks, e, false) {
				e++
			}
			org := &mention{kind: nameMention, sent: sent, from: k, to: e, npFrom: k, inTitle: true}
			org.name = joinTokens(toks, k, e)
			ap.orgs = append(ap.orgs, org)
			k = e
			if k < len(toks) && toks[k].Tag == "POS" {
				k++
			}
		case isNounTag(t.Tag) || isAdjTag(t.Tag) || t.Tag == "HYPH" || t.Tag == "VBG" && k+1 < len(toks) && isNounTag(toks[k+1].Tag):
			if isNounTag(t.Tag) {
				ap.head = k
			}
			k++
		default:
			return ap
		}
	}
	return ap
}

// appositionRole gives m the role an apposition names, and the employers
// or nationality named in it.
func (m *mention) appositionRole(role string, ap apposition, out *[]*mention) {
	if ap.former {
		role = "former " + role
	}
	m.roles = append(m.roles, role)
	m.vote(Person, 2)
	for _, o := range ap.orgs {
		if p, ok := demonyms[strings.ToLower(o.name)]; ok {
			m.place = p
			continue
		}
		o.vote(Organization, 1.5)
		*out = append(*out, o)
		if ap.former {
			m.formerOrgs = append(m.formerOrgs, o)
		} else {
			m.orgs = append(m.orgs, o)
		}
	}
}

// typeByShape votes from the name itself: suffixes ("Inc", "University"),
// known places, all-capital acronyms, two-word personal names.
func typeByShape(toks []Token, m *mention) {
	words := strings.Fields(m.name)
	last := strings.ToLower(words[len(words)-1])
	for i, w := range words {
		if w == "of" && i > 0 {
			last = strings.ToLower(words[i-1]) // "Bank of Norland" is a bank
			break
		}
	}
	low := strings.ToLower(m.name)
	switch {
	case places[low]:
		m.vote(Place, 2.5)
	case knownOrgs[low]:
		m.vote(Organization, 2.5)
	case len(words) > 1 && legalSuffixes[last]:
		m.vote(Organization, 4) // "Inc", "Corp", "Ltd" say company and nothing else
	case len(words) > 1 && productSuffixes[last]:
		m.vote(Product, 2)
	case len(words) > 1 && orgSuffixes[last]:
		m.vote(Organization, 2)
	case len(words) > 1 && placeSuffixes[last]:
		m.vote(Place, 2)
	case len(words) > 1 && eventSuffixes[last]:
		m.vote(Event, 1.5)
	case len(words) == 1 && isAcronym(m.name):
		m.vote(Organization, 0.8)
	case len(words) >= 2 && len(words) <= 3 && personShaped(words):
		m.vote(Person, 1)
	}
	m.vote(Other, 0.1)
	voteByNameTagger(toks, m)
}

// nameTaggerTypes maps the name tagger's classes to entity types.
var nameTaggerTypes = map[string]EntityType{"PERSON": Person, "ORGANIZATION": Organization, "PLACE": Place, "EVENT": Event, "PRODUCT": Product}

// voteByNameTagger adds the name tagger's reading of the mention's words:
// the class most of them carry, as half a vote, a tie-breaker where the
// shape and context cues above say little ("West Africa"). Its PERSON is
// no vote: it reads too many companies so ("Halvorsen Shipping"), while
// people have cues of their own.
func voteByNameTagger(toks []Token, m *mention) {
	n := nameTagCounts(toks[m.from:m.to])
	best, bestN := EntityType(""), 0
	for _, typ := range typeOrder {
		if n[typ] > bestN {
			best, bestN = typ, n[typ]
		}
	}
	if bestN*2 > m.to-m.from && best != Person {
		m.vote(best, 0.5)
	}
}

// nameTag is the entity type of a token's name tag ("B-PLACE" → Place),
// or "" outside names.
func nameTag(t Token) EntityType {
	_, class, _ := strings.Cut(t.NER, "-")
	return nameTaggerTypes[class]
}

// nameTagCounts counts the tokens of each name-tag type.
func nameTagCounts(toks []Token) map[EntityType]int {
	n := map[EntityType]int{}
	for _, t := range toks {
		if typ := nameTag(t); typ != "" {
			n[typ]++
		}
	}
	return n
}

// knownOrgs are organisations so often named that their type is known.
var knownOrgs = set("reuters|bloomberg|google|apple|microsoft|amazon|facebook|twitter|meta|nasa|fbi|cia|nato|united nations|european union|netflix|youtube|instagram|whatsapp|tiktok|uber|nvidia|intel|samsung|huawei|alibaba|tencent|ibm|openai|pentagon|white house|congress|senate|parliament|bbc|cnn|associated press|afp|reuters")

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// personShaped: every word a capitalised word of letters, not all capitals.
func personShaped(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || isAcronym(w) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
				return false
			}
		}
	}
	return true
}

// descriptionAt reads a definite description starting at "the" (index i):
// "the Tesla boss", "the Russian president", "the technology billionaire".
// It must end in a role noun that no name follows.
func descriptionAt(si int, toks []Token, i int, names []*mention) *mention {
	k := i + 1
	var org *mention
	place := ""
	for k < len(toks) {
		t := toks[k]
		low := t.Lower
		if roleNouns[low] && isNounTag(t.Tag) && !(k+1 < len(toks) && (isNounTag(toks[k+1].Tag) || toks[k+1].Tag == "POS")) {
			d := &mention{kind: descMention, sent: si, from: i, to: k + 1, npFrom: i, name: joinTokens(toks, i, k+1)}
			d.roles = []string{low}
			if org != nil {
				d.orgs = []*mention{org}
			}
			d.place = place
			d.vote(Person, 3)
			return d
		}
		if p, ok := demonyms[low]; ok {
			place = p
			k++
			continue
		}
		if isNameToken(toks, k, false) {
			// a name inside the description must be a whole mention found
			// before; anything else ends the search (and k always advances)
			org = mentionStartingAt(names, k)
			if org == nil {
				return nil
			}
			k = org.to
			if k < len(toks) && toks[k].Tag == "POS" {
				k++
			}
			continue
		}
		if isAdjTag(t.Tag) || t.Tag == "NN" {
			k++
			continue
		}
		return nil
	}
	return nil
}

// mentionStartingAt returns the mention that begins at token k, or nil.
func mentionStartingAt(ms []*mention, k int) *mention {
	for _, m := range ms {
		if m.from == k {
			return m
		}
	}
	return nil
}

// categoryAt reads "the company", "the app", "the city": the article, at
// most one adjective, and a noun that names a kind of organisation,
// product or place, with no noun or name after it.
func categoryAt(si int, toks []Token, i int) *mention {
	k := i + 1
	if k < len(toks) && isAdjTag(toks[k].Tag) {
		k++
	}
	if k >= len(toks) || !isNounTag(toks[k].Tag) || isNameToken(toks, k, false) {
		return nil
	}
	if k+1 < len(toks) && isNounTag(toks[k+1].Tag) {
		return nil
	}
	low := toks[k].Lower
	var want EntityType
	switch {
	case categoryOrgNouns[low]:
		want = Organization
	case categoryProductNouns[low]:
		want = Product
	case categoryPlaceNouns[low]:
		want = Place
	default:
		return nil
	}
	m := &mention{kind: categoryMention, sent: si, from: i, to: k + 1, npFrom: i, name: joinTokens(toks, i, k+1)}
	m.vote(want, 1)
	return m
}

func joinTokens(toks []Token, from, to int) string {
	var b strings.Builder
	last := -1 // the last token written
	for k := from; k < to; k++ {
		if wireBracket(toks, k) {
			continue
		}
		if last >= 0 && toks[k].Start > toks[last].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
		last = k
	}
	return strings.TrimSpace(b.String())
}

// wireBracket reports whether token k is one of the angle brackets the
// wire sets around a company's name or ticker ("<Bredero Vast Goed
// N.V.>"), written against the name: no part of the name.
func wireBracket(toks []Token, k int) bool {
	switch toks[k].Text {
	case "<":
		return k+1 < len(toks) && toks[k+1].Start == toks[k].End
	case ">":
		return k > 0 && toks[k-1].End == toks[k].Start
	}
	return false
}

// normName is the comparison key of a name: lower case, letters and digits,
// curly apostrophes straightened.
func normName(s string) string { return Slug(s) }

// nameRunEnd is the end of the run of name tokens that starts at i: name
// words, hyphens between them, "of" after a name head ("University of
// Connecticut", "Ring of Fire", not "President of France") and particles
// ("Ludwig van Beethoven").
func nameRunEnd(toks []Token, i int) int {
	j := i + 1
	for j < len(toks) {
		if isNameToken(toks, j, false) || toks[j].Text == "-" && j+1 < len(toks) && isNameToken(toks, j+1, false) {
			j++
			continue
		}
		if k := nameGoesOn(toks, i, j); k > j {
			j = k
			continue
		}
		if toks[j].Text == "'s" && toks[j].Tag == "VBZ" && j+1 < len(toks) && (toks[j+1].Tag == "VBN" || toks[j+1].Tag == "VBD") {
			return j + 1 // "Moody's rated the debt": the clitic ends the name
		}
		return j
	}
	return j
}

// nameGoesOn returns where the name run [i, j) goes on to through token
// j, which is no name word — a hyphened part, "of", a particle, a
// portfolio, a coordination, a possessive or a bracketed part of a
// company's name — or j.
func nameGoesOn(toks []Token, i, j int) int {
	if k := hyphenedNameEnd(toks, j); k > j {
		return k // "Li Ka-shing", "Roh Tae-woo"
	}
	next := j+1 < len(toks) && isNameToken(toks, j+1, false)
	switch {
	case toks[j].Text == "of" && next && (ofNameHeads[toks[j-1].Lower] || j == i+1 && !roleNouns[toks[i].Lower] && !honorifics[toks[i].Lower] && !places[toks[i].Lower]):
		return j + 2
	case nameParticles[toks[j].Text] && next:
		return j + 2
	case bodyPortfolios(toks, i, j):
		return j + 2 // "Ministry of International Trade and Industry"
	}
	if k := coordinatedNameEnd(toks, j); k > j {
		return k // "Food and Drug Administration", "Marks & Spencer", "Kidder, Peabody and Co"
	}
	if k := possessiveNameEnd(toks, i, j); k > j {
		return k // "Moody's Investors Service Inc"
	}
	return bracketedNamePart(toks, j) // "Toshiba Information Systems (U.K.) Ltd"
}

// hyphenedNameEnd returns the end of a name that goes on at token j
// through a hyphen written against a small-letter part that is no
// English word ("Li Ka-shing", "Kim Dae-jung"), or j.
func hyphenedNameEnd(toks []Token, j int) int {
	if toks[j].Text != "-" || j+1 >= len(toks) || toks[j-1].End != toks[j].Start || toks[j].End != toks[j+1].Start {
		return j
	}
	next := toks[j+1]
	if next.Dict || next.Text != next.Lower || !isLetters(next.Text) {
		return j
	}
	return j + 2
}

// bracketedNamePart returns the end of a company's name that goes on
// at token j through a word or two in round brackets to its legal suffix
// ("Toshiba Information Systems (U.K.) Ltd", "Cheung Kong (Holdings)
// Ltd"), or j.
func bracketedNamePart(toks []Token, j int) int {
	if toks[j].Text != "(" {
		return j
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		if toks[k].Text == ")" {
			if k > j+1 && k+1 < len(toks) && legalSuffixes[toks[k+1].Lower] {
				return k + 2
			}
			return j
		}
		if !isNameToken(toks, k, false) {
			return j
		}
	}
	return j
}

// possessiveNameEnd returns the end of a company's name that goes on at
// token j through "'s" — "Moody's Investors Service Inc", "McDonald's
// Corp": the words after it open with an English word and end in a legal
// suffix or a company's kind, and those before are no place ("Britain's
// Foreign Office" is a possessive) — or j.
func possessiveNameEnd(toks []Token, i, j int) int {
	if j+1 >= len(toks) || toks[j].Text != "'s" || !isNameToken(toks, j+1, false) || !toks[j+1].Dict {
		return j // "Acme's Halden Steel Corp": a name of its own after the possessive
	}
	before := strings.ToLower(joinTokens(toks, i, j))
	if _, demonym := demonyms[before]; demonym || places[before] {
		return j
	}
	end := nameWordsEnd(toks, j+1)
	if last := toks[end-1].Lower; legalSuffixes[last] || end-(j+1) >= 2 && orgSuffixes[last] {
		return end
	}
	return j
}

// adjectiveTitles are titles that are also adjectives in names: "General
// Motors", "Major League".
var adjectiveTitles = wordSet("adjective-titles")

// adjectiveTitle reports a run [t, j) that is such a title and one
// English word: "General Acquisition", "General Agreement" name a company
// or a treaty, not a general called Acquisition.
func adjectiveTitle(toks []Token, t, j int) bool {
	return t >= 0 && j == t+2 && adjectiveTitles[toks[t].Lower] && toks[t+1].Dict
}

// bodyNouns end the names of public bodies, whose names coordinate their
// fields: "Food and Drug Administration", "Securities and Exchange
// Commission".
var bodyNouns = wordSet("body-nouns")

// bodyPortfolios reports a public body's name in toks[i:j] that names its
// fields ("Ministry of International Trade") going on at j with "and"
// and one more field ("and Industry").
func bodyPortfolios(toks []Token, i, j int) bool {
	if j+1 >= len(toks) || toks[j].Lower != "and" || !portfolioNouns[toks[j+1].Lower] || !capitalised(toks[j+1].Text) {
		return false
	}
	for k := i; k+1 < j; k++ {
		if bodyNouns[toks[k].Lower] && toks[k+1].Lower == "of" {
			return true
		}
	}
	return false
}

// coordinatedNameEnd returns the end of a name that goes on at token j
// through a coordination, or j: "&" between name words ("Marks &
// Spencer"); "and" before name words that end in a public body's noun
// ("Food and Drug Administration") or in a legal suffix ("Hongkong and
// Shanghai Banking Corp", "Kidder, Peabody and Co") when the words before
// it do not ("Acme Corp and Norland Inc" are two); ", Peabody and Co"
// likewise.
func coordinatedNameEnd(toks []Token, j int) int {
	k := j
	if toks[k].Text == "," && k+2 < len(toks) && isNameToken(toks, k+1, false) && (toks[k+2].Lower == "and" || toks[k+2].Text == "&") {
		k += 2 // ", Peabody and Co": only before "and Co"
		if !coCompany(toks, k) {
			return j
		}
	}
	if k+1 >= len(toks) || !isNameToken(toks, k+1, false) {
		return j
	}
	switch {
	case toks[k].Text == "&":
		return nameWordsEnd(toks, k+1)
	case toks[k].Lower == "and" && andNames[toks[k-1].Lower+" "+toks[k+1].Lower]:
		end := nameWordsEnd(toks, k+1)
		if end+1 < len(toks) && toks[end].Text == "'s" && isNameToken(toks, end+1, false) {
			end = nameWordsEnd(toks, end+1) // "Standard and Poor's Corp"
		}
		return end
	case toks[k].Lower == "and":
		end := nameWordsEnd(toks, k+1)
		if last := toks[end-1].Lower; bodyNouns[last] || last == "company" || legalSuffixes[last] && !legalSuffixes[toks[k-1].Lower] {
			return end // "Hongkong and Shanghai Banking Corp", not "Acme Corp and Norland Inc"
		}
	}
	return j
}

// andNames are the word pairs a name goes on through "and" between
// ("Savings and Loan", "Standard and Poor's").
var andNames = wordSet("and-names")

// coCompany reports "and Co" or "& Co" at token k.
func coCompany(toks []Token, k int) bool {
	return k+1 < len(toks) && (toks[k].Lower == "and" || toks[k].Text == "&") && (toks[k+1].Lower == "co" || toks[k+1].Lower == "company")
}

// nameWordsEnd is the end of the run of name words from k.
func nameWordsEnd(toks []Token, k int) int {
	for k < len(toks) && isNameToken(toks, k, false) {
		k++
	}
	return k
}

// nameRunStart moves the start of name run [i, j) over what the tagger
// misread: a nationality or title word inside a company's name ("American
// Financial Corp", "General Acquisition Co") belongs to it; a nationality
// before a person's name ("Russian Olga Petrova", "Frenchwoman Camille
// Pin") does not; a sentence's first word the tagger made a verb opens a
// street's or company's name ("Downing Street has confirmed").
func nameRunStart(toks []Token, first, i, j int) int {
	// "Allied-Lyons", "Hydro-Quebec": a capitalised word hyphened to the
	// run's first word is part of the name, whatever its tag
	for i >= 2 && toks[i-1].Text == "-" && toks[i-2].End == toks[i-1].Start && toks[i-1].End == toks[i].Start && capitalised(toks[i-2].Text) {
		i -= 2
	}
	if adjectiveOpensName(toks, i, j) {
		return i - 1
	}
	suffix := toks[j-1].Lower
	if _, demonym := demonyms[toksLower(toks, i-1)]; (demonym || roleNouns[toksLower(toks, i-1)]) && orgSuffixes[suffix] && j-i >= 2 && capitalised(toks[i-1].Text) {
		return i - 1
	}
	if _, demonym := demonyms[toks[i].Lower]; demonym && j-i >= 2 && (nameTag(toks[i+1]) == Person || demonymNouns[toks[i].Lower] != "") && !orgSuffixes[suffix] {
		return i + 1
	}
	if i == first+1 && j == i+1 && capitalised(toks[first].Text) && (placeSuffixes[suffix] || orgSuffixes[suffix]) {
		return first
	}
	return i
}

// adjectiveOpensName reports a capitalised word before the run [i, j)
// that the tagger made an adjective but that opens the name: "General
// Acquisition", "Latin America".
func adjectiveOpensName(toks []Token, i, j int) bool {
	if i < 1 || !capitalised(toks[i-1].Text) {
		return false
	}
	if j == i+1 && adjectiveTitle(toks, i-1, j) {
		return true
	}
	return places[toks[i-1].Lower+" "+strings.ToLower(joinTokens(toks, i, j))]
}

// toksLower is the lower-cased token i, or "" outside the sentence.
func toksLower(toks []Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Lower
}

// isLetters reports a word of letters only.
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}
