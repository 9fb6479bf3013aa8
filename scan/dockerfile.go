package scan

// Own parser: scalibr has no extractor for the FROM lines of Dockerfiles
// (its container support reads the packages inside built images), and
// moby's BuildKit parser would bring in a large module for the one
// instruction needed here.

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/bearingorg/bearing"
)

// dockerInstructions are the instructions a Dockerfile may hold; any other
// word starting an instruction is reported, since Docker refuses the file.
var dockerInstructions = map[string]bool{
	"from": true, "run": true, "cmd": true, "label": true, "maintainer": true, "expose": true, "env": true,
	"add": true, "copy": true, "entrypoint": true, "volume": true, "user": true, "workdir": true, "arg": true,
	"onbuild": true, "stopsignal": true, "healthcheck": true, "shell": true,
}

// dockerLine is one logical instruction: continuation lines joined.
type dockerLine struct {
	text string
	line int
	off  int // offset of the instruction's first character
}

// parseDockerfile reports the images of FROM lines. Build arguments
// declared before the first FROM are substituted where they have a
// default; an image still holding a variable is skipped, as is "scratch"
// and any earlier stage's name.
func parseDockerfile(f *file) error {
	args := map[string]string{}
	stages := map[string]bool{}
	seenFrom := false
	for _, in := range dockerInstructionsOf(f) {
		word := strings.ToLower(firstWord(in.text))
		rest := strings.TrimSpace(in.text[len(firstWord(in.text)):])
		switch {
		case word == "arg" && !seenFrom:
			for _, decl := range strings.Fields(rest) {
				name, value, _ := strings.Cut(decl, "=")
				args[name] = strings.Trim(value, `"'`)
			}
		case word == "from":
			seenFrom = true
			f.dockerFrom(in, rest, args, stages)
		case !dockerInstructions[word]:
			f.warn(in.line, "unknown Dockerfile instruction %.40q", firstWord(in.text))
		}
	}
	return nil
}

// dockerFrom reads "FROM [--platform=…] image [AS name]".
func (f *file) dockerFrom(in dockerLine, rest string, args map[string]string, stages map[string]bool) {
	fields := strings.Fields(rest)
	for len(fields) > 0 && strings.HasPrefix(fields[0], "--") {
		fields = fields[1:]
	}
	if len(fields) == 0 {
		f.warn(in.line, "FROM names no image")
		return
	}
	ref := fields[0]
	if len(fields) >= 3 && strings.EqualFold(fields[1], "as") {
		defer func() { stages[strings.ToLower(fields[2])] = true }()
	}
	image := expandArgs(ref, args)
	if image == "" || stages[strings.ToLower(image)] || strings.EqualFold(image, "scratch") {
		return
	}
	name, tag := splitImage(image)
	f.addAt(bearing.KindImage, name, tag, in.off+max(bytes.Index(f.data[in.off:], []byte(ref)), 0), true)
}

// splitImage splits "host/name:tag@sha256:…" into name and tag; a digest
// alone gives no tag.
func splitImage(ref string) (name, tag string) {
	if at := strings.Index(ref, "@"); at >= 0 {
		ref = ref[:at]
	}
	if i := strings.LastIndexByte(ref, ':'); i > strings.LastIndexByte(ref, '/') {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}

var dockerVar = regexp.MustCompile(`\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))`)

// expandArgs substitutes $NAME, ${NAME} and ${NAME:-default}; it returns ""
// when a variable has no value, since the image is then unknown.
func expandArgs(s string, args map[string]string) string {
	unknown := false
	out := dockerVar.ReplaceAllStringFunc(s, func(m string) string {
		sub := dockerVar.FindStringSubmatch(m)
		name := sub[1] + sub[4]
		value, set := args[name]
		switch op := sub[2]; {
		case op == ":-" && value == "", op == "-" && !set:
			return sub[3]
		case op == ":+" && value != "", op == "+" && set:
			return sub[3]
		case op == ":+" || op == "+":
			return ""
		}
		if value == "" {
			unknown = true
		}
		return value
	})
	if unknown || strings.Contains(out, "$") {
		return ""
	}
	return out
}

// dockerInstructionsOf splits a Dockerfile into instructions: comments and
// blank lines dropped, lines ending in the escape character joined, and
// heredoc bodies (RUN <<EOF … EOF) skipped.
func dockerInstructionsOf(f *file) []dockerLine {
	escape := `\`
	var out []dockerLine
	var cur *dockerLine
	heredoc := ""
	directives := true
	for n := 1; n <= len(f.lineStarts()); n++ {
		raw := f.line(n)
		trimmed := strings.TrimSpace(raw)
		if heredoc != "" {
			if strings.TrimLeft(trimmed, "\t") == heredoc {
				heredoc = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "#") {
			if m := escapeDirective.FindStringSubmatch(trimmed); directives && m != nil {
				escape = m[1]
			}
			continue
		}
		directives = false
		if trimmed == "" {
			continue
		}
		if cur == nil {
			out = append(out, dockerLine{line: n, off: f.lineStarts()[n-1] + strings.Index(raw, trimmed)})
			cur = &out[len(out)-1]
		}
		body, cont := strings.CutSuffix(trimmed, escape)
		cur.text += body + " "
		if m := heredocStart.FindStringSubmatch(body); m != nil {
			heredoc = m[1]
		}
		if !cont || heredoc != "" {
			cur.text = strings.TrimSpace(cur.text)
			cur = nil
		}
	}
	return out
}

var (
	escapeDirective = regexp.MustCompile("^#\\s*escape\\s*=\\s*([\\\\`])\\s*$")
	heredocStart    = regexp.MustCompile(`<<-?["']?([A-Za-z_][A-Za-z0-9_]*)["']?`)
)

// firstWord returns the text before the first space or tab.
func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}
