// Package radarsvg draws the technology radar on the server as one
// self-contained SVG document, so that the radar page needs no script, can be
// printed, linked and cached, and draws the same picture for every reader.
package radarsvg

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/bearingorg/bearing"
)

// Blip is one technology to draw. It carries only what the picture needs, so
// callers can build it from a bearing.Technology or an edition entry alike.
type Blip struct {
	Slug, Name, Quadrant, Ring string
	Change                     string // "", "new", "moved in", "moved out" (bearing.EntryNew etc.)
	URL                        string // link target of the blip, e.g. /radar/mongodb
}

// Options tune the drawing; the zero value gives the default picture.
type Options struct {
	Size  int    // width and height in px; default 800
	Title string // accessible title of the <svg>
}

// DefaultSize is the width and height used when Options.Size is not set.
const DefaultSize = 800

// Render draws the radar as an SVG document so pages can show it without
// script. Each quadrant is a sector of equal angle, starting at 12 o'clock
// and going clockwise; rings have equal areas (radii grow with the square
// root), so inner rings are not tiny. Each blip is a numbered mark inside its
// sector and ring band, wrapped in a focusable link whose <title> names it;
// new blips get a full outline, moved ones a half outline on the side facing
// the centre (moved in) or the edge (moved out); a legend explains the marks.
//
// Blips never overlap and never cross a sector or ring boundary. A crowded
// cell gets smaller blips (down to 3 px radius, without numbers when too
// small); when even that is not enough, the whole drawing is enlarged, so the
// returned SVG may be larger than Options.Size (about 1,100 px for 5,000
// blips). Ring names sit on the line at 12 o'clock, and blips keep clear of
// them. Blips are numbered as Numbered orders them; a Change other than new,
// moved in or moved out draws as no change. The output is deterministic: the
// same blips, in any order, give the same bytes.
//
// Blips naming a quadrant or ring not in cfg, and links with a scheme other
// than http, https or mailto, are refused with a bearing.EINVALID error that
// names them.
func Render(cfg bearing.RadarConfig, blips []Blip, opt Options) ([]byte, error) {
	if len(cfg.Rings) == 0 || len(cfg.Quadrants) == 0 {
		return nil, bearing.Errorf(bearing.EINVALID, "radarsvg: the radar needs at least one ring and one quadrant")
	}
	items := resolve(&cfg, blips)
	if err := check(&cfg, items); err != nil {
		return nil, err
	}
	if opt.Size <= 0 {
		opt.Size = DefaultSize
	}
	g, err := layout(&cfg, items, opt.Size)
	if err != nil {
		return nil, err
	}
	return draw(&cfg, &g, items, opt), nil
}

// Numbered returns the blips in the order Render numbers them (1-based
// index = position+1), so the page can print an accessible table beside the
// picture with the same numbers. The order is quadrant order, then ring order
// (innermost first), then name, so numbers only change when the radar does.
// Blips with an unknown quadrant or ring, which Render refuses, come last.
func Numbered(cfg bearing.RadarConfig, blips []Blip) []Blip {
	items := resolve(&cfg, blips)
	out := make([]Blip, len(items))
	for i := range items {
		out[i] = items[i].Blip
	}
	return out
}

// item is a blip with its resolved cell, sort key and, once laid out, its
// place and radius.
type item struct {
	Blip
	q, r   int    // quadrant and ring index; -1 when unknown
	folded string // lower-case name, the main sort key
	x, y   float64
	rad    float64
}

// resolve looks up every blip's quadrant and ring and sorts the blips into
// numbering order.
func resolve(cfg *bearing.RadarConfig, blips []Blip) []item {
	items := make([]item, len(blips))
	for i, b := range blips {
		items[i] = item{Blip: b, q: quadrantIndex(cfg, b.Quadrant), r: cfg.RingIndex(strings.TrimSpace(b.Ring)),
			folded: strings.ToLower(b.Name)}
	}
	nq, nr := len(cfg.Quadrants), len(cfg.Rings)
	slices.SortStableFunc(items, func(a, b item) int {
		return cmp.Or(
			cmp.Compare(known(a.q, nq), known(b.q, nq)),
			cmp.Compare(known(a.r, nr), known(b.r, nr)),
			strings.Compare(a.folded, b.folded),
			strings.Compare(a.Name, b.Name),
			strings.Compare(a.Slug, b.Slug),
			strings.Compare(a.URL, b.URL),       // the rest only orders exact duplicates,
			strings.Compare(a.Change, b.Change), // so that input order never shows
			strings.Compare(a.Quadrant, b.Quadrant),
			strings.Compare(a.Ring, b.Ring),
		)
	})
	return items
}

// known sorts unknown indexes (-1) after every known one.
func known(i, n int) int {
	if i < 0 {
		return n
	}
	return i
}

func quadrantIndex(cfg *bearing.RadarConfig, name string) int {
	name = strings.TrimSpace(name)
	return slices.IndexFunc(cfg.Quadrants, func(q bearing.Quadrant) bool { return strings.EqualFold(q.Name, name) })
}

// check refuses unknown quadrants and rings, naming each once, and links
// that could run script when clicked.
func check(cfg *bearing.RadarConfig, items []item) error {
	var quads, rings, links []string
	for _, it := range items {
		if it.q < 0 {
			quads = append(quads, it.Quadrant)
		}
		if it.r < 0 {
			rings = append(rings, it.Ring)
		}
		if !safeURL(it.URL) {
			links = append(links, it.URL)
		}
	}
	var msg []string
	if len(quads) > 0 {
		msg = append(msg, "unknown quadrants "+quoted(quads)+" (use one of "+cfg.QuadrantNames()+")")
	}
	if len(rings) > 0 {
		msg = append(msg, "unknown rings "+quoted(rings)+" (use one of "+cfg.RingNames()+")")
	}
	if len(links) > 0 {
		msg = append(msg, "links with a scheme other than http, https or mailto: "+quoted(links))
	}
	if len(msg) == 0 {
		return nil
	}
	return bearing.Errorf(bearing.EINVALID, "radarsvg: %s", strings.Join(msg, "; "))
}

// quoted lists distinct names, sorted and quoted, for messages.
func quoted(names []string) string {
	sort.Strings(names)
	names = slices.Compact(names)
	for i, n := range names {
		names[i] = `"` + n + `"`
	}
	return strings.Join(names, ", ")
}

// safeURL accepts relative links and http, https and mailto ones: a
// javascript: link inside an inline SVG would run when clicked.
func safeURL(u string) bool {
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true
	}
	switch strings.ToLower(strings.TrimSpace(u[:i])) {
	case "http", "https", "mailto":
		return true
	}
	return false
}
