package split

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestChangesetPackages(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"scoped and plain", "---\n'@astrojs/vercel': patch\n\"astro\": minor\n---\n\nFixes headers: all of them\n", []string{"vercel", "astro"}},
		{"no front matter", "Fixes: a bug\n", nil},
		{"empty", "---\n---\n\nNothing to release\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, changesetPackages([]byte(tc.src))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestChangesetsLinkWithTheirPackagesAndApart(t *testing.T) {
	in := changeOf(map[string][2]string{
		"packages/integrations/vercel/src/index.ts": {"export const a = 1\n", "export const a = 2\n"},
		"packages/astro/src/core/build.ts":          {"export const b = 1\n", "export const b = 2\n"},
		".changeset/brave-cats-run.md":              {"", "---\n'@astrojs/vercel': patch\n---\n\nFixes a\n"},
		".changeset/quiet-dogs-sleep.md":            {"", "---\n'astro': patch\n---\n\nFixes b\n"},
		".changeset/README.md":                      {"# Changesets\n", "# Changesets\n\nMore.\n"},
	})
	_, link := linkedChange(t, in)
	for _, tc := range []struct {
		a, b      string
		changeset bool
		apart     bool
	}{
		{".changeset/brave-cats-run.md", "packages/integrations/vercel/src/index.ts", true, false},
		{".changeset/brave-cats-run.md", "packages/astro/src/core/build.ts", false, false},
		{".changeset/quiet-dogs-sleep.md", "packages/astro/src/core/build.ts", true, false},
		{".changeset/brave-cats-run.md", ".changeset/quiet-dogs-sleep.md", false, true},
		{".changeset/README.md", "packages/astro/src/core/build.ts", false, false},
	} {
		fl := link(tc.a, tc.b)
		if fl.changeset != tc.changeset || fl.apart != tc.apart {
			t.Errorf("%s ↔ %s: changeset %v apart %v, want %v %v", tc.a, tc.b, fl.changeset, fl.apart, tc.changeset, tc.apart)
		}
	}
}

// Each changeset travels with the code it describes, never with the other
// pull request's changeset.
func TestChangesetsGoWithTheirCode(t *testing.T) {
	code := func(name string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "export function %s%d(x: number) {\n  return x * %d\n}\n\n", name, i, i)
		}
		return b.String()
	}
	in := changeOf(map[string][2]string{
		"packages/integrations/vercel/src/edge.ts": {"", code("edgeHeader", 8)},
		"packages/astro/src/core/fonts.ts":         {"", code("fontFileURL", 8)},
		".changeset/brave-cats-run.md":             {"", "---\n'@astrojs/vercel': patch\n---\n\nAdds edge headers\n"},
		".changeset/quiet-dogs-sleep.md":           {"", "---\n'astro': patch\n---\n\nFixes font file URLs\n"},
	})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	partOf := map[string]int{}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			partOf[f.Path] = p.Index
		}
	}
	if partOf[".changeset/brave-cats-run.md"] != partOf["packages/integrations/vercel/src/edge.ts"] ||
		partOf[".changeset/quiet-dogs-sleep.md"] != partOf["packages/astro/src/core/fonts.ts"] ||
		partOf[".changeset/brave-cats-run.md"] == partOf[".changeset/quiet-dogs-sleep.md"] {
		t.Errorf("parts by file: %v; want each changeset with its package's code", partOf)
	}
}

// A release consumes changesets by deleting them: those are not folded
// into code like new ones.
func TestOnlyNewChangesetsAreFolded(t *testing.T) {
	in := changeOf(map[string][2]string{
		".changeset/old-note.md": {"---\n'astro': patch\n---\n\nFixes a\n", ""},
		".changeset/new-note.md": {"", "---\n'astro': patch\n---\n\nFixes b\n"},
		"docs/guide.md":          {"# Guide\n", "# Guide\n\nMore.\n"},
	})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{".changeset/old-note.md", false},
		{".changeset/new-note.md", true},
		{"docs/guide.md", false},
	} {
		g := &group{files: map[int]bool{}}
		for i, f := range w.files {
			if f.Path == tc.path {
				g.files[i] = true
			}
		}
		if got := w.onlyChangesets(g); got != tc.want {
			t.Errorf("a group of %s folds like a new changeset: %v, want %v", tc.path, got, tc.want)
		}
	}
}
