package bearing

import (
	"context"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
)

// ExceptionState is where an exception stands.
type ExceptionState string

// The states of an exception: requested → approved | rejected;
// approved → expired | revoked.
const (
	ExceptionRequested ExceptionState = "requested"
	ExceptionApproved  ExceptionState = "approved"
	ExceptionRejected  ExceptionState = "rejected"
	ExceptionExpired   ExceptionState = "expired"
	ExceptionRevoked   ExceptionState = "revoked"
)

var exceptionMoves = map[ExceptionState][]ExceptionState{
	ExceptionRequested: {ExceptionApproved, ExceptionRejected},
	ExceptionApproved:  {ExceptionExpired, ExceptionRevoked},
}

// CheckExceptionMove returns nil if from → to is allowed, and otherwise an
// EINVALID error naming the allowed moves.
func CheckExceptionMove(from, to ExceptionState) error {
	if slices.Contains(exceptionMoves[from], to) {
		return nil
	}
	next := exceptionMoves[from]
	if len(next) == 0 {
		return fieldErr("state", fmt.Sprintf("a %s exception is final and cannot become %s", from, to))
	}
	names := make([]Status, len(next))
	for i, s := range next {
		names[i] = Status(s)
	}
	return fieldErr("state", fmt.Sprintf("a %s exception cannot become %s; it can become %s", from, to, joinStatuses(names)))
}

func fieldErr(field, msg string) error {
	return &Error{Code: EINVALID, Message: field + ": " + msg, Fields: []FieldError{{Field: field, Message: msg}}}
}

// DefaultMaxExceptionDays is how far ahead an exception may expire unless
// configured otherwise.
const DefaultMaxExceptionDays = 365

// Exception is a team's permission to deviate from a guideline or a
// technology's ring, for a scope, until a date.
type Exception struct {
	ID            string         `json:"id"`
	Number        int            `json:"number"`               // Key() is "EXC-<number>"
	Team          string         `json:"team"`                 // slug of the requesting team
	Guideline     string         `json:"guideline,omitempty"`  // key, when deviating from a guideline
	Technology    string         `json:"technology,omitempty"` // slug, when deviating from a ring
	Scope         []string       `json:"scope"`                // repository names or globs, or services
	Justification string         `json:"justification"`
	Risk          string         `json:"risk"`
	Compensating  string         `json:"compensating_measures"`
	ExpiresOn     Date           `json:"expires_on"`
	State         ExceptionState `json:"state"`
	RequestedBy   string         `json:"requested_by"`
	DecidedBy     string         `json:"decided_by,omitempty"`
	DecidedAt     *time.Time     `json:"decided_at,omitempty"`
	Reason        string         `json:"reason,omitempty"`     // of the decision, revocation or expiry
	RenewalOf     string         `json:"renewal_of,omitempty"` // key of the exception this renews
	Renewals      int            `json:"renewals"`             // how many renewals came before this one
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
	Version       int            `json:"version"`
}

// Key returns the human reference of the exception, e.g. "EXC-7".
func (e *Exception) Key() string { return fmt.Sprintf("EXC-%d", e.Number) }

// Active reports whether the exception suppresses findings on the given day.
func (e *Exception) Active(today Date) bool {
	return e.State == ExceptionApproved && !e.ExpiresOn.Before(today)
}

// Covers reports whether the exception's scope includes the repository
// (exact name or glob, e.g. "payments-*").
func (e *Exception) Covers(repo string) bool {
	for _, s := range e.Scope {
		if ok, _ := path.Match(s, repo); ok || s == repo {
			return true
		}
	}
	return false
}

// Validate checks a new request: exactly one target, a scope, the reasons,
// and an expiry in the future but no further than maxDays from today.
func (e *Exception) Validate(today Date, maxDays int) error {
	var p Problems
	e.Team = strings.ToLower(strings.TrimSpace(e.Team))
	if e.Team == "" {
		p.Add("team", "is required: the team that asks")
	}
	e.Guideline = strings.ToUpper(strings.TrimSpace(e.Guideline))
	e.Technology = strings.ToLower(strings.TrimSpace(e.Technology))
	if (e.Guideline == "") == (e.Technology == "") {
		p.Add("guideline", "name either the guideline or the technology the exception is from, not both")
	}
	e.Scope = cleanList(&p, "scope", e.Scope)
	if len(e.Scope) == 0 {
		p.Add("scope", "name at least one repository, glob (payments-*) or service")
	}
	for i, s := range e.Scope {
		if _, err := path.Match(s, ""); err != nil {
			p.Add(fmt.Sprintf("scope[%d]", i), "%q is not a valid glob", s)
		}
	}
	for field, v := range map[string]*string{"justification": &e.Justification, "risk": &e.Risk, "compensating_measures": &e.Compensating} {
		*v = strings.TrimSpace(*v)
		if *v == "" {
			p.Add(field, "is required")
		} else if len(*v) > MaxBodyLen {
			p.Add(field, "is longer than %d characters", MaxBodyLen)
		}
	}
	switch {
	case e.ExpiresOn.IsZero():
		p.Add("expires_on", "is required: every exception ends")
	case !today.Before(e.ExpiresOn):
		p.Add("expires_on", "%s is not in the future", e.ExpiresOn)
	case today.AddDays(maxDays).Before(e.ExpiresOn):
		p.Add("expires_on", "%s is more than %d days away; the latest allowed is %s", e.ExpiresOn, maxDays, today.AddDays(maxDays))
	}
	return p.Err()
}

// CanDecideException reports whether u may approve or reject e: the DNA
// group and admins, but never the person who asked.
func CanDecideException(u *User, e *Exception) error {
	switch {
	case u == nil:
		return Errorf(EUNAUTHORIZED, "Sign in first.")
	case !u.Role.AtLeast(RoleDNA):
		return Errorf(EFORBIDDEN, "Only the DNA group decides exceptions.")
	case u.Email == e.RequestedBy:
		return Errorf(EFORBIDDEN, "You asked for %s, so someone else in the DNA group must decide it.", e.Key())
	}
	return nil
}

// ExceptionFilter selects exceptions.
type ExceptionFilter struct {
	State []ExceptionState
	Team  string
}

// ExceptionService handles requests to deviate. Members request for their
// teams; the DNA group decides; expiry happens on its own.
type ExceptionService interface {
	// FindException returns an exception by id or key ("EXC-7").
	FindException(ctx context.Context, ref string) (*Exception, error)
	// FindExceptions lists exceptions, newest first.
	FindExceptions(ctx context.Context, f ExceptionFilter) ([]*Exception, error)
	// RequestException stores a new request (state requested).
	RequestException(ctx context.Context, e *Exception) error
	// DecideException approves or rejects a request, with a reason.
	DecideException(ctx context.Context, ref string, approve bool, reason string) (*Exception, error)
	// RevokeException ends an approved exception early.
	RevokeException(ctx context.Context, ref, reason string) (*Exception, error)
	// ExpireExceptions moves every approved exception past its date to
	// expired and records it; it returns how many expired. Safe to run on
	// several instances at once.
	ExpireExceptions(ctx context.Context) (int, error)
	// ExceptionHistory lists the recorded changes of an exception.
	ExceptionHistory(ctx context.Context, ref string) ([]*Event, error)
}
