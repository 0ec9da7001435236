package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want byteSize
		str  string
	}{
		{"1048576", 1 << 20, "1MB"},
		{"1MB", 1 << 20, "1MB"},
		{"512mb", 512 << 20, "512MB"},
		{"512MiB", 512 << 20, "512MB"},
		{"2G", 2 << 30, "2GB"},
		{"1.5GB", 3 << 29, "1536MB"},
		{"64KB", 64 << 10, "64KB"},
		{"1000", 1000, "1000"},
		{"0", 0, "0"},
	}
	for _, tt := range tests {
		var b byteSize
		if err := b.Set(tt.in); err != nil || b != tt.want || b.String() != tt.str {
			t.Errorf("Set(%q) = %d (%s), %v; want %d (%s)", tt.in, b, b, err, tt.want, tt.str)
		}
	}
	for _, bad := range []string{"", "MB", "-1MB", "lots", "1TB"} {
		var b byteSize
		if err := b.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted: %d", bad, b)
		}
	}
}

func TestExitStatus(t *testing.T) {
	sigint, cancelINT := context.WithCancelCause(context.Background())
	cancelINT(interrupted{syscall.SIGINT})
	sigterm, cancelTERM := context.WithCancelCause(context.Background())
	cancelTERM(interrupted{syscall.SIGTERM})
	plain := context.Background()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		code int
		msg  string
	}{
		{"success", plain, nil, 0, ""},
		{"error", plain, errors.New("boom"), 1, "newsgraph: boom"},
		{"skipped files", plain, exitError{2}, 2, ""},
		{"serve after SIGTERM", sigterm, nil, 0, ""},
		{"cancelled by SIGINT", sigint, fmt.Errorf("build: %w", context.Canceled), 130, "newsgraph: stopped by SIGINT"},
		{"cause returned", sigterm, fmt.Errorf("openie: %w", context.Cause(sigterm)), 143, "newsgraph: stopped by SIGTERM"},
		{"skipped, then SIGTERM", sigterm, exitError{2}, 143, "newsgraph: stopped by SIGTERM"},
		{"other error during SIGINT", sigint, errors.New("disk full"), 130, "newsgraph: stopped by SIGINT: disk full"},
	}
	for _, tt := range tests {
		code, msg := exitStatus(tt.ctx, tt.err)
		if code != tt.code || msg != tt.msg {
			t.Errorf("%s: exitStatus = %d %q; want %d %q", tt.name, code, msg, tt.code, tt.msg)
		}
	}
}

// TestWatchSignals sends the test process real signals: the first
// cancels the context with its cause and prints the message once, the
// second exits with 128+signal.
func TestWatchSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(signalName(sig), func(t *testing.T) {
			var stderr outBuf
			exited := make(chan int, 1)
			ctx, stop := watchSignals(context.Background(), &stderr, func(code int) { exited <- code })
			defer stop()
			syscall.Kill(syscall.Getpid(), sig)
			select {
			case <-ctx.Done():
			case <-time.After(2 * time.Second):
				t.Fatal("context not cancelled by the first signal")
			}
			var in interrupted
			if !errors.As(context.Cause(ctx), &in) || in.sig != sig {
				t.Errorf("cause %v", context.Cause(ctx))
			}
			if got := stderr.String(); got != stopMessage+"\n" {
				t.Errorf("stderr %q", got)
			}
			syscall.Kill(syscall.Getpid(), sig)
			select {
			case code := <-exited:
				if code != 128+int(sig) {
					t.Errorf("second signal: exit %d", code)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("second signal did not exit")
			}
		})
	}
}

func TestV1Limit(t *testing.T) {
	tests := []struct {
		query      string
		maxResults int
		want       int
	}{
		{"", 10000, 100}, // Cayley's default
		{"?limit=5", 10000, 5},
		{"?limit=-1", 10000, 10000}, // "all" is capped
		{"?limit=50000", 10000, 10000},
		{"?limit=-1", 0, 0}, // no cap: all (gizmo: <= 0)
		{"?limit=50000", 0, 50000},
		{"?limit=x", 3, 3},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("POST", "/api/v1/query/gizmo"+tt.query, nil)
		if got := (v1Query{maxResults: tt.maxResults}).limit(r); got != tt.want {
			t.Errorf("limit(%q, cap %d) = %d, want %d", tt.query, tt.maxResults, got, tt.want)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	var seen atomic.Int64
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		buf.ReadFrom(r.Body)
		seen.Store(int64(buf.Len()))
		w.Write([]byte("ok"))
	})
	h := bodyLimit{next: next, max: 1 << 10}
	tests := []struct {
		name    string
		size    int
		chunked bool
		code    int
	}{
		{"small", 100, false, 200},
		{"at the limit", 1 << 10, false, 200},
		{"over, with Content-Length", 1<<10 + 1, false, 413},
		{"over, chunked", 4 << 10, true, 413},
		{"small, chunked", 10, true, 200},
	}
	for _, tt := range tests {
		seen.Store(-1)
		r := httptest.NewRequest("POST", "/api/v1/write", strings.NewReader(strings.Repeat("x", tt.size)))
		if tt.chunked {
			r.ContentLength = -1
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.code {
			t.Errorf("%s: %d, want %d", tt.name, w.Code, tt.code)
		}
		switch {
		case tt.code == 200 && seen.Load() != int64(tt.size):
			t.Errorf("%s: handler read %d bytes of %d", tt.name, seen.Load(), tt.size)
		case tt.code == 413 && (seen.Load() != -1 || !strings.Contains(w.Body.String(), "request body too large: /api/v1/write accepts at most 1KB (serve --max-body)")):
			t.Errorf("%s: handler ran (%d) or message: %s", tt.name, seen.Load(), w.Body)
		}
	}
}

// TestMemoryGuardStopsOldest: above the ceiling the longest-running query
// is cancelled with errQueryMemory and the newer one goes on.
func TestMemoryGuardStopsOldest(t *testing.T) {
	g := newMemoryGuard(100 << 20)
	var heap atomic.Uint64
	heap.Store(10 << 20)
	g.heap = heap.Load
	g.interval = time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)

	oldCtx, endOld := g.begin(context.Background())
	time.Sleep(5 * time.Millisecond)
	newCtx, endNew := g.begin(context.Background())
	defer endNew()
	time.Sleep(20 * time.Millisecond)
	if oldCtx.Err() != nil || newCtx.Err() != nil {
		t.Fatal("a query was stopped below the ceiling")
	}
	heap.Store(200 << 20)
	select {
	case <-oldCtx.Done():
	case <-time.After(2 * time.Second):
		t.Fatal("oldest query not stopped above the ceiling")
	}
	heap.Store(10 << 20)
	endOld()
	var mem errQueryMemory
	if !errors.As(context.Cause(oldCtx), &mem) || stopCause(oldCtx) == nil {
		t.Errorf("cause %v", context.Cause(oldCtx))
	}
	if !strings.Contains(context.Cause(oldCtx).Error(), "memory passed its 100MB ceiling (serve --query-memory)") {
		t.Errorf("message: %v", context.Cause(oldCtx))
	}
	time.Sleep(20 * time.Millisecond)
	if newCtx.Err() != nil {
		t.Errorf("the newer query was stopped too: %v", context.Cause(newCtx))
	}
	if newMemoryGuard(0) != nil {
		t.Error("a 0 ceiling makes a guard")
	}
}

// TestSuperviseRewritesStops: an answer cut short by newsgraph's time
// limit says why; other answers pass unchanged.
func TestSuperviseRewritesStops(t *testing.T) {
	cayleyLike := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("wait") == "" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"result":["fast"]}`))
			return
		}
		<-r.Context().Done()
		w.Write([]byte(`{"error": "context canceled"}`))
	})
	q := queryRoutes{cayley: cayleyLike, v1: cayleyLike, timeout: 50 * time.Millisecond}
	tests := []struct {
		url, want, ctype string
	}{
		{"/api/v2/query", `{"result":["fast"]}`, "application/json"},
		{"/api/v2/query?wait=1", "query stopped: time limit of 50ms reached (serve --timeout)", ""},
		{"/api/v1/query/gizmo?wait=1", "query stopped: time limit of 50ms reached (serve --timeout)", ""},
	}
	for _, tt := range tests {
		w := httptest.NewRecorder()
		q.ServeHTTP(w, httptest.NewRequest("POST", tt.url, nil))
		if !strings.Contains(w.Body.String(), tt.want) || w.Code != 200 || w.Header().Get("Content-Type") != tt.ctype {
			t.Errorf("%s: %d %q %s", tt.url, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
}

// TestCayleyVersionForLinkname guards cayleySetupRoutes: it is linked by
// name to an internal function of Cayley v0.7.7 and passes cayleyConfig
// for its Config. Another version may change either; check them (and
// v1Query against internal/http/query.go) before moving this test's
// version.
func TestCayleyVersionForLinkname(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build info")
	}
	for _, m := range bi.Deps {
		if m.Path == "github.com/cayleygraph/cayley" {
			if m.Version != "v0.7.7" {
				t.Fatalf("cayley %s: re-check cayleyConfig and cayleySetupRoutes (cmd/newsgraph/cayleyhttp.go) against its internal/http", m.Version)
			}
			return
		}
	}
	t.Fatal("cayley is not a dependency")
}
