package report

import (
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// A part's whole files are checked out by the highest directory all of
// whose changed files it holds: never one holding a file another part
// takes, in whole or in hunks.
func TestCollapseDirs(t *testing.T) {
	file := func(p string, st analyzer.Status) split.PartFile { return split.PartFile{Path: p, Status: st} }
	plan := split.Plan{Parts: []split.Part{{
		Index: 1,
		Files: []split.PartFile{
			file("vendor/a/x.go", analyzer.Added), file("vendor/a/y.go", analyzer.Added), file("vendor/b/z.go", analyzer.Modified),
			file("lib/one.go", analyzer.Added), file("lib/two.go", analyzer.Modified), file("lib/gone.go", analyzer.Removed),
			file("app/main.go", analyzer.Modified), file("docs/a.md", analyzer.Modified), file("docs/b.md", analyzer.Modified),
		},
	}, {
		Index: 2,
		Files: []split.PartFile{
			file("lib/later.go", analyzer.Added), file("app/main.go", analyzer.Modified), file("app/util.go", analyzer.Modified),
			file("docs/old.md", analyzer.Removed),
		},
	}}}
	var b strings.Builder
	shared := sharedFiles(plan)
	stageCommands(&b, "2222222", plan.Parts[0], planRemovals(plan, shared)[0], shared, presentPerDir(plan))
	want := "git --literal-pathspecs rm -q -- lib/gone.go\n" +
		"git --literal-pathspecs checkout -p 2222222 -- app/main.go   # take the hunks at \n" +
		"git --literal-pathspecs checkout 2222222 -- vendor lib/one.go lib/two.go docs\n"
	if got := b.String(); got != want {
		t.Errorf("stage commands:\n%s\nwant:\n%s", got, want)
	}
}

// The Graphite commands start from the trunk when it is known, and from
// main with a note to use the trunk only when it is not.
func TestGraphiteCommandsStartFromTheTrunk(t *testing.T) {
	for _, tc := range []struct {
		trunk, parent string
		note          bool
	}{
		{"master", "master", false},
		{"release/2.x", "release/2.x", false},
		{"", "main", true},
	} {
		text := Text(SplitDocFor(samplePlan(), SplitOptions{Trunk: tc.trunk}))
		if want := "gt track " + branchName(samplePlan().Parts[0]) + " --parent " + tc.parent + "\n"; !strings.Contains(text, want) {
			t.Errorf("trunk %q: lacks %q:\n%s", tc.trunk, want, text)
		}
		if note := strings.Contains(text, "use your trunk if it is not"); note != tc.note {
			t.Errorf("trunk %q: note to use the trunk %v, want %v", tc.trunk, note, tc.note)
		}
	}
}
