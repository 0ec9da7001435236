// Package queries ships newsgraph's named Gizmo queries and runs Gizmo
// queries against a store, rendering results as tables or JSON.
package queries

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

//go:embed *.js
var files embed.FS

// Query is a shipped Gizmo query.
type Query struct {
	Name    string
	Answers string
	Params  string
	Source  string
}

// List returns the shipped queries sorted by name.
func List() []Query {
	entries, _ := files.ReadDir(".")
	var out []Query
	for _, e := range entries {
		raw, err := files.ReadFile(e.Name())
		if err != nil {
			continue
		}
		out = append(out, parse(strings.TrimSuffix(e.Name(), ".js"), string(raw)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the shipped query called name.
func Get(name string) (Query, bool) {
	raw, err := files.ReadFile(name + ".js")
	if err != nil {
		return Query{}, false
	}
	return parse(name, string(raw)), true
}

func parse(name, src string) Query {
	q := Query{Name: name, Source: src}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "//"))
		if v, ok := strings.CutPrefix(line, "answers:"); ok {
			q.Answers = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "params:"); ok {
			q.Params = strings.TrimSpace(v)
		}
	}
	return q
}

// Required lists the parameters that must be given: the capitalised words
// of the "params:" line before its dash, except those in [brackets].
func (q Query) Required() []string {
	head, _, _ := strings.Cut(q.Params, "—")
	var out []string
	for _, w := range strings.Fields(head) {
		if w == strings.ToUpper(w) && !strings.HasPrefix(w, "[") && strings.ToLower(w) != w {
			out = append(out, w)
		}
	}
	return out
}

// Bind returns the query's source with its arguments defined as the
// JavaScript array args, JSON-encoded so no argument can inject code.
func (q Query) Bind(args []string) string {
	if args == nil {
		args = []string{}
	}
	raw, _ := json.Marshal(args)
	return fmt.Sprintf("var args = %s;\n%s", raw, q.Source)
}
