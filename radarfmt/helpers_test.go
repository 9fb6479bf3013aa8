package radarfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bearingorg/bearing"
)

// format bundles a reader and a writer of one single-file format.
type format struct {
	name    string
	fixture string
	read    func(io.Reader) (*Radar, error)
	write   func(io.Writer, *Radar) error
}

var singleFile = []format{
	{"zalando", "testdata/zalando/config.json", ReadZalando, WriteZalando},
	{"byor-csv", "testdata/byor/radar.csv", ReadBYORCSV, WriteBYORCSV},
	{"byor-json", "testdata/byor/radar.json", ReadBYORJSON, WriteBYORJSON},
	{"backstage", "testdata/backstage/techradar.json", ReadBackstage, WriteBackstage},
}

// fieldsOf lists what a format can carry, as comparable strings, so that a
// difference names the field that changed.
func fieldsOf(rd *Radar) map[string]string {
	m := map[string]string{"title": rd.Title, "order": ""}
	for i, r := range rd.Config.Rings {
		m[fmt.Sprintf("rings[%d]", i)] = fmt.Sprintf("%q %s %q color=%s", r.Name, r.Verdict, r.Description, rd.color(r))
	}
	for i, q := range rd.Config.Quadrants {
		m[fmt.Sprintf("quadrants[%d]", i)] = fmt.Sprintf("%q %q", q.Name, q.Description)
	}
	for _, t := range rd.Technologies {
		m["order"] += t.Slug + " "
		k := "tech " + t.Slug
		m[k] = fmt.Sprintf("name=%q quadrant=%q ring=%q description=%q", t.Name, t.Quadrant, t.Ring, t.Description)
		m[k+" moves"] = moves(t.Moves, true)
		m[k+" extra"] = fmt.Sprintf("%+v", rd.ext(t))
	}
	for i, e := range rd.Editions {
		m[fmt.Sprintf("editions[%d]", i)] = fmt.Sprintf("%q %s %+v", e.Name, e.PublishedAt.Format(time.RFC3339), e.Entries)
	}
	return m
}

// moves writes a history compactly, with or without the reasons.
func moves(ms []bearing.RingMove, reasons bool) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%s %q→%q", m.At.Format(time.RFC3339), m.From, m.To)
		if reasons {
			fmt.Fprintf(&b, " %q", m.Reason)
		}
		b.WriteString("; ")
	}
	return b.String()
}

// diffFields returns one line per field that differs.
func diffFields(got, want map[string]string) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[k]; !ok || g != want[k] {
			out = append(out, fmt.Sprintf("%s:\n\tgot  %s\n\twant %s", k, g, want[k]))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[k]; !ok {
			out = append(out, fmt.Sprintf("%s: unexpected %s", k, got[k]))
		}
	}
	return out
}

func mustRead(t *testing.T, f format) *Radar {
	t.Helper()
	file, err := os.Open(f.fixture)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	rd, err := f.read(file)
	if err != nil {
		t.Fatalf("%s: %v", f.fixture, err)
	}
	return rd
}

func mustWrite(t testing.TB, f format, rd *Radar) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.write(&b, rd); err != nil {
		t.Fatalf("write %s: %v", f.name, err)
	}
	return b.Bytes()
}

// aoeFS lays the radar out as WriteAOE would, in memory.
func aoeFS(t testing.TB, rd *Radar) fstest.MapFS {
	t.Helper()
	files, err := rd.aoeFiles()
	if err != nil {
		t.Fatalf("aoeFiles: %v", err)
	}
	var conf bytes.Buffer
	if err := writeJSON(&conf, rd.aoeConfig()); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"config.json": {Data: conf.Bytes()}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// problemOf asserts that err is a Problem and returns it.
func problemOf(t testing.TB, err error) Problem {
	t.Helper()
	var p Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) is not a Problem", err, err)
	}
	return p
}

func tech(t *testing.T, rd *Radar, slug string) *bearing.Technology {
	t.Helper()
	for _, x := range rd.Technologies {
		if x.Slug == slug {
			return x
		}
	}
	t.Fatalf("no technology %q", slug)
	return nil
}

func day0(s string) time.Time { return bearing.MustParseDate(s).Time() }

// mapFS builds an in-memory folder from file contents.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}
