package extract

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// Reasons a file is not accepted as an article. Errors returned by
// [NewDocument] wrap one of these, so callers can count them with errors.Is.
var (
	ErrEmpty      = errors.New("empty: no text")
	ErrBinary     = errors.New("binary data, not text")
	ErrHTML       = errors.New("HTML markup: save the article as plain text first")
	ErrNotEnglish = errors.New("not English")
	ErrTooLarge   = errors.New("too large")
	ErrBadUTF8    = errors.New("too many invalid UTF-8 bytes")
)

// Document is one article's text and what is known about it.
type Document struct {
	// ID is a stable, readable identifier derived from the file name.
	ID   string
	Name string // file name or "-" for standard input
	// Text is the article as UTF-8 (BOM removed, UTF-16 decoded, invalid
	// bytes replaced by U+FFFD).
	Text string
	// Hash is the SHA-256 of the raw bytes: the same bytes give the same
	// hash, which makes re-ingestion idempotent.
	Hash     string
	Meta     Metadata
	Language string
	// Warnings are problems that were repaired rather than rejected.
	Warnings []string
	// FromPage is set when Text was read out of a web page by a page
	// extractor, which has already removed the page's furniture: the
	// cleaning stage then keeps what a reader of the article would (a
	// columnist's "you", the text after an in-body "Related" heading).
	FromPage bool

	runes runeIndex
}

// DocOptions bounds what [NewDocument] accepts.
type DocOptions struct {
	MaxBytes int // 0 means DefaultMaxBytes
	// RelPath is the article's path relative to the folder it was found
	// under ("business/001.txt"); it names the article when its metadata
	// has no URL. Empty: the file's base name.
	RelPath string
	// FromPage marks text already read out of a web page (by
	// ingest/page): it is not refused for looking like markup, since an
	// article about the web may quote tags.
	FromPage bool
}

// DefaultMaxBytes is the largest article accepted by default. News articles
// are a few kilobytes; a file this size is a dump, not an article.
const DefaultMaxBytes = 8 << 20

// NewDocument checks and decodes raw as an article named name. meta, if not
// nil, supplies known metadata; what it leaves empty may be filled from the
// text itself later (see [Clean]).
func NewDocument(name string, raw []byte, meta *Metadata, opt DocOptions) (*Document, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if len(raw) > max {
		return nil, fmt.Errorf("%s: %w (%d bytes; the limit is %d)", name, ErrTooLarge, len(raw), max)
	}
	sum := sha256.Sum256(raw)
	d := &Document{Name: name, Hash: hex.EncodeToString(sum[:]), FromPage: opt.FromPage}
	if meta != nil {
		d.Meta = *meta
	}
	d.ID = DocID(name, opt.RelPath, d.Meta.URL)
	text, warn, err := decodeText(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if warn != "" {
		d.Warnings = append(d.Warnings, warn)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if !opt.FromPage && looksLikeHTML(text) {
		return nil, fmt.Errorf("%s: %w", name, ErrHTML)
	}
	lang, ok := detectLanguage(text)
	d.Language = lang
	if !ok {
		return nil, fmt.Errorf("%s: %w (detected %s)", name, ErrNotEnglish, lang)
	}
	d.Text = text
	d.runes = newRuneIndex(text)
	return d, nil
}

// ReadFile reads and checks one article file, with metadata from meta if
// given, else from a sidecar "<name>.json". A file over the size limit is
// rejected before it is read.
func ReadFile(path string, meta *Metadata, opt DocOptions) (*Document, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if st.Size() > int64(max) {
		return nil, fmt.Errorf("%s: %w (%d bytes; the limit is %d)", path, ErrTooLarge, st.Size(), max)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if meta == nil {
		if meta, err = LoadSidecar(path); err != nil {
			return nil, err
		}
	}
	return NewDocument(path, raw, meta, opt)
}

// decodeText turns raw bytes into UTF-8 text, repairing what can be
// repaired and rejecting binary data.
func decodeText(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw), "decoded from UTF-16", nil
	}
	if len(raw) == 0 {
		return "", "", nil
	}
	sample := raw
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	control := 0
	for _, b := range sample {
		if b == 0 {
			return "", "", ErrBinary
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	if control*20 > len(sample) {
		return "", "", ErrBinary
	}
	if utf8.Valid(raw) {
		return string(raw), "", nil
	}
	bad := 0
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
			b.WriteRune(unicode.ReplacementChar)
		} else {
			b.Write(raw[i : i+n])
		}
		i += n
	}
	if bad*50 > len(raw) {
		return "", "", fmt.Errorf("%w (%d of %d bytes); is it in another encoding?", ErrBadUTF8, bad, len(raw))
	}
	return b.String(), fmt.Sprintf("replaced %d invalid UTF-8 bytes with U+FFFD", bad), nil
}

func decodeUTF16(raw []byte) string {
	big := raw[0] == 0xFE
	raw = raw[2:]
	u := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		if big {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		} else {
			u = append(u, uint16(raw[i+1])<<8|uint16(raw[i]))
		}
	}
	return string(utf16.Decode(u))
}

// LooksLikeHTML reports whether raw bytes are a web page rather than
// article text, judged by content alone (never by the file's name): a
// doctype, <html>, <head>, <body>, <meta>, <title>, <style>, <script> or
// <link> at the start (after a byte-order mark, an XML declaration and
// comments such as a browser's "saved from url"), or many tags. Pages in any ASCII-compatible encoding are recognised.
func LooksLikeHTML(raw []byte) bool {
	raw = bytes.TrimPrefix(raw, []byte{0xEF, 0xBB, 0xBF})
	return looksLikeHTML(string(raw[:min(len(raw), 16384)]))
}

// looksLikeHTML reports whether text is markup rather than article text:
// a doctype or <html> at the start, or many tags.
func looksLikeHTML(text string) bool {
	head := skipPrologue(strings.ToLower(strings.TrimSpace(text[:min(len(text), 4096)])))
	for _, start := range pageStarts {
		if strings.HasPrefix(head, start) {
			return true
		}
	}
	sample := strings.ToLower(text[:min(len(text), 16384)])
	tags := 0
	for _, t := range []string{"<p>", "<p ", "<div", "<span", "<a href", "<script", "<br", "</p>", "</div>"} {
		tags += strings.Count(sample, t)
	}
	return tags >= 5
}

// pageStarts are the tags a saved page or a scraped fragment of one
// starts with.
var pageStarts = []string{"<!doctype html", "<html", "<head", "<body", "<meta ", "<title>", "<style", "<script", "<link "}

// skipPrologue drops what may come before a page's doctype: an XML
// declaration and comments, with the space between them.
func skipPrologue(head string) string {
	for {
		var end string
		switch {
		case strings.HasPrefix(head, "<?xml"):
			end = "?>"
		case strings.HasPrefix(head, "<!--"):
			end = "-->"
		default:
			return head
		}
		i := strings.Index(head, end)
		if i < 0 {
			return head
		}
		head = strings.TrimSpace(head[i+len(end):])
	}
}

// detectLanguage reports the language of text and whether it is English.
// An article is refused only on positive evidence that it is in another
// language: in Latin script, its words must be full of another
// language's function words (a fifth of them, and twice as many as
// English ones); otherwise most of its letters must be in another script.
// Text that is mostly figures and abbreviations — an earnings table,
// "Shr 19 cts vs 13 cts" — has neither and is kept.
func detectLanguage(text string) (string, bool) {
	sample := text[:min(len(text), 6000)]
	words := strings.FieldsFunc(strings.ToLower(sample), func(r rune) bool { return !unicode.IsLetter(r) })
	shares := functionWordShares(words)
	if shares["English"] >= 0.12 {
		return "en", true
	}
	if lang, share := bestOtherLanguage(shares); share >= 0.2 && share > 2*shares["English"] {
		return lang, false
	}
	if !mostlyLatin(sample) {
		info := whatlanggo.DetectWithOptions(sample[:min(len(sample), 2000)], whatlanggo.Options{})
		if info.Lang != whatlanggo.Eng && info.IsReliable() {
			return info.Lang.String(), false
		}
	}
	return "en", true
}

//go:embed words/function-words.txt
var functionWordsFile string

// functionWords maps a language's name to its function words, read from
// words/function-words.txt.
var functionWords = parseFunctionWords(functionWordsFile)

func parseFunctionWords(file string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, line := range strings.Split(file, "\n") {
		lang, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
		out[strings.TrimSpace(lang)] = set
	}
	return out
}

// functionWordShares gives, for each language of functionWords, the share
// of words that are its function words.
func functionWordShares(words []string) map[string]float64 {
	shares := map[string]float64{}
	if len(words) == 0 {
		return shares
	}
	for lang, set := range functionWords {
		n := 0
		for _, w := range words {
			if set[w] {
				n++
			}
		}
		shares[lang] = float64(n) / float64(len(words))
	}
	return shares
}

// bestOtherLanguage returns the language other than English with the
// highest share (the first by name on a tie, so the answer is stable).
func bestOtherLanguage(shares map[string]float64) (string, float64) {
	best, bestShare := "", 0.0
	for lang, sh := range shares {
		if lang != "English" && (sh > bestShare || sh == bestShare && sh > 0 && lang < best) {
			best, bestShare = lang, sh
		}
	}
	return best, bestShare
}

// mostlyLatin reports whether at least half the letters of s are in the
// Latin script (English text with a few names in other scripts is).
func mostlyLatin(s string) bool {
	latin, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	return letters == 0 || 2*latin >= letters
}

// Slug lower-cases s and joins its letters and digits with hyphens.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// Manifest maps file names to known metadata, as read from a folder's
// manifest.json.
type Manifest map[string]Metadata

type manifestEntry struct {
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Authors   []string `json:"authors"`
}

// LoadManifest reads a manifest.json mapping file names to metadata. Keys
// starting with "_" are comments. A missing file is not an error.
func LoadManifest(path string) (Manifest, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read manifest %s: %w", path, err)
	}
	return ParseManifest(path, raw)
}

// ParseManifest parses the contents of a manifest named path.
func ParseManifest(path string, raw []byte) (Manifest, error) {
	var entries map[string]json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("parse manifest %s: %w", path, err)
	}
	m := Manifest{}
	for name, msg := range entries {
		if strings.HasPrefix(name, "_") {
			continue
		}
		md, err := parseMetadata(msg)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: entry %q: %w", path, name, err)
		}
		md.DateSource = "manifest"
		m[name] = md
	}
	return m, nil
}

// LoadSidecar reads metadata from "<article>.json" next to an article, if
// there is one.
func LoadSidecar(articlePath string) (*Metadata, error) {
	p := strings.TrimSuffix(articlePath, filepath.Ext(articlePath)) + ".json"
	raw, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sidecar %s: %w", p, err)
	}
	md, err := parseMetadata(raw)
	if err != nil {
		return nil, fmt.Errorf("sidecar %s: %w", p, err)
	}
	md.DateSource = "sidecar"
	return &md, nil
}

func parseMetadata(raw []byte) (Metadata, error) {
	var e manifestEntry
	if err := json.Unmarshal(raw, &e); err != nil {
		return Metadata{}, err
	}
	md := Metadata{Title: e.Title, Outlet: e.Outlet, URL: e.URL, Authors: e.Authors}
	if e.Published != "" {
		t, err := time.Parse("2006-01-02", e.Published[:min(10, len(e.Published))])
		if err != nil {
			return Metadata{}, fmt.Errorf("published %q is not a YYYY-MM-DD date", e.Published)
		}
		md.Published = t
	}
	return md, nil
}

// runeIndex converts byte offsets to rune offsets quickly by remembering
// the rune count at a rune boundary about every 1 KiB.
type runeIndex struct {
	text   string
	ascii  bool
	bytes  []int // byte offsets of checkpoints, ascending, at rune starts
	counts []int // rune count before each checkpoint
}

func newRuneIndex(text string) runeIndex {
	ri := runeIndex{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ri.ascii = false
			break
		}
	}
	if ri.ascii {
		return ri
	}
	n, next := 0, 0
	for i := range text {
		if i >= next {
			ri.bytes = append(ri.bytes, i)
			ri.counts = append(ri.counts, n)
			next = i + 1024
		}
		n++
	}
	return ri
}

// RuneOffset returns the rune offset of byte offset b in d.Text.
func (d *Document) RuneOffset(b int) int {
	ri := &d.runes
	if ri.ascii || b <= 0 || len(ri.bytes) == 0 {
		return b
	}
	k := sort.SearchInts(ri.bytes, b+1) - 1
	if k < 0 {
		k = 0
	}
	return ri.counts[k] + utf8.RuneCountInString(ri.text[ri.bytes[k]:min(b, len(ri.text))])
}
