package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/bench/internal/vocab"
)

// epoch is the creation time of decision 1; each later number is created a
// little later, so a 100,000-decision log spans about six years.
var epoch = time.Date(2019, 1, 7, 9, 0, 0, 0, time.UTC)

// step is the average time between two decisions.
const step = 27 * time.Minute

// person is a generated user the decisions refer to.
type person struct {
	email string
	name  string
	role  bearing.Role
}

// maker builds decisions from a seeded random source, so the same seed
// writes the same log.
type maker struct {
	rng    *rand.Rand
	people []person
	dna    []person // deciders come from the DNA group
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// some returns between lo and hi distinct elements of xs.
func some[T any](r *rand.Rand, xs []T, lo, hi int) []T {
	n := lo + r.IntN(hi-lo+1)
	out := make([]T, 0, n)
	for _, i := range r.Perm(len(xs))[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

// statusFor draws a status with the mix of a mature decision log: mostly
// accepted, some open, a few rejected, deprecated or withdrawn.
func (m *maker) statusFor() bearing.Status {
	switch x := m.rng.IntN(100); {
	case x < 58:
		return bearing.StatusAccepted
	case x < 70:
		return bearing.StatusProposed
	case x < 80:
		return bearing.StatusDraft
	case x < 88:
		return bearing.StatusRejected
	case x < 95:
		return bearing.StatusDeprecated
	default:
		return bearing.StatusWithdrawn
	}
}

// decision returns decision number n.
func (m *maker) decision(n int) *bearing.Decision {
	r := m.rng
	tech, tech2 := pick(r, vocab.Tech), pick(r, vocab.Tech)
	for tech2 == tech {
		tech2 = pick(r, vocab.Tech)
	}
	area, concern, concern2 := pick(r, vocab.Areas), pick(r, vocab.Concerns), pick(r, vocab.Concerns)
	practice := pick(r, vocab.Practices)
	created := epoch.Add(time.Duration(n)*step + time.Duration(r.IntN(600))*time.Second)
	d := &bearing.Decision{
		Number:    n,
		Status:    m.statusFor(),
		Title:     m.title(tech, tech2, area, concern, practice),
		Tags:      some(r, vocab.Tags, 1, 4),
		Team:      pick(r, vocab.Teams)[0],
		Driver:    pick(r, m.people).email,
		Source:    fmt.Sprintf("bench/gen DEC-%d", n),
		CreatedAt: created,
		UpdatedAt: created.Add(time.Duration(r.IntN(90*24)) * time.Hour),
	}
	d.ExecutiveSummary = fmt.Sprintf("%s: %s for %s, trading some %s for better %s.", d.Title, tech, area, concern2, concern)
	d.Context = fmt.Sprintf("Today %s runs on %s, and %s. We measured %s and %s over the last quarter "+
		"and talked to the teams that depend on %s.\n\nThe main forces are:\n\n- %s matters more than %s for %s.\n- %s.\n",
		area, tech2, pick(r, vocab.Problems), concern, concern2, area,
		capital(concern), concern2, area, capital(pick(r, vocab.Problems)))
	d.Body = fmt.Sprintf("We will use **%s** for %s. New services start on it from %s; existing ones move "+
		"when they next change significantly. We also require %s for every change to %s.",
		tech, area, bearing.DateOf(created.AddDate(0, 1, 0)), practice, area)
	d.Consequences = fmt.Sprintf("Teams working on %s need to learn %s. We expect better %s and accept some loss of %s; "+
		"%s is retired once the last consumer has moved.", area, tech, concern, concern2, tech2)
	d.Options = m.options(tech, tech2, concern, concern2, d.Status)
	d.Dos = some(r, []string{"Use " + tech + " for new work in " + area, "Document exceptions in the decision log",
		"Measure " + concern + " before and after the change", "Adopt " + practice}, 0, 3)
	d.Donts = some(r, []string{"Start new services on " + tech2, "Bypass the shared " + tech + " client",
		"Skip " + practice + " under deadline pressure"}, 0, 2)
	d.Deciders = emails(some(r, m.dna, 1, 3))
	d.Consulted = emails(some(r, m.people, 0, 3))
	d.Informed = []string{pick(r, vocab.Teams)[1] + " team"}
	m.ownership(d)
	if r.IntN(100) < 40 {
		d.RevisitOn = bearing.DateOf(created.AddDate(1+r.IntN(3), r.IntN(12), 0))
	}
	return d
}

// title draws one of a few title shapes.
func (m *maker) title(tech, tech2, area, concern, practice string) string {
	switch m.rng.IntN(6) {
	case 0:
		return fmt.Sprintf("%s %s for %s", pick(m.rng, vocab.Verbs), tech, area)
	case 1:
		return fmt.Sprintf("Migrate %s from %s to %s", area, tech2, tech)
	case 2:
		return fmt.Sprintf("Require %s in %s", practice, area)
	case 3:
		return fmt.Sprintf("Prefer %s over %s for %s", tech, tech2, concern)
	case 4:
		return fmt.Sprintf("Deprecate %s in %s", tech2, area)
	default:
		return fmt.Sprintf("Limit %s dependencies on %s to improve %s", area, tech2, concern)
	}
}

// options lists the alternatives; a decided record marks the first chosen.
func (m *maker) options(tech, tech2, concern, concern2 string, st bearing.Status) []bearing.Option {
	opts := []bearing.Option{
		{Name: tech, Description: "Adopt " + tech + ".", Pros: []string{"better " + concern}, Cons: []string{"worse " + concern2, "migration work"}},
		{Name: tech2, Description: "Keep " + tech2 + ".", Pros: []string{"no migration", "known to the team"}, Cons: []string{"worse " + concern}},
	}
	if m.rng.IntN(2) == 0 {
		opts = append(opts, bearing.Option{Name: "Build our own", Pros: []string{"fits exactly"}, Cons: []string{"we maintain it forever"}})
	}
	if st == bearing.StatusAccepted || st == bearing.StatusDeprecated || st == bearing.StatusSuperseded {
		opts[0].Chosen = true
	}
	return opts
}

// ownership gives accepted decisions owners (most of whom have signed) and
// a few action items; open ones get at most one unsigned owner.
func (m *maker) ownership(d *bearing.Decision) {
	r := m.rng
	n := r.IntN(2)
	if d.Status == bearing.StatusAccepted {
		n = 1 + r.IntN(2)
	}
	for _, p := range some(r, m.people, n, n) {
		o := bearing.Owner{Email: p.email}
		if d.Status == bearing.StatusAccepted && r.IntN(100) < 85 {
			at := d.CreatedAt.Add(time.Duration(1+r.IntN(20*24)) * time.Hour)
			o.AcceptedAt = &at
		}
		d.Owners = append(d.Owners, o)
	}
	if d.Status == bearing.StatusAccepted && len(d.Owners) > 0 {
		for i := range r.IntN(3) {
			d.ActionItems = append(d.ActionItems, bearing.ActionItem{
				Text:  fmt.Sprintf("Step %d: move the next %s service", i+1, d.Team),
				Owner: d.Owners[0].Email,
				Due:   bearing.DateOf(d.CreatedAt.AddDate(0, 1+i, 0)),
				Done:  r.IntN(2) == 0,
			})
		}
	}
}

// batch returns decisions first..first+n-1. About one accepted decision in
// twelve supersedes an earlier accepted one of the same batch, which then
// becomes superseded.
func (m *maker) batch(first, n int) []*bearing.Decision {
	ds := make([]*bearing.Decision, n)
	for i := range ds {
		ds[i] = m.decision(first + i)
		if i > 0 && ds[i].Status == bearing.StatusAccepted && m.rng.IntN(12) == 0 {
			old := ds[m.rng.IntN(i)]
			if old.Status == bearing.StatusAccepted {
				old.Status = bearing.StatusSuperseded
				ds[i].Supersedes = []string{old.Key()}
			}
		}
	}
	return ds
}

func emails(ps []person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.email
	}
	return out
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
