package scan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestGitignoreRules(t *testing.T) {
	for _, c := range []struct {
		rules string
		path  string
		dir   bool
		want  bool
	}{
		{"*.log", "a/b/x.log", false, true},
		{"*.log\n!keep.log", "a/keep.log", false, false},
		{"/build", "build", true, true},
		{"/build", "sub/build", true, false},
		{"build/", "sub/build", true, true},
		{"build/", "build", false, false}, // a file named build
		{"doc/frotz", "doc/frotz", true, true},
		{"doc/frotz", "a/doc/frotz", true, false},
		{"**/foo", "a/b/foo", false, true},
		{"**/foo", "foo", false, true},
		{"foo/**", "foo", true, false},
		{"foo/**", "foo/a/b", false, true},
		{"a/**/b", "a/b", false, true},
		{"a/**/b", "a/x/y/b", false, true},
		{"a/**/b", "a/x/y/c", false, false},
		{"**", "anything/at/all", false, true},
		{"[abc].txt", "b.txt", false, true},
		{"[abc.txt", "[abc.txt", false, false}, // malformed: ignored
		{"# comment\n\n  \nx", "x", false, true},
		{"\\#hash", "#hash", false, true},
		{"trailing   ", "trailing", false, true},
		{"a?c", "abc", false, true},
		{"*\n!*.go\n", "main.go", false, false},
	} {
		lvl := parseGitignore(nil, "", []byte(c.rules))
		if got := lvl.ignored(c.path, c.dir); got != c.want {
			t.Errorf("rules %q, path %q (dir %v): ignored %v, want %v", c.rules, c.path, c.dir, got, c.want)
		}
	}
	// A nested file's rules come after its parents' and are relative to it.
	root := parseGitignore(nil, "", []byte("*.gen\n"))
	sub := parseGitignore(root, "pkg", []byte("!keep.gen\n/local\n"))
	for path, want := range map[string]bool{"pkg/x.gen": true, "pkg/keep.gen": false, "keep.gen": true, "pkg/local": true, "pkg/a/local": false} {
		if got := sub.ignored(path, false); got != want {
			t.Errorf("nested: %q ignored %v, want %v", path, got, want)
		}
	}
}

// parse runs one parser on content and returns its items and warnings as
// "kind name version @line:col" lines.
func parse(t *testing.T, path, content string, fn func(*file) error) string {
	t.Helper()
	f := &file{path: path, data: []byte(content)}
	if err := fn(f); err != nil {
		f.warn(f.errorLine(err), "%v", err)
	}
	checkFile(t, f)
	var b strings.Builder
	for _, it := range f.items {
		fmt.Fprintf(&b, "%s %s %s @%d:%d\n", it.Kind, it.Name, it.Version, it.Location.Line, it.Location.Column)
	}
	for _, w := range f.warnings {
		fmt.Fprintf(&b, "warning @%d: %s\n", w.loc.Line, w.msg)
	}
	return b.String()
}

func TestParsers(t *testing.T) {
	for _, c := range []struct {
		name, path, content string
		fn                  func(*file) error
		want                string
	}{
		{"dockerfile escape and continuation", "Dockerfile", "# escape=`\nFROM `\n  --platform=linux/amd64 `\n  python:3.12-slim AS base\nFROM base\n",
			parseDockerfile, "image docker.io/library/python 3.12-slim @4:3\n"},
		{"dockerfile args", "Dockerfile", "ARG REG=ghcr.io ARG2\nARG TAG\nFROM $REG/o/img:${TAG:-1.0}\nFROM ${ARG2}/x\nONBUILD RUN x\n",
			parseDockerfile, "image ghcr.io/o/img 1.0 @3:6\n"},
		{"workflow paths", ".github/workflows/x.yml", "jobs:\n  a:\n    steps:\n      - uses: 'aws-actions/configure-aws-credentials/sub/dir@v4'\n",
			parseWorkflow, "action aws-actions/configure-aws-credentials v4 @4:16\n"},
		{"tool versions", ".tool-versions", "nodejs lts\ngo 1.21.0 # comment\njava openjdk-21\nrust\n",
			parseRuntimeFile, "runtime node  @1:1\nruntime golang 1.21.0 @2:1\nruntime java 21 @3:1\nwarning @4: \"rust\" names no version\n"},
		{"nvmrc alias", ".nvmrc", "lts/iron\n", parseRuntimeFile, "runtime node  @1:1\n"},
		{"python-version lines", ".python-version", "system\n3.12.1\n3.11\n", parseRuntimeFile, "runtime python 3.12.1 @2:1\nruntime python 3.11 @3:1\n"},
		{"package.json alias", "package.json", `{"dependencies":{"lodash4":"npm:lodash@^4.17.0","x":"github:o/x"}}`,
			parsePackageJSON, "package pkg:npm/lodash ^4.17.0 @1:19\npackage pkg:npm/x  @1:50\n"},
		{"package-lock links and aliases", "package-lock.json", `{"lockfileVersion":3,"packages":{"":{"name":"root"},"packages/ws":{"version":"1.0.0"},"node_modules/ws":{"resolved":"packages/ws","link":true},"node_modules/x":{"name":"real-x","version":"1.2.3"},"node_modules/x/node_modules/@s/y":{"version":"0.1.0","link":"yes"}},"dependencies":{"ignored":{"version":"1"}}}`,
			parsePackageLock, "package pkg:npm/real-x 1.2.3 @1:158\npackage pkg:npm/@s/y 0.1.0 @1:226\n"},
		{"package-lock v1 nesting", "package-lock.json", "{\"dependencies\":{\"a\":{\"version\":\"npm:@s/b@1.0.0\",\n\"dependencies\":{\"c\":{\"version\":\"github:o/c#abc\"}}}}}",
			parsePackageLock, "package pkg:npm/c  @2:18\npackage pkg:npm/@s/b 1.0.0 @1:19\n"},
		{"package.json not an object", "package.json", `[]`, parsePackageJSON, "warning @0: expected a JSON object\n"},
		{"terraform templates and heredocs", "main.tf", "locals {\n  x = \"${jsonencode({a = \"}\"})}\"\n  y = <<-EOT\n  }\n  EOT\n}\nterraform {\n  required_providers { google = { source = \"registry.terraform.io/Hashicorp/Google\", version = \">= 5\" }\n  priv = { source = \"app.terraform.io/org/priv\" } }\n}\n",
			parseTerraform, "terraform registry.terraform.io/hashicorp/google >= 5 @8:45\n"},
		{"gradle forms", "build.gradle", "ext.v = '1.2'\ndependencies {\n  implementation(\"a.b:c:$v\") { exclude group: 'x', module: 'y' }\n  compileOnly group: \"g\", name: \"n\"\n  implementation project(':core')\n  implementation \"q:r:${unknown}\"\n}\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n",
			parseGradle, "package pkg:maven/a.b/c 1.2 @3:19\npackage pkg:maven/g/n  @4:23\npackage pkg:maven/q/r  @6:19\nruntime java 21 @8:61\n"},
		{"cargo tables", "Cargo.toml", "[package]\nrust-version = \"1.74\"\n[target.'cfg(unix)'.dependencies]\nnix = \"0.27\"\n[dependencies.rand]\nversion = \"0.8\"\n[workspace.dependencies]\nmy = { package = \"real\", path = \"x\" }\n",
			parseCargoToml, "runtime rust 1.74 @2:1\npackage pkg:cargo/rand 0.8 @5:15\npackage pkg:cargo/real  @8:1\npackage pkg:cargo/nix 0.27 @4:1\n"},
		{"pyproject groups", "pyproject.toml", "[dependency-groups]\ndev = [\"ruff==0.4.*\", {include-group = \"x\"}, \"mypy @ https://x/mypy.whl\"]\n",
			parsePyproject, "package pkg:pypi/ruff ==0.4.* @2:9\npackage pkg:pypi/mypy  @2:47\n"},
		{"msbuild central versions", "Directory.Packages.props", "<Project><PropertyGroup><V>2.0</V><TargetFrameworks>net8.0;netstandard2.0;net48</TargetFrameworks></PropertyGroup>\n<ItemGroup><PackageVersion Include=\"Dapper\" Version=\"$(V)\" /><PackageVersion Include=\"X\" Version=\"$(Nope)\" /></ItemGroup></Project>\n",
			parseMSBuild, "runtime dotnet 8.0 @1:53\npackage pkg:nuget/Dapper 2.0 @2:37\npackage pkg:nuget/X  @2:87\n"},
		{"pom java version", "pom.xml", "<project><properties><java.version>21</java.version><v>${java.version}</v>\n<!-- <maven.compiler.release>8</maven.compiler.release> -->\n<maven.compiler.source>${v}</maven.compiler.source></properties></project>\n",
			parsePomRuntime, "runtime java 21 @3:24\n"},
		{"go directives in blocks", "go.mod", "module x\ngo 1.21 // comment\nrequire (\n  go v1.0.0\n)\ntoolchain default\n", parseGoDirectives, "runtime golang 1.21 @2:4\n"},
		{"compose v1 and templates", "docker-compose.yml", "web:\n  image: ${REGISTRY}/web\ndb:\n  image: postgres@sha256:abc\n", parseCompose, "image docker.io/library/postgres  @4:10\n"},
		{"kubernetes list and alias", "list.yaml", "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  spec:\n    containers:\n    - &c {name: a, image: redis:7}\n    ephemeralContainers: [*c]\n", parseKubernetes, "image docker.io/library/redis 7 @7:27\nimage docker.io/library/redis 7 @7:27\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := parse(t, c.path, c.content, c.fn); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestSplitRequirement(t *testing.T) {
	for req, want := range map[string]string{
		"Django==4.2": "Django 4.2",
		"requests[socks] >= 2.31 ; os_name == 'nt'": "requests >=2.31",
		"flask (>=2.0, <3)":                         "flask >=2.0,<3",
		"x===1.0":                                   "x 1.0",
		"y==1.*":                                    "y ==1.*",
		"pip @ https://example/pip.whl":             "pip ",
		"  ":                                        " ",
	} {
		name, version := splitRequirement(req)
		if got := name + " " + version; got != want {
			t.Errorf("splitRequirement(%q) = %q, want %q", req, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	for _, c := range []struct {
		kind, raw, want string
	}{
		{"image", "Mongo", "docker.io/library/mongo"},
		{"image", "localhost:5000/app", "localhost:5000/app"},
		{"image", "{{ .Values.image }}", ""},
		{"image", "mongo:7", ""},
		{"action", "Actions/Checkout", "actions/checkout"},
		{"action", "my.org/x", ""},
		{"terraform", "hashicorp/aws", "registry.terraform.io/hashicorp/aws"},
		{"runtime", "nodejs", "node"},
		{"runtime", "cobol", ""},
		{"package", "pkg:pypi/Typing_Extensions", "pkg:pypi/typing-extensions"},
		{"package", "pkg:npm/@Scope/Pkg", "pkg:npm/@scope/pkg"},
		{"package", "pkg:npm/a b", ""},
	} {
		got, _ := canonical(kindOf(c.kind), c.raw)
		if got != c.want {
			t.Errorf("canonical(%s, %q) = %q, want %q", c.kind, c.raw, got, c.want)
		}
	}
}

func kindOf(s string) bearing.IdentifierKind { return bearing.IdentifierKind(s) }
