package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	_ "unsafe" // go:linkname to Cayley's route setup

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	// links github.com/cayleygraph/cayley/internal/http, whose SetupRoutes
	// is what `cayley http` serves, and registers Cayley's query languages
	_ "github.com/cayleygraph/cayley/cmd/cayley/command"
)

// cayleyConfig has the layout of Config in
// github.com/cayleygraph/cayley/internal/http at v0.7.7 (ReadOnly,
// Timeout, Batch); TestCayleyVersionForLinkname fails when the module
// version changes, so that the layout is checked again.
type cayleyConfig struct {
	ReadOnly bool
	Timeout  time.Duration
	Batch    int
}

// cayleySetupRoutes is Cayley's internal/http.SetupRoutes: the web UI, its
// static files and docs, the v1 and v2 APIs and the Gephi stream, all
// registered on http.DefaultServeMux. The package is internal, so
// `cayley http` (command.NewHttpCmd) is its only public door, and that
// door opens the store itself and serves with http.ListenAndServe, which
// cannot be shut down.
//
//go:linkname cayleySetupRoutes github.com/cayleygraph/cayley/internal/http.SetupRoutes
func cayleySetupRoutes(h *graph.Handle, cfg *cayleyConfig) error

// cayleyRoutes returns a mux with exactly the routes `cayley http`
// serves, over h. It can be called once per process (Cayley's UI
// templates are global).
func cayleyRoutes(h *graph.Handle, readOnly bool, timeout time.Duration) (*http.ServeMux, error) {
	mux := http.NewServeMux()
	saved := http.DefaultServeMux
	http.DefaultServeMux = mux
	defer func() { http.DefaultServeMux = saved }()
	if err := cayleySetupRoutes(h, &cayleyConfig{ReadOnly: readOnly, Timeout: timeout}); err != nil {
		return nil, fmt.Errorf("cayley routes: %w", err)
	}
	return mux, nil
}

// v1QueryPrefix is the path of Cayley's v1 query API, which its UI calls.
const v1QueryPrefix = "/api/v1/query/"

// v1Query answers POST /api/v1/query/LANG as Cayley v0.7.7 does, with two
// differences: the query runs under the request's context (Cayley's uses
// context.TODO, so neither a shutdown nor the memory guard could stop it),
// and ?limit is capped at maxResults (Cayley's -1 means "all").
type v1Query struct {
	h          *graph.Handle
	maxResults int
}

func (v v1Query) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setCORS(w, r)
	lang := strings.TrimPrefix(r.URL.Path, v1QueryPrefix)
	l := query.GetLanguage(lang)
	if l == nil {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"error": "Unknown query language."}`)
		return
	}
	ctx := r.Context()
	if err := ctx.Err(); err != nil {
		writeQueryError(w, err)
		return
	}
	h, err := cayleyhttp.HandleForRequest(v.h, "single", nil, r)
	if err != nil {
		writeQueryError(w, err)
		return
	}
	if l.HTTPQuery != nil {
		defer r.Body.Close()
		l.HTTPQuery(ctx, h.QuadStore, okStatus{w}, r.Body)
		return
	}
	if l.HTTP == nil {
		//lint:ignore ST1005 Cayley's own answer, kept byte for byte
		writeQueryError(w, errors.New("HTTP interface is not supported for this query language."))
		return
	}
	src, err := io.ReadAll(r.Body)
	if err != nil {
		writeQueryError(w, err)
		return
	}
	out, err := v.run(ctx, l.HTTP(h.QuadStore), string(src), v.limit(r))
	if err != nil {
		writeQueryError(w, err)
		return
	}
	_ = json.NewEncoder(w).Encode(struct {
		Result []any `json:"result"`
	}{out})
}

// limit is the request's ?limit (default 100, as Cayley's), at most
// maxResults; Cayley's "-1: all" becomes maxResults.
func (v v1Query) limit(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	switch {
	case n == 0:
		n = 100
	case n < 0:
		n = v.maxResults
	}
	if v.maxResults > 0 && (n > v.maxResults || n < 0) {
		n = v.maxResults
	}
	return n
}

func (v v1Query) run(ctx context.Context, ses query.HTTP, src string, limit int) ([]any, error) {
	it, err := ses.Execute(ctx, src, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []any
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	return out, it.Err()
}

// writeQueryError answers {"error" : msg} with status 200, byte for byte
// as Cayley's v1 does: its handlers write 400 through a logging wrapper
// that drops the status, so every query answer of `cayley http` (and of
// its UI) is a 200 and clients look at the "error" key.
func writeQueryError(w http.ResponseWriter, err error) {
	msg, _ := json.Marshal(err.Error())
	fmt.Fprintf(w, `{"error" : %s}`, msg)
}

// okStatus drops WriteHeader, as Cayley's logging wrapper does.
type okStatus struct{ http.ResponseWriter }

func (okStatus) WriteHeader(int) {}

// setCORS adds the headers Cayley's CORS wrapper adds (originGuard, in
// front, removes them for origins that are not allowed).
func setCORS(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "Accept, Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization")
	}
}
