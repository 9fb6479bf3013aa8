package main

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
)

// radarSummary lists "name quadrant ring moves" of every entry, sorted.
func radarSummary(t *testing.T, dsn string) []string {
	t.Helper()
	db := sqldb.New(dsn)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ts, err := sqldb.NewTechnologyService(db).FindTechnologies(context.Background(), bearing.TechnologyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range ts {
		out = append(out, strings.Join([]string{x.Name, x.Quadrant, x.Ring}, " | "))
	}
	sort.Strings(out)
	return out
}

// TestRadarImportExport imports a Backstage radar, exports it in every
// format, and imports each export into an empty database: the same entries
// come back in the same rings and quadrants.
func TestRadarImportExport(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	env := map[string]string{"BEARING_DATABASE": src}
	fixture := filepath.Join("..", "..", "radarfmt", "testdata", "backstage", "techradar.json")
	if code, out, errs := run(t, "", env, "import", "radar", "--format", "backstage", fixture, "--dry-run"); code != 0 || !strings.Contains(out, "would import") {
		t.Fatalf("dry run: %d %s %s", code, out, errs)
	}
	if code, _, errs := run(t, "", env, "import", "radar", "--format", "backstage", fixture); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	want := radarSummary(t, src)
	if len(want) < 10 {
		t.Fatalf("imported only %d entries", len(want))
	}
	for _, format := range []string{"zalando", "byor-csv", "byor-json", "backstage", "aoe"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "radar."+format)
			if code, _, errs := run(t, "", env, "export", "radar", "--format", format, out); code != 0 {
				t.Fatalf("export: %s", errs)
			}
			dst := filepath.Join(t.TempDir(), "dst.db")
			if code, _, errs := run(t, "", map[string]string{"BEARING_DATABASE": dst}, "import", "radar", "--format", format, out); code != 0 {
				t.Fatalf("import of the export: %s", errs)
			}
			if got := radarSummary(t, dst); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("round trip through %s:\n got %v\nwant %v", format, got, want)
			}
		})
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("name,ring,quadrant,isNew,status,description\nX,sometimes,Tools,FALSE,,x\n"), 0o644)
	code, _, errs := run(t, "", map[string]string{"BEARING_DATABASE": filepath.Join(t.TempDir(), "x.db")}, "import", "radar", "--format", "byor-csv", bad)
	if code != 1 || !strings.Contains(errs, "bad.csv:2") {
		t.Fatalf("bad CSV: %d %s", code, errs)
	}
}
