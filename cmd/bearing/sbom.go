package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/bearingorg/bearing"
)

// readSBOM reads a CycloneDX or SPDX JSON SBOM as the inventory, for teams
// whose build already produces one. Only components with a package URL count.
func readSBOM(name string) (*bearing.Inventory, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var doc struct {
		BOMFormat   string `json:"bomFormat"`
		SPDXVersion string `json:"spdxVersion"`
		Packages    []struct {
			Version string `json:"versionInfo"`
			Refs    []struct {
				Type    string `json:"referenceType"`
				Locator string `json:"referenceLocator"`
			} `json:"externalRefs"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: not a JSON SBOM: %w", name, err)
	}
	inv := &bearing.Inventory{Files: []string{name}}
	add := func(purl, version string) {
		id, err := bearing.ParseIdentifier(stripPurlVersion(purl))
		if err != nil || id.Kind != bearing.KindPackage {
			return
		}
		inv.Items = append(inv.Items, bearing.Item{Kind: bearing.KindPackage, Name: id.Name, Version: version, Location: bearing.Location{Path: name}})
	}
	switch {
	case doc.BOMFormat == "CycloneDX":
		var bom cdx.BOM
		if err := cdx.NewBOMDecoder(bytes.NewReader(b), cdx.BOMFileFormatJSON).Decode(&bom); err != nil {
			return nil, fmt.Errorf("%s: not a CycloneDX BOM: %w", name, err)
		}
		var walk func([]cdx.Component)
		walk = func(cs []cdx.Component) {
			for _, c := range cs {
				add(c.PackageURL, c.Version)
				if c.Components != nil {
					walk(*c.Components)
				}
			}
		}
		if bom.Components != nil {
			walk(*bom.Components)
		}
	case doc.SPDXVersion != "":
		for _, p := range doc.Packages {
			for _, r := range p.Refs {
				if r.Type == "purl" {
					add(r.Locator, p.Version)
				}
			}
		}
	default:
		return nil, fmt.Errorf("%s: neither a CycloneDX (bomFormat) nor an SPDX (spdxVersion) JSON document", name)
	}
	return inv, nil
}

// stripPurlVersion drops the @version, ?qualifiers and #subpath of a package
// URL, keeping the name for matching.
func stripPurlVersion(purl string) string {
	for _, sep := range []string{"#", "?"} {
		if i := indexLast(purl, sep); i > 0 {
			purl = purl[:i]
		}
	}
	if i := indexLast(purl, "@"); i > 0 && purl[i-1] != '/' {
		purl = purl[:i]
	}
	return purl
}

func indexLast(s, sep string) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if s[i:i+len(sep)] == sep {
			return i
		}
	}
	return -1
}
