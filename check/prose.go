package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdLink matches a Markdown link, whose text is kept.
var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// firstSentence returns the first sentence of a Markdown rationale as plain
// text: a CI log shows one line of why, and the link leads to the rest.
// A sentence ends at ".", "!" or "?" followed by a space and a capital, a
// digit or an opening bracket, so "e.g. postgres" and "v1.2" do not end it.
func firstSentence(md string) string {
	p := plain(firstParagraph(md))
	for i, r := range p {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		rest := p[i+1:]
		if rest == "" {
			return p
		}
		if next, size := utf8.DecodeRuneInString(rest); unicode.IsSpace(next) {
			after, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest[size:], unicode.IsSpace))
			if unicode.IsUpper(after) || unicode.IsDigit(after) || strings.ContainsRune("(\"'“", after) {
				return p[:i+1]
			}
		}
	}
	return sentence(p)
}

// firstParagraph skips headings and blank lines and returns the lines up to
// the next blank line, joined.
func firstParagraph(md string) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" && len(lines) > 0:
			return strings.Join(lines, " ")
		case l == "", strings.HasPrefix(l, "#") && len(lines) == 0:
			continue
		}
		l = strings.TrimLeft(l, "> ")
		for _, bullet := range []string{"- ", "* ", "+ "} {
			l = strings.TrimPrefix(l, bullet)
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, " ")
}

// plain removes the Markdown that reads badly as text: emphasis markers,
// code ticks and link targets.
func plain(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// sentence trims s and ends it with a full stop unless it ends already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// joinSentences writes why, then the help, as one message; the help is
// always the message's suffix (see the package documentation).
func joinSentences(why, help string) string {
	why = sentence(why)
	if help == "" {
		return why
	}
	return why + " " + help
}

// joinOr lists names as people write them: "A", "A or B", "A, B or C".
func joinOr(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
