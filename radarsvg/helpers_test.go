package radarsvg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

// config builds a radar with nq quadrants and nr rings.
func config(nq, nr int) bearing.RadarConfig {
	var cfg bearing.RadarConfig
	for i := 0; i < nr; i++ {
		cfg.Rings = append(cfg.Rings, bearing.Ring{Name: fmt.Sprintf("ring%d", i), Verdict: bearing.VerdictTrial})
	}
	for i := 0; i < nq; i++ {
		cfg.Quadrants = append(cfg.Quadrants, bearing.Quadrant{Name: fmt.Sprintf("Quadrant %d", i)})
	}
	return cfg
}

var changes = []string{"", bearing.EntryNew, bearing.EntryMovedIn, bearing.EntryMovedOut}

// spread makes n blips, blip i in cell (i mod cells) unless weights are
// given, in which case ring r gets a share proportional to weights[r].
func spread(cfg bearing.RadarConfig, n int, weights ...int) []Blip {
	nq, nr := len(cfg.Quadrants), len(cfg.Rings)
	var ringOf []int // one entry per weight unit
	for r := 0; r < nr; r++ {
		wt := 1
		if r < len(weights) {
			wt = weights[r]
		}
		for j := 0; j < wt; j++ {
			ringOf = append(ringOf, r)
		}
	}
	blips := make([]Blip, n)
	for i := range blips {
		slug := fmt.Sprintf("tech-%d", i)
		blips[i] = Blip{Slug: slug, Name: fmt.Sprintf("Tech %d", i), Quadrant: cfg.Quadrants[i%nq].Name,
			Ring: cfg.Rings[ringOf[(i/nq)%len(ringOf)]].Name, Change: changes[i%7%4], URL: "/radar/" + slug}
	}
	return blips
}

// anchor is one blip as parsed back from the SVG.
type anchor struct {
	href, title, id string
	x, y, mark      float64 // centre and radius of the mark
}

// parse decodes every token of doc, failing on malformed XML, and returns
// the viewBox size and the <a> elements with their title and mark.
func parse(t *testing.T, doc []byte) (size float64, as []anchor) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var cur *anchor
	inTitle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			a := attrs(e)
			switch {
			case e.Name.Local == "svg":
				if e.Name.Space != "http://www.w3.org/2000/svg" || a["role"] != "img" || a["aria-labelledby"] == "" {
					t.Errorf("root element: %v %v", e.Name, a)
				}
				f := strings.Fields(a["viewBox"])
				size, _ = strconv.ParseFloat(f[len(f)-1], 64)
			case e.Name.Local == "a":
				as = append(as, anchor{href: a["href"], id: a["id"]})
				cur = &as[len(as)-1]
			case cur != nil && e.Name.Local == "title":
				inTitle = true
			case cur != nil && a["class"] == "mark":
				cur.x, cur.y, cur.mark = num(t, a["cx"]), num(t, a["cy"]), num(t, a["r"])
			}
		case xml.CharData:
			if inTitle {
				cur.title += string(e)
			}
		case xml.EndElement:
			inTitle = false
			if e.Name.Local == "a" {
				cur = nil
			}
		}
	}
	return size, as
}

func attrs(e xml.StartElement) map[string]string {
	m := map[string]string{}
	for _, a := range e.Attr {
		if a.Name.Space == "" {
			m[a.Name.Local] = a.Value
		}
	}
	return m
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("number %q: %v", s, err)
	}
	return f
}

// checkGeometry checks, on the coordinates printed in the SVG, that every
// blip lies inside its sector and ring band with padding and that no two
// blips come closer than the sum of their radii plus 1 px.
func checkGeometry(t *testing.T, cfg bearing.RadarConfig, blips []Blip, doc []byte) {
	t.Helper()
	size, as := parse(t, doc)
	order := Numbered(cfg, blips)
	items := resolve(&cfg, blips)
	g, err := layout(&cfg, items, int(size))
	if err != nil || float64(g.size) != size {
		t.Fatalf("layout again: size %d vs %v, %v", g.size, size, err)
	}
	if len(as) != len(order) {
		t.Fatalf("%d <a> elements for %d blips", len(as), len(order))
	}
	const padding = 0.5
	for i, a := range as {
		b, it := items[i].rad, order[i]
		if want := it.Name + " (" + cfg.Rings[cfg.RingIndex(it.Ring)].Name + ")"; a.title != want || a.href != it.URL {
			t.Errorf("blip %d: title %q href %q, want %q %q", i+1, a.title, a.href, want, it.URL)
		}
		if math.Abs(a.x-items[i].x) > 0.051 || math.Abs(a.y-items[i].y) > 0.051 {
			t.Errorf("blip %d printed at %v,%v, laid out at %v,%v", i+1, a.x, a.y, items[i].x, items[i].y)
		}
		c := g.cell(quadrantIndex(&cfg, it.Quadrant), cfg.RingIndex(it.Ring))
		if c.label != nil && c.label.near(a.x-g.c, a.y-g.c, b) {
			t.Errorf("blip %d covers the name of ring %s", i+1, it.Ring)
		}
		if msg := outside(c, a.x-g.c, a.y-g.c, b+padding); msg != "" {
			t.Errorf("blip %d (%s, radius %v) at %v,%v: %s", i+1, it.Name, b, a.x, a.y, msg)
		}
	}
	checkOverlap(t, as, items)
}

// outside says how a disc of radius b at (x, y) from the centre leaves cell
// c, or returns "".
func outside(c cell, x, y, b float64) string {
	rho := math.Hypot(x, y)
	if rho-b < c.inner || rho+b > c.outer {
		return fmt.Sprintf("radius %v±%v outside band %v..%v", rho, b, c.inner, c.outer)
	}
	if c.full {
		return ""
	}
	theta := math.Mod(math.Atan2(y, x)-c.a0+4*math.Pi, 2*math.Pi)
	if theta > c.w {
		return fmt.Sprintf("angle %v outside sector of %v", theta, c.w)
	}
	for _, a := range []float64{c.a0, c.a0 + c.w} { // distance to each boundary line
		if d := math.Abs(x*math.Sin(a) - y*math.Cos(a)); d < b {
			return fmt.Sprintf("%v from the boundary at angle %v", d, a)
		}
	}
	return ""
}

// checkOverlap compares every pair of blips, using a grid to stay fast.
func checkOverlap(t *testing.T, as []anchor, items []item) {
	t.Helper()
	type key struct{ i, j int }
	grid := map[key][]int{}
	const cellSize = 2*maxRadius + 2
	for n, a := range as {
		k := key{int(a.x / cellSize), int(a.y / cellSize)}
		for di := -1; di <= 1; di++ {
			for dj := -1; dj <= 1; dj++ {
				for _, m := range grid[key{k.i + di, k.j + dj}] {
					if d := math.Hypot(a.x-as[m].x, a.y-as[m].y); d < items[n].rad+items[m].rad+1 {
						t.Errorf("blips %d and %d overlap: %v apart, radii %v %v", m+1, n+1, d, items[m].rad, items[n].rad)
					}
				}
			}
		}
		grid[k] = append(grid[k], n)
	}
}
