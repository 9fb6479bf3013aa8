// Package sqldb stores Bearing's domain in SQL: SQLite (modernc.org/sqlite,
// pure Go, so the binary stays static) by default and PostgreSQL (pgx) when
// several instances share one database. Both engines run the same queries;
// only the schema files, full-text search and error codes differ, and they
// live in one dialect value each.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bearingorg/bearing"
)

// DB is an open database. SQLite gets one connection for writes (SQLite
// allows one writer at a time; queuing in Go beats busy-waiting in SQLite)
// and a pool for reads; PostgreSQL uses one pool for both.
type DB struct {
	DSN string

	// Now returns the current time; tests replace it for stable output.
	Now func() time.Time

	dialect dialect
	write   *sql.DB
	read    *sql.DB

	// stmts caches prepared statements per pool and query text: parsing SQL
	// was a third of SQLite's time per request. PostgreSQL's driver caches
	// its own, so it is used for SQLite only.
	stmts  sync.Map // stmtKey → *sql.Stmt
	nstmts atomic.Int32
}

type stmtKey struct {
	pool  *sql.DB
	query string
}

// maxStmts bounds the statement cache; queries built with variable IN lists
// have many shapes, and the rarest need not stay prepared.
const maxStmts = 1000

// New returns a DB for dsn: a postgres:// or postgresql:// URL selects
// PostgreSQL, anything else is a SQLite file path (":memory:" works for tests).
func New(dsn string) *DB {
	return &DB{DSN: dsn, Now: bearing.Now}
}

// Open connects and applies pending migrations.
func (db *DB) Open(ctx context.Context) error {
	if err := db.Connect(ctx); err != nil {
		return err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return err
	}
	return nil
}

// Connect opens the connections without migrating, for `bearing migrate
// --status` and for tools that must not change the schema.
func (db *DB) Connect(ctx context.Context) (err error) {
	if db.DSN == "" {
		return errors.New("sqldb: no database given")
	}
	if IsPostgres(db.DSN) {
		db.dialect = postgresDialect{}
		db.write, err = openPostgres(db.DSN)
		db.read = db.write
	} else {
		db.dialect = sqliteDialect{}
		db.write, db.read, err = openSQLite(db.DSN)
	}
	if err != nil {
		return err
	}
	if err := db.ping(ctx); err != nil {
		db.Close()
		return fmt.Errorf("sqldb: cannot reach the %s database: %w", db.dialect.name(), err)
	}
	return nil
}

// ping opens the first connection. Switching a new SQLite file to WAL takes
// an exclusive lock that SQLite refuses at once, without waiting, when
// another process opens the file at the same moment (instances starting
// together), so a busy database is retried for up to ten seconds.
func (db *DB) ping(ctx context.Context) error {
	for try := 0; ; try++ {
		err := db.write.PingContext(ctx)
		if err == nil || try >= 100 || !strings.Contains(err.Error(), "SQLITE_BUSY") {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Engine returns "sqlite" or "postgres".
func (db *DB) Engine() string { return db.dialect.name() }

// Close closes every connection.
func (db *DB) Close() error {
	db.stmts.Range(func(k, v any) bool { v.(*sql.Stmt).Close(); return true })
	var err error
	if db.read != nil && db.read != db.write {
		err = db.read.Close()
	}
	if db.write != nil {
		if e := db.write.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers, for readiness probes.
func (db *DB) Ping(ctx context.Context) error { return db.write.PingContext(ctx) }

// Tx is a transaction that records the time once, so every row written in
// one change carries the same timestamp, and that rewrites queries for the
// engine it runs on.
type Tx struct {
	*sql.Tx
	db   *DB
	pool *sql.DB // nil for a transaction on a dedicated connection
	now  time.Time
}

// BeginTx starts a read-only (on the read pool) or writable transaction.
func (db *DB) BeginTx(ctx context.Context, writable bool) (*Tx, error) {
	pool := db.read
	if writable {
		pool = db.write
	}
	tx, err := pool.BeginTx(ctx, &sql.TxOptions{ReadOnly: !writable && db.dialect.name() == "postgres"})
	if err != nil {
		return nil, db.dialect.mapError(err)
	}
	return &Tx{Tx: tx, db: db, pool: pool, now: db.Now().UTC().Truncate(time.Microsecond)}, nil
}

// stmt returns the transaction's handle on a cached prepared statement, or
// nil when statements are not cached (writes, PostgreSQL, a full cache, or a
// statement that cannot be prepared, in which case the plain call reports why).
func (tx *Tx) stmt(ctx context.Context, query string) *sql.Stmt {
	// Only the read pool: preparing on the single writer connection while
	// this transaction holds it would wait for ever.
	if tx.pool == nil || tx.pool != tx.db.read || tx.db.read == tx.db.write || tx.db.dialect.name() != "sqlite" {
		return nil
	}
	key := stmtKey{tx.pool, query}
	if v, ok := tx.db.stmts.Load(key); ok {
		return tx.StmtContext(ctx, v.(*sql.Stmt))
	}
	if tx.db.nstmts.Load() >= maxStmts {
		return nil
	}
	st, err := tx.pool.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	if v, loaded := tx.db.stmts.LoadOrStore(key, st); loaded {
		st.Close()
		st = v.(*sql.Stmt)
	} else {
		tx.db.nstmts.Add(1)
	}
	return tx.StmtContext(ctx, st)
}

// exec runs a statement written with ? placeholders.
func (tx *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	q, a := tx.db.dialect.rebind(query), tx.db.dialect.args(args)
	if st := tx.stmt(ctx, q); st != nil {
		res, err := st.ExecContext(ctx, a...)
		return res, tx.db.dialect.mapError(err)
	}
	res, err := tx.ExecContext(ctx, q, a...)
	return res, tx.db.dialect.mapError(err)
}

// query runs a query written with ? placeholders.
func (tx *Tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q, a := tx.db.dialect.rebind(query), tx.db.dialect.args(args)
	if st := tx.stmt(ctx, q); st != nil {
		rows, err := st.QueryContext(ctx, a...)
		return rows, tx.db.dialect.mapError(err)
	}
	rows, err := tx.QueryContext(ctx, q, a...)
	return rows, tx.db.dialect.mapError(err)
}

// queryRow runs a single-row query written with ? placeholders.
func (tx *Tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	q, a := tx.db.dialect.rebind(query), tx.db.dialect.args(args)
	if st := tx.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, a...)
	}
	return tx.QueryRowContext(ctx, q, a...)
}

// insertID inserts a row and returns its generated id (both engines support
// RETURNING).
func (tx *Tx) insertID(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	err := tx.queryRow(ctx, query+" RETURNING id", args...).Scan(&id)
	return id, tx.db.dialect.mapError(err)
}

// rebindQ rewrites ? placeholders as $1, $2, … for PostgreSQL. Queries in
// this package never contain a literal question mark.
func rebindQ(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n == 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// wrap adds context to err, keeping domain errors as they are.
func wrap(err *error, format string, args ...any) {
	if *err == nil {
		return
	}
	var be *bearing.Error
	if errors.As(*err, &be) {
		return
	}
	*err = fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), *err)
}
