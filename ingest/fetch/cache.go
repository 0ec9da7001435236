package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// diskCache keeps fetched pages in a folder: for each URL a body file
// and a small JSON file saying where the body came from. Entries are
// written to temporary files and renamed, so a killed build leaves no
// half page.
type diskCache struct{ dir string }

type cacheEntry struct {
	URL         string `json:"url"`
	FinalURL    string `json:"final_url"`
	ContentType string `json:"content_type"`
}

func (d *diskCache) paths(rawURL string) (meta, body string) {
	sum := sha256.Sum256([]byte(rawURL))
	key := hex.EncodeToString(sum[:16])
	base := filepath.Join(d.dir, key[:2], key)
	return base + ".json", base + ".body"
}

// get returns the cached page of rawURL, if there is one.
func (d *diskCache) get(rawURL string) (*Page, bool) {
	mp, bp := d.paths(rawURL)
	raw, err := os.ReadFile(mp)
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(raw, &e) != nil || e.URL != rawURL {
		return nil, false
	}
	body, err := os.ReadFile(bp)
	if err != nil {
		return nil, false
	}
	return &Page{URL: e.URL, FinalURL: e.FinalURL, ContentType: e.ContentType, Body: body, Cached: true}, true
}

// put stores p: the body first, then the entry that makes it visible.
func (d *diskCache) put(p *Page) error {
	mp, bp := d.paths(p.URL)
	if err := os.MkdirAll(filepath.Dir(mp), 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	meta, err := json.Marshal(cacheEntry{URL: p.URL, FinalURL: p.FinalURL, ContentType: p.ContentType})
	if err != nil {
		return err
	}
	if err := writeAtomic(bp, p.Body); err != nil {
		return err
	}
	return writeAtomic(mp, meta)
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("cache %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
