package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
)

// TextOptions shape the report for people.
type TextOptions struct {
	Color          bool // ANSI colours, for a terminal; never in files or CI logs that do not render them
	ShowUnknown    bool // list the items no technology matched
	ShowSuppressed bool // list the findings exceptions allow
}

// ANSI escape codes; styles are applied only when TextOptions.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// painter applies a style when colour is on.
type painter bool

func (p painter) paint(style, s string) string {
	if !p || s == "" {
		return s
	}
	return style + s + ansiReset
}

func (p painter) severity(s bearing.Severity) string {
	switch s {
	case bearing.SeverityError:
		return p.paint(ansiBold+ansiRed, string(s))
	case bearing.SeverityWarning:
		return p.paint(ansiBold+ansiYellow, string(s))
	}
	return p.paint(ansiBold+ansiCyan, string(s))
}

// Text writes the report for a terminal or a CI log. Findings are grouped by
// rule, so a technology used in twenty places is explained once:
//
//	error bearing/hold/mongodb
//	  MongoDB is on hold: Operating MongoDB well needs skills we do not have.
//	  instead: Use PostgreSQL or Amazon Aurora PostgreSQL.
//	  see: https://bearing.example/radar/mongodb https://bearing.example/decisions/DEC-3
//	    docker-compose.yml:2:5  docker.io/library/mongo@5.0
//	    package.json:9:5        pkg:npm/mongoose@6.0.0
//
// then, on request, the suppressed findings and the unknown items, and last
// a summary line: "3 errors, 1 warning, 2 suppressed by exceptions; 412
// items in 37 files".
func Text(w io.Writer, r *check.Result, inv *bearing.Inventory, opt TextOptions) error {
	var b strings.Builder
	p := painter(opt.Color)
	act, sup := active(r.Findings)
	for _, g := range groupFindings(r, act) {
		writeGroup(&b, p, g)
	}
	if opt.ShowSuppressed && len(sup) > 0 {
		writeSuppressed(&b, p, sup)
	}
	if opt.ShowUnknown && len(r.Unknown) > 0 {
		writeUnknown(&b, p, r.Unknown)
	}
	writeSummary(&b, p, r, inv)
	if !opt.ShowUnknown && len(r.Unknown) > 0 {
		fmt.Fprintf(&b, "%s\n", p.paint(ansiDim, fmt.Sprintf("%s not on the radar; --show-unknown lists them", plural(len(r.Unknown), "item"))))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeGroup(b *strings.Builder, p painter, g *group) {
	f := g.findings[0]
	fmt.Fprintf(b, "%s %s\n", p.severity(g.severity), p.paint(ansiBold, g.rule.ID))
	fmt.Fprintf(b, "  %s\n", why(f))
	if g.help != "" {
		// The label says "instead", so the help's own closing "instead" goes.
		help := strings.TrimSuffix(strings.TrimSuffix(g.help, "."), " instead") + "."
		fmt.Fprintf(b, "  %s %s\n", p.paint(ansiGreen, "instead:"), help)
	}
	if len(f.Links) > 0 {
		fmt.Fprintf(b, "  %s\n", p.paint(ansiDim, "see: "+strings.Join(f.Links, " ")))
	}
	rows := make([][]string, len(g.findings))
	for i, f := range g.findings {
		rows[i] = []string{locationLabel(f.Location), itemLabel(f.Item)}
	}
	writeRows(b, "    ", rows)
	b.WriteString("\n")
}

// writeRows writes a table, every column but the last padded to its
// widest cell; empty trailing cells are left out.
func writeRows(b *strings.Builder, indent string, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		b.WriteString(indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteString("\n")
	}
}

func writeSuppressed(b *strings.Builder, p painter, sup []bearing.Finding) {
	fmt.Fprintf(b, "%s\n", p.paint(ansiBold, "suppressed by exceptions"))
	rows := make([][]string, len(sup))
	for i, f := range sup {
		rows[i] = []string{f.RuleID, locationLabel(f.Location), itemLabel(f.Item), suppressionLabel(f.Suppressed)}
	}
	writeRows(b, "  ", rows)
	b.WriteString("\n")
}

func writeUnknown(b *strings.Builder, p painter, items []bearing.Item) {
	fmt.Fprintf(b, "%s\n", p.paint(ansiBold, "not on the radar"))
	rows := make([][]string, len(items))
	for i := range items {
		rows[i] = []string{locationLabel(items[i].Location), itemLabel(&items[i])}
	}
	writeRows(b, "  ", rows)
	b.WriteString("\n")
}

// writeSummary writes the last line, the one people read first. Notes are
// counted only when there are some, since trial technologies are allowed.
func writeSummary(b *strings.Builder, p painter, r *check.Result, inv *bearing.Inventory) {
	errs, warns, notes := r.Counts[bearing.SeverityError], r.Counts[bearing.SeverityWarning], r.Counts[bearing.SeverityNote]
	parts := []string{plural(errs, "error"), plural(warns, "warning")}
	if errs > 0 {
		parts[0] = p.paint(ansiBold+ansiRed, parts[0])
	}
	if warns > 0 {
		parts[1] = p.paint(ansiBold+ansiYellow, parts[1])
	}
	if notes > 0 {
		parts = append(parts, plural(notes, "note"))
	}
	parts = append(parts, fmt.Sprintf("%d suppressed by exceptions", r.Suppressed))
	items, files := inventorySize(inv)
	fmt.Fprintf(b, "%s; %s in %s\n", strings.Join(parts, ", "), plural(items, "item"), plural(files, "file"))
}
