package radarfmt

import (
	"strconv"
	"strings"

	"github.com/bearingorg/bearing/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// aoeFile is one Markdown file of an AOE release: the front matter keys it
// sets (a later release may set only those that change) and its body.
type aoeFile struct {
	path     string
	id       string // the file name without .md
	values   map[string]string
	lines    map[string]int // line of each key in the file
	tags     []string
	hasTags  bool
	featured *bool
	body     string
	bodyLine int
}

// parseAOEFile reads the front matter and body of one item file.
func parseAOEFile(path string, content []byte, ps *problems) *aoeFile {
	text := strings.ReplaceAll(strings.TrimPrefix(string(content), "\ufeff"), "\r\n", "\n")
	texts := strings.Split(text, "\n")
	f := &aoeFile{path: path, values: map[string]string{}, lines: map[string]int{}}
	if strings.TrimRight(texts[0], " \t") != "---" {
		ps.add(path, 1, "an item starts with front matter: a --- line, then title, ring and quadrant")
		return nil
	}
	end := -1
	for i := 1; i < len(texts); i++ {
		if t := strings.TrimRight(texts[i], " \t"); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		ps.add(path, 1, "the front matter that starts here is never closed with ---")
		return nil
	}
	if !f.frontMatter(strings.Join(texts[1:end], "\n"), ps) {
		return nil
	}
	body := texts[end+1:]
	f.bodyLine = end + 2
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
		f.bodyLine++
	}
	f.body = strings.TrimRightFunc(strings.Join(body, "\n"), func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	return f
}

// frontMatter reads the YAML between the --- lines; the keys AOE does not
// know (info, a site generator's layout) are left alone.
func (f *aoeFile) frontMatter(src string, ps *problems) bool {
	var root yaml.Node
	if err := frontmatter.Decode(src, &root); err != nil {
		line, msg := frontmatter.Error(err)
		ps.add(f.path, line, "front matter: %s", msg)
		return false
	}
	if len(root.Content) == 0 {
		return true
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		if m.ShortTag() == "!!null" {
			return true
		}
		ps.add(f.path, m.Line+1, "front matter: write it as \"key: value\" lines")
		return false
	}
	ok := true
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key, line := strings.ToLower(strings.TrimSpace(k.Value)), k.Line+1
		if first, dup := f.lines[key]; dup && k.Kind == yaml.ScalarNode {
			ps.add(f.path, line, "front matter: %s is given twice (first on line %d)", key, first)
			ok = false
			continue
		}
		f.lines[key] = line
		if !f.field(key, v, line, ps) {
			ok = false
		}
	}
	return ok
}

// field applies one front matter key, refusing values of the wrong shape.
func (f *aoeFile) field(key string, v *yaml.Node, line int, ps *problems) bool {
	null := v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null"
	switch key {
	case "title", "ring", "quadrant":
		if null {
			return true
		}
		if v.Kind != yaml.ScalarNode {
			ps.add(f.path, line, "front matter: %s must be a single value", key)
			return false
		}
		f.values[key] = v.Value
	case "tags":
		f.hasTags = true
		if null {
			return true
		}
		if v.Kind == yaml.ScalarNode {
			f.tags = []string{v.Value}
			return true
		}
		for _, t := range v.Content {
			if v.Kind != yaml.SequenceNode || t.Kind != yaml.ScalarNode {
				ps.add(f.path, line, "front matter: tags must be a list of words, like [frontend, coding]")
				return false
			}
			f.tags = append(f.tags, t.Value)
		}
	case "featured":
		b, err := strconv.ParseBool(v.Value)
		if null {
			return true
		}
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || err != nil {
			ps.add(f.path, line, "front matter: featured must be true or false")
			return false
		}
		f.featured = &b
	}
	return true
}
