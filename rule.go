package bearing

import (
	"path"
	"strings"
)

// Rule is a machine-checkable part of a guideline that `bearing check`
// evaluates against a repository's inventory. Exactly one of the fields is
// set; the language is deliberately small, so every rule can be validated
// when it is saved and explained when it fails:
//
//	{"forbid": "pkg:npm/moment"}                    no dependency on it (identifier, "*" allowed at the end)
//	{"require": "pkg:npm/@northwind/logger"}        the repository must use it
//	{"require_file": "CODEOWNERS|.github/CODEOWNERS"} one of these files must exist
//	{"require_runtime": "node@>=20"}                every declared runtime version must be in the range
type Rule struct {
	Forbid         string `json:"forbid,omitempty"`
	Require        string `json:"require,omitempty"`
	RequireFile    string `json:"require_file,omitempty"`
	RequireRuntime string `json:"require_runtime,omitempty"`
}

// Kind names the set field: "forbid", "require", "require_file" or
// "require_runtime"; "" for an empty rule.
func (r Rule) Kind() string {
	switch {
	case r.Forbid != "":
		return "forbid"
	case r.Require != "":
		return "require"
	case r.RequireFile != "":
		return "require_file"
	case r.RequireRuntime != "":
		return "require_runtime"
	}
	return ""
}

// String writes the rule for people: `forbid pkg:npm/moment`.
func (r Rule) String() string {
	v := r.Forbid + r.Require + r.RequireFile + r.RequireRuntime
	return strings.ReplaceAll(r.Kind(), "_", " ") + " " + v
}

// Validate checks the rule, naming the field at fault.
func (r *Rule) Validate() error {
	var p Problems
	set := 0
	for _, v := range []string{r.Forbid, r.Require, r.RequireFile, r.RequireRuntime} {
		if strings.TrimSpace(v) != "" {
			set++
		}
	}
	if set != 1 {
		p.Add("kind", "set exactly one of forbid, require, require_file, require_runtime (found %d)", set)
		return p.Err()
	}
	switch r.Kind() {
	case "forbid", "require":
		field := r.Kind()
		v := &r.Forbid
		if field == "require" {
			v = &r.Require
		}
		id, err := ParseIdentifier(*v)
		if err != nil {
			p.Add(field, "%v", err)
		} else {
			*v = id.String()
		}
	case "require_file":
		var alts []string
		for _, f := range strings.Split(r.RequireFile, "|") {
			f = strings.TrimSpace(f)
			if f == "" || path.IsAbs(f) || strings.HasPrefix(path.Clean(f), "..") || strings.Contains(f, "\\") {
				p.Add("require_file", "%q must be a path inside the repository, such as CODEOWNERS or .github/CODEOWNERS", f)
			}
			alts = append(alts, path.Clean(f))
		}
		r.RequireFile = strings.Join(alts, "|")
	case "require_runtime":
		id, err := ParseIdentifier(r.RequireRuntime)
		switch {
		case err != nil:
			p.Add("require_runtime", "%v", err)
		case id.Kind != KindRuntime:
			p.Add("require_runtime", "%q is not a runtime; write it like node@>=20 or golang@>=1.22", r.RequireRuntime)
		case id.Range.IsZero():
			p.Add("require_runtime", "%q needs a version range, such as node@>=20", r.RequireRuntime)
		default:
			r.RequireRuntime = id.String()
		}
	}
	return p.Err()
}

// Files returns the alternatives of a require_file rule.
func (r Rule) Files() []string {
	if r.RequireFile == "" {
		return nil
	}
	return strings.Split(r.RequireFile, "|")
}
