package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// IsURL reports whether a path given to [WalkWeb] is a web address.
func IsURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// ReadURLList reads a file of URLs, one a line; blank lines and lines
// starting with "#" are skipped.
func ReadURLList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("URL list: %w", describe(err))
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !IsURL(line) {
			return nil, fmt.Errorf("URL list %s: line %d: %q is not an http(s) URL", path, n, line)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("URL list %s: %w", path, err)
	}
	return out, nil
}

// fetch gets a web source. A page's address for its identity is where it
// ended up after redirects (its canonical URL, read later, comes first);
// a plain-text article is named by that address.
func (s Source) fetch(ctx context.Context) (input, error) {
	p, err := s.web.Get(ctx, s.url)
	if err != nil {
		return input{}, err
	}
	in := input{raw: p.Body, url: p.FinalURL, contentType: p.ContentType, meta: s.Meta}
	if !extract.LooksLikeHTML(p.Body) {
		m := extract.Metadata{URL: p.FinalURL}
		in.meta = &m
		if s.Meta != nil {
			m = overlay(m, s.Meta)
		}
	}
	return in, nil
}

// overlay returns base with the fields that given sets put over it:
// metadata from a manifest or sidecar wins over what a page says.
func overlay(base extract.Metadata, given *extract.Metadata) extract.Metadata {
	if given == nil {
		return base
	}
	out := base
	if given.Title != "" {
		out.Title = given.Title
	}
	if given.Outlet != "" {
		out.Outlet = given.Outlet
	}
	if given.URL != "" {
		out.URL = given.URL
	}
	if len(given.Authors) > 0 {
		out.Authors = given.Authors
	}
	if !given.Published.IsZero() {
		out.Published, out.DateSource = given.Published, given.DateSource
	}
	return out
}
