package adr

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// Problem is what is wrong with one ADR file, pointing at the line to fix so
// that whoever migrates a decision log can go straight to it in an editor.
// Line is 0 when the problem concerns the whole file.
type Problem struct {
	Path    string
	Line    int
	Message string
}

// Error formats the problem the way compilers do ("path:line: message"), which
// editors and CI logs turn into links.
func (p Problem) Error() string {
	if p.Line > 0 {
		return p.Path + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	}
	return p.Path + ": " + p.Message
}

// problems collects every problem of one file; the first (by line, those
// about the whole file last) is reported with a count of the rest, so one
// run shows where to start.
type problems []Problem

func (ps *problems) add(path string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	sorted := slices.Clone(ps)
	order := func(p Problem) int {
		if p.Line == 0 {
			return math.MaxInt
		}
		return p.Line
	}
	slices.SortStableFunc(sorted, func(a, b Problem) int { return cmp.Compare(order(a), order(b)) })
	first := sorted[0]
	if n := len(sorted) - 1; n == 1 {
		first.Message += " (and 1 more problem)"
	} else if n > 1 {
		first.Message += fmt.Sprintf(" (and %d more problems)", n)
	}
	return first
}

// statusWords maps the words ADR tools write for a status to Bearing's
// statuses. adr-tools spells "superseded" as "superceded"; both are read.
var statusWords = map[string]bearing.Status{
	"draft":      bearing.StatusDraft,
	"proposed":   bearing.StatusProposed,
	"accepted":   bearing.StatusAccepted,
	"rejected":   bearing.StatusRejected,
	"deprecated": bearing.StatusDeprecated,
	"superseded": bearing.StatusSuperseded,
	"superceded": bearing.StatusSuperseded,
	"withdrawn":  bearing.StatusWithdrawn,
}

// allowedStatuses names the statuses for messages, in lifecycle order.
func allowedStatuses() string {
	parts := make([]string, len(bearing.Statuses))
	for i, s := range bearing.Statuses {
		parts[i] = string(s)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// unknownStatus is the message for a status that is not one of ours: it names
// what was found and what is allowed, because guessing would be worse.
func unknownStatus(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return fmt.Sprintf("unknown status %q; use one of %s", s, allowedStatuses())
}
