package extract

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// carbFloor is the F1 that open IE must keep on the CaRB dev split,
// scored with the benchmark's own metric (0.523 when it was set; OpenIE-4
// scores 0.488).
const carbFloor = 0.52

// TestCaRBDevFloor extracts the tuples of CaRB's dev sentences
// (../shared/carb, never copied here) and scores them with its scorer.
func TestCaRBDevFloor(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "carb")
	sentences, err := os.ReadFile(filepath.Join(dir, "dev.txt"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the CaRB dev split is needed in CI: %v", err)
		}
		t.Skipf("no CaRB dev split: %v", err)
	}
	x := testExtractor(t)
	out := filepath.Join(t.TempDir(), "dev.tabbed")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, line := range strings.Split(strings.TrimSpace(string(sentences)), "\n") {
		line = strings.TrimSpace(line)
		for _, tu := range x.OpenIE(line) {
			fmt.Fprintf(w, "%s\t%.2f\t%s\t%s\n", line, tu.Confidence, tu.Relation, strings.Join(tu.Args, "\t"))
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	report, err := exec.Command("python3", filepath.Join(dir, "score_carb.py"), filepath.Join(dir, "dev.tsv"), out, "tabbed").CombinedOutput()
	if err != nil {
		t.Fatalf("score_carb.py: %v\n%s", err, report)
	}
	m := regexp.MustCompile(`F1=([0-9.]+)`).FindSubmatch(report)
	if m == nil {
		t.Fatalf("no F1 in the scorer's report: %s", report)
	}
	f1, _ := strconv.ParseFloat(string(m[1]), 64)
	t.Logf("CaRB dev: %s", strings.TrimSpace(string(report)))
	if f1 < carbFloor {
		t.Errorf("CaRB dev F1 %.3f, below the floor %.2f", f1, carbFloor)
	}
}
