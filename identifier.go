package bearing

import (
	"fmt"
	"path"
	"strings"
)

// IdentifierKind says what an identifier detects in a repository.
type IdentifierKind string

// The kinds of things a technology can be detected by.
const (
	KindPackage   IdentifierKind = "package"   // pkg:npm/mongoose, a package URL
	KindImage     IdentifierKind = "image"     // docker.io/library/mongo, a container image
	KindAction    IdentifierKind = "action"    // actions/checkout, a GitHub Action
	KindTerraform IdentifierKind = "terraform" // registry.terraform.io/hashicorp/aws, a provider
	KindRuntime   IdentifierKind = "runtime"   // golang, node: a language runtime
)

// purlTypes are the package URL types Bearing understands.
var purlTypes = map[string]bool{"npm": true, "golang": true, "maven": true, "pypi": true, "gem": true,
	"cargo": true, "nuget": true, "composer": true, "hex": true, "pub": true, "swift": true, "generic": true}

// Identifier detects a technology in code: a kind, a canonical name and an
// optional version range. The name may end in "*" to match a family
// ("pkg:npm/@aws-sdk/*").
type Identifier struct {
	Kind  IdentifierKind
	Name  string // canonical: "pkg:npm/mongoose", "docker.io/library/mongo", "actions/checkout", "golang"
	Range VersionRange
}

// String writes the identifier in the form ParseIdentifier reads; images use
// ":" before the range, everything else "@".
func (id Identifier) String() string {
	if id.Range.IsZero() {
		return id.Name
	}
	if id.Kind == KindImage {
		return id.Name + ":" + id.Range.String()
	}
	return id.Name + "@" + id.Range.String()
}

// runtimeAliases maps the names people use for runtimes to one name each.
var runtimeAliases = map[string]string{"go": "golang", "golang": "golang", "node": "node", "nodejs": "node",
	"python": "python", "python3": "python", "java": "java", "jdk": "java", "ruby": "ruby", "dotnet": "dotnet",
	".net": "dotnet", "rust": "rust", "php": "php", "deno": "deno", "bun": "bun", "elixir": "elixir", "erlang": "erlang"}

// ParseIdentifier reads an identifier:
//
//	pkg:TYPE/[NAMESPACE/]NAME[@RANGE]       a package URL (pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1)
//	HOST/PATH[:RANGE]  or  image:NAME[:RANGE] a container image (docker.io/library/mongo:<5, image:mongo)
//	OWNER/REPO[@RANGE] or  action:OWNER/REPO  a GitHub Action (actions/checkout@<v4)
//	registry.terraform.io/NS/NAME[@RANGE]   a Terraform provider (also terraform:NS/NAME)
//	NAME[@RANGE]       or  runtime:NAME       a language runtime (golang@<1.22, node@<20)
func ParseIdentifier(s string) (Identifier, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Identifier{}, fmt.Errorf("an identifier cannot be empty")
	}
	if strings.ContainsAny(s, " \t\n\"'<>|\\") && !strings.ContainsAny(s, "@:") {
		return Identifier{}, fmt.Errorf("%q contains spaces or quotes", s)
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "pkg:"):
		return parsePackage(s)
	case strings.HasPrefix(lower, "image:"):
		return parseImage(s[len("image:"):])
	case strings.HasPrefix(lower, "action:"):
		return parseAction(s[len("action:"):])
	case strings.HasPrefix(lower, "terraform:"):
		return parseTerraform(s[len("terraform:"):])
	case strings.HasPrefix(lower, "registry.terraform.io/"):
		return parseTerraform(s[len("registry.terraform.io/"):])
	case strings.HasPrefix(lower, "runtime:"):
		return parseRuntime(s[len("runtime:"):])
	}
	first, _, hasSlash := strings.Cut(s, "/")
	switch {
	case !hasSlash:
		return parseRuntime(s)
	case strings.ContainsAny(first, ".:") || first == "localhost":
		return parseImage(s)
	}
	return parseAction(s)
}

func splitRange(s string, sep byte) (name, rng string) {
	if i := strings.LastIndexByte(s, sep); i > 0 && s[i-1] != '/' {
		return s[:i], s[i+1:]
	}
	return s, ""
}

func withRange(kind IdentifierKind, name, rng, orig string) (Identifier, error) {
	r, err := ParseVersionRange(rng)
	if err != nil {
		return Identifier{}, fmt.Errorf("%q: version range %v", orig, err)
	}
	if strings.Contains(strings.TrimSuffix(name, "*"), "*") {
		return Identifier{}, fmt.Errorf("%q: \"*\" may only end a name", orig)
	}
	return Identifier{Kind: kind, Name: name, Range: r}, nil
}

func parsePackage(s string) (Identifier, error) {
	body := s[len("pkg:"):]
	typ, rest, ok := strings.Cut(body, "/")
	typ = strings.ToLower(typ)
	if !ok || rest == "" {
		return Identifier{}, fmt.Errorf("%q: a package URL is pkg:TYPE/NAME, e.g. pkg:npm/mongoose", s)
	}
	if !purlTypes[typ] {
		return Identifier{}, fmt.Errorf("%q: %q is not a package type Bearing knows (npm, golang, maven, pypi, gem, cargo, nuget, composer, …)", s, typ)
	}
	name, rng := splitRange(rest, '@')
	name = strings.ReplaceAll(name, "%40", "@")
	if typ == "pypi" {
		name = strings.ReplaceAll(strings.ToLower(name), "_", "-") // PEP 503 normal form
	} else if typ == "npm" || typ == "cargo" || typ == "gem" || typ == "composer" {
		name = strings.ToLower(name)
	}
	if strings.HasSuffix(name, "/") || strings.Contains(name, "//") {
		return Identifier{}, fmt.Errorf("%q: the package name is incomplete", s)
	}
	return withRange(KindPackage, "pkg:"+typ+"/"+name, rng, s)
}

// NormalizeImage returns the full name of an image reference without tag:
// "mongo" → "docker.io/library/mongo", "bitnami/redis" → "docker.io/bitnami/redis".
func NormalizeImage(ref string) string {
	ref = strings.ToLower(ref)
	first, _, hasSlash := strings.Cut(ref, "/")
	switch {
	case !hasSlash:
		return "docker.io/library/" + ref
	case !strings.ContainsAny(first, ".:") && first != "localhost":
		return "docker.io/" + ref
	case first == "index.docker.io":
		return "docker.io/" + ref[len(first)+1:]
	}
	return ref
}

func parseImage(s string) (Identifier, error) {
	name, rng := s, ""
	if at := strings.Index(name, "@sha256:"); at >= 0 {
		name = name[:at]
	}
	if i := strings.LastIndexByte(name, ':'); i > strings.LastIndexByte(name, '/') {
		name, rng = name[:i], name[i+1:]
	}
	if name == "" || strings.HasSuffix(name, "/") {
		return Identifier{}, fmt.Errorf("%q: the image name is incomplete", s)
	}
	return withRange(KindImage, NormalizeImage(name), rng, s)
}

func parseAction(s string) (Identifier, error) {
	name, rng := splitRange(s, '@')
	parts := strings.Split(name, "/")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return Identifier{}, fmt.Errorf("%q: an action is OWNER/REPO, e.g. actions/checkout@<v4", s)
	}
	return withRange(KindAction, strings.ToLower(path.Clean(name)), rng, s)
}

func parseTerraform(s string) (Identifier, error) {
	name, rng := splitRange(s, '@')
	parts := strings.Split(name, "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return Identifier{}, fmt.Errorf("%q: a Terraform provider is NAMESPACE/NAME, e.g. registry.terraform.io/hashicorp/aws", s)
	}
	return withRange(KindTerraform, "registry.terraform.io/"+strings.ToLower(name), rng, s)
}

func parseRuntime(s string) (Identifier, error) {
	name, rng := splitRange(s, '@')
	canon, ok := runtimeAliases[strings.ToLower(name)]
	if !ok {
		return Identifier{}, fmt.Errorf("%q: %q is not a runtime Bearing knows (golang, node, python, java, ruby, dotnet, rust, php, …); for a package use pkg:TYPE/NAME", s, name)
	}
	return withRange(KindRuntime, canon, rng, s)
}

// MatchesName reports whether the identifier names the given canonical name,
// honouring a trailing "*".
func (id Identifier) MatchesName(name string) bool {
	if prefix, ok := strings.CutSuffix(id.Name, "*"); ok {
		return strings.HasPrefix(name, prefix)
	}
	return id.Name == name
}

// Matches reports whether a thing found in code — its kind, canonical name
// and version — is what the identifier detects. An empty version matches
// only an identifier without a range.
func (id Identifier) Matches(kind IdentifierKind, name, version string) bool {
	if id.Kind != kind || !id.MatchesName(name) {
		return false
	}
	if id.Range.IsZero() {
		return true
	}
	return version != "" && id.Range.Contains(version)
}
