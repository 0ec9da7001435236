package page

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags start a line of their own in the rendered text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "body": true, "main": true, "aside": true,
	"nav": true, "form": true, "address": true, "hr": true, "details": true, "summary": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "head": true, "iframe": true, "object": true}

// Render writes the text of an extracted content tree: each block
// (paragraph, heading, list item, quotation, table row) on a line of its
// own, blank lines between them, spaces collapsed within them.
func Render(n *html.Node) string {
	r := &renderer{}
	r.node(n)
	r.flush()
	return strings.Join(r.blocks, "\n\n")
}

type renderer struct {
	blocks []string
	cur    strings.Builder
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		if n.Data == "br" {
			r.flush()
			return
		}
		if n.Data == "td" || n.Data == "th" {
			r.cur.WriteString(" ")
		}
	}
	block := n.Type == html.ElementNode && blockTags[n.Data]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if block {
		r.flush()
	}
}

// flush ends the current block, if it has any text.
func (r *renderer) flush() {
	t := strings.Join(strings.Fields(r.cur.String()), " ")
	r.cur.Reset()
	if t != "" {
		r.blocks = append(r.blocks, t)
	}
}
