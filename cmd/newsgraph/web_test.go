package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// runCLI is run (main_test.go) with the text command registered, for as
// long as main.go does not register it itself.
func runCLI(t *testing.T, args ...string) (string, int) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOutput(&out)
	root.SetArgs(args)
	err := root.Execute()
	var ee exitError
	switch {
	case errors.As(err, &ee):
		return out.String(), ee.code
	case err != nil:
		return out.String() + err.Error(), 1
	}
	return out.String(), 0
}

// newsSite serves the saved pages of three outlets and the ways a fetch
// can fail, and counts the requests it gets.
type newsSite struct {
	mu       sync.Mutex
	requests []string
	gzipped  int
}

func (s *newsSite) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *newsSite) handler(t *testing.T) http.Handler {
	page := func(name string) []byte {
		raw, err := os.ReadFile(filepath.Join("testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	ledger, harbour, wire := page("ledger.html"), page("harbour.html"), page("wire.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/ledger/musk-invites-putin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			s.mu.Lock()
			s.gzipped++
			s.mu.Unlock()
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(ledger)
			zw.Close()
			return
		}
		w.Write(ledger)
	})
	mux.HandleFunc("/harbour/kremlin-weighs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(harbour)
	})
	mux.HandleFunc("/wire/old-address", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/wire/musk-putin-chat", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/wire/musk-putin-chat", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // the charset is in the page's <meta>
		w.Write(wire)
	})
	mux.HandleFunc("/private/memo", func(w http.ResponseWriter, r *http.Request) { w.Write(ledger) })
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-b", http.StatusFound) })
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		// 20 MB, streamed without a Content-Length
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>All work and no play makes Jack a dull boy.</p>\n"), 2000)
		for n := 0; n < 20<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.URL.Path)
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	})
}

func TestBuildFromURLs(t *testing.T) {
	site := &newsSite{}
	srv := httptest.NewServer(site.handler(t))
	defer srv.Close()
	good := []string{srv.URL + "/ledger/musk-invites-putin", srv.URL + "/harbour/kremlin-weighs", srv.URL + "/wire/old-address"}
	bad := map[string]string{ // URL → the reason its line must give
		srv.URL + "/private/memo": "robots.txt disallows fetching it",
		srv.URL + "/missing":      "HTTP error 404 Not Found",
		srv.URL + "/loop-a":       "redirect loop",
		srv.URL + "/huge":         "too large (more than 8388608 bytes)",
		srv.URL + "/report.pdf":   `not a web page (content type "application/pdf")`,
	}
	dir := t.TempDir()
	list := "# the story, from three outlets\n" + strings.Join(good, "\n") + "\n\n"
	for u := range bad {
		list += u + "\n"
	}
	urls := filepath.Join(dir, "urls.txt")
	os.WriteFile(urls, []byte(list), 0o644)
	db, cache := filepath.Join(dir, "g.db"), filepath.Join(dir, "cache")

	out, code := runCLI(t, "build", "--db", db, "--cache", cache, "--fetch-delay", "5ms", "--urls", urls)
	if code != 2 {
		t.Errorf("exit code %d, want 2 (pages skipped):\n%s", code, out)
	}
	for u, reason := range bad {
		if want := "skipped: " + u + ": " + reason; strings.Count(out, want) != 1 {
			t.Errorf("want one line %q in:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "articles   3 (added 3, replaced 0, unchanged 0; skipped files 5)") {
		t.Errorf("summary:\n%s", out)
	}
	if site.gzipped == 0 {
		t.Error("the client did not accept gzip")
	}
	checkStoryArticles(t, db)

	// a second build reads every page from the cache: no request at all
	before := site.count()
	out, code = runCLI(t, append([]string{"build", "--db", db, "--cache", cache}, good...)...)
	if code != 0 || !strings.Contains(out, "unchanged 3") {
		t.Errorf("rebuild from the cache (%d):\n%s", code, out)
	}
	if n := site.count() - before; n != 0 {
		t.Errorf("rebuild from the cache made %d requests: %v", n, site.requests[before:])
	}
}

// checkStoryArticles finds the invitation in each outlet's article, with
// the outlet, author and date its page gives.
func checkStoryArticles(t *testing.T, db string) {
	t.Helper()
	out, code := runCLI(t, "query", "--db", db, "--format", "json", `g.V("<schema:NewsArticle>").In("<rdf:type>").Tag("article").Out("<schema:author>").Out("<rdfs:label>").Tag("author").Back("article").Out("<schema:publisher>").Out("<rdfs:label>").Tag("outlet").Back("article").Out("<schema:datePublished>").Tag("date").Back("article").Out("<schema:url>").Tag("url").All()`)
	if code != 0 {
		t.Fatalf("query (%d): %s", code, out)
	}
	want := map[string]string{ // outlet → author, date, URL
		"The Daily Ledger": "Clara Whitfield 2021-02-14 https://dailyledger.example/world/2021/02/14/musk-invites-putin-clubhouse",
		"Harbour Times":    "Owen Marsh 2021-02-15 https://harbourtimes.example/news/kremlin-weighs-musk-clubhouse-invitation",
		"Northern Wire":    "Tom Ames 2021-03-02 https://northernwire.example/2021/03/02/musk-putin-clubhouse-chat-comes-to-nothing",
	}
	got := map[string]string{}
	for _, row := range jsonRows(t, out) {
		got[row["outlet"]] = row["author"] + " " + plainValue(row["date"]) + " " + plainValue(row["url"])
	}
	for outlet, w := range want {
		if got[outlet] != w {
			t.Errorf("%s: got %q, want %q (all: %v)", outlet, got[outlet], w, got)
		}
	}
	out, code = runCLI(t, "query", "--db", db, "--format", "json", "@sources", "Elon Musk", "invite", "Vladimir Putin")
	if code != 0 {
		t.Fatalf("@sources (%d): %s", code, out)
	}
	outlets := map[string]bool{}
	for _, row := range jsonRows(t, out) {
		outlets[row["outlet"]] = true
	}
	if len(outlets) != 3 {
		t.Errorf("Musk invited Putin: %d outlets, want 3:\n%s", len(outlets), out)
	}
	out, _ = runCLI(t, "query", "--db", db, "--format", "json", "@said", "Dmitry Peskov")
	for _, quote := range []string{"Apparently there was some kind of misunderstanding", "Putin does not personally use social networks"} {
		if !strings.Contains(out, quote) {
			t.Errorf("@said Dmitry Peskov lacks %q:\n%s", quote, out)
		}
	}
}

// jsonRows reads query --format json output: one object a line, or an
// array, with values as text.
func jsonRows(t *testing.T, out string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("query output is not JSON: %v\n%s", err, out)
		}
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		for _, item := range list {
			m, _ := item.(map[string]any)
			row := map[string]string{}
			for k, x := range m {
				row[k] = fmt.Sprint(x)
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// plainValue is a query result's value without N-Quads syntax:
// "2021-02-14"^^<xsd:date> → 2021-02-14, <https://…> → https://….
func plainValue(v string) string {
	if lex, _, ok := strings.Cut(v, "^^"); ok {
		v = strings.Trim(lex, `"`)
	}
	return strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">")
}
