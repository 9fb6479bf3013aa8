package radarfmt

import (
	"io"
	"strings"
	"testing"
)

func TestProblemError(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{"radar/2024-01-01/go.md", 3, "bad"}, "radar/2024-01-01/go.md:3: bad"},
		{Problem{"config.json", 0, "bad"}, "config.json: bad"},
		{Problem{"", 7, "bad"}, "line 7: bad"},
		{Problem{"", 0, "bad"}, "bad"},
	} {
		if got := c.p.Error(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}

// TestBadInput checks that every refusal is a Problem at the right line
// with a message that says what to do.
func TestBadInput(t *testing.T) {
	csv, js, zal, bs := ReadBYORCSV, ReadBYORJSON, ReadZalando, ReadBackstage
	for _, c := range []struct {
		name string
		read func(io.Reader) (*Radar, error)
		in   string
		line int
		msg  string
	}{
		{"csv unknown ring", csv, "name,ring,quadrant,description\nGo,adopt,Languages,\"Fast,\nsimple\"\nRust,experiment,Languages,x\n",
			4, `"Rust": ring: "experiment" is not a ring; use one of adopt, trial, assess, hold`},
		{"csv missing column", csv, "name,ring,description\nGo,adopt,x\n", 1, "the header needs the columns name, ring and quadrant"},
		{"csv bare quote", csv, "name,ring,quadrant\nGo,adopt,Lang\"uages\n", 2, `invalid CSV at column 14: bare " in non-quoted-field`},
		{"csv field count", csv, "name,ring,quadrant\nGo,adopt,Languages,fast, simple\n", 2, "the row has a different number of columns from the header's 3"},
		{"csv status", csv, "name,ring,quadrant,status\nGo,adopt,Languages,Moved sideways\n", 2, `"Go": status "Moved sideways" is not New, Moved In, Moved Out or No Change`},
		{"csv moved in outermost", csv, "name,ring,quadrant,status\nPerl,hold,Languages,Moved In\n", 2, `"Perl": moved in, but hold is the outermost ring`},
		{"csv twice", csv, "name,ring,quadrant\nGo,adopt,Languages\nRust,trial,Languages\ngo,trial,Languages\n", 4, `"go": another entry already has this name (line 2)`},
		{"csv empty", csv, "name,ring,quadrant\n", 0, "the sheet has no technologies"},
		{"csv no name", csv, "name,ring,quadrant\n ,adopt,Languages\n", 2, `"": name: is required`},
		{"byor json isNew", js, "[\n  {\"name\": \"Go\", \"ring\": \"adopt\", \"quadrant\": \"Languages\"},\n  {\"name\": \"Rust\", \"ring\": \"trial\", \"quadrant\": \"Languages\", \"isNew\": 1}\n]",
			3, `[1] "Rust": isNew "1" is not TRUE or FALSE`},
		{"byor json type", js, "[\n  {\"name\": \"Go\", \"ring\": 1}\n]", 2, "column 26: ring must be a string, not number"},
		{"invalid json", zal, "{\n  \"entries\": [\n    {\"label\": \"Go\",}\n  ]\n}\n", 3, "invalid JSON at column 20: invalid character '}' looking for beginning of object key string"},
		{"truncated json", bs, "{\n  \"entries\": [\n", 2, "invalid JSON at column 15: unexpected end of JSON input"},
		{"zalando quadrant out of range", zal, "{\"entries\": [\n {\"label\": \"Go\", \"quadrant\": 0, \"ring\": 0, \"active\": true},\n {\"label\": \"Rust\", \"quadrant\": 4, \"ring\": 1}\n]}",
			3, `entries[1] "Rust": quadrant 4 is out of range; use 0 to 3 (Languages, Infrastructure, Datastores, Data Management)`},
		{"zalando moved", zal, "{\"entries\": [\n {\"label\": \"Go\", \"quadrant\": 0, \"ring\": 0, \"moved\": 3}]}", 2, `entries[0] "Go": moved 3 is not -1 (out), 0, 1 (in) or 2 (new)`},
		{"zalando type", zal, "{\"entries\": [\n {\"label\": \"Go\", \"quadrant\": \"0\"}]}", 2, "column 32: entries.quadrant must be a whole number, not string"},
		{"zalando rings twice", zal, "{\"rings\": [{\"name\": \"Adopt\"}, {\"name\": \"ADOPT\"}], \"entries\": []}", 0, `rings[1].name: "adopt" is empty or used twice`},
		{"backstage ring id", bs, backstage(`{"id": "go", "key": "go", "title": "Go", "quadrant": "langs", "timeline": [{"ringId": "use", "date": "2024-01-01"}]}`),
			4, `entries[0] "Go": ringId "use" is not a ring id; use adopt or hold`},
		{"backstage quadrant id", bs, backstage(`{"title": "Go", "quadrant": "languages", "timeline": []}`), 4, `entries[0] "Go": quadrant "languages" is not a quadrant id; use langs`},
		{"backstage empty timeline", bs, backstage(`{"title": "Go", "quadrant": "langs", "timeline": []}`), 4, `entries[0] "Go": the timeline is empty`},
		{"backstage date", bs, backstage(`{"title": "Go", "quadrant": "langs", "timeline": [{"ringId": "adopt", "date": "01/02/2024"}]}`),
			4, `entries[0] "Go": date "01/02/2024" is not a date; write it as YYYY-MM-DD`},
		{"backstage no rings", bs, `{"quadrants": [{"id": "q", "name": "Q"}], "rings": [], "entries": []}`, 0, "rings: must have 1 to 12 rings"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rd, err := c.read(strings.NewReader(c.in))
			if err == nil {
				t.Fatalf("no error; read %d technologies", len(rd.Technologies))
			}
			p := problemOf(t, err)
			if p.Line != c.line || !strings.HasPrefix(p.Message, c.msg) {
				t.Errorf("got  %d: %s\nwant %d: %s", p.Line, p.Message, c.line, c.msg)
			}
		})
	}
}

// backstage wraps one entry in a radar with two rings and one quadrant; the
// entry starts on line 4.
func backstage(entry string) string {
	return `{"rings": [{"id": "adopt", "name": "Adopt", "color": "#0f0"}, {"id": "hold", "name": "Hold", "color": "#f00"}],
 "quadrants": [{"id": "langs", "name": "Languages"}],
 "entries": [
  ` + entry + `
 ]
}`
}

func TestBadAOE(t *testing.T) {
	good := "---\ntitle: Go\nring: adopt\nquadrant: languages\n---\n\nFast.\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown ring", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: Go\nquadrant: languages\nring: experiment\n---\n"},
			`radar/2024-01-01/go.md:4: ring "experiment" is not a ring id; use adopt, trial, assess or hold`},
		{"no front matter", map[string]string{"radar/2024-01-01/go.md": "# Go\n"},
			"radar/2024-01-01/go.md:1: an item starts with front matter"},
		{"unclosed", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: Go\n"},
			"radar/2024-01-01/go.md:1: the front matter that starts here is never closed with ---"},
		{"bad yaml", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: Go\nring: adopt\ntags: [a, b\n---\n"},
			"radar/2024-01-01/go.md:4: front matter: did not find expected ',' or ']'"},
		{"missing quadrant", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: Go\nring: adopt\n---\n"},
			"radar/2024-01-01/go.md:1: the first release of an item needs title, ring and quadrant; quadrant is missing"},
		{"not a date", map[string]string{"radar/2024-01/go.md": good},
			"radar/2024-01: a release folder is named by its date, YYYY-MM-DD"},
		{"featured", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: Go\nring: adopt\nquadrant: languages\nfeatured: maybe\n---\n"},
			"radar/2024-01-01/go.md:5: front matter: featured must be true or false"},
		{"same title", map[string]string{"radar/2024-01-01/go.md": good, "radar/2024-02-01/golang.md": good},
			`radar/2024-02-01/golang.md:2: "Go" is also the title of radar/2024-01-01/go.md`},
		{"no radar folder", map[string]string{"README.md": "hello"}, "radar: cannot read the radar folder"},
		{"config quadrant", map[string]string{"config.json": `{"quadrants": [{"id": "tools", "title": "Tools"}]}`, "radar/2024-01-01/go.md": good},
			`radar/2024-01-01/go.md:4: quadrant "languages" is not a quadrant id; use tools`},
		{"config json", map[string]string{"config.json": "{\n  \"rings\": [}\n", "radar/2024-01-01/go.md": good},
			"config.json:2: invalid JSON at column 13"},
		{"title too long", map[string]string{"radar/2024-01-01/go.md": "---\ntitle: " + strings.Repeat("Go", 51) + "\nring: adopt\nquadrant: languages\n---\n"},
			"radar/2024-01-01/go.md:2: name: is longer than 100 characters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadAOE(mapFS(c.files))
			if err == nil {
				t.Fatal("no error")
			}
			if p := problemOf(t, err); !strings.HasPrefix(p.Error(), c.want) {
				t.Errorf("got  %s\nwant %s", p.Error(), c.want)
			}
		})
	}
}

// TestWriteRefuses checks that a radar no format can hold is refused, not
// written wrong.
func TestWriteRefuses(t *testing.T) {
	rd := mustRead(t, singleFile[3])
	rd.Technologies[0].Ring = "retired"
	for _, f := range singleFile {
		if err := f.write(io.Discard, rd); err == nil || !strings.Contains(err.Error(), `ring "retired" is not in the radar's configuration`) {
			t.Errorf("%s: %v", f.name, err)
		}
	}
	if err := WriteAOE(t.TempDir(), &Radar{Config: rd.Config, Technologies: rd.Technologies[1:2]}); err != nil {
		t.Errorf("WriteAOE: %v", err)
	}
	undated := mustRead(t, singleFile[1])
	if err := WriteAOE(t.TempDir(), undated); err == nil || !strings.Contains(err.Error(), "give the radar an edition") {
		t.Errorf("WriteAOE of a radar without dates: %v", err)
	}
}
