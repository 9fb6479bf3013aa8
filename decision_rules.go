package bearing

import (
	"fmt"
	"slices"
	"strings"
)

// CanCreateDecision reports whether u may start a decision: members and up.
func CanCreateDecision(u *User) bool { return u != nil && u.Role.AtLeast(RoleMember) }

// CanEditDecision reports whether u may change d's content: the DNA group
// and admins may edit anything; members may edit what they drive or own.
func CanEditDecision(u *User, d *Decision) bool {
	if u == nil || !u.Role.AtLeast(RoleMember) {
		return false
	}
	if u.Role.AtLeast(RoleDNA) {
		return true
	}
	return d.Driver == u.Email || slices.Contains(d.OwnerEmails(), u.Email)
}

// CanSetStatus reports whether u may move d to the status to; it does not
// check the lifecycle (see Status.CheckTransition).
func CanSetStatus(u *User, d *Decision, to Status) bool {
	if u == nil {
		return false
	}
	if to.RequiredRole() == RoleDNA {
		return u.Role.AtLeast(RoleDNA)
	}
	return CanEditDecision(u, d)
}

// DiffDecisions lists, field by field, what differs between old and new,
// rendering each value as text for the history.
func DiffDecisions(old, new *Decision) []Change {
	var out []Change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Field: field, Old: a, New: b})
		}
	}
	add("title", old.Title, new.Title)
	add("status", string(old.Status), string(new.Status))
	add("executive_summary", old.ExecutiveSummary, new.ExecutiveSummary)
	add("context", old.Context, new.Context)
	add("options", formatOptions(old.Options), formatOptions(new.Options))
	add("decision", old.Body, new.Body)
	add("consequences", old.Consequences, new.Consequences)
	add("dos", lines(old.Dos), lines(new.Dos))
	add("donts", lines(old.Donts), lines(new.Donts))
	add("tags", strings.Join(old.Tags, ", "), strings.Join(new.Tags, ", "))
	add("deciders", lines(old.Deciders), lines(new.Deciders))
	add("consulted", lines(old.Consulted), lines(new.Consulted))
	add("informed", lines(old.Informed), lines(new.Informed))
	add("owners", lines(old.OwnerEmails()), lines(new.OwnerEmails()))
	add("action_items", formatActionItems(old.ActionItems), formatActionItems(new.ActionItems))
	add("revisit_on", old.RevisitOn.String(), new.RevisitOn.String())
	add("team", old.Team, new.Team)
	add("supersedes", lines(old.Supersedes), lines(new.Supersedes))
	add("superseded_by", lines(old.SupersededBy), lines(new.SupersededBy))
	return out
}

func lines(ss []string) string { return strings.Join(ss, "\n") }

func formatOptions(opts []Option) string {
	var b strings.Builder
	for i, o := range opts {
		if i > 0 {
			b.WriteString("\n")
		}
		mark := ""
		if o.Chosen {
			mark = " (chosen)"
		}
		fmt.Fprintf(&b, "%s%s\n", o.Name, mark)
		if o.Description != "" {
			fmt.Fprintf(&b, "  %s\n", o.Description)
		}
		for _, p := range o.Pros {
			fmt.Fprintf(&b, "  + %s\n", p)
		}
		for _, c := range o.Cons {
			fmt.Fprintf(&b, "  - %s\n", c)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func formatActionItems(items []ActionItem) string {
	var b strings.Builder
	for i, a := range items {
		if i > 0 {
			b.WriteString("\n")
		}
		done := "[ ]"
		if a.Done {
			done = "[x]"
		}
		fmt.Fprintf(&b, "%s %s — %s, due %s", done, a.Text, a.Owner, a.Due)
	}
	return b.String()
}
