package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds the newsgraph command once per test run, for tests that
// need a separate process (kills, servers, concurrent builds).
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "newsgraph-bin-"); binErr != nil {
			return
		}
		if out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "newsgraph"), ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "newsgraph")
}

// run executes the newsgraph command in-process and returns its output
// and exit code.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetOutput(&errOut)
	root.SetArgs(args)
	// cobra v0.0.5 sends both streams to SetOutput; commands write results
	// to OutOrStdout, so capture stdout separately
	r, w, _ := os.Pipe()
	stdout := os.Stdout
	os.Stdout = w
	err := root.Execute()
	w.Close()
	os.Stdout = stdout
	out.ReadFrom(r)
	code := 0
	var ee exitError
	switch {
	case errors.As(err, &ee):
		code = ee.code
	case err != nil:
		errOut.WriteString(err.Error())
		code = 1
	}
	return out.String() + errOut.String(), errOut.String(), code
}

func quadsAdded(t *testing.T, out string) int {
	t.Helper()
	m := regexp.MustCompile(`quads\s+(\d+) added`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no quad count in build output:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestBuildTwiceAddsNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	out, _, code := run(t, "build", "--db", db, "../../data")
	if code != 0 {
		t.Fatalf("build failed (%d):\n%s", code, out)
	}
	if n := quadsAdded(t, out); n < 500 {
		t.Fatalf("first build added only %d quads:\n%s", n, out)
	}
	if !strings.Contains(out, "articles   5 (added 5") {
		t.Errorf("summary:\n%s", out)
	}
	out, _, code = run(t, "build", "--db", db, "../../data")
	if code != 0 || quadsAdded(t, out) != 0 || !strings.Contains(out, "unchanged 5") {
		t.Fatalf("second build added quads (%d):\n%s", code, out)
	}
	// queries against the built store, from the command line
	out, _, code = run(t, "query", "--db", db, `g.V().Has("<rdfs:label>", "Elon Musk").Out("<schema:jobTitle>").All()`)
	if code != 0 || !strings.Contains(out, "CEO") {
		t.Errorf("query (%d):\n%s", code, out)
	}
	out, _, code = run(t, "query", "--db", db, "--format", "json", "@who-did", "invite")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != 0 {
		t.Fatalf("json output (%d): %v\n%s", code, err, out)
	}
	sources := map[any]bool{}
	for _, r := range rows {
		if r["subject"] == "<ent:elon-musk>" && r["object"] == "<ent:vladimir-putin>" {
			sources[r["source"]] = true
		}
	}
	if len(sources) < 4 {
		t.Errorf("@who-did invite: Musk→Putin from %d sources: %v", len(sources), rows)
	}
	// export
	nq := filepath.Join(t.TempDir(), "g.nq")
	if out, _, code = run(t, "export", "--db", db, "--format", "nquads", "-o", nq); code != 0 {
		t.Fatalf("export (%d): %s", code, out)
	}
	raw, _ := os.ReadFile(nq)
	if lines := bytes.Count(raw, []byte("\n")); lines < 500 {
		t.Errorf("export has %d lines", lines)
	}
	out, _, _ = run(t, "stats", "--db", db)
	if !strings.Contains(out, "articles   5") {
		t.Errorf("stats:\n%s", out)
	}
}

func TestBuildReportsBadInputAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	good := "Rail strike ends\nThe rail union accepted a new pay offer on Friday, ending a two-week strike that halted trains across the north."
	os.WriteFile(filepath.Join(in, "good.txt"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "image.png"), append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...), 0o644)
	os.WriteFile(filepath.Join(in, "page.html"), []byte("<html><body><p>x</p><p>y</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(in, "spanish.txt"), []byte("El sindicato ferroviario aceptó el viernes una nueva oferta salarial, poniendo fin a una huelga de dos semanas que paralizó los trenes en todo el norte del país y afectó a miles de viajeros."), 0o644)
	os.Symlink(in, filepath.Join(in, "sub", "loop"))
	os.WriteFile(filepath.Join(in, "blank.txt"), []byte("  \n\t\n   \n"), 0o644)
	os.WriteFile(filepath.Join(in, "latin1.txt"), []byte(strings.Repeat("caf\xe9 na\xefve \xe0 la carte ", 40)), 0o644)
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Ferry strike ends\nThe ferry workers' union accepted a new pay offer on Monday, ending a strike that stopped crossings for a week." {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	os.WriteFile(filepath.Join(in, "utf16.txt"), utf16, 0o644)
	os.WriteFile(filepath.Join(in, "huge.txt"), bytes.Repeat([]byte("word "), 10<<20), 0o644) // 50 MB, one line
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(in, "dangling.txt"))
	locked := filepath.Join(in, "locked.txt")
	os.WriteFile(locked, []byte(good), 0o000)
	db := filepath.Join(dir, "g.db")
	out, _, code := run(t, "build", "--db", db, in, filepath.Join(dir, "missing.txt"))
	if code != 2 {
		t.Errorf("exit code %d, want 2 (files skipped)", code)
	}
	wants := []string{
		"empty.txt: empty", "blank.txt: empty", "image.png: binary data", "page.html: HTML markup",
		"spanish.txt: not English (detected Spanish)", "missing.txt: no such file", "latin1.txt: too many invalid UTF-8 bytes",
		"huge.txt: too large", "dangling.txt: no such file",
		"articles   3 (added 3", "skipped files 9",
	}
	if os.Geteuid() != 0 { // root reads files whatever their mode
		wants = append(wants, "locked.txt: permission denied")
		wants[len(wants)-3], wants[len(wants)-2] = "articles   2 (added 2", "skipped files 10"
	}
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "skipped:") && !strings.Contains(sc.Text(), dir) {
			t.Errorf("message does not name the file: %s", sc.Text())
		}
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out, _, code := run(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo (%d):\n%s", code, out)
	}
	for _, want := range []string{
		"Elon Musk invited Vladimir Putin",
		"Dmitry Peskov: Apparently there was some kind of misunderstanding",
		"Clubhouse —roomCapacity→ 5000 people",
		"Clubhouse —raise→ 110000000 USD",
		"Vladimir Putin: president",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if !regexp.MustCompile(`Elon Musk invited Vladimir Putin\s+sources \((4|5)\)`).MatchString(out) {
		t.Errorf("demo does not show 4-5 sources for the invitation:\n%s", out)
	}
}

func TestExtractJSONL(t *testing.T) {
	out, _, code := run(t, "extract", "../../data/tesmanian-kremlin-no-details-musk-putin-chat.txt")
	if code != 0 {
		t.Fatalf("extract (%d): %s", code, out)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f struct {
			Subject  string `json:"subject"`
			Evidence struct {
				Doc      string  `json:"doc"`
				Sentence string  `json:"sentence"`
				Rule     string  `json:"rule"`
				Conf     float64 `json:"confidence"`
			} `json:"evidence"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		if f.Subject == "" || f.Evidence.Sentence == "" || f.Evidence.Rule == "" || f.Evidence.Doc != "tesmanian-kremlin-no-details-musk-putin-chat" {
			t.Errorf("incomplete fact: %s", line)
		}
		n++
	}
	if n < 10 {
		t.Errorf("only %d facts", n)
	}
}

func TestQueryErrors(t *testing.T) {
	out, _, code := run(t, "query", "--db", filepath.Join(t.TempDir(), "none.db"), "g.V().All()")
	if code == 0 || !strings.Contains(out, "no store here") {
		t.Errorf("query on a missing store (%d): %s", code, out)
	}
	out, _, code = run(t, "query", "--db", "mem", "@nonesuch")
	if code == 0 || !strings.Contains(out, "no shipped query @nonesuch") {
		t.Errorf("unknown query (%d): %s", code, out)
	}
}
