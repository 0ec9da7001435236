package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// errNoGraph says a PostgreSQL database has no graph yet.
var errNoGraph = errors.New("no store here (no Cayley tables in this database); run `newsgraph build` first or pass --db")

// pgHasGraph reports whether the database already has Cayley's tables.
func pgHasGraph(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (bool, error) {
	var ok bool
	err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// pgCheckGraph returns errNoGraph when the database has no graph.
func pgCheckGraph(ctx context.Context, dsn string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ok, err := pgHasGraph(ctx, db)
	if err != nil {
		return err
	}
	if !ok {
		return errNoGraph
	}
	return nil
}

// pgCreate makes Cayley's tables with initialise unless they exist, under
// an advisory lock so that builds starting together on a new database do
// not race (PostgreSQL rejects concurrent CREATE TABLE of one name).
func pgCreate(ctx context.Context, dsn string, initialise func() error) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext($1))`, createLockKey); err != nil {
		return fmt.Errorf("creation lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(hashtext($1))`, createLockKey)
	// Cayley logs an ERROR line when its tables exist: look first
	if ok, err := pgHasGraph(ctx, conn); err != nil || ok {
		return err
	}
	return initialise()
}
