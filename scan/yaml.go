package scan

// Own parsers: scalibr has no extractor for Compose files or Kubernetes
// manifests (its container support reads images, not the manifests that
// name them). Both are YAML read with go.yaml.in/yaml/v3, which the module
// already uses and which keeps each value's line and column.

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/bearingorg/bearing"
)

// yamlDocuments decodes every document of a YAML stream.
func yamlDocuments(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		if len(doc.Content) > 0 {
			docs = append(docs, doc.Content[0])
		}
	}
}

// yamlGet returns the value of key in a mapping, following "<<" merge keys
// a few levels deep, or nil.
func yamlGet(m *yaml.Node, key string) *yaml.Node {
	return yamlGetDepth(m, key, 3)
}

func yamlGetDepth(m *yaml.Node, key string, depth int) *yaml.Node {
	if m != nil && m.Kind == yaml.AliasNode && depth > 0 {
		m = m.Alias
	}
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i].Kind == yaml.ScalarNode {
			return m.Content[i+1]
		}
	}
	if depth == 0 {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "<<" {
			continue
		}
		merged := []*yaml.Node{m.Content[i+1]}
		if m.Content[i+1].Kind == yaml.SequenceNode {
			merged = m.Content[i+1].Content
		}
		for _, src := range merged {
			if v := yamlGetDepth(src, key, depth-1); v != nil {
				return v
			}
		}
	}
	return nil
}

// yamlScalar returns the text of a scalar value, or "" for anything else.
func yamlScalar(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// yamlPairs returns the keys and values of a mapping.
func yamlPairs(m *yaml.Node) (keys, values []*yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		keys, values = append(keys, m.Content[i]), append(values, m.Content[i+1])
	}
	return keys, values
}

// addYAMLImage records an image reference written in a YAML scalar, at the
// reference itself (after the opening quote of a quoted scalar).
func (f *file) addYAMLImage(n *yaml.Node, ref string) {
	if ref = expandArgs(ref, nil); ref == "" {
		return
	}
	name, tag := splitImage(ref)
	line, col := yamlPos(n)
	f.add(bearing.KindImage, name, tag, line, col, true)
}

// yamlPos is where a scalar's text begins.
func yamlPos(n *yaml.Node) (line, col int) {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return n.Line, n.Column + 1
	}
	return n.Line, n.Column
}

// parseCompose reads the image of each service of a Compose file, with
// ${VAR:-default} interpolated to its default; an image that depends on a
// variable without default is skipped, as is a service that only builds.
func parseCompose(f *file) error {
	docs, err := yamlDocuments(f.data)
	if err != nil {
		return err
	}
	for _, doc := range docs {
		services := yamlGet(doc, "services")
		if services == nil { // the version 1 format: services at the top
			services = doc
		}
		_, values := yamlPairs(services)
		for _, svc := range values {
			if img := yamlGet(svc, "image"); yamlScalar(img) != "" {
				f.addYAMLImage(img, yamlScalar(img))
			}
		}
	}
	return nil
}

// containerKeys hold lists of containers in every workload kind, from a Pod
// to a CronJob's job template and custom resources shaped like them.
var containerKeys = map[string]bool{"containers": true, "initContainers": true, "ephemeralContainers": true}

// parseKubernetes reads the images of the containers of every document
// that has a kind and a spec (or the items of a List). YAML that is not a
// manifest is skipped without a word; Helm templates, which are not YAML
// until rendered, too.
func parseKubernetes(f *file) error {
	if !bytes.Contains(f.data, []byte("kind")) {
		return errSkip
	}
	docs, err := yamlDocuments(f.data)
	if err != nil {
		if bytes.Contains(f.data, []byte("{{")) || !bytes.Contains(f.data, []byte("apiVersion")) {
			return errSkip
		}
		return err
	}
	found := false
	for _, doc := range docs {
		if yamlScalar(yamlGet(doc, "kind")) == "" || yamlGet(doc, "spec") == nil && yamlGet(doc, "items") == nil {
			continue
		}
		found = true
		f.containerImages(doc, 0)
	}
	if !found {
		return errSkip
	}
	return nil
}

// containerImages walks a manifest for container lists; aliases are not
// followed, so a crafted document cannot make the walk explode.
func (f *file) containerImages(n *yaml.Node, depth int) {
	if depth > 40 {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		keys, values := yamlPairs(n)
		for i, k := range keys {
			if containerKeys[k.Value] && values[i].Kind == yaml.SequenceNode {
				for _, c := range values[i].Content {
					if img := yamlGet(c, "image"); yamlScalar(img) != "" {
						f.addYAMLImage(img, yamlScalar(img))
					}
				}
				continue
			}
			f.containerImages(values[i], depth+1)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			f.containerImages(c, depth+1)
		}
	}
}
