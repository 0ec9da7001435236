package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/gobuffalo/packr/v2"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

type serveFlags struct {
	addr         string
	writable     bool
	timeout      time.Duration
	allowOrigins []string
	maxBody      byteSize
	queryMemory  byteSize
	maxResults   int
	grace        time.Duration
}

func newServeCmd(g *globalFlags) *cobra.Command {
	f := &serveFlags{maxBody: 1 << 20, queryMemory: 512 << 20}
	cmd := &cobra.Command{
		Use:   "serve [--db D] [--addr 127.0.0.1:64210]",
		Short: "Serve Cayley's HTTP API and web UI (query editor, visualizer) over the store",
		Long: `Serve runs Cayley's own HTTP server and web UI on the store. It is
read-only unless --writable is given, and binds to the loopback address
unless told otherwise with --addr.

Limits: a request body larger than --max-body gets 413; each query stops
after --timeout, and the longest-running query is stopped when the server's
heap passes --query-memory; v1 queries return at most --max-results results.
A stopped query answers {"error": "query stopped: …"}.

SIGINT or SIGTERM shuts the server down: it stops accepting connections,
gives in-flight requests --shutdown-grace to finish, then stops the queries
still running (they answer "query stopped: the server is shutting down"),
closes the store and exits with status 0. A second signal exits at once
(status 130 for SIGINT, 143 for SIGTERM).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(runCtx, g, f, cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&f.addr, "addr", "127.0.0.1:64210", "host:port to listen on")
	cmd.Flags().BoolVar(&f.writable, "writable", false, "allow the write and delete API and the UI's Write page")
	cmd.Flags().DurationVar(&f.timeout, "timeout", 30*time.Second, "stop each query after this long")
	cmd.Flags().StringSliceVar(&f.allowOrigins, "allow-origin", nil, "web origins (scheme://host[:port]) allowed to call the API from a browser; others are refused")
	cmd.Flags().Var(&f.maxBody, "max-body", "refuse request bodies larger than this (413); 0: no limit")
	cmd.Flags().Var(&f.queryMemory, "query-memory", "stop the longest-running query when the server's heap passes this; 0: no ceiling")
	cmd.Flags().IntVar(&f.maxResults, "max-results", 10000, "at most this many results per v1 query, whatever its ?limit (0: no cap)")
	cmd.Flags().DurationVar(&f.grace, "shutdown-grace", 3*time.Second, "on SIGINT/SIGTERM, how long in-flight requests may finish before their queries are stopped")
	return cmd
}

// runServe serves the store until ctx is done, then shuts down and closes
// the store.
func runServe(ctx context.Context, g *globalFlags, f *serveFlags, stderr io.Writer) (err error) {
	st, err := graph.Open(ctx, g.db, graph.OpenOptions{Base: g.base})
	if err != nil {
		return err
	}
	// Cayley's server writes through a plain writer (a duplicate quad is
	// an error), not newsgraph's loader settings
	qw, err := cgraph.NewQuadWriter("single", st.QuadStore, nil)
	if err != nil {
		st.Close()
		return fmt.Errorf("serve: open writer: %w", err)
	}
	h := &cgraph.Handle{QuadStore: st.QuadStore, QuadWriter: qw}
	closeStore := func() error {
		werr := qw.Close()
		if cerr := st.Close(); cerr != nil {
			return fmt.Errorf("close store: %w", cerr)
		}
		if werr != nil {
			return fmt.Errorf("close writer: %w", werr)
		}
		return nil
	}
	pointUIAssets()
	handler, guard, err := serveHandler(h, f)
	if err != nil {
		closeStore()
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		closeStore()
		return fmt.Errorf("serve: %w", err)
	}
	announce(stderr, st, f)
	guard.setSoftLimit(os.Getenv)
	gctx, stopGuard := context.WithCancel(context.Background())
	defer stopGuard()
	go guard.Run(gctx)
	if !serveUntil(ctx, ln, handler, f.grace, stderr) {
		fmt.Fprintln(stderr, "newsgraph: requests still running; exiting without closing the store (its last commit is intact)")
		return nil
	}
	slog.Debug("server stopped; closing the store")
	if err := closeStore(); err != nil {
		return err
	}
	slog.Debug("store closed")
	fmt.Fprintln(stderr, "newsgraph: stopped; store closed")
	return nil
}

// pointUIAssets points Cayley's packr boxes at its UI files.
func pointUIAssets() {
	dir, err := cayleyAssetsDir()
	if err != nil {
		slog.Warn("web UI files not found; the API works but /ui pages will not", "err", err)
		return
	}
	for _, box := range []string{"Static", "Templates", "Docs"} {
		packr.New(box, "").ResolutionDir = filepath.Join(dir, strings.ToLower(box))
	}
}

// serveHandler is Cayley's routes behind newsgraph's guards: origin and
// Host checks, the body limit, and supervised queries.
func serveHandler(h *cgraph.Handle, f *serveFlags) (http.Handler, *memoryGuard, error) {
	routes, err := cayleyRoutes(h, !f.writable, f.timeout)
	if err != nil {
		return nil, nil, err
	}
	guard := newMemoryGuard(f.queryMemory)
	q := queryRoutes{cayley: routes, v1: v1Query{h: h, maxResults: f.maxResults}, timeout: f.timeout, guard: guard}
	return newOriginGuard(bodyLimit{next: q, max: f.maxBody}, f.addr, f.allowOrigins), guard, nil
}

func announce(w io.Writer, st *graph.Store, f *serveFlags) {
	mode := "read-only"
	if f.writable {
		mode = "writable"
	}
	mem := "no memory ceiling"
	if f.queryMemory > 0 {
		mem = "memory ceiling " + f.queryMemory.String()
	}
	fmt.Fprintf(w, "newsgraph: serving %s store %s (%s, query limit %s) at http://%s/\n", st.Backend, graph.Redact(st.Address), mode, f.timeout, f.addr)
	fmt.Fprintf(w, "newsgraph: %s, request bodies up to %s, v1 results up to %d\n", mem, f.maxBody, f.maxResults)
	if h, _, err := net.SplitHostPort(f.addr); err == nil {
		if ip := net.ParseIP(h); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(w, "newsgraph: warning: %s is reachable from other machines and has no authentication\n", f.addr)
		}
	}
}

// serveUntil serves ln until ctx is done, then shuts down: no new
// connections, grace for the requests in flight, then their queries are
// stopped (errShuttingDown) and, a second later, connections are closed.
// It reports whether every request had ended.
func serveUntil(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration, stderr io.Writer) bool {
	base, stopQueries := context.WithCancelCause(context.Background())
	defer stopQueries(nil)
	var inflight sync.WaitGroup
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			inflight.Add(1)
			defer inflight.Done()
			h.ServeHTTP(w, r)
		}),
		BaseContext:       func(net.Listener) context.Context { return base },
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		slog.Error("serve", "err", err)
		return waitFor(&inflight, time.Second)
	case <-ctx.Done():
	}
	fmt.Fprintf(stderr, "newsgraph: shutting down; requests in flight have %s to finish\n", grace)
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(context.Background()) }()
	select {
	case <-shut:
	case <-time.After(grace):
		slog.Debug("grace period over; stopping queries")
		stopQueries(errShuttingDown)
		select {
		case <-shut:
		case <-time.After(time.Second):
			srv.Close()
			<-shut
		}
	}
	slog.Debug("connections closed")
	return waitFor(&inflight, time.Second)
}

// waitFor waits up to d for wg; it reports whether wg finished.
func waitFor(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// cayleyAssetsDir finds Cayley's web UI files. Cayley v0.7.7 does not
// compile them into binaries; they live in its module directory, which is
// found from NEWSGRAPH_CAYLEY_DIR, the Go module cache, or `go env`.
func cayleyAssetsDir() (string, error) {
	ok := func(dir string) bool {
		_, err := os.Stat(filepath.Join(dir, "static"))
		return dir != "" && err == nil
	}
	if d := os.Getenv("NEWSGRAPH_CAYLEY_DIR"); ok(d) {
		return d, nil
	}
	version := "v0.7.7"
	if bi, found := debug.ReadBuildInfo(); found {
		for _, m := range bi.Deps {
			if m.Path == "github.com/cayleygraph/cayley" {
				version = m.Version
			}
		}
	}
	var caches []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		caches = append(caches, c)
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		caches = append(caches, strings.TrimSpace(string(out)))
	}
	if home, err := os.UserHomeDir(); err == nil {
		caches = append(caches, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, c := range caches {
		if d := filepath.Join(c, "github.com", "cayleygraph", "cayley@"+version); ok(d) {
			return d, nil
		}
	}
	return "", errors.New("cayley " + version + " module directory not found; set NEWSGRAPH_CAYLEY_DIR")
}
