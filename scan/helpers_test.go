package scan

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/bearingorg/bearing"
)

// copyRepo copies testdata/repos/name into a temporary directory and
// returns it. Files named "gitignore" become ".gitignore" there: kept
// under their real name, they would make git leave the fixture's ignored
// files out of this repository.
func copyRepo(t testing.TB, name string) string {
	t.Helper()
	src := filepath.Join("testdata", "repos", name)
	dst := filepath.Join(t.TempDir(), name)
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if d.Name() == "gitignore" {
			target = filepath.Join(filepath.Dir(target), ".gitignore")
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func mustScan(t testing.TB, root string, opt Options) *bearing.Inventory {
	t.Helper()
	inv, err := Scan(context.Background(), root, opt)
	if err != nil {
		t.Fatalf("Scan(%s): %v", root, err)
	}
	return inv
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

// itemsOf finds the items of a name at a path.
func itemsOf(inv *bearing.Inventory, path, name string) []bearing.Item {
	var out []bearing.Item
	for _, it := range inv.Items {
		if it.Location.Path == path && it.Name == name {
			out = append(out, it)
		}
	}
	return out
}

// checkFile asserts what must hold for any parser's output on any input:
// places inside the file, names that identifiers read back as the same
// kind and name, versions without control characters.
func checkFile(t *testing.T, f *file) {
	t.Helper()
	lines := len(f.lineStarts())
	for _, it := range f.items {
		l := it.Location
		if l.Path != f.path || l.Line < 0 || l.Line > lines || l.Column < 0 || l.Line == 0 && l.Column != 0 {
			t.Fatalf("item %+v: location outside the file of %d lines", it, lines)
		}
		if l.Line > 0 && l.Column > utf8.RuneCountInString(f.line(l.Line))+1 {
			t.Fatalf("item %+v: column past the end of line %q", it, f.line(l.Line))
		}
		id, err := bearing.ParseIdentifier(it.Name)
		if err != nil || id.Kind != it.Kind || id.Name != it.Name {
			t.Fatalf("item %+v: ParseIdentifier gives %+v, %v", it, id, err)
		}
		if !id.Matches(it.Kind, it.Name, it.Version) {
			t.Fatalf("item %+v: its own identifier does not match it", it)
		}
		if it.Version != cleanVersion(it.Version) {
			t.Fatalf("item %+v: version not clean", it)
		}
	}
	for _, w := range f.warnings {
		if w.loc.Path != f.path || w.loc.Line < 0 || w.loc.Line > lines || w.msg == "" {
			t.Fatalf("warning %+v: %q outside the file", w.loc, w.msg)
		}
	}
}

// fuzzParser runs a parser on data as the file at path, checks its output,
// and returns the file.
func fuzzParser(t *testing.T, path string, data []byte, fn func(*file) error) *file {
	f := &file{path: path, data: data}
	err := fn(f)
	checkFile(t, f)
	if err != nil && f.errorLine(err) > len(f.lineStarts()) {
		t.Fatalf("error %q names a line past the end", err)
	}
	return f
}

// addSeeds adds the fixture files whose names satisfy match to a fuzz
// corpus, on top of the corpus in testdata/fuzz.
func addSeeds(f *testing.F, match func(rel, base string) bool) {
	filepath.WalkDir(filepath.Join("testdata", "repos"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel := filepath.ToSlash(path)
		if match(rel, d.Name()) {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
}
