package adr

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestReadDir(t *testing.T) {
	ds, probs, err := ReadDir("testdata/good")
	if err != nil || len(probs) > 0 {
		t.Fatalf("ReadDir: %v, %v", probs, err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d %s", d.Number, filepath.Base(d.Source)))
	}
	want := []string{"1 0001-record-architecture-decisions.md", "2 0002-use-mysql-for-persistence.md",
		"3 0003-use-postgresql-for-persistence.md", "4 0004-use-react-for-the-web-frontend.md",
		"5 0005-use-nats-for-internal-events.md", "6 0006-adopt-opentelemetry-for-distributed-tracing.md",
		"7 20210304-use-kafka-for-domain-events.md"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ReadDir read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ds[0].Source != filepath.Join("testdata/good", "nygard", "0001-record-architecture-decisions.md") {
		t.Errorf("Source = %s", ds[0].Source)
	}
}

// TestReadDirProblems mixes good files with bad ones and with symbolic links
// that point inside and outside the directory.
func TestReadDirProblems(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/good", dir)
	copyTree(t, "testdata/bad", filepath.Join(dir, "bad"))
	outside := t.TempDir()
	secret := "# 99. Secret\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n"
	if err := os.WriteFile(filepath.Join(outside, "0099-secret.md"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"0099-secret.md":     filepath.Join(outside, "0099-secret.md"),
		"escape":             outside,
		"0098-relative.md":   "../" + filepath.Base(outside) + "/0099-secret.md",
		"0003-alias.md":      "nygard/0003-use-postgresql-for-persistence.md",
		"0097-nowhere.md":    "missing.md",
		"nygard/0001-dup.md": "0001-record-architecture-decisions.md",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	dup := "# 4. Another fourth record\n\nDate: 2020-01-01\n\n## Status\n\nProposed\n"
	if err := os.WriteFile(filepath.Join(dir, "9999-dup.md"), []byte(dup), 0o644); err != nil {
		t.Fatal(err)
	}

	ds, probs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 6 {
		t.Errorf("read %d decisions, want the 6 good ones with a number of their own", len(ds))
	}
	for _, d := range ds {
		if strings.Contains(d.Title, "Secret") {
			t.Errorf("followed a link out of the directory: %s", d.Source)
		}
	}
	var got []string
	for _, p := range probs {
		got = append(got, strings.ReplaceAll(strings.ReplaceAll(p.Error(), dir, "DIR"), outside, "OUT"))
	}
	want := []string{
		`DIR/0097-nowhere.md: broken symbolic link; not followed`,
		`DIR/0098-relative.md: symbolic link to OUT/0099-secret.md points outside DIR; not followed`,
		`DIR/0099-secret.md: symbolic link to OUT/0099-secret.md points outside DIR; not followed`,
		`DIR/9999-dup.md: number 4 is also used by DIR/madr2/0004-use-react-for-the-web-frontend.md; give one of them another number`,
		`DIR/bad/0010-unknown-status.md:7: unknown status "Approved"; use one of draft, proposed, accepted, rejected, deprecated, superseded or withdrawn`,
		`DIR/bad/0011-bad-date.md:5: date "2021-13-45" is not a date; write it as YYYY-MM-DD`,
		`DIR/bad/0012-bad-yaml.md:4: front matter: did not find expected ',' or ']'`,
		`DIR/escape: symbolic link to OUT points outside DIR; not followed`,
		`DIR/madr2/0004-use-react-for-the-web-frontend.md: number 4 is also used by DIR/9999-dup.md; give one of them another number`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadDirResolvesFileLinks numbers log4brains' date-named files and
// resolves the links between them.
func TestReadDirResolvesFileLinks(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"20200101-use-rest.md":    "# Use REST\n\n- Status: superseded by [20200315-use-grpc](20200315-use-grpc.md)\n- Date: 2020-01-01\n",
		"20200315-use-grpc.md":    "# Use gRPC\n\n- Status: accepted\n- Date: 2020-03-15\n",
		"0001-record-adrs.md":     "# 1. Record ADRs\n\nDate: 2019-12-01\n\n## Status\n\nAccepted\n",
		"docs/README.md":          "# Decisions\n\n- Status: this is an index\n",
		".log4brains/template.md": "# Template\n",
	}
	for name, content := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, probs, err := ReadDir(dir)
	if err != nil || len(probs) > 0 || len(ds) != 3 {
		t.Fatalf("ReadDir = %d decisions, %v, %v", len(ds), probs, err)
	}
	if ds[1].Title != "Use REST" || ds[1].Number != 2 || strings.Join(ds[1].SupersededBy, ",") != "DEC-3" || ds[2].Number != 3 {
		t.Errorf("got %d %q superseded by %q, then %d", ds[1].Number, ds[1].Title, ds[1].SupersededBy, ds[2].Number)
	}
}

var titleNumber = regexp.MustCompile(`(?m)^# \d+\. `)

// BenchmarkReadDir1000 measures importing a log of 1,000 records in all the
// formats of the fixtures.
func BenchmarkReadDir1000(b *testing.B) {
	dir := b.TempDir()
	paths := fixtures(b)
	for i := 1; i <= 1000; i++ {
		content, err := os.ReadFile(paths[i%len(paths)])
		if err != nil {
			b.Fatal(err)
		}
		content = titleNumber.ReplaceAll(content, fmt.Appendf(nil, "# %d. ", i))
		name := fmt.Sprintf("%04d-%s", i, strings.TrimLeft(filepath.Base(paths[i%len(paths)]), "0123456789"))
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		ds, probs, err := ReadDir(dir)
		if err != nil || len(probs) > 0 || len(ds) != 1000 {
			b.Fatalf("ReadDir = %d decisions, %v, %v", len(ds), probs, err)
		}
	}
}
