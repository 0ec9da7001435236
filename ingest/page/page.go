// Package page reads a news article out of a web page with
// go-trafilatura: the main text, with headings and paragraphs on lines of
// their own, and the page's metadata (title, authors, date, site name,
// canonical URL) from its <meta> tags, JSON-LD and markup.
package page

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/extract"
)

// ErrNoArticle marks a page in which no article text was found. Its text
// starts with "HTML markup", as the reason for skipping HTML always did.
var ErrNoArticle = errors.New("HTML markup with no article text in it")

// minWords is the fewest words a page's main text must have to be an
// article: a page reduced to a few words is a menu, an index or an error
// page.
const minWords = 8

// Options say what is known about a page besides its bytes.
type Options struct {
	// URL is where the page came from; the page's own canonical URL, when
	// it gives one, takes its place as the article's address.
	URL string
	// ContentType is the HTTP Content-Type header, whose charset is the
	// first clue to the page's encoding.
	ContentType string
}

// Article is the text and metadata read from one page.
type Article struct {
	// Text is the main text: headings and paragraphs each on a line,
	// with a blank line between them.
	Text string
	// Meta holds what the page says about itself. URL is the canonical
	// URL if the page gives an absolute one, else Options.URL.
	Meta extract.Metadata
	// Charset is the encoding the page was decoded from ("utf-8",
	// "windows-1252", …).
	Charset string

	doc *html.Node // the whole page, for Dropped
}

// Read decodes raw (detecting its charset) and reads the article in it.
func Read(raw []byte, opt Options) (*Article, error) {
	text, enc := decode(raw, opt.ContentType)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	topt := trafilatura.Options{ExcludeComments: true, EnableFallback: true}
	if u, err := url.Parse(opt.URL); err == nil && u.IsAbs() {
		topt.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, topt)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoArticle, err)
	}
	a := &Article{Text: Render(res.ContentNode), Charset: enc, doc: doc}
	if n := len(strings.Fields(a.Text)); n < minWords {
		return nil, fmt.Errorf("%w (%d words)", ErrNoArticle, n)
	}
	a.Meta = metadata(res.Metadata, opt.URL)
	return a, nil
}

// decode turns raw into UTF-8 text (NFC), using, in order, a byte-order
// mark, the Content-Type header, the page's <meta charset> (anywhere in
// its first 64 KiB, where the HTML standard looks only at the first
// 1,024 bytes), and otherwise UTF-8 if the bytes are valid UTF-8 and
// Windows-1252 (which covers ISO-8859-1) if not.
func decode(raw []byte, contentType string) (string, string) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain {
		if e, n := metaCharset(raw); e != nil {
			enc, name = e, n
		} else if utf8.Valid(raw) {
			enc, name = encoding.Nop, "utf-8"
		}
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		out = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		name = "utf-8"
	}
	return norm.NFC.String(string(out)), name
}

var reMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// metaCharset finds the encoding a <meta> tag declares.
func metaCharset(raw []byte) (encoding.Encoding, string) {
	m := reMetaCharset.FindSubmatch(raw[:min(len(raw), 64<<10)])
	if m == nil {
		return nil, ""
	}
	return charset.Lookup(string(m[1]))
}

// metadata maps go-trafilatura's metadata to an article's.
func metadata(md trafilatura.Metadata, fetched string) extract.Metadata {
	m := extract.Metadata{Title: strings.TrimSpace(md.Title), Outlet: strings.TrimSpace(md.Sitename), URL: fetched}
	if extract.DocIDFromURL(md.URL) != "" {
		m.URL = md.URL
	}
	if m.Outlet == "" {
		m.Outlet = strings.TrimPrefix(md.Hostname, "www.")
	}
	for _, a := range strings.Split(md.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			m.Authors = append(m.Authors, a)
		}
	}
	if !md.Date.IsZero() {
		m.Published = time.Date(md.Date.Year(), md.Date.Month(), md.Date.Day(), 0, 0, 0, 0, time.UTC)
		m.DateSource = "page"
	}
	return m
}
