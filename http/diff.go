package http

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffLine is one line of a rendered diff.
type diffLine struct {
	Op   string // "add", "del" or "same"
	Text string
}

// diffLines compares two texts line by line, so the history shows what an
// edit changed in a long Markdown body rather than two whole versions.
func diffLines(old, new string) []diffLine {
	dmp := diffmatchpatch.New()
	a, b, lineArray := dmp.DiffLinesToChars(old, new)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lineArray)
	var out []diffLine
	for _, d := range diffs {
		op := "same"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "add"
		case diffmatchpatch.DiffDelete:
			op = "del"
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l == "" {
				continue
			}
			out = append(out, diffLine{Op: op, Text: strings.TrimSuffix(l, "\n")})
		}
	}
	return out
}
