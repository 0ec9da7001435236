package main

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// errQueryMemory stops a query when the server's heap passes the ceiling.
type errQueryMemory struct{ ceiling byteSize }

func (e errQueryMemory) Error() string {
	return fmt.Sprintf("query stopped: the server's memory passed its %s ceiling (serve --query-memory); narrow the query or add a limit", e.ceiling)
}

// heapMetric is the bytes of heap objects, live or not yet swept: what a
// runaway query's values occupy as they grow.
const heapMetric = "/memory/classes/heap/objects:bytes"

// memoryGuard stops queries when the Go heap passes a ceiling. Gizmo runs
// JavaScript (goja) with no allocation limit of its own, so a loop that
// grows an array takes memory until the time limit; the guard samples the
// heap while queries run and, above the ceiling, cancels the context of
// the longest-running query (gizmo then interrupts its VM), waits for it
// to end and collects, then looks again. Queries are not told apart by
// what they allocate (Go cannot say); the longest-running one is the
// likely runaway, and the short ones beside it go on.
type memoryGuard struct {
	ceiling  byteSize
	interval time.Duration
	heap     func() uint64

	mu      sync.Mutex
	running map[*guardedQuery]struct{}
	wake    chan struct{}
}

type guardedQuery struct {
	start  time.Time
	cancel context.CancelCauseFunc
	done   chan struct{}
}

// newMemoryGuard returns a guard for ceiling bytes, or nil for 0 (no
// ceiling). Run must be running for it to act.
func newMemoryGuard(ceiling byteSize) *memoryGuard {
	if ceiling == 0 {
		return nil
	}
	return &memoryGuard{
		ceiling:  ceiling,
		interval: 5 * time.Millisecond,
		heap:     heapBytes,
		running:  map[*guardedQuery]struct{}{},
		wake:     make(chan struct{}, 1),
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// setSoftLimit makes the collector work harder as the process nears the
// ceiling (unless GOMEMLIMIT says otherwise), so that garbage does not
// count against queries.
func (g *memoryGuard) setSoftLimit(env func(string) string) {
	if g == nil || env("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(int64(g.ceiling))
}

// begin registers a query; its context is cancelled with errQueryMemory
// if the guard picks it. end must be called when the query is over.
func (g *memoryGuard) begin(ctx context.Context) (_ context.Context, end func()) {
	if g == nil {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	q := &guardedQuery{start: time.Now(), cancel: cancel, done: make(chan struct{})}
	g.mu.Lock()
	g.running[q] = struct{}{}
	g.mu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
	return ctx, func() {
		g.mu.Lock()
		delete(g.running, q)
		g.mu.Unlock()
		close(q.done)
		cancel(nil)
	}
}

// Run samples the heap while queries run, until ctx is done.
func (g *memoryGuard) Run(ctx context.Context) {
	if g == nil {
		return
	}
	tick := time.NewTicker(g.interval)
	defer tick.Stop()
	for {
		if g.idle() {
			select {
			case <-g.wake:
			case <-ctx.Done():
				return
			}
		}
		select {
		case <-tick.C:
		case <-ctx.Done():
			return
		}
		if h := g.heap(); h > uint64(g.ceiling) {
			g.stopOldest(h)
		}
	}
}

func (g *memoryGuard) idle() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.running) == 0
}

// stopOldest cancels the longest-running query, waits (up to a second)
// for it to end, and returns its memory to the system.
func (g *memoryGuard) stopOldest(heap uint64) {
	g.mu.Lock()
	var oldest *guardedQuery
	for q := range g.running {
		if oldest == nil || q.start.Before(oldest.start) {
			oldest = q
		}
	}
	g.mu.Unlock()
	if oldest == nil {
		return
	}
	slog.Warn("stopping a query: memory ceiling passed", "heap_mb", heap>>20, "ceiling", g.ceiling.String(), "running_for", time.Since(oldest.start).Round(time.Millisecond))
	oldest.cancel(errQueryMemory{g.ceiling})
	select {
	case <-oldest.done:
	case <-time.After(time.Second):
	}
	runtime.GC()
	debug.FreeOSMemory()
}
