package scan

// Own parser: scalibr's javascript/packagelockjson finds each package's
// line with a gjson query from the start of the file, which is quadratic:
// a 20 MB lock file of 60,000 packages took six minutes. This parser
// streams the file once with encoding/json, keeping every key's offset.

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/bearingorg/bearing"
)

// lockEntry is a locked package and where its key is written.
type lockEntry struct {
	name, version string
	off           int
}

// parsePackageLock reads package-lock.json and npm-shrinkwrap.json:
// lockfileVersion 2 and 3 list packages under "packages" by install path
// ("node_modules/a/node_modules/b"); version 1 nests them under
// "dependencies", which version 2 also keeps and which is then ignored.
// The root project, workspace members and links to them are the
// repository's own code and are left out.
func parsePackageLock(f *file) error {
	dec := json.NewDecoder(bytes.NewReader(f.data))
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	var packages, dependencies []lockEntry
	for dec.More() {
		key, _, err := readKey(dec, f.data)
		if err != nil {
			return err
		}
		switch key {
		case "packages":
			packages, err = readLockPackages(dec, f.data)
		case "dependencies":
			dependencies, err = readLockDependencies(dec, f.data, nil, 0)
		default:
			err = skipValue(dec)
		}
		if err != nil {
			return err
		}
	}
	if len(packages) == 0 {
		packages = dependencies
	}
	for _, e := range packages {
		name, version := npmAlias(e.name, e.version)
		f.addAt(bearing.KindPackage, "pkg:npm/"+name, npmVersion(version), e.off, false)
	}
	return nil
}

// readLockPackages reads the "packages" object of lockfileVersion 2 and 3.
func readLockPackages(dec *json.Decoder, data []byte) ([]lockEntry, error) {
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var out []lockEntry
	for dec.More() {
		key, off, err := readKey(dec, data)
		if err != nil {
			return nil, err
		}
		var p struct {
			Name    string `json:"name"`
			Version string `json:"version"`
			Link    bool   `json:"link"`
		}
		if err := dec.Decode(&p); err != nil {
			if _, ok := err.(*json.UnmarshalTypeError); !ok {
				return nil, err
			}
		}
		i := strings.LastIndex(key, "node_modules/")
		if i < 0 || p.Link {
			continue // the root, a workspace member, or a link to one
		}
		name := key[i+len("node_modules/"):]
		if p.Name != "" {
			name = p.Name // an alias installed under another name
		}
		out = append(out, lockEntry{name, p.Version, off + i + len("node_modules/")})
	}
	_, err := dec.Token()
	return out, err
}

// readLockDependencies reads version 1's nested "dependencies".
func readLockDependencies(dec *json.Decoder, data []byte, out []lockEntry, depth int) ([]lockEntry, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		if ok {
			return out, skipRest(dec, 1)
		}
		return out, nil
	}
	for dec.More() {
		name, off, err := readKey(dec, data)
		if err != nil {
			return nil, err
		}
		if out, err = readLockDependency(dec, data, name, off, out, depth); err != nil {
			return nil, err
		}
	}
	_, err = dec.Token()
	return out, err
}

// readLockDependency reads one package of version 1: its version and the
// packages nested below it.
func readLockDependency(dec *json.Decoder, data []byte, name string, off int, out []lockEntry, depth int) ([]lockEntry, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		if ok {
			return out, skipRest(dec, 1)
		}
		return out, nil
	}
	entry := lockEntry{name: name, off: off}
	for dec.More() {
		key, _, err := readKey(dec, data)
		if err != nil {
			return nil, err
		}
		switch {
		case key == "version":
			err = dec.Decode(&entry.version)
			if _, ok := err.(*json.UnmarshalTypeError); ok {
				err = nil
			}
		case key == "dependencies" && depth < 100:
			out, err = readLockDependencies(dec, data, out, depth+1)
		default:
			err = skipValue(dec)
		}
		if err != nil {
			return nil, err
		}
	}
	_, err = dec.Token()
	return append(out, entry), err
}
