package adr

import (
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/internal/frontmatter"
	"go.yaml.in/yaml/v3"
)

// frontMatter reads the YAML block between "---" lines at the top of the
// file, if there is one, and returns the index of the first line after it.
func (p *parser) frontMatter(texts []string) int {
	if len(texts) == 0 || strings.TrimRight(texts[0], " \t") != "---" {
		return 0
	}
	for i := 1; i < len(texts); i++ {
		if t := strings.TrimRight(texts[i], " \t"); t == "---" || t == "..." {
			p.yaml(strings.Join(texts[1:i], "\n"))
			return i + 1
		}
	}
	p.problem(1, "the front matter that starts here is never closed with ---")
	return len(texts)
}

// fmLine turns a line of the front matter into a line of the file: the
// front matter starts on line 2.
func fmLine(n *yaml.Node) int { return n.Line + 1 }

func (p *parser) yaml(src string) {
	var root yaml.Node
	if err := frontmatter.Decode(src, &root); err != nil {
		line, msg := frontmatter.Error(err)
		p.problem(line, "front matter: %s", msg)
		return
	}
	if len(root.Content) == 0 {
		return
	}
	m := resolve(root.Content[0])
	if m.Kind == yaml.ScalarNode && m.ShortTag() == "!!null" {
		return
	}
	if m.Kind != yaml.MappingNode {
		p.problem(fmLine(m), "front matter: write it as \"key: value\" lines")
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolve(m.Content[i]), resolve(m.Content[i+1])
		key := strings.ToLower(strings.TrimSpace(k.Value))
		if k.Kind != yaml.ScalarNode {
			p.problem(fmLine(k), "front matter: keys must be plain words")
			continue
		}
		if first, dup := seen[key]; dup {
			p.problem(fmLine(k), "front matter: %s is given twice (first on line %d)", key, first)
			continue
		}
		seen[key] = fmLine(k)
		p.field(key, v)
	}
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; i < 8 && n.Kind == yaml.AliasNode && n.Alias != nil; i++ {
		n = n.Alias
	}
	return n
}

// field applies one front matter key. Keys that are not ours (Jekyll's
// layout or nav_order, say) are left alone: they steer a documentation site,
// not the decision.
func (p *parser) field(key string, v *yaml.Node) {
	d := p.d
	switch key {
	case "status":
		if s, ok := p.scalar(key, v); ok {
			p.setStatusValue(s, fmLine(v))
		}
	case "date":
		if s, ok := p.scalar(key, v); ok {
			p.setDate(s, fmLine(v))
		}
	case "revisit-on":
		if s, ok := p.scalar(key, v); ok && s != "" {
			if day, ok := parseDay(s); ok {
				d.RevisitOn = day
			} else {
				p.problem(fmLine(v), "revisit-on %q is not a date; write it as YYYY-MM-DD", s)
			}
		}
	case "deciders", "decision-makers", "decision makers":
		d.Deciders = append(d.Deciders, p.list(key, v)...)
	case "consulted":
		d.Consulted = append(d.Consulted, p.list(key, v)...)
	case "informed":
		d.Informed = append(d.Informed, p.list(key, v)...)
	case "tags":
		d.Tags = append(d.Tags, p.list(key, v)...)
	case "supersedes":
		addKeys(&d.Supersedes, p.keys(key, v)...)
	case "superseded-by":
		addKeys(&d.SupersededBy, p.keys(key, v)...)
	case "bearing-number":
		p.number(key, v)
	case "chosen-option":
		if s, ok := p.scalar(key, v); ok {
			p.chosen = &s
		}
	case "title":
		if s, ok := p.scalar(key, v); ok {
			p.fmTitle = oneLine(s)
		}
	}
}

// scalar returns a single value; null is "".
func (p *parser) scalar(key string, v *yaml.Node) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		p.problem(fmLine(v), "front matter: %s must be a single value", key)
		return "", false
	}
	if v.ShortTag() == "!!null" {
		return "", true
	}
	return strings.TrimSpace(v.Value), true
}

// list reads a YAML list, or a single value with commas ("Alice, Bob") as
// MADR templates suggest.
func (p *parser) list(key string, v *yaml.Node) []string {
	if v.Kind == yaml.ScalarNode {
		s, _ := p.scalar(key, v)
		return splitList(s)
	}
	if v.Kind != yaml.SequenceNode {
		p.problem(fmLine(v), "front matter: %s must be a list", key)
		return nil
	}
	var out []string
	for _, item := range v.Content {
		item = resolve(item)
		if item.Kind != yaml.ScalarNode {
			p.problem(fmLine(item), "front matter: %s must be a list of plain values", key)
			continue
		}
		if s, _ := p.scalar(key, item); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// keys reads a list of decision references ("DEC-5", "ADR-0005", "5").
func (p *parser) keys(key string, v *yaml.Node) []string {
	var out []string
	for _, s := range p.list(key, v) {
		if n, ok := refNumber(s); ok {
			out = append(out, bearing.DecisionKey(n))
		} else {
			p.problem(fmLine(v), "front matter: %s: %q is not a decision number such as DEC-5", key, s)
		}
	}
	return out
}

// number reads bearing-number, which Bearing writes so that a record keeps
// its number whatever the file is called.
func (p *parser) number(key string, v *yaml.Node) {
	s, ok := p.scalar(key, v)
	if !ok {
		return
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		p.problem(fmLine(v), "front matter: %s %q is not a whole number", key, s)
		return
	}
	p.d.Number, p.numberSet = n, true
}
