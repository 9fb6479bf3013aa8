package adr

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// line is one line of a file with its 1-based number. code marks lines of a
// fenced code block, delimiters included: nothing in them is markup, so a
// "## Heading" there stays text.
type line struct {
	text string
	no   int
	code bool
}

// normalize turns any byte input into text the line parser can trust: no byte
// order mark, valid UTF-8 and "\n" line ends.
func normalize(content []byte) string {
	s := strings.TrimPrefix(string(content), "\uFEFF")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// splitText cuts normalised text into lines, without the empty line after
// the final newline.
func splitText(s string) []string {
	texts := strings.Split(s, "\n")
	if n := len(texts); n > 1 && texts[n-1] == "" {
		texts = texts[:n-1]
	}
	return texts
}

// scan numbers the lines from first and marks fenced code. A fence left open
// runs to the end of the file in Markdown; scan closes it explicitly there so
// that every block of text it hands on is balanced and can be moved around a
// document without swallowing what follows it.
func scan(texts []string, first int) []line {
	out := make([]line, len(texts), len(texts)+1)
	fence := ""
	for i, t := range texts {
		out[i] = line{text: t, no: first + i}
		if fence == "" {
			fence = fenceOpen(t)
			out[i].code = fence != ""
			continue
		}
		out[i].code = true
		if fenceCloses(t, fence) {
			fence = ""
		}
	}
	if fence != "" {
		out = append(out, line{text: fence, no: first + len(texts), code: true})
	}
	return out
}

// scanText is scan for a field value, used by Format to see the value the way
// Parse will see it.
func scanText(s string) []line { return scan(splitText(s), 1) }

// indent strips up to three leading spaces, the most Markdown allows before a
// fence or heading; ok is false for deeper indentation.
func indent(t string) (string, bool) {
	for i := 0; i < 4; i++ {
		if i == len(t) || t[i] != ' ' {
			return t[i:], true
		}
	}
	return t, false
}

// fenceOpen returns the opening run of a code fence ("```", "~~~~"), or "".
func fenceOpen(t string) string {
	t, ok := indent(t)
	if !ok || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}

// fenceCloses reports whether t closes the fence opened with run.
func fenceCloses(t, run string) bool {
	t, ok := indent(t)
	if !ok {
		return false
	}
	n := 0
	for n < len(t) && t[n] == run[0] {
		n++
	}
	return n >= len(run) && strings.TrimSpace(t[n:]) == ""
}

// atx returns the level and text of an ATX heading ("## Context ##" is level
// 2, "Context"), or level 0 for any other line.
func atx(t string) (int, string) {
	t, ok := indent(t)
	if !ok {
		return 0, ""
	}
	n := 0
	for n < len(t) && n < 7 && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0, ""
	}
	text := strings.TrimSpace(t[n:])
	if strings.Trim(text, "#") == "" {
		return n, ""
	}
	if i := strings.LastIndexAny(text, " \t"); i >= 0 && strings.Trim(text[i+1:], "#") == "" {
		text = strings.TrimSpace(text[:i])
	}
	return n, text
}

// headingLine writes text as a heading of the given level that atx reads
// back as exactly text, adding a closing "#" when the text itself ends in
// hashes.
func headingLine(level int, text string) string {
	h := strings.Repeat("#", level) + " " + text
	if _, got := atx(h); got != text {
		h += " #"
	}
	return h
}

// section is a heading and the lines up to the next heading of its level.
type section struct {
	raw  string // the heading line as written, trimmed
	name string // the heading text
	no   int
	body []line
	from int // index of the first body line in the lines split
}

// split cuts lines at the headings of one level, outside code. Bodies are
// slices of ls, not copies.
func split(ls []line, level int) (intro []line, secs []section) {
	start := len(ls)
	for i, l := range ls {
		if l.code || !strings.HasPrefix(strings.TrimLeft(l.text, " "), "#") {
			continue
		}
		lv, name := atx(l.text)
		if lv != level {
			continue
		}
		if n := len(secs); n > 0 {
			secs[n-1].body = ls[secs[n-1].from:i]
		} else {
			start = i
		}
		secs = append(secs, section{raw: strings.TrimSpace(l.text), name: name, no: l.no, from: i + 1})
	}
	if n := len(secs); n > 0 {
		secs[n-1].body = ls[secs[n-1].from:]
	}
	return ls[:start], secs
}

// text joins lines without the blank lines around them; blank lines inside
// are kept as written, so text survives a round trip byte for byte.
func text(ls []line) string {
	for len(ls) > 0 && strings.TrimSpace(ls[0].text) == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1].text) == "" {
		ls = ls[:len(ls)-1]
	}
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// join puts non-empty blocks of Markdown one after the other, separated by a
// blank line.
func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n\n")
}

// block is a heading line followed by its content, the form in which
// sections without a field of their own are kept in the context.
func block(raw, content string) string { return join(raw, content) }

var (
	itemRe   = regexp.MustCompile(`^ ?(?:[-*+]|\d{1,9}[.)])[ \t]+(\S.*)$`)
	markerRe = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)`)
)

// takeItems offers each top-level list item (with its indented continuation
// lines joined by spaces) to take, and returns every line take refused or
// that is no item, in order, so nothing is dropped.
func takeItems(ls []line, take func(item string) bool) (rest []line) {
	for i := 0; i < len(ls); {
		var m []string
		if !ls[i].code && mayStartItem(strings.TrimPrefix(ls[i].text, " ")) {
			m = itemRe.FindStringSubmatch(ls[i].text)
		}
		if m == nil {
			rest = append(rest, ls[i])
			i++
			continue
		}
		parts := []string{strings.TrimSpace(m[1])}
		j := i + 1
		for ; j < len(ls) && continues(ls[j]); j++ {
			parts = append(parts, strings.TrimSpace(ls[j].text))
		}
		if !take(strings.Join(parts, " ")) {
			rest = append(rest, ls[i:j]...)
		}
		i = j
	}
	return rest
}

// continues reports whether l wraps the text of the list item above it: an
// indented line that starts neither a new item nor a heading.
func continues(l line) bool {
	t := strings.TrimSpace(l.text)
	if l.code || t == "" || (l.text[0] != ' ' && l.text[0] != '\t') || mayStartItem(t) && markerRe.MatchString(t) {
		return false
	}
	lv, _ := atx(l.text)
	return lv == 0
}

// mayStartItem is a cheap test that lets most lines skip the list regexps.
func mayStartItem(t string) bool {
	return t != "" && (t[0] == '-' || t[0] == '*' || t[0] == '+' || t[0] >= '0' && t[0] <= '9')
}

// oneLine makes a value fit on one Markdown line; line breaks inside a
// paragraph render as spaces anyway.
func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}
