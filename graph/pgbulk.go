package graph

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgBulk writes batches of additions to Cayley's PostgreSQL tables with
// COPY, which is many times faster than Cayley's writer (one INSERT per
// node and per quad). It produces exactly what the writer produces: node
// reference counts from Cayley's own SplitDeltas, node columns from
// Cayley's own NodeValues, nodes merged with refs summed, quads inserted
// in delta order with duplicates ignored, as Cayley's ON CONFLICT rules do.
// Batches with deletions go through Cayley's writer instead.
type pgBulk struct {
	db     *sql.DB
	noSync bool // commit without waiting for the WAL flush
}

func newPGBulk(dsn string, noSync bool) (*pgBulk, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &pgBulk{db: db, noSync: noSync}, nil
}

func (b *pgBulk) Close() error { return b.db.Close() }

// nodeColumns are the nodes table's value columns, in the temp table's order.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// apply writes one transaction of additions.
func (b *pgBulk) apply(ctx context.Context, tx *graph.Transaction) error {
	d := graphlog.SplitDeltas(tx.Deltas)
	if len(d.QuadDel) > 0 || len(d.DecNode) > 0 {
		return errNeedWriter
	}
	stx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer stx.Rollback()
	if b.noSync {
		// like bolt's nosync: a crash may lose the last batches, never half of one
		if _, err := stx.ExecContext(ctx, `SET LOCAL synchronous_commit TO OFF`); err != nil {
			return err
		}
	}
	cols := "seq bigint, refs int, hash bytea, value bytea, value_string text, datatype text, language text, iri boolean, bnode boolean, value_int bigint, value_bool boolean, value_float double precision, value_time timestamp with time zone"
	if _, err := stx.ExecContext(ctx, `CREATE TEMP TABLE nodes_in (`+cols+`) ON COMMIT DROP; CREATE TEMP TABLE quads_in (seq bigint, s bytea, p bytea, o bytea, l bytea) ON COMMIT DROP`); err != nil {
		return fmt.Errorf("temp tables: %w", err)
	}
	stmt, err := stx.PrepareContext(ctx, pq.CopyIn("nodes_in", append([]string{"seq", "refs", "hash"}, nodeColumns...)...))
	if err != nil {
		return err
	}
	pos := map[string]int{}
	for i, c := range nodeColumns {
		pos[c] = i
	}
	for i, n := range d.IncNode {
		key, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		row := make([]interface{}, 3+len(nodeColumns))
		row[0], row[1], row[2] = i, n.RefInc, vals[0]
		for k, c := range key.Columns() {
			row[3+pos[c]] = vals[1+k]
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("copy nodes: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy nodes: %w", err)
	}
	stmt.Close()
	if stmt, err = stx.PrepareContext(ctx, pq.CopyIn("quads_in", "seq", "s", "p", "o", "l")); err != nil {
		return err
	}
	for i, q := range d.QuadAdd {
		h := func(dir quad.Direction) interface{} { return csql.NodeHash{ValueHash: q.Quad.Get(dir)}.SQLValue() }
		if _, err := stmt.ExecContext(ctx, i, h(quad.Subject), h(quad.Predicate), h(quad.Object), h(quad.Label)); err != nil {
			return fmt.Errorf("copy quads: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	stmt.Close()
	all := "hash, " + join(nodeColumns)
	if _, err := stx.ExecContext(ctx, `INSERT INTO nodes (refs, `+all+`) SELECT refs, `+all+` FROM nodes_in ORDER BY seq
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return fmt.Errorf("merge nodes: %w", err)
	}
	if _, err := stx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s, p, o, l, now() FROM quads_in ORDER BY seq ON CONFLICT DO NOTHING`); err != nil {
		return fmt.Errorf("insert quads: %w", err)
	}
	return stx.Commit()
}

func join(cols []string) string {
	out := ""
	for i, c := range cols {
		if i > 0 {
			out += ", "
		}
		out += c
	}
	return out
}

// errNeedWriter sends a batch with deletions to Cayley's writer.
var errNeedWriter = fmt.Errorf("batch has deletions")
