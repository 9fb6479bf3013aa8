package scan

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// Options tune a scan.
type Options struct {
	// IncludeVendored also walks node_modules and vendor directories, even
	// when .gitignore lists them: what a repository vendors, it ships.
	IncludeVendored bool
	// Workers is how many directories and files are read at once; 0 means
	// runtime.GOMAXPROCS(0), which keeps a CI runner's cores busy without
	// flooding them.
	Workers int
}

// maxFileSize is the largest file Scan reads. Real lock files stay far
// below it; anything larger is generated data that would only cost memory.
const maxFileSize = 64 << 20

// Scan walks root and returns every item it uses, deterministically: the
// same tree gives byte-identical json.Marshal output, with items sorted by
// path, line, column, kind, name and version, and no timestamps, so CI can
// diff two inventories. Files that cannot be read or parsed become
// warnings; Scan itself fails only when root is not a readable directory
// or ctx ends.
func Scan(ctx context.Context, root string, opt Options) (*bearing.Inventory, error) {
	abs, err := filepath.Abs(root)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", root, err)
	}
	if info, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("scan %s: %w", root, err)
	} else if !info.IsDir() {
		return nil, fmt.Errorf("scan %s: not a directory", root)
	}
	if _, err := os.ReadDir(abs); err != nil {
		return nil, fmt.Errorf("scan %s: %w", root, err)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	w := &walker{ctx: ctx, root: abs, opt: opt}
	results := w.run(workers)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return assemble(results), nil
}

// assemble merges what the workers found into one sorted inventory. Each
// file's items come sorted and deduplicated by the worker that read it, so
// ordering the files by path orders everything.
func assemble(results []*result) *bearing.Inventory {
	inv := &bearing.Inventory{Items: []bearing.Item{}, Files: []string{}}
	var groups [][]bearing.Item
	var warnings []warning
	n := 0
	for _, r := range results {
		groups = append(groups, r.items...)
		inv.Files = append(inv.Files, r.files...)
		warnings = append(warnings, r.warnings...)
	}
	slices.SortFunc(groups, func(a, b []bearing.Item) int { return strings.Compare(a[0].Location.Path, b[0].Location.Path) })
	for _, g := range groups {
		n += len(g)
	}
	inv.Items = make([]bearing.Item, 0, n)
	for _, g := range groups {
		inv.Items = append(inv.Items, g...)
	}
	slices.Sort(inv.Files)
	inv.Files = slices.Compact(inv.Files)
	slices.SortFunc(warnings, func(a, b warning) int {
		return cmp.Or(compareLocations(a.loc, b.loc), cmp.Compare(a.msg, b.msg))
	})
	warnings = slices.Compact(warnings)
	for _, w := range warnings {
		inv.Warnings = append(inv.Warnings, w.loc)
		inv.Messages = append(inv.Messages, w.msg)
	}
	return inv
}

func compareLocations(a, b bearing.Location) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.Column, b.Column)
}

// compareItems orders items by path, line, column, kind, name and version;
// it is written out rather than with cmp.Or, which would compare every
// field of every pair.
func compareItems(a, b bearing.Item) int {
	if c := compareLocations(a.Location, b.Location); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	if c := strings.Compare(a.Version, b.Version); c != 0 {
		return c
	}
	return boolOrder(a.Direct, b.Direct)
}

func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// dedupe keeps one item per kind, name and version among the items of one
// file: the first place it appears (a known line before an unknown one),
// direct if any parser saw it declared. It also drops an item without
// version when the file gives the same name a version, so two parsers
// reading one file never count a package twice. Sorting by identity puts
// duplicates side by side, so no map is needed even for a lock file of
// 60,000 packages.
func dedupe(items []bearing.Item) []bearing.Item {
	slices.SortFunc(items, func(a, b bearing.Item) int {
		if c := compareIdentity(a, b); c != 0 {
			return c
		}
		if (a.Location.Line == 0) != (b.Location.Line == 0) {
			return boolOrder(a.Location.Line == 0, b.Location.Line == 0)
		}
		return compareLocations(a.Location, b.Location)
	})
	out := items[:0]
	for start := 0; start < len(items); {
		end := start + 1
		for end < len(items) && items[end].Kind == items[start].Kind && items[end].Name == items[start].Name {
			end++
		}
		versioned := items[end-1].Version != "" // "" sorts first
		for _, it := range items[start:end] {
			switch {
			case versioned && it.Version == "":
			case len(out) > 0 && compareIdentity(out[len(out)-1], it) == 0:
				out[len(out)-1].Direct = out[len(out)-1].Direct || it.Direct
			default:
				out = append(out, it)
			}
		}
		start = end
	}
	return out
}

func compareIdentity(a, b bearing.Item) int {
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.Version, b.Version)
}

// errSkip is returned by a parser that looked at a file and found it is not
// of its format (a YAML file that is no Kubernetes manifest): the file is
// then not listed as read for the inventory.
var errSkip = errors.New("not this format")
