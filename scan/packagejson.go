package scan

// Own parser: scalibr's javascript/packagejson reports only "dependencies",
// only for packages that have both a name and a version, and collapses each
// constraint to its lowest version; it ignores devDependencies and engines.
// A policy check needs every declared dependency as written, at its line.

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/bearingorg/bearing"
)

// packageJSONSections are the package.json fields that declare packages.
var packageJSONSections = map[string]bool{
	"dependencies": true, "devDependencies": true, "optionalDependencies": true, "peerDependencies": true,
}

// parsePackageJSON streams the top-level object so every key keeps its
// offset, and reads the dependency sections and engines.node.
func parsePackageJSON(f *file) error {
	dec := json.NewDecoder(bytes.NewReader(f.data))
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, _, err := readKey(dec, f.data)
		if err != nil {
			return err
		}
		switch {
		case packageJSONSections[key]:
			err = readStringMap(dec, f.data, func(name, spec string, off int) {
				name, spec = npmAlias(name, spec)
				f.addAt(bearing.KindPackage, "pkg:npm/"+name, npmVersion(spec), off, true)
			})
		case key == "engines":
			err = readStringMap(dec, f.data, func(name, spec string, off int) {
				if name == "node" {
					f.addAt(bearing.KindRuntime, "node", spec, off, true)
				}
			})
		default:
			err = skipValue(dec)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// npmAlias resolves "name": "npm:real@^1.0" to the package installed.
func npmAlias(name, spec string) (string, string) {
	rest, ok := strings.CutPrefix(spec, "npm:")
	if !ok {
		return name, spec
	}
	if i := strings.LastIndexByte(rest, '@'); i > 0 {
		return rest[:i], rest[i+1:]
	}
	return rest, ""
}

// npmVersion keeps a version constraint as written but drops locations
// (file:, link:, git URLs, workspace:, GitHub shorthands) that name no
// version.
func npmVersion(spec string) string {
	if strings.ContainsAny(spec, ":/") {
		return ""
	}
	return spec
}

var errNotObject = errors.New("expected a JSON object")

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return errNotObject
	}
	return nil
}

// readKey reads an object key and the offset where its text begins.
func readKey(dec *json.Decoder, data []byte) (string, int, error) {
	off := int(dec.InputOffset())
	tok, err := dec.Token()
	if err != nil {
		return "", 0, err
	}
	key, ok := tok.(string)
	if !ok {
		return "", 0, errNotObject
	}
	if i := bytes.IndexByte(data[off:], '"'); i >= 0 {
		off += i + 1
	}
	return key, off, nil
}

// readStringMap reads an object of strings, calling fn with each key, its
// value and the key's offset; values of other types are skipped, and a
// value that is no object at all is skipped whole.
func readStringMap(dec *json.Decoder, data []byte, fn func(key, value string, off int)) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		if ok {
			return skipRest(dec, 1)
		}
		return nil
	}
	for dec.More() {
		key, off, err := readKey(dec, data)
		if err != nil {
			return err
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch v := tok.(type) {
		case string:
			fn(key, v, off)
		case json.Delim:
			if err := skipRest(dec, 1); err != nil {
				return err
			}
		}
	}
	_, err = dec.Token() // the closing brace
	return err
}

// skipValue skips the next value, however deep.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if _, ok := tok.(json.Delim); ok {
		return skipRest(dec, 1)
	}
	return nil
}

// skipRest skips tokens until depth open arrays or objects are closed.
func skipRest(dec *json.Decoder, depth int) error {
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}
