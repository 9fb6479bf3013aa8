// Package scan takes the inventory of a repository: every package, base
// image, CI action, infrastructure provider and language runtime it uses,
// each with the file, line and column that declares it. `bearing check`
// compares that inventory with the organisation's decisions, so a team
// learns in CI where its code departs from them, and a reviewer can jump
// straight to the line.
//
// # What is read
//
// Scan walks the tree once, in parallel, and hands each file it recognises
// by name to one or more parsers:
//
//   - Go: go.mod (requires; the go and toolchain directives as the runtime
//     golang).
//   - JavaScript: package.json (dependencies, devDependencies,
//     optionalDependencies, peerDependencies; engines.node as the runtime
//     node), package-lock.json and npm-shrinkwrap.json v1–v3, yarn.lock
//     (classic and berry), pnpm-lock.yaml.
//   - Python: requirements*.txt and requirements/*.txt, pyproject.toml
//     (PEP 621 and Poetry; requires-python as the runtime python),
//     poetry.lock, Pipfile.lock, uv.lock.
//   - Java: pom.xml (dependencies; maven.compiler.release or source as the
//     runtime java), build.gradle and build.gradle.kts (literal
//     dependency notations; jvmToolchain as the runtime java),
//     gradle.lockfile.
//   - Rust: Cargo.toml (all dependency tables; rust-version as the runtime
//     rust), Cargo.lock. Ruby: Gemfile.lock. PHP: composer.lock.
//   - .NET: *.csproj, *.fsproj, *.vbproj and Directory.Packages.props
//     (PackageReference, PackageVersion; TargetFramework as the runtime
//     dotnet), packages.lock.json.
//   - Container images: Dockerfile and Containerfile FROM lines,
//     docker-compose*.yml and compose*.yaml, Kubernetes manifests (any YAML
//     document with kind and spec: containers, initContainers and
//     ephemeralContainers at any depth).
//   - GitHub Actions: uses: in .github/workflows/*.yml and in composite
//     actions' action.yml.
//   - Terraform: required_providers in *.tf.
//   - Runtime version files: .nvmrc, .node-version, .python-version,
//     .tool-versions.
//
// Lock files and most manifests go through the extractors of
// github.com/google/osv-scalibr, the engine behind osv-scanner, so Bearing
// reads them as the vulnerability scanners do; scalibr.go lists which. The
// formats scalibr lacks, reads too coarsely for a policy check, or reads
// too slowly (its package-lock.json extractor is quadratic in the number
// of packages) have their own parsers here, each file saying why at its
// top.
//
// # What an item says
//
// Names are canonical in the sense of bearing.ParseIdentifier, so
// Identifier.Matches works on them. Versions are what the file says: the
// exact version from a lock file, the constraint as written from a manifest
// ("^8.0.0", ">=3.0", "~> 5.0"), with "==" dropped from exact Python pins.
// Items from manifests are Direct; items only found in lock files are not,
// nor are go.mod requirements marked "// indirect". A package is reported
// once per file and version, however many parsers read the file.
//
// # What is skipped
//
// Scan follows .gitignore files (root and nested, the common syntax),
// never descends into .git, and skips node_modules and vendor unless
// Options.IncludeVendored is set (which also walks them when .gitignore
// lists them). It never follows a symbolic link to a directory, reads a
// linked file only when its target lies inside the root, and never reads a
// file over 64 MiB. A file it cannot parse becomes a warning with the line
// where known; a scan only fails when the root cannot be read or the
// context ends. No toolchain is run and no network is used.
//
// Inventory.Files lists the files that were parsed (and files a parser read
// on their behalf, like a pom.xml's parent), not every file walked: a YAML
// file that turns out to be no Kubernetes manifest is not listed.
package scan
