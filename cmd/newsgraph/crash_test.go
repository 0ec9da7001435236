package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/pgtest"
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
	bin := binary(t)
	t.Run("bolt", func(t *testing.T) {
		killDuringBuild(t, bin, corpus, filepath.Join(dir, "clean.db"), filepath.Join(dir, "crashed.db"), nil)
	})
	t.Run("postgres", func(t *testing.T) {
		crashed := pgtest.NewDatabase(t)
		deferred := 0
		killDuringBuild(t, bin, corpus, pgtest.NewDatabase(t), crashed, func() {
			if pgtest.HasTable(t, crashed, "newsgraph_deferred_ddl") {
				deferred++
			}
		})
		t.Logf("%d kills left the database with its indexes deferred", deferred)
		// the indexes a bulk load defers are back, as Cayley makes them
		cayley := pgtest.NewDatabase(t)
		st, err := graph.Open(context.Background(), cayley, graph.OpenOptions{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
		if got, want := pgtest.Schema(t, crashed), pgtest.Schema(t, cayley); got != want {
			t.Fatalf("schema after kills and a final build:\n%s\nCayley's:\n%s", got, want)
		}
	})
}

// killDuringBuild builds corpus into clean, then into crashed while
// killing the build at random points, and compares the two graphs.
// afterKill (if not nil) runs after each kill.
func killDuringBuild(t *testing.T, bin, corpus, clean, crashed string, afterKill func()) {
	if out, err := exec.Command(bin, "build", "-q", "--db", clean, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, out)
	}
	want := exportSorted(t, bin, clean)

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
			if afterKill != nil {
				afterKill()
			}
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

// TestConcurrentBuildsPostgreSQL starts two builds of the same articles
// into one PostgreSQL database at once: loads take turns (an advisory
// lock), so one adds every article and the other finds them all stored,
// and the graph equals a single build's.
func TestConcurrentBuildsPostgreSQL(t *testing.T) {
	shared, single := pgtest.NewDatabase(t), pgtest.NewDatabase(t)
	corpus := t.TempDir()
	writeCorpus(t, corpus, 30)
	bin := binary(t)
	if out, err := exec.Command(bin, "build", "--db", single, corpus).CombinedOutput(); err != nil {
		t.Fatalf("single build: %v\n%s", err, out)
	}
	outs := make([]string, 2)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := exec.Command(bin, "build", "--batch-quads", "500", "--db", shared, corpus).CombinedOutput()
			if err != nil {
				t.Errorf("build %d: %v\n%s", i, err, out)
			}
			outs[i] = string(out)
		}()
	}
	wg.Wait()
	added := regexp.MustCompile(`added (\d+), replaced 0, unchanged (\d+)`)
	var counts []string
	for _, o := range outs {
		m := added.FindStringSubmatch(o)
		if m == nil {
			t.Fatalf("no summary in:\n%s", o)
		}
		counts = append(counts, m[1]+"/"+m[2])
	}
	sort.Strings(counts)
	if counts[0] != "0/30" || counts[1] != "30/0" {
		t.Fatalf("added/unchanged per build: %v; want one build to add all 30 and the other none", counts)
	}
	if got, want := exportSorted(t, bin, shared), exportSorted(t, bin, single); got != want {
		t.Fatalf("two concurrent builds differ from one build")
	}
	if got, want := pgtest.Schema(t, shared), pgtest.Schema(t, single); got != want {
		t.Fatalf("schemas differ:\n%s\n%s", got, want)
	}
}
