package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeCorpus writes n distinct articles made from the samples, with other
// names and numbers, into dir.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	files, _ := filepath.Glob("../../data/*.txt")
	names := []string{"Ana Lopez", "Kenji Sato", "Ruth Okoye", "Pavel Novak", "Lena Berg", "Omar Haddad", "Ines Duarte"}
	for i := 0; i < n; i++ {
		raw, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(raw), "Elon Musk", names[i%len(names)])
		text += fmt.Sprintf("\nThe story was updated by correspondent %s on March %d.\n", names[(i+3)%len(names)], i%28+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// exportSorted exports a store as N-Quads, drops the build times, and sorts.
func exportSorted(t *testing.T, bin, db string) string {
	t.Helper()
	out, err := exec.Command(bin, "export", "--db", db, "--format", "nquads").Output()
	if err != nil {
		t.Fatalf("export %s: %v", db, err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if !strings.Contains(sc.Text(), "prov#generatedAtTime") {
			lines = append(lines, sc.Text())
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestKillDuringBuild kills `newsgraph build` with SIGKILL at random points,
// several times, then lets a build finish: the store must open every time,
// and the final graph must equal a clean build's (nothing duplicated, no
// half-written article).
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds repeatedly")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	writeCorpus(t, corpus, 40)
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	clean := filepath.Join(dir, "clean.db")
	if out, err := exec.Command(bin, "build", "-q", "--db", clean, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, out)
	}
	want := exportSorted(t, bin, clean)

	crashed := filepath.Join(dir, "crashed.db")
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	kills := 0
	for i := 0; i < 6; i++ {
		cmd := exec.Command(bin, "build", "-q", "--batch-quads", "300", "--db", crashed, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done: // finished before the kill
		case <-time.After(time.Duration(100+rng.Intn(900)) * time.Millisecond):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			kills++
		}
		// the store opens after every kill (unless the kill came before
		// the build created it)
		if out, err := exec.Command(bin, "stats", "--db", crashed).CombinedOutput(); err != nil && !strings.Contains(string(out), "no store here") {
			t.Fatalf("store does not open after kill %d: %v\n%s", i, err, out)
		}
	}
	if out, err := exec.Command(bin, "build", "-q", "--db", crashed, corpus).CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, out)
	}
	if got := exportSorted(t, bin, crashed); got != want {
		gl, wl := strings.Count(got, "\n"), strings.Count(want, "\n")
		t.Fatalf("after %d kills the graph differs from a clean build: %d vs %d quads", kills, gl+1, wl+1)
	}
	t.Logf("%d builds killed with SIGKILL; final graph equals a clean build", kills)
}
