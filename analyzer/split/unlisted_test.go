package split

import (
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// GitHub leaves the patch out of a very large diff and keeps its line
// counts. Such a file weighs in the proposal what the size check counted
// of it: a 5,000-line file is a part over budget, not a part of 0 lines
// beside a too-large verdict.
func TestFileListedWithoutItsDiffWeighsItsCounts(t *testing.T) {
	in := Input{Change: analyzer.Change{Files: []analyzer.FileChange{
		{Path: "internal/db/queries.go", Status: analyzer.Added, Additions: 5000},
		{Path: "app/main.go", Status: analyzer.Added, Additions: 2, Hunks: []analyzer.Hunk{{NewStart: 1, NewLines: 2,
			Lines: []analyzer.Line{{Op: analyzer.Add, Text: "package main"}, {Op: analyzer.Add, Text: "func main() {}"}}}}},
	}}, Policy: size.DefaultPolicy()}
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			if f.Path == "internal/db/queries.go" {
				found = true
				if p.WeightedLines < 5000 || p.ChangedLines < 5000 || !p.OverBudget {
					t.Errorf("part %d %q: %d weighted, %d changed lines, over budget %v; want the file's 5,000 lines, over budget",
						p.Index, p.Title, p.WeightedLines, p.ChangedLines, p.OverBudget)
				}
			}
		}
	}
	if !found {
		t.Fatal("the file is in no part")
	}
}
