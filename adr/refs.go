package adr

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bearingorg/bearing"
)

// refs are the decisions a status line points at: keys ("DEC-5") for links
// that carry a number, and the file names of links that carry none (log4brains
// names files by date), which ReadDir resolves once it knows every file.
type refs struct {
	keys  []string
	files []string
}

func (r refs) empty() bool { return len(r.keys) == 0 && len(r.files) == 0 }

var (
	linkRe        = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)
	refNumberRe   = regexp.MustCompile(`^(?i:adr|dec)?[-_ #]*(\d{1,9})(?:\D|$)`)
	supersedesRe  = regexp.MustCompile(`^(?i)super[sc]edes\b:?[ \t]*(.*)$`)
	supersededRe  = regexp.MustCompile(`^(?i)super[sc]eded[ \t]+by\b:?[ \t]*(.*)$`)
	refSeparateRe = regexp.MustCompile(`[,;]|\band\b`)
)

// parseRefs reads the decisions named in s: Markdown links such as
// "[5. Use Postgres](0005-use-postgres.md)" or "[ADR-0005](...)", and plain
// names such as "ADR-0005, DEC-7".
func parseRefs(s string) refs {
	var r refs
	for _, m := range linkRe.FindAllStringSubmatch(s, -1) {
		target := strings.TrimSpace(m[2])
		if i := strings.IndexAny(target, "#? \t"); i >= 0 {
			target = target[:i]
		}
		base := path.Base(strings.ReplaceAll(target, "\\", "/"))
		if n, ok := refNumber(m[1]); ok {
			r.keys = append(r.keys, bearing.DecisionKey(n))
		} else if n, ok := refNumber(base); ok {
			r.keys = append(r.keys, bearing.DecisionKey(n))
		} else if strings.HasSuffix(strings.ToLower(base), ".md") {
			r.files = append(r.files, base)
		}
	}
	for _, tok := range refSeparateRe.Split(linkRe.ReplaceAllString(s, ","), -1) {
		if n, ok := refNumber(tok); ok {
			r.keys = append(r.keys, bearing.DecisionKey(n))
		}
	}
	return r
}

// refNumber reads the number that starts a reference: "5. Use Postgres",
// "ADR-0005", "DEC-5", "0005-use-postgres.md". A leading YYYYMMDD date is a
// log4brains file name, not a number.
func refNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	m := refNumberRe.FindStringSubmatch(s)
	if m == nil || isDateDigits(m[1]) || isDashedDate(s) {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil && n > 0
}

// isDateDigits reports whether s is a plausible YYYYMMDD day.
func isDateDigits(s string) bool {
	if len(s) != 8 {
		return false
	}
	t, err := time.Parse("20060102", s)
	return err == nil && t.Year() >= 1970 && t.Year() < 2200
}

// isDashedDate reports whether s starts with a YYYY-MM-DD day.
func isDashedDate(s string) bool {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	_, err := time.Parse(bearing.DateLayout, s[:10])
	return err == nil
}

// fileNumber returns the number a file name starts with ("0012-title.md"),
// unless it starts with a date.
func fileNumber(name string) (int, bool) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	i := 0
	for i < len(base) && base[i] >= '0' && base[i] <= '9' {
		i++
	}
	if i == 0 || i > 9 || isDateDigits(base[:i]) || isDashedDate(base) {
		return 0, false
	}
	n, err := strconv.Atoi(base[:i])
	return n, err == nil
}

// cleanLine strips what decorates a metadata or status line without changing
// its meaning: list markers, emphasis and surrounding space.
func cleanLine(s string) string {
	s = strings.TrimSpace(s)
	for _, marker := range []string{"- ", "* ", "+ "} {
		s = strings.TrimPrefix(s, marker)
	}
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*_"))
}

// firstWord splits a line into its leading word (letters only, lower case)
// and the rest without the punctuation that ends a sentence.
func firstWord(s string) (word, rest string) {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return strings.ToLower(s), ""
	}
	rest = strings.TrimSpace(s[i:])
	return strings.ToLower(s[:i]), strings.TrimSpace(strings.TrimLeft(rest, ".:;,!"))
}

// parseStatusValue reads the value of a status field: one status word, or
// "superseded by" and the ADRs that replace this one. It returns a message
// instead when the value is anything else.
func parseStatusValue(v string) (bearing.Status, refs, string) {
	t := cleanLine(v)
	if t == "" {
		return "", refs{}, "the status is empty; use one of " + allowedStatuses()
	}
	if m := supersededRe.FindStringSubmatch(t); m != nil {
		r := parseRefs(m[1])
		if r.empty() {
			return "", r, "the status does not name the superseding ADR by number, e.g. \"superseded by ADR-0005\""
		}
		return bearing.StatusSuperseded, r, ""
	}
	word, rest := firstWord(t)
	st, ok := statusWords[word]
	if !ok || rest != "" {
		return "", refs{}, unknownStatus(t)
	}
	return st, refs{}, ""
}

// parseDay reads a date as YYYY-MM-DD, or as an RFC 3339 time of which only
// the day (in UTC) is kept.
func parseDay(s string) (bearing.Date, bool) {
	if d, err := bearing.ParseDate(s); err == nil {
		return d, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return bearing.DateOf(t), true
	}
	return bearing.Date{}, false
}

// splitList reads "Alice, Bob" as two names.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// addKeys appends the keys not yet in dst.
func addKeys(dst *[]string, keys ...string) {
	for _, k := range keys {
		if !slices.Contains(*dst, k) {
			*dst = append(*dst, k)
		}
	}
}
