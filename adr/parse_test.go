package adr

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestProblemError(t *testing.T) {
	if got := (Problem{Path: "a/0001-x.md", Line: 3, Message: "bad"}).Error(); got != "a/0001-x.md:3: bad" {
		t.Errorf("with line: %q", got)
	}
	if got := (Problem{Path: "a/0001-x.md", Message: "bad"}).Error(); got != "a/0001-x.md: bad" {
		t.Errorf("without line: %q", got)
	}
}

// TestParseProblems covers the ways a file can be refused, each pointing at
// its line.
func TestParseProblems(t *testing.T) {
	for _, tc := range []struct{ name, content, want string }{
		{"front matter status", "---\ndate: 2020-01-01\nstatus: approved\n---\n# T\n",
			`x.md:3: unknown status "approved"; use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn`},
		{"bullet status with extra text", "# T\n\n* Status: accepted (2020-01-02)\n",
			`x.md:3: unknown status "accepted (2020-01-02)"; use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn`},
		{"empty status", "# T\n\n- Status:\n",
			"x.md:3: the status is empty; use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn"},
		{"empty status section", "# 1. T\n\n## Status\n\n## Context\n\nc\n",
			"x.md:3: the Status section names no status; write one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn"},
		{"contradiction", "---\nstatus: accepted\n---\n# T\n\n## Status\n\nRejected\n",
			`x.md:8: status "rejected" contradicts status "accepted" on line 2`},
		{"superseded by nothing", "---\nstatus: superseded by the new one\n---\n# T\n",
			`x.md:2: the status does not name the superseding ADR by number, e.g. "superseded by ADR-0005"`},
		{"bad date in front matter", "---\nstatus: accepted\ndate: 12/03/2021\n---\n# T\n",
			`x.md:3: date "12/03/2021" is not a date; write it as YYYY-MM-DD`},
		{"yaml scanner error", "---\nstatus: accepted\ndate: 2020-01-01: x\n---\n# T\n",
			"x.md:3: front matter: mapping values are not allowed in this context"},
		{"yaml tab", "---\nstatus: accepted\n\tdate: 2020-01-01\n---\n# T\n",
			"x.md:3: front matter: found a tab character that violates indentation"},
		{"unclosed front matter", "---\nstatus: accepted\n# T\n",
			"x.md:1: the front matter that starts here is never closed with --- (and 1 more problem)"},
		{"duplicate key", "---\nstatus: accepted\nStatus: accepted\n---\n# T\n",
			"x.md:3: front matter: status is given twice (first on line 2)"},
		{"list for status", "---\nstatus: [accepted]\n---\n# T\n", "x.md:2: front matter: status must be a single value"},
		{"bad reference", "---\nstatus: accepted\nsupersedes: [the old one]\n---\n# T\n",
			`x.md:3: front matter: supersedes: "the old one" is not a decision number such as DEC-5`},
		{"no title", "Some notes.\n", "x.md: the file has no title; start it with a line \"# Title\""},
		{"two problems", "# T\n\n* Status: maybe\n* Date: soon\n",
			`x.md:3: unknown status "maybe"; use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn (and 1 more problem)`},
	} {
		d, err := Parse("x.md", []byte(tc.content))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: Parse = %v, %v;\nwant %s", tc.name, d, err, tc.want)
		}
	}
}

func TestParseStatuses(t *testing.T) {
	for _, tc := range []struct {
		content string
		status  bearing.Status
		by      string
	}{
		{"# T\n\nNo status line at all.\n", bearing.StatusProposed, ""},
		{"---\nstatus: Withdrawn\n---\n# T\n", bearing.StatusWithdrawn, ""},
		{"---\nstatus: draft\n---\n# T\n", bearing.StatusDraft, ""},
		{"---\nstatus: \"superseded by ADR-0005\"\n---\n# T\n", bearing.StatusSuperseded, "DEC-5"},
		{"# T\n\n* Status: **Deprecated**\n", bearing.StatusDeprecated, ""},
		{"# T\n\n**Status:** Rejected\n", bearing.StatusRejected, ""},
		{"# T\n\n## Status\n\nAccepted\n\nSuperseded by [7. X](0007-x.md), [ADR-0009](0009-y.md)\n", bearing.StatusSuperseded, "DEC-7,DEC-9"},
	} {
		d, err := Parse("0001-t.md", []byte(tc.content))
		if err != nil {
			t.Errorf("%q: %v", tc.content, err)
			continue
		}
		if d.Status != tc.status || strings.Join(d.SupersededBy, ",") != tc.by {
			t.Errorf("%q: status %q superseded by %q, want %q by %q", tc.content, d.Status, d.SupersededBy, tc.status, tc.by)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		path, content string
		number        int
		title         string
	}{
		{"0012-use-x.md", "# Use X\n", 12, "Use X"},
		{"0012-use-x.md", "# 13. Use X\n", 13, "Use X"},
		{"use-x.md", "# ADR-0014: Use X\n", 14, "Use X"},
		{"0012-use-x.md", "---\nbearing-number: 15\n---\n# 2. Use X\n", 15, "2. Use X"},
		{"20210304-use-x.md", "# Use X\n", 0, "Use X"},
		{"notes.md", "# Use X\n", 0, "Use X"},
		{"0012-x.md", "# 2021 Roadmap\n", 12, "2021 Roadmap"},
	} {
		d, err := Parse(tc.path, []byte(tc.content))
		if err != nil || d.Number != tc.number || d.Title != tc.title {
			t.Errorf("Parse(%s, %q) = %d %q, %v; want %d %q", tc.path, tc.content, d.Number, d.Title, err, tc.number, tc.title)
		}
	}
}

// TestParseKeepsEverything checks that text in sections with no field of
// their own ends up in the context, and that fences hide headings.
func TestParseKeepsEverything(t *testing.T) {
	content := "# 1. T\n\nIntro before any section.\n\n## Status\n\nAccepted by the architecture board.\n\n" +
		"## Assumptions\n\nTraffic doubles yearly.\n\n## Considered Options\n\nWe looked at two.\n\n* A\n* B\n  (the cheap one)\n\n" +
		"## Decision\n\n```\n## Consequences\n```\n\n## Do\n\n* Use A\n\nAsk the platform team first.\n"
	d, err := Parse("x.md", []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	want := "Intro before any section.\n\n## Status\n\nAccepted by the architecture board.\n\n" +
		"## Assumptions\n\nTraffic doubles yearly.\n\n## Considered Options\n\nWe looked at two.\n\n" +
		"## Do\n\nAsk the platform team first."
	if d.Context != want || d.Status != bearing.StatusAccepted {
		t.Errorf("context = %q, status %q\nwant %q", d.Context, d.Status, want)
	}
	if d.Body != "```\n## Consequences\n```" || d.Consequences != "" {
		t.Errorf("body %q, consequences %q", d.Body, d.Consequences)
	}
	if len(d.Options) != 2 || d.Options[1].Name != "B (the cheap one)" || strings.Join(d.Dos, "|") != "Use A" {
		t.Errorf("options %+v, dos %q", d.Options, d.Dos)
	}
}
