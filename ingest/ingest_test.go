package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCollectAppliesManifestWhateverThePathSpelling(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(`{"a.txt": {"outlet": "Daily Planet", "published": "2024-05-06"}}`), 0o644)
	os.Mkdir(filepath.Join(dir, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(dir, ".hidden", "b.txt"), []byte("x"), 0o644)
	for _, p := range []string{dir, dir + "/", dir + "/.", filepath.Join(dir, "a.txt")} {
		srcs, probs := Collect([]string{p}, nil)
		if len(probs) != 0 || len(srcs) != 1 {
			t.Fatalf("%s: %d sources, problems %v", p, len(srcs), probs)
		}
		if srcs[0].Meta == nil || srcs[0].Meta.Outlet != "Daily Planet" {
			t.Errorf("%s: manifest not applied: %+v", p, srcs[0].Meta)
		}
	}
}
