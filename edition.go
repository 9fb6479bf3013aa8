package bearing

import (
	"sort"
	"time"
)

// Edition is a published, dated snapshot of the radar, so readers can see
// what is new and what moved since the last one.
type Edition struct {
	ID          int64          `json:"id"`
	Name        string         `json:"name"`
	PublishedAt time.Time      `json:"published_at"`
	Entries     []EditionEntry `json:"entries,omitempty"`
}

// EditionEntry is one technology as it stood in an edition.
type EditionEntry struct {
	TechnologyID string `json:"technology_id"`
	Slug         string `json:"slug"`
	Name         string `json:"name"`
	Quadrant     string `json:"quadrant"`
	Ring         string `json:"ring"`
}

// Change kinds between two editions.
const (
	EntryNew      = "new"       // not in the older edition
	EntryMovedIn  = "moved in"  // towards the centre (towards adopt)
	EntryMovedOut = "moved out" // away from the centre (towards hold)
	EntryRemoved  = "removed"   // not in the newer edition
	EntrySame     = ""          // unchanged
)

// EntryChange says how one technology changed between two editions.
type EntryChange struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
	Kind string `json:"change"`
	From string `json:"from,omitempty"` // ring
	To   string `json:"to,omitempty"`   // ring
}

// CompareEditions lists how every technology changed from older to newer,
// using the rings' order in cfg (innermost first) to tell in from out.
// Unchanged entries are included with Kind EntrySame; the list is sorted by
// name for stable output.
func CompareEditions(cfg *RadarConfig, older, newer *Edition) []EntryChange {
	before := map[string]EditionEntry{}
	if older != nil {
		for _, e := range older.Entries {
			before[e.TechnologyID] = e
		}
	}
	var out []EntryChange
	for _, e := range newer.Entries {
		c := EntryChange{Slug: e.Slug, Name: e.Name, To: e.Ring}
		prev, ok := before[e.TechnologyID]
		delete(before, e.TechnologyID)
		switch {
		case !ok:
			c.Kind = EntryNew
		case prev.Ring == e.Ring:
			c.From = prev.Ring
		default:
			c.From = prev.Ring
			c.Kind = EntryMovedOut
			if cfg.RingIndex(e.Ring) < cfg.RingIndex(prev.Ring) {
				c.Kind = EntryMovedIn
			}
		}
		out = append(out, c)
	}
	for _, e := range before {
		out = append(out, EntryChange{Slug: e.Slug, Name: e.Name, Kind: EntryRemoved, From: e.Ring})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
