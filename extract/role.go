package extract

import "strings"

// roleFacts turns titles and appositions read with the names into facts:
// "Kremlin spokesperson Dmitry Peskov" → (Dmitry Peskov, jobTitle,
// "spokesperson") and (Dmitry Peskov, worksFor, Kremlin); "Paul Davison, a
// former Google engineer" → (Paul Davison, alumniOf, Google); "Russian
// President Vladimir Putin" → (Vladimir Putin, nationality, Russia);
// "Bloomberg's Ilya Arkhipov" → (Ilya Arkhipov, worksFor, Bloomberg).
func (st *docState) roleFacts() {
	placeEnts := map[string]*docEntity{}
	for si, ms := range st.mentions {
		st.trace.at(si)
		st.treeRoleFacts(si)
		if st.skipSentence(si) {
			continue
		}
		for _, m := range ms {
			if m.kind != nameMention || m.inTitle || m.ent == nil || m.ent.typ() != Person || companyNamed(m.ent) {
				continue
			}
			base := pendingFact{subj: m.ent, sent: si, rule: "role.title", conf: 0.85}
			for _, r := range m.roles {
				f := base
				f.pred = "jobTitle"
				if strings.HasPrefix(r, "former ") {
					f.pred, r = "formerJobTitle", strings.TrimPrefix(r, "former ")
				}
				f.lit = &Literal{Kind: JobTitle, Text: roleDisplay(r)}
				st.add(f)
			}
			for _, o := range m.orgs {
				st.affiliation(base, m, o, "worksFor")
			}
			for _, o := range m.formerOrgs {
				st.affiliation(base, m, o, "alumniOf")
			}
			if m.place != "" {
				pe := placeEnts[m.place]
				if pe == nil {
					pe = st.placeEntity(m.place)
					placeEnts[m.place] = pe
				}
				f := base
				f.obj, f.pred = pe, "nationality"
				st.add(f)
			}
			if m.possessor != nil && m.possessor.ent != nil && m.possessor.ent != m.ent && !modifiesLaterNoun(st.sents[si].Tokens, m) {
				// not "the Commission's National Wage Case decision"
				f := base
				f.obj = m.possessor.ent
				f.rule = "role.possessive"
				switch m.possessor.ent.typ() {
				case Organization:
					f.pred = "worksFor"
					st.add(f)
				case Person:
					if len(m.roles) > 0 {
						f.pred = "worksFor"
						st.add(f)
					}
				}
			}
		}
	}
}

// companyNamed reports an entity one of whose names ends in a legal
// suffix or a public body's noun: "sole manager First Boston Corp" is a
// firm in a syndicate and "Executive Commission" a body, not a person with
// a job title, whatever the title made its type.
func companyNamed(e *docEntity) bool {
	for n := range e.names {
		f := strings.Fields(strings.ToLower(n))
		if withoutLegalSuffix(n) != "" || len(f) > 0 && bodyNouns[f[len(f)-1]] {
			return true // "First Boston Corp", "the EC's Executive Commission"
		}
	}
	return false
}

// affiliation records a person's organisation; a place in a title is the
// person's country instead.
func (st *docState) affiliation(base pendingFact, m, o *mention, pred string) {
	if o.ent == nil || o.ent == m.ent {
		return
	}
	f := base
	f.obj, f.pred = o.ent, pred
	if o.ent.typ() == Place {
		f.pred = "nationality"
	}
	st.add(f)
	// "Tesla founder Elon Musk": the organisation's founder, as schema.org
	// states it (Organization founder Person)
	for _, r := range m.roles {
		if r == "founder" || r == "co-founder" || r == "cofounder" {
			g := base
			g.subj, g.obj, g.pred = o.ent, m.ent, "founder"
			st.add(g)
			break
		}
	}
}

// placeEntity returns the document's entity for a place named only by a
// nationality adjective, creating it if the text never names it.
func (st *docState) placeEntity(name string) *docEntity {
	key := normName(name)
	for _, e := range st.ents {
		for n := range e.names {
			if normName(n) == key {
				return e
			}
		}
	}
	e := &docEntity{local: len(st.ents), names: map[string]int{name: 1}}
	e.votes[typeIndex(Place)] = 3
	st.ents = append(st.ents, e)
	return e
}

// roleDisplay writes a role the way titles are usually written.
func roleDisplay(r string) string {
	switch r {
	case "ceo", "cfo", "coo", "cto":
		return strings.ToUpper(r)
	}
	return r
}
