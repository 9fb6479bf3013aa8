package scan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/bearingorg/bearing"
)

// TestMalformed wants a warning at the right line for each broken file,
// and the items of the files that are fine, or fine in part.
func TestMalformed(t *testing.T) {
	inv := mustScan(t, copyRepo(t, "malformed"), Options{})
	warnings := map[string]string{}
	for i, w := range inv.Warnings {
		warnings[w.String()] = inv.Messages[i]
	}
	want := map[string]string{
		"web/package-lock.json:7":        "invalid character ','",
		".github/workflows/broken.yml:4": "yaml: line 4",
		".github/workflows/odd.yml:4:15": `"actions/checkout" is not owner/repo@ref`,
		"svc/Dockerfile:2":               `unknown Dockerfile instruction "FORM"`,
		"svc/Dockerfile:4":               "FROM names no image",
		"infra/main.tf:4":                "string not closed",
		"py/pyproject.toml:3":            "expected a comma",
		"java/pom.xml:5":                 "XML syntax error",
		"rust/Cargo.toml:3":              "already been defined",
		"k8s/broken.yaml:3":              "did not find expected key",
		"app/go.mod:4":                   "usage: require module/path v1.2.3",
		"app/composer.lock:1":            "invalid character",
		"app/compose.yaml:3":             "unexpected end of stream",
	}
	for at, text := range want {
		if got, ok := warnings[at]; !ok || !strings.Contains(got, text) {
			t.Errorf("warning at %s: got %q, want one saying %q", at, got, text)
		}
	}
	if len(warnings) != len(want) {
		t.Errorf("got %d warnings, want %d: %q", len(warnings), len(want), warnings)
	}
	for _, w := range []bearing.Item{
		item(bearing.KindImage, "docker.io/library/alpine", "3.19", "svc/Dockerfile", 1, 6, true),
		item(bearing.KindPackage, "pkg:npm/express", "^4.18.0", "web/package.json", 4, 6, true),
		item(bearing.KindPackage, "pkg:npm/local", "", "web/package.json", 6, 6, true),
		item(bearing.KindRuntime, "golang", "1.21", "app/go.mod", 3, 4, true),
	} {
		if !slices.Contains(inv.Items, w) {
			t.Errorf("missing %+v", w)
		}
	}
	if got := itemsOf(inv, "helm/templates/deploy.yaml", ""); len(got) != 0 {
		t.Errorf("a Helm template gave %+v", got)
	}
}

// TestIgnore covers .gitignore at the root and below, negation, anchoring,
// "**", and the directories never or only optionally walked.
func TestIgnore(t *testing.T) {
	root := copyRepo(t, "ignored")
	os.MkdirAll(filepath.Join(root, ".git", "objects"), 0o755)
	os.WriteFile(filepath.Join(root, ".git", "package.json"), []byte(`{"dependencies":{"in-git":"1"}}`), 0o644)

	inv := mustScan(t, root, Options{})
	want := []string{"keep/dist/Dockerfile", "lib/package.json", "nested/Containerfile", "nested/keep.Dockerfile", "sub/build/package.json"}
	if !slices.Equal(inv.Files, want) {
		t.Errorf("files read:\n%q\nwant\n%q", inv.Files, want)
	}

	inv = mustScan(t, root, Options{IncludeVendored: true})
	want = []string{"keep/dist/Dockerfile", "lib/package.json", "nested/Containerfile", "nested/keep.Dockerfile",
		"node_modules/left-pad/package.json", "sub/build/package.json", "vendor/github.com/pkg/errors/go.mod"}
	if !slices.Equal(inv.Files, want) {
		t.Errorf("files read with IncludeVendored:\n%q\nwant\n%q", inv.Files, want)
	}
	if len(itemsOf(inv, "node_modules/left-pad/package.json", "pkg:npm/vendored-dep")) != 1 {
		t.Errorf("IncludeVendored: no item from node_modules in %+v", inv.Items)
	}
}

// TestSymlinks: a link to a file inside the root is read, a link leading
// out is skipped with a warning, a linked directory is not walked, and a
// named pipe does not block the scan.
func TestSymlinks(t *testing.T) {
	root := filepath.Join(t.TempDir(), "repo")
	outside := t.TempDir()
	mustWrite(t, filepath.Join(outside, "package.json"), `{"dependencies":{"outside":"1.0.0"}}`)
	mustWrite(t, filepath.Join(outside, "dir", "go.mod"), "module x\n\ngo 1.20\n")
	mustWrite(t, filepath.Join(root, "real", "Dockerfile"), "FROM alpine:3.19\n")
	for link, target := range map[string]string{
		"package.json":          filepath.Join(outside, "package.json"),
		"linked/Dockerfile":     filepath.Join("..", "real", "Dockerfile"),
		"outdir":                filepath.Join(outside, "dir"),
		"loop":                  ".",
		"broken/Dockerfile":     filepath.Join(root, "nowhere"),
		"escape/app.Dockerfile": filepath.Join(outside, "package.json"),
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(root, link)), 0o755)
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pyproject.toml"), 0o644); err != nil {
		t.Log("no named pipe:", err)
	}
	inv := mustScan(t, root, Options{})
	if want := []string{"linked/Dockerfile", "real/Dockerfile"}; !slices.Equal(inv.Files, want) {
		t.Errorf("files read: %q, want %q", inv.Files, want)
	}
	got := map[string]string{}
	for i, w := range inv.Warnings {
		got[w.Path] = inv.Messages[i]
	}
	for path, text := range map[string]string{"package.json": "outside the repository", "escape/app.Dockerfile": "outside the repository", "broken/Dockerfile": "broken"} {
		if !strings.Contains(got[path], text) {
			t.Errorf("%s: warning %q, want one saying %q", path, got[path], text)
		}
	}
	if len(got) != 3 {
		t.Errorf("warnings: %q", got)
	}
}

// TestLargeFile: a file over the limit is skipped with a warning, without
// being read.
func TestLargeFile(t *testing.T) {
	root := t.TempDir()
	big := filepath.Join(root, "package-lock.json")
	mustWrite(t, big, "{")
	if err := os.Truncate(big, maxFileSize+1); err != nil {
		t.Fatal(err)
	}
	inv := mustScan(t, root, Options{})
	if len(inv.Warnings) != 1 || inv.Warnings[0].Path != "package-lock.json" || !strings.Contains(inv.Messages[0], "larger than 64 MiB") {
		t.Errorf("warnings %v %q", inv.Warnings, inv.Messages)
	}
	if len(inv.Files) != 0 {
		t.Errorf("files %q", inv.Files)
	}
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
