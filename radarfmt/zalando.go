package radarfmt

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// zalandoFile is the object passed to Zalando's radar_visualization(); keys
// that only steer the drawing (width, colors, print_layout) are ignored.
type zalandoFile struct {
	Title     string            `json:"title,omitempty"`
	Date      string            `json:"date,omitempty"`
	Quadrants []zalandoQuadrant `json:"quadrants"`
	Rings     []zalandoRing     `json:"rings"`
	Entries   []zalandoEntry    `json:"entries"`
}

type zalandoQuadrant struct {
	Name string `json:"name"`
}

type zalandoRing struct {
	Name  string `json:"name"`
	Color string `json:"color"`
}

// zalandoEntry is one blip: quadrant and ring are indexes, ring 0 innermost.
type zalandoEntry struct {
	Quadrant int    `json:"quadrant"`
	Ring     int    `json:"ring"`
	Label    string `json:"label"`
	Active   bool   `json:"active"`
	Moved    int    `json:"moved"`
	Link     string `json:"link,omitempty"`
}

// Zalando's own quadrants and rings, for a config.json that leaves them to
// the page that draws it.
var (
	zalandoQuadrants = []zalandoQuadrant{{"Languages"}, {"Infrastructure"}, {"Datastores"}, {"Data Management"}}
	zalandoRings     = []zalandoRing{{"ADOPT", "#5ba300"}, {"TRIAL", "#009eb0"}, {"ASSESS", "#c7ba00"}, {"HOLD", "#e09b96"}}
)

// zalandoMoved maps Zalando's moved to a change kind, and back.
var (
	zalandoMoved   = map[int]string{-1: bearing.EntryMovedOut, 0: bearing.EntrySame, 1: bearing.EntryMovedIn, 2: bearing.EntryNew}
	zalandoMovedOf = map[string]int{bearing.EntryMovedOut: -1, bearing.EntrySame: 0, bearing.EntryMovedIn: 1, bearing.EntryNew: 2}
)

// ReadZalando reads a Zalando tech-radar config.json, so that a radar drawn
// with Zalando's radar.js can be imported. The date becomes the one edition
// and the date of the moves that moved says happened; a file without
// quadrants or rings gets Zalando's.
func ReadZalando(r io.Reader) (*Radar, error) {
	var f zalandoFile
	data, err := decodeJSON(r, &f)
	if err != nil {
		return nil, err
	}
	if f.Quadrants == nil {
		f.Quadrants = zalandoQuadrants
	}
	if f.Rings == nil {
		f.Rings = zalandoRings
	}
	rd := &Radar{Title: f.Title}
	var names []string
	for _, r := range f.Rings {
		names = append(names, r.Name)
		rd.setColor(r.Name, r.Color)
	}
	rd.Config.Rings = ringsNamed(names)
	for _, q := range f.Quadrants {
		rd.Config.Quadrants = append(rd.Config.Quadrants, bearing.Quadrant{Name: q.Name})
	}
	var ps problems
	if ps.validateConfig(&rd.Config, "", 0); len(ps) > 0 {
		return nil, ps.err()
	}
	var release time.Time
	if f.Date != "" {
		release = looseDate(f.Date)
		rd.Editions = []*bearing.Edition{{Name: f.Date, PublishedAt: release}}
	}
	lines := elementLines(data, "entries")
	seen := duplicates{}
	for i, e := range f.Entries {
		rd.readZalandoEntry(&ps, i, e, lineAt(lines, i), release, seen)
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	if len(rd.Editions) > 0 {
		rd.Editions[0].Entries = snapshot(rd.Technologies)
	}
	return rd, nil
}

// readZalandoEntry turns one entry into a technology, naming the entry in
// every problem: an index alone is hard to find in a long file.
func (rd *Radar) readZalandoEntry(ps *problems, i int, e zalandoEntry, line int, release time.Time, seen duplicates) {
	cfg := &rd.Config
	prefix := fmt.Sprintf("entries[%d] %q: ", i, short(e.Label))
	bad := false
	if e.Quadrant < 0 || e.Quadrant >= len(cfg.Quadrants) {
		ps.add("", line, "%squadrant %d is out of range; use 0 to %d (%s)", prefix, e.Quadrant, len(cfg.Quadrants)-1, cfg.QuadrantNames())
		bad = true
	}
	if e.Ring < 0 || e.Ring >= len(cfg.Rings) {
		ps.add("", line, "%sring %d is out of range; use 0 to %d (%s)", prefix, e.Ring, len(cfg.Rings)-1, cfg.RingNames())
		bad = true
	}
	kind, ok := zalandoMoved[e.Moved]
	if !ok {
		ps.add("", line, "%smoved %d is not -1 (out), 0, 1 (in) or 2 (new)", prefix, e.Moved)
	}
	if bad {
		return
	}
	t := &bearing.Technology{Name: e.Label, Quadrant: cfg.Quadrants[e.Quadrant].Name, Ring: cfg.Rings[e.Ring].Name}
	ps.validate(t, cfg, prefix, atLine(line))
	moves, msg := movesFor(cfg, t.Ring, kind, release)
	if msg != "" {
		ps.add("", line, "%s%s", prefix, msg)
	}
	t.Moves = moves
	if !seen.check(ps, "", line, prefix, t) {
		return
	}
	rd.Technologies = append(rd.Technologies, t)
	if e.Link != "" || !e.Active {
		x := rd.extraOf(t.Slug, true)
		x.URL, x.Faded = e.Link, !e.Active
	}
}

// WriteZalando writes a config.json for Zalando's radar.js, so that a radar
// kept in Bearing can still be drawn by an existing Zalando page. moved
// says what happened on the radar's latest date; the date is that of the
// latest edition.
func WriteZalando(w io.Writer, rd *Radar) error {
	f := zalandoFile{Title: rd.Title, Date: rd.releaseName(), Entries: []zalandoEntry{}}
	for _, q := range rd.Config.Quadrants {
		f.Quadrants = append(f.Quadrants, zalandoQuadrant{Name: q.Name})
	}
	for _, r := range rd.Config.Rings {
		f.Rings = append(f.Rings, zalandoRing{Name: display(r.Name, strings.ToUpper), Color: rd.color(r)})
	}
	release := rd.releaseDay()
	for _, t := range rd.Technologies {
		q, ring, err := rd.place(t)
		if err != nil {
			return err
		}
		x := rd.ext(t)
		f.Entries = append(f.Entries, zalandoEntry{Quadrant: q, Ring: ring, Label: t.Name, Active: !x.Faded,
			Moved: zalandoMovedOf[rd.change(t, release)], Link: x.URL})
	}
	return writeJSON(w, f)
}

// place returns the indexes of a technology's quadrant and ring, or an error
// when the radar's configuration has no such ring or quadrant.
func (rd *Radar) place(t *bearing.Technology) (quadrant, ring int, err error) {
	quadrant, ring = -1, rd.Config.RingIndex(t.Ring)
	for i, q := range rd.Config.Quadrants {
		if strings.EqualFold(q.Name, t.Quadrant) {
			quadrant = i
			break
		}
	}
	if quadrant < 0 || ring < 0 {
		return 0, 0, Problem{Message: fmt.Sprintf("%q: quadrant %q or ring %q is not in the radar's configuration (quadrants %s; rings %s)",
			t.Name, t.Quadrant, t.Ring, rd.Config.QuadrantNames(), rd.Config.RingNames())}
	}
	return quadrant, ring, nil
}

// releaseName names the radar's latest release: its newest edition's name,
// or else the day of its newest move.
func (rd *Radar) releaseName() string {
	var latest *bearing.Edition
	for _, e := range rd.Editions {
		if latest == nil || !e.PublishedAt.Before(latest.PublishedAt) {
			latest = e
		}
	}
	if latest != nil && latest.Name != "" {
		return latest.Name
	}
	if d := rd.releaseDay(); !d.IsZero() {
		return d.Format(bearing.DateLayout)
	}
	return ""
}

// display writes a ring name the way a tool shows it (ADOPT, Adopt) when
// reading it back gives the same name, and as it is otherwise.
func display(name string, f func(string) string) string {
	if s := f(name); strings.ToLower(s) == name {
		return s
	}
	return name
}

// looseDate reads the dates radar files carry ("2024-03-01", "2024.03"),
// giving the zero time for anything else: a date that says "Q1 2024" is
// kept as the edition's name, just not as a time.
func looseDate(s string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006.01.02", "2006/01/02", "2006-01", "2006.01", "2006/01"} {
		if t, err := parseDate(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Time{}
}
