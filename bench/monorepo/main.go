// Command monorepo writes a synthetic monorepo for benchmarking `bearing
// check`'s inventory (package scan), and measures a scan of it.
//
//	go run ./bench/monorepo --out /tmp/mono [--services 640] [--seed 1]
//	go run ./bench/monorepo --scan /tmp/mono
//
// The tree has one directory per service under services/, each in one
// ecosystem (Go, npm, yarn, pnpm, Python, Maven, Gradle, Cargo, Ruby, PHP,
// .NET) with its manifest and lock file, a Dockerfile, a Kubernetes
// manifest, a runtime version file and 160 small source files; plus
// workflows, Terraform and Compose files at the top, node_modules
// directories and a .gitignore that the scan must skip, and one 20 MB
// package-lock.json. With the defaults that is over 3,000 manifests and
// lock files among over 100,000 other files. The same seed writes the same
// bytes.
//
// --scan runs scan.Scan on a tree once and prints the wall time, files per
// second (files in the tree, whether read or not), MB per second (of the
// files read) and the process's peak resident memory.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/bearingorg/bearing/scan"
)

func main() {
	out := flag.String("out", "", "directory to write the monorepo into (created; must be empty or missing)")
	services := flag.Int("services", 640, "how many services to generate")
	sources := flag.Int("sources", 160, "source files per service")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same tree")
	bigLock := flag.Int("big-lock-mb", 20, "size of the one large package-lock.json, in MB (0: none)")
	scanDir := flag.String("scan", "", "scan this tree and report timings instead of generating")
	flag.Parse()
	var err error
	switch {
	case *scanDir != "":
		err = measure(*scanDir)
	case *out != "" && *services > 0:
		err = generate(*out, *services, *sources, *bigLock, *seed)
	default:
		fmt.Fprintln(os.Stderr, "monorepo: give --out DIR to generate or --scan DIR to measure")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "monorepo:", err)
		os.Exit(1)
	}
}

// gen writes files and counts them.
type gen struct {
	root      string
	rng       *rand.Rand
	manifests int
	others    int
	bytes     int64
}

// write creates a file; manifest says whether a parser reads it.
func (g *gen) write(rel, content string, manifest bool) error {
	path := filepath.Join(g.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if manifest {
		g.manifests++
	} else {
		g.others++
	}
	g.bytes += int64(len(content))
	return os.WriteFile(path, []byte(content), 0o644)
}

func generate(out string, services, sources, bigLockMB int, seed uint64) error {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	g := &gen{root: out, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	start := time.Now()
	if err := g.top(services); err != nil {
		return err
	}
	for i := range services {
		if err := g.service(i, sources); err != nil {
			return err
		}
	}
	if bigLockMB > 0 {
		if err := g.write("services/web-monolith/package-lock.json", bigPackageLock(g.rng, bigLockMB<<20), true); err != nil {
			return err
		}
		if err := g.write("services/web-monolith/package.json", packageJSON(g.rng, 40), true); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d manifests and lock files and %d other files (%.1f MB) to %s in %s\n",
		g.manifests, g.others, float64(g.bytes)/1e6, out, time.Since(start).Round(time.Millisecond))
	return nil
}

// top writes the repository-wide files: .gitignore, workflows, Terraform,
// Compose.
func (g *gen) top(services int) error {
	files := map[string]string{
		".gitignore":          "# build output\nnode_modules/\n/dist\n*.log\nbuild/\n!tools/build/\n**/generated/**\n",
		".tool-versions":      "golang 1.22.4\nnodejs 20.11.1\npython 3.12.2\n",
		"docker-compose.yml":  compose(g.rng, 30),
		"infra/providers.tf":  terraform(g.rng),
		"infra/modules/db.tf": terraform(g.rng),
	}
	for i := range 40 {
		files[fmt.Sprintf(".github/workflows/wf-%02d.yml", i)] = workflow(g.rng)
	}
	for _, rel := range sortedKeys(files) {
		if err := g.write(rel, files[rel], true); err != nil {
			return err
		}
	}
	// Ignored trees the scan must not read.
	for i := range 20 {
		for _, dir := range []string{"dist", fmt.Sprintf("services/ignored-%d/build", i)} {
			if err := g.write(fmt.Sprintf("%s/pkg-%d/package.json", dir, i), packageJSON(g.rng, 5), false); err != nil {
				return err
			}
		}
	}
	return nil
}

// service writes one service: manifests of its ecosystem, deployment files
// and source files.
func (g *gen) service(i, sources int) error {
	eco := ecosystems[i%len(ecosystems)]
	dir := fmt.Sprintf("services/%s-%04d", eco.name, i)
	files := eco.files(g.rng)
	files["Dockerfile"] = dockerfile(g.rng, eco.name)
	files["deploy/k8s.yaml"] = kubernetes(g.rng, dir)
	files[eco.versionFile] = eco.version(g.rng)
	for _, rel := range sortedKeys(files) {
		if err := g.write(dir+"/"+rel, files[rel], true); err != nil {
			return err
		}
	}
	if eco.name == "npm" || eco.name == "yarn" || eco.name == "pnpm" {
		for j := range 10 {
			if err := g.write(fmt.Sprintf("%s/node_modules/dep-%d/package.json", dir, j), packageJSON(g.rng, 3), false); err != nil {
				return err
			}
		}
	}
	for j := range sources {
		// about 16 files a directory, two levels deep, as code is laid out
		rel := fmt.Sprintf("%s/src/%s/%s/%s_%03d%s", dir, words[j/64%len(words)], words[(i+j/16)%len(words)], pick(g.rng, words), j, eco.ext)
		if err := g.write(rel, source(g.rng, eco.ext), false); err != nil {
			return err
		}
	}
	return nil
}

// source is a small file of plausible code: what most of a repository is.
func source(rng *rand.Rand, ext string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// %s %s\n", pick(rng, words), ext)
	for range 5 + rng.IntN(40) {
		fmt.Fprintf(&b, "    %s(%s, %d) // %s\n", pick(rng, words), pick(rng, words), rng.IntN(1000), pick(rng, words))
	}
	return b.String()
}

// measure scans a tree once and reports the numbers the benchmark targets
// are written in.
func measure(dir string) error {
	runtime.GC()
	start := time.Now()
	inv, err := scan.Scan(context.Background(), dir, scan.Options{})
	wall := time.Since(start)
	if err != nil {
		return err
	}
	var read int64
	for _, f := range inv.Files {
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err == nil {
			read += info.Size()
		}
	}
	total := 0
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			total++
		}
		return nil
	})
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("scan of %s: %s wall, %d items, %d warnings\n", dir, wall.Round(time.Millisecond), len(inv.Items), len(inv.Warnings))
	fmt.Printf("  %d files in the tree: %.0f files/s\n", total, float64(total)/wall.Seconds())
	fmt.Printf("  %d files read, %.1f MB: %.1f MB/s\n", len(inv.Files), float64(read)/1e6, float64(read)/1e6/wall.Seconds())
	fmt.Printf("  peak RSS %.1f MB (GOMAXPROCS %d)\n", float64(ru.Maxrss)/1024, runtime.GOMAXPROCS(0))
	return nil
}
