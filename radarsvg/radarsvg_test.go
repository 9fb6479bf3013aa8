package radarsvg

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestGeometry(t *testing.T) {
	crowded := config(4, 4)
	var cell []Blip
	for i := 0; i < 200; i++ {
		cell = append(cell, Blip{Slug: fmt.Sprintf("c%d", i), Name: fmt.Sprintf("C %03d", i),
			Quadrant: "Quadrant 2", Ring: "ring1", Change: changes[i%4], URL: fmt.Sprintf("/radar/c%d", i)})
	}
	def := bearing.DefaultRadarConfig()
	cases := []struct {
		name  string
		cfg   bearing.RadarConfig
		blips []Blip
	}{
		{"default radar, 60 blips", def, spread(def, 60, 3, 3, 2, 2)},
		{"4x4, 60 blips", config(4, 4), spread(config(4, 4), 60)},
		{"6 quadrants, 3 rings", config(6, 3), spread(config(6, 3), 90)},
		{"1 quadrant, 1 ring", config(1, 1), spread(config(1, 1), 40)},
		{"2 quadrants, 6 rings", config(2, 6), spread(config(2, 6), 70)},
		{"3 quadrants, 2 rings", config(3, 2), spread(config(3, 2), 50)},
		{"16 quadrants, 12 rings", config(16, 12), spread(config(16, 12), 400)},
		{"crowded cell, 200 blips", crowded, cell},
		{"5000 blips", def, spread(def, 5000, 7, 6, 4, 3)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Render(tc.cfg, tc.blips, Options{Title: tc.name})
			if err != nil {
				t.Fatal(err)
			}
			checkGeometry(t, tc.cfg, tc.blips, doc)
			if dir := os.Getenv("RADARSVG_DUMP"); dir != "" {
				os.WriteFile(dir+"/"+strings.ReplaceAll(tc.name, " ", "_")+".svg", doc, 0o644)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	blips := spread(cfg, 300, 3, 3, 2, 2)
	a, err := Render(cfg, blips, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rev := make([]Blip, len(blips)) // input order must not matter
	for i := range blips {
		rev[len(blips)-1-i] = blips[i]
	}
	b, _ := Render(cfg, rev, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same radar differ")
	}
}

func TestNumbered(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	blips := []Blip{
		{Slug: "zig", Name: "Zig", Quadrant: "Languages & Frameworks", Ring: "assess"},
		{Slug: "k8s", Name: "Kubernetes", Quadrant: "platforms & infrastructure", Ring: "Adopt"},
		{Slug: "go", Name: "Go", Quadrant: "Languages & Frameworks", Ring: "adopt"},
		{Slug: "ada", Name: "ada", Quadrant: "Languages & Frameworks", Ring: "adopt"},
		{Slug: "mongodb", Name: "MongoDB", Quadrant: "Datastores", Ring: "hold"},
	}
	var got []string
	for _, b := range Numbered(cfg, blips) {
		got = append(got, b.Slug)
	}
	if want := "ada go zig k8s mongodb"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	doc, err := Render(cfg, blips, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, as := parse(t, doc)
	if as[2].title != "Zig (assess)" || as[2].id != "blip-3" || as[3].title != "Kubernetes (adopt)" {
		t.Errorf("third and fourth blips: %+v %+v", as[2], as[3])
	}
}

func TestEscaping(t *testing.T) {
	cfg := config(2, 2)
	cfg.Quadrants[0].Name = `Tools & <Techniques>`
	cfg.Rings[1].Name = `"hold" & 'wait'`
	blips := []Blip{
		{Slug: "x", Name: `<script>alert("x")</script> & Co`, Quadrant: cfg.Quadrants[0].Name, Ring: cfg.Rings[1].Name,
			URL: `/radar/x?a=1&b="2"<`},
		{Slug: "y", Name: "Y", Quadrant: "Quadrant 1", Ring: "ring0", Change: "new", URL: "https://example.com/y"},
	}
	doc, err := Render(cfg, blips, Options{Title: "Radar <&> \"2025\""})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "& Co", "<Techniques>", `"hold"`, "<&>"} {
		if bytes.Contains(doc, []byte(bad)) {
			t.Errorf("output contains unescaped %q", bad)
		}
	}
	_, as := parse(t, doc)
	if as[0].title != `<script>alert("x")</script> & Co ("hold" & 'wait')` || as[0].href != blips[0].URL {
		t.Errorf("escaped blip reads back as %+v", as[0])
	}
}

func TestUnknownNames(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	blips := spread(cfg, 10)
	blips[3].Ring = "later"
	blips[4].Ring = "later"
	blips[5].Quadrant = "Hardware"
	_, err := Render(cfg, blips, Options{})
	if err == nil || bearing.ErrorCode(err) != bearing.EINVALID {
		t.Fatalf("got %v, want an invalid-input error", err)
	}
	for _, want := range []string{`unknown rings "later" (use one of adopt`, `unknown quadrants "Hardware"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if _, err := Render(bearing.RadarConfig{}, nil, Options{}); err == nil {
		t.Error("a radar without rings rendered")
	}
}

func TestUnsafeLink(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	for _, u := range []string{"javascript:alert(1)", " JavaScript:x", "java\tscript:x", "data:text/html,x"} {
		blips := []Blip{{Slug: "x", Name: "X", Quadrant: "Datastores", Ring: "adopt", URL: u}}
		if _, err := Render(cfg, blips, Options{}); err == nil {
			t.Errorf("link %q accepted", u)
		}
	}
	for _, u := range []string{"", "/radar/x", "x#y", "https://a/b:c", "mailto:a@b", "?q=a:b"} {
		blips := []Blip{{Slug: "x", Name: "X", Quadrant: "Datastores", Ring: "adopt", URL: u}}
		if _, err := Render(cfg, blips, Options{}); err != nil {
			t.Errorf("link %q refused: %v", u, err)
		}
	}
}

func TestSizeGrowsOnlyWhenNeeded(t *testing.T) {
	cfg := bearing.DefaultRadarConfig()
	for _, tc := range []struct {
		n         int
		want      func(float64) bool
		wantWords string
	}{
		{60, func(s float64) bool { return s == 800 }, "800"},
		{5000, func(s float64) bool { return s > 800 && s < 1600 }, "between 800 and 1600"},
	} {
		doc, err := Render(cfg, spread(cfg, tc.n, 7, 6, 4, 3), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if size, _ := parse(t, doc); !tc.want(size) {
			t.Errorf("%d blips: size %v, want %s", tc.n, size, tc.wantWords)
		}
	}
}
