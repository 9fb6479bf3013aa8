package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"time"

	"github.com/bearingorg/bearing"
)

// setupDays is how long before today Bearing was set up at Northwind: the
// accounts and teams are that old, and the first decision a week younger.
const setupDays = 1100

// step is one write of the demo story, made at a moment of the past.
type step struct {
	at   time.Time
	what string // for error messages
	do   func() error
}

// timeline turns the demo data into writes ordered by the time they
// happened, so that decision numbers, the history and the audit trail read
// like three years of real use rather than one burst.
type timeline struct {
	ctx   context.Context
	svc   Services
	now   time.Time
	today time.Time // midnight UTC of now
	users map[string]*bearing.User
	keys  map[string]string // record ref → DEC-n, filled in as decisions are created
	gkeys map[string]string // guideline ref → G-n, filled in as guidelines are written
	xkeys map[string]string // exception ref → EXC-n, filled in as exceptions are requested
	steps []step

	exceptionCount int // exceptions seeded (some need a service that may be missing)
}

func newTimeline(ctx context.Context, s Services, now time.Time) (*timeline, error) {
	log := decisionLog()
	if err := checkLog(log); err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	if err := checkPolicyData(log); err != nil {
		return nil, fmt.Errorf("demo data: %w", err)
	}
	y, m, d := now.Date()
	t := &timeline{ctx: ctx, svc: s, now: now, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC),
		users: map[string]*bearing.User{}, keys: map[string]string{}, gkeys: map[string]string{}, xkeys: map[string]string{}}
	t.addPeople()
	for _, r := range log {
		t.addRecord(r)
	}
	t.addRadar()
	t.addGuidelines()
	t.addExceptions()
	sort.SliceStable(t.steps, func(i, j int) bool { return t.steps[i].at.Before(t.steps[j].at) })
	for _, st := range t.steps {
		if st.at.After(now) {
			return nil, fmt.Errorf("demo data: %s would happen after today (%s)", st.what, st.at.Format(time.DateTime))
		}
	}
	return t, nil
}

// at returns a moment daysAgo days before today, in office hours, at a
// minute that varies with key; a weekend moves back to the Friday.
func (t *timeline) at(daysAgo int, key string) time.Time {
	d := t.today.AddDate(0, 0, -daysAgo)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, -1)
	case time.Sunday:
		d = d.AddDate(0, 0, -2)
	}
	return d.Add(9*time.Hour + time.Duration(hash(key)%(8*60))*time.Minute)
}

// after returns at, or a little after prev if at is not later, so that the
// steps of one decision keep their order even when they share a day.
func after(at, prev time.Time, key string) time.Time {
	if at.After(prev) {
		return at
	}
	return prev.Add(time.Duration(15+hash(key)%75) * time.Minute)
}

func hash(s string) int {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int(h.Sum32() & 0x7fffffff)
}

func (t *timeline) add(at time.Time, what string, do func() error) {
	t.steps = append(t.steps, step{at: at.Truncate(time.Second), what: what, do: do})
}

// as returns the context of the given demo person acting.
func (t *timeline) as(local string) context.Context {
	return bearing.NewContextWithUser(t.ctx, t.users[local])
}

// addPeople creates the admin first (the system context may, before anyone
// exists) together with the teams, then everyone else on the admin's behalf,
// each on the day they joined.
func (t *timeline) addPeople() {
	start := t.at(setupDays, "setup").Truncate(time.Hour)
	for i, p := range people {
		at := start.Add(time.Duration(5+2*i) * time.Minute)
		if i == 0 {
			at = start
		} else if p.joined > 0 {
			at = t.at(p.joined, "joined/"+p.local)
		}
		t.add(at, "create user "+p.local, func() error {
			admin := people[0].local
			ctx := t.ctx // the system creates the first admin
			if i > 0 {
				ctx = t.as(admin)
			}
			u := &bearing.User{Email: email(p.local), Name: p.name, Role: p.role}
			if err := t.svc.Users.CreateUser(ctx, u, Password); err != nil {
				return err
			}
			t.users[p.local] = u
			if i == 0 {
				for _, tm := range teams {
					if err := t.svc.Users.CreateTeam(t.as(admin), &bearing.Team{Slug: tm.slug, Name: tm.name}); err != nil {
						return err
					}
				}
			}
			for _, slug := range p.teams {
				if err := t.svc.Users.AddTeamMember(t.as(admin), slug, u.Email); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// addRecord adds the steps of one decision's life: written by its driver,
// proposed, decided by the DNA group, signed by its owners, its action items
// ticked off, and finally deprecated or replaced.
func (t *timeline) addRecord(r *record) {
	ref := func() string { return t.keys[r.ref] }
	first := bearing.StatusDraft
	if r.status != bearing.StatusDraft && r.proposed == 0 {
		first = bearing.StatusProposed
	}
	created := t.at(r.created, r.ref+"/created")
	t.add(created, fmt.Sprintf("create %q", r.title), func() error {
		d := t.decision(r, first)
		if err := t.svc.Decisions.CreateDecision(t.as(r.driver), d); err != nil {
			return err
		}
		t.keys[r.ref] = d.Key()
		return nil
	})
	last := created
	setStatus := func(days int, who string, to bearing.Status, reason string) {
		last = after(t.at(r.created-days, r.ref+"/"+string(to)), last, r.ref+string(to))
		t.add(last, fmt.Sprintf("make %q %s", r.title, to), func() error {
			_, err := t.svc.Decisions.SetDecisionStatus(t.as(who), ref(), 0, to, reason)
			return err
		})
	}
	if first == bearing.StatusDraft && r.status != bearing.StatusDraft && r.proposed != never {
		setStatus(r.proposed, r.driver, bearing.StatusProposed, "Ready for the DNA group's review.")
	}
	switch {
	case r.accepted():
		setStatus(r.decided, r.reviewer, bearing.StatusAccepted, "Agreed at the DNA decision meeting.")
	case r.status == bearing.StatusRejected:
		setStatus(r.decided, r.reviewer, bearing.StatusRejected, r.reason)
	case r.status == bearing.StatusWithdrawn:
		setStatus(r.decided, r.driver, bearing.StatusWithdrawn, r.reason)
	}
	decided := last
	if r.accepted() {
		for _, old := range r.supersedes {
			at := decided.Add(time.Duration(30+hash(r.ref+old)%90) * time.Minute)
			t.add(at, fmt.Sprintf("supersede %q with %q", old, r.ref), func() error {
				_, err := t.svc.Decisions.SupersedeDecision(t.as(r.reviewer), t.keys[old], ref(),
					fmt.Sprintf("Replaced by “%s”.", r.title))
				return err
			})
		}
		for _, o := range r.owners {
			day := r.itemsFrom() - 1 - hash(r.ref+"/signed/"+o)%9
			if slices.Contains(r.unsigned, o) || day < 1 {
				continue // not signed yet
			}
			at := after(t.at(day, r.ref+"/signed/"+o), decided, r.ref+o)
			t.add(at, fmt.Sprintf("%s signs %q", o, r.title), func() error {
				_, err := t.svc.Decisions.AcceptOwnership(t.as(o), ref())
				return err
			})
		}
	}
	from := created // action items are ticked off once the decision is accepted, or while it is open
	if r.accepted() {
		from = decided
	}
	for _, it := range r.items {
		if !it.done {
			continue
		}
		day := min(r.itemsFrom()-it.due+2+hash(it.text)%5, r.itemsFrom()-1) // a few days before it was due
		at := after(t.at(max(day, 1), r.ref+"/done/"+it.text), from, it.text)
		t.add(at, fmt.Sprintf("tick off %q of %q", it.text, r.title), func() error {
			return t.tickOff(r, ref(), it)
		})
	}
	if r.status == bearing.StatusDeprecated {
		at := after(t.at(r.created-r.ended, r.ref+"/deprecated"), decided, r.ref)
		t.add(at, fmt.Sprintf("deprecate %q", r.title), func() error {
			_, err := t.svc.Decisions.SetDecisionStatus(t.as(r.reviewer), ref(), 0, bearing.StatusDeprecated, r.reason)
			return err
		})
	}
}

// tickOff marks one action item done, acting as its owner when the owner may
// edit the decision and as the driver otherwise.
func (t *timeline) tickOff(r *record, ref string, it item) error {
	d, err := t.svc.Decisions.FindDecision(t.as(r.driver), ref)
	if err != nil {
		return err
	}
	items := slices.Clone(d.ActionItems)
	i := slices.IndexFunc(items, func(a bearing.ActionItem) bool { return a.Text == it.text })
	if i < 0 {
		return fmt.Errorf("no action item %q", it.text)
	}
	items[i].Done = true
	who := r.driver
	if bearing.CanEditDecision(t.users[it.owner], d) {
		who = it.owner
	}
	_, err = t.svc.Decisions.UpdateDecision(t.as(who), ref, d.Version, bearing.DecisionUpdate{ActionItems: &items})
	return err
}

// decision returns the record as first written, in status first: owners not
// yet signed and every action item open.
func (t *timeline) decision(r *record, first bearing.Status) *bearing.Decision {
	d := &bearing.Decision{
		Title: r.title, Status: first, Team: r.team, Driver: email(r.driver),
		ExecutiveSummary: r.summary, Context: r.context, Options: slices.Clone(r.options), Body: r.body,
		Consequences: r.consequences, Dos: slices.Clone(r.dos), Donts: slices.Clone(r.donts),
		Tags:     slices.Clone(r.tags),
		Deciders: names(r.deciders), Consulted: names(r.consulted), Informed: names(r.informed),
	}
	for _, o := range r.owners {
		d.Owners = append(d.Owners, bearing.Owner{Email: email(o)})
	}
	for _, it := range r.items {
		d.ActionItems = append(d.ActionItems, bearing.ActionItem{Text: it.text, Owner: email(it.owner),
			Due: bearing.DateOf(t.today).AddDays(it.due - r.itemsFrom())})
	}
	if r.revisit != 0 {
		d.RevisitOn = bearing.DateOf(t.today).AddDays(r.revisit)
	}
	return d
}
