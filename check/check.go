// Package check evaluates a repository's inventory against the
// organisation's policy, offline: which technologies on hold, in assess or in
// trial it uses, which guideline rules it breaks, and which of those
// departures an approved exception allows. It is what `bearing check` runs
// in CI.
//
// Evaluation is a pure function of its Input, so the same repository and
// policy always give the same Result, byte for byte once reported, and a
// change in CI output always means a change in the code or the policy.
//
// The outcome is a list of bearing.Finding values. Each says why (the
// verdict or the guideline, with the first sentence of its rationale) and,
// when there is one, what to use or do instead. Finding.Help holds that
// advice alone, and Finding.Message ends with it, so that a one-line consumer
// (a SARIF result, a JUnit failure) shows the whole story while a richer
// one can show the two apart.
package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// Input is what Evaluate needs.
type Input struct {
	Inventory *bearing.Inventory
	Policy    *bearing.Policy
	Repo      string   // repository name, matched against exception scopes
	Team      string   // team slug, for guideline scopes; empty: team-scoped guidelines don't apply (tag-scoped ones still may)
	Tags      []string // repository tags, for guideline scopes
	// Today is the day exceptions are judged on; tests pass a fixed day. The
	// zero Date means the current day in UTC.
	Today bearing.Date
	// Files reports whether a slash-separated path relative to the repository
	// root exists, for require_file rules. When nil, only the files the
	// inventory read (Inventory.Files) count as existing.
	Files func(path string) bool
}

// Result is the outcome of an evaluation.
type Result struct {
	// Findings are sorted by severity, rule id, location and item, so the
	// same input always lists them in the same order. Suppressed findings
	// are included, with Finding.Suppressed set.
	Findings []bearing.Finding
	// Unknown lists the inventory items no technology's identifier matched,
	// in inventory order: candidates for the radar (--show-unknown).
	Unknown []bearing.Item
	// Counts holds the unsuppressed findings per severity; every severity
	// has a key, so a missing one never needs a check.
	Counts map[bearing.Severity]int
	// Suppressed counts the findings an exception turned off.
	Suppressed int
	// Rules lists every rule that was evaluated, with or without findings,
	// sorted by id, so reports can describe a failing rule and list the
	// passing ones.
	Rules []RuleInfo
}

// RuleInfo describes one evaluated rule: a technology that is not adopted,
// a guideline in scope with machine-checkable rules, or an exception about
// to expire.
type RuleInfo struct {
	ID          string           `json:"id"`
	Severity    bearing.Severity `json:"severity"`
	Title       string           `json:"title"`                 // one line: "MongoDB is on hold"
	Description string           `json:"description,omitempty"` // why, in plain text
	Help        string           `json:"help,omitempty"`        // what to use or do instead
	URL         string           `json:"url,omitempty"`         // the page behind the rule
	Technology  string           `json:"technology,omitempty"`  // slug
	Guideline   string           `json:"guideline,omitempty"`   // key
}

// Rule id prefixes. Technology rules are named by verdict rather than ring,
// so an organisation that calls its rings "retire" or "explore" still gets
// ids whose meaning CI configuration can rely on.
const (
	prefixGuideline = "bearing/guideline/"
	prefixExpiring  = "bearing/exception-expiring/"
)

// Evaluate checks the inventory against the policy. A nil inventory or
// policy counts as empty.
func Evaluate(in Input) *Result {
	e := newEvaluator(in)
	e.technologies()
	e.guidelines()
	e.suppress()
	return e.result()
}

// evaluator carries one evaluation's state.
type evaluator struct {
	in       Input
	pol      *bearing.Policy
	items    []bearing.Item
	techs    []tech
	matched  [][]int // per item: indexes into techs that match it
	findings []bearing.Finding
	rules    map[string]RuleInfo
}

func newEvaluator(in Input) *evaluator {
	e := &evaluator{in: in, pol: in.Policy, rules: map[string]RuleInfo{}}
	if e.pol == nil {
		e.pol = &bearing.Policy{}
	}
	if in.Inventory != nil {
		e.items = in.Inventory.Items
	}
	if e.in.Today.IsZero() {
		e.in.Today = bearing.DateOf(bearing.Now())
	}
	e.in.Team = strings.ToLower(strings.TrimSpace(in.Team))
	e.prepareTechs()
	return e
}

// url links a page of the server the policy came from.
func (e *evaluator) url(path string) string {
	return strings.TrimSuffix(e.pol.BaseURL, "/") + path
}

// links returns the page, then the pages of the decisions cited.
func (e *evaluator) links(page string, decisions []string) []string {
	out := []string{e.url(page)}
	for _, d := range decisions {
		out = append(out, e.url("/decisions/"+d))
	}
	return out
}

func (e *evaluator) addRule(r RuleInfo) {
	if _, ok := e.rules[r.ID]; !ok {
		e.rules[r.ID] = r
	}
}

func (e *evaluator) result() *Result {
	sortFindings(e.findings)
	r := &Result{
		Findings: slices.CompactFunc(e.findings, sameFinding),
		Unknown:  e.unknown(),
		Counts:   map[bearing.Severity]int{bearing.SeverityError: 0, bearing.SeverityWarning: 0, bearing.SeverityNote: 0},
	}
	if r.Findings == nil {
		r.Findings = []bearing.Finding{}
	}
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			r.Suppressed++
		} else {
			r.Counts[f.Severity]++
		}
	}
	r.Rules = make([]RuleInfo, 0, len(e.rules))
	for _, ri := range e.rules {
		r.Rules = append(r.Rules, ri)
	}
	slices.SortFunc(r.Rules, func(a, b RuleInfo) int { return strings.Compare(a.ID, b.ID) })
	return r
}

func (e *evaluator) unknown() []bearing.Item {
	out := []bearing.Item{}
	for i, it := range e.items {
		if len(e.matched[i]) == 0 {
			out = append(out, it)
		}
	}
	return out
}

// SeverityRank orders severities, the most serious first; an unknown
// severity sorts last.
func SeverityRank(s bearing.Severity) int {
	switch s {
	case bearing.SeverityError:
		return 0
	case bearing.SeverityWarning:
		return 1
	case bearing.SeverityNote:
		return 2
	}
	return 3
}

// sortFindings orders by severity, rule id, location and item, with the
// message and suppression as tie-breakers so that no two distinct findings
// compare equal and the order never depends on evaluation order.
func sortFindings(fs []bearing.Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b bearing.Finding) int {
	return cmp.Or(
		cmp.Compare(SeverityRank(a.Severity), SeverityRank(b.Severity)),
		strings.Compare(a.RuleID, b.RuleID),
		strings.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.Line, b.Location.Line),
		cmp.Compare(a.Location.Column, b.Location.Column),
		strings.Compare(itemKey(a.Item), itemKey(b.Item)),
		strings.Compare(a.Message, b.Message),
		strings.Compare(suppressionKey(a.Suppressed), suppressionKey(b.Suppressed)),
	)
}

func itemKey(it *bearing.Item) string {
	if it == nil {
		return ""
	}
	return string(it.Kind) + "\x00" + it.Name + "\x00" + it.Version
}

func suppressionKey(s *bearing.Suppression) string {
	if s == nil {
		return ""
	}
	return s.Exception
}

// sameFinding reports duplicates: two rules of one guideline that match the
// same item, or an inventory that lists an item twice, say the same thing.
func sameFinding(a, b bearing.Finding) bool { return compareFindings(a, b) == 0 }

// Thresholds for ExitCode, from the strictest.
var thresholds = map[string]int{"note": 2, "warning": 1, "error": 0}

// ExitCode returns the process exit code for a --fail-on threshold: 1 if
// any unsuppressed finding is at or above it, else 0. The thresholds are
// "error", "warning", "note" and "never" (always 0), in any case. Anything
// else returns 2, the usual code for a usage error, and an error naming the
// valid thresholds, so a typo in CI configuration fails loudly instead of
// passing quietly.
func (r *Result) ExitCode(failOn string) (int, error) {
	failOn = strings.ToLower(strings.TrimSpace(failOn))
	if failOn == "never" {
		return 0, nil
	}
	limit, ok := thresholds[failOn]
	if !ok {
		return 2, fmt.Errorf("--fail-on %q: use error, warning, note or never", failOn)
	}
	for sev, n := range r.Counts {
		if n > 0 && SeverityRank(sev) <= limit {
			return 1, nil
		}
	}
	return 0, nil
}
