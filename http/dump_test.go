package http_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/bearingorg/bearing/sqldb"
)

// dumpTables returns every value of the named tables as text, for tests
// that look for things that must not be stored.
func dumpTables(t *testing.T, db *sqldb.DB, tables ...string) string {
	t.Helper()
	raw, err := sql.Open("sqlite", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var b strings.Builder
	for _, table := range tables {
		rows, err := raw.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
			n++
		}
		rows.Close()
		if n == 0 {
			t.Fatalf("table %s is empty; the test would prove nothing", table)
		}
	}
	return b.String()
}
