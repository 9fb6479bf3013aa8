// Package adr moves decision records between Bearing and the Architecture
// Decision Records (ADRs) that teams keep as Markdown files next to their
// code. Importing an existing log is how most organisations start with
// Bearing, and exporting it again is their guarantee that they can leave:
// both directions keep every word.
//
// # Formats read
//
// Parse reads the four layouts found in practice; one file may mix them.
//
//   - MADR 2 and 3 (https://adr.github.io/madr/): a "# Title", metadata as
//     YAML front matter (status, date, deciders, and in MADR 3 consulted and
//     informed) or, in MADR 2, as bullets under the title ("* Status:
//     accepted"); sections "Context and Problem Statement", "Decision
//     Drivers", "Considered Options", "Decision Outcome" (with "Positive" and
//     "Negative Consequences" or "Consequences"), "Pros and Cons of the
//     Options" (one "### Option" each, with "Good, because …" and "Bad,
//     because …" bullets) and "More Information" or "Links".
//   - MADR 4: the same, with decision-makers instead of deciders and a
//     "### Confirmation" under the outcome. Titles carry no number, so it
//     comes from the file name ("0012-use-x.md").
//   - Michael Nygard's format as written by adr-tools: "# 1. Title", a
//     "Date:" line, and sections Status, Context, Decision and Consequences.
//     The Status section holds the status word and links such as
//     "Supercedes [2. Use MySQL](0002-use-mysql.md)" or "Superseded by …".
//   - log4brains: MADR 2 with bullet metadata written "- Status:", "- Tags:",
//     headings marked "<!-- optional -->", and files named by date
//     (20210304-title.md), which ReadDir numbers.
//
// # Mapping
//
// The status is one of Bearing's (draft, proposed, accepted, rejected,
// deprecated, superseded, withdrawn; adr-tools' "superceded" is read too);
// anything else is a Problem, never a guess. Only a file with no status at
// all is taken as proposed. The date becomes CreatedAt (midnight UTC), and
// the option named in `Chosen option: "Name"` is marked chosen. "Superseded by" and
// "Supersedes" links become SupersededBy and Supersedes keys ("DEC-5").
// Decision Drivers, More Information, Links and every section with no field
// of its own are kept in the context under their own heading, and so are
// lines of the Status section that are not status or supersede links
// (adr-tools' "Amended by …"). Neutral bullets and prose in an option's
// pros and cons are its description. Front matter keys that are not ADR
// metadata (a documentation site's layout or nav_order) are ignored.
//
// # Format written
//
// Format writes MADR 4, with Bearing's extra fields in the front matter
// (bearing-number, tags, revisit-on, supersedes, superseded-by) and in
// sections Parse reads back (Executive Summary, Do, Don't); a chosen option
// that the decision text does not name goes in chosen-option. For every file
// Parse accepts, Parse(Format(d)) yields the same fields as d; the fuzz test
// FuzzParse checks exactly that.
package adr
