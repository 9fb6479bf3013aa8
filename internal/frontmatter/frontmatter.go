// Package frontmatter reads the YAML front matter of Markdown files (ADRs,
// AOE radar entries) safely and reports its errors at the right file line,
// so every importer gives the same precise messages.
package frontmatter

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Decode parses front matter into a node tree (aliases are not expanded, so
// no input can blow up in size). A panic in the YAML library becomes an
// error: one odd file must not stop an import.
func Decode(src string, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the front matter cannot be read (%v)", r)
		}
	}()
	return yaml.Unmarshal([]byte(src), n)
}

var lineRe = regexp.MustCompile(`line (\d+): *(.*)`)

// parserProblems are the messages of the YAML parser (as opposed to its
// scanner), which reports 0-based line numbers where the scanner reports
// 1-based ones.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'": true, "did not find expected ',' or '}'": true,
	"did not find expected '-' indicator": true, "did not find expected <document start>": true,
	"did not find expected <stream-start>": true, "did not find expected key": true,
	"did not find expected node content": true, "found duplicate %TAG directive": true,
	"found duplicate %YAML directive": true, "found incompatible YAML document": true,
	"found undefined tag handle": true,
}

// Error turns a YAML error into a line of the file (front matter starts on
// line 2, after the opening ---) and a message without the library's
// prefixes.
func Error(err error) (int, string) {
	msg := err.Error()
	m := lineRe.FindStringSubmatch(msg)
	if m == nil {
		return 1, strings.TrimPrefix(msg, "yaml: ")
	}
	n, _ := strconv.Atoi(m[1])
	if parserProblems[m[2]] {
		n++
	}
	return n + 1, m[2]
}
