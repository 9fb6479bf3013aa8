package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// minGap is how many days apart two steps must be when one needs the other
// (an entry and the decision it links, an exception and its guideline): a
// step that falls on a weekend moves back to the Friday, up to two days.
const minGap = 3

// checkPolicyData reports the first inconsistency in the radar, guideline
// and exception data: an unknown decision, entry or person, a link to
// something that does not exist yet at that point of the story, moves out of
// order, an exception decided by its requester. Like checkLog, it turns a
// slip while editing the story into a clear message instead of a failure
// halfway through seeding.
func checkPolicyData(log []*record) error {
	created := map[string]int{}
	for _, r := range log {
		created[r.ref] = r.created
	}
	cfg := bearing.DefaultRadarConfig()
	techDay := map[string]int{}
	for _, e := range radar() {
		slug := bearing.Slugify(e.name)
		if _, dup := techDay[slug]; dup {
			return fmt.Errorf("radar entry %q is listed twice", slug)
		}
		techDay[slug] = e.created
	}
	for _, e := range radar() {
		if err := checkTech(e, created, techDay, &cfg); err != nil {
			return fmt.Errorf("radar entry %q: %w", e.name, err)
		}
	}
	for i := 1; i < len(editionDays); i++ {
		if editionDays[i-1]-editionDays[i] < 92 {
			return fmt.Errorf("radar editions on days %d and %d could fall in one quarter", editionDays[i-1], editionDays[i])
		}
	}
	gday := map[string]*guideline{}
	for _, g := range guidelines {
		if gday[g.ref] != nil {
			return fmt.Errorf("guideline %q is listed twice", g.ref)
		}
		gday[g.ref] = g
		if err := checkGuideline(g, created, techDay); err != nil {
			return fmt.Errorf("guideline %q: %w", g.ref, err)
		}
	}
	xday := map[string]int{}
	for _, x := range exceptions {
		if _, dup := xday[x.ref]; dup {
			return fmt.Errorf("exception %q is listed twice", x.ref)
		}
		if err := checkException(x, gday, techDay, xday); err != nil {
			return fmt.Errorf("exception %q: %w", x.ref, err)
		}
		xday[x.ref] = x.requested
	}
	return nil
}

// needDecision checks that a decision record exists minGap days before day.
func needDecision(created map[string]int, ref string, day int) error {
	d, ok := created[ref]
	switch {
	case !ok:
		return fmt.Errorf("links unknown decision %q", ref)
	case d-day < minGap:
		return fmt.Errorf("links decision %q on day %d, but it is written only on day %d", ref, day, d)
	}
	return nil
}

// needPerson checks that a person exists with at least the role, and had
// joined minGap days before day.
func needPerson(local string, role bearing.Role, day int) error {
	p := findPerson(local)
	switch {
	case p == nil:
		return fmt.Errorf("unknown person %q", local)
	case !p.role.AtLeast(role):
		return fmt.Errorf("%s is not %s", local, role)
	case p.joined > 0 && p.joined-day < minGap:
		return fmt.Errorf("%s joins on day %d, after day %d", local, p.joined, day)
	}
	return nil
}

// needOwner checks that an owner is in the DNA group or a principal engineer.
func needOwner(local string) error {
	if p := findPerson(local); p == nil || !(p.role.AtLeast(bearing.RoleDNA) || strings.HasPrefix(p.title, "Principal")) {
		return fmt.Errorf("owner %q is neither in the DNA group nor a principal engineer", local)
	}
	return nil
}

func checkTech(e *tech, created, techDay map[string]int, cfg *bearing.RadarConfig) error {
	slug := bearing.Slugify(e.name)
	if _, ok := cfg.Quadrant(e.quadrant); !ok {
		return fmt.Errorf("unknown quadrant %q", e.quadrant)
	}
	if e.summary == "" || e.description == "" || e.rationale == "" || e.reason == "" || len(e.owners) == 0 {
		return fmt.Errorf("needs a summary, description, rationale, reason and owners")
	}
	if e.by != "" {
		if err := needPerson(e.by, bearing.RoleDNA, e.created); err != nil {
			return err
		}
	}
	for _, o := range e.owners {
		if err := needOwner(o); err != nil {
			return err
		}
	}
	for _, ref := range e.decisions {
		if err := needDecision(created, ref, e.created); err != nil {
			return err
		}
	}
	for _, s := range e.ids {
		if _, err := bearing.ParseIdentifier(s); err != nil {
			return err
		}
	}
	for _, a := range e.alternatives {
		if _, ok := techDay[a]; !ok || a == slug {
			return fmt.Errorf("alternative %q is not another radar entry", a)
		}
	}
	ring, day := e.ring, e.created
	if err := checkRadarDay(day); err != nil {
		return err
	}
	if _, ok := cfg.Ring(ring); !ok {
		return fmt.Errorf("unknown ring %q", ring)
	}
	for _, m := range e.moves {
		switch {
		case m.day >= day:
			return fmt.Errorf("move on day %d does not follow day %d", m.day, day)
		case m.ring == "" && m.decision == "":
			return fmt.Errorf("move on day %d neither changes the ring nor links a decision", m.day)
		case m.ring == ring:
			return fmt.Errorf("move on day %d stays in %s", m.day, ring)
		case m.reason == "":
			return fmt.Errorf("move on day %d has no reason", m.day)
		}
		if _, ok := cfg.Ring(m.ring); !ok && m.ring != "" {
			return fmt.Errorf("unknown ring %q", m.ring)
		}
		if m.decision != "" {
			if err := needDecision(created, m.decision, m.day); err != nil {
				return err
			}
		}
		if err := checkRadarDay(m.day); err != nil {
			return err
		}
		if m.ring != "" {
			ring = m.ring
		}
		day = m.day
	}
	return nil
}

// checkRadarDay keeps radar changes off the days editions are published,
// so that which edition a change first appears in does not depend on the
// weekday today is.
func checkRadarDay(day int) error {
	for _, ed := range editionDays {
		if abs(day-ed) < minGap {
			return fmt.Errorf("changes on day %d, too close to the edition of day %d", day, ed)
		}
	}
	return nil
}

func abs(n int) int { return max(n, -n) }

func checkGuideline(g *guideline, created, techDay map[string]int) error {
	if !slices.Contains(bearing.Levels, g.level) || g.statement == "" || g.rationale == "" || g.summary == "" {
		return fmt.Errorf("needs a level, statement, summary and rationale")
	}
	if (g.published != 0 && g.published >= g.created) || (g.retired != 0 && (g.published == 0 || g.retired >= g.published)) {
		return fmt.Errorf("is published (day %d) or retired (day %d) out of order", g.published, g.retired)
	}
	if err := needPerson(g.by, bearing.RoleDNA, g.created); err != nil {
		return err
	}
	for _, o := range g.owners {
		if err := needOwner(o); err != nil {
			return err
		}
	}
	for _, ref := range g.decisions {
		if err := needDecision(created, ref, g.created); err != nil {
			return err
		}
	}
	for _, s := range g.techs {
		if d, ok := techDay[s]; !ok || d-g.created < minGap {
			return fmt.Errorf("names radar entry %q, which is not on the radar by day %d", s, g.created)
		}
	}
	for _, tm := range g.teams {
		if !slices.ContainsFunc(teams, func(t team) bool { return t.slug == tm }) {
			return fmt.Errorf("unknown team %q", tm)
		}
	}
	for _, r := range g.rules {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	return nil
}

func checkException(x *exception, gs map[string]*guideline, techDay, xday map[string]int) error {
	if (x.guideline == "") == (x.tech == "") {
		return fmt.Errorf("names both or neither of a guideline and a technology")
	}
	if g := gs[x.guideline]; x.guideline != "" && (g == nil || g.published == 0 || g.published-x.requested < minGap) {
		return fmt.Errorf("deviates from guideline %q, which is not published by day %d", x.guideline, x.requested)
	}
	if d, ok := techDay[x.tech]; x.tech != "" && (!ok || d-x.requested < minGap) {
		return fmt.Errorf("names radar entry %q, which is not on the radar by day %d", x.tech, x.requested)
	}
	if d, ok := xday[x.renews]; x.renews != "" && (!ok || d-x.requested < minGap) {
		return fmt.Errorf("renews %q, which is not requested before", x.renews)
	}
	if err := needPerson(x.by, bearing.RoleMember, x.requested); err != nil {
		return err
	}
	if !slices.Contains(findPerson(x.by).teams, x.team) {
		return fmt.Errorf("%s asks for team %q without being in it", x.by, x.team)
	}
	// The expiry must be after the request and at most a year away (the
	// request may move back two days to a Friday), and if it is past, the
	// nightly job that expires it must have run before today.
	if x.expires <= -x.requested || x.expires+x.requested > bearing.DefaultMaxExceptionDays-2 || x.expires == -1 {
		return fmt.Errorf("expires %d days from today, not within a year after the request on day %d", x.expires, x.requested)
	}
	if x.justification == "" || x.risk == "" || x.compensating == "" || len(x.scope) == 0 {
		return fmt.Errorf("needs a scope, a justification, the risk and compensating measures")
	}
	if x.decider == "" {
		if x.decided != 0 || x.revoked != 0 || x.expires < 0 {
			return fmt.Errorf("awaits a decision but has a decision, a revocation or a past expiry")
		}
		return nil
	}
	if err := needPerson(x.decider, bearing.RoleDNA, x.decided); err != nil {
		return err
	}
	switch {
	case x.decider == x.by:
		return fmt.Errorf("is decided by the person who asked")
	case x.decided >= x.requested || x.decided < 1 || x.reason == "":
		return fmt.Errorf("needs a decision with a reason after the request")
	case x.decided <= -x.expires:
		return fmt.Errorf("is decided after it would have expired")
	}
	if x.revoked != 0 {
		if err := needPerson(x.revoker, bearing.RoleDNA, x.revoked); err != nil {
			return err
		}
		if !x.approve || x.revoked >= x.decided || x.revoked <= -x.expires || x.revokeReason == "" {
			return fmt.Errorf("is revoked without being approved, out of order, after expiring or without a reason")
		}
	}
	return nil
}
