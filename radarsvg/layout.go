package radarsvg

import (
	"hash/fnv"
	"math"
	"unicode/utf8"

	"github.com/bearingorg/bearing"
)

// Geometry of the drawing, in viewBox units (px at the nominal size).
const (
	startAngle = -math.Pi / 2 // the first sector starts at 12 o'clock
	radarShare = 0.36         // outer radius as a share of the size; the rest holds labels
	maxRadius  = 10.0         // blip radius in roomy cells
	minRadius  = 3.0          // smallest blip radius before the drawing grows
	growTries  = 60           // enlargements of 10% each before giving up
)

// blipRadii are the radii tried, largest first, in each cell.
var blipRadii = []float64{maxRadius, 9, 8, 7, 6, 5, 4.5, 4, 3.5, minRadius}

// pad is the gap kept between a blip of radius b and any boundary. Half of
// the 1 px gap required between blips of neighbouring cells, plus room for
// coordinates rounded to 0.1 px, plus some air for larger blips.
func pad(b float64) float64 { return 1 + b/4 }

// spacing is the least distance between centres of blips of radius b in one
// cell: 2b+1 required, plus 0.5 for rounding to 0.1 px.
func spacing(b float64) float64 { return 2*b + 1.5 }

// geom is the shape of one drawing: centre, ring radii, sector angle and
// the boxes of the ring names, which blips keep clear of.
type geom struct {
	size   int
	k      float64   // scale of labels: size / DefaultSize
	c      float64   // centre x and y
	radii  []float64 // outer radius of each ring, innermost first
	labels []box     // ring names, relative to the centre
	nq     int
	sector float64 // angle of each sector
}

// box is an axis-aligned rectangle relative to the centre.
type box struct{ x0, y0, x1, y1 float64 }

// near tells whether a disc of radius r at (x, y) comes within the box.
func (b *box) near(x, y, r float64) bool {
	dx := max(b.x0-x, 0, x-b.x1)
	dy := max(b.y0-y, 0, y-b.y1)
	return dx*dx+dy*dy < r*r
}

// ringFont is the font size of ring names at scale 1.
const ringFont = 11.0

func newGeom(size int, cfg *bearing.RadarConfig) geom {
	nq, nr := len(cfg.Quadrants), len(cfg.Rings)
	g := geom{size: size, k: float64(size) / DefaultSize, c: float64(size) / 2, radii: make([]float64, nr),
		labels: make([]box, nr), nq: nq, sector: 2 * math.Pi / float64(nq)}
	outer := radarShare * float64(size)
	inner := 0.0
	for i, ring := range cfg.Rings {
		g.radii[i] = outer * math.Sqrt(float64(i+1)/float64(nr)) // equal areas
		// Centred on the line at 12 o'clock, halfway across the band.
		fs := ringFont * g.k
		w, h, y := 0.6*fs*float64(utf8.RuneCountInString(ring.Name))+4, 1.3*fs, -(inner+g.radii[i])/2
		g.labels[i] = box{-w / 2, y - h/2, w / 2, y + h/2}
		inner = g.radii[i]
	}
	return g
}

// outer is the radius of the whole radar.
func (g *geom) outer() float64 { return g.radii[len(g.radii)-1] }

// cell is the region of one quadrant and ring, in polar coordinates around
// the centre.
type cell struct {
	a0, w        float64 // first angle and angular width
	inner, outer float64 // radii of the band
	full         bool    // the only sector: no boundary rays
	label        *box    // the ring's name, when it reaches into this sector
}

func (g *geom) cell(q, r int) cell {
	c := cell{a0: startAngle + float64(q)*g.sector, w: g.sector, outer: g.radii[r], full: g.nq == 1}
	if r > 0 {
		c.inner = g.radii[r-1]
	}
	if q == 0 || q == g.nq-1 { // the sectors beside 12 o'clock
		c.label = &g.labels[r]
	}
	return c
}

// arcs walks the lattice of candidate centres for blips of radius b: arcs
// at least spacing(b) apart radially, points on an arc at least spacing(b)
// apart (by chord), every point at least b+pad(b) from the ring circles and
// from the lines through the sector's boundary rays. Any two lattice points
// are therefore far enough apart, and blips of neighbouring cells are too:
// each keeps its own pad to the shared boundary. fn gets each arc's radius,
// first angle, angular step and number of points.
func (c cell) arcs(b float64, fn func(rho, a, step float64, m int)) {
	d, keep := spacing(b), b+pad(b)
	lo, hi := c.inner+keep, c.outer-keep
	if !c.full {
		// Below this radius the sector is too narrow for the blip.
		lo = math.Max(lo, keep/math.Sin(math.Min(c.w, math.Pi)/2))
	}
	if hi < lo {
		return
	}
	n := int((hi-lo)/d) + 1
	gap := 0.0
	if n > 1 {
		gap = (hi - lo) / float64(n-1)
	}
	for k := 0; k < n; k++ {
		rho := lo + float64(k)*gap
		a, step, m := c.arc(rho, d, keep)
		if c.full {
			a += float64(k%2) * step / 2 // stagger neighbouring arcs
		}
		fn(rho, a, step, m)
	}
}

// arc spreads points at least d apart on the arc of radius rho, each at
// least keep from the lines through the sector's boundary rays, and returns
// the first angle, the step and the number of points.
func (c cell) arc(rho, d, keep float64) (a, step float64, m int) {
	if d >= 2*rho { // no two points fit
		return c.a0 + c.w/2, 0, 1
	}
	minStep := 2 * math.Asin(d/(2*rho)) // the angle of a chord of length d
	if c.full {
		m = int(2 * math.Pi / minStep)
		return c.a0, 2 * math.Pi / float64(m), m
	}
	edge := math.Asin(math.Min(1, keep/rho))
	span := math.Max(0, c.w-2*edge)
	if m = int(span/minStep) + 1; m == 1 {
		return c.a0 + c.w/2, 0, 1
	}
	return c.a0 + edge, span / float64(m-1), m
}

// capacity counts the lattice points for blips of radius b.
func (c cell) capacity(b float64) int {
	n := 0
	if c.label == nil {
		c.arcs(b, func(_, _, _ float64, m int) { n += m })
	} else {
		c.each(b, func(point) { n++ })
	}
	return n
}

type point struct{ x, y float64 }

// each calls fn with the lattice points for blips of radius b, relative to
// the centre, arc by arc from the inside out, skipping those that would
// cover the ring's name.
func (c cell) each(b float64, fn func(point)) {
	keep := b + pad(b)
	c.arcs(b, func(rho, a, step float64, m int) {
		for j := 0; j < m; j++ {
			s, co := math.Sincos(a + float64(j)*step)
			if p := (point{rho * co, rho * s}); c.label == nil || !c.label.near(p.x, p.y, keep) {
				fn(p)
			}
		}
	})
}

// layout places every blip, enlarging the drawing from the given size until
// each cell fits its blips at least at the minimum radius.
func layout(cfg *bearing.RadarConfig, items []item, size int) (geom, error) {
	size = max(size, minSize(len(cfg.Quadrants), len(cfg.Rings), items))
	for try := 0; try < growTries; try++ {
		g := newGeom(size, cfg)
		if g.place(items) {
			return g, nil
		}
		size += size/10 + 1
	}
	return geom{}, bearing.Errorf(bearing.ETOOLARGE, "radarsvg: cannot place %d blips without overlap", len(items))
}

// minSize is a lower estimate of the size at which the most crowded cell
// can hold its blips at the minimum radius, so that layout starts near the
// answer instead of growing step by step from the default size.
func minSize(nq, nr int, items []item) int {
	most := 0
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].q == items[i].q && items[j].r == items[i].r {
			j++
		}
		most = max(most, j-i)
		i = j
	}
	d := spacing(minRadius)
	area := float64(most) * d * d * float64(nq*nr) / math.Pi // area of the whole radar
	return int(math.Sqrt(area) / radarShare)
}

// place gives every blip a position and radius, cell by cell (items are
// sorted by cell), or reports that some cell is too crowded.
func (g *geom) place(items []item) bool {
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j].q == items[i].q && items[j].r == items[i].r {
			j++
		}
		if !g.placeCell(g.cell(items[i].q, items[i].r), items[i:j]) {
			return false
		}
		i = j
	}
	return true
}

// placeCell uses the largest radius whose lattice has room for all the
// cell's blips. Each blip takes the lattice point picked by the hash of its
// slug, or the next free one, so a blip keeps its place when others come
// and go unless they collide with it.
func (g *geom) placeCell(c cell, items []item) bool {
	b := 0.0
	for _, r := range blipRadii {
		if c.capacity(r) >= len(items) {
			b = r
			break
		}
	}
	if b == 0 {
		return false
	}
	var pts []point
	c.each(b, func(p point) { pts = append(pts, p) })
	next := make([]int32, len(pts)) // next[i] leads to a free point at or after i
	for i := range next {
		next[i] = int32(i)
	}
	for k := range items {
		i := free(next, int32(hash(items[k].Slug, items[k].Name)%uint64(len(pts))))
		next[i] = int32((int(i) + 1) % len(pts))
		items[k].x, items[k].y, items[k].rad = g.c+pts[i].x, g.c+pts[i].y, b
	}
	return true
}

// free follows next to the first free point, halving paths as it goes.
func free(next []int32, i int32) int32 {
	for next[i] != i {
		next[i] = next[next[i]]
		i = next[i]
	}
	return i
}

// hash spreads slugs (or names, when a slug is missing) over the lattice:
// FNV-1a, then a SplitMix64 finaliser so that nearby slugs land far apart.
func hash(slug, name string) uint64 {
	if slug == "" {
		slug = name
	}
	h := fnv.New64a()
	h.Write([]byte(slug))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
