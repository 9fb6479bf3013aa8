package radarfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bearingorg/bearing"
)

func TestRingsNamed(t *testing.T) {
	for _, c := range []struct{ names, want string }{
		{"ADOPT TRIAL ASSESS HOLD", "adopt trial assess hold"},
		{"Use Try Explore Avoid Retire", "adopt trial assess assess hold"},
		{"Inner Outer", "adopt hold"},
		{"Hold Adopt Later", "hold adopt hold"},
		{"Only", "adopt"},
	} {
		var got []string
		for _, r := range ringsNamed(strings.Fields(c.names)) {
			got = append(got, string(r.Verdict))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: %v, want %s", c.names, got, c.want)
		}
	}
}

// bearingRadar is a radar as Bearing hands it over: moves at real times, an
// edition, and no colours or links.
func bearingRadar() *Radar {
	at := func(s string) time.Time { return day0(s).Add(9*time.Hour + 30*time.Minute) }
	t := func(name, quadrant, ring string, moves ...bearing.RingMove) *bearing.Technology {
		return &bearing.Technology{Slug: bearing.Slugify(name), Name: name, Quadrant: quadrant, Ring: ring,
			Description: name + " is *useful*.", Moves: moves}
	}
	return &Radar{
		Title:  "Bearing",
		Config: bearing.DefaultRadarConfig(),
		Technologies: []*bearing.Technology{
			t("PostgreSQL", "Datastores", "adopt", bearing.RingMove{At: at("2023-01-10"), To: "trial"},
				bearing.RingMove{At: at("2024-06-01"), From: "trial", To: "adopt", Reason: "Ten services."}),
			t("MongoDB", "Datastores", "hold", bearing.RingMove{At: at("2023-01-10"), To: "adopt"},
				bearing.RingMove{At: at("2024-06-01"), From: "adopt", To: "hold", Reason: "Use PostgreSQL."}),
			t("Go", "Languages & Frameworks", "adopt", bearing.RingMove{At: at("2023-01-10"), To: "adopt"}),
			t("Zig", "Languages & Frameworks", "assess", bearing.RingMove{At: at("2024-06-01"), To: "assess"}),
			t("Make", "Tools & Techniques", "trial"),
		},
		Editions: []*bearing.Edition{{Name: "2024 summer", PublishedAt: at("2024-06-01")}},
	}
}

// TestWriteFromBearing checks what the writers make of a radar that no
// format wrote: the latest edition decides what is new and what moved.
func TestWriteFromBearing(t *testing.T) {
	rd := bearingRadar()
	var z zalandoFile
	if err := json.Unmarshal(mustWrite(t, singleFile[0], rd), &z); err != nil {
		t.Fatal(err)
	}
	var moved []string
	for _, e := range z.Entries {
		moved = append(moved, fmt.Sprintf("%s:%d:%v", e.Label, e.Moved, e.Active))
	}
	if got := strings.Join(moved, " "); got != "PostgreSQL:1:true MongoDB:-1:true Go:0:true Zig:2:true Make:0:true" ||
		z.Date != "2024 summer" || z.Rings[3].Color != "#e09b96" {
		t.Errorf("entries %s, date %q, rings %+v", got, z.Date, z.Rings)
	}
	csv := string(mustWrite(t, singleFile[1], rd))
	if !strings.Contains(csv, "MongoDB,hold,Datastores,FALSE,Moved Out,Mongo") || !strings.Contains(csv, "Zig,assess,Languages & Frameworks,TRUE,New,") {
		t.Errorf("CSV:\n%s", csv)
	}
	out := mustWrite(t, singleFile[3], rd)
	back, err := ReadBackstage(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if pg := tech(t, back, "postgresql"); moves(pg.Moves, true) != moves(rd.Technologies[0].Moves, true) {
		t.Errorf("PostgreSQL moves %s", moves(pg.Moves, true))
	}
	if mk := tech(t, back, "make"); len(mk.Moves) != 1 || mk.Ring != "trial" || !mk.Moves[0].At.Equal(day0("2024-06-01")) {
		t.Errorf("Make, which has no history, got %s", moves(mk.Moves, true))
	}
	fsys := aoeFS(t, rd)
	if _, ok := fsys["radar/2024-06-01/make.md"]; !ok {
		t.Errorf("an undated technology goes in the latest release:\n%s", dump(fsys))
	}
	if _, err := ReadAOE(fsys); err != nil {
		t.Error(err)
	}
}
