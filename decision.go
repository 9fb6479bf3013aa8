package bearing

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Decision is one record of the decision log: what was decided, why, what
// else was considered, what it means for teams, and who carries it forward.
type Decision struct {
	ID     string `json:"id"`     // stable, opaque
	Number int    `json:"number"` // human number; Key() is "DEC-<number>"
	Title  string `json:"title"`
	Status Status `json:"status"`

	Context          string   `json:"context"` // Markdown
	Options          []Option `json:"options"`
	Body             string   `json:"decision"` // the decision itself, Markdown
	Consequences     string   `json:"consequences"`
	Dos              []string `json:"dos"`
	Donts            []string `json:"donts"`
	ExecutiveSummary string   `json:"executive_summary"`
	Tags             []string `json:"tags"`

	Deciders  []string `json:"deciders"`
	Consulted []string `json:"consulted"`
	Informed  []string `json:"informed"`

	Owners      []Owner      `json:"ownership"`
	ActionItems []ActionItem `json:"action_items"`
	RevisitOn   Date         `json:"revisit_on"`
	Team        string       `json:"team,omitempty"`   // slug of the team that drives it
	Driver      string       `json:"driver,omitempty"` // e-mail of the user who drives it

	Supersedes   []string `json:"supersedes"`    // keys (DEC-n) of the decisions this one replaces
	SupersededBy []string `json:"superseded_by"` // keys of the decisions that replace this one

	Source    string    `json:"source,omitempty"` // where an imported record came from
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int       `json:"version"`
}

// Option is one alternative that was considered, with its trade-offs.
type Option struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Pros        []string `json:"pros"`
	Cons        []string `json:"cons"`
	Chosen      bool     `json:"chosen"`
}

// Owner is a user who carries a decision forward. Ownership counts only once
// the owner has accepted it in writing: AcceptedAt records that sign-off.
type Owner struct {
	Email      string     `json:"email"`
	Name       string     `json:"name,omitempty"`
	AcceptedAt *time.Time `json:"accepted_at"`
}

// ActionItem is a piece of follow-up work with an owner and a due date.
type ActionItem struct {
	Text  string `json:"text"`
	Owner string `json:"owner"` // e-mail
	Due   Date   `json:"due"`
	Done  bool   `json:"done"`
}

// DecisionPrefix is the prefix of decision keys.
const DecisionPrefix = "DEC-"

// Key returns the human reference of the decision, e.g. "DEC-42".
func (d *Decision) Key() string { return DecisionKey(d.Number) }

// DecisionKey formats a decision number as its key.
func DecisionKey(n int) string { return DecisionPrefix + strconv.Itoa(n) }

// ParseDecisionKey accepts "DEC-42", "dec-42" or "42" and returns 42.
func ParseDecisionKey(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) > len(DecisionPrefix) && strings.EqualFold(s[:len(DecisionPrefix)], DecisionPrefix) {
		s = s[len(DecisionPrefix):]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// OwnerEmails returns the owners' addresses, in order.
func (d *Decision) OwnerEmails() []string {
	out := make([]string, len(d.Owners))
	for i, o := range d.Owners {
		out[i] = o.Email
	}
	return out
}

// PendingOwners returns the owners who have not yet signed.
func (d *Decision) PendingOwners() []string {
	var out []string
	for _, o := range d.Owners {
		if o.AcceptedAt == nil {
			out = append(out, o.Email)
		}
	}
	return out
}

// Incomplete explains why an accepted decision is not yet carried by anyone:
// it has no owners, or some have not signed. It returns "" for a complete
// decision and for decisions not (yet) accepted.
func (d *Decision) Incomplete() string {
	if d.Status != StatusAccepted {
		return ""
	}
	if len(d.Owners) == 0 {
		return "no owners"
	}
	if p := d.PendingOwners(); len(p) > 0 {
		return fmt.Sprintf("%d of %d owners have not signed", len(p), len(d.Owners))
	}
	return ""
}

// RevisitDue reports whether the decision should be reviewed by the given day:
// its revisit date is set and not after asOf.
func (d *Decision) RevisitDue(asOf Date) bool {
	return !d.RevisitOn.IsZero() && !asOf.Before(d.RevisitOn) && d.Status.Active()
}

// Limits on free text, so one record cannot swamp a page or the database.
const (
	MaxTitleLen = 200
	MaxBodyLen  = 100_000
	MaxListLen  = 100
	MaxItemLen  = 1_000
)

// Validate normalises the decision's fields and checks every rule that does
// not need the database (owner and successor existence are checked by the
// service). All problems are reported at once.
func (d *Decision) Validate() error {
	var p Problems
	d.Title = strings.TrimSpace(d.Title)
	switch {
	case d.Title == "":
		p.Add("title", "is required")
	case len(d.Title) > MaxTitleLen:
		p.Add("title", "is longer than %d characters", MaxTitleLen)
	}
	if d.Status == "" {
		d.Status = StatusDraft
	}
	if !d.Status.Valid() {
		p.Add("status", "%q is not a status; use one of %s", d.Status, joinStatuses(Statuses))
	}
	for name, v := range map[string]string{"context": d.Context, "decision": d.Body,
		"consequences": d.Consequences, "executive_summary": d.ExecutiveSummary} {
		if len(v) > MaxBodyLen {
			p.Add(name, "is longer than %d characters", MaxBodyLen)
		}
	}
	d.Dos = cleanList(&p, "dos", d.Dos)
	d.Donts = cleanList(&p, "donts", d.Donts)
	d.Deciders = cleanList(&p, "deciders", d.Deciders)
	d.Consulted = cleanList(&p, "consulted", d.Consulted)
	d.Informed = cleanList(&p, "informed", d.Informed)
	d.Tags = cleanTags(&p, d.Tags)
	validateOptions(&p, d.Options)
	validateOwners(&p, d.Owners)
	validateActionItems(&p, d.ActionItems)
	if d.Team != "" && !validSlug(d.Team) {
		p.Add("team", "%q is not a team slug", d.Team)
	}
	return p.Err()
}

func validateOptions(p *Problems, opts []Option) {
	if len(opts) > MaxListLen {
		p.Add("options", "has more than %d entries", MaxListLen)
	}
	chosen := 0
	seen := map[string]bool{}
	for i := range opts {
		o := &opts[i]
		field := fmt.Sprintf("options[%d]", i)
		o.Name = strings.TrimSpace(o.Name)
		if o.Name == "" {
			p.Add(field+".name", "is required")
		} else if seen[strings.ToLower(o.Name)] {
			p.Add(field+".name", "%q is listed twice", o.Name)
		}
		seen[strings.ToLower(o.Name)] = true
		o.Pros = cleanList(p, field+".pros", o.Pros)
		o.Cons = cleanList(p, field+".cons", o.Cons)
		if o.Chosen {
			chosen++
		}
	}
	if chosen > 1 {
		p.Add("options", "%d options are marked chosen; mark at most one", chosen)
	}
}

func validateOwners(p *Problems, owners []Owner) {
	seen := map[string]bool{}
	for i := range owners {
		owners[i].Email = NormalizeEmail(owners[i].Email)
		e := owners[i].Email
		if e == "" {
			p.Add(fmt.Sprintf("owners[%d]", i), "is empty")
		} else if seen[e] {
			p.Add(fmt.Sprintf("owners[%d]", i), "%s is listed twice", e)
		}
		seen[e] = true
	}
}

func validateActionItems(p *Problems, items []ActionItem) {
	if len(items) > MaxListLen {
		p.Add("action_items", "has more than %d entries", MaxListLen)
	}
	for i := range items {
		a := &items[i]
		field := fmt.Sprintf("action_items[%d]", i)
		a.Text = strings.TrimSpace(a.Text)
		a.Owner = NormalizeEmail(a.Owner)
		if a.Text == "" {
			p.Add(field+".text", "is required")
		} else if len(a.Text) > MaxItemLen {
			p.Add(field+".text", "is longer than %d characters", MaxItemLen)
		}
		if a.Owner == "" {
			p.Add(field+".owner", "is required")
		}
		if a.Due.IsZero() {
			p.Add(field+".due", "is required")
		}
	}
}

func cleanList(p *Problems, field string, in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(s) > MaxItemLen {
			p.Add(field, "has an entry longer than %d characters", MaxItemLen)
		}
		out = append(out, s)
	}
	if len(out) > MaxListLen {
		p.Add(field, "has more than %d entries", MaxListLen)
	}
	return out
}

func cleanTags(p *Problems, in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, t := range in {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		if len(t) > 50 || strings.ContainsAny(t, ",\n\t") {
			p.Add("tags", "%q is not a tag: at most 50 characters, no commas", t)
		}
		out = append(out, t)
	}
	if len(out) > 30 {
		p.Add("tags", "has more than 30 tags")
	}
	return out
}

// DecisionUpdate holds the fields a PATCH changes; nil means "leave as is".
type DecisionUpdate struct {
	Title            *string
	Context          *string
	Options          *[]Option
	Body             *string
	Consequences     *string
	Dos              *[]string
	Donts            *[]string
	ExecutiveSummary *string
	Tags             *[]string
	Deciders         *[]string
	Consulted        *[]string
	Informed         *[]string
	Owners           *[]string // e-mails; sign-offs of owners who stay are kept
	ActionItems      *[]ActionItem
	RevisitOn        *Date
	Team             *string
}

// Apply copies the set fields onto d, keeping the sign-off of every owner
// who remains an owner.
func (u *DecisionUpdate) Apply(d *Decision) {
	setIf(&d.Title, u.Title)
	setIf(&d.Context, u.Context)
	setIf(&d.Options, u.Options)
	setIf(&d.Body, u.Body)
	setIf(&d.Consequences, u.Consequences)
	setIf(&d.Dos, u.Dos)
	setIf(&d.Donts, u.Donts)
	setIf(&d.ExecutiveSummary, u.ExecutiveSummary)
	setIf(&d.Tags, u.Tags)
	setIf(&d.Deciders, u.Deciders)
	setIf(&d.Consulted, u.Consulted)
	setIf(&d.Informed, u.Informed)
	setIf(&d.ActionItems, u.ActionItems)
	setIf(&d.RevisitOn, u.RevisitOn)
	setIf(&d.Team, u.Team)
	if u.Owners != nil {
		old := map[string]Owner{}
		for _, o := range d.Owners {
			old[o.Email] = o
		}
		d.Owners = make([]Owner, 0, len(*u.Owners))
		for _, e := range *u.Owners {
			e = NormalizeEmail(e)
			if o, ok := old[e]; ok {
				d.Owners = append(d.Owners, o)
			} else {
				d.Owners = append(d.Owners, Owner{Email: e})
			}
		}
	}
}

func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// DecisionFilter selects decisions for lists and search.
type DecisionFilter struct {
	Query      string   // full text over title, summary and bodies
	Status     []Status // any of
	Tag        string
	Owner      string // e-mail
	Team       string // slug
	RevisitDue bool   // revisit date on or before today
	Incomplete bool   // accepted, but without owners or with owners yet to sign
	Limit      int    // at most MaxPageSize; 0 means DefaultPageSize
	Cursor     string // opaque, from a previous page
}

// Page sizes for lists.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// DecisionPage is one page of a decision list.
type DecisionPage struct {
	Decisions  []*Decision
	Total      int    // matching decisions across all pages
	NextCursor string // "" on the last page
}

// DecisionService is the decision log. Every method reads the acting user
// from the context: writes are refused with EUNAUTHORIZED for anonymous
// callers and EFORBIDDEN for roles that may not make them; every write is
// one transaction and is recorded as an Event.
type DecisionService interface {
	// FindDecision returns the decision by id or key ("DEC-42", "42").
	// Returns ENOTFOUND if there is none.
	FindDecision(ctx context.Context, ref string) (*Decision, error)
	// FindDecisions returns one page of decisions matching the filter, the
	// best matches first when searching and the newest first otherwise.
	FindDecisions(ctx context.Context, f DecisionFilter) (*DecisionPage, error)
	// CreateDecision stores a new draft or proposed decision and sets its id,
	// number and timestamps. Owners must be existing users (EINVALID).
	CreateDecision(ctx context.Context, d *Decision) error
	// UpdateDecision applies upd to the decision if it is still at version;
	// returns ECONFLICT (with the current version in the message) otherwise.
	UpdateDecision(ctx context.Context, ref string, version int, upd DecisionUpdate) (*Decision, error)
	// SetDecisionStatus moves the decision along its lifecycle. version 0
	// skips the version check. Invalid transitions are EINVALID, naming the
	// allowed ones; superseding goes through SupersedeDecision.
	SetDecisionStatus(ctx context.Context, ref string, version int, to Status, reason string) (*Decision, error)
	// SupersedeDecision marks the accepted (or already superseded) decision
	// ref as superseded by byRef and links the two both ways.
	SupersedeDecision(ctx context.Context, ref, byRef, reason string) (*Decision, error)
	// AcceptOwnership records the acting user's written sign-off as owner.
	// Returns EFORBIDDEN if the user is not an owner, ECONFLICT if already signed.
	AcceptOwnership(ctx context.Context, ref string) (*Decision, error)
	// DecisionHistory lists every recorded change of the decision, oldest first.
	DecisionHistory(ctx context.Context, ref string) ([]*Event, error)
	// ImportDecisions stores records read from ADR files in one transaction,
	// keeping their numbers, statuses and supersede links. Returns ECONFLICT
	// naming the clashing numbers if any is taken, and stores nothing then.
	ImportDecisions(ctx context.Context, ds []*Decision) error
}
