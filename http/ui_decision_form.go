package http

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// decisionForm is the create/edit form as the user typed it, so that a form
// sent back with errors or a conflict keeps every character.
type decisionForm struct {
	Title, Status, ExecutiveSummary, Context, Decision, Consequences string
	Dos, Donts, Tags, Deciders, Consulted, Informed, Owners          string
	Team, RevisitOn                                                  string
	Options                                                          []optionForm
	Chosen                                                           int
	ActionItems                                                      []actionForm
	Version                                                          int
}

type optionForm struct{ Name, Description, Pros, Cons string }

type actionForm struct {
	Text, Owner, Due string
	Done             bool
}

// formPage is the data of the decision form page.
type formPage struct {
	New      bool
	Key      string
	F        decisionForm
	Errors   []bearing.FieldError
	Message  string
	Teams    []*bearing.Team
	Current  *bearing.Decision // the stored version, when the edit was stale
	Conflict []bearing.Change  // current → yours, when the edit was stale
}

const blankRows = 2

// formFromDecision fills the form from a stored decision.
func formFromDecision(d *bearing.Decision) decisionForm {
	f := decisionForm{Title: d.Title, Status: string(d.Status), ExecutiveSummary: d.ExecutiveSummary,
		Context: d.Context, Decision: d.Body, Consequences: d.Consequences,
		Dos: strings.Join(d.Dos, "\n"), Donts: strings.Join(d.Donts, "\n"), Tags: strings.Join(d.Tags, ", "),
		Deciders: strings.Join(d.Deciders, "\n"), Consulted: strings.Join(d.Consulted, "\n"),
		Informed: strings.Join(d.Informed, "\n"), Owners: strings.Join(d.OwnerEmails(), ", "),
		Team: d.Team, RevisitOn: d.RevisitOn.String(), Chosen: -1, Version: d.Version}
	for i, o := range d.Options {
		f.Options = append(f.Options, optionForm{o.Name, o.Description, strings.Join(o.Pros, "\n"), strings.Join(o.Cons, "\n")})
		if o.Chosen {
			f.Chosen = i
		}
	}
	for _, a := range d.ActionItems {
		f.ActionItems = append(f.ActionItems, actionForm{a.Text, a.Owner, a.Due.String(), a.Done})
	}
	return f
}

// padded adds blank rows so that options and action items can be added
// without JavaScript.
func (f decisionForm) padded() decisionForm {
	for range blankRows {
		f.Options = append(f.Options, optionForm{})
		f.ActionItems = append(f.ActionItems, actionForm{})
	}
	return f
}

// parseDecisionForm reads the posted form, dropping blank rows.
func parseDecisionForm(r *http.Request) decisionForm {
	r.ParseForm()
	v := func(k string) string { return r.PostForm.Get(k) }
	f := decisionForm{Title: v("title"), Status: v("status"), ExecutiveSummary: v("executive_summary"),
		Context: v("context"), Decision: v("decision"), Consequences: v("consequences"), Dos: v("dos"),
		Donts: v("donts"), Tags: v("tags"), Deciders: v("deciders"), Consulted: v("consulted"),
		Informed: v("informed"), Owners: v("owners"), Team: v("team"), RevisitOn: strings.TrimSpace(v("revisit_on")), Chosen: -1}
	f.Version, _ = strconv.Atoi(v("version"))
	chosen, err := strconv.Atoi(v("chosen"))
	if err != nil {
		chosen = -1
	}
	for i := 0; i < 50; i++ {
		p := fmt.Sprintf("options.%d.", i)
		o := optionForm{v(p + "name"), v(p + "description"), v(p + "pros"), v(p + "cons")}
		if strings.TrimSpace(o.Name+o.Description+o.Pros+o.Cons) == "" {
			continue
		}
		if i == chosen {
			f.Chosen = len(f.Options)
		}
		f.Options = append(f.Options, o)
	}
	for i := 0; i < 50; i++ {
		p := fmt.Sprintf("action.%d.", i)
		a := actionForm{v(p + "text"), v(p + "owner"), strings.TrimSpace(v(p + "due")), v(p+"done") != ""}
		if strings.TrimSpace(a.Text+a.Owner+a.Due) == "" {
			continue
		}
		f.ActionItems = append(f.ActionItems, a)
	}
	return f
}

// update converts the form into a full domain update.
func (f decisionForm) update() (bearing.DecisionUpdate, error) {
	var p bearing.Problems
	dos, donts := splitLines(f.Dos), splitLines(f.Donts)
	tags, owners := splitList(f.Tags), splitList(f.Owners)
	deciders, consulted, informed := splitLines(f.Deciders), splitLines(f.Consulted), splitLines(f.Informed)
	revisit, err := bearing.ParseDate(f.RevisitOn)
	if err != nil {
		p.Add("revisit_on", "%v", err)
	}
	opts := make([]bearing.Option, len(f.Options))
	for i, o := range f.Options {
		opts[i] = bearing.Option{Name: o.Name, Description: strings.TrimSpace(o.Description),
			Pros: splitLines(o.Pros), Cons: splitLines(o.Cons), Chosen: i == f.Chosen}
	}
	items := make([]bearing.ActionItem, len(f.ActionItems))
	for i, a := range f.ActionItems {
		due, err := bearing.ParseDate(a.Due)
		if err != nil {
			p.Add(fmt.Sprintf("action_items[%d].due", i), "%v", err)
		}
		items[i] = bearing.ActionItem{Text: a.Text, Owner: a.Owner, Due: due, Done: a.Done}
	}
	team := strings.TrimSpace(f.Team)
	return bearing.DecisionUpdate{Title: &f.Title, ExecutiveSummary: &f.ExecutiveSummary, Context: &f.Context,
		Body: &f.Decision, Consequences: &f.Consequences, Options: &opts, Dos: &dos, Donts: &donts, Tags: &tags,
		Deciders: &deciders, Consulted: &consulted, Informed: &informed, Owners: &owners, ActionItems: &items,
		RevisitOn: &revisit, Team: &team}, p.Err()
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- "))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
