package scan

// Own matcher rather than a library: scalibr has no .gitignore support,
// github.com/sabhiram/go-gitignore is unmaintained, and go-git's matcher
// wants every path split into a fresh slice, which costs an allocation per
// file on a 100,000-file tree. The common subset of gitignore(5) fits in
// this file: comments, blank lines, "!" negation, trailing "/" for
// directories, "*", "?", "[...]", "**", and anchoring by a leading or
// middle "/".

import (
	"bytes"
	"path"
	"strings"
)

// ignoreRule is one pattern line of a .gitignore file.
type ignoreRule struct {
	negate   bool
	dirOnly  bool
	anchored bool     // matched against the whole path below the .gitignore's directory
	segs     []string // the pattern split at "/"; "**" spans any number of segments
}

// ignoreLevel holds the rules of one .gitignore file and points to the
// rules of the directories above, so each directory shares its parents'.
type ignoreLevel struct {
	parent *ignoreLevel
	base   string // the directory holding the .gitignore, relative to the root ("" for the root)
	rules  []ignoreRule
}

// parseGitignore reads the rules of a .gitignore in directory base.
func parseGitignore(parent *ignoreLevel, base string, data []byte) *ignoreLevel {
	lvl := &ignoreLevel{parent: parent, base: base}
	for _, raw := range bytes.Split(data, []byte("\n")) {
		if r, ok := parseIgnoreLine(string(raw)); ok {
			lvl.rules = append(lvl.rules, r)
		}
	}
	if len(lvl.rules) == 0 {
		return parent
	}
	return lvl
}

func parseIgnoreLine(line string) (ignoreRule, bool) {
	line = strings.TrimSuffix(line, "\r")
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
		line = line[:len(line)-1]
	}
	var r ignoreRule
	if line == "" || line[0] == '#' {
		return r, false
	}
	if line[0] == '!' {
		r.negate, line = true, line[1:]
	}
	if strings.HasSuffix(line, "/") {
		r.dirOnly, line = true, strings.TrimRight(line, "/")
	}
	r.anchored = strings.Contains(line, "/")
	for _, s := range strings.Split(line, "/") {
		if s == "" || s == "**" && len(r.segs) > 0 && r.segs[len(r.segs)-1] == "**" {
			continue
		}
		if _, err := path.Match(s, ""); err != nil {
			return r, false // a malformed bracket: git ignores the line too
		}
		r.segs = append(r.segs, s)
	}
	if len(r.segs) == 0 {
		return r, false
	}
	if len(r.segs) == 1 && r.segs[0] == "**" {
		r.anchored = false
		r.segs[0] = "*"
	}
	return r, true
}

// ignored reports whether the entry at rel (relative to the root) is
// ignored: the last matching rule wins, deeper files before shallower ones.
func (l *ignoreLevel) ignored(rel string, isDir bool) bool {
	name := rel[strings.LastIndexByte(rel, '/')+1:]
	for ; l != nil; l = l.parent {
		sub := rel
		if l.base != "" {
			var inside bool
			if sub, inside = strings.CutPrefix(rel, l.base+"/"); !inside {
				continue
			}
		}
		var segs []string
		for i := len(l.rules) - 1; i >= 0; i-- {
			r := &l.rules[i]
			if r.dirOnly && !isDir {
				continue
			}
			var hit bool
			if r.anchored {
				if segs == nil {
					segs = strings.Split(sub, "/")
				}
				hit = matchSegments(r.segs, segs)
			} else {
				hit = matchSegment(r.segs[0], name)
			}
			if hit {
				return !r.negate
			}
		}
	}
	return false
}

// matchSegments matches path segments against pattern segments where "**"
// spans zero or more segments (one or more when it ends the pattern: "a/**"
// matches what is inside a, not a itself), by dynamic programming so that
// patterns with many "**" stay linear in the path's depth.
func matchSegments(pat, segs []string) bool {
	// ok[j] reports whether the pattern so far matches segs[:j].
	ok := make([]bool, len(segs)+1)
	ok[0] = true
	for i, p := range pat {
		if p == "**" {
			trailing := i == len(pat)-1
			reach := false
			for j := range ok {
				before := reach
				reach = reach || ok[j]
				ok[j] = reach
				if trailing {
					ok[j] = before
				}
			}
			continue
		}
		for j := len(segs); j >= 1; j-- {
			ok[j] = ok[j-1] && matchSegment(p, segs[j-1])
		}
		ok[0] = false
	}
	return ok[len(segs)]
}

// matchSegment matches one path segment, taking the common shapes
// ("name", "*.ext") without path.Match.
func matchSegment(pat, name string) bool {
	if !strings.ContainsAny(pat, "*?[\\") {
		return pat == name
	}
	if pat[0] == '*' && !strings.ContainsAny(pat[1:], "*?[\\") {
		return strings.HasSuffix(name, pat[1:])
	}
	ok, _ := path.Match(pat, name)
	return ok
}
