package scan

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// parser reads one format from a file into f.items and f.warnings. It
// returns errSkip when the file turns out not to be of its format, and any
// other error for a file it could not read fully (the error's text, and
// the line it names, become a warning).
type parser struct {
	name string
	run  func(ctx context.Context, root string, f *file) error
}

// own wraps a parser of this package, which needs neither context nor file
// system.
func own(name string, fn func(f *file) error) parser {
	return parser{name, func(_ context.Context, _ string, f *file) error { return fn(f) }}
}

var (
	dockerfileParser = own("Dockerfile", parseDockerfile)
	composeParser    = own("Compose file", parseCompose)
	kubernetesParser = own("Kubernetes manifest", parseKubernetes)
	workflowParser   = own("GitHub Actions workflow", parseWorkflow)
	actionParser     = own("GitHub action", parseActionManifest)
	terraformParser  = own("Terraform", parseTerraform)
	gradleParser     = own("Gradle build", parseGradle)
	runtimeParser    = own("runtime version file", parseRuntimeFile)
	packageJSON      = own("package.json", parsePackageJSON)
	packageLock      = own("package-lock.json", parsePackageLock)
	pyproject        = own("pyproject.toml", parsePyproject)
	cargoToml        = own("Cargo.toml", parseCargoToml)
	msbuildParser    = own("project file", parseMSBuild)
	goRuntimeParser  = own("go.mod", parseGoDirectives)
	javaRuntime      = own("pom.xml", parsePomRuntime)
)

// parsersFor chooses the parsers of a file by its name and the directory
// holding it (relative to the root); most files get none, and are never
// opened.
func parsersFor(dir, base string) []parser {
	switch base {
	case "go.mod":
		return []parser{scalibrParser("gomod"), goRuntimeParser}
	case "pom.xml":
		return []parser{scalibrParser("pomxml"), javaRuntime}
	case "package.json":
		return []parser{packageJSON}
	case "package-lock.json", "npm-shrinkwrap.json":
		return []parser{packageLock}
	case "pyproject.toml":
		return []parser{pyproject}
	case "Cargo.toml":
		return []parser{cargoToml}
	case "build.gradle", "build.gradle.kts":
		return []parser{gradleParser}
	case ".nvmrc", ".node-version", ".python-version", ".tool-versions":
		return []parser{runtimeParser}
	case "Directory.Packages.props", "Directory.Build.props":
		return []parser{msbuildParser}
	}
	if p, ok := scalibrByName[base]; ok {
		return []parser{scalibrParser(p)}
	}
	lower := strings.ToLower(base)
	ext := path.Ext(lower)
	switch {
	case ext == ".csproj" || ext == ".fsproj" || ext == ".vbproj":
		return []parser{msbuildParser}
	case ext == ".tf":
		return []parser{terraformParser}
	case ext == ".txt" && (strings.Contains(lower, "requirements") || path.Base(dir) == "requirements"):
		return []parser{scalibrParser("requirements")}
	case isDockerfile(base, lower):
		return []parser{dockerfileParser}
	case ext == ".yml" || ext == ".yaml":
		return yamlParsers(dir, lower)
	}
	return nil
}

// isDockerfile recognises Dockerfile, Containerfile, Dockerfile.prod and
// app.dockerfile; "dockerfile.go" is source code, so the dotted prefix must
// be capitalised as Docker writes it.
func isDockerfile(base, lower string) bool {
	for _, n := range []string{"Dockerfile", "Containerfile"} {
		ln := strings.ToLower(n)
		if lower == ln || strings.HasSuffix(lower, "."+ln) ||
			strings.HasPrefix(base, n+".") && !strings.HasSuffix(lower, ".dockerignore") {
			return true
		}
	}
	return false
}

func yamlParsers(dir, lower string) []parser {
	switch {
	case dir == ".github/workflows" || strings.HasSuffix(dir, "/.github/workflows"):
		return []parser{workflowParser}
	case strings.HasPrefix(lower, "docker-compose") || strings.HasPrefix(lower, "compose"):
		return []parser{composeParser}
	case lower == "action.yml" || lower == "action.yaml":
		return []parser{actionParser}
	case lower == "pnpm-lock.yaml":
		return nil // handled by scalibr above; never a manifest
	}
	return []parser{kubernetesParser}
}

// runParsers runs each parser on f, turning errors and panics into
// warnings, and reports whether any parser recognised the file.
func runParsers(ctx context.Context, root string, f *file, parsers []parser) (recognised bool) {
	for _, p := range parsers {
		err := safely(ctx, root, f, p)
		switch {
		case errors.Is(err, errSkip):
			continue
		case err != nil:
			f.warn(f.errorLine(err), "%s: %s", p.name, errText(err))
		}
		recognised = true
	}
	return recognised
}

// safely runs a parser and turns a panic into an error, so one file no
// parser anticipated cannot stop the check of a whole repository.
func safely(ctx context.Context, root string, f *file, p parser) (err error) {
	items, warnings := len(f.items), len(f.warnings)
	defer func() {
		if v := recover(); v != nil {
			f.items, f.warnings = f.items[:items], f.warnings[:warnings]
			err = fmt.Errorf("internal error: %v", v)
		}
	}()
	return p.run(ctx, root, f)
}

var lineInError = []*regexp.Regexp{
	regexp.MustCompile(`\bline (\d+)\b`),
	regexp.MustCompile(`(?:^|\s)[^\s:]+:(\d+):`),
}

// errorLine finds the line an error is about: a lineError's, a JSON syntax
// error's offset, or the number that parsers write into their messages
// ("yaml: line 7:", "go.mod:3:", "on line 4"), at most the last line; 0
// when none.
func (f *file) errorLine(err error) int {
	var lerr *lineError
	var serr *json.SyntaxError
	var terr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &lerr):
		return lerr.line
	case errors.As(err, &serr):
		line, _ := f.position(int(serr.Offset))
		return line
	case errors.As(err, &terr):
		line, _ := f.position(int(terr.Offset))
		return line
	}
	for _, re := range lineInError {
		if m := re.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return min(n, len(f.lineStarts())) // "unexpected end" is told past the last line
		}
	}
	return 0
}

// lineError is an error at a known line.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return e.msg }

func errorAt(line int, format string, args ...any) error {
	return &lineError{line, fmt.Sprintf(format, args...)}
}

// errText writes an error without the absolute paths a file system error
// carries, so warnings read the same on every machine.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

func loc(rel string) bearing.Location { return bearing.Location{Path: rel} }

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

func formatSize(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
}
