package adr

import (
	"regexp"
	"strings"

	"github.com/bearingorg/bearing"
)

// commentRe matches HTML comments, which log4brains' template puts in
// headings ("## Links <!-- optional -->").
var commentRe = regexp.MustCompile(`<!--.*?-->`)

// sectionKind names what a section heading means, whichever format wrote it.
func sectionKind(name string) string {
	if strings.Contains(name, "<!--") {
		name = commentRe.ReplaceAllString(name, "")
	}
	n := strings.ToLower(strings.Trim(strings.TrimSpace(name), "*_:"))
	n = strings.Join(strings.Fields(strings.ReplaceAll(n, "’", "'")), " ")
	switch n {
	case "context and problem statement", "context", "problem statement":
		return "context"
	case "decision outcome", "decision":
		return "decision"
	case "considered options", "options considered":
		return "options"
	case "pros and cons of the options", "pros and cons":
		return "proscons"
	case "do", "dos", "do's":
		return "dos"
	case "don't", "donts", "don'ts", "do not":
		return "donts"
	case "consequences", "status", "executive summary":
		return n
	case "positive consequences", "negative consequences", "confirmation":
		return "outcome-part"
	}
	return ""
}

// section maps one "## " section to its field. Sections without a field of
// their own (Decision Drivers, More Information, Links, …) are kept, heading
// and all, in the context.
func (p *parser) section(s section) {
	switch sectionKind(s.name) {
	case "context":
		p.ctxMain = append(p.ctxMain, text(s.body))
	case "executive summary":
		p.summary = append(p.summary, text(s.body))
	case "status":
		p.statusSection(s)
	case "options":
		rest := takeItems(s.body, func(item string) bool {
			p.d.Options = append(p.d.Options, bearing.Option{Name: item})
			return true
		})
		p.keep(s.raw, text(rest))
	case "decision":
		body, cons := outcomeParts(s.body)
		p.body = append(p.body, body...)
		p.cons = append(p.cons, cons...)
	case "consequences":
		p.cons = append(p.cons, text(s.body))
	case "proscons":
		p.prosCons(s)
	case "dos":
		p.keep(s.raw, text(takeItems(s.body, appendTo(&p.d.Dos))))
	case "donts":
		p.keep(s.raw, text(takeItems(s.body, appendTo(&p.d.Donts))))
	default:
		p.extras = append(p.extras, block(s.raw, text(s.body)))
	}
}

// keep puts what is left of a section after its fields were taken into the
// context, under the section's heading. A section that was fully understood
// leaves nothing.
func (p *parser) keep(raw, content string) {
	if content != "" {
		p.extras = append(p.extras, block(raw, content))
	}
}

func appendTo(dst *[]string) func(string) bool {
	return func(item string) bool { *dst = append(*dst, item); return true }
}

// outcomeParts splits a Decision Outcome: its text and sub-sections of its
// own are the decision; the consequence sub-sections (MADR 2's Positive and
// Negative Consequences, MADR 3's Consequences, MADR 4's Confirmation) are
// the consequences.
func outcomeParts(ls []line) (body, cons []string) {
	intro, subs := split(ls, 3)
	body = append(body, text(intro))
	for _, sub := range subs {
		switch sectionKind(sub.name) {
		case "consequences":
			cons = append(cons, text(sub.body))
		case "outcome-part":
			cons = append(cons, block(sub.raw, text(sub.body)))
		default:
			body = append(body, block(sub.raw, text(sub.body)))
		}
	}
	return body, cons
}

var linkLineRe = regexp.MustCompile(`^[A-Za-z]+(?:[ \t]+[a-z]+)?:?[ \t]*\[[^\]]*\]\(`)

// statusSection reads adr-tools' "## Status": a status word, and links such
// as "Supercedes [2. Use MySQL](0002-use-mysql.md)". Other lines ("Amended
// by …", remarks) are kept as text in the context.
func (p *parser) statusSection(s section) {
	p.hasStatus = true
	var rest []line
	reported := len(p.probs)
	for _, l := range s.body {
		if !p.statusSectionLine(l) {
			rest = append(rest, l)
		}
	}
	if p.statusLine == 0 && len(p.probs) == reported {
		p.problem(s.no, "the Status section names no status; write one of %s", allowedStatuses())
	}
	if t := text(rest); t != "" {
		p.extras = append(p.extras, block(s.raw, t))
	}
}

// statusSectionLine reads one line of a Status section and reports whether it was
// fully used (and so need not be kept as text).
func (p *parser) statusSectionLine(l line) bool {
	t := cleanLine(l.text)
	if l.code || t == "" {
		return false
	}
	if m := supersedesRe.FindStringSubmatch(t); m != nil {
		r := parseRefs(m[1])
		p.addRefs(&p.d.Supersedes, &p.supersedesFiles, r)
		return len(r.keys) > 0 // a link by file name alone stays as text
	}
	if m := supersededRe.FindStringSubmatch(t); m != nil {
		r := parseRefs(m[1])
		p.addRefs(&p.d.SupersededBy, &p.supersededByFiles, r)
		p.setStatus(bearing.StatusSuperseded, l.no, true)
		return len(r.keys) > 0
	}
	if linkLineRe.MatchString(t) {
		return false
	}
	word, rest := firstWord(t)
	st, ok := statusWords[word]
	switch {
	case p.statusLine == 0 && !ok:
		p.problem(l.no, "%s", unknownStatus(t))
	case p.statusLine == 0:
		p.setStatus(st, l.no, false)
		return rest == ""
	case ok && rest == "" && st == p.d.Status:
		return true
	case ok && rest == "" && p.d.Status != bearing.StatusSuperseded:
		p.setStatus(st, l.no, false) // reports the contradiction
	}
	// Kept: remarks, "Amended by" links, and the status a superseded
	// decision had before, which is history worth keeping.
	return false
}

var proConRe = regexp.MustCompile(`^(?i)(good|bad)(?:,[ \t]*because\b|[ \t]+because\b|:)[ \t]*(\S.*)$`)

// prosCons reads "## Pros and Cons of the Options": one "### Option" each,
// with "Good, because …" and "Bad, because …" bullets. Everything else in a
// sub-section (Neutral bullets, prose, examples) is the option's description.
func (p *parser) prosCons(s section) {
	intro, subs := split(s.body, 3)
	left := []string{text(intro)}
	for _, sub := range subs {
		if sub.name == "" {
			left = append(left, block(sub.raw, text(sub.body)))
			continue
		}
		i := findOption(p.d.Options, sub.name)
		if i < 0 {
			p.d.Options = append(p.d.Options, bearing.Option{Name: sub.name})
			i = len(p.d.Options) - 1
		}
		o := &p.d.Options[i]
		rest := takeItems(sub.body, func(item string) bool {
			var m []string
			if len(item) > 3 && (strings.EqualFold(item[:3], "goo") || strings.EqualFold(item[:3], "bad")) {
				m = proConRe.FindStringSubmatch(item)
			}
			if m != nil && strings.EqualFold(m[1], "good") {
				o.Pros = append(o.Pros, m[2])
			} else if m != nil {
				o.Cons = append(o.Cons, m[2])
			}
			return m != nil
		})
		o.Description = join(o.Description, text(rest))
	}
	p.keep(s.raw, join(left...))
}

// findOption returns the index of the option called name: the first with
// exactly that name, else the first with that name in another case or
// written as a link; -1 if there is none.
func findOption(opts []bearing.Option, name string) int {
	name = strings.TrimSpace(name)
	for i, o := range opts {
		if o.Name == name {
			return i
		}
	}
	for i, o := range opts {
		if strings.EqualFold(stripLink(o.Name), stripLink(name)) {
			return i
		}
	}
	return -1
}

var bracketRe = regexp.MustCompile(`^\[([^\]]*)\](?:\([^)]*\))?$`)

// stripLink reads "[Name](#name)" and "[Name]" as Name.
func stripLink(s string) string {
	s = strings.TrimSpace(s)
	if m := bracketRe.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1])
	}
	return s
}

var chosenRe = regexp.MustCompile(`(?i)chosen option[ \t]*:?[ \t]*(.*)$`)

// chosenFromBody finds the option MADR names in `Chosen option: "Name",
// because …`.
func chosenFromBody(body string) (string, bool) {
	if !strings.Contains(strings.ToLower(body), "chosen option") {
		return "", false
	}
	for _, l := range scanText(body) {
		m := chosenRe.FindStringSubmatch(strings.ReplaceAll(l.text, "*", ""))
		if l.code || m == nil {
			continue
		}
		rest := strings.TrimSpace(m[1])
		for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"`", "`"}} {
			if strings.HasPrefix(rest, q[0]) {
				rest = rest[len(q[0]):]
				if i := strings.Index(rest, q[1]); i >= 0 {
					rest = rest[:i]
				}
				return stripLink(rest), true
			}
		}
		if i := strings.Index(rest, ","); i >= 0 {
			rest = rest[:i]
		}
		return stripLink(rest), true
	}
	return "", false
}
