// Package demo seeds a believable fictional organisation, Northwind
// Logistics, into an empty Bearing database, so that someone trying Bearing
// (`bearing serve --demo`) sees a lived-in decision log on first sign-in: three
// years of decisions with their whole lifecycle, supersede chains, owners who
// signed and some who have not yet, overdue reviews and open proposals; and
// beside the log a technology radar with five editions of history, the
// guidelines of the DNA group and teams' exceptions to them.
//
// The seeder writes only through the domain services (bearing.UserService,
// bearing.DecisionService and, when given, bearing.TechnologyService,
// bearing.GuidelineService and bearing.ExceptionService), never through SQL,
// so it works on every storage engine and obeys every rule a real user would:
// decisions are created as drafts or proposals by their drivers, accepted or
// rejected by the DNA group and signed by each owner in person; exceptions
// are requested by a member of the team and decided by someone else. The
// people live in people.go, the decisions in the log*.go files, the radar in
// the radar_*.go files, the guidelines and exceptions in guidelines_data.go
// and exceptions_data.go, and the order of events in timeline.go and
// radar_seed.go.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/bearingorg/bearing"
)

// Password is the demo accounts' shared password, printed by
// `bearing serve --demo` so that anyone can sign in as any demo person and
// see Bearing through their role.
const Password = "bearing-demo"

// Domain is the e-mail domain of the demo organisation; .example is reserved
// (RFC 2606), so no real mailbox can receive a notification about the demo.
const Domain = "northwind.example"

// Services are what the seeder writes through. Technologies, Guidelines and
// Exceptions are optional: when one is nil, that part of the demo (the radar
// and its editions, the guidelines, the exceptions) is left out.
type Services struct {
	Users        bearing.UserService
	Decisions    bearing.DecisionService
	Technologies bearing.TechnologyService
	Guidelines   bearing.GuidelineService
	Exceptions   bearing.ExceptionService
	// Reports and Policy, when both are given, add a quarter of weekly
	// check reports from the organisation's repositories.
	Reports bearing.ReportService
	Policy  bearing.PolicyService
	// SetClock makes subsequent writes record the given time (the storage
	// layer's clock), so the demo history spans three years; the seeder
	// restores real time by calling SetClock(time.Time{}) at the end, which
	// callers implement as "use the real clock again". A nil SetClock
	// stamps everything with the real time.
	SetClock func(time.Time)
}

// Result says how to sign in to the demo.
type Result struct {
	AdminEmail, AdminPassword, Token string
	Users, Teams, Decisions          int
	// What was seeded of the radar, guidelines and exceptions: 0 for a
	// part whose service was not given.
	Technologies, Guidelines, Exceptions, Editions int
	Reports                                        int
}

// Seed fills an empty database; it returns an error wrapping bearing
// ECONFLICT ("the database is not empty") if any user exists already, so a
// real organisation's data is never mixed with the demo. now is "today" for
// the demo (pass time.Now()); all dates are relative to it, so the demo never
// looks stale. ctx must be a system context (sqldb.SystemContext), which may
// create users and teams before any admin exists.
func Seed(ctx context.Context, s Services, now time.Time) (*Result, error) {
	existing, err := s.Users.FindUsers(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if len(existing) > 0 {
		return nil, fmt.Errorf("demo: %w", bearing.Errorf(bearing.ECONFLICT,
			"The database is not empty (%d users); the demo seeds only a new database.", len(existing)))
	}
	setClock := s.SetClock
	if setClock == nil {
		setClock = func(time.Time) {}
	}
	defer setClock(time.Time{})

	tl, err := newTimeline(ctx, s, now.UTC())
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	for _, st := range tl.steps {
		setClock(st.at)
		if err := st.do(); err != nil {
			return nil, fmt.Errorf("demo: %s (%s): %w", st.what, st.at.Format(time.DateOnly), err)
		}
	}

	setClock(time.Time{}) // the token is issued today, when the demo is started
	reports := 0
	if s.Reports != nil && s.Policy != nil && s.Technologies != nil {
		if reports, err = seedReports(ctx, s, tl.users, now.UTC()); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	admin := tl.users[people[0].local]
	token, _, err := s.Users.CreateToken(bearing.NewContextWithUser(ctx, admin), admin.ID, "demo")
	if err != nil {
		return nil, fmt.Errorf("demo: create token: %w", err)
	}
	res := &Result{AdminEmail: admin.Email, AdminPassword: Password, Token: token,
		Users: len(people), Teams: len(teams), Decisions: len(decisionLog()), Exceptions: tl.exceptionCount, Reports: reports}
	if s.Technologies != nil {
		res.Technologies, res.Editions = len(radar()), len(editionDays)
	}
	if s.Guidelines != nil {
		res.Guidelines = len(guidelines)
	}
	return res, nil
}
