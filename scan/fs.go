package scan

import (
	"io/fs"
	"os"
	"path/filepath"
)

// rootFS is the file system scalibr's extractors see: the scanned tree and
// nothing outside it, symbolic links included. Some extractors read other
// files than the one they were given (a pom.xml's parent, a go.sum); those
// files are noted on f so the inventory lists them as read. A closed rootFS
// opens nothing, for extractors whose includes the scan reaches anyway.
type rootFS struct {
	root   string
	f      *file
	closed bool
}

// resolve returns the path on disk of name, refusing names that leave the
// root by "..", by an absolute path or through a link.
func (r *rootFS) resolve(name string) (string, error) {
	if r.closed || !fs.ValidPath(name) {
		return "", fs.ErrNotExist
	}
	p := filepath.Join(r.root, filepath.FromSlash(name))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	if real != r.root && !within(r.root, real) {
		return "", fs.ErrNotExist
	}
	return p, nil
}

func (r *rootFS) Open(name string) (fs.File, error) {
	p, err := r.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if info.Mode().IsRegular() {
		if info.Size() > maxFileSize {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errFileTooLarge(info.Size())}
		}
		if name != r.f.path {
			r.f.extra = append(r.f.extra, name)
		}
	}
	return os.Open(p)
}

func (r *rootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := r.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	return os.ReadDir(p)
}

func (r *rootFS) Stat(name string) (fs.FileInfo, error) {
	p, err := r.resolve(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	return os.Stat(p)
}
