package scan

import (
	"strings"
)

// tomlKeys maps each table header and key of a TOML file to the offset
// where it is written, so values decoded by a TOML library can be given a
// line. Paths join their parts with "\x00" ("dependencies\x00serde"); a
// dotted key also records its prefixes. It reads line by line and skips
// multi-line strings, which is all that key positions need.
func tomlKeys(data []byte) tomlIndex {
	keys := tomlIndex{}
	table := ""
	var inString string // the delimiter of the multi-line string being skipped
	off := 0
	for len(data[off:]) > 0 {
		end := off
		for end < len(data) && data[end] != '\n' {
			end++
		}
		line := string(data[off:end])
		lineOff := off
		off = min(end+1, len(data))
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		for _, delim := range []string{`"""`, `'''`} {
			if strings.Count(trimmed, delim)%2 == 1 {
				inString = delim
			}
		}
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case trimmed[0] == '[':
			start := 1
			if strings.HasPrefix(trimmed, "[[") {
				start = 2
			}
			parts, offs, _ := tomlKeyParts(trimmed[start:])
			table = ""
			for i, p := range parts {
				table = joinKey(table, p)
				record(keys, table, lineOff+indent+start+offs[i])
			}
		default:
			parts, offs, n := tomlKeyParts(trimmed)
			if len(parts) == 0 || n >= len(trimmed) || trimmed[n] != '=' {
				continue
			}
			path := table
			for i, p := range parts {
				path = joinKey(path, p)
				record(keys, path, lineOff+indent+offs[i])
			}
		}
	}
	return keys
}

// tomlIndex is what tomlKeys returns.
type tomlIndex map[string]int

// at returns the offset of a key path, or -1 when it is not written as such.
func (t tomlIndex) at(path string) int {
	if off, ok := t[path]; ok {
		return off
	}
	return -1
}

func record(keys tomlIndex, path string, off int) {
	if _, seen := keys[path]; !seen {
		keys[path] = max(off, 0)
	}
}

func joinKey(path, part string) string {
	if path == "" {
		return part
	}
	return path + "\x00" + part
}

// tomlKeyParts reads a dotted key (bare or quoted parts) at the start of s,
// returning its parts, where each begins, and where the key ends, spaces
// included.
func tomlKeyParts(s string) (parts []string, offs []int, end int) {
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return parts, offs, i
		}
		offs = append(offs, i)
		switch q := s[i]; {
		case q == '"' || q == '\'':
			j := strings.IndexByte(s[i+1:], q)
			if j < 0 {
				return nil, nil, len(s)
			}
			parts = append(parts, s[i+1:i+1+j])
			i += j + 2
		default:
			j := i
			for j < len(s) && (isBareKey(s[j])) {
				j++
			}
			if j == i {
				return parts, offs[:len(parts)], i
			}
			parts = append(parts, s[i:j])
			i = j
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) || s[i] != '.' {
			return parts, offs, i
		}
		i++
	}
}

func isBareKey(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// tomlTable returns the table at key in a decoded TOML document, or nil.
func tomlTable(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil
		}
		m = next
	}
	return m
}

// tomlString returns the string at key, or "".
func tomlString(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}
