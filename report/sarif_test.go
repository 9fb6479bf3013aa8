package report

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the OASIS SARIF 2.1.0 JSON schema (errata 01, JSON Schema
// draft-04). It was copied byte for byte, offline, from the schema string
// that github.com/owenrumney/go-sarif/v3 v3.3.1 ships in
// pkg/report/v210/sarif/schema.go; its "id" is the OASIS URL below.
const schemaFile = "testdata/sarif-schema-2.1.0.json"

func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference formats are checked too
	if err := c.AddResource(SARIFSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SARIFSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func sarifOf(t *testing.T, r *check.Result) []byte {
	return render(t, func(b *bytes.Buffer) error { return SARIF(b, r, meta) })
}

// TestSARIFSchema validates the fixture's log, and an empty one, against
// the SARIF 2.1.0 schema.
func TestSARIFSchema(t *testing.T) {
	sch := sarifValidator(t)
	r, _ := fixture()
	empty := check.Evaluate(check.Input{Today: bearing.MustParseDate("2026-11-15")})
	for name, out := range map[string][]byte{"fixture": sarifOf(t, r), "empty": sarifOf(t, empty)} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: not valid SARIF 2.1.0: %v", name, err)
		}
	}
}

// TestSARIFSchemaCatchesErrors makes sure the validator is not vacuous: a
// region with line 0 and an unknown level must fail.
func TestSARIFSchemaCatchesErrors(t *testing.T) {
	sch := sarifValidator(t)
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"bearing"}},"results":[
		{"ruleId":"x","level":"fatal","message":{"text":"m"},
		 "locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}`
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err == nil {
		t.Error("the schema accepted level \"fatal\" and startLine 0")
	}
}

// sarifLog is the part of a SARIF log the structural checks read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string                 `json:"id"`
					HelpURI              string                 `json:"helpUri"`
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					Region           *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

// TestSARIFStructure asserts what code scanning relies on beyond the
// schema: every result's rule is described at its index, levels are
// error/warning/note, regions start at line 1 or later, suppressed results
// name their exception, and every result has a fingerprint.
func TestSARIFStructure(t *testing.T) {
	r, _ := fixture()
	var log sarifLog
	if err := json.Unmarshal(sarifOf(t, r), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || log.Schema != SARIFSchema || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "bearing" {
		t.Fatalf("header: version %q schema %q runs %d", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	levels := []string{"error", "warning", "note"}
	suppressed, regionless := 0, 0
	for _, res := range run.Results {
		rules := run.Tool.Driver.Rules
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %d does not point at its rule", res.RuleID, res.RuleIndex)
		}
		if !slices.Contains(levels, res.Level) || res.Message.Text == "" || len(res.Locations) != 1 {
			t.Errorf("%s: level %q message %q locations %d", res.RuleID, res.Level, res.Message.Text, len(res.Locations))
		}
		if reg := res.Locations[0].PhysicalLocation.Region; reg == nil {
			regionless++
		} else if reg.StartLine < 1 {
			t.Errorf("%s: startLine %d", res.RuleID, reg.StartLine)
		}
		if len(res.PartialFingerprints[FingerprintKey]) != 64 {
			t.Errorf("%s: fingerprint %q", res.RuleID, res.PartialFingerprints)
		}
		for _, s := range res.Suppressions {
			suppressed++
			if s.Kind != "external" || s.Justification == "" {
				t.Errorf("%s: suppression %+v", res.RuleID, s)
			}
		}
	}
	if suppressed != r.Suppressed || regionless == 0 || len(run.Results) != len(r.Findings) {
		t.Errorf("suppressed %d (want %d), results without region %d, results %d (want %d)",
			suppressed, r.Suppressed, regionless, len(run.Results), len(r.Findings))
	}
	for _, rule := range run.Tool.Driver.Rules {
		if rule.HelpURI == "" || !slices.Contains(levels, rule.DefaultConfiguration.Level) {
			t.Errorf("rule %s: helpUri %q level %q", rule.ID, rule.HelpURI, rule.DefaultConfiguration.Level)
		}
	}
}

// TestFingerprintIgnoresLines: moving a dependency to another line keeps
// its alert; another file or item makes a new one.
func TestFingerprintIgnoresLines(t *testing.T) {
	it := bearing.Item{Name: "pkg:npm/mongoose"}
	f := bearing.Finding{RuleID: "bearing/hold/mongodb", Location: bearing.Location{Path: "package.json", Line: 12, Column: 5}, Item: &it}
	moved := f
	moved.Location.Line, moved.Location.Column = 40, 3
	if fingerprint(f) != fingerprint(moved) {
		t.Error("the fingerprint changed with the line")
	}
	other := f
	other.Location.Path = "web/package.json"
	if fingerprint(f) == fingerprint(other) {
		t.Error("the fingerprint ignores the path")
	}
}
