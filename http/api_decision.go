package http

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// decisionJSON is a decision as the API shows it: the domain record plus
// the owners as e-mails, the key and whether it is incomplete.
type decisionJSON struct {
	*bearing.Decision
	Key        string   `json:"key"`
	Owners     []string `json:"owners"`
	Incomplete string   `json:"incomplete,omitempty"`
	URL        string   `json:"url"`
}

func toJSON(d *bearing.Decision) decisionJSON {
	return decisionJSON{Decision: d, Key: d.Key(), Owners: d.OwnerEmails(), Incomplete: d.Incomplete(),
		URL: "/decisions/" + d.Key()}
}

// decisionInput is the body of POST and PATCH: every field optional, so a
// PATCH changes only what it names. Read-only fields are accepted only to
// say that they are read-only.
type decisionInput struct {
	Title            *string            `json:"title"`
	Status           *string            `json:"status"`
	Context          *string            `json:"context"`
	Options          *[]bearing.Option  `json:"options"`
	Decision         *string            `json:"decision"`
	Consequences     *string            `json:"consequences"`
	Dos              *[]string          `json:"dos"`
	Donts            *[]string          `json:"donts"`
	ExecutiveSummary *string            `json:"executive_summary"`
	Tags             *[]string          `json:"tags"`
	Deciders         *[]string          `json:"deciders"`
	Consulted        *[]string          `json:"consulted"`
	Informed         *[]string          `json:"informed"`
	Owners           *[]string          `json:"owners"`
	ActionItems      *[]actionItemInput `json:"action_items"`
	RevisitOn        *string            `json:"revisit_on"`
	Team             *string            `json:"team"`
	Version          *int               `json:"version"`

	ID           *any `json:"id"`
	Number       *any `json:"number"`
	Key          *any `json:"key"`
	Ownership    *any `json:"ownership"`
	Supersedes   *any `json:"supersedes"`
	SupersededBy *any `json:"superseded_by"`
	CreatedAt    *any `json:"created_at"`
	UpdatedAt    *any `json:"updated_at"`
	Driver       *any `json:"driver"`
	Source       *any `json:"source"`
	Incomplete   *any `json:"incomplete"`
	URL          *any `json:"url"`
}

type actionItemInput struct {
	Text  string `json:"text"`
	Owner string `json:"owner"`
	Due   string `json:"due"`
	Done  bool   `json:"done"`
}

// update converts the input into a domain update, collecting every problem
// of form (dates, read-only fields) at once.
func (in *decisionInput) update() (bearing.DecisionUpdate, error) {
	var p bearing.Problems
	readOnly := map[string]*any{"id": in.ID, "number": in.Number, "key": in.Key, "ownership": in.Ownership,
		"created_at": in.CreatedAt, "updated_at": in.UpdatedAt, "driver": in.Driver, "source": in.Source,
		"incomplete": in.Incomplete, "url": in.URL}
	for _, name := range []string{"id", "number", "key", "ownership", "created_at", "updated_at", "driver", "source", "incomplete", "url"} {
		if readOnly[name] != nil {
			p.Add(name, "is read-only")
		}
	}
	if in.Supersedes != nil || in.SupersededBy != nil {
		p.Add("superseded_by", "is read-only; use POST /api/v1/decisions/{id}/supersede")
	}
	u := bearing.DecisionUpdate{Title: in.Title, Context: in.Context, Options: in.Options, Body: in.Decision,
		Consequences: in.Consequences, Dos: in.Dos, Donts: in.Donts, ExecutiveSummary: in.ExecutiveSummary,
		Tags: in.Tags, Deciders: in.Deciders, Consulted: in.Consulted, Informed: in.Informed, Owners: in.Owners, Team: in.Team}
	if in.RevisitOn != nil {
		d, err := bearing.ParseDate(*in.RevisitOn)
		if err != nil {
			p.Add("revisit_on", "%v", err)
		}
		u.RevisitOn = &d
	}
	if in.ActionItems != nil {
		items := make([]bearing.ActionItem, len(*in.ActionItems))
		for i, a := range *in.ActionItems {
			due, err := bearing.ParseDate(a.Due)
			if err != nil {
				p.Add(fmt.Sprintf("action_items[%d].due", i), "%v", err)
			}
			items[i] = bearing.ActionItem{Text: a.Text, Owner: a.Owner, Due: due, Done: a.Done}
		}
		u.ActionItems = &items
	}
	return u, p.Err()
}

// etag is the entity tag of a decision version.
func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// ifMatch reads the version a client edits from If-Match, or 0 if absent.
func ifMatch(r *http.Request) (int, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(h, "W/"), `"`))
	if err != nil || v <= 0 {
		return 0, bearing.Errorf(bearing.EINVALID, "If-Match must be the ETag of a decision, such as \"3\".")
	}
	return v, nil
}

// editedVersion returns the version a PATCH edits: the If-Match header or
// "version" in the body (which must agree when both are sent); EPRECONDITION
// when neither says, because an edit that names no version could silently
// overwrite someone else's.
func editedVersion(r *http.Request, body *int) (int, error) {
	version, err := ifMatch(r)
	if err != nil {
		return 0, err
	}
	if body != nil {
		if version != 0 && version != *body {
			return 0, fieldError("version", "differs from If-Match")
		}
		version = *body
	}
	if version <= 0 {
		return 0, bearing.Errorf(bearing.EPRECONDITION, "Say which version you edit: send If-Match with the ETag from GET, or \"version\" in the body.")
	}
	return version, nil
}

// writeDecision writes a decision with its ETag.
func writeDecision(w http.ResponseWriter, status int, d *bearing.Decision) {
	w.Header().Set("ETag", etag(d.Version))
	writeJSON(w, status, toJSON(d))
}
