package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/bearingorg/bearing"
)

// dialect is everything that differs between the two engines.
type dialect interface {
	name() string
	rebind(q string) string
	// args converts values the driver would store differently (times, dates).
	args(args []any) []any
	// mapError turns driver errors into domain errors.
	mapError(err error) error
	// search returns the full-text clauses for the given words.
	search(terms []string) searchSQL
	// indexDecision updates the full-text index after a decision is written.
	indexDecision(ctx context.Context, tx *Tx, d *bearing.Decision) error
}

// timeLayout is how SQLite stores timestamps: fixed width, so text order is
// time order.
const timeLayout = "2006-01-02T15:04:05.000000Z"

type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }

func (sqliteDialect) args(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case time.Time:
			args[i] = v.UTC().Format(timeLayout)
		case *time.Time:
			if v == nil {
				args[i] = nil
			} else {
				args[i] = v.UTC().Format(timeLayout)
			}
		case bearing.Date:
			args[i] = dateArg(v)
		}
	}
	return args
}

func (sqliteDialect) mapError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &bearing.Error{Code: bearing.ECONFLICT, Message: "That already exists."}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return &bearing.Error{Code: bearing.EINVALID, Message: "A referenced record does not exist."}
		}
	}
	return err
}

type postgresDialect struct{}

func (postgresDialect) name() string           { return "postgres" }
func (postgresDialect) rebind(q string) string { return rebindQ(q) }

func (postgresDialect) args(args []any) []any {
	for i, a := range args {
		if d, ok := a.(bearing.Date); ok {
			args[i] = dateArg(d)
		}
	}
	return args
}

func (postgresDialect) mapError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return &bearing.Error{Code: bearing.ECONFLICT, Message: "That already exists."}
		case "23503":
			return &bearing.Error{Code: bearing.EINVALID, Message: "A referenced record does not exist."}
		case "40001", "40P01":
			return &bearing.Error{Code: bearing.ECONFLICT, Message: "A concurrent change got there first; try again."}
		}
	}
	return err
}

func dateArg(d bearing.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// openSQLite opens a writer (one connection, IMMEDIATE transactions so a
// writer never fails half-way on a lock upgrade) and a reader pool, both in
// WAL mode with foreign keys on and a busy timeout.
func openSQLite(path string) (write, read *sql.DB, err error) {
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)"
	if path == ":memory:" {
		// One shared in-memory database for both pools, for tests.
		name := fmt.Sprintf("file:mem%d?mode=memory&cache=shared&", time.Now().UnixNano())
		write, err = sql.Open("sqlite", name+pragmas+"&_txlock=immediate")
		if err != nil {
			return nil, nil, err
		}
		write.SetMaxOpenConns(1)
		return write, write, nil
	}
	base := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas + "&_pragma=journal_mode(WAL)"
	if write, err = sql.Open("sqlite", base+"&_txlock=immediate"); err != nil {
		return nil, nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	if read, err = sql.Open("sqlite", base+"&_pragma=query_only(1)"); err != nil {
		write.Close()
		return nil, nil, err
	}
	read.SetMaxOpenConns(8)
	read.SetMaxIdleConns(8)
	return write, read, nil
}

func openPostgres(dsn string) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

// scanTime reads a timestamp from either engine into a time.Time.
type scanTime struct{ t *time.Time }

func (s scanTime) Scan(v any) error {
	switch x := v.(type) {
	case time.Time:
		*s.t = x.UTC()
	case string:
		return parseTime(x, s.t)
	case []byte:
		return parseTime(string(x), s.t)
	default:
		return fmt.Errorf("cannot read %T as a time", v)
	}
	return nil
}

func parseTime(s string, t *time.Time) error {
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return err
	}
	*t = v.UTC()
	return nil
}

// scanNullTime reads a nullable timestamp.
type scanNullTime struct{ t **time.Time }

func (s scanNullTime) Scan(v any) error {
	if v == nil {
		*s.t = nil
		return nil
	}
	var t time.Time
	if err := (scanTime{&t}).Scan(v); err != nil {
		return err
	}
	*s.t = &t
	return nil
}

// scanDate reads a nullable DATE (PostgreSQL) or YYYY-MM-DD text (SQLite).
type scanDate struct{ d *bearing.Date }

func (s scanDate) Scan(v any) error {
	var err error
	switch x := v.(type) {
	case nil:
		*s.d = bearing.Date{}
	case time.Time:
		*s.d = bearing.DateOf(x)
	case string:
		*s.d, err = parseDateText(x)
	case []byte:
		*s.d, err = parseDateText(string(x))
	default:
		err = fmt.Errorf("cannot read %T as a date", v)
	}
	return err
}

// parseDateText reads the date part of "2026-01-02" or "2026-01-02T00:00:00Z".
func parseDateText(s string) (bearing.Date, error) {
	s = strings.TrimSpace(s)
	return bearing.ParseDate(s[:min(10, len(s))])
}

var _ sql.Scanner = scanDate{}

// searchSQL is the full-text part of a decision query.
type searchSQL struct {
	join      string // joined after decisionFrom
	where     string
	args      []any
	order     string // "" when not searching
	orderArgs []any
}

func (sqliteDialect) search(terms []string) searchSQL {
	if len(terms) == 0 {
		return searchSQL{}
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = `"` + t + `"*`
	}
	return searchSQL{
		join:  ` JOIN decisions_fts f ON f.rowid = d.rowid`,
		where: `decisions_fts MATCH ?`,
		args:  []any{strings.Join(parts, " ")},
		order: `bm25(decisions_fts, 0, 10, 4, 1)`,
	}
}

func (postgresDialect) search(terms []string) searchSQL {
	if len(terms) == 0 {
		return searchSQL{}
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = t + ":*"
	}
	q := strings.Join(parts, " & ")
	return searchSQL{
		where:     `d.search @@ to_tsquery('english', ?)`,
		args:      []any{q},
		order:     `ts_rank(d.search, to_tsquery('english', ?)) DESC`,
		orderArgs: []any{q},
	}
}

// indexDecision keeps SQLite's full-text index in step with a decision row;
// PostgreSQL's is a generated column and needs nothing.
func (sqliteDialect) indexDecision(ctx context.Context, tx *Tx, d *bearing.Decision) error {
	if _, err := tx.exec(ctx, `DELETE FROM decisions_fts WHERE rowid = (SELECT rowid FROM decisions WHERE id = ?)`, d.ID); err != nil {
		return err
	}
	body := strings.Join([]string{d.Context, d.Body, d.Consequences, strings.Join(d.Dos, "\n"), strings.Join(d.Donts, "\n"), optionText(d.Options)}, "\n")
	_, err := tx.exec(ctx, `INSERT INTO decisions_fts (rowid, decision_id, title, summary, body)
		SELECT rowid, id, ?, ?, ? FROM decisions WHERE id = ?`, d.Title, d.ExecutiveSummary, body, d.ID)
	return err
}

func (postgresDialect) indexDecision(context.Context, *Tx, *bearing.Decision) error { return nil }

func optionText(opts []bearing.Option) string {
	var b strings.Builder
	for _, o := range opts {
		b.WriteString(o.Name + "\n" + o.Description + "\n" + strings.Join(o.Pros, "\n") + "\n" + strings.Join(o.Cons, "\n") + "\n")
	}
	return b.String()
}
