package radarfmt

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestReadZalando(t *testing.T) {
	rd := mustRead(t, singleFile[0])
	if rd.Title != "Acme Engineering Tech Radar" || len(rd.Technologies) != 18 {
		t.Fatalf("title %q, %d technologies", rd.Title, len(rd.Technologies))
	}
	if got := rd.Config.RingNames(); got != "adopt, trial, assess, hold" {
		t.Errorf("rings %s", got)
	}
	if len(rd.Editions) != 1 || rd.Editions[0].Name != "2024.03" || !rd.Editions[0].PublishedAt.Equal(day0("2024-03-01")) ||
		len(rd.Editions[0].Entries) != 18 {
		t.Errorf("editions %+v", rd.Editions)
	}
	at := day0("2024-03-01").Format("2006-01-02T15:04:05Z07:00")
	for slug, want := range map[string]string{
		"go":         "",
		"typescript": at + ` "trial"→"adopt"; `,
		"rust":       at + ` ""→"assess"; `,
		"scala":      at + ` "assess"→"hold"; `,
	} {
		if got := moves(tech(t, rd, slug).Moves, false); got != want {
			t.Errorf("%s moves %s, want %s", slug, got, want)
		}
	}
	if x := rd.ext(tech(t, rd, "coffeescript")); !x.Faded || x.URL != "" {
		t.Errorf("CoffeeScript extras %+v", x)
	}
	if x := rd.ext(tech(t, rd, "go")); x.Faded || x.URL != "https://radar.acme.example/go.html" {
		t.Errorf("Go extras %+v", x)
	}
	if w := tech(t, rd, "webassembly-wasm"); w.Quadrant != "Infrastructure" || w.Ring != "assess" {
		t.Errorf("Wasm %+v", w)
	}
}

func TestReadBYOR(t *testing.T) {
	csv, js := mustRead(t, singleFile[1]), mustRead(t, singleFile[2])
	if len(csv.Technologies) != 16 || len(js.Technologies) != 12 {
		t.Fatalf("%d and %d technologies", len(csv.Technologies), len(js.Technologies))
	}
	want := "Techniques, Platforms, Tools, Languages & Frameworks"
	if csv.Config.QuadrantNames() != want || js.Config.QuadrantNames() != want {
		t.Errorf("quadrants %s / %s", csv.Config.QuadrantNames(), js.Config.QuadrantNames())
	}
	lb := tech(t, csv, "long-lived-feature-branches")
	if lb.Description != `<p>Merge at least daily. Long branches "hide" integration problems until the worst moment.</p>` {
		t.Errorf("description %q", lb.Description)
	}
	if d := tech(t, csv, "backstage").Description; !strings.Contains(d, "TechDocs.\nScaffolder") {
		t.Errorf("multi-line description %q", d)
	}
	for rd, cases := range map[*Radar]map[string]string{
		csv: {"renovate": `"trial"→"adopt"`, "micro-frontends": `"trial"→"assess"`, "htmx": `""→"assess"`, "go": ""},
		js:  {"google-cloud-run": `""→"trial"`, "heroku": `"assess"→"hold"`, "kotlin": `"trial"→"adopt"`},
	} {
		for slug, want := range cases {
			got := strings.TrimSuffix(strings.TrimPrefix(moves(tech(t, rd, slug).Moves, false), "0001-01-01T00:00:00Z "), "; ")
			if got != want {
				t.Errorf("%s moves %q, want %q", slug, got, want)
			}
		}
	}
	if r := tech(t, js, "grafana").Ring; r != "adopt" {
		t.Errorf("ring %q, want it lower-cased", r)
	}
}

func TestReadBackstage(t *testing.T) {
	rd := mustRead(t, singleFile[3])
	if rd.Title != "Acme Tech Radar" || len(rd.Technologies) != 13 || len(rd.Editions) != 0 {
		t.Fatalf("title %q, %d technologies, %d editions", rd.Title, len(rd.Technologies), len(rd.Editions))
	}
	r, _ := rd.Config.Ring("trial")
	if r.Verdict != bearing.VerdictTrial || r.Description != "Used in production by a few teams; use with care." || rd.colors["trial"] != "#009EB0" {
		t.Errorf("ring %+v, colour %s", r, rd.colors["trial"])
	}
	ts := tech(t, rd, "typescript")
	if ts.Ring != "adopt" || ts.Quadrant != "Languages" || len(ts.Moves) != 3 {
		t.Fatalf("TypeScript %+v", ts)
	}
	m := ts.Moves
	if m[0].From != "" || m[0].To != "assess" || !m[0].At.Equal(day0("2019-05-01")) || m[0].Reason != "Evaluating for the checkout rewrite." ||
		m[2].From != "trial" || m[2].To != "adopt" || !m[2].At.Equal(day0("2022-03-01")) {
		t.Errorf("moves %s", moves(m, true))
	}
	if x := rd.ext(tech(t, rd, "react")); len(x.Links) != 2 || x.Links[1].Title != "Acme React guide" {
		t.Errorf("links %+v", x.Links)
	}
}

func TestReadAOE(t *testing.T) {
	rd, err := ReadAOE(os.DirFS("testdata/aoe"))
	if err != nil {
		t.Fatal(err)
	}
	if rd.Title != "Acme Technology Radar" || len(rd.Technologies) != 15 {
		t.Fatalf("title %q, %d technologies", rd.Title, len(rd.Technologies))
	}
	var sizes []int
	for _, e := range rd.Editions {
		sizes = append(sizes, len(e.Entries))
	}
	if len(rd.Editions) != 3 || rd.Editions[1].Name != "2024-01-15" || !slices.Equal(sizes, []int{11, 14, 15}) {
		t.Errorf("editions %d, sizes %v", len(rd.Editions), sizes)
	}
	goTech := tech(t, rd, "go")
	if goTech.Ring != "adopt" || goTech.Quadrant != "Languages & Frameworks" ||
		moves(goTech.Moves, false) != `2023-06-01T00:00:00Z ""→"trial"; 2024-01-15T00:00:00Z "trial"→"adopt"; ` ||
		!strings.HasPrefix(goTech.Description, "Twelve services") || !strings.HasPrefix(goTech.Moves[0].Reason, "The platform team") {
		t.Errorf("Go %+v", goTech)
	}
	// Editions are snapshots: Go stood in trial in the first release.
	if e := rd.Editions[0].Entries[3]; e.Slug != "go" || e.Ring != "trial" {
		t.Errorf("first edition entry %+v", e)
	}
	if x := rd.ext(tech(t, rd, "renovate")); !slices.Equal(x.Tags, []string{"dependencies", "security"}) {
		t.Errorf("tags %v", x.Tags)
	}
	if x := rd.ext(tech(t, rd, "sonarqube")); !x.Faded {
		t.Errorf("featured: false is lost")
	}
	if r, _ := rd.Config.Ring("hold"); r.Description != "Do not start anything new with it." || rd.colors["hold"] != "#d62828" {
		t.Errorf("ring %+v", r)
	}
}

// TestReadAOEWithoutConfig reads AOE's older layout: no config.json, so the
// classic rings and the quadrants as the files write them, and a release
// folder per quadrant.
func TestReadAOEWithoutConfig(t *testing.T) {
	fsys := mapFS(map[string]string{
		"radar/2017-03-01/tools/jest.md":                   "---\ntitle: Jest\nring: adopt\nquadrant: tools\n---\nTests.\n",
		"radar/2017-03-01/languages-and-frameworks/vue.md": "---\ntitle: Vue.js\nring: Assess\nquadrant: languages-and-frameworks\n---\n",
		"radar/2018-03-01/vue.md":                          "---\nring: trial\n---\n\nMore teams.\n",
		"radar/README.md":                                  "not an item",
	})
	rd, err := ReadAOE(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if q := rd.Config.QuadrantNames(); q != "languages-and-frameworks, tools" {
		t.Errorf("quadrants %s", q)
	}
	vue := tech(t, rd, "vue-js")
	if vue.Ring != "trial" || vue.Description != "More teams." || len(vue.Moves) != 2 || vue.Moves[0].To != "assess" {
		t.Errorf("Vue %+v", vue)
	}
}
