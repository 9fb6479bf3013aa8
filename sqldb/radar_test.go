package sqldb_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

type radarFixture struct {
	*fixture
	tech       *sqldb.TechnologyService
	guidelines *sqldb.GuidelineService
	exceptions *sqldb.ExceptionService
	policy     *sqldb.PolicyService
}

func newRadarFixture(t *testing.T, db *sqldb.DB) *radarFixture {
	return &radarFixture{fixture: newFixture(t, db), tech: sqldb.NewTechnologyService(db), guidelines: sqldb.NewGuidelineService(db),
		exceptions: sqldb.NewExceptionService(db), policy: sqldb.NewPolicyService(db, "https://bearing.example")}
}

func TestTechnologies(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newRadarFixture(t, db)
		dec := f.create(t, f.dna, sample("Retire MongoDB"))
		mongo := &bearing.Technology{Name: "MongoDB", Aliases: []string{"mongo"}, Quadrant: "Datastores", Ring: "trial",
			Identifiers: []string{"pkg:npm/mongoose", "image:mongo"}, Owners: []string{f.dna.Email}}
		if err := f.tech.CreateTechnology(as(f.member), mongo, ""); bearing.ErrorCode(err) != bearing.EFORBIDDEN {
			t.Fatalf("member adds technology: %v", err)
		}
		if err := f.tech.CreateTechnology(as(f.dna), mongo, "We use it in three services."); err != nil {
			t.Fatal(err)
		}
		if mongo.Slug != "mongodb" || len(mongo.Moves) != 1 || mongo.Moves[0].To != "trial" || mongo.Identifiers[1] != "docker.io/library/mongo" {
			t.Fatalf("created = %+v", mongo)
		}
		dup := &bearing.Technology{Name: "mongodb", Quadrant: "Datastores", Ring: "hold"}
		wantCode(t, f.tech.CreateTechnology(as(f.dna), dup, ""), bearing.ECONFLICT)
		bad := &bearing.Technology{Name: "X", Quadrant: "Datastores", Ring: "hold", Owners: []string{"ghost@example.com"}, Decisions: []string{"DEC-99"}}
		err := f.tech.CreateTechnology(as(f.dna), bad, "")
		if !strings.Contains(bearing.ErrorMessage(err), "owners[0]") || len(bearing.ErrorFields(err)) != 2 {
			t.Fatalf("bad refs: %v", err)
		}
		// Moving needs a ring, a reason and an existing decision.
		_, err = f.tech.MoveTechnology(as(f.dna), "mongodb", "never", "", "DEC-404")
		if fe := bearing.ErrorFields(err); len(fe) != 3 {
			t.Fatalf("bad move: %v", err)
		}
		moved, err := f.tech.MoveTechnology(as(f.dna), "MongoDB", "hold", "Two outages a year.", dec.Key())
		if err != nil || moved.Ring != "hold" || len(moved.Moves) != 2 || moved.Moves[1].From != "trial" ||
			moved.Moves[1].Decision != dec.Key() || moved.Moves[1].Actor != f.dna.Email || moved.Decisions[0] != dec.Key() {
			t.Fatalf("moved = %+v %v", moved, err)
		}
		name := "MongoDB Atlas"
		_, err = f.tech.UpdateTechnology(as(f.dna), "mongodb", 1, bearing.TechnologyUpdate{Name: &name})
		wantCode(t, err, bearing.ECONFLICT) // version 1 is stale after the move
		upd, err := f.tech.UpdateTechnology(as(f.dna), "mongodb", moved.Version, bearing.TechnologyUpdate{Name: &name})
		if err != nil || upd.Slug != "mongodb-atlas" {
			t.Fatalf("rename: %+v %v", upd, err)
		}
		list, _ := f.tech.FindTechnologies(as(f.viewer), bearing.TechnologyFilter{Ring: "hold"})
		if len(list) != 1 || list[0].Name != name {
			t.Fatalf("filter by ring: %+v", list)
		}
		hist, _ := f.tech.TechnologyHistory(as(f.viewer), "mongodb-atlas")
		if len(hist) != 3 || hist[1].Action != "moved" || hist[1].Reason != "Two outages a year." {
			t.Fatalf("history: %+v", hist)
		}

		// Editions snapshot the radar.
		ed1, err := f.tech.PublishEdition(as(f.dna), "2026 Q3")
		if err != nil || len(ed1.Entries) != 1 {
			t.Fatalf("edition: %+v %v", ed1, err)
		}
		pg := &bearing.Technology{Name: "PostgreSQL", Quadrant: "Datastores", Ring: "adopt"}
		if err := f.tech.CreateTechnology(as(f.dna), pg, ""); err != nil {
			t.Fatal(err)
		}
		f.tech.MoveTechnology(as(f.dna), "mongodb-atlas", "assess", "Atlas is managed.", "")
		ed2, _ := f.tech.PublishEdition(as(f.dna), "2026 Q4")
		cfg, _ := f.tech.RadarConfig(context.Background())
		var changes []string
		for _, c := range bearing.CompareEditions(cfg, ed1, ed2) {
			changes = append(changes, c.Name+"="+c.Kind)
		}
		if strings.Join(changes, ",") != "MongoDB Atlas=moved in,PostgreSQL=new" {
			t.Fatalf("edition changes: %v", changes)
		}
		eds, _ := f.tech.FindEditions(context.Background())
		if len(eds) != 2 || eds[0].Name != "2026 Q4" {
			t.Fatalf("editions: %+v", eds)
		}

		// A radar configuration may not strand an entry.
		six := bearing.RadarConfig{Rings: []bearing.Ring{{Name: "adopt", Verdict: "adopt"}, {Name: "hold", Verdict: "hold"}},
			Quadrants: []bearing.Quadrant{{Name: "Datastores"}, {Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: "E"}}}
		err = f.tech.SetRadarConfig(as(f.dna), &six)
		if !strings.Contains(fieldList(err), `ring "assess"`) {
			t.Fatalf("stranded entry not reported: %v", err)
		}
		six.Rings = append(six.Rings, bearing.Ring{Name: "assess", Verdict: "assess"})
		if err := f.tech.SetRadarConfig(as(f.dna), &six); err != nil {
			t.Fatal(err)
		}
		if cfg, _ := f.tech.RadarConfig(context.Background()); len(cfg.Quadrants) != 6 {
			t.Fatalf("config not stored: %+v", cfg)
		}
	})
}

func fieldList(err error) string {
	var b strings.Builder
	for _, f := range bearing.ErrorFields(err) {
		b.WriteString(f.Field + ": " + f.Message + "\n")
	}
	return b.String()
}
