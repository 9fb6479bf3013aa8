package adr

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// Parse reads one ADR file in any of the formats described in the package
// documentation. path becomes the decision's Source and prefixes every
// message. The number comes from the bearing-number front matter key, the
// title ("# 12. Title") or the file name ("0012-title.md"), in that order;
// a file with none keeps 0, which ReadDir replaces.
//
// The error, if any, is a Problem pointing at the first line to fix.
func Parse(path string, content []byte) (*bearing.Decision, error) {
	p := parse(path, content)
	if err := p.probs.err(); err != nil {
		return nil, err
	}
	return p.d, nil
}

// parser holds what is known while one file is read. Markdown that has no
// field of its own is collected in extras and ends up in the context.
type parser struct {
	path  string
	d     *bearing.Decision
	probs problems

	statusLine int  // line that set the status; 0 while there is none
	viaLink    bool // the status was set by a "superseded by" link
	hasStatus  bool // the file has a status line, key or section at all
	dateLine   int
	numberSet  bool // bearing-number was given
	titleLine  int
	title      string
	fmTitle    string
	numbered   bool // the title carries the number, as adr-tools writes it
	chosen     *string

	ctxMain, extras, body, cons, summary []string
	// Links that name a file rather than a number, for ReadDir to resolve.
	supersedesFiles, supersededByFiles []string
}

func (p *parser) problem(line int, format string, args ...any) {
	p.probs.add(p.path, line, format, args...)
}

func parse(path string, content []byte) *parser {
	p := &parser{path: path, d: &bearing.Decision{Source: path}}
	texts := splitText(normalize(content))
	start := p.frontMatter(texts)
	pre, secs := split(scan(texts[start:], start+1), 2)
	p.preamble(pre)
	for _, s := range secs {
		p.section(s)
	}
	p.finish()
	return p
}

var metaRe = regexp.MustCompile(`^ {0,3}(?:[-*+][ \t]+)?[*_]*([A-Za-z][A-Za-z -]{0,20}?)[*_]*[ \t]*:[ \t]*[*_]*[ \t]*(.*)$`)

// preamble reads what comes before the first section: the title, and the
// metadata lines MADR 2, log4brains and adr-tools put under it ("* Status:
// accepted", "Date: 2016-02-12"). Anything else opens the context.
func (p *parser) preamble(ls []line) {
	var rest []line
	for _, l := range ls {
		if !l.code {
			if lv, t := atx(l.text); lv == 1 && p.titleLine == 0 {
				p.title, p.titleLine = t, l.no
				continue
			}
			if p.metaLine(l) {
				continue
			}
		}
		rest = append(rest, l)
	}
	p.ctxMain = append(p.ctxMain, text(rest))
}

// metaLine applies l if it is a metadata line ("* Status: accepted").
func (p *parser) metaLine(l line) bool {
	if !strings.Contains(l.text, ":") { // most lines; spare the regexp
		return false
	}
	m := metaRe.FindStringSubmatch(l.text)
	return m != nil && p.meta(strings.ToLower(m[1]), m[2], l.no)
}

// meta applies one metadata line and reports whether the key was one of ours.
func (p *parser) meta(key, value string, no int) bool {
	value = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(value), "*_"))
	d := p.d
	switch key {
	case "status":
		p.setStatusValue(value, no)
	case "date":
		p.setDate(value, no)
	case "deciders", "decision-makers", "decision makers":
		d.Deciders = append(d.Deciders, splitList(value)...)
	case "consulted":
		d.Consulted = append(d.Consulted, splitList(value)...)
	case "informed":
		d.Informed = append(d.Informed, splitList(value)...)
	case "tags":
		d.Tags = append(d.Tags, splitList(value)...)
	default:
		return false
	}
	return true
}

// setStatusValue applies a status field (front matter or metadata line).
func (p *parser) setStatusValue(v string, no int) {
	p.hasStatus = true
	st, r, msg := parseStatusValue(v)
	if msg != "" {
		p.problem(no, "%s", msg)
		return
	}
	p.addRefs(&p.d.SupersededBy, &p.supersededByFiles, r)
	p.setStatus(st, no, st == bearing.StatusSuperseded && !r.empty())
}

// setStatus records the status found on line no. A second, different status
// is a contradiction, except that "superseded by" overrides the status the
// decision had before it was replaced (adr-tools leaves "Accepted" above).
func (p *parser) setStatus(st bearing.Status, no int, viaLink bool) {
	switch {
	case p.statusLine == 0 || (viaLink && !p.viaLink):
		p.d.Status, p.statusLine, p.viaLink = st, no, viaLink
	case p.d.Status != st:
		p.problem(no, "status %q contradicts status %q on line %d", st, p.d.Status, p.statusLine)
	}
}

func (p *parser) addRefs(keys, files *[]string, r refs) {
	addKeys(keys, r.keys...)
	*files = append(*files, r.files...)
}

// setDate records the decision's date as CreatedAt, midnight UTC.
func (p *parser) setDate(s string, no int) {
	if s == "" {
		return
	}
	day, ok := parseDay(s)
	switch {
	case !ok:
		p.problem(no, "date %q is not a date; write it as YYYY-MM-DD", s)
	case p.dateLine != 0 && !day.Time().Equal(p.d.CreatedAt):
		p.problem(no, "date %s contradicts date %s on line %d", day, bearing.DateOf(p.d.CreatedAt), p.dateLine)
	default:
		p.d.CreatedAt, p.dateLine = day.Time(), no
	}
}

var titleNumberRe = regexp.MustCompile(`^(?i:adr)?[-_ ]?(\d{1,9})(?:\.|:|[ \t]+[-–—:])[ \t]+(\S.*)$`)

// finish settles what depends on the whole file: title and number, the
// default status, the chosen option and the assembled text fields.
func (p *parser) finish() {
	d := p.d
	if m := titleNumberRe.FindStringSubmatch(p.title); m != nil && !p.numberSet {
		d.Number, _ = strconv.Atoi(m[1])
		p.title, p.numberSet, p.numbered = m[2], true, true
	}
	if n, ok := fileNumber(p.path); ok && !p.numberSet {
		d.Number = n
	}
	d.Title = p.title
	if d.Title == "" {
		d.Title = p.fmTitle
	}
	if d.Title == "" {
		p.problem(p.titleLine, "the file has no title; start it with a line \"# Title\"")
	}
	// A file with no status anywhere comes from a format or template without
	// one; it is a proposal until someone decides. A status line that is
	// present but empty or unknown is a problem instead (see setStatusValue).
	if !p.hasStatus {
		d.Status = bearing.StatusProposed
	}
	d.Context = join(append(p.ctxMain, p.extras...)...)
	d.Body = join(p.body...)
	d.Consequences = join(p.cons...)
	d.ExecutiveSummary = join(p.summary...)
	name, ok := chosenFromBody(d.Body)
	if p.chosen != nil {
		name, ok = *p.chosen, *p.chosen != ""
	}
	if i := findOption(d.Options, name); ok && i >= 0 {
		d.Options[i].Chosen = true
	}
}
