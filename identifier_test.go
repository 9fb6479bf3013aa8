package bearing_test

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

func TestParseIdentifier(t *testing.T) {
	ok := []struct {
		in, kind, name, rng, str string
	}{
		{"pkg:npm/mongoose", "package", "pkg:npm/mongoose", "", "pkg:npm/mongoose"},
		{"pkg:npm/@angular/core@<15", "package", "pkg:npm/@angular/core", "<15", "pkg:npm/@angular/core@<15"},
		{"pkg:npm/%40angular/core", "package", "pkg:npm/@angular/core", "", "pkg:npm/@angular/core"},
		{"pkg:golang/go.mongodb.org/mongo-driver", "package", "pkg:golang/go.mongodb.org/mongo-driver", "", ""},
		{"pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1", "package", "pkg:maven/org.apache.logging.log4j/log4j-core", "<2.17.1", ""},
		{"pkg:pypi/Django_REST@>=3,<4", "package", "pkg:pypi/django-rest", ">=3,<4", "pkg:pypi/django-rest@>=3,<4"},
		{"pkg:npm/@aws-sdk/*", "package", "pkg:npm/@aws-sdk/*", "", ""},
		{"docker.io/library/mongo", "image", "docker.io/library/mongo", "", ""},
		{"docker.io/library/mongo:<5", "image", "docker.io/library/mongo", "<5", "docker.io/library/mongo:<5"},
		{"image:mongo", "image", "docker.io/library/mongo", "", ""},
		{"image:bitnami/redis:>=7", "image", "docker.io/bitnami/redis", ">=7", ""},
		{"ghcr.io/org/tool", "image", "ghcr.io/org/tool", "", ""},
		{"actions/checkout@<v4", "action", "actions/checkout", "<v4", "actions/checkout@<v4"},
		{"action:Docker/build-push-action", "action", "docker/build-push-action", "", ""},
		{"registry.terraform.io/hashicorp/aws@<5", "terraform", "registry.terraform.io/hashicorp/aws", "<5", ""},
		{"terraform:hashicorp/google", "terraform", "registry.terraform.io/hashicorp/google", "", ""},
		{"golang@<1.22", "runtime", "golang", "<1.22", "golang@<1.22"},
		{"go@<1.22", "runtime", "golang", "<1.22", ""},
		{"node@<20", "runtime", "node", "<20", ""},
		{"Python", "runtime", "python", "", ""},
	}
	for _, c := range ok {
		id, err := bearing.ParseIdentifier(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if string(id.Kind) != c.kind || id.Name != c.name || id.Range.String() != c.rng {
			t.Errorf("%q = %s %q %q", c.in, id.Kind, id.Name, id.Range)
		}
		if c.str != "" && id.String() != c.str {
			t.Errorf("%q.String() = %q, want %q", c.in, id.String(), c.str)
		}
		if again, err := bearing.ParseIdentifier(id.String()); err != nil || again.String() != id.String() {
			t.Errorf("%q does not round-trip: %q %v", c.in, again, err)
		}
	}
	bad := map[string]string{
		"":                       "empty",
		"pkg:npm":                "pkg:TYPE/NAME",
		"pkg:cobol/x":            "not a package type",
		"pkg:npm/x@<":            "needs a version",
		"pkg:npm/x@<one":         "not a version",
		"golang@>=1.22,<<2":      "not a version",
		"cobol@<5":               "not a runtime",
		"actions/":               "OWNER/REPO",
		"terraform:aws":          "NAMESPACE/NAME",
		"pkg:npm/a*b":            "may only end a name",
		"docker.io/library/x:<@": "not a version",
	}
	for in, want := range bad {
		_, err := bearing.ParseIdentifier(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want it to mention %q", in, err, want)
		}
	}
}

func TestVersions(t *testing.T) {
	order := []string{"1.0.0-rc1", "1.0", "1.0.1", "1.2", "1.10", "2.0.0-alpha", "2.0.0-beta", "2.0.0", "v10"}
	for i := range order {
		for j := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if order[i] == "1.0" && order[j] == "1.0" {
				want = 0
			}
			if got := bearing.CompareVersions(order[i], order[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	if bearing.CompareVersions("1.22", "1.22.0") != 0 || bearing.CompareVersions("go1.21.5", "1.22") != -1 || bearing.CompareVersions("v4.1.1", "v4") != 1 {
		t.Error("normalised comparisons")
	}
	cases := []struct {
		rng, v string
		in     bool
	}{
		{"<2.17.1", "2.17.0", true}, {"<2.17.1", "2.17.1", false}, {"<2.17.1", "2.14", true},
		{">=1.0,<2", "1.9.9", true}, {">=1.0,<2", "2.0", false}, {"1.2.3", "1.2.3", true}, {"!=1.2.3", "1.2.3", false},
		{"<v4", "v3", true}, {"<v4", "v4.1.0", false}, {"<20", "18.19.0", true}, {"<5", "4.4-focal", true},
		{"<5", "latest", false}, {"", "latest", true}, {"<1.22", "1.21.5", true},
	}
	for _, c := range cases {
		r, err := bearing.ParseVersionRange(c.rng)
		if err != nil {
			t.Fatalf("%q: %v", c.rng, err)
		}
		if r.Contains(c.v) != c.in {
			t.Errorf("%q contains %q = %v", c.rng, c.v, !c.in)
		}
	}
	id, _ := bearing.ParseIdentifier("pkg:npm/@aws-sdk/*")
	if !id.Matches(bearing.KindPackage, "pkg:npm/@aws-sdk/client-s3", "3.0.0") || id.Matches(bearing.KindImage, "pkg:npm/@aws-sdk/client-s3", "") {
		t.Error("prefix identifiers")
	}
	id, _ = bearing.ParseIdentifier("pkg:maven/org.apache.logging.log4j/log4j-core@<2.17.1")
	if !id.Matches(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1") ||
		id.Matches(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "2.17.1") ||
		id.Matches(bearing.KindPackage, "pkg:maven/org.apache.logging.log4j/log4j-core", "") {
		t.Error("ranged identifiers")
	}
}
