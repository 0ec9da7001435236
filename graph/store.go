package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"      // bolt backend
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb"   // leveldb backend
	_ "github.com/cayleygraph/cayley/graph/memstore"     // memstore backend
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // postgres backend
	_ "github.com/cayleygraph/cayley/writer"             // "single" quad writer
	"github.com/cayleygraph/quad"
)

// DefaultPath is where the embedded store lives unless told otherwise.
const DefaultPath = "newsgraph.db"

// Store is an open Cayley quad store with its writer.
type Store struct {
	*graph.Handle
	Backend string // "bolt", "memstore", "postgres", "leveldb"
	Address string
	Vocab   Vocab
	bulk    *pgBulk // PostgreSQL's COPY path for loading, or nil
}

// ErrLocked is returned when another process holds the store.
var ErrLocked = errors.New("store is in use by another process (bolt allows one at a time); stop it or use another --db")

// ParseDSN splits a --db value into a Cayley backend and address:
//
//	""                      bolt at ./newsgraph.db
//	"mem" | "memstore"      an in-memory store
//	"bolt:PATH" | PATH      bolt at PATH (a directory)
//	"leveldb:PATH"          leveldb at PATH
//	"postgres://…"          Cayley's SQL backend on PostgreSQL
func ParseDSN(dsn string) (backend, addr string) {
	switch {
	case dsn == "":
		return "bolt", DefaultPath
	case dsn == "mem" || dsn == "memstore" || dsn == "memstore:":
		return "memstore", ""
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return "postgres", dsn
	case strings.HasPrefix(dsn, "bolt:"):
		return "bolt", strings.TrimPrefix(dsn, "bolt:")
	case strings.HasPrefix(dsn, "leveldb:"):
		return "leveldb", strings.TrimPrefix(dsn, "leveldb:")
	}
	return "bolt", dsn
}

// Redact hides the password in a database URL, for messages.
func Redact(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.User != nil {
		return u.Redacted()
	}
	return addr
}

// OpenOptions controls [Open].
type OpenOptions struct {
	// Create initialises the store if it does not exist yet.
	Create bool
	// NoSync skips fsync on bolt commits (faster bulk builds; a crash may
	// lose the last batches but never corrupts the file).
	NoSync bool
	Base   string
	// CayleyWriter loads PostgreSQL through Cayley's writer (row by row)
	// instead of COPY; for comparisons.
	CayleyWriter bool
}

var indexOnce sync.Once

// addIndexes makes predicate- and label-anchored lookups fast in kv stores
// (bolt, leveldb): Cayley's defaults index only [S,P] and [O,P,S]. The
// index list is stored in the database at creation, so stock Cayley tools
// use it too.
//
// Cayley's kv index keeps, per key, the list of every quad with that key,
// rewritten whole on each commit that adds to it. A [P,O] key such as
// (rdf:type, rdf:Statement) holds one entry per fact, so its list, and the
// memory and writes of every commit, grew with the graph; [P,O,S] keys
// hold a quad or two each and still answer P and P,O lookups by prefix.
func addIndexes() {
	indexOnce.Do(func() {
		kv.DefaultQuadIndexes = append(kv.DefaultQuadIndexes,
			kv.QuadIndex{Dirs: []quad.Direction{quad.Predicate, quad.Object, quad.Subject}},
			kv.QuadIndex{Dirs: []quad.Direction{quad.Label, quad.Subject}},
		)
	})
}

// Open opens (and with Create, first initialises) the store named by dsn.
func Open(ctx context.Context, dsn string, opt OpenOptions) (st *Store, err error) {
	backend, addr := ParseDSN(dsn)
	defer func() {
		// a damaged file can make a driver panic; report it as an error
		if r := recover(); r != nil {
			st, err = nil, fmt.Errorf("open %s store %s: %v (is it a newsgraph store?)", backend, Redact(addr), r)
		}
	}()
	opts := graph.Options{}
	if isKV(backend) {
		if err := checkKVPath(backend, addr, opt.Create); err != nil {
			return nil, err
		}
		addIndexes()
		// Cayley's kv store keeps bloom filters to skip duplicate checks:
		// a 74 MB one filled at every open by reading every quad of the
		// log (21 s of a 72 s `stats` on a 20M-quad graph, warm cache),
		// and, when opened empty, five more (370 MB) that made the peak
		// memory of every new build. newsgraph never needs them: every
		// quad of an added article carries the article's new label node,
		// which Cayley already takes as proof that the quad is new, and a
		// changed article's quads are checked in the indexes.
		opts[kv.OptNoBloom] = true
	}
	if backend == "bolt" {
		if err := checkLock(filepath.Join(addr, "indexes.bolt")); err != nil {
			return nil, fmt.Errorf("open %s: %w", addr, err)
		}
	}
	if opt.NoSync && backend == "bolt" {
		opts["nosync"] = true
	}
	if opt.Create && backend != "memstore" {
		if err := create(backend, addr, opts, Vocab{Base: opt.Base}); err != nil {
			return nil, err
		}
	}
	if !opt.Create && backend == "postgres" {
		if err := pgCheckGraph(ctx, addr); err != nil {
			return nil, fmt.Errorf("open %s store %s: %w", backend, Redact(addr), err)
		}
	}
	qs, err := graph.NewQuadStore(backend, addr, opts)
	if err != nil {
		if strings.Contains(err.Error(), "no bucket") {
			return nil, fmt.Errorf("open %s store %s: incomplete store (its creation was interrupted); remove the directory and build again", backend, Redact(addr))
		}
		return nil, fmt.Errorf("open %s store %s: %w", backend, Redact(addr), err)
	}
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{"ignore_duplicate": true, "ignore_missing": true})
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("open writer on %s: %w", Redact(addr), err)
	}
	st = &Store{Handle: &graph.Handle{QuadStore: qs, QuadWriter: qw}, Backend: backend, Address: addr, Vocab: Vocab{Base: opt.Base}}
	if backend == "postgres" && !opt.CayleyWriter {
		if st.bulk, err = newPGBulk(addr, opt.NoSync); err != nil {
			st.Close()
			return nil, fmt.Errorf("open %s for bulk loading: %w", Redact(addr), err)
		}
	}
	return st, nil
}

// isKV reports whether backend is one of Cayley's key-value stores
// (bolt, leveldb): files in a directory, one writer, commits that hold
// their changed pages in memory.
func isKV(backend string) bool { return backend == "bolt" || backend == "leveldb" }

// create initialises a store. A kv store is created in a temporary
// directory and renamed into place, so that a crash during creation leaves
// no half-made store behind.
func create(backend, addr string, opts graph.Options, v Vocab) error {
	if backend == "postgres" {
		err := pgCreate(context.Background(), addr, func() error { return graph.InitQuadStore(backend, addr, opts) })
		if err != nil {
			return fmt.Errorf("create %s store %s: %w", backend, Redact(addr), err)
		}
		return nil
	}
	if !isKV(backend) {
		if err := graph.InitQuadStore(backend, addr, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("create %s store %s: %w", backend, Redact(addr), err)
		}
		return nil
	}
	if _, err := os.Stat(addr); err == nil {
		return nil // exists
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(addr)), "."+filepath.Base(addr)+".creating-")
	if err != nil {
		return fmt.Errorf("create %s: %w", addr, err)
	}
	defer os.RemoveAll(tmp) // no-op after a successful rename
	if err := graph.InitQuadStore(backend, tmp, opts); err != nil {
		return fmt.Errorf("create %s store %s: %w", backend, Redact(addr), err)
	}
	// Cayley's kv stores fail reads with "no bucket" until a first quad is
	// written: write the namespaces now, so a new store is never empty
	if err := writeInitial(backend, tmp, opts, v); err != nil {
		return fmt.Errorf("create %s store %s: %w", backend, Redact(addr), err)
	}
	if err := os.Rename(tmp, addr); err != nil {
		if _, statErr := os.Stat(addr); statErr == nil {
			return nil // another process created it first
		}
		return fmt.Errorf("create %s: %w", addr, err)
	}
	return nil
}

func writeInitial(backend, addr string, opts graph.Options, v Vocab) error {
	qs, err := graph.NewQuadStore(backend, addr, opts)
	if err != nil {
		return err
	}
	defer qs.Close()
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{"ignore_duplicate": true})
	if err != nil {
		return err
	}
	defer qw.Close()
	st := &Store{Vocab: v}
	tx := graph.NewTransaction()
	for _, q := range st.Vocab.initialQuads() {
		tx.AddQuad(q)
	}
	return qw.ApplyTransaction(tx)
}

// checkKVPath gives clear errors for a missing store or a path that is not
// a store directory.
func checkKVPath(backend, addr string, create bool) error {
	fi, err := os.Stat(addr)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if create {
			return nil
		}
		return fmt.Errorf("open %s: no store here; run `newsgraph build` first or pass --db", addr)
	case err != nil:
		return fmt.Errorf("open %s: %w", addr, err)
	case !fi.IsDir():
		return fmt.Errorf("open %s: not a %s store directory", addr, backend)
	}
	return nil
}

// eachQuad calls fn with every quad whose direction d holds v.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	qs := s.QuadStore
	ref := qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	it := qs.QuadIterator(d, ref)
	defer it.Close()
	for it.Next(ctx) {
		fn(qs.Quad(it.Result()))
	}
	return it.Err()
}

// EndLoad finishes a load: on PostgreSQL it makes the indexes a bulk load
// deferred and lets the next load in. Close does it too; call EndLoad to
// see its error and to keep the store open.
func (s *Store) EndLoad(ctx context.Context) error {
	if s.bulk == nil {
		return nil
	}
	if err := s.bulk.end(ctx); err != nil {
		return fmt.Errorf("end load into %s: %w", Redact(s.Address), err)
	}
	return nil
}

// Close ends a load (see [Store.EndLoad]), closes the writer and the store.
func (s *Store) Close() error {
	var err error
	if s.bulk != nil {
		err = s.bulk.Close()
	}
	if err2 := s.QuadWriter.Close(); err == nil {
		err = err2
	}
	if err2 := s.QuadStore.Close(); err == nil {
		err = err2
	}
	return err
}
