package demo

import (
	"fmt"
	"slices"

	"github.com/bearingorg/bearing"
)

// record is one decision of the demo log together with the story of how it
// reached its status, told in days so that the demo stays relative to today.
type record struct {
	ref    string // local handle, for supersede links between records
	title  string
	team   string         // slug of the driving team; "" for organisation-wide decisions
	driver string         // who wrote it (a person's local part)
	status bearing.Status // where it stands today

	created  int    // days before today it was written
	proposed int    // days after created it was put up for review; 0: written as a proposal; never: not proposed
	decided  int    // days after created the DNA group accepted or rejected it, or the driver withdrew it
	ended    int    // days after created the DNA group deprecated it
	reviewer string // DNA member who accepted, rejected, deprecated it or made it supersede another
	reason   string // recorded with a rejection, withdrawal or deprecation

	supersedes []string // refs of the records this one replaces once accepted
	owners     []string // local parts
	unsigned   []string // owners who have not signed yet
	revisit    int      // days from today (negative: overdue); 0: no revisit date

	summary      string // executive summary: plain language, no jargon
	context      string
	options      []bearing.Option
	body         string
	consequences string
	dos, donts   []string
	tags         []string

	deciders, consulted, informed []string // local parts or group names
	items                         []item
}

// never marks a record that was never put up for review.
const never = -1

// item is an action item; due counts days from the day the decision was made
// (or written, while it is open), so that due dates follow the story.
type item struct {
	text  string
	owner string // local part
	due   int
	done  bool
}

// accepted reports whether the record was accepted at some point: owners
// sign only such decisions.
func (r *record) accepted() bool {
	return r.status == bearing.StatusAccepted || r.status == bearing.StatusDeprecated || r.status == bearing.StatusSuperseded
}

// itemsFrom is the day (counted back from today) that action items count
// their due dates from: the day of acceptance, or the day the record was
// written if it never was accepted.
func (r *record) itemsFrom() int {
	if r.accepted() {
		return r.created - r.decided
	}
	return r.created
}

// list keeps the data files short.
type list = []string

// decisionLog returns every demo decision, oldest first.
func decisionLog() []*record {
	var all []*record
	for _, part := range [][]*record{foundations, firstYear, secondYear, consolidation, recent, openQuestions} {
		all = append(all, part...)
	}
	return all
}

// checkLog reports the first inconsistency in the demo data (an unknown
// person, a superseded record nobody replaces), so a mistake made while
// editing the story fails the test with a clear message rather than halfway
// through seeding.
func checkLog(log []*record) error {
	byRef := map[string]*record{}
	replacedBy := map[string]*record{}
	for _, r := range log {
		if byRef[r.ref] != nil {
			return fmt.Errorf("record %q is listed twice", r.ref)
		}
		byRef[r.ref] = r
	}
	for _, r := range log {
		where := fmt.Sprintf("record %q", r.ref)
		if p := findPerson(r.driver); p == nil || !p.role.AtLeast(bearing.RoleMember) {
			return fmt.Errorf("%s: driver %q is not a member", where, r.driver)
		}
		if r.status != bearing.StatusDraft && r.status != bearing.StatusProposed && r.status != bearing.StatusWithdrawn {
			if p := findPerson(r.reviewer); p == nil || !p.role.AtLeast(bearing.RoleDNA) {
				return fmt.Errorf("%s: reviewer %q is not in the DNA group", where, r.reviewer)
			}
		}
		if (r.status == bearing.StatusRejected || r.status == bearing.StatusWithdrawn ||
			r.status == bearing.StatusDeprecated) && r.reason == "" {
			return fmt.Errorf("%s: a %s decision needs a reason", where, r.status)
		}
		for _, o := range append(slices.Clone(r.owners), r.driver) {
			if findPerson(o) == nil {
				return fmt.Errorf("%s: unknown person %q", where, o)
			}
		}
		for _, o := range r.unsigned {
			if !slices.Contains(r.owners, o) {
				return fmt.Errorf("%s: %q has not signed but is no owner", where, o)
			}
		}
		for _, it := range r.items {
			if findPerson(it.owner) == nil {
				return fmt.Errorf("%s: action item owner %q is unknown", where, it.owner)
			}
		}
		for _, old := range r.supersedes {
			o := byRef[old]
			switch {
			case o == nil:
				return fmt.Errorf("%s supersedes unknown record %q", where, old)
			case o.status != bearing.StatusSuperseded:
				return fmt.Errorf("%s supersedes %q, which is %s in the data", where, old, o.status)
			case o.created-o.decided <= r.created-r.decided:
				return fmt.Errorf("%s supersedes %q, which was decided later", where, old)
			}
			replacedBy[old] = r
		}
		if !r.accepted() && len(r.supersedes) > 0 {
			return fmt.Errorf("%s is %s and cannot supersede anything", where, r.status)
		}
	}
	for _, r := range log {
		if r.status == bearing.StatusSuperseded && replacedBy[r.ref] == nil {
			return fmt.Errorf("record %q is superseded but no record supersedes it", r.ref)
		}
	}
	return nil
}
