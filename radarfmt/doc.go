// Package radarfmt moves a technology radar between Bearing and the radar
// tools organisations already use, so that a radar kept elsewhere can be
// imported in one step, and exported again to keep an existing site running
// while the move is under way.
//
// # Formats
//
//   - "zalando": the config.json passed to Zalando's radar_visualization():
//     title, date, quadrants [{name}], rings [{name, color}] and entries
//     [{quadrant, ring, label, active, moved, link}], where quadrant and ring
//     are indexes (ring 0 innermost) and moved is -1 (out), 0, 1 (in) or 2
//     (new). A file without quadrants or rings gets Zalando's own.
//   - "byor-csv" and "byor-json": Thoughtworks' Build Your Own Radar sheet,
//     with columns name, ring, quadrant, isNew, status, description (in any
//     order; isNew and status optional). BYOR has no ring configuration: the
//     rings are adopt, trial, assess and hold, and any other ring is a
//     Problem. Quadrants are those of the file, in order of first use.
//   - "backstage": the JSON the @backstage-community/plugin-tech-radar loads:
//     quadrants [{id, name}], rings [{id, name, color, description}] and
//     entries with a timeline of ring snapshots (newest first, as the plugin
//     reads it).
//   - "aoe": AOE's technology radar, a folder radar/YYYY-MM-DD/<id>.md per
//     release, each file with YAML front matter (title, ring, quadrant, tags,
//     featured) and the Markdown description as its body; an optional
//     config.json beside radar/ names the quadrants and rings.
//
// # Mapping
//
// Ring names are lower-cased; quadrant names are kept as written. Every
// technology gets its slug from its name and must pass
// bearing.Technology.Validate against the radar's configuration; whatever
// fails is a Problem pointing at the line to fix. A ring gives the verdict
// its name says (adopt, trial, assess, hold), or else the one its position
// suggests, innermost adopt and outermost hold.
//
// History is kept as well as the format allows. Backstage timelines map one
// to one onto Technology.Moves, their descriptions onto the moves' reasons.
// AOE releases become Editions, each a snapshot of the radar at that date,
// and every file of an item is a move (its body the reason; the latest body
// is also the description). Zalando's moved and BYOR's status only say what
// happened in the latest release: "in" reads as a move from the next ring
// out, "out" as one from the next ring in, "new" as a first move. Writing
// does the reverse: a technology whose last move happened on the radar's
// latest date (its latest edition, or else its latest move) is new, moved in
// or moved out; every other one is unchanged.
//
// What Bearing's types have no field for — ring colours, links, AOE tags,
// Zalando's active and AOE's featured flags — is kept in the Radar alongside
// the technologies, so that reading and writing again loses nothing; a Radar
// built by hand gets default colours. For every format, reading what was
// written yields the same radar on every field the format carries, and
// writing the same radar twice gives the same bytes.
package radarfmt
