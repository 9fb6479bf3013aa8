package scan

import (
	"path"
	"strings"
	"testing"
)

// Each fuzz target feeds arbitrary bytes to one of this package's own
// parsers and checks, through checkFile, that it neither panics nor
// reports a place outside the file or a name an identifier would not read
// back. Seeds come from the fixture repositories and testdata/fuzz.

func FuzzDockerfile(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return isDockerfile(base, strings.ToLower(base)) })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "Dockerfile", data, parseDockerfile) })
}

func FuzzWorkflow(f *testing.F) {
	addSeeds(f, func(rel, _ string) bool { return strings.Contains(rel, ".github/workflows/") })
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, ".github/workflows/ci.yml", data, parseWorkflow)
		fuzzParser(t, "action.yml", data, parseActionManifest)
	})
}

func FuzzCompose(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml") })
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, "compose.yaml", data, parseCompose)
		fuzzParser(t, "deploy.yaml", data, parseKubernetes)
	})
}

func FuzzTerraform(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return path.Ext(base) == ".tf" })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "main.tf", data, parseTerraform) })
}

func FuzzGradle(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return strings.HasPrefix(base, "build.gradle") })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "build.gradle", data, parseGradle) })
}

func FuzzToolVersions(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return parsersFor("", base) != nil && strings.HasPrefix(base, ".") })
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{".tool-versions", ".nvmrc", ".python-version"} {
			fuzzParser(t, name, data, parseRuntimeFile)
		}
	})
}

func FuzzPackageJSON(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return base == "package.json" })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "package.json", data, parsePackageJSON) })
}

func FuzzPackageLock(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return base == "package-lock.json" })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "package-lock.json", data, parsePackageLock) })
}

func FuzzPyproject(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return base == "pyproject.toml" })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "pyproject.toml", data, parsePyproject) })
}

func FuzzCargoToml(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return base == "Cargo.toml" })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "Cargo.toml", data, parseCargoToml) })
}

func FuzzMSBuild(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return strings.HasSuffix(base, "proj") })
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParser(t, "App.csproj", data, parseMSBuild) })
}

func FuzzGoAndPomRuntime(f *testing.F) {
	addSeeds(f, func(_, base string) bool { return base == "go.mod" || base == "pom.xml" })
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzParser(t, "go.mod", data, parseGoDirectives)
		fuzzParser(t, "pom.xml", data, parsePomRuntime)
	})
}

// FuzzGitignore checks the matcher on arbitrary rules and paths: no panic,
// and a rule and its negation always disagree, whatever the path.
func FuzzGitignore(f *testing.F) {
	f.Add("*.log", "a/b.log", false)
	f.Add("/build/", "build", true)
	f.Add("a/**/b/**", "a/x/b/c", false)
	f.Add("[!a-c]?x", "dzx", false)
	f.Fuzz(func(t *testing.T, pattern, rel string, isDir bool) {
		rel = strings.Trim(path.Clean("/"+rel), "/")
		r, ok := parseIgnoreLine(strings.TrimPrefix(pattern, "!"))
		if !ok || rel == "" || strings.Contains(pattern, "\n") {
			return
		}
		r.negate = false
		plain := (&ignoreLevel{rules: []ignoreRule{r}}).ignored(rel, isDir)
		neg := r
		neg.negate = true
		all, _ := parseIgnoreLine("*")
		negated := (&ignoreLevel{rules: []ignoreRule{all, neg}}).ignored(rel, isDir)
		if plain == negated {
			t.Fatalf("rule %q on %q (dir %v): ignored %v, and after \"*\" its negation leaves it ignored %v", pattern, rel, isDir, plain, negated)
		}
		// A nested level sees the same rule relative to its directory.
		nested := (&ignoreLevel{base: "sub/dir", rules: []ignoreRule{r}}).ignored("sub/dir/"+rel, isDir)
		if nested != plain {
			t.Fatalf("rule %q on %q: %v at the root, %v one level down", pattern, rel, plain, nested)
		}
	})
}
