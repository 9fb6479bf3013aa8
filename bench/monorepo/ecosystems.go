package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// ecosystem says what one service of a language looks like.
type ecosystem struct {
	name        string
	ext         string // of its source files
	versionFile string
	version     func(*rand.Rand) string
	files       func(*rand.Rand) map[string]string
}

var ecosystems = []ecosystem{
	{"go", ".go", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"go.mod": goMod(r), "tools/go.mod": goMod(r)}
	}},
	{"npm", ".ts", ".nvmrc", nvmrc, func(r *rand.Rand) map[string]string {
		return map[string]string{"package.json": packageJSON(r, 25), "package-lock.json": packageLock(r, 150)}
	}},
	{"yarn", ".js", ".node-version", nvmrc, func(r *rand.Rand) map[string]string {
		return map[string]string{"package.json": packageJSON(r, 25), "yarn.lock": yarnLock(r, 150)}
	}},
	{"pnpm", ".ts", ".nvmrc", nvmrc, func(r *rand.Rand) map[string]string {
		return map[string]string{"package.json": packageJSON(r, 25), "pnpm-lock.yaml": pnpmLock(r, 120)}
	}},
	{"python", ".py", ".python-version", pythonVersion, func(r *rand.Rand) map[string]string {
		return map[string]string{"requirements.txt": requirements(r, 30), "requirements-dev.txt": requirements(r, 8),
			"pyproject.toml": pyproject(r), "poetry.lock": tomlLock(r, 80, "pypi")}
	}},
	{"uv", ".py", ".python-version", pythonVersion, func(r *rand.Rand) map[string]string {
		return map[string]string{"pyproject.toml": pyproject(r), "uv.lock": tomlLock(r, 80, "uv")}
	}},
	{"maven", ".java", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"pom.xml": pom(r, 20)}
	}},
	{"gradle", ".kt", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"build.gradle.kts": gradle(r, 20), "gradle.lockfile": gradleLock(r, 60)}
	}},
	{"cargo", ".rs", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"Cargo.toml": cargoToml(r, 15), "Cargo.lock": tomlLock(r, 90, "cargo")}
	}},
	{"ruby", ".rb", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"Gemfile.lock": gemfileLock(r, 60)}
	}},
	{"php", ".php", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"composer.lock": composerLock(r, 50)}
	}},
	{"dotnet", ".cs", ".tool-versions", toolVersions, func(r *rand.Rand) map[string]string {
		return map[string]string{"App.csproj": csproj(r, 15), "packages.lock.json": nugetLock(r, 40)}
	}},
}

var words = strings.Fields(`alpha beta gamma delta omega route cache store queue event stream index
	search order cart payment user account auth token session config logger metric trace report
	render parse format billing invoice ledger shipment catalog inventory pricing review`)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func semver(r *rand.Rand) string {
	return fmt.Sprintf("%d.%d.%d", r.IntN(12), r.IntN(30), r.IntN(20))
}

// name makes a package name that repeats across services, as real
// dependencies do.
func name(r *rand.Rand) string { return pick(r, words) + "-" + pick(r, words) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func toolVersions(r *rand.Rand) string {
	return fmt.Sprintf("golang 1.%d.%d\nnodejs %d.%d.0\njava temurin-%d.0.%d+7\n", 20+r.IntN(4), r.IntN(8), 18+2*r.IntN(3), r.IntN(12), 11+6*r.IntN(2), r.IntN(10))
}

func nvmrc(r *rand.Rand) string { return fmt.Sprintf("v%d.%d.0\n", 18+2*r.IntN(3), r.IntN(12)) }

func pythonVersion(r *rand.Rand) string { return fmt.Sprintf("3.%d.%d\n", 9+r.IntN(5), r.IntN(10)) }

func goMod(r *rand.Rand) string {
	var b strings.Builder
	fmt.Fprintf(&b, "module example.com/%s\n\ngo 1.%d\n\nrequire (\n", name(r), 20+r.IntN(4))
	for range 10 + r.IntN(20) {
		fmt.Fprintf(&b, "\tgithub.com/%s/%s v%d.%d.%d\n", pick(r, words), name(r), r.IntN(2), r.IntN(30), r.IntN(20)) // v2+ would need a /v2 path
	}
	b.WriteString(")\n")
	return b.String()
}

func packageJSON(r *rand.Rand, n int) string {
	var deps []string
	for range n {
		deps = append(deps, fmt.Sprintf("    %q: \"^%s\"", name(r), semver(r)))
	}
	return fmt.Sprintf("{\n  \"name\": %q,\n  \"version\": \"1.0.0\",\n  \"engines\": {\"node\": \">=%d\"},\n  \"dependencies\": {\n%s\n  },\n  \"devDependencies\": {\n    \"typescript\": \"~5.%d.0\"\n  }\n}\n",
		name(r), 18+2*r.IntN(3), strings.Join(deps, ",\n"), r.IntN(5))
}

func packageLock(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("{\n  \"name\": \"svc\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\"name\": \"svc\"}")
	for i := range n {
		fmt.Fprintf(&b, ",\n    \"node_modules/%s-%d\": {\n      \"version\": %q\n    }", name(r), i, semver(r))
	}
	b.WriteString("\n  }\n}\n")
	return b.String()
}

// bigPackageLock writes a lockfileVersion 3 file of about size bytes, with
// nested node_modules as npm writes them.
func bigPackageLock(r *rand.Rand, size int) string {
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString("{\n  \"name\": \"web-monolith\",\n  \"version\": \"1.0.0\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n    \"\": {\n      \"name\": \"web-monolith\",\n      \"version\": \"1.0.0\"\n    }")
	for i := 0; b.Len() < size; i++ {
		pkg := fmt.Sprintf("%s-%d", name(r), i)
		key := "node_modules/" + pkg
		if i%7 == 3 {
			key = fmt.Sprintf("node_modules/%s-%d/node_modules/%s", name(r), i-1, pkg)
		}
		v := semver(r)
		fmt.Fprintf(&b, ",\n    %q: {\n      \"version\": %q,\n      \"resolved\": \"https://registry.npmjs.org/%s/-/%s-%s.tgz\",\n      \"integrity\": \"sha512-%s\",\n      \"dependencies\": {\n        %q: \"^%s\"\n      }\n    }",
			key, v, pkg, pkg, v, strings.Repeat(pick(r, words), 16)[:64], name(r), semver(r))
	}
	b.WriteString("\n  }\n}\n")
	return b.String()
}

func yarnLock(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("# yarn lockfile v1\n\n")
	for i := range n {
		p, v := fmt.Sprintf("%s-%d", name(r), i), semver(r)
		fmt.Fprintf(&b, "%s@^%s:\n  version \"%s\"\n  resolved \"https://registry.yarnpkg.com/%s/-/%s-%s.tgz\"\n\n", p, v, v, p, p, v)
	}
	return b.String()
}

func pnpmLock(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("lockfileVersion: '9.0'\n\npackages:\n\n")
	for i := range n {
		fmt.Fprintf(&b, "  %s-%d@%s:\n    resolution: {integrity: sha512-abc}\n\n", name(r), i, semver(r))
	}
	return b.String()
}

func requirements(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		fmt.Fprintf(&b, "%s==%s\n", name(r), semver(r))
	}
	return b.String()
}

func pyproject(r *rand.Rand) string {
	var deps []string
	for range 12 {
		deps = append(deps, fmt.Sprintf("    \"%s>=%s\",", name(r), semver(r)))
	}
	return fmt.Sprintf("[project]\nname = %q\nversion = \"0.1.0\"\nrequires-python = \">=3.%d\"\ndependencies = [\n%s\n]\n", name(r), 9+r.IntN(4), strings.Join(deps, "\n"))
}

// tomlLock writes [[package]] entries as poetry.lock, uv.lock and
// Cargo.lock do.
func tomlLock(r *rand.Rand, n int, kind string) string {
	var b strings.Builder
	if kind != "pypi" {
		b.WriteString("version = 3\n\n")
	}
	for i := range n {
		fmt.Fprintf(&b, "[[package]]\nname = \"%s-%d\"\nversion = %q\n", name(r), i, semver(r))
		switch kind {
		case "cargo":
			b.WriteString("source = \"registry+https://github.com/rust-lang/crates.io-index\"\n")
		case "uv":
			b.WriteString("source = { registry = \"https://pypi.org/simple\" }\n")
		default:
			b.WriteString("description = \"\"\noptional = false\npython-versions = \">=3.8\"\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func pom(r *rand.Rand, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n  <artifactId>%s</artifactId>\n  <version>1.0</version>\n  <properties>\n    <maven.compiler.release>%d</maven.compiler.release>\n  </properties>\n  <dependencies>\n", name(r), 11+6*r.IntN(2))
	for range n {
		fmt.Fprintf(&b, "    <dependency>\n      <groupId>org.%s</groupId>\n      <artifactId>%s</artifactId>\n      <version>%s</version>\n    </dependency>\n", pick(r, words), name(r), semver(r))
	}
	b.WriteString("  </dependencies>\n</project>\n")
	return b.String()
}

func gradle(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("plugins {\n    kotlin(\"jvm\") version \"1.9.23\"\n}\n\ndependencies {\n")
	for range n {
		fmt.Fprintf(&b, "    implementation(\"org.%s:%s:%s\")\n", pick(r, words), name(r), semver(r))
	}
	b.WriteString("}\n\nkotlin { jvmToolchain(17) }\n")
	return b.String()
}

func gradleLock(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("# This is a Gradle generated file for dependency locking.\n")
	for range n {
		fmt.Fprintf(&b, "org.%s:%s:%s=compileClasspath,runtimeClasspath\n", pick(r, words), name(r), semver(r))
	}
	b.WriteString("empty=\n")
	return b.String()
}

func cargoToml(r *rand.Rand, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[package]\nname = %q\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n", name(r))
	for i := range n {
		fmt.Fprintf(&b, "%s-%d = \"%s\"\n", name(r), i, semver(r)) // keys must be unique in TOML
	}
	return b.String()
}

func gemfileLock(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("GEM\n  remote: https://rubygems.org/\n  specs:\n")
	for range n {
		fmt.Fprintf(&b, "    %s (%s)\n", name(r), semver(r))
	}
	b.WriteString("\nPLATFORMS\n  ruby\n\nBUNDLED WITH\n   2.5.6\n")
	return b.String()
}

func composerLock(r *rand.Rand, n int) string {
	var entries []string
	for range n {
		entries = append(entries, fmt.Sprintf("        {\n            \"name\": \"%s/%s\",\n            \"version\": %q\n        }", pick(r, words), name(r), semver(r)))
	}
	return "{\n    \"packages\": [\n" + strings.Join(entries, ",\n") + "\n    ],\n    \"packages-dev\": []\n}\n"
}

func csproj(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n")
	for range n {
		fmt.Fprintf(&b, "    <PackageReference Include=\"%s.%s\" Version=%q />\n", strings.ToUpper(pick(r, words)[:1])+pick(r, words), pick(r, words), semver(r))
	}
	b.WriteString("  </ItemGroup>\n</Project>\n")
	return b.String()
}

func nugetLock(r *rand.Rand, n int) string {
	var entries []string
	for i := range n {
		v := semver(r)
		entries = append(entries, fmt.Sprintf("      \"%s.P%d\": {\n        \"type\": \"Direct\",\n        \"requested\": \"[%s, )\",\n        \"resolved\": %q\n      }", strings.ToUpper(pick(r, words)[:1]), i, v, v))
	}
	return "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n" + strings.Join(entries, ",\n") + "\n    }\n  }\n}\n"
}
