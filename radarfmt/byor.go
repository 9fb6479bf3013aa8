package radarfmt

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// byorColumns are the columns of a Build Your Own Radar sheet, in the order
// Thoughtworks' template gives them.
var byorColumns = []string{"name", "ring", "quadrant", "isNew", "status", "description"}

// byorRow is one technology as a BYOR sheet has it.
type byorRow struct {
	Name, Ring, Quadrant, IsNew, Status, Description string
}

// byorJSON is a row of the JSON form; isNew is "TRUE" or "FALSE" in
// Thoughtworks' samples and a boolean in some exports, so both are read.
type byorJSON struct {
	Name        string `json:"name"`
	Ring        string `json:"ring"`
	Quadrant    string `json:"quadrant"`
	IsNew       any    `json:"isNew"`
	Status      string `json:"status,omitempty"`
	Description string `json:"description"`
}

// byorStatuses maps BYOR's status words (lower case, without spaces) to
// change kinds, and byorStatusOf back.
var (
	byorStatuses = map[string]string{"new": bearing.EntryNew, "movedin": bearing.EntryMovedIn,
		"movedout": bearing.EntryMovedOut, "nochange": bearing.EntrySame}
	byorStatusOf = map[string]string{bearing.EntryNew: "New", bearing.EntryMovedIn: "Moved In",
		bearing.EntryMovedOut: "Moved Out", bearing.EntrySame: "No Change"}
)

// ReadBYORCSV reads a Build Your Own Radar CSV sheet, so that a radar kept
// in a spreadsheet can be imported. Columns may come in any order; name,
// ring and quadrant are required. Problems point at the row's line.
func ReadBYORCSV(r io.Reader) (*Radar, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	header, err := cr.Read()
	if err != nil {
		return nil, csvProblem(err, 0)
	}
	cols := map[string]int{}
	for i, h := range header {
		if k := strings.ToLower(strings.TrimSpace(h)); cols[k] == 0 {
			cols[k] = i + 1 // 0 is "absent"
		}
	}
	if cols["name"] == 0 || cols["ring"] == 0 || cols["quadrant"] == 0 {
		return nil, Problem{Line: 1, Message: fmt.Sprintf("the header needs the columns name, ring and quadrant; it has %s",
			short(strings.Join(header, ", ")))}
	}
	b := newBYOR()
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		} else if err != nil {
			b.ps = append(b.ps, csvProblem(err, len(header)))
			break
		}
		get := func(col string) string {
			if i := cols[strings.ToLower(col)]; i > 0 {
				return rec[i-1]
			}
			return ""
		}
		lineOf := func(field string) int {
			line, _ := cr.FieldPos(max(cols[strings.ToLower(field)]-1, 0))
			return line
		}
		row := byorRow{Name: get("name"), Ring: get("ring"), Quadrant: get("quadrant"), IsNew: get("isnew"),
			Status: get("status"), Description: get("description")}
		b.row(row, lineOf, fmt.Sprintf("%q: ", short(strings.TrimSpace(row.Name))))
	}
	return b.done()
}

// csvProblem turns an error of encoding/csv into a Problem at its line.
func csvProblem(err error, columns int) Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Problem{Message: "invalid CSV: " + err.Error()}
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return Problem{Line: pe.StartLine, Message: fmt.Sprintf("the row has a different number of columns from the header's %d; quote values that contain commas", columns)}
	}
	return Problem{Line: pe.Line, Message: fmt.Sprintf("invalid CSV at column %d: %v", pe.Column, pe.Err)}
}

// ReadBYORJSON reads the JSON form of a Build Your Own Radar sheet: an
// array of objects with the CSV's columns as keys.
func ReadBYORJSON(r io.Reader) (*Radar, error) {
	var rows []byorJSON
	data, err := decodeJSON(r, &rows)
	if err != nil {
		return nil, err
	}
	lines := elementLines(data, "")
	b := newBYOR()
	for i, row := range rows {
		isNew := ""
		switch v := row.IsNew.(type) {
		case bool:
			isNew = strings.ToUpper(fmt.Sprint(v))
		case string:
			isNew = v
		case nil:
		default:
			isNew = fmt.Sprint(v)
		}
		line := lineAt(lines, i)
		b.row(byorRow{Name: row.Name, Ring: row.Ring, Quadrant: row.Quadrant, IsNew: isNew, Status: row.Status,
			Description: row.Description}, func(string) int { return line }, fmt.Sprintf("[%d] %q: ", i, short(row.Name)))
	}
	return b.done()
}

// byorBuild gathers a radar from BYOR rows: the classic four rings, and the
// quadrants in the order the rows first use them.
type byorBuild struct {
	rd   *Radar
	ps   problems
	seen duplicates
}

func newBYOR() *byorBuild {
	return &byorBuild{rd: &Radar{Config: bearing.RadarConfig{Rings: bearing.DefaultRadarConfig().Rings}}, seen: duplicates{}}
}

// row adds one row, reporting each problem at the line of its column.
func (b *byorBuild) row(r byorRow, lineOf func(field string) int, prefix string) {
	cfg := &b.rd.Config
	if q := strings.TrimSpace(r.Quadrant); q != "" {
		if _, ok := cfg.Quadrant(q); !ok {
			cfg.Quadrants = append(cfg.Quadrants, bearing.Quadrant{Name: q})
		}
	}
	kind, msg := byorKind(r.IsNew, r.Status)
	if msg != "" {
		b.ps.add("", lineOf("status"), "%s%s", prefix, msg)
	}
	t := &bearing.Technology{Name: r.Name, Ring: r.Ring, Quadrant: r.Quadrant, Description: r.Description}
	b.ps.validate(t, cfg, prefix, func(f string) (string, int) { return "", lineOf(f) })
	moves, msg := movesFor(cfg, t.Ring, kind, time.Time{})
	if msg != "" {
		b.ps.add("", lineOf("status"), "%s%s", prefix, msg)
	}
	t.Moves = moves
	if b.seen.check(&b.ps, "", lineOf("name"), prefix, t) {
		b.rd.Technologies = append(b.rd.Technologies, t)
	}
}

// byorKind reads the change a row describes: status when given (it is the
// newer column), isNew otherwise.
func byorKind(isNew, status string) (string, string) {
	if s := strings.TrimSpace(status); s != "" {
		key := strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(s))
		if kind, ok := byorStatuses[key]; ok {
			return kind, ""
		}
		return bearing.EntrySame, fmt.Sprintf("status %q is not New, Moved In, Moved Out or No Change", short(s))
	}
	switch strings.ToLower(strings.TrimSpace(isNew)) {
	case "true":
		return bearing.EntryNew, ""
	case "false", "":
		return bearing.EntrySame, ""
	}
	return bearing.EntrySame, fmt.Sprintf("isNew %q is not TRUE or FALSE", short(isNew))
}

func (b *byorBuild) done() (*Radar, error) {
	if len(b.ps) == 0 && len(b.rd.Technologies) == 0 {
		b.ps.add("", 0, "the sheet has no technologies")
	}
	if len(b.rd.Config.Quadrants) > 0 {
		b.ps.validateConfig(&b.rd.Config, "", 0)
	}
	if err := b.ps.err(); err != nil {
		return nil, err
	}
	return b.rd, nil
}

// byorRows lays the radar out as BYOR rows: isNew and status say what
// happened on the radar's latest date.
func (rd *Radar) byorRows() ([]byorRow, error) {
	release := rd.releaseDay()
	rows := make([]byorRow, len(rd.Technologies))
	for i, t := range rd.Technologies {
		if _, _, err := rd.place(t); err != nil {
			return nil, err
		}
		kind := rd.change(t, release)
		isNew := "FALSE"
		if kind == bearing.EntryNew {
			isNew = "TRUE"
		}
		rows[i] = byorRow{Name: t.Name, Ring: t.Ring, Quadrant: t.Quadrant, IsNew: isNew, Status: byorStatusOf[kind], Description: t.Description}
	}
	return rows, nil
}

// WriteBYORCSV writes a Build Your Own Radar CSV sheet, so that a radar kept
// in Bearing can be drawn by Thoughtworks' tool; values with commas, quotes
// or line breaks are quoted.
func WriteBYORCSV(w io.Writer, rd *Radar) error {
	rows, err := rd.byorRows()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(byorColumns); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write([]string{r.Name, r.Ring, r.Quadrant, r.IsNew, r.Status, r.Description}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteBYORJSON writes the JSON form of a Build Your Own Radar sheet, with
// isNew as "TRUE" or "FALSE" like Thoughtworks' samples.
func WriteBYORJSON(w io.Writer, rd *Radar) error {
	rows, err := rd.byorRows()
	if err != nil {
		return err
	}
	out := []byorJSON{}
	for _, r := range rows {
		out = append(out, byorJSON{Name: r.Name, Ring: r.Ring, Quadrant: r.Quadrant, IsNew: r.IsNew, Status: r.Status, Description: r.Description})
	}
	return writeJSON(w, out)
}
