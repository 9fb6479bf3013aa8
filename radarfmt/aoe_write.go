package radarfmt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
	"go.yaml.in/yaml/v3"
)

// aoeFront is the front matter WriteAOE writes, in AOE's order.
type aoeFront struct {
	Title    string   `yaml:"title"`
	Ring     string   `yaml:"ring"`
	Quadrant string   `yaml:"quadrant"`
	Tags     []string `yaml:"tags,omitempty,flow"`
	Featured *bool    `yaml:"featured,omitempty"`
}

// aoeStep is one file WriteAOE writes for an item: its ring and body.
type aoeStep struct{ ring, body string }

// WriteAOE writes the radar as an AOE technology radar under dir, so that a
// radar kept in Bearing can be published with AOE's generator:
// dir/radar/YYYY-MM-DD/<slug>.md for every move of every technology (the
// move's reason its body, the description the body of the newest), a
// folder for every edition, and dir/config.json with the title, quadrants
// and rings. A technology without moves goes in the latest release. dir
// should be empty: files already there are left alone.
func WriteAOE(dir string, rd *Radar) error {
	files, err := rd.aoeFiles()
	if err != nil {
		return err
	}
	var conf bytes.Buffer
	if err := writeJSON(&conf, rd.aoeConfig()); err != nil {
		return err
	}
	files["config.json"] = conf.Bytes()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// aoeConfig describes the radar for config.json: quadrants and rings by the
// ids the files use.
func (rd *Radar) aoeConfig() aoeConfig {
	c := aoeConfig{Quadrants: []aoeSection{}, Rings: []aoeSection{}}
	if rd.Title != "" {
		c.Labels = &aoeLabels{Title: rd.Title}
	}
	qids, rids := rd.aoeIDs()
	for _, q := range rd.Config.Quadrants {
		c.Quadrants = append(c.Quadrants, aoeSection{ID: qids[strings.ToLower(q.Name)], Title: q.Name, Description: q.Description})
	}
	for _, r := range rd.Config.Rings {
		c.Rings = append(c.Rings, aoeSection{ID: rids[r.Name], Title: display(r.Name, titleCase), Description: r.Description, Color: rd.color(r)})
	}
	return c
}

// aoeIDs gives quadrants (by lower-case name) and rings (by name) the ids
// files name them by.
func (rd *Radar) aoeIDs() (quadrants, rings map[string]string) {
	quadrants, rings = map[string]string{}, map[string]string{}
	var names []string
	for _, q := range rd.Config.Quadrants {
		names = append(names, q.Name)
	}
	for i, id := range uniqueIDs(names) {
		quadrants[strings.ToLower(names[i])] = id
	}
	names = names[:0]
	for _, r := range rd.Config.Rings {
		names = append(names, r.Name)
	}
	for i, id := range uniqueIDs(names) {
		rings[names[i]] = id
	}
	return quadrants, rings
}

// aoeFiles lays the radar out as files, by slash-separated path.
func (rd *Radar) aoeFiles() (map[string][]byte, error) {
	releases, latest := rd.releaseDays()
	files := map[string][]byte{}
	used := map[time.Time]bool{}
	qids, rids := rd.aoeIDs()
	for _, t := range rd.Technologies {
		if _, _, err := rd.place(t); err != nil {
			return nil, err
		}
		steps, err := rd.aoeSteps(t, latest)
		if err != nil {
			return nil, err
		}
		slug := cmpOr(t.Slug, bearing.Slugify(t.Name))
		x := rd.ext(t)
		front := aoeFront{Title: t.Name, Quadrant: qids[strings.ToLower(t.Quadrant)], Tags: x.Tags}
		if x.Faded {
			front.Featured = new(bool)
		}
		for d, s := range steps {
			front.Ring = rids[strings.ToLower(s.ring)]
			files[aoeDir(d)+"/"+slug+".md"] = aoeContent(front, s.body)
			used[d] = true
		}
	}
	for d := range releases {
		if !used[d] {
			files[aoeDir(d)+"/.gitkeep"] = nil // an edition in which nothing changed
		}
	}
	return files, nil
}

// releaseDays lists the days of the radar's releases, its editions' and its
// moves', and the latest of them.
func (rd *Radar) releaseDays() (map[time.Time]bool, time.Time) {
	releases := map[time.Time]bool{}
	for _, e := range rd.Editions {
		at := e.PublishedAt
		if at.IsZero() {
			at = looseDate(e.Name)
		}
		if !at.IsZero() {
			releases[day(at)] = true
		}
	}
	for _, t := range rd.Technologies {
		for _, m := range t.Moves {
			if !m.At.IsZero() {
				releases[day(m.At)] = true
			}
		}
	}
	var latest time.Time
	for d := range releases {
		if d.After(latest) {
			latest = d
		}
	}
	return releases, latest
}

func aoeDir(d time.Time) string { return "radar/" + d.Format(bearing.DateLayout) }

// aoeSteps gives the files of one technology by release day: one per move
// (a later move of the same day wins), and one more in the latest release
// when the history does not end in the technology's ring. The newest file
// carries the description, unless reading the files back gives it anyway.
func (rd *Radar) aoeSteps(t *bearing.Technology, latest time.Time) (map[time.Time]aoeStep, error) {
	steps := map[time.Time]aoeStep{}
	var last time.Time
	for _, m := range t.Moves {
		if rd.Config.RingIndex(m.To) < 0 {
			continue // a ring the radar no longer has
		}
		d := day(m.At)
		if d.IsZero() {
			d = latest
		}
		if d.IsZero() {
			return nil, Problem{Message: fmt.Sprintf("%q has a move without a date; AOE files every item under a release date, so give the radar an edition", t.Name)}
		}
		steps[d] = aoeStep{ring: m.To, body: m.Reason}
		last = d
	}
	if len(steps) == 0 || !strings.EqualFold(steps[last].ring, t.Ring) {
		if latest.IsZero() {
			return nil, Problem{Message: fmt.Sprintf("%q has no date; AOE files every item under a release date, so give the radar an edition", t.Name)}
		}
		steps[latest] = aoeStep{ring: t.Ring, body: steps[latest].body}
		last = latest
	}
	days := make([]time.Time, 0, len(steps))
	for d := range steps {
		days = append(days, d)
	}
	slices.SortFunc(days, time.Time.Compare)
	described := ""
	for _, d := range days {
		if b := steps[d].body; b != "" {
			described = b
		}
	}
	if described != t.Description && t.Description != "" {
		s := steps[last]
		s.body = t.Description
		steps[last] = s
	}
	return steps, nil
}

// aoeContent writes one item file: front matter, a blank line, the body.
func aoeContent(front aoeFront, body string) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(front); err != nil {
		panic(err) // a struct of strings always encodes
	}
	enc.Close()
	b.WriteString("---\n")
	if body != "" {
		b.WriteString("\n" + body + "\n")
	}
	return b.Bytes()
}
