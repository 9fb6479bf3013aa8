package bearing

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Technology is an entry of the radar: a language, platform, datastore or
// tool, the ring it stands in and why, and how to recognise it in code.
type Technology struct {
	ID               string     `json:"id"`   // stable, opaque
	Slug             string     `json:"slug"` // from the name: "mongodb"
	Name             string     `json:"name"`
	Aliases          []string   `json:"aliases"`
	Quadrant         string     `json:"quadrant"`
	Ring             string     `json:"ring"`
	Description      string     `json:"description"` // Markdown: what it is
	Rationale        string     `json:"rationale"`   // Markdown: why it stands in its ring
	ExecutiveSummary string     `json:"executive_summary"`
	Owners           []string   `json:"owners"`                 // e-mails
	Decisions        []string   `json:"decisions"`              // keys of linked decisions
	Identifiers      []string   `json:"identifiers"`            // canonical identifier strings
	Alternatives     []string   `json:"alternatives,omitempty"` // slugs of technologies to use instead
	RevisitOn        Date       `json:"revisit_on"`
	Moves            []RingMove `json:"moves"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
	Version          int        `json:"version"`
}

// RingMove is one recorded move of a technology between rings; the first
// move of an entry has an empty From.
type RingMove struct {
	At       time.Time `json:"at"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Reason   string    `json:"reason"`
	Decision string    `json:"decision,omitempty"` // key of the decision behind the move
	Actor    string    `json:"actor,omitempty"`
}

// Slugify turns a name into a lower-case, dash-separated slug: "Amazon EKS"
// → "amazon-eks", "C#" → "c-sharp"-like names stay readable.
func Slugify(name string) string {
	name = strings.NewReplacer("#", "-sharp", "+", "-plus", ".", "-", "&", "-and-").Replace(strings.ToLower(name))
	var b strings.Builder
	dash := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r < 128 {
				b.WriteRune(r)
				dash = false
			}
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// Validate normalises the entry and checks it against the radar's rings and
// quadrants, reporting unknown ones with the valid names.
func (t *Technology) Validate(cfg *RadarConfig) error {
	var p Problems
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" {
		p.Add("name", "is required")
	} else if len(t.Name) > 100 {
		p.Add("name", "is longer than 100 characters")
	}
	t.Slug = Slugify(t.Name)
	if t.Name != "" && t.Slug == "" {
		p.Add("name", "needs at least one letter or digit")
	}
	if q, ok := cfg.Quadrant(t.Quadrant); ok {
		t.Quadrant = q
	} else {
		p.Add("quadrant", "%q is not a quadrant; use one of %s", t.Quadrant, cfg.QuadrantNames())
	}
	t.Ring = strings.ToLower(strings.TrimSpace(t.Ring))
	if _, ok := cfg.Ring(t.Ring); !ok {
		p.Add("ring", "%q is not a ring; use one of %s", t.Ring, cfg.RingNames())
	}
	for name, v := range map[string]string{"description": t.Description, "rationale": t.Rationale, "executive_summary": t.ExecutiveSummary} {
		if len(v) > MaxBodyLen {
			p.Add(name, "is longer than %d characters", MaxBodyLen)
		}
	}
	t.Aliases = cleanList(&p, "aliases", t.Aliases)
	t.Decisions = cleanList(&p, "decisions", t.Decisions)
	for i, k := range t.Decisions {
		if n, ok := ParseDecisionKey(k); ok {
			t.Decisions[i] = DecisionKey(n)
		} else {
			p.Add(fmt.Sprintf("decisions[%d]", i), "%q is not a decision key like DEC-42", k)
		}
	}
	t.Owners = cleanList(&p, "owners", t.Owners)
	for i := range t.Owners {
		t.Owners[i] = NormalizeEmail(t.Owners[i])
	}
	t.Alternatives = cleanList(&p, "alternatives", t.Alternatives)
	t.Identifiers = cleanList(&p, "identifiers", t.Identifiers)
	for i, s := range t.Identifiers {
		id, err := ParseIdentifier(s)
		if err != nil {
			p.Add(fmt.Sprintf("identifiers[%d]", i), "%v", err)
			continue
		}
		t.Identifiers[i] = id.String()
	}
	return p.Err()
}

// ParsedIdentifiers returns the technology's identifiers, parsed; invalid
// ones (which Validate refuses) are skipped.
func (t *Technology) ParsedIdentifiers() []Identifier {
	out := make([]Identifier, 0, len(t.Identifiers))
	for _, s := range t.Identifiers {
		if id, err := ParseIdentifier(s); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// TechnologyUpdate holds the fields a PATCH changes; the ring changes only
// through MoveTechnology, so that every move has a reason.
type TechnologyUpdate struct {
	Name             *string
	Aliases          *[]string
	Quadrant         *string
	Description      *string
	Rationale        *string
	ExecutiveSummary *string
	Owners           *[]string
	Decisions        *[]string
	Identifiers      *[]string
	Alternatives     *[]string
	RevisitOn        *Date
}

// Apply copies the set fields onto t.
func (u *TechnologyUpdate) Apply(t *Technology) {
	setIf(&t.Name, u.Name)
	setIf(&t.Aliases, u.Aliases)
	setIf(&t.Quadrant, u.Quadrant)
	setIf(&t.Description, u.Description)
	setIf(&t.Rationale, u.Rationale)
	setIf(&t.ExecutiveSummary, u.ExecutiveSummary)
	setIf(&t.Owners, u.Owners)
	setIf(&t.Decisions, u.Decisions)
	setIf(&t.Identifiers, u.Identifiers)
	setIf(&t.Alternatives, u.Alternatives)
	setIf(&t.RevisitOn, u.RevisitOn)
}

// TechnologyFilter selects radar entries.
type TechnologyFilter struct {
	Query    string
	Ring     string
	Quadrant string
}

// TechnologyService keeps the radar. Writes need the dna role; every write is
// one transaction and an event.
type TechnologyService interface {
	// RadarConfig returns the rings and quadrants in use.
	RadarConfig(ctx context.Context) (*RadarConfig, error)
	// SetRadarConfig replaces them; EINVALID if an entry would be left in a
	// ring or quadrant that no longer exists.
	SetRadarConfig(ctx context.Context, cfg *RadarConfig) error
	// FindTechnology returns an entry by id or slug, or ENOTFOUND.
	FindTechnology(ctx context.Context, ref string) (*Technology, error)
	// FindTechnologies lists entries by quadrant, ring and name.
	FindTechnologies(ctx context.Context, f TechnologyFilter) ([]*Technology, error)
	// CreateTechnology adds an entry and records its first move into its ring.
	CreateTechnology(ctx context.Context, t *Technology, reason string) error
	// UpdateTechnology changes an entry at the given version (ECONFLICT if stale).
	UpdateTechnology(ctx context.Context, ref string, version int, upd TechnologyUpdate) (*Technology, error)
	// MoveTechnology moves an entry to another ring, with a reason and
	// optionally the decision behind it.
	MoveTechnology(ctx context.Context, ref, ring, reason, decision string) (*Technology, error)
	// TechnologyHistory lists the recorded changes of an entry.
	TechnologyHistory(ctx context.Context, ref string) ([]*Event, error)

	// PublishEdition snapshots the radar as a dated edition.
	PublishEdition(ctx context.Context, name string) (*Edition, error)
	// FindEditions lists editions, newest first, without their entries.
	FindEditions(ctx context.Context) ([]*Edition, error)
	// FindEdition returns an edition with its entries, or ENOTFOUND.
	FindEdition(ctx context.Context, id int64) (*Edition, error)
}
