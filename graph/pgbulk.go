package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

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
//
// A load holds a PostgreSQL advisory lock for its whole length, so that
// newsgraph loads into one database run one after the other. A load into
// an empty graph also defers the work PostgreSQL does per row for
// Cayley's four direction indexes and four foreign keys: it drops them
// first (keeping the unique indexes that decide duplicates, so the table
// is what Cayley's writer makes at every commit) and creates them again at
// the end, in one pass each. Their definitions are saved in a table in the
// same transaction as the drop, so a load that is killed leaves a record
// that the next load (or [Store.EndLoad]) uses to restore them.
type pgBulk struct {
	db       *sql.DB
	noSync   bool      // commit without waiting for the WAL flush
	conn     *sql.Conn // pinned session holding the load lock; nil before the first write
	deferred bool      // this load dropped the secondary indexes and must restore them
}

// deferredTable records the statements that restore what a load deferred.
const deferredTable = "newsgraph_deferred_ddl"

// Advisory locks (by hashtext of these names) that serialise newsgraph's
// loads into one database, and its creation of Cayley's tables.
const (
	loadLockKey   = "newsgraph load"
	createLockKey = "newsgraph create"
)

// deferBelow is the largest graph (in quads) into which a load defers
// index maintenance: recreating the indexes costs a pass over the table,
// which pays off only when the load is large next to what is there.
const deferBelow = 10000

func newPGBulk(dsn string, noSync bool) (*pgBulk, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &pgBulk{db: db, noSync: noSync}, nil
}

// Close ends the load (restoring deferred indexes) and closes the pool.
func (b *pgBulk) Close() error {
	err := b.end(context.Background())
	if err2 := b.db.Close(); err == nil {
		err = err2
	}
	return err
}

// countQuads counts the rows of Cayley's quads table.
func (b *pgBulk) countQuads(ctx context.Context) (int64, error) {
	var n int64
	if err := b.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM quads").Scan(&n); err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return n, nil
}

// begin starts a load: it takes the load lock (waiting for another load)
// and finishes what an interrupted load left. It runs once, before the
// load's first read.
func (b *pgBulk) begin(ctx context.Context) error {
	if b.conn != nil {
		return nil
	}
	conn, err := b.db.Conn(ctx)
	if err != nil {
		return err
	}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(hashtext($1))`, loadLockKey).Scan(&got); err != nil {
		conn.Close()
		return fmt.Errorf("load lock: %w", err)
	}
	if !got {
		slog.Info("another newsgraph load is writing to this database; waiting for it to finish")
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext($1))`, loadLockKey); err != nil {
			conn.Close()
			return fmt.Errorf("load lock: %w", err)
		}
	}
	b.conn = conn
	return b.restore(ctx)
}

// end restores deferred indexes and releases the load lock.
func (b *pgBulk) end(ctx context.Context) error {
	if b.conn == nil {
		return nil
	}
	err := b.restore(ctx)
	b.conn.ExecContext(ctx, `SELECT pg_advisory_unlock(hashtext($1))`, loadLockKey)
	b.conn.Close()
	b.conn, b.deferred = nil, false
	return err
}

// deferIndexes drops the quads table's non-unique indexes and foreign
// keys when the graph is empty (the loader calls it when no article is
// stored; quads not from articles, such as an import, count here),
// recording how to make them again. Without the right to drop them, the
// load goes on with them in place.
func (b *pgBulk) deferIndexes(ctx context.Context) error {
	if err := b.begin(ctx); err != nil {
		return err
	}
	tx, err := b.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM quads LIMIT $1) t`, deferBelow+1).Scan(&n); err != nil {
		return fmt.Errorf("count quads: %w", err)
	}
	if n > deferBelow {
		return nil
	}
	// index definitions first, then foreign keys: the order they are made again in
	rows, err := tx.QueryContext(ctx, `
		SELECT 'DROP INDEX ' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
		  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		 WHERE i.indrelid = 'quads'::regclass AND NOT i.indisunique AND NOT i.indisprimary
		UNION ALL
		SELECT 'ALTER TABLE quads DROP CONSTRAINT ' || quote_ident(conname),
		       'ALTER TABLE quads ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
		  FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		return fmt.Errorf("read index definitions: %w", err)
	}
	var drops, makes []string
	for rows.Next() {
		var d, m string
		if err := rows.Scan(&d, &m); err != nil {
			rows.Close()
			return err
		}
		drops, makes = append(drops, d), append(makes, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(drops) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE `+deferredTable+` (ord int PRIMARY KEY, stmt text NOT NULL)`); err != nil {
		if noPrivilege(err) {
			slog.Info("cannot create tables here: loading with Cayley's indexes in place", "err", err)
			return nil
		}
		return fmt.Errorf("record deferred indexes: %w", err)
	}
	for i, m := range makes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+deferredTable+` VALUES ($1, $2)`, i, m); err != nil {
			return fmt.Errorf("record deferred indexes: %w", err)
		}
	}
	for _, d := range drops {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			if noPrivilege(err) {
				slog.Info("not the owner of Cayley's tables: loading with their indexes in place", "err", err)
				return nil
			}
			return fmt.Errorf("defer indexes: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("defer indexes: %w", err)
	}
	b.deferred = true
	slog.Debug("empty graph: index maintenance deferred to the end of the load", "indexes", len(drops))
	return nil
}

// restore makes again what a load (this one or an interrupted one)
// deferred, in one transaction.
func (b *pgBulk) restore(ctx context.Context) error {
	var exists bool
	if err := b.conn.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, deferredTable).Scan(&exists); err != nil {
		return fmt.Errorf("check deferred indexes: %w", err)
	}
	if !exists {
		return nil
	}
	if !b.deferred {
		slog.Warn("an interrupted load left this database without some of Cayley's indexes; making them now")
	}
	start := time.Now()
	tx, err := b.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem TO '256MB'`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT stmt FROM `+deferredTable+` ORDER BY ord`)
	if err != nil {
		return fmt.Errorf("read deferred indexes: %w", err)
	}
	var stmts []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		stmts = append(stmts, s)
	}
	rows.Close()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("restore indexes (%s): %w", s, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE `+deferredTable); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("restore indexes: %w", err)
	}
	b.deferred = false
	slog.Debug("indexes restored", "statements", len(stmts), "took", time.Since(start))
	return nil
}

// nodeColumns are the nodes table's value columns, in the temp table's order.
var nodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

// nodeColumnPos gives a value column's place in nodeColumns.
var nodeColumnPos = func() map[string]int {
	pos := map[string]int{}
	for i, c := range nodeColumns {
		pos[c] = i
	}
	return pos
}()

// quadDirs are the directions of a quad, in quads_in's column order.
var quadDirs = []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}

// apply writes one transaction of additions.
func (b *pgBulk) apply(ctx context.Context, tx *graph.Transaction) error {
	d := graphlog.SplitDeltas(tx.Deltas)
	if err := b.begin(ctx); err != nil {
		return err
	}
	if len(d.QuadDel) > 0 || len(d.DecNode) > 0 {
		// Cayley's writer finds what to delete through the indexes
		if err := b.restore(ctx); err != nil {
			return err
		}
		return errNeedWriter
	}
	stx, err := b.conn.BeginTx(ctx, nil)
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
	if _, err := stx.ExecContext(ctx, `CREATE TEMP TABLE nodes_in (`+cols+`) ON COMMIT DROP; CREATE TEMP TABLE quads_in (seq bigint, s int, p int, o int, l int) ON COMMIT DROP`); err != nil {
		return fmt.Errorf("temp tables: %w", err)
	}
	stmt, err := stx.PrepareContext(ctx, pq.CopyIn("nodes_in", append([]string{"seq", "refs", "hash"}, nodeColumns...)...))
	if err != nil {
		return err
	}
	// every node of an added quad has a reference increment, so quads are
	// sent as positions in nodes_in: a few digits instead of four hashes
	seq := make(map[graph.ValueHash]int, len(d.IncNode))
	for i, n := range d.IncNode {
		seq[n.Hash] = i
		key, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		row := make([]interface{}, 3+len(nodeColumns))
		row[0], row[1], row[2] = i, n.RefInc, vals[0]
		for k, c := range key.Columns() {
			row[3+nodeColumnPos[c]] = vals[1+k]
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
	row := make([]interface{}, 5)
	for i, q := range d.QuadAdd {
		row[0] = i
		for k, dir := range quadDirs {
			h := q.Quad.Get(dir)
			n, ok := seq[h]
			switch {
			case ok:
				row[1+k] = n
			case !h.Valid():
				row[1+k] = nil
			default:
				return fmt.Errorf("copy quads: quad %d refers to a node without a reference count", i)
			}
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("copy quads: %w", err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	stmt.Close()
	all := "hash, " + strings.Join(nodeColumns, ", ")
	if _, err := stx.ExecContext(ctx, `INSERT INTO nodes (refs, `+all+`) SELECT refs, `+all+` FROM nodes_in ORDER BY seq
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return fmt.Errorf("merge nodes: %w", err)
	}
	// temp tables have no statistics until analysed; without them the
	// join below is planned badly and the load runs at half the speed
	if _, err := stx.ExecContext(ctx, `ANALYZE nodes_in; ANALYZE quads_in`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	if _, err := stx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s.hash, p.hash, o.hash, l.hash, now() FROM quads_in q
		  JOIN nodes_in s ON s.seq = q.s JOIN nodes_in p ON p.seq = q.p JOIN nodes_in o ON o.seq = q.o
		  LEFT JOIN nodes_in l ON l.seq = q.l
		 ORDER BY q.seq ON CONFLICT DO NOTHING`); err != nil {
		return fmt.Errorf("insert quads: %w", err)
	}
	return stx.Commit()
}

// noPrivilege reports PostgreSQL's insufficient_privilege error.
func noPrivilege(err error) bool {
	var pqErr *pq.Error
	return errors.As(err, &pqErr) && pqErr.Code == "42501"
}

// errNeedWriter sends a batch with deletions to Cayley's writer.
var errNeedWriter = fmt.Errorf("batch has deletions")
