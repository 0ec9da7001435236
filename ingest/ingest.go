// Package ingest turns paths into articles and articles into graph
// quads: it finds the files, reads their metadata, runs the extractor,
// resolves entities across the batch and hands the results to a loader.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/fetch"
	"github.com/newsgraph/newsgraph/ingest/page"
)

// Source is one article to read: a file on disk, a file in an fs.FS, or
// standard input.
type Source struct {
	Name string // path as given, or "-" for standard input
	// Rel is the path relative to the folder it was found under (the file
	// name for a file given by itself); it names the article unless its
	// metadata has a URL (see [extract.DocID]).
	Rel  string
	Meta *extract.Metadata
	open func() (io.ReadCloser, error) // nil: a file on disk, read by Name
	err  error                         // why this path cannot be used (from Walk)
	// url is set for a web address, fetched by web when read.
	url string
	web *fetch.Client
}

// Problem is a file that could not be used, with the reason.
type Problem struct {
	Name string
	Err  error
	// Article is the IRI the source's article has in the graph, when it
	// is known (a build with Prune keeps that article).
	Article string
}

func (p Problem) Error() string { return p.Err.Error() }

// skipExt lists file types that are never articles.
var skipExt = map[string]bool{".json": true, ".db": true, ".bolt": true, ".go": true, ".mod": true, ".sum": true, ".js": true}

// Walk expands paths (files, folders, "-") into sources, one at a time,
// so that a build of a million files never holds their list. Folders are
// walked recursively in lexical order without following symbolic links
// (so link loops are harmless); hidden files and metadata files
// (manifest.json, sidecars) are skipped. A folder's manifest.json supplies
// metadata for its files. A path that cannot be used is yielded as a
// source whose Read reports the problem, in its place in the order.
func Walk(paths []string, stdin io.Reader) iter.Seq[Source] {
	return WalkWeb(paths, stdin, nil)
}

// WalkWeb is [Walk] where a path that is an http(s) URL is a web page,
// fetched with web when the source is read (nil: a client with
// [fetch.Options] defaults, made when the first URL is met).
func WalkWeb(paths []string, stdin io.Reader, web *fetch.Client) iter.Seq[Source] {
	return func(yield func(Source) bool) {
		for _, p := range paths {
			if IsURL(p) {
				if web == nil {
					web = fetch.New(fetch.Options{})
				}
				if !yield(Source{Name: p, url: p, web: web}) {
					return
				}
				continue
			}
			if p == "-" {
				in := stdin
				if !yield(Source{Name: "-", open: func() (io.ReadCloser, error) { return io.NopCloser(in), nil }}) {
					return
				}
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				if !yield(problem(p, describe(err))) {
					return
				}
				continue
			}
			if !fi.IsDir() {
				man, err := extract.LoadManifest(filepath.Join(filepath.Dir(p), "manifest.json"))
				if err != nil && !yield(problem(p, err)) {
					return
				}
				if !yield(fileSource(p, man)) {
					return
				}
				continue
			}
			if !walkDir(p, yield) {
				return
			}
		}
	}
}

// Collect is [Walk] gathered into a list, with the paths that cannot be
// used apart.
func Collect(paths []string, stdin io.Reader) ([]Source, []Problem) {
	return CollectFrom(Walk(paths, stdin))
}

// CollectFrom gathers walked sources into a list, with the paths that
// cannot be used apart.
func CollectFrom(walk iter.Seq[Source]) ([]Source, []Problem) {
	var out []Source
	var probs []Problem
	for s := range walk {
		if s.err != nil {
			probs = append(probs, Problem{Name: s.Name, Err: s.err})
			continue
		}
		out = append(out, s)
	}
	return out, probs
}

func problem(path string, err error) Source { return Source{Name: path, err: err} }

// walkDir yields the sources under root; false when yield asked to stop.
func walkDir(root string, yield func(Source) bool) bool {
	root = filepath.Clean(root) // "data/" and "data" name the same folder
	manifests := map[string]extract.Manifest{}
	stopped := false
	emit := func(s Source) error {
		if !yield(s) {
			stopped = true
			return fs.SkipAll
		}
		return nil
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if e := emit(problem(path, describe(err))); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && path != root {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			man, err := extract.LoadManifest(filepath.Join(path, "manifest.json"))
			if err != nil {
				if e := emit(problem(path, err)); e != nil {
					return e
				}
			}
			// a folder's manifest is needed only while its files are
			// walked: keep those of the folders on the current path
			for dir := range manifests {
				if !isWithin(path, dir) {
					delete(manifests, dir)
				}
			}
			manifests[path] = man
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link to a file is read; a link to a folder is not followed
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				if err != nil {
					return emit(problem(path, describe(err)))
				}
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if skipExt[strings.ToLower(filepath.Ext(name))] {
			return nil
		}
		s := fileSource(path, manifests[filepath.Dir(path)])
		if rel, err := filepath.Rel(root, path); err == nil {
			s.Rel = rel
		}
		return emit(s)
	})
	if err != nil && !stopped {
		return yield(problem(root, describe(err)))
	}
	return !stopped
}

// isWithin reports whether path is dir or lies under it.
func isWithin(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

func fileSource(path string, man extract.Manifest) Source {
	s := Source{Name: path, Rel: filepath.Base(path)} // Read opens it by name
	if m, ok := man[filepath.Base(path)]; ok {
		s.Meta = &m
	}
	return s
}

// FSSources lists the articles in a file system (such as the embedded
// sample articles), with metadata from its manifest.json.
func FSSources(fsys fs.FS, prefix string) ([]Source, error) {
	var man extract.Manifest
	if raw, err := fs.ReadFile(fsys, "manifest.json"); err == nil {
		if man, err = extract.ParseManifest(filepath.Join(prefix, "manifest.json"), raw); err != nil {
			return nil, err
		}
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []Source
	for _, e := range entries {
		if e.IsDir() || skipExt[filepath.Ext(e.Name())] {
			continue
		}
		name := e.Name()
		s := Source{Name: filepath.Join(prefix, name), Rel: name, open: func() (io.ReadCloser, error) { return fsys.Open(name) }}
		if m, ok := man[name]; ok {
			s.Meta = &m
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// articleIRI is the IRI the source's article would have, from what is
// known before reading it (a sidecar's URL is not).
func (s Source) articleIRI() string {
	url := s.url
	if s.Meta != nil && s.Meta.URL != "" {
		url = s.Meta.URL
	}
	return string(graph.ArticleIRI(extract.DocID(s.Name, s.Rel, url)))
}

// Read loads and checks a source as a document (see [Source.ReadPage]).
func (s Source) Read(limit int) (*extract.Document, error) {
	return s.ReadContext(context.Background(), limit)
}

// ReadContext is [Source.Read] that stops fetching a web page when ctx
// is done.
func (s Source) ReadContext(ctx context.Context, limit int) (*extract.Document, error) {
	d, _, err := s.ReadPage(ctx, limit)
	return d, err
}

// ReadPage loads and checks a source as a document. A source whose
// content is HTML (whatever its name) is read with [page.Read]: the
// document's text is the page's article text, its metadata the page's,
// under what a manifest or sidecar gives; the page reading is returned
// too, else nil.
func (s Source) ReadPage(ctx context.Context, limit int) (*extract.Document, *page.Article, error) {
	if s.err != nil {
		return nil, nil, s.err
	}
	if limit <= 0 {
		limit = extract.DefaultMaxBytes
	}
	in, err := s.load(ctx, limit)
	if err != nil {
		return nil, nil, err
	}
	opt := extract.DocOptions{MaxBytes: limit, RelPath: s.Rel}
	if !extract.LooksLikeHTML(in.raw) {
		d, err := extract.NewDocument(s.Name, in.raw, in.meta, opt)
		return d, nil, err
	}
	art, err := page.Read(in.raw, page.Options{URL: in.url, ContentType: in.contentType})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", s.Name, err)
	}
	meta := overlay(art.Meta, in.meta)
	opt.FromPage = true
	d, err := extract.NewDocument(s.Name, []byte(art.Text), &meta, opt)
	return d, art, err
}

// input is a source's bytes and what came with them.
type input struct {
	raw         []byte
	meta        *extract.Metadata
	url         string // where a web page came from
	contentType string
}

// load reads a source's bytes: from disk (with a sidecar's metadata when
// no manifest gave any), from its opener, or from the web.
func (s Source) load(ctx context.Context, limit int) (input, error) {
	switch {
	case s.url != "":
		return s.fetch(ctx)
	case s.open == nil:
		return s.loadFile(limit)
	}
	rc, err := s.open()
	if err != nil {
		return input{}, describe(err)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil {
		return input{}, fmt.Errorf("%s: %w", s.Name, describe(err))
	}
	if len(raw) > limit {
		return input{}, fmt.Errorf("%s: %w (more than %d bytes)", s.Name, extract.ErrTooLarge, limit)
	}
	return input{raw: raw, meta: s.Meta}, nil
}

// loadFile reads a file on disk; one over the size limit is refused
// before it is read.
func (s Source) loadFile(limit int) (input, error) {
	st, err := os.Stat(s.Name)
	if err != nil {
		return input{}, describe(err)
	}
	if st.Size() > int64(limit) {
		return input{}, fmt.Errorf("%s: %w (%d bytes; the limit is %d)", s.Name, extract.ErrTooLarge, st.Size(), limit)
	}
	raw, err := os.ReadFile(s.Name)
	if err != nil {
		return input{}, describe(err)
	}
	meta := s.Meta
	if meta == nil {
		if meta, err = extract.LoadSidecar(s.Name); err != nil {
			return input{}, err
		}
	}
	return input{raw: raw, meta: meta}, nil
}

// describe turns file-system errors into one short line that names the file.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s: no such file or folder", pe.Path)
		case errors.Is(err, fs.ErrPermission):
			return fmt.Errorf("%s: permission denied", pe.Path)
		}
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}

// ExtractAll reads and extracts every source in parallel, then resolves
// entities across them; results are in source order. Sources that fail
// are reported through opt.OnProblem and left out.
func ExtractAll(ctx context.Context, x *extract.Extractor, srcs []Source, opt ReadOptions) ([]*extract.Result, error) {
	var results []*extract.Result
	_, err := extractInOrder(ctx, x, slices.Values(srcs), opt, func(r *extract.Result) error {
		results = append(results, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	extract.Resolve(results)
	return results, nil
}

func logRepair(name, problem string) {
	slog.Warn("repaired input", "file", name, "problem", problem)
}
