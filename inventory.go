package bearing

import "fmt"

// Location is where something was found in a repository: a path relative to
// the repository root with slashes, and a 1-based line and column (0 when
// the format has no lines, like a binary lock file).
type Location struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String writes path:line:column, leaving out what is unknown.
func (l Location) String() string {
	switch {
	case l.Line == 0:
		return l.Path
	case l.Column == 0:
		return fmt.Sprintf("%s:%d", l.Path, l.Line)
	}
	return fmt.Sprintf("%s:%d:%d", l.Path, l.Line, l.Column)
}

// Item is one thing a repository uses: a dependency, a base image, a CI
// action, an infrastructure provider or a language runtime. Name is
// canonical in the sense of ParseIdentifier ("pkg:npm/mongoose",
// "docker.io/library/mongo", "actions/checkout",
// "registry.terraform.io/hashicorp/aws", "golang"), so identifiers match it
// with Identifier.Matches.
type Item struct {
	Kind     IdentifierKind `json:"kind"`
	Name     string         `json:"name"`
	Version  string         `json:"version,omitempty"`
	Location Location       `json:"location"`
	Direct   bool           `json:"direct,omitempty"` // declared in a manifest rather than only locked
}

// Inventory is what `bearing check` found in a repository, sorted by
// location then name so the same tree always gives the same list.
type Inventory struct {
	Items    []Item     `json:"items"`
	Files    []string   `json:"files"`              // every file that was read, sorted
	Warnings []Location `json:"warnings,omitempty"` // files that could not be read fully
	Messages []string   `json:"-"`                  // the warnings' texts, same order
}

// Severity is how much a finding matters in CI.
type Severity string

// The severities, from the most serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityNote    Severity = "note"
)

// Finding is one place where a repository departs from the policy, with the
// reason, what to do instead, and links to the pages behind it.
type Finding struct {
	RuleID     string       `json:"rule_id"` // stable: bearing/hold/mongodb, bearing/guideline/G-12
	Severity   Severity     `json:"severity"`
	Message    string       `json:"message"`
	Help       string       `json:"help,omitempty"` // what to use or do instead
	Location   Location     `json:"location"`
	Item       *Item        `json:"item,omitempty"`
	Technology string       `json:"technology,omitempty"` // slug
	Guideline  string       `json:"guideline,omitempty"`  // key
	Decisions  []string     `json:"decisions,omitempty"`
	Links      []string     `json:"links,omitempty"`
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// Suppression says which exception turned a finding off, and until when.
type Suppression struct {
	Exception string `json:"exception"`
	ExpiresOn Date   `json:"expires_on"`
}
