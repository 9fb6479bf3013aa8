package bearing

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// PolicySchema names the version of the policy document's format.
const PolicySchema = "https://bearing.dev/schema/policy/v1"

// Policy is everything `bearing check` and `bearing ask` need to work
// offline: the radar with its identifiers, the published guidelines with
// their rules, the active exceptions, and the decisions they cite. It is one
// JSON document, versioned and hashed, so CI can cache it by ETag.
type Policy struct {
	Schema       string             `json:"schema"`
	GeneratedAt  time.Time          `json:"generated_at"`
	Hash         string             `json:"hash"` // sha256 of the content, without generated_at and hash
	BaseURL      string             `json:"base_url,omitempty"`
	Radar        RadarConfig        `json:"radar"`
	Technologies []PolicyTechnology `json:"technologies"`
	Guidelines   []PolicyGuideline  `json:"guidelines"`
	Exceptions   []PolicyException  `json:"exceptions"`
	Decisions    []PolicyDecision   `json:"decisions"`
	Contacts     []string           `json:"contacts"` // the DNA group, for questions nothing answers yet

	cache *askIndex // built by Prepare
}

// PolicyTechnology is a radar entry as the policy carries it.
type PolicyTechnology struct {
	Slug         string   `json:"slug"`
	Name         string   `json:"name"`
	Aliases      []string `json:"aliases,omitempty"`
	Quadrant     string   `json:"quadrant"`
	Ring         string   `json:"ring"`
	Verdict      Verdict  `json:"verdict"`
	Rationale    string   `json:"rationale,omitempty"`
	Identifiers  []string `json:"identifiers,omitempty"`
	Decisions    []string `json:"decisions,omitempty"`
	Alternatives []string `json:"alternatives,omitempty"`
}

// PolicyGuideline is a published guideline as the policy carries it.
type PolicyGuideline struct {
	Key          string   `json:"key"`
	Statement    string   `json:"statement"`
	Level        Level    `json:"level"`
	Rationale    string   `json:"rationale,omitempty"`
	Scope        Scope    `json:"scope"`
	Rules        []Rule   `json:"rules,omitempty"`
	Decisions    []string `json:"decisions,omitempty"`
	Technologies []string `json:"technologies,omitempty"`
}

// PolicyException is an approved, unexpired exception.
type PolicyException struct {
	Key        string   `json:"key"`
	Team       string   `json:"team"`
	Guideline  string   `json:"guideline,omitempty"`
	Technology string   `json:"technology,omitempty"`
	Scope      []string `json:"scope"`
	ExpiresOn  Date     `json:"expires_on"`
}

// PolicyDecision is a decision cited by the policy.
type PolicyDecision struct {
	Key     string `json:"key"`
	Title   string `json:"title"`
	Status  Status `json:"status"`
	Summary string `json:"summary,omitempty"`
}

// Seal computes the policy's hash over its content, so two documents with
// the same rules have the same hash whenever they were generated.
func (p *Policy) Seal() {
	p.Schema = PolicySchema
	c := *p
	c.GeneratedAt, c.Hash, c.cache = time.Time{}, "", nil
	b, _ := json.Marshal(c)
	sum := sha256.Sum256(b)
	p.Hash = hex.EncodeToString(sum[:])
}

// URL returns the absolute link to a page of the server the policy came
// from, or the path alone when the base URL is unknown.
func (p *Policy) URL(path string) string { return p.BaseURL + path }

// PolicyService builds the policy document from the current radar,
// guidelines and exceptions.
type PolicyService interface {
	// Policy returns the current policy. Implementations cache it and rebuild
	// it only after a change.
	Policy(ctx context.Context) (*Policy, error)
}
