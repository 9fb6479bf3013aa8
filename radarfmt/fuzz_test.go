package radarfmt

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzRead checks, for one format, that no input makes the reader panic,
// that refusals are Problems, and that whatever it accepts survives a write
// and a read with every field intact, written the same way again. The seeds
// are small (testdata/fuzz holds more): the fuzzer spends long minimizing
// every new find in a large one, such as a whole fixture.
func fuzzRead(f *testing.F, fm format, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd, err := fm.read(bytes.NewReader(data))
		if err != nil {
			problemOf(t, err)
			return
		}
		out := mustWrite(t, fm, rd)
		again, err := fm.read(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("read(write(r)): %v\n--- input:\n%q\n--- written:\n%s", err, data, out)
		}
		if diffs := diffFields(fieldsOf(again), fieldsOf(rd)); len(diffs) > 0 {
			t.Fatalf("fields changed:\n%s\n--- input:\n%q\n--- written:\n%s", strings.Join(diffs, "\n"), data, out)
		}
		if out2 := mustWrite(t, fm, again); !bytes.Equal(out, out2) {
			t.Fatalf("write is not stable:\n%s\n--- then:\n%s", out, out2)
		}
	})
}

func FuzzReadZalando(f *testing.F) {
	fuzzRead(f, singleFile[0], `{"entries": [{"label": "Go", "quadrant": 0, "ring": 0, "moved": 2}]}`)
}

func FuzzReadBYORCSV(f *testing.F) {
	fuzzRead(f, singleFile[1], "name,ring,quadrant\nGo,adopt,Languages\n")
}

func FuzzReadBYORJSON(f *testing.F) {
	fuzzRead(f, singleFile[2], `[{"name": "Go", "ring": "adopt", "quadrant": "Languages", "isNew": true}]`)
}

func FuzzReadBackstage(f *testing.F) {
	fuzzRead(f, singleFile[3], backstage(`{"title": "Go", "quadrant": "langs", "timeline": [{"ringId": "adopt", "date": "2024-01-01"}]}`))
}

// FuzzReadAOEFile places one Markdown file in a radar twice: as an item of
// its own in the first release and as a later revision of another item.
func FuzzReadAOEFile(f *testing.F) {
	f.Add([]byte("---\ntitle: Go\nring: adopt\nquadrant: tools\ntags: [a]\nfeatured: false\n---\n\nText.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"radar/2024-01-01/fuzz.md": {Data: data},
			"radar/2024-01-01/base.md": {Data: []byte("---\ntitle: Base\nring: trial\nquadrant: tools\n---\n\nBase.\n")},
			"radar/2024-06-01/base.md": {Data: data},
		}
		rd, err := ReadAOE(fsys)
		if err != nil {
			if p := problemOf(t, err); p.Path == "" {
				t.Fatalf("Problem without a path: %v", p)
			}
			return
		}
		written := aoeFS(t, rd)
		again, err := ReadAOE(written)
		if err != nil {
			t.Fatalf("ReadAOE(WriteAOE(r)): %v\n--- input:\n%q", err, data)
		}
		if diffs := diffFields(fieldsOf(again), fieldsOf(rd)); len(diffs) > 0 {
			t.Fatalf("fields changed:\n%s\n--- input:\n%q\n--- written:\n%s", strings.Join(diffs, "\n"), data, dump(written))
		}
	})
}

// dump lists the files of an in-memory folder with their content.
func dump(fsys fstest.MapFS) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(fsys)) {
		b.WriteString("== " + name + "\n" + string(fsys[name].Data))
	}
	return b.String()
}
