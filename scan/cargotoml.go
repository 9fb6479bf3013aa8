package scan

// Own parser: scalibr's rust/cargotoml reads only [dependencies] (not
// dev-, build-, target-specific or workspace dependencies), ignores
// `package = "..."` renames, reports the crate itself as a dependency, and
// gives no lines. The TOML is decoded with BurntSushi/toml, as scalibr
// does.

import (
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/bearingorg/bearing"
)

// cargoSections are the tables of a manifest that declare crates.
var cargoSections = []string{"dependencies", "dev-dependencies", "build-dependencies"}

// parseCargoToml reads a Cargo manifest's dependency tables, those under
// [target.'cfg(...)'] and [workspace] included, and its rust-version.
func parseCargoToml(f *file) error {
	var doc map[string]any
	if err := toml.Unmarshal(f.data, &doc); err != nil {
		return err
	}
	keys := tomlKeys(f.data)
	if v := tomlString(tomlTable(doc, "package"), "rust-version"); v != "" {
		f.addAt(bearing.KindRuntime, "rust", v, keys.at("package\x00rust-version"), true)
	}
	for _, section := range cargoSections {
		f.addCrates(tomlTable(doc, section), keys, section)
	}
	f.addCrates(tomlTable(doc, "workspace", "dependencies"), keys, "workspace\x00dependencies")
	targets := tomlTable(doc, "target")
	for _, target := range sortedKeys(targets) {
		for _, section := range cargoSections {
			f.addCrates(tomlTable(targets, target, section), keys, "target\x00"+target+"\x00"+section)
		}
	}
	return nil
}

// addCrates adds one dependency table: name = "1.0" or name = {version =
// "1.0", package = "real-name", ...}.
func (f *file) addCrates(deps map[string]any, keys tomlIndex, table string) {
	for _, key := range sortedKeys(deps) {
		name, version := key, ""
		switch v := deps[key].(type) {
		case string:
			version = v
		case map[string]any:
			version = tomlString(v, "version")
			if real := tomlString(v, "package"); real != "" {
				name = real
			}
		default:
			continue
		}
		if strings.ContainsAny(name, "/@") {
			continue
		}
		f.addAt(bearing.KindPackage, "pkg:cargo/"+name, version, keys.at(table+"\x00"+key), true)
	}
}
