package demo

import (
	"fmt"
	"slices"
	"time"

	"github.com/bearingorg/bearing"
)

// The radar, the guidelines and the exceptions join the decisions in the
// same timeline, so every write happens at its moment of the story and a
// link to a decision never points to one that did not exist yet. Entries
// live in radar*.go, guidelines in guidelines_data.go, exceptions in
// exceptions_data.go; checkPolicyData in policy_check.go verifies them.

// keeper is the DNA member who writes the entries of each quadrant.
var keeper = map[string]string{langs: "hannah", platforms: "hannah", stores: "rafael", tools: "mei"}

// key returns the DEC-n of a decision record, which must exist by now.
func (t *timeline) key(ref string) (string, error) {
	if k, ok := t.keys[ref]; ok || ref == "" {
		return k, nil
	}
	return "", fmt.Errorf("decision %q does not exist yet", ref)
}

func (t *timeline) keyList(refs []string) ([]string, error) {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		k, err := t.key(r)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

func emails(locals []string) []string {
	out := make([]string, len(locals))
	for i, l := range locals {
		out[i] = email(l)
	}
	return out
}

func (t *timeline) revisitOn(days int) bearing.Date {
	if days == 0 {
		return bearing.Date{}
	}
	return bearing.DateOf(t.today).AddDays(days)
}

// addRadar adds the steps that build the radar and publish its editions.
func (t *timeline) addRadar() {
	if t.svc.Technologies == nil {
		return
	}
	for _, e := range radar() {
		t.addTech(e)
	}
	for _, day := range editionDays {
		at := t.at(day, "edition")
		t.add(at, "publish the radar edition of "+at.Format(time.DateOnly), func() error {
			_, err := t.svc.Technologies.PublishEdition(t.as("hannah"), fmt.Sprintf("%d Q%d", at.Year(), (int(at.Month())+2)/3))
			return err
		})
	}
}

// addTech adds an entry in its first ring, then its moves; the rationale
// written at the start is the reason it entered, replaced by today's
// rationale (and alternatives) with the last move.
func (t *timeline) addTech(e *tech) {
	slug, by := bearing.Slugify(e.name), e.by
	if by == "" {
		by = keeper[e.quadrant]
	}
	last, prev := len(e.moves)-1, t.at(e.created, "tech/"+slug)
	t.add(prev, "add "+e.name+" to the radar", func() error {
		keys, err := t.keyList(e.decisions)
		if err != nil {
			return err
		}
		tt := &bearing.Technology{Name: e.name, Aliases: slices.Clone(e.aliases), Quadrant: e.quadrant, Ring: e.ring,
			Description: e.description, Rationale: e.reason, ExecutiveSummary: e.summary, Owners: emails(e.owners),
			Decisions: keys, Identifiers: slices.Clone(e.ids), RevisitOn: t.revisitOn(e.revisit)}
		if last < 0 {
			tt.Rationale, tt.Alternatives = e.rationale, slices.Clone(e.alternatives)
		}
		return t.svc.Technologies.CreateTechnology(t.as(by), tt, e.reason)
	})
	for i, m := range e.moves {
		prev = after(t.at(m.day, "tech/"+slug+"/"+m.ring+m.decision), prev, slug+m.ring)
		what := fmt.Sprintf("move %s to %s", e.name, m.ring)
		if m.ring == "" {
			what = fmt.Sprintf("link %s to %s", e.name, m.decision)
		}
		t.add(prev, what, func() error {
			ctx := t.as(by)
			k, err := t.key(m.decision)
			if err != nil {
				return err
			}
			var upd bearing.TechnologyUpdate
			if m.ring != "" {
				if _, err := t.svc.Technologies.MoveTechnology(ctx, slug, m.ring, m.reason, k); err != nil {
					return err
				}
			} else if k != "" {
				cur, err := t.svc.Technologies.FindTechnology(ctx, slug)
				if err != nil {
					return err
				}
				ds := append(cur.Decisions, k)
				upd.Decisions = &ds
			}
			if i == last {
				alts := slices.Clone(e.alternatives)
				upd.Rationale, upd.Alternatives = &e.rationale, &alts
			}
			if upd == (bearing.TechnologyUpdate{}) {
				return nil
			}
			_, err = t.svc.Technologies.UpdateTechnology(ctx, slug, 0, upd)
			return err
		})
	}
}

// addGuidelines adds the steps of every guideline: drafted, published a few
// days later, and for some retired.
func (t *timeline) addGuidelines() {
	if t.svc.Guidelines == nil {
		return
	}
	for _, g := range guidelines {
		prev := t.at(g.created, "guideline/"+g.ref)
		t.add(prev, "draft guideline "+g.ref, func() error {
			keys, err := t.keyList(g.decisions)
			if err != nil {
				return err
			}
			gl := &bearing.Guideline{Statement: g.statement, Level: g.level, Rationale: g.rationale, ExecutiveSummary: g.summary,
				Scope: bearing.Scope{Teams: slices.Clone(g.teams), Tags: slices.Clone(g.tags)}, DoExamples: slices.Clone(g.dos),
				DontExamples: slices.Clone(g.donts), Decisions: keys, Owners: emails(g.owners), Rules: slices.Clone(g.rules),
				RevisitOn: t.revisitOn(g.revisit), Status: bearing.GuidelineDraft}
			if t.svc.Technologies != nil {
				gl.Technologies = slices.Clone(g.techs)
			}
			if err := t.svc.Guidelines.CreateGuideline(t.as(g.by), gl); err != nil {
				return err
			}
			t.gkeys[g.ref] = gl.Key()
			return nil
		})
		for _, st := range []struct {
			day int
			to  bearing.GuidelineStatus
		}{{g.published, bearing.GuidelinePublished}, {g.retired, bearing.GuidelineRetired}} {
			if st.day == 0 {
				continue
			}
			prev = after(t.at(st.day, "guideline/"+g.ref+"/"+string(st.to)), prev, g.ref+string(st.to))
			t.add(prev, fmt.Sprintf("make guideline %s %s", g.ref, st.to), func() error {
				_, err := t.svc.Guidelines.UpdateGuideline(t.as(g.by), t.gkeys[g.ref], 0, bearing.GuidelineUpdate{Status: &st.to})
				return err
			})
		}
	}
}

// addExceptions adds the steps of every exception: requested by a member of
// the team, decided by someone else in the DNA group, perhaps revoked, and
// expired by the nightly job the day after its date.
func (t *timeline) addExceptions() {
	if t.svc.Exceptions == nil {
		return
	}
	skipped := map[string]bool{}
	for _, x := range exceptions {
		if (x.guideline != "" && t.svc.Guidelines == nil) || (x.tech != "" && t.svc.Technologies == nil) || skipped[x.renews] {
			skipped[x.ref] = true
			continue
		}
		t.exceptionCount++
		requested := t.at(x.requested, "exception/"+x.ref)
		t.add(requested, "request exception "+x.ref, func() error {
			u, err := t.svc.Users.FindUserByEmail(t.ctx, email(x.by)) // with the teams the request is checked against
			if err != nil {
				return err
			}
			e := &bearing.Exception{Team: x.team, Guideline: t.gkeys[x.guideline], Technology: x.tech, Scope: slices.Clone(x.scope),
				Justification: x.justification, Risk: x.risk, Compensating: x.compensating,
				ExpiresOn: bearing.DateOf(t.today).AddDays(x.expires), RenewalOf: t.xkeys[x.renews]}
			if err := t.svc.Exceptions.RequestException(bearing.NewContextWithUser(t.ctx, u), e); err != nil {
				return err
			}
			t.xkeys[x.ref] = e.Key()
			return nil
		})
		if x.decided == 0 {
			continue
		}
		decided := after(t.at(x.decided, "exception/"+x.ref+"/decided"), requested, x.ref)
		t.add(decided, "decide exception "+x.ref, func() error {
			_, err := t.svc.Exceptions.DecideException(t.as(x.decider), t.xkeys[x.ref], x.approve, x.reason)
			return err
		})
		switch {
		case x.revoked > 0:
			t.add(after(t.at(x.revoked, "exception/"+x.ref+"/revoked"), decided, x.ref), "revoke exception "+x.ref, func() error {
				_, err := t.svc.Exceptions.RevokeException(t.as(x.revoker), t.xkeys[x.ref], x.revokeReason)
				return err
			})
		case x.approve && x.expires < 0: // the nightly job, at one in the morning after the last valid day
			t.add(t.today.AddDate(0, 0, x.expires+1).Add(time.Hour), "expire exception "+x.ref, func() error {
				_, err := t.svc.Exceptions.ExpireExceptions(t.ctx)
				return err
			})
		}
	}
}
