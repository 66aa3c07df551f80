package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// samplePlan is a three-part stack: dependencies, a provider that shares a
// file with the consumer on top, and that consumer, over budget with many
// files.
func samplePlan() split.Plan {
	shared := func(hunks ...split.PartHunk) split.PartFile {
		return split.PartFile{Path: "pkg/parse/parse.go", OldPath: "pkg/parse/parse.go", Status: analyzer.Modified, Hunks: hunks}
	}
	var many []split.PartFile
	for i := 0; i < 7; i++ {
		p := fmt.Sprintf("cmd/tool/step%d.go", i)
		many = append(many, split.PartFile{Path: p, OldPath: p, Status: analyzer.Modified,
			Hunks: []split.PartHunk{{OldStart: 10, OldLines: 2, NewStart: 10, NewLines: 5}}})
	}
	many = append(many, shared(split.PartHunk{OldStart: 80, OldLines: 3, NewStart: 84, NewLines: 6}))
	return split.Plan{
		Base: "1111111111111111111111111111111111111111", Head: "2222222222222222222222222222222222222222",
		Budget: split.Budget{Lines: 400, Files: 40}, FewestParts: 2,
		Parts: []split.Part{{
			Index: 1, Title: "Update dependencies and build files: go.mod and go.sum", Kind: split.KindDependencies,
			Rationale:     "Dependency and build changes go first so the parts after them build on them.",
			WeightedLines: 2, DependsOn: []int{},
			Files: []split.PartFile{
				{Path: "go.mod", OldPath: "go.mod", Status: analyzer.Modified, Hunks: []split.PartHunk{{OldStart: 5, OldLines: 1, NewStart: 5, NewLines: 1}}},
				{Path: "go.sum", OldPath: "go.sum", Status: analyzer.Modified, Hunks: []split.PartHunk{{OldStart: 9, OldLines: 2, NewStart: 9, NewLines: 2}}},
			},
		}, {
			Index: 2, Title: "Add Tokenize in pkg/parse, with tests", Kind: split.KindProvider,
			Rationale:     "Tests travel with the code they exercise; all in pkg/parse.",
			WeightedLines: 61, DependsOn: []int{1},
			Files: []split.PartFile{
				shared(split.PartHunk{OldStart: 12, OldLines: 0, NewStart: 13, NewLines: 40}),
				{Path: "pkg/parse/tokenize_test.go", Status: analyzer.Added, Hunks: []split.PartHunk{{NewStart: 1, NewLines: 42}}},
				{Path: "pkg/parse/old helper.go", OldPath: "pkg/parse/old helper.go", Status: analyzer.Removed, Hunks: []split.PartHunk{{OldStart: 1, OldLines: 20}}},
				{Path: "docs/logo.png", Status: analyzer.Added, Binary: true, Hunks: []split.PartHunk{}},
			},
		}, {
			Index: 3, Title: "Change Run, step and 5 more in cmd/tool", Kind: split.KindConsumer,
			Rationale:     "It changes Tokenize together with the code that uses it; over the budget of 400 weighted lines and 40 files, but cutting it further would split a declaration or a file that must ship whole.",
			WeightedLines: 455, OverBudget: true, DependsOn: []int{2},
			Files: many,
		}},
	}
}

func TestSplitGolden(t *testing.T) {
	single := samplePlan()
	single.Parts = single.Parts[1:2]
	single.Parts[0].Index, single.Parts[0].DependsOn = 1, []int{}
	single.FewestParts = 1
	tests := []struct {
		name string
		plan split.Plan
	}{
		{"split_stack", samplePlan()},
		{"split_single", single},
		{"split_empty", split.Plan{Base: "1111111", Head: "2222222", Budget: split.Budget{Lines: 400, Files: 40}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name+".md", Markdown(SplitDoc(tt.plan)))
			golden(t, tt.name+".txt", Text(SplitDoc(tt.plan)))
		})
	}
	// The compact listing a comment falls back to when the full one is too
	// long for GitHub: one row per part, the commands without file lists.
	golden(t, "split_compact.md", Markdown(Doc{Blocks: SplitSectionCompact(samplePlan())}))
}

func TestBranchNamesAndQuoting(t *testing.T) {
	part := split.Part{Index: 3, Title: "Change `Run`, step & 5 more in cmd/tool: a very long title indeed"}
	if got, want := branchName(part), "mvc/split/03-change-run-step-5-more-in-cmd-tool-a"; got != want {
		t.Errorf("branchName = %q, want %q", got, want)
	}
	for in, want := range map[string]string{"a/b.go": "a/b.go", "old helper.go": "'old helper.go'", "it's": `'it'\''s'`, "": "''"} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

// A change within budget needs no split; the parts are offered as a cut by
// purpose, without the fewest-parts hint.
func TestSplitSummaryWithinBudget(t *testing.T) {
	p := samplePlan()
	p.FewestParts = 1
	for i := range p.Parts {
		p.Parts[i].OverBudget = false
	}
	got := splitSummary(p)
	if !strings.HasPrefix(got, "**No split needed:** the change fits the budget") || strings.Contains(got, "--fewest-parts") {
		t.Errorf("summary %q", got)
	}
}

func TestPartRefsNameTheNumbersOnce(t *testing.T) {
	for _, tc := range []struct {
		idx  []int
		want string
	}{
		{[]int{2}, "part 2"},
		{[]int{1, 3}, "parts 1 and 3"},
		{[]int{6, 7, 8, 9}, "parts 6, 7, 8 and 9"},
		{[]int{1, 2, 3, 4, 5, 6}, "parts 1, 2, 3, 4, 5 and 6"},
		{[]int{1, 2, 3, 4, 5, 6, 9, 12}, "parts 1, 2, 3, 4, 5 and 3 more"},
	} {
		if got := split.PartRefs(tc.idx); got != tc.want {
			t.Errorf("PartRefs(%v) = %q, want %q", tc.idx, got, tc.want)
		}
	}
}

func TestSplitSummaryCountsOverBudgetParts(t *testing.T) {
	for _, tc := range []struct {
		over int
		want string
	}{
		{1, "1 part is over the budget of 400 weighted lines and 40 files: it cannot be cut"},
		{2, "2 parts are over the budget of 400 weighted lines and 40 files: they cannot be cut"},
	} {
		p := samplePlan()
		for i := range p.Parts {
			p.Parts[i].OverBudget = i < tc.over
		}
		if got := splitSummary(p); !strings.Contains(got, tc.want) {
			t.Errorf("%d over budget: summary %q, want it to say %q", tc.over, got, tc.want)
		}
	}
}

// A part of thousands of files (a vendored drop) lists the first ones and
// says how many more there are, so the rest of the stack still fits in a
// pull request comment.
func TestSplitPartListsAtMostFiftyFiles(t *testing.T) {
	p := samplePlan()
	var files []split.PartFile
	for i := range 2844 {
		files = append(files, split.PartFile{Path: fmt.Sprintf("vendor/example.com/lib/f%04d.go", i), Status: analyzer.Added,
			Hunks: []split.PartHunk{{NewStart: 1, NewLines: 30}}})
	}
	p.Parts[0].Files = files
	out := Markdown(SplitDoc(p))
	if n := strings.Count(out, "`vendor/example.com/lib/"); n != splitListedFiles {
		t.Errorf("%d vendored files listed, want %d", n, splitListedFiles)
	}
	for _, want := range []string{"2,844 files of part 1", "… and 2,794 more files: `mvc split --format json` lists them all.", "**3. Change Run"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if len(out) > 20000 {
		t.Errorf("markdown is %d bytes", len(out))
	}
}

// The compact listing marks the dimension a part is over by: 191 lines
// and 55 files are over by their files.
func TestCompactListingMarksWhatIsOver(t *testing.T) {
	p := split.Plan{Base: strings.Repeat("1", 40), Head: strings.Repeat("2", 40), Budget: split.Budget{Lines: 400, Files: 40}}
	for i, n := range []int{55, 2} {
		part := split.Part{Index: i + 1, Title: fmt.Sprintf("part %d", i+1), WeightedLines: 191, ReviewableFiles: n, OverBudget: n > 40, DependsOn: []int{}}
		for f := range n {
			part.Files = append(part.Files, split.PartFile{Path: fmt.Sprintf("d%d/f%d.go", i, f), Status: analyzer.Added})
		}
		p.Parts = append(p.Parts, part)
	}
	md := Markdown(Doc{Blocks: SplitSectionCompact(p)})
	if !strings.Contains(md, "| 1 | part 1 | 191 | 55 (over budget) |") || strings.Contains(md, "191 (over budget)") {
		t.Errorf("compact listing:\n%s", md)
	}
}

// Parts in a cycle of uses do not build one on another: the stack's
// summary says so before "merge bottom first" misleads.
func TestSummaryWarnsOfCycles(t *testing.T) {
	p := split.Plan{Base: strings.Repeat("1", 40), Head: strings.Repeat("2", 40), Budget: split.Budget{Lines: 400, Files: 40}}
	for i, r := range []string{"Adds the parser; it also uses part 2, later in the stack, which needs it in turn through a cycle of uses, " + split.CycleNote + ".", "Uses the parser."} {
		p.Parts = append(p.Parts, split.Part{Index: i + 1, Title: fmt.Sprintf("part %d", i+1), WeightedLines: 100, Rationale: r, DependsOn: []int{},
			Files: []split.PartFile{{Path: fmt.Sprintf("f%d.go", i), Status: analyzer.Added}}})
	}
	md := Markdown(Doc{Blocks: SplitSection(p)})
	if !strings.Contains(md, "But 1 part also uses a later part, in a cycle of uses") {
		t.Errorf("summary:\n%s", md)
	}
}

// The budget counts reviewable files: a part holding both halves of 20
// renames and a lockfile says how many of its files count.
func TestPartSaysHowManyFilesCount(t *testing.T) {
	part := split.Part{Index: 1, Title: "Move the parser", WeightedLines: 12, ReviewableFiles: 20, DependsOn: []int{}}
	for f := range 20 {
		part.Files = append(part.Files,
			split.PartFile{Path: fmt.Sprintf("old/f%d.go", f), Status: analyzer.Removed},
			split.PartFile{Path: fmt.Sprintf("new/f%d.go", f), Status: analyzer.Added})
	}
	part.Files = append(part.Files, split.PartFile{Path: "go.sum", Status: analyzer.Modified})
	p := split.Plan{Base: strings.Repeat("1", 40), Head: strings.Repeat("2", 40), Budget: split.Budget{Lines: 400, Files: 40}, Parts: []split.Part{part}}
	md := Markdown(SplitDoc(p))
	if !strings.Contains(md, "41 files (20 reviewable)") {
		t.Errorf("the part does not say how many of its files count:\n%s", md)
	}
}
