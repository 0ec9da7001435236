package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDebugClean(t *testing.T) {
	if os.Getenv("NG_DEBUG") == "" {
		t.Skip()
	}
	tg, _ := DefaultTagger()
	files, _ := filepath.Glob("../data/*.txt")
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		d, err := NewDocument(f, raw, nil, DocOptions{})
		if err != nil {
			t.Fatal(err)
		}
		sents, dropped := clean(d, tg)
		fmt.Println("=====", f, d.Meta.Title, d.Meta.Published, d.Meta.Authors)
		for _, dl := range dropped {
			fmt.Printf("  DROP %-40s | %.80s\n", dl.Reason, dl.Text)
		}
		for _, s := range sents {
			fmt.Printf("  S%d h=%v p=%d | %s\n", s.Index, s.Headline, s.Para, s.Text)
		}
	}
}
