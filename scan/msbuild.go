package scan

// Own parser: scalibr's dotnet/csproj reads only a Version attribute (a
// <Version> child element is skipped as "missing version"), gives no
// lines, and does not read central package management or the target
// framework. MSBuild files are small XML, read here with encoding/xml.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/bearingorg/bearing"
)

// msbuildRef is a package reference waiting for its properties.
type msbuildRef struct {
	element, name, version string
	off                    int
}

// parseMSBuild reads PackageReference and PackageVersion items (Include or
// Update, with a Version or VersionOverride attribute or a <Version>
// child), and TargetFramework(s) as the runtime dotnet. $(Property)
// versions are resolved from the file's own properties.
func parseMSBuild(f *file) error {
	dec := xml.NewDecoder(bytes.NewReader(f.data))
	dec.Strict = false
	props := map[string]string{}
	var refs []msbuildRef
	open := -1 // the reference whose children are being read
	var stack []string
	for {
		start := int(dec.InputOffset())
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if t.Name.Local == "PackageReference" || t.Name.Local == "PackageVersion" {
				ref := msbuildRef{element: t.Name.Local, name: attr(t, "Include", "Update"), version: attr(t, "Version", "VersionOverride")}
				ref.off = start + max(bytes.Index(f.data[start:int(dec.InputOffset())], []byte(ref.name)), 0)
				refs = append(refs, ref)
				open = len(refs) - 1
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if t.Name.Local == "PackageReference" || t.Name.Local == "PackageVersion" {
				open = -1
			}
		case xml.CharData:
			var ref *msbuildRef
			if open >= 0 {
				ref = &refs[open]
			}
			f.msbuildText(stack, strings.TrimSpace(string(t)), start, props, ref)
		}
	}
	for _, r := range refs {
		if r.name != "" {
			f.addAt(bearing.KindPackage, "pkg:nuget/"+r.name, expandProps(r.version, props), r.off, true)
		}
	}
	return nil
}

// msbuildText handles the text of an element: a property, a <Version>
// inside a reference, or a target framework.
func (f *file) msbuildText(stack []string, text string, off int, props map[string]string, open *msbuildRef) {
	if len(stack) < 2 || text == "" {
		return
	}
	el, parent := stack[len(stack)-1], stack[len(stack)-2]
	switch {
	case open != nil && parent == open.element && (el == "Version" || el == "VersionOverride"):
		open.version = text
	case parent == "PropertyGroup" && (el == "TargetFramework" || el == "TargetFrameworks"):
		for _, tfm := range strings.Split(text, ";") {
			if m := dotnetTFM.FindStringSubmatch(strings.TrimSpace(tfm)); m != nil {
				f.addAt(bearing.KindRuntime, "dotnet", m[1], off+max(bytes.Index(f.data[off:], []byte(tfm)), 0), true)
			}
		}
		fallthrough
	case parent == "PropertyGroup":
		if _, seen := props[el]; !seen {
			props[el] = text
		}
	}
}

// dotnetTFM matches the target frameworks of .NET (not .NET Framework or
// .NET Standard): net5.0 and later, netcoreapp.
var dotnetTFM = regexp.MustCompile(`^(?:net|netcoreapp)(\d+\.\d+)(?:-[\w.]+)?$`)

var msbuildProperty = regexp.MustCompile(`\$\(([\w.-]+)\)`)

// expandProps replaces $(Name) with the file's property values; a version
// that still holds a reference names no version.
func expandProps(v string, props map[string]string) string {
	for range 5 {
		if !strings.Contains(v, "$(") {
			return v
		}
		v = msbuildProperty.ReplaceAllStringFunc(v, func(ref string) string {
			if val, ok := props[ref[2:len(ref)-1]]; ok {
				return val
			}
			return ref
		})
	}
	if strings.Contains(v, "$(") {
		return ""
	}
	return v
}

func attr(t xml.StartElement, names ...string) string {
	for _, n := range names {
		for _, a := range t.Attr {
			if a.Name.Local == n {
				return strings.TrimSpace(a.Value)
			}
		}
	}
	return ""
}
