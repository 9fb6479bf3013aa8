package radarfmt

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// backstageFile is the data @backstage-community/plugin-tech-radar loads
// (TechRadarLoaderResponse), with an optional title.
type backstageFile struct {
	Title     string              `json:"title,omitempty"`
	Quadrants []backstageQuadrant `json:"quadrants"`
	Rings     []backstageRing     `json:"rings"`
	Entries   []backstageEntry    `json:"entries"`
}

type backstageQuadrant struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type backstageRing struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Color       string `json:"color"`
	Description string `json:"description,omitempty"`
}

type backstageEntry struct {
	ID          string              `json:"id"`
	Key         string              `json:"key"`
	Title       string              `json:"title"`
	Quadrant    string              `json:"quadrant"`
	Description string              `json:"description,omitempty"`
	URL         string              `json:"url,omitempty"`
	Links       []link              `json:"links,omitempty"`
	Timeline    []backstageSnapshot `json:"timeline"`
}

// backstageSnapshot is one step of an entry's timeline; moved (-1 down, 0,
// 1 up) is recomputed from the rings when writing and ignored when reading.
type backstageSnapshot struct {
	Moved       int    `json:"moved"`
	RingID      string `json:"ringId"`
	Date        string `json:"date"`
	Description string `json:"description,omitempty"`
}

// backstageMoved is the plugin's MovedState for a change kind.
var backstageMoved = map[string]int{bearing.EntryMovedIn: 1, bearing.EntryMovedOut: -1}

// ReadBackstage reads the JSON of Backstage's tech-radar plugin, so that a
// radar shown in Backstage can be imported with its whole history: every
// timeline step is a move, its description the move's reason.
func ReadBackstage(r io.Reader) (*Radar, error) {
	var f backstageFile
	data, err := decodeJSON(r, &f)
	if err != nil {
		return nil, err
	}
	var ps problems
	b := newBackstageRead(&f, &ps)
	if len(ps) > 0 {
		return nil, ps.err()
	}
	lines := elementLines(data, "entries")
	seen := duplicates{}
	for i, e := range f.Entries {
		b.prefix, b.line = fmt.Sprintf("entries[%d] %q: ", i, short(e.Title)), lineAt(lines, i)
		t := b.entry(e)
		if t == nil || !seen.check(&ps, "", b.line, b.prefix, t) {
			continue
		}
		b.rd.Technologies = append(b.rd.Technologies, t)
		if e.URL != "" || len(e.Links) > 0 {
			x := b.rd.extraOf(t.Slug, true)
			x.URL, x.Links = e.URL, e.Links
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return b.rd, nil
}

// backstageRead reads the entries of one file, naming the entry and its
// line in every problem.
type backstageRead struct {
	rd                   *Radar
	ps                   *problems
	rings, quadrants     map[string]string // id → name
	ringIDs, quadrantIDs string            // for messages
	prefix               string
	line                 int
}

// newBackstageRead takes the rings and quadrants from the file.
func newBackstageRead(f *backstageFile, ps *problems) *backstageRead {
	b := &backstageRead{rd: &Radar{Title: f.Title}, ps: ps, rings: map[string]string{}, quadrants: map[string]string{}}
	var names, ids []string
	for _, r := range f.Rings {
		names, ids = append(names, r.Name), append(ids, r.ID)
		b.rings[r.ID] = strings.ToLower(strings.TrimSpace(r.Name))
		b.rd.setColor(r.Name, r.Color)
	}
	b.ringIDs = nameList(ids)
	b.rd.Config.Rings = ringsNamed(names)
	for i, r := range f.Rings {
		b.rd.Config.Rings[i].Description = r.Description
	}
	ids = nil
	for _, q := range f.Quadrants {
		b.rd.Config.Quadrants = append(b.rd.Config.Quadrants, bearing.Quadrant{Name: q.Name})
		b.quadrants[q.ID] = strings.TrimSpace(q.Name)
		ids = append(ids, q.ID)
	}
	b.quadrantIDs = nameList(ids)
	ps.validateConfig(&b.rd.Config, "", 0)
	return b
}

// entry turns one entry into a technology, or reports why it cannot.
func (b *backstageRead) entry(e backstageEntry) *bearing.Technology {
	q, ok := b.quadrants[e.Quadrant]
	if !ok {
		b.ps.add("", b.line, "%squadrant %q is not a quadrant id; use %s", b.prefix, short(e.Quadrant), b.quadrantIDs)
		return nil
	}
	if len(e.Timeline) == 0 {
		b.ps.add("", b.line, "%sthe timeline is empty; the entry's ring comes from its latest step", b.prefix)
		return nil
	}
	t := &bearing.Technology{Name: e.Title, Quadrant: q, Description: e.Description}
	// The plugin reads the timeline newest first; keep that order for
	// steps of the same day, and sort by date otherwise.
	steps := slices.Clone(e.Timeline)
	slices.Reverse(steps)
	ats := make([]time.Time, len(steps))
	for i, s := range steps {
		ats[i] = b.date(s.Date)
	}
	order := make([]int, len(steps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return ats[i].Compare(ats[j]) })
	for _, i := range order {
		ring, ok := b.rings[steps[i].RingID]
		if !ok {
			b.ps.add("", b.line, "%sringId %q is not a ring id; use %s", b.prefix, short(steps[i].RingID), b.ringIDs)
			return nil
		}
		from := ""
		if n := len(t.Moves); n > 0 {
			from = t.Moves[n-1].To
		}
		t.Moves = append(t.Moves, bearing.RingMove{At: ats[i], From: from, To: ring, Reason: steps[i].Description})
	}
	t.Ring = t.Moves[len(t.Moves)-1].To
	b.ps.validate(t, &b.rd.Config, b.prefix, atLine(b.line))
	return t
}

// date reads a timeline date: "2024-03-01", or a time as JavaScript's Date
// parses it from the formats people write in practice.
func (b *backstageRead) date(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{bearing.DateLayout, time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := parseDate(layout, s); err == nil {
			return t.UTC()
		}
	}
	if s != "" {
		b.ps.add("", b.line, "%sdate %q is not a date; write it as YYYY-MM-DD", b.prefix, short(s))
	}
	return time.Time{}
}

// WriteBackstage writes the JSON of Backstage's tech-radar plugin, so that a
// radar kept in Bearing shows in Backstage with its history: the timeline
// lists the moves newest first, as the plugin reads it, dated YYYY-MM-DD (or
// a full RFC 3339 time when a move has a time of day). Ids are slugs of the
// names.
func WriteBackstage(w io.Writer, rd *Radar) error {
	f := backstageFile{Title: rd.Title, Quadrants: []backstageQuadrant{}, Rings: []backstageRing{}, Entries: []backstageEntry{}}
	var names []string
	for _, q := range rd.Config.Quadrants {
		names = append(names, q.Name)
	}
	quadrantIDs := map[string]string{}
	for i, id := range uniqueIDs(names) {
		f.Quadrants = append(f.Quadrants, backstageQuadrant{ID: id, Name: names[i]})
		quadrantIDs[strings.ToLower(names[i])] = id
	}
	names = names[:0]
	for _, r := range rd.Config.Rings {
		names = append(names, r.Name)
	}
	ringIDs := map[string]string{}
	for i, id := range uniqueIDs(names) {
		r := rd.Config.Rings[i]
		f.Rings = append(f.Rings, backstageRing{ID: id, Name: display(r.Name, titleCase), Color: rd.color(r), Description: r.Description})
		ringIDs[r.Name] = id
	}
	release := rd.releaseDay()
	for _, t := range rd.Technologies {
		if _, _, err := rd.place(t); err != nil {
			return err
		}
		x := rd.ext(t)
		f.Entries = append(f.Entries, backstageEntry{ID: t.Slug, Key: t.Slug, Title: t.Name,
			Quadrant: quadrantIDs[strings.ToLower(t.Quadrant)], Description: t.Description, URL: x.URL, Links: x.Links,
			Timeline: rd.timeline(t, ringIDs, release)})
	}
	return writeJSON(w, f)
}

// timeline lists t's moves newest first, leaving out moves to rings the
// radar no longer has. A technology whose history does not
// end in its ring gets one more step, dated the radar's latest date, because
// the plugin takes the ring from the newest step.
func (rd *Radar) timeline(t *bearing.Technology, ringIDs map[string]string, release time.Time) []backstageSnapshot {
	moves := t.Moves
	if n := len(moves); n == 0 || !strings.EqualFold(moves[n-1].To, t.Ring) {
		from := ""
		if n > 0 {
			from = moves[n-1].To
		}
		moves = append(slices.Clone(moves), bearing.RingMove{At: release, From: from, To: t.Ring})
	}
	var out []backstageSnapshot
	for _, m := range slices.Backward(moves) {
		id, ok := ringIDs[strings.ToLower(m.To)]
		if !ok {
			continue // a ring the radar no longer has
		}
		out = append(out, backstageSnapshot{Moved: backstageMoved[moveKind(&rd.Config, m)], RingID: id, Date: backstageDate(m.At), Description: m.Reason})
	}
	return out
}

// backstageDate writes a move's time as a day, the way timelines are
// written, unless it has a time of day worth keeping.
func backstageDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Equal(day(t)):
		return t.UTC().Format(bearing.DateLayout)
	}
	return t.UTC().Format(time.RFC3339Nano)
}
