package adr

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/bearingorg/bearing"
)

// maxSlug keeps file names readable in a directory listing and well under
// every file system's limit.
const maxSlug = 50

// FileName names the file of a decision the way adr-tools and MADR do
// ("0042-use-postgresql-for-new-services.md"), so an exported log sorts by
// number and the existing tools keep working on it.
func FileName(d *bearing.Decision) string {
	return fmt.Sprintf("%04d-%s.md", max(d.Number, 0), slug(d.Title))
}

// slug lower-cases the title and keeps letters and digits, with single
// hyphens between words, cut at a word boundary after maxSlug runes.
func slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	s := []rune(b.String())
	if len(s) > maxSlug {
		cut := maxSlug
		for i := maxSlug; i > maxSlug/2; i-- {
			if s[i] == '-' {
				cut = i
				break
			}
		}
		s = []rune(strings.TrimRight(string(s[:cut]), "-"))
	}
	if len(s) == 0 {
		return "decision"
	}
	return string(s)
}

// WriteDir exports decisions as one Format file each into dir, creating it
// if needed, and returns the paths written. Two decisions that would share
// a file name are refused before anything is written, so an export never
// silently loses a record. Files are written through an os.Root, so a
// symbolic link planted in dir cannot redirect them elsewhere.
func WriteDir(dir string, ds []*bearing.Decision) ([]string, error) {
	names := make([]string, len(ds))
	seen := map[string]int{}
	for i, d := range ds {
		names[i] = FileName(d)
		key := strings.ToLower(names[i]) // case-insensitive file systems
		if j, dup := seen[key]; dup {
			return nil, fmt.Errorf("adr: %s and %s would both be written to %s", ds[j].Key(), d.Key(), names[i])
		}
		seen[key] = i
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("adr: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("adr: %w", err)
	}
	defer root.Close()
	paths := make([]string, 0, len(ds))
	for i, d := range ds {
		if err := root.WriteFile(names[i], Format(d), 0o644); err != nil {
			return paths, fmt.Errorf("adr: writing %s: %w", d.Key(), err)
		}
		paths = append(paths, filepath.Join(dir, names[i]))
	}
	return paths, nil
}
