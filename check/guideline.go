package check

import (
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// levelSeverity maps a guideline's level to the severity of breaking it.
// MAY grants a permission and cannot be broken, so it gives no finding; an
// unknown level (only in a hand-edited policy) counts as SHOULD, so a
// mistake neither fails every build nor goes unseen.
func levelSeverity(l bearing.Level) (bearing.Severity, bool) {
	switch l {
	case bearing.LevelMust, bearing.LevelMustNot:
		return bearing.SeverityError, true
	case bearing.LevelShould, bearing.LevelShouldNot:
		return bearing.SeverityWarning, true
	case bearing.LevelMay:
		return "", false
	}
	return bearing.SeverityWarning, true
}

// guidelines evaluates the rules of every guideline in scope for the team
// and the repository's tags.
func (e *evaluator) guidelines() {
	for gi := range e.pol.Guidelines {
		g := &e.pol.Guidelines[gi]
		sev, ok := levelSeverity(g.Level)
		if !ok || len(g.Rules) == 0 || !g.Scope.AppliesTo(e.in.Team, e.in.Tags) {
			continue
		}
		e.addRule(e.guidelineRule(g, sev))
		for _, rule := range g.Rules {
			e.evalRule(g, sev, rule)
		}
	}
}

func (e *evaluator) guidelineRule(g *bearing.PolicyGuideline, sev bearing.Severity) RuleInfo {
	return RuleInfo{
		ID: prefixGuideline + g.Key, Severity: sev,
		Title:       g.Key + ": " + sentence(g.Statement),
		Description: firstSentence(g.Rationale),
		URL:         e.url("/guidelines/" + g.Key), Guideline: g.Key,
	}
}

// evalRule checks one rule. Rules were validated when the guideline was
// saved; one that no longer parses is skipped rather than reported, for the
// same reason as a bad identifier.
func (e *evaluator) evalRule(g *bearing.PolicyGuideline, sev bearing.Severity, rule bearing.Rule) {
	switch rule.Kind() {
	case "forbid":
		if id, err := bearing.ParseIdentifier(rule.Forbid); err == nil {
			e.forbid(g, sev, id)
		}
	case "require":
		if id, err := bearing.ParseIdentifier(rule.Require); err == nil {
			e.require(g, sev, id)
		}
	case "require_file":
		e.requireFile(g, sev, rule.Files())
	case "require_runtime":
		if id, err := bearing.ParseIdentifier(rule.RequireRuntime); err == nil && id.Kind == bearing.KindRuntime {
			e.requireRuntime(g, sev, id)
		}
	}
}

// forbid reports every item the identifier matches, with the advice of the
// technology behind the item when the radar has one.
func (e *evaluator) forbid(g *bearing.PolicyGuideline, sev bearing.Severity, id bearing.Identifier) {
	for i, it := range e.items {
		if id.Matches(it.Kind, it.Name, it.Version) {
			e.addGuidelineFinding(g, sev, it.Location, &e.items[i], e.itemAdvice(i))
		}
	}
}

// require reports once when nothing matches. The finding points at the
// manifest where the dependency belongs (the first that declares an item of
// the same kind, and for packages the same ecosystem), or at the
// repository root when there is none.
func (e *evaluator) require(g *bearing.PolicyGuideline, sev bearing.Severity, id bearing.Identifier) {
	for _, it := range e.items {
		if id.Matches(it.Kind, it.Name, it.Version) {
			return
		}
	}
	e.addGuidelineFinding(g, sev, e.manifestFor(id), nil, "Add "+id.String()+".")
}

func (e *evaluator) manifestFor(id bearing.Identifier) bearing.Location {
	ecosystem := func(name string) string {
		if id.Kind != bearing.KindPackage {
			return ""
		}
		typ, _, _ := strings.Cut(name, "/")
		return typ
	}
	want := ecosystem(id.Name)
	for _, direct := range []bool{true, false} {
		for _, it := range e.items {
			if it.Kind == id.Kind && ecosystem(it.Name) == want && (it.Direct || !direct) {
				return bearing.Location{Path: it.Location.Path}
			}
		}
	}
	return bearing.Location{Path: "."}
}

// requireFile reports, at the repository root, when none of the
// alternatives exists.
func (e *evaluator) requireFile(g *bearing.PolicyGuideline, sev bearing.Severity, alts []string) {
	if len(alts) == 0 {
		return
	}
	exists := e.in.Files
	if exists == nil {
		exists = e.inventoryHas
	}
	for _, f := range alts {
		if exists(f) {
			return
		}
	}
	e.addGuidelineFinding(g, sev, bearing.Location{Path: "."}, nil, "Add "+joinOr(alts)+".")
}

func (e *evaluator) inventoryHas(path string) bool {
	if e.in.Inventory == nil {
		return false
	}
	for _, f := range e.in.Inventory.Files {
		if f == path {
			return true
		}
	}
	return false
}

// requireRuntime reports every declaration of the runtime whose version is
// outside the range. A repository that declares no version of the runtime
// at all passes: the rule constrains the versions a repository uses, it does
// not make every repository use Node.js; a guideline that wants that adds a
// require rule. A declaration without a version is likewise not judged.
func (e *evaluator) requireRuntime(g *bearing.PolicyGuideline, sev bearing.Severity, id bearing.Identifier) {
	for i, it := range e.items {
		if it.Kind != bearing.KindRuntime || !id.MatchesName(it.Name) || it.Version == "" {
			continue
		}
		if !id.Range.Contains(it.Version) {
			help := "Move to " + id.Name + " " + id.Range.String() + "."
			e.addGuidelineFinding(g, sev, it.Location, &e.items[i], help)
		}
	}
}

// addGuidelineFinding records a broken rule of a guideline. The message is
// the guideline's statement, then the first sentence of its rationale, then
// the help.
func (e *evaluator) addGuidelineFinding(g *bearing.PolicyGuideline, sev bearing.Severity, loc bearing.Location, it *bearing.Item, help string) {
	r := e.rules[prefixGuideline+g.Key]
	why := r.Title
	if r.Description != "" {
		why += " " + r.Description
	}
	var item *bearing.Item
	if it != nil {
		c := *it
		item = &c
	}
	e.findings = append(e.findings, bearing.Finding{
		RuleID:    r.ID,
		Severity:  sev,
		Message:   joinSentences(why, help),
		Help:      help,
		Location:  loc,
		Item:      item,
		Guideline: g.Key,
		Decisions: slices.Clone(g.Decisions),
		Links:     e.links("/guidelines/"+g.Key, g.Decisions),
	})
}
