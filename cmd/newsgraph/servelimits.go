package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// byteSize is a flag of bytes: 1048576, 1MB, 512MB, 2GB (KB, MB and GB
// are powers of 1024, KiB/MiB/GiB too, as Cayley's "1 MB" query limit).
type byteSize int64

var byteUnits = []struct {
	suffix string
	n      int64
}{
	{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30},
	{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
}

func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range byteUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("size %q: want bytes, or a number with KB, MB or GB", s)
	}
	*b = byteSize(n * float64(mult))
	return nil
}

func (b byteSize) String() string {
	switch {
	case b >= 1<<30 && b%(1<<30) == 0:
		return fmt.Sprintf("%dGB", b>>30)
	case b >= 1<<20 && b%(1<<20) == 0:
		return fmt.Sprintf("%dMB", b>>20)
	case b >= 1<<10 && b%(1<<10) == 0:
		return fmt.Sprintf("%dKB", b>>10)
	}
	return strconv.FormatInt(int64(b), 10)
}

func (b *byteSize) Type() string { return "size" }

// bodyLimit answers 413 to a request whose body is larger than max, before
// Cayley's handlers see it (they read whole bodies into memory: writes,
// N-Quads uploads, queries).
type bodyLimit struct {
	next http.Handler
	max  byteSize
}

func (l bodyLimit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if l.max <= 0 || r.Body == nil || r.Body == http.NoBody {
		l.next.ServeHTTP(w, r)
		return
	}
	if r.ContentLength > int64(l.max) {
		l.tooLarge(w, r)
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, int64(l.max)+1))
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, fmt.Errorf("reading the request body: %w", err))
		return
	}
	if int64(len(data)) > int64(l.max) {
		l.tooLarge(w, r)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	l.next.ServeHTTP(w, r)
}

func (l bodyLimit) tooLarge(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")
	writeJSONError(w, http.StatusRequestEntityTooLarge,
		fmt.Errorf("request body too large: %s accepts at most %s (serve --max-body)", r.URL.Path, l.max))
}

func writeJSONError(w http.ResponseWriter, status int, err error) {
	msg, _ := json.Marshal(err.Error())
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, "{\"error\": %s}\n", msg)
}

// errQueryTimeout and errShuttingDown are the causes, besides
// errQueryMemory, for which a supervised query is stopped.
type errQueryTimeout struct{ limit time.Duration }

func (e errQueryTimeout) Error() string {
	return fmt.Sprintf("query stopped: time limit of %s reached (serve --timeout)", e.limit)
}

var errShuttingDown = errors.New("query stopped: the server is shutting down")

// stopCause returns why ctx stopped a query, if newsgraph stopped it.
func stopCause(ctx context.Context) error {
	cause := context.Cause(ctx)
	var mem errQueryMemory
	var tmo errQueryTimeout
	if errors.As(cause, &mem) || errors.As(cause, &tmo) || errors.Is(cause, errShuttingDown) {
		return cause
	}
	return nil
}

// queryRoutes sends the query APIs (v1 to newsgraph's v1Query, v2 to
// Cayley's) through the supervisor, and everything else to Cayley.
type queryRoutes struct {
	cayley  http.Handler
	v1      http.Handler
	timeout time.Duration
	guard   *memoryGuard
}

func (q queryRoutes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, v1QueryPrefix) && !strings.Contains(r.URL.Path[len(v1QueryPrefix):], "/"):
		q.supervise(w, r, q.v1)
	case r.URL.Path == "/api/v2/query":
		q.supervise(w, r, q.cayley)
	default:
		q.cayley.ServeHTTP(w, r)
	}
}

// supervise runs a query handler under the time limit and the memory
// guard, and with the server's shutdown. The answer is held until the
// handler returns: when newsgraph stopped the query, Cayley's error
// ("context canceled") is replaced by one that says why.
func (q queryRoutes) supervise(w http.ResponseWriter, r *http.Request, h http.Handler) {
	ctx, end := q.guard.begin(r.Context())
	defer end()
	if q.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, q.timeout, errQueryTimeout{q.timeout})
		defer cancel()
	}
	rec := &heldResponse{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(rec, r.WithContext(ctx))
	if cause := stopCause(ctx); cause != nil && rec.isError() {
		rec.body.Reset()
		msg, _ := json.Marshal(cause.Error())
		fmt.Fprintf(&rec.body, "{\"error\": %s}\n", msg)
	}
	rec.sendTo(w)
}

// heldResponse keeps a handler's answer to send it later.
type heldResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	once   sync.Once
}

func (h *heldResponse) Header() http.Header         { return h.header }
func (h *heldResponse) Write(b []byte) (int, error) { return h.body.Write(b) }
func (h *heldResponse) WriteHeader(code int)        { h.once.Do(func() { h.status = code }) }

func (h *heldResponse) isError() bool {
	return bytes.HasPrefix(bytes.TrimSpace(h.body.Bytes()), []byte(`{"error"`))
}

func (h *heldResponse) sendTo(w http.ResponseWriter) {
	for k, v := range h.header {
		w.Header()[k] = v
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(h.status)
	w.Write(h.body.Bytes())
}
