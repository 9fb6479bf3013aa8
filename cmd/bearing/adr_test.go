package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/demo"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportADR imports a directory of adr-tools records with one bad file:
// the bad file is reported as path:line and skipped, the rest imported in
// one go with numbers, statuses and supersede links kept.
func TestImportADR(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"0001-record-architecture-decisions.md": "# 1. Record architecture decisions\n\nDate: 2019-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n\n## Decision\n\nWe will use ADRs.\n\n## Consequences\n\nSee Nygard.\n",
		"0002-use-mysql.md":                     "# 2. Use MySQL\n\nDate: 2019-04-01\n\n## Status\n\nSuperceded by [3. Use PostgreSQL](0003-use-postgresql.md)\n\n## Context\n\nWe need a database.\n\n## Decision\n\nMySQL.\n\n## Consequences\n\nOps.\n",
		"0003-use-postgresql.md":                "# 3. Use PostgreSQL\n\nDate: 2020-05-06\n\n## Status\n\nAccepted\n\nSupercedes [2. Use MySQL](0002-use-mysql.md)\n\n## Context\n\nMySQL hurt.\n\n## Decision\n\nPostgreSQL.\n\n## Consequences\n\nMigrate.\n",
		"0004-bad.md":                           "# 4. Broken\n\nDate: 2020-01-01\n\n## Status\n\nMaybe-ish\n\n## Context\n\nx\n",
	})
	env := map[string]string{"BEARING_DATABASE": filepath.Join(t.TempDir(), "b.db")}
	code, out, errs := run(t, "", env, "import", "adr", dir, "--dry-run")
	if code != 1 || !strings.Contains(out, "would import DEC-3") || !strings.Contains(errs, "0004-bad.md:7:") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = run(t, "", env, "import", "adr", dir)
	if code != 1 || !strings.Contains(errs, "Imported 3 decisions") || !strings.Contains(errs, "1 files were skipped") {
		t.Fatalf("import: %d %s", code, errs)
	}
	db := sqldb.New(env["BEARING_DATABASE"])
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d, err := sqldb.NewDecisionService(db).FindDecision(context.Background(), "DEC-2")
	if err != nil || d.Status != bearing.StatusSuperseded || strings.Join(d.SupersededBy, ",") != "DEC-3" ||
		d.CreatedAt.Format("2006-01-02") != "2019-04-01" {
		t.Fatalf("DEC-2 = %+v, %v", d, err)
	}
	// Importing again clashes on every number and changes nothing.
	code, _, errs = run(t, "", env, "import", "adr", dir)
	if code != 1 || !strings.Contains(errs, "already taken") {
		t.Fatalf("second import: %d %s", code, errs)
	}
}

// TestADRRoundTrip exports the whole demo organisation as MADR files and
// imports them into an empty database: every decision comes back the same.
func TestADRRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := sqldbtest.Open(t, "sqlite")
	_, err := demo.Seed(sqldb.SystemContext(ctx), demo.Services{Users: sqldb.NewUserService(src),
		Decisions: sqldb.NewDecisionService(src), SetClock: func(tm time.Time) {
			if tm.IsZero() {
				src.Now = bearing.Now
			} else {
				src.Now = func() time.Time { return tm }
			}
		}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if code, _, errs := run(t, "", map[string]string{"BEARING_DATABASE": src.DSN}, "export", "adr", out); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errs := run(t, "", map[string]string{"BEARING_DATABASE": dst}, "import", "adr", out); code != 0 {
		t.Fatalf("import of the export: %s", errs)
	}
	before, err := allDecisions(ctx, sqldb.NewDecisionService(src))
	if err != nil {
		t.Fatal(err)
	}
	db := sqldb.New(dst)
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after, err := allDecisions(ctx, sqldb.NewDecisionService(db))
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) || len(before) < 40 {
		t.Fatalf("round trip: %d decisions before, %d after", len(before), len(after))
	}
	for i := range before {
		if a, b := adrFields(before[i]), adrFields(after[i]); !reflect.DeepEqual(a, b) {
			t.Errorf("%s changed in the round trip:\nbefore %+v\nafter  %+v", before[i].Key(), a, b)
		}
	}
}

// adrFields is the part of a decision that ADR files carry (people are users
// in Bearing, and have no place in an ADR file).
func adrFields(d *bearing.Decision) bearing.Decision {
	return bearing.Decision{Number: d.Number, Title: d.Title, Status: d.Status, Context: d.Context, Options: d.Options,
		Body: d.Body, Consequences: d.Consequences, Dos: d.Dos, Donts: d.Donts, ExecutiveSummary: d.ExecutiveSummary,
		Tags: d.Tags, Deciders: d.Deciders, Consulted: d.Consulted, Informed: d.Informed, RevisitOn: d.RevisitOn,
		Supersedes: d.Supersedes, SupersededBy: d.SupersededBy, CreatedAt: d.CreatedAt.Truncate(24 * time.Hour)}
}
