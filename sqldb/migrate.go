package sqldb

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// migrationLockID is the PostgreSQL advisory lock that serialises
// migrations, so instances starting together do not migrate twice.
const migrationLockID = 0x6265617269 // "beari"

// Migrate applies every embedded migration not yet recorded, in name order,
// each in its own transaction.
func (db *DB) Migrate(ctx context.Context) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if db.dialect.name() == "postgres" {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", migrationLockID); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockID)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("migrate: create table: %w", err)
	}
	names, err := db.migrationNames()
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := db.migrateFile(ctx, conn, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/"+db.dialect.name()+"/*.sql")
	sort.Strings(names)
	return names, err
}

// migrateFile applies one migration on conn, the connection holding the
// migration lock (on SQLite, the single writer connection).
func (db *DB) migrateFile(ctx context.Context, conn *sql.Conn, name string) error {
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	tx := &Tx{Tx: sqlTx, db: db, now: db.Now()}
	defer tx.Rollback()
	var n int
	if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}

// MigrationStatus lists every migration and whether it has been applied.
func (db *DB) MigrationStatus(ctx context.Context) (map[string]bool, error) {
	names, err := db.migrationNames()
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = false
	}
	rows, err := db.read.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return out, nil // no table yet: nothing applied
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}
