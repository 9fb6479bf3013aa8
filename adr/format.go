package adr

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
	"go.yaml.in/yaml/v3"
)

// Format renders a decision as a MADR 4 record, so that the exported log
// reads like any other MADR repository. Bearing's fields that MADR has no
// place for travel in the front matter (bearing-number, tags, revisit-on,
// supersedes, superseded-by) and in extra sections (Executive Summary, Do,
// Don't), so Parse reads back every field it reads from any ADR. Owners and
// action items name Bearing users and are not written. Text typed in Bearing
// that itself contains "## " headings of ADR sections can come back in
// another field: Markdown has no way to escape a heading.
func Format(d *bearing.Decision) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(frontMatterOf(d))
	b.WriteString("---\n\n")
	b.WriteString(headingLine(1, oneLine(d.Title)) + "\n")
	mainCtx, extras := splitSections(d.Context)
	early, late := splitLate(extras)
	writeSection(&b, "Executive Summary", d.ExecutiveSummary)
	writeSection(&b, "Context and Problem Statement", mainCtx)
	writeBlocks(&b, early)
	writeList(&b, "Considered Options", optionNames(d.Options))
	writeOutcome(&b, d)
	writeProsCons(&b, d.Options)
	writeList(&b, "Do", d.Dos)
	writeList(&b, "Don't", d.Donts)
	writeBlocks(&b, late)
	return b.Bytes()
}

// frontMatterOf writes the YAML front matter. Lists are written in flow
// style ("[Alice, Bob]") as MADR's examples do.
func frontMatterOf(d *bearing.Decision) []byte {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) { m.Content = append(m.Content, scalarNode("!!str", key), v) }
	status := d.Status
	if status == "" {
		status = bearing.StatusDraft // what Validate makes of a decision without one
	}
	add("status", scalarNode("!!str", string(status)))
	if !d.CreatedAt.IsZero() {
		add("date", scalarNode("!!timestamp", bearing.DateOf(d.CreatedAt).String()))
	}
	for _, f := range []struct {
		key  string
		list []string
	}{{"decision-makers", d.Deciders}, {"consulted", d.Consulted}, {"informed", d.Informed}, {"tags", d.Tags}} {
		if len(f.list) > 0 {
			add(f.key, listNode(f.list))
		}
	}
	add("bearing-number", scalarNode("!!int", strconv.Itoa(d.Number)))
	if !d.RevisitOn.IsZero() {
		add("revisit-on", scalarNode("!!timestamp", d.RevisitOn.String()))
	}
	if len(d.Supersedes) > 0 {
		add("supersedes", listNode(d.Supersedes))
	}
	if len(d.SupersededBy) > 0 {
		add("superseded-by", listNode(d.SupersededBy))
	}
	if name, differs := chosenToWrite(d); differs {
		add("chosen-option", scalarNode("!!str", name))
	}
	out, err := yaml.Marshal(m)
	if err != nil {
		// Only strings and numbers are encoded, which cannot fail; an error
		// here is a bug in this package or in the YAML library.
		panic("adr: writing front matter: " + err.Error())
	}
	return out
}

func scalarNode(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: strings.ToValidUTF8(value, "\uFFFD")}
}

func listNode(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			n.Content = append(n.Content, scalarNode("!!str", s))
		}
	}
	return n
}

// chosenToWrite returns the chosen option's name when the decision text
// does not already name it as MADR does (`Chosen option: "Name"`), so that
// the choice survives even when the text says it differently.
func chosenToWrite(d *bearing.Decision) (string, bool) {
	want := -1
	for i, o := range d.Options {
		if o.Chosen {
			want = i
			break
		}
	}
	got := -1
	if name, ok := chosenFromBody(d.Body); ok {
		got = findOption(d.Options, name)
	}
	if want == got {
		return "", false
	}
	if want < 0 {
		return "", true
	}
	return d.Options[want].Name, true
}

// splitSections cuts Markdown at its "## " headings: the text before the
// first one, and each section as heading plus content.
func splitSections(s string) (string, []string) {
	intro, secs := split(scanText(s), 2)
	blocks := make([]string, len(secs))
	for i, sec := range secs {
		blocks[i] = block(sec.raw, text(sec.body))
	}
	return text(intro), blocks
}

// splitLate moves sections that MADR puts last (More Information, Links) and
// everything after them to the end of the record; order among the sections
// is kept, so Parse collects them into the context in the same order.
func splitLate(blocks []string) (early, late []string) {
	for i, bl := range blocks {
		first, _, _ := strings.Cut(bl, "\n")
		_, name := atx(first)
		name = commentRe.ReplaceAllString(name, "")
		if n := strings.ToLower(strings.TrimSpace(name)); n == "more information" || n == "links" {
			return blocks[:i], blocks[i:]
		}
	}
	return blocks, nil
}

func writeSection(b *bytes.Buffer, heading, content string) {
	if content = strings.Trim(content, "\n"); content != "" {
		b.WriteString("\n## " + heading + "\n\n" + content + "\n")
	}
}

func writeBlocks(b *bytes.Buffer, blocks []string) {
	for _, bl := range blocks {
		b.WriteString("\n" + bl + "\n")
	}
}

// writeList writes a section of bullets.
func writeList(b *bytes.Buffer, heading string, items []string) {
	var lines []string
	for _, it := range items {
		if it = oneLine(it); it != "" {
			lines = append(lines, "* "+it)
		}
	}
	writeSection(b, heading, strings.Join(lines, "\n"))
}

func optionNames(opts []bearing.Option) []string {
	names := make([]string, len(opts))
	for i, o := range opts {
		names[i] = o.Name
	}
	return names
}
