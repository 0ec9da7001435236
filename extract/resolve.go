package extract

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

// Resolve makes entity IDs agree across a batch of results, in place:
//
//   - a one-word name that is the surname of exactly one person named in
//     full anywhere in the batch becomes that person ("Musk" → "elon-musk");
//   - an entity's type is the majority over all documents, and its aliases
//     are pooled, so every document shares one Entity value per ID;
//   - a definite description ("the Tesla boss") becomes the one person
//     named in the same document whose roles, as stated anywhere in the
//     batch, match it; otherwise facts about it are dropped.
//
// It returns the batch's entities sorted by ID. For results that arrive
// in several batches (a streaming build), use a [Resolver].
func Resolve(results []*Result) []*Entity {
	return NewResolver().Resolve(results)
}

// Resolver resolves entities batch after batch, remembering what earlier
// batches (and earlier builds, through [Resolver.Know]) established:
// entities with their types and names, the people each surname belongs
// to, and everyone's roles. An entity's type is fixed by the first batch
// that names it, so what was written stays consistent. A surname seen
// before any full name of its owner stays its own entity.
type Resolver struct {
	all      map[string]*agg
	surnames map[string]map[string]bool // surname key → IDs of people named in full
	roles    map[string]*roleInfo
}

type agg struct {
	ent   *Entity
	votes map[EntityType]int
	fixed bool // returned by an earlier batch: its type no longer changes
}

type roleInfo struct{ roles, orgs map[string]bool }

// addRole records a job title, lower-cased.
func (ri *roleInfo) addRole(title string) {
	r := strings.ToLower(title)
	if !ri.roles[r] {
		ri.roles[strings.Clone(r)] = true
	}
}

// NewResolver returns an empty resolver.
func NewResolver() *Resolver {
	return &Resolver{all: map[string]*agg{}, surnames: map[string]map[string]bool{}, roles: map[string]*roleInfo{}}
}

// Know records an entity stored by an earlier build, with its job titles
// and the IDs of its organisations and countries, so that new articles
// merge into it.
func (rv *Resolver) Know(e Entity, titles, orgs []string) {
	a := rv.all[e.ID]
	if a == nil {
		a = &agg{ent: &Entity{ID: e.ID, Name: e.Name, Type: e.Type}, votes: map[EntityType]int{}, fixed: true}
		rv.all[e.ID] = a
	}
	a.ent.Aliases = mergeAliases(a.ent.Aliases, a.ent.Name, toSet(e.Aliases))
	a.votes[e.Type]++
	rv.noteSurname(a)
	ri := rv.roleOf(e.ID)
	for _, t := range titles {
		ri.addRole(t)
	}
	for _, o := range orgs {
		ri.orgs[o] = true
	}
}

func toSet(list []string) map[string]int {
	m := map[string]int{}
	for _, x := range list {
		m[x]++
	}
	return m
}

func (rv *Resolver) roleOf(id string) *roleInfo {
	ri := rv.roles[id]
	if ri == nil {
		ri = &roleInfo{roles: map[string]bool{}, orgs: map[string]bool{}}
		rv.roles[id] = ri
	}
	return ri
}

func (rv *Resolver) noteSurname(a *agg) {
	if a.ent.Type != Person && MajorityType(a.votes) != Person || Unnamed(a.ent.ID) {
		return
	}
	words := strings.Fields(a.ent.Name)
	if len(words) < 2 {
		return
	}
	k := normName(words[len(words)-1])
	if rv.surnames[k] == nil {
		rv.surnames[k] = map[string]bool{}
	}
	rv.surnames[k][a.ent.ID] = true
}

// Resolve resolves a batch against everything seen so far; see the
// package function [Resolve] for what it does.
func (rv *Resolver) Resolve(results []*Result) []*Entity {
	batch := rv.pool(results)
	// surnames, per document: a one-word person (or unknown) joins the
	// one person named in full whose surname it is and whose known
	// employers do not contradict the document's; it is merged for good
	// when every document of the batch that names it agrees
	docRemaps, remap := rv.surnameRemaps(results)
	rv.merge(batch, remap)
	rv.indexRoles(results, docRemaps)
	for i, r := range results {
		rv.rewrite(r, remapper(docRemaps[i]), batch)
	}
	return rv.forgetUnused(results, batch)
}

// pool adds a batch's entities to what the resolver knows, pooling names
// and type votes, and returns the batch's IDs.
func (rv *Resolver) pool(results []*Result) map[string]bool {
	batch := map[string]bool{}
	for _, r := range results {
		for _, e := range r.Entities {
			a := rv.all[e.ID]
			if a == nil {
				a = &agg{ent: &Entity{ID: e.ID, Name: strings.Clone(e.Name)}, votes: map[EntityType]int{}}
				rv.all[e.ID] = a
			}
			batch[e.ID] = true
			a.votes[e.Type]++
			if !a.fixed && len(strings.Fields(e.Name)) > len(strings.Fields(a.ent.Name)) {
				a.ent.Name = strings.Clone(e.Name)
			}
			// the resolver lives for the whole build: what it keeps is
			// copied, since a name cut from an article's text would keep
			// the whole text in memory
			for _, al := range append([]string{e.Name}, e.Aliases...) {
				if !slices.Contains(a.ent.Aliases, al) {
					a.ent.Aliases = append(a.ent.Aliases, strings.Clone(al))
				}
			}
		}
	}
	for id := range batch {
		if a := rv.all[id]; !a.fixed {
			a.ent.Type = MajorityType(a.votes)
			rv.noteSurname(a)
		}
	}
	return batch
}

// merge folds the names merged for good into their owners.
func (rv *Resolver) merge(batch map[string]bool, remap map[string]string) {
	for id, owner := range remap {
		to := rv.all[owner]
		for _, al := range rv.all[id].ent.Aliases {
			to.ent.Aliases = appendUnique(to.ent.Aliases, al)
		}
	}
	for id := range batch {
		if _, gone := remap[id]; gone {
			delete(rv.all, id) // merged into its owner
			continue
		}
		a := rv.all[id]
		a.ent.Aliases = removeString(a.ent.Aliases, a.ent.Name)
		sort.Strings(a.ent.Aliases)
	}
}

// indexRoles records the batch's job titles and employers.
func (rv *Resolver) indexRoles(results []*Result, docRemaps []map[string]string) {
	for i, r := range results {
		final := remapper(docRemaps[i])
		for _, f := range r.Facts {
			switch f.Predicate {
			case "jobTitle":
				rv.roleOf(final(f.Subject)).addRole(f.Object.Literal.Text)
			case "worksFor", "nationality":
				rv.roleOf(final(f.Subject)).orgs[final(f.Object.EntityID)] = true
			}
		}
	}
}

// matches reports whether the person id has the role, organisation and
// place description d names.
func (rv *Resolver) matches(id string, d Description, final func(string) string) bool {
	ri := rv.roles[id]
	if ri == nil {
		return false
	}
	ok := false
	for r := range ri.roles {
		if sameRole(r, d.Role) {
			ok = true
		}
	}
	if !ok {
		return false
	}
	if d.Org != "" && !ri.orgs[final(Slug(d.Org))] {
		return false
	}
	return d.Place == "" || ri.orgs[Slug(d.Place)]
}

// describedPeople maps each description of r to the one person named in
// r whose roles match it.
func (rv *Resolver) describedPeople(r *Result, final func(string) string) map[string]string {
	named := map[string]bool{}
	for _, e := range r.Entities {
		named[final(e.ID)] = true
	}
	descTo := map[string]string{}
	for _, d := range r.Descriptions {
		var cand []string
		for id := range named {
			if a := rv.all[id]; a != nil && a.ent.Type == Person && rv.matches(id, d, final) {
				cand = append(cand, id)
			}
		}
		if len(cand) == 1 {
			descTo[d.ID] = cand[0]
		}
	}
	return descTo
}

// rewrite gives one document's facts and entities their final IDs, drops
// the facts about descriptions no one matches, and keeps the entities
// its facts use.
func (rv *Resolver) rewrite(r *Result, final func(string) string, batch map[string]bool) {
	descTo := rv.describedPeople(r, final)
	speakers := rv.unnamedSpeakers(r, descTo)
	for _, id := range speakers {
		batch[id] = true
	}
	kept := r.Facts[:0]
	for _, f := range r.Facts {
		if resolveFact(&f, final, descTo, speakers) {
			kept = append(kept, f)
		}
	}
	r.Facts = dedupeFacts(kept)
	r.Descriptions = nil
	// the document's entities: those its facts use, as shared values
	used := map[string]bool{}
	for _, f := range r.Facts {
		used[f.Subject] = true
		used[f.Object.EntityID] = true
		used[f.AttributedTo] = true
		for _, a := range f.Args {
			used[a.EntityID] = true
		}
	}
	r.Own = ownEntities(r.Entities, final, func(id string) bool { return used[id] && rv.all[id] != nil })
	var ents []*Entity
	seen := map[string]bool{}
	for _, e := range r.Entities {
		id := final(e.ID)
		if seen[id] || !used[id] || rv.all[id] == nil {
			continue
		}
		seen[id] = true
		ents = append(ents, rv.all[id].ent)
	}
	r.Entities = ents
}

// resolveFact gives fact f its final IDs and reports whether it is kept:
// not when it is about, or claimed by, a description no one matches.
func resolveFact(f *Fact, final func(string) string, descTo, speakers map[string]string) bool {
	if to, ok := speakers[f.Subject]; ok && f.Predicate == "said" {
		f.Subject = to // "the regional manager said …": a speaker of this article
	}
	if to, ok := speakers[f.AttributedTo]; ok {
		f.AttributedTo = to
	}
	f.Subject = resolveRef(f.Subject, final, descTo, f)
	if f.Object.EntityID != "" {
		f.Object.EntityID = resolveRef(f.Object.EntityID, final, descTo, f)
	}
	if f.AttributedTo != "" {
		f.AttributedTo = resolveRef(f.AttributedTo, final, descTo, nil)
		if strings.HasPrefix(f.AttributedTo, "?") {
			return false // a claim by nobody nameable is not kept
		}
	}
	if strings.HasPrefix(f.Subject, "?") || strings.HasPrefix(f.Object.EntityID, "?") || f.Subject == f.Object.EntityID {
		return false
	}
	for i := range f.Args {
		if f.Args[i].EntityID != "" {
			f.Args[i].EntityID = resolveRef(f.Args[i].EntityID, final, descTo, nil)
			if strings.HasPrefix(f.Args[i].EntityID, "?") {
				f.Args[i].EntityID = ""
			}
		}
	}
	return true
}

// forgetUnused keeps what facts use and forgets names no fact used
// (headline fragments and passing mentions), so the resolver's memory
// follows the number of real entities, not the number of articles; it
// returns the batch's entities, sorted by ID.
func (rv *Resolver) forgetUnused(results []*Result, batch map[string]bool) []*Entity {
	usedAny := map[string]bool{}
	for _, r := range results {
		for _, e := range r.Entities {
			usedAny[e.ID] = true
		}
	}
	var out []*Entity
	for id := range batch {
		a := rv.all[id]
		if a == nil {
			continue
		}
		if !usedAny[id] && !a.fixed {
			delete(rv.all, id)
			if words := strings.Fields(a.ent.Name); len(words) >= 2 {
				delete(rv.surnames[normName(words[len(words)-1])], id)
			}
			continue
		}
		a.fixed = true
		out = append(out, a.ent)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ownEntities gathers, from a document's own entities (as extracted,
// before resolution), the names and type the document gives each entity
// it keeps, by final ID. A name merged into its owner ("Musk" into
// "elon-musk") counts as a name of the owner; the type is the one of the
// document's entity that has the owner's ID, as the resolver's votes
// count it, or else the majority of the entities merged into it.
func ownEntities(ents []*Entity, final func(string) string, keep func(string) bool) map[string]OwnEntity {
	names := map[string]map[string]bool{}
	direct := map[string]EntityType{}
	merged := map[string]map[EntityType]int{}
	for _, e := range ents {
		id := final(e.ID)
		if !keep(id) {
			continue
		}
		if names[id] == nil {
			names[id], merged[id] = map[string]bool{}, map[EntityType]int{}
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			names[id][n] = true
		}
		if id == e.ID {
			direct[id] = e.Type
		} else {
			merged[id][e.Type]++
		}
	}
	own := make(map[string]OwnEntity, len(names))
	for id, set := range names {
		t, ok := direct[id]
		if !ok {
			t = MajorityType(merged[id])
		}
		own[id] = OwnEntity{Names: slices.Sorted(maps.Keys(set)), Type: t}
	}
	return own
}

func resolveRef(id string, final func(string) string, descTo map[string]string, f *Fact) string {
	if strings.HasPrefix(id, "?") {
		if to, ok := descTo[id]; ok {
			if f != nil {
				f.Evidence.Rule += "+description"
				f.Evidence.Confidence = round2(f.Evidence.Confidence * 0.85)
			}
			return to
		}
		return id
	}
	return final(id)
}

// unnamedSpeakers gives the descriptions of r that match no one named
// ("the regional manager") an entity of the article's own, as speakers
// known only by role are (see [Unnamed]): what they say is kept, while
// other facts about an unresolved description are dropped.
func (rv *Resolver) unnamedSpeakers(r *Result, descTo map[string]string) map[string]string {
	out := map[string]string{}
	for _, d := range r.Descriptions {
		if _, ok := descTo[d.ID]; ok {
			continue
		}
		name := d.Text
		if first, rest, ok := strings.Cut(name, " "); ok && strings.EqualFold(first, "the") {
			name = rest
		}
		id := unnamedID(r.Doc.ID, name)
		out[d.ID] = id
		if rv.all[id] == nil {
			rv.all[id] = &agg{ent: &Entity{ID: id, Name: strings.Clone(name), Type: Person}, votes: map[EntityType]int{Person: 1}}
		}
		r.Entities = append(r.Entities, &Entity{ID: id, Name: strings.Clone(name), Type: Person})
	}
	return out
}

// remapper returns the final ID of an entity under a document's merges.
func remapper(remap map[string]string) func(string) string {
	return func(id string) string {
		if to, ok := remap[id]; ok {
			return to
		}
		return id
	}
}

// surnameRemaps decides, for each document of the batch, which of its
// one-word names join a full name (see surnameOwner), and which join it in
// every document that names them (those are merged for good).
func (rv *Resolver) surnameRemaps(results []*Result) ([]map[string]string, map[string]string) {
	batchOrgs := map[string]map[string]bool{}
	docOrgs := make([]map[string]map[string]bool, len(results))
	for i, r := range results {
		docOrgs[i] = map[string]map[string]bool{}
		for _, f := range r.Facts {
			if f.Predicate == "worksFor" || f.Predicate == "nationality" {
				addTo(batchOrgs, f.Subject, f.Object.EntityID)
				addTo(docOrgs[i], f.Subject, f.Object.EntityID)
			}
		}
	}
	known := map[string]map[string]bool{} // employers by ID, built once each
	orgsOf := func(id string) map[string]bool {
		if out, ok := known[id]; ok {
			return out
		}
		out := maps.Clone(batchOrgs[id])
		if out == nil {
			out = map[string]bool{}
		}
		if ri := rv.roles[id]; ri != nil {
			maps.Copy(out, ri.orgs)
		}
		known[id] = out
		return out
	}
	docRemaps := make([]map[string]string, len(results))
	choice := map[string]string{} // one-word ID → owner every document chose, or ""
	for i, r := range results {
		docRemaps[i] = map[string]string{}
		context := map[string]bool{}
		for _, e := range r.Entities {
			context[e.ID] = true
		}
		for _, e := range r.Entities {
			a := rv.all[e.ID]
			if a == nil || len(strings.Fields(a.ent.Name)) != 1 || a.fixed && a.ent.Type != Other || a.ent.Type != Person && a.ent.Type != Other {
				continue
			}
			owner := rv.surnameOwner(e.ID, docOrgs[i][e.ID], context, orgsOf)
			if owner != "" {
				docRemaps[i][e.ID] = owner
			}
			if prev, seen := choice[e.ID]; !seen {
				choice[e.ID] = owner
			} else if prev != owner {
				choice[e.ID] = ""
			}
		}
	}
	remap := map[string]string{}
	for id, owner := range choice {
		if owner != "" {
			remap[id] = owner
		}
	}
	return docRemaps, remap
}

// surnameOwner picks the person named in full whose surname id is, for a
// document where the one-word name works for own and names the entities
// in context: of the owners whose known employers do not contradict own,
// the only one, or else the only one whose employer the document names.
// No owner, or two equally fitting, is "".
func (rv *Resolver) surnameOwner(id string, own, context map[string]bool, orgsOf func(string) map[string]bool) string {
	var fits, named []string
	for o := range rv.surnames[id] {
		if o == id {
			continue
		}
		theirs := orgsOf(o)
		if len(own) > 0 && len(theirs) > 0 && !intersects(own, theirs) {
			continue // "Natarajan, a Dunmore Rovers striker" is not the Halvorsen chief
		}
		fits = append(fits, o)
		if intersects(theirs, context) {
			named = append(named, o)
		}
	}
	switch {
	case len(fits) == 1:
		return fits[0]
	case len(named) == 1:
		return named[0]
	}
	return ""
}

func addTo(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func dedupeFacts(fs []Fact) []Fact {
	type key struct {
		s, p, o, by string
		neg         bool
	}
	seen := map[key]int{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Subject, f.Predicate, objectKey(f.Object), f.AttributedTo, f.Negated}
		if i, ok := seen[k]; ok {
			if f.Evidence.Confidence > out[i].Evidence.Confidence {
				out[i] = f
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, f)
	}
	return out
}

// MajorityType returns the type with the most votes; a tie goes to the
// type listed first in Person, Organization, Place, Product, Event,
// Other, and no votes give Other. The resolver types entities so, and the
// graph types stored entities so from the articles that remain.
func MajorityType(v map[EntityType]int) EntityType {
	best, bt := 0, Other
	for _, t := range typeOrder {
		if v[t] > best {
			best, bt = v[t], t
		}
	}
	return bt
}

func removeString(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
