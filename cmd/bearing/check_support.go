package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bearingorg/bearing"
	bhttp "github.com/bearingorg/bearing/http"
)

// loadPolicy reads --policy, or fetches the policy from --server, keeping a
// copy in the user's cache directory so an unchanged policy costs one 304.
func loadPolicy(ctx context.Context, env *Env, f checkFlags) (*bearing.Policy, error) {
	if *f.policy != "" {
		return readPolicy(*f.policy)
	}
	if *f.client.token == "" {
		return nil, errors.New("give --policy FILE to check offline, or --server and --token (BEARING_SERVER, BEARING_TOKEN) to fetch the policy")
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "bearing", "policy-"+bearing.Slugify(*f.client.server)+".json")
	}
	var cached *bearing.Policy
	if cache != "" {
		cached, _ = readPolicy(cache)
	}
	etag := ""
	if cached != nil {
		etag = cached.Hash
	}
	p, err := bhttp.NewClient(*f.client.server, *f.client.token).PolicyIfChanged(ctx, etag)
	if err != nil {
		return nil, fmt.Errorf("fetch the policy: %w", err)
	}
	if p == nil {
		return cached, nil
	}
	if cache != "" && os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
		if b, err := json.Marshal(p); err == nil {
			os.WriteFile(cache, b, 0o644)
		}
	}
	return p, nil
}

// gitInfo is what .git says about a checkout, read without running git.
type gitInfo struct{ repo, commit string }

// readGit finds the repository name (from the origin remote, or the
// directory name) and the HEAD commit.
func readGit(root string) gitInfo {
	abs, _ := filepath.Abs(root)
	gi := gitInfo{repo: filepath.Base(abs)}
	dir := filepath.Join(abs, ".git")
	if b, err := os.ReadFile(filepath.Join(dir, "config")); err == nil {
		if url := originURL(string(b)); url != "" {
			name := strings.TrimSuffix(url[strings.LastIndexAny(url, "/:")+1:], ".git")
			if name != "" {
				gi.repo = name
			}
		}
	}
	head, err := os.ReadFile(filepath.Join(dir, "HEAD"))
	if err != nil {
		return gi
	}
	ref, isRef := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: ")
	if !isRef {
		gi.commit = ref
		return gi
	}
	if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ref))); err == nil {
		gi.commit = strings.TrimSpace(string(b))
		return gi
	}
	if f, err := os.Open(filepath.Join(dir, "packed-refs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if sha, name, ok := strings.Cut(sc.Text(), " "); ok && name == ref {
				gi.commit = sha
			}
		}
	}
	return gi
}

func originURL(config string) string {
	in := false
	for _, line := range strings.Split(config, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			in = line == `[remote "origin"]`
			continue
		}
		if k, v, ok := strings.Cut(line, "="); in && ok && strings.TrimSpace(k) == "url" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// adrDirs are where teams keep ADRs by convention; .adr-dir and
// .log4brains.yml may name another.
var adrDirs = []string{"doc/adr", "docs/adr", "docs/decisions", "docs/architecture/decisions", "adr"}

// findADRs collects the repository's ADR files for --report.
func findADRs(root string) ([]bearing.RepoADR, error) {
	dirs := append([]string{}, adrDirs...)
	if b, err := os.ReadFile(filepath.Join(root, ".adr-dir")); err == nil {
		dirs = append([]string{strings.TrimSpace(string(b))}, dirs...)
	}
	if b, err := os.ReadFile(filepath.Join(root, ".log4brains.yml")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && k == "adrFolder" {
				dirs = append([]string{strings.Trim(strings.TrimSpace(v), `"'./`)}, dirs...)
			}
		}
	}
	var out []bearing.RepoADR
	seen := map[string]bool{}
	rootFS, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer rootFS.Close()
	for _, d := range dirs {
		d = filepath.ToSlash(filepath.Clean(d))
		if d == "." || strings.HasPrefix(d, "..") || seen[d] {
			continue
		}
		seen[d] = true
		entries, err := fs.ReadDir(rootFS.FS(), d)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") || strings.EqualFold(e.Name(), "README.md") || strings.EqualFold(e.Name(), "template.md") {
				continue
			}
			b, err := fs.ReadFile(rootFS.FS(), d+"/"+e.Name())
			if err != nil || len(b) > bearing.MaxBodyLen {
				continue // a symlink out of the tree, or too large: not sent
			}
			out = append(out, bearing.RepoADR{Path: d + "/" + e.Name(), Content: string(b)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
