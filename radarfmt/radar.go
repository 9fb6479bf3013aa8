package radarfmt

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// Radar is what every format reads into and writes from: the rings and
// quadrants, the technologies (with Moves as ring history, oldest first),
// and, for formats that carry releases, the editions. One type for all
// formats is what lets a radar be read in one format and written in another.
type Radar struct {
	Title        string
	Config       bearing.RadarConfig
	Technologies []*bearing.Technology
	Editions     []*bearing.Edition // AOE folders (one per date); Backstage/Zalando may leave empty

	colors map[string]string // ring name → colour, as the file gave it
	extras map[string]*extra // by technology slug
}

// extra is what a format says about a technology that Bearing has no field
// for; it is kept so that a read followed by a write loses nothing.
type extra struct {
	URL   string   // Zalando's link, Backstage's url
	Links []link   // Backstage's links
	Tags  []string // AOE's tags
	Faded bool     // Zalando's active: false, AOE's featured: false
}

// link is one of the titled links of a Backstage entry.
type link struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// Formats lists the format names for CLI flags, so that a command can offer
// and check them without knowing the formats itself.
var Formats = []string{"zalando", "byor-csv", "byor-json", "backstage", "aoe"}

// extraOf returns the extras of the technology with the given slug, creating
// them when create is set; without create it may return nil.
func (rd *Radar) extraOf(slug string, create bool) *extra {
	if e := rd.extras[slug]; e != nil || !create {
		return e
	}
	if rd.extras == nil {
		rd.extras = map[string]*extra{}
	}
	e := &extra{}
	rd.extras[slug] = e
	return e
}

// ext returns the extras of t, or empty ones.
func (rd *Radar) ext(t *bearing.Technology) extra {
	if e := rd.extras[t.Slug]; e != nil {
		return *e
	}
	return extra{}
}

// defaultColors are Zalando's ring colours, by verdict.
var defaultColors = map[bearing.Verdict]string{
	bearing.VerdictAdopt: "#5ba300", bearing.VerdictTrial: "#009eb0",
	bearing.VerdictAssess: "#c7ba00", bearing.VerdictHold: "#e09b96",
}

// color returns the colour of a ring: the one read, or the default of its
// verdict.
func (rd *Radar) color(r bearing.Ring) string {
	if c := rd.colors[r.Name]; c != "" {
		return c
	}
	if c := defaultColors[r.Verdict]; c != "" {
		return c
	}
	return "#bbbbbb"
}

// setColor records the colour a file gives a ring.
func (rd *Radar) setColor(ring, color string) {
	if color == "" {
		return
	}
	if rd.colors == nil {
		rd.colors = map[string]string{}
	}
	rd.colors[strings.ToLower(strings.TrimSpace(ring))] = color
}

// ringsNamed builds rings from names (innermost first). A ring named after a
// verdict gives it; any other gives the verdict of its position, so that the
// innermost ring says adopt and the outermost hold.
func ringsNamed(names []string) []bearing.Ring {
	rings := make([]bearing.Ring, len(names))
	for i, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		v := bearing.Verdict(n)
		if !slices.Contains(bearing.Verdicts, v) {
			pos := 0
			if len(names) > 1 {
				pos = (i*(len(bearing.Verdicts)-1)*2 + len(names) - 1) / (2 * (len(names) - 1))
			}
			v = bearing.Verdicts[pos]
		}
		rings[i] = bearing.Ring{Name: n, Verdict: v}
	}
	return rings
}

// titleCase writes a ring name the way radar tools show it: "adopt" → "Adopt".
func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// day returns the calendar day of t, the grain of every date in these formats.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return bearing.DateOf(t).Time()
}

// parseDate is time.Parse for the dates of radar files, refusing years
// before 1900: the zero time means "no date" here, so a year 1 (or 0) must
// not pass for one.
func parseDate(layout, s string) (time.Time, error) {
	t, err := time.Parse(layout, s)
	if err == nil && t.Year() < 1900 {
		return time.Time{}, fmt.Errorf("%q is before 1900", s)
	}
	return t, err
}

// releaseDay is the day of the radar's latest release: its newest edition,
// or else its newest move. Zalando's moved and BYOR's status describe what
// happened on that day.
func (rd *Radar) releaseDay() time.Time {
	var latest time.Time
	for _, e := range rd.Editions {
		if e.PublishedAt.After(latest) {
			latest = e.PublishedAt
		}
	}
	if len(rd.Editions) > 0 {
		return day(latest)
	}
	for _, t := range rd.Technologies {
		for _, m := range t.Moves {
			if m.At.After(latest) {
				latest = m.At
			}
		}
	}
	return day(latest)
}

// change says what happened to t on the release day: bearing.EntryNew,
// EntryMovedIn, EntryMovedOut or EntrySame.
func (rd *Radar) change(t *bearing.Technology, release time.Time) string {
	if len(t.Moves) == 0 {
		return bearing.EntrySame
	}
	last := t.Moves[len(t.Moves)-1]
	if !day(last.At).Equal(release) {
		return bearing.EntrySame
	}
	return moveKind(&rd.Config, last)
}

// moveKind says which way a move went, by the rings' order.
func moveKind(cfg *bearing.RadarConfig, m bearing.RingMove) string {
	if m.From == "" {
		return bearing.EntryNew
	}
	from, to := cfg.RingIndex(m.From), cfg.RingIndex(m.To)
	switch {
	case from < 0 || to < 0 || from == to:
		return bearing.EntrySame
	case to < from:
		return bearing.EntryMovedIn
	}
	return bearing.EntryMovedOut
}

// movesFor turns a change kind into the history it implies: a first move for
// a new entry, a move from the neighbouring ring for one that moved. It
// returns a message when the ring has no such neighbour.
func movesFor(cfg *bearing.RadarConfig, ring, kind string, at time.Time) ([]bearing.RingMove, string) {
	i := cfg.RingIndex(ring)
	if i < 0 {
		return nil, "" // Validate reports the ring
	}
	ring = cfg.Rings[i].Name
	switch kind {
	case bearing.EntryNew:
		return []bearing.RingMove{{At: at, To: ring}}, ""
	case bearing.EntryMovedIn:
		if i+1 >= len(cfg.Rings) {
			return nil, "moved in, but " + ring + " is the outermost ring"
		}
		return []bearing.RingMove{{At: at, From: cfg.Rings[i+1].Name, To: ring}}, ""
	case bearing.EntryMovedOut:
		if i == 0 {
			return nil, "moved out, but " + ring + " is the innermost ring"
		}
		return []bearing.RingMove{{At: at, From: cfg.Rings[i-1].Name, To: ring}}, ""
	}
	return nil, ""
}

// snapshot is the radar as it stands, as an edition's entries.
func snapshot(ts []*bearing.Technology) []bearing.EditionEntry {
	out := make([]bearing.EditionEntry, len(ts))
	for i, t := range ts {
		out[i] = bearing.EditionEntry{TechnologyID: t.Slug, Slug: t.Slug, Name: t.Name, Quadrant: t.Quadrant, Ring: t.Ring}
	}
	return out
}

// uniqueIDs gives each name a slug to use as an id in formats that need one,
// numbering the second of two names with the same slug.
func uniqueIDs(names []string) []string {
	ids := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		base := bearing.Slugify(n)
		if base == "" {
			base = "x"
		}
		id := base
		for k := 2; seen[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		seen[id] = true
		ids[i] = id
	}
	return ids
}
