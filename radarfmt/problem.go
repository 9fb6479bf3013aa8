package radarfmt

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// Problem is a precise error: the file (or "" for a single input), the line
// (0 if unknown) and what is wrong, so that whoever migrates a radar can go
// straight to the place to fix in an editor.
type Problem struct {
	Path    string
	Line    int
	Message string
}

// Error formats the problem the way compilers do ("path:line: message"),
// which editors and CI logs turn into links; a single input without a path
// reads "line 12: message".
func (p Problem) Error() string {
	line := strconv.Itoa(p.Line)
	switch {
	case p.Path != "" && p.Line > 0:
		return p.Path + ":" + line + ": " + p.Message
	case p.Path != "":
		return p.Path + ": " + p.Message
	case p.Line > 0:
		return "line " + line + ": " + p.Message
	}
	return p.Message
}

// problems collects everything wrong with an input; the first (by file and
// line, those without a line last) is reported with a count of the rest, so
// one run shows where to start.
type problems []Problem

func (ps *problems) add(path string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	order := func(p Problem) int {
		if p.Line == 0 {
			return math.MaxInt
		}
		return p.Line
	}
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(order(a), order(b)))
	})
	first := sorted[0]
	if n := len(sorted) - 1; n == 1 {
		first.Message += " (and 1 more problem)"
	} else if n > 1 {
		first.Message += fmt.Sprintf(" (and %d more problems)", n)
	}
	return first
}

// validate runs Technology.Validate against the radar's configuration and
// reports each field it refuses where at says that field was written,
// prefixed with what names the entry.
func (ps *problems) validate(t *bearing.Technology, cfg *bearing.RadarConfig, prefix string, at func(field string) (path string, line int)) {
	err := t.Validate(cfg)
	for _, f := range bearing.ErrorFields(err) {
		path, line := at(f.Field)
		ps.add(path, line, "%s%s: %s", prefix, f.Field, f.Message)
	}
	if err != nil && len(bearing.ErrorFields(err)) == 0 {
		path, line := at("")
		ps.add(path, line, "%s%v", prefix, err)
	}
}

// atLine is where for a single input: every field at one line.
func atLine(line int) func(string) (string, int) {
	return func(string) (string, int) { return "", line }
}

// validateConfig checks the rings and quadrants a file defines.
func (ps *problems) validateConfig(cfg *bearing.RadarConfig, path string, line int) {
	for _, f := range bearing.ErrorFields(cfg.Validate()) {
		ps.add(path, line, "%s: %s", f.Field, f.Message)
	}
}

// duplicates reports technologies that share a slug: every format but
// Backstage names files or rows by it, so two would overwrite each other.
type duplicates map[string]int

func (d duplicates) check(ps *problems, path string, line int, prefix string, t *bearing.Technology) bool {
	if t.Slug == "" {
		return false
	}
	if first, ok := d[t.Slug]; ok {
		where := ""
		if first > 0 {
			where = fmt.Sprintf(" (line %d)", first)
		}
		ps.add(path, line, "%sanother entry already has this name%s", prefix, where)
		return false
	}
	d[t.Slug] = line
	return true
}

// maxInput bounds what a reader takes in: far above any real radar, far
// below what could hurt the importing server.
const maxInput = 32 << 20

// readAll reads a whole input, refusing one larger than maxInput.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, Problem{Message: fmt.Sprintf("the input is larger than %d MiB", maxInput>>20)}
	}
	return data, nil
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	head := string(data[:off])
	line = strings.Count(head, "\n") + 1
	col = len(head) - strings.LastIndexByte(head, '\n')
	return line, col
}

// nameList formats names for a message: "a, b or c".
func nameList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// short cuts a value quoted in a message, so that a stray paragraph in a
// field does not drown the message.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
