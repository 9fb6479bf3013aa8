package demo

import "slices"

// The demo radar is written as entries with their history, in the
// radar_*.go files by quadrant; radar_seed.go turns them into writes.

// The default quadrants, short for the data files.
const (
	langs     = "Languages & Frameworks"
	platforms = "Platforms & Infrastructure"
	stores    = "Datastores"
	tools     = "Tools & Techniques"
)

// tech is one radar entry and its history, in days before today.
type tech struct {
	name, quadrant string
	aliases        list
	summary        string // executive summary: plain language
	description    string // Markdown: what it is and how Northwind uses it
	rationale      string // Markdown: why it stands in its ring today
	owners         list   // local parts
	decisions      list   // refs of decisions linked when the entry is created
	ids            list   // identifiers that detect it in code
	alternatives   list   // slugs of entries to use instead
	revisit        int    // days from today (negative: overdue); 0: none
	by             string // DNA member who keeps the entry; "" for the quadrant's default
	created        int    // days before today it entered the radar
	ring, reason   string // the ring it entered and why
	moves          []move
}

// move is a later change of ring; an empty ring only links the decision
// (the entry stays where it is, but the decision now speaks about it).
type move struct {
	day      int // days before today
	ring     string
	reason   string
	decision string // ref of the decision behind it, or ""
}

// editionDays are the days (before today) the DNA group published an
// edition of the radar; each edition is named after its quarter.
var editionDays = []int{995, 850, 560, 310, 60}

// radar returns every entry of the demo radar.
func radar() []*tech {
	return slices.Concat(languagesRadar, platformsRadar, datastoresRadar, toolsRadar)
}
