package scan

// Own parser: scalibr's python/pyprojecttoml reports only the project
// itself, keeping its dependencies as unparsed strings in metadata, gives
// no lines, and ignores Poetry's tables and requires-python. The TOML is
// decoded with BurntSushi/toml, which scalibr already brings in.

import (
	"bytes"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/bearingorg/bearing"
)

// parsePyproject reads PEP 621 dependencies and optional dependencies,
// PEP 735 dependency groups, Poetry's dependency tables, and the Python
// version the project requires.
func parsePyproject(f *file) error {
	var doc map[string]any
	if err := toml.Unmarshal(f.data, &doc); err != nil {
		return err
	}
	keys := tomlKeys(f.data)
	project := tomlTable(doc, "project")
	if v := tomlString(project, "requires-python"); v != "" {
		f.addAt(bearing.KindRuntime, "python", v, keys.at("project\x00requires-python"), true)
	}
	f.addRequirements(project["dependencies"], keys.at("project\x00dependencies"))
	extras := tomlTable(project, "optional-dependencies")
	for _, name := range sortedKeys(extras) {
		f.addRequirements(extras[name], keys.at("project\x00optional-dependencies\x00"+name))
	}
	groups := tomlTable(doc, "dependency-groups")
	for _, name := range sortedKeys(groups) {
		f.addRequirements(groups[name], keys.at("dependency-groups\x00"+name))
	}
	poetry := tomlTable(doc, "tool", "poetry")
	f.addPoetry(tomlTable(poetry, "dependencies"), keys, "tool\x00poetry\x00dependencies")
	f.addPoetry(tomlTable(poetry, "dev-dependencies"), keys, "tool\x00poetry\x00dev-dependencies")
	poetryGroups := tomlTable(poetry, "group")
	for _, g := range sortedKeys(poetryGroups) {
		table := "tool\x00poetry\x00group\x00" + g + "\x00dependencies"
		f.addPoetry(tomlTable(poetryGroups, g, "dependencies"), keys, table)
	}
	return nil
}

// addRequirements adds a list of PEP 508 strings, each at the first place
// after from where it is written in quotes.
func (f *file) addRequirements(list any, from int) {
	items, _ := list.([]any)
	for _, it := range items {
		req, ok := it.(string)
		if !ok {
			continue // a {include-group = "..."} table
		}
		name, version := splitRequirement(req)
		if name == "" {
			continue
		}
		off := f.findLiteral(req, from)
		f.addAt(bearing.KindPackage, "pkg:pypi/"+name, version, off, true)
	}
}

// addPoetry adds a Poetry dependency table: name = "constraint" or
// name = {version = "constraint", ...}; the "python" entry is the runtime.
func (f *file) addPoetry(deps map[string]any, keys tomlIndex, table string) {
	for _, name := range sortedKeys(deps) {
		version := ""
		switch v := deps[name].(type) {
		case string:
			version = v
		case map[string]any:
			version = tomlString(v, "version")
		case []any: // alternatives per platform: the first says enough
			if len(v) > 0 {
				m, _ := v[0].(map[string]any)
				version = tomlString(m, "version")
			}
		}
		off := keys.at(table + "\x00" + name)
		if name == "python" {
			f.addAt(bearing.KindRuntime, "python", version, off, true)
			continue
		}
		f.addAt(bearing.KindPackage, "pkg:pypi/"+name, version, off, true)
	}
}

// splitRequirement splits a PEP 508 requirement ("requests[socks]>=2.31 ;
// python_version>'3.8'") into its name and version constraint as written,
// dropping "==" from an exact pin and giving no version for a URL.
func splitRequirement(req string) (name, version string) {
	req, _, _ = strings.Cut(req, ";")
	req = strings.TrimSpace(req)
	i := 0
	for i < len(req) && (isBareKey(req[i]) || req[i] == '.') {
		i++
	}
	name, rest := req[:i], strings.TrimSpace(req[i:])
	if strings.HasPrefix(rest, "[") {
		if j := strings.IndexByte(rest, ']'); j >= 0 {
			rest = strings.TrimSpace(rest[j+1:])
		}
	}
	if strings.HasPrefix(rest, "@") {
		return name, ""
	}
	rest = strings.Join(strings.Fields(strings.Trim(rest, "()")), "")
	if pin, ok := strings.CutPrefix(rest, "=="); ok && !strings.ContainsAny(pin, ",*") {
		rest = strings.TrimPrefix(pin, "=")
	}
	return name, rest
}

// findLiteral returns the offset of s written in quotes at or after from
// (the start when from is negative), or from when it is not found.
func (f *file) findLiteral(s string, key int) int {
	from := min(max(key, 0), len(f.data))
	best := -1
	for _, q := range []string{`"`, `'`} {
		needle := []byte(q + s + q)
		if i := bytes.Index(f.data[from:], needle); i >= 0 && (best < 0 || from+i < best) {
			best = from + i
		}
	}
	if best < 0 {
		return key
	}
	return best + 1
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
