package bearing_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
)

func TestValidate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		d := &bearing.Decision{Title: "  Use Go  ", Tags: []string{"Go", "go", " backend "}, Dos: []string{" a ", ""},
			Owners: []bearing.Owner{{Email: " Ana@X.com "}}}
		if err := d.Validate(); err != nil {
			t.Fatal(err)
		}
		if d.Title != "Use Go" || d.Status != bearing.StatusDraft || strings.Join(d.Tags, ",") != "go,backend" ||
			len(d.Dos) != 1 || d.Owners[0].Email != "ana@x.com" {
			t.Fatalf("not normalised: %+v", d)
		}
	})
	cases := []struct {
		name  string
		d     bearing.Decision
		field string
	}{
		{"ErrTitleRequired", bearing.Decision{Title: " "}, "title"},
		{"ErrTitleTooLong", bearing.Decision{Title: strings.Repeat("x", 201)}, "title"},
		{"ErrStatus", bearing.Decision{Title: "x", Status: "done"}, "status"},
		{"ErrTwoChosen", bearing.Decision{Title: "x", Options: []bearing.Option{{Name: "a", Chosen: true}, {Name: "b", Chosen: true}}}, "options"},
		{"ErrOptionName", bearing.Decision{Title: "x", Options: []bearing.Option{{Pros: []string{"p"}}}}, "options[0].name"},
		{"ErrOptionTwice", bearing.Decision{Title: "x", Options: []bearing.Option{{Name: "A"}, {Name: "a"}}}, "options[1].name"},
		{"ErrOwnerTwice", bearing.Decision{Title: "x", Owners: []bearing.Owner{{Email: "a@x"}, {Email: "A@x"}}}, "owners[1]"},
		{"ErrActionDue", bearing.Decision{Title: "x", ActionItems: []bearing.ActionItem{{Text: "t", Owner: "a@x"}}}, "action_items[0].due"},
		{"ErrActionOwner", bearing.Decision{Title: "x", ActionItems: []bearing.ActionItem{{Text: "t", Due: bearing.MustParseDate("2027-01-01")}}}, "action_items[0].owner"},
		{"ErrBodyTooLong", bearing.Decision{Title: "x", Context: strings.Repeat("x", bearing.MaxBodyLen+1)}, "context"},
		{"ErrTag", bearing.Decision{Title: "x", Tags: []string{strings.Repeat("t", 51)}}, "tags"},
		{"ErrTeam", bearing.Decision{Title: "x", Team: "Not A Slug"}, "team"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.d.Validate()
			if bearing.ErrorCode(err) != bearing.EINVALID {
				t.Fatalf("code = %q (%v)", bearing.ErrorCode(err), err)
			}
			found := false
			for _, f := range bearing.ErrorFields(err) {
				found = found || f.Field == c.field
			}
			if !found {
				t.Fatalf("no error for %s in %+v", c.field, bearing.ErrorFields(err))
			}
		})
	}
}

func TestOwnershipCompleteness(t *testing.T) {
	now := time.Now()
	d := &bearing.Decision{Status: bearing.StatusProposed}
	if d.Incomplete() != "" {
		t.Error("a proposal is not incomplete")
	}
	d.Status = bearing.StatusAccepted
	if d.Incomplete() != "no owners" {
		t.Errorf("no owners: %q", d.Incomplete())
	}
	d.Owners = []bearing.Owner{{Email: "a@x", AcceptedAt: &now}, {Email: "b@x"}}
	if d.Incomplete() != "1 of 2 owners have not signed" || strings.Join(d.PendingOwners(), ",") != "b@x" {
		t.Errorf("one unsigned: %q", d.Incomplete())
	}
	// Changing the owner list keeps the signature of those who stay.
	owners := []string{"A@x", "c@x"}
	(&bearing.DecisionUpdate{Owners: &owners}).Apply(d)
	if d.Owners[0].AcceptedAt == nil || d.Owners[1].AcceptedAt != nil || d.Incomplete() != "1 of 2 owners have not signed" {
		t.Errorf("after owner change: %+v", d.Owners)
	}
}

func TestDecisionKeysAndDates(t *testing.T) {
	for in, want := range map[string]int{"DEC-42": 42, "dec-7": 7, "42": 42, " 3 ": 3, "DEC-": 0, "DEC-0": 0, "abc": 0, "-1": 0} {
		if n, ok := bearing.ParseDecisionKey(in); n != want || ok != (want > 0) {
			t.Errorf("ParseDecisionKey(%q) = %d, %v", in, n, ok)
		}
	}
	var v struct{ D bearing.Date }
	if err := json.Unmarshal([]byte(`{"D":"2027-02-30"}`), &v); err == nil {
		t.Error("2027-02-30 accepted")
	}
	if err := json.Unmarshal([]byte(`{"D":"2027-02-28"}`), &v); err != nil || v.D.String() != "2027-02-28" {
		t.Errorf("date: %v %v", v.D, err)
	}
	b, _ := json.Marshal(struct{ D bearing.Date }{})
	if string(b) != `{"D":null}` {
		t.Errorf("zero date JSON = %s", b)
	}
	today := bearing.MustParseDate("2026-11-26")
	d := &bearing.Decision{Status: bearing.StatusAccepted, RevisitOn: today}
	if !d.RevisitDue(today) || d.RevisitDue(today.AddDays(-1)) {
		t.Error("RevisitDue boundaries")
	}
	d.Status = bearing.StatusSuperseded
	if d.RevisitDue(today) {
		t.Error("a superseded decision is not due for review")
	}
}

func TestDiffDecisions(t *testing.T) {
	a := &bearing.Decision{Title: "A", Tags: []string{"x"}}
	b := &bearing.Decision{Title: "B", Tags: []string{"x", "y"}, RevisitOn: bearing.MustParseDate("2027-01-01")}
	got := bearing.DiffDecisions(a, b)
	want := []bearing.Change{{Field: "title", Old: "A", New: "B"}, {Field: "tags", Old: "x", New: "x, y"}, {Field: "revisit_on", New: "2027-01-01"}}
	if len(got) != len(want) {
		t.Fatalf("diff = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(bearing.DiffDecisions(a, a)) != 0 {
		t.Error("no change should give no diff")
	}
}
