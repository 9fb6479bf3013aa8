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

// assemble merges what the workers found into one sorted inventory.
func assemble(results []*result) *bearing.Inventory {
	inv := &bearing.Inventory{Items: []bearing.Item{}, Files: []string{}}
	var warnings []warning
	for _, r := range results {
		inv.Items = append(inv.Items, r.items...)
		inv.Files = append(inv.Files, r.files...)
		warnings = append(warnings, r.warnings...)
	}
	inv.Items = dedupe(inv.Items)
	slices.SortFunc(inv.Items, compareItems)
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
	return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

func compareItems(a, b bearing.Item) int {
	return cmp.Or(compareLocations(a.Location, b.Location), cmp.Compare(a.Kind, b.Kind),
		cmp.Compare(a.Name, b.Name), cmp.Compare(a.Version, b.Version), boolOrder(a.Direct, b.Direct))
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

// dedupe keeps one item per file, kind, name and version: the first place
// it appears, direct if any parser saw it declared. It also drops an item
// without version when the same file gives that name a version, so two
// parsers reading one file never count a package twice.
func dedupe(items []bearing.Item) []bearing.Item {
	type key struct {
		path, name, version string
		kind                bearing.IdentifierKind
	}
	first := make(map[key]int, len(items))
	versioned := make(map[key]bool)
	out := items[:0]
	for _, it := range items {
		k := key{it.Location.Path, it.Name, it.Version, it.Kind}
		if it.Version != "" {
			versioned[key{it.Location.Path, it.Name, "", it.Kind}] = true
		}
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			out = append(out, it)
			continue
		}
		kept := &out[i]
		direct := kept.Direct || it.Direct
		if earlier(it.Location, kept.Location) {
			*kept = it
		}
		kept.Direct = direct
	}
	return slices.DeleteFunc(out, func(it bearing.Item) bool {
		return it.Version == "" && versioned[key{it.Location.Path, it.Name, "", it.Kind}]
	})
}

// earlier prefers a known line to an unknown one, then the first place.
func earlier(a, b bearing.Location) bool {
	if (a.Line == 0) != (b.Line == 0) {
		return a.Line != 0
	}
	return compareLocations(a, b) < 0
}

// errSkip is returned by a parser that looked at a file and found it is not
// of its format (a YAML file that is no Kubernetes manifest): the file is
// then not listed as read for the inventory.
var errSkip = errors.New("not this format")
