package adr

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

// TestRoundTrip is the key promise of the package: whatever Parse reads,
// Format writes so that Parse reads the very same fields back, and writing
// that again changes nothing.
func TestRoundTrip(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			d := mustParse(t, path)
			out := Format(d)
			again, err := Parse(path, out)
			if err != nil {
				t.Fatalf("Parse(Format(d)): %v\n%s", err, out)
			}
			for _, diff := range diffFields(again, d) {
				t.Errorf("%s\n--- written:\n%s", diff, out)
			}
			if out2 := Format(again); !bytes.Equal(out, out2) {
				t.Errorf("Format is not stable:\n%s\n--- then:\n%s", out, out2)
			}
		})
	}
}

// TestRoundTripBearingFields covers a decision made in Bearing, with the
// fields no ADR format has, and a chosen option the text does not name.
func TestRoundTripBearingFields(t *testing.T) {
	d := &bearing.Decision{
		Number: 42, Title: "Use PostgreSQL for new services #", Status: bearing.StatusAccepted,
		CreatedAt:        day("2025-01-15"),
		ExecutiveSummary: "New services store their data in **PostgreSQL 16**.",
		Context:          "We run four database engines.\n\n## Decision Drivers\n\n* Fewer engines",
		Body:             "Every new service uses the shared PostgreSQL cluster.",
		Consequences:     "### Costs\n\nTraining for two teams.",
		Options: []bearing.Option{
			{Name: "PostgreSQL", Chosen: true, Pros: []string{"mature"}, Cons: []string{"ops: vacuum tuning"}},
			{Name: "MongoDB", Description: "Document store.\n\n* Neutral, because two teams know it"},
			{Name: "C#"},
		},
		Dos:          []string{"Use one schema per service", "Enable `pg_stat_statements`"},
		Donts:        []string{"Don't share tables between services"},
		Tags:         []string{"storage", "backend"},
		Deciders:     []string{"Smith, Jane", "Lee"},
		Consulted:    []string{"DBA team"},
		Informed:     []string{"yes", "123", "- dash"},
		RevisitOn:    bearing.MustParseDate("2026-01-15"),
		Supersedes:   []string{"DEC-7", "DEC-9"},
		SupersededBy: []string{"DEC-50"},
	}
	out := Format(d)
	got, err := Parse("anything.md", out)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, out)
	}
	for _, diff := range diffFields(got, d) {
		t.Errorf("%s\n--- written:\n%s", diff, out)
	}
	for _, want := range []string{"bearing-number: 42\n", "revisit-on: 2026-01-15\n", "chosen-option: PostgreSQL\n",
		"## Executive Summary\n", "## Do\n\n* Use one schema per service\n", "## Don't\n", "## Consequences\n\n### Costs"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct {
		number int
		title  string
		want   string
	}{
		{42, "Use PostgreSQL for new services", "0042-use-postgresql-for-new-services.md"},
		{7, "Don't use C# (or F#) for tooling!", "0007-don-t-use-c-or-f-for-tooling.md"},
		{12345, "", "12345-decision.md"},
		{3, "Use a very long title that goes on and on about the many reasons we had for choosing it",
			"0003-use-a-very-long-title-that-goes-on-and-on-about.md"},
		{5, "Überwachung mit Prometheus", "0005-überwachung-mit-prometheus.md"},
	} {
		if got := FileName(&bearing.Decision{Number: tc.number, Title: tc.title}); got != tc.want {
			t.Errorf("FileName(%d, %q) = %q, want %q", tc.number, tc.title, got, tc.want)
		}
	}
}

// TestWriteDirReadDir exports a log and imports it again.
func TestWriteDirReadDir(t *testing.T) {
	ds, probs, err := ReadDir("testdata/good")
	if err != nil || len(probs) > 0 {
		t.Fatalf("ReadDir: %v %v", probs, err)
	}
	dir := filepath.Join(t.TempDir(), "exported", "adr")
	paths, err := WriteDir(dir, ds)
	if err != nil || len(paths) != len(ds) {
		t.Fatalf("WriteDir = %v, %v", paths, err)
	}
	if want := filepath.Join(dir, "0007-use-kafka-for-domain-events.md"); paths[6] != want {
		t.Errorf("paths[6] = %s, want %s", paths[6], want)
	}
	back, probs, err := ReadDir(dir)
	if err != nil || len(probs) > 0 || len(back) != len(ds) {
		t.Fatalf("ReadDir(exported) = %d decisions, %v, %v", len(back), probs, err)
	}
	for i := range ds {
		for _, diff := range diffFields(back[i], ds[i]) {
			t.Errorf("%s: %s", ds[i].Key(), diff)
		}
	}
	if _, err := WriteDir(dir, []*bearing.Decision{ds[0], ds[0]}); err == nil {
		t.Error("WriteDir accepted two decisions with the same file name")
	}
	if _, err := os.Stat(filepath.Join(dir, "0001-record-architecture-decisions.md")); err != nil {
		t.Error(err)
	}
}

// edgeCases are inputs that once broke, or could break, the round trip:
// fences, odd headings, lists with wrapped lines, statuses with history.
var edgeCases = []string{
	"# 1. T\n\n## Status\n\nSuperseded by [5. X](0005-x.md)\n\nAccepted\n",
	"---\ntitle: \"a\\nb\"\nstatus: accepted\n---\n",
	"# T\n\n* Deciders: a\x00b, c\"d, e: f, #g, -h, [i], &j, *k, !l, %m, @n, `o, 'p', yes, ~, null\n* Tags: \tx\ty\n",
	"# T\n\n## Consequences\n\nA\n### Positive Consequences\nB\n",
	"# T\n\n## Decision Outcome\n\n### Consequences <!-- c -->\n\nx\n\n### Notes\n\ny\n",
	"# T\n\n## Pros and Cons of the Options\n\nintro\n\n###\n\nempty name\n\n### A\n\n  indented desc\n" +
		"* Good, because g\n  wrapped\n* Neutral, because n\n  wrapped too\n",
	"# T\n\n## Considered Options\n\n* A\n  * sub\n* B\ntext\n",
	"# T\n\n## Decision\n\nChosen option: \"Nope\"\n\n## Considered Options\n\n* nope\n",
	"---\nchosen-option: \"a\\nb\"\n---\n# T\n## Considered Options\n* a b\n",
	"# T\n\n## Do\n\n1) one\n2) two\n\n    code\n",
	"# T\n\n```\n## x\n",
	"# T\n~~~~\n```\n~~~\n## y\n~~~~\n## z\n",
	"#\tT\t#\n\n##\tX\t##\n",
	"# T\n\n## Status\n\nProposed\n\n## Status\n\nProposed\n",
	"# T\n\n- Status: superseded by [20210101-x](20210101-x.md)\n",
	"# T\n\n## Decision Outcome\n\n### Consequences\n\n### Consequences\n\nB\n",
	"# T\n\n## Consequences\n\n### Consequences\n\nx\n",
	"# T\n\n## Decision Outcome\n\nbody\n\n## Consequences\n\n### Positive Consequences\n\nx\n",
	"# T\n\n## Pros and Cons of the Options\n\n### A\n\n* Good, because x\n\n## Considered Options\n\n* a\n* A\n",
	"# T\n\n## Status\n\nSuperseded by [x](20210101-x.md)\n\nSupersedes [y](20200101-y.md)\n",
	"# 12. T ##\n\nStatus: superseded by ADR-5, [ADR-0007](20210101-x.md)\n\n## Considered Options\n\n* [A](#a)\n\n" +
		"## Decision\n\n**Chosen option:** A\n\n## Pros and Cons\n\n### A\n\n1. Bad: slow\n",
}

func TestRoundTripEdgeCases(t *testing.T) {
	for _, c := range edgeCases {
		d, err := Parse("0007-edge.md", []byte(c))
		if err != nil {
			t.Errorf("Parse(%q): %v", c, err)
			continue
		}
		out := Format(d)
		again, err := Parse("0007-edge.md", out)
		if err != nil {
			t.Errorf("%q: Parse(Format(d)): %v\n%s", c, err, out)
			continue
		}
		for _, diff := range diffFields(again, d) {
			t.Errorf("%q: %s\n--- written:\n%s", c, diff, out)
		}
	}
}
