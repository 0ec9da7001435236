package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cleaner decides, line by line, what is article text and what is the
// web page around it. It uses general signals only — the shape of a line,
// the vocabulary of links and calls to action, repetition, whether a line
// has a verb, whether it addresses the reader — never the phrases of
// particular outlets.

// Reasons recorded for dropped lines.
const (
	dropCopyright  = "copyright line"
	dropEndMarker  = "section heading that ends the article"
	dropAfterEnd   = "after the end of the article"
	dropLabel      = "link, credit or byline label"
	dropJunk       = "markup or symbols"
	dropDateline   = "dateline"
	dropRepeat     = "repeats an earlier line"
	dropCTA        = "call to action"
	dropAddress    = "addresses the reader"
	dropNoVerb     = "no verb"
	dropTitleLike  = "headline-like line inside the body (related story)"
	dropHeading    = "short line without end punctuation (heading)"
	dropMostlyJunk = "mostly clutter"
)

// endMarkers are section headings after which a page holds no more of the
// article: comment sections, related and recommended stories, author bios.
var endMarkers = map[string]bool{
	"comments": true, "comment": true, "related": true, "related articles": true,
	"related stories": true, "related news": true, "related posts": true,
	"read more": true, "reading next": true, "read next": true, "further reading": true,
	"more from": true, "recommended": true, "recommended for you": true,
	"trending": true, "trending now": true, "latest": true,
	"latest news": true, "most read": true, "most popular": true,
	"popular": true, "you may also like": true, "you might also like": true,
	"about the author": true, "about the authors": true, "more stories": true,
	"top stories": true, "also read": true, "share this article": true,
	"tags": true, "topics": true, "join the conversation": true, "leave a comment": true,
	"sponsored": true, "sponsored content": true, "more on this": true,
}

// ctaVerbs start lines that ask the reader to do something.
var ctaVerbs = map[string]bool{
	"join": true, "follow": true, "subscribe": true, "share": true, "sign": true,
	"click": true, "download": true, "discover": true, "learn": true, "read": true,
	"watch": true, "listen": true, "get": true, "try": true, "support": true,
	"donate": true, "register": true, "log": true, "tap": true, "see": true,
	"know": true, "find": true, "explore": true, "check": true, "shop": true,
	"buy": true, "order": true, "book": true, "visit": true, "contact": true,
	"email": true, "tweet": true, "like": true, "comment": true,
	"start": true, "claim": true, "unlock": true, "enjoy": true, "become": true,
}

var (
	reCopyright = regexp.MustCompile(`(?i)©|\(c\)\s*\d{4}|all rights reserved|^copyright\b`)
	reLabel     = regexp.MustCompile(`(?i)^\W*(read|also read|read more|watch|see also|see|image|images|photo|photos|picture|video|credit|credits|source|sources|reported by|written by|edited by|compiled by|by|tags?|topics?|filed under|further reading|related|recommended|sponsored|advertisement|ad)\s*[:|»>-]`)
	reByline    = regexp.MustCompile(`(?i)^\W*(?:reported|written|edited|compiled)?\s*by:?\s+([A-Z][\p{L}'.-]+(?:\s+[A-Z][\p{L}'.-]+){0,3})\s*$`)
)

// cleanLine is one non-empty line of the document during cleaning.
type cleanLine struct {
	num        int // 1-based
	start, end int // byte offsets
	text       string
	segs       []cleanSeg
	drop       string
	wrapped    bool // joined from hard-wrapped lines
}

type cleanSeg struct {
	span   Span
	sents  []Sentence
	reason string
	// addressed holds the sentences that speak to the reader, dropped one
	// by one while the rest of the segment stays
	addressed []Sentence
}

// clean splits the document into lines and segments, tags them, decides
// what is content, and returns the content sentences in order.
func clean(d *Document, an *Analyzer) ([]Sentence, []DroppedLine) {
	lines := splitLines(d.Text)
	if !d.FromPage {
		lines = joinWrapped(d.Text, lines) // a page extractor's lines are paragraphs
	}
	c := &cleaner{d: d, an: an, seen: map[string]bool{}, titleSeen: d.Meta.Title != ""}
	if c.titleSeen {
		c.seen[normLine(d.Meta.Title)] = true
	}
	for li := range lines {
		ln := &lines[li]
		if ln.drop = c.lineClutter(ln); ln.drop != "" {
			continue
		}
		c.seen[normLine(strings.TrimSpace(ln.text))] = true
		c.segment(ln)
		ln.drop = c.segmentsClutter(ln)
		if ln.drop == "" {
			ln.drop = c.heading(ln)
		}
		if ln.drop == "" {
			c.contentSoFar++
		}
	}
	return c.content(lines)
}

// cleaner holds what cleaning has learnt of the document so far.
type cleaner struct {
	d            *Document
	an           *Analyzer
	seen         map[string]bool // lines kept, normalised
	ended        bool            // an end marker or copyright line closed the article
	contentSoFar int             // lines of content kept
	titleSeen    bool
	bodyStarted  bool
}

// lineClutter judges line ln as a whole: after the article's end, a
// copyright line, an end-of-article heading, a dateline, a label, junk
// or a repeat; "" when it may be content.
func (c *cleaner) lineClutter(ln *cleanLine) string {
	t := strings.TrimSpace(ln.text)
	norm := normLine(t)
	switch {
	case c.ended:
		return dropAfterEnd
	case mayBeCopyright(t) && reCopyright.MatchString(t):
		c.ended = c.ended || c.contentSoFar >= 2
		return dropCopyright
	case isEndMarker(norm):
		// a page extractor has cut the page's own end already; inside
		// its text such a heading is a box, not the end
		c.ended = c.ended || c.contentSoFar >= 2 && !c.d.FromPage
		return dropEndMarker
	case isDateline(c.d, t):
		return dropDateline
	case mayBeLabel(t) && reLabel.MatchString(t):
		if m := reByline.FindStringSubmatch(t); m != nil {
			c.d.Meta.Authors = appendUnique(c.d.Meta.Authors, m[1])
		}
		return dropLabel
	case letterShare(t) < 0.5:
		return dropJunk
	case c.seen[norm]:
		return dropRepeat
	}
	return ""
}

// segment splits line ln into glued segments and their tagged sentences,
// each segment judged on its own.
func (c *cleaner) segment(ln *cleanLine) {
	d := c.d
	quotes := QuoteSpans(d.Text[ln.start:ln.end], ln.start)
	for _, sg := range SplitSegments(ln.text) {
		seg := cleanSeg{span: Span{ln.start + sg.Start, ln.start + sg.End}}
		for _, sp := range SplitSentences(d.Text[seg.span.Start:seg.span.End], seg.span.Start) {
			sp.Start += wireDatelineLen(d.Text[sp.Start:sp.End])
			toks := c.an.Tokens(d.Text[sp.Start:sp.End], sp.Start)
			if len(toks) == 0 {
				continue
			}
			seg.sents = append(seg.sents, Sentence{Line: ln.num, Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End], Tokens: toks})
		}
		if !d.FromPage {
			seg.sents, seg.addressed = splitAddressing(seg.sents, quotes)
		}
		seg.reason = segmentClutter(seg.sents, seg.addressed)
		ln.segs = append(ln.segs, seg)
	}
}

// segmentsClutter judges line ln by its segments: dropped when all or
// most of them are clutter, except a verbless headline.
func (c *cleaner) segmentsClutter(ln *cleanLine) string {
	bad := 0
	for _, sg := range ln.segs {
		if sg.reason != "" {
			bad++
		}
	}
	switch {
	case len(ln.segs) == 0:
		return dropJunk
	case bad == len(ln.segs) && !c.titleSeen && ln.segs[0].reason == dropNoVerb && wordCount(strings.TrimSpace(ln.text)) >= 4:
		// the headline: headlines drop verbs and capitalise words, so
		// the tagger often finds no verb in them
		for i := range ln.segs {
			ln.segs[i].reason = ""
		}
	case bad == len(ln.segs):
		return ln.segs[0].reason
	case bad*2 > len(ln.segs):
		return dropMostlyJunk
	}
	return ""
}

// heading takes the first line of substance as the headline, and drops
// the headings of boxes inside the body; "" keeps the line.
func (c *cleaner) heading(ln *cleanLine) string {
	t := strings.TrimSpace(ln.text)
	words := wordCount(t)
	final := endsSentence(t)
	drop := ""
	switch {
	case !c.titleSeen && words >= 3:
		c.titleSeen = true
		if c.d.Meta.Title == "" {
			c.d.Meta.Title = t
		}
	case c.d.FromPage:
		// the page extractor has dropped related-story lists; what is
		// left of headings are the article's own
	case c.bodyStarted && !final && isTitleCase(t) && words >= 4:
		drop = dropTitleLike
	case c.bodyStarted && !final && words < 8:
		drop = dropHeading
	}
	if final && words >= 10 {
		c.bodyStarted = true
	}
	return drop
}

// content returns the kept sentences in order, each sentence once, with
// their paragraphs and headline marks, and every line or segment dropped
// with its reason.
func (c *cleaner) content(lines []cleanLine) ([]Sentence, []DroppedLine) {
	var out []Sentence
	var dropped []DroppedLine
	para := 0
	bodyStarted := false
	seenSent := map[string]bool{}
	for _, ln := range lines {
		if ln.drop != "" {
			dropped = append(dropped, DroppedLine{Line: ln.num, Text: ln.text, Reason: ln.drop})
			continue
		}
		t := strings.TrimSpace(ln.text)
		headline := !bodyStarted && !(endsSentence(t) && wordCount(t) >= 10)
		bodyStarted = bodyStarted || !headline
		for _, sg := range ln.segs {
			if sg.reason != "" {
				dropped = append(dropped, DroppedLine{Line: ln.num, Text: c.d.Text[sg.span.Start:sg.span.End], Reason: sg.reason})
				continue
			}
			for _, s := range sg.addressed {
				dropped = append(dropped, DroppedLine{Line: ln.num, Text: s.Text, Reason: dropAddress})
			}
			for _, s := range sg.sents {
				key := normLine(s.Text)
				if seenSent[key] {
					continue
				}
				seenSent[key] = true
				s.Index, s.Para, s.Headline = len(out), para, headline
				out = append(out, s)
			}
		}
		para++
	}
	return out, dropped
}

// splitAddressing parts a segment's sentences into those told in the
// third person and those that speak to the reader. A donation appeal or
// newsletter box speaks to the reader in at least half its sentences and
// goes whole ("We rely on readers like you. Please consider…"); one such
// sentence in a paragraph of story is dropped alone. In text from a page
// extractor, addressing the reader is the writer's voice (features,
// columns), so the caller does not split it.
func splitAddressing(sents []Sentence, quotes []Span) (told, addressed []Sentence) {
	for _, s := range sents {
		if addressesReader(s.Tokens, quotes) {
			addressed = append(addressed, s)
		} else {
			told = append(told, s)
		}
	}
	if len(addressed)*2 >= len(sents) {
		return nil, sents
	}
	return told, addressed
}

// segmentClutter judges a glued segment (usually one sentence) on its own,
// after the sentences that address the reader are taken out of it.
func segmentClutter(sents, addressed []Sentence) string {
	if len(sents) == 0 && len(addressed) > 0 {
		return dropAddress
	}
	if len(sents) == 0 {
		return dropJunk
	}
	verbs := false
	for _, s := range sents {
		if hasVerb(s.Tokens) {
			verbs = true
		}
	}
	if first := firstWord(sents[0].Tokens); first != nil && !startsWithQuote(sents[0].Tokens) {
		lw := strings.ToLower(first.Text)
		imperative := ctaVerbs[lw] && (first.Tag == "VB" || first.Tag == "VBP" || first.Tag == "NN" || first.Tag == "NNP")
		if imperative && (lw != "read" || len(sents[0].Tokens) < 12) {
			return dropCTA
		}
	}
	if !verbs {
		return dropNoVerb
	}
	return ""
}

func startsWithQuote(toks []Token) bool {
	return len(toks) > 0 && (toks[0].Norm == "``" || toks[0].Norm == "\"" || toks[0].Norm == "`")
}

func firstWord(toks []Token) *Token {
	for i := range toks {
		r, _ := utf8.DecodeRuneInString(toks[i].Text)
		if unicode.IsLetter(r) {
			return &toks[i]
		}
	}
	return nil
}

// addressesReader reports first- or second-person pronouns outside
// quotation marks: news is told in the third person, while donation
// appeals, newsletters and comment prompts speak to "you" as "we". A
// capitalised pronoun inside a sentence belongs to a title ("the comedy
// Shall We Dance?", "the song You Are My Sunshine"), not to the writer.
func addressesReader(toks []Token, quotes []Span) bool {
	for i, t := range toks {
		switch t.Lower {
		case "you", "your", "yours", "we", "our", "ours", "us":
			if t.Text == "US" || inSpans(quotes, t.Start) || titleWord(toks, i) {
				continue
			}
			return true
		}
	}
	return false
}

// titleWord reports a capitalised word that does not open its sentence,
// clause or quotation.
func titleWord(toks []Token, i int) bool {
	r, _ := utf8.DecodeRuneInString(toks[i].Text)
	if !unicode.IsUpper(r) || i == 0 {
		return false
	}
	switch toks[i-1].Text {
	case ":", ";", "(", "-", "--", "\u2014", "\"", "\u201c", "'", "\u2018", "``":
		return false
	}
	return true
}

func inSpans(spans []Span, off int) bool {
	for _, sp := range spans {
		if off >= sp.Start && off < sp.End {
			return true
		}
	}
	return false
}

func hasVerb(toks []Token) bool {
	for _, t := range toks {
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "MD" {
			return true
		}
	}
	return false
}

func splitLines(text string) []cleanLine {
	var out []cleanLine
	start, num := 0, 1
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) != "" {
			out = append(out, cleanLine{num: num, start: start, end: start + len(line), text: line})
		}
		start = end + 1
		num++
	}
	return out
}

// joinWrapped joins the lines of hard-wrapped paragraphs (wire copy,
// plain-text mail: every line cut near one width) into one line each. A
// line continues onto the next when it is full (near the width), does not
// end a sentence, and the next line is not indented more (an indent opens
// a paragraph). Text whose lines are long or ragged is left alone.
func joinWrapped(text string, lines []cleanLine) []cleanLine {
	width := wrapWidth(lines)
	if width == 0 {
		return lines
	}
	out := lines[:0:0]
	for _, ln := range lines {
		if n := len(out); n > 0 && continuesOnto(out[n-1], ln, width) {
			prev := &out[n-1]
			prev.end = ln.end
			prev.text = text[prev.start:prev.end]
			prev.wrapped = true
			continue
		}
		ln.wrapped = false
		out = append(out, ln)
	}
	return out
}

// wrapWidth returns the width text was wrapped at, or 0 when its lines
// do not look wrapped: at least three lines, and at least half of the
// lines, within 15% of the longest, which is at most 100 bytes.
func wrapWidth(lines []cleanLine) int {
	longest := 0
	for _, ln := range lines {
		longest = max(longest, len(ln.text))
	}
	if longest == 0 || longest > 100 || len(lines) < 4 {
		return 0
	}
	full := 0
	for _, ln := range lines {
		if len(ln.text)*100 >= longest*85 {
			full++
		}
	}
	if full < 3 || full*2 < len(lines) {
		return 0
	}
	return longest
}

func continuesOnto(prev, next cleanLine, width int) bool {
	if next.num != prev.num+1 && !prev.wrapped || len(prev.text)-lastLineStart(prev.text) < width*6/10 {
		return false
	}
	last := prev.text[lastLineStart(prev.text):]
	if endsSentence(strings.TrimSpace(last)) && len(strings.TrimSpace(last)) < width*8/10 {
		return false
	}
	return indent(next.text) <= indent(last) || indent(next.text) == 0
}

func lastLineStart(s string) int { return strings.LastIndexByte(s, '\n') + 1 }

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// normLine is a line's comparison key: its letters and digits, lower-cased.
func normLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteByte(byte(r))
			case r >= 'A' && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// endMarkerKeys are the end markers in normLine form (no spaces).
var endMarkerKeys = func() map[string]bool {
	m := map[string]bool{}
	for k := range endMarkers {
		m[strings.ReplaceAll(k, " ", "")] = true
	}
	return m
}()

func isEndMarker(norm string) bool {
	return len(norm) < 32 && endMarkerKeys[norm]
}

func isDateline(d *Document, t string) bool {
	if len(t) > 120 || utf8.RuneCountInString(t) > 80 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	when, ok := ParseDateline(t)
	if !ok {
		return false
	}
	if d.Meta.Published.IsZero() {
		d.Meta.Published = when
		d.Meta.DateSource = "text"
	}
	return true
}

// reWireDateline matches the dateline a wire story opens with: "LONDON,
// March 11 - ", "WASHINGTON (AP) — ", "SAO PAULO, Brazil, May 2 - ".
var reWireDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'-]+(?:, [\p{L}. ]+?)?(?:(?:, (?i:` + monthRe + `)\.? \d{1,2})|(?: \([\p{L}-]+\)))+ *[-–—]+ +`)

// reTitleDateline matches a wire dateline whose place is written in
// small letters after the first: "Washington, March 16 - ".
var reTitleDateline = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}(?:, [\p{L}.]+)?, (?i:` + monthRe + `)\.? \d{1,2} *[-–—]+ +`)

// rePlaceDateline matches a dateline of the place alone, as a digest
// of several stories writes each: "NEW YORK - ", "WASHINGTON -- ".
var rePlaceDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}.']+(?: \p{Lu}[\p{Lu}.']+){0,3} [-–—]{1,2} `)

// wireDatelineLen returns the length of the wire dateline that opens a
// sentence, or 0: the place is where the story was filed, not a subject.
func wireDatelineLen(s string) int {
	if len(s) < 8 || !unicode.IsUpper(rune(s[0])) {
		return 0
	}
	if !unicode.IsUpper(rune(s[1])) {
		return len(reTitleDateline.FindString(s)) // "Washington, March 16 - "
	}
	if n := len(reWireDateline.FindString(s)); n > 0 {
		return n
	}
	// a place alone before the dash: only when a sentence follows it
	if n := len(rePlaceDateline.FindString(s)); n > 0 && n < len(s) && unicode.IsUpper(rune(s[n])) {
		return n
	}
	return 0
}

// mayBeCopyright and mayBeLabel are cheap tests that let most lines skip
// the regular expressions.
func mayBeCopyright(s string) bool {
	return strings.Contains(s, "©") || strings.Contains(s, "(c)") || strings.Contains(s, "(C)") ||
		strings.Contains(s, "ights reserved") || strings.Contains(s, "IGHTS RESERVED") || strings.HasPrefix(strings.ToLower(s), "copyright")
}

func mayBeLabel(s string) bool {
	head := s[:min(len(s), 40)]
	return strings.ContainsAny(head, ":|»>-")
}

func letterShare(s string) float64 {
	letters, total := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(letters) / float64(total)
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’)»")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

// isTitleCase reports whether most words of s start with a capital letter,
// as headlines do ("Realme C21 Set to Launch on March 5").
func isTitleCase(s string) bool {
	words := strings.Fields(s)
	caps, n := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘("))
		if !unicode.IsLetter(r) {
			continue
		}
		lw := strings.ToLower(w)
		if lw == "a" || lw == "an" || lw == "the" || lw == "of" || lw == "to" || lw == "in" || lw == "on" || lw == "and" || lw == "for" || lw == "at" || lw == "as" || lw == "by" {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n >= 3 && caps*10 >= n*8
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
