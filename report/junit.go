package report

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/bearingorg/bearing"
	"github.com/bearingorg/bearing/check"
)

// JUnitSuite is the name of the one test suite of a JUnit report.
const JUnitSuite = "bearing check"

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// JUnit writes the report as JUnit XML, for CI systems that show test
// results but not SARIF. Each evaluated rule is a test case, so passing rules
// show as passing tests. A rule fails with its errors and warnings; notes
// (technologies in trial) are allowed and only written to the case's
// output; a rule whose every finding an exception allows is skipped, with
// the exception as the reason.
func JUnit(w io.Writer, r *check.Result, meta Meta) error {
	suite := junitSuite{Name: JUnitSuite, Properties: junitProperties(meta)}
	for _, c := range junitCases(r) {
		suite.Tests++
		switch {
		case c.Failure != nil:
			suite.Failures++
		case c.Skipped != nil:
			suite.Skipped++
		}
		suite.Cases = append(suite.Cases, c)
	}
	doc := junitSuites{Name: ToolName, Tests: suite.Tests, Failures: suite.Failures, Skipped: suite.Skipped,
		Suites: []junitSuite{suite}}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, xml.Header+string(out)+"\n")
	return err
}

func junitProperties(meta Meta) []junitProperty {
	var props []junitProperty
	for _, p := range []junitProperty{{"repo", meta.Repo}, {"commit", meta.Commit}, {"tool_version", meta.ToolVersion}, {"policy_hash", meta.PolicyHash}} {
		if p.Value != "" {
			props = append(props, p)
		}
	}
	return props
}

// junitCases makes a case per evaluated rule, in rule id order, then one
// for any rule with findings the result does not list.
func junitCases(r *check.Result) []junitCase {
	byRule := map[string][]bearing.Finding{}
	var order []string
	for _, ri := range r.Rules {
		order = append(order, ri.ID)
		byRule[ri.ID] = nil
	}
	for _, f := range r.Findings {
		if _, ok := byRule[f.RuleID]; !ok {
			order = append(order, f.RuleID)
		}
		byRule[f.RuleID] = append(byRule[f.RuleID], f)
	}
	cases := make([]junitCase, 0, len(order))
	for _, id := range order {
		cases = append(cases, junitCaseFor(id, byRule[id]))
	}
	return cases
}

func junitCaseFor(id string, fs []bearing.Finding) junitCase {
	c := junitCase{Name: id, Classname: ToolName + "." + ruleKind(id)}
	act, sup := active(fs)
	var failing, notes []bearing.Finding
	for _, f := range act {
		if f.Severity == bearing.SeverityNote {
			notes = append(notes, f)
		} else {
			failing = append(failing, f)
		}
	}
	var out []string
	if len(failing) > 0 {
		c.Failure = &junitFailure{Message: failing[0].Message, Type: string(failing[0].Severity), Text: junitLines(failing)}
	} else if len(sup) > 0 && len(notes) == 0 {
		c.Skipped = &junitSkipped{Message: "allowed by exception " + suppressionLabel(sup[0].Suppressed)}
	}
	if len(notes) > 0 {
		out = append(out, notes[0].Message, junitLines(notes))
	}
	if len(sup) > 0 {
		out = append(out, "Allowed by exceptions:", junitLines(sup))
	}
	c.SystemOut = strings.Join(out, "\n")
	return c
}

// junitLines writes one line per finding: where, what, and the message
// when it differs from the first one's; then the first finding's links.
func junitLines(fs []bearing.Finding) string {
	var lines []string
	for _, f := range fs {
		line := locationLabel(f.Location)
		if it := itemLabel(f.Item); it != "" {
			line += " " + it
		}
		if f.Message != fs[0].Message {
			line += ": " + f.Message
		}
		if f.Suppressed != nil {
			line += " (" + suppressionLabel(f.Suppressed) + ")"
		}
		lines = append(lines, line)
	}
	lines = append(lines, fs[0].Links...)
	return strings.Join(lines, "\n")
}
