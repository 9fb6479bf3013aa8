package scan

// Own parsers: scalibr reads packages, not runtimes. It has no extractor
// for .nvmrc, .node-version, .python-version or asdf's .tool-versions, its
// go.mod extractor folds the go and toolchain directives into one "stdlib"
// package (keeping only the toolchain), and its pom.xml extractor ignores
// the compiler settings that say which Java a project builds for.

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/bearingorg/bearing"
)

// parseRuntimeFile reads the version files of version managers: nvm's and
// nodenv's .nvmrc and .node-version, pyenv's .python-version, asdf's and
// mise's .tool-versions.
func parseRuntimeFile(f *file) error {
	base := path.Base(f.path)
	for n := 1; n <= len(f.lineStarts()); n++ {
		text, _, _ := strings.Cut(f.line(n), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		col := f.columnOf(n, fields[0])
		switch base {
		case ".nvmrc", ".node-version":
			f.add(bearing.KindRuntime, "node", versionWord(fields[0]), n, col, true)
			return nil // these files hold one version
		case ".python-version":
			if fields[0] != "system" {
				f.add(bearing.KindRuntime, "python", versionWord(fields[0]), n, col, true)
			}
		case ".tool-versions":
			if len(fields) < 2 {
				f.warnAt(n, col, "%q names no version", fields[0])
				continue
			}
			v := fields[1]
			if m := javaDistribution.FindStringSubmatch(v); fields[0] == "java" && m != nil {
				v = m[1]
			}
			f.add(bearing.KindRuntime, fields[0], versionWord(v), n, col, true)
		}
	}
	return nil
}

// javaDistribution finds the version after the vendor in asdf's Java
// versions ("temurin-17.0.10+7", "adoptopenjdk-openj9-11.0.16").
var javaDistribution = regexp.MustCompile(`^[a-zA-Z][^-]*-(?:[^-]*[a-zA-Z][^-]*-)*?(\d.*)$`)

// versionWord returns a version file's word as a version: "v20.11.1" is
// 20.11.1; aliases such as "lts/iron", "node" or "system" name no version.
func versionWord(s string) string {
	s = strings.TrimPrefix(s, "v")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return ""
	}
	return s
}

// parseGoDirectives reads the go and toolchain lines of a go.mod; scalibr
// reads its requirements.
func parseGoDirectives(f *file) error {
	depth := 0
	for n := 1; n <= len(f.lineStarts()); n++ {
		text, _, _ := strings.Cut(f.line(n), "//")
		fields := strings.Fields(text)
		switch {
		case len(fields) == 0:
		case strings.HasSuffix(text, "("):
			depth++
		case fields[0] == ")":
			depth = max(depth-1, 0)
		case depth > 0 || len(fields) != 2:
		case fields[0] == "go":
			f.add(bearing.KindRuntime, "golang", fields[1], n, f.columnOf(n, fields[1]), true)
		case fields[0] == "toolchain" && strings.HasPrefix(fields[1], "go"):
			v, _, _ := strings.Cut(strings.TrimPrefix(fields[1], "go"), "-")
			f.add(bearing.KindRuntime, "golang", v, n, f.columnOf(n, fields[1]), true)
		}
	}
	return nil
}

// pomJavaTags are the settings that name a project's Java version, most
// telling first: the release it compiles for, then the source level, then
// Spring Boot's convention.
var pomJavaTags = []string{"maven.compiler.release", "release", "maven.compiler.source", "java.version"}

var (
	xmlComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	pomProperty = regexp.MustCompile(`<([\w.-]+)>\s*([^<>]*?)\s*</([\w.-]+)>`)
	pomVariable = regexp.MustCompile(`^\$\{([\w.-]+)\}$`)
)

// parsePomRuntime reads the Java version a pom.xml builds for; scalibr
// reads its dependencies. The file is searched as text so the version
// keeps its line; <release> counts only inside a plugin's configuration.
func parsePomRuntime(f *file) error {
	text := xmlComment.ReplaceAllFunc(bytes.Clone(f.data), func(b []byte) []byte { return bytes.Repeat([]byte(" "), len(b)) })
	values := map[string]string{}
	offsets := map[string]int{}
	for _, m := range pomProperty.FindAllSubmatchIndex(text, -1) {
		tag, value := string(text[m[2]:m[3]]), string(text[m[4]:m[5]])
		if tag != string(text[m[6]:m[7]]) {
			continue
		}
		if tag == "release" && !bytes.Contains(text[max(0, m[0]-2000):m[0]], []byte("<configuration>")) {
			continue
		}
		if _, seen := values[tag]; !seen {
			values[tag], offsets[tag] = value, m[4]
		}
	}
	for _, tag := range pomJavaTags {
		v, ok := values[tag]
		if !ok {
			continue
		}
		for range 5 { // follow ${property} references, a few deep
			ref := pomVariable.FindStringSubmatch(v)
			if ref == nil {
				break
			}
			v = values[ref[1]]
		}
		f.addAt(bearing.KindRuntime, "java", v, offsets[tag], true)
		return nil
	}
	return nil
}
