package scan

// Own parser: scalibr has no extractor for GitHub Actions workflows. They
// are YAML, read with go.yaml.in/yaml/v3 so each uses: keeps its line.

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bearingorg/bearing"
)

// parseWorkflow reads the uses: of every step, and of every job that calls
// a reusable workflow, in a workflow file.
func parseWorkflow(f *file) error {
	docs, err := yamlDocuments(f.data)
	if err != nil {
		return err
	}
	for _, doc := range docs {
		_, jobs := yamlPairs(yamlGet(doc, "jobs"))
		for _, job := range jobs {
			f.uses(yamlGet(job, "uses"))
			f.stepsUses(yamlGet(job, "steps"))
		}
	}
	return nil
}

// parseActionManifest reads a composite action's steps and a Docker
// action's image from an action.yml.
func parseActionManifest(f *file) error {
	docs, err := yamlDocuments(f.data)
	if err != nil {
		return err
	}
	found := false
	for _, doc := range docs {
		runs := yamlGet(doc, "runs")
		if runs == nil {
			continue
		}
		found = true
		f.stepsUses(yamlGet(runs, "steps"))
		if img := yamlGet(runs, "image"); strings.HasPrefix(yamlScalar(img), "docker://") {
			f.uses(img)
		}
	}
	if !found {
		return errSkip
	}
	return nil
}

func (f *file) stepsUses(steps *yaml.Node) {
	if steps == nil || steps.Kind != yaml.SequenceNode {
		return
	}
	for _, step := range steps.Content {
		f.uses(yamlGet(step, "uses"))
	}
}

// uses reads one "uses:" value: owner/repo[/path]@ref is the action
// owner/repo at version ref; docker://image is an image; ./path is the
// repository's own action, and an expression is unknown until run time.
func (f *file) uses(n *yaml.Node) {
	ref := strings.TrimSpace(yamlScalar(n))
	switch {
	case ref == "", strings.HasPrefix(ref, "./"), strings.HasPrefix(ref, "../"), strings.Contains(ref, "${{"):
		return
	case strings.HasPrefix(ref, "docker://"):
		f.addYAMLImage(n, strings.TrimPrefix(ref, "docker://"))
		return
	}
	line, col := yamlPos(n)
	target, version, ok := strings.Cut(ref, "@")
	parts := strings.Split(target, "/")
	if !ok || len(parts) < 2 || parts[0] == "" || parts[1] == "" || version == "" {
		f.warnAt(line, col, "uses: %.80q is not owner/repo@ref", ref)
		return
	}
	f.add(bearing.KindAction, parts[0]+"/"+parts[1], version, line, col, true)
}
