package split

import (
	"fmt"
	"strings"
	"testing"
)

// A part that only sets the package's version, with its changelog entry,
// is the release of what the parts below it bring: it goes last and is
// named by the version. A manifest that also changes a dependency is a
// dependency update, at the bottom.
func TestVersionBumpGoesLast(t *testing.T) {
	var parse, render strings.Builder
	for i := range 30 {
		fmt.Fprintf(&parse, "export function parse%d(s) {\n  return s.split(',').length + %d;\n}\n\n", i, i)
		fmt.Fprintf(&render, "export function render%d(v) {\n  return '<b>' + v + %d;\n}\n\n", i, i)
	}
	tests := []struct {
		name, manifestHead string
		wantKind           Kind
		wantTitle          string
	}{
		{"version only", "{\n  \"name\": \"lib\",\n  \"version\": \"1.3.0\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.0.0\"\n  }\n}\n", KindRelease, "Bump the version to `1.3.0` and update CHANGELOG.md"},
		{"version and a dependency", "{\n  \"name\": \"lib\",\n  \"version\": \"1.3.0\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.1.0\"\n  }\n}\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := changeOf(map[string][2]string{
				"package.json":  {"{\n  \"name\": \"lib\",\n  \"version\": \"1.2.0\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.0.0\"\n  }\n}\n", tt.manifestHead},
				"CHANGELOG.md":  {"# Changelog\n\n## 1.2.0\n\n- Old.\n", "# Changelog\n\n## 1.3.0\n\n- Add parse and render.\n\n## 1.2.0\n\n- Old.\n"},
				"src/parse.js":  {"", parse.String()},
				"src/render.js": {"", render.String()},
			})
			in.CoChange = [][]string{{"package.json", "CHANGELOG.md"}, {"package.json", "CHANGELOG.md"}, {"package.json", "CHANGELOG.md"}}
			in.Policy.Budget.Lines = 150
			plan, err := Split(in)
			if err != nil {
				t.Fatal(err)
			}
			at := partOf(plan)
			manifest := plan.Parts[at["package.json"][0]-1]
			if tt.wantKind == "" {
				if manifest.Kind == KindRelease {
					t.Errorf("part %d %q is a release; it changes a dependency", manifest.Index, manifest.Title)
				}
				return
			}
			if manifest.Kind != tt.wantKind || manifest.Title != tt.wantTitle {
				t.Errorf("package.json in part %d %q [%s], want %q [%s]", manifest.Index, manifest.Title, manifest.Kind, tt.wantTitle, tt.wantKind)
			}
			if manifest.Index != len(plan.Parts) {
				t.Errorf("the version bump is part %d of %d, want the last", manifest.Index, len(plan.Parts))
			}
			for _, p := range plan.Parts {
				for _, d := range p.DependsOn {
					if d == manifest.Index {
						t.Errorf("part %d %q builds on the version bump", p.Index, p.Title)
					}
				}
			}
		})
	}
}
