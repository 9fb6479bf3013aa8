package bearing

import (
	"fmt"
	"strconv"
	"strings"
)

// VersionRange is a set of comparisons a version must all satisfy, written
// "<2.17.1", ">=1.0,<2" or "=1.2.3"; the empty range matches every version.
// Versions are compared segment by segment, numbers as numbers, so they fit
// semantic versions, Go and Node releases, image tags and action refs alike.
type VersionRange struct {
	Constraints []Constraint
}

// Constraint is one comparison of a range.
type Constraint struct {
	Op      string // <, <=, >, >=, =, !=
	Version string
}

// ParseVersionRange parses a comma-separated list of comparisons; a bare
// version means "=".
func ParseVersionRange(s string) (VersionRange, error) {
	var r VersionRange
	s = strings.TrimSpace(s)
	if s == "" || s == "*" {
		return r, nil
	}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		op := "="
		for _, o := range []string{"<=", ">=", "!=", "<", ">", "="} {
			if strings.HasPrefix(part, o) {
				op, part = o, strings.TrimSpace(part[len(o):])
				break
			}
		}
		if part == "" {
			return VersionRange{}, fmt.Errorf("%q: a comparison needs a version after %q", s, op)
		}
		if !validVersion(part) {
			return VersionRange{}, fmt.Errorf("%q: %q is not a version (use digits, letters, dots and dashes, like 1.22 or v4)", s, part)
		}
		r.Constraints = append(r.Constraints, Constraint{Op: op, Version: part})
	}
	return r, nil
}

func validVersion(v string) bool {
	digit := false
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '.', c == '-', c == '+', c == '_':
		default:
			return false
		}
	}
	return digit
}

// String writes the range back in its canonical form.
func (r VersionRange) String() string {
	parts := make([]string, len(r.Constraints))
	for i, c := range r.Constraints {
		op := c.Op
		if op == "=" {
			op = ""
		}
		parts[i] = op + c.Version
	}
	return strings.Join(parts, ",")
}

// IsZero reports whether the range matches every version.
func (r VersionRange) IsZero() bool { return len(r.Constraints) == 0 }

// Contains reports whether version v satisfies every comparison. A version
// that cannot be compared (a tag like "latest") is outside any non-empty
// range; the empty range contains everything.
func (r VersionRange) Contains(v string) bool {
	if r.IsZero() {
		return true
	}
	if !validVersion(normalizeVersion(v)) {
		return false
	}
	for _, c := range r.Constraints {
		cmp := CompareVersions(v, c.Version)
		ok := false
		switch c.Op {
		case "<":
			ok = cmp < 0
		case "<=":
			ok = cmp <= 0
		case ">":
			ok = cmp > 0
		case ">=":
			ok = cmp >= 0
		case "=":
			ok = cmp == 0
		case "!=":
			ok = cmp != 0
		}
		if !ok {
			return false
		}
	}
	return true
}

func normalizeVersion(v string) string {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(strings.TrimPrefix(v, "go"), "v")
	if i := strings.IndexByte(v, '+'); i >= 0 {
		v = v[:i] // build metadata does not order
	}
	return v
}

// CompareVersions orders two versions: -1, 0 or 1. Missing numeric segments
// count as 0 ("1.22" = "1.22.0"); a pre-release suffix sorts before the
// release ("1.2.0-rc1" < "1.2.0").
func CompareVersions(a, b string) int {
	am, apre, _ := strings.Cut(normalizeVersion(a), "-")
	bm, bpre, _ := strings.Cut(normalizeVersion(b), "-")
	as, bs := strings.Split(am, "."), strings.Split(bm, ".")
	for i := range max(len(as), len(bs)) {
		x, y := "0", "0"
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		if c := compareSegment(x, y); c != 0 {
			return c
		}
	}
	switch {
	case apre == bpre:
		return 0
	case apre == "":
		return 1
	case bpre == "":
		return -1
	}
	return compareSegment(apre, bpre)
}

func compareSegment(x, y string) int {
	xi, xerr := strconv.Atoi(x)
	yi, yerr := strconv.Atoi(y)
	switch {
	case xerr == nil && yerr == nil:
		return cmpInt(xi, yi)
	case xerr == nil:
		return -1 // numbers sort before words
	case yerr == nil:
		return 1
	}
	return strings.Compare(x, y)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
