package adr

import (
	"bytes"
	"strings"

	"github.com/bearingorg/bearing"
)

// writeOutcome writes the decision and its consequences as MADR 4's
// "## Decision Outcome" with a "### Consequences" sub-section. Consequences
// whose own sub-headings would be read as parts of the decision go to a
// separate "## Consequences" section (as adr-tools writes it) instead.
func writeOutcome(b *bytes.Buffer, d *bearing.Decision) {
	body := strings.Trim(d.Body, "\n")
	cons := strings.Trim(d.Consequences, "\n")
	fits := consequencesFit(cons)
	if body == "" && (cons == "" || !fits) {
		writeSection(b, "Consequences", cons)
		return
	}
	b.WriteString("\n## Decision Outcome\n")
	if body != "" {
		b.WriteString("\n" + body + "\n")
	}
	switch {
	case cons == "":
	case !fits:
		writeSection(b, "Consequences", cons)
	case startsWithSubsection(cons):
		b.WriteString("\n" + cons + "\n")
	default:
		b.WriteString("\n### Consequences\n\n" + cons + "\n")
	}
}

// consequencesFit reports whether Parse reads cons back unchanged when it is
// written inside the Decision Outcome.
func consequencesFit(cons string) bool {
	w := cons
	if !startsWithSubsection(cons) {
		w = "### Consequences\n\n" + cons
	}
	body, parts := outcomeParts(scanText(w))
	return join(body...) == "" && join(parts...) == cons
}

func startsWithSubsection(s string) bool {
	first, _, _ := strings.Cut(s, "\n")
	lv, _ := atx(first)
	return lv == 3
}

// writeProsCons writes one "### Option" per option that has anything to say:
// its description, then "Good, because …" and "Bad, because …" bullets.
func writeProsCons(b *bytes.Buffer, opts []bearing.Option) {
	var parts []string
	for _, o := range opts {
		var bullets []string
		for _, p := range o.Pros {
			if p = oneLine(p); p != "" {
				bullets = append(bullets, "* Good, because "+p)
			}
		}
		for _, c := range o.Cons {
			if c = oneLine(c); c != "" {
				bullets = append(bullets, "* Bad, because "+c)
			}
		}
		desc := strings.Trim(o.Description, "\n")
		if desc == "" && len(bullets) == 0 || oneLine(o.Name) == "" {
			continue
		}
		parts = append(parts, join(headingLine(3, oneLine(o.Name)), desc, strings.Join(bullets, "\n")))
	}
	writeSection(b, "Pros and Cons of the Options", join(parts...))
}
