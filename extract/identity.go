package extract

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// DocID names an article so that two different articles of a build never
// share a name and the same article keeps its name from build to build:
// from its URL when its metadata has one ("independent.co.uk/news/musk-putin"),
// otherwise from its path relative to the folder it was found under
// ("business/001"), or from the file name when it was given by itself.
// URL-based IDs keep the host's dots; path-based ones have none, so the
// two kinds never meet.
func DocID(name, relPath, rawURL string) string {
	if id := DocIDFromURL(rawURL); id != "" {
		return id
	}
	if relPath == "" {
		relPath = filepath.Base(name)
	}
	return DocIDFromPath(relPath)
}

// DocIDFromPath slugs each folder of a relative path and its file name
// without extension: "Business/Foo Bar.txt" → "business/foo-bar".
// Standard input ("-") is "stdin".
func DocIDFromPath(rel string) string {
	rel = filepath.ToSlash(rel)
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	var parts []string
	for _, seg := range strings.Split(rel, "/") {
		if s := Slug(seg); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "stdin"
	}
	return strings.Join(parts, "/")
}

// pageExtensions are dropped from the last segment of a URL's path: they
// name the server's technology, not the article.
var pageExtensions = map[string]bool{".html": true, ".htm": true, ".php": true, ".asp": true, ".aspx": true, ".shtml": true, ".jsp": true}

// DocIDFromURL makes an ID from an article URL: the host without "www."
// and the slugged path segments ("https://www.bbc.co.uk/news/uk-12345.html"
// → "bbc.co.uk/news/uk-12345"); a query string is kept as a last segment
// (some sites name articles only there), a fragment is not. It returns ""
// for text that is not an absolute http(s) URL.
func DocIDFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := u.Path
	if ext := path.Ext(p); pageExtensions[strings.ToLower(ext)] {
		p = strings.TrimSuffix(p, ext)
	}
	parts := []string{host}
	for _, seg := range strings.Split(p, "/") {
		if s := Slug(seg); s != "" {
			parts = append(parts, s)
		}
	}
	if q := Slug(u.RawQuery); q != "" {
		parts = append(parts, q)
	}
	return strings.Join(parts, "/")
}
