package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// runawayQuery grows a JavaScript array until something stops it.
const runawayQuery = `var a = []; while (true) { a.push("xxxxxxxxxxxxxxxx") }`

// peakRSS is the process's peak resident memory (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmHWM %q: %v", rest, err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no VmHWM in /proc/%d/status", pid)
	return 0
}

// TestServeQueryMemoryCeiling runs a query that grows an array without
// end, through the v1 (UI) and v2 APIs, against a server with a 128 MB
// ceiling and a time limit far away: the guard stops each one with a clear
// error long before the time limit, the process's peak memory stays near
// the ceiling, and the server goes on answering.
func TestServeQueryMemoryCeiling(t *testing.T) {
	const ceiling = 128 << 20
	const margin = 96 << 20 // the binary, bolt's map, and the last samples' growth
	cmd, base, _, _, stderr := startServe(t, "--query-memory", "128MB", "--timeout", "120s")
	for _, url := range []string{base + "/api/v1/query/gizmo", base + "/api/v2/query?lang=gizmo"} {
		start := time.Now()
		got := <-asyncPost(url, runawayQuery)
		took := time.Since(start)
		peak := peakRSS(t, cmd.Process.Pid)
		t.Logf("%s: stopped after %s, peak RSS %d MB: %s", url[len(base):], took.Round(time.Millisecond), peak>>20, strings.TrimSpace(got))
		if !strings.Contains(got, `"error"`) || !strings.Contains(got, "memory passed its 128MB ceiling (serve --query-memory)") {
			t.Errorf("runaway query answered: %.300s", got)
		}
		if took > 60*time.Second {
			t.Errorf("runaway query ran %s", took)
		}
		if peak > ceiling+margin {
			t.Errorf("peak RSS %d MB, ceiling %d MB + %d MB", peak>>20, ceiling>>20, margin>>20)
		}
	}
	if body, _ := post(t, base+"/api/v1/query/gizmo", "", `g.V("<ent:elon-musk>").Out("<rdfs:label>").All()`); !strings.Contains(body, "Elon Musk") {
		t.Errorf("server not answering after the runaway queries: %s\n%s", body, stderr)
	}
	if !strings.Contains(stderr.String(), "stopping a query: memory ceiling passed") {
		t.Errorf("no log line for the stop:\n%s", stderr)
	}
}

// TestServeRequestLimits: a body over --max-body gets 413 with a message,
// one under it is served; v1's ?limit=-1 is capped by --max-results.
func TestServeRequestLimits(t *testing.T) {
	_, base, _, _, _ := startServe(t, "--max-body", "64KB", "--max-results", "3")
	query := `g.V("<ent:elon-musk>").Out("<rdfs:label>").All()`
	padded := func(n int) string { return query + "\n//" + strings.Repeat("x", n-len(query)-3) }
	tests := []struct {
		name, url, body string
		code            int
		want            string
	}{
		{"v1 under the limit", "/api/v1/query/gizmo", padded(60 << 10), 200, "Elon Musk"},
		{"v1 over the limit", "/api/v1/query/gizmo", padded(65<<10 + 1), 413, "request body too large: /api/v1/query/gizmo accepts at most 64KB (serve --max-body)"},
		{"v2 over the limit", "/api/v2/query?lang=gizmo", padded(1 << 20), 413, "accepts at most 64KB"},
		{"write over the limit", "/api/v1/write", padded(200 << 10), 413, "accepts at most 64KB"},
	}
	for _, tt := range tests {
		body, code := post(t, base+tt.url, "", tt.body)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %.200s", tt.name, code, body)
		}
	}
	resp, err := http.Post(base+"/api/v1/query/gizmo?limit=-1", "text/plain", strings.NewReader(`g.V().All()`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var res struct{ Result []any }
	if err := json.Unmarshal(raw, &res); err != nil || len(res.Result) != 3 {
		t.Errorf("?limit=-1 with --max-results 3: %d results, %v: %.200s", len(res.Result), err, raw)
	}
}
