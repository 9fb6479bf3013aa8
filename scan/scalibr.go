package scan

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"sync"

	"github.com/google/osv-scalibr/extractor"
	"github.com/google/osv-scalibr/extractor/filesystem"
	"github.com/google/osv-scalibr/extractor/filesystem/language/dotnet/packageslockjson"
	"github.com/google/osv-scalibr/extractor/filesystem/language/golang/gomod"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/gradlelockfile"
	"github.com/google/osv-scalibr/extractor/filesystem/language/java/pomxml"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/pnpmlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/javascript/yarnlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/php/composerlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/pipfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/poetrylock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/requirements"
	"github.com/google/osv-scalibr/extractor/filesystem/language/python/uvlock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/ruby/gemfilelock"
	"github.com/google/osv-scalibr/extractor/filesystem/language/rust/cargolock"
	"github.com/google/osv-scalibr/log"
	"github.com/google/osv-scalibr/purl"

	cpb "github.com/google/osv-scalibr/binary/proto/config_go_proto"

	"github.com/bearingorg/bearing"
)

// scalibrNew builds each scalibr extractor this package uses, by a short
// name. Lock files are what scalibr reads best, and reading them as
// osv-scanner does keeps Bearing's inventory and a vulnerability report in
// agreement.
var scalibrNew = map[string]func(*cpb.PluginConfig) (filesystem.Extractor, error){
	"gomod": gomod.New, "pomxml": pomxml.New, "requirements": requirements.New,
	"yarnlock": yarnlock.New, "pnpmlock": pnpmlock.New,
	"poetrylock": poetrylock.New, "pipfilelock": pipfilelock.New, "uvlock": uvlock.New,
	"gradlelockfile": gradlelockfile.New, "cargolock": cargolock.New, "gemfilelock": gemfilelock.New,
	"composerlock": composerlock.New, "packageslockjson": packageslockjson.New,
}

// scalibrByName maps the file names that scalibr alone reads to its
// extractor.
var scalibrByName = map[string]string{
	"yarn.lock": "yarnlock", "pnpm-lock.yaml": "pnpmlock",
	"poetry.lock": "poetrylock", "Pipfile.lock": "pipfilelock", "uv.lock": "uvlock",
	"gradle.lockfile": "gradlelockfile", "buildscript-gradle.lockfile": "gradlelockfile",
	"Cargo.lock": "cargolock", "Gemfile.lock": "gemfilelock", "gems.locked": "gemfilelock",
	"composer.lock": "composerlock", "packages.lock.json": "packageslockjson",
}

// manifests are the scalibr inputs that declare dependencies rather than
// lock them.
var manifests = map[string]bool{"gomod": true, "pomxml": true, "requirements": true}

// scalibrExtractors builds the extractors once; they keep no state between
// files. It also silences scalibr's logger, which would otherwise write to
// standard error from inside `bearing check`: what matters reaches the
// inventory as a warning.
var scalibrExtractors = sync.OnceValue(func() map[string]filesystem.Extractor {
	log.SetLogger(quietLogger{})
	m := make(map[string]filesystem.Extractor, len(scalibrNew))
	for name, newFn := range scalibrNew {
		x, err := newFn(&cpb.PluginConfig{})
		if err != nil {
			panic("scan: scalibr extractor " + name + ": " + err.Error())
		}
		m[name] = x
	}
	return m
})

var scalibrParsers = func() map[string]parser {
	m := make(map[string]parser, len(scalibrNew))
	for name := range scalibrNew {
		m[name] = parser{name: "scalibr/" + name, run: func(ctx context.Context, root string, f *file) error {
			return extract(ctx, root, f, name)
		}}
	}
	return m
}()

func scalibrParser(name string) parser { return scalibrParsers[name] }

// extract runs one scalibr extractor on f and converts its packages.
func extract(ctx context.Context, root string, f *file, name string) error {
	fsys := &rootFS{root: root, f: f, closed: name == "requirements"}
	inv, err := scalibrExtractors()[name].Extract(ctx, &filesystem.ScanInput{
		FS: fsys, Path: f.path, Root: root, Reader: bytes.NewReader(f.data),
	})
	if err != nil {
		return err
	}
	for _, p := range inv.Packages {
		f.addPackage(p, name)
	}
	return nil
}

// addPackage converts one scalibr package. Packages that another file
// declares (a requirements file's -r include, a go.sum line) are left to
// that file's own scan, so nothing is counted twice.
func (f *file) addPackage(p *extractor.Package, extractorName string) {
	if at := p.Location.PathOrEmpty(); at != "" && at != f.path {
		return
	}
	raw, ok := purlName(p)
	if !ok {
		return
	}
	line := 0
	if p.Location.Descriptor != nil && p.Location.Descriptor.File != nil {
		line = p.Location.Descriptor.File.LineNumber
	}
	version := p.Version
	direct := manifests[extractorName]
	switch extractorName {
	case "gomod":
		direct = !strings.Contains(f.line(line), "// indirect")
	case "requirements":
		if m, ok := p.Metadata.(*requirements.Metadata); ok {
			_, version = splitRequirement(m.Requirement)
		}
	case "cargolock", "uvlock":
		if f.lockEntryIsLocal(line) {
			return
		}
	}
	col := 0
	if line > 0 && line <= len(f.lineStarts()) {
		col = f.nameColumn(line, p.Name)
	} else {
		line, col = f.findQuoted(p.Name)
	}
	f.add(bearing.KindPackage, raw, version, line, col, direct)
}

// lockEntryIsLocal reports whether the [[package]] entry of a Cargo.lock
// or uv.lock at line is the project itself or a crate of its workspace:
// one with no registry source (Cargo) or an editable, virtual or
// directory source (uv). Those are the repository's own code.
func (f *file) lockEntryIsLocal(line int) bool {
	if line < 1 {
		return false
	}
	for n := line; n <= len(f.lineStarts()); n++ {
		text := strings.TrimSpace(f.line(n))
		if n > line && (strings.HasPrefix(text, "[") || text == "") {
			break
		}
		if src, ok := strings.CutPrefix(text, "source ="); ok {
			src = strings.TrimSpace(src)
			return localSource.MatchString(src)
		}
	}
	return true
}

var localSource = regexp.MustCompile(`^\{\s*(?:editable|virtual|path|directory)\s*=`)

// purlName gives the package URL, without version, that names p in
// Bearing's identifiers.
func purlName(p *extractor.Package) (string, bool) {
	name := p.Name
	switch p.PURLType {
	case purl.TypeNPM, purl.TypePyPi, purl.TypeGem, purl.TypeCargo, purl.TypeComposer, purl.TypeNuget:
	case purl.TypeGolang:
		if name == "stdlib" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "/") {
			return "", false // the go directive is read by parseGoDirectives; local replacements are no modules
		}
	case purl.TypeMaven:
		g, a, ok := strings.Cut(name, ":")
		if !ok || g == "" || a == "" {
			return "", false
		}
		name = g + "/" + a
	default:
		return "", false
	}
	return "pkg:" + p.PURLType + "/" + name, true
}

// nameColumn finds where a package's name stands on its line; in
// package-lock.json v2 and v3 keys that is after the last "node_modules/".
func (f *file) nameColumn(line int, name string) int {
	if c := f.columnOf(line, "node_modules/"+name+`"`); c > 0 {
		text := f.line(line)
		i := strings.LastIndex(text, "node_modules/"+name+`"`) + len("node_modules/")
		return len([]rune(text[:i])) + 1
	}
	return f.columnOf(line, name)
}

// findQuoted locates the first quoted occurrence of name, for extractors
// that give no line (packages.lock.json); it indexes the file's quoted
// strings once, so a file with thousands of packages is read once.
func (f *file) findQuoted(name string) (line, col int) {
	if f.quoted == nil {
		f.quoted = quotedStrings(f.data)
	}
	off, ok := f.quoted[name]
	if !ok {
		return 0, 0
	}
	return f.position(off)
}

// quotedStrings maps each double-quoted string of data (up to a line's
// end, honouring backslash escapes) to the offset where it first begins.
func quotedStrings(data []byte) map[string]int {
	m := make(map[string]int)
	for i := 0; i < len(data); i++ {
		if data[i] != '"' {
			continue
		}
		start, j := i+1, i+1
		for j < len(data) && data[j] != '"' && data[j] != '\n' {
			if data[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(data) {
			break
		}
		if s := string(data[start:j]); m[s] == 0 {
			m[s] = start
		}
		i = j
	}
	return m
}

// quietLogger drops scalibr's log lines.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Error(...any)          {}
func (quietLogger) Warnf(string, ...any)  {}
func (quietLogger) Warn(...any)           {}
func (quietLogger) Infof(string, ...any)  {}
func (quietLogger) Info(...any)           {}
func (quietLogger) Debugf(string, ...any) {}
func (quietLogger) Debug(...any)          {}
