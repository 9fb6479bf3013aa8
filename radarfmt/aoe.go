package radarfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// aoeConfig is the part of an AOE radar's config.json that describes the
// radar rather than the site: its title, quadrants and rings.
type aoeConfig struct {
	Labels    *aoeLabels   `json:"labels,omitempty"`
	Quadrants []aoeSection `json:"quadrants"`
	Rings     []aoeSection `json:"rings"`
}

type aoeLabels struct {
	Title string `json:"title"`
}

// aoeSection is a quadrant or a ring: files name it by id.
type aoeSection struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Color       string `json:"color,omitempty"`
}

// maxFileSize bounds what ReadAOE reads of one file.
const maxFileSize = 1 << 20

// ReadAOE reads an AOE technology radar, so that a radar published with
// AOE's generator can be imported with its releases: fsys is rooted at the
// folder that contains radar/ (and, optionally, config.json). Every dated
// folder is a release and an edition; an item's files across releases are
// its history, later files setting only what changes.
func ReadAOE(fsys fs.FS) (*Radar, error) {
	var ps problems
	b := &aoeBuild{rd: &Radar{}, ps: &ps, items: map[string]*aoeItem{}, quadrants: map[string]string{}, rings: map[string]string{}}
	b.config(fsys)
	if len(ps) > 0 {
		return nil, ps.err()
	}
	releases, err := fs.ReadDir(fsys, "radar")
	if err != nil {
		return nil, Problem{Path: "radar", Message: "cannot read the radar folder; ReadAOE wants the folder that contains radar/YYYY-MM-DD/"}
	}
	for _, rel := range releases {
		if !rel.IsDir() || strings.HasPrefix(rel.Name(), ".") {
			continue
		}
		dir := "radar/" + rel.Name()
		at, err := parseDate(bearing.DateLayout, rel.Name())
		if err != nil {
			ps.add(dir, 0, "a release folder is named by its date, YYYY-MM-DD")
			continue
		}
		b.release(fsys, dir, at)
		b.rd.Editions = append(b.rd.Editions, &bearing.Edition{Name: rel.Name(), PublishedAt: at, Entries: b.snapshot()})
	}
	b.finish()
	if err := ps.err(); err != nil {
		return nil, err
	}
	return b.rd, nil
}

// aoeBuild gathers the radar release by release.
type aoeBuild struct {
	rd          *Radar
	ps          *problems
	configured  bool              // config.json gave the quadrants
	configPath  string            // "config.json" if it gave quadrants or rings
	quadrantIDs []string          // as config.json lists them
	quadrants   map[string]string // id (lower case) → quadrant name
	rings       map[string]string // id (lower case) → ring name
	items       map[string]*aoeItem
	order       []*aoeItem
}

// aoeItem is one item as it stands after the releases read so far, with
// where each field was last set, for problems.
type aoeItem struct {
	t     *bearing.Technology
	x     extra
	where map[string]Problem // field → path and line
}

// config reads config.json, if there is one; without it the rings are the
// classic four and the quadrants those the files use.
func (b *aoeBuild) config(fsys fs.FS) {
	c, ok := readAOEConfig(fsys, b.ps)
	if !ok {
		return
	}
	cfg := &b.rd.Config
	if c.Labels != nil {
		b.rd.Title = c.Labels.Title
	}
	for _, q := range c.Quadrants {
		cfg.Quadrants = append(cfg.Quadrants, bearing.Quadrant{Name: cmpOr(q.Title, q.ID), Description: q.Description})
		b.quadrants[strings.ToLower(q.ID)] = strings.TrimSpace(cmpOr(q.Title, q.ID))
		b.quadrantIDs = append(b.quadrantIDs, q.ID)
	}
	b.configured = len(c.Quadrants) > 0
	if b.configured || len(c.Rings) > 0 {
		b.configPath = "config.json"
	}
	if len(c.Rings) == 0 {
		cfg.Rings = bearing.DefaultRadarConfig().Rings
		for _, r := range cfg.Rings {
			b.rings[r.Name] = r.Name
		}
		return
	}
	var names []string
	for _, r := range c.Rings {
		names = append(names, cmpOr(r.Title, r.ID))
		b.rd.setColor(cmpOr(r.Title, r.ID), r.Color)
	}
	cfg.Rings = ringsNamed(names)
	for i, r := range c.Rings {
		cfg.Rings[i].Description = r.Description
		b.rings[strings.ToLower(r.ID)] = cfg.Rings[i].Name
	}
	if b.configured {
		b.ps.validateConfig(cfg, b.configPath, 0)
	}
}

// readAOEConfig reads config.json; a radar without one has an empty config.
func readAOEConfig(fsys fs.FS, ps *problems) (aoeConfig, bool) {
	var c aoeConfig
	info, err := fs.Stat(fsys, "config.json")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c, true
	case err == nil && info.Size() > maxFileSize:
		ps.add("config.json", 0, "the file is larger than %d KiB", maxFileSize>>10)
		return c, false
	}
	data, err := fs.ReadFile(fsys, "config.json")
	if err != nil {
		ps.add("config.json", 0, "cannot read: %v", err)
		return c, false
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\ufeff")), &c); err != nil {
		p := jsonProblem(data, err)
		p.Path = "config.json"
		*ps = append(*ps, p)
		return c, false
	}
	return c, true
}

// cmpOr returns a, or b when a is empty or blank.
func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// release reads the item files of one release folder, in any sub-folder
// (early AOE radars kept one per quadrant).
func (b *aoeBuild) release(fsys fs.FS, dir string, at time.Time) {
	here := map[string]string{} // id → path, to catch an item given twice
	fs.WalkDir(fsys, dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			b.ps.add(p, 0, "cannot read: %v", err)
			return nil
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") && p != dir {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.IsDir() || !strings.HasSuffix(name, ".md") {
			return nil
		}
		id := strings.TrimSuffix(name, ".md")
		if first, dup := here[id]; dup {
			b.ps.add(p, 0, "the item %q is already in this release, in %s", id, first)
			return nil
		}
		here[id] = p
		if info, err := e.Info(); err == nil && info.Size() > maxFileSize {
			b.ps.add(p, 0, "the file is larger than %d KiB", maxFileSize>>10)
			return nil
		}
		content, err := fs.ReadFile(fsys, p)
		if err != nil {
			b.ps.add(p, 0, "cannot read: %v", err)
			return nil
		}
		if f := parseAOEFile(p, content, b.ps); f != nil {
			f.id = id
			b.file(f, at)
		}
		return nil
	})
}

// file merges one file into its item: the fields it sets replace the
// earlier ones, and it adds a step to the item's history.
func (b *aoeBuild) file(f *aoeFile, at time.Time) {
	it := b.items[f.id]
	if it == nil {
		for _, key := range []string{"title", "ring", "quadrant"} {
			if _, ok := f.values[key]; !ok {
				b.ps.add(f.path, 1, "the first release of an item needs title, ring and quadrant; %s is missing", key)
				return
			}
		}
		it = &aoeItem{t: &bearing.Technology{}, where: map[string]Problem{}}
		b.items[f.id] = it
		b.order = append(b.order, it)
	}
	t, from := it.t, it.t.Ring
	if v, ok := f.values["title"]; ok {
		t.Name, it.where["name"] = v, Problem{Path: f.path, Line: f.lines["title"]}
	}
	if v, ok := f.values["quadrant"]; ok {
		t.Quadrant, it.where["quadrant"] = b.quadrant(f, v), Problem{Path: f.path, Line: f.lines["quadrant"]}
	}
	if v, ok := f.values["ring"]; ok {
		t.Ring, it.where["ring"] = b.ring(f, v), Problem{Path: f.path, Line: f.lines["ring"]}
	}
	if f.hasTags {
		it.x.Tags = f.tags
	}
	if f.featured != nil {
		it.x.Faded = !*f.featured
	}
	if f.body != "" {
		t.Description, it.where["description"] = f.body, Problem{Path: f.path, Line: f.bodyLine}
	}
	t.Moves = append(t.Moves, bearing.RingMove{At: at, From: from, To: t.Ring, Reason: f.body})
}

// quadrant maps a file's quadrant to its name: by id when config.json names
// the quadrants, and as written otherwise, adding it at its first use.
func (b *aoeBuild) quadrant(f *aoeFile, v string) string {
	if name, ok := b.quadrants[strings.ToLower(strings.TrimSpace(v))]; ok {
		return name
	}
	if !b.configured && strings.TrimSpace(v) != "" {
		name := strings.TrimSpace(v)
		b.rd.Config.Quadrants = append(b.rd.Config.Quadrants, bearing.Quadrant{Name: name})
		b.quadrants[strings.ToLower(name)] = name
		return name
	}
	b.ps.add(f.path, f.lines["quadrant"], "quadrant %q is not a quadrant id; use %s", short(v), nameList(b.quadrantIDs))
	return v
}

// ring maps a file's ring id to the ring's name.
func (b *aoeBuild) ring(f *aoeFile, v string) string {
	if name, ok := b.rings[strings.ToLower(strings.TrimSpace(v))]; ok {
		return name
	}
	var ids []string
	for id := range b.rings {
		ids = append(ids, id)
	}
	b.ps.add(f.path, f.lines["ring"], "ring %q is not a ring id; use %s", short(v), nameList(sortedBy(ids, b.rings, &b.rd.Config)))
	return v
}

// sortedBy orders ring ids as the rings stand, innermost first.
func sortedBy(ids []string, rings map[string]string, cfg *bearing.RadarConfig) []string {
	out := make([]string, 0, len(ids))
	for _, r := range cfg.Rings {
		for _, id := range ids {
			if rings[id] == r.Name {
				out = append(out, id)
			}
		}
	}
	return out
}

// snapshot is the radar as it stands after a release.
func (b *aoeBuild) snapshot() []bearing.EditionEntry {
	out := make([]bearing.EditionEntry, 0, len(b.order))
	for _, it := range b.order {
		slug := bearing.Slugify(it.t.Name)
		q, _ := b.rd.Config.Quadrant(it.t.Quadrant)
		out = append(out, bearing.EditionEntry{TechnologyID: slug, Slug: slug, Name: strings.TrimSpace(it.t.Name),
			Quadrant: q, Ring: strings.ToLower(strings.TrimSpace(it.t.Ring))})
	}
	return out
}

// finish validates every item against the radar's configuration, reporting
// a field at the file and line that last set it.
func (b *aoeBuild) finish() {
	if !b.configured && len(b.rd.Config.Quadrants) > 0 {
		b.ps.validateConfig(&b.rd.Config, cmpOr(b.configPath, "radar"), 0)
	}
	seen := map[string]string{}
	for _, it := range b.order {
		at := func(field string) (string, int) {
			w, ok := it.where[field]
			if !ok {
				w = it.where["name"]
			}
			return w.Path, w.Line
		}
		b.ps.validate(it.t, &b.rd.Config, "", at)
		if it.t.Slug == "" {
			continue
		}
		if first, dup := seen[it.t.Slug]; dup {
			path, line := at("name")
			b.ps.add(path, line, "%q is also the title of %s; two items cannot share a name", it.t.Name, first)
			continue
		}
		seen[it.t.Slug] = it.where["name"].Path
		b.rd.Technologies = append(b.rd.Technologies, it.t)
		if it.x.Faded || len(it.x.Tags) > 0 {
			*b.rd.extraOf(it.t.Slug, true) = it.x
		}
	}
}
