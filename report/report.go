package report

import (
	"fmt"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
)

// Meta identifies the run a machine-readable report describes. Every field
// may be empty; none is a timestamp, so the same commit checked against the
// same policy always gives the same bytes, and a report can be compared or
// cached.
type Meta struct {
	Repo        string // repository name
	Commit      string // the commit checked, when known
	ToolVersion string // bearing.Version
	PolicyHash  string // Policy.Hash: which rules the report applies
}

// ToolName is the name reports give the tool.
const ToolName = "bearing"

// ToolURL is the tool's home page, for SARIF's informationUri.
const ToolURL = "https://github.com/bearingorg/bearing"

// group is the findings of one rule that say the same thing, in order.
type group struct {
	rule     check.RuleInfo
	severity bearing.Severity
	message  string
	help     string
	findings []bearing.Finding
}

// groupFindings groups findings by rule, message and help, in the order of
// their first finding, which is already by severity and rule id.
func groupFindings(r *check.Result, fs []bearing.Finding) []*group {
	var out []*group
	index := map[string]*group{}
	for _, f := range fs {
		key := f.RuleID + "\x00" + f.Message + "\x00" + f.Help
		g := index[key]
		if g == nil {
			g = &group{rule: ruleInfo(r, f), severity: f.Severity, message: f.Message, help: f.Help}
			index[key] = g
			out = append(out, g)
		}
		g.findings = append(g.findings, f)
	}
	return out
}

// active returns the findings no exception suppressed; suppressed the rest.
func active(fs []bearing.Finding) (act, sup []bearing.Finding) {
	for _, f := range fs {
		if f.Suppressed != nil {
			sup = append(sup, f)
		} else {
			act = append(act, f)
		}
	}
	return act, sup
}

// ruleInfo returns what the result says about a finding's rule, or what can
// be said from the finding alone when the result does not list the rule.
func ruleInfo(r *check.Result, f bearing.Finding) check.RuleInfo {
	for _, ri := range r.Rules {
		if ri.ID == f.RuleID {
			return ri
		}
	}
	ri := check.RuleInfo{ID: f.RuleID, Severity: f.Severity, Title: why(f), Help: f.Help,
		Technology: f.Technology, Guideline: f.Guideline}
	if len(f.Links) > 0 {
		ri.URL = f.Links[0]
	}
	return ri
}

// why returns a finding's message without its help, which check appends.
func why(f bearing.Finding) string {
	if f.Help == "" {
		return f.Message
	}
	return strings.TrimSuffix(f.Message, " "+f.Help)
}

// itemLabel writes an item as name@version, or the name alone.
func itemLabel(it *bearing.Item) string {
	switch {
	case it == nil:
		return ""
	case it.Version == "":
		return it.Name
	}
	return it.Name + "@" + it.Version
}

// locationLabel writes a location for people: the root is named as such.
func locationLabel(l bearing.Location) string {
	if l.Path == "." || l.Path == "" {
		return "(repository root)"
	}
	return l.String()
}

// suppressionLabel says which exception allows a finding, and until when.
func suppressionLabel(s *bearing.Suppression) string {
	return fmt.Sprintf("%s until %s", s.Exception, s.ExpiresOn)
}

// ruleKind returns the middle of a rule id: hold, assess, trial, guideline
// or exception-expiring.
func ruleKind(id string) string {
	parts := strings.Split(id, "/")
	if len(parts) < 3 {
		return "other"
	}
	return parts[1]
}

// plural writes "1 error" or "3 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// inventorySize counts items and files, zero for a nil inventory.
func inventorySize(inv *bearing.Inventory) (items, files int) {
	if inv == nil {
		return 0, 0
	}
	return len(inv.Items), len(inv.Files)
}
