// Package pgtest gives tests throwaway PostgreSQL databases and text dumps
// of Cayley's tables and schema to compare them by.
//
// The server is named by NEWSGRAPH_TEST_POSTGRES (a postgres:// URL);
// .ci/run starts a local one and sets it. Without it, tests that need a
// database are skipped with a message that says how to run them.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/lib/pq" // PostgreSQL driver (Cayley's own)
)

// EnvVar names the server the tests use.
const EnvVar = "NEWSGRAPH_TEST_POSTGRES"

var serial atomic.Int64

// NewDatabase creates an empty database on the test server, dropped when
// the test ends, and returns its DSN; it skips the test when no server is
// configured.
func NewDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvVar)
	if base == "" {
		t.Skip("no PostgreSQL: set " + EnvVar + "=postgres://user@host:port/db?sslmode=disable (.ci/run starts one)")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("newsgraph_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, serial.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("PostgreSQL at %s: %v", base, err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("postgres", base); err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// HasTable reports whether the database has a table of that name.
func HasTable(t testing.TB, dsn, name string) bool {
	t.Helper()
	return strings.TrimSpace(dump(t, dsn, `SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = '`+name+`'`)) != "--"
}

// Schema lists the indexes and constraints of Cayley's tables and any
// other table in the database, one per line, sorted.
func Schema(t testing.TB, dsn string) string {
	t.Helper()
	return dump(t, dsn, `
		SELECT 'index ' || regexp_replace(indexdef, ' ON \S+\.', ' ON ') FROM pg_indexes WHERE schemaname = current_schema()
		UNION ALL
		SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
		  FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
		UNION ALL
		SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = current_schema()
		ORDER BY 1`)
}

// Tables dumps Cayley's nodes table (every node with its reference count
// and value columns, by hash) and quads table (every quad in insertion
// order), timestamps aside.
func Tables(t testing.TB, dsn string) string {
	t.Helper()
	return dump(t, dsn,
		`SELECT encode(hash,'hex'), refs, coalesce(encode(value,'hex'),''), coalesce(value_string,''), coalesce(datatype,''), coalesce(language,''),
		        coalesce(iri,false), coalesce(bnode,false), coalesce(value_int,0), coalesce(value_bool,false), coalesce(value_float,0), coalesce(value_time::text,'') FROM nodes ORDER BY hash`,
		`SELECT encode(subject_hash,'hex'), encode(predicate_hash,'hex'), encode(object_hash,'hex'), coalesce(encode(label_hash,'hex'),'') FROM quads ORDER BY horizon`)
}

// dump runs queries and writes their rows as text, a "--" line after each.
func dump(t testing.TB, dsn string, queries ...string) string {
	t.Helper()
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]interface{}, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, vals...)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}
