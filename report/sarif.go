package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// SARIFSchema is the $schema of the reports: the OASIS SARIF 2.1.0 schema
// (errata 01) that the tests validate against.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// FingerprintKey names the partial fingerprint of every result. Its value
// hashes the rule id, the path and the item's name but not the line, so code
// scanning keeps tracking an alert when lines move; the version in the key
// changes if the recipe ever does.
const FingerprintKey = "bearing/v1"

// SARIF writes the report as a SARIF 2.1.0 log for code scanning (GitHub,
// GitLab, Azure DevOps): one run of the tool "bearing", a rule for every
// rule with results, and a result per finding. Suppressed findings are
// kept, with an "external" suppression naming the exception, so the
// platform shows them as dismissed rather than as fixed.
func SARIF(w io.Writer, r *check.Result, meta Meta) error {
	rep := sarif.NewReport()
	rep.Schema = SARIFSchema
	run := sarif.NewRunWithInformationURI(ToolName, ToolURL)
	if meta.ToolVersion != "" {
		run.Tool.Driver.WithVersion(meta.ToolVersion)
	}
	if props := runProperties(meta); props != nil {
		run.WithProperties(props)
	}
	index := map[string]int{}
	for _, f := range r.Findings {
		if _, ok := index[f.RuleID]; !ok {
			index[f.RuleID] = -1
		}
	}
	ids := make([]string, 0, len(index))
	for id := range index {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i, id := range ids {
		index[id] = i
		run.Tool.Driver.AddRule(sarifRule(r, id))
	}
	for _, f := range r.Findings {
		run.AddResult(sarifResult(f, index[f.RuleID]))
	}
	rep.AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// runProperties carries what SARIF has no field for: the repository, the
// commit and the policy's hash.
func runProperties(meta Meta) *sarif.PropertyBag {
	bag := sarif.NewPropertyBag()
	for k, v := range map[string]string{"repository": meta.Repo, "commit": meta.Commit, "policyHash": meta.PolicyHash} {
		if v != "" {
			bag.Add(k, v)
		}
	}
	if len(bag.Properties) == 0 {
		return nil
	}
	return bag
}

// sarifRule describes a rule: its title, why, what to do and the page.
func sarifRule(r *check.Result, id string) *sarif.ReportingDescriptor {
	var info check.RuleInfo
	for _, f := range r.Findings {
		if f.RuleID == id {
			info = ruleInfo(r, f)
			break
		}
	}
	full := info.Description
	if full == "" {
		full = info.Title
	}
	rule := sarif.NewRule(id).
		WithName(strings.TrimPrefix(id, "bearing/")).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(info.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(full)).
		WithHelp(ruleHelp(info)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(string(info.Severity))).
		WithProperties(sarif.NewPropertyBag().WithTags([]string{ToolName, ruleKind(id)}))
	if info.URL != "" {
		rule.WithHelpURI(info.URL)
	}
	return rule
}

// ruleHelp writes the rule's documentation as text and Markdown.
func ruleHelp(info check.RuleInfo) *sarif.MultiformatMessageString {
	parts := []string{strings.TrimSuffix(info.Title, ".") + "."}
	if info.Description != "" {
		parts = append(parts, info.Description)
	}
	if info.Help != "" {
		parts = append(parts, info.Help)
	}
	text, md := strings.Join(parts, " "), strings.Join(parts, "\n\n")
	if info.URL != "" {
		text += " More: " + info.URL
		md += "\n\n[More](" + info.URL + ")"
	}
	return sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(md)
}

func sarifResult(f bearing.Finding, ruleIndex int) *sarif.Result {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.Location.Path))
	if f.Location.Line > 0 { // SARIF requires startLine ≥ 1: no region when the line is unknown
		region := sarif.NewRegion().WithStartLine(f.Location.Line)
		if f.Location.Column > 0 {
			region.WithStartColumn(f.Location.Column)
		}
		phys.WithRegion(region)
	}
	res := sarif.NewRuleResult(f.RuleID).
		WithRuleIndex(ruleIndex).
		WithLevel(string(f.Severity)).
		WithMessage(sarif.NewTextMessage(f.Message)).
		AddLocation(sarif.NewLocationWithPhysicalLocation(phys)).
		WithPartialFingerprints(map[string]string{FingerprintKey: fingerprint(f)})
	if s := f.Suppressed; s != nil {
		res.AddSuppression(sarif.NewSuppression().WithKind("external").WithStatus("accepted").
			WithJustification("Allowed by exception " + suppressionLabel(s) + "."))
	}
	return res
}

// fingerprint hashes what identifies a finding across commits.
func fingerprint(f bearing.Finding) string {
	name := ""
	if f.Item != nil {
		name = f.Item.Name
	}
	sum := sha256.Sum256([]byte(f.RuleID + "\x00" + f.Location.Path + "\x00" + name))
	return hex.EncodeToString(sum[:])
}
