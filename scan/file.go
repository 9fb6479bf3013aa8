package scan

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bearingorg/bearing"
)

// file is one file handed to the parsers: its path relative to the root
// (with slashes), its content, and what the parsers found in it.
type file struct {
	path     string
	data     []byte
	starts   []int // byte offset of each line's start, computed on demand
	items    []bearing.Item
	warnings []warning
	extra    []string       // other files a parser read on this file's behalf
	quoted   map[string]int // first offset of each quoted string, computed on demand
}

// warning is a problem found in a file, kept with its place.
type warning struct {
	loc bearing.Location
	msg string
}

// lineStarts returns the offsets at which lines begin; line n (1-based)
// starts at lineStarts()[n-1].
func (f *file) lineStarts() []int {
	if f.starts == nil {
		f.starts = make([]int, 1, 1+len(f.data)/32)
		for i := 0; ; {
			j := bytes.IndexByte(f.data[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			f.starts = append(f.starts, i)
		}
	}
	return f.starts
}

// position turns a byte offset into a 1-based line and column, counting
// columns in characters.
func (f *file) position(off int) (line, col int) {
	starts := f.lineStarts()
	off = min(max(off, 0), len(f.data))
	line = sort.Search(len(starts), func(i int) bool { return starts[i] > off })
	return line, utf8.RuneCount(f.data[starts[line-1]:off]) + 1
}

// line returns the text of line n without its line break, or "" when the
// file has no such line.
func (f *file) line(n int) string {
	starts := f.lineStarts()
	if n < 1 || n > len(starts) {
		return ""
	}
	end := len(f.data)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return strings.TrimSuffix(string(f.data[starts[n-1]:end]), "\r")
}

// columnOf finds needle on line n and returns its 1-based column, or 0.
func (f *file) columnOf(n int, needle string) int {
	text := f.line(n)
	i := strings.Index(text, needle)
	if i < 0 || needle == "" {
		return 0
	}
	return utf8.RuneCountInString(text[:i]) + 1
}

// add records an item whose raw name is turned canonical; names that
// cannot be made canonical are dropped, so every reported name is one that
// an identifier can match.
func (f *file) add(kind bearing.IdentifierKind, raw, version string, line, col int, direct bool) {
	name, ok := canonical(kind, raw)
	if !ok {
		return
	}
	f.items = append(f.items, bearing.Item{Kind: kind, Name: name, Version: cleanVersion(version),
		Location: bearing.Location{Path: f.path, Line: line, Column: col}, Direct: direct})
}

// addAt records an item at a byte offset of the file; a negative offset
// means the place is unknown.
func (f *file) addAt(kind bearing.IdentifierKind, raw, version string, off int, direct bool) {
	line, col := 0, 0
	if off >= 0 {
		line, col = f.position(off)
	}
	f.add(kind, raw, version, line, col, direct)
}

// warn records a problem at a line (0 when unknown).
func (f *file) warn(line int, format string, args ...any) {
	f.warnAt(line, 0, format, args...)
}

func (f *file) warnAt(line, col int, format string, args ...any) {
	if line > len(f.lineStarts()) || line < 0 {
		line, col = 0, 0
	}
	f.warnings = append(f.warnings, warning{bearing.Location{Path: f.path, Line: line, Column: col}, fmt.Sprintf(format, args...)})
}

// cleanVersion trims a version and refuses what no version looks like:
// control characters, unexpanded "${...}" or "{{...}}" templates, or text
// longer than any real version.
func cleanVersion(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 200 || strings.Contains(v, "${") || strings.Contains(v, "{{") || !utf8.ValidString(v) || strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	return v
}

// identifierPrefix is what makes ParseIdentifier read a bare name as the
// given kind.
var identifierPrefix = map[bearing.IdentifierKind]string{
	bearing.KindImage: "image:", bearing.KindAction: "action:",
	bearing.KindTerraform: "terraform:", bearing.KindRuntime: "runtime:",
}

// canonical returns the name ParseIdentifier gives raw when read as kind,
// so that Item.Name always equals Identifier.Name for the same thing. It
// refuses names that ParseIdentifier would not read back, written bare, as
// the same kind and name, and names with spaces, quotes, braces or "$" (unexpanded
// template or variable text).
func canonical(kind bearing.IdentifierKind, raw string) (string, bool) {
	if raw == "" || len(raw) > 512 || !utf8.ValidString(raw) ||
		strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || strings.ContainsRune("\"'`{}$<>|\\*,;=", r) || r == 0x7f }) {
		return "", false
	}
	if kind == bearing.KindImage && !validImageName(raw) {
		return "", false
	}
	id, err := bearing.ParseIdentifier(identifierPrefix[kind] + raw)
	if err != nil || id.Kind != kind || !id.Range.IsZero() {
		return "", false
	}
	if back, err := bearing.ParseIdentifier(id.Name); err != nil || back.Name != id.Name || back.Kind != kind {
		return "", false
	}
	return id.Name, true
}

// validImageName accepts the characters of an image repository: letters,
// digits, separators, and a host with an optional port.
func validImageName(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/") || strings.Contains(s, "//") {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-/:", r)
		if !ok {
			return false
		}
	}
	return !strings.Contains(s[strings.LastIndexByte(s, '/')+1:], ":")
}
