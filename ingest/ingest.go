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
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Source is one article to read: a file on disk, a file in an fs.FS, or
// standard input.
type Source struct {
	Name string // path as given, or "-" for standard input
	Meta *extract.Metadata
	fsys fs.FS
	open func() (io.ReadCloser, error)
}

// Problem is a file that could not be used, with the reason.
type Problem struct {
	Name string
	Err  error
}

func (p Problem) Error() string { return p.Err.Error() }

// skipExt lists file types that are never articles.
var skipExt = map[string]bool{".json": true, ".db": true, ".bolt": true, ".go": true, ".mod": true, ".sum": true, ".js": true}

// Collect expands paths (files, folders, "-") into sources. Folders are
// walked recursively without following symbolic links (so link loops are
// harmless); hidden files and metadata files (manifest.json, sidecars)
// are skipped. A folder's manifest.json supplies metadata for its files.
// Paths that cannot be read are returned as problems, not errors.
func Collect(paths []string, stdin io.Reader) ([]Source, []Problem) {
	var out []Source
	var probs []Problem
	for _, p := range paths {
		if p == "-" {
			in := stdin
			out = append(out, Source{Name: "-", open: func() (io.ReadCloser, error) { return io.NopCloser(in), nil }})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			probs = append(probs, Problem{p, describe(err)})
			continue
		}
		if !fi.IsDir() {
			man, err := extract.LoadManifest(filepath.Join(filepath.Dir(p), "manifest.json"))
			if err != nil {
				probs = append(probs, Problem{p, err})
			}
			out = append(out, fileSource(p, man))
			continue
		}
		srcs, ps := collectDir(p)
		out = append(out, srcs...)
		probs = append(probs, ps...)
	}
	return out, probs
}

func collectDir(root string) ([]Source, []Problem) {
	root = filepath.Clean(root) // "data/" and "data" name the same folder
	var out []Source
	var probs []Problem
	manifests := map[string]extract.Manifest{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			probs = append(probs, Problem{path, describe(err)})
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
				probs = append(probs, Problem{path, err})
			}
			manifests[path] = man
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// a link to a file is read; a link to a folder is not followed
			if fi, err := os.Stat(path); err != nil || fi.IsDir() {
				if err != nil {
					probs = append(probs, Problem{path, describe(err)})
				}
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if skipExt[strings.ToLower(filepath.Ext(name))] {
			return nil
		}
		out = append(out, fileSource(path, manifests[filepath.Dir(path)]))
		return nil
	})
	if err != nil {
		probs = append(probs, Problem{root, describe(err)})
	}
	return out, probs
}

func fileSource(path string, man extract.Manifest) Source {
	s := Source{Name: path, open: func() (io.ReadCloser, error) { return os.Open(path) }}
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
		s := Source{Name: filepath.Join(prefix, name), fsys: fsys, open: func() (io.ReadCloser, error) { return fsys.Open(name) }}
		if m, ok := man[name]; ok {
			s.Meta = &m
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Read loads and checks a source as a document.
func (s Source) Read(limit int) (*extract.Document, error) {
	if limit <= 0 {
		limit = extract.DefaultMaxBytes
	}
	if s.fsys == nil && s.Name != "-" {
		d, err := extract.ReadFile(s.Name, s.Meta, extract.DocOptions{MaxBytes: limit})
		if err != nil {
			return nil, describe(err)
		}
		return d, nil
	}
	rc, err := s.open()
	if err != nil {
		return nil, describe(err)
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Name, describe(err))
	}
	if len(raw) > limit {
		return nil, fmt.Errorf("%s: %w (more than %d bytes)", s.Name, extract.ErrTooLarge, limit)
	}
	return extract.NewDocument(s.Name, raw, s.Meta, extract.DocOptions{MaxBytes: limit})
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
// are reported through onProblem and left out; progress (if not nil) is
// called after each source.
func ExtractAll(ctx context.Context, x *extract.Extractor, srcs []Source, limit int, onProblem func(Problem), progress func()) ([]*extract.Result, error) {
	var results []*extract.Result
	err := extractInOrder(ctx, x, srcs, limit, 0, onProblem, progress, func(r *extract.Result) error {
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
