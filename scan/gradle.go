package scan

// Own parser: scalibr reads Gradle's lock files and version catalogs but
// not build scripts, which are programs (Groovy or Kotlin) that only a
// Gradle run could evaluate. This parser reads what is declared
// literally: "group:artifact:version" strings and group:/name:/version:
// arguments inside dependencies { } blocks, with versions from simple
// variables ($name, ${name}) defined in the same file, and the Java
// toolchain version.

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/bearingorg/bearing"
)

// gav matches a dependency notation: group:artifact[:version[:classifier]][@ext].
var gav = regexp.MustCompile(`^([\w.-]+):([\w.-]+)(?::([^:@\s]*))?(?::[\w.-]+)?(?:@\w+)?$`)

// gradleVar matches $name and ${name} in a double-quoted string.
var gradleVar = regexp.MustCompile(`\$\{?([A-Za-z_][\w.]*)\}?`)

// parseGradle reports the dependencies declared in build.gradle and
// build.gradle.kts files, and the Java version of a toolchain.
func parseGradle(f *file) error {
	toks, err := gradleLex(f.data)
	if err != nil {
		return err
	}
	stmts := gradleStatements(toks)
	vars := map[string]string{}
	for _, s := range stmts {
		if name, value, ok := gradleAssignment(s.toks); ok {
			if _, seen := vars[name]; !seen {
				vars[name] = value
			}
		}
	}
	for _, s := range stmts {
		if s.inDeps && len(s.toks) > 0 && s.toks[0].text != "exclude" {
			f.gradleDependency(s.toks, vars)
		}
		f.gradleJava(s.toks)
	}
	return nil
}

// gradleStatement is the tokens of one statement and whether it stands in
// a dependencies block.
type gradleStatement struct {
	toks   []token
	inDeps bool
}

// gradleStatements splits tokens at newlines, semicolons and braces
// (newlines inside parentheses do not end a statement).
func gradleStatements(toks []token) []gradleStatement {
	var out []gradleStatement
	var stack []string
	var cur []token
	parens := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, gradleStatement{cur, contains(stack, "dependencies")})
		}
		cur = nil
	}
	for _, t := range toks {
		switch {
		case t.kind == '(':
			parens++
			cur = append(cur, t)
		case t.kind == ')':
			parens = max(parens-1, 0)
			cur = append(cur, t)
		case t.kind == '{':
			name := ""
			if len(cur) > 0 && cur[0].kind == 'i' {
				name = cur[0].text
			}
			flush()
			stack, parens = append(stack, name), 0
		case t.kind == '}':
			flush()
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case t.kind == ';' || t.kind == 'n' && parens == 0:
			flush()
		case t.kind != 'n':
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// gradleAssignment reads "def|val|var name = 'value'", "name = 'value'" and
// "ext.name = 'value'" (also ext["name"] forms' plain cousins).
func gradleAssignment(toks []token) (name, value string, ok bool) {
	if len(toks) == 4 && (toks[0].text == "def" || toks[0].text == "val" || toks[0].text == "var" || toks[0].text == "String") {
		toks = toks[1:]
	}
	if len(toks) != 3 || toks[0].kind != 'i' || toks[1].kind != '=' || toks[2].kind != 's' {
		return "", "", false
	}
	return strings.TrimPrefix(strings.TrimPrefix(toks[0].text, "project.ext."), "ext."), toks[2].text, true
}

// gradleDependency reports the notations of one statement in a
// dependencies block.
func (f *file) gradleDependency(toks []token, vars map[string]string) {
	named := map[string]token{}
	for i, t := range toks {
		if t.kind == 's' {
			if m := gav.FindStringSubmatch(t.text); m != nil {
				f.addAt(bearing.KindPackage, "pkg:maven/"+m[1]+"/"+m[2], expandGradle(m[3], vars), t.off, true)
			}
		}
		if t.kind == 'i' && i+2 < len(toks) && (toks[i+1].kind == ':' || toks[i+1].kind == '=') && toks[i+2].kind == 's' {
			named[t.text] = toks[i+2]
		}
	}
	group, okG := named["group"]
	name, okN := named["name"]
	if okG && okN {
		version := expandGradle(named["version"].text, vars)
		f.addAt(bearing.KindPackage, "pkg:maven/"+group.text+"/"+name.text, version, group.off, true)
	}
}

// expandGradle substitutes variables in a string; a string with a variable
// the file does not define gives "".
func expandGradle(s string, vars map[string]string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	unknown := false
	out := gradleVar.ReplaceAllStringFunc(s, func(m string) string {
		name := gradleVar.FindStringSubmatch(m)[1]
		v, ok := vars[strings.TrimPrefix(name, "ext.")]
		if !ok || strings.Contains(v, "$") {
			unknown = true
		}
		return v
	})
	if unknown {
		return ""
	}
	return out
}

// gradleJava reads jvmToolchain(17), JavaLanguageVersion.of(17) and
// sourceCompatibility = JavaVersion.VERSION_17 (or '17').
func (f *file) gradleJava(toks []token) {
	for i, t := range toks {
		switch {
		case (t.text == "jvmToolchain" || t.text == "JavaLanguageVersion.of") && i+2 < len(toks) && toks[i+1].kind == '(':
			if v := toks[i+2]; isNumber(v.text) {
				f.addAt(bearing.KindRuntime, "java", v.text, v.off, true)
			}
		case t.text == "sourceCompatibility" && i+2 < len(toks) && toks[i+1].kind == '=':
			v := toks[i+2]
			version := strings.ReplaceAll(strings.TrimPrefix(v.text, "JavaVersion.VERSION_"), "_", ".")
			if isNumber(version) {
				f.addAt(bearing.KindRuntime, "java", version, v.off, true)
			}
		}
	}
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.") == "" && s[0] != '.'
}

// gradleLex splits Groovy or Kotlin into identifiers (dots included),
// strings in single, double or tripled quotes, newlines and punctuation,
// dropping comments.
func gradleLex(src []byte) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			toks = append(toks, token{kind: 'n', off: i})
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := indexFrom(src, i+2, "*/")
			if end < 0 {
				return nil, errorAt(lineAt(src, i), "comment not closed")
			}
			i = end + 2
		case c == '"' || c == '\'':
			text, next, err := gradleString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: 's', text: text, off: i + 1})
			i = next
		case isBareKey(c):
			var t token
			t, i = bareToken(src, i)
			toks = append(toks, t)
		default:
			toks = append(toks, token{kind: c, off: i})
			i++
		}
	}
	return toks, nil
}

// gradleString reads a string from its opening quote; triple-quoted
// strings may span lines. The text keeps escapes and templates as written.
func gradleString(src []byte, start int) (string, int, error) {
	q := string(src[start])
	if triple := strings.Repeat(q, 3); indexFrom(src, start, triple) == start {
		end := indexFrom(src, start+3, triple)
		if end < 0 {
			return "", 0, errorAt(lineAt(src, start), "string not closed")
		}
		return string(src[start+3 : end]), end + 3, nil
	}
	for i := start + 1; i < len(src); i++ {
		switch src[i] {
		case q[0]:
			return string(src[start+1 : i]), i + 1, nil
		case '\\':
			i++
		case '\n':
			return "", 0, errorAt(lineAt(src, start), "string not closed")
		}
	}
	return "", 0, errorAt(lineAt(src, start), "string not closed")
}

// indexFrom finds sep in src at or after from, or -1.
func indexFrom(src []byte, from int, sep string) int {
	if from > len(src) {
		return -1
	}
	if i := bytes.Index(src[from:], []byte(sep)); i >= 0 {
		return from + i
	}
	return -1
}
