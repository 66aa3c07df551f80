package golang

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
)

func TestBaseLineOf(t *testing.T) {
	// Base lines 1..10; applied: line 3 replaced by two lines, and two
	// lines inserted after line 6.
	applied := []split.PartHunk{
		{OldStart: 6, OldLines: 0, NewStart: 7, NewLines: 2},
		{OldStart: 3, OldLines: 1, NewStart: 3, NewLines: 2},
	}
	for _, tc := range []struct {
		line, want int
		ok         bool
	}{
		{1, 1, true}, {2, 2, true}, {3, 0, false}, {4, 0, false}, {5, 4, true},
		{7, 6, true}, {8, 0, false}, {9, 0, false}, {10, 7, true}, {13, 10, true},
	} {
		got, ok := baseLineOf(applied, tc.line)
		if got != tc.want || ok != tc.ok {
			t.Errorf("baseLineOf(%d) = %d, %v; want %d, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestMissingNames(t *testing.T) {
	for msg, want := range map[string][]string{
		"undefined: a.Greet": {"Greet"},
		"undefined: helper":  {"helper"},
		"x.Close undefined (type *T has no field or method Close)":                                                      {"Close"},
		"not enough arguments in call to a.Hello\n\thave ()\n\twant (string)":                                           {"Hello"},
		"cannot use s (variable of type S) as I value in argument to Run: S does not implement I (missing method Stop)": {"Stop", "Run"},
		"declared and not used: x": nil,
	} {
		if diff := cmp.Diff(want, missingNames(msg)); diff != "" {
			t.Errorf("missingNames(%q) (-want +got):\n%s", msg, diff)
		}
	}
}

func TestDeclPatterns(t *testing.T) {
	for _, tc := range []struct {
		line string
		tier int // 0 strong, 1 weak, -1 none
	}{
		{"func Greet(name string) string {", 0},
		{"func (s *Server) Greet() {", 0},
		{"func Greet[T any](v T) {", 0},
		{"type Greet struct {", 0},
		{"var Greet = 1", 0},
		{"\tGreet(name string) error", 1},
		{"\tGreet, Other int", 1},
		{"\tGreet = iota", 1},
		{"func Greeter() {}", -1},
		{"\treturn Greet(x)", -1},
		{"// Greet greets", -1},
	} {
		got := -1
		for i, re := range declPatterns("Greet") {
			if re.MatchString(tc.line) {
				got = i
				break
			}
		}
		if got != tc.tier {
			t.Errorf("%q matches tier %d, want %d", tc.line, got, tc.tier)
		}
	}
}

func TestDropPartRenumbersDependencies(t *testing.T) {
	plan := split.Plan{Parts: []split.Part{
		{Index: 1}, {Index: 2, DependsOn: []int{1}}, {Index: 3, DependsOn: []int{2}}, {Index: 4, DependsOn: []int{1, 3}},
	}}
	got := dropPart(clonePlan(plan), 2, 1) // part 3 went into part 2
	var deps [][]int
	for i, p := range got.Parts {
		if p.Index != i+1 {
			t.Errorf("part at %d has index %d", i, p.Index)
		}
		deps = append(deps, p.DependsOn)
	}
	if diff := cmp.Diff([][]int{{}, {1}, {1, 2}}, deps); diff != "" {
		t.Errorf("dependencies (-want +got):\n%s", diff)
	}
	if len(plan.Parts) != 4 || len(plan.Parts[3].DependsOn) != 2 || plan.Parts[3].DependsOn[1] != 3 {
		t.Errorf("the original plan changed: %+v", plan.Parts)
	}
}

func TestGoDirsSkipTestdataAndVendor(t *testing.T) {
	files := []analyzer.FileChange{{Path: "a/a.go"}, {Path: "a/b.go"}, {Path: "x/testdata/src/p/p.go"}, {Path: "testdata/q.go"},
		{Path: "vendor/example.com/lib/lib.go"}, {Path: "tools/vendor/example.com/x/x.go"}, {Path: "vendorized/v.go"},
		{Path: "c/new.go", OldPath: "d/old.go"}, {Path: "README.md"}}
	if diff := cmp.Diff([]string{"a", "vendorized", "c", "d"}, goDirs(files)); diff != "" {
		t.Errorf("goDirs (-want +got):\n%s", diff)
	}
}

func TestMoveHunksKeepsPositionsValid(t *testing.T) {
	h := func(old int) split.PartHunk {
		return split.PartHunk{OldStart: old, OldLines: 1, NewStart: old, NewLines: 1}
	}
	plan := split.Plan{Parts: []split.Part{
		{Index: 1, Files: []split.PartFile{{Path: "x.go", Hunks: []split.PartHunk{h(1)}}}},
		{Index: 2, Files: []split.PartFile{{Path: "y.go", Hunks: []split.PartHunk{h(2), h(5)}}}},
		{Index: 3, Files: []split.PartFile{{Path: "y.go", Hunks: []split.PartHunk{h(9)}}}, DependsOn: []int{2}},
	}}
	in := split.Input{Policy: size.DefaultPolicy()}
	got := moveHunks(in, plan, []hunkRef{{part: 1, file: 0, hunk: 1}, {part: 2, file: 0, hunk: 0}}, 0)
	var layout []string
	for _, p := range got.Parts {
		for _, f := range p.Files {
			for _, hk := range f.Hunks {
				layout = append(layout, fmt.Sprintf("%d:%s@%d", p.Index, f.Path, hk.OldStart))
			}
		}
	}
	if diff := cmp.Diff([]string{"1:x.go@1", "1:y.go@5", "1:y.go@9", "2:y.go@2"}, layout); diff != "" {
		t.Errorf("layout (-want +got):\n%s", diff)
	}
	if got.Parts[0].ChangedLines != 6 || len(plan.Parts) != 3 {
		t.Errorf("part 1 has %d changed lines (want 6); the input plan has %d parts (want 3)", got.Parts[0].ChangedLines, len(plan.Parts))
	}
}

// After a repair moves hunks, the parts they left and joined are named
// again by what they now hold; untouched parts keep their names.
func TestRetitleNamesPartsHunksMovedBetween(t *testing.T) {
	var lines []string
	for i := range 12 {
		lines = append(lines, fmt.Sprintf("\tx%d := read(%d)", i, i))
	}
	body := strings.Join(lines, "\n")
	in := newFilesInput(map[string]string{
		"parse/parse.go":   "package parse\n\nfunc Parse() {\n" + body + "\n}\n",
		"render/render.go": "package render\n\nfunc Render() {\n" + body + "\n}\n",
		"store/store.go":   "package store\n\nfunc Store() {\n" + body + "\n}\n",
	})
	in.Policy.Budget.Lines = 15
	plan, err := split.Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 3 {
		t.Fatalf("%d parts, want 3", len(plan.Parts))
	}
	before := []string{plan.Parts[0].Title, plan.Parts[1].Title, plan.Parts[2].Title}
	moved := moveHunk(in, plan, hunkRef{part: 2, file: 0, hunk: 0}, 0)
	got := retitle(in, plan, moved)
	if len(got.Parts) != 2 {
		t.Fatalf("%d parts after the move, want 2", len(got.Parts))
	}
	if got.Parts[0].Title == before[0] || !strings.Contains(got.Parts[0].Title, " and ") {
		t.Errorf("part 1 is still titled %q after taking part 3's function", got.Parts[0].Title)
	}
	if got.Parts[1].Title != before[1] {
		t.Errorf("untouched part 2 renamed %q, want %q", got.Parts[1].Title, before[1])
	}
}

// newFilesInput is a change that adds the given files, with their contents.
func newFilesInput(files map[string]string) split.Input {
	in := split.Input{Head: map[string][]byte{}, Base: map[string][]byte{}, Policy: size.DefaultPolicy()}
	in.Change.Base, in.Change.Head = "base", "head"
	for _, p := range slices.Sorted(maps.Keys(files)) {
		text := files[p]
		in.Head[p] = []byte(text)
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		h := analyzer.Hunk{NewStart: 1, NewLines: len(lines)}
		for _, l := range lines {
			h.Lines = append(h.Lines, analyzer.Line{Op: analyzer.Add, Text: l})
		}
		in.Change.Files = append(in.Change.Files, analyzer.FileChange{Path: p, Status: analyzer.Added, Additions: len(lines), Hunks: []analyzer.Hunk{h}})
	}
	return in
}
