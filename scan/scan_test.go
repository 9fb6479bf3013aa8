package scan

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/bearingorg/bearing"
)

var update = flag.Bool("update", false, "rewrite the golden inventories in testdata")

// TestGolden compares whole inventories of the fixture repositories with
// the JSON kept beside them; `go test ./scan -run TestGolden -update`
// rewrites it after a deliberate change.
func TestGolden(t *testing.T) {
	for _, name := range []string{"polyglot", "malformed", "ignored"} {
		t.Run(name, func(t *testing.T) {
			inv := mustScan(t, copyRepo(t, name), Options{})
			got := marshal(t, struct {
				*bearing.Inventory
				Messages []string `json:"messages,omitempty"`
			}{inv, inv.Messages})
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("inventory of %s differs from %s; got:\n%s", name, golden, got)
			}
		})
	}
}

// TestPolyglotItems spells out one or more items of every ecosystem, with
// the places a reviewer would be sent to.
func TestPolyglotItems(t *testing.T) {
	inv := mustScan(t, copyRepo(t, "polyglot"), Options{})
	pkg, img, act, tf, rt := bearing.KindPackage, bearing.KindImage, bearing.KindAction, bearing.KindTerraform, bearing.KindRuntime
	want := []bearing.Item{
		item(rt, "golang", "1.22", "svc/go.mod", 3, 4, true),
		item(rt, "golang", "1.22.4", "svc/go.mod", 5, 11, true),
		item(pkg, "pkg:golang/go.mongodb.org/mongo-driver", "1.15.0", "svc/go.mod", 8, 2, true),
		item(pkg, "pkg:golang/github.com/stretchr/testify", "1.9.0", "svc/go.mod", 9, 2, false),
		item(rt, "node", ">=20", "web/package.json", 6, 6, true),
		item(pkg, "pkg:npm/mongoose", "^8.0.0", "web/package.json", 9, 6, true),
		item(pkg, "pkg:npm/typescript", "~5.4.0", "web/package.json", 13, 6, true),
		item(pkg, "pkg:npm/bson", "6.2.0", "web/package-lock.json", 26, 41, false),
		item(pkg, "pkg:npm/debug", "2.6.9", "legacy/package-lock.json", 14, 10, false),
		item(pkg, "pkg:npm/left-pad", "1.3.0", "yarn1/yarn.lock", 9, 1, false),
		item(pkg, "pkg:npm/react", "18.2.0", "berry/yarn.lock", 14, 2, false),
		item(pkg, "pkg:npm/axios", "1.6.7", "pnpm/pnpm-lock.yaml", 14, 3, false),
		item(rt, "node", "20.11.1", "web/.nvmrc", 1, 1, true),
		item(pkg, "pkg:pypi/django-rest", ">=3.14", "py/requirements.txt", 3, 1, true),
		item(pkg, "pkg:pypi/requests", "2.31.0", "py/requirements.txt", 4, 1, true),
		item(rt, "python", ">=3.11", "py/pyproject.toml", 4, 1, true),
		item(pkg, "pkg:pypi/sqlalchemy", "2.0.29", "py/pyproject.toml", 7, 6, true),
		item(pkg, "pkg:pypi/celery", "^5.3", "py/pyproject.toml", 15, 1, true),
		item(pkg, "pkg:pypi/typing-extensions", "4.10.0", "py/poetry.lock", 9, 9, false),
		item(pkg, "pkg:pypi/black", "24.3.0", "py/Pipfile.lock", 15, 10, false),
		item(pkg, "pkg:pypi/anyio", "4.3.0", "py/uv.lock", 5, 9, false),
		item(rt, "java", "17", "java/pom.xml", 8, 29, true),
		item(pkg, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.17.1", "java/pom.xml", 12, 0, true),
		item(pkg, "pkg:maven/com.fasterxml.jackson.core/jackson-databind", "2.17.0", "java/app/build.gradle", 9, 21, true),
		item(pkg, "pkg:maven/org.junit.jupiter/junit-jupiter", "5.10.2", "java/app/build.gradle", 10, 32, true),
		item(pkg, "pkg:maven/io.ktor/ktor-server-core", "2.3.9", "java/app/build.gradle.kts", 8, 18, true),
		item(pkg, "pkg:maven/org.postgresql/postgresql", "42.7.3", "java/app/gradle.lockfile", 5, 1, false),
		item(pkg, "pkg:cargo/serde", "1.0", "rust/Cargo.toml", 7, 1, true),
		item(pkg, "pkg:cargo/tokio", "1.36.0", "rust/Cargo.lock", 10, 9, false),
		item(pkg, "pkg:gem/rails", "7.1.3", "ruby/Gemfile.lock", 5, 5, false),
		item(pkg, "pkg:composer/phpunit/phpunit", "10.5.13", "php/composer.lock", 12, 22, false),
		item(pkg, "pkg:nuget/Serilog", "3.1.1", "dotnet/App.csproj", 7, 32, true),
		item(rt, "dotnet", "8.0", "dotnet/App.csproj", 3, 22, true),
		item(pkg, "pkg:nuget/Newtonsoft.Json", "13.0.3", "dotnet/packages.lock.json", 5, 8, false),
		item(img, "docker.io/library/golang", "1.22-alpine", "svc/Dockerfile", 5, 32, true),
		item(img, "gcr.io/distroless/static-debian12", "", "svc/Dockerfile", 15, 6, true),
		item(img, "registry.access.redhat.com/ubi9/ubi-minimal", "9.3", "deploy/Containerfile", 1, 6, true),
		item(img, "docker.io/bitnami/redis", "7.2", "deploy/docker-compose.yml", 5, 13, true),
		item(img, "docker.io/library/nginx", "", "deploy/compose.yaml", 3, 12, true),
		item(img, "ghcr.io/example/migrate", "v3", "deploy/k8s/app.yaml", 10, 18, true),
		item(img, "docker.io/library/busybox", "1.36", "deploy/k8s/app.yaml", 26, 22, true),
		item(act, "actions/checkout", "v4", ".github/workflows/ci.yml", 7, 15, true),
		item(act, "github/codeql-action", "v3", ".github/workflows/ci.yml", 13, 15, true),
		item(act, "octo-org/shared", "main", ".github/workflows/ci.yml", 15, 11, true),
		item(img, "docker.io/library/alpine", "3.19", ".github/workflows/ci.yml", 12, 15, true),
		item(tf, "registry.terraform.io/hashicorp/aws", "~> 5.0", "infra/main.tf", 5, 18, true),
		item(tf, "registry.terraform.io/hashicorp/random", "", "infra/main.tf", 10, 17, true),
		item(tf, "registry.terraform.io/hashicorp/legacy", "~> 1.0", "infra/main.tf", 12, 5, true),
		item(rt, "node", "20.11.1", ".tool-versions", 3, 1, true),
		item(rt, "java", "17.0.10+7", ".tool-versions", 5, 1, true),
	}
	for _, w := range want {
		if !slices.Contains(inv.Items, w) {
			t.Errorf("missing %s %s %q at %s (direct %v); at that path: %+v",
				w.Kind, w.Name, w.Version, w.Location, w.Direct, itemsOf(inv, w.Location.Path, w.Name))
		}
	}
	absent := map[string]string{
		"svc/Dockerfile":           "docker.io/library/build", // a stage, not an image
		"py/requirements.txt":      "pkg:pypi/pytest",         // declared by requirements-dev.txt, counted there
		"py/uv.lock":               "pkg:pypi/svc",            // the project itself
		"rust/Cargo.lock":          "pkg:cargo/tool",
		"deploy/k8s/values.yaml":   "docker.io/library/not-a-manifest",
		".github/workflows/ci.yml": "./.github/actions/local",
	}
	for path, name := range absent {
		if got := itemsOf(inv, path, name); len(got) > 0 {
			t.Errorf("%s: unexpected %+v", path, got)
		}
	}
	if len(inv.Warnings) != 0 {
		t.Errorf("warnings on a clean repository: %v %q", inv.Warnings, inv.Messages)
	}
}

func item(kind bearing.IdentifierKind, name, version, path string, line, col int, direct bool) bearing.Item {
	return bearing.Item{Kind: kind, Name: name, Version: version, Direct: direct,
		Location: bearing.Location{Path: path, Line: line, Column: col}}
}

// TestNamesMatchIdentifiers checks the promise behind Item.Name: an
// identifier written the way a policy author would finds the item.
func TestNamesMatchIdentifiers(t *testing.T) {
	inv := mustScan(t, copyRepo(t, "polyglot"), Options{})
	for _, it := range inv.Items {
		id, err := bearing.ParseIdentifier(it.Name)
		if err != nil || id.Kind != it.Kind || !id.Matches(it.Kind, it.Name, it.Version) {
			t.Errorf("%+v: identifier %+v, %v", it, id, err)
		}
	}
	for _, c := range []struct{ id, path string }{
		{"pkg:npm/Mongoose", "web/package.json"},
		{"pkg:pypi/Django_Rest", "py/requirements.txt"},
		{"image:mongo:<8", "deploy/docker-compose.yml"},
		{"image:postgres", "deploy/k8s/app.yaml"},
		{"actions/checkout@<v5", ".github/workflows/ci.yml"},
		{"terraform:hashicorp/aws", "infra/main.tf"},
		{"go@>=1.22", "svc/go.mod"},
		{"pkg:maven/org.apache.logging.log4j/log4j-core@<=2.17.1", "java/pom.xml"},
	} {
		id, err := bearing.ParseIdentifier(c.id)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range inv.Items {
			found = found || it.Location.Path == c.path && id.Matches(it.Kind, it.Name, it.Version)
		}
		if !found {
			t.Errorf("%s finds nothing in %s", c.id, c.path)
		}
	}
}

// TestDeterministic scans twice, with different worker counts, and wants
// the same bytes.
func TestDeterministic(t *testing.T) {
	root := copyRepo(t, "polyglot")
	first := marshal(t, mustScan(t, root, Options{Workers: 1}))
	for _, workers := range []int{0, 3, 16} {
		if again := marshal(t, mustScan(t, root, Options{Workers: workers})); !bytes.Equal(first, again) {
			t.Fatalf("Workers=%d gives another inventory:\n%s\nthan Workers=1:\n%s", workers, again, first)
		}
	}
}

func TestScanFailsOnlyForTheRoot(t *testing.T) {
	if _, err := Scan(context.Background(), filepath.Join(t.TempDir(), "missing"), Options{}); err == nil {
		t.Error("a missing root gave no error")
	}
	file := filepath.Join(t.TempDir(), "go.mod")
	os.WriteFile(file, []byte("module x\n"), 0o644)
	if _, err := Scan(context.Background(), file, Options{}); err == nil {
		t.Error("a file as root gave no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, copyRepo(t, "polyglot"), Options{}); err != context.Canceled {
		t.Errorf("a cancelled scan returned %v", err)
	}
	empty := mustScan(t, t.TempDir(), Options{})
	if got := string(marshal(t, empty)); got != "{\n  \"items\": [],\n  \"files\": []\n}\n" {
		t.Errorf("empty repository: %s", got)
	}
}

// TestDedupe: one item per kind, name and version in a file, at its first
// known place, direct if declared anywhere; a versionless twin goes.
func TestDedupe(t *testing.T) {
	pkg, img := bearing.KindPackage, bearing.KindImage
	got := dedupe([]bearing.Item{
		item(pkg, "pkg:npm/a", "1", "f", 9, 1, false),
		item(img, "docker.io/library/x", "", "f", 1, 6, true),
		item(pkg, "pkg:npm/a", "1", "f", 0, 0, true),
		item(pkg, "pkg:npm/a", "1", "f", 4, 2, false),
		item(pkg, "pkg:npm/a", "2", "f", 5, 1, false),
		item(img, "docker.io/library/x", "3", "f", 2, 6, true),
		item(img, "docker.io/library/y", "", "f", 3, 6, true),
	})
	slices.SortFunc(got, compareItems)
	want := []bearing.Item{
		item(img, "docker.io/library/x", "3", "f", 2, 6, true),
		item(img, "docker.io/library/y", "", "f", 3, 6, true),
		item(pkg, "pkg:npm/a", "1", "f", 4, 2, true),
		item(pkg, "pkg:npm/a", "2", "f", 5, 1, false),
	}
	if !slices.Equal(got, want) {
		t.Errorf("dedupe:\n%+v\nwant\n%+v", got, want)
	}
}
