// Package sqldbtest opens throw-away databases on both engines for tests, so
// every storage test can run against SQLite and PostgreSQL alike.
//
// PostgreSQL tests read BEARING_TEST_POSTGRES (for example
// postgres://postgres@127.0.0.1:5432/postgres). Each test package gets its own
// database, created on first use and dropped by Cleanup; each test gets its
// own schema inside it. When the variable is unset, PostgreSQL tests are
// skipped with a message, except under CI=true, where that is a failure.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/bearingorg/bearing/sqldb"
)

// Engines are the names of the engines every storage test runs on.
var Engines = []string{"sqlite", "postgres"}

var (
	pgOnce sync.Once
	pgBase string // DSN of this package's database
	pgErr  error
	pgName string
)

// PostgresDSN returns the DSN of this test package's PostgreSQL database,
// creating it on first use. It skips the test when PostgreSQL is not
// configured, and fails it under CI=true.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv("BEARING_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("BEARING_TEST_POSTGRES is not set, but CI=true requires the PostgreSQL tests to run")
		}
		tb.Skip("PostgreSQL tests skipped: set BEARING_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres to run them")
	}
	pgOnce.Do(func() { pgBase, pgErr = createDatabase(admin) })
	if pgErr != nil {
		tb.Fatalf("PostgreSQL at BEARING_TEST_POSTGRES: %v", pgErr)
	}
	return pgBase
}

func createDatabase(admin string) (string, error) {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return "", err
	}
	defer db.Close()
	pgName = "bearing_test_" + randomHex(6)
	if _, err := db.Exec("CREATE DATABASE " + pgName); err != nil {
		return "", err
	}
	u, err := url.Parse(admin)
	if err != nil {
		return "", err
	}
	u.Path = "/" + pgName
	return u.String(), nil
}

// Cleanup drops this package's PostgreSQL database, if one was created. Call
// it from TestMain after m.Run.
func Cleanup() {
	if pgName == "" {
		return
	}
	db, err := sql.Open("pgx", os.Getenv("BEARING_TEST_POSTGRES"))
	if err != nil {
		return
	}
	defer db.Close()
	db.Exec("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)")
}

// DSN returns a fresh, empty database location for the engine: a file in a
// temporary directory for SQLite, a new schema for PostgreSQL.
func DSN(tb testing.TB, engine string) string {
	tb.Helper()
	switch engine {
	case "sqlite":
		return filepath.Join(tb.TempDir(), "bearing.db")
	case "postgres":
		base := PostgresDSN(tb)
		schema := "t_" + randomHex(6)
		db, err := sql.Open("pgx", base)
		if err != nil {
			tb.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
			tb.Fatal(err)
		}
		u, _ := url.Parse(base)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	tb.Fatalf("unknown engine %q", engine)
	return ""
}

// Open returns a migrated, empty database on the engine, closed at the end
// of the test.
func Open(tb testing.TB, engine string) *sqldb.DB {
	tb.Helper()
	db := sqldb.New(DSN(tb, engine))
	if err := db.Open(context.Background()); err != nil {
		tb.Fatalf("open %s: %v", engine, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Each runs fn as a subtest on every engine.
func Each(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	for _, e := range Engines {
		t.Run(e, func(t *testing.T) { fn(t, Open(t, e)) })
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprint(err))
	}
	return hex.EncodeToString(b)
}
