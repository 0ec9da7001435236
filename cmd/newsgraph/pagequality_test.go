package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/abadojack/whatlanggo"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/page"
)

// annotatedPage is a page of go-trafilatura's comparison set with the
// text snippets its authors marked as article text (with) and as page
// clutter (without).
type annotatedPage struct {
	URL, Path     string
	With, Without []string
}

// trafilaturaDir is go-trafilatura's folder in the module cache, or "".
func trafilaturaDir() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/markusmobius/go-trafilatura").Output()
	if err != nil {
		return ""
	}
	dir := strings.TrimSpace(string(out))
	if _, err := os.Stat(filepath.Join(dir, "scripts", "comparison", "data.go")); err != nil {
		return ""
	}
	return dir
}

// newsOutlets are the hosts of the English pages of the comparison set
// that belong to news organisations (papers, broadcasters, news
// magazines and news sites); the other English pages are blogs,
// recipes, documentation, shops and wikis.
var newsOutlets = strings.Fields(`abc13.com abc7news.com boingboing.net californiaglobe.com citylimits.org
	fivethirtyeight.com gothamist.com harpers.org knowtechie.com newrepublic.com nymag.com observer.com
	pagesix.com roughdraftatlanta.com theintercept.com threatpost.com tonedeaf.thebrag.com vancouversun.com
	world.kbs.co.kr wsvn.com axios.com bbc.com bostonherald.com caymancompass.com cbsnews.com corkbeo.ie
	dw.com economist.com heartlandnewsfeed.com independent.co.uk japantimes.co.jp kaieteurnewsonline.com
	kxan.com latimes.com laweekly.com metrotimes.com miamitodaynews.com msn.com nationalgeographic.co.uk
	nytimes.com pcgamer.com pcmag.com politico.com publishedreporter.com reuters.com salon.com scmp.com
	standard.co.uk telegraph.co.uk theatlantic.com theguardian.com timesofisrael.com twincities.com
	vice.com wired.com tomshardware.com medicalnewstoday.com`)

func isNewsOutlet(rawURL string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && slices.Contains(newsOutlets, strings.TrimPrefix(u.Hostname(), "www."))
}

var englishPage = regexp.MustCompile(`(?i)<html[^>]*\blang\s*=\s*["']?en\b`)

// englishNewsPages reads the annotations of go-trafilatura's comparison
// set (scripts/comparison/data.go, parsed as Go) and keeps the pages of
// news outlets in English that say when they were published.
func englishNewsPages(t testing.TB, dir string) []annotatedPage {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "scripts", "comparison", "data.go"), nil, 0)
	if err != nil {
		t.Fatalf("read go-trafilatura's annotations: %v", err)
	}
	var out []annotatedPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		key, ok := kv.Key.(*ast.BasicLit)
		lit, ok2 := kv.Value.(*ast.CompositeLit)
		if !ok || !ok2 || key.Kind != token.STRING {
			return true
		}
		p := annotatedPage{}
		p.URL, _ = strconv.Unquote(key.Value)
		if !isNewsOutlet(p.URL) {
			return false
		}
		var file string
		for _, e := range lit.Elts {
			fkv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch fkv.Key.(*ast.Ident).Name {
			case "File":
				file, _ = strconv.Unquote(fkv.Value.(*ast.BasicLit).Value)
			case "With":
				p.With = stringList(fkv.Value)
			case "Without":
				p.Without = stringList(fkv.Value)
			}
		}
		for _, sub := range []string{"comparison", "mock"} {
			path := filepath.Join(dir, "test-files", sub, file)
			raw, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			if len(p.With) > 0 && englishPage.Match(raw) && snippetsInEnglish(p) && isDated(raw) {
				p.Path = path
				out = append(out, p)
			}
			break
		}
		return false
	})
	return out
}

func stringList(e ast.Expr) []string {
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []string
	for _, x := range cl.Elts {
		if bl, ok := x.(*ast.BasicLit); ok {
			if s, err := strconv.Unquote(bl.Value); err == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// snippetsInEnglish reports whether the annotators' snippets are English
// (some pages marked lang="en" are not).
func snippetsInEnglish(p annotatedPage) bool {
	text := strings.Join(append(append([]string{}, p.With...), p.Without...), ". ")
	return whatlanggo.Detect(text).Lang == whatlanggo.Eng
}

// isDated reports whether the page's metadata has a publication date.
func isDated(raw []byte) bool {
	a, err := page.Read(raw, page.Options{})
	return err == nil && !a.Meta.Published.IsZero()
}

// score counts snippets and their words found and missed.
type score struct {
	tp, fn, fp, tn     int // snippets
	tpW, fnW, fpW, tnW int // words of snippets
}

func (s *score) add(text string, p annotatedPage) {
	t := " " + normWords(text) + " "
	for _, w := range p.With {
		n := len(strings.Fields(normWords(w)))
		if strings.Contains(t, " "+normWords(w)+" ") {
			s.tp, s.tpW = s.tp+1, s.tpW+n
		} else {
			s.fn, s.fnW = s.fn+1, s.fnW+n
		}
	}
	for _, w := range p.Without {
		n := len(strings.Fields(normWords(w)))
		if nw := normWords(w); nw != "" && strings.Contains(t, " "+nw+" ") {
			s.fp, s.fpW = s.fp+1, s.fpW+n
		} else {
			s.tn, s.tnW = s.tn+1, s.tnW+n
		}
	}
}

func prf(tp, fn, fp int) (p, r, f float64) {
	p = float64(tp) / float64(max(tp+fp, 1))
	r = float64(tp) / float64(max(tp+fn, 1))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (s score) words() (p, r, f float64)    { return prf(s.tpW, s.fnW, s.fpW) }
func (s score) snippets() (p, r, f float64) { return prf(s.tp, s.fn, s.fp) }

// normWords keeps letters and digits, lower-cased, one space between
// words, so that quotes, dashes and line breaks do not decide a match.
func normWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// TestPageExtractionQuality scores, on the English news pages of
// go-trafilatura's comparison set, go-trafilatura alone (its own text),
// newsgraph's page reading before cleaning, and `newsgraph text` (after
// cleaning), in the same run: precision and recall of the annotated
// article snippets (with) against the clutter snippets (without), by
// words and by snippets. The cleaning stage must not make it worse.
func TestPageExtractionQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("scores a hundred real pages")
	}
	dir := trafilaturaDir()
	if dir == "" {
		t.Skip("go-trafilatura's test pages are not in the module cache (go mod download github.com/markusmobius/go-trafilatura)")
	}
	pages := englishNewsPages(t, dir)
	if len(pages) < 50 {
		t.Fatalf("%d English news pages among go-trafilatura's test files, want at least 50", len(pages))
	}
	texts := newsgraphTexts(t, pages)
	var alone, before, after score
	for _, p := range pages {
		raw, _ := os.ReadFile(p.Path)
		res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
		if err == nil {
			alone.add(res.ContentText, p)
		} else {
			alone.add("", p)
		}
		a, err := page.Read(raw, page.Options{})
		if err == nil {
			before.add(a.Text, p)
		} else {
			before.add("", p)
		}
		after.add(texts[p.Path], p)
	}
	t.Logf("%d English news pages of go-trafilatura's comparison set; %d article snippets (%d words), %d clutter snippets",
		len(pages), after.tp+after.fn, after.tpW+after.fnW, after.fp+after.tn)
	t.Logf("%-36s %9s %9s %9s   %9s %9s %9s", "", "word P", "word R", "word F1", "snip P", "snip R", "snip F1")
	for _, row := range []struct {
		name string
		s    score
	}{{"go-trafilatura alone", alone}, {"page reading, before cleaning", before}, {"newsgraph text (after cleaning)", after}} {
		wp, wr, wf := row.s.words()
		sp, sr, sf := row.s.snippets()
		t.Logf("%-36s %9.3f %9.3f %9.3f   %9.3f %9.3f %9.3f", row.name, wp, wr, wf, sp, sr, sf)
	}
	_, _, fAlone := alone.words()
	_, _, fBefore := before.words()
	pBefore, _, _ := before.words()
	pAfter, _, fAfter := after.words()
	if fBefore < fAlone {
		t.Errorf("newsgraph's page reading scores word F1 %.3f, below go-trafilatura's own text (%.3f)", fBefore, fAlone)
	}
	if pAfter < pBefore {
		t.Errorf("cleaning lowered word precision from %.3f to %.3f", pBefore, pAfter)
	}
	if fAfter < fAlone {
		t.Errorf("after cleaning, word F1 %.3f is below go-trafilatura alone (%.3f)", fAfter, fAlone)
	}
}

// BenchmarkPageRead measures page extraction alone (charset, parsing,
// go-trafilatura, metadata, rendering) on the English news pages.
func BenchmarkPageRead(b *testing.B) {
	raws := benchPages(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, raw := range raws {
			if _, err := page.Read(raw, page.Options{}); err == nil {
				n++
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkBuildPages measures the whole build of the same pages —
// page extraction, cleaning, facts, resolution, loading — into an
// in-memory store. Run with -cpu 1 for one core.
func BenchmarkBuildPages(b *testing.B) {
	raws := benchPages(b)
	dir := b.TempDir()
	var paths []string
	for i, raw := range raws {
		p := filepath.Join(dir, fmt.Sprintf("%03d.html", i))
		os.WriteFile(p, raw, 0o644)
		paths = append(paths, p)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	articles := 0
	for i := 0; i < b.N; i++ {
		st, err := graph.Open(context.Background(), "mem", graph.OpenOptions{Create: true})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Build(context.Background(), st, x, ingest.Walk(paths, nil), ingest.BuildOptions{})
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		articles += sum.Articles
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(0, "ns/op")
}

func benchPages(b *testing.B) [][]byte {
	dir := trafilaturaDir()
	if dir == "" {
		b.Skip("go-trafilatura's test pages are not in the module cache")
	}
	var raws [][]byte
	for _, p := range englishNewsPages(b, dir) {
		raw, _ := os.ReadFile(p.Path)
		raws = append(raws, raw)
	}
	return raws
}

// newsgraphTexts runs `newsgraph text --format json` on the pages, one
// run for all, and returns each page's text by path ("" when skipped).
func newsgraphTexts(t *testing.T, pages []annotatedPage) map[string]string {
	args := []string{"text", "--format", "json"}
	for _, p := range pages {
		args = append(args, p.Path)
	}
	out, code := runCLI(t, args...)
	if code != 0 && code != 2 {
		t.Fatalf("newsgraph text (%d): %s", code, out)
	}
	texts := map[string]string{}
	skipped := 0
	for _, line := range strings.Split(out, "\n") {
		var rec textRecord
		if strings.HasPrefix(line, "skipped:") {
			skipped++
			t.Log(line)
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Source != "" {
			texts[rec.Source] = rec.Text
		}
	}
	if skipped > len(pages)/10 {
		t.Errorf("newsgraph text skipped %d of %d pages", skipped, len(pages))
	}
	return texts
}
