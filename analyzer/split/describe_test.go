package split

import (
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

func TestBaseNamesAreTheShortestDistinctTails(t *testing.T) {
	got := baseNames([]string{
		"playground/vue/components/HelloWorld.vue",
		"playground/react/components/HelloWorld.vue",
		"playground/vue/main.js",
		"a/b", "c/a/b",
	})
	want := []string{"vue/components/HelloWorld.vue", "react/components/HelloWorld.vue", "main.js", "a/b", "c/a/b"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("baseNames = %q, want %q", got, want)
	}
}

// A part of files without lines is named by their status: a modified
// image is changed, a new one added.
func TestTitleVerbOfFilesWithoutLines(t *testing.T) {
	for _, tc := range []struct {
		status analyzer.Status
		want   string
	}{
		{analyzer.Modified, "Change logo.png"},
		{analyzer.Added, "Add logo.png"},
		{analyzer.Removed, "Remove logo.png"},
	} {
		in := Input{Policy: size.DefaultPolicy()}
		in.Change.Files = []analyzer.FileChange{{Path: "logo.png", Status: tc.status, Binary: true}}
		plan, err := Split(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Parts) != 1 || plan.Parts[0].Title != tc.want {
			t.Errorf("%s binary: parts %+v, want one titled %q", tc.status, plan.Parts, tc.want)
		}
	}
}
