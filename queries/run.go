package queries

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
)

// Row is one query result: tag name → value.
type Row map[string]any

// Options bound a query run.
type Options struct {
	Limit   int           // 0: no limit
	Timeout time.Duration // 0: no limit
}

// ErrTimeout is returned when a query runs past its time limit.
var ErrTimeout = errors.New("query stopped: time limit reached")

// Run executes Gizmo source against qs. Results that are not objects are
// returned as rows with the single column "result".
func Run(ctx context.Context, qs graph.QuadStore, src string, opt Options) ([]Row, error) {
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	ses := gizmo.NewSession(qs)
	it, err := ses.Execute(ctx, src, query.Options{Collation: query.JSON, Limit: opt.Limit})
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer it.Close()
	var rows []Row
	for it.Next(ctx) {
		switch r := it.Result().(type) {
		case map[string]any:
			rows = append(rows, Row(r))
		default:
			rows = append(rows, Row{"result": r})
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return rows, ErrTimeout
		}
		return rows, fmt.Errorf("query: %w", err)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return rows, ErrTimeout
	}
	return rows, nil
}

// Columns returns the tags used by rows, in the order the query source
// names them (so `Tag("speaker")…Tag("said")` prints speaker first). The
// "id" column is left out when it repeats another column in every row.
func Columns(rows []Row, src string) []string {
	seen := map[string]bool{}
	var cols []string
	for _, r := range rows {
		for k := range r {
			if !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	pos := func(c string) int {
		if i := strings.Index(src, `"`+c+`"`); i >= 0 {
			return i
		}
		return len(src) + 1
	}
	sort.Slice(cols, func(i, j int) bool {
		pi, pj := pos(cols[i]), pos(cols[j])
		if pi != pj {
			return pi < pj
		}
		return cols[i] < cols[j]
	})
	if len(cols) > 1 && seen["id"] && idRepeats(rows) {
		out := cols[:0]
		for _, c := range cols {
			if c != "id" {
				out = append(out, c)
			}
		}
		cols = out
	}
	return cols
}

func idRepeats(rows []Row) bool {
	for _, r := range rows {
		found := false
		for k, v := range r {
			if k != "id" && fmt.Sprint(v) == fmt.Sprint(r["id"]) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// Labeler turns IRIs into names for display, using rdfs:label.
type Labeler struct {
	qs    graph.QuadStore
	cache map[string]string
}

// NewLabeler returns a Labeler over qs.
func NewLabeler(qs graph.QuadStore) *Labeler {
	return &Labeler{qs: qs, cache: map[string]string{}}
}

// Display renders a result value: an IRI as its label (or its short form),
// a literal as its text.
func (l *Labeler) Display(ctx context.Context, v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprint(v)
	}
	// literals as Gizmo writes them: "2021-03-03"^^<…#date>, "text"@en
	if strings.HasPrefix(s, `"`) {
		if i := strings.LastIndex(s, `"^^<`); i > 0 && strings.HasSuffix(s, ">") {
			return s[1:i]
		}
		if i := strings.LastIndex(s, `"@`); i > 0 {
			return s[1:i]
		}
	}
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		iri := s[1 : len(s)-1]
		if name, ok := l.cache[iri]; ok {
			return name
		}
		name := iri
		if l.qs != nil {
			if lv, err := path.StartPath(l.qs, quad.IRI(iri)).Out(quad.IRI("rdfs:label")).Iterate(ctx).FirstValue(l.qs); err == nil && lv != nil {
				name = fmt.Sprint(quad.NativeOf(lv))
			} else {
				for _, p := range []string{"ent:", "art:", "ng:", "schema:"} {
					name = strings.TrimPrefix(name, p)
				}
			}
		}
		l.cache[iri] = name
		return name
	}
	return s
}

// WriteTable writes the rows of query src as an aligned table with a header.
func WriteTable(ctx context.Context, w io.Writer, rows []Row, src string, l *Labeler, maxWidth int) error {
	cols := Columns(rows, src)
	if len(cols) == 0 {
		_, err := fmt.Fprintln(w, "(no results)")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			if v, ok := r[c]; ok {
				cells[i] = clip(l.Display(ctx, v), maxWidth)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if n <= 0 || len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
