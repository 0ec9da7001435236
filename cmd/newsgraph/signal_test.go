package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// signalCorpus writes, once per test run, a generated corpus big enough
// that build and extract are mid-run seconds after they start, and a file
// of sentences for openie.
var signalCorpus = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "newsgraph-signal-")
	if err != nil {
		return "", err
	}
	out, err := exec.Command(binaryPath(), "gen", "-n", "10000", "-o", filepath.Join(dir, "articles")).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("gen: %v\n%s", err, out)
	}
	return dir, writeSentences(filepath.Join(dir, "articles", "0000"), filepath.Join(dir, "sentences.txt"), 40)
})

// binaryPath is binary() for callers without a *testing.T; binary must
// have been called first.
func binaryPath() string { return filepath.Join(binDir, "newsgraph") }

// writeSentences writes the sentences of the articles in dir, copies
// times over, one a line, to path.
func writeSentences(dir, path string, copies int) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no articles in %s: %v", dir, err)
	}
	var one bytes.Buffer
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for _, s := range strings.Split(strings.ReplaceAll(string(raw), "\n", " "), ". ") {
			if s = strings.TrimSpace(s); s != "" {
				one.WriteString(s + ".\n")
			}
		}
	}
	return os.WriteFile(path, bytes.Repeat(one.Bytes(), copies), 0o644)
}

// stopResult is what a signalled process did.
type stopResult struct {
	code   int           // exit status
	after  time.Duration // from the signal to the exit
	stderr string
}

// signalWhenBusy starts cmd, lets it work for busy, sends sig and waits
// (at most limit) for it to exit. It fails if the command finished
// before the signal.
func signalWhenBusy(t *testing.T, cmd *exec.Cmd, busy time.Duration, sig syscall.Signal, limit time.Duration) stopResult {
	t.Helper()
	stderr := &outBuf{}
	cmd.Stdout, cmd.Stderr = io.Discard, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		t.Fatalf("%s finished before the signal (make the work bigger): %v\n%s", cmd.Args[1], err, stderr.String())
	case <-time.After(busy):
	}
	return signalAndWait(t, cmd, done, sig, limit, stderr)
}

func signalAndWait(t *testing.T, cmd *exec.Cmd, done chan error, sig syscall.Signal, limit time.Duration, stderr *outBuf) stopResult {
	t.Helper()
	start := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		res := stopResult{after: time.Since(start), stderr: stderr.String()}
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			res.code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return res
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s still running %s after %s:\n%s", cmd.Args[1], limit, sig, stderr.String())
	}
	return stopResult{}
}

// checkStore fails unless stats and export open and read the store.
func checkStore(t *testing.T, bin, db string) {
	t.Helper()
	if out, err := exec.Command(bin, "stats", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("stats after the signal: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "export", "--db", db, "--format", "nquads", "-o", filepath.Join(t.TempDir(), "g.nq")).CombinedOutput(); err != nil {
		t.Fatalf("export after the signal: %v\n%s", err, out)
	}
}

// TestSignalStopsBusyCommands sends SIGTERM and SIGINT to build, extract
// and openie while they work: each stops within a few seconds, says so,
// exits 143 or 130, and build's store opens and exports afterwards.
func TestSignalStopsBusyCommands(t *testing.T) {
	bin := binary(t)
	corpus, err := signalCorpus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(corpus) })
	articles, sentences := filepath.Join(corpus, "articles"), filepath.Join(corpus, "sentences.txt")
	tests := []struct {
		name  string
		args  func(db string) []string
		store bool
	}{
		{"build", func(db string) []string { return []string{"build", "-q", "--db", db, articles} }, true},
		{"extract", func(string) []string { return []string{"extract", articles} }, false},
		{"openie", func(string) []string { return []string{"openie", sentences} }, false},
	}
	for _, tt := range tests {
		for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
			t.Run(tt.name+"/"+signalName(sig), func(t *testing.T) {
				db := filepath.Join(t.TempDir(), "g.db")
				res := signalWhenBusy(t, exec.Command(bin, tt.args(db)...), 1500*time.Millisecond, sig, 5*time.Second)
				t.Logf("exited %d, %s after %s", res.code, res.after.Round(time.Millisecond), signalName(sig))
				if want := 128 + int(sig); res.code != want {
					t.Errorf("exit status %d, want %d\n%s", res.code, want, res.stderr)
				}
				if res.after > 2*time.Second {
					t.Errorf("took %s to stop", res.after)
				}
				if !strings.Contains(res.stderr, stopMessage) || !strings.Contains(res.stderr, "stopped by "+signalName(sig)) {
					t.Errorf("stderr:\n%s", res.stderr)
				}
				if tt.store {
					checkStore(t, bin, db)
				}
			})
		}
	}
}

// startServe runs `newsgraph serve` on a demo store with extra flags and
// waits until it answers.
func startServe(t *testing.T, flags ...string) (cmd *exec.Cmd, base, db string, done chan error, stderr *outBuf) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "ui.db")
	if out, _, code := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	addr := freeAddr(t)
	cmd = exec.Command(binary(t), append([]string{"serve", "--db", db, "--addr", addr}, flags...)...)
	stderr = &outBuf{}
	cmd.Stdout, cmd.Stderr = io.Discard, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done = make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
		}
	})
	base = "http://" + addr
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/ui/query")
		if err == nil {
			resp.Body.Close()
			return cmd, base, db, done, stderr
		}
		if i > 100 {
			t.Fatalf("server did not start: %v\n%s", err, stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// outBuf collects a process's output and can be read while it runs.
type outBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (o *outBuf) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.Write(p)
}

func (o *outBuf) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// busyQuery is Gizmo that keeps the VM busy for ms milliseconds, then
// answers "done".
func busyQuery(ms int) string {
	return fmt.Sprintf(`var t = Date.now(); while (Date.now() - t < %d) {}; g.Emit("done")`, ms)
}

// asyncPost posts a query and sends back the answer (or the error).
func asyncPost(url, body string) chan string {
	c := make(chan string, 1)
	go func() {
		resp, err := http.Post(url, "text/plain", strings.NewReader(body))
		if err != nil {
			c <- "request failed: " + err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		c <- string(b)
	}()
	return c
}

// TestServeStopsGracefully sends SIGTERM and SIGINT to a server with two
// queries in flight: the short one gets its answer, the long one a clear
// error when the grace period ends, the process exits 0 within a few
// seconds, and the store opens and exports afterwards.
func TestServeStopsGracefully(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(signalName(sig), func(t *testing.T) {
			cmd, base, db, done, stderr := startServe(t)
			short := asyncPost(base+"/api/v1/query/gizmo", busyQuery(1000))
			long := asyncPost(base+"/api/v2/query?lang=gizmo", busyQuery(60000))
			time.Sleep(300 * time.Millisecond)
			res := signalAndWait(t, cmd, done, sig, 8*time.Second, stderr)
			t.Logf("exited %d, %s after %s", res.code, res.after.Round(time.Millisecond), signalName(sig))
			if res.code != 0 {
				t.Errorf("exit status %d, want 0 after a graceful shutdown\n%s", res.code, res.stderr)
			}
			if res.after > 5*time.Second {
				t.Errorf("took %s to stop (grace 3s)", res.after)
			}
			if got := <-short; !strings.Contains(got, `"result":["done"]`) {
				t.Errorf("short query in flight: %s", got)
			}
			if got := <-long; !strings.Contains(got, "query stopped: the server is shutting down") {
				t.Errorf("long query in flight: %s", got)
			}
			for _, want := range []string{stopMessage, "shutting down", "stopped; store closed"} {
				if !strings.Contains(res.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
				}
			}
			checkStore(t, binary(t), db)
		})
	}
}

// TestSecondSignalExitsAtOnce: while serve waits for a long query (grace
// 60s), a second signal ends the process at once with 143 or 130.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(signalName(sig), func(t *testing.T) {
			cmd, base, db, done, stderr := startServe(t, "--shutdown-grace", "60s")
			long := asyncPost(base+"/api/v1/query/gizmo", busyQuery(60000))
			time.Sleep(300 * time.Millisecond)
			cmd.Process.Signal(sig)
			waitForOutput(t, stderr, "shutting down")
			select {
			case err := <-done:
				t.Fatalf("exited on the first signal (grace 60s): %v", err)
			case <-time.After(500 * time.Millisecond):
			}
			res := signalAndWait(t, cmd, done, sig, 2*time.Second, stderr)
			t.Logf("second %s: exited %d after %s", signalName(sig), res.code, res.after.Round(time.Millisecond))
			if want := 128 + int(sig); res.code != want {
				t.Errorf("exit status %d, want %d", res.code, want)
			}
			if res.after > time.Second {
				t.Errorf("took %s", res.after)
			}
			if strings.Count(res.stderr, stopMessage) != 1 {
				t.Errorf("stop message not printed once:\n%s", res.stderr)
			}
			<-long
			checkStore(t, binary(t), db)
		})
	}
}

func waitForOutput(t *testing.T, out *outBuf, want string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if strings.Contains(out.String(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in:\n%s", want, out)
}
