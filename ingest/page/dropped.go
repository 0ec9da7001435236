package page

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Dropped is a block of the page's text that the page extractor left
// out of the article, with where on the page it was.
type Dropped struct {
	Text  string `json:"text"`
	Where string `json:"where"`
}

// clutterName finds class and id values that name page furniture.
var clutterName = regexp.MustCompile(`(?i)comment|related|share|social|newsletter|promo|advert|\bads?\b|menu|nav|footer|header|sidebar|subscribe|cookie|recommend|popular|trending|breadcrumb|byline|caption|credit|tags?\b|author`)

// Dropped lists the page's text blocks that are not in the article text,
// in page order, each with the nearest enclosing element that explains
// it (a <nav>, a <footer>, an element whose class says "related"…).
func (a *Article) Dropped() []Dropped {
	if a.doc == nil {
		return nil
	}
	kept := normText(a.Text)
	var out []Dropped
	for _, b := range pageBlocks(a.doc) {
		nb := normText(b.text)
		if nb == "" || strings.Contains(kept, nb) {
			continue
		}
		out = append(out, Dropped{Text: b.text, Where: b.where})
	}
	return out
}

type block struct{ text, where string }

// pageBlocks renders the page's body block by block, remembering for each
// block its nearest telling ancestor.
func pageBlocks(doc *html.Node) []block {
	var out []block
	var cur strings.Builder
	var where string
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, block{t, where})
		}
		cur.Reset()
	}
	var walk func(n *html.Node, ctx string)
	walk = func(n *html.Node, ctx string) {
		if n.Type == html.TextNode {
			if cur.Len() == 0 {
				where = ctx
			}
			cur.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			if skipTags[n.Data] {
				return
			}
			if d := describeElement(n); d != "" {
				ctx = d
			}
			if n.Data == "br" {
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && (blockTags[n.Data] || n.Data == "td" || n.Data == "th")
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, ctx)
		}
		if block {
			flush()
		}
	}
	walk(doc, "not part of the main text")
	flush()
	return out
}

// describeElement names an element that tells why text inside it is not
// article text, or returns "".
func describeElement(n *html.Node) string {
	switch n.Data {
	case "nav", "header", "footer", "aside", "form", "figcaption", "button", "select":
		return fmt.Sprintf("inside <%s>", n.Data)
	}
	for _, at := range n.Attr {
		if (at.Key == "class" || at.Key == "id" || at.Key == "role") && clutterName.MatchString(at.Val) {
			return fmt.Sprintf("inside <%s %s=%q>", n.Data, at.Key, clip(at.Val, 60))
		}
	}
	return ""
}

// normText keeps letters and digits, lower-cased, words separated by one
// space: the form in which blocks are compared with the kept text.
func normText(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
