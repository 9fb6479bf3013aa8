package bearing

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Level is how strongly a guideline binds, in the words of RFC 2119.
type Level string

// The levels, strongest first.
const (
	LevelMust      Level = "MUST"
	LevelMustNot   Level = "MUST NOT"
	LevelShould    Level = "SHOULD"
	LevelShouldNot Level = "SHOULD NOT"
	LevelMay       Level = "MAY"
)

// Levels lists the valid levels.
var Levels = []Level{LevelMust, LevelMustNot, LevelShould, LevelShouldNot, LevelMay}

// Negative reports whether the level says what not to do, so the guideline
// belongs on the "what we don't do" page.
func (l Level) Negative() bool { return l == LevelMustNot || l == LevelShouldNot }

// GuidelineStatus is where a guideline stands.
type GuidelineStatus string

// The statuses of a guideline.
const (
	GuidelineDraft     GuidelineStatus = "draft"
	GuidelinePublished GuidelineStatus = "published"
	GuidelineRetired   GuidelineStatus = "retired"
)

// Guideline is a rule of the DNA group that lets teams decide on their own:
// a statement at a level, why, for whom, with examples and optional rules
// that `bearing check` can verify in a repository.
type Guideline struct {
	ID               string          `json:"id"`
	Number           int             `json:"number"` // Key() is "G-<number>"
	Statement        string          `json:"statement"`
	Level            Level           `json:"level"`
	Rationale        string          `json:"rationale"` // Markdown
	ExecutiveSummary string          `json:"executive_summary"`
	Scope            Scope           `json:"scope"`
	DoExamples       []string        `json:"do_examples"`
	DontExamples     []string        `json:"dont_examples"`
	Decisions        []string        `json:"decisions"`    // decision keys
	Technologies     []string        `json:"technologies"` // technology slugs
	Owners           []string        `json:"owners"`       // e-mails
	Rules            []Rule          `json:"rules"`
	RevisitOn        Date            `json:"revisit_on"`
	Status           GuidelineStatus `json:"status"`
	CreatedAt        time.Time       `json:"created_at"`
	UpdatedAt        time.Time       `json:"updated_at"`
	Version          int             `json:"version"`
}

// GuidelinePrefix is the prefix of guideline keys.
const GuidelinePrefix = "G-"

// Key returns the human reference of the guideline, e.g. "G-12".
func (g *Guideline) Key() string { return fmt.Sprintf("%s%d", GuidelinePrefix, g.Number) }

// Scope says to whom a guideline applies: everyone when empty.
type Scope struct {
	Teams []string `json:"teams,omitempty"` // team slugs
	Tags  []string `json:"tags,omitempty"`  // repository or service tags
}

// Everyone reports whether the scope is the whole organisation.
func (s Scope) Everyone() bool { return len(s.Teams) == 0 && len(s.Tags) == 0 }

// AppliesTo reports whether a team (and a repository's tags) is in scope.
func (s Scope) AppliesTo(team string, tags []string) bool {
	if s.Everyone() {
		return true
	}
	if team != "" && slices.Contains(s.Teams, team) {
		return true
	}
	for _, t := range tags {
		if slices.Contains(s.Tags, strings.ToLower(t)) {
			return true
		}
	}
	return false
}

// Validate normalises the guideline and checks it, rules included, so a rule
// that `bearing check` could not evaluate is refused on save.
func (g *Guideline) Validate() error {
	var p Problems
	g.Statement = strings.TrimSpace(g.Statement)
	switch {
	case g.Statement == "":
		p.Add("statement", "is required")
	case len(g.Statement) > 500:
		p.Add("statement", "is longer than 500 characters")
	}
	g.Level = Level(strings.ToUpper(strings.Join(strings.Fields(string(g.Level)), " ")))
	if !slices.Contains(Levels, g.Level) {
		p.Add("level", "%q is not a level; use MUST, MUST NOT, SHOULD, SHOULD NOT or MAY", g.Level)
	}
	if g.Status == "" {
		g.Status = GuidelineDraft
	}
	if !slices.Contains([]GuidelineStatus{GuidelineDraft, GuidelinePublished, GuidelineRetired}, g.Status) {
		p.Add("status", "%q is not a status; use draft, published or retired", g.Status)
	}
	if len(g.Rationale) > MaxBodyLen || len(g.ExecutiveSummary) > MaxBodyLen {
		p.Add("rationale", "is longer than %d characters", MaxBodyLen)
	}
	g.DoExamples = cleanList(&p, "do_examples", g.DoExamples)
	g.DontExamples = cleanList(&p, "dont_examples", g.DontExamples)
	g.Technologies = cleanList(&p, "technologies", g.Technologies)
	g.Owners = cleanList(&p, "owners", g.Owners)
	for i := range g.Owners {
		g.Owners[i] = NormalizeEmail(g.Owners[i])
	}
	g.Decisions = cleanList(&p, "decisions", g.Decisions)
	for i, k := range g.Decisions {
		if n, ok := ParseDecisionKey(k); ok {
			g.Decisions[i] = DecisionKey(n)
		} else {
			p.Add(fmt.Sprintf("decisions[%d]", i), "%q is not a decision key like DEC-42", k)
		}
	}
	g.Scope.Teams = cleanList(&p, "scope.teams", g.Scope.Teams)
	g.Scope.Tags = cleanTagsField(&p, "scope.tags", g.Scope.Tags)
	if len(g.Rules) > 20 {
		p.Add("rules", "has more than 20 rules")
	}
	for i := range g.Rules {
		if err := g.Rules[i].Validate(); err != nil {
			for _, f := range ErrorFields(err) {
				p.Add(fmt.Sprintf("rules[%d].%s", i, f.Field), "%s", f.Message)
			}
		}
	}
	return p.Err()
}

func cleanTagsField(p *Problems, field string, in []string) []string {
	out := cleanList(p, field, in)
	for i := range out {
		out[i] = strings.ToLower(out[i])
	}
	return out
}

// GuidelineUpdate holds the fields a PATCH changes.
type GuidelineUpdate struct {
	Statement        *string
	Level            *Level
	Rationale        *string
	ExecutiveSummary *string
	Scope            *Scope
	DoExamples       *[]string
	DontExamples     *[]string
	Decisions        *[]string
	Technologies     *[]string
	Owners           *[]string
	Rules            *[]Rule
	RevisitOn        *Date
	Status           *GuidelineStatus
}

// Apply copies the set fields onto g.
func (u *GuidelineUpdate) Apply(g *Guideline) {
	setIf(&g.Statement, u.Statement)
	setIf(&g.Level, u.Level)
	setIf(&g.Rationale, u.Rationale)
	setIf(&g.ExecutiveSummary, u.ExecutiveSummary)
	setIf(&g.Scope, u.Scope)
	setIf(&g.DoExamples, u.DoExamples)
	setIf(&g.DontExamples, u.DontExamples)
	setIf(&g.Decisions, u.Decisions)
	setIf(&g.Technologies, u.Technologies)
	setIf(&g.Owners, u.Owners)
	setIf(&g.Rules, u.Rules)
	setIf(&g.RevisitOn, u.RevisitOn)
	setIf(&g.Status, u.Status)
}

// GuidelineFilter selects guidelines.
type GuidelineFilter struct {
	Status   []GuidelineStatus
	Negative bool // only MUST NOT and SHOULD NOT
}

// GuidelineService keeps the guidelines. Writes need the dna role.
type GuidelineService interface {
	// FindGuideline returns a guideline by id or key ("G-12"), or ENOTFOUND.
	FindGuideline(ctx context.Context, ref string) (*Guideline, error)
	// FindGuidelines lists guidelines by number.
	FindGuidelines(ctx context.Context, f GuidelineFilter) ([]*Guideline, error)
	// CreateGuideline stores a new guideline and sets its number.
	CreateGuideline(ctx context.Context, g *Guideline) error
	// UpdateGuideline changes a guideline at the given version.
	UpdateGuideline(ctx context.Context, ref string, version int, upd GuidelineUpdate) (*Guideline, error)
	// GuidelineHistory lists the recorded changes of a guideline.
	GuidelineHistory(ctx context.Context, ref string) ([]*Event, error)
}
