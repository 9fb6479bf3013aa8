package adr

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
)

// fieldsOf lists the fields an import and export must preserve, as
// comparable strings (nil and empty lists read alike).
func fieldsOf(d *bearing.Decision) map[string]string {
	q := func(v []string) string { return fmt.Sprintf("%q", v) }
	m := map[string]string{
		"title": d.Title, "number": strconv.Itoa(d.Number), "status": string(d.Status),
		"created_at": d.CreatedAt.Format(time.RFC3339Nano), "revisit_on": d.RevisitOn.String(),
		"context": d.Context, "body": d.Body, "consequences": d.Consequences,
		"executive_summary": d.ExecutiveSummary, "dos": q(d.Dos), "donts": q(d.Donts),
		"tags": q(d.Tags), "deciders": q(d.Deciders), "consulted": q(d.Consulted),
		"informed": q(d.Informed), "supersedes": q(d.Supersedes), "superseded_by": q(d.SupersededBy),
		"options": strconv.Itoa(len(d.Options)),
	}
	for i, o := range d.Options {
		m[fmt.Sprintf("options[%d]", i)] = fmt.Sprintf("name=%q chosen=%v description=%q pros=%q cons=%q",
			o.Name, o.Chosen, o.Description, o.Pros, o.Cons)
	}
	return m
}

// diffFields returns one line per field that differs.
func diffFields(got, want *bearing.Decision) []string {
	g, w := fieldsOf(got), fieldsOf(want)
	var out []string
	for k := range w {
		if g[k] != w[k] {
			out = append(out, fmt.Sprintf("%s:\n\tgot  %q\n\twant %q", k, g[k], w[k]))
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			out = append(out, fmt.Sprintf("%s: unexpected %q", k, g[k]))
		}
	}
	return out
}

func checkFields(t *testing.T, got, want *bearing.Decision) {
	t.Helper()
	for _, d := range diffFields(got, want) {
		t.Error(d)
	}
}

func mustParse(t *testing.T, path string) *bearing.Decision {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(path, content)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if d.Source != path {
		t.Errorf("Source = %q, want %q", d.Source, path)
	}
	return d
}

func day(s string) time.Time { return bearing.MustParseDate(s).Time() }

// fixtures returns every ADR fixture under testdata/good.
func fixtures(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir("testdata/good", func(path string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && filepath.Dir(path) != "testdata/good" {
			out = append(out, path)
		}
		return err
	})
	if err != nil || len(out) != 7 {
		t.Fatalf("fixtures: %d files, %v", len(out), err)
	}
	return out
}

// copyTree copies the files under src into dst.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), content, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
