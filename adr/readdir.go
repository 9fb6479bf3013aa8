package adr

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bearingorg/bearing"
)

// maxFileSize bounds what ReadDir reads of one file: far above any real
// ADR, far below what could hurt the importing server.
const maxFileSize = 1 << 20

// ReadDir imports a whole decision log: every ADR under dir (recursively),
// sorted by number. Files that cannot be read or parsed are skipped and
// reported, one Problem each, so that one bad file does not block the rest.
// Records without a number (log4brains names files by date) are numbered
// after the highest number found, in file name order, and links between
// them by file name are resolved to those numbers. Records that share a
// number are all reported and skipped: which one is right is for a person
// to say.
//
// README.md, index.md and templates are skipped, as are hidden directories
// and *.md files whose names do not start with a digit unless they carry a
// status or a numbered title. Symbolic links are followed only within dir;
// one that points outside is reported, never read. The error is for dir
// itself being unreadable.
func ReadDir(dir string) ([]*bearing.Decision, []Problem, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("adr: %w", err)
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return nil, nil, fmt.Errorf("adr: %w", err)
	}
	defer root.Close()
	w := &walker{dir: dir, real: real, root: root, regular: map[string]bool{}}
	if err := fs.WalkDir(root.FS(), ".", w.visit); err != nil {
		return nil, nil, fmt.Errorf("adr: %w", err)
	}
	for _, rel := range w.links {
		w.link(rel)
	}
	ds := settle(w.parseAll(), &w.probs)
	slices.SortFunc(w.probs, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
	return ds, w.probs, nil
}

// file is an ADR to read: rel is where Source says it is, read where its
// content is (they differ for a symbolic link).
type file struct{ rel, read string }

type walker struct {
	dir, real string
	root      *os.Root
	files     []file
	links     []string
	regular   map[string]bool
	probs     []Problem
}

func (w *walker) problem(rel, format string, args ...any) {
	w.probs = append(w.probs, Problem{Path: filepath.Join(w.dir, rel), Message: fmt.Sprintf(format, args...)})
}

func (w *walker) visit(rel string, e fs.DirEntry, err error) error {
	if err != nil {
		if rel == "." {
			return err
		}
		w.problem(rel, "%v", err)
		return nil
	}
	name := e.Name()
	if rel != "." && (strings.HasPrefix(name, ".") || name == "node_modules") {
		if e.IsDir() {
			return fs.SkipDir
		}
		return nil
	}
	rel = filepath.FromSlash(rel)
	switch {
	case e.Type()&fs.ModeSymlink != 0:
		w.links = append(w.links, rel)
	case e.Type().IsRegular() && isADRName(name):
		w.files = append(w.files, file{rel: rel, read: rel})
		w.regular[rel] = true
	}
	return nil
}

// isADRName tells the Markdown files that may be ADRs from the index pages
// and templates kept next to them.
func isADRName(name string) bool {
	n := strings.ToLower(name)
	switch {
	case !strings.HasSuffix(n, ".md"), n == "readme.md", n == "index.md", n == "template.md":
		return false
	}
	return !strings.HasSuffix(n, "-template.md") && !strings.HasSuffix(n, "_template.md")
}

// link decides about one symbolic link: followed if it stays within dir and
// names an ADR not read anyway, reported if it points outside or nowhere.
func (w *walker) link(rel string) {
	full := filepath.Join(w.real, rel)
	md := isADRName(filepath.Base(rel))
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		if md {
			w.problem(rel, "broken symbolic link; not followed")
		}
		return
	}
	info, err := os.Stat(target)
	isDir := err == nil && info.IsDir()
	in, err := filepath.Rel(w.real, target)
	if err != nil || in == ".." || strings.HasPrefix(in, ".."+string(filepath.Separator)) || filepath.IsAbs(in) {
		if md || isDir {
			w.problem(rel, "symbolic link to %s points outside %s; not followed", target, w.dir)
		}
		return
	}
	if isDir || !md || w.regular[in] {
		return // walked already, not an ADR, or read under its own name
	}
	w.regular[in] = true
	w.files = append(w.files, file{rel: rel, read: in})
}

// parse reads and parses one file. It returns the parser of a good record,
// a Problem for a bad one, and neither for a file that is no ADR. It changes
// nothing in w.
func (w *walker) parse(f file) (*parser, *Problem) {
	bad := func(format string, args ...any) (*parser, *Problem) {
		return nil, &Problem{Path: filepath.Join(w.dir, f.rel), Message: fmt.Sprintf(format, args...)}
	}
	fh, err := w.root.Open(f.read)
	if err != nil {
		return bad("%v", err)
	}
	defer fh.Close()
	var buf bytes.Buffer
	if info, err := fh.Stat(); err == nil && info.Size() <= maxFileSize {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(fh, maxFileSize+1)); err != nil {
		return bad("%v", err)
	}
	content := buf.Bytes()
	if len(content) > maxFileSize {
		return bad("the file is larger than %d bytes; an ADR never is", maxFileSize)
	}
	p := parse(filepath.Join(w.dir, f.rel), content)
	name := filepath.Base(f.rel)
	if (name[0] < '0' || name[0] > '9') && !p.hasStatus && !p.numbered && !p.numberSet {
		return nil, nil // notes, not a decision record
	}
	if err := p.probs.err(); err != nil {
		prob := err.(Problem)
		return nil, &prob
	}
	return p, nil
}

// parseAll parses the files and returns the good records in file order,
// appending the problems to w.probs. One file takes tens of microseconds;
// a parallel version measured no faster on a two-core machine, so the
// simple loop stays.
func (w *walker) parseAll() []*parser {
	var parsed []*parser
	for _, f := range w.files {
		p, prob := w.parse(f)
		if prob != nil {
			w.probs = append(w.probs, *prob)
		} else if p != nil {
			parsed = append(parsed, p)
		}
	}
	return parsed
}

// settle numbers the records that have no number, resolves links by file
// name, sorts by number and drops (reporting) records that share a number.
// Numbering comes first so that a log4brains record can be linked by the
// number it is given.
func settle(parsed []*parser, probs *[]Problem) []*bearing.Decision {
	top := 0
	for _, p := range parsed {
		top = max(top, p.d.Number)
	}
	byFile := map[string]string{}
	for _, p := range parsed {
		if p.d.Number == 0 {
			top++
			p.d.Number = top
		}
		byFile[strings.ToLower(filepath.Base(p.path))] = p.d.Key()
	}
	ds := make([]*bearing.Decision, 0, len(parsed))
	for _, p := range parsed {
		for _, f := range p.supersedesFiles {
			if k, ok := byFile[strings.ToLower(f)]; ok {
				addKeys(&p.d.Supersedes, k)
			}
		}
		for _, f := range p.supersededByFiles {
			if k, ok := byFile[strings.ToLower(f)]; ok {
				addKeys(&p.d.SupersededBy, k)
			}
		}
		ds = append(ds, p.d)
	}
	slices.SortStableFunc(ds, func(a, b *bearing.Decision) int {
		return cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(a.Source, b.Source))
	})
	return dropShared(ds, probs)
}

// dropShared removes the records of a sorted list whose number another
// record has too, with a Problem for each naming the other file.
func dropShared(ds []*bearing.Decision, probs *[]Problem) []*bearing.Decision {
	out := ds[:0]
	for i := 0; i < len(ds); {
		j := i + 1
		for j < len(ds) && ds[j].Number == ds[i].Number {
			j++
		}
		if j == i+1 {
			out = append(out, ds[i])
			i = j
			continue
		}
		for k := i; k < j; k++ {
			other := ds[i]
			if k == i {
				other = ds[i+1]
			}
			*probs = append(*probs, Problem{Path: ds[k].Source, Message: fmt.Sprintf(
				"number %d is also used by %s; give one of them another number", ds[k].Number, other.Source)})
		}
		i = j
	}
	return out
}
