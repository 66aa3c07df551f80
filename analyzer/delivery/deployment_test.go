package delivery

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTagDeployments(t *testing.T) {
	// a (committed h0) - b (h10) - c (h20) - d (h30)
	h := new(graph).line("", []string{"a", "b", "c", "d"}, []float64{0, 10, 20, 30}).history()
	tests := []struct {
		name    string
		tags    []Tag
		pattern string
		want    []Deployment
	}{
		{
			name: "annotated tags use the tagger date, lightweight the commit's committer date",
			tags: []Tag{
				{Name: "v1", SHA: "b", Tagged: hour(15)},
				{Name: "v2", SHA: "c"},
			},
			pattern: "v*",
			want:    []Deployment{deploy("b", 15, "v1"), deploy("c", 20, "v2")},
		},
		{
			name: "two tags on one commit are one deployment at the earliest time",
			tags: []Tag{
				{Name: "v2.0.0", SHA: "c", Tagged: hour(40)},
				{Name: "v2.0.0-rc.1", SHA: "c", Tagged: hour(25)},
			},
			pattern: "v*",
			want:    []Deployment{deploy("c", 25, "v2.0.0-rc.1")},
		},
		{
			name: "tags outside the pattern are not deployments",
			tags: []Tag{
				{Name: "v1", SHA: "a"},
				{Name: "nightly-2024", SHA: "b"},
				{Name: "docs/v2", SHA: "c"},
				{Name: "v3", SHA: "d"},
			},
			pattern: "v*",
			want:    []Deployment{deploy("a", 0, "v1"), deploy("d", 30, "v3")},
		},
		{
			name:    "a pattern with a directory matches inside it",
			tags:    []Tag{{Name: "api/v1", SHA: "a"}, {Name: "web/v1", SHA: "b"}},
			pattern: "api/v*",
			want:    []Deployment{deploy("a", 0, "api/v1")},
		},
		{
			name:    "a lightweight tag on a commit outside the history has no time and is skipped",
			tags:    []Tag{{Name: "v9", SHA: "elsewhere"}, {Name: "v8", SHA: "elsewhere2", Tagged: hour(5)}},
			pattern: "v*",
			want:    []Deployment{deploy("elsewhere2", 5, "v8")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TagDeployments(tt.tags, tt.pattern, h)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("TagDeployments (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTagsOutsidePatternStillShipThroughTheNextMatch(t *testing.T) {
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}).history()
	tags := []Tag{{Name: "v1", SHA: "a"}, {Name: "build-7", SHA: "b"}, {Name: "v2", SHA: "c"}}
	got := shippedSHAs(Ship(h, TagDeployments(tags, "v*", h)))
	if diff := cmp.Diff(map[string][]string{"v1": {}, "v2": {"b", "c"}}, got); diff != "" {
		t.Errorf("shipped (-want +got):\n%s", diff)
	}
}

func TestValidatePattern(t *testing.T) {
	if err := ValidatePattern("v*"); err != nil {
		t.Errorf("v*: %v", err)
	}
	if err := ValidatePattern("v[1-"); err == nil {
		t.Error("v[1-: no error for a malformed glob")
	}
}

func TestMergeDeployments(t *testing.T) {
	// main: a - m1(a, f) - b - m2(b, g); f and g are feature commits, and
	// m3 merges main into a feature branch, off the first-parent chain.
	h := new(graph).line("", []string{"a"}, []float64{0}).
		line("a", []string{"f"}, []float64{1}).
		add("m1", 2, 3, "a", "f").
		line("m1", []string{"b"}, []float64{4}).
		line("b", []string{"g"}, []float64{5}).
		add("m3", 6, 6, "g", "b").
		add("m2", 7, 8, "b", "m3").
		history()
	want := []Deployment{deploy("m1", 3, "m1"), deploy("m2", 8, "m2")}
	if diff := cmp.Diff(want, MergeDeployments(h, "m2")); diff != "" {
		t.Errorf("MergeDeployments (-want +got):\n%s", diff)
	}
	if got := MergeDeployments(h, "unknown"); len(got) != 0 {
		t.Errorf("MergeDeployments from an unknown tip = %v, want none", got)
	}
}

func TestFirstParentChainSurvivesACycle(t *testing.T) {
	h := new(graph).add("a", 0, 0, "b").add("b", 1, 1, "a").history()
	if got := len(h.FirstParentChain("a")); got != 2 {
		t.Fatalf("chain length %d, want 2", got)
	}
}

// Release tags by default: v* and versions after a package or module name,
// as monorepos tag; a glob when one is given.
func TestTagMatcher(t *testing.T) {
	release := TagMatcher(DefaultTagPattern)
	for name, want := range map[string]bool{
		"v1.2.3": true, "v2": true, "v1.3.0-rc.1": true, "1.2.3": true, "2024.01.05": true,
		"svelte@5.1.0": true, "@astrojs/vercel@8.0.1": true, "jsoup-1.18.3": true, "api/v1.4.0": true,
		"create-astro@4.11.0-beta.1": true,
		"vendor/snapshot-2024":       false, "vnext": false, "v": false, "vendor-7": false,
		"nightly": false, "build-7": false, "release": false, "latest": false, "pkg@next": false, "2": false,
	} {
		if got := release(name); got != want {
			t.Errorf("release tag %q: %v, want %v", name, got, want)
		}
	}
	glob := TagMatcher("api/v*")
	if !glob("api/v1.0.0") || glob("v1.0.0") || glob("api/x/v1") {
		t.Error("a glob matches as path.Match does")
	}
}
