// Package e2e runs the whole newsgraph program on real text that nobody
// tuned rules on.
package e2e

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// corpusPath is the Reuters-21578 collection in the workplace's shared
// folder (never copied into the repository); NEWSGRAPH_REUTERS overrides.
func corpusPath(t *testing.T) string {
	p := os.Getenv("NEWSGRAPH_REUTERS")
	if p == "" {
		p = filepath.Join("..", "..", "shared", "corpora", "reuters21578.tar.gz")
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the Reuters corpus is needed in CI: %v", err)
		}
		t.Skipf("the Reuters corpus is not here (%v): skipping the real-text build", err)
	}
	return p
}

// unpack extracts a .tar.gz into dir and returns the number of stories
// (.txt files) and their bytes.
func unpack(t *testing.T, archive, dir string) (stories int, size int64) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", archive, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return stories, size
		}
		if err != nil {
			t.Fatalf("%s: %v", archive, err)
		}
		name := filepath.Join(dir, filepath.Clean("/"+h.Name)) // no path escapes dir
		switch h.Typeflag {
		case tar.TypeDir:
			os.MkdirAll(name, 0o755)
		case tar.TypeReg:
			os.MkdirAll(filepath.Dir(name), 0o755)
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(name, ".txt") {
				stories++
				size += int64(len(data))
			}
		}
	}
}

// run is one finished command: its output, time and peak memory.
type run struct {
	stdout, stderr string
	took           time.Duration
	maxRSS         int64 // KB
	err            error
}

func runTool(bin string, args ...string) run {
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := run{stdout: out.String(), stderr: errb.String(), took: time.Since(start), err: err}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.maxRSS = ru.Maxrss
		}
	}
	return r
}

func (r run) must(t *testing.T, what string) run {
	t.Helper()
	if r.err != nil {
		t.Fatalf("%s: %v\n%s", what, r.err, r.stderr)
	}
	return r
}

var articlesLine = regexp.MustCompile(`(?m)^articles\s+(\d+)`)

// storedArticles reads the article count from `newsgraph stats`.
func storedArticles(t *testing.T, bin, db string) int {
	t.Helper()
	out := runTool(bin, "stats", "--db", db).must(t, "stats "+db).stdout
	m := articlesLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no article count in stats:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// sortedLines returns a file's lines, sorted.
func sortedLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return lines
}

// The whole of Reuters-21578 (19,043 stories) builds with the default
// time budget: no story is skipped, as too slow or as not English or for
// any other reason; every story is an article of the graph; the graph
// exports in every format, the RDF ones parse, and the N-Quads and
// JSON-LD exports import into a fresh store that exports the same quads.
func TestReutersCorpusBuildsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 19,043 real stories")
	}
	archive := corpusPath(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "newsgraph")
	statSources(t)
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/newsgraph").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	corpus := filepath.Join(tmp, "reuters")
	stories, size := unpack(t, archive, corpus)
	if stories < 19000 {
		t.Fatalf("only %d stories in %s", stories, archive)
	}

	db := filepath.Join(tmp, "graph.db")
	b := runTool(bin, "build", "--db", db, "--quiet", corpus)
	if b.err != nil {
		t.Errorf("build: %v", b.err)
	}
	repairs := 0
	for _, line := range strings.Split(strings.TrimSpace(b.stderr), "\n") {
		switch {
		case strings.HasPrefix(line, "skipped:"):
			t.Errorf("build: %s", line)
		case strings.Contains(line, "repaired input"):
			repairs++
		case line != "":
			t.Errorf("build said: %s", line)
		}
	}
	t.Logf("build: %d inputs repaired (e.g. invalid UTF-8)", repairs)
	mb := float64(size) / 1e6
	t.Logf("build: %d stories, %.1f MB in %.1fs = %.2f MB/s; peak RSS %d MB", stories, mb, b.took.Seconds(), mb/b.took.Seconds(), b.maxRSS>>10)
	if n := storedArticles(t, bin, db); n != stories {
		t.Fatalf("the graph holds %d articles for %d stories", n, stories)
	}

	exports := map[string]string{}
	for _, format := range []string{"nquads", "ntriples", "turtle", "jsonld", "graphml", "dot"} {
		out := filepath.Join(tmp, "graph."+format)
		r := runTool(bin, "export", "--db", db, "--format", format, "-o", out).must(t, "export "+format)
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Fatalf("export %s wrote nothing (%v)", format, err)
		}
		t.Logf("export %s: %.1fs, peak RSS %d MB", format, r.took.Seconds(), r.maxRSS>>10)
		exports[format] = out
	}
	checkWithRapper(t, exports)

	want := sortedLines(t, exports["nquads"])
	for _, format := range []string{"nquads", "jsonld"} {
		redb := filepath.Join(tmp, "re-"+format+".db")
		r := runTool(bin, "import", "--db", redb, exports[format]).must(t, "import "+format)
		t.Logf("import %s: %.1fs, peak RSS %d MB", format, r.took.Seconds(), r.maxRSS>>10)
		again := filepath.Join(tmp, "again-"+format+".nq")
		runTool(bin, "export", "--db", redb, "--format", "nquads", "-o", again).must(t, "export the re-imported "+format)
		if got := sortedLines(t, again); !equalLines(got, want) {
			t.Errorf("%s round trip: %d quads back for %d out; first difference: %s", format, len(got), len(want), firstDifference(got, want))
		}
	}
}

// checkWithRapper parses the RDF exports with Raptor's rapper (Debian's
// raptor2-utils), which CI installs.
func checkWithRapper(t *testing.T, exports map[string]string) {
	t.Helper()
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper is needed in CI (raptor2-utils)")
		}
		t.Log("rapper not installed: RDF exports not parsed")
		return
	}
	for format, syntax := range map[string]string{"nquads": "nquads", "ntriples": "ntriples", "turtle": "turtle"} {
		out, err := exec.Command(rapper, "-i", syntax, "-c", exports[format]).CombinedOutput()
		if err != nil {
			t.Errorf("rapper -i %s: %v\n%s", syntax, err, out)
		}
	}
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func firstDifference(got, want []string) string {
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			return fmt.Sprintf("got %q, want %q", got[i], want[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(got), len(want))
}

// statSources looks at every file the binary is built from, so that go
// test's cache knows this test depends on them: the test builds the
// command itself, which the cache would not see, and would otherwise
// report a stale pass after the extractor changed.
func statSources(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		_, err = os.Stat(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
