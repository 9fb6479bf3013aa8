package scan

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/bearingorg/bearing"
)

// walker reads a tree with a fixed pool of workers sharing one stack of
// tasks: a task is a directory to list or a file to parse, so listing and
// parsing overlap and a large lock file does not hold up the walk.
type walker struct {
	ctx  context.Context
	root string // absolute, symlinks resolved
	opt  Options

	mu      sync.Mutex
	cond    *sync.Cond
	stack   []task
	pending int // tasks pushed and not yet finished
}

// task is a directory to list (parsers == nil) or a file to parse.
type task struct {
	rel     string // relative to the root, with slashes; "" is the root
	ignore  *ignoreLevel
	parsers []parser
	linked  bool // a file reached through a symbolic link
}

// result is what one worker found; workers never share one, so they need
// no lock until the end.
type result struct {
	items    [][]bearing.Item // one sorted, deduplicated group per file
	files    []string
	warnings []warning
}

func (w *walker) run(workers int) []*result {
	w.cond = sync.NewCond(&w.mu)
	w.push(task{})
	results := make([]*result, workers)
	var wg sync.WaitGroup
	for i := range results {
		results[i] = &result{}
		wg.Add(1)
		go func(r *result) {
			defer wg.Done()
			for {
				t, ok := w.pop()
				if !ok {
					return
				}
				if w.ctx.Err() == nil {
					w.do(t, r)
				}
				w.done()
			}
		}(results[i])
	}
	wg.Wait()
	return results
}

func (w *walker) push(t task) {
	w.mu.Lock()
	w.stack = append(w.stack, t)
	w.pending++
	w.mu.Unlock()
	w.cond.Signal()
}

// pop takes the newest task, depth first so the stack stays short, and
// reports false once every task is finished.
func (w *walker) pop() (task, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for len(w.stack) == 0 {
		if w.pending == 0 {
			return task{}, false
		}
		w.cond.Wait()
	}
	t := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	return t, true
}

func (w *walker) done() {
	w.mu.Lock()
	w.pending--
	last := w.pending == 0
	w.mu.Unlock()
	if last {
		w.cond.Broadcast()
	}
}

func (w *walker) do(t task, r *result) {
	if t.parsers == nil {
		w.list(t, r)
		return
	}
	w.parse(t, r)
}

// abs returns the path on disk of a path relative to the root.
func (w *walker) abs(rel string) string {
	if rel == "" {
		return w.root
	}
	return filepath.Join(w.root, filepath.FromSlash(rel))
}

// list reads one directory: its .gitignore first, then each entry.
func (w *walker) list(t task, r *result) {
	entries, err := os.ReadDir(w.abs(t.rel))
	if err != nil {
		r.warnings = append(r.warnings, warning{loc(t.rel), "cannot read directory: " + errText(err)})
		return
	}
	ignore := t.ignore
	for _, e := range entries {
		if e.Name() == ".gitignore" && e.Type().IsRegular() {
			if data, err := readLimited(w.abs(join(t.rel, ".gitignore"))); err == nil {
				ignore = parseGitignore(ignore, t.rel, data)
			}
		}
	}
	for _, e := range entries {
		w.entry(t.rel, e, ignore)
	}
}

// entry decides what to do with one entry of directory dir.
func (w *walker) entry(dir string, e fs.DirEntry, ignore *ignoreLevel) {
	name, typ := e.Name(), e.Type()
	switch {
	case typ.IsDir():
		rel := join(dir, name)
		vendored := name == "node_modules" || name == "vendor"
		if name == ".git" || vendored && !w.opt.IncludeVendored {
			return
		}
		if !(vendored && w.opt.IncludeVendored) && ignore.ignored(rel, true) {
			return
		}
		w.push(task{rel: rel, ignore: ignore})
	case typ.IsRegular(), typ&fs.ModeSymlink != 0:
		parsers := parsersFor(dir, name)
		if len(parsers) == 0 {
			return
		}
		rel := join(dir, name)
		if ignore.ignored(rel, false) {
			return
		}
		w.push(task{rel: rel, parsers: parsers, linked: typ&fs.ModeSymlink != 0})
	}
}

// parse reads a file and runs its parsers.
func (w *walker) parse(t task, r *result) {
	path := w.abs(t.rel)
	if t.linked && !w.linkInside(t.rel, path, r) {
		return
	}
	data, err := readLimited(path)
	if err != nil {
		r.warnings = append(r.warnings, warning{loc(t.rel), errText(err)})
		return
	}
	f := &file{path: t.rel, data: data}
	recognised := runParsers(w.ctx, w.root, f, t.parsers)
	if items := dedupe(f.items); len(items) > 0 {
		slices.SortFunc(items, compareItems)
		r.items = append(r.items, items)
	}
	r.warnings = append(r.warnings, f.warnings...)
	if recognised {
		r.files = append(r.files, t.rel)
	}
	r.files = append(r.files, f.extra...)
}

// linkInside reports whether a symbolic link leads to a regular file inside
// the root; a link that leads out is skipped with a warning, since reading
// it would report what another repository uses, and a link to a directory
// is never followed.
func (w *walker) linkInside(rel, path string, r *result) bool {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		r.warnings = append(r.warnings, warning{loc(rel), "broken symbolic link skipped"})
		return false
	}
	if !within(w.root, target) {
		r.warnings = append(r.warnings, warning{loc(rel), "symbolic link to a file outside the repository skipped"})
		return false
	}
	info, err := os.Stat(target)
	return err == nil && info.Mode().IsRegular()
}

// within reports whether path lies inside dir (both absolute and clean).
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// errFileTooLarge reports a file over maxFileSize.
type errFileTooLarge int64

func (e errFileTooLarge) Error() string {
	return "file of " + formatSize(int64(e)) + " skipped: larger than 64 MiB"
}

// readLimited reads a regular file of at most maxFileSize bytes. It opens
// nothing but regular files, so a named pipe cannot block the scan.
func readLimited(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrInvalid}
	}
	if info.Size() > maxFileSize {
		return nil, errFileTooLarge(info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) > maxFileSize {
			return nil, errFileTooLarge(len(data))
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
