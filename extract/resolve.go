package extract

import (
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
// It returns the batch's entities sorted by ID.
func Resolve(results []*Result) []*Entity {
	type agg struct {
		ent   *Entity
		votes map[EntityType]int
	}
	all := map[string]*agg{}
	for _, r := range results {
		for _, e := range r.Entities {
			a := all[e.ID]
			if a == nil {
				a = &agg{ent: &Entity{ID: e.ID, Name: e.Name}, votes: map[EntityType]int{}}
				all[e.ID] = a
			}
			a.votes[e.Type]++
			if len(strings.Fields(e.Name)) > len(strings.Fields(a.ent.Name)) {
				a.ent.Name = e.Name
			}
			for _, al := range append([]string{e.Name}, e.Aliases...) {
				a.ent.Aliases = appendUnique(a.ent.Aliases, al)
			}
		}
	}
	// surnames
	remap := map[string]string{}
	surnames := map[string][]string{}
	for id, a := range all {
		if majority(a.votes) != Person {
			continue
		}
		words := strings.Fields(a.ent.Name)
		if len(words) >= 2 {
			k := normName(words[len(words)-1])
			surnames[k] = append(surnames[k], id)
		}
	}
	for id, a := range all {
		if len(strings.Fields(a.ent.Name)) != 1 {
			continue
		}
		if owners := surnames[id]; len(owners) == 1 && owners[0] != id {
			t := majority(a.votes)
			if t == Person || t == Other {
				remap[id] = owners[0]
				to := all[owners[0]]
				for _, al := range a.ent.Aliases {
					to.ent.Aliases = appendUnique(to.ent.Aliases, al)
				}
				for t, n := range a.votes {
					to.votes[t] += n
				}
			}
		}
	}
	final := func(id string) string {
		if to, ok := remap[id]; ok {
			return to
		}
		return id
	}
	for id, a := range all {
		a.ent.Type = majority(a.votes)
		a.ent.Aliases = removeString(a.ent.Aliases, a.ent.Name)
		sort.Strings(a.ent.Aliases)
		_ = id
	}
	// role index over the batch
	type roleInfo struct{ roles, orgs map[string]bool }
	roles := map[string]*roleInfo{}
	for _, r := range results {
		for _, f := range r.Facts {
			id := final(f.Subject)
			ri := roles[id]
			if ri == nil {
				ri = &roleInfo{roles: map[string]bool{}, orgs: map[string]bool{}}
				roles[id] = ri
			}
			switch f.Predicate {
			case "jobTitle":
				ri.roles[strings.ToLower(f.Object.Literal.Text)] = true
			case "worksFor", "nationality":
				ri.orgs[final(f.Object.EntityID)] = true
			}
		}
	}
	matches := func(id string, d Description) bool {
		ri := roles[id]
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
		if d.Place != "" && !ri.orgs[Slug(d.Place)] {
			return false
		}
		return true
	}
	// per document: descriptions, then rewrite facts
	for _, r := range results {
		named := map[string]bool{}
		for _, e := range r.Entities {
			named[final(e.ID)] = true
		}
		descTo := map[string]string{}
		for _, d := range r.Descriptions {
			var cand []string
			for id := range named {
				if all[id] != nil && all[id].ent.Type == Person && matches(id, d) {
					cand = append(cand, id)
				}
			}
			if len(cand) == 1 {
				descTo[d.ID] = cand[0]
			}
		}
		kept := r.Facts[:0]
		for _, f := range r.Facts {
			f.Subject = resolveRef(f.Subject, final, descTo, &f)
			if f.Object.EntityID != "" {
				f.Object.EntityID = resolveRef(f.Object.EntityID, final, descTo, &f)
			}
			if strings.HasPrefix(f.Subject, "?") || strings.HasPrefix(f.Object.EntityID, "?") || f.Subject == f.Object.EntityID {
				continue
			}
			for i := range f.Args {
				if f.Args[i].EntityID != "" {
					f.Args[i].EntityID = resolveRef(f.Args[i].EntityID, final, descTo, nil)
					if strings.HasPrefix(f.Args[i].EntityID, "?") {
						f.Args[i].EntityID = ""
					}
				}
			}
			kept = append(kept, f)
		}
		r.Facts = dedupeFacts(kept)
		r.Descriptions = nil
		// the document's entities: the shared values, once each
		used := map[string]bool{}
		for _, f := range r.Facts {
			used[f.Subject] = true
			used[f.Object.EntityID] = true
			for _, a := range f.Args {
				used[a.EntityID] = true
			}
		}
		var ents []*Entity
		seen := map[string]bool{}
		for _, e := range r.Entities {
			id := final(e.ID)
			if seen[id] || !used[id] {
				continue
			}
			seen[id] = true
			ents = append(ents, all[id].ent)
		}
		r.Entities = ents
	}
	var out []*Entity
	for id, a := range all {
		if _, gone := remap[id]; !gone {
			out = append(out, a.ent)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
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

func dedupeFacts(fs []Fact) []Fact {
	type key struct {
		s, p, o string
		neg     bool
	}
	seen := map[key]int{}
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Subject, f.Predicate, objectKey(f.Object), f.Negated}
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

func majority(v map[EntityType]int) EntityType {
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
