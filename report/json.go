package report

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
)

// JSONSchema names the version of the JSON report's format; see the package
// documentation for the fields.
const JSONSchema = "https://bearing.dev/schema/check/v1"

type jsonReport struct {
	Schema     string            `json:"schema"`
	Tool       jsonTool          `json:"tool"`
	Repo       string            `json:"repo"`
	Commit     string            `json:"commit"`
	PolicyHash string            `json:"policy_hash"`
	Summary    jsonSummary       `json:"summary"`
	Findings   []bearing.Finding `json:"findings"`
	Rules      []jsonRule        `json:"rules"`
	Unknown    []bearing.Item    `json:"unknown"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonSummary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Notes      int `json:"notes"`
	Suppressed int `json:"suppressed"`
	Unknown    int `json:"unknown"`
	Items      int `json:"items"`
	Files      int `json:"files"`
}

type jsonRule struct {
	check.RuleInfo
	Findings   int `json:"findings"`
	Suppressed int `json:"suppressed"`
}

// JSON writes the report as one indented JSON document for other programs:
// stable field names and order, every array present (empty rather than
// null), no timestamps. The format is documented in the package
// documentation and versioned by its "schema" field.
func JSON(w io.Writer, r *check.Result, inv *bearing.Inventory, meta Meta) error {
	items, files := inventorySize(inv)
	doc := jsonReport{
		Schema:     JSONSchema,
		Tool:       jsonTool{Name: ToolName, Version: meta.ToolVersion},
		Repo:       meta.Repo,
		Commit:     meta.Commit,
		PolicyHash: meta.PolicyHash,
		Summary: jsonSummary{
			Errors: r.Counts[bearing.SeverityError], Warnings: r.Counts[bearing.SeverityWarning],
			Notes: r.Counts[bearing.SeverityNote], Suppressed: r.Suppressed,
			Unknown: len(r.Unknown), Items: items, Files: files,
		},
		Findings: nonNil(r.Findings),
		Rules:    jsonRules(r),
		Unknown:  nonNil(r.Unknown),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<2.17.1" stays readable
	return enc.Encode(doc)
}

// jsonRules lists every evaluated rule with its counts, so a consumer can
// tell a rule that passed from one that was not checked.
func jsonRules(r *check.Result) []jsonRule {
	out := make([]jsonRule, 0, len(r.Rules))
	at := map[string]int{}
	for _, ri := range r.Rules {
		at[ri.ID] = len(out)
		out = append(out, jsonRule{RuleInfo: ri})
	}
	for _, f := range r.Findings {
		i, ok := at[f.RuleID]
		if !ok {
			i = len(out)
			at[f.RuleID] = i
			out = append(out, jsonRule{RuleInfo: ruleInfo(r, f)})
		}
		if f.Suppressed != nil {
			out[i].Suppressed++
		} else {
			out[i].Findings++
		}
	}
	slices.SortStableFunc(out, func(a, b jsonRule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
