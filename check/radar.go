package check

import (
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// tech is a policy technology with its identifiers parsed once and its
// verdict resolved.
type tech struct {
	*bearing.PolicyTechnology
	ids     []bearing.Identifier
	verdict bearing.Verdict
}

// prepareTechs parses every technology's identifiers and matches every item
// against them, once, for the radar findings, the unknown list and the
// advice of guideline findings. Identifiers that do not parse are skipped:
// the server validates them when they are saved, so a policy only carries
// bad ones if it was edited by hand, and one bad identifier should not stop
// the rest of the check.
func (e *evaluator) prepareTechs() {
	for i := range e.pol.Technologies {
		t := tech{PolicyTechnology: &e.pol.Technologies[i], verdict: e.pol.Technologies[i].Verdict}
		if t.verdict == "" {
			if ring, ok := e.pol.Radar.Ring(t.Ring); ok {
				t.verdict = ring.Verdict
			}
		}
		for _, s := range t.Identifiers {
			if id, err := bearing.ParseIdentifier(s); err == nil {
				t.ids = append(t.ids, id)
			}
		}
		e.techs = append(e.techs, t)
	}
	e.matched = make([][]int, len(e.items))
	for i, it := range e.items {
		for ti := range e.techs {
			if e.techs[ti].matches(it) {
				e.matched[i] = append(e.matched[i], ti)
			}
		}
	}
}

// matches reports whether any identifier of the technology detects the
// item; an identifier with a version range only matches versions in it.
func (t *tech) matches(it bearing.Item) bool {
	for _, id := range t.ids {
		if id.Matches(it.Kind, it.Name, it.Version) {
			return true
		}
	}
	return false
}

// verdictSeverity maps a verdict to the severity of using it: adopted (and
// unknown) technologies give no finding.
func verdictSeverity(v bearing.Verdict) (bearing.Severity, bool) {
	switch v {
	case bearing.VerdictHold:
		return bearing.SeverityError, true
	case bearing.VerdictAssess:
		return bearing.SeverityWarning, true
	case bearing.VerdictTrial:
		return bearing.SeverityNote, true
	}
	return "", false
}

// technologies adds a finding for every item that uses a technology on
// hold, in assess or in trial. An item matched by several technologies
// (log4j-core in an adopted entry and in a "before 2.17.1" hold entry) is
// judged by each.
func (e *evaluator) technologies() {
	for i := range e.techs {
		t := &e.techs[i]
		if sev, ok := verdictSeverity(t.verdict); ok && len(t.ids) > 0 {
			e.addRule(e.techRule(t, sev))
		}
	}
	for i, it := range e.items {
		for _, ti := range e.matched[i] {
			t := &e.techs[ti]
			sev, ok := verdictSeverity(t.verdict)
			if !ok {
				continue
			}
			r := e.rules[techRuleID(t)]
			item := it
			e.findings = append(e.findings, bearing.Finding{
				RuleID:     r.ID,
				Severity:   sev,
				Message:    joinSentences(r.Title+": "+r.Description, r.Help),
				Help:       r.Help,
				Location:   it.Location,
				Item:       &item,
				Technology: t.Slug,
				Decisions:  slices.Clone(t.Decisions),
				Links:      e.links("/radar/"+t.Slug, t.Decisions),
			})
		}
	}
}

func techRuleID(t *tech) string { return "bearing/" + string(t.verdict) + "/" + t.Slug }

// techRule describes a technology's rule: the title names the verdict (and
// the ring, when the organisation named it differently), the description is
// the first sentence of the rationale, the help the alternatives.
func (e *evaluator) techRule(t *tech, sev bearing.Severity) RuleInfo {
	title := t.Name + " is " + verdictPhrase(t.verdict)
	if t.Ring != "" && !strings.EqualFold(t.Ring, string(t.verdict)) {
		title += " (ring " + t.Ring + ")"
	}
	why := firstSentence(t.Rationale)
	if why == "" {
		why = t.verdict.Meaning()
	}
	return RuleInfo{
		ID: techRuleID(t), Severity: sev, Title: title, Description: why,
		Help: e.techHelp(t), URL: e.url("/radar/" + t.Slug), Technology: t.Slug,
	}
}

func verdictPhrase(v bearing.Verdict) string {
	switch v {
	case bearing.VerdictHold:
		return "on hold"
	case bearing.VerdictAssess:
		return "being assessed, not for production work"
	case bearing.VerdictTrial:
		return "in trial"
	}
	return string(v)
}

// techHelp says what to use instead: for hold and assess, the alternatives;
// for trial, which is allowed with care, the adopted choice to prefer.
func (e *evaluator) techHelp(t *tech) string {
	names := e.alternatives(t)
	if len(names) == 0 {
		return ""
	}
	if t.verdict == bearing.VerdictTrial {
		return "Prefer " + joinOr(names) + " where it fits."
	}
	return "Use " + joinOr(names) + " instead."
}

// maxAlternatives keeps advice short enough to read in a CI log.
const maxAlternatives = 3

// alternatives returns the names of the technology's alternatives, or when
// it names none the adopted technologies of its quadrant, in policy order.
func (e *evaluator) alternatives(t *tech) []string {
	var out []string
	for _, slug := range t.Alternatives {
		for i := range e.techs {
			if e.techs[i].Slug == slug && len(out) < maxAlternatives {
				out = append(out, e.techs[i].Name)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for i := range e.techs {
		o := &e.techs[i]
		if o.Slug != t.Slug && o.Quadrant == t.Quadrant && o.verdict == bearing.VerdictAdopt && len(out) < maxAlternatives {
			out = append(out, o.Name)
		}
	}
	return out
}

// itemAdvice returns what to use instead of an item, from the first
// technology that matches it and is not adopted: the help of a guideline
// that forbids pkg:npm/moment comes from the Moment.js entry.
func (e *evaluator) itemAdvice(i int) string {
	for _, ti := range e.matched[i] {
		t := &e.techs[ti]
		if _, ok := verdictSeverity(t.verdict); ok && t.verdict != bearing.VerdictTrial {
			if names := e.alternatives(t); len(names) > 0 {
				return "Use " + joinOr(names) + " instead."
			}
		}
	}
	return ""
}
