package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
	"github.com/sergi/go-diff/diffmatchpatch"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

var meta = Meta{Repo: "payments-ledger", Commit: "9f2c1e7a4b0d3c5e6f718293a4b5c6d7e8f90a1b", ToolVersion: "v1.4.0",
	PolicyHash: "5d41402abc4b2a76b9719d911017c592ae2a7c1f0b5b6b0c8f4c3d2e1a0b9c8d"}

// fixturePolicy has one technology per verdict, guidelines of every rule
// kind, and two exceptions: one for a technology that ends within 30 days,
// one for a guideline.
func fixturePolicy() *bearing.Policy {
	return &bearing.Policy{
		BaseURL: "https://bearing.example",
		Radar:   bearing.DefaultRadarConfig(),
		Technologies: []bearing.PolicyTechnology{
			{Slug: "mongodb", Name: "MongoDB", Quadrant: "Datastores", Ring: "hold", Verdict: bearing.VerdictHold,
				Rationale:   "Operating **MongoDB** well needs skills we do not have. The last ledger moved off it in 2024.",
				Identifiers: []string{"docker.io/library/mongo", "pkg:npm/mongoose"}, Decisions: []string{"DEC-3"},
				Alternatives: []string{"postgresql", "aurora-postgresql"}},
			{Slug: "postgresql", Name: "PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt,
				Identifiers: []string{"docker.io/library/postgres"}},
			{Slug: "aurora-postgresql", Name: "Amazon Aurora PostgreSQL", Quadrant: "Datastores", Ring: "adopt", Verdict: bearing.VerdictAdopt},
			{Slug: "cassandra", Name: "Cassandra", Quadrant: "Datastores", Ring: "assess", Verdict: bearing.VerdictAssess,
				Rationale: "We are measuring it for the event store.", Identifiers: []string{"docker.io/library/cassandra"}},
			{Slug: "aws-sdk-v3", Name: "AWS SDK for JavaScript v3", Quadrant: "Platforms", Ring: "trial", Verdict: bearing.VerdictTrial,
				Rationale: "Modular, but the v2 migration is still under way.", Identifiers: []string{"pkg:npm/@aws-sdk/*"}},
			{Slug: "log4j-before-2-17-1", Name: "Log4j before 2.17.1", Quadrant: "Tools", Ring: "hold", Verdict: bearing.VerdictHold,
				Rationale:   "Log4Shell (CVE-2021-44228) is exploitable by anyone who can get a string logged.",
				Identifiers: []string{"pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1"}},
			{Slug: "moment-js", Name: "Moment.js", Quadrant: "Languages", Ring: "hold", Verdict: bearing.VerdictHold,
				Rationale: "Moment is in maintenance mode.", Identifiers: []string{"pkg:npm/moment"}, Alternatives: []string{"date-fns"}},
			{Slug: "date-fns", Name: "date-fns", Quadrant: "Languages", Ring: "adopt", Verdict: bearing.VerdictAdopt,
				Identifiers: []string{"pkg:npm/date-fns"}},
		},
		Guidelines: []bearing.PolicyGuideline{
			{Key: "G-1", Level: bearing.LevelShouldNot, Statement: "New TypeScript code SHOULD NOT use Moment.js; use date-fns or the Intl APIs.",
				Rules: []bearing.Rule{{Forbid: "pkg:npm/moment"}}},
			{Key: "G-2", Level: bearing.LevelMust, Statement: "Every repository MUST name its owning team in a CODEOWNERS file.",
				Rationale: "On-call needs to know whom to wake.", Rules: []bearing.Rule{{RequireFile: "CODEOWNERS|.github/CODEOWNERS"}},
				Decisions: []string{"DEC-9"}},
			{Key: "G-4", Level: bearing.LevelMust, Statement: "Payments services MUST run on Node.js 20 or later.",
				Scope: bearing.Scope{Teams: []string{"payments"}}, Rules: []bearing.Rule{{RequireRuntime: "node@>=20"}}},
			{Key: "G-6", Level: bearing.LevelShouldNot, Statement: "Workflows SHOULD NOT use actions/checkout before v4.",
				Rules: []bearing.Rule{{Forbid: "actions/checkout@<v4"}}},
			{Key: "G-7", Level: bearing.LevelMust, Statement: "Services MUST log through @northwind/logger.",
				Rules: []bearing.Rule{{Require: "pkg:npm/@northwind/logger"}}},
		},
		Exceptions: []bearing.PolicyException{
			{Key: "EXC-7", Team: "payments", Technology: "mongodb", Scope: []string{"payments-*"}, ExpiresOn: bearing.MustParseDate("2026-12-01")},
			{Key: "EXC-9", Team: "payments", Guideline: "G-1", Scope: []string{"payments-ledger"}, ExpiresOn: bearing.MustParseDate("2027-03-01")},
		},
	}
}

func at(kind bearing.IdentifierKind, name, version, path string, line, col int) bearing.Item {
	return bearing.Item{Kind: kind, Name: name, Version: version, Location: bearing.Location{Path: path, Line: line, Column: col}, Direct: line > 0}
}

func fixtureInventory() *bearing.Inventory {
	return &bearing.Inventory{
		Items: []bearing.Item{
			at(bearing.KindAction, "actions/checkout", "v3", ".github/workflows/ci.yml", 12, 15),
			at(bearing.KindRuntime, "node", "18.19.0", ".nvmrc", 1, 1),
			at(bearing.KindImage, "docker.io/library/mongo", "5.0", "docker-compose.yml", 4, 12),
			at(bearing.KindImage, "docker.io/library/cassandra", "4.1", "docker-compose.yml", 9, 12),
			at(bearing.KindPackage, "pkg:npm/moment", "2.29.4", "package-lock.json", 0, 0),
			at(bearing.KindPackage, "pkg:npm/mongoose", "6.12.0", "package-lock.json", 0, 0),
			at(bearing.KindPackage, "pkg:npm/@aws-sdk/client-s3", "3.600.0", "package.json", 8, 5),
			at(bearing.KindPackage, "pkg:npm/@northwind/logger", "2.1.0", "package.json", 9, 5),
			at(bearing.KindPackage, "pkg:npm/left-pad", "1.3.0", "package.json", 10, 5),
			at(bearing.KindPackage, "pkg:npm/moment", "2.29.4", "package.json", 11, 5),
			at(bearing.KindPackage, "pkg:npm/mongoose", "6.12.0", "package.json", 12, 5),
			at(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "pom.xml", 40, 7),
		},
		Files: []string{".github/workflows/ci.yml", ".nvmrc", "docker-compose.yml", "package-lock.json", "package.json", "pom.xml"},
	}
}

// fixture evaluates the fixture on a fixed day, as `bearing check` would.
func fixture() (*check.Result, *bearing.Inventory) {
	inv := fixtureInventory()
	r := check.Evaluate(check.Input{Inventory: inv, Policy: fixturePolicy(), Repo: "payments-ledger", Team: "payments",
		Today: bearing.MustParseDate("2026-11-15")})
	return r, inv
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		dmp := diffmatchpatch.New()
		diffs := dmp.DiffMain(string(want), string(got), false)
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it):\n%s", name, dmp.DiffPrettyText(diffs))
	}
}

func render(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	r, inv := fixture()
	formats := map[string]func(*bytes.Buffer) error{
		"check.txt": func(b *bytes.Buffer) error {
			return Text(b, r, inv, TextOptions{ShowUnknown: true, ShowSuppressed: true})
		},
		"check.json":       func(b *bytes.Buffer) error { return JSON(b, r, inv, meta) },
		"check.sarif.json": func(b *bytes.Buffer) error { return SARIF(b, r, meta) },
		"check.junit.xml":  func(b *bytes.Buffer) error { return JUnit(b, r, meta) },
	}
	for name, write := range formats {
		t.Run(name, func(t *testing.T) {
			first := render(t, write)
			if again := render(t, write); !bytes.Equal(first, again) {
				t.Error("two renderings of the same result differ")
			}
			golden(t, name, first)
		})
	}
}

func TestTextDefaults(t *testing.T) {
	r, inv := fixture()
	out := string(render(t, func(b *bytes.Buffer) error { return Text(b, r, inv, TextOptions{}) }))
	hidden := []string{"suppressed by exceptions\n", "not on the radar\n", "pkg:npm/left-pad", "\x1b[",
		"error bearing/hold/mongodb\n"} // every MongoDB finding is suppressed
	for _, h := range hidden {
		if strings.Contains(out, h) {
			t.Errorf("default output contains %q:\n%s", h, out)
		}
	}
	for _, shown := range []string{
		"5 errors, 3 warnings, 1 note, 5 suppressed by exceptions; 12 items in 6 files\n",
		"4 items not on the radar; --show-unknown lists them\n",
		"instead: Use date-fns.\n",
	} {
		if !strings.Contains(out, shown) {
			t.Errorf("output lacks %q:\n%s", shown, out)
		}
	}
}

func TestTextColor(t *testing.T) {
	r, inv := fixture()
	out := string(render(t, func(b *bytes.Buffer) error { return Text(b, r, inv, TextOptions{Color: true}) }))
	if !strings.Contains(out, ansiBold+ansiRed+"error"+ansiReset) {
		t.Errorf("no red error in colour output:\n%q", out)
	}
}

func TestTextEmpty(t *testing.T) {
	r := check.Evaluate(check.Input{Today: bearing.MustParseDate("2026-11-15")})
	out := string(render(t, func(b *bytes.Buffer) error { return Text(b, r, nil, TextOptions{ShowUnknown: true}) }))
	if want := "0 errors, 0 warnings, 0 suppressed by exceptions; 0 items in 0 files\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestJSONEmptyArrays(t *testing.T) {
	r := check.Evaluate(check.Input{Today: bearing.MustParseDate("2026-11-15")})
	out := render(t, func(b *bytes.Buffer) error { return JSON(b, r, nil, Meta{}) })
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"findings", "rules", "unknown"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want an array", k, doc[k])
		}
	}
	if doc["schema"] != JSONSchema {
		t.Errorf("schema %v", doc["schema"])
	}
}

func TestJUnitValidXML(t *testing.T) {
	r, _ := fixture()
	out := render(t, func(b *bytes.Buffer) error { return JUnit(b, r, meta) })
	var doc struct {
		Suites []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Skipped  int    `xml:"skipped,attr"`
			Cases    []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("invalid XML: %v\n%s", err, out)
	}
	if len(doc.Suites) != 1 || doc.Suites[0].Name != JUnitSuite {
		t.Fatalf("suites: %+v", doc.Suites)
	}
	s := doc.Suites[0]
	failures, skipped := 0, 0
	status := map[string]string{}
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			failures++
			status[c.Name] = "fail"
		case c.Skipped != nil:
			skipped++
			status[c.Name] = "skip"
		default:
			status[c.Name] = "pass"
		}
	}
	if s.Tests != len(s.Cases) || s.Failures != failures || s.Skipped != skipped {
		t.Errorf("counts: tests %d/%d failures %d/%d skipped %d/%d", s.Tests, len(s.Cases), s.Failures, failures, s.Skipped, skipped)
	}
	want := map[string]string{"bearing/hold/mongodb": "skip", "bearing/guideline/G-7": "pass", "bearing/trial/aws-sdk-v3": "pass",
		"bearing/guideline/G-2": "fail", "bearing/exception-expiring/EXC-7": "fail", "bearing/guideline/G-1": "skip"}
	for id, st := range want {
		if status[id] != st {
			t.Errorf("%s: %q, want %q", id, status[id], st)
		}
	}
}
