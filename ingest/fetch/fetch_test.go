package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestPoliteness(t *testing.T) {
	var open, maxOpen atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: newsgraph\nCrawl-delay: 0.2\nDisallow: /nope\n")
			return
		}
		n := open.Add(1)
		defer open.Add(-1)
		if n > maxOpen.Load() {
			maxOpen.Store(n)
		}
		mu.Lock()
		starts = append(starts, time.Now())
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>hello</p></body></html>")
	}))
	defer srv.Close()
	c := New(Options{Delay: 50 * time.Millisecond})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := c.Get(context.Background(), fmt.Sprintf("%s/page%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if maxOpen.Load() != 1 {
		t.Errorf("%d requests open at once to one host, want 1", maxOpen.Load())
	}
	for i := 1; i < len(starts); i++ {
		// robots.txt asks for 0.2 s, more than the 50 ms of Options
		if gap := starts[i].Sub(starts[i-1]); gap < 190*time.Millisecond {
			t.Errorf("requests %d and %d only %s apart", i-1, i, gap)
		}
	}
	for _, ua := range agents {
		if !strings.HasPrefix(ua, "newsgraph/") {
			t.Errorf("User-Agent %q does not name newsgraph", ua)
		}
	}
	if _, err := c.Get(context.Background(), srv.URL+"/nope"); !errors.Is(err, ErrRobots) {
		t.Errorf("robots.txt Disallow for newsgraph: got %v", err)
	}
}

// failingTransport answers every request with err.
type failingTransport struct{ err error }

func (f failingTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, f.err }

func TestFailuresAreOneLine(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	tests := []struct {
		name string
		opt  Options
		url  string
		want string
		is   error
	}{
		{"dns", Options{Transport: failingTransport{&net.DNSError{Err: "no such host", Name: "news.invalid", IsNotFound: true}}}, "https://news.invalid/a", "https://news.invalid/a: host not found: news.invalid", ErrDNS},
		{"refused", Options{Transport: failingTransport{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}}, "http://127.0.0.1:9/a", "http://127.0.0.1:9/a: cannot connect: connection refused", ErrConnection},
		{"timeout", Options{Timeout: 100 * time.Millisecond, IgnoreRobots: true}, slow.URL + "/a", slow.URL + "/a: timed out after 100ms", ErrTimeout},
		{"not http", Options{}, "ftp://example.org/a", "ftp://example.org/a: not an http(s) URL", ErrBadURL},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.opt).Get(context.Background(), tc.url)
			if err == nil || err.Error() != tc.want || !errors.Is(err, tc.is) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCacheMakesNoRequest(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		fmt.Fprint(w, "<html><body><p>caf\xe9</p></body></html>")
	}))
	defer srv.Close()
	dir := t.TempDir()
	first, err := New(Options{CacheDir: dir, IgnoreRobots: true}).Get(context.Background(), srv.URL+"/story")
	if err != nil || first.Cached {
		t.Fatalf("first fetch: %v (cached %v)", err, first != nil && first.Cached)
	}
	again, err := New(Options{CacheDir: dir, IgnoreRobots: true}).Get(context.Background(), srv.URL+"/story")
	if err != nil || !again.Cached || string(again.Body) != string(first.Body) || again.ContentType != first.ContentType {
		t.Fatalf("from the cache: %+v, %v", again, err)
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests, want 1", hits.Load())
	}
}

func TestCancelStopsTheWait(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>x</p>")
	}))
	defer srv.Close()
	c := New(Options{Delay: time.Hour, IgnoreRobots: true})
	if _, err := c.Get(context.Background(), srv.URL+"/1"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := c.Get(ctx, srv.URL+"/2"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want the context's error", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("waited %s for the host's turn after the context ended", d)
	}
}
