package bearing

import (
	"slices"
	"strings"
)

// Status is where a decision stands in its lifecycle.
type Status string

// The statuses of a decision.
const (
	StatusDraft      Status = "draft"
	StatusProposed   Status = "proposed"
	StatusAccepted   Status = "accepted"
	StatusRejected   Status = "rejected"
	StatusDeprecated Status = "deprecated"
	StatusSuperseded Status = "superseded"
	StatusWithdrawn  Status = "withdrawn"
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{StatusDraft, StatusProposed, StatusAccepted, StatusRejected,
	StatusDeprecated, StatusSuperseded, StatusWithdrawn}

// transitions is the lifecycle: draft → proposed → accepted | rejected;
// accepted → deprecated | superseded; draft/proposed → withdrawn.
var transitions = map[Status][]Status{
	StatusDraft:    {StatusProposed, StatusWithdrawn},
	StatusProposed: {StatusAccepted, StatusRejected, StatusWithdrawn},
	StatusAccepted: {StatusDeprecated, StatusSuperseded},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Active reports whether the decision still asks something of teams, or will:
// drafts, proposals and accepted decisions.
func (s Status) Active() bool {
	return s == StatusDraft || s == StatusProposed || s == StatusAccepted
}

// Next returns the statuses a decision in s may move to.
func (s Status) Next() []Status { return transitions[s] }

// CanMoveTo reports whether the lifecycle allows s → to.
func (s Status) CanMoveTo(to Status) bool { return slices.Contains(transitions[s], to) }

// CheckTransition returns nil if s → to is allowed, and otherwise an EINVALID
// error that names the allowed moves, so nobody has to guess.
func (s Status) CheckTransition(to Status) error {
	var p Problems
	switch {
	case !to.Valid():
		p.Add("status", "%q is not a status; use one of %s", to, joinStatuses(Statuses))
	case s == to:
		p.Add("status", "the decision is already %s", s)
	case !s.CanMoveTo(to):
		if next := s.Next(); len(next) == 0 {
			p.Add("status", "a %s decision is final and cannot become %s", s, to)
		} else {
			p.Add("status", "a %s decision cannot become %s; it can become %s", s, to, joinStatuses(next))
		}
	}
	return p.Err()
}

// RequiredRole returns the weakest role allowed to move a decision to the
// given status: accepting, rejecting, deprecating and superseding are the
// DNA group's call; proposing and withdrawing belong to the driver.
func (to Status) RequiredRole() Role {
	switch to {
	case StatusAccepted, StatusRejected, StatusDeprecated, StatusSuperseded:
		return RoleDNA
	}
	return RoleMember
}

func joinStatuses(ss []Status) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
