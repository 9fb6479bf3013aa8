package adr

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, that refusals are
// Problems, and that whatever Parse accepts survives Format and Parse again
// with every field intact, in a form Format then writes identically.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"testdata/good", "testdata/bad"} {
		filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".md") {
				content, err := os.ReadFile(path)
				if err == nil {
					f.Add(content)
				}
			}
			return nil
		})
	}
	for _, c := range edgeCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "0007-fuzz.md"
		d, err := Parse(path, data)
		if err != nil {
			var p Problem
			if !errors.As(err, &p) || p.Path != path {
				t.Fatalf("Parse error %v (%T) is not a Problem of %s", err, err, path)
			}
			return
		}
		out := Format(d)
		again, err := Parse(path, out)
		if err != nil {
			t.Fatalf("Parse(Format(d)): %v\n--- input:\n%s\n--- written:\n%s", err, data, out)
		}
		if diffs := diffFields(again, d); len(diffs) > 0 {
			t.Fatalf("fields changed:\n%s\n--- input:\n%q\n--- written:\n%s", strings.Join(diffs, "\n"), data, out)
		}
		if out2 := Format(again); !bytes.Equal(out, out2) {
			t.Fatalf("Format is not stable:\n%s\n--- then:\n%s", out, out2)
		}
	})
}
