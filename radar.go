package bearing

import (
	"fmt"
	"slices"
	"strings"
)

// Verdict is what a ring means for a team asking "can I use it?". Rings are
// configurable, so each ring says which verdict it gives.
type Verdict string

// The verdicts, from "yes" to "no"; VerdictUnknown means nothing is decided.
const (
	VerdictAdopt   Verdict = "adopt"   // yes, preferred
	VerdictTrial   Verdict = "trial"   // yes, with care
	VerdictAssess  Verdict = "assess"  // only to evaluate
	VerdictHold    Verdict = "hold"    // no for new work
	VerdictUnknown Verdict = "unknown" // nothing decided
)

// Verdicts lists the verdicts a ring may give, most encouraging first.
var Verdicts = []Verdict{VerdictAdopt, VerdictTrial, VerdictAssess, VerdictHold}

// Meaning explains a verdict in a few words, for answers and legends.
func (v Verdict) Meaning() string {
	switch v {
	case VerdictAdopt:
		return "Yes — preferred."
	case VerdictTrial:
		return "Yes, with care: proven here in a few places, watch the risks."
	case VerdictAssess:
		return "Only to evaluate, not for production work."
	case VerdictHold:
		return "No for new work; existing use should plan to move off it."
	}
	return "Nothing has been decided."
}

// Ring is one ring of the radar.
type Ring struct {
	Name        string  `json:"name"`
	Verdict     Verdict `json:"verdict"`
	Description string  `json:"description,omitempty"`
}

// Quadrant is one sector of the radar.
type Quadrant struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// RadarConfig holds the rings (innermost first) and quadrants of an
// organisation's radar: any number of each, unlike the four fixed quadrants
// of most radar tools.
type RadarConfig struct {
	Rings     []Ring     `json:"rings"`
	Quadrants []Quadrant `json:"quadrants"`
}

// DefaultRadarConfig is the classic radar: four rings, four quadrants.
func DefaultRadarConfig() RadarConfig {
	return RadarConfig{
		Rings: []Ring{
			{Name: "adopt", Verdict: VerdictAdopt, Description: "Proven here; the default choice."},
			{Name: "trial", Verdict: VerdictTrial, Description: "Worth pursuing on projects that can handle the risk."},
			{Name: "assess", Verdict: VerdictAssess, Description: "Worth exploring, not for production yet."},
			{Name: "hold", Verdict: VerdictHold, Description: "Do not start anything new with it."},
		},
		Quadrants: []Quadrant{
			{Name: "Languages & Frameworks"},
			{Name: "Platforms & Infrastructure"},
			{Name: "Datastores"},
			{Name: "Tools & Techniques"},
		},
	}
}

// Validate checks that names are present and unique and every ring gives a
// known verdict.
func (c *RadarConfig) Validate() error {
	var p Problems
	if len(c.Rings) == 0 || len(c.Rings) > 12 {
		p.Add("rings", "must have 1 to 12 rings")
	}
	if len(c.Quadrants) == 0 || len(c.Quadrants) > 16 {
		p.Add("quadrants", "must have 1 to 16 quadrants")
	}
	seen := map[string]bool{}
	for i := range c.Rings {
		r := &c.Rings[i]
		r.Name = strings.ToLower(strings.TrimSpace(r.Name))
		field := fmt.Sprintf("rings[%d]", i)
		if r.Name == "" || seen["r"+r.Name] {
			p.Add(field+".name", "%q is empty or used twice", r.Name)
		}
		seen["r"+r.Name] = true
		if !slices.Contains(Verdicts, r.Verdict) {
			p.Add(field+".verdict", "%q is not a verdict; use adopt, trial, assess or hold", r.Verdict)
		}
	}
	for i := range c.Quadrants {
		q := &c.Quadrants[i]
		q.Name = strings.TrimSpace(q.Name)
		if q.Name == "" || seen["q"+strings.ToLower(q.Name)] {
			p.Add(fmt.Sprintf("quadrants[%d].name", i), "%q is empty or used twice", q.Name)
		}
		seen["q"+strings.ToLower(q.Name)] = true
	}
	return p.Err()
}

// Ring returns the ring with the given name (case-insensitive).
func (c *RadarConfig) Ring(name string) (Ring, bool) {
	for _, r := range c.Rings {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return Ring{}, false
}

// RingIndex returns the position of a ring, innermost 0, or -1.
func (c *RadarConfig) RingIndex(name string) int {
	return slices.IndexFunc(c.Rings, func(r Ring) bool { return strings.EqualFold(r.Name, name) })
}

// Quadrant returns the canonical name of a quadrant (case-insensitive).
func (c *RadarConfig) Quadrant(name string) (string, bool) {
	for _, q := range c.Quadrants {
		if strings.EqualFold(q.Name, strings.TrimSpace(name)) {
			return q.Name, true
		}
	}
	return "", false
}

// RingNames lists the ring names, for messages.
func (c *RadarConfig) RingNames() string {
	names := make([]string, len(c.Rings))
	for i, r := range c.Rings {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

// QuadrantNames lists the quadrant names, for messages.
func (c *RadarConfig) QuadrantNames() string {
	names := make([]string, len(c.Quadrants))
	for i, q := range c.Quadrants {
		names[i] = q.Name
	}
	return strings.Join(names, ", ")
}
