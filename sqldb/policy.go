package sqldb

import (
	"context"
	"database/sql"
	"sort"
	"sync"
	"time"

	"github.com/bearingorg/bearing"
)

// PolicyService implements bearing.PolicyService. It caches the document and
// rebuilds it only when the policy counter moved (a change on any instance)
// or the day changed (exceptions expire by date), so asking is one small
// query plus work in memory.
type PolicyService struct {
	db      *DB
	BaseURL string

	mu     sync.Mutex
	gen    int
	day    bearing.Date
	policy *bearing.Policy
}

// NewPolicyService returns the policy over db; links in answers start with
// baseURL (may be empty).
func NewPolicyService(db *DB, baseURL string) *PolicyService {
	return &PolicyService{db: db, BaseURL: baseURL}
}

var _ bearing.PolicyService = (*PolicyService)(nil)

// Policy implements bearing.PolicyService. The returned document is shared;
// callers must not change it.
func (s *PolicyService) Policy(ctx context.Context) (*bearing.Policy, error) {
	gen, err := s.db.policyGeneration(ctx)
	if err != nil {
		return nil, err
	}
	today := bearing.DateOf(s.db.Now())
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.policy != nil && s.gen == gen && s.day == today {
		return s.policy, nil
	}
	p, err := s.build(ctx, today)
	if err != nil {
		return nil, err
	}
	s.policy, s.gen, s.day = p, gen, today
	return p, nil
}

func (s *PolicyService) build(ctx context.Context, today bearing.Date) (*bearing.Policy, error) {
	tx, err := s.db.BeginTx(ctx, false)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cfg, err := tx.radarConfig(ctx)
	if err != nil {
		return nil, err
	}
	p := &bearing.Policy{GeneratedAt: time.Now().UTC().Truncate(time.Second), BaseURL: s.BaseURL, Radar: *cfg,
		Technologies: []bearing.PolicyTechnology{}, Guidelines: []bearing.PolicyGuideline{}, Exceptions: []bearing.PolicyException{},
		Decisions: []bearing.PolicyDecision{}, Contacts: []string{}}
	cited := map[string]bool{}
	techs, err := tx.findTechnologies(ctx, bearing.TechnologyFilter{})
	if err != nil {
		return nil, err
	}
	for _, t := range techs {
		ring, _ := cfg.Ring(t.Ring)
		p.Technologies = append(p.Technologies, bearing.PolicyTechnology{Slug: t.Slug, Name: t.Name, Aliases: t.Aliases,
			Quadrant: t.Quadrant, Ring: t.Ring, Verdict: ring.Verdict, Rationale: t.Rationale, Identifiers: t.Identifiers,
			Decisions: t.Decisions, Alternatives: t.Alternatives})
		for _, k := range t.Decisions {
			cited[k] = true
		}
	}
	gs, err := tx.findGuidelines(ctx, bearing.GuidelineFilter{Status: []bearing.GuidelineStatus{bearing.GuidelinePublished}})
	if err != nil {
		return nil, err
	}
	for _, g := range gs {
		p.Guidelines = append(p.Guidelines, bearing.PolicyGuideline{Key: g.Key(), Statement: g.Statement, Level: g.Level,
			Rationale: g.Rationale, Scope: g.Scope, Rules: g.Rules, Decisions: g.Decisions, Technologies: g.Technologies})
		for _, k := range g.Decisions {
			cited[k] = true
		}
	}
	es, err := tx.findExceptions(ctx, bearing.ExceptionFilter{State: []bearing.ExceptionState{bearing.ExceptionApproved}})
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if e.Active(today) {
			p.Exceptions = append(p.Exceptions, bearing.PolicyException{Key: e.Key(), Team: e.Team, Guideline: e.Guideline,
				Technology: e.Technology, Scope: e.Scope, ExpiresOn: e.ExpiresOn})
		}
	}
	sort.Slice(p.Exceptions, func(i, j int) bool { return p.Exceptions[i].Key < p.Exceptions[j].Key })
	if err := tx.citedDecisions(ctx, p, cited); err != nil {
		return nil, err
	}
	err = tx.each(ctx, `SELECT email FROM users WHERE role = 'dna' ORDER BY email`, nil, func(r *sql.Rows) error {
		var e string
		err := r.Scan(&e)
		p.Contacts = append(p.Contacts, e)
		return err
	})
	if err != nil {
		return nil, err
	}
	p.Seal()
	p.Prepare()
	return p, nil
}

func (tx *Tx) citedDecisions(ctx context.Context, p *bearing.Policy, cited map[string]bool) error {
	keys := make([]string, 0, len(cited))
	for k := range cited {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d, err := tx.findDecision(ctx, k)
		if bearing.ErrorCode(err) == bearing.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		p.Decisions = append(p.Decisions, bearing.PolicyDecision{Key: d.Key(), Title: d.Title, Status: d.Status, Summary: d.ExecutiveSummary})
	}
	return nil
}
