package check

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// expiringDays is how far ahead an exception's end is announced: long
// enough for a team to renew it or finish the migration before CI fails.
const expiringDays = 30

// suppress applies the policy's exceptions. Every exception in a policy was
// approved, but the policy may be older than today, so the expiry date is
// checked again: an exception past its last day suppresses nothing. Each
// exception that suppressed something and ends within expiringDays adds
// one warning of its own, so the end never comes as a surprise.
func (e *evaluator) suppress() {
	first := map[string]int{} // exception key → index of its first suppressed finding
	sortFindings(e.findings)  // so "first" does not depend on evaluation order
	for i := range e.findings {
		f := &e.findings[i]
		x := e.exceptionFor(f)
		if x == nil {
			continue
		}
		f.Suppressed = &bearing.Suppression{Exception: x.Key, ExpiresOn: x.ExpiresOn}
		f.Links = append(f.Links, e.url("/exceptions/"+x.Key))
		if _, seen := first[x.Key]; !seen {
			first[x.Key] = i
		}
	}
	soon := e.in.Today.AddDays(expiringDays)
	for _, x := range e.pol.Exceptions {
		if i, ok := first[x.Key]; ok && !soon.Before(x.ExpiresOn) {
			e.expiring(x, e.findings[i].Location)
		}
	}
}

// exceptionFor returns the active exception that covers the finding, or
// nil. An exception names either a technology or a guideline, and only
// suppresses findings of exactly that: an exception for MongoDB does not
// excuse breaking a guideline that forbids mongoose. When several apply,
// the one that lasts longest wins, so the report names the exception that
// keeps the finding quiet for the longest time.
func (e *evaluator) exceptionFor(f *bearing.Finding) *bearing.PolicyException {
	var best *bearing.PolicyException
	for i := range e.pol.Exceptions {
		x := &e.pol.Exceptions[i]
		target := (x.Technology != "" && x.Technology == f.Technology) || (x.Guideline != "" && x.Guideline == f.Guideline)
		if !target || x.ExpiresOn.IsZero() || x.ExpiresOn.Before(e.in.Today) || !covers(x, e.in.Repo) {
			continue
		}
		if best == nil || best.ExpiresOn.Before(x.ExpiresOn) ||
			(!x.ExpiresOn.Before(best.ExpiresOn) && compareKeys(x.Key, best.Key) < 0) {
			best = x
		}
	}
	return best
}

// covers applies bearing.Exception's scope rule (exact name or path.Match
// glob) to a policy exception.
func covers(x *bearing.PolicyException, repo string) bool {
	return (&bearing.Exception{Scope: x.Scope}).Covers(repo)
}

// compareKeys orders keys like EXC-7 and EXC-12 by number, then as text.
func compareKeys(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

// expiring adds the warning that an exception in use ends soon, at the
// first place it is used, so the warning shows where the work is.
func (e *evaluator) expiring(x bearing.PolicyException, loc bearing.Location) {
	repo := e.in.Repo
	if repo == "" {
		repo = "this repository"
	}
	id := prefixExpiring + x.Key
	url := e.url("/exceptions/" + x.Key)
	msg := x.Key + " for " + repo + " expires on " + x.ExpiresOn.String() + "; renew it or finish the migration"
	e.addRule(RuleInfo{
		ID: id, Severity: bearing.SeverityWarning, Title: x.Key + " expires on " + x.ExpiresOn.String(),
		Description: "An exception in use ends within " + strconv.Itoa(expiringDays) + " days; after that its findings fail again.",
		Help:        "Renew it or finish the migration.",
		URL:         url, Technology: x.Technology, Guideline: x.Guideline,
	})
	e.findings = append(e.findings, bearing.Finding{
		RuleID:     id,
		Severity:   bearing.SeverityWarning,
		Message:    msg,
		Location:   loc,
		Technology: x.Technology,
		Guideline:  x.Guideline,
		Links:      []string{url},
	})
}
