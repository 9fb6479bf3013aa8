package radarfmt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRoundTrip is the promise of the package: what a reader reads, the
// writer writes so that the reader reads the very same radar back, and the
// same radar always gives the same bytes.
func TestRoundTrip(t *testing.T) {
	for _, f := range singleFile {
		t.Run(f.name, func(t *testing.T) {
			rd := mustRead(t, f)
			out := mustWrite(t, f, rd)
			again, err := f.read(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("read(write(r)): %v\n%s", err, out)
			}
			for _, d := range diffFields(fieldsOf(again), fieldsOf(rd)) {
				t.Errorf("%s\n--- written:\n%s", d, out)
			}
			if twice := mustWrite(t, f, rd); !bytes.Equal(out, twice) {
				t.Errorf("writing the same radar twice gave different bytes")
			}
			if out2 := mustWrite(t, f, again); !bytes.Equal(out, out2) {
				t.Errorf("write is not stable:\n%s\n--- then:\n%s", out, out2)
			}
		})
	}
}

func TestRoundTripAOE(t *testing.T) {
	rd, err := ReadAOE(os.DirFS("testdata/aoe"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteAOE(dir, rd); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAOE(os.DirFS(dir))
	if err != nil {
		t.Fatalf("ReadAOE(WriteAOE(r)): %v", err)
	}
	for _, d := range diffFields(fieldsOf(again), fieldsOf(rd)) {
		t.Error(d)
	}
	dir2 := t.TempDir()
	if err := WriteAOE(dir2, again); err != nil {
		t.Fatal(err)
	}
	if a, b := tree(t, dir), tree(t, dir2); a != b {
		t.Errorf("WriteAOE is not stable:\n%s\n--- then:\n%s", a, b)
	}
}

// TestCrossFormat reads Backstage, writes AOE and reads that back: names,
// rings, quadrants and the whole ring history survive.
func TestCrossFormat(t *testing.T) {
	rd := mustRead(t, singleFile[3])
	dir := t.TempDir()
	if err := WriteAOE(dir, rd); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAOE(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	view := func(rd *Radar) map[string]string {
		m := map[string]string{"title": rd.Title, "rings": rd.Config.RingNames(), "quadrants": rd.Config.QuadrantNames()}
		for _, x := range rd.Technologies {
			m[x.Slug] = x.Name + " | " + x.Quadrant + " | " + x.Ring + " | " + x.Description + " | " + moves(x.Moves, false)
		}
		return m
	}
	for _, d := range diffFields(view(got), view(rd)) {
		t.Error(d)
	}
	if len(got.Editions) != 6 {
		t.Errorf("%d editions, want one per date of the timelines (6)", len(got.Editions))
	}
	// Earlier moves keep their reasons; the newest file carries the description.
	ts := tech(t, got, "typescript")
	if r := ts.Moves[1].Reason; r != "Two teams migrated their apps; strict mode catches real bugs." {
		t.Errorf("reason of the second move = %q", r)
	}
}

// tree lists every file under dir with its content.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b bytes.Buffer
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		b.WriteString("== " + filepath.ToSlash(rel) + "\n")
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
