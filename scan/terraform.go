package scan

// Own parser: scalibr has no Terraform extractor, and hashicorp/hcl/v2
// would bring a large module (and cty) for one block. This file reads just
// enough HCL: comments, strings with ${} interpolation, heredocs and
// nesting, to find terraform { required_providers { … } }.

import (
	"bytes"
	"strings"

	"github.com/bearingorg/bearing"
)

// token is one token of HCL or Gradle: an identifier, a string's content,
// or a punctuation character.
type token struct {
	kind byte // 'i' identifier, 's' string, 'n' newline, or the character itself
	text string
	off  int
}

// tfProvider is a required provider being read.
type tfProvider struct {
	key             string
	source, version string
	off, sourceOff  int
}

// parseTerraform reports each provider in required_providers: its source
// (hashicorp/NAME when omitted, as Terraform assumes) and its version
// constraint as written. Providers from registries other than the public
// one are skipped: Bearing's identifiers name registry.terraform.io only.
func parseTerraform(f *file) error {
	toks, err := hclLex(f.data)
	if err != nil {
		return err
	}
	var stack []string // names of the open blocks and objects
	var opens []int    // offsets of their braces
	var stmt []token
	var prov *tfProvider
	for _, t := range toks {
		switch t.kind {
		case '{', '[', '(':
			name, keyOff := "", t.off
			if t.kind == '{' && len(stmt) > 0 && stmt[0].kind == 'i' {
				name, keyOff = stmt[0].text, stmt[0].off
			}
			stack, opens, stmt = append(stack, name), append(opens, t.off), nil
			if inRequiredProviders(stack[:len(stack)-1]) && t.kind == '{' {
				prov = &tfProvider{key: name, off: keyOff}
			}
		case '}', ']', ')':
			f.tfStatement(stack, stmt, prov)
			stmt = nil
			if len(stack) == 0 {
				return errorAt(lineOf(f, t.off), "%q closes nothing", string(t.kind))
			}
			if prov != nil && inRequiredProviders(stack[:len(stack)-1]) {
				f.addProvider(prov)
				prov = nil
			}
			stack, opens = stack[:len(stack)-1], opens[:len(opens)-1]
		case 'n', ',':
			f.tfStatement(stack, stmt, prov)
			stmt = nil
		default:
			stmt = append(stmt, t)
		}
	}
	if len(opens) > 0 {
		return errorAt(lineOf(f, opens[len(opens)-1]), "block not closed")
	}
	return nil
}

func inRequiredProviders(stack []string) bool {
	return len(stack) == 2 && stack[0] == "terraform" && stack[1] == "required_providers"
}

// tfStatement handles one finished "key = value" inside required_providers.
func (f *file) tfStatement(stack []string, stmt []token, prov *tfProvider) {
	if len(stmt) != 3 || stmt[0].kind != 'i' || stmt[1].kind != '=' || stmt[2].kind != 's' {
		return
	}
	key, value := stmt[0].text, stmt[2]
	switch {
	case inRequiredProviders(stack): // the pre-0.13 form: name = "constraint"
		f.addProvider(&tfProvider{key: key, version: value.text, off: stmt[0].off})
	case prov != nil && len(stack) == 3 && inRequiredProviders(stack[:2]) && key == "source":
		prov.source, prov.sourceOff = value.text, value.off
	case prov != nil && len(stack) == 3 && inRequiredProviders(stack[:2]) && key == "version":
		prov.version = value.text
	}
}

func (f *file) addProvider(p *tfProvider) {
	source, off := p.source, p.sourceOff
	if source == "" {
		source, off = "hashicorp/"+p.key, p.off
	}
	parts := strings.Split(strings.ToLower(source), "/")
	if len(parts) == 3 && parts[0] == "registry.terraform.io" {
		parts = parts[1:]
	}
	if len(parts) != 2 {
		return
	}
	f.addAt(bearing.KindTerraform, parts[0]+"/"+parts[1], p.version, off, true)
}

func lineOf(f *file, off int) int {
	line, _ := f.position(off)
	return line
}

// hclLex splits HCL into tokens, dropping comments and keeping newlines
// (which end attributes).
func hclLex(src []byte) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			toks = append(toks, token{kind: 'n', off: i})
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return nil, errorAt(lineAt(src, i), "comment not closed")
			}
			i += end + 4
		case c == '"':
			text, next, err := hclString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: 's', text: text, off: i + 1})
			i = next
		case c == '<' && i+1 < len(src) && src[i+1] == '<':
			next, err := hclHeredoc(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: 'h', off: i})
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

// hclString reads a quoted string from its opening quote, skipping
// ${...} and %{...} templates (which may hold quotes and braces), and
// returns its text with escapes kept as written.
func hclString(src []byte, start int) (string, int, error) {
	var b strings.Builder
	for i := start + 1; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"':
			return b.String(), i + 1, nil
		case c == '\n':
			return "", 0, errorAt(lineAt(src, start), "string not closed")
		case c == '\\' && i+1 < len(src):
			b.WriteByte(c)
			b.WriteByte(src[i+1])
			i++
		case (c == '$' || c == '%') && i+1 < len(src) && src[i+1] == '{':
			end, err := hclTemplate(src, i+1)
			if err != nil {
				return "", 0, err
			}
			b.Write(src[i:end])
			i = end - 1
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, errorAt(lineAt(src, start), "string not closed")
}

// hclTemplate skips a template's braces from the "{" at open, nested
// strings included, and returns the offset after its "}".
func hclTemplate(src []byte, open int) (int, error) {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i + 1, nil
			}
		case '"':
			_, next, err := hclString(src, i)
			if err != nil {
				return 0, err
			}
			i = next - 1
		}
	}
	return 0, errorAt(lineAt(src, open), "template not closed")
}

// hclHeredoc skips <<EOF … EOF (or <<-EOF) and returns the offset of the
// line break after the closing marker.
func hclHeredoc(src []byte, start int) (int, error) {
	i := start + 2
	if i < len(src) && src[i] == '-' {
		i++
	}
	j := i
	for j < len(src) && isBareKey(src[j]) {
		j++
	}
	marker := string(src[i:j])
	if marker == "" {
		return start + 2, nil // a "<<" that starts no heredoc
	}
	for k := j; k < len(src); {
		nl := bytes.IndexByte(src[k:], '\n')
		if nl < 0 {
			break
		}
		k += nl + 1
		end := k
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if string(bytes.TrimSpace(src[k:end])) == marker {
			return end, nil
		}
	}
	return 0, errorAt(lineAt(src, start), "heredoc %.40q not closed", marker)
}

func lineAt(src []byte, off int) int {
	return bytes.Count(src[:off], []byte("\n")) + 1
}

// bareToken reads an identifier (letters, digits, dashes, dots) starting at
// i, as Gradle and HCL both write them, and returns it with the index after it.
func bareToken(src []byte, i int) (token, int) {
	j := i
	for j < len(src) && (isBareKey(src[j]) || src[j] == '.') {
		j++
	}
	return token{kind: 'i', text: string(src[i:j]), off: i}, j
}
