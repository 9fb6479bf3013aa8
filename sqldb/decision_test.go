package sqldb_test

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func sample(title string) *bearing.Decision {
	return &bearing.Decision{
		Title:            title,
		Context:          "Teams pick datastores one by one and operate six of them.",
		ExecutiveSummary: "Fewer datastores, lower on-call cost.",
		Options: []bearing.Option{
			{Name: "PostgreSQL", Pros: []string{"mature"}, Cons: []string{"ops"}, Chosen: true},
			{Name: "MongoDB", Pros: []string{"flexible"}},
		},
		Body:      "Use PostgreSQL for new services.",
		Dos:       []string{"Use the shared cluster"},
		Donts:     []string{"Start new MongoDB databases"},
		Tags:      []string{"Datastores", "platform"},
		Deciders:  []string{"CTO"},
		RevisitOn: bearing.MustParseDate("2027-06-01"),
	}
}

func TestDecisionCRUD(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		d := sample("PostgreSQL for new services")
		d.Owners = []bearing.Owner{{Email: f.member.Email}}
		d.ActionItems = []bearing.ActionItem{{Text: "Write the migration guide", Owner: f.member.Email, Due: bearing.MustParseDate("2027-01-15")}}
		d.Team = "payments"
		f.create(t, f.member, d)
		if d.Number != 1 || d.Key() != "DEC-1" || d.Version != 1 || d.ID == "" || d.Driver != f.member.Email {
			t.Fatalf("created = %+v", d)
		}
		got, err := f.decisions.FindDecision(as(f.viewer), "DEC-1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != d.Title || got.Options[0].Name != "PostgreSQL" || !got.Options[0].Chosen ||
			strings.Join(got.Tags, ",") != "datastores,platform" || got.RevisitOn.String() != "2027-06-01" ||
			got.Team != "payments" || len(got.ActionItems) != 1 || got.ActionItems[0].Due.String() != "2027-01-15" ||
			len(got.Owners) != 1 || got.Owners[0].Name != "Mia Member" || got.Owners[0].AcceptedAt != nil {
			t.Fatalf("found = %+v", got)
		}
		if byID, err := f.decisions.FindDecision(as(f.viewer), d.ID); err != nil || byID.Number != 1 {
			t.Fatalf("by id: %v %v", byID, err)
		}
		_, err = f.decisions.FindDecision(as(f.viewer), "DEC-99")
		wantCode(t, err, bearing.ENOTFOUND)

		t.Run("ViewerCannotCreate", func(t *testing.T) {
			wantCode(t, f.decisions.CreateDecision(as(f.viewer), sample("x")), bearing.EFORBIDDEN)
		})
		t.Run("UnknownOwner", func(t *testing.T) {
			x := sample("unknown owner")
			x.Owners = []bearing.Owner{{Email: "ghost@example.com"}}
			err := f.decisions.CreateDecision(as(f.member), x)
			wantCode(t, err, bearing.EINVALID)
			if fe := bearing.ErrorFields(err); len(fe) != 1 || fe[0].Field != "owners[0]" {
				t.Fatalf("fields = %+v", fe)
			}
		})
		t.Run("Update", func(t *testing.T) {
			title := "PostgreSQL for every new service"
			upd, err := f.decisions.UpdateDecision(as(f.member), "DEC-1", 1, bearing.DecisionUpdate{Title: &title})
			if err != nil || upd.Version != 2 || upd.Title != title {
				t.Fatalf("update = %+v, %v", upd, err)
			}
			// A stale version is refused and changes nothing.
			other := "lost update"
			_, err = f.decisions.UpdateDecision(as(f.dna), "DEC-1", 1, bearing.DecisionUpdate{Title: &other})
			wantCode(t, err, bearing.ECONFLICT)
			again, _ := f.decisions.FindDecision(as(f.viewer), "DEC-1")
			if again.Title != title || again.Version != 2 {
				t.Fatalf("after stale update: %q v%d", again.Title, again.Version)
			}
			// Another member may not edit it.
			other2 := &bearing.User{Email: "otto@example.com", Name: "Otto", Role: bearing.RoleMember}
			if err := f.users.CreateUser(as(f.admin), other2, ""); err != nil {
				t.Fatal(err)
			}
			_, err = f.decisions.UpdateDecision(as(other2), "DEC-1", 2, bearing.DecisionUpdate{Title: &other})
			wantCode(t, err, bearing.EFORBIDDEN)
			// Invalid input is refused with the field named.
			empty := ""
			_, err = f.decisions.UpdateDecision(as(f.dna), "DEC-1", 2, bearing.DecisionUpdate{Title: &empty})
			wantCode(t, err, bearing.EINVALID)
		})
	})
}

func TestDecisionLifecycle(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		d := f.create(t, f.member, sample("Kafka for events"))
		if _, err := f.decisions.SetDecisionStatus(as(f.member), d.Key(), 0, bearing.StatusAccepted, ""); bearing.ErrorCode(err) != bearing.EINVALID ||
			!strings.Contains(bearing.ErrorFields(err)[0].Message, "it can become proposed or withdrawn") {
			t.Fatalf("draft → accepted: %v", err)
		}
		if _, err := f.decisions.SetDecisionStatus(as(f.member), d.Key(), 0, bearing.StatusProposed, "ready"); err != nil {
			t.Fatal(err)
		}
		_, err := f.decisions.SetDecisionStatus(as(f.member), d.Key(), 0, bearing.StatusAccepted, "")
		wantCode(t, err, bearing.EFORBIDDEN)
		acc, err := f.decisions.SetDecisionStatus(as(f.dna), d.Key(), 0, bearing.StatusAccepted, "agreed in the meeting")
		if err != nil || acc.Status != bearing.StatusAccepted || acc.Incomplete() != "no owners" {
			t.Fatalf("accept: %+v %v", acc, err)
		}
		owners := []string{f.member.Email, f.dna.Email}
		acc, err = f.decisions.UpdateDecision(as(f.dna), d.Key(), acc.Version, bearing.DecisionUpdate{Owners: &owners})
		if err != nil || acc.Incomplete() != "2 of 2 owners have not signed" {
			t.Fatalf("owners: %v %v", acc.Incomplete(), err)
		}
		_, err = f.decisions.AcceptOwnership(as(f.viewer), d.Key())
		wantCode(t, err, bearing.EFORBIDDEN)
		if acc, err = f.decisions.AcceptOwnership(as(f.member), d.Key()); err != nil || acc.Incomplete() != "1 of 2 owners have not signed" {
			t.Fatalf("sign: %v %v", acc.Incomplete(), err)
		}
		_, err = f.decisions.AcceptOwnership(as(f.member), d.Key())
		wantCode(t, err, bearing.ECONFLICT)
		// Changing the owner list keeps the sign-off of those who stay.
		owners = []string{f.member.Email}
		acc, err = f.decisions.UpdateDecision(as(f.dna), d.Key(), acc.Version, bearing.DecisionUpdate{Owners: &owners})
		if err != nil || acc.Incomplete() != "" || acc.Owners[0].AcceptedAt == nil {
			t.Fatalf("after removing unsigned owner: %q %v", acc.Incomplete(), err)
		}

		_, err = f.decisions.SetDecisionStatus(as(f.dna), d.Key(), 0, bearing.StatusSuperseded, "")
		wantCode(t, err, bearing.EINVALID)
		succ := f.create(t, f.dna, sample("Managed Kafka for events"))
		_, err = f.decisions.SupersedeDecision(as(f.member), d.Key(), succ.Key(), "")
		wantCode(t, err, bearing.EFORBIDDEN)
		_, err = f.decisions.SupersedeDecision(as(f.dna), d.Key(), "DEC-404", "")
		wantCode(t, err, bearing.EINVALID)
		_, err = f.decisions.SupersedeDecision(as(f.dna), d.Key(), d.Key(), "")
		wantCode(t, err, bearing.EINVALID)
		old, err := f.decisions.SupersedeDecision(as(f.dna), d.Key(), succ.Key(), "managed is cheaper")
		if err != nil || old.Status != bearing.StatusSuperseded || strings.Join(old.SupersededBy, ",") != succ.Key() {
			t.Fatalf("supersede: %+v %v", old, err)
		}
		third := f.create(t, f.dna, sample("Event streaming guidelines"))
		if old, err = f.decisions.SupersedeDecision(as(f.dna), d.Key(), third.Key(), "split"); err != nil || len(old.SupersededBy) != 2 {
			t.Fatalf("second successor: %+v %v", old, err)
		}
		s, _ := f.decisions.FindDecision(as(f.viewer), succ.Key())
		if strings.Join(s.Supersedes, ",") != d.Key() {
			t.Fatalf("successor links back: %v", s.Supersedes)
		}
		_, err = f.decisions.SupersedeDecision(as(f.dna), succ.Key(), d.Key(), "")
		wantCode(t, err, bearing.EINVALID) // succ is a draft

		hist, err := f.decisions.DecisionHistory(as(f.viewer), d.Key())
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range hist {
			actions = append(actions, e.Action+":"+e.ActorEmail)
		}
		want := "created:mia@example.com status:mia@example.com status:dan@example.com updated:dan@example.com ownership:mia@example.com updated:dan@example.com superseded:dan@example.com superseded:dan@example.com"
		if strings.Join(actions, " ") != want {
			t.Fatalf("history\n got %s\nwant %s", strings.Join(actions, " "), want)
		}
		if hist[2].Reason != "agreed in the meeting" || hist[2].Changes[0] != (bearing.Change{Field: "status", Old: "proposed", New: "accepted"}) {
			t.Fatalf("status event = %+v", hist[2])
		}
	})
}

func TestDecisionSearch(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		a := sample("PostgreSQL for new services")
		a.Owners = []bearing.Owner{{Email: f.dna.Email}}
		f.create(t, f.dna, a)
		b := sample("Retire MongoDB clusters")
		b.Context = "Our MongoDB clusters are costly to run."
		b.Body = "Move their data to PostgreSQL."
		b.Tags = []string{"datastores"}
		b.RevisitOn = bearing.MustParseDate("2020-01-01")
		f.create(t, f.member, b)
		c := sample("Kotlin on the backend")
		c.Context, c.Body, c.ExecutiveSummary, c.Options, c.Dos, c.Donts = "JVM services", "Kotlin for new JVM services", "One language", nil, nil, nil
		c.Tags = []string{"languages"}
		c.RevisitOn = bearing.Date{}
		f.create(t, f.member, c)

		find := func(filter bearing.DecisionFilter) []string {
			t.Helper()
			page, err := f.decisions.FindDecisions(as(f.viewer), filter)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, d := range page.Decisions {
				keys = append(keys, d.Key())
			}
			return keys
		}
		check := func(name string, filter bearing.DecisionFilter, want string) {
			t.Helper()
			if got := strings.Join(find(filter), " "); got != want {
				t.Errorf("%s: got %q, want %q", name, got, want)
			}
		}
		check("all, newest first", bearing.DecisionFilter{}, "DEC-3 DEC-2 DEC-1")
		check("title word ranks first", bearing.DecisionFilter{Query: "mongodb"}, "DEC-2 DEC-1")
		check("prefix", bearing.DecisionFilter{Query: "kotl"}, "DEC-3")
		check("stemmed", bearing.DecisionFilter{Query: "retiring"}, "DEC-2")
		check("all words", bearing.DecisionFilter{Query: "mongodb retire"}, "DEC-2")
		check("no match", bearing.DecisionFilter{Query: "cobol"}, "")
		check("syntax is data", bearing.DecisionFilter{Query: `"' OR 1=1 -- NEAR( * :`}, "")
		check("tag", bearing.DecisionFilter{Tag: "Languages"}, "DEC-3")
		check("owner", bearing.DecisionFilter{Owner: f.dna.Email}, "DEC-1")
		check("status", bearing.DecisionFilter{Status: []bearing.Status{bearing.StatusDraft}}, "DEC-3 DEC-2 DEC-1")
		check("revisit due", bearing.DecisionFilter{RevisitDue: true}, "DEC-2")
		check("incomplete (none accepted)", bearing.DecisionFilter{Incomplete: true}, "")
		check("search + tag", bearing.DecisionFilter{Query: "services", Tag: "datastores"}, "DEC-1")

		// Pagination walks every decision exactly once.
		page, err := f.decisions.FindDecisions(as(f.viewer), bearing.DecisionFilter{Limit: 2})
		if err != nil || len(page.Decisions) != 2 || page.Total != 3 || page.NextCursor == "" {
			t.Fatalf("page 1: %+v %v", page, err)
		}
		page2, err := f.decisions.FindDecisions(as(f.viewer), bearing.DecisionFilter{Limit: 2, Cursor: page.NextCursor})
		if err != nil || len(page2.Decisions) != 1 || page2.Decisions[0].Key() != "DEC-1" || page2.NextCursor != "" {
			t.Fatalf("page 2: %+v %v", page2, err)
		}
		_, err = f.decisions.FindDecisions(as(f.viewer), bearing.DecisionFilter{Cursor: "garbage"})
		wantCode(t, err, bearing.EINVALID)
	})
}

func TestImportDecisions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		old := sample("Use MySQL")
		old.Number, old.Status, old.Source = 3, bearing.StatusSuperseded, "doc/adr/0003-use-mysql.md"
		newer := sample("Use PostgreSQL")
		newer.Number, newer.Status, newer.Source = 7, bearing.StatusAccepted, "doc/adr/0007-use-postgresql.md"
		newer.Supersedes = []string{"DEC-3"}
		old.SupersededBy = []string{"DEC-7"}
		if err := f.decisions.ImportDecisions(as(f.dna), []*bearing.Decision{old, newer}); err != nil {
			t.Fatal(err)
		}
		got, _ := f.decisions.FindDecision(as(f.viewer), "DEC-3")
		if got.Status != bearing.StatusSuperseded || strings.Join(got.SupersededBy, ",") != "DEC-7" || got.Source != old.Source {
			t.Fatalf("imported = %+v", got)
		}
		// The next new decision continues after the highest imported number.
		n := f.create(t, f.member, sample("after import"))
		if n.Number != 8 {
			t.Fatalf("next number = %d, want 8", n.Number)
		}
		// A clash stores nothing.
		again := sample("Clash")
		again.Number, again.Source = 7, "x.md"
		fresh := sample("Fresh")
		fresh.Number, fresh.Source = 20, "y.md"
		err := f.decisions.ImportDecisions(as(f.dna), []*bearing.Decision{fresh, again})
		wantCode(t, err, bearing.ECONFLICT)
		_, err = f.decisions.FindDecision(as(f.viewer), "DEC-20")
		wantCode(t, err, bearing.ENOTFOUND)
		wantCode(t, f.decisions.ImportDecisions(as(f.member), []*bearing.Decision{fresh}), bearing.EFORBIDDEN)
	})
}
